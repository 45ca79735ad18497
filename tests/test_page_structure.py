"""How deep a page nests is bounded where the page is checked and built (macros/page_structure.py): red team s23 #6
(a list nested 260 levels, 500 nested `<div markdown>`: RecursionError in Python-Markdown) and #8 (400 nested
`<span>`: RecursionError in WeasyPrint) passed check and ended the whole campus build. Each is now a located check
error, and the build leaves out that report only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.page_structure import MAX_HTML_DEPTH, MAX_INDENT, MAX_QUOTE_DEPTH, structure_findings
from tests.helpers import FIXTURE, ROOT, run_cli

SLUG = "susun-contoh-2024"
PAGE = "bab-1-pendahuluan.md"
HEAD = "# BAB I Pendahuluan\n\n"

# name -> (page after HEAD, line of the message in the page, its words)
DEEP = {
    "list of 260 levels (red team #6)": ("".join("  " * i + "- butir\n" for i in range(260)), 3 + MAX_INDENT // 2 + 1,
                                         "menjorok terlalu dalam"),
    "tab-indented outline": ("".join("\t" * i + "- butir\n" for i in range(40)), 3 + MAX_INDENT // 4 + 1,
                             "menjorok terlalu dalam"),
    "500 nested div markdown (red team #6)": ("<div markdown>\n" * 500 + "x\n" + "</div>\n" * 500, 3 + MAX_HTML_DEPTH,
                                              "elemen HTML bertingkat"),
    "400 nested span on one line (red team #8)": ("Teks " + "<span>" * 400 + "dalam" + "</span>" * 400 + " selesai.\n", 3,
                                                  "elemen HTML bertingkat"),
    "nested blockquote": ("> " * 60 + "kutipan\n", 3, "kutipan `>` bertingkat"),
    "div opened in a loop": ("{% for b in " + str(list(range(60))) + " %}<div>\n{% endfor %}x\n", 3,
                             "elemen HTML bertingkat"),
}


def test_the_bounds_leave_room_for_real_pages():
    """Every example report's and template's page, as written, is within every bound."""
    pages = [*(ROOT / "docs" / "templat").rglob("*.md"), *(ROOT / "cases").rglob("*.md")]
    assert len(pages) >= 20
    for page in pages:
        assert [f for f in structure_findings(page.read_text(encoding="utf-8")) if f.error] == [], page


@pytest.mark.parametrize("depth", [MAX_INDENT // 4, MAX_HTML_DEPTH // 2])
def test_ordinary_nesting_is_kept(depth):
    outline = "".join("    " * i + "- butir\n" for i in range(depth // 2))
    html = "<div>" * (depth // 2) + "x" + "</div>" * (depth // 2)
    unclosed_cells = "<table>" + "<tr><td>a<td>b" * 200 + "</table>"  # optional end tags close themselves
    assert structure_findings(outline + html + "\n" + unclosed_cells + "\n" + "> > kutipan\n") == []
    assert not structure_findings("```\n" + "".join(" " * i + "x\n" for i in range(0, 200, 5)) + "```\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE, tmp_path / "cases" / SLUG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", sorted(DEEP))
def test_check_refuses_deep_nesting_at_its_line(project, name):
    body, line, words = DEEP[name]
    (project / "cases" / SLUG / PAGE).write_text(HEAD + body, encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1, output[-2000:]
    found = [row for row in output.splitlines() if row.startswith(f"cases/{SLUG}/{PAGE}:") and words in row]
    assert len(found) == 1 and found[0].startswith(f"cases/{SLUG}/{PAGE}:{line}:"), (found, output[-2000:])
    assert "Traceback" not in output


def test_a_clamped_table_is_a_warning_at_its_line(project):
    (project / "cases" / SLUG / PAGE).write_text(HEAD + "Teks.\n\n<table><tr><td colspan=\"10000000\">x</td></tr></table>\n",
                                                 encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 0, output[-2000:]
    assert (f"cases/{SLUG}/{PAGE}:5:16: peringatan: `colspan=\"10000000\"` dibatasi menjadi `100` (batas 100)"
            in output), output[-2000:]


@pytest.mark.slow
def test_the_build_leaves_out_only_the_reports_that_nest_too_deep(tmp_path):
    """With PDFs: the red team's list and spans reach neither Markdown nor WeasyPrint; the other report is published
    with its PDF."""
    import os
    import subprocess
    import sys

    from tests.test_archive_isolation import _published, _report
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    _report(project, "aman-contoh-2024")
    for slug, name in (("daftar-contoh-2024", "list of 260 levels (red team #6)"),
                       ("rentang-contoh-2024", "400 nested span on one line (red team #8)")):
        (_report(project, slug) / PAGE).write_text(HEAD + DEEP[name][0], encoding="utf-8")
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(tmp_path / "muat"), CASEBOOK_PDF="1")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert _published(project) == {"aman-contoh-2024"}
    assert (project / "site" / "kasus" / "aman-contoh-2024" / "aman-contoh-2024.pdf").is_file()
    assert f"cases/daftar-contoh-2024/{PAGE}:{DEEP['list of 260 levels (red team #6)'][1]}:" in result.stderr
    assert f"cases/rentang-contoh-2024/{PAGE}:3:" in result.stderr
