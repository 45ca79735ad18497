"""A chapter page after its macros have run: sections, placed photos, captioned tables, numbers.

Called from the hook's on_page_markdown for every `bab-N-...` page of a report, in this order:

1. `number_sections`: every `##`/`###`/`####` heading gets its computed number (4.1, 4.1.1, ...).
2. Photos tagged `bagian: '5.3'` that no `foto_bagian()` call placed go to the end of section 5.3,
   so a tag never silently leads nowhere (a tag naming no section of the page is reported).
3. A line `Tabel: Judul tabel {: #id }` directly above a Markdown table (in a chapter page or a prose
   field) becomes that table's numbered caption; `{#id}` is optional and makes it `ref()`-able.
4. Every caption of the page is numbered in the order it appears: Tabel 3.1, 3.2, Gambar 3.1, ...
"""

from __future__ import annotations

import re
from typing import Callable

from markupsafe import escape

from macros.render.numbering import INTERNAL, ReportNumbering
from macros.render.sections import number_sections

_HEADING = re.compile(r"^(#{2,4}) (\d+(?:\.\d+)+) ", re.M)
_TABLE_CAPTION = re.compile(r"^[ \t]*Tabel:[ \t]+(?P<title>.+?)"
                            r"(?:[ \t]*(?:\{|&#123;)[ \t]*:?[ \t]*#(?P<id>[A-Za-z0-9_-]+)[ \t]*\})?[ \t]*\n(?=[ \t]*\n?[ \t]*\|)",
                            re.M)
_CAPTION = re.compile(r'<p class="casebook-caption casebook-caption-(tabel|gambar)" id="(?:tabel|gambar)-([^"]+)" '
                      'data-casebook="' + INTERNAL + r'">(?:Tabel|Gambar) \d+\.\d+ ')  # Caption.html(), never a page's


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "tabel"


def caption_markdown_tables(markdown: str, register: Callable[[str, str], str]) -> str:
    """`Tabel: Judul {: #id }` above a Markdown table -> a numbered caption (`register(id, title)` gives its HTML)."""

    def caption(match: re.Match) -> str:
        title = match["title"].strip()
        return register(match["id"] or "tabel-" + _slug(title), title) + "\n\n"

    return _TABLE_CAPTION.sub(caption, markdown)


def section_spans(markdown: str) -> list[tuple[str, int]]:
    """(section number, offset where that section ends) for every numbered heading of the page."""
    heads = [(m.start(), len(m.group(1)), m.group(2)) for m in _HEADING.finditer(markdown)]
    spans = []
    for i, (start, level, number) in enumerate(heads):
        end = next((s for s, lvl, _ in heads[i + 1:] if lvl <= level), len(markdown))
        spans.append((number, end))
    return spans


def place_at_sections(markdown: str, blocks: dict[str, str]) -> tuple[str, list[str]]:
    """Insert each block at the end of the section its key names; the keys naming no section are returned."""
    ends = dict(section_spans(markdown))
    missing = [key for key in blocks if key not in ends]
    for key in sorted((k for k in blocks if k in ends), key=lambda k: ends[k], reverse=True):
        at = ends[key]
        markdown = markdown[:at].rstrip("\n") + "\n\n" + blocks[key] + "\n\n" + markdown[at:]
    return markdown, missing


def renumber(markdown: str, numbering: ReportNumbering, chapter: int) -> str:
    """Number the captions of one chapter page in the order they appear (the order a reader sees)."""
    order: dict[str, list[str]] = {"tabel": [], "gambar": []}
    for match in _CAPTION.finditer(markdown):
        order[match.group(1)].append(match.group(2))
    numbers = {element_id: n for ids in order.values() for n, element_id in enumerate(ids, start=1)}
    numbering.renumber(chapter, numbers)

    def label(match: re.Match) -> str:
        caption = numbering.captions[match.group(2)]
        return (f'<p class="casebook-caption casebook-caption-{caption.kind}" id="{escape(caption.anchor)}" '
                f'data-casebook="{INTERNAL}">{caption.label} ')

    return _CAPTION.sub(label, markdown)


def finish_chapter(markdown: str, chapter: int, numbering: ReportNumbering, *,
                   unplaced_tags: Callable[[], list[str]], photos_of: Callable[[str], str],
                   register_table: Callable[[str, str], str]) -> tuple[str, list[str]]:
    """Steps 1–4 above; returns the page and the photo tags that name no section of it."""
    markdown = number_sections(markdown, chapter)
    present = {number for number, _ in section_spans(markdown)}
    tags = unplaced_tags()
    markdown, _ = place_at_sections(markdown, {tag: photos_of(tag) for tag in tags if tag in present})
    markdown = caption_markdown_tables(markdown, register_table)
    return renumber(markdown, numbering, chapter), [tag for tag in tags if tag not in present]
