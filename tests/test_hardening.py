"""Builds that fail, are killed, run offline or twice; and 10,000 generated documents that never crash the loader."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.errors import Problem
from macros.loading import load_case
from tests.helpers import FIXTURE, ROOT, run_cli
from tests.test_pdf import build
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


@pytest.fixture
def project(tmp_path, monkeypatch):
    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("CASEBOOK_CACHE_DIR", str(tmp_path / "cache"))
    return project


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failed_build_leaves_the_previous_site_intact(project):
    assert run_cli(["build"])[0] == 0
    before = _tree(project / "site")
    assert "kasus/ts-contoh-2024/ts-contoh-2024.pdf" in before
    case = project / "cases" / "ts-contoh-2024" / "kasus.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("usia: 40", "usia: empat puluh"), encoding="utf-8")
    code, out = run_cli(["build"])
    assert code == 1
    assert _tree(project / "site") == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site-")]


def test_a_build_killed_mid_way_leaves_no_half_written_site(project):
    assert run_cli(["build"])[0] == 0
    before = _tree(project / "site")
    process = subprocess.Popen([sys.executable, "-m", "macros.cli", "build"], cwd=project, env=dict(ENV, **{
        "CASEBOOK_CACHE_DIR": str(project.parent / "cache-kill")}), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # wait until the new site is being written, then kill -9 everything
        staging = list(project.glob(".site-baru-*"))
        if staging and any(staging[0].rglob("*.html")):
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert _tree(project / "site") == before
    assert run_cli(["build"])[0] == 0  # the next build tidies what the killed one left
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site-")]


GUARD = """
import socket, sys, runpy
attempts = []
_connect = socket.socket.connect
def guarded(self, address, *args):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        attempts.append(address)
        raise OSError("jaringan dimatikan untuk uji ini")
    return _connect(self, address, *args)
socket.socket.connect = guarded
socket.create_connection = lambda address, *a, **k: (attempts.append(address), (_ for _ in ()).throw(OSError("offline")))[1]
sys.argv = ["mkdocs", "build", "--strict", "-d", sys.argv[1]]
try:
    runpy.run_module("mkdocs", run_name="__main__")
finally:
    print("NETWORK ATTEMPTS:", attempts, file=sys.stderr)
"""


def test_the_build_makes_no_network_request(tmp_path):
    project = _project_copy(tmp_path)
    shutil.copytree(ROOT / "cases" / "ln-hikari-2024", project / "cases" / "ln-hikari-2024")
    result = subprocess.run([sys.executable, "-c", GUARD, str(tmp_path / "site")], cwd=project, capture_output=True,
                            text=True, env=dict(ENV, CASEBOOK_CACHE_DIR=str(tmp_path / "cache")))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "NETWORK ATTEMPTS: []" in result.stderr
    assert (tmp_path / "site" / "kasus" / "ln-hikari-2024" / "ln-hikari-2024.pdf").is_file()


def test_two_builds_of_the_same_input_are_byte_identical_trees(tmp_path):
    epoch = {"SOURCE_DATE_EPOCH": "1729209600"}  # fixes the sitemap date too
    first = build(ROOT, tmp_path / "a", tmp_path / "cache-a", **epoch)
    second = build(ROOT, tmp_path / "b", tmp_path / "cache-b", **epoch)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert a.keys() == b.keys() and [name for name in a if a[name] != b[name]] == []
    assert any(name.endswith(".pdf") for name in a)


# --- property-based: loading and validation never crash -------------------------------------------

KEYS = ["laporan", "judul", "tahun", "periode", "mulai", "selesai", "klien", "kode", "usia", "tahapan", "tahap",
        "tanggal", "waktu", "proses", "hasil", "asesmen", "ecomap", "sistem", "genogram", "anggota", "no", "yes", "<<"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["Senin, 2 September 2024", "2024-02-30", "16.300-17.45",
                                                           "0217654321", "no", "on", "~", "*a", "&a x", "!!python/object"]))
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=5)),
    max_leaves=25)
raw_texts = st.text(alphabet=st.sampled_from(list("ab:- \n\t\"'[]{}#&*!|>%@`,?0123456789")), max_size=120)


def _check_never_crashes(folder: Path, text: str) -> None:
    (folder / "kasus.yml").write_text(text, encoding="utf-8")
    result = load_case(folder)  # must return; raising anything is the bug this test looks for
    assert result.loaded is not None or result.errors
    for problem in result.errors:
        assert isinstance(problem, Problem) and problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=7_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(document=documents)
def test_generated_documents_never_crash_the_loader(tmp_path_factory, document):
    folder = tmp_path_factory.getbasetemp() / "fuzz-data"
    folder.mkdir(exist_ok=True)
    _check_never_crashes(folder, yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=3_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=raw_texts)
def test_generated_raw_yaml_never_crashes_the_loader(tmp_path_factory, text):
    folder = tmp_path_factory.getbasetemp() / "fuzz-text"
    folder.mkdir(exist_ok=True)
    _check_never_crashes(folder, text)
