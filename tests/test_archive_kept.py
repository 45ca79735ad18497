"""The pieces that keep a kept report in the archive's lists (macros/archive/kept.py); the real builds are in
tests/test_archive_isolation.py."""

from __future__ import annotations

import gzip

from macros.archive.facets import ReportFacts
from macros.archive.kept import (KEPT_NOTE, Listing, add_to_sitemap, kept_card, kept_pages, left_out_note,
                                 listing_entry, load_listing, store_listings)

CARD = ('<article class="casebook-kartu" data-slug="aa-2024" data-f-tahun="2024"><h3><a href="../kasus/aa-2024/">Judul</a>'
        "</h3><dl><dt>Tahun</dt><dd>2024</dd></dl></article>")


def _facts(slug: str) -> ReportFacts:
    return ReportFacts(slug, "Judul", 2024, None, {"tahun": (("2024", "2024"),)})


def test_a_listing_is_stored_once_beside_the_search_analysis_and_read_back(tmp_path):
    entry = tmp_path / "ab" / "abcdef.pickle"
    assert listing_entry(entry).name == "abcdef.arsip.pickle"  # pruned with the analyses ("*/*.pickle")
    store_listings({"aa-2024": entry}, [_facts("aa-2024")], {"aa-2024": CARD, "tanpa-entri": CARD})
    assert load_listing(entry) == Listing(_facts("aa-2024"), CARD)
    store_listings({"aa-2024": entry}, [_facts("aa-2024")], {"aa-2024": "<article>lain</article>"})
    assert load_listing(entry).card == CARD  # one version of a report, one listing
    listing_entry(entry).write_bytes(b"rusak")
    assert load_listing(entry) is None and load_listing(None) is None and load_listing(tmp_path / "x.pickle") is None


def test_a_kept_card_says_it_is_the_last_published_version_after_its_title():
    card = kept_card(CARD)
    assert card.startswith('<article data-dipertahankan="ya" class="casebook-kartu" data-slug="aa-2024"')
    assert "</h3>" + KEPT_NOTE + "<dl>" in card


def test_the_catalogue_note_counts_left_out_reports_names_them_only_internally_and_links_unlisted_kept_ones():
    url = lambda slug: f"../kasus/{slug}/"  # noqa: E731
    public = left_out_note(["bb-2024", "aa-2024"], [], url, internal=False)
    assert "2 laporan tidak diterbitkan dalam build ini" in public and "aa-2024" not in public
    internal = left_out_note(["bb-2024", "aa-2024"], [], url, internal=True)
    assert ": aa-2024, bb-2024." in internal
    unlisted = left_out_note([], ["cc-2024"], url, internal=False)
    assert '<a href="../kasus/cc-2024/">cc-2024</a>' in unlisted and "tidak diterbitkan" not in unlisted
    assert left_out_note([], [], url, internal=True) == ""


def test_kept_pages_join_the_sitemap_only_where_mkdocs_lists_pages(tmp_path):
    for page in ("kasus/aa-2024/index.html", "kasus/aa-2024/bab-1/index.html", "kasus/bb-2024/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html></html>")
    urls = kept_pages(tmp_path, "kasus", {"aa-2024"})
    assert urls == ["kasus/aa-2024/", "kasus/aa-2024/bab-1/"]
    sitemap = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x">\n    <url>\n         <loc>https://a.example/</loc>\n    </url>\n</urlset>'
    (tmp_path / "sitemap.xml").write_text(sitemap)
    add_to_sitemap(tmp_path, "", urls)  # no site_url: MkDocs lists no page, neither does Casebook
    assert (tmp_path / "sitemap.xml").read_text() == sitemap
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.encode()))
    add_to_sitemap(tmp_path, "https://a.example", urls)
    text = (tmp_path / "sitemap.xml").read_text()
    assert "<loc>https://a.example/kasus/aa-2024/bab-1/</loc>" in text and text.rstrip().endswith("</urlset>")
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()).decode() == text
