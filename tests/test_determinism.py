"""Two builds of the same inputs in different folders give byte-identical sites and PDFs.

A campus CI checks the project out wherever it likes; the hosting page recommends syncing by
content, which only works when nothing depends on the folder (WeasyPrint named each image after
its absolute file:// URL: macros/pdf/render.py now gives it a fixed virtual root).
"""

from __future__ import annotations

import gzip
import io
import os
import re
import shutil
import zipfile
import zlib
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


def _readable(name: str, data: bytes) -> bytes:
    """A published file with its compressed parts opened: a path inside a PDF stream, a gzip'd sitemap or a
    zipped offline copy must be found too."""
    if name.endswith(".gz"):
        return gzip.decompress(data)
    if name.endswith((".zip", ".docx")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return b"\n".join(archive.read(member) for member in archive.namelist())
    if name.endswith(".pdf"):
        parts = [data]
        for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
            try:
                parts.append(zlib.decompressobj().decompress(stream.group(1)))
            except zlib.error:
                pass  # an image's JPEG bytes
        return b"\n".join(parts)
    return data


def _spellings(project: Path) -> list[bytes]:
    """The ways a build folder can be written into a file: as a path, as a file:// URL (percent-encoded), and
    the part of it that differs between the two checkouts."""
    found = set()
    for path in {project, project.resolve()}:
        found |= {str(path), path.as_uri(), str(path).replace(" ", "%20"), path.as_uri().removeprefix("file://")}
    return sorted(s.encode() for s in found)


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
    # Whatever is identical could still name a folder both builds share (the temporary folder above them):
    # no published file names the build folder in any spelling, compressed or not.
    # The Word file (print HTML through pandoc, which reads pictures by their local path) names no folder either.
    slug = sorted(name.split("/")[1] for name in one if name.endswith(".pdf"))[0]
    docx = second / "laporan.docx"
    exported = subprocess.run([sys.executable, "-m", "macros.cli", "export", slug, "--docx", "--output", str(docx)],
                              cwd=second, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert exported.returncode == 0, exported.stderr[-3000:]
    other = {**other, "laporan.docx": docx.read_bytes()}
    for project, files in ((first, one), (second, other)):
        needles = _spellings(project)
        leaking = {name: needle.decode() for name, data in files.items() for needle in needles
                   if needle in _readable(name, data)}
        assert leaking == {}, leaking


def test_a_path_that_is_not_virtual_fails_the_pdf_instead_of_naming_an_image_after_it(tmp_path):
    """The renderer's own guard: an image asked for under its real path (a print HTML that some future change
    assembles without the virtual root) is a failed PDF with a message, never a PDF that depends on the folder."""
    from PIL import Image

    from macros.pdf.render import RenderJob, render_pdf

    media = tmp_path / "media"
    media.mkdir()
    Image.new("RGB", (8, 8), "red").save(media / "foto.png")
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    Image.new("RGB", (8, 8), "blue").save(elsewhere / "foto.png")
    body = (f'<!DOCTYPE html><html><body><p>Teks</p><img src="{(media / "foto.png").as_uri()}"></body></html>')
    good = render_pdf(RenderJob("a", "", body, "", None, False, (str(media),)))
    assert good.error is None and good.pdf
    assert str(tmp_path).encode() not in _readable("a.pdf", good.pdf)
    # A file outside every allowed root cannot be mapped to the virtual root: it is refused, and said.
    leaked = body.replace(str(media), str(elsewhere))
    bad = render_pdf(RenderJob("a", "", leaked, "", None, False, (str(media),)))
    assert bad.pdf is None and "jalur lokal" in bad.error
