"""The report as a Word document, for supervisors who comment in Word.

Made from the same print HTML as the PDF (captured during a build), converted by pandoc
(bundled by pypandoc-binary: no network, no system package) with a reference document
that carries the campus styles: Times-compatible serif 12 pt, 1.5 spacing, headings as
Word heading styles (the navigation pane works), captions in Word's Caption style, real
Word tables ruled like the PDF's, page numbers in the footer and a table of contents whose page
numbers are stored (read off LibreOffice's layout of the file, see `with_page_numbers`: LibreOffice
never updates them itself) and which Word updates on opening.

pandoc's package is then finished here (see `finish_package`): every SVG gets a PNG
rendering beside it (Word 2013, WPS Office and older LibreOffice show only that), every
picture is scaled to fit the text block in both directions, and no local file path (with
the student's user name) stays in the file.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from html import escape, unescape
from pathlib import Path
from urllib.request import url2pathname

from macros.pdf.settings import PrintProfile, to_mm

_LISTS = re.compile(r'<section class="depan daftar".*?</section>', re.S)
_INLINE_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_CAPTION = re.compile(r'<p class="casebook-caption([^"]*)"([^>]*)>(.*?)</p>', re.S)
_BAB_TITLE = re.compile(r'</span><span class="nama-bab">')
_DETAILS = re.compile(r"<details\b[^>]*>\s*<summary>(.*?)</summary>", re.S)
_NUMBERED_FIGURE = re.compile(r'<figure class="casebook-gambar">(.*?)</figure>', re.S)


_FILE_SRC = re.compile(r'src="file://([^"]*)"')


def _local_path(match: re.Match) -> str:
    """`file:///C:/Users/x/a%20b.png` -> `C:\\Users\\x\\a b.png` on Windows, `/home/x/a b.png` elsewhere: the
    platform's own path, percent-escapes decoded (pandoc opens the file by that path)."""
    return f'src="{escape(url2pathname(match.group(1)), quote=True)}"'


TOC_PLACEHOLDER = "CASEBOOK-DAFTAR-ISI"  # a paragraph finish_package replaces with Word's TOC field, filled in
_TOC_SECTION = re.compile(r'<section class="depan daftar" id="daftar-isi">\s*(<h1>.*?</h1>).*?</section>', re.S)
_CENTRED = re.compile(r'<section class="(sampul|depan pengesahan)\b')


def _front_for_word(front_html: str) -> str:
    """The front matter as Word shows it: cover and approval page centred (style "Sampul"), the cover's
    kind line not a heading (it would head Word's table of contents), the Daftar Isi where the PDF has
    it (its entries are Word's TOC field, see finish_package); the other lists are the PDF's alone."""
    front = _TOC_SECTION.sub(lambda m: f'<section class="depan" id="daftar-isi">{m.group(1)}<p>{TOC_PLACEHOLDER}</p></section>',
                             front_html)
    front = _LISTS.sub("", front)
    front = _CENTRED.sub(lambda m: f'<section custom-style="Sampul" class="{m.group(1)}', front)
    front = re.sub(r'<h1 class="sampul-jenis">(.*?)</h1>', r'<p class="sampul-jenis"><strong>\1</strong></p>', front, flags=re.S)
    # Bold like the PDF's cover and approval titles and the campus block.
    front = re.sub(r'(<p class="(?:sampul-judul|pengesahan-jenis|pengesahan-judul)">)(.*?)(</p>)', r"\1<strong>\2</strong>\3",
                   front, flags=re.S)
    front = re.sub(r'(<div class="sampul-kampus">)(.*?)(</div>)',
                   lambda m: m.group(1) + re.sub(r"<p>(.*?)</p>", r"<p><strong>\1</strong></p>", m.group(2)) + m.group(3),
                   front, flags=re.S)
    return front


