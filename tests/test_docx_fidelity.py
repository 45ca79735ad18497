"""The Word export as an office suite opens it: PNG beside every SVG, pictures inside the text
block, campus font in every heading and caption style, no local paths; then LibreOffice
(headless, Debian's libreoffice-writer-nogui) converts it and the pages are read back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from macros.export.docx import finish_package, html_to_docx, text_block_emu
from macros.pdf.settings import PrintProfile
from tests.helpers import ROOT, run_cli
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Both examples exported to Word from a project copy (its path must not leak into the files)."""
    base = tmp_path_factory.mktemp("word")
    project = _project_copy(base)
    mp = pytest.MonkeyPatch()
    mp.chdir(project)
    mp.setenv("NO_MKDOCS_2_WARNING", "1")
    files = {}
    for slug in ("ln-hikari-2024", "ajs-kartini-2024"):
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
        target = base / f"{slug}.docx"
        code, out = run_cli(["export", slug, "--docx", "--output", str(target), "--profile", "public"])
        assert code == 0, out
        files[slug] = target
    mp.undo()
    return project, files


def _parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as package:
        return {name: package.read(name) for name in package.namelist()}


def _relationships(parts: dict[str, bytes]) -> dict[str, str]:
    rels = parts["word/_rels/document.xml.rels"].decode()
    return {re.search(r'Id="([^"]+)"', r).group(1): re.search(r'Target="([^"]+)"', r).group(1)
            for r in re.findall(r"<Relationship\b[^>]*>", rels)}


def test_every_svg_has_a_png_beside_it_that_shows_the_picture(exported):
    _, files = exported
    for docx in files.values():
        parts = _parts(docx)
        rels = _relationships(parts)
        document = parts["word/document.xml"].decode()
        blips = re.findall(r"<a:blip\b([^>]*)>(.*?)</a:blip>", document, re.S)
        svg_blips = [(a, inner) for a, inner in blips if "svgBlip" in inner]
        assert len(svg_blips) >= 5
        for attributes, _ in svg_blips:
            png = rels[re.search(r'r:embed="([^"]+)"', attributes).group(1)]
            image = Image.open(io.BytesIO(parts[f"word/{png}"]))
            assert image.format == "PNG" and image.width >= 200
            low, high = image.convert("L").getextrema()
            assert high - low > 50, f"{png} is blank"


def test_pictures_fit_the_text_block_in_both_directions(exported, tmp_path):
    _, files = exported
    max_cx, max_cy = text_block_emu(PrintProfile())
    for docx in files.values():
        for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', _parts(docx)["word/document.xml"].decode()):
            assert int(cx) <= max_cx and int(cy) <= max_cy
    # A phone screenshot (9:20) would be 31 cm tall at the text width: it is scaled into the block.
    Image.new("RGB", (1080, 2400), "navy").save(tmp_path / "layar.png", dpi=(96, 96))
    html = '<html><body><p>Tangkapan layar:</p><p><img src="layar.png" alt="Tangkapan layar"></p></body></html>'
    target = html_to_docx(html, tmp_path / "layar.docx", PrintProfile(), [tmp_path])
    [(cx, cy)] = re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', _parts(target)["word/document.xml"].decode())
    assert int(cy) <= max_cy and int(cx) <= max_cx and abs(int(cx) / int(cy) - 1080 / 2400) < 0.01


def test_headings_and_captions_are_in_the_campus_font_not_the_theme_font(exported):
    _, files = exported
    parts = _parts(files["ln-hikari-2024"])
    styles = parts["word/styles.xml"].decode()
    assert "asciiTheme" not in styles and "majorHAnsi" not in styles
    for style_id in ("Heading1", "Heading2", "Heading3", "Caption", "Title"):
        block = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)
        fonts = re.search(r"<w:rFonts [^>]*>", block)
        assert fonts is None or 'w:ascii="Liberation Serif"' in fonts.group(0), style_id
    theme = next(v.decode() for k, v in parts.items() if k.startswith("word/theme/"))
    assert re.findall(r'<a:(?:major|minor)Font>\s*<a:latin typeface="([^"]*)"', theme) == ["Liberation Serif"] * 2


def test_no_local_path_is_stored_in_the_package(exported):
    project, files = exported
    for docx in files.values():
        for name, data in _parts(docx).items():
            if name.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                assert str(project) not in text and str(project.parent) not in text, name
                assert not re.search(r'(descr|title|name)="[^"]*[/\\][^"]*"', text), name


