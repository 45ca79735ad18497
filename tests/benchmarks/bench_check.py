"""Benchmark: how long `casebook check` takes as the archive grows.

Run: .venv/bin/python tests/benchmarks/bench_check.py [COPIES]
Copies both example reports COPIES times each into a temporary cases/ folder and
prints wall time and reports per second. Not run by CI.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from macros.loading import load_case

ROOT = Path(__file__).resolve().parents[2]


def main(copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folders = []
        for slug in ("ln-hikari-2024", "ajs-kartini-2024"):
            for index in range(copies):
                target = Path(tmp) / f"{slug}-{index}"
                shutil.copytree(ROOT / "cases" / slug, target)
                folders.append(target)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            results = [load_case(folder) for folder in folders]
            runs.append(time.perf_counter() - started)
            assert all(r.loaded for r in results)
        median = statistics.median(runs)
        print(f"{len(folders)} laporan: median {median:.2f} s dari 3 putaran, {len(folders) / median:.0f} laporan/detik")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
