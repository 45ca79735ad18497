"""The Panduan's reference pages quote students' reports (example values on Rujukan kasus.yml, a group's name in the
links of Makro halaman): red team s23 #18 made a title with a backtick close the example's code span, and the rest
became a live `onfocus` link on the campus's own guide page (zero-click XSS); #18b did the same through a link text.
Quoted values are now text (never Markdown), and both pages go through the report pages' sanitiser."""

from __future__ import annotations

import markdown
import pytest

from macros.privacy.sanitize import sanitize
from macros.render.macro_reference import macro_reference
from macros.render.schema_reference import schema_reference
from macros.vocabulary import DEFAULT_VOCABULARY

PAYLOADS = [
    "x` [P](#){: autofocus onfocus=alert(document.domain)}",           # red team #18
    "x` [Masuk SSO](javascript:alert(document.domain)) `",             # its click variant
    "Mina](javascript:alert(document.domain)) [x",                      # red team #18b
    "<img src=x onerror=alert(1)> {: onclick=alert(1) } **tebal** _miring_ [[ref:x]]",
]
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def _live(html: str) -> list[str]:
    """Markup the payload made live: an event handler or javascript: URL in a tag, an image, emphasis."""
    import re

    return [pattern for pattern in (r"<[^>]*\son[a-z]+\s*=", r"<a[^>]*href=\"javascript:", r"<img", r"<strong>", r"<em>")
            if re.search(pattern, html, re.I)]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_example_value_prints_as_text_on_the_schema_page(payload):
    page = schema_reference(DEFAULT_VOCABULARY, {"laporan": {"judul": payload}})
    html = markdown.markdown(page, extensions=EXTENSIONS)
    assert _live(html) == [], html
    assert "alert(" in html  # still shown, as text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_link_text_prints_as_text_on_the_macro_page(payload):
    page = macro_reference({"isi": (payload, "kasus/aa-kbl-2024/bab-1-pendahuluan.md")})
    html = markdown.markdown(page, extensions=EXTENSIONS)
    row = next(line for line in html.splitlines() if "aa-kbl-2024" in line)
    assert _live(row) == [], row


def test_the_pages_are_sanitised_as_report_pages_are():
    from macros import site_hooks

    assert {"panduan/skema.md", "panduan/makro.md"} <= site_hooks.QUOTING_REPORTS
    live = '<p><a autofocus href="#" onfocus="alert(1)">P</a> <a href="javascript:alert(1)">x</a></p>'
    assert _live(sanitize(live)) == []


@pytest.mark.slow
def test_no_students_text_reaches_the_panduan(tmp_path):
    """Red team s23 #16 and #18 as given: a report whose folder sorts first planted its title (a script) on Rujukan
    kasus.yml, and a note on a privasi.izinkan entry that the gate then matched against another student's client
    initials, leaving that student's report out. The Panduan now quotes no report; both reports are published."""
    import os
    import subprocess
    import sys

    from tests.test_archive_isolation import _published, _report
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    victim = _report(project, "korban-contoh-2024")
    (victim / "rahasia.yml").write_text("klien:\n  nama: Zulkarnain Markerwati\n", encoding="utf-8")
    attacker = _report(project, "aa-rt-2024")
    case = attacker / "kasus.yml"
    text = case.read_text(encoding="utf-8").replace(
        "  judul: Penguatan Kapasitas Klien TS", '  judul: "x` [P](#){: autofocus onfocus=alert(document.domain)}"', 1)
    case.write_text(text + 'privasi:\n  izinkan:\n    - teks: "(021) 8900000"\n      alasan: Nomor resmi lembaga ZM\n',
                    encoding="utf-8")
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(tmp_path / "muat"), CASEBOOK_PDF="0")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert {"korban-contoh-2024", "aa-rt-2024"} <= _published(project), result.stderr[-3000:]
    for page in ("skema", "makro"):
        html = (project / "site" / "panduan" / page / "index.html").read_text(encoding="utf-8")
        assert "onfocus" not in html and "alert(document.domain)" not in html and "lembaga ZM" not in html
