"""Markdown as students write it (listed under `markdown_extensions` in mkdocs.yml as `macros.markdown_ext`).

Nested lists: Python-Markdown nests a list item only when it is indented four spaces; students (and the
YAML guide's habit) indent two, and the sub-items come out flat. `mdx_truly_sane_lists` switches the rule
to exactly two spaces, which flattens the lists written with four instead. This preprocessor accepts
both: an item indented at least two spaces deeper than the open item above it is its child, and is
re-indented to the four spaces Python-Markdown expects (its continuation lines move with it). Fenced
code is left alone.

Admonitions: `!!! note` without a title is titled with its English type ("Note"); the titles of the
types Material styles are given in Indonesian here, in the HTML that the site, the PDF and the Word
export all share. Footnotes and admonitions themselves are Python-Markdown's own extensions
(`footnotes`, `admonition`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)])(?: +|$)")
_FENCE = re.compile(r"^ *(```|~~~)")


def nest_lists(lines: list[str]) -> list[str]:
    out: list[str] = []
    open_items: list[tuple[int, int]] = []  # (indent as written, indent as rewritten) of the items around
    fence = None
    for line in lines:
        opening = _FENCE.match(line)
        if fence is not None:
            out.append(_shift(line, open_items))
            if opening and opening.group(1) == fence:
                fence = None
            continue
        if not line.strip():
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(line)
        if item:
            while open_items and indent < open_items[-1][0] + 2:  # a sibling or an outer item
                open_items.pop()
            rewritten = open_items[-1][1] + 4 if open_items else indent
            open_items.append((indent, rewritten))
            out.append(" " * rewritten + line[indent:])
        else:
            while open_items and indent <= open_items[-1][0]:  # back at (or left of) the item's marker: it ended
                open_items.pop()
            out.append(_shift(line, open_items))
        if opening:
            fence = opening.group(1)
    return out


def _shift(line: str, open_items: list[tuple[int, int]]) -> str:
    """A line inside an item moves as far as the item moved."""
    if not open_items or not line.strip():
        return line
    written, rewritten = open_items[-1]
    return " " * (rewritten - written) + line if rewritten > written else line


class _NestedLists(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return nest_lists(lines)


ADMONITION_TITLES = {
    "note": "Catatan", "abstract": "Ringkasan", "summary": "Ringkasan", "tldr": "Ringkasan", "info": "Info",
    "todo": "Tugas", "tip": "Tips", "hint": "Petunjuk", "important": "Penting", "success": "Berhasil",
    "check": "Berhasil", "done": "Selesai", "question": "Pertanyaan", "help": "Bantuan", "faq": "Tanya jawab",
    "warning": "Peringatan", "caution": "Perhatian", "attention": "Perhatian", "failure": "Gagal", "fail": "Gagal",
    "missing": "Belum ada", "danger": "Bahaya", "error": "Galat", "bug": "Kekeliruan", "example": "Contoh",
    "quote": "Kutipan", "cite": "Kutipan",
}


class _AdmonitionTitles(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter("p"):
            if element.get("class") != "admonition-title" or element.text is None:
                continue
            english = element.text.strip().lower()
            if english in ADMONITION_TITLES and element.text.strip() == english.capitalize() and len(element) == 0:
                element.text = ADMONITION_TITLES[english]


class CasebookMarkdown(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 — Python-Markdown's name
        md.preprocessors.register(_NestedLists(md), "casebook_nested_lists", 27)  # before fenced code (25)
        md.treeprocessors.register(_AdmonitionTitles(md), "casebook_admonition_titles", 0)


def makeExtension(**kwargs) -> CasebookMarkdown:  # noqa: N802 — Python-Markdown's entry point
    return CasebookMarkdown(**kwargs)
