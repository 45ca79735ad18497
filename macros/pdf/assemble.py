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
from urllib.parse import urljoin, unquote

from markupsafe import escape

from macros.pdf import frontmatter
from macros.pdf.settings import FrontMatterLayout
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
_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")')
# A paragraph that is nothing but bold text is a title (a student's "**Visi dan misi**", a
# programme name, "Catatan Bimbingan"): it must stay on the page of the text it introduces.
_BOLD_ONLY = re.compile(r"<p>(\s*<(strong|b)>(?:(?!</?(?:p|strong|b)\b).)+</\2>\s*:?\s*)</p>", re.S)
_FIGURE_DATA = re.compile(r'<details class="casebook-data-gambar">.*?</details>', re.S)
_FIGURE_NOTES = re.compile(r'<div class="casebook-catatan-gambar">.*?</div>', re.S)
_SVG = re.compile(r"(<svg\b.*?</svg>)", re.S)
# Bare web addresses and DOIs in text (a bibliography entry pasted from a website) become links.
_BARE_URL = re.compile(r"(?<![\w/\"'=])(https?://[^\s<>\"']+[^\s<>\"'.,;:)\]]|doi:\s?10\.\d{4,9}/[^\s<>\"']+[^\s<>\"'.,;:)\]]"
                       r"|www\.[^\s<>\"']+\.[a-z]{2,}[^\s<>\"']*[^\s<>\"'.,;:)\]])", re.I)

# English technique names from the controlled vocabulary (macros/vocabulary.py): printed in
# italics and marked lang="en", so Indonesian hyphenation rules never split them
# ("Social Gro-upwork") and they read as the foreign terms the seeds italicise.
FOREIGN_VOCABULARY = ("metode", "tipe_kelompok", "teknik")
FOREIGN_TERMS_EXTRA = ("Engagement", "Intake", "Task Achievement Scale", "Ecomap", "Genogram",
                       "Independent Living Skills", "Strengths Quadrant", "Informed Consent", "Case Conference",
                       "Focus Group Discussion")


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


def _foreign_terms_pattern() -> re.Pattern:
    from macros.vocabulary import DEFAULTS

    terms = {label for kind in FOREIGN_VOCABULARY for label in DEFAULTS.get(kind, {}).values()}
    terms.update(FOREIGN_TERMS_EXTRA)
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.I)


_FOREIGN = _foreign_terms_pattern()
_TEXT_OR_TAG = re.compile(r"(<[^>]*>)")


def _in_text(html_fragment: str, edit: Callable[[str], str], *, skip_links: bool = False) -> str:
    """Apply `edit` to text between tags only, never inside SVG diagrams (or links, if asked)."""
    out = []
    for part in _SVG.split(html_fragment):
        if part.startswith("<svg"):
            out.append(part)
            continue
        depth = 0
        for piece in _TEXT_OR_TAG.split(part):
            if piece.startswith("<"):
                if skip_links and re.match(r"<a\b", piece):
                    depth += 1
                elif skip_links and piece.startswith("</a"):
                    depth = max(0, depth - 1)
                out.append(piece)
            else:
                out.append(piece if depth else edit(piece))
    return "".join(out)


def mark_foreign_terms(body: str) -> str:
    """English technique names in italics with lang="en" (left alone inside headings' attributes and SVG)."""
    return _in_text(body, lambda text: _FOREIGN.sub(r'<i lang="en" class="istilah-asing">\1</i>', text))


def link_bare_urls(body: str) -> str:
    """`https://...`, `www...` and `doi:10...` typed as text become links (never inside an existing link)."""

    def link(match: re.Match) -> str:
        shown = match.group(0)
        target = html.unescape(shown)
        if target.lower().startswith("doi:"):
            target = "https://doi.org/" + target[4:].strip()
        elif target.lower().startswith("www."):
            target = "https://" + target
        return f'<a class="tautan-luar" href="{escape(target)}">{shown}</a>'

    return _in_text(body, lambda text: _BARE_URL.sub(link, text), skip_links=True)


_TITLE_ROW = re.compile(r"<tr>(\s*<t([hd])\b[^>]*\bcolspan=\"\d+\"[^>]*>(?:(?!<t[hd]\b|</tr>).)*</t\2>\s*</tr>)", re.S)


