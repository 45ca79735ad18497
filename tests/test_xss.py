"""Hostile markup in everything a student controls: nothing runs in a real browser, nothing covers the page.

The corpus (tests/fixtures/xss/vectors.txt, 250+ vectors: OWASP filter evasion, html5sec,
SVG/MathML, javascript:/data: URLs, mutation XSS, entity tricks, attribute soup, the SVG
animate/set href bypass, Markdown link tricks, fake overlays) is spread over several reports:
their chapter pages (raw HTML, headings, front-matter titles), prose and plain fields of
kasus.yml, lists, table cells, captions and alt texts, diagram labels and the catalogue card.
The built site is opened in Chromium; on every page every link and every SVG element is
clicked, hovered and focused, details opened, animations given time to run. No dialog may
open, no marker global may be set, and no element of the content may be positioned.

tests/test_sanitize.py holds the same corpus against the sanitiser alone (fast).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import time

import pytest
import yaml

from macros.errors import CONTROL_CHARACTERS
from macros.yaml_source import parse_yaml
from tests.helpers import FIXTURE, run_cli
from tests.test_browser import browser, page  # noqa: F401 — fixtures: the real browser
from tests.test_pdf import build, pdf_of
from tests.test_site_build import _project_copy
from tests.xss_corpus import live_markup, load_vectors

pytestmark = pytest.mark.slow

VECTORS = load_vectors()
# Shown as text in kasus.yml fields (the first checks below): the classic payloads.
TEXT_PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "javascript:alert(5)",
                 "&lt;script&gt;alert(13)&lt;/script&gt;", "{{ 7 * 7 }}", "{% for x in range(3) %}ulang{% endfor %}",
                 "{{ config }}"]
# Chapter pages a student writes here; BAB IV and the appendix keep the template (they print kasus.yml data).
OWN_PAGES = ["bab-1-pendahuluan.md", "bab-2-landasan-konseptual.md", "bab-3-konteks-institusi.md",
             "bab-5-praktik-baik.md", "bab-6-simpulan.md"]
# Refused by the page check itself (a link out of the report folder is a located error, macros/page_check.py):
# such a vector would leave its report out of the build, so it sits in kasus.yml's prose only.
PAGE_CHECK_REFUSED = [v for v in VECTORS if re.search(r"""(?:href|src)\s*=\s*["']/(?![/\\])""", v, re.I)]
REPORTS = 4
SLUGS = [f"xs-serangan-{chr(ord('a') + n)}-2024" for n in range(REPORTS)]