@pytest.fixture(scope="module")
def converted(exported, tmp_path_factory):
    """LibreOffice's PDF of each export, as a supervisor's office suite lays it out."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: `make os-deps` installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("lo")
    _, files = exported
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation={(out / 'profil').as_uri()}",
                             "--convert-to", "pdf", "--outdir", str(out), *map(str, files.values())],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return {slug: out / f"{slug}.pdf" for slug in files}


def test_libreoffice_shows_every_figure(converted, tmp_path):
    for slug, pdf in converted.items():
        subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / slug)], check=True)
        images = sorted(tmp_path.glob(f"{slug}-*.png"))
        shown = []
        for path in images:
            image = Image.open(path).convert("L")
            low, high = image.getextrema()
            shown.append(high - low > 50 and image.width > 50)
        assert sum(shown) >= 6, f"{slug}: {sum(shown)} of {len(images)} pictures have content"


def test_libreoffice_sets_headings_in_the_campus_font(converted):
    for slug, pdf in converted.items():
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
        assert "LiberationSerif-Bold" in names
        assert not [n for n in names if re.search(r"Aptos|Calibri|Carlito|Cambria|Caladea", n)], names
        xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], capture_output=True, text=True).stdout
        specs = dict(re.findall(r'<fontspec id="(\d+)" size="\d+" family="([^"]+)"', xml))
        heading = re.search(r'<text [^>]*font="(\d+)"[^>]*><b>BAB IV Penanganan Kasus</b>', xml)
        assert heading and "Liberation" in specs[heading.group(1)] and "Serif" in specs[heading.group(1)]


def test_finish_package_leaves_a_package_without_svg_alone():
    profile = PrintProfile()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types></Types>")
        package.writestr("word/_rels/document.xml.rels", "<Relationships></Relationships>")
        package.writestr("word/document.xml", '<w:document><w:body><w:p/></w:body></w:document>')
    out = finish_package(buffer.getvalue(), profile)
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        assert package.read("word/document.xml") == b'<w:document><w:body><w:p/></w:body></w:document>'


def test_caption_styles_are_bold_centred_upright_and_pictures_keep_with_their_caption(exported):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document(str(exported[1]["ajs-kartini-2024"]))
    for name in ("Caption", "Table Caption", "Image Caption"):
        style = document.styles[name]
        assert style.font.bold and style.font.italic is False, name
        assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER, name
    for name in ("Captioned Figure", "Gambar", "Judul Sisipan", "Table Caption"):
        assert document.styles[name].paragraph_format.keep_with_next, name
    assert document.styles["Image Caption"].paragraph_format.keep_with_next is False


# --- Front matter, table of contents, links, table columns (issue 19, user test 6) ---------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body_paragraph_styles(parts: dict[str, bytes]) -> list[tuple[str, str]]:
    """(style, text) of the document's paragraphs, in order."""
    document = parts["word/document.xml"].decode()
    out = []
    for paragraph in re.findall(r"<w:p>.*?</w:p>", document, re.S):
        style = re.search(r'<w:pStyle w:val="([^"]+)"', paragraph)
        out.append((style.group(1) if style else "", "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", paragraph))))
    return out


def _lines(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(left, right, text) of each text line on a page of a PDF, from pdftotext -bbox-layout."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), " ".join(re.findall(r">([^<]+)</word>", inner)))
            for a, b, inner in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', xml, re.S)]


def test_the_campus_cover_is_the_first_page_without_pandocs_title_block(exported, converted):
    for slug, docx in exported[1].items():
        styles = _body_paragraph_styles(_parts(docx))
        assert not [s for s, _ in styles if s in ("Title", "Subtitle", "Author", "Date", "Abstract")], slug
        assert styles[0] == ("Sampul", "LAPORAN PRAKTIKUM INSTITUSI"), styles[:2]
        first = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(converted[slug]), "-"],
                               capture_output=True, text=True, check=True).stdout
        lines = [line.strip() for line in first.splitlines() if line.strip()]
        assert lines[0] == "LAPORAN PRAKTIKUM INSTITUSI" and "POLITEKNIK KESEJAHTERAAN SOSIAL BANDUNG" in lines
        assert not re.fullmatch(r"[1-9]\d?|[ivx]+", lines[-1]), lines[-1]  # no page number on the cover (the year ends it)
        second = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(converted[slug]), "-"],
                                capture_output=True, text=True, check=True).stdout
        assert "Lembar Pengesahan" in second and second.split()[-1] == "2"


def test_cover_and_approval_page_are_centred_as_in_the_pdf(converted):
    for slug, pdf in converted.items():
        middle = 595.3 / 2 + (113.4 - 85.0) / 2  # A4, text block between the 4 cm left and 3 cm right margins
        cover = _lines(pdf, 1)
        assert len(cover) >= 8
        for left, right, text in cover:
            assert abs((left + right) / 2 - middle) < 20, (slug, text, left, right)
        approval = _lines(pdf, 2)
        head = approval[:approval.index(next(l for l in approval if l[2].startswith("Menyetujui")))]
        assert len(head) >= 5
        for left, right, text in head:
            assert abs((left + right) / 2 - middle) < 20, (slug, text, left, right)