def mark_bold_titles(body: str) -> str:
    """Bold-only paragraphs and rows made of one cell across the table are titles of what follows."""
    body = _TITLE_ROW.sub(r'<tr class="casebook-baris-judul">\1', body)
    return _BOLD_ONLY.sub(r'<p class="casebook-judul-sisipan">\1</p>', body)


def bind_short_words(fragment: str) -> str:
    """On the cover and the approval page a short word (PT, DI, DAN) never ends a line: it binds to the next."""
    return _in_text(fragment, lambda text: re.sub(r"(?<![\w.])(\w{1,3}) (?=\w)", "\\1\u00a0", text))


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
        # The site writes `foto%20b.png` for `foto b.png` (a phone's or Windows' file name): the file is looked
        # up by its name, not its URL spelling, or the photo would silently leave the PDF and the Word file.
        source = source_of(unquote(urljoin("/" + page_url, src).lstrip("/")))
        if source is None:
            # Not a published file of this report: no src at all, so neither WeasyPrint nor pandoc (which
            # resolves relative paths from the working directory) can find some other file by that name.
            return match.group(1)[:-len('src="')].rstrip()
        files.append(source)
        return f"{match.group(1)}{escape(source.resolve().as_uri())}{match.group(3)}"

    return _IMG_SRC.sub(local, body)


def _link_between_chapters(body: str, page_url: str, chapter_urls: dict[str, str], captions: set[str]) -> str:
    """`../bab-2-landasan-konseptual/#x` -> `#bab-2-landasan-konseptual--x`: one PDF, internal links.

    Links to a chapter page of the same report land on that chapter (or its heading); links
    to a table/figure anchor on it; the site's list pages become the PDF's own lists. A
    relative link to anything else of the site has no place in a single file and loses its
    target (its text stays); web links stay as they are.
    """
    lists = {"daftar-tabel": "daftar-tabel", "daftar-gambar": "daftar-gambar", "daftar-lampiran": "daftar-lampiran"}

    def relink(match: re.Match) -> str:
        href = html.unescape(match.group(2))
        if not href or href.startswith("#") or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
            return match.group(0)
        path, _, fragment = urljoin("/" + page_url, href).lstrip("/").partition("#")
        path = re.sub(r"(index\.html|\.md)$", "", path)
        path = path if path.endswith("/") or not path else path + "/"
        prefix = chapter_urls.get(path)
        if prefix is None:
            name = path.rstrip("/").rsplit("/", 1)[-1]
            target = lists.get(name, "")
        elif fragment and fragment in captions:
            target = fragment
        elif fragment:
            target = f"{prefix}--{fragment}"
        else:
            target = prefix
        return f"{match.group(1)}#{escape(target)}{match.group(3)}" if target else f'{match.group(1)}#{match.group(3)}'

    return _HREF.sub(relink, body)


def print_chapter(page: ChapterPage, numbering: ReportNumbering, source_of: Callable[[str], Path | None], toc_depth: int,
                  files: list[Path], chapter_urls: dict[str, str] | None = None,
                  figure_data: bool = False) -> tuple[str, list[TocEntry]]:
    prefix = page.name.removesuffix(".md")
    captions = {c.anchor for c in numbering.captions.values()}
    rewriter = _ChapterRewriter(prefix, toc_depth, captions)
    body = _link_markers_locally(page.html, numbering, page.url)
    if not figure_data:  # accessible data belongs on the site; paper gets it only when the campus asks
        body = _FIGURE_DATA.sub("", body)
    else:  # the printed data table already carries the diagram's notes (render/diagrams/data_tables.figure_notes)
        body = _FIGURE_NOTES.sub("", body)
    body = _HEADING.sub(rewriter, body)
    # In-page links to headings follow their new ids; caption anchors are unique per report and stay.
    body = _LOCAL_HREF.sub(lambda m: f'href="#{rewriter.ids.get(m.group(1), m.group(1))}"', body)
    body = _link_between_chapters(body, page.url, chapter_urls or {page.url: prefix}, captions)
    body = _source_files(body, page.url, source_of, files)
    body = link_bare_urls(mark_foreign_terms(mark_bold_titles(body)))
    kind = "bab" if rewriter.entries and prefix.startswith("bab-") else "akhir"
    return f'<section class="{kind}" id="{escape(prefix)}">{body}</section>', rewriter.entries


