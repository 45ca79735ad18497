"""Hostile text in every kind of field: it shows as text, and nothing runs in a real browser.

Thirty payloads (script tags, event handlers, javascript: links, SVG with script, Markdown
link and image tricks, HTML entities, Jinja syntax) are spread over plain-text fields,
prose fields, lists, table cells, captions, diagram labels, the catalogue card and a
chapter page the student wrote. The built pages are opened in Chromium, which listens for
dialogs, page errors and console errors.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading

import pytest
import yaml

from macros.yaml_source import parse_yaml
from tests.helpers import FIXTURE, run_cli
from tests.test_browser import browser, page  # noqa: F401 — fixtures: the real browser
from tests.test_pdf import build, pdf_of
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    "javascript:alert(5)",
    "[klik di sini](javascript:alert(6))",
    "![gambar](javascript:alert(7))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(9)">tautan</a>',
    '<iframe src="javascript:alert(10)"></iframe>',
    '"><script>alert(11)</script>',
    "'><img src=x onerror=alert(12)>",
    "&lt;script&gt;alert(13)&lt;/script&gt;",
    "&#60;script&#62;alert(14)&#60;/script&#62;",
    "{{ 7 * 7 }}",
    "{% for x in range(3) %}ulang{% endfor %}",
    "{{ config }}",
    "<body onload=alert(18)>",
    "<details open ontoggle=alert(19)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(20)>",
    '<object data="javascript:alert(21)"></object>',
    "<input autofocus onfocus=alert(22)>",
    "<video><source onerror=alert(23)></video>",
    "<style>@import 'javascript:alert(24)';</style>",
    "`<x onclick=alert(25)>`",
    "<<script>script>alert(26)<</script>/script>",
    "[spasi](  javascript:alert(27) )",
    '<a href="&#106;avascript:alert(28)">entitas</a>',
    "<a href='java\tscript:alert(29)'>tab</a>",
    "*<img src=x onerror=alert(30)>*",
]
SLUG = "xs-serangan-2024"


def hostile_case() -> str:
    data = parse_yaml((FIXTURE / "kasus.yml").read_text(encoding="utf-8")).data
    p = PAYLOADS
    data["laporan"]["judul"] = p[0]
    data["laporan"]["ringkasan"] = p[1]
    data["laporan"]["kata_kunci"] = [p[2], p[3]]
    data["praktikan"]["nama"] = p[4]
    data["institusi"]["nama"] = p[5]
    data["tahapan"][0]["proses"] = "\n\n".join(p)          # a prose field holding every payload
    data["tahapan"][0]["hasil"] = list(p)                    # a list of plain texts holding every payload
    data["wawancara"][0]["kegiatan"], data["wawancara"][0]["hasil"] = p[6], p[7]
    data["asesmen"]["proses"] = p[8]
    data["asesmen"]["gejala_masalah"] = [p[9], p[10]]
    data["asesmen"]["fokus_masalah"] = p[11]
    data["asesmen"]["ecomap"]["sistem"] = [{"id": "a", "nama": p[12], "hubungan": "kuat"},
                                          {"id": "b", "nama": p[13], "hubungan": "stres", "keterangan": p[14]}]
    data["asesmen"]["kekuatan"] = [{"uraian": p[15], "ranah": "personal", "sifat": "kelebihan"},
                                   {"uraian": p[16], "ranah": "lingkungan", "sifat": "kekurangan"}]
    data["asesmen"]["genogram"] = {"anggota": [{"id": "ibu", "label": p[17], "jenis_kelamin": "perempuan"},
                                               {"id": "ts", "label": p[18], "jenis_kelamin": "perempuan", "indeks": True,
                                                "ibu": "ibu", "usia": 40}]}
    activity = data["rencana_intervensi"]["kegiatan"][0]
    activity["nama"], activity["indikator"] = p[19], [p[20]]
    data["intervensi"]["sesi"][0]["judul"], data["intervensi"]["sesi"][0]["proses"] = p[21], p[22]
    data["intervensi"]["sesi"][1]["judul"] = p[29]
    data["evaluasi"]["hasil"][0]["sebelum"] = p[23]
    data["evaluasi"]["tas"]["tugas"][0]["uraian"] = p[24]
    data["evaluasi"]["gas"][0]["tujuan"] = p[28]
    data["terminasi"]["proses"] = p[25]
    data["lampiran"]["dokumentasi"][0]["keterangan"] = p[26]
    data["lampiran"]["daftar_hadir"]["baris"][0]["nama"] = p[27]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("xss")
    project = _project_copy(base)
    folder = project / "cases" / SLUG
    shutil.copytree(FIXTURE, folder)
    (folder / "kasus.yml").write_text(hostile_case(), encoding="utf-8")
    # A chapter page the student wrote, with raw HTML and Markdown tricks of its own.
    (folder / "bab-1-pendahuluan.md").write_text(
        "# BAB I Pendahuluan\n\n" + "\n\n".join(PAYLOADS) + "\n\n<div onclick=alert(99)>klik</div>\n", encoding="utf-8")
    result = build(project, base / "site", base / "cache")
    assert result.returncode == 0, result.stderr
    site = base / "site"
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_the_corpus_is_big_enough_and_every_payload_is_valid_data(tmp_path):
    assert len(PAYLOADS) >= 25
    folder = tmp_path / SLUG
    shutil.copytree(FIXTURE, folder)
    (folder / "kasus.yml").write_text(hostile_case(), encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    assert code == 0, out  # hostile text is still just text: the data is valid


def _pages(site) -> list[str]:
    return ["index.html"] + sorted(p.relative_to(site).as_posix() for p in (site / "kasus" / SLUG).rglob("index.html"))


def test_no_payload_runs_in_chromium_on_any_page(hostile_site, page):  # noqa: F811
    site, server = hostile_site
    dialogs, script_urls = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in _pages(site):
        page.goto(server + path)
        page.wait_for_load_state("load")
        page.mouse.click(5, 5)
        # Opening every <details> fires ontoggle, focusing fires onfocus: handlers that survived would run now.
        page.evaluate("() => { document.querySelectorAll('details').forEach(d => d.open = true);"
                      " document.querySelectorAll('input,a,[tabindex]').forEach(e => e.focus && e.focus()); }")
        page.wait_for_timeout(50)
        script_urls += page.evaluate("() => [...document.querySelectorAll('[href],[src]')]"
                                     ".map(e => e.getAttribute('href') || e.getAttribute('src'))"
                                     ".filter(u => /^\\s*(javascript|vbscript|data:text)/i.test(u))")
    # A defused `<img src=x onerror=...>` the student typed still asks for "x": a 404, not a script.
    errors = [p for p in page.problems if not p.startswith("console: Failed to load resource")]
    assert dialogs == [] and errors == [] and script_urls == []


def test_payloads_show_as_text_and_jinja_in_data_is_not_run(hostile_site, page):  # noqa: F811
    site, server = hostile_site
    page.goto(server + f"kasus/{SLUG}/bab-4-penanganan-kasus/")
    text = page.locator("article").inner_text()
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "{{ 7 * 7 }}", "{{ config }}",
                    "{% for x in range(3) %}ulang{% endfor %}", "javascript:alert(5)"):
        assert payload in text
    assert "ulangulangulang" not in text and "\n49\n" not in text
    html = (site / "kasus" / SLUG / "bab-4-penanganan-kasus" / "index.html").read_text(encoding="utf-8")
    # Real tags only: the escaped text `&lt;a href="javascript:..."&gt;` is harmless and must stay readable.
    assert not re.search(r"<script>alert|<[a-z]+\s[^<>]*\bon[a-z]+=|<a\s[^<>]*href=\"\s*javascript:", html)


def test_raw_html_in_a_students_own_page_is_defused(hostile_site):
    site, _ = hostile_site
    html = (site / "kasus" / SLUG / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<article'):html.index('</article>')]
    assert "<script>alert" not in article and "<iframe" not in article and "onclick=" not in article
    assert not re.search(r"""href=["']\s*(?:javascript|&#106;)""", article)


def test_the_pdf_of_the_hostile_report_is_built(hostile_site):
    site, _ = hostile_site
    assert pdf_of(site, SLUG).read_bytes().startswith(b"%PDF-")