def test_word_table_of_contents_is_filled_in_and_updated_on_opening(exported, converted):
    for slug, docx in exported[1].items():
        parts = _parts(docx)
        assert re.search(r'<w:updateFields w:val="true"\s*/>', parts["word/settings.xml"].decode())
        from docx import Document

        Document(str(docx))  # python-docx still reads the package
        styles = _body_paragraph_styles(parts)
        headings = [text for style, text in styles if style in ("Heading1", "Heading2", "Heading3")]
        entries = [text for style, text in styles if style in ("TOC1", "TOC2", "TOC3")]
        assert len(entries) == len(headings) > 30
        for entry, heading in zip(entries, headings):  # each entry: the heading, then its stored page number
            assert entry.startswith(heading) and entry[len(heading):].isdigit(), (entry, heading)
        # Where the PDF has its Daftar Isi: under its title, after the cover and the approval page.
        toc_at = next(i for i, (style, _) in enumerate(styles) if style == "TOC1")
        assert ("Heading1", "Lembar Pengesahan") in styles[:toc_at] and styles[toc_at - 1] == ("Heading1", "Daftar Isi")
        # LibreOffice (which does not update fields) shows the entries too.
        pages = subprocess.run(["pdftotext", "-layout", str(converted[slug]), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        toc_page = next(p for p in pages if p.strip().startswith("Daftar Isi"))
        assert "BAB I Pendahuluan" in toc_page and "1.1 Latar Belakang" in toc_page


def _links_and_bookmarks(parts: dict[str, bytes]) -> tuple[list[str], set[str]]:
    document = parts["word/document.xml"].decode()
    return (re.findall(r'<w:hyperlink\b[^>]*\bw:anchor="([^"]+)"', document),
            set(re.findall(r'<w:bookmarkStart\b[^>]*\bw:name="([^"]+)"', document)))


def test_internal_links_in_the_word_export_are_bookmarks_that_resolve(exported, tmp_path):
    # The examples' own cross-references (tables, figures) and the table of contents.
    for slug, docx in exported[1].items():
        parts = _parts(docx)
        anchors, bookmarks = _links_and_bookmarks(parts)
        assert [a for a in anchors if a not in bookmarks] == [], slug
        rels = parts["word/_rels/document.xml.rels"].decode()
        external = re.findall(r'Target="([^"]+)"[^>]*TargetMode="External"', rels)
        assert [t for t in external if not re.match(r"(https?|mailto):", t)] == [], slug  # no ../bab-2/ or file://
    ln_anchors = _links_and_bookmarks(_parts(exported[1]["ln-hikari-2024"]))[0]
    assert {"tabel-wawancara", "gambar-ecomap"} <= set(ln_anchors)
    # A chapter, a table and a figure, each referred to from the text, as the print HTML writes them.
    from macros.export.docx import word_ready_html

    body = ('<html><body><div class="bagian-isi"><section class="bab" id="bab-3-konteks-institusi">'
            '<h1 id="bab-3--judul" class="judul-bab"><span class="nomor-bab">BAB III</span><span class="nama-bab">Konteks</span></h1>'
            '<p>Lihat <a href="#bab-3-konteks-institusi">BAB III</a>, <a href="#tabel-satu">Tabel 3.1</a> dan '
            '<a href="#gambar-satu">Gambar 3.1</a>.</p>'
            '<p class="casebook-caption casebook-caption-tabel" id="tabel-satu">Tabel 3.1 Satu</p>'
            '<table class="casebook-tabel"><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>'
            '<figure class="casebook-gambar"><svg class="casebook-diagram" xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
            '<title>kotak</title><rect width="40" height="20"/></svg>'
            '<p class="casebook-caption casebook-caption-gambar" id="gambar-satu">Gambar 3.1 Satu</p></figure>'
            "</section></div></body></html>")
    target = html_to_docx(word_ready_html("", body), tmp_path / "tautan.docx", PrintProfile(), [tmp_path])
    anchors, bookmarks = _links_and_bookmarks(_parts(target))
    assert anchors == ["bab-3-konteks-institusi", "tabel-satu", "gambar-satu"] and set(anchors) <= bookmarks
    # Each bookmark lies on what it names: the caption paragraph, the chapter's heading.
    document = _parts(target)["word/document.xml"].decode()
    for name, text in (("tabel-satu", "Tabel 3.1 Satu"), ("gambar-satu", "Gambar 3.1 Satu"),
                       ("bab-3-konteks-institusi", "BAB III")):
        start = document.index(f'w:name="{name}"')
        ident = re.search(r'w:id="(\d+)"', document[document.rfind("<w:bookmarkStart", 0, start):start + 60]).group(1)
        enclosed = document[start:document.index(f'<w:bookmarkEnd w:id="{ident}"', start)]
        assert text in "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", enclosed)), name