def word_ready_html(front_html: str, body_html: str) -> str:
    """One HTML document pandoc maps well onto Word: Word's own TOC, diagrams as images, sized table columns."""
    front = _front_for_word(front_html)
    front = front[: front.index("</body>")] if "</body>" in front else front
    body = body_html[body_html.index("<body>") + len("<body>"):] if "<body>" in body_html else body_html
    html = front + body
    html = _FILE_SRC.sub(_local_path, html)  # pandoc reads local files by path
    html = _BAB_TITLE.sub('</span> <span class="nama-bab">', html)  # "BAB IV Penanganan Kasus", not "BAB IVPenanganan"
    # pandoc keeps only <figcaption> inside <figure>: numbered figures are unwrapped so their caption survives.
    # The picture stays on the page of its caption below it (style "Gambar": keep with next).
    html = _NUMBERED_FIGURE.sub(r'<div custom-style="Gambar">\1</div>', html)
    html = re.sub(r'(<div custom-style="Gambar">.*?)(<p class="casebook-caption[^"]*casebook-caption-gambar.*?</p>)</div>',
                  r"\1</div>\2", html, flags=re.S)
    # A bold run-in title (assemble.py marks them) stays with its text, like in the PDF.
    html = re.sub(r'<p class="casebook-judul-sisipan">(.*?)</p>', r'<div custom-style="Judul Sisipan"><p>\1</p></div>',
                  html, flags=re.S)
    # The caption's id goes on the div: pandoc keeps a div's id as a Word bookmark (a <p>'s id is lost), so
    # "lihat Tabel 4.1" links land on the caption.
    html = _CAPTION.sub(_caption_div, html)
    html = _DETAILS.sub(r'<div><p><em>\1</em></p>', html).replace("</details>", "</div>")
    # A signatory's name: bold, underlined, in the size frontmatter.signatory_name chose for its column.
    html = _SIGNATORY_NAME.sub(lambda m: f'<div custom-style="{signatory_style(float(m.group(1)))}"><p>{m.group(2)}</p></div>', html)
    html = _mark_unruled_tables(html)
    html = _TABLE.sub(_with_column_widths, html)
    return _INLINE_SVG.sub(_svg_as_image, html)


_SIGNATORY_NAME = re.compile(r'<p class="nama-pejabat ukuran-([\d.]+)"[^>]*>(.*?)</p>', re.S)


def signatory_style(size_pt: float) -> str:
    return f"Nama Pejabat {size_pt:g}"


# Tables the PDF prints without rules (print.css): signatures, a group's authors, label/value identity lines.
UNRULED_CLASSES = ("tanda-tangan-tabel", "daftar-penulis", "casebook-identitas")
_UNRULED_MARK = "casebook-tanpa-garis-"
_TABLE_OPENING = re.compile(r"<table\b([^>]*)>")


def _mark_unruled_tables(html: str) -> str:
    """An unruled table gets an id pandoc keeps as a bookmark right before the Word table (pandoc drops classes):
    finish_package reads it to leave that table without rules and removes the bookmark."""
    count = iter(range(1, 1_000_000))

    def mark(match: re.Match) -> str:
        attributes = match.group(1)
        classes = re.search(r"""\bclass=(?:"([^"]*)"|'([^']*)')""", attributes)
        if (not classes or not set((classes.group(1) or classes.group(2) or "").split()) & set(UNRULED_CLASSES)
                or re.search(r"\bid=", attributes)):
            return match.group(0)
        return f'<table id="{_UNRULED_MARK}{next(count)}"{attributes}>'

    return _TABLE_OPENING.sub(mark, html)


_ID = re.compile(r'\s*\bid="([^"]*)"')


def _caption_div(match: re.Match) -> str:
    attributes = match.group(2)
    ident = _ID.search(attributes)
    div_id = f' id="{ident.group(1)}"' if ident else ""
    return f'<div custom-style="Caption"{div_id}><p{_ID.sub("", attributes)}>{match.group(3)}</p></div>'


_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_CHAR_EM = 0.55     # width of a character, in em (digits and capitals are wider than the average)
_PAD_EM = 1.2       # a cell's left and right padding in Word and LibreOffice (0.19 cm each), with some air
_BLOCK_EM = 33      # text block of the default profile (14 cm) in em of 12 pt type


def column_widths(table_html: str) -> list[float] | None:
    """Share of the text width for each column, from what its cells hold (None: leave the table alone).

    pandoc gives a table without widths equal 1.27 cm columns, which LibreOffice keeps: an eleven-column
    attendance list printed names one letter per line. A column gets room for its content (up to a
    wrapped line of 40 characters) and never less than its longest word, like a browser's auto layout."""
    from lxml import html as lxml_html

    try:
        table = lxml_html.fragment_fromstring(table_html)
    except Exception:  # noqa: BLE001 — a table pandoc reads but lxml does not: pandoc's widths stay
        return None
    if table.find("colgroup") is not None or table.find("col") is not None:
        return None
    wanted: dict[int, float] = {}
    longest: dict[int, float] = {}
    occupied: set[tuple[int, int]] = set()
    rows = [row for row in table.iter("tr") if row.getparent() is not None and
            (row.getparent() is table or row.getparent().getparent() is table)]
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            span, down = _span(cell.get("colspan")), _span(cell.get("rowspan"))
            if span > _MAX_COLUMNS or c + span > _MAX_COLUMNS:
                return None  # a student's colspan="10000000": no grid of that size is ever built here
            down = min(down, len(rows) - r)
            for dr in range(down):
                for dc in range(span):
                    occupied.add((r + dr, c + dc))
            if span == 1:
                text = " ".join(cell.text_content().split())
                words = [len(w) for w in text.split()] or [0]
                wanted[c] = max(wanted.get(c, 0), min(len(text), 40))
                longest[c] = max(longest.get(c, 0), min(max(words), 24))
            c += span
    columns = max((c for _, c in occupied), default=-1) + 1
    if columns < 2:
        return None
    weights = [max(wanted.get(c, 0), 2) + 1 for c in range(columns)]
    floors = [min((longest.get(c, 0) * _CHAR_EM + _PAD_EM) / _BLOCK_EM, 0.45) for c in range(columns)]
    fixed: set[int] = set()  # columns held at their longest word; the others share the rest by content
    while True:
        rest = 1 - sum(floors[c] for c in fixed)
        free = sum(weights[c] for c in range(columns) if c not in fixed)
        if rest <= 0 or free <= 0:
            shares = list(floors)  # too many columns for their words: each in proportion to its word
            break
        shares = [floors[c] if c in fixed else weights[c] / free * rest for c in range(columns)]
        short = {c for c in range(columns) if c not in fixed and shares[c] < floors[c]}
        if not short:
            break
        fixed |= short
    total = sum(shares)
    return [share / total for share in shares]


