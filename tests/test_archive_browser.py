"""The archive in a real browser: 50 synthetic reports (`casebook synth`), facets and search.

What the catalogue shows is checked against the generator's manifest, which records what
each report was made with: the filters must find exactly the reports that carry a value.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from urllib.parse import parse_qs, urlparse

import pytest

from macros.synth import generate
from tests.test_browser import browser, page  # noqa: F401 — fixtures: the real browser
from tests.test_pdf import build
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

N = 50


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("arsip50")
    project = _project_copy(base)
    generate(project / "cases", N, 11)
    manifest = json.loads((project / "cases" / "synth-manifest.json").read_text(encoding="utf-8"))
    result = build(project, base / "site", base / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr[-3000:]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(base / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {"url": f"http://127.0.0.1:{httpd.server_address[1]}/", "reports": manifest["laporan"], "site": base / "site"}
    httpd.shutdown()


def _visible(page) -> list[str]:
    return page.locator("article.casebook-kartu:visible").evaluate_all("els => els.map(e => e.dataset.slug)")


def _tick(page, facet: str, code: str) -> None:
    box = page.locator(f'input[name="{facet}"][value="{code}"]')
    box.locator("xpath=ancestor::details").evaluate("d => d.open = true")
    box.check()


def test_every_report_is_a_card_and_the_list_reads_without_javascript(archive, browser):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(archive["url"] + "arsip/")
    assert page.locator("article.casebook-kartu").count() == N
    assert not page.locator("form.casebook-saring").is_visible()  # filters need the script; the list does not
    assert page.locator(".casebook-tanpa-skrip a").get_attribute("href") == "tag/"
    context.close()


def test_a_facet_shows_exactly_the_reports_that_carry_it_with_counts_and_a_shareable_url(archive, page):  # noqa: F811
    reports = archive["reports"]
    page.goto(archive["url"] + "arsip/")
    expected = {r["slug"] for r in reports if r["setting"] == "primer"}
    count = page.locator('input[name="setting"][value="primer"] ~ .casebook-jumlah').text_content()
    assert int(count) == len(expected) > 0
    _tick(page, "setting", "primer")
    assert set(_visible(page)) == expected
    assert page.locator(".casebook-hasil-jumlah").inner_text() == f"{len(expected)} dari {N} laporan"
    # Within the filtered set, each technique's count is the number of those reports using it.
    counts = page.locator('input[name="teknik"]').evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.value, +e.parentNode.querySelector('.casebook-jumlah').textContent]))")
    for code, shown in counts.items():
        assert shown == sum(1 for r in reports if r["setting"] == "primer" and code in r["teknik"]), code
    # Across facets the filters combine (AND); within one facet they add up (OR).
    cluster, other = next((c, r2["setting"]) for r in reports if r["setting"] == "primer" for c in r["klaster"]
                          for r2 in reports if r2["setting"] != "primer" and c in r2["klaster"])
    _tick(page, "klaster", cluster)
    both = {r["slug"] for r in reports if r["setting"] == "primer" and cluster in r["klaster"]}
    assert set(_visible(page)) == both
    _tick(page, "setting", other)
    either = {r["slug"] for r in reports if r["setting"] in ("primer", other) and cluster in r["klaster"]}
    assert set(_visible(page)) == either and either != both
    query = parse_qs(urlparse(page.url).query)
    assert sorted(query["setting"]) == sorted(["primer", other]) and query["klaster"] == [cluster]
    # A value no report in the current view carries cannot be ticked into an empty list.
    empty = page.locator('input[name="setting"]:disabled')
    for code in empty.evaluate_all("els => els.map(e => e.value)"):
        assert not any(r["setting"] == code and cluster in r["klaster"] for r in reports)
    # The URL alone brings the same view back (a lecturer shares it).
    page.goto(page.url)
    assert set(_visible(page)) == either
    assert page.locator(f'input[name="setting"][value="{other}"]').is_checked()


def test_sorting_by_outcome_puts_the_best_scored_first(archive, page):  # noqa: F811
    page.goto(archive["url"] + "arsip/?urut=capaian")
    scores = page.locator("article.casebook-kartu:visible").evaluate_all(
        "els => els.map(e => e.dataset.capaian === '' ? -1 : parseFloat(e.dataset.capaian))")
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    page.goto(archive["url"] + "arsip/?urut=judul")
    titles = page.locator("article.casebook-kartu:visible").evaluate_all("els => els.map(e => e.dataset.judul)")
    assert len(titles) == N and titles == sorted(titles, key=lambda t: t.casefold())


def test_search_within_the_archive_finds_inflected_forms_and_combines_with_facets(archive, page):  # noqa: F811
    reports = archive["reports"]
    page.goto(archive["url"] + "arsip/")
    page.locator('input[name="q"]').fill("layanan")  # the stem of `pelayanan`
    with_word = {r["slug"] for r in reports if r["kata_uji"]["pelayanan"]}
    page.wait_for_function(f"document.querySelectorAll('article.casebook-kartu:not([hidden])').length === {len(with_word)}")
    assert set(_visible(page)) == with_word and 0 < len(with_word) < N
    _tick(page, "setting", "komunitas")
    both = {r["slug"] for r in reports if r["kata_uji"]["pelayanan"] and r["setting"] == "komunitas"}
    assert set(_visible(page)) == both
    assert parse_qs(urlparse(page.url).query)["q"] == ["layanan"]


@pytest.mark.parametrize("query, word", [("intervensi", "mengintervensi"), ("ajar", "pembelajaran")])
def test_header_search_finds_reports_with_the_inflected_word(archive, page, query, word):  # noqa: F811
    reports = {r["slug"] for r in archive["reports"] if r["kata_uji"][word]}
    page.goto(archive["url"])
    found = page.evaluate(f"() => window.casebookSearch.reports({json.dumps(query)}).then(s => [...s])")
    if word == "pembelajaran":
        assert set(found) == reports
    else:  # `intervensi` itself is in every report; the planted form must be among what is found
        assert reports <= set(found)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item a").first.wait_for()
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("/kasus/" in link for link in links)


def test_statistics_and_tags_pages_are_built_from_the_archive(archive, page):  # noqa: F811
    page.goto(archive["url"] + "arsip/statistik/")
    assert page.locator("figure svg").count() >= 5
    page.goto(archive["url"] + "arsip/tag/setting-primer/")
    primer = {r["slug"] for r in archive["reports"] if r["setting"] == "primer"}
    links = page.locator("article a[href*='/kasus/'], .md-content a[href*='kasus/']").evaluate_all(
        "els => [...new Set(els.map(e => e.href.split('/kasus/')[1].split('/')[0]))]")
    assert set(links) == primer
    assert page.problems == []
