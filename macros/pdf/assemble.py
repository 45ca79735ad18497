"""One print HTML document per report, made from the report's rendered chapter pages.

The chapters are the very HTML the site shows (captured from MkDocs after the macros
ran); here they are joined behind a generated front matter and made print-ready:
heading ids get a chapter prefix so they stay unique in one document, BAB titles are
split over two centred lines, sub-sections are numbered (4.2.1), references become
internal links and images point at files on disk. Pure: strings in, string out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import escape

from macros.pdf import frontmatter
from macros.pdf.frontmatter import TocEntry
from macros.render.numbering import Caption, ReportNumbering, resolve_markers
from macros.schema import Case

# Chapter pages that go into the PDF, in print order. The site's list pages (Daftar
# Tabel, ...) are replaced by the PDF's own lists, which carry page numbers.
PRINT_CHAPTERS = ("bab-1-pendahuluan.md", "bab-2-landasan-konseptual.md", "bab-3-konteks-institusi.md",
                  "bab-4-penanganan-kasus.md", "bab-5-praktik-baik.md", "bab-6-simpulan.md",
                  "daftar-pustaka.md", "lampiran.md")

_HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_BAB = re.compile(r"^BAB\s+([IVXLC]+)\s*[.:]?\s*(.+)$")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]+)(")')
_LOCAL_HREF = re.compile(r'href="#([^"]+)"')


@dataclass(frozen=True)
class ChapterPage:
    """A chapter as the site rendered it: its file name, site URL and HTML body."""

    name: str
    url: str
    html: str


@dataclass
class PrintDocument:
    """A report ready to print: front matter and body are laid out separately (see render.py)."""

    front_html: str
    body_html: str
    files: list[Path] = field(default_factory=list)  # local files the document loads (images), for the cache key


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()


def _link_markers_locally(body: str, numbering: ReportNumbering, page_url: str) -> str:
    """References to tables/figures become `#anchor` links inside the one PDF document."""
    resolved = resolve_markers(body, numbering, page_url)
    return re.sub(r'href="[^"#]*#((?:tabel|gambar|lampiran)-[^"]+)"', r'href="#\1"', resolved)


class _ChapterRewriter:
    """Rewrites one chapter's headings; collects the Daftar Isi entries it contributes."""

    def __init__(self, prefix: str, toc_depth: int, keep_ids: set[str]):
        self.prefix = prefix
        self.keep_ids = keep_ids  # caption anchors (e.g. an appendix heading): unique per report, linked from the lists
        self.toc_depth = toc_depth
        self.entries: list[TocEntry] = []
        self.section_number: str | None = None  # "4.2" while inside sub-section 4.2
        self.sub_count = 0
        self.ids: dict[str, str] = {}

    def __call__(self, match: re.Match) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2), _HEADERLINK.sub("", match.group(3))
        old_id = _ID.search(attrs)
        if old_id and old_id.group(1) in self.keep_ids:
            new_id = old_id.group(1)
        elif old_id:
            new_id = f"{self.prefix}--{old_id.group(1)}"
        else:
            new_id = f"{self.prefix}--h{len(self.entries)}"
        if old_id:
            self.ids[old_id.group(1)] = new_id
        attrs = _ID.sub("", attrs)
        text = _text(inner)
        if level == 1:
            return self._chapter_title(text, inner, new_id, attrs)
        if level == 2:
            numbered = _NUMBERED.match(text)
            self.section_number, self.sub_count = (numbered.group(1), 0) if numbered else (None, 0)
        elif level == 3 and self.section_number and not _NUMBERED.match(text):
            self.sub_count += 1
            number = f"{self.section_number}.{self.sub_count}"
            inner, text = f"{number} {inner}", f"{number} {text}"
        if level <= self.toc_depth:
            self.entries.append(TocEntry(level, text, new_id))
        return f'<h{level} id="{escape(new_id)}"{attrs}>{inner}</h{level}>'

    def _chapter_title(self, text: str, inner: str, new_id: str, attrs: str) -> str:
        bab = _BAB.match(text)
        if bab:
            number, title = f"BAB {bab.group(1)}", bab.group(2)
            label = f"{number} {title.upper()}"
            self.entries.append(TocEntry(1, label, new_id))
            return (f'<h1 id="{escape(new_id)}" class="judul-bab" data-label="{escape(label)}"{attrs}>'
                    f'<span class="nomor-bab">{escape(number)}</span><span class="nama-bab">{escape(title)}</span></h1>')
        self.entries.append(TocEntry(1, text.upper(), new_id))
        return f'<h1 id="{escape(new_id)}" class="judul-bagian"{attrs}>{inner}</h1>'


