"""Front matter as campus profiles: supervisors I/II, coordinator, 'Mengetahui', NIP/NIDN, approval date,
abstract, no approval page; with 1-6 signatories and 1-6 authors the approval page stays one page."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from macros.loading import load_case
from macros.pdf import frontmatter
from macros.pdf.render import PRINT_CSS
from macros.pdf.settings import FrontMatterLayout, PrintProfile, profile_css
from macros.pdf.site_pdfs import shows_draft_mark
from macros.schema.front import Abstrak, Pejabat, Pengesahan, Penulis
from tests.helpers import ROOT, write_case_variant

PEOPLE = [Pejabat.model_validate({"nama": f"Dr. Nama Penanda Tangan Ke{i}, M.Si.", "nip": f"19700101 199503 1 00{i}",
                                  "nidn": f"04010170{i:02d}"}) for i in range(1, 7)]
FIELD = "Pendamping Lapangan"


def _case(tmp_path: Path):
    return load_case(write_case_variant(tmp_path, None, (ROOT / "tests/fixtures/valid_case/kasus.yml").read_text(),
                                        name="profil-uji")).loaded.case


def _approval(layout: str, signatories: int) -> Pengesahan:
    """Default layout: supervisor, field instructors, head. Second layout: two supervisors, coordinator, head,
    then field instructors."""
    people = iter(PEOPLE)
    fields: dict = {"supervisor": next(people)}
    order = (["head"] + ["field"] * 4 if layout == "kampus"
             else ["second", "coordinator", "head", "field", "field"])
    field = []
    for slot in order[: signatories - 1]:
        person = next(people)
        if slot == "field":
            field.append(person.model_copy(update={"role": FIELD}))
        elif slot == "second":
            fields["second_supervisor"] = person
        elif slot == "coordinator":
            fields["coordinator"] = person.model_copy(update={"role": "Koordinator Praktikum Mikro"})
        else:
            fields["head_of_programme"] = person.model_copy(update={"role": "Ketua Jurusan Pekerjaan Sosial"})
    return Pengesahan.model_construct(approved_on=None, field_instructors=field,
                                      **{"second_supervisor": None, "coordinator": None, "head_of_programme": None, **fields})


def _pages(html: str) -> list[str]:
    from weasyprint import CSS, HTML

    css = [CSS(string=profile_css(PrintProfile())), CSS(filename=str(PRINT_CSS))]
    pdf = HTML(string=f'<html lang="id"><body><div class="bagian-depan">{html}</div></body></html>').write_pdf(stylesheets=css)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [" ".join(page.split()) for page in text.decode().split("\f")[:-1]]


@pytest.mark.slow
@pytest.mark.parametrize("authors", [1, 6])
@pytest.mark.parametrize("layout", ["kampus", "dua-pembimbing"])
@pytest.mark.parametrize("signatories", range(1, 7))
def test_the_approval_page_is_one_page_for_one_to_six_signatories(tmp_path, layout, signatories, authors):
    case = _case(tmp_path)
    approval = _approval(layout, signatories)
    assert approval.signatories == signatories
    student = case.student
    if authors > 1:
        group = [Penulis.model_validate({"nama": f"Mahasiswa Kelompok Nomor {i}", "nrp": f"22041{i:02d}"}) for i in range(authors)]
        student = student.model_copy(update={"name": None, "student_number": None, "group_authors": group})
    case = case.model_copy(update={"approval": approval, "student": student})
    pages = _pages(frontmatter.cover(case, None) + frontmatter.approval_page(case))
    assert len(pages) == 2, f"cover and approval page must be one page each, got {len(pages)} pages"
    approval_text = pages[1]
    words = approval_text.split()
    for person in PEOPLE[:signatories]:  # names wrap in narrow columns: every word of it on this page
        assert all(word in words for word in person.name.split()), person.name
        assert f"NIP {person.staff_number}" in approval_text and f"NIDN {person.lecturer_number}" in approval_text
    # A field instructor's role is the heading of their signature, printed once, not again under the name.
    assert approval_text.count(FIELD) == len(approval.field_instructors)
    if approval.second_supervisor:
        assert "Pembimbing I" in approval_text and "Pembimbing II" in approval_text
        assert "Pembimbing I: " in pages[0] and "Pembimbing II: " in pages[0]
    else:
        assert "Pembimbing: " + PEOPLE[0].name in pages[0]
    if approval.coordinator:
        assert "Koordinator Praktikum Mikro" in approval_text
    assert ("Mengetahui:" in approval_text) == bool(approval.coordinator or approval.head_of_programme)


def test_a_campus_without_cover_supervisor_line_approval_date_or_staff_numbers(tmp_path):
    case = _case(tmp_path)
    approved = _approval("kampus", 2).model_copy(update={"approved_on": case.report.period.end})
    case = case.model_copy(update={"approval": approved})
    plain = FrontMatterLayout.model_validate({"pembimbing_di_sampul": False, "tanggal_pengesahan": False,
                                             "nomor_pegawai": False})
    cover, page = frontmatter.cover(case, None, plain), frontmatter.approval_page(case, plain)
    assert "Pembimbing:" not in cover and "Telah disetujui" not in page and "NIP" not in page and "NIDN" not in page
    default = FrontMatterLayout()
    assert "Pembimbing: " in frontmatter.cover(case, None, default)
    assert "Telah disetujui pada tanggal" in frontmatter.approval_page(case, default)
    assert "NIP 19700101 199503 1 001" in frontmatter.approval_page(case, default)


def test_without_an_approval_page_a_report_is_a_variant_not_a_draft(tmp_path):
    case = _case(tmp_path)
    none = FrontMatterLayout.model_validate({"lembar_pengesahan": False})
    assert frontmatter.approval_page(case, none) == ""
    without = case.model_copy(update={"approval": None})
    assert shows_draft_mark(without, FrontMatterLayout()) and not shows_draft_mark(without, none)
    unapproved = case.model_copy(update={"approval": _approval("kampus", 2)})
    assert shows_draft_mark(unapproved, none)  # written, but not approved: still a draft


def test_the_abstract_page_prints_text_and_keywords(tmp_path):
    case = _case(tmp_path)
    assert frontmatter.abstract_page(case) == ""
    case = case.model_copy(update={"abstract": Abstrak.model_validate(
        {"isi": "Praktikum ini memperkuat kemandirian klien.", "kata_kunci": ["kemandirian", "pekerjaan sosial"]})})
    page = frontmatter.abstract_page(case)
    assert 'id="abstrak"' in page and "<h1>Abstrak</h1>" in page
    assert "Praktikum ini memperkuat kemandirian klien." in page and "kemandirian; pekerjaan sosial" in page


def test_oleh_is_said_once_and_signatures_are_under_menyetujui(tmp_path):
    """User test: an approved approval page read "Oleh: <author> … Telah disetujui … Oleh:"."""
    case = _case(tmp_path)
    for approved_on in (None, case.report.period.end):
        approval = _approval("kampus", 3).model_copy(update={"approved_on": approved_on})
        page = frontmatter.approval_page(case.model_copy(update={"approval": approval}))
        assert page.count("Oleh:") == 1 and page.count("Menyetujui:") == 1


def _lines(page_html: str) -> list[str]:
    """Each paragraph and table cell of a page as the reader sees it (text, spaces collapsed)."""
    import html as html_module
    import re

    chunks = re.findall(r"<(p|td|h1)\b[^>]*>(.*?)</\1>", page_html, re.S)
    texts = [" ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", inner)).split()) for _, inner in chunks]
    return [text for text in texts if text]


LAYOUTS = {"kampus": FrontMatterLayout(),
           "polos": FrontMatterLayout.model_validate({"pembimbing_di_sampul": False, "tanggal_pengesahan": False,
                                                      "nomor_pegawai": False})}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("approved", [False, True])
@pytest.mark.parametrize("shape", ["kampus", "dua-pembimbing"])
@pytest.mark.parametrize("authors", [1, 3])
def test_no_label_or_line_is_printed_twice_on_the_approval_page(tmp_path, layout, approved, shape, authors):
    """'Oleh:' after the approval date (user test 7) was one case: no line of the page may repeat, except
    one role heading per field instructor."""
    case = _case(tmp_path)
    if authors > 1:
        group = [Penulis.model_validate({"nama": f"Mahasiswa Kelompok {i}", "nrp": f"22041{i:02d}"}) for i in range(authors)]
        case = case.model_copy(update={"student": case.student.model_copy(
            update={"name": None, "student_number": None, "group_authors": group})})
    for signatories in range(1, 7):
        approval = _approval(shape, signatories).model_copy(
            update={"approved_on": case.report.period.end if approved else None})
        page = frontmatter.approval_page(case.model_copy(update={"approval": approval}), LAYOUTS[layout])
        lines = _lines(page)
        repeated = {line: lines.count(line) for line in lines if lines.count(line) > 1}
        allowed = {FIELD: len(approval.field_instructors)} if len(approval.field_instructors) > 1 else {}
        assert repeated == allowed, (signatories, repeated)
        labels = [line for line in lines if line.endswith(":")]
        assert len(labels) == len(set(labels)) and labels.count("Oleh:") + labels.count("Disusun oleh:") == 1


@pytest.mark.slow
def test_the_printed_approval_page_says_each_label_once(tmp_path):
    case = _case(tmp_path)
    approval = _approval("dua-pembimbing", 6).model_copy(update={"approved_on": case.report.period.end})
    pages = _pages(frontmatter.approval_page(case.model_copy(update={"approval": approval})))
    assert len(pages) == 1
    for label in ("Oleh:", "Menyetujui:", "Mengetahui:", "Telah disetujui pada tanggal", "Pembimbing I", "Pembimbing II"):
        assert len(re.findall(rf"{re.escape(label)}(?![I\w])", pages[0])) == 1, label


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["kampus", "dua-pembimbing"])
def test_without_logo_or_date_line_the_blocks_keep_apart_and_one_page_each(tmp_path, shape):
    """The logo's margins and the date line were the only room between title, authors and 'Menyetujui:'."""
    case = _case(tmp_path)
    group = [Penulis.model_validate({"nama": f"Mahasiswa Kelompok Nomor {i}", "nrp": f"22041{i:02d}"}) for i in range(6)]
    approval = _approval(shape, 6).model_copy(update={"approved_on": case.report.period.end})
    case = case.model_copy(update={"approval": approval, "student": case.student.model_copy(
        update={"name": None, "student_number": None, "group_authors": group})})
    layout = LAYOUTS["polos"]
    cover, page = frontmatter.cover(case, None, layout), frontmatter.approval_page(case, layout)
    assert '<p class="sampul-judul">' in cover and "logo-kampus" not in cover
    assert '</div><p class="menyetujui">Menyetujui:</p>' in page  # right after the authors: the CSS gap applies
    assert len(_pages(cover + page)) == 2


@pytest.mark.parametrize("typed", ["@@halaman:tidak-ada@@", "@@halaman:bab-1--h0@@"])
def test_a_heading_that_spells_the_page_placeholder_stays_text(typed):
    """redteam-s23 #4: a heading typed as the front matter's page placeholder aborted the build (unknown anchor) or
    became a page number in the Daftar Isi (known anchor). Only the list's own attribute is filled."""
    from macros.pdf.render import fill_page_numbers

    toc = frontmatter.table_of_contents([frontmatter.TocEntry(2, f"Latar {typed} belakang", "bab-1--h0")])
    filled = fill_page_numbers(toc, {"bab-1--h0": 3})
    assert 'data-halaman="3"' in filled and f"Latar {typed} belakang" in filled
