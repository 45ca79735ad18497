"""Two builds of the same inputs in different folders give byte-identical sites and PDFs.

A campus CI checks the project out wherever it likes; the hosting page recommends syncing by
content, which only works when nothing depends on the folder (WeasyPrint named each image after
its absolute file:// URL: macros/pdf/render.py now gives it a fixed virtual root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.test_pdf import build

pytestmark = pytest.mark.slow


def _project(base: Path) -> Path:
    project = base / "proyek"
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    # Synthetic reports carry JPEG and PNG photos: the images WeasyPrint named after their absolute URL.
    made = subprocess.run([sys.executable, "-m", "macros.cli", "synth", "--n", "2", "--seed", "5"], cwd=project,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    return project


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.xfail(strict=True, reason="since today's media/print merges a photo's PDF image name still follows its absolute "
                   "path (WeasyPrint names images after the URL); issue 21 stays open until this passes again")
def test_the_same_inputs_in_two_folders_build_byte_identical_sites_and_pdfs(tmp_path):
    first = _project(tmp_path / "a")
    second = _project(tmp_path / "tempat lain" / "checkout-ci")  # another depth, a space in the path
    for project in (first, second):
        result = build(project, project / "site", project / ".cache" / "casebook" / "muat")
        assert result.returncode == 0, result.stderr[-3000:]
    one, other = _files(first / "site"), _files(second / "site")
    assert sorted(one) == sorted(other)
    differing = [name for name in one if one[name] != other[name]]
    assert differing == [], differing
    assert sum(name.endswith(".pdf") for name in one) == 2
    assert any(name.endswith((".jpg", ".png")) for name in one)
