"""A student's folder is any tree an unzipped submission carries (red team s23 #5: 1,200 nested empty folders under
media/ ended `casebook check` of every report and the whole campus build with a RecursionError, from Path.rglob
and os.walk). Every walk over a report folder is macros/folder_walk.py: iterative, bounded in depth and names,
and a tree past a bound is a located problem of that report only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from macros.folder_walk import MAX_DEPTH, MAX_ENTRIES, FolderRefused, report_files
from macros.load_cache import folder_key
from macros.loading import load_case
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import FIXTURE


def _report(tmp_path: Path, slug: str = "pohon-contoh-2024") -> Path:
    folder = tmp_path / "cases" / slug
    shutil.copytree(FIXTURE, folder)
    return folder


def _nest(start: Path, levels: int, name: str = "a") -> Path:
    """`levels` nested folders below `start`, made without recursion or overlong paths (os.mkdir relative to a
    descending working directory would also do; chdir is process-wide, so the path is built up instead)."""
    current = start
    for _ in range(levels):
        current = current / name
        current.mkdir()
    return current


def _unnest(start: Path) -> None:
    """Remove a nest deepest first, without recursion (shutil.rmtree recurses once per level, as rglob did)."""
    levels = []
    current = start
    while True:
        children = [c for c in current.iterdir() if c.is_dir() and not c.is_symlink()] if current.is_dir() else []
        if not children:
            break
        current = children[0]
        levels.append(current)
    for level in reversed(levels):
        for child in level.iterdir():
            child.unlink()
        level.rmdir()


def _errors(result) -> list[str]:
    return [p.format() for p in result.errors]


@pytest.mark.parametrize("levels", [MAX_DEPTH, 40, pytest.param(1_200, marks=pytest.mark.slow)])
def test_a_tree_deeper_than_the_bound_is_refused_at_its_place(tmp_path, levels):
    folder = _report(tmp_path)
    _nest(folder / "media", levels)  # media/ itself is one level
    result = load_case(folder, root=tmp_path)
    assert result.loaded is None
    deepest_allowed = "/".join(["media"] + ["a"] * (MAX_DEPTH - 1))
    expected = f"cases/pohon-contoh-2024/{deepest_allowed}/a:1:1: folder bertingkat lebih dari {MAX_DEPTH} lapis"
    assert any(m.startswith(expected) for m in _errors(result)), _errors(result)
    # The cache key of such a folder is computed too (it ran first in the build, before any report was read).
    assert folder_key(folder, DEFAULT_VOCABULARY, tmp_path)
    _unnest(folder / "media")


def test_a_tree_within_the_bounds_is_read(tmp_path):
    folder = _report(tmp_path)
    deepest = _nest(folder / "media", MAX_DEPTH - 1, "lapis")
    (deepest / "catatan.txt").write_text("x", encoding="utf-8")
    result = load_case(folder, root=tmp_path)
    assert result.loaded is not None, _errors(result)
    # Not referenced, so not published: the warning names the file, found at the bottom of the tree.
    shown = "cases/pohon-contoh-2024/media/" + "lapis/" * (MAX_DEPTH - 1) + "catatan.txt"
    assert any(p.file == shown and not p.is_error for p in result.problems), [p.format() for p in result.problems]


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["flat", "spread"])
def test_more_names_than_the_bound_are_refused(tmp_path, layout):
    folder = _report(tmp_path)
    target = folder / "media" / "cadangan"
    target.mkdir(parents=True)
    for index in range(MAX_ENTRIES + 1):
        where = target if layout == "flat" else target / f"f{index // 500}"
        where.mkdir(exist_ok=True)
        (where / f"{index}.txt").touch()
    result = load_case(folder, root=tmp_path)
    assert result.loaded is None
    assert any(f"memuat lebih dari {MAX_ENTRIES} berkas dan folder" in m and m.startswith("cases/pohon-contoh-2024/media/cadangan")
               for m in _errors(result)), _errors(result)


def test_a_name_with_a_control_character_is_refused_and_shown_escaped(tmp_path):
    folder = _report(tmp_path)
    (folder / "media" / "foto\x1b[31m.jpg").write_bytes(b"x")
    result = load_case(folder, root=tmp_path)
    assert result.loaded is None
    messages = _errors(result)
    assert any("cases/pohon-contoh-2024/media/foto\\x1b[31m.jpg:1:1: nama berkas atau folder ini memuat karakter kendali" in m
               for m in messages), messages
    assert not any("\x1b" in m for m in messages)


def test_a_symlinked_folder_is_listed_never_followed(tmp_path):
    folder = _report(tmp_path)
    loop = folder / "media" / "putar"
    loop.mkdir(parents=True, exist_ok=True)
    os.symlink("..", loop / "balik")  # a cycle: followed, it would never end
    listed = [relative for relative, _ in report_files(folder)]
    assert "media/putar/balik" in listed
    assert not any(r.startswith("media/putar/balik/") for r in listed)


def test_an_unreadable_folder_is_refused_at_its_place(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    folder = _report(tmp_path)
    closed = folder / "media" / "tertutup"
    closed.mkdir(parents=True)
    closed.chmod(0)
    try:
        with pytest.raises(FolderRefused) as refused:
            report_files(folder)
        assert refused.value.relative == "media/tertutup"
    finally:
        closed.chmod(0o755)


def test_any_failure_while_reading_a_report_is_that_reports_problem(tmp_path, monkeypatch):
    """The per-report boundary: whatever goes wrong inside Casebook while one report is read (here a
    RecursionError, as the red team's tree gave) is a located problem of that report, never a raise."""
    import macros.loading as loading

    folder = _report(tmp_path)

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(loading, "parse_yaml", explode)
    result = load_case(folder, root=tmp_path)
    assert result.loaded is None
    assert _errors(result) == [
        "cases/pohon-contoh-2024/kasus.yml:1:1: laporan ini tidak dapat dibaca: kesalahan di dalam Casebook "
        "(RecursionError), belum tentu karena laporan Anda (laporan lain tetap diperiksa dan dibangun; laporkan "
        "pesan ini ke pengelola Casebook)"]


@pytest.mark.slow
def test_the_red_team_tree_leaves_out_that_report_only_in_check_and_build(tmp_path):
    """Red team s23 #5 as given: 1,200 nested empty folders under media/ of one report of an archive."""
    from tests.test_archive_isolation import _published, _report as _archive_report, casebook
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    _archive_report(project, "aman-contoh-2024")
    deep = _archive_report(project, "dalam-contoh-2024")
    _nest(deep / "media", 1_200)
    piped = _archive_report(project, "pipa-contoh-2024")  # red team s23 #20: a named pipe, built
    os.mkfifo(piped / "media" / "pipa.jpg")
    located = "cases/dalam-contoh-2024/media/" + "a/" * (MAX_DEPTH - 1) + f"a:1:1: folder bertingkat lebih dari {MAX_DEPTH} lapis"
    check = casebook(project, "check", cache=tmp_path)
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr, check.stderr[-3000:]
    assert located in check.stdout
    aman = [line for line in check.stdout.splitlines() if line.startswith("cases/aman-contoh-2024/")]
    assert aman and all(": peringatan:" in line for line in aman)  # the other report was checked, and has no error
    result = casebook(project, "build", cache=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "aman-contoh-2024" in _published(project) and not {"dalam-contoh-2024", "pipa-contoh-2024"} & _published(project)
    assert located in result.stderr and "cases/pipa-contoh-2024/media/pipa.jpg:1:1: ini bukan berkas biasa" in result.stderr
    _unnest(deep / "media")


@pytest.mark.parametrize("name", ["media/pipa.jpg", "pipa.md", "media/a/pipa"])
def test_a_named_pipe_is_refused_at_its_place_without_being_opened(tmp_path, name):
    """Red team s23 #20: a FIFO (tar keeps them) in a report folder hung the whole build, silently, when the load
    cache opened it to hash its contents. Refused where it lies, before anything opens it."""
    import threading

    folder = _report(tmp_path)
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / name)
    outcome = {}

    def run():
        outcome["key"] = folder_key(folder, DEFAULT_VOCABULARY, tmp_path)
        outcome["result"] = load_case(folder, root=tmp_path)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "blocked on the pipe"
    assert outcome["key"] and outcome["result"].loaded is None
    assert [p.format() for p in outcome["result"].errors] == [
        f"cases/pohon-contoh-2024/{name}:1:1: ini bukan berkas biasa (pipa bernama, soket atau perangkat) (hapus berkas "
        "itu; folder laporan hanya berisi berkas dan folder biasa)"]
