"""Build the PDFs of a site: skip unchanged reports, render the rest in parallel.

Each report's PDF depends only on its print HTML, the stylesheets, the options and the
files the HTML loads; their hash names a cache entry kept between builds
(`.cache/casebook/pdf/`). Because the output is deterministic, a cached PDF is exactly
what a fresh render would give. A report that fails does not stop the others.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from macros.pdf.render import PRINT_CSS, RenderJob, RenderResult, render_pdf

CACHE_DIR = Path(".cache") / "casebook" / "pdf"
ENGINE_VERSION = "casebook-pdf-1"  # bump when the assembly changes in a way the inputs do not show


@dataclass(frozen=True)
class PdfOutcome:
    slug: str
    path: Path | None
    pages: int
    seconds: float
    cached: bool
    error: str | None = None


def job_key(job: RenderJob, files: list[Path]) -> str:
    from weasyprint import __version__ as weasyprint_version

    digest = hashlib.sha256()
    for part in (ENGINE_VERSION, weasyprint_version, job.html, job.profile_css, PRINT_CSS.read_text(encoding="utf-8"),
                 str(job.variant), str(job.tagged)):
        digest.update(part.encode("utf-8") + b"\0")
    for path in sorted(set(files)):  # their names are in the HTML already; here their bytes count
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    """A reader (or a crash) never sees half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def cache_folder(project_root: Path) -> Path:
    """`.cache/casebook/pdf` in the project, or CASEBOOK_CACHE_DIR (tests use a fresh one)."""
    override = os.environ.get("CASEBOOK_CACHE_DIR")
    return Path(override) / "pdf" if override else project_root / CACHE_DIR


def build_pdfs(jobs: list[tuple[RenderJob, list[Path], Path]], cache: Path, *, workers: int | None = None) -> list[PdfOutcome]:
    """Render (or reuse from `cache`) each job's PDF and write it to its target. Results in the order of jobs."""
    outcomes: dict[str, PdfOutcome] = {}
    pending: list[tuple[RenderJob, Path, Path]] = []
    for job, files, target in jobs:
        cached = cache / f"{job_key(job, files)}.pdf"
        pages_note = cached.with_suffix(".halaman")
        if cached.is_file() and pages_note.is_file():
            _write_atomically(target, cached.read_bytes())
            outcomes[job.slug] = PdfOutcome(job.slug, target, int(pages_note.read_text()), 0.0, True)
        else:
            pending.append((job, cached, target))

    def record(result: RenderResult, cached: Path, target: Path) -> None:
        if result.error or result.pdf is None:
            outcomes[result.slug] = PdfOutcome(result.slug, None, 0, result.seconds, False, result.error)
            return
        _write_atomically(target, result.pdf)
        _write_atomically(cached, result.pdf)
        _write_atomically(cached.with_suffix(".halaman"), str(result.pages).encode())
        outcomes[result.slug] = PdfOutcome(result.slug, target, result.pages, result.seconds, False)

    workers = min(workers or os.cpu_count() or 1, len(pending))
    if workers <= 1:
        for job, cached, target in pending:
            record(render_pdf(job), cached, target)
    else:
        # forkserver: workers start from a clean process that already imported WeasyPrint,
        # safe next to `mkdocs serve`'s threads and cheap per worker.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["weasyprint", "macros.pdf.render"])
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [(pool.submit(render_pdf, job), cached, target) for job, cached, target in pending]
            for future, cached, target in futures:
                record(future.result(), cached, target)
    return [outcomes[job.slug] for job, _, _ in jobs]
