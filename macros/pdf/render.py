"""HTML -> PDF with WeasyPrint: the campus profile, page numbers, page labels, PDF/A, no network.

The body (BAB I to the appendices) is laid out first, on its own, so its pages count
1, 2, ... by themselves. The page of every heading and caption is then read off that
layout and written into the front matter's lists, which is laid out second (numbered
i, ii, ...; its own entries use target-counter inside it). Both are joined into one PDF:
the lists' numbers are right by construction, and the costly re-layout passes that
target-counter over a whole report would need are avoided.

Runs in worker processes (see pool.py), so it takes and returns plain values only.
"""

from __future__ import annotations

import html as html_text
import re
import time
from dataclasses import dataclass
from pathlib import Path

PRINT_CSS = Path(__file__).with_name("print.css")
# Only where the front matter put it, a list entry's data-halaman attribute: the same characters typed in a
# student's heading are text of the entry (escaped, never an attribute), not a page number to fill (redteam-s23 #4).
# Also spelt with INTERNAL, which no student text can hold (macros/render/numbering.py).
_PLACEHOLDER = re.compile('(?<=data-halaman=")\ufdd0halaman:([^"\ufdd0]+)\ufdd0(?=")')


class PrintError(RuntimeError):
    """A failure Casebook itself detects while printing: its message is already written for the student."""


class UnlistedAnchor(PrintError, LookupError):
    """A list entry whose heading or caption the laid-out body does not hold (site_pdfs.pdf_failure_message
    locates it from the `tabel-…` id in the message)."""


# What a student reads when WeasyPrint (or Python under it) fails: what happened and what to do, in Indonesian;
# the original English text follows as detail for whoever maintains Casebook. First matching type wins.
_FAILURES: tuple[tuple[type[BaseException], str], ...] = (
    (RecursionError, "susunan halaman bersarang terlalu dalam untuk ditata (misalnya tabel, daftar atau blok HTML di "
                     "dalam tabel/blok lain berlapis-lapis). Sederhanakan bagian yang terakhir Anda ubah, lalu bangun "
                     "ulang"),
    (MemoryError, "memori komputer tidak cukup untuk menata laporan ini. Tutup aplikasi lain, perkecil foto yang "
                  "sangat besar, lalu bangun ulang"),
    (UnicodeError, "teks laporan memuat karakter yang tidak dapat diolah. Jalankan `casebook check` untuk menemukan "
                   "berkasnya, simpan ulang sebagai UTF-8, lalu bangun ulang"),
    (OSError, "sebuah berkas (foto, logo atau huruf) tidak dapat dibaca atau ditulis. Periksa bahwa berkas yang "
              "dirujuk ada dan tidak sedang dibuka program lain, serta ruang disk cukup, lalu bangun ulang"),
    (KeyError, "pengaturan PDF tidak dikenali oleh pembuat PDF (misalnya varian PDF/A di mkdocs.yml). Periksa "
               "pengaturan casebook.pdf di mkdocs.yml dengan Panduan, lalu bangun ulang"),
)
_UNKNOWN = ("pembuat PDF (WeasyPrint) gagal menata laporan ini. Jalankan `casebook check` dan perbaiki yang "
            "dilaporkan; bila tetap gagal, kirimkan pesan ini lengkap dengan rinciannya kepada pengelola Casebook")


def failure_text(exc: BaseException) -> str:
    """A failed render as the student reads it: Casebook's own message as it is; anything else explained in
    Indonesian with the original (English) text kept as detail."""
    if isinstance(exc, PrintError):
        return str(exc)
    explained = next((text for kind, text in _FAILURES if isinstance(exc, kind)), _UNKNOWN)
    if isinstance(exc, OSError):
        from macros.failures import _REASONS

        if exc.errno in _REASONS:  # disk full, permission denied, ...: the system's reason said first
            explained = f"{_REASONS[exc.errno][0]}: {explained}"
    return f"{explained}. Rincian teknis (bahasa Inggris): {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class RenderJob:
    """Everything one PDF depends on (build.py hashes it for the cache)."""

    slug: str
    front_html: str
    body_html: str
    profile_css: str
    variant: str | None
    tagged: bool
    allowed_roots: tuple[str, ...]  # only files below these may be loaded; the first is the base URL


@dataclass(frozen=True)
class RenderResult:
    slug: str
    pdf: bytes | None = None
    pages: int = 0
    seconds: float = 0.0
    error: str | None = None
    missing: tuple[str, ...] = ()  # characters printed as blank gaps: no font had a glyph (see glyphs.py)


# WeasyPrint names each image in the PDF after its URL: with the project's absolute file:// URL, the same
# report built in another folder (a CI checkout) gives another PDF. The print HTML names files under a fixed
# virtual root instead, and the fetcher maps it back: byte-identical PDFs wherever the project lies.
VIRTUAL_ROOT = "file:///casebook/"


