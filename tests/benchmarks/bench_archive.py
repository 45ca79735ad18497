"""Archive benchmark (not CI): build an archive of N synthetic reports and print the figures.

    python tests/benchmarks/bench_archive.py --n 1000 [--seed 7] [--keep DIR] [--no-pdf] [--no-search]

Steps, each timed (wall clock) with the peak RSS of the build process:
 1. `casebook synth --n N`: the archive (valid, varied reports of seed size, with photos).
 2. Full build, HTML + search, PDFs off (`casebook build --penuh`), once exporting each page's
    expanded Markdown (cold caches), then --repeat more times for the figure, each followed by
    the reference (step 3); the figures are medians.
 3. The same content built by stock MkDocs + Material (search plugin, no macros, no hooks,
    the same Markdown extensions and the same global navigation as Casebook's): the reference.
 4. Incremental rebuild after one edited report, PDFs off.
 5. Full build with PDFs (all cores), then an incremental rebuild after one edit, its PDF included.
 6. Site size, search index bytes per report, and the search timings of bench_search in Chromium.

Goals (issue 6): HTML+search of 1,000 reports <= 10 min; incremental rebuild after one edit <= 30 s
including its PDF; peak RSS <= 2 GB; Casebook's HTML build no more than 15% slower than the reference.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

GOALS = {"html": 600.0, "incremental": 30.0, "rss_mb": 2048.0, "overhead": 0.15}

STOCK_CONFIG = """site_name: Casebook (referensi stok)
docs_dir: stock-docs
theme:
  name: material
  language: id
  font: false
  features: [navigation.indexes, navigation.top, search.highlight]