def hostile_case(vectors: list[str]) -> str:
    """The valid fixture with a vector in every kind of field (cycling through `vectors`).

    Vectors holding a control character (NUL, form feed, ... of the filter-evasion lists) are refused at their
    field by check (tests/test_control_characters.py), so they are tried on the chapter pages only."""
    vectors = [v for v in vectors if not CONTROL_CHARACTERS.search(v)]
    data = parse_yaml((FIXTURE / "kasus.yml").read_text(encoding="utf-8")).data
    pool = iter(vectors * 3)
    p = lambda: next(pool)  # noqa: E731
    data["laporan"]["judul"] = p()
    data["laporan"]["ringkasan"] = p()
    data["laporan"]["kata_kunci"] = [p(), p()]
    data["praktikan"]["nama"] = p()
    data["institusi"]["nama"] = p()
    data["tahapan"][0]["proses"] = "\n\n".join(vectors + TEXT_PAYLOADS)  # a prose field (Markdown) holding all of them
    # Lists of plain texts holding all of them, spread over the stages' results and the client's needs (a list holds
    # at most 30 items: kasus.yml's count bounds, tests/test_schema_bounds.py).
    plain = list(vectors) + TEXT_PAYLOADS
    data["tahapan"][0]["hasil"], data["tahapan"][1]["hasil"], data["asesmen"]["kebutuhan"] = _chunks(plain, 3)
    data["wawancara"][0]["kegiatan"], data["wawancara"][0]["hasil"] = p(), p()
    data["asesmen"]["proses"] = p()
    data["asesmen"]["gejala_masalah"] = [p(), p()]
    data["asesmen"]["fokus_masalah"] = p()
    data["asesmen"]["ecomap"]["sistem"] = [{"id": "a", "nama": p(), "hubungan": "kuat"},
                                          {"id": "b", "nama": p(), "hubungan": "stres", "keterangan": p()}]
    data["asesmen"]["kekuatan"] = [{"uraian": p(), "ranah": "personal", "sifat": "kelebihan"},
                                   {"uraian": p(), "ranah": "lingkungan", "sifat": "kekurangan"}]
    data["asesmen"]["genogram"] = {"anggota": [{"id": "ibu", "label": p(), "jenis_kelamin": "perempuan"},
                                               {"id": "ts", "label": p(), "jenis_kelamin": "perempuan", "indeks": True,
                                                "ibu": "ibu", "usia": 40}]}
    activity = data["rencana_intervensi"]["kegiatan"][0]
    activity["nama"], activity["indikator"] = p(), [p()]
    data["intervensi"]["sesi"][0]["judul"], data["intervensi"]["sesi"][0]["proses"] = p(), p()
    data["intervensi"]["sesi"][1]["judul"] = p()
    data["evaluasi"]["hasil"][0]["sebelum"] = p()
    data["evaluasi"]["tas"]["tugas"][0]["uraian"] = p()
    data["evaluasi"]["gas"][0]["tujuan"] = p()
    data["terminasi"]["proses"] = p()
    data["lampiran"]["dokumentasi"][0]["keterangan"] = p()  # caption and alt text of a photo
    data["lampiran"]["daftar_hadir"]["baris"][0]["nama"] = p()
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def chapter_page(vectors: list[str]) -> str:
    """A chapter page a student wrote: a hostile front-matter title, heading and body."""
    title, heading, *body = vectors
    front = yaml.safe_dump({"title": title}, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n# {heading}\n\n" + "\n\n".join(body) + "\n"


def _chunks(items: list[str], count: int) -> list[list[str]]:
    return [items[i::count] for i in range(count)]


def write_hostile_reports(project) -> None:
    for slug, vectors in zip(SLUGS, _chunks(VECTORS, REPORTS)):
        folder = project / "cases" / slug
        shutil.copytree(FIXTURE, folder)
        (folder / "kasus.yml").write_text(hostile_case(vectors), encoding="utf-8")
        on_pages = [v for v in vectors if v not in PAGE_CHECK_REFUSED]
        for name, page_vectors in zip(OWN_PAGES, _chunks(on_pages, len(OWN_PAGES))):
            (folder / name).write_text(chapter_page(page_vectors), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("xss")
    project = _project_copy(base)
    write_hostile_reports(project)
    started = time.perf_counter()
    result = build(project, base / "site", base / "cache")
    print(f"\nbuild of {REPORTS} hostile reports: {time.perf_counter() - started:.1f} s")
    assert result.returncode == 0, result.stderr
    site = base / "site"
    for slug in SLUGS:  # every hostile report was built, none left out by a check
        assert (site / "kasus" / slug / "bab-1-pendahuluan" / "index.html").is_file(), result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_the_hostile_reports_are_valid_data(tmp_path):
    assert len(VECTORS) >= 150
    project = tmp_path
    (project / "cases").mkdir()
    write_hostile_reports(project)
    code, out = run_cli(["check", *(str(project / "cases" / slug) for slug in SLUGS)])
    assert code == 0, out  # hostile text is still just text: the data is valid


def _pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


# Runs in the page: every link and SVG element hovered, focused and clicked; details opened.
_TOUCH_EVERYTHING = """() => {
  // The catalogue's filter form (Casebook's own script) would navigate away: submitting is stopped.
  document.addEventListener('submit', e => e.preventDefault(), true);
  const elements = [...document.querySelectorAll('a, area, button, summary, details, label, input, [tabindex], svg, svg *')];
  for (const el of elements) {
    try {
      if (el.tagName.toLowerCase() === 'details') { el.open = true; continue; }
      for (const type of ['mouseover', 'mouseenter', 'mousedown', 'mouseup']) {
        el.dispatchEvent(new MouseEvent(type, {bubbles: true}));
      }
      if (el.focus) el.focus();
      if (typeof el.click === 'function') el.click();
      else el.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
    } catch (e) {}
  }
  return elements.length;
}"""
_MARKERS = """() => [typeof window.__xss, typeof window.__xss === 'number' ? window.__xss : null]"""
# Elements of the page's content laid out outside the flow (over the page): none may come from a student.
_POSITIONED = """() => [...document.querySelectorAll('article *')]
  .filter(e => ['fixed', 'absolute', 'sticky'].includes(getComputedStyle(e).position))
  .filter(e => !e.closest('.md-typeset .headerlink, .md-clipboard, .md-tooltip, .md-annotation, .md-code__nav'))
  .map(e => e.outerHTML.slice(0, 120))"""


def test_no_vector_runs_in_chromium_on_any_page(hostile_site, page):  # noqa: F811
    site, server = hostile_site
    dialogs, markers, positioned, touched = [], [], [], 0
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.type} {d.message}"), d.dismiss()))
    loaded = {"done": False}

    def route(request_route):
        # Once a page has loaded, navigations (a clicked link) are stopped: the page under test stays.
        if loaded["done"] and request_route.request.resource_type == "document" and request_route.request.is_navigation_request():
            request_route.abort()
        else:
            request_route.continue_()

    page.route("**/*", route)
    navigations = []
    page.on("framenavigated", lambda frame: loaded["done"] and navigations.append(frame.url))
    started = time.perf_counter()
    pages = _pages(site)
    for path in pages:
        loaded["done"] = False
        page.goto(server + path)
        page.wait_for_load_state("load")
        loaded["done"] = True
        page.wait_for_timeout(150)  # SVG animations (begin=0) and autofocus handlers get their chance
        for _ in range(2):  # twice: an href an animation may have set is clicked the second time
            try:
                touched += page.evaluate(_TOUCH_EVERYTHING)
            except Exception as exc:  # noqa: BLE001
                if "Execution context was destroyed" not in str(exc):
                    raise
                # The catalogue's own script changed the URL (filters): the page is loaded again and touched again.
                page.wait_for_load_state("load")
            page.wait_for_timeout(100)
        page.wait_for_timeout(50)
        for frame in page.frames:
            try:
                kind, value = frame.evaluate(_MARKERS)
            except Exception:  # noqa: BLE001 — a frame that went away
                continue
            if kind == "number":
                markers.append(f"{path}: window.__xss = {value}")
        if path.startswith("kasus/"):
            positioned += [f"{path}: {html}" for html in page.evaluate(_POSITIONED)]
    print(f"\n{len(pages)} pages, {touched} elements touched, {time.perf_counter() - started:.1f} s in Chromium")
    assert dialogs == [] and markers == [] and positioned == []
    assert len(pages) >= REPORTS * 10 and touched > 1000


def test_payloads_show_as_text_and_jinja_in_data_is_not_run(hostile_site, page):  # noqa: F811
    site, server = hostile_site
    page.goto(server + f"kasus/{SLUGS[0]}/bab-4-penanganan-kasus/")
    text = page.locator("article").inner_text()
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "{{ 7 * 7 }}", "{{ config }}",
                    "{% for x in range(3) %}ulang{% endfor %}", "javascript:alert(5)"):
        assert payload in text
    assert "ulangulangulang" not in text and "\n49\n" not in text


