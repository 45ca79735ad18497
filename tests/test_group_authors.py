"""Group reports: every author, in the campus's order, on the cover, the approval page, the site card,
and in the PDF and DOCX metadata; a one-author report keeps `nama`/`nrp`."""

from __future__ import annotations

import re

import pikepdf
import pytest

from macros.loading import load_case
from tests.helpers import export_word, write_case_variant
from tests.test_pdf import build, page_texts, pdf_of
from tests.test_site_build import _project_copy

SINGLE = '''  nama: Dewi Lestari
  nrp: "2104001"
'''
AUTHORS = [("Nadia Putri Maharani", "2204101"), ("Bagus Setiawan", "2204102"), ("Citra Ayuningtyas", "2204103"),
           ("Dimas Pratama", "2204104"), ("Eka Wulandari", "2204105"), ("Fikri Ramadhan", "2204106")]
LEADER = 2  # the third author leads the group: order on paper is the campus's, not leader first


def group_yaml(authors=AUTHORS, leader=LEADER) -> str:
    lines = ["  penulis:"]
    for index, (name, nrp) in enumerate(authors):
        lines += [f"    - nama: {name}", f'      nrp: "{nrp}"'] + (["      ketua: true"] if index == leader else [])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("new", "message"), [
    (group_yaml() + SINGLE, "jangan keduanya"),
    ("", "`nama` dan `nrp` praktikan wajib diisi"),
    ('  nama: Dewi Lestari\n', "`nama` dan `nrp` praktikan wajib diisi"),
    (group_yaml().replace('"2204101"', '"2204101"\n      ketua: true'), "hanya satu penulis"),
])
def test_authors_are_named_one_way_and_lead_by_at_most_one(tmp_path, new, message):
    folder = write_case_variant(tmp_path, SINGLE, new)
    result = load_case(folder)
    shown = "\n".join(problem.format() for problem in result.errors)
    assert result.loaded is None and message in shown and "praktikan" in shown, shown


def test_a_group_report_is_valid_and_keeps_its_order(tmp_path):
    folder = write_case_variant(tmp_path, SINGLE, group_yaml())
    result = load_case(folder)
    assert not result.errors, result.errors
    case = result.loaded.case
    assert [(a.name, a.student_number) for a in case.student.authors] == AUTHORS
    assert [a.leader for a in case.student.authors].index(True) == LEADER
    single = load_case(write_case_variant(tmp_path, SINGLE, SINGLE, name="tunggal")).loaded.case
    assert [(a.name, a.student_number) for a in single.student.authors] == [("Dewi Lestari", "2104001")]


@pytest.mark.slow
def test_every_author_is_on_cover_approval_page_card_pdf_and_docx_metadata(tmp_path, monkeypatch):
    project = _project_copy(tmp_path)
    folder = write_case_variant(project / "cases", SINGLE, group_yaml(), name="kel-contoh-2024")
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    pdf = pdf_of(tmp_path / "site", "kel-contoh-2024")
    pages = page_texts(pdf)
    cover = next(text for text in pages if "Disusun oleh" in text)
    approval = next(text for text in pages if "LEMBAR PENGESAHAN" in text.upper())
    for page in (cover, approval):
        flat = re.sub(r"\s+", " ", page)
        positions = [flat.index(name) for name, _ in AUTHORS]
        assert positions == sorted(positions), "authors keep the campus's order"
        for name, nrp in AUTHORS:
            assert f"NRP {nrp}" in flat
        assert f"{AUTHORS[LEADER][0]} (Ketua)" in flat
        assert "Kelompok 1" in flat
    with pikepdf.open(pdf) as document:
        assert str(document.docinfo["/Author"]) == ", ".join(name for name, _ in AUTHORS)
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    card = home[home.index('data-slug="kel-contoh-2024"'):]
    card = card[:card.index("</article>")]
    assert "Nadia Putri Maharani, Bagus Setiawan, Citra Ayuningtyas, Dimas Pratama, Eka Wulandari, dan Fikri Ramadhan" in card

    document = export_word(project, "kel-contoh-2024", tmp_path / "kel.docx", monkeypatch)
    authors_in_docx = document.core_properties.author
    for name, _ in AUTHORS:
        assert name in authors_in_docx
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    text = re.sub(r"\s+", " ", text)  # the cover binds short names with a no-break space ("Eka\u00a0Wulandari"), as in the PDF
    for name, nrp in AUTHORS:
        assert name in text and nrp in text