def _virtual(html: str, roots: list[Path]) -> str:
    for index, root in sorted(enumerate(roots), key=lambda item: -len(str(item[1]))):
        html = html.replace(root.resolve().as_uri().rstrip("/") + "/", f"{VIRTUAL_ROOT}{index}/")
    return html


def _local_fetcher(roots: list[Path]):
    """Local files inside the project and the built site only: a report never makes the build reach the network."""
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        local_urls: list[str] = []  # file: URLs asked for under their real path (see render_pdf)

        def fetch(self, url, headers=None):
            if url.startswith(VIRTUAL_ROOT):
                index, _, rest = url.removeprefix(VIRTUAL_ROOT).partition("/")
                url = roots[int(index)].resolve().as_uri().rstrip("/") + "/" + rest
            elif url.startswith("file:"):
                self.local_urls.append(url)
            if url.startswith("file:"):
                path = Path(url2pathname(url.split("?")[0].removeprefix("file://"))).resolve()
                if not any(root in path.parents for root in roots):
                    raise ValueError(f"berkas di luar proyek tidak dimuat: {path}")
            return super().fetch(url, headers)

    fetcher = LocalFetcher(allowed_protocols={"file", "data"})
    fetcher.local_urls = []
    return fetcher


def _page_labels(body_start: int):
    """Finisher writing /PageLabels: readers then show i, ii, ... and 1, 2, ... as printed."""
    import pydyf

    def finish(document, pdf):
        numbers = pydyf.Array([0, pydyf.Dictionary({"S": "/r"})])
        if body_start < len(document.pages):
            numbers.extend([body_start, pydyf.Dictionary({"S": "/D", "St": 1})])
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": numbers})

    return finish


def fill_page_numbers(front_html: str, body_pages: dict[str, int]) -> str:
    """Put the body page of each listed anchor into the front matter; an unknown anchor is a bug, not a '?'."""
    def number(match: re.Match) -> str:
        anchor = html_text.unescape(match.group(1))
        if anchor not in body_pages:
            raise UnlistedAnchor(f"judul/keterangan `{anchor}` tercantum di daftar tetapi tidak ada di isi laporan")
        return str(body_pages[anchor])

    return _PLACEHOLDER.sub(number, front_html)


_TABLE_LABEL = re.compile(r"^\s*(Tabel\s+[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)")


def mark_continued_tables(root) -> int:
    """Every numbered table carries its continuation label ("Lanjutan Tabel 4.1") as data-lanjutan.

    print.css turns it into a named string (set by the table, cleared by its last row) that the
    top margin box of each body page prints with `string(lanjutan, start)`: a page that begins
    inside a numbered table shows the label just above the repeated header, in the same single
    layout. (Splitting the table into a second one under an in-flow label needed a full
    re-layout of the body per continuation page: 3 of the 5 layouts of a 49-page report.)
    Returns how many tables were marked.
    """
    marked = 0
    for parent in root.iter():
        previous = None
        for child in parent:
            if (child.tag == "table" and previous is not None
                    and "casebook-caption" in (previous.get("class") or "").split()):
                label = _TABLE_LABEL.match("".join(previous.itertext()))
                if label:
                    child.set("data-lanjutan", f"Lanjutan {' '.join(label.group(1).split())}")
                    marked += 1
            previous = child if isinstance(child.tag, str) else previous
    return marked


# A table is kept whole on one page (print.css `table[data-utuh]`) when it has at most this many data rows (its
# header and total rows not counted) and its estimated height is at most this share of the text height: moving a taller one to the next
# page would leave more blank paper than the split it avoids.
SMALL_TABLE_ROWS = 10
SMALL_TABLE_LINES = 30  # single-spaced table lines: about two thirds of an A4 page at the default profile
_LINE_CHARACTERS = 90  # characters of table text (0.92 em) across the text width


def _table_rows(table) -> tuple[list, list]:
    """The data rows (tbody: the parser puts every loose row in one) and the total rows (tfoot) of a table,
    not of tables nested in it."""
    def rows(tag: str) -> list:
        return [row for group in table if group.tag == tag for row in group if row.tag == "tr"]

    return rows("tbody"), rows("tfoot")


