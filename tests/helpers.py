"""Shared helpers: run the real CLI, make report folders from the valid fixture."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from macros.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "valid_case"
EXAMPLES = ["ln-hikari-2024", "ajs-kartini-2024"]  # the institutional examples ported from the seeds
COMMUNITY_EXAMPLE = "kbl-cikadu-2024"  # the community practicum example (invented facts)
LABORATORY_EXAMPLE = "lab-mekarsantun-2024"  # the laboratory practicum example: a group of five (invented facts)
ALL_EXAMPLES = [*EXAMPLES, COMMUNITY_EXAMPLE, LABORATORY_EXAMPLE]


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run `casebook ARGV` in-process; return exit code and everything printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
    return code, out.getvalue()


def write_case_variant(tmp_path: Path, old: str | None, new: str, name: str = "laporan-uji") -> Path:
    """A copy of the valid fixture with `old` replaced by `new` (or the whole file when old is None)."""
    folder = tmp_path / name
    shutil.copytree(FIXTURE, folder)
    text = (FIXTURE / "kasus.yml").read_text(encoding="utf-8")
    if old is not None:
        assert text.count(old) == 1, f"the edit must match exactly once: {old!r}"
    (folder / "kasus.yml").write_text(new if old is None else text.replace(old, new), encoding="utf-8")
    return folder


def edited_copy(source: Path, folder: Path, *edits: tuple[str, str]) -> Path:
    """A copy of the report folder `source` at `folder`, its kasus.yml with each `old` replaced once by `new`."""
    shutil.copytree(source, folder)
    text = (source / "kasus.yml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"the edit must match exactly once: {old[:60]!r}"
        text = text.replace(old, new)
    (folder / "kasus.yml").write_text(text, encoding="utf-8")
    return folder


def kasus_line(folder: Path, needle: str) -> int:
    """The 1-based line of the first line of `folder`/kasus.yml containing `needle`."""
    lines = (folder / "kasus.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def new_project(folder: Path, report: str | None = None) -> Path:
    """A project at `folder`: mkdocs.yml, the chapter templates and cases/, holding a copy of the valid fixture
    report as cases/`report` when one is named. Returns `folder`."""
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "templat", folder / "docs" / "templat")
    (folder / "cases").mkdir(exist_ok=True)
    if report:
        shutil.copytree(FIXTURE, folder / "cases" / report)
    return folder


def export_word(project: Path, slug: str, target: Path, monkeypatch, *options: str):
    """`casebook export <slug> --docx` run from `project` (as a student would, in its folder); returns the
    written file opened with python-docx. Fails the test with the CLI's output when the export fails."""
    from docx import Document

    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    code, out = run_cli(["export", slug, "--docx", "--output", str(target), *options])
    assert code == 0, out
    return Document(str(target))


def xlsx_rows_as_text(path) -> list[tuple]:
    """The catalogue XLSX's rows as the CSV writes them, after checking that its number and date columns hold real
    numbers and dates (a pivot table averages them; trial s24): ints as written, one-decimal floats with a comma,
    dates as YYYY-MM-DD."""
    import datetime as dt

    from openpyxl import load_workbook

    from macros.archive.export import DATE_COLUMNS, NUMBER_COLUMNS

    rows = [tuple("" if v is None else v for v in row) for row in load_workbook(path).active.iter_rows(values_only=True)]
    header, text = rows[0], [rows[0]]
    for row in rows[1:]:
        cells = []
        for name, value in zip(header, row):
            if name in NUMBER_COLUMNS and value != "":
                assert isinstance(value, (int, float)), (name, value)
                # A whole T score (50.0) is stored as a number like any other and reads back as an int.
                value = str(value) if NUMBER_COLUMNS[name] is int else f"{float(value):.1f}".replace(".", ",")
            elif name in DATE_COLUMNS and value != "":
                assert isinstance(value, dt.datetime | dt.date), (name, value)
                value = value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
            cells.append(value)
        text.append(tuple(cells))
    return text
