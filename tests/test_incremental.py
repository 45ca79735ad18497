"""Incremental builds: after one report is edited, only its pages and PDF are made again.

Reused files are hard links to the previous build's, so "not rebuilt" is seen directly:
the file keeps its inode. Rebuilt files are new files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from macros.incremental import scan_memo_path
from tests.helpers import EXAMPLES, FIXTURE, ROOT, run_cli
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path, monkeypatch):
    project = _project_copy(tmp_path)
    for slug in EXAMPLES:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("CASEBOOK_CACHE_DIR", str(tmp_path / "cache" / "pdf"))
    code, out = run_cli(["build"])
    assert code == 0, out
    return project


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in sorted(folder.rglob("*")) if p.is_file()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_editing_one_report_rebuilds_only_its_pages_and_pdf(project):
    site = project / "site"
    ajs_before = _inodes(site / "kasus" / "ajs-kartini-2024")
    ln_before = _inodes(site / "kasus" / "ln-hikari-2024")
    _edit(project / "cases" / "ln-hikari-2024" / "kasus.yml", "nama: Rani Oktaviani", "nama: Rani Oktaviani Lestari")
    code, out = run_cli(["build"])
    assert code == 0, out
    # The untouched report is the previous build's files, not a copy of them.
    assert _inodes(site / "kasus" / "ajs-kartini-2024") == ajs_before
    ln_after = _inodes(site / "kasus" / "ln-hikari-2024")
    assert all(ln_after[name] != inode for name, inode in ln_before.items() if name.endswith((".html", ".pdf")))
    assert "Rani Oktaviani Lestari" in (site / "kasus" / "ln-hikari-2024" / "index.html").read_text(encoding="utf-8")
    # Pages about all reports follow the edit.
    assert "Rani Oktaviani Lestari" in (site / "arsip" / "index.html").read_text(encoding="utf-8")
    assert "Rani Oktaviani Lestari" in (site / "index.html").read_text(encoding="utf-8")
    # The reused report's pages are whole: their chapter links and PDF are still there.
    assert (site / "kasus" / "ajs-kartini-2024" / "ajs-kartini-2024.pdf").stat().st_size > 10_000
    # The search analysis kept for the reused report lives in the build cache: nothing of Casebook's that starts with
    # a dot (a file only the next build reads) is published, served and uploaded; the reused report is still indexed.
    assert [p.relative_to(site).as_posix() for p in site.rglob(".*")] == []
    manifest = json.loads((site / "search" / "casebook" / "manifest.json").read_text(encoding="utf-8"))
    assert {entry[0] for entry in manifest["reports"]} >= {"ajs-kartini-2024", "ln-hikari-2024"}
    assert all(entry[2] > 3 for entry in manifest["reports"]), manifest["reports"]
    # The privacy scan's memo followed the site (macros/privacy/gate.py ScanMemo): the next build need not read again
    # the shared files that come out as they are now, and it names only files that are there.
    memo = json.loads(scan_memo_path(project, site).read_text(encoding="utf-8"))["clean"]
    assert "search/casebook/manifest.json" in memo and "arsip/index.html" in memo
    assert all((site / path).is_file() for path in memo)


def test_a_removed_report_leaves_the_site_and_a_global_change_rebuilds_everything(project):
    site = project / "site"
    shutil.rmtree(project / "cases" / "ajs-kartini-2024")
    assert run_cli(["build"])[0] == 0
    assert not (site / "kasus" / "ajs-kartini-2024").exists()
    assert "ajs-kartini-2024" not in (site / "arsip" / "index.html").read_text(encoding="utf-8")
    ln_before = _inodes(site / "kasus" / "ln-hikari-2024")
    _edit(project / "mkdocs.yml", "site_name: Casebook", "site_name: Arsip Praktikum")
    assert run_cli(["build"])[0] == 0
    ln_after = _inodes(site / "kasus" / "ln-hikari-2024")
    assert all(ln_after[name] != inode for name, inode in ln_before.items())
    assert "Arsip Praktikum" in (site / "kasus" / "ln-hikari-2024" / "index.html").read_text(encoding="utf-8")


def test_an_incremental_build_never_writes_into_the_previous_site(project):
    site = project / "site"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    keep = project.parent / "previous-site"
    shutil.copytree(site, keep, copy_function=__import__("os").link)  # the same files, seen from outside
    _edit(project / "cases" / "ln-hikari-2024" / "kasus.yml", "nama: Rani Oktaviani", "nama: Rani Oktaviani Lestari")
    assert run_cli(["build"])[0] == 0
    after = {p.relative_to(keep).as_posix(): p.read_bytes() for p in sorted(keep.rglob("*")) if p.is_file()}
    assert after == before
def test_full_rebuild_on_request_gives_the_same_site(project):
    site = project / "site"
    _edit(project / "cases" / "ln-hikari-2024" / "kasus.yml", "nama: Rani Oktaviani", "nama: Rani Oktaviani Lestari")
    assert run_cli(["build"])[0] == 0
    incremental = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert run_cli(["build", "--penuh"])[0] == 0
    full = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert incremental.keys() == full.keys()
    differing = sorted(name for name in full if full[name] != incremental[name])
    assert differing == []


@pytest.mark.parametrize("leftover", [False, True])
def test_a_replaced_site_leaves_the_project_at_once_and_is_removed_in_the_background(tmp_path, monkeypatch, leftover):
    """The build does not wait for the old site's removal (seconds per 100 reports right after a build), yet nothing
    of it stays: moved out of the project in one rename, removed by a detached process (also what a killed remover
    left behind)."""
    import time

    from macros.caches import cache_root
    from macros.incremental import TRASH_DIR, discard

    monkeypatch.setenv("CASEBOOK_CACHE_DIR", str(tmp_path / "cache" / "pdf"))
    project = tmp_path / "proyek"
    old = project / ".site-lama-1"
    (old / "kasus" / "x").mkdir(parents=True)
    (old / "kasus" / "x" / "index.html").write_text("lama", encoding="utf-8")
    trash = cache_root(project) / TRASH_DIR
    if leftover:  # a remover killed mid-way
        (trash / "site-lama-sisa" / "a").mkdir(parents=True)
    discard(project, old)
    assert not old.exists() and list(project.iterdir()) == []
    deadline = time.monotonic() + 20
    while any(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(trash.iterdir()) == []
