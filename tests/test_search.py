"""Site search in a real browser: Indonesian word forms, links, the JS API, stemmer parity, size.

A copy of the project with the two example reports and one report whose BAB I plants
inflected forms (pelayanan, mengintervensi, pembelajaran) in sections of their own. Queries
are typed into Material's search box in the header of the built site, served on localhost.
"""

from __future__ import annotations

import functools
import http.server
import json
import random
import shutil
import threading

import pytest

from macros.privacy.gate import scan_published
from macros.privacy.matching import Needle
from macros.search.build import IndexWriter, analyse, page_groups
from macros.search.text import stem, words
from tests.helpers import EXAMPLES, FIXTURE, ROOT
from tests.test_browser import browser, page  # noqa: F401 — fixtures: the real browser
from tests.test_pdf import build
from tests.test_site_build import _project_copy

SLUG = "ts-cari-2024"
PLANTED = """# BAB I Pendahuluan

## 1.1 Latar Belakang

Praktikan mengamati pelayanan sosial di panti bagi lansia terlantar.

## 1.2 Tujuan

Pekerja sosial mengintervensi keluarga klien melalui kunjungan rumah.

## 1.3 Manfaat

Pembelajaran praktikan tentang asesmen berbasis kekuatan, dengan semangat.

## 1.4 Mitra

Kunjungan ke gudang L'Oréal setiap Jum’at bersama Ibu O'Melia; klien membaca Qur'an dan bernyanyi Schön ist die Welt.

## 1.5 Kenangan Masa Kecil

Klien bercerita tentang rumah neneknya.

## 1.6 Kebun

Kegiatan penyemaian bibit cabai bersama kelompok tani.

## 1.7 Relaksasi

Teknik pernapasan dipakai untuk menenangkan klien yang cemas.

## 1.8 Duka

Klien mengenang almarhum ayahnya setiap malam.
"""
PAGE = f"kasus/{SLUG}/bab-1-pendahuluan/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _project(base):
    project = _project_copy(base)
    for slug in EXAMPLES:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    shutil.copytree(FIXTURE, project / "cases" / SLUG)
    (project / "cases" / SLUG / "bab-1-pendahuluan.md").write_text(PLANTED, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return _project(tmp_path_factory.mktemp("search"))


@pytest.fixture(scope="module")
def site(project, tmp_path_factory):
    base = tmp_path_factory.mktemp("search-site")
    result = build(project, base / "site", base / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    return base / "site"


@pytest.fixture(scope="module")
def server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def _open_search(page, server, path=""):
    page.goto(server + path)
    box = page.locator("input.md-search__input")
    box.click()
    page.locator(".md-search-result__meta", has_text="Ketik untuk mulai pencarian").wait_for()
    return box


def _type(page, box, query: str) -> list[str]:
    """The hrefs of the results for `query` (filled, then a real key press: Material listens to keyup)."""
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")
    meta.filter(has_text="Ketik untuk mulai pencarian").wait_for()
    box.fill(query)
    box.press("End")
    meta.filter(has_text="ditemukan").or_(meta.filter(has_text="Tidak ada dokumen")).wait_for()
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize(("query", "word", "section"), [
    ("layanan", "pelayanan", "11-latar-belakang"),
    ("intervensi", "mengintervensi", "12-tujuan"),
    ("ajar", "Pembelajaran", "13-manfaat"),
])
def test_a_root_word_finds_its_inflected_forms_and_links_to_the_section(page, server, query, word, section):  # noqa: F811
    box = _open_search(page, server)
    box.press_sequentially(query, delay=30)  # typed key by key, as a student does
    # The result shows a snippet with the inflected form marked, and its link opens that section.
    link = page.locator(f".md-search-result__item a[href*='/{PAGE}?'][href$='#{section}']").first
    link.wait_for()
    assert link.locator("mark", has_text=word).count() >= 1
    link.click()
    page.wait_for_url(f"**/{PAGE}?h=*#{section}")
    assert word in page.locator(f"[id='{section}'] ~ p").first.inner_text()
    assert page.problems == []


# What people type without the apostrophe, accent or capital, and the beginning of a word: each finds its section.
FOLDED = [
    ("loreal", "14-mitra", "L'Oréal"), ("oreal", "14-mitra", "L'Oréal"), ("l'oreal", "14-mitra", "L'Oréal"),
    ("LOREAL", "14-mitra", "L'Oréal"), ("omelia", "14-mitra", "O'Melia"), ("jumat", "14-mitra", "Jum’at"),
    ("quran", "14-mitra", "Qur'an"), ("schon", "14-mitra", "Schön"), ("Schön", "14-mitra", "Schön"),
    ("kenang", "15-kenangan-masa-kecil", "Kenangan"), ("semai", "16-kebun", "penyemaian"),
    ("penyemaian", "16-kebun", "penyemaian"), ("mengenang", "18-duka", "mengenang"),
    # Inflected forms that worked before folding and prefixes keep working.
    ("layanan", "11-latar-belakang", "pelayanan"), ("melayani", "11-latar-belakang", "pelayanan"),
    ("intervensi", "12-tujuan", "mengintervensi"), ("ajar", "13-manfaat", "Pembelajaran"),
    ("belajar", "13-manfaat", "Pembelajaran"),
]


@pytest.mark.parametrize(("query", "section", "word"), FOLDED)
def test_folded_and_prefix_queries_find_their_section_and_mark_the_word(page, server, query, section, word):  # noqa: F811
    box = _open_search(page, server)
    _type(page, box, query)
    link = page.locator(f".md-search-result__item a[href*='/{PAGE}?'][href$='#{section}']").first
    link.wait_for()
    assert link.locator("mark", has_text=word).count() >= 1
    assert page.problems == []


def test_a_stem_collision_ranks_below_the_word_typed(page, server):  # noqa: F811
    # `mengenang` and `menenangkan` share Snowball's stem `enang`: the section with the word itself comes first.
    page.goto(server)
    groups = page.evaluate("async () => (await casebookSearch.search('mengenang', 50)).items"
                           ".map(g => g.filter(i => i.score > 0).map(i => [i.location, i.score]))")
    ranked = [location for group in groups for location, _ in group]
    assert ranked[0].endswith(f"{PAGE}#18-duka"), ranked
    scores = {location: score for group in groups for location, score in group}
    assert scores[f"{PAGE}#18-duka"] > scores.get(f"{PAGE}#17-relaksasi", 0)
    # The collision is still found (same stem), only lower; no other page outranks the real match.
    assert max(scores.values()) == scores[f"{PAGE}#18-duka"]


def test_a_prefix_is_the_typed_word_not_a_shorter_stem(page, server):  # noqa: F811
    # `semai` stems to `sema`: words beginning with `sema` (`semangat`) are no match, `penyemaian` (stem `semai`) is.
    page.goto(server)
    found = page.evaluate("async () => (await casebookSearch.search('semai', 50)).items.flat()"
                          ".filter(i => i.score > 0).map(i => i.location)")
    assert f"{PAGE}#16-kebun" in found and f"{PAGE}#13-manfaat" not in found, found


def reach_every_result(page) -> None:
    """Scroll the header's result list to its "Tampilkan lagi" button and press it until every page is listed."""
    more = page.locator(".md-search-result__item a", has=page.locator(".casebook-cari-lagi"))
    for _ in range(60):  # Material renders the groups it was given in chunks, as the list scrolls
        # As a reader scrolls: Material releases a chunk each time the bottom comes into view again.
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTop = el.scrollHeight - el.clientHeight - 400")
        page.wait_for_timeout(50)
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTop = el.scrollHeight")
        if more.count():
            break
        page.wait_for_timeout(150)
    assert page.locator(".md-search-result__item").count() == 21  # 20 pages, then the button
    while more.count():
        shown = more.locator(".casebook-cari-lagi").get_attribute("data-casebook-dari")
        more.click()
        # Done when the button moved on, or went away with the last page (the count may end where it was).
        page.wait_for_function(f"(() => {{ const b = document.querySelector('.casebook-cari-lagi');"
                               f" return !b || b.dataset.casebookDari !== '{shown}'; }})()")


def test_every_result_is_reachable_and_the_count_is_true(page, server):  # noqa: F811
    page.goto(server)
    total = page.evaluate("async () => (await casebookSearch.search('klien')).total")
    assert total > 25, total   # more than the first 20 the header shows at once
    box = _open_search(page, server)
    _type(page, box, "klien")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(f"document.querySelector('.md-search-result__meta').textContent === '{total} dokumen ditemukan'")
    assert meta.inner_text() == f"{total} dokumen ditemukan"
    reach_every_result(page)
    links = page.locator(".md-search-result__item > a:first-child").evaluate_all("els => els.map(e => e.href.split('?')[0])")
    assert len(links) == total and len(set(links)) == total
    assert meta.inner_text() == f"{total} dokumen ditemukan"
    assert page.problems == []


def test_a_nonsense_word_finds_nothing(page, server):  # noqa: F811
    box = _open_search(page, server)
    assert _type(page, box, "qzxwvkjh") == []
    assert page.locator(".md-search-result__meta").inner_text() == "Tidak ada dokumen yang sesuai"
    assert page.problems == []


def test_every_word_must_match_when_some_section_has_them_all(page, server):  # noqa: F811
    box = _open_search(page, server)
    hits = _type(page, box, "pelayanan lansia")
    assert any(f"/{PAGE}" in h for h in hits), hits
    both = page.evaluate("async () => (await casebookSearch.search('pelayanan lansia')).items.flat()"
                         ".filter(i => i.score > 0).map(i => i.terms)")
    assert both and all(terms == {"pelayanan": True, "lansia": True} for terms in both)
    # No section has both words: any of them is enough, the missing one is shown struck through.
    hits = _type(page, box, "pelayanan qzxwvkjh")
    assert any(f"/{PAGE}" in h for h in hits), hits
    assert page.locator(".md-search-result__terms del", has_text="qzxwvkjh").count() >= 1


def test_the_catalogue_api_returns_report_slugs(page, server):  # noqa: F811
    page.goto(server)
    result = page.evaluate("""async () => ({
        layanan: [...await casebookSearch.reports('layanan')],
        hidroponik: [...await casebookSearch.reports('hidroponik')],
        none: [...await casebookSearch.reports('qzxwvkjh')],
        stop: [...await casebookSearch.reports('yang dan di')],
    })""")
    assert SLUG in result["layanan"]
    assert result["hidroponik"] == ["ln-hikari-2024"]
    assert result["none"] == [] and result["stop"] == []
    assert page.problems == []


def _generated_words(count: int) -> list[str]:
    """Made-up words from every prefix and suffix the stemmer knows (meny-, pel-, ber-, -kannya, ...)."""
    rng = random.Random(7)
    prefixes = ["", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "peny", "per", "pel", "ber", "be",
                "bel", "ter", "di", "ke", "se"]
    suffixes = ["", "an", "kan", "i", "nya", "ku", "mu", "lah", "kah", "pun", "annya", "kannya", "inya"]
    syllables = ["a", "ba", "ka", "la", "ma", "na", "ra", "sa", "ta", "ja", "ya", "ajar", "er", "e", "i", "u", "o", "ng",
                 "k", "s", "r", "l", "y"]
    return [rng.choice(prefixes) + "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) + rng.choice(suffixes)
            for _ in range(count)]


def test_browser_words_and_stems_equal_python_on_the_whole_vocabulary(page, server, site):  # noqa: F811
    texts = []
    for item in sorted((site / "search" / "casebook" / "p").glob("*.json")):
        for _, title, text in json.loads(item.read_text(encoding="utf-8"))["d"]:
            texts += [title, text]
    # Inflected forms from the stemmer's own rules, beyond what the example reports say.
    texts.append("pelayanan layanan melayani mengintervensi diintervensi pembelajaran belajar pelajaran menyapu "
                 "memukul pemukul bersekolah bekerja perjalanan penyelesaian terlantar kebersamaan bukunya "
                 "rumahmu apakah bacalah meskipun peran pelari petani café naïve ÉCOLE anak-anak 2024")
    python_words = [words(text) for text in texts]
    vocabulary = sorted({word for found in python_words for word in found} | set(_generated_words(20_000)))
    assert len(vocabulary) > 20_000
    page.goto(server)
    browser_words, browser_stems = page.evaluate(
        "([texts, vocab]) => [texts.map(t => CasebookSearch.words(t)), vocab.map(w => CasebookSearch.stem(w))]",
        [texts, vocabulary])
    assert browser_words == python_words
    mismatches = [(w, stem(w), s) for w, s in zip(vocabulary, browser_stems) if stem(w) != s]
    assert mismatches == []
    assert stem("pelayanan") == stem("layanan") and stem("mengintervensi") == stem("intervensi")
    assert stem("pembelajaran") == stem("ajar")


def test_a_query_transfers_little(page, server):  # noqa: F811
    box = _open_search(page, server)
    sizes = []
    page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])))
    _type(page, box, "hidroponik")
    cold = sum(size for url, size in sizes if "/search/" in url)
    sizes.clear()
    _type(page, box, "keluarga klien")
    warm = sum(size for url, size in sizes if "/search/" in url)
    assert 0 < cold < 1_000_000 and warm < 1_000_000, (cold, warm)
    # Material's own index is left without documents: nothing loads the whole site at once.
    assert page.evaluate("async () => (await (await fetch('search/search_index.json')).json()).docs") == []