def _estimated_lines(rows) -> int:
    """Lines a table's rows take, from the text length of their cells, each column taking an equal share of
    the width. That overestimates a long column (the layout gives it more room) on purpose: a table wrongly
    kept whole that is taller than a page leaves its caption alone on the page before (a six-column
    intervention plan, 0.8 em, of three rows of nested goals spans pages)."""
    lengths = [[len(" ".join("".join(cell.itertext()).split())) for cell in row if cell.tag in ("td", "th")] for row in rows]
    columns = max((len(row) for row in lengths), default=0)
    if not columns:
        return 0
    capacity = max(6, _LINE_CHARACTERS // columns)
    return sum(max((-(-length // capacity) or 1 for length in row), default=1) for row in lengths)


def mark_small_tables(root) -> int:
    """Mark with data-utuh each table short enough to print whole: print.css keeps it on one page (with its
    caption and the heading above it), so a three-row table never prints two rows here and one overleaf,
    and "Lanjutan Tabel" only ever continues a long table. Returns how many tables were marked."""
    marked = 0
    for table in root.iter("table"):
        if "casebook-identitas" in (table.get("class") or "").split():
            continue  # label/value lines that read as body text: they split like a paragraph (print.css)
        rows, totals = _table_rows(table)
        if rows and len(rows) <= SMALL_TABLE_ROWS and _estimated_lines(rows + totals) <= SMALL_TABLE_LINES:
            table.set("data-utuh", "")
            marked += 1
    return marked


_FRONT_ENTRY = re.compile(r'(<li class="[^"]*\bdepan\b[^"]*"><a href="#([^"]+)")(>)')


def roman(number: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
              (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in values:
        while number >= value:
            out, number = out + letters, number - value
    return out


def fill_front_numbers(front_html: str, front_pages: dict[str, int]) -> str:
    """Front-matter list entries get their printed page (i, ii, ...) as data-halaman, like body entries."""
    def number(match: re.Match) -> str:
        anchor = html_text.unescape(match.group(2))
        if anchor not in front_pages:
            return match.group(0)  # keeps its target-counter
        return f'{match.group(1)} data-halaman="{roman(front_pages[anchor])}"{match.group(3)}'

    return _FRONT_ENTRY.sub(number, front_html)


def render_pdf(job: RenderJob) -> RenderResult:
    """Render one report; any failure comes back as a message, so other reports go on."""
    started = time.perf_counter()
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        roots = [Path(r) for r in job.allowed_roots]
        fonts = FontConfiguration()  # shared: fonts are found and loaded once for both parts
        stylesheets = [CSS(string=job.profile_css), CSS(filename=str(PRINT_CSS))]

        fetcher = _local_fetcher(roots)

        def document_of(source: str):
            # Both parts (the body too: its photos are most of a report's images) name files under the virtual root.
            return HTML(string=_virtual(source, roots), base_url=f"{VIRTUAL_ROOT}0/", url_fetcher=fetcher)

        def layout(source: str):
            return document_of(source).render(stylesheets=stylesheets, font_config=fonts)

        body_source = document_of(job.body_html)
        mark_continued_tables(body_source.etree_element)
        mark_small_tables(body_source.etree_element)
        body = body_source.render(stylesheets=stylesheets, font_config=fonts)
        body_pages: dict[str, int] = {}
        for index, page in enumerate(body.pages, start=1):
            for anchor in page.anchors:
                body_pages.setdefault(anchor, index)
        front = None
        if job.front_html:
            front_html = fill_page_numbers(job.front_html, body_pages)
            front = layout(front_html)
            if _FRONT_ENTRY.search(front_html):
                # The lists' own lines (Daftar Isi, ...) get their roman numbers written in, like the
                # body's, and the front matter is laid out again: a target-counter's number is set
                # after its line was laid out, so it would not end flush right under the others.
                front_anchors: dict[str, int] = {}
                for index, page in enumerate(front.pages, start=1):
                    for anchor in page.anchors:
                        front_anchors.setdefault(anchor, index)
                front = layout(fill_front_numbers(front_html, front_anchors))
        front_pages = front.pages if front else []
        # Metadata comes from the front part (both parts share the same <head>).
        report = (front or body).copy(front_pages + body.pages)
        options = {"pdf_identifier": True}  # ID from the content hash: same input, same bytes
        if job.variant:
            options["pdf_variant"] = job.variant
        if job.tagged:
            options["pdf_tags"] = True
        pdf = report.write_pdf(finisher=_page_labels(len(front_pages)), **options)
        if fetcher.local_urls:
            # WeasyPrint names an image after the URL it was asked for: a build-machine path there would make the
            # PDF depend on the folder the project lies in (and publish its hash). Every path must go through
            # _virtual; one that did not is a bug to fix, not a PDF to publish.
            raise PrintError(f"jalur lokal tidak tersamarkan di PDF: {len(fetcher.local_urls)} berkas")
        from macros.pdf.glyphs import missing_characters

        return RenderResult(job.slug, pdf, len(report.pages), time.perf_counter() - started,
                            missing=tuple(missing_characters(pdf)))
    except Exception as exc:  # noqa: BLE001 — reported per report by the caller, never a traceback
        return RenderResult(job.slug, seconds=time.perf_counter() - started, error=failure_text(exc))
