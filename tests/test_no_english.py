"""No English a student or supervisor can see: the built site (text, tooltips, labels), the CLI's help,
its error messages and what `casebook build` prints (MkDocs' own lines included)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from tests.helpers import EXAMPLES, ROOT, run_cli
from tests.test_site_build import _project_copy

# Interface phrases of MkDocs, Material, Python-Markdown, argparse and Python itself.
ENGLISH = [
    "Made with", "Material for MkDocs", "Permanent link", "Not found", "Skip to content", "Back to top",
    "Table of contents", "Previous", "Next", "Search", "Type to start searching", "Initializing search",
    "Copy to clipboard", "Edit this page", "View source", "Last update", "No matching documents", "Download",
    "Traceback", "Error", "Warning", "usage:", "the following arguments are required", "show this help message",
    "positional arguments", "options:", "invalid choice", "unrecognized arguments", "expected one argument",
    "Building documentation", "Documentation built", "Cleaning site directory", "stale files", "Serving on",
    "Aborted with", "Reloading browsers", "Detected file changes", "seconds", "Config value",
]
_PATTERN = re.compile("|".join(rf"(?<![\w-]){re.escape(p)}(?![\w-])" for p in ENGLISH))
SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "value", "data-md-state"}


class _ShownText(HTMLParser):
    """The text a reader sees or hears: text outside script/style, and tooltip/label attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code", "pre"):  # code shows what the student typed, not the interface
            self._hidden += 1
        self.parts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "pre"):
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def english_in(text: str) -> list[str]:
    return sorted(set(_PATTERN.findall(text)))


def test_the_phrase_list_finds_english():
    assert english_in("Made with Material for MkDocs · usage: casebook") == ["Made with", "Material for MkDocs", "usage:"]
    assert english_in("Task Achievement Scale, Problem Solving, casework") == []


@pytest.mark.slow
def test_the_built_site_and_the_build_output_are_indonesian(tmp_path):
    project = _project_copy(tmp_path)
    for slug in EXAMPLES:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr
    assert english_in(result.stdout + result.stderr) == [], result.stdout + result.stderr
    found = {}
    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        parser = _ShownText()
        parser.feed(page.read_text(encoding="utf-8"))
        hits = english_in("\n".join(parser.parts))
        if hits:
            found[page.relative_to(project / "site").as_posix()] = hits
    assert found == {}


@pytest.mark.parametrize("argv", [
    ["--help"], ["build", "--help"], ["serve", "--help"], ["check", "--help"], ["export", "--help"], ["new", "--help"],
    [], ["build", "--profile", "rahasia"], ["serve", "--port", "delapan"], ["new"], ["tidak-ada"], ["check", "--tidak-ada"],
])
def test_cli_help_and_usage_errors_are_indonesian(argv):
    code, out = run_cli(argv)
    assert code in (0, 2) and out
    assert english_in(out) == [], out


@pytest.mark.slow
def test_a_bug_during_build_is_one_indonesian_line_and_a_file_not_a_traceback(tmp_path):
    """Whatever raises inside MkDocs (here a hook) reaches the student as one line; the traceback is kept."""
    project = _project_copy(tmp_path)
    (project / "rusak_hooks.py").write_text("def on_config(config):\n    raise RuntimeError('rusak')\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - macros/site_hooks.py",
                                                                 "  - macros/site_hooks.py\n  - rusak_hooks.py"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "Kesalahan di dalam Casebook (RuntimeError), bukan di laporan Anda" in result.stderr
    assert "RuntimeError: rusak" in (project / ".cache" / "casebook" / "galat-casebook.txt").read_text(encoding="utf-8")
