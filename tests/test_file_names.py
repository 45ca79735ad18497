"""A photo keeps its place in the PDF and the Word file whatever its file name: a phone's or Windows'
`Foto Kunjungan 1.PNG` (spaces, capitals) is written `Foto%20Kunjungan%201.PNG` in the site's HTML, and
must still be found by its name (user test: it silently left the PDF and the Word file)."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image

from tests.helpers import export_word, write_case_variant
from tests.test_pdf import build, pdf_of
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

NAMES = ["Foto Kunjungan 1.PNG", "foto b.png", "foto-c.png"]


def test_photos_named_like_phones_name_them_reach_the_pdf_and_word(tmp_path, monkeypatch):
    project = _project_copy(tmp_path)
    entries = "".join(f"    - berkas: media/{name}\n      keterangan: Foto {i}\n      izin_publikasi: true\n"
                      f"      wajah_terlihat: false\n      anak: false\n" for i, name in enumerate(NAMES, start=1))
    folder = write_case_variant(project / "cases", "  dokumentasi:\n", "  dokumentasi:\n" + entries, name="nama-berkas-2024")
    for i, name in enumerate(NAMES):
        Image.new("RGB", (400 + 10 * i, 300), (40 * i, 120, 200)).save(folder / "media" / name, "PNG")
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    listing = subprocess.run(["pdfimages", "-list", str(pdf_of(tmp_path / "site", "nama-berkas-2024"))],
                             capture_output=True, text=True, check=True).stdout
    widths = {int(line.split()[3]) for line in listing.splitlines()[2:] if line.split()[2] == "image"}
    assert {400, 410, 420} <= widths, listing

    document = export_word(project, "nama-berkas-2024", tmp_path / "laporan.docx", monkeypatch)
    sizes = {Image.open(__import__("io").BytesIO(part.blob)).size[0]
             for part in document.part.package.parts if part.content_type == "image/png"}
    assert {400, 410, 420} <= sizes, sizes
