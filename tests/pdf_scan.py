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
_TEXT = re.compile(r'<text top="(\d+)" left="(\d+)" width="(\d+)" height="(\d+)" font="\d+">(.*?)</text>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Line:
    top: int
    text: str
    bold: bool  # every word of the line is set in bold


def page_lines(pdf: Path) -> list[list[Line]]:
    """Per page, its text lines top to bottom (pieces at the same height joined)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for _, _, content in _PAGE.findall(xml):
        rows: dict[int, list[tuple[int, str]]] = {}
        for top, left, _, _, inner in _TEXT.findall(content):
            if not _TAG.sub("", inner).strip():
                continue
            key = next((t for t in rows if abs(t - int(top)) <= 3), int(top))
            rows.setdefault(key, []).append((int(left), inner))
        lines = []
        for top in sorted(rows):
            pieces = [inner for _, inner in sorted(rows[top])]
            text = html.unescape(_TAG.sub("", " ".join(pieces))).strip()
            bold = all(re.fullmatch(r"\s*(<i>)?<b>.*</b>(</i>)?\s*", p, re.S) for p in pieces)
            lines.append(Line(top, re.sub(r"\s+", " ", text), bold))
        pages.append(lines)
    return pages


def page_labels(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as document:
        return [pikepdf.Page(page).label for page in document.pages]


def orphaned_titles(pdf: Path) -> list[str]:
    """Body pages whose last line (above the folio) is a bold title line: '<page label>: <line>'.

    A figure caption ends its figure, so "Gambar x.y ..." may close a page; every other
    bold line (headings, run-in titles, table captions, labels) must have its text below it.
    """
    found = []
    for label, lines in zip(page_labels(pdf), page_lines(pdf)):
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
        if block[-1].bold and not re.match(r"^Gambar\s+\d", block[0].text):
            found.append(f"{label}: {block[-1].text}")
    return found


def image_pages(pdf: Path) -> list[int]:
    """The page (1-based, physical) of every image drawn, in order (poppler's `pdfimages -list`)."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [int(line.split()[0]) for line in listing.splitlines()[2:] if line.split() and line.split()[1].isdigit()]


_CHAPTER_OPENING = re.compile(r"^(BAB [IVXLC]+|LAMPIRAN|DAFTAR PUSTAKA)$")


def nearly_empty_pages(pdf: Path, share: float = 1 / 3) -> list[str]:
    """Body pages filled to less than `share` of their text height while the next page goes on with text only.

    A page may end early before a chapter (which opens a new page) or before a picture that does not fit
    below (it moves with its title); before plain text, tables or letters' details it is a break that an
    over-long chain of 'keep with next' forced, like a letter split after two lines (user test s23 F12).
    '<page label>: <last line>'.
    """
    labels = page_labels(pdf)
    pages = page_lines(pdf)
    with_images = set(image_pages(pdf))
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
        if _CHAPTER_OPENING.match(following[0].text) or (index + 2) in with_images:
            continue
        if lines[-1].top - lines[0].top < share * text_height:
            found.append(f"{label}: {lines[-1].text}")
    return found
