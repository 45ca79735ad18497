"""Search benchmark (not CI): an archive of N synthetic reports, served on localhost, queried in
headless Chromium through Material's search box. Prints the figures.

    python tests/benchmarks/bench_search.py --n 1000 [--seed 1] [--keep DIR]

Measures: build time; index size (total, per report, files, largest shard, manifest) next to
Material's stock lunr search_index.json of the same site; per query of a fixed query set, the
time from the last key press to the first result in the list (warm: page and worker ready,
index manifest loaded; each query's shards fetched for the first time, then again cached) and
the bytes transferred for it (Playwright network events: headers + bodies).

The archive: `casebook synth --n N` (valid, varied reports of seed size). `bench_archive.py`
runs these browser timings too, on the archive it builds.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

QUERIES = ["layanan", "intervensi", "ajar", "hidroponik", "keluarga klien", "asesmen", "terminasi", "kelompok",
           "rehabilitasi sosial", "tata boga", "pendamping lapangan", "kebutuhan", "evaluasi hasil", "disabilitas",
           "masyarakat desa", "motivasi", "genogram", "ekonomi", "pelatihan", "rujukan",
           # prefixes and folding (issue 20): the vocabulary shards and the word-form terms
           "kenang", "semai", "mengenang", "jumat", "klien"]

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build_archive(project: Path, n: int, seed: int) -> float:
    from macros.synth import generate

    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    generate(project / "cases", n, seed)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0", CASEBOOK_CACHE_DIR=str(project / ".cache" / "pdf"),
               PYTHONPATH=str(project))
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")], cwd=project, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    return time.perf_counter() - start


def index_figures(project: Path, n: int) -> None:
    index = project / "site" / "search" / "casebook"
    files = [p for p in index.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    shards = [p.stat().st_size for p in (index / "s").iterdir()]
    pages = [p.stat().st_size for p in (index / "p").iterdir()]
    lunr_file = project / "stock-site" / "search" / "search_index.json"  # bench_archive's stock reference, if run
    print(f"index: {total / 1e6:.1f} MB in {len(files)} files = {total / n / 1e3:.1f} kB per report "
          f"(shards {len(shards)} x {statistics.mean(shards) / 1e3:.1f} kB, largest {max(shards) / 1e3:.1f} kB; "
          f"page files {len(pages)} x {statistics.mean(pages) / 1e3:.1f} kB, largest {max(pages) / 1e3:.1f} kB; "
          f"manifest {(index / 'manifest.json').stat().st_size / 1e3:.1f} kB)")
    if lunr_file.is_file():
        lunr = lunr_file.stat().st_size
        print(f"Material's stock lunr index for the same content: {lunr / 1e6:.1f} MB in one file "
              f"({lunr / n / 1e3:.1f} kB per report), all of it loaded before the first result")


def browser_figures(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}/"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        sizes: list[int] = []
        page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
        start = time.perf_counter()
        page.goto(server)
        box = page.locator("input.md-search__input")
        box.click()
        meta = page.locator(".md-search-result__meta")
        meta.filter(has_text="Ketik untuk mulai pencarian").wait_for()
        print(f"page load to search ready: {(time.perf_counter() - start) * 1000:.0f} ms, {sum(sizes) / 1e3:.0f} kB "
              f"(all of the page, theme and index manifest)")
        # Times are taken in the page: last keyup -> first result item appended by Material.
        page.evaluate("""() => {
            const list = document.querySelector('.md-search-result__list');
            window.__bench = {};
            document.querySelector('input.md-search__input').addEventListener('keyup', () => {
                window.__bench = {t0: performance.now()}; }, true);
            new MutationObserver(() => { if (list.children.length && window.__bench.t0 && !window.__bench.t1)
                window.__bench.t1 = performance.now(); }).observe(list, {childList: true});
        }""")
        rows = []
        for rounds in ("first", "again"):
            for query in QUERIES:
                box.fill("")
                box.press("End")
                meta.filter(has_text="Ketik untuk mulai pencarian").wait_for()
                sizes.clear()
                box.fill(query)
                box.press("End")
                meta.filter(has_text="ditemukan").or_(meta.filter(has_text="Tidak ada dokumen")).wait_for()
                page.wait_for_function("() => window.__bench.t1 || document.querySelector('.md-search-result__meta')"
                                       ".textContent.startsWith('Tidak')")
                page.wait_for_timeout(30)  # late page files of the same answer
                took = page.evaluate("() => window.__bench.t1 ? window.__bench.t1 - window.__bench.t0 : null")
                rows.append((rounds, query, took, sum(sizes), meta.inner_text()))
        browser.close()
    httpd.shutdown()
    print(f"{'round':6} {'query':22} {'ms':>7} {'kB':>8}  result")
    for rounds, query, took, size, text in rows:
        print(f"{rounds:6} {query:22} {took if took is not None else float('nan'):7.1f} {size / 1e3:8.1f}  {text}")
    for rounds in ("first", "again"):
        times = [t for r, _, t, _, _ in rows if r == rounds and t is not None]
        sizes_ = [s for r, _, _, s, _ in rows if r == rounds]
        print(f"{rounds}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms to first result; "
              f"median {statistics.median(sizes_) / 1e3:.1f} kB, max {max(sizes_) / 1e3:.1f} kB per query")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build here and keep it (reused when it exists)")
    args = parser.parse_args()
    project = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    if not (project / "site" / "search" / "casebook" / "manifest.json").exists():
        seconds = build_archive(project, args.n, args.seed)
        print(f"N={args.n} reports: site built in {seconds:.0f} s (PDFs off)")
    pages = sum(1 for _ in (project / "site" / "kasus").rglob("index.html"))
    print(f"{pages} report pages")
    index_figures(project, args.n)
    browser_figures(project / "site")
    if not args.keep:
        shutil.rmtree(project)


if __name__ == "__main__":
    main()
