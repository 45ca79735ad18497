"""Build the PDFs of a site: skip unchanged reports, render the rest in parallel.

Each report's PDF depends only on its print HTML, the stylesheets, the options and the
files the HTML loads; their hash names a cache entry kept between builds
(`.cache/casebook/pdf/`). Because the output is deterministic, a cached PDF is exactly
what a fresh render would give. A report that fails does not stop the others.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from macros.pdf.render import PRINT_CSS, RenderJob, RenderResult, render_pdf

CACHE_DIR = Path(".cache") / "casebook" / "pdf"
ENGINE_VERSION = "casebook-pdf-4"  # bump when rendering changes in a way the inputs do not show


@dataclass(frozen=True)
class PdfOutcome:
    slug: str
    path: Path | None
    pages: int
    seconds: float
    cached: bool
    error: str | None = None
    missing: tuple[str, ...] = ()  # characters without a glyph in any font (blank gaps in the PDF)


def cache_folder(project_root: Path) -> Path:
    """`.cache/casebook/pdf` in the project, or CASEBOOK_CACHE_DIR (tests use a fresh one)."""
    override = os.environ.get("CASEBOOK_CACHE_DIR")
    return Path(override) / "pdf" if override else project_root / CACHE_DIR


TIMEOUT_ENV = "CASEBOOK_PDF_BATAS_DETIK"
DEFAULT_TIMEOUT = 600  # seconds one report's PDF may take once the build waits for it (the largest example: ~20 s)


def render_timeout() -> int:
    value = os.environ.get(TIMEOUT_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_TIMEOUT


def job_key(job: RenderJob, files: list[Path]) -> str:
    # The installed version from package metadata: importing WeasyPrint here would cost the
    # main process half a second it is meant to spend building the site.
    weasyprint_version = metadata.version("weasyprint")
    digest = hashlib.sha256()
    for part in (ENGINE_VERSION, weasyprint_version, job.front_html, job.body_html, job.profile_css,
                 PRINT_CSS.read_text(encoding="utf-8"), str(job.variant), str(job.tagged)):
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


@dataclass
class PendingPdfs:
    """PDFs of one build: cached ones known at once, the others rendering in the pool."""

    cache: Path
    order: list[str]
    cached: dict[str, tuple[Path, Path]] = field(default_factory=dict)           # slug -> (cache file, target)
    running: dict[str, tuple[Future | RenderJob, Path, Path]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)                          # slug -> message (not even assembled)
    print_texts: dict[str, str] = field(default_factory=dict)                     # "<slug> (PDF)" -> its print HTML

    def finish(self, on_done: Callable[[str], None] = lambda slug: None) -> list[PdfOutcome]:
        """Wait for the renders, write every PDF to its place; results in the order the jobs came.
        `on_done(slug)` is called as each report is settled (the progress bar)."""
        outcomes: dict[str, PdfOutcome] = {slug: PdfOutcome(slug, None, 0, 0.0, False, message)
                                           for slug, message in self.failed.items()}
        for slug, (cached, target) in self.cached.items():
            _write_atomically(target, cached.read_bytes())
            pages = int(cached.with_suffix(".halaman").read_text())
            gaps = cached.with_suffix(".tanpa-glyph")
            missing = tuple(gaps.read_text(encoding="utf-8")) if gaps.is_file() else ()
            outcomes[slug] = PdfOutcome(slug, target, pages, 0.0, True, missing=missing)
            on_done(slug)
        for slug, (work, cached, target) in self.running.items():
            result = self._result(slug, work)
            if result.error or result.pdf is None:
                outcomes[slug] = PdfOutcome(slug, None, 0, result.seconds, False, result.error)
                on_done(slug)
                continue
            _write_atomically(target, result.pdf)
            _write_atomically(cached, result.pdf)
            _write_atomically(cached.with_suffix(".tanpa-glyph"), "".join(result.missing).encode("utf-8"))
            _write_atomically(cached.with_suffix(".halaman"), str(result.pages).encode())
            outcomes[slug] = PdfOutcome(slug, target, result.pages, result.seconds, False, missing=result.missing)
            on_done(slug)
        from macros.pdf import pool

        pool.stop_stuck()
        return [outcomes[slug] for slug in self.order]

    @staticmethod
    def _result(slug: str, work: Future | RenderJob) -> RenderResult:
        if isinstance(work, RenderJob):
            return render_pdf(work)
        from macros.pdf import pool

        try:
            return work.result(timeout=render_timeout())
        except BrokenProcessPool:
            pool.reset_after_failure()
            return RenderResult(slug, error="proses pembuat PDF berhenti mendadak (kehabisan memori?)")
        except TimeoutError:
            # One report's layout that never ends (a table millions of columns wide, say) must not hold the campus
            # build: it fails alone, and its worker is stopped once the others are settled (pool.stop_stuck).
            pool.mark_stuck()
            return RenderResult(slug, error=f"PDF tidak selesai ditata dalam {render_timeout()} detik; periksa tabel "
                                            "yang sangat lebar atau isi yang bersarang sangat dalam")


def start_pdfs(jobs: list[tuple[RenderJob, list[Path], Path]], cache: Path,
               executor: ProcessPoolExecutor | None = None, failed: dict[str, str] | None = None) -> PendingPdfs:
    """Look each job up in the cache; submit the rest to `executor` (or render them in finish()).

    `failed` names reports whose print HTML could not even be assembled; they are reported with the rest.
    """
    failed = failed or {}
    pending = PendingPdfs(cache, [job.slug for job, _, _ in jobs] + list(failed), failed=dict(failed))
    for job, files, target in jobs:
        pending.print_texts[f"{job.slug} (PDF: teks dan metadata)"] = job.front_html + job.body_html
        cached = cache / f"{job_key(job, files)}.pdf"
        if cached.is_file() and cached.with_suffix(".halaman").is_file():
            pending.cached[job.slug] = (cached, target)
        else:
            work = executor.submit(render_pdf, job) if executor else job
            pending.running[job.slug] = (work, cached, target)
    return pending


def build_pdfs(jobs: list[tuple[RenderJob, list[Path], Path]], cache: Path,
               executor: ProcessPoolExecutor | None = None) -> list[PdfOutcome]:
    """Render (or reuse) every job's PDF and write it to its target."""
    return start_pdfs(jobs, cache, executor).finish()
