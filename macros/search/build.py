"""The sharded search index, written page by page while MkDocs writes the site.

Material's `search` plugin stays on: it renders the search box in the header. Its one-file
index (`site/search/search_index.json`) does not scale in the browser (DESIGN.md §5: 4.2 MB for
300 pages), so Material's file keeps its configuration only (`docs: []`), and this module
writes an index the browser loads in small pieces, from the sections `sections.py` cut from
every page as it was rendered (location, title, text).

site/search/casebook/
  manifest.json   stop words, number of shards, how many sections each page has, which
                  pages belong to which report (kasus/<slug>/): ~70 bytes per report
  s/<n>.json      term -> postings, terms spread over the shards by FNV-1a hash. Terms are
                  stems (`layan`), and words that differ from their stem marked `=`
                  (`=pelayanan`): the word typed outranks a stem collision
  v/<n>.json      vocabulary: first three letters -> every term beginning with them, spread
                  over the shards by FNV-1a hash of those letters; a query word also finds the
                  words it begins (`kenang` -> `=kenangan`, `semai` -> `semaian`)
  p/<n>.json      one page: its location, its report's title, and per section anchor, title
                  and plain text (for the result list and its snippet); one result is one file

A posting is one integer: (section id - previous section id) * 512 + 256 if the term is in
the section's title + a BM25 term weight (1..255, length-normalised against a fixed typical
section length, so a page's postings are final when the page is). Pages are numbered in the
site's page order (a report's pages come together), and the output holds no time stamp: the
same site gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import pickle
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

from macros.caches import cache_root, prune_unused, touch
from macros.search.text import SURFACE, STOPWORDS, index_terms, prefix_of, shard_of
from macros.site import SITE_SECTION, slug_of_page

INDEX_DIR = "search/casebook"
SHARD_BYTES = 16_000           # aim for shards of about this size: one query term = one small file
VOCABULARY_BYTES = 8_000       # vocabulary shards: one per query word
REPORT_TITLE = 70             # characters of the report's title shown beside a chapter's title
TEXT_LIMIT = 2_000             # characters of a section kept for its snippet (all of it is indexed)
K1, B = 1.2, 0.75              # BM25
# BM25 normalises a section's length by the average; a fixed one (measured: 98 terms over 200
# synthetic reports of seed size) lets each page be written as soon as it is rendered.
AVERAGE_SECTION_TERMS = 100

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain(markup: str) -> str:
    """Text of Material's indexed HTML fragment (tags become spaces)."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def _dump(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def page_groups(docs: list[dict]) -> list[tuple[str, list[dict]]]:
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
    Tokenising and stemming is most of the work, so it is done once per section and kept (see SECTIONS_DIR)."""
    analysed = []
    for doc in sections:
        title, text = plain(doc.get("title", "")), plain(doc.get("text", ""))
        title_terms = [term for part in index_terms(title) for term in part]
        text_terms = [term for part in index_terms(text) for term in part]
        fragment = doc["location"].split("#", 1)[1] if "#" in doc["location"] else ""
        counts = Counter(title_terms + text_terms)
        # Length in words: surface terms repeat words already counted by their stems.
        length = sum(1 for term in title_terms + text_terms if not term.startswith(SURFACE))
        analysed.append([fragment, title, text[:TEXT_LIMIT], dict(sorted(counts.items())), sorted(set(title_terms)),
                         length])
    return analysed


def page_entry(location: str, sections: list[list], report: str | None) -> dict:
    """A page's file p/<n>.json: its location, per section anchor, title and snippet, and its report's title."""
    page = {"l": location, "d": [[fragment, title, snippet] for fragment, title, snippet, *_ in sections]}
    if report:
        page["r"] = report
    return page


def weights(section: list) -> list[tuple[str, int]]:
    """A section's terms, each with its posting's low bits: 256 if the term is in the section's title, plus its
    BM25 weight (1..255)."""
    _, _, _, term_counts, title_terms, length = section
    norm = K1 * (1 - B + B * length / AVERAGE_SECTION_TERMS)
    in_title = set(title_terms)
    return [(term, (256 if term in in_title else 0) + max(1, min(255, round(255 * term_counts[term] / (term_counts[term] + norm)))))
            for term in sorted(term_counts)]


class IndexWriter:
    """The index files, written page by page in the order pages are added; `close` writes the shards and
    the manifest. `write(path, content)` receives each file (path under site/search/casebook/)."""

    def __init__(self, write) -> None:
        self._write = write
        self._digest = hashlib.sha256()
        self._counts: list[int] = []          # sections per page
        self._reports: list[list] = []        # [slug, first page, pages]
        self._titles: dict[str, str] = {}     # slug -> title of its landing page
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._previous: dict[str, int] = {}
        self._sections = 0

    def _emit(self, path: str, content: bytes) -> None:
        self._digest.update(path.encode() + b"\0" + content + b"\0")
        self._write(path, content)

    def add(self, location: str, sections: list[list] | None = None, stored: tuple | None = None) -> tuple:
        """One page: its analysed sections (`analyse`), or `stored`, what `add` returned for the same page of the
        same report in an earlier build, used as it is. Returns (title of the page, its report's title as shown, the
        bytes of its file p/<n>.json, each section's terms with their posting's low bits): an unchanged report's
        pages are then not worked out again (two fifths of an incremental build's indexing)."""
        number = len(self._counts)
        slug = slug_of_page(location)
        landing = slug is not None and location.count("/") == 2
        if stored is None:
            report = self._titles.get(slug) if slug is not None and not landing else None
            if report and len(report) > REPORT_TITLE:
                report = report[:REPORT_TITLE].rsplit(" ", 1)[0] + " …"
            stored = (sections[0][1], report, _dump(page_entry(location, sections, report)),
                      [weights(section) for section in sections])
        title, _, page, bases = stored
        if landing:
            self._titles[slug] = title
        for section in bases:
            for term, base in section:
                self._postings[term].append((self._sections - self._previous.get(term, 0)) * 512 + base)
                self._previous[term] = self._sections
            self._sections += 1
        self._counts.append(len(bases))
        self._emit(f"p/{number}.json", page)
        if slug is not None:
            if self._reports and self._reports[-1][0] == slug and sum(self._reports[-1][1:]) == number:
                self._reports[-1][2] += 1
            else:
                self._reports.append([slug, number, 1])
        return stored

    def close(self) -> None:
        size = sum(len(term) + 6 + 6 * len(items) for term, items in self._postings.items())  # ~bytes as JSON
        shards = 1
        while size / shards > SHARD_BYTES:
            shards *= 2
        shard_terms: list[dict[str, list[int]]] = [{} for _ in range(shards)]
        for term, items in self._postings.items():
            shard_terms[shard_of(term, shards)][term] = items
        for number, content in enumerate(shard_terms):
            self._emit(f"s/{number}.json", _dump(content))
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for term in self._postings:
            word = term[len(SURFACE):] if term.startswith(SURFACE) else term
            if len(word) > 3:
                by_prefix[prefix_of(word)].append(term)
        size = sum(len(prefix) + 6 + sum(len(t) + 3 for t in listed) for prefix, listed in by_prefix.items())
        vocabulary_shards = 1
        while size / vocabulary_shards > VOCABULARY_BYTES:
            vocabulary_shards *= 2
        vocabulary: list[dict[str, list[str]]] = [{} for _ in range(vocabulary_shards)]
        for prefix, listed in by_prefix.items():
            vocabulary[shard_of(prefix, vocabulary_shards)][prefix] = sorted(listed)
        for number, content in enumerate(vocabulary):
            self._emit(f"v/{number}.json", _dump(content))
        manifest = {"v": 2, "shards": shards, "vocabulary": vocabulary_shards, "sections": self._sections, "pages": self._counts,
                    "reports": self._reports, "stopwords": sorted(STOPWORDS)}
        self._digest.update(_dump(manifest))
        manifest["id"] = build_id(self._digest.hexdigest())  # the browser asks for ?v=<id>: never served stale
        self._write("manifest.json", _dump(manifest))


def build_id(hexdigest: str) -> str:
    """The search index's build id from a hex digest: two 8-character halves joined by `g` (not a hex digit,
    not a separator), e.g. `66273437g1060e85`.

    A published id must never read as personal data: 16 hex characters are all decimal digits about once in
    1,850 builds, and the privacy gate then (rightly) takes them for a NIK and fails the build. No run of more
    than 8 digits can come out of this, below every number pattern the gate knows (NIK 16, phone 10+)."""
    return f"{hexdigest[:8]}g{hexdigest[8:16]}"


# Each report's sections, analysed (terms counted and stemmed), kept in the build cache for the next incremental
# build (macros/incremental.py): it reuses the folder of an unchanged report, and with it this analysis, since
# Material only indexes the pages it rendered in this build. Never in the published site, where it was served,
# uploaded and privacy-scanned for nothing (~80 kB a report). An entry is named by the site fingerprint and the
# report's content key: the same name holds the same analysis; one no build has read for UNUSED_DAYS is removed.
# Pickled, not JSON: read back for every unchanged report on every incremental build, 2.5x faster (Casebook's own
# cache, as the load cache; nothing a student wrote is unpickled from anywhere else).
SECTIONS_DIR = "indeks-cari"
UNUSED_DAYS = 30


def sections_entry(root: Path, fingerprint: str, key: str) -> Path:
    name = hashlib.sha256(f"{fingerprint}\0{key}".encode()).hexdigest()
    return cache_root(root) / SECTIONS_DIR / name[:2] / f"{name}.pickle"


def stored_sections(entry: Path | None) -> dict[str, list]:
    """The analysed pages a previous build stored in `entry` ({} if none)."""
    if entry is None:
        return {}
    try:
        pages = pickle.loads(entry.read_bytes())
    except Exception:  # missing, truncated: the report is rendered again (macros/incremental.py checks it exists)
        return {}
    touch(entry)  # used: not pruned
    return pages


def store_sections(entry: Path, pages: dict[str, list]) -> None:
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(entry)


def prune_sections(root: Path) -> int:
    return prune_unused(cache_root(root) / SECTIONS_DIR, "*/*.pickle", UNUSED_DAYS)


class FolderWriter:
    """`IndexWriter`'s files, written under site/search/casebook/ (emptied first)."""

    def __init__(self, site_dir: Path) -> None:
        self.target = site_dir / INDEX_DIR
        if self.target.exists():
            shutil.rmtree(self.target)
        for folder in ("p", "s", "v"):
            (self.target / folder).mkdir(parents=True)

    def __call__(self, path: str, content: bytes) -> None:
        with open(self.target / path, "wb") as handle:
            handle.write(content)
