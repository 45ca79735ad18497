"""Page breaks a supervisor would mark (user test s23 F1 and F12, issue 19's "a title left at a page bottom" class).

- A short table (up to ten rows) prints whole on one page, at whatever height it starts; its total row
  (tfoot) prints once, after its last row; "Lanjutan Tabel" only continues a long table.
- An appendix heading is on the page of its first content; a scanned letter or an appendix picture is on
  the page of its heading (moved with it, scaled to leave room for it); no page is left nearly empty
  before text that would have fitted.

Read back from real PDFs: synthetic documents through the real renderer (every start height), and real
reports built by MkDocs (every appendix kind with a picture, at several heights).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.pdf.build import build_pdfs
from macros.pdf.render import SMALL_TABLE_ROWS, RenderJob, mark_small_tables
from macros.pdf.settings import PrintProfile, profile_css
from macros.render.community import _row, _table
from tests.helpers import LABORATORY_EXAMPLE, ROOT
from tests.pdf_scan import image_pages, image_spans, nearly_empty_pages, orphaned_titles, page_labels, page_lines, totals_before_rows
from tests.test_print_fidelity import build, pdf_of
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow


def _render(tmp_path: Path, sections: str, name: str = "uji") -> Path:
    html = f'<html lang="id"><body><div class="bagian-isi">{sections}</div></body></html>'
    job = RenderJob(name, "", html, profile_css(PrintProfile()), None, False, (str(tmp_path),))
    [outcome] = build_pdfs([(job, [], tmp_path / f"{name}.pdf")], tmp_path / "cache")
    assert outcome.error is None, outcome.error
    return tmp_path / f"{name}.pdf"


def _pages_text(pdf: Path) -> list[str]:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.split("\f")


def _small_table(k: int, rows: int) -> str:
    """A numbered table like the report's own (macros/render/community.py): rows and a bold total row in tfoot."""
    body = [_row([str(i), f"T{k:02d}baris{i:02d}", f"{100 * i} jiwa"]) for i in range(1, rows + 1)]
    foot = _row(["", f"<strong>T{k:02d}jumlah</strong>", f"<strong>{50 * rows * (rows + 1)} jiwa</strong>"])
    return (f'<p class="casebook-caption casebook-caption-tabel" id="t{k}">Tabel 9.{k} Tabel Kecil {k}</p>'
            + _table("casebook-uji", ["No", "Uraian", "Jumlah"], body, foot))


def test_a_short_table_with_a_total_row_prints_whole_at_every_height(tmp_path):
    """Forty sections, each starting its table one line lower (and with 2 to 10 rows): every table prints
    on one page with its caption, its total once and after its last row, and no page says "Lanjutan"."""
    sections = "".join(
        f'<section class="bab">{"".join(f"<p>Baris pengisi {i}.</p>" for i in range(k))}'
        f"{_small_table(k, 2 + k % (SMALL_TABLE_ROWS - 1))}<p>Paragraf sesudah tabel {k}.</p></section>"
        for k in range(14, 54))
    pdf = _render(tmp_path, sections)
    pages = _pages_text(pdf)
    text = "\f".join(pages)
    assert "Lanjutan" not in text
    for k in range(14, 54):
        rows = 2 + k % (SMALL_TABLE_ROWS - 1)
        marks = [f"Tabel 9.{k} ", *(f"T{k:02d}baris{i:02d}" for i in range(1, rows + 1)), f"T{k:02d}jumlah"]
        on = {m: [n for n, page in enumerate(pages) if m in page] for m in marks}
        assert all(len(found) == 1 for found in on.values()), (k, on)  # each printed once
        assert len({found[0] for found in on.values()}) == 1, (k, on)  # caption, rows and total on one page
        page = pages[on[marks[0]][0]]
        assert [page.index(m) for m in marks] == sorted(page.index(m) for m in marks), k  # total after the last row
    assert orphaned_titles(pdf) == [] and totals_before_rows(pdf) == []


