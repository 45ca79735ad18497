"""`casebook build --offline`: the site opened from disk (file://), as a supervisor opens a USB stick.

On file:// a link to a folder opens a directory listing and Chromium refuses workers and fetch();
the walk below (home -> card -> BAB IV -> header search -> catalogue search) fails on a site that
needs any of them.
"""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from macros.offline import file_link
from tests.helpers import EXAMPLES, ROOT, run_cli
from tests.test_browser import ARTIFACTS, browser, page  # noqa: F401 — fixtures
from tests.test_search import reach_every_result
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("link", "expected"), [
    ("kasus/ln/", "kasus/ln/index.html"), ("../bab-2/#tujuan", "../bab-2/index.html#tujuan"), (".", "./index.html"),
    ("..", "../index.html"), ("../?q=a", "../index.html?q=a"), ("ln.pdf", "ln.pdf"), ("#bagian", "#bagian"),
    ("https://contoh.ac.id/", "https://contoh.ac.id/"), ("mailto:a@b.c", "mailto:a@b.c"), ("", ""),
])
def test_folder_links_open_the_folders_index_file(link, expected):
    assert file_link(link) == expected


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    project = _project_copy(tmp_path_factory.mktemp("luring"))
    for slug in EXAMPLES:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    mp = pytest.MonkeyPatch()
    mp.chdir(project)
    mp.setenv("NO_MKDOCS_2_WARNING", "1")
    code, out = run_cli(["build", "--offline"])
    mp.undo()
    assert code == 0, out
    return project, out


def test_the_closing_note_says_how_to_open_and_hand_it_over(offline):
    project, out = offline
    assert re.search(r"situs luring di site-luring/ \([\d,]+ MB\) dan site-luring\.zip \([\d,]+ MB\)", out), out
    assert "Buka site-luring/index.html langsung di peramban" in out and "salin folder site-luring/ ke USB" in out
    with zipfile.ZipFile(project / "site-luring.zip") as archive:
        names = set(archive.namelist())
    assert {"site-luring/index.html", "site-luring/kasus/ln-hikari-2024/ln-hikari-2024.pdf",
            "site-luring/search/casebook/manifest.js"} <= names
    assert not (project / "site").exists()  # the web site, if any, is left as it was


def test_no_page_links_to_a_bare_folder(offline):
    project, _ = offline
    pages = list((project / "site-luring").rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        links = re.findall(r'\s(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8"))
        bare = [link for link in links if file_link(link) != link]
        assert bare == [], f"{page}: {bare[:5]}"
    assert not list((project / "site-luring" / "search").rglob("*.json"))  # fetch() is refused on file://


def test_walk_from_disk_home_card_chapter_search(offline, page):
    project, _ = offline
    home = (project / "site-luring" / "index.html").as_uri()
    page.goto(home)
    page.locator("article.casebook-kartu[data-slug='ln-hikari-2024'] h3 a").click()
    page.wait_for_url("**/kasus/ln-hikari-2024/index.html")
    page.get_by_role("link", name="BAB IV Penanganan Kasus").first.click()
    page.wait_for_url("**/kasus/ln-hikari-2024/bab-4-penanganan-kasus/index.html")
    assert page.locator("p.casebook-caption", has_text="Tabel 4.1 Tahapan Wawancara").is_visible()
    # The footer's previous/next chapter links (navigation.footer), in Indonesian.
    footer = page.locator("nav.md-footer__inner")
    assert footer.locator("a.md-footer__link--prev").get_attribute("aria-label").startswith("Sebelumnya")
    footer.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/kasus/ln-hikari-2024/bab-5-praktik-baik/index.html")
    page.go_back()
    # The header's search box, answered in the page (no worker on file://).
    box = page.locator("input.md-search__input")
    box.click()
    page.locator(".md-search-result__meta", has_text="Ketik untuk mulai pencarian").wait_for()
    box.press_sequentially("bakwan", delay=20)
    page.locator(".md-search-result__meta", has_text="ditemukan").wait_for()
    hits = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert hits and all(h.startswith("file://") and "/index.html" in h for h in hits), hits
    assert any("/kasus/ajs-kartini-2024/" in h for h in hits), hits
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url("**/kasus/ajs-kartini-2024/**")
    assert page.locator("h1").count() == 1
    # The catalogue's text search.
    page.goto((project / "site-luring" / "arsip" / "index.html").as_uri())
    page.locator('input[name="q"]').fill("hidroponik")
    page.wait_for_function("document.querySelectorAll('article.casebook-kartu:not([hidden])').length === 1")
    visible = page.locator("article.casebook-kartu:not([hidden])").evaluate_all("els => els.map(e => e.dataset.slug)")
    assert visible == ["ln-hikari-2024"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "luring-arsip.png"))
    assert page.problems == [], page.problems


def test_header_search_from_disk_reaches_every_result(offline, page):
    """Opened from disk the header's list says the true count and "Tampilkan lagi" reaches the rest,
    as on the web (the page stands in for the worker, and must answer as the worker does)."""
    project, _ = offline
    page.goto((project / "site-luring" / "kasus" / "ln-hikari-2024" / "index.html").as_uri())
    total = page.evaluate("async () => (await casebookSearch.search('klien', 1000)).total")
    assert total > 20, total  # the two examples: more pages than the first list holds
    box = page.locator("input.md-search__input")
    box.click()
    page.locator(".md-search-result__meta", has_text="Ketik untuk mulai pencarian").wait_for()
    box.press_sequentially("klien", delay=20)
    page.locator(".md-search-result__meta", has_text=f"{total} dokumen ditemukan").wait_for()
    reach_every_result(page)
    groups = page.locator(".md-search-result__item")
    assert groups.count() == total
    hits = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert all(h.startswith("file://") and "/index.html" in h for h in hits), hits
    assert len({h.split("#")[0].split("?")[0] for h in hits}) == total  # every page once
    page.locator(".md-search-result__item").last.locator("a").first.click()
    page.wait_for_url("**/index.html*")
    assert page.problems == [], page.problems
