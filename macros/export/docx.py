"""The report as a Word document, for supervisors who comment in Word.

Made from the same print HTML as the PDF (captured during a build), converted by pandoc
(bundled by pypandoc-binary: no network, no system package) with a reference document
that carries the campus styles: Times-compatible serif 12 pt, 1.5 spacing, headings as
Word heading styles (the navigation pane works), captions in Word's Caption style, real
Word tables, page numbers in the footer and a table of contents Word fills on opening.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from pathlib import Path

from macros.pdf.settings import PrintProfile, to_mm

_LISTS = re.compile(r'<section class="depan daftar".*?</section>', re.S)
_INLINE_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_CAPTION = re.compile(r'<p class="casebook-caption([^"]*)"([^>]*)>(.*?)</p>', re.S)
_BAB_TITLE = re.compile(r'</span><span class="nama-bab">')
_DETAILS = re.compile(r"<details\b[^>]*>\s*<summary>(.*?)</summary>", re.S)
_NUMBERED_FIGURE = re.compile(r'<figure class="casebook-gambar">(.*?)</figure>', re.S)


def word_ready_html(front_html: str, body_html: str) -> str:
    """One HTML document pandoc maps well onto Word: lists left to Word's own TOC, diagrams as images."""
    front = _LISTS.sub("", front_html)                       # Word builds its own table of contents
    front = front[: front.index("</body>")] if "</body>" in front else front
    body = body_html[body_html.index("<body>") + len("<body>"):] if "<body>" in body_html else body_html
    html = front + body
    html = html.replace('src="file://', 'src="')  # pandoc reads local files by path
    html = _BAB_TITLE.sub('</span> <span class="nama-bab">', html)  # "BAB IV Penanganan Kasus", not "BAB IVPenanganan"
    # pandoc keeps only <figcaption> inside <figure>: numbered figures are unwrapped so their caption survives.
    html = _NUMBERED_FIGURE.sub(r"\1", html)
    html = _CAPTION.sub(r'<div custom-style="Caption"><p\2>\3</p></div>', html)
    html = _DETAILS.sub(r'<div><p><em>\1</em></p>', html).replace("</details>", "</div>")
    return _INLINE_SVG.sub(_svg_as_image, html)


def _svg_as_image(match: re.Match) -> str:
    svg = match.group(0)
    title = re.search(r"<title[^>]*>(.*?)</title>", svg, re.S)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{title.group(1) if title else "diagram"}" style="width:15cm">'


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
            style.font.size = Pt(size - 1)
            style.font.bold = True
            style.font.italic = False
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    section = document.sections[0]
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

    return subprocess.run([pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
                          capture_output=True, check=True).stdout


def html_to_docx(html: str, target: Path, profile: PrintProfile, resource_dirs: list[Path]) -> Path:
    import pypandoc

    with tempfile.TemporaryDirectory() as work:
        reference = reference_docx(profile, Path(work) / "referensi.docx")
        source = Path(work) / "laporan.html"
        source.write_text(html, encoding="utf-8")
        temporary = target.with_name(f".{target.name}.tmp")
        pypandoc.convert_file(str(source), "docx", format="html", outputfile=str(temporary), extra_args=[
            f"--reference-doc={reference}", "--toc", "--toc-depth=3", "--metadata=toc-title:Daftar Isi",
            f"--resource-path={os.pathsep.join(str(d) for d in resource_dirs)}", "--metadata=lang:id-ID"])
        temporary.replace(target)
    return target