def test_a_long_table_splits_with_lanjutan_and_prints_its_total_once_after_the_last_row(tmp_path):
    rows = [_row([str(i), f"Lbaris{i:03d}", f"{i} jiwa"]) for i in range(1, 91)]
    foot = _row(["", "<strong>Ljumlah</strong>", "<strong>4.095 jiwa</strong>"])
    section = ('<section class="bab"><p>Pembuka.</p>'
               '<p class="casebook-caption casebook-caption-tabel" id="panjang">Tabel 9.1 Tabel Panjang</p>'
               + _table("casebook-uji", ["No", "Uraian", "Jumlah"], rows, foot) + "<p>Penutup.</p></section>")
    pages = _pages_text(_render(tmp_path, section))
    assert len(pages) > 3
    total_pages = [n for n, page in enumerate(pages) if "Ljumlah" in page]
    last_row = [n for n, page in enumerate(pages) if "Lbaris090" in page]
    assert total_pages == last_row  # once, on the page of the last row
    assert pages[last_row[0]].index("Lbaris090") < pages[last_row[0]].index("Ljumlah")
    assert sum("Lanjutan Tabel 9.1" in page for page in pages) == len(pages) - 2  # every continuation, not the first


def test_which_tables_print_whole():
    from weasyprint import HTML

    def marked(table: str) -> bool:
        root = HTML(string=f"<html><body>{table}</body></html>").etree_element
        mark_small_tables(root)
        return next(root.iter("table")).get("data-utuh") is not None

    def table(rows: int, cell: str = "isi", css: str = "casebook-tabel") -> str:
        return (f'<table class="{css}"><thead><tr><th>A</th><th>B</th></tr></thead><tbody>'
                + "".join(f"<tr><td>{i}</td><td>{cell}</td></tr>" for i in range(rows)) + "</tbody></table>")

    assert marked(table(1)) and marked(table(SMALL_TABLE_ROWS))
    assert marked(table(SMALL_TABLE_ROWS - 1) .replace("</tbody>", "</tbody><tfoot><tr><td></td><td>Jumlah</td></tr></tfoot>"))
    assert not marked(table(SMALL_TABLE_ROWS + 1))  # a long table may split, with "Lanjutan Tabel"
    assert not marked(table(8, "kalimat panjang yang memenuhi sel tabel " * 12))  # taller than two thirds of a page
    assert not marked(table(5, css="casebook-identitas"))  # label/value lines split like a paragraph


# --- Real reports: every appendix kind with a picture, at several heights -----------------------------------------

SCANNED_LETTER = """    - judul: Surat Keterangan Selesai Praktikum
      nomor: 400/131/Kel.MS/IV/2024
      tanggal: 2024-04-12
      dari: Lurah Mekarsantun
      perihal: Keterangan selesai praktikum
      berkas: media/surat-selesai.jpg
"""
PLAIN_LETTER = """    - judul: Surat Pengantar {n} dari Kecamatan
      nomor: 400/{n}/Kec/III/2024
      tanggal: 2024-03-05
      dari: Camat Mekarsantun
      perihal: Pengantar ke kelurahan
"""
OTHERS = """  lainnya:
    - judul: Peta Sosial Kelurahan
      berkas: media/peta-sosial.png
    - judul: Instrumen Pendataan PPKS per RW
      isi: |
        Daftar pertanyaan untuk ketua RW dan kader: jumlah lansia, anak putus sekolah, keluarga miskin.
    - judul: Denah Posko Kelompok
      isi: |
        Denah posko kelompok di balai RW 03, digambar ulang dari sketsa kader.
      berkas: media/denah-posko.png
"""


def _pictures(media: Path) -> None:
    """An A4-proportioned letter scan (1240 x 1754, like a 150 dpi scan) and two landscape pictures."""
    from PIL import Image, ImageDraw

    media.mkdir(parents=True, exist_ok=True)
    letter = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(letter)
    for y in range(300, 1500, 40):
        draw.line((150, y, 1090, y), fill=(90, 90, 90), width=3)
    letter.save(media / "surat-selesai.jpg", quality=70)
    for name, size in (("peta-sosial.png", (1600, 900)), ("denah-posko.png", (1200, 1000))):
        picture = Image.new("RGB", size, (235, 235, 250))
        ImageDraw.Draw(picture).rectangle((40, 40, size[0] - 40, size[1] - 40), outline=(20, 20, 60), width=8)
        picture.save(media / name)


