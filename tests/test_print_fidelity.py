"""Print fidelity: what a supervisor would mark with a red pen, read back from real PDFs.

Orphaned titles and missing glyphs are scanned on every page of the example PDFs (and of a
synthetic archive, in the slow synth test); the typography rules (no hyphens in titles,
cover and URLs, foreign terms, cover line breaks, links, folios, Word line spacing) on a
fixture report that holds one case of each.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pyphen
import pytest

from macros.pdf.assemble import link_bare_urls, mark_bold_titles, mark_foreign_terms
from macros.pdf.build import build_pdfs
from macros.pdf.glyphs import missing_characters
from macros.pdf.render import RenderJob
from macros.pdf.settings import PrintProfile, line_height, profile_css, word_single_line
from tests.helpers import EXAMPLES, FIXTURE, ROOT
from tests.pdf_scan import orphaned_titles, page_labels, page_lines
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

HYPHEN = "\u2010"  # what WeasyPrint adds at a hyphenation point


def build(project: Path, site_dir: Path, cache: Path, *extra: str):
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(cache))
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra, "-d", str(site_dir)],
                          cwd=project, env=environment, capture_output=True, text=True)


def pdf_of(site: Path, slug: str) -> Path:
    return site / "kasus" / slug / f"{slug}.pdf"


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    base = tmp_path_factory.mktemp("cetak")
    result = build(ROOT, base / "site", base / "cache", "--strict")
    assert result.returncode == 0, result.stderr
    return base / "site"


STUDENT_CHAPTER = """# BAB IV Penanganan Kasus

Bab ini merujuk ke [BAB III](bab-3-konteks-institusi.md) dan ke [daftar tabel](daftar-tabel.md). Doa klien 🙏 dan jempol 👍; aksara Sunda ᮞᮥᮔ᮪ᮓ, aksara Jawa ꦗꦮ,
dan ٱللَّه dari situs Al-Qur'an. Sumber: https://www.kemensos.go.id/id/berita/rehabilitasi-sosial-anak-dan-penyandang-disabilitas-intelektual

**Catatan Bimbingan**

Isi catatan bimbingan yang panjang. {filler}

| Teknik | Sumber |
|---|---|
| Social Groupwork dan Positive Reinforcement | https://www.kemensos.go.id/id/berita/rehabilitasi-sosial-anak-dan-penyandang-disabilitas-intelektual-terpadu |
"""


@pytest.fixture(scope="module")
def student(tmp_path_factory):
    """The fixture report with a student's own BAB IV holding one case of each print rule."""
    base = tmp_path_factory.mktemp("siswa")
    project = _project_copy(base)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    filler = " ".join(["Kalimat pengisi yang membuat paragraf ini cukup panjang untuk mengisi halaman."] * 8)
    (folder / "bab-4-penanganan-kasus.md").write_text(STUDENT_CHAPTER.replace("{filler}", filler), encoding="utf-8")
    result = build(project, base / "site", base / "cache")
    assert result.returncode == 0, result.stderr
    return pdf_of(base / "site", "ts-contoh-2024"), result.stderr


# --- 1. Orphaned titles ---------------------------------------------------------------------

@pytest.mark.parametrize("slug", EXAMPLES)
def test_no_page_of_the_examples_ends_with_a_title(examples, slug):
    assert orphaned_titles(pdf_of(examples, slug)) == []


def test_bold_only_paragraphs_are_titles_and_bold_within_text_is_not():
    html = "<p><strong>Visi dan misi</strong></p><p><strong>Hasil:</strong> isi</p><p>a <b>b</b></p><p> <b>Catatan</b>: </p>"
    marked = mark_bold_titles(html)
    assert marked.count('class="casebook-judul-sisipan"') == 2 and "<p><strong>Hasil:</strong> isi</p>" in marked