_MAX_COLUMNS = 60  # wider tables keep pandoc's widths (a real report's table never has that many)


def _span(value: str | None) -> int:
    return max(1, int(value)) if value and value.strip().isdigit() else 1


def _with_column_widths(match: re.Match) -> str:
    table = match.group(0)
    opening = re.match(r"<table\b[^>]*>", table).group(0)
    if "tanda-tangan-tabel" in opening:  # signatures share the width evenly, as in the PDF (frontmatter._grid)
        cells = len(re.findall(r"<td\b", table[:table.find("</tr>")]))
        widths = [1 / cells] * cells if cells > 1 else None
    else:
        widths = column_widths(table)
    if widths is None:
        return table
    cols = "".join(f'<col style="width: {100 * w:.1f}%">' for w in widths)
    return f"{opening}<colgroup>{cols}</colgroup>{table[len(opening):]}"


def _svg_as_image(match: re.Match) -> str:
    svg = match.group(0)
    title = re.search(r"<title[^>]*>(.*?)</title>", svg, re.S)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{title.group(1) if title else "diagram"}" style="width:15cm">'


_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _campus_font_everywhere(document, font: str) -> None:
    """Every style (headings, captions, TOC, tables) and the document defaults in the campus font.

    pandoc's headings name the theme's heading font (majorHAnsi: Aptos Display / Calibri Light),
    which wins over a plain font name: the theme references go, and the theme's own fonts
    become the campus font too, for styles Word adds later."""
    from docx.oxml.ns import qn

    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        for attribute in _THEME_ATTRIBUTES:
            rfonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attribute), font)
    for part in document.part.package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            blob = part.blob.decode("utf-8")
            blob = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*(")', rf"\g<1>{font}\2", blob)
            part._blob = blob.encode("utf-8")


def reference_docx(profile: PrintProfile, target: Path) -> Path:
    """pandoc's reference document restyled to the campus profile, with page numbers in the footer."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    default = target.with_name("pandoc-default.docx")
    default.write_bytes(_pandoc_default_reference())
    document = Document(str(default))
    size = float(profile.font_size.removesuffix("pt")) if profile.font_size.endswith("pt") else 12.0
    for style in document.styles:
        if not hasattr(style, "font") or style.type != 1:  # paragraph styles only
            continue
        style.font.name = profile.font
        if style.name in ("Normal", "Body Text", "First Paragraph", "Compact"):
            style.font.size = Pt(size)
            style.paragraph_format.line_spacing = profile.line_spacing
        if style.name.startswith("Heading"):
            style.font.size = Pt(size if style.name != "Heading 1" else size + 2)
            style.font.bold = True
            style.font.color.rgb = None
        if style.name == "Heading 1":
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.page_break_before = True
        if style.name in ("Caption", "Table Caption", "Image Caption"):
            style.font.size = Pt(size)
            style.paragraph_format.line_spacing = 1.0  # captions single-spaced, like the PDF
            style.paragraph_format.keep_with_next = style.name != "Image Caption"
            style.font.bold = True
            style.font.italic = False
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if style.name in ("Captioned Figure", "Figure"):  # the picture stays with its caption below
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    from docx.enum.style import WD_STYLE_TYPE

    for name, bold in (("Gambar", False), ("Judul Sisipan", True)):  # custom-style targets of word_ready_html
        added = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        added.base_style = document.styles["Normal"]
        added.font.bold = bold
        added.paragraph_format.keep_with_next = True
        if name == "Gambar":
            added.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            added.paragraph_format.line_spacing = 1.0
    from macros.pdf.frontmatter import NAME_SIZES_PT

    for name_size in NAME_SIZES_PT:  # custom-style targets of word_ready_html: a signatory's name
        signatory = document.styles.add_style(signatory_style(name_size), WD_STYLE_TYPE.PARAGRAPH)
        signatory.base_style = document.styles["Normal"]
        signatory.font.size, signatory.font.bold, signatory.font.underline = Pt(name_size), True, True
        signatory.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        signatory.paragraph_format.line_spacing = 1.0
        signatory.paragraph_format.first_line_indent = Mm(0)
        signatory.paragraph_format.space_before, signatory.paragraph_format.space_after = Pt(0), Pt(0)
    cover = document.styles.add_style("Sampul", WD_STYLE_TYPE.PARAGRAPH)  # cover and approval page, centred
    cover.base_style = document.styles["Normal"]
    cover.font.size = Pt(size)
    cover.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cover.paragraph_format.space_before, cover.paragraph_format.space_after = Pt(0), Pt(4)
    cover.paragraph_format.line_spacing = 1.15  # one approval page with room to sign, as in the PDF
    cover.paragraph_format.first_line_indent = Mm(0)
    for level in (1, 2, 3):  # Word's own names: Word and LibreOffice lay out the TOC with them
        toc = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.element.set(qn("w:styleId"), f"TOC{level}")
        toc.base_style = document.styles["Normal"]
        toc.font.size = Pt(size)
        toc.font.bold = level == 1
        toc.paragraph_format.left_indent = Mm(6 * (level - 1))
        toc.paragraph_format.space_after = Pt(2)
        toc.paragraph_format.line_spacing = 1.0
    _campus_font_everywhere(document, profile.font)
    section = document.sections[0]
    section.different_first_page_header_footer = True  # the cover shows no page number, like the PDF's
    section.page_width, section.page_height = (Mm(215), Mm(330)) if profile.paper == "F4" else (Mm(210), Mm(297))
    m = profile.margin
    section.top_margin, section.bottom_margin = Mm(to_mm(m.top)), Mm(to_mm(m.bottom))
    section.left_margin, section.right_margin = Mm(to_mm(m.left)), Mm(to_mm(m.right))
    footer = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    document.save(str(target))
    return target


def _pandoc_default_reference() -> bytes:
    import subprocess

    import pypandoc

    done = subprocess.run([pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"], capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace") or f"pandoc exit code {done.returncode}")
    return done.stdout


class WordExportError(Exception):
    """The Word export failed: the message says, in Indonesian, what happened and what to do (pandoc's or the
    system's English text follows as detail)."""


def _detail(exc: BaseException) -> str:
    return f"Rincian teknis (bahasa Inggris): {type(exc).__name__}: {' '.join(str(exc).split())}"


def pandoc_failure_text(exc: BaseException) -> str:
    """pandoc could not be started (OSError: pypandoc found no pandoc) or stopped with an error (RuntimeError)."""
    if isinstance(exc, OSError):
        what = ("program pandoc (bagian dari paket pypandoc-binary) tidak ditemukan atau tidak dapat dijalankan, jadi "
                "dokumen Word tidak dibuat. Pasang ulang Casebook sesuai Panduan (langkah instalasi), lalu ekspor lagi")
    else:
        what = ("pandoc gagal mengubah laporan menjadi dokumen Word, jadi berkas tidak ditulis. Jalankan "
                "`casebook check` dan perbaiki yang dilaporkan; bila tetap gagal, kirimkan pesan ini lengkap dengan "
                "rinciannya kepada pengelola Casebook")
    return f"{what}. {_detail(exc)}"


def pandoc_warnings(log: Path) -> list[str]:
    """pandoc's warnings (its --log, JSON) as notes in Indonesian, its English text kept as detail."""
    import json

    try:
        entries = json.loads(log.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    notes = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or entry.get("verbosity") not in ("WARNING", "ERROR"):
            continue
        english = str(entry.get("pretty") or entry.get("message") or entry.get("type"))
        if entry.get("type") == "CouldNotFetchResource":
            what = (f"gambar `{Path(str(entry.get('path', ''))).name}` tidak dapat dimuat pandoc, jadi di dokumen Word "
                    "diganti keterangannya. Periksa bahwa berkasnya ada di folder laporan (jalankan `casebook check`), "
                    "lalu ekspor lagi")
        else:
            what = ("pandoc memberi peringatan saat membuat dokumen Word; periksa bagian yang disebut di dokumen Word "
                    "sebelum menyerahkannya")
        notes.append(f"{what}. Rincian teknis (bahasa Inggris): {' '.join(english.split())}")
    return notes


def write_failure_text(exc: OSError, target: Path) -> str:
    from macros.failures import _REASONS

    reason, hint = _REASONS.get(exc.errno, ("galat sistem berkas", "periksa folder dan disknya"))
    return (f"dokumen Word tidak dapat ditulis ke {target}: {reason}. Bila berkas itu sedang dibuka di Word atau "
            f"LibreOffice, tutup dulu; bila foldernya tidak ada atau tidak dapat ditulis, pilih tempat lain dengan "
            f"--output ({hint}), lalu ekspor lagi. {_detail(exc)}")


def html_to_docx(html: str, target: Path, profile: PrintProfile, resource_dirs: list[Path],
                 notes: list[str] | None = None) -> Path:
    """Write the Word file; any failure of pandoc or of writing raises WordExportError (never English alone).
    What the file lacks but the export still wrote (the Daftar Isi's numbers, see with_page_numbers) goes to `notes`."""
    import subprocess

    import pypandoc

    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "laporan.html"
        source.write_text(html, encoding="utf-8")
        temporary = target.with_name(f".{target.name}.tmp")
        converted = Path(work) / "pandoc.docx"
        log = Path(work) / "pandoc-log.json"
        try:
            reference = reference_docx(profile, Path(work) / "referensi.docx")  # pandoc's own reference document
            pypandoc.convert_file(str(source), "docx", format="html", outputfile=str(converted), extra_args=[
                f"--reference-doc={reference}",
                f"--resource-path={os.pathsep.join(str(d) for d in resource_dirs)}", "--metadata=lang:id-ID",
                "--quiet", f"--log={log}"])  # pandoc's English warnings are read from its log and said in Indonesian
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            raise WordExportError(pandoc_failure_text(exc)) from exc
        if notes is not None:
            notes.extend(pandoc_warnings(log))
        package, missing = with_page_numbers(finish_package(converted.read_bytes(), profile, resource_dirs))
        if missing and notes is not None:
            notes.append(f"nomor halaman Daftar Isi tidak tersimpan di berkas ({missing}). Word mengisinya saat berkas "
                         "dibuka (jawab Ya bila ditanya memperbarui isian); LibreOffice menampilkan Daftar Isi tanpa "
                         "nomor halaman sampai laporan diekspor ulang di komputer yang memasang LibreOffice")
        try:
            temporary.write_bytes(package)
            temporary.replace(target)
        except OSError as exc:
            if temporary.parent.is_dir():
                temporary.unlink(missing_ok=True)
            raise WordExportError(write_failure_text(exc, target)) from exc
    return target


EMU_PER_MM = 36000
_RELS = "word/_rels/document.xml.rels"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_DRAWING = re.compile(r"<w:drawing>.*?</w:drawing>", re.S)
_BLIP = re.compile(r"<a:blip\b([^>]*?)(/>|>(.*?)</a:blip>)", re.S)
_SVG_EMBED = re.compile(r'<asvg:svgBlip\b[^>]*\br:embed="([^"]+)"')
_EXTENT = re.compile(r'(<wp:extent cx=")(\d+)(" cy=")(\d+)(")')
_XFRM_EXT = re.compile(r'(<a:ext cx=")(\d+)(" cy=")(\d+)(")')
# pandoc names each picture after its file: an absolute path (with the student's user name),
# or a whole data: URI.
_PATHLIKE = re.compile(r'\b(descr|title|name)="((?:file:|data:|/|[A-Za-z]:\\|\.\.?/)[^"]*|[^"]*[/\\][^"]*\.(?:svg|png|jpe?g|gif|webp))"',
                       re.I)
_CAPTION_ROOM_MM = 25  # a figure's caption and the space under it stay on the picture's page


def _png_of(svg: bytes) -> bytes:
    """The SVG drawn at twice its size (about 192 dpi) by rsvg-convert (librsvg2-bin)."""
    import subprocess

    drawn = subprocess.run(["rsvg-convert", "--zoom", "2", "--format", "png"], input=svg, capture_output=True)
    if drawn.returncode == 0 and drawn.stdout:
        return drawn.stdout
    # A picture rsvg-convert cannot draw (e.g. a student's SVG without any size): Word shows the SVG itself,
    # older Word an empty 1×1 picture, and the export is written (never a traceback).
    import io

    from PIL import Image

    blank = io.BytesIO()
    Image.new("RGBA", (1, 1), (0, 0, 0, 0)).save(blank, "PNG")
    return blank.getvalue()


def _fit(drawing: str, max_cx: int, max_cy: int) -> str:
    """Scale a picture down (never up) so it fits the text block in both directions, aspect kept."""
    extent = _EXTENT.search(drawing)
    if not extent:
        return drawing
    cx, cy = int(extent.group(2)), int(extent.group(4))
    scale = min(1.0, max_cx / cx if cx else 1.0, max_cy / cy if cy else 1.0)
    if scale >= 1.0:
        return drawing
    new_cx, new_cy = int(cx * scale), int(cy * scale)
    drawing = _EXTENT.sub(lambda m: f"{m.group(1)}{new_cx}{m.group(3)}{new_cy}{m.group(5)}", drawing)
    return _XFRM_EXT.sub(lambda m: f"{m.group(1)}{new_cx}{m.group(3)}{new_cy}{m.group(5)}", drawing)


def text_block_emu(profile: PrintProfile) -> tuple[int, int]:
    """Width and height (EMU) a picture may take: the text block, less room for its caption."""
    page_w, page_h = {"F4": (215, 330), "Letter": (215.9, 279.4)}.get(profile.paper, (210, 297))
    m = profile.margin
    return (int((page_w - to_mm(m.left) - to_mm(m.right)) * EMU_PER_MM),
            int((page_h - to_mm(m.top) - to_mm(m.bottom) - _CAPTION_ROOM_MM) * EMU_PER_MM))


def finish_package(docx: bytes, profile: PrintProfile, local_dirs: list[Path] = ()) -> bytes:
    """PNG beside every SVG, pictures fitted to the text block, no local paths; returns the new package."""
    import io
    import posixpath
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    rels = parts[_RELS].decode("utf-8")
    targets = {}
    for relationship in re.findall(r"<Relationship\b[^>]*>", rels):
        ident, target = re.search(r'\bId="([^"]+)"', relationship), re.search(r'\bTarget="([^"]+)"', relationship)
        if ident and target:
            targets[ident.group(1)] = target.group(1)
    added: list[str] = []
    pngs: dict[str, str] = {}  # SVG relationship id -> its PNG's relationship id

    def fallback(svg_id: str) -> str:
        if svg_id not in pngs:
            svg_path = posixpath.normpath(posixpath.join("word", targets[svg_id]))
            png_name = f"media/{posixpath.splitext(posixpath.basename(svg_path))[0]}-png.png"
            parts[f"word/{png_name}"] = _png_of(parts[svg_path])
            png_id = f"rIdPng{len(pngs) + 1}"
            added.append(f'<Relationship Type="{_IMAGE_REL}" Id="{png_id}" Target="{png_name}" />')
            pngs[svg_id] = png_id
        return pngs[svg_id]

    def blip(match: re.Match) -> str:
        attributes, inner = match.group(1), match.group(3) or ""
        svg = _SVG_EMBED.search(inner)
        if svg is None or "r:embed=" in attributes:
            return match.group(0)
        return f'<a:blip r:embed="{fallback(svg.group(1))}"{attributes}>{inner}</a:blip>'

    max_cx, max_cy = text_block_emu(profile)

    def drawing(match: re.Match) -> str:
        return _fit(_BLIP.sub(blip, match.group(0)), max_cx, max_cy)

    document = ruled_tables(_without_title_block(parts["word/document.xml"].decode("utf-8")))
    document = with_table_of_contents(document, text_block_twips(profile))
    parts["word/document.xml"] = _without_local_paths(_DRAWING.sub(drawing, document), local_dirs).encode("utf-8")
    if "word/settings.xml" in parts:
        parts["word/settings.xml"] = _update_fields_on_open(parts["word/settings.xml"].decode("utf-8")).encode("utf-8")
    if added:
        parts[_RELS] = rels.replace("</Relationships>", "".join(added) + "</Relationships>").encode("utf-8")
        types = parts["[Content_Types].xml"].decode("utf-8")
        if 'Extension="png"' not in types:
            types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png" /></Types>')
        parts["[Content_Types].xml"] = types.encode("utf-8")
    for name, data in list(parts.items()):
        if name.endswith((".xml", ".rels")) and name != "word/document.xml":
            parts[name] = _without_local_paths(data.decode("utf-8"), local_dirs).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            package.writestr(info, parts[info.filename])
        for name in sorted(parts.keys() - set(source.namelist())):
            package.writestr(name, parts[name])
    return out.getvalue()


def _without_local_paths(xml: str, local_dirs: list[Path]) -> str:
    """No file names with folders (they carry the user name) and no project folder anywhere in the package."""
    xml = _PATHLIKE.sub(lambda m: f'{m.group(1)}=""', xml)
    for folder in local_dirs:
        for form in {str(folder), str(folder.resolve()), folder.resolve().as_uri()}:
            xml = xml.replace(form, "")
    return xml



# Every table ruled like the PDF's (print.css: 0.5 pt solid black on every cell edge), written on the table itself:
# Word, LibreOffice and WPS all read a table's own borders (pandoc's "Table" style has none).
TABLE_BORDERS = ("<w:tblBorders>" + "".join(f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                            for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
                 + "</w:tblBorders>")
_UNRULED_BOOKMARK = re.compile(r'<w:bookmarkStart w:id="(\d+)" w:name="' + _UNRULED_MARK + r'\d+"\s*/>(\s*<w:tbl>\s*<w:tblPr>)')
_UNRULED_FLAG = "<!--casebook-tanpa-garis-->"
_TABLE_PROPERTIES = re.compile(r"<w:tblPr>(?!" + re.escape(_UNRULED_FLAG) + r")(.*?)</w:tblPr>", re.S)
# CT_TblPr is a sequence: tblBorders comes before these.
_AFTER_BORDERS = re.compile(r"<w:(?:shd|tblLayout|tblCellMar|tblLook|tblCaption|tblDescription)\b")


def ruled_tables(document: str) -> str:
    """Rules on every table but the ones word_ready_html marked unruled (their marking bookmark goes)."""
    unruled = set(_UNRULED_BOOKMARK.findall(document))
    unruled_ids = {ident for ident, _ in unruled}
    document = _UNRULED_BOOKMARK.sub(lambda m: m.group(2) + _UNRULED_FLAG, document)
    document = re.sub(r'<w:bookmarkEnd w:id="(\d+)"\s*/>',
                      lambda m: "" if m.group(1) in unruled_ids else m.group(0), document)

    def rule(match: re.Match) -> str:
        inner = match.group(1)
        if "<w:tblBorders" in inner:
            return match.group(0)
        at = _AFTER_BORDERS.search(inner)
        at = at.start() if at else len(inner)
        return f"<w:tblPr>{inner[:at]}{TABLE_BORDERS}{inner[at:]}</w:tblPr>"

    return _HEADER_ROW.sub(_bold_row, _TABLE_PROPERTIES.sub(rule, document).replace(_UNRULED_FLAG, ""))


# A header row (pandoc marks it to repeat on each page): bold, like the PDF's <th> (print.css).
_HEADER_ROW = re.compile(r"<w:tr>(?:(?!</w:tr>|<w:tbl>).)*?<w:tblHeader\b(?:(?!<w:tbl>).)*?</w:tr>", re.S)


_RUN_PROPERTIES = re.compile(r"<w:rPr>((?:<w:rStyle\b[^>]*/>\s*)?(?:<w:rFonts\b[^>]*/>\s*)?)(.*?)</w:rPr>", re.S)


def _bold_row(match: re.Match) -> str:
    def bold(properties: re.Match) -> str:  # CT_RPr order: rStyle, rFonts, then b
        if re.search(r"<w:b\b", properties.group(2)):
            return properties.group(0)
        return f"<w:rPr>{properties.group(1)}<w:b/>{properties.group(2)}</w:rPr>"

    row = _RUN_PROPERTIES.sub(bold, match.group(0))
    return re.sub(r"<w:r>(?!\s*<w:rPr>)", "<w:r><w:rPr><w:b/></w:rPr>", row)


_TITLE_BLOCK = re.compile(r'\s*<w:p>\s*<w:pPr>\s*<w:pStyle w:val="(?:Title|Subtitle|Author|Date|Abstract)"\s*/>.*?</w:p>', re.S)


def _without_title_block(document: str) -> str:
    """pandoc's own title page (title and author from the HTML head) goes: the campus cover is the first page.
    The title and author stay in the file's properties."""
    head, marker, body = document.partition("<w:body>")
    while marker:
        match = _TITLE_BLOCK.match(body)
        if not match:
            break
        body = body[match.end():]
    return head + marker + body


_HEADING = re.compile(r'<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading([123])"\s*/>.*?</w:p>', re.S)
_BOOKMARK = re.compile(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"\s*/>')
_RUN_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_PLACEHOLDER_PARAGRAPH = re.compile(r"<w:p>(?:(?!</w:p>).)*?" + TOC_PLACEHOLDER + r".*?</w:p>", re.S)


def text_block_twips(profile: PrintProfile) -> int:
    return int(text_block_emu(profile)[0] / 635)  # 635 EMU per twip


def toc_entries(document: str) -> list[tuple[int, str, str]]:
    """(level, text, bookmark) of every Heading 1-3, as Word's TOC field collects them."""
    entries = []
    for match in _HEADING.finditer(document):
        before = document[max(0, match.start() - 2000):match.start()]
        marks = _BOOKMARK.findall(before[before.rfind("</w:p>") + 1:] if "</w:p>" in before else before)
        inside = _BOOKMARK.findall(match.group(0))
        names = inside or marks
        text = "".join(_RUN_TEXT.findall(match.group(0))).strip()
        if text and names:
            entries.append((int(match.group(1)), text, names[-1]))
    return entries


PAGE_RESULT = ""  # a TOC entry's stored page number until with_page_numbers writes LibreOffice's in
_TOC_PAGEREF = re.compile(r'(<w:instrText xml:space="preserve"> PAGEREF ([^ <]+) \\h </w:instrText></w:r>'
                          r'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>)([^<]*)(</w:t>)')


_WINDOWS_SOFFICE = [Path(os.environ.get(variable, default)) / "LibreOffice" / "program" / "soffice.exe"
                    for variable, default in (("ProgramFiles", r"C:\Program Files"),
                                              ("ProgramFiles(x86)", r"C:\Program Files (x86)"))] if os.name == "nt" else []


def with_page_numbers(docx: bytes, timeout: float = 180) -> tuple[bytes, str | None]:
    """The Daftar Isi's page numbers stored in the file, read off LibreOffice's own layout of it.

    Word recomputes them on opening (settings.xml: updateFields), but LibreOffice shows a TOC field's stored
    result and never updates it on opening (nor when converting to PDF), so without this a supervisor in
    LibreOffice sees entries without numbers. Returns (package, None), or the package unchanged and why the
    numbers could not be filled (LibreOffice missing or failing): the export still succeeds."""
    import io
    import shutil
    import subprocess
    import zipfile

    source_zip = zipfile.ZipFile(io.BytesIO(docx))
    parts = {info.filename: source_zip.read(info) for info in source_zip.infolist()}
    document = parts["word/document.xml"].decode("utf-8")
    if not _TOC_PAGEREF.search(document):
        return docx, None  # no Daftar Isi in this file: nothing to number
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or next(
        (str(path) for path in _WINDOWS_SOFFICE if path.is_file()), None)
    if soffice is None:
        return docx, "LibreOffice tidak terpasang"
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "laporan.docx"
        source.write_bytes(docx)
        try:
            done = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(Path(work) / 'profil').as_uri()}",
                                   "--convert-to", "pdf", "--outdir", work, str(source)],
                                  capture_output=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return docx, f"LibreOffice tidak selesai ({type(exc).__name__})"
        pdf = Path(work) / "laporan.pdf"
        if done.returncode != 0 or not pdf.is_file():
            return docx, f"LibreOffice gagal (kode {done.returncode})"
        pages = outline_pages(pdf.read_bytes())
    entries = toc_entries(document)
    numbers: dict[str, int] = {}
    at = 0
    for _, text, mark in entries:  # in order: each entry takes the next outline item with its text
        wanted = " ".join(unescape(text).split())
        found = next((i for i in range(at, len(pages)) if pages[i][0] == wanted), None)
        if found is not None:
            numbers[mark], at = pages[found][1], found + 1
    if not numbers:
        return docx, "LibreOffice tidak menandai judul bab di PDF-nya"
    document = _TOC_PAGEREF.sub(lambda m: m.group(1) + str(numbers.get(m.group(2), m.group(3))) + m.group(4), document)
    parts["word/document.xml"] = document.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source_zip.infolist():
            package.writestr(info, parts[info.filename])
    missing = len(entries) - len(numbers)
    return out.getvalue(), (f"{missing} judul tanpa nomor halaman" if missing else None)


def outline_pages(pdf: bytes) -> list[tuple[str, int]]:
    """(title, page number from 1) of every outline item of a PDF, in document order."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    out: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            try:
                out.append((" ".join(str(item.title).split()), reader.get_destination_page_number(item) + 1))
            except Exception:  # noqa: BLE001 — an item without a page: not a heading of ours
                continue

    walk(reader.outline)
    return out


def with_table_of_contents(document: str, width_twips: int) -> str:
    """Word's TOC field where the front matter has its Daftar Isi, already holding an entry per heading.

    Word fills a TOC field only when fields are updated (settings.xml asks for that on opening); until
    then, and in LibreOffice, which does not update it, the field's stored result is what is shown: the
    headings, each a link to its bookmark with a PAGEREF field for its page (its number: with_page_numbers)."""
    placeholder = _PLACEHOLDER_PARAGRAPH.search(document)
    if placeholder is None:
        return document
    entries = toc_entries(document)
    begin = ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> TOC \\o &quot;1-3&quot; \\h \\z \\u </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    paragraphs = []
    for index, (level, text, mark) in enumerate(entries):
        page = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {mark} \\h </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{PAGE_RESULT}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
        paragraphs.append(
            f'<w:p><w:pPr><w:pStyle w:val="TOC{level}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width_twips}"/></w:tabs></w:pPr>'
            + (begin if index == 0 else "")
            + f'<w:hyperlink w:anchor="{mark}" w:history="1"><w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:tab/></w:r>{page}</w:hyperlink>'
            + (end if index == len(entries) - 1 else "") + "</w:p>")
    if not paragraphs:
        paragraphs = [f"<w:p>{begin}{end}</w:p>"]
    field = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>'
             '</w:sdtPr><w:sdtContent>' + "".join(paragraphs) + "</w:sdtContent></w:sdt>")
    return document[:placeholder.start()] + field + document[placeholder.end():]


# CT_Settings is a sequence: updateFields comes before these (Word refuses a settings part out of order).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "m:mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                        "sl:schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _update_fields_on_open(settings: str) -> str:
    """Word updates every field when the file is opened: the table of contents gets its page numbers."""
    if "<w:updateFields" in settings:
        return settings
    element = '<w:updateFields w:val="true" />'
    positions = [i for tag in _AFTER_UPDATE_FIELDS
                 if (i := settings.find(f"<{tag if ':' in tag else 'w:' + tag}")) >= 0]
    at = min(positions) if positions else settings.rfind("</w:settings>")
    return settings[:at] + element + settings[at:]
