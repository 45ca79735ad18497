"""Where build caches live, and how they forget what has not been used for a while.

All of them sit under `.cache/casebook/` in the project, or beside the PDF cache when
CASEBOOK_CACHE_DIR points that elsewhere (tests and benchmarks use a fresh one).

Each cache entry (a loaded report, a compiled page template) is touched when it is used, so its
modification time says when a build last needed it. A new Casebook version or an edited report
makes new entries and leaves the old ones unused; without pruning, a campus archive rebuilt every
semester for a decade would keep every version of every report (about 125 kB each).
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def cache_root(root: Path) -> Path:
    override = os.environ.get("CASEBOOK_CACHE_DIR")
    return Path(override).parent if override else root / ".cache" / "casebook"


def touch(entry: Path) -> None:
    try:
        os.utime(entry)
    except OSError:
        pass


def prune_unused(directory: Path, pattern: str, days: int) -> int:
    """Remove the entries matching `pattern` (recursive glob) unused for `days`; how many were removed."""
    cutoff = time.time() - days * 86400
    removed = 0
    for entry in directory.glob(pattern):
        try:
            if entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed += 1
        except OSError:
            pass
    return removed
