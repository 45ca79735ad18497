"""Every failure of the machine is a message: a concurrent build, Ctrl-C, a full disk, a read-only folder,
a path typed with a trailing slash. No traceback, no worker process left behind, the previous site intact.

The disk tests mount a small tmpfs (the suite runs as root, as CI does); where mounting is not allowed
they are skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from macros.failures import build_lock
from tests.helpers import FIXTURE, ROOT, run_cli
from tests.test_site_build import _project_copy


def _casebook(project: Path, *arguments: str, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0", **env)
    return subprocess.run([sys.executable, "-m", "macros.cli", *arguments], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=900)


def test_a_second_build_while_the_first_writes_says_so(tmp_path, monkeypatch):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    with build_lock(tmp_path):
        code, out = run_cli(["build"])
    assert code == 1
    assert "casebook: build lain sedang berjalan di proyek ini" in out and "Traceback" not in out
    assert not list(tmp_path.glob(".site-baru-*"))


def _session_processes(session: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc to find the build's processes")
def test_ctrl_c_stops_the_build_and_its_workers_without_a_traceback(tmp_path):
    project = _project_copy(tmp_path)
    for slug in ("aa-contoh-2024", "bb-contoh-2024"):
        shutil.copytree(FIXTURE, project / "cases" / slug)
    child = subprocess.Popen([sys.executable, "-m", "macros.cli", "build"], cwd=project, start_new_session=True,
                             env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(tmp_path / "c" / "x")),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_session_processes(child.pid)) < 4 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.2)  # casebook, MkDocs, and its PDF worker(s) / search indexer
    assert child.poll() is None, "the build ended before it could be interrupted"
    time.sleep(1)
    os.killpg(child.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole foreground group
    out, err = child.communicate(timeout=90)
    assert child.returncode == 130, err[-2000:]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err[-3000:]
    assert "dihentikan (Ctrl-C)" in err
    deadline = time.monotonic() + 10
    while _session_processes(child.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _session_processes(child.pid) == []  # no worker left running
    assert not list(project.glob(".site-baru-*")) and not (project / "site").exists()


@contextmanager
def _tmpfs(target: Path, size: str, options: str = ""):
    target.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}{options}", "tmpfs", str(target)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs tidak dapat dipasang di mesin ini: {mounted.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def _project_into(target: Path) -> Path:
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(FIXTURE, target / "cases" / "ts-contoh-2024")
    return target


def _used_bytes(folder: Path) -> int:
    stats = os.statvfs(folder)
    return (stats.f_blocks - stats.f_bfree) * stats.f_frsize


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0, reason="mounts a small tmpfs (root, Linux)")
def test_a_full_disk_is_a_message_and_leaves_no_half_made_site(tmp_path):
    with _tmpfs(tmp_path / "disk", "64m") as disk:
        project = _project_into(disk)
        used = _used_bytes(disk)
        # Room for the project and a little more, not for a site: the build runs out of space mid-way.
        subprocess.run(["mount", "-o", f"remount,size={used + 1_500_000}", str(disk)], check=True)
        result = _casebook(project, "build")
        assert result.returncode == 1, result.stderr[-2000:]
        assert "disk penuh" in result.stderr and "kosongkan ruang disk" in result.stderr
        assert "Traceback" not in result.stderr and "OSError" not in result.stderr
        assert not list(project.glob(".site-baru-*")) and not (project / "site").exists()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0, reason="mounts a read-only tmpfs (root, Linux)")
def test_a_read_only_project_is_a_message(tmp_path):
    with _tmpfs(tmp_path / "ro", "64m") as disk:
        project = _project_into(disk)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        result = _casebook(project, "build")
        assert result.returncode == 1
        assert "sistem berkas hanya-baca" in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0, reason="mounts a read-only tmpfs (root, Linux)")
def test_a_read_only_site_folder_is_a_message_and_stays_as_it_was(tmp_path):
    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    with _tmpfs(project / "site", "8m", ",ro"):
        result = _casebook(project, "build", CASEBOOK_CACHE_DIR=str(tmp_path / "c" / "x"))
        assert result.returncode == 1
        assert "Traceback" not in result.stderr and "casebook: " in result.stderr, result.stderr[-2000:]
        assert "site" in result.stderr.splitlines()[-1]
        assert not list(project.glob(".site-baru-*"))


@pytest.mark.slow
@pytest.mark.parametrize("spelling", ["ts-contoh-2024/", "cases/ts-contoh-2024/", "cases/ts-contoh-2024"])
def test_export_accepts_the_report_path_as_tab_completion_writes_it(tmp_path, spelling):
    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    target = tmp_path / "hasil.docx"
    result = _casebook(project, "export", spelling, "--docx", "--output", str(target),
                       CASEBOOK_CACHE_DIR=str(tmp_path / "c" / "x"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert target.is_file() and "Traceback" not in result.stderr