def test_a_run_in_title_at_any_height_moves_to_the_page_of_its_text(tmp_path):
    """Forty bold-only paragraphs, each one line further down: the scan finds none ending a page."""
    sections = "".join(
        f'<section class="bab">{"".join(f"<p>Baris pengisi {i}.</p>" for i in range(k))}'
        f'<p class="casebook-judul-sisipan"><strong>Judul sisipan {k}</strong></p><p>Isi sesudah judul {k}.</p></section>'
        for k in range(18, 58))
    html = f'<html lang="id"><body><div class="bagian-isi">{sections}</div></body></html>'
    job = RenderJob("uji", "", html, profile_css(PrintProfile()), None, False, (str(tmp_path),))
    [outcome] = build_pdfs([(job, [], tmp_path / "uji.pdf")], tmp_path / "cache")
    assert outcome.error is None
    assert orphaned_titles(tmp_path / "uji.pdf") == []


def test_the_scan_does_find_a_title_that_ends_a_page(tmp_path):
    """The scan itself is real: without break-after a forced title at the bottom is reported."""
    html = ('<html lang="id"><body><div class="bagian-isi"><section class="bab">'
            + "".join(f"<p>Baris {i}.</p>" for i in range(10))
            + '<p style="break-after: page"><strong>Judul yatim</strong></p><p>Isi.</p></section></div></body></html>')
    job = RenderJob("uji", "", html, profile_css(PrintProfile()), None, False, (str(tmp_path),))
    [outcome] = build_pdfs([(job, [], tmp_path / "uji.pdf")], tmp_path / "cache")
    assert orphaned_titles(tmp_path / "uji.pdf") == ["1: Judul yatim"]


# --- 2. Hyphenation ------------------------------------------------------------------------

@pytest.mark.parametrize("slug", EXAMPLES)
def test_cover_approval_titles_and_captions_are_never_hyphenated(examples, slug):
    pdf = pdf_of(examples, slug)
    labels = page_labels(pdf)
    for index, (label, lines) in enumerate(zip(labels, page_lines(pdf))):
        cover_or_approval = index == 0 or any(line.text == "LEMBAR PENGESAHAN" for line in lines[:2])
        for line in lines:
            if line.bold or cover_or_approval:
                assert not line.text.endswith(HYPHEN), f"page {label}: title hyphenated: {line.text!r}"
    cover = page_lines(pdf)[0]
    for line in cover:  # a short word (PT, DI, DAN) never ends a cover line; a number ("Kelompok 14") may
        assert not re.search(r"(^|\s)[^\W\d]{1,3}$", line.text) or len(line.text.split()) == 1, line.text


def test_english_terms_are_marked_and_only_hyphenated_by_english_rules(examples):
    marked = mark_foreign_terms("<td>Metode: Social Groupwork</td><svg><text>Support</text></svg>")
    assert '<i lang="en" class="istilah-asing">Social Groupwork</i>' in marked and "<text>Support</text>" in marked
    english = pyphen.Pyphen(lang="en_US")
    terms = ("Groupwork", "Reinforcement", "Achievement", "Educational", "Conversation", "Clarification")
    for slug in EXAMPLES:
        for lines in page_lines(pdf_of(examples, slug)):
            for line, following in zip(lines, lines[1:]):
                if not line.text.endswith(HYPHEN):
                    continue
                word = line.text.split()[-1].rstrip(HYPHEN) + following.text.split()[0]
                for term in terms:
                    if word.casefold().strip("(),.;:") == term.casefold():
                        split = len(line.text.split()[-1].rstrip(HYPHEN).lstrip("("))
                        assert split in english.positions(term), f"{term} split as {word!r} (not an English break)"


# --- 3. URLs ---------------------------------------------------------------------------------

def _annotations(pdf: Path) -> list[pikepdf.Dictionary]:
    with pikepdf.open(pdf) as document:
        return [dict(annot.items()) | {"page": i} for i, page in enumerate(document.pages)
                for annot in page.obj.get("/Annots", [])]