def test_table_columns_get_room_for_their_content(exported, converted):
    from macros.export.docx import column_widths

    attendance = ('<table class="casebook-tabel casebook-hadir"><thead><tr><th rowspan="2">No</th><th rowspan="2">Nama</th>'
                  '<th rowspan="2">NRP</th><th colspan="7">Minggu ke-</th><th rowspan="2">Ket.</th></tr><tr>'
                  + "".join(f"<th>{i}</th>" for i in range(1, 8)) + "</tr></thead><tbody><tr><td>4</td><td>Yohana Maria Lestari</td>"
                  "<td>2104233</td>" + "<td>✓</td>" * 7 + "<td></td></tr></tbody></table>")
    widths = column_widths(attendance)
    assert len(widths) == 11 and abs(sum(widths) - 1) < 1e-6
    assert widths[1] == max(widths) > 0.2 and widths[2] > 0.1 and all(w >= 0.05 for w in widths)
    assert column_widths('<table><colgroup><col style="width:50%"><col></colgroup><tr><td>a</td><td>b</td></tr></table>') is None
    # In LibreOffice's pages of the LN export, every name and NRP of the attendance list is on one line.
    text = subprocess.run(["pdftotext", "-layout", str(converted["ln-hikari-2024"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    for name, nrp in (("Yohana Maria Lestari", "2104233"), ("Nadia Safitri", "2104147")):
        assert re.search(rf"\b{name}\s+{nrp}\b", text), name
    assert re.search(r"^\s*No\s+Nama\s+NRP", text, re.M) or re.search(r"\bNo\s+Nama\b", text)


def test_column_widths_leave_a_huge_colspan_to_pandoc_without_building_its_grid():
    import time

    from macros.export.docx import column_widths

    started = time.perf_counter()
    assert column_widths('<table><tr><td colspan="10000000" rowspan="10000000">x</td><td>y</td></tr>'
                         '<tr><td>a</td><td>b</td></tr></table>') is None
    assert column_widths('<table><tr><td rowspan="10000000">x</td><td>y</td></tr><tr><td>b</td></tr></table>') == [0.5, 0.5]
    assert time.perf_counter() - started < 2


_TOC_LINE = re.compile(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$")


def test_libreoffice_shows_the_daftar_isi_page_numbers_and_they_are_right(exported, converted):
    """LibreOffice shows a TOC field's stored result and never updates it: the numbers stored at export (from
    LibreOffice's own layout) are printed, and each is the page the heading is on in that layout."""
    from macros.export.docx import outline_pages

    for slug, pdf in converted.items():
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        start = next(i for i, p in enumerate(pages) if p.strip().startswith("Daftar Isi"))
        printed = [(m.group(1), int(m.group(2))) for page in pages[start:start + 4] for line in page.splitlines()
                   if (m := _TOC_LINE.match(line))]
        headings = [text for style, text in _body_paragraph_styles(_parts(exported[1][slug]))
                    if style in ("Heading1", "Heading2", "Heading3")]
        assert len(printed) >= 0.8 * len(headings) and len(printed) > 30, (slug, len(printed), len(headings))
        laid_out = dict(reversed(outline_pages(pdf.read_bytes())))  # first page a title is on
        checked = 0
        for text, number in printed:
            if text in laid_out:  # one-line entries (a wrapped entry's first line is not its whole title)
                assert laid_out[text] == number, (slug, text, number, laid_out[text])
                checked += 1
        assert checked > 30, (slug, checked)
        assert ("BAB I Pendahuluan", laid_out["BAB I Pendahuluan"]) in printed


def test_without_libreoffice_the_export_says_the_numbers_are_left_to_word(tmp_path, monkeypatch):
    """On a computer without LibreOffice the file is written all the same, and the student is told why its
    Daftar Isi has no stored numbers (nothing lost silently)."""
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))  # no soffice, no libreoffice on the PATH
    front = '<section class="depan daftar" id="daftar-isi"><h1>Daftar Isi</h1></section>'
    body = "<html><body><h1 id='bab-i'>BAB I Pendahuluan</h1><p>Teks.</p></body></html>"
    notes: list[str] = []
    from macros.export.docx import word_ready_html

    target = html_to_docx(word_ready_html(front, body), tmp_path / "laporan.docx", PrintProfile(), [tmp_path], notes)
    assert target.is_file()
    assert len(notes) == 1 and "LibreOffice tidak terpasang" in notes[0] and "Word mengisinya" in notes[0], notes
