"""A student's walk through the built site in a real browser (Debian's Chromium via Playwright).

Open the home page, open a report, move through its chapters, search across reports;
no console error and no request leaves localhost. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.helpers import ALL_EXAMPLES, ROOT
from tests.test_site_build import mkdocs_build

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
# Without these, Chromium phones home at start-up; on a closed network that shows as failed requests.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("browser-site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make build` (it installs Debian's chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None)
            and not r.url.startswith(("data:", "blob:")) and page.problems.append(f"external request: {r.url}"))
    yield page
    context.close()


def _search(page, server, query: str) -> list[str]:
    page.goto(server)
    box = page.locator("input.md-search__input")
    box.click()
    # Material loads its index in a web worker; a query typed before it is ready is dropped.
    page.locator(".md-search-result__meta", has_text="Ketik untuk mulai pencarian").wait_for()
    box.press_sequentially(query, delay=20)  # real key events: Material listens to keyboard input
    page.locator(".md-search-result__meta", has_text="ditemukan").wait_for()
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def test_student_walks_through_a_report(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server)
    assert page.locator("article.casebook-kartu").count() == len(ALL_EXAMPLES)  # every example report in cases/
    page.screenshot(path=str(ARTIFACTS / "beranda.png"), full_page=True)
    page.locator("article.casebook-kartu[data-slug='ln-hikari-2024'] h3 a").click()
    page.wait_for_url("**/kasus/ln-hikari-2024/")
    page.get_by_role("link", name="BAB IV Penanganan Kasus").first.click()
    page.wait_for_url("**/bab-4-penanganan-kasus/")
    assert page.locator("p.casebook-caption", has_text="Tabel 4.1 Tahapan Wawancara").is_visible()
    page.screenshot(path=str(ARTIFACTS / "bab-4-ln.png"), full_page=True)
    page.get_by_role("link", name="BAB V Praktik Baik").first.click()
    page.wait_for_url("**/bab-5-praktik-baik/")
    assert page.locator("h1").inner_text().startswith("BAB V Praktik Baik")
    assert page.problems == []


@pytest.mark.parametrize(("query", "slug"), [
    ("hidroponik", "ln-hikari-2024"),
    ("tata boga", "ajs-kartini-2024"),
    ("bakwan", "ajs-kartini-2024"),
    ("Task Achievement", "ajs-kartini-2024"),
    ("AJS", "ajs-kartini-2024"),
])
def test_search_finds_indonesian_words_across_reports(page, server, query, slug):
    hits = _search(page, server, query)
    assert any(f"/kasus/{slug}/" in h for h in hits), hits
    assert page.problems == []


def test_no_chapter_is_wider_than_a_phone(browser, server):
    """At 390 px (a phone) a wide table scrolls sideways in the text column; the page itself never gets
    wider than the screen (Material's scroll box wraps only tables without a class, Casebook's have one)."""
    from tests.helpers import ALL_EXAMPLES

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    wide = {}
    for slug in ALL_EXAMPLES:
        for chapter in ("bab-3-konteks-institusi", "bab-4-penanganan-kasus", "lampiran"):
            page.goto(f"{server}kasus/{slug}/{chapter}/")
            width = page.evaluate("document.scrollingElement.scrollWidth")
            if width > 391:
                wide[f"{slug}/{chapter}"] = width
    context.close()
    assert not wide, wide