def _uris(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as document:
        return [str(annot.A.URI) for page in document.pages for annot in page.obj.get("/Annots", [])
                if "/A" in annot and "/URI" in annot.A]


def test_bare_urls_and_dois_become_links_but_existing_links_stay():
    html = link_bare_urls('<p>Lihat https://x.go.id/a-b. dan doi:10.1234/abc.5 serta <a href="https://y.id">https://y.id</a></p>')
    assert '<a class="tautan-luar" href="https://x.go.id/a-b">https://x.go.id/a-b</a>.' in html
    assert 'href="https://doi.org/10.1234/abc.5"' in html and html.count("https://y.id") == 2


def test_urls_stay_inside_cells_and_margins_without_hyphens_and_are_links(student):
    pdf, _ = student
    cm = 72 / 2.54
    text = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for x_min, x_max, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', text):
        assert float(x_min) >= 4 * cm - 1 and float(x_max) <= 21 / 2.54 * 72 - 3 * cm + 2, f"'{word}' runs into a margin"
    for lines in page_lines(pdf):
        for line in lines:
            if "kemensos" in line.text or "disabilitas-intelektual" in line.text:
                assert HYPHEN not in line.text, f"a hyphen was added into a URL: {line.text!r}"
    assert any("kemensos.go.id/id/berita" in uri for uri in _uris(pdf))


# --- 4. Fonts and missing glyphs -------------------------------------------------------------

def test_emoji_sundanese_javanese_and_arabic_are_printed_with_a_glyph(student):
    pdf, stderr = student
    assert missing_characters(pdf.read_bytes()) == []
    assert "tanpa huruf" not in stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    for family in ("Symbola", "Sundanese", "Javanese", "Arabic"):
        assert family in fonts, f"no {family} font embedded"


def test_a_character_no_font_has_is_named_with_file_line_and_field(tmp_path):
    project = _project_copy(tmp_path)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    assert "  proses: Proses pertolongan diakhiri." in text
    case.write_text(text.replace("  proses: Proses pertolongan diakhiri.", "  proses: Proses pertolongan diakhiri \U0010fffd."),
                    encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache")  # a warning: strict mode stops on it
    line = next(n for n, t in enumerate(case.read_text(encoding="utf-8").splitlines(), 1) if "\U0010fffd" in t)
    assert f"kasus.yml:{line} (terminasi.proses)" in result.stderr and "U+10FFFD" in result.stderr
    assert missing_characters(pdf_of(tmp_path / "site", "ts-contoh-2024").read_bytes()) == ["\U0010fffd"]


# --- 5. Links between chapters ---------------------------------------------------------------

def test_links_between_chapters_are_internal_links_in_the_pdf(student, examples):
    pdf, _ = student
    for file in (pdf, *(pdf_of(examples, slug) for slug in EXAMPLES)):
        assert not [u for u in _uris(file) if not u.startswith(("http://", "https://", "mailto:"))], file.name
    with pikepdf.open(pdf) as document:
        pages = {page.objgen: i for i, page in enumerate(document.pages)}
        named = pikepdf.NameTree(document.Root.Names.Dests) if "/Names" in document.Root else {}

        def page_of(destination) -> int:
            if isinstance(destination, (pikepdf.String, str)):
                destination = named[str(destination)]
            if isinstance(destination, pikepdf.Dictionary):
                destination = destination.D
            return pages[destination[0].objgen]

        targets = [page_of(annot.Dest if "/Dest" in annot else annot.A.D)
                   for page in document.pages for annot in page.obj.get("/Annots", [])
                   if "/Dest" in annot or ("/A" in annot and "/D" in annot.A)]
        texts = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    bab3 = next(i for i, t in enumerate(texts) if re.match(r"\s*BAB III\s", t) and "DAFTAR ISI" not in t)
    assert bab3 in targets


# --- 6. Figure data tables -------------------------------------------------------------------

def test_figure_data_tables_are_on_the_site_but_not_on_paper_by_default(examples):
    for slug in EXAMPLES:
        text = subprocess.run(["pdftotext", str(pdf_of(examples, slug)), "-"], capture_output=True, text=True).stdout
        assert "Data gambar dalam bentuk tabel" not in text
    pages = "".join(p.read_text(encoding="utf-8") for p in (examples / "kasus").rglob("index.html"))
    assert 'class="casebook-data-gambar"' in pages


def test_a_campus_profile_can_ask_for_figure_data_tables_on_paper():
    from macros.pdf.assemble import ChapterPage, print_chapter
    from macros.render.numbering import ReportNumbering

    html = ('<p>Teks</p><figure><svg class="casebook-diagram"></svg></figure><details class="casebook-data-gambar">'
            "<summary>Data gambar dalam bentuk tabel</summary><table></table></details>")
    page = ChapterPage("bab-4-penanganan-kasus.md", "kasus/x/bab-4-penanganan-kasus/", html)
    numbering = ReportNumbering("x")
    hidden, _ = print_chapter(page, numbering, lambda uri: None, 3, [])
    shown, _ = print_chapter(page, numbering, lambda uri: None, 3, [], figure_data=True)
    assert "casebook-data-gambar" not in hidden and "casebook-data-gambar" in shown
    assert PrintProfile.model_validate({"tabel_data_gambar": True}).figure_data is True
    assert PrintProfile().figure_data is False


# --- 7. Folios, empty LAMPIRAN ---------------------------------------------------------------

@pytest.mark.parametrize("slug", EXAMPLES)
def test_roman_and_arabic_folios_of_the_daftar_isi_end_flush_right(examples, slug):
    pdf = pdf_of(examples, slug)
    text = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("<page ")[1:]
    toc = next(p for p in pages if ">DAFTAR</word>" in p and ">ISI</word>" in p)
    ends = [float(x) for x, w in re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">([ivxlcdm]+|\d+)</word>', toc)]
    ends = ends[:-1]  # the page's own folio
    assert len(ends) > 10 and max(ends) - min(ends) < 1.0, ends


def test_a_report_without_appendices_has_no_lampiran_page_nor_line(tmp_path):
    project = _project_copy(tmp_path)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text[: text.index("\nlampiran:")] + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf_of(tmp_path / "site", "ts-contoh-2024")), "-"],
                          capture_output=True, text=True).stdout
    assert not re.search(r"^\s*LAMPIRAN\b", text, re.M), "an empty LAMPIRAN page or Daftar Isi line"