def _metadata(case: Case, created: str) -> str:
    keywords = ", ".join(case.report.keywords)
    subject = f"{frontmatter.report_kind_title(case).title()} — {case.place_name}, {case.student.campus} {case.report.year}"
    return (f"<title>{escape(frontmatter.report_kind_title(case).title())}: {escape(case.report.title)}</title>"
            + "".join(f'<meta name="author" content="{escape(author.name)}">' for author in case.student.authors)
            + f'<meta name="description" content="{escape(subject)}">'
            f'<meta name="keywords" content="{escape(keywords)}">'
            f'<meta name="generator" content="Casebook">'
            f'<meta name="dcterms.created" content="{escape(created)}">'
            f'<meta name="dcterms.modified" content="{escape(created)}">')


def build_print_html(case: Case, chapters: list[ChapterPage], numbering: ReportNumbering, *,
                     source_of: Callable[[str], Path | None], toc_depth: int, created: str,
                     logo_src: str | None, figure_data: bool = False,
                     layout: FrontMatterLayout = FrontMatterLayout()) -> PrintDocument:
    """The whole report as one HTML document, front matter first."""
    files: list[Path] = []
    by_name = {c.name: c for c in chapters}
    if not numbering.of_kind("lampiran"):
        by_name.pop("lampiran.md", None)  # no appendices: no empty LAMPIRAN page, no line in the Daftar Isi
    chapter_urls = {c.url: c.name.removesuffix(".md") for c in by_name.values()}
    bodies, body_toc = [], []
    for name in PRINT_CHAPTERS:
        if name in by_name:
            body, entries = print_chapter(by_name[name], numbering, source_of, toc_depth, files, chapter_urls,
                                          figure_data)
            bodies.append(body)
            body_toc.extend(entries)
    captions: dict[str, list[Caption]] = {kind: numbering.of_kind(kind) for kind in frontmatter.LIST_TITLES}
    # Like the site, a report without appendices has no Daftar Lampiran (nor a LAMPIRAN page, above).
    lists = {kind: titles for kind, titles in frontmatter.LIST_TITLES.items() if kind != "lampiran" or captions[kind]}
    front_toc = [TocEntry(1, "LEMBAR PENGESAHAN", "lembar-pengesahan", True)] if layout.approval_page else []
    if case.abstract:
        front_toc.append(TocEntry(1, "ABSTRAK", "abstrak", True))
    if case.foreword:
        front_toc.append(TocEntry(1, "KATA PENGANTAR", "kata-pengantar", True))
    front_toc += [TocEntry(1, title.upper(), anchor, True) for anchor, title in
                  [("daftar-isi", "Daftar Isi"), *lists.values()]]
    toc = front_toc + body_toc
    front = (bind_short_words(frontmatter.cover(case, logo_src, layout) + frontmatter.approval_page(case, layout))
             + frontmatter.abstract_page(case)
             + frontmatter.foreword(case)
             + frontmatter.table_of_contents(toc)
             + "".join(frontmatter.caption_list(kind, captions[kind]) for kind in lists))
    body = "".join(bodies)
    ids = set(_ID.findall(front)) | set(_ID.findall(body))
    front, body = _resolvable_links_only(front, ids), _resolvable_links_only(body, ids)
    head = f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{_metadata(case, created)}</head>'
    return PrintDocument(f'{head}<body><div class="bagian-depan">{front}</div></body></html>',
                         f'{head}<body><div class="bagian-isi">{body}</div></body></html>',
                         files)


_LINK_HREF = re.compile(r'(<a\b[^>]*?)\shref="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')
_WEB = re.compile(r"^(?:https?:|mailto:)", re.I)


def _resolvable_links_only(html: str, ids: set[str]) -> str:
    """Keep web links and links to an anchor of this report; drop every other href (`#`, a missing anchor, a
    relative path): WeasyPrint would resolve it against its base URL into a `file://` link carrying the
    build machine's folders. The link's text stays."""
    def keep(match: re.Match) -> str:
        href = match.group(2)
        if _WEB.match(href) or (href.startswith("#") and href[1:] in ids):
            return match.group(0)
        return match.group(1)
    return _LINK_HREF.sub(keep, html)
