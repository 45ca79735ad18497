"""Windows has no `fork`: the site, its PDFs and the Word export are built under a `spawn`-only Python.

tests/spawn_only/sitecustomize.py removes `fork` and `forkserver` from multiprocessing in every
Python started with it on PYTHONPATH (the CLI, MkDocs, and the workers they spawn), as Windows
does; before Casebook chose its start method in one place (macros/processes.py) the build died
in on_config with `ValueError: cannot find context for 'fork'`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pikepdf
import pytest
from docx import Document

from tests.helpers import EXAMPLES, FIXTURE, ROOT
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

SPAWN_ONLY = ROOT / "tests" / "spawn_only"


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(SPAWN_ONLY), str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return dict(os.environ, PYTHONPATH=path, NO_MKDOCS_2_WARNING="1")


def _run(arguments: list[str], cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *arguments], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=600)


def test_the_emulation_removes_fork_as_windows_lacks_it(tmp_path):
    probe = _run(["-c", textwrap.dedent("""
        import multiprocessing
        print(multiprocessing.get_all_start_methods(), multiprocessing.get_start_method())
        try:
            multiprocessing.get_context("fork")
        except ValueError as exc:
            print(exc)
        """)], tmp_path)
    assert probe.stdout.split("\n")[:2] == ["['spawn'] spawn", "cannot find context for 'fork'"], probe.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = _project_copy(tmp_path_factory.mktemp("spawn"))
    for slug in EXAMPLES:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    return project


def test_site_and_pdfs_build_without_fork(project):
    result = _run(["-m", "macros.cli", "build"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    site = project / "site"
    assert (site / "search" / "casebook" / "manifest.json").is_file()  # written by the spawned indexer
    for slug in EXAMPLES:
        with pikepdf.open(site / "kasus" / slug / f"{slug}.pdf") as pdf:  # rendered by spawned workers
            assert len(pdf.pages) > 30


def test_word_export_without_fork(project, tmp_path):
    target = tmp_path / "ln.docx"
    result = _run(["-m", "macros.cli", "export", "ln-hikari-2024", "--docx", "--output", str(target)], project)
    assert result.returncode == 0, result.stdout + result.stderr
    document = Document(str(target))
    assert any(p.text == "BAB IV Penanganan Kasus" for p in document.paragraphs)
    assert len(document.inline_shapes) >= 8  # pandoc found the media through its resource path


def test_reports_load_on_every_core_without_fork(tmp_path):
    """The first build of an archive validates the reports in worker processes (macros/load_cache.py)."""
    for number in range(3):
        shutil.copytree(FIXTURE, tmp_path / "cases" / f"ts-contoh-{number}")
    script = textwrap.dedent("""
        import os, sys
        from pathlib import Path
        from macros import load_cache
        from macros.vocabulary import build_vocabulary
        root = Path.cwd()
        load_cache.PARALLEL_FROM = 1
        os.cpu_count = lambda: 2
        folders = sorted((root / "cases").iterdir())
        vocabulary = build_vocabulary({"teknik": {"teknik_kampus": "Teknik Kampus"}})
        keys = {folder: load_cache.folder_key(folder, vocabulary, root) for folder in folders}
        print(load_cache.fill_in_parallel(folders, keys, vocabulary, root))
        result, _ = load_cache.load_case_cached(folders[0], vocabulary, root, keys[folders[0]])
        print(result.loaded is not None, sorted(p.stem[:8] for p in (root / ".cache/casebook/laporan").glob("*/*.pickle")) != [])
        """)
    result = _run(["-c", script], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "True", "True"]
