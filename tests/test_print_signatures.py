"""A signatory's name and academic titles stay together on the approval page, in the PDF and in the Word file
as LibreOffice lays it out (red pen: "Drs. Hendra Kusumawardana, / M.Si." with the title alone on a line).

Measured in the real output: the words of each name are found in the PDF (pdftotext -bbox) and must share one
line; a name longer than 40 characters, too long for a column three to a row even at 9 pt, may wrap, but only between two words of the name itself."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.export.docx import html_to_docx, word_ready_html
from macros.loading import load_case
from macros.pdf import frontmatter
from macros.pdf.render import PRINT_CSS
from macros.pdf.settings import PrintProfile, profile_css
from macros.schema.front import Pejabat, Pengesahan
from tests.helpers import ROOT, write_case_variant

pytestmark = pytest.mark.slow

# Short to very long, prefix and suffix titles, several degrees, a hyphenated and a one-word name.
NAMES = ["Drs. Hendra Kusumawardana, M.Si.", "Dra. Sri Wahyuningsih, M.Kes.", "Dr. Ahmad Fauzi, S.Sos., M.Si.",
         "Hj. Ratna Dewi Kartikasari, S.ST., M.P.S.", "Yohanes Krisostomus Pamungkas, S.Tr.Sos.",
         "Prof. Dr. Ir. Bambang Sutrisno Wicaksono, M.Sc., Ph.D.", "Suparman, S.H.",
         "Dr. Maria Goretti Siti-Rahayu, M.Kesos.", "Ir. H. Muhammad Rizky Ramadhan Nasution, M.T."]
ONE_LINE_UP_TO = 40  # characters: a name this long is on one line even three to a row (longer ones wrap between words)


def _case(tmp_path: Path, names: list[str], layout: str = "dua-pembimbing"):
    """Signatories in one of two campus layouts: two supervisors, coordinator, head, then field instructors; or
    ("kampus") one supervisor, the head, then field instructors: with six, three signatures to a row."""
    case = load_case(write_case_variant(tmp_path, None, (ROOT / "tests/fixtures/valid_case/kasus.yml").read_text(),
                                        name="tanda-tangan")).loaded.case
    people = [Pejabat.model_validate({"nama": name, "nip": f"19700101 199503 1 00{i}"}) for i, name in enumerate(names)]
    n = len(people)
    field = lambda group: [p.model_copy(update={"role": "Pendamping Lapangan"}) for p in group]  # noqa: E731
    if layout == "kampus":
        approval = Pengesahan.model_construct(
            approved_on=None, supervisor=people[0], second_supervisor=None, coordinator=None,
            head_of_programme=people[1].model_copy(update={"role": "Ketua Program Studi"}) if n > 1 else None,
            field_instructors=field(people[2:]))
    else:
        approval = Pengesahan.model_construct(
            approved_on=None, supervisor=people[0], second_supervisor=people[1] if n > 1 else None,
            coordinator=people[2].model_copy(update={"role": "Koordinator Praktikum"}) if n > 2 else None,
            head_of_programme=people[3].model_copy(update={"role": "Ketua Program Studi"}) if n > 3 else None,
            field_instructors=field(people[4:]))
    return case.model_copy(update={"approval": approval})


def _front(case) -> str:
    return ("<html lang='id'><body><div class='bagian-depan'>" + frontmatter.cover(case, None)
            + frontmatter.approval_page(case) + "</div></body></html>")


def _word_lines(pdf: Path, page: int) -> list[tuple[float, str]]:
    """(top, word) of every word on a page, in the PDF's text order; a non-breaking space separates words too."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    words = []
    for top, text in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', xml):
        words += [(float(top), part) for part in text.replace("\u00a0", " ").split()]
    return words


def _name_lines(words: list[tuple[float, str]], name: str) -> list[list[str]]:
    """The name's words grouped by the line they are printed on."""
    tokens = name.split()
    texts = [w for _, w in words]
    for start in range(len(texts) - len(tokens) + 1):
        if texts[start:start + len(tokens)] == tokens:
            lines: dict[float, list[str]] = {}
            for top, word in words[start:start + len(tokens)]:
                key = next((t for t in lines if abs(t - top) < 2), top)
                lines.setdefault(key, []).append(word)
            return list(lines.values())
    raise AssertionError(f"{name!r} not found in order on the approval page: {' '.join(texts)}")


def _check_names(pdf: Path, page: int, names: list[str], where: str) -> None:
    words = _word_lines(pdf, page)
    for name in names:
        lines = _name_lines(words, name)
        tokens = name.split()
        for line in lines:  # never a line of titles alone ("M.Si.", "Drs.")
            assert any(not frontmatter._is_title(tokens, tokens.index(word)) for word in line), (where, name, lines)
        if len(name) <= ONE_LINE_UP_TO:
            assert len(lines) == 1, (where, name, lines)


