"""Worker processes for PDF rendering, started early so they are ready when the site is.

The pool starts when a build begins (on_config): its workers import WeasyPrint on the
other core while MkDocs renders Markdown. Reports are submitted as soon as their chapters
exist (on_env) and render while MkDocs copies assets and writes pages.

A one-shot `mkdocs build` forks its workers (instant, nothing to import twice); `mkdocs
serve` runs server threads, so it uses a fork server instead (workers start from a clean
single-threaded process) and keeps the pool across rebuilds. Where neither exists (Windows),
workers are spawned: each starts Python and imports WeasyPrint itself (macros/processes.py).
"""

from __future__ import annotations

import atexit
import os
import threading
from concurrent.futures import ProcessPoolExecutor

from macros import processes

_executor: ProcessPoolExecutor | None = None
_starting: threading.Thread | None = None
_one_shot = True  # set by the hook from the MkDocs command (build vs serve)


def configure(*, one_shot: bool) -> None:
    global _one_shot
    _one_shot = one_shot


def _ready() -> bool:
    import weasyprint  # noqa: F401 — workers pay the import while the site is being built

    return True


def executor(reports: int | None = None) -> ProcessPoolExecutor:
    """The shared pool: one worker per core, or per report when there are fewer (waits for a warm-up under way).

    A one-shot build of one report starts one worker: a second would only compete for the
    cores with the build and the first worker while importing WeasyPrint.
    """
    global _executor
    if _starting is not None and _starting is not threading.current_thread():
        _starting.join()
    if _executor is None:
        context = processes.context("fork") if _one_shot else processes.context("forkserver")
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(["weasyprint", "macros.pdf.render"])
        workers = os.cpu_count() or 1
        if _one_shot and reports:
            workers = max(1, min(workers, reports))
        _executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        atexit.register(shutdown)
    return _executor


def _start_workers(reports: int | None) -> None:
    pool = executor(reports)
    for _ in range(pool._max_workers):
        pool.submit(_ready)


def warm_up(reports: int | None = None) -> None:
    """Start the workers now (each imports WeasyPrint) instead of when the first PDF is due."""
    global _starting
    if _executor is not None or (_starting is not None and _starting.is_alive()):
        return
    if _one_shot and processes.available("fork"):
        _start_workers(reports)  # forking is instant; the workers import on their own core
    else:
        # Starting a worker waits for the fork server's imports (or for a spawned Python): a thread waits
        # instead of the build.
        _starting = threading.Thread(target=_start_workers, args=(reports,), name="casebook-pdf-warm-up", daemon=True)
        _starting.start()


def reset_after_failure() -> None:
    """A worker died (e.g. killed for memory): the next build starts a fresh pool."""
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=False, cancel_futures=True)
        _executor = None


_stuck = False  # a render did not finish in time (macros/pdf/build.py): its worker must be stopped, not awaited


def mark_stuck() -> None:
    global _stuck
    _stuck = True


def stop_stuck() -> None:
    """Stop every worker when one is stuck in a render: waiting for it would hold the build (and a preview's
    next rebuild) for as long as that layout runs. The next build starts a fresh pool."""
    global _executor, _stuck
    if _stuck and _executor is not None:
        for process in list(getattr(_executor, "_processes", {}).values()):
            process.terminate()
        _executor.shutdown(wait=False, cancel_futures=True)
        _executor = None
    _stuck = False


def finish_build() -> None:
    """After a one-shot build the idle workers are stopped at once (their tidy exit costs time for nothing)."""
    global _executor
    if _one_shot and _executor is not None:
        for process in list(getattr(_executor, "_processes", {}).values()):
            process.terminate()
        _executor.shutdown(wait=True, cancel_futures=True)
        _executor = None


def shutdown() -> None:
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=True, cancel_futures=True)
        _executor = None
