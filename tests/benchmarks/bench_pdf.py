"""Benchmark: Casebook's PDF against stock mkdocs-to-pdf, on the same report content.

Run: make bench   (or: .venv/bin/python tests/benchmarks/bench_pdf.py [RUNS])
Needs mkdocs-to-pdf, installed by `make bench` from requirements-bench.lock. Not run by CI.

For each example report, a project holding only that report is built three ways with
`mkdocs build`: the site alone (no PDF), the site plus stock mkdocs-to-pdf with its default
CSS, and the site plus Casebook's PDF (fresh cache, so it really renders). The PDF time of
an engine is its build time minus the site-only build time (medians over RUNS). Peak memory
is the largest resident set of the build process or any process it waited for.
Finally both reports are built together, which is how Casebook uses both cores.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["ln-hikari-2024", "ajs-kartini-2024"]
GOAL = 4.0  # Casebook's PDF step at least this many times faster than stock, on every example


def make_project(base: Path, slugs: list[str], stock: bool) -> Path:
    project = base / f"{'stock' if stock else 'casebook'}-{'-'.join(s.split('-')[0] for s in slugs)}"
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    for slug in slugs:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if stock:  # the stock engine with its defaults: cover, toc, one PDF for the build
        assert "plugins:\n  - search\n" in config and "strict: true" in config, "mkdocs.yml changed: update the benchmark"
        config = config.replace("plugins:\n  - search\n", "plugins:\n  - search\n  - to-pdf\n")
        # Non-strict: mkdocs-to-pdf warns about every link to a report page outside the global
        # navigation, and strict mode turns those warnings into errors (99 of them for one report).
        config = config.replace("strict: true", "strict: false")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def timed_build(project: Path, site: Path, pdf: bool, cache: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `mkdocs build`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="1" if pdf else "0", CASEBOOK_CACHE_DIR=str(cache))
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build failed in {project}: {process.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def pages(pdf: Path) -> int:
    with pikepdf.open(pdf) as document:
        return len(document.pages)


def measure(project: Path, work: Path, pdf: bool, runs: int) -> tuple[float, float]:
    results = [timed_build(project, work / "site", pdf, work / "cache") for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main(runs: int) -> None:
    try:
        import mkdocs_to_pdf  # noqa: F401
    except ImportError:
        raise SystemExit("mkdocs-to-pdf is not installed: run `make bench`")
    print(f"Mesin: {os.cpu_count()} inti; median dari {runs} putaran; waktu PDF = build dengan PDF − build situs saja\n")
    header = f"{'laporan':<18} {'mesin':<14} {'halaman':>7} {'PDF (s)':>8} {'build (s)':>9} {'RSS puncak':>11}"
    print(header)
    print("-" * len(header))
    ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for slug in EXAMPLES:
            ours, stock = make_project(base, [slug], False), make_project(base, [slug], True)
            site_only, site_rss = measure(ours, base / "w0", False, runs)
            casebook, casebook_rss = measure(ours, base / "w1", True, runs)
            stock_total, stock_rss = measure(stock, base / "w2", False, runs)
            casebook_file = base / "w1" / "site" / "kasus" / slug / f"{slug}.pdf"
            stock_file = base / "w2" / "site" / "pdf" / "document.pdf"
            casebook_pages, stock_pages = pages(casebook_file), pages(stock_file)
            stock_pdf, casebook_pdf = stock_total - site_only, casebook - site_only
            print(f"{slug:<18} {'situs saja':<14} {'':>7} {'':>8} {site_only:>9.2f} {site_rss:>8.0f} MB")
            print(f"{'':<18} {'mkdocs-to-pdf':<14} {stock_pages:>7} {stock_pdf:>8.2f} {stock_total:>9.2f} {stock_rss:>8.0f} MB")
            print(f"{'':<18} {'Casebook':<14} {casebook_pages:>7} {casebook_pdf:>8.2f} {casebook:>9.2f} {casebook_rss:>8.0f} MB")
            ratio = stock_pdf / casebook_pdf
            ratios.append(ratio)
            print(f"{'':<18} ukuran PDF: mkdocs-to-pdf {stock_file.stat().st_size / 1024:.0f} KB, "
                  f"Casebook {casebook_file.stat().st_size / 1024:.0f} KB")
            print(f"{'':<18} {'→ Casebook ' + format(ratio, '.1f') + '× lebih cepat per laporan'}"
                  f"{'' if ratio >= GOAL else f'  (di bawah target {GOAL:.0f}×)'}\n")
        print("Rasio PDF (median): " + ", ".join(f"{slug} {r:.1f}×" for slug, r in zip(EXAMPLES, ratios))
              + f" — target ≥ {GOAL:.0f}× {'tercapai' if min(ratios) >= GOAL else 'BELUM tercapai'}\n")
        both = make_project(base, EXAMPLES, False)
        site_only, _ = measure(both, base / "w3", False, runs)
        together, rss = measure(both, base / "w4", True, runs)
        print(f"Kedua laporan dalam satu build (PDF paralel di {os.cpu_count()} inti): PDF {together - site_only:.2f} s "
              f"= {(together - site_only) / len(EXAMPLES):.2f} s per laporan, build {together:.2f} s, RSS puncak {rss:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
