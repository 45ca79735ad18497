"""Reports an archive build did not publish anew, in the archive's lists: nothing is left out silently.

A report whose data broke after it was published is kept as it was last published when the campus says
`laporan_gagal: pertahankan` (macros/archive_isolation.py): its pages stay at their address and in search.
It also stays where the archive lists reports — its card in the catalogue, its facts in the statistics and
tags pages, its pages in the sitemap — with the content it had then, and its card says that it is the last
published version. That content cannot be made again from the broken data, so every build stores each
report's listing (its facts and its catalogue card) beside the report's search analysis in the build cache
(same key, same pruning); a kept report's listing is the one stored with the analysis its pages were kept
with (macros/incremental.kept_entry).

A report left out without previous pages (`hapus`, or never published) is not shown, but the catalogue says
how many reports this build left out, so a reader knows the list is not the whole archive; the internal
profile names them. Why each was left out is in the build report, for the archive's administrator.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from macros.archive.facets import ReportFacts
from macros.caches import touch

LISTING_SUFFIX = ".arsip.pickle"  # "*.pickle": pruned with the search analyses (macros/search/build.prune_sections)
KEPT_NOTE = ('<p class="casebook-versi-terbit">Versi yang terakhir terbit. Versi terbarunya belum lolos pemeriksaan '
             "dan belum diterbitkan.</p>")


@dataclass(frozen=True)
class Listing:
    facts: ReportFacts
    card: str  # the card as the catalogue page (arsip/) showed it: its links are relative to that page


def listing_entry(sections_entry: Path) -> Path:
    """Where a report's listing is stored: beside its search analysis (`<hash>.pickle` -> `<hash>.arsip.pickle`)."""
    return sections_entry.with_name(sections_entry.name.removesuffix(".pickle") + LISTING_SUFFIX)


def store_listings(entries: dict[str, Path], facts: list[ReportFacts], cards: dict[str, str]) -> None:
    """Each published report's listing, written once per version (an unchanged report's is there already)."""
    by_slug = {f.slug: f for f in facts}
    for slug, card in cards.items():
        entry = entries.get(slug)
        if entry is None or slug not in by_slug:
            continue
        target = listing_entry(entry)
        if target.exists():
            touch(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(Listing(by_slug[slug], card), protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(target)


def load_listing(sections_entry: Path | None) -> Listing | None:
    """The listing stored with a kept report's analysis; None when there is none (a site built before listings were
    stored, a pruned cache, older code): the report is then named in the catalogue's note instead of shown as a card."""
    if sections_entry is None:
        return None
    target = listing_entry(sections_entry)
    try:
        listing = pickle.loads(target.read_bytes())
    except Exception:
        return None
    if not isinstance(listing, Listing) or not isinstance(listing.facts, ReportFacts):
        return None
    touch(target)
    return listing


def kept_card(card: str) -> str:
    """The stored card, saying that it is the last published version (after its title)."""
    card = card.replace("<article ", '<article data-dipertahankan="ya" ', 1)
    at = card.find("</h3>")
    return card[:at + 5] + KEPT_NOTE + card[at + 5:] if at >= 0 else card + KEPT_NOTE


def left_out_note(left_out: list[str], unlisted: list[str], page_url_of, internal: bool) -> str:
    """The catalogue's note on what this build did not list: reports left out without previous pages (counted; named in
    the internal profile), and kept reports whose listing is unknown (linked: their pages are published)."""
    parts = []
    if left_out:
        names = f": {', '.join(sorted(left_out))}" if internal else ""
        parts.append(f"{len(left_out)} laporan tidak diterbitkan dalam build ini karena datanya belum lolos pemeriksaan"
                     f"{names}. Pengelola arsip menemukan alasannya di laporan build.")
    if unlisted:
        links = ", ".join(f'<a href="{escape(page_url_of(slug))}">{escape(slug)}</a>' for slug in sorted(unlisted))
        parts.append(f"Tetap dapat dibuka dalam versi yang terakhir terbit (versi terbarunya belum lolos pemeriksaan): {links}.")
    return f'<p class="casebook-tidak-terbit" role="note">{" ".join(parts)}</p>' if parts else ""


def kept_pages(site_dir: Path, section: str, slugs) -> list[str]:
    """Site-relative URLs (`kasus/<slug>/bab-1/`) of the pages of kept reports, for the sitemap."""
    return sorted(f"{page.parent.relative_to(site_dir).as_posix()}/"
                  for slug in slugs for page in (site_dir / section / slug).rglob("index.html"))


def add_to_sitemap(site_dir: Path, site_url: str | None, urls: list[str]) -> None:
    """MkDocs wrote sitemap.xml (and .gz) from the pages it built; the kept reports' pages were linked in, not built."""
    import gzip

    sitemap = site_dir / "sitemap.xml"
    if not urls or not sitemap.is_file() or not site_url:  # without site_url MkDocs lists no page either
        return
    base = site_url.rstrip("/") + "/"
    text = sitemap.read_text(encoding="utf-8")
    entries = "".join(f"\n    <url>\n         <loc>{escape(base + url)}</loc>\n    </url>" for url in urls)
    at = text.rfind("</urlset>")
    if at < 0:
        return
    text = text[:at].rstrip("\n") + entries + "\n" + text[at:]
    sitemap.write_text(text, encoding="utf-8")
    compressed = sitemap.with_name("sitemap.xml.gz")
    if compressed.exists():
        with gzip.GzipFile(compressed, "wb", mtime=0) as handle:
            handle.write(text.encode("utf-8"))
