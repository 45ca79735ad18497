"""Read a PDF back as a reader sees it, for the print-fidelity scans (orphaned titles, missing glyphs).

Lines and their weight come from poppler's `pdftohtml -xml` (bold runs are marked <b>);
page labels from pikepdf; glyph coverage from the embedded fonts (see macros/pdf/glyphs.py).
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf

_PAGE = re.compile(r'<page number="(\d+)"[^>]*height="(\d+)"[^>]*>(.*?)</page>', re.S)
_TEXT = re.compile(r'<text top="(\d+)" left="(\d+)" width="(\d+)" height="(\d+)" font="(\d+)">(.*?)</text>', re.S)
_FONT = re.compile(r'<fontspec id="(\d+)" size="(-?\d+)"')
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Line:
    top: int
    text: str
    bold: bool  # every word of the line is set in bold
    size: int = 0  # its largest type, in pdftohtml's px: body text 18, table text 17 (0.92 em)


def page_lines(pdf: Path) -> list[list[Line]]:
    """Per page, its text lines top to bottom (pieces at the same height joined)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    sizes = {font: int(size) for font, size in _FONT.findall(xml)}
    pages = []
    for _, _, content in _PAGE.findall(xml):
        rows: dict[int, list[tuple[int, str]]] = {}
        row_size: dict[int, int] = {}
        for top, left, _, _, font, inner in _TEXT.findall(content):
            if not _TAG.sub("", inner).strip():
                continue
            key = next((t for t in rows if abs(t - int(top)) <= 3), int(top))
            rows.setdefault(key, []).append((int(left), inner))
            row_size[key] = max(row_size.get(key, 0), sizes.get(font, 0))
        lines = []
        for top in sorted(rows):
            pieces = [inner for _, inner in sorted(rows[top])]
            text = html.unescape(_TAG.sub("", " ".join(pieces))).strip()
            bold = all(re.fullmatch(r"\s*(<i>)?<b>.*</b>(</i>)?\s*", p, re.S) for p in pieces)
            lines.append(Line(top, re.sub(r"\s+", " ", text), bold, row_size[top]))
        pages.append(lines)
    return pages


