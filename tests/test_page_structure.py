"""How deep a page nests is bounded where the page is checked and built (macros/page_structure.py): red team s23 #6
(a list nested 260 levels, 500 nested `<div markdown>`: RecursionError in Python-Markdown) and #8 (400 nested
`<span>`: RecursionError in WeasyPrint) passed check and ended the whole campus build. Each is now a located check
error, and the build leaves out that report only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.page_structure import (_FENCE, _NOT_COUNTED, _QUOTES, MAX_HTML_DEPTH, MAX_INDENT, MAX_QUOTE_DEPTH,
                                   Finding, structure_findings)
from tests.helpers import ROOT, new_project, run_cli

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
    monkeypatch.chdir(tmp_path)
    return new_project(tmp_path, SLUG)


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


# The per-line loop as it was before lines that cannot matter were skipped by one regex over the page: the reference
# the faster scan must agree with, finding for finding.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")


def _indent_reference(line: str) -> int:
    width = 0
    for character in line:
        if character == " ":
            width += 1
        elif character == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _reference_findings(markdown: str) -> list[Finding]:
    """The first place each bound is passed (one message per kind), and every clamped layout number."""
    from macros.privacy.sanitize import LAYOUT_NUMBERS, _layout_number

    findings: list[Finding] = []
    reported: set[str] = set()
    stack: list[str] = []
    fenced = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue  # a code block prints its text as written: nothing nests
        if "indent" not in reported and _indent_reference(line) > MAX_INDENT and line.strip():
            reported.add("indent")
            findings.append(Finding(number, line.strip()[:20], f"baris ini menjorok terlalu dalam (lebih dari {MAX_INDENT} "
                                    "spasi): daftar bertingkat sedalam ini tidak dapat dibuat PDF-nya",
                                    "rapikan daftar menjadi paling banyak beberapa tingkat (dua atau empat spasi per "
                                    "tingkat); teks yang disalin dari Word sering membawa jorokan berlebih"))
        quotes = _QUOTES.match(line)
        if "quote" not in reported and quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
            reported.add("quote")
            findings.append(Finding(number, ">", f"kutipan `>` bertingkat lebih dari {MAX_QUOTE_DEPTH} lapis",
                                    "kutipan cukup satu atau dua tingkat `>`"))
        for match in _TAG.finditer(line):
            closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
            for attribute, value in re.findall(r"\b(colspan|rowspan|span|width|height|start|value)\s*=\s*[\"']?([^\"'\s>]*)",
                                               attributes, flags=re.I):
                attribute = attribute.lower()
                kept = _layout_number(attribute, value, name) if attribute in LAYOUT_NUMBERS else value
                if kept is not None and kept != value and not closing:
                    findings.append(Finding(number, f"{attribute}=", f"`{attribute}=\"{value[:20]}\"` dibatasi menjadi "
                                            f"`{kept}` (batas {LAYOUT_NUMBERS[attribute][1]})",
                                            "tabel dan gambar laporan tidak memerlukan angka sebesar itu", error=False))
            if name in _NOT_COUNTED or attributes.rstrip().endswith("/"):
                continue
            if not closing:
                stack.append(name)
                if len(stack) > MAX_HTML_DEPTH and "html" not in reported:
                    reported.add("html")
                    findings.append(Finding(number, f"<{match.group(2)}",
                                            f"elemen HTML bertingkat lebih dari {MAX_HTML_DEPTH} lapis (`<{name}>` di dalam "
                                            f"`<{stack[-2]}>` di dalam ...): PDF-nya tidak dapat dibuat",
                                            "tutup setiap elemen (`</div>`, `</span>`) sebelum membuka yang berikutnya; "
                                            "halaman laporan jarang memerlukan lebih dari beberapa lapis"))
            elif name in stack:  # an end tag closes what is open inside it too
                del stack[len(stack) - 1 - stack[::-1].index(name):]
    return findings


def _fuzz_pages(count: int):
    import random

    rng = random.Random(20)
    pieces = ["```", "~~~", "  ```python", "\u00a0```", "\t" * 11 + "x", " " * 41 + "- x", " " * 45, "\t\t\t\t\t\t\t\t\t\t x",
              "> " * 12 + "q", "   >>>>>>>>>>>q", "    > > q", "<div>", "</div>", "<span>" * 30, "</span>" * 5,
              '<td colspan="10000000">', "<img width=99999999 />", "<p>", "teks biasa", "", "a < b", "<a\nhref>",
              "x\ry", "x\r\ny", "x\x0cy", "x\u2028<div>", "x\x85y", "<br/>", "<DIV markdown>" * 3, "<table>",
              '<div title="x>', "<a href='y>", '<td title="a>b" colspan=200>', "<col span='0'>", "<ol start=-99999>",
              "</td colspan=900>", '<img height="120%">', "<svg width=99999>", "<x-y-z>", "<a-b>", "<div/>", "<P>"]
    for _ in range(count):
        yield "\n".join(rng.choice(pieces) * rng.randint(1, 3) for _ in range(rng.randint(1, 80))) + rng.choice(["", "\n"])


def test_skipping_lines_finds_exactly_what_the_per_line_loop_found(tmp_path):
    """The examples' and templates' pages, synthetic report pages, every DEEP page and fuzzed pages mixing fences,
    deep indents, quotations, tags, clamped numbers and every line end str.splitlines knows: identical findings."""
    from macros.synth.generate import generate

    pages = [p.read_text(encoding="utf-8") for p in [*(ROOT / "docs" / "templat").rglob("*.md"),
                                                       *(ROOT / "cases").rglob("*.md")]]
    pages += [HEAD + page for page, _, _ in DEEP.values()]
    pages += list(_fuzz_pages(400))
    generate(tmp_path, 6, 11)
    synthetic = [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.md")]
    assert synthetic
    pages += synthetic
    with_findings = 0
    for page in pages:
        expected = _reference_findings(page)
        assert structure_findings(page) == expected, page[:200]
        with_findings += bool(expected)
    assert with_findings > 50  # the comparison covers pages that do have findings, not only clean ones