# --- 8. Line spacing -------------------------------------------------------------------------

def test_line_spacing_follows_words_definition_for_the_font():
    assert abs(word_single_line("Liberation Serif") * 12 - 13.8) < 0.05  # Word: single = 13.8 pt for TNR 12
    assert abs(line_height(PrintProfile()) * 12 - 20.7) < 0.05            # "spasi 1,5" = 20.7 pt
    assert line_height(PrintProfile.model_validate({"spasi_baris": 2, "spasi_tunggal": 1.2})) == 2.4


@pytest.mark.parametrize("slug", EXAMPLES)
def test_body_lines_are_20_7_pt_apart_and_table_lines_single(examples, slug):
    pdf = pdf_of(examples, slug)
    labels = page_labels(pdf)
    gaps = []
    for label, lines in zip(labels, page_lines(pdf)):
        if label.isdigit():
            gaps += [b.top - a.top for a, b in zip(lines, lines[1:])]
    # pdftohtml positions are in 1.5 px per pt at its default zoom: 20.7 pt -> 31 px, 13.8 pt x 0.92 -> 19 px
    body = [g for g in gaps if 27 <= g <= 33]  # lines of a paragraph (one-line table rows are 26 px apart)
    assert sum(g in (31, 32) for g in body) > 0.9 * len(body), sorted(body)  # not 27 (18 pt, CSS "1.5")


# --- Synthetic archive (slow) ----------------------------------------------------------------

def test_thirty_synthetic_reports_have_no_orphaned_title_and_no_missing_glyph(tmp_path):
    from tests.helpers import run_cli

    project = _project_copy(tmp_path)
    (project / "cases").mkdir()
    mp = pytest.MonkeyPatch()
    mp.chdir(project)
    code, out = run_cli(["synth", "--n", "30", "--seed", "19", "--keluaran", str(project / "cases")])
    mp.undo()
    assert code == 0, out
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr[-3000:]
    pdfs = sorted((tmp_path / "site" / "kasus").glob("*/*.pdf"))
    assert len(pdfs) == 30
    orphans = {p.stem: orphaned_titles(p) for p in pdfs}
    assert not {k: v for k, v in orphans.items() if v}
    assert not {p.stem: m for p in pdfs if (m := missing_characters(p.read_bytes()))}


# --- 7. Continued tables ---------------------------------------------------------------------

def _rows(prefix: str, count: int) -> str:
    return "".join(f"<tr><td>{prefix}{i:03d}</td><td>{'isi sel yang cukup panjang ' * (1 + i % 3)}</td></tr>"
                   for i in range(count))