def page_labels(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as document:
        return [pikepdf.Page(page).label for page in document.pages]


def orphaned_titles(pdf: Path) -> list[str]:
    """Body pages whose last line (above the folio, and above no picture) is a bold title line: '<page label>: <line>'.

    A figure caption ends its figure, so "Gambar x.y ..." may close a page; every other
    bold line (headings, run-in titles, table captions, labels) must have its text below it.
    """
    found = []
    pages, labels = page_lines(pdf), page_labels(pdf)
    body = _body_size(pages, labels)
    for label, lines, images in zip(labels, pages, image_spans(pdf)):
        if not label.isdigit():
            continue  # the front matter ends pages with names and the campus block by design
        content = [ln for ln in lines if ln.text != label]  # the folio
        if not content:
            continue
        block = [content[-1]]  # the last block of bold lines: a title or caption may wrap
        for line in reversed(content[:-1]):
            if not (line.bold and block[0].bold and block[0].top - line.top <= 30):
                break
            block.insert(0, line)
        if any(top > block[-1].top for top, _ in images):
            continue  # a picture follows the title on its page (an appendix of a picture only)
        if block[-1].bold and not re.match(r"^Gambar\s+\d", block[0].text) and block[-1].size >= body:
            found.append(f"{label}: {block[-1].text}")
    return found


def _body_size(pages: list[list[Line]], labels: list[str]) -> int:
    """The type size of body text (and folios) on the body pages: bold lines smaller than it are table rows."""
    return max((ln.size for lines, label in zip(pages, labels) if label.isdigit() for ln in lines if not ln.bold), default=0)


def totals_before_rows(pdf: Path) -> list[str]:
    """A bold table row ending a page whose next page continues a table ("Lanjutan Tabel", or its repeated
    bold header): a total printed above rows still to come (user test s23 F1). '<page label>: <line>'."""
    labels = page_labels(pdf)
    pages = page_lines(pdf)
    body = _body_size(pages, labels)
    content = [[ln for ln in lines if ln.text != label] for label, lines in zip(labels, pages)]
    found = []
    for index, (label, lines) in enumerate(zip(labels, content)):
        if not (lines and index + 1 < len(content) and content[index + 1]):
            continue
        following = content[index + 1][0]
        continued = following.text.startswith("Lanjutan Tabel") or (following.bold and 0 < following.size < body)
        if lines[-1].bold and 0 < lines[-1].size < body and continued:  # a bold row; the next page repeats the header
            found.append(f"{label}: {lines[-1].text}")
    return found


def image_pages(pdf: Path) -> list[int]:
    """The page (1-based, physical) of every image drawn, in order."""
    return [number for number, spans in enumerate(image_spans(pdf), 1) for _ in spans]


_CHAPTER_OPENING = re.compile(r"^(BAB [IVXLC]+|LAMPIRAN|DAFTAR PUSTAKA)$")


def nearly_empty_pages(pdf: Path, share: float = 1 / 3) -> list[str]:
    """Body pages filled to less than `share` of their text height while the next page goes on with the same block.

    A page may end early before a chapter (which opens a new page), before a title that moves with what it
    keeps, or before a picture that does not fit below; a page left this empty in the middle of a block (plain
    text, a letter's details) is a break that an over-long chain of 'keep with next' forced, like a letter
    split after two lines (user test s23 F12).
    '<page label>: <last line>'.
    """
    labels = page_labels(pdf)
    pages = page_lines(pdf)
    images = image_spans(pdf)
    content = [[ln for ln in lines if ln.text != label] for label, lines in zip(labels, pages)]
    tops = [ln.top for lines in content for ln in lines]
    if not tops:
        return []
    text_height = max(tops) - min(tops)  # the tallest span of text on any page: the text area, near enough
    found = []
    for index, (label, lines) in enumerate(zip(labels, content)):
        if not label.isdigit() or not lines or index + 1 >= len(content) or not content[index + 1]:
            continue
        following = content[index + 1]
        if _CHAPTER_OPENING.match(following[0].text) or following[0].bold:
            continue  # a chapter, or a title moved whole with what it keeps (a heading and its diagram, a caption
            # and its table): only a block split across the break is measured here
        top = min([lines[0].top, *(start for start, _ in images[index])])
        used = max([lines[-1].top, *(end for _, end in images[index])]) - top
        if images[index + 1]:
            first_top = min(following[0].top, images[index + 1][0][0])
            if images[index + 1][0][1] - first_top > text_height - used:
                continue  # the next page opens with a picture (and its heading) that did not fit below
        if used < share * text_height:
            found.append(f"{label}: {lines[-1].text}")
    return found


def image_spans(pdf: Path) -> list[list[tuple[int, int]]]:
    """Per page, the vertical extent (top, bottom) of every image drawn on it, in pdftohtml's units
    (1.5 px per pt from the top of the page), read off the content streams (q/Q, cm, Do)."""
    spans = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            height = float(page.mediabox[3]) - float(page.mediabox[1])
            found: list[tuple[int, int]] = []

            def walk(stream_owner, ctm, depth=0):
                stack, matrix = [], ctm
                resources = stream_owner.get("/Resources", {})
                xobjects = resources.get("/XObject", {}) if resources else {}
                for operands, operator in pikepdf.parse_content_stream(stream_owner):
                    name = str(operator)
                    if name == "q":
                        stack.append(matrix)
                    elif name == "Q" and stack:
                        matrix = stack.pop()
                    elif name == "cm":
                        a, b, c, d, e, f = (float(v) for v in operands)
                        m = matrix
                        matrix = (a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3],
                                  e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5])
                    elif name == "Do" and str(operands[0]) in xobjects:
                        xobject = xobjects[str(operands[0])]
                        if xobject.get("/Subtype") == "/Image":
                            ys = [matrix[1] * x + matrix[3] * y + matrix[5] for x in (0, 1) for y in (0, 1)]
                            found.append((round((height - max(ys)) * 1.5), round((height - min(ys)) * 1.5)))
                        elif xobject.get("/Subtype") == "/Form" and depth < 5:
                            form = [float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                            m = matrix
                            walk(xobject, (form[0] * m[0] + form[1] * m[2], form[0] * m[1] + form[1] * m[3],
                                           form[2] * m[0] + form[3] * m[2], form[2] * m[1] + form[3] * m[3],
                                           form[4] * m[0] + form[5] * m[2] + m[4], form[4] * m[1] + form[5] * m[3] + m[5]),
                                 depth + 1)

            walk(page.obj, (1, 0, 0, 1, 0, 0))
            spans.append(sorted(found))
    return spans
