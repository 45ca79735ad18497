"""Progress bars for `casebook build`: pages rendered and PDFs written, with time remaining.

`casebook build` sets CASEBOOK_PROGRESS=1 when its terminal can show them; the MkDocs hook
then advances two bars on stderr. Elsewhere (tests, CI logs, `mkdocs serve`) this is silent.
"""

from __future__ import annotations

import os
import sys


class BuildProgress:
    def __init__(self) -> None:
        self._progress = None
        self._tasks: dict[str, int] = {}

    @property
    def active(self) -> bool:
        return self._progress is not None

    def start(self) -> None:
        if os.environ.get("CASEBOOK_PROGRESS") != "1" or self._progress is not None:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
                                  TextColumn("sisa"), TimeRemainingColumn(),
                                  console=Console(file=sys.stderr), transient=False)
        self._progress.start()

    def expect(self, name: str, total: int) -> None:
        """Open (or resize) the bar `name` ("Halaman", "PDF") for `total` items."""
        if self._progress is None:
            return
        if name in self._tasks:
            self._progress.update(self._tasks[name], total=total)
        else:
            self._tasks[name] = self._progress.add_task(name, total=total)

    def advance(self, name: str) -> None:
        if self._progress is not None and name in self._tasks:
            self._progress.advance(self._tasks[name])

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            self._tasks = {}


progress = BuildProgress()