def test_a_numbered_table_over_several_pages_says_lanjutan_on_each_continuation(tmp_path):
    """Read off the pages: every page that begins inside a numbered table starts with its label, bold,
    right above the repeated header; no other page has one (a page opening with a new table's own
    caption, prose after a table, an unnumbered table running on), and no row is lost or repeated."""
    html = ('<html lang="id"><body><div class="bagian-isi"><section class="bab"><p>Pembuka.</p>'
            '<p class="casebook-caption casebook-caption-tabel" id="tabel-panjang">Tabel 9.1 Tabel Panjang</p>'
            f'<table class="casebook-tabel"><thead><tr><th>Nomor</th><th>Uraian</th></tr></thead><tbody>{_rows("R", 90)}</tbody></table>'
            "<p>Penutup tabel pertama.</p>"
            '<p class="casebook-caption casebook-caption-tabel" id="tabel-kedua">Tabel 9.2 Tabel Kedua</p>'
            f'<table class="casebook-tabel"><thead><tr><th>Kode</th><th>Uraian</th></tr></thead><tbody>{_rows("S", 50)}</tbody></table>'
            f'<table><thead><tr><th>Tanpa</th><th>Nomor</th></tr></thead><tbody>{_rows("T", 60)}</tbody></table>'
            "<p>Penutup.</p></section>"
            '<section class="bab"><p class="casebook-caption casebook-caption-tabel">Tabel 10.1 Di Awal Halaman</p>'
            f'<table class="casebook-tabel"><thead><tr><th>Kode</th><th>Uraian</th></tr></thead><tbody>{_rows("U", 5)}</tbody></table>'
            "</section></div></body></html>")
    job = RenderJob("uji", "", html, profile_css(PrintProfile()), None, False, (str(tmp_path),))
    [outcome] = build_pdfs([(job, [], tmp_path / "uji.pdf")], tmp_path / "cache")
    assert outcome.error is None and outcome.pages >= 8
    pages = [[line for line in lines if not line.text.isdigit()] for lines in page_lines(tmp_path / "uji.pdf")]
    first_row = [next((re.match(r"([RSTU])\d{3}", line.text) for line in lines if re.match(r"[RSTU]\d{3}", line.text)), None)
                 for lines in pages]
    expected = []
    seen: set[str] = set()
    for lines, row in zip(pages, first_row):
        table = row.group(1) if row else None
        # A page begins inside a numbered table when its first text is that table's repeated header.
        continues = table in seen and table in "RS" and not any(l.text.startswith("Tabel") for l in lines[:2])
        expected.append({"R": "Lanjutan Tabel 9.1", "S": "Lanjutan Tabel 9.2"}[table] if continues else None)
        seen |= {line.text[0] for line in lines if re.match(r"[RSTU]\d{3}", line.text)}
    labels = [lines[0].text if lines and lines[0].text.startswith("Lanjutan") else None for lines in pages]
    assert labels == expected, "\n".join(f"{a} {b} {[x.text[:20] for x in l[:3]]}" for a, b, l in zip(labels, expected, pages))
    assert labels.count("Lanjutan Tabel 9.1") >= 2 and labels.count("Lanjutan Tabel 9.2") >= 1
    for lines, label in zip(pages, labels):
        if label:
            assert lines[0].bold and lines[1].text.split()[0] in ("Nomor", "Kode"), lines[:2]
            assert lines[1].top - lines[0].top < 40  # just above the header, not floating in the margin
    assert any(lines[0].text.startswith("Tabel 10.1") for lines in pages)  # a table opening a page: its caption only
    text = subprocess.run(["pdftotext", str(tmp_path / "uji.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    for prefix, count in (("R", 90), ("S", 50), ("T", 60), ("U", 5)):
        assert [int(n) for n in re.findall(rf"\b{prefix}(\d{{3}})\b", text)] == list(range(count))


# --- 8. Boxes a reader must see on paper: admonitions and withheld photos -------------------------

def _line_box(pdf: Path, text: str) -> tuple[float, float, float, float]:
    """(xMin, yMin, xMax, yMax) in pt of the first text line on page 1 that starts with `text`."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    for box, inner in re.findall(r'<line (xMin="[^>]*)>(.*?)</line>', xml, re.S):
        if " ".join(re.findall(r">([^<]+)</word>", inner)).startswith(text):
            return tuple(float(v) for v in re.findall(r'"([\d.]+)"', box))
    raise AssertionError(f"{text!r} not on page 1")


def _page_image(pdf: Path, tmp_path: Path):
    """Page 1 at 144 dpi (2 px per pt), greyscale, as a black-and-white printer would see it."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "144", "-gray", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "halaman")], check=True)
    return Image.open(tmp_path / "halaman.png").convert("L")


def _dark_run(image, box: tuple[int, int, int, int]) -> float:
    """Share of the pixels in box (x0, y0, x1, y1) that are dark (a rule or a frame)."""
    histogram = image.crop(box).histogram()
    return sum(histogram[:110]) / max(1, sum(histogram))


def test_admonitions_and_withheld_photos_are_framed_boxes_on_paper(tmp_path):
    html = ('<html lang="id"><body><div class="bagian-isi"><section class="bab"><p>Paragraf biasa sebelum kotak catatan.</p>'
            '<div class="admonition note"><p class="admonition-title">Catatan penting</p>'
            '<p>Isi catatan yang dibaca dosen pembimbing pada kertas hitam putih.</p></div>'
            '<p>Paragraf biasa di antara kotak.</p>'
            '<figure class="casebook-gambar"><div class="casebook-foto-ditahan"><p>Foto tidak dipublikasikan di profil ini '
            '(tanpa izin publikasi atau memuat wajah anak).</p></div>'
            '<p class="casebook-caption casebook-caption-gambar" id="gambar-foto">Gambar 1.1 Kunjungan rumah</p></figure>'
            '<p>Paragraf penutup.</p></section></div></body></html>')
    job = RenderJob("kotak", "", html, profile_css(PrintProfile()), None, False, (str(tmp_path),))
    [outcome] = build_pdfs([(job, [], tmp_path / "kotak.pdf")], tmp_path / "cache")
    assert outcome.error is None
    pdf = tmp_path / "kotak.pdf"
    image = _page_image(pdf, tmp_path)
    px = lambda v: int(round(v * 2))  # noqa: E731

    # The admonition: a dark rule left of its text over the whole box, a frame line above its title,
    # a shaded (grey, not white) background behind the text, bold title.
    x0, y0, x1, _ = _line_box(pdf, "Catatan penting")
    _, _, _, body_bottom = _line_box(pdf, "Isi catatan")
    left_rule = max(_dark_run(image, (px(x0) - d - 2, px(y0), px(x0) - d, px(body_bottom))) for d in range(8, 40, 2))
    assert left_rule > 0.9, left_rule
    top_rule = max(_dark_run(image, (px(x0), px(y0) - d - 1, px(x0) + 300, px(y0) - d)) for d in range(2, 16))
    assert top_rule > 0.9, top_rule
    band = image.crop((px(x1) + 10, px(y0), px(x1) + 60, px(y0) + 4)).histogram()
    assert 150 < sum(i * n for i, n in enumerate(band)) / sum(band) < 245  # the title band is grey: visible on a B/W print
    plain = _line_box(pdf, "Paragraf biasa sebelum")
    assert _dark_run(image, (px(plain[0]) - 30, px(plain[1]), px(plain[0]) - 2, px(plain[3]))) == 0  # prose has no rule
    lines = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"<b>Catatan penting</b>", lines)

    # The withheld photo: a frame around the note (dark dashes above and below it), the note centred in the text block.
    n0, n1, n2, n3 = _line_box(pdf, "Foto tidak dipublikasikan")
    above = max(_dark_run(image, (px(n0), px(n1) - d - 1, px(n2), px(n1) - d)) for d in range(4, 40))
    below = max(_dark_run(image, (px(n0), px(n3) + d, px(n2), px(n3) + d + 1)) for d in range(4, 90))
    assert above > 0.35 and below > 0.35, (above, below)
    middle = 595.3 / 2 + (113.4 - 85.0) / 2
    assert abs((n0 + n2) / 2 - middle) < 15