def _report_variant(project: Path, slug: str, letters_before: int) -> None:
    """The laboratory example with a scanned letter after `letters_before` plain ones (0: right under
    "LAMPIRAN"), appendix pictures, its 3-row supervision log and its 5-row livelihood table with a total."""
    folder = project / "cases" / slug
    shutil.copytree(ROOT / "cases" / LABORATORY_EXAMPLE, folder)
    _pictures(folder / "media")
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    first = text.index("lampiran:\n  surat:\n") + len("lampiran:\n  surat:\n")
    end = text.index("  daftar_hadir:", first)
    existing = text[first:end]
    plain = "".join(PLAIN_LETTER.format(n=100 + n) for n in range(letters_before))
    letters = (SCANNED_LETTER + existing if letters_before == 0 else existing + plain + SCANNED_LETTER)
    case.write_text(text[:first] + letters + OTHERS + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def appendix_reports(tmp_path_factory):
    base = tmp_path_factory.mktemp("lampiran")
    project = _project_copy(base)
    slugs = {f"lp{k}-mekarsantun-2024": k for k in range(4)}
    for slug, k in slugs.items():
        _report_variant(project, slug, k)
    result = build(project, base / "site", base / "cache")
    assert result.returncode == 0, result.stderr[-3000:]
    return {slug: pdf_of(base / "site", slug) for slug in slugs}


def _body_pages(pdf: Path) -> list[tuple[int, list[str]]]:
    """(physical page, its text lines) of the body pages (arabic folios)."""
    return [(n, [line.text for line in lines]) for n, (label, lines) in enumerate(zip(page_labels(pdf), page_lines(pdf)), 1)
            if label.isdigit()]


@pytest.mark.parametrize("k", range(4))
def test_every_appendix_picture_is_on_the_page_of_its_heading_and_details(appendix_reports, k):
    pdf = appendix_reports[f"lp{k}-mekarsantun-2024"]
    pages = _body_pages(pdf)
    headings = {}  # "Lampiran n Title" -> (page, index of the line on it)
    for number, lines in pages:
        for index, line in enumerate(lines):
            if re.match(r"^Lampiran \d+ ", line):
                headings[line] = (number, index)
    with_picture = {h: at for h, at in headings.items()
                    if re.search(r"Surat Keterangan Selesai|Peta Sosial|Denah Posko", h)}
    assert len(with_picture) == 3, headings
    # Exactly the pictures' appendices have an image on their page, one each: none printed away from its heading.
    assert sorted(image_pages(pdf)) == sorted(page for page, _ in with_picture.values()), (image_pages(pdf), with_picture)
    spans = image_spans(pdf)
    for heading, (page, index) in headings.items():
        lines = dict(pages)[page]
        if heading in with_picture:  # its picture is below it on its page
            top = next(line.top for line in page_lines(pdf)[page - 1] if line.text == heading)
            assert any(start > top for start, _ in spans[page - 1]), heading
        if "Peta Sosial" not in heading:  # the others' text follows the heading on its page
            assert index + 1 < len(lines) and not lines[index + 1].isdigit(), heading
    letter_page, index = with_picture[next(h for h in with_picture if "Surat Keterangan Selesai" in h)]
    details = dict(pages)[letter_page][index + 1:index + 5]
    assert [d.split(":")[0].strip() for d in details] == ["Nomor", "Tanggal", "Dari", "Perihal"], details  # not split
    assert orphaned_titles(pdf) == [] and totals_before_rows(pdf) == []
    assert nearly_empty_pages(pdf) == []


@pytest.mark.parametrize("k", range(4))
def test_the_reports_small_tables_are_not_split_and_total_once(appendix_reports, k):
    pdf = appendix_reports[f"lp{k}-mekarsantun-2024"]
    pages = _pages_text(pdf)
    appendices = next(n for n, page in enumerate(pages) if re.search(r"^\s*LAMPIRAN\s*$", page, re.M))
    log = [n for n, page in enumerate(pages) if n >= appendices and ("Menyusun" in page or "Menambahkan" in page)]
    assert len(log) == 1 and "Log Supervisi" in pages[log[0]]  # its first and last rows on one page, under its heading
    livelihoods = ["Buruh pabrik", "Pedagang", "Pekerja harian lepas", "Karyawan swasta", "Aparatur sipil negara"]
    table_page = [n for n, page in enumerate(pages) if re.search(r"Tabel \d\.\d+ Mata Pencaharian", page)
                  and not re.search(r"\.\s*\.\s*\.", page)]
    assert len(table_page) == 1
    page = pages[table_page[0]]
    start = re.search(r"Tabel \d\.\d+ Mata Pencaharian", page).start()
    positions = [page.index(name, start) for name in livelihoods]
    total = [m.start() for m in re.finditer(r"^\s+Jumlah\s+[\d.]+ jiwa", page[start:], re.M)]
    assert positions == sorted(positions) and len(total) == 1 and start + total[0] > positions[-1]
    assert "Lanjutan" not in "".join(pages)


def test_the_scans_catch_what_user_test_s23_saw(tmp_path):
    """The page scans are real: the layouts the tester saw are reported. A total row kept as a repeating footer
    group (WeasyPrint's default for tfoot) ends the first page of a split table; a letter's details broken by a
    forced break leave a nearly empty page before text."""
    rows = [_row([str(i), f"Baris {i}", f"{i} jiwa"]) for i in range(1, 61)]
    table = _table("casebook-uji", ["No", "Uraian", "Jumlah"], rows, _row(["", "<strong>Jumlah</strong>", "<strong>1.830 jiwa</strong>"]))
    footer_group = table.replace("<tfoot>", '<tfoot style="display: table-footer-group">')
    html = (f'<section class="bab"><p class="casebook-caption casebook-caption-tabel">Tabel 9.1 Tabel Lama</p>'
            f"{footer_group}</section>"
            '<section class="bab"><p>Nomor: 1</p><p style="break-after: page">Tanggal: 2</p>'
            "<p>Dari: A</p><p>Perihal: B</p></section>")
    pdf = _render(tmp_path, html)
    assert totals_before_rows(pdf)[:1] == ["1: Jumlah 1.830 jiwa"]
    assert orphaned_titles(pdf) == []  # a total row ending its table is not a title
    assert nearly_empty_pages(pdf)[-1:] == [f"{len(page_labels(pdf)) - 1}: Tanggal: 2"]


# --- The class over the examples and a synthetic archive --------------------------------------------------------

from tests.helpers import ALL_EXAMPLES  # noqa: E402
from tests.test_print_fidelity import examples  # noqa: E402,F401 — the built examples (module fixture)


@pytest.mark.parametrize("slug", ALL_EXAMPLES)
def test_no_example_page_ends_with_a_title_a_total_above_its_rows_or_nearly_empty(examples, slug):  # noqa: F811
    pdf = pdf_of(examples, slug)
    assert (orphaned_titles(pdf), totals_before_rows(pdf), nearly_empty_pages(pdf)) == ([], [], [])


def test_a_synthetic_archive_has_no_split_total_nor_nearly_empty_page(tmp_path):
    from tests.helpers import run_cli

    project = _project_copy(tmp_path)
    (project / "cases").mkdir()
    mp = pytest.MonkeyPatch()
    mp.chdir(project)
    code, out = run_cli(["synth", "--n", "12", "--seed", "23", "--keluaran", str(project / "cases")])
    mp.undo()
    assert code == 0, out
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr[-3000:]
    pdfs = sorted((tmp_path / "site" / "kasus").glob("*/*.pdf"))
    assert len(pdfs) == 12
    found = {p.stem: (orphaned_titles(p), totals_before_rows(p), nearly_empty_pages(p)) for p in pdfs}
    assert {k: v for k, v in found.items() if v != ([], [], [])} == {}
