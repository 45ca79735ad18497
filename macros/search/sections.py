"""Each rendered page split into search sections (one per heading), in place of Material's splitter.

Material's `search` plugin stays on for its search box, but the work it does per page — feeding
the page through Python's `html.parser` to cut it at its headings — was the largest single cost of
an archive build: 10 of 54 profiled seconds for 200 reports, as much as Markdown itself. Casebook
throws Material's one-file index away anyway (macros/search/build.py writes a sharded one), so
`install` swaps the plugin's index object for `PageSections`, which hands each page to Casebook's
indexer (indexer.py; it cuts the same sections with one regular expression and a small stack) and
Material an empty document list.

The sections are Material's (same locations, titles and heading rules: a heading with an `id`
opens a section; a heading nested in a block closes with that block; the permalink `¶` is not part
of a title; `script`, `style`, `object` and `data-search-exclude` blocks are skipped), with one
difference on purpose: every tag that is not inline markup separates words, so table cells and list
items no longer run together ("KlienAD" became "Klien AD").
"""

from __future__ import annotations

import json
import re

from material.plugins.search.plugin import SearchIndex

# A comment, a start or end tag (attributes may quote '>'), a run of text, or a stray '<'.
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|([^<]+)|<", re.S)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
RAW_TEXT = frozenset({"script", "style"})          # their content is not HTML: skipped to the end tag
SKIPPED = frozenset({"object"})
# Markup inside a line of text: no word break. Every other tag (cells, items, paragraphs, <br>) is one.
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
                    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})


class _Section:
    __slots__ = ("tag", "depth", "id", "title", "text")

    def __init__(self, tag: str, depth: int, anchor: str | None = None):
        self.tag, self.depth, self.id = tag, depth, anchor
        self.title: list[str] = []
        self.text: list[str] = []


def split_sections(content: str) -> list[_Section]:
    """The page's sections in order: Material's rules (module docstring), text kept HTML-escaped as in the source."""
    sections: list[_Section] = []
    current: _Section | None = None
    context: list[str] = []      # open elements
    skip_depth = 0               # > 0 inside an excluded block: the stack height where it started
    link_depth = 0               # > 0 inside a heading's permalink
    position, end = 0, len(content)
    while position < end:
        match = _TOKEN.match(content, position)
        position = match.end()
        text = match.group(4)
        if text is not None:
            if skip_depth or link_depth:
                continue
            if current is None:
                current = _Section("hx", 0)
                sections.append(current)
            if current.tag in context:
                current.title.append(text)
            else:
                current.text.append(text)
            continue
        tag = match.group(2)
        if tag is None:          # a comment or a stray '<'
            continue
        tag = tag.lower()
        attributes = match.group(3)
        if match.group(1):       # end tag: only the innermost open element closes (as html.parser's users see it)
            if not context or context[-1] != tag:
                continue
            if current is not None and current.depth > len(context):
                for section in reversed(sections):   # leaving the block a heading was nested in
                    if section.depth <= len(context):
                        current.depth = 1 << 30
                        current = section
                        break
            context.pop()
            if skip_depth and len(context) < skip_depth:
                skip_depth = 0
            elif link_depth and len(context) < link_depth:
                link_depth = 0
            elif current is not None and tag not in INLINE and not skip_depth:
                (current.title if current.tag in context else current.text).append(" ")
            continue
        if tag in RAW_TEXT:
            close = content.find(f"</{tag}", position)
            position = end if close < 0 else content.find(">", close) + 1 or end
            continue
        if tag in VOID or attributes.endswith("/"):
            if current is not None and not skip_depth and tag not in INLINE:
                current.text.append(" ")
            continue
        context.append(tag)
        if skip_depth:
            continue
        if tag in HEADINGS and "id" in attributes and (found := _ID.search(attributes)):
            if tag != "h1" and not sections:
                sections.append(_Section("hx", len(context)))
            current = _Section(tag, len(context), next(g for g in found.groups() if g is not None) if sections else None)
            sections.append(current)
        if current is None:
            current = _Section("hx", 0)
            sections.append(current)
        if tag in SKIPPED or "data-search-exclude" in attributes or 'class="linenodiv"' in attributes:
            skip_depth = len(context)
        elif tag == "a" and 'class="headerlink"' in attributes and current.tag in context:
            link_depth = len(context)
        elif tag not in INLINE:
            (current.title if current.tag in context else current.text).append(" ")
    return sections


def toc_anchors(toc) -> dict[str, str]:
    """Heading id -> the anchor MkDocs' table of contents links to."""
    anchors: dict[str, str] = {}

    def collect(items):
        for item in items:
            anchors.setdefault(item.id, item.url)
            collect(item.children)

    collect(toc)
    return anchors


def page_entries(url: str, content: str, anchors: dict[str, str], page_title: str) -> list[dict]:
    """The page's sections as Material's index entries: location, title, text (HTML-escaped, space-collapsed)."""
    entries = []
    for section in split_sections(content):
        location = url
        if section.id in anchors:
            location += anchors[section.id]
        elif section.id:
            location += "#" + section.id
        title = " ".join("".join(section.title).split()) or page_title
        entries.append({"location": location, "title": title, "text": " ".join("".join(section.text).split())})
    return entries


def search_order(files) -> list[str]:
    """The URLs of the pages MkDocs will write, in its order, without those excluded from search."""
    return [file.page.url for file in files.documentation_pages()
            if file.page is not None and not (file.page.meta.get("search") or {}).get("exclude")]


class PageSections(SearchIndex):
    """Material's index object: each page goes to Casebook's indexer (macros/search/indexer.py), and
    Material's own file gets its configuration and no documents."""

    indexer = None  # set by `install`

    def add_entry_from_context(self, page):
        if (page.meta.get("search") or {}).get("exclude"):
            return
        title = str(page.meta.get("title", page.title))
        self.indexer.add_page(page.url, page.content, toc_anchors(page.toc), title)

    def generate_search_index(self, prev):
        # Material's search_index.json keeps its configuration (the separator of the on-page highlight).
        config = {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")}
        return json.dumps({"config": config, "docs": []}, separators=(",", ":"), default=str)


def install(config, indexer):
    """Put `PageSections` into Material's search plugin (after its on_config made its own), handing
    pages to `indexer`; returns it, or None when search is off."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not getattr(plugin, "config", {}).get("enabled", True) or not hasattr(plugin, "search_index"):
        return None
    plugin.search_index = PageSections(**plugin.search_index.config)
    plugin.search_index.indexer = indexer
    return indexer