# 1-6 signatories in both layouts, from two starting points of NAMES: two and three signatures to a row.
SETS = [(layout, NAMES[i:i + n]) for layout in ("dua-pembimbing", "kampus") for n in range(1, 7) for i in (0, 3)
        if len(NAMES[i:i + n]) == n]


@pytest.mark.parametrize("layout, names", SETS, ids=lambda v: v if isinstance(v, str) else f"{len(v)}-{v[0].split()[1]}")
def test_a_name_and_its_titles_stay_on_one_line_in_the_pdf(tmp_path, layout, names):
    from weasyprint import CSS, HTML

    case = _case(tmp_path, names, layout)
    pdf = tmp_path / "depan.pdf"
    HTML(string=_front(case)).write_pdf(pdf, stylesheets=[CSS(string=profile_css(PrintProfile())),
                                                          CSS(filename=str(PRINT_CSS))])
    _check_names(pdf, 2, names, "PDF")


@pytest.fixture(scope="module")
def word_pdfs(tmp_path_factory):
    """Each set of names exported to Word and laid out by LibreOffice (one soffice run for all)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: `make os-deps` installs libreoffice-writer-nogui")
    base = tmp_path_factory.mktemp("tanda-tangan-word")
    files = []
    for index, (layout, names) in enumerate(SETS):
        folder = base / f"set{index}"
        folder.mkdir()
        body = "<html><body><h1 id='bab-i'>BAB I Pendahuluan</h1><p>Teks.</p></body></html>"
        files.append(html_to_docx(word_ready_html(_front(_case(folder, names, layout)), body), base / f"set{index}.docx",
                                  PrintProfile(), [folder]))
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation={(base / 'profil').as_uri()}",
                             "--convert-to", "pdf", "--outdir", str(base), *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return [base / f"set{index}.pdf" for index in range(len(SETS))]


def test_a_name_and_its_titles_stay_on_one_line_in_word_as_libreoffice_lays_it_out(word_pdfs):
    for (layout, names), pdf in zip(SETS, word_pdfs):
        _check_names(pdf, 2, names, f"Word {layout} {len(names)}")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("column_cm", [4.67, 7.0])
def test_a_title_is_glued_to_its_neighbour_whatever_the_size_chosen(name, column_cm):
    text, size = frontmatter.signatory_name(name, column_cm, 12)
    assert 9 <= size <= 12
    assert text.replace("\u00a0", " ") == name
    tokens, at = name.split(), 0
    for part in text.split(" "):  # where a line may break: every piece holds a word of the name, not titles alone
        count = len(part.split("\u00a0"))
        assert any(not frontmatter._is_title(tokens, i) for i in range(at, at + count)), (name, text)
        at += count


def test_on_the_cover_and_in_the_thanks_no_title_stands_alone_on_a_line(tmp_path):
    """The same names elsewhere on the front matter: the cover's 'Pembimbing II: …' line and the foreword's
    thanks ('… selaku …') may wrap, but a title stays with a word of the name."""
    from weasyprint import CSS, HTML

    from macros.schema.front import KataPengantar

    # Without the glue this name's line breaks just before "M.Sc., Ph.D." on the cover and in the thanks.
    long = "Prof. Dr. Ir. Raden Bambang Sutrisno Wicaksono Kusumanegara, M.Sc., Ph.D."
    case = _case(tmp_path, ["Drs. Hendra Kusumawardana, M.Si.", long])  # the second supervisor on the cover
    words = KataPengantar.model_validate({
        "isi": "Terima kasih.", "tempat": "Bandung", "tanggal": "2024-09-27",
        "ucapan_terima_kasih": [{"nama": long, "peran": "Direktur Politeknik Kesejahteraan Sosial Bandung yang telah memberi izin"}]})
    case = case.model_copy(update={"foreword": words})
    pdf = tmp_path / "depan.pdf"
    HTML(string="<html lang='id'><body><div class='bagian-depan'>" + frontmatter.cover(case, None)
         + frontmatter.foreword(case) + "</div></body></html>").write_pdf(
        pdf, stylesheets=[CSS(string=profile_css(PrintProfile())), CSS(filename=str(PRINT_CSS))])
    for page in (1, 2):
        lines = _name_lines(_word_lines(pdf, page), long)
        assert len(lines) >= 2, lines  # the test is only worth something if the name does wrap here
        tokens = long.split()
        for line in lines:
            assert any(not frontmatter._is_title(tokens, tokens.index(word)) for word in line), (page, lines)