def _source_files(body: str, page_url: str, source_of: Callable[[str], Path | None], files: list[Path]) -> str:
    """`../media/x.jpg` on page `kasus/s/bab-4/` -> the file it was copied from (cases/s/media/x.jpg).

    The PDF reads the report's own files, so it can be rendered before MkDocs has copied
    anything into the site folder.
    """

    def local(match: re.Match) -> str:
        src = html.unescape(match.group(2))
        if re.match(r"^[a-z]+:", src):
            return match.group(0)  # data: URIs stay; http(s) and outside files are refused by the URL fetcher
        source = source_of(urljoin("/" + page_url, src).lstrip("/"))
        if source is None:
            return match.group(0)
        files.append(source)
        return f"{match.group(1)}{escape(source.resolve().as_uri())}{match.group(3)}"

    return _IMG_SRC.sub(local, body)


def print_chapter(page: ChapterPage, numbering: ReportNumbering, source_of: Callable[[str], Path | None], toc_depth: int,
                  files: list[Path]) -> tuple[str, list[TocEntry]]:
    prefix = page.name.removesuffix(".md")
    rewriter = _ChapterRewriter(prefix, toc_depth, {c.anchor for c in numbering.captions.values()})
    body = _HEADING.sub(rewriter, _link_markers_locally(page.html, numbering, page.url))
    # In-page links to headings follow their new ids; caption anchors are unique per report and stay.
    body = _LOCAL_HREF.sub(lambda m: f'href="#{rewriter.ids.get(m.group(1), m.group(1))}"', body)
    body = _source_files(body, page.url, source_of, files)
    kind = "bab" if rewriter.entries and prefix.startswith("bab-") else "akhir"
    return f'<section class="{kind}" id="{escape(prefix)}">{body}</section>', rewriter.entries


def _metadata(case: Case, created: str) -> str:
    keywords = ", ".join(case.report.keywords)
    subject = f"{frontmatter.report_kind_title(case).title()} — {case.institution.name}, {case.student.campus} {case.report.year}"
    return (f"<title>{escape(frontmatter.report_kind_title(case).title())}: {escape(case.report.title)}</title>"
            f'<meta name="author" content="{escape(case.student.name)}">'
            f'<meta name="description" content="{escape(subject)}">'
            f'<meta name="keywords" content="{escape(keywords)}">'
            f'<meta name="generator" content="Casebook">'
            f'<meta name="dcterms.created" content="{escape(created)}">'
            f'<meta name="dcterms.modified" content="{escape(created)}">')


def build_print_html(case: Case, chapters: list[ChapterPage], numbering: ReportNumbering, *,
                     source_of: Callable[[str], Path | None], toc_depth: int, created: str,
                     logo_src: str | None) -> PrintDocument:
    """The whole report as one HTML document, front matter first."""
    files: list[Path] = []
    by_name = {c.name: c for c in chapters}
    bodies, body_toc = [], []
    for name in PRINT_CHAPTERS:
        if name in by_name:
            body, entries = print_chapter(by_name[name], numbering, source_of, toc_depth, files)
            bodies.append(body)
            body_toc.extend(entries)
    captions: dict[str, list[Caption]] = {kind: numbering.of_kind(kind) for kind in frontmatter.LIST_TITLES}
    front_toc = [TocEntry(1, "LEMBAR PENGESAHAN", "lembar-pengesahan", True)]
    if case.foreword:
        front_toc.append(TocEntry(1, "KATA PENGANTAR", "kata-pengantar", True))
    front_toc += [TocEntry(1, title.upper(), anchor, True) for anchor, title in
                  [("daftar-isi", "Daftar Isi"), *frontmatter.LIST_TITLES.values()]]
    toc = front_toc + body_toc
    front = (frontmatter.cover(case, logo_src) + frontmatter.approval_page(case) + frontmatter.foreword(case)
             + frontmatter.table_of_contents(toc)
             + "".join(frontmatter.caption_list(kind, captions[kind]) for kind in frontmatter.LIST_TITLES))
    head = f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{_metadata(case, created)}</head>'
    return PrintDocument(f'{head}<body><div class="bagian-depan">{front}</div></body></html>',
                         f'{head}<body><div class="bagian-isi">{"".join(bodies)}</div></body></html>',
                         files)