plugins: [search]
markdown_extensions: [attr_list, md_in_html, tables, {toc: {permalink: true}}]
validation: {nav: {omitted_files: ignore}, links: {unrecognized_links: ignore, not_found: ignore}}
"""


def run(label: str, argv: list[str], cwd: Path, **env: str) -> tuple[float, float]:
    """Run a build; return (seconds, peak RSS in MB of its largest process)."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(cwd), **env)
    log = cwd / f"{label}.log"
    start = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(argv, cwd=cwd, env=environment, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{label} failed, see {log}:\n" + log.read_text()[-3000:])
    peak = usage.ru_maxrss / 1024  # Linux: the largest of the process and the descendants it waited for
    cpu = usage.ru_utime + usage.ru_stime  # the process and its children (PDF workers, search indexer)
    print(f"{label:38} {seconds:8.1f} s   CPU {cpu:7.1f} s   peak RSS {peak:7.0f} MB", flush=True)
    return seconds, peak


def edit_one_report(project: Path, marker: str) -> str:
    folder = sorted(p for p in (project / "cases").iterdir() if p.is_dir())[len(marker) % 7]
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    assert "\n  kota: " in text
    case.write_text(text.replace("\n  kota: ", f"\n  kota: {marker} ", 1), encoding="utf-8")  # printed on the cover
    return folder.name


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def stock_reference(project: Path, exported: Path) -> tuple[float, float, int]:
    docs = project / "stock-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(exported, docs)
    for media in (project / "cases").glob("*/media"):
        shutil.copytree(media, docs / "kasus" / media.parent.name / "media", dirs_exist_ok=True)
    # The same global navigation as Casebook's (Beranda, Arsip, Panduan, ...); report pages are outside it
    # in both builds (Casebook gives each report page a sidebar of its own chapters).
    import yaml

    from macros.archive.pages import global_navigation

    nav = global_navigation(yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
    (project / "mkdocs-stock.yml").write_text(STOCK_CONFIG + yaml.safe_dump({"nav": nav}, allow_unicode=True),
                                              encoding="utf-8")
    seconds, peak = run("stock MkDocs + Material (reference)", [sys.executable, "-m", "mkdocs", "build", "-f",
                        "mkdocs-stock.yml", "-d", str(project / "stock-site")], project)
    lunr = (project / "stock-site" / "search" / "search_index.json").stat().st_size
    return seconds, peak, lunr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="work here and keep the archive")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF builds (step 5)")
    parser.add_argument("--no-search", action="store_true", help="skip the browser timings (step 6)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the figure and of the reference (medians)")
    args = parser.parse_args()
    project = args.keep or Path(tempfile.mkdtemp(prefix="bench-archive-"))
    project.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "macros", "overrides"):
        shutil.rmtree(project / name, ignore_errors=True)
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.rmtree(project / "cases", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    cache = project / ".cache" / "pdf"
    casebook = [sys.executable, "-m", "macros.cli"]
    print(f"archive of {args.n} synthetic reports (seed {args.seed}) in {project}", flush=True)
    run("synth", casebook + ["synth", "--n", str(args.n), "--seed", str(args.seed)], project)

    exported = project / "expanded-markdown"
    shutil.rmtree(exported, ignore_errors=True)
    run("full HTML+search, exporting Markdown", casebook + ["build", "--penuh"], project, CASEBOOK_PDF="0",
        CASEBOOK_CACHE_DIR=str(cache), CASEBOOK_EXPORT_MARKDOWN=str(exported))
    # The figure and the reference, alternated and repeated: this machine's timings vary by some 10%.
    html_runs, stock_runs, html_rss = [], [], 0.0
    for _ in range(args.repeat):
        seconds, peak = run("full HTML+search (the figure)", casebook + ["build", "--penuh"], project,
                            CASEBOOK_PDF="0", CASEBOOK_CACHE_DIR=str(cache))
        html_runs.append(seconds)
        html_rss = max(html_rss, peak)
        seconds, stock_rss, lunr = stock_reference(project, exported)
        stock_runs.append(seconds)
    html, stock = statistics.median(html_runs), statistics.median(stock_runs)
    print(f"medians of {args.repeat}: Casebook {html:.1f} s, stock {stock:.1f} s", flush=True)
    site = project / "site"
    pages = sum(1 for _ in site.rglob("*.html"))
    index = site / "search" / "casebook"
    index_bytes = folder_size(index)
    print(f"site: {pages} HTML pages, {folder_size(site) / 1e6:.0f} MB; search index {index_bytes / 1e6:.1f} MB "
          f"= {index_bytes / args.n / 1e3:.1f} kB per report", flush=True)
    print(f"stock lunr index of the same content: {lunr / 1e6:.1f} MB in one file", flush=True)

    slug = edit_one_report(project, "suntingan-1")
    incremental, inc_rss = run(f"incremental HTML after editing {slug}", casebook + ["build"], project,
                               CASEBOOK_PDF="0", CASEBOOK_CACHE_DIR=str(cache))
    rows = [(f"HTML+search, {args.n} reports", f"{html:.0f} s", f"<= {GOALS['html']:.0f} s", html <= GOALS["html"]),
            ("overhead vs stock MkDocs+Material", f"{(html / stock - 1) * 100:+.0f}% ({stock:.0f} s)",
             f"<= +{GOALS['overhead'] * 100:.0f}%", html / stock - 1 <= GOALS["overhead"]),
            ("incremental, HTML only", f"{incremental:.1f} s", "", True)]
    peaks = [html_rss, inc_rss]
    if not args.no_pdf:
        full_pdf, pdf_rss = run("full build with PDFs", casebook + ["build", "--penuh"], project,
                                CASEBOOK_CACHE_DIR=str(cache))
        slug = edit_one_report(project, "suntingan-2")
        inc_pdf, inc_pdf_rss = run(f"incremental with its PDF ({slug})", casebook + ["build"], project,
                                   CASEBOOK_CACHE_DIR=str(cache))
        pdfs = list(site.glob("kasus/*/*.pdf"))
        print(f"{len(pdfs)} PDFs, {sum(p.stat().st_size for p in pdfs) / 1e6:.0f} MB", flush=True)
        rows += [("full build with PDFs", f"{full_pdf:.0f} s ({full_pdf / args.n:.2f} s/report)", "", True),
                 ("incremental after one edit, its PDF included", f"{inc_pdf:.1f} s",
                  f"<= {GOALS['incremental']:.0f} s", inc_pdf <= GOALS["incremental"])]
        peaks += [pdf_rss, inc_pdf_rss]
    rows.append(("peak RSS", f"{max(peaks):.0f} MB", f"<= {GOALS['rss_mb']:.0f} MB", max(peaks) <= GOALS["rss_mb"]))
    rows.append(("search index per report", f"{index_bytes / args.n / 1e3:.1f} kB", "", True))
    print("\nfigure                                        measured                 goal       met")
    for name, value, goal, met in rows:
        print(f"{name:45} {value:24} {goal:10} {'ja' if met else 'TIDAK'}")
    if not args.no_search:
        from tests.benchmarks.bench_search import browser_figures

        print("\nsearch in Chromium (bench_search):", flush=True)
        browser_figures(site)
    if not args.keep:
        shutil.rmtree(project)


if __name__ == "__main__":
    main()
