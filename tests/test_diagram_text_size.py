"""Every diagram's smallest text is readable (issue 15: Venn labels inside small circles printed at 4.5 pt):
at least 7 pt once the figure is shrunk to the narrowest printed text column, and at least 10 px on a 390 px
phone (a wide diagram keeps a minimum width there and scrolls). Checked on generated data for every diagram,
in the examples' PDFs (every text on every page) and, in a browser, on a phone."""

from __future__ import annotations

import random
import re

import pytest

from macros.render.diagrams import charts
from macros.render.diagrams.ecomap import ecomap_svg
from macros.render.diagrams.genogram import genogram_svg
from macros.render.diagrams.problem_tree import problem_tree_svg
from macros.render.diagrams.svg import MIN_PHONE_PX, MIN_PRINT_PT, PHONE_COLUMN_PX, PRINT_COLUMN_PX
from macros.render.diagrams.venn import venn_svg
from macros.schema.assessment import ButirKekuatan
from tests.test_community_diagrams import institutions, tree
from tests.helpers import ROOT
from tests.test_diagrams import LONG_NAMES, case, family, systems


def _printed_pt(svg: str) -> float:
    """The smallest text of an SVG in points once it is fitted into the print column (1 px = 0.75 pt)."""
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    smallest = min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg))
    return smallest * min(1.0, PRINT_COLUMN_PX / width) * 0.75


def _phone_px(svg: str) -> float:
    """The smallest text on a phone: the diagram shrinks to the column, not below its `casebook-min-N` width."""
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    smallest = min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg))
    minimum = re.search(r"casebook-min-(\d+)", svg)
    shown = min(width, max(PHONE_COLUMN_PX, int(minimum.group(1)) if minimum else 0))
    return smallest * shown / width


def _diagrams():
    rng = random.Random(7)
    for n in range(1, 16):
        yield f"venn-{n}", venn_svg("Kelompok Budidaya Lele Mina Sejahtera", institutions(n, rng), "Venn")
    for n in (1, 4, 8, 12):
        yield f"pohon-{n}", problem_tree_svg(tree(n, n, rng), "Pohon")
    for n in (1, 5, 10, 15, 25):
        yield f"ecomap-{n}", ecomap_svg("LN", systems(n), "Ecomap")
    for n in (2, 6, 12, 20):
        yield f"genogram-{n}", genogram_svg(family(n), "Genogram")
    items = [ButirKekuatan.model_validate({"uraian": f"{LONG_NAMES[i % 10]} sebagai butir ke-{i}",
                                           "ranah": ("personal", "lingkungan")[i % 2],
                                           "sifat": ("kelebihan", "kekurangan")[(i // 2) % 2]}) for i in range(12)]
    yield "kuadran", charts.quadrant_svg(items, "Kuadran")
    for slug in ("ln-hikari-2024", "ajs-kartini-2024", "kbl-cikadu-2024"):
        report = case(slug)
        events = charts.timeline_events(report, lambda s: s)
        yield f"linimasa-{slug}", charts.timeline_svg(report, events, "Linimasa")
        if report.evaluation and (report.evaluation.tas or report.evaluation.gas):
            yield f"capaian-{slug}", charts.outcome_svg(report, "Capaian")


DIAGRAMS = dict(_diagrams())


@pytest.mark.parametrize("name", DIAGRAMS)
def test_smallest_text_prints_at_7_pt_and_shows_at_10_px_on_a_phone(name):
    svg = DIAGRAMS[name]
    assert _printed_pt(svg) >= MIN_PRINT_PT - 0.01, name
    assert _phone_px(svg) >= MIN_PHONE_PX - 0.01, name


# --- the examples, as printed and on a phone ---------------------------------------------------------------

from tests.test_browser import browser  # noqa: E402,F401 — fixture: the real browser
from tests.test_pdf import site  # noqa: E402,F401 — the examples built once, with their PDFs

EXAMPLE_SLUGS = sorted(p.parent.name for p in ROOT.glob("cases/*/kasus.yml"))


def _pdf_text_sizes(pdf) -> list[tuple[int, float, str]]:
    """(page, size in pt, text) of every piece of text, its size as drawn (font size × text and CTM scale)."""
    import math

    from pypdf import PdfReader

    found = []
    for number, page in enumerate(PdfReader(str(pdf)).pages, 1):
        def visit(text, cm, tm, font, size, number=number):
            if not text.strip() or not size:
                return
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            found.append((number, size * math.sqrt(abs(a * d - b * c)), text.strip()[:40]))
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("slug", EXAMPLE_SLUGS)
def test_no_text_on_any_page_of_an_example_pdf_is_below_7_pt(site, slug):  # noqa: F811
    sizes = _pdf_text_sizes(site / "kasus" / slug / f"{slug}.pdf")
    assert sizes
    small = [(page, round(size, 1), text) for page, size, text in sizes if size < MIN_PRINT_PT - 0.05]
    assert not small, small[:10]


@pytest.fixture(scope="module")
def served(site):  # noqa: F811
    import functools
    import http.server
    import threading

    from tests.test_archive_browser import _Quiet

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


SMALLEST_ON_SCREEN = """() => Array.from(document.querySelectorAll('svg.casebook-diagram')).map(svg => {
  const scale = svg.getScreenCTM().a;
  const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  return [svg.getAttribute('class'), Math.min(...sizes)];
})"""


@pytest.mark.slow
@pytest.mark.browser
def test_diagram_text_is_at_least_10_px_on_a_390_px_phone_and_the_page_stays_narrow(browser, served):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    seen, small, wide = 0, [], {}
    for slug in EXAMPLE_SLUGS:
        for chapter in ("bab-3-konteks-institusi", "bab-4-penanganan-kasus"):
            page.goto(f"{served}kasus/{slug}/{chapter}/")
            for css_class, smallest in page.evaluate(SMALLEST_ON_SCREEN):
                seen += 1
                if smallest < MIN_PHONE_PX - 0.05:
                    small.append((slug, css_class, round(smallest, 1)))
            width = page.evaluate("document.scrollingElement.scrollWidth")
            if width > 391:  # a wide diagram scrolls inside its figure, never the page
                wide[f"{slug}/{chapter}"] = width
    context.close()
    assert seen >= 5 and not small and not wide, (seen, small, wide)
