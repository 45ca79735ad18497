"""Nothing in a report folder is a link (red-team finding 7 and the hard-link findings of issue 17).

A symbolic link can point at another student's folder or rahasia.yml; a hard link is the same file as
another one and cannot be told from it. Every kind of file a report folder holds (kasus.yml,
rahasia.yml, a chapter page, a media file) and the folder itself, linked either way, is refused by
`casebook check` and left out of `casebook build` with the same located Indonesian message: check and
build agree, and nothing is read through the link. Real check and build of one archive holding every case.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FIXTURE
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

SOURCE = "sumber-contoh-2024"  # another student's report, published as it is
SECRET = "Zulkarnain Markerwati"
FILES = {"kasus": "kasus.yml", "rahasia": "rahasia.yml", "bab": "bab-5-praktik-baik.md", "media": "media/foto.svg"}


def _cli(project: Path, *arguments: str, cache: Path) -> subprocess.CompletedProcess:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(cache / "muat"), CASEBOOK_PDF="0")
    return subprocess.run([sys.executable, "-m", "macros.cli", *arguments], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=900)


def _archive(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The source report, and one report per (file, link kind); slug -> the file the message must name."""
    project = _project_copy(tmp_path)
    cases = project / "cases"
    source = cases / SOURCE
    shutil.copytree(FIXTURE, source)
    (source / "rahasia.yml").write_text(f"klien:\n  nama: {SECRET}\nlainnya: [SECRETMARKER-7731]\n", encoding="utf-8")
    (source / "bab-5-praktik-baik.md").write_text("# BAB V Praktik Baik\n\nTeks praktik baik.\n", encoding="utf-8")
    # Hard links go to copies outside every report (a hard link into SOURCE would make SOURCE's file a hard link too).
    elsewhere = project / "kiriman-lama"
    shutil.copytree(source, elsewhere)
    expected = {}
    for kind, name in FILES.items():
        for link in ("sym", "keras"):
            slug = f"{kind}-{link}-2024"
            folder = cases / slug
            shutil.copytree(FIXTURE, folder)
            target = folder / name
            target.unlink(missing_ok=True)
            if link == "sym":
                target.symlink_to(os.path.relpath(source / name, target.parent))
            else:
                os.link(elsewhere / name, target)
            # A linked media file is refused where kasus.yml names it; every other file at itself.
            expected[slug] = f"cases/{slug}/kasus.yml:" if kind == "media" else f"cases/{slug}/{name}:"
    (cases / "folder-sym-2024").symlink_to(SOURCE)
    expected["folder-sym-2024"] = "cases/folder-sym-2024:"
    return project, expected


def _lines_naming(output: str, where: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(where) or f" {where}" in line]


def test_every_kind_of_file_linked_either_way_is_refused_by_check_and_left_out_of_the_build(tmp_path):
    project, expected = _archive(tmp_path)
    check = _cli(project, "check", cache=tmp_path)
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr
    for slug, where in expected.items():
        lines = _lines_naming(check.stdout, where)
        assert any("tautan" in line for line in lines), (slug, where, check.stdout[-4000:])
    # Nothing read through a link: the other report's secrets never appear in a message.
    assert SECRET not in check.stdout and "SECRETMARKER" not in check.stdout
    # The source report itself is fine.
    assert not [line for line in check.stdout.splitlines() if line.startswith(f"cases/{SOURCE}/") and "tautan" in line]

    build = _cli(project, "build", cache=tmp_path)
    assert "Traceback" not in build.stderr
    published = {p.name for p in (project / "site" / "kasus").iterdir() if p.is_dir()}
    assert published == {SOURCE}, build.stderr[-4000:]
    for slug, where in expected.items():
        assert f"- {slug} (" in build.stderr, (slug, build.stderr[-4000:])
        assert any("tautan" in line for line in _lines_naming(build.stderr, where)), (slug, build.stderr[-4000:])
    site_text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (project / "site").rglob("*")
                        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".svg"))
    assert SECRET not in site_text and "SECRETMARKER" not in site_text
