"""The sharded search index, written after MkDocs wrote the site.

Material's `search` plugin stays on: it renders the search box in the header and splits
every page into sections (`site/search/search_index.json`: location, title, text). Loading
that one file in the browser does not scale (DESIGN.md §5: 4.2 MB for 300 pages), so this
module reads it, writes an index the browser loads in small pieces, and leaves Material's
file with its configuration only (`docs: []`).

site/search/casebook/
  manifest.json   stop words, number of shards, how many sections each page has, which
                  pages belong to which report (kasus/<slug>/): ~70 bytes per report
  s/<n>.json      term -> postings, terms spread over the shards by FNV-1a hash; a query
                  of k words fetches at most k shards
  p/<n>.json      one page: its location, its report's title, and per section anchor, title
                  and plain text (for the result list and its snippet); one result is one file

A posting is one integer: (section id - previous section id) * 512 + 256 if the term is in
the section's title + a BM25 term weight (1..255, length-normalised). Output is sorted and
contains no time stamp: the same site gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

from macros.search.text import STOPWORDS, shard_of, terms
from macros.site import SITE_SECTION, slug_of_page

INDEX_DIR = "search/casebook"
SHARD_BYTES = 24_000           # aim for shards of about this size: one query word = one small file
REPORT_TITLE = 70             # characters of the report's title shown beside a chapter's title
TEXT_LIMIT = 2_000             # characters of a section kept for its snippet (all of it is indexed)
K1, B = 1.2, 0.75              # BM25

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(markup: str) -> str:
    """Text of Material's indexed HTML fragment (tags become spaces)."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def _dump(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _pages(docs: list[dict]) -> list[tuple[str, list[dict]]]:
    """Sections grouped by page, pages sorted by location (a report's pages come together)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        grouped[doc["location"].split("#", 1)[0]].append(doc)
    pages = []
    for location in sorted(grouped):
        sections = grouped[location]
        # The page itself first (Material renders it as the head of its result group).
        sections.sort(key=lambda d: "#" in d["location"])
        if "#" in sections[0]["location"]:
            sections.insert(0, {"location": location, "title": sections[0].get("title", ""), "text": ""})
        pages.append((location, sections))
    return pages


def analyse(sections: list[dict]) -> list[list]:
    """A page's sections as the index needs them: [fragment, title, snippet, {term: count}, title terms, length].
    Tokenising and stemming is most of the work, so it is done once per section and kept (see REPORT_SECTIONS)."""
    analysed = []
    for doc in sections:
        title, text = plain(doc.get("title", "")), plain(doc.get("text", ""))
        title_terms, text_terms = terms(title), terms(text)
        fragment = doc["location"].split("#", 1)[1] if "#" in doc["location"] else ""
        counts = Counter(title_terms + text_terms)
        analysed.append([fragment, title, text[:TEXT_LIMIT], dict(sorted(counts.items())), sorted(set(title_terms)),
                         len(title_terms) + len(text_terms)])
    return analysed


def build_files(material_index: dict, analysed_pages: dict[str, list[list]] | None = None) -> dict[str, bytes]:
    """Every file of the index, by path under site/search/casebook/. `analysed_pages` (location ->
    analysed sections) spares re-analysing pages kept from an earlier build."""
    analysed_pages = dict(analysed_pages or {})
    for location, sections in _pages(material_index.get("docs", [])):
        analysed_pages[location] = analyse(sections)
    pages = sorted(analysed_pages.items())
    # Every report has the same chapter titles: a result names its report (the title of kasus/<slug>/).
    report_titles = {slug_of_page(location): sections[0][1] for location, sections in pages
                     if slug_of_page(location) and location.count("/") == 2}
    counts, lengths, page_files = [], [], {}
    section_terms: list[tuple[dict, set]] = []
    for number, (location, sections) in enumerate(pages):
        entries = []
        for fragment, title, snippet, term_counts, title_terms, length in sections:
            section_terms.append((term_counts, set(title_terms)))
            lengths.append(length)
            entries.append([fragment, title, snippet])
        counts.append(len(sections))
        page = {"l": location, "d": entries}
        report = report_titles.get(slug_of_page(location))
        if report and location.count("/") > 2:
            page["r"] = report if len(report) <= REPORT_TITLE else report[:REPORT_TITLE].rsplit(" ", 1)[0] + " …"
        page_files[f"p/{number}.json"] = _dump(page)

    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    postings: dict[str, list[int]] = defaultdict(list)
    previous: dict[str, int] = {}
    for section, (counter, in_title) in enumerate(section_terms):
        norm = K1 * (1 - B + B * lengths[section] / (average or 1.0))
        for term in sorted(counter):
            tf = counter[term]
            weight = max(1, min(255, round(255 * tf / (tf + norm))))
            delta = section - previous.get(term, 0)
            previous[term] = section
            postings[term].append(delta * 512 + (256 if term in in_title else 0) + weight)

    size = sum(len(term) + 6 + sum(len(str(p)) + 1 for p in items) for term, items in postings.items())
    shards = 1
    while size / shards > SHARD_BYTES:
        shards *= 2
    shard_terms: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for term, items in postings.items():
        shard_terms[shard_of(term, shards)][term] = items
    files = dict(page_files)
    for number, content in enumerate(shard_terms):
        files[f"s/{number}.json"] = _dump(content)

    reports: list[list] = []
    for number, (location, _) in enumerate(pages):
        slug = slug_of_page(location)
        if slug is None:
            continue
        if reports and reports[-1][0] == slug and reports[-1][1] + reports[-1][2] == number:
            reports[-1][2] += 1
        else:
            reports.append([slug, number, 1])
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    manifest = {"v": 1, "shards": shards, "sections": len(lengths), "pages": counts, "reports": reports,
                "stopwords": sorted(STOPWORDS)}
    digest.update(_dump(manifest))
    manifest["id"] = digest.hexdigest()[:16]   # the browser asks for ?v=<id>: a new build is never served stale
    files["manifest.json"] = _dump(manifest)
    return files


# Each report's sections, analysed (terms counted and stemmed), kept inside the report's own folder:
# an incremental build (macros/incremental.py) reuses the folder of an unchanged report, and with it
# this analysis, since Material only indexes the pages it rendered in this build.
REPORT_SECTIONS = ".indeks-cari.json"


def _reports_analysed(site_dir: Path, docs: list[dict], reused: frozenset[str]) -> tuple[list[dict], dict[str, list]]:
    """Material's sections of the pages built now, minus report pages, which are analysed here and stored in
    their report's folder; plus the stored analysis of every report kept from the previous build."""
    by_report: dict[str, list[dict]] = defaultdict(list)
    others = []
    for doc in docs:
        slug = slug_of_page(doc["location"])
        (by_report[slug] if slug is not None else others).append(doc)
    analysed: dict[str, list] = {}
    for slug, sections in sorted(by_report.items()):
        pages = {location: analyse(page_sections) for location, page_sections in _pages(sections)}
        if slug not in reused:
            (site_dir / SITE_SECTION / slug / REPORT_SECTIONS).write_bytes(_dump(pages))
        analysed.update(pages)
    for slug in sorted(reused - by_report.keys()):
        stored = site_dir / SITE_SECTION / slug / REPORT_SECTIONS
        if stored.is_file():
            analysed.update(json.loads(stored.read_text(encoding="utf-8")))
    return others, analysed


def build_search_index(site_dir: Path, reused: frozenset[str] = frozenset()) -> None:
    """Replace Material's one-file index by the sharded one (no-op when the search plugin is off).
    `reused`: reports an incremental build kept from the previous build; their sections come from
    the copy stored in their folder."""
    material_file = site_dir / "search" / "search_index.json"
    if not material_file.is_file():
        return
    material_index = json.loads(material_file.read_text(encoding="utf-8"))
    others, analysed = _reports_analysed(site_dir, material_index.get("docs", []), reused)
    files = build_files({"docs": others}, analysed)
    target = site_dir / INDEX_DIR
    if target.exists():
        shutil.rmtree(target)
    for path, content in files.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_bytes(content)
    # Material's own file keeps its configuration (separator for the on-page highlight) and no documents.
    material_index["docs"] = []
    material_file.write_bytes(_dump(material_index))
