"""The archive's facets for practicum kinds and report subjects, in a real browser, on the three examples."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from tests.helpers import ALL_EXAMPLES, COMMUNITY_EXAMPLE, EXAMPLES, LABORATORY_EXAMPLE, ROOT
from tests.test_archive_browser import _Quiet, _tick, _visible
from tests.test_browser import browser, page  # noqa: F401 — fixtures: the real browser
from tests.test_pdf import build
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("jenis")
    project = _project_copy(base)
    for slug in ALL_EXAMPLES:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    result = build(project, base / "site", base / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr[-3000:]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(base / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def _count(page, facet: str, code: str) -> int:
    return int(page.locator(f'input[name="{facet}"][value="{code}"] ~ .casebook-jumlah').text_content())


def test_practicum_kind_and_subject_are_facets_that_find_the_community_report(examples_site, page):  # noqa: F811
    page.goto(examples_site + "arsip/")
    assert sorted(_visible(page)) == sorted(ALL_EXAMPLES)
    assert _count(page, "jenis", "komunitas") == 1 and _count(page, "jenis", "institusi") == 2
    assert _count(page, "jenis", "laboratorium") == 1 and _count(page, "subjek", "komunitas") == 1  # the laboratory example
    assert _count(page, "subjek", "kelompok") == 1 and _count(page, "subjek", "individu") == 2
    _tick(page, "subjek", "kelompok")
    assert _visible(page) == [COMMUNITY_EXAMPLE]
    assert "Kelompok Sasaran" in page.locator("form.casebook-saring").inner_text()
    page.goto(examples_site + "arsip/?jenis=institusi")
    assert sorted(_visible(page)) == sorted(EXAMPLES)
    page.goto(examples_site + "arsip/?jenis=laboratorium")
    assert _visible(page) == [LABORATORY_EXAMPLE]


def test_participatory_tools_count_as_assessment_tools_in_the_archive(examples_site, page):  # noqa: F811
    page.goto(examples_site + "arsip/")
    assert _count(page, "alat", "diagram_venn") == 1
    _tick(page, "alat", "pohon_masalah")
    assert _visible(page) == [COMMUNITY_EXAMPLE]
    label = page.locator('input[name="alat"][value="transek"]').locator("xpath=..").inner_text()
    assert "Transek" in label
