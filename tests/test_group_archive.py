"""Group reports in the campus archive: the catalogue card names every author in the campus's order and the
group, and the facets and the archive's search find a group report like any other (in a real browser)."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading

import pytest

from macros.archive.facets import report_facts
from macros.loading import load_case
from macros.project import load_project
from tests.helpers import FIXTURE, write_case_variant
from tests.test_browser import browser, page  # noqa: F401 — fixtures: the real browser
from tests.test_group_authors import AUTHORS, LEADER, SINGLE, group_yaml
from tests.test_pdf import build
from tests.test_site_build import _project_copy

pytestmark = [pytest.mark.slow, pytest.mark.browser]

GROUP, ALONE = "kel-nusantara-2024", "ts-contoh-2024"
CAMPUS = "  kampus: Politeknik Kesejahteraan Sosial Bandung\n"
OTHER_CAMPUS = "  kampus: Universitas Contoh Nusantara\n"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("arsip-kelompok")
    project = _project_copy(base)
    group = write_case_variant(project / "cases", SINGLE, group_yaml(), name=GROUP)
    case = group / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    assert text.count(CAMPUS) == 1
    case.write_text(text.replace(CAMPUS, OTHER_CAMPUS), encoding="utf-8")
    shutil.copytree(FIXTURE, project / "cases" / ALONE)
    result = build(project, base / "site", base / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr[-3000:]
    vocabulary = load_project(project).vocabulary
    facts = {slug: report_facts(load_case(project / "cases" / slug, vocabulary=vocabulary).loaded, vocabulary)
             for slug in (GROUP, ALONE)}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(base / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {"url": f"http://127.0.0.1:{httpd.server_address[1]}/", "site": base / "site", "facts": facts}
    httpd.shutdown()


def _card(html: str, slug: str) -> str:
    card = html[html.index(f'data-slug="{slug}"'):]
    return card[:card.index("</article>")]


def test_the_archive_card_names_every_author_in_order_and_the_group(archive):
    html = (archive["site"] / "arsip" / "index.html").read_text(encoding="utf-8")
    card = _card(html, GROUP)
    names = ", ".join(name for name, _ in AUTHORS[:-1]) + f", dan {AUTHORS[-1][0]}"
    assert f"<dt>Praktikan</dt><dd>{names}</dd>" in card
    assert "<dt>Kelompok</dt><dd>Kelompok 1</dd>" in card
    assert not any(nrp in card for _, nrp in AUTHORS)  # the card names people, their NRPs stay on paper
    single = _card(html, ALONE)
    assert "<dt>Praktikan</dt><dd>Dewi Lestari</dd>" in single and "<dt>Kelompok</dt>" not in single
    campus = archive["facts"][GROUP].codes("kampus")
    assert campus and campus != archive["facts"][ALONE].codes("kampus")
    assert re.search(rf'data-f-kampus="{re.escape(" ".join(campus))}"', card)


def _visible(page) -> list[str]:  # noqa: F811
    return page.locator("article.casebook-kartu:not([hidden])").evaluate_all("els => els.map(e => e.dataset.slug)")


def _tick(page, facet: str, code: str) -> None:  # noqa: F811
    box = page.locator(f'input[name="{facet}"][value="{code}"]')
    box.locator("xpath=ancestor::details").evaluate("d => d.open = true")
    box.check()


def test_facets_and_search_find_the_group_report(archive, page):  # noqa: F811
    page.goto(archive["url"] + "arsip/")
    assert sorted(_visible(page)) == sorted([GROUP, ALONE])
    for facet in ("kampus", "tahun", "pembimbing"):
        for slug, facts in archive["facts"].items():
            for code in facts.codes(facet):
                count = page.locator(f'input[name="{facet}"][value="{code}"] ~ .casebook-jumlah').text_content()
                carriers = [s for s, f in archive["facts"].items() if code in f.codes(facet)]
                assert int(count) == len(carriers), (facet, code)
    _tick(page, "kampus", archive["facts"][GROUP].codes("kampus")[0])
    assert _visible(page) == [GROUP]
    card = page.locator(f'article[data-slug="{GROUP}"]').inner_text()
    for name, _ in AUTHORS:
        assert name in card
    # The archive's search finds the report by any author, not only the first (here: the group's leader).
    page.goto(archive["url"] + "arsip/")
    leader = AUTHORS[LEADER][0].split()[-1]
    page.locator('input[name="q"]').fill(leader)
    page.wait_for_function("document.querySelectorAll('article.casebook-kartu:not([hidden])').length === 1")
    assert _visible(page) == [GROUP]
    assert not page.problems, page.problems
