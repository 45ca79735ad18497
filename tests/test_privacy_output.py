"""The gate on what is published: media metadata, the Word export, PDF attachments, HTML comments, and the
pages generated from report data (field reference, search) showing only the profile view.

Every identity here is invented.
"""

from __future__ import annotations

import io
import os
import re
import shutil

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from macros.privacy.gate import Guard, scan_docx, scan_published
from macros.privacy.matching import Needle
from tests.helpers import FIXTURE, run_cli
from tests.test_pdf import build
from tests.test_site_build import _project_copy

NIK = "3204121212120001"


def _png_with_text(text: str) -> bytes:
    info = PngInfo()
    info.add_text("Description", text)
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_published_media_metadata_is_scanned_for_patterns_and_the_reports_private_strings(tmp_path):
    site = tmp_path / "site"
    media = site / "kasus" / "x-2024" / "media"
    media.mkdir(parents=True)
    (media / "foto.png").write_bytes(_png_with_text(f"Rumah Sri Wulandari, NIK {NIK}"))
    (media / "bersih.png").write_bytes(_png_with_text("Kegiatan kelompok"))
    guards = {"x-2024": Guard((Needle("Sri Wulandari", "nama asli klien"),))}
    leaks = scan_published(site, guards)
    assert {(leak.where, leak.slug) for leak in leaks} == {("site/kasus/x-2024/media/foto.png (metadata)", "x-2024")}
    assert {leak.what.split(":")[0] for leak in leaks} == {"nama asli klien", "16 angka berurutan (NIK atau nomor KK)"}


def test_the_word_export_is_scanned_text_and_metadata(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("Klien dapat dihubungi di 0813 9999")
    document.add_paragraph("1234 setiap sore.")
    document.core_properties.author = "Sri Wulandari"
    target = tmp_path / "laporan.docx"
    document.save(target)
    leaks = scan_docx(target, Guard((Needle("Sri Wulandari", "nama asli klien"),)))
    found = {(leak.where, leak.what.split(":")[0]) for leak in leaks}
    assert ("laporan.docx:docProps/core.xml", "nama asli klien") in found
    assert ("laporan.docx:word/document.xml", "nomor HP") in found  # split over two paragraphs, still one number
    clean = tmp_path / "bersih.docx"
    Document().save(clean)
    assert scan_docx(clean, Guard((Needle("Sri Wulandari", "nama asli klien"),))) == []


@pytest.mark.slow
def test_a_letter_attached_as_pdf_is_read_by_check(tmp_path):
    from weasyprint import HTML

    folder = tmp_path / "laporan-uji"
    shutil.copytree(FIXTURE, folder)
    HTML(string=f"<p>Surat keterangan untuk klien, NIK {NIK}.</p>").write_pdf(folder / "media" / "surat.pdf")
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    (folder / "kasus.yml").write_text(text.replace("lampiran:\n", "lampiran:\n  surat:\n    - judul: Surat keterangan\n"
                                                   "      berkas: media/surat.pdf\n", 1), encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    assert code == 1
    assert re.search(rf"media/surat\.pdf:1:1: memuat 16 angka berurutan \(NIK atau nomor KK\): `{NIK}`", out), out


@pytest.mark.slow
def test_internal_appendix_text_and_html_comments_never_reach_the_public_site(tmp_path):
    project = _project_copy(tmp_path)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    secret_title = "Lampiran Internal Zamrud Khatulistiwa"
    (folder / "kasus.yml").write_text(text.replace(
        "lampiran:\n", f"lampiran:\n  surat:\n    - judul: {secret_title}\n      isi: Catatan Zamrud untuk kampus.\n"
                       "      internal: true\n", 1), encoding="utf-8")
    page = folder / "bab-1-pendahuluan.md"
    page.write_text("# BAB I\n\n<!-- catatan pembimbing: Kenanga Jingga -->\n\nPendahuluan singkat.\n", encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr[-3000:]
    published = {p: p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "site").rglob("*")
                 if p.is_file() and p.suffix in (".html", ".json", ".xml")}
    assert published
    for path, content in published.items():
        assert "Zamrud" not in content, path   # not on /panduan/skema/, not in the search index, nowhere
        assert "Kenanga Jingga" not in content, path
    skema = (tmp_path / "site" / "panduan" / "skema" / "index.html").read_text(encoding="utf-8")
    assert "lampiran.surat" in skema or "surat" in skema
    internal = build(project, tmp_path / "site-internal", tmp_path / "cache", CASEBOOK_PROFILE="internal")
    assert internal.returncode == 0, internal.stderr[-3000:]
    assert any("Zamrud" in p.read_text(encoding="utf-8", errors="replace")
               for p in (tmp_path / "site-internal").rglob("*.html"))


def test_the_scan_shared_out_to_processes_finds_what_one_process_finds(tmp_path, monkeypatch):
    """An archive's output scan runs in one process per core (macros/privacy/gate.py::_in_parallel): the same
    leaks, in the same order, with each report's own guard and the shared pages' rules."""
    import macros.privacy.gate as gate

    site = tmp_path / "site"
    guards = {}
    for n in range(30):
        slug = f"r{n:02d}-2024"
        guards[slug] = Guard((Needle(f"Nama Rahasia{n:02d}", "nama asli klien"),))
        for chapter in range(4):
            page = site / "kasus" / slug / f"bab-{chapter}" / "index.html"
            page.parent.mkdir(parents=True)
            text = f"<p>Bab {chapter} laporan {slug}.</p>"
            if n % 7 == 3 and chapter == 1:
                text += f"<p>Hubungi 0813 9999 12{n:02d} atau <b>Nama</b> Rahasia{n:02d}.</p>"
            if n % 11 == 5 and chapter == 2:  # another report's private name in this report's page: not its guard
                text += "<p>Nama Rahasia00</p>"
            page.write_text(text, encoding="utf-8")
    (site / "arsip").mkdir()
    (site / "arsip" / "index.html").write_text("<p>Arsip: Nama Rahasia07, NIK 3204121212120001</p>", encoding="utf-8")
    serial = scan_published(site, guards)
    assert len(serial) >= 10
    monkeypatch.setattr(gate, "PARALLEL_FILES", 1)
    scanned = tmp_path / "pids"
    scanned.mkdir()
    original = gate._scan_chunk

    def in_worker(files):  # which process scanned which files
        (scanned / f"{os.getpid()}-{files[0].parent.parent.name}-{files[0].parent.name}").write_text(str(len(files)))
        return original(files)

    in_worker.__module__, in_worker.__qualname__ = gate.__name__, "_scan_chunk"  # pickled by name into the pool
    monkeypatch.setattr(gate, "_scan_chunk", in_worker)
    assert scan_published(site, guards) == serial
    shares = list(scanned.iterdir())
    assert sum(int(p.read_text()) for p in shares) == 121            # every file once
    assert str(os.getpid()) not in {p.name.split("-")[0] for p in shares}  # none in this process