def test_no_live_markup_in_any_published_page(hostile_site):
    """The same, read statically from every HTML file's content: no handler attribute, no script URL in any tag
    (escaped text such as `&lt;img onerror=...&gt;` is harmless and stays readable)."""
    site, _ = hostile_site
    found = []
    for path in _pages(site):
        document = (site / path).read_text(encoding="utf-8")
        article = document[document.index("<article"):document.index("</article>")] if "<article" in document else document
        found += [f"{path}: {problem}" for problem in live_markup(article)]
    assert found == []


def test_front_matter_titles_are_text_in_the_page_header(hostile_site, page):  # noqa: F811
    site, server = hostile_site
    page.goto(server + f"kasus/{SLUGS[0]}/bab-1-pendahuluan/")
    html = (site / "kasus" / SLUGS[0] / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    head = html[:html.index("<article")]
    assert not re.search(r"<[a-zA-Z][^<>]*\s(on[a-z]+)\s*=", head)
    assert page.title()  # a title is shown, as text


def test_the_pdfs_of_the_hostile_reports_are_built(hostile_site):
    site, _ = hostile_site
    for slug in SLUGS:
        assert pdf_of(site, slug).read_bytes().startswith(b"%PDF-")


def test_search_results_of_the_vectors_stay_text(hostile_site, page):  # noqa: F811
    """The search index holds the pages' text, vectors included: results are rendered as text."""
    from tests.test_browser import _search

    site, server = hostile_site
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    found = 0
    for query in ("alert", "onerror", "javascript", "script", "svg onload"):
        found += len(_search(page, server, query))
        more = page.locator(".casebook-cari-lagi")
        if more.count():
            more.first.click()
            page.wait_for_timeout(300)
        page.wait_for_timeout(200)  # rendered results: an <img onerror> among them would have fired by now
        assert page.evaluate(_MARKERS)[0] != "number"
    assert dialogs == [] and found > 0