@pytest.mark.slow
def test_the_index_is_deterministic(project, site, tmp_path):
    again = tmp_path / "site"
    result = build(project, again, tmp_path / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*") if p.is_file()}
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in (again / "search").rglob("*") if p.is_file()}
    assert len(first) > 10 and first == second


def test_the_leak_scan_reads_the_search_index(tmp_path):
    material = {"config": {}, "docs": [
        {"location": "kasus/x/bab-4/", "title": "BAB IV", "text": "<p>Bertemu Sri Wulandari Pratiwi di rumah.</p>"}]}
    site = tmp_path / "site"
    files = {}
    writer = IndexWriter(files.__setitem__)
    for location, sections in page_groups(material["docs"]):
        writer.add(location, analyse(sections))
    writer.close()
    for path, content in files.items():
        (site / "search" / "casebook" / path).parent.mkdir(parents=True, exist_ok=True)
        (site / "search" / "casebook" / path).write_bytes(content)
    leaks = scan_published(site, [Needle("Sri Wulandari Pratiwi", "nama asli klien")])
    assert [leak.where for leak in leaks] == ["site/search/casebook/p/0.json"]


def test_an_unchanged_report_written_from_what_an_earlier_build_stored_gives_the_same_index():
    """An incremental build writes an unchanged report's pages from what the writer returned for them before
    (macros/search/indexer.py): the index must be byte for byte the one the analysed pages give, whatever other
    pages come before them (their postings are numbered from the section the page starts at)."""
    pages = [(f"kasus/r{r}/" + (f"bab-{b}/" if b else ""), [{"location": f"kasus/r{r}/" + (f"bab-{b}/" if b else ""),
              "title": f"BAB {b} laporan r{r}" if b else f"Laporan r{r}: pendampingan lansia di panti {r}",
              "text": f"<p>Klien lansia r{r} mengikuti kegiatan {b}; pendampingan, asesmen, rujukan {r * b}.</p>"}])
             for r in range(4) for b in range(3)]
    fresh, stored = {}, {}
    writer = IndexWriter(fresh.__setitem__)
    for location, sections in pages:
        stored[location] = writer.add(location, analyse(sections))
    writer.close()
    for before in ([], [("lain/", [{"location": "lain/", "title": "Halaman lain", "text": "<p>lansia panti</p>"}])]):
        expected, again = {}, {}
        writer, reusing = IndexWriter(expected.__setitem__), IndexWriter(again.__setitem__)
        for location, sections in before:
            writer.add(location, analyse(sections))
            reusing.add(location, analyse(sections))
        for location, sections in pages:
            writer.add(location, analyse(sections))
            reusing.add(location, stored=stored[location] if location.startswith(("kasus/r1/", "kasus/r3/")) else None,
                        sections=analyse(sections))
        writer.close()
        reusing.close()
        assert again == expected
    assert again != fresh  # the page before them moved every page number: the case above is not vacuous
