"""HTML -> PDF with WeasyPrint: the campus profile, page labels, PDF/A, no network.

Runs in worker processes (see build.py), so it takes and returns plain values only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from macros.pdf.assemble import BODY_START
from macros.pdf.settings import PrintProfile

PRINT_CSS = Path(__file__).with_name("print.css")


@dataclass(frozen=True)
class RenderJob:
    """Everything one PDF depends on; `key` is its content hash (see build.py)."""

    slug: str
    html: str
    profile_css: str
    variant: str | None
    tagged: bool
    allowed_roots: tuple[str, ...]  # only files below these may be loaded; the last (the built site) is the base URL


@dataclass(frozen=True)
class RenderResult:
    slug: str
    pdf: bytes | None = None
    pages: int = 0
    seconds: float = 0.0
    error: str | None = None


def profile_css(profile: PrintProfile) -> str:
    """The part of the stylesheet a campus profile decides."""
    m = profile.margin
    font = profile.font.replace('"', "")
    return (f"@page {{ size: {profile.page_size}; margin: {m.top} {m.right} {m.bottom} {m.left};"
            f' @bottom-center {{ font-family: "{font}", serif; font-size: {profile.font_size}; }} }}\n'
            f'html {{ font-family: "{font}", "Liberation Serif", "Times New Roman", serif;'
            f" font-size: {profile.font_size}; line-height: {profile.line_spacing}; }}\n")


def _local_fetcher(roots: list[Path]):
    """Local files inside the project and the built site only: a report never makes the build reach the network."""
    from urllib.request import url2pathname

    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = Path(url2pathname(url.split("?")[0].removeprefix("file://"))).resolve()
                if not any(root in path.parents for root in roots):
                    raise ValueError(f"berkas di luar proyek tidak dimuat: {path}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file", "data"})


def _body_start_index(document) -> int:
    for index, page in enumerate(document.pages):
        if BODY_START in page.anchors:
            return index
    return len(document.pages)


def _page_labels(body_start: int):
    """Finisher writing /PageLabels: readers then show i, ii, ... and 1, 2, ... as printed."""
    import pydyf

    def finish(document, pdf):
        numbers = pydyf.Array([0, pydyf.Dictionary({"S": "/r"})])
        if body_start < len(document.pages):
            numbers.extend([body_start, pydyf.Dictionary({"S": "/D", "St": 1})])
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": numbers})

    return finish


def render_pdf(job: RenderJob) -> RenderResult:
    """Render one report; any failure comes back as a message, so other reports go on."""
    started = time.perf_counter()
    try:
        from weasyprint import CSS, HTML

        roots = [Path(r) for r in job.allowed_roots]
        html = HTML(string=job.html, base_url=roots[-1].as_uri() + "/", url_fetcher=_local_fetcher(roots))
        stylesheets = [CSS(string=job.profile_css), CSS(filename=str(PRINT_CSS))]
        document = html.render(stylesheets=stylesheets)
        options = {"pdf_identifier": True}  # ID from the content hash: same input, same bytes
        if job.variant:
            options["pdf_variant"] = job.variant
        if job.tagged:
            options["pdf_tags"] = True
        pdf = document.write_pdf(finisher=_page_labels(_body_start_index(document)), **options)
        return RenderResult(job.slug, pdf, len(document.pages), time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 — reported per report by the caller, never a traceback
        return RenderResult(job.slug, seconds=time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}")
