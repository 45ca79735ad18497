"""Appendices: each its own numbered Lampiran with its own title (each letter, each `lampiran.lainnya` item), the
same numbers on the site page, the site's Daftar Lampiran, the PDF's Daftar Lampiran, headings and bookmarks, and
the Word headings; `ref()` reaches one; no Lampiran page when nothing is left to append.

The report built here fills every kind of `macros/render/appendices.py::APPENDIX_KINDS` (two items where a kind
has one appendix per item), and the first tests hold that list to the schema: a new appendix field or
checklist part that is not in the list, or a kind in the list this report does not fill, fails here."""

from __future__ import annotations

import re
import shutil
import subprocess

import pikepdf
import pytest
from docx import Document

from macros.completeness import PARTS
from macros.loading import load_case
from macros.render.appendices import APPENDIX_KINDS, appendices_of
from macros.schema.appendix import Lampiran
from tests.helpers import FIXTURE, ROOT, run_cli
from tests.test_pdf import build, list_entries, normalise, page_texts, pdf_of
from tests.test_site_build import _project_copy

SLUG = "lmp-cikadu-2024"
EXTRA = '''    - judul: Surat Keterangan Selesai Praktikum
      nomor: 140/101/Ds/X/2024
      tanggal: 2024-10-11
      dari: Kepala Desa Cikadu Hilir
      perihal: Keterangan Selesai Praktikum
      berkas: media/surat-selesai.png
  daftar_hadir:
    judul: Daftar Hadir Praktikan di Desa Cikadu Hilir
    jumlah_minggu: 2
    baris:
      - {nama: Dewi Lestari, nrp: "2104001", hadir: [true, true]}
  lainnya:
    - judul: Kerangka Logis Program Pakan Mandiri
      isi: |
        | Tingkat | Indikator |
        |---|---|
        | Tujuan | Biaya pakan turun |
    - judul: Catatan Bimbingan Dosen Pembimbing
      isi: Bimbingan dilakukan lima kali selama praktikum.
'''
REFS = "\n\nRincian izin ada di {{ ref('surat-2') }}; kerangka logis di {{ ref('lainnya-1') }}.\n"


def test_every_appendix_field_and_checklist_part_is_a_numbered_kind():
    kinds = {kind.path for kind in APPENDIX_KINDS}
    assert len(kinds) == len(APPENDIX_KINDS)
    fields = {("lampiran", info.alias or name) for name, info in Lampiran.model_fields.items()}
    assert fields <= kinds, f"appendix fields without a numbered kind: {fields - kinds}"
    parts = {tuple(part.path) for part in PARTS if part.group == "Lampiran"}
    assert parts <= kinds, f"checklist parts filed under Lampiran without a numbered kind: {parts - kinds}"


def _project(tmp_path):
    project = _project_copy(tmp_path)
    folder = project / "cases" / SLUG
    shutil.copytree(ROOT / "cases" / "kbl-cikadu-2024", folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    anchor = "      perihal: Izin Pelaksanaan Praktikum Komunitas\n"
    assert text.count(anchor) == 1
    case.write_text(text.replace(anchor, anchor + EXTRA), encoding="utf-8")
    from PIL import Image  # the letter's scan: a plain page with a dark band, enough to be found in the PDF

    scan = Image.new("RGB", (600, 840), "white")
    scan.paste((20, 20, 80), (60, 60, 540, 140))
    scan.save(folder / "media" / "surat-selesai.png")
    chapter = project / "docs" / "templat" / "komunitas" / "bab-1-pendahuluan.md"
    page = chapter if chapter.is_file() else project / "docs" / "templat" / "bab" / "bab-1-pendahuluan.md"
    (folder / "bab-1-pendahuluan.md").write_text(page.read_text(encoding="utf-8") + REFS, encoding="utf-8")
    return project, folder


@pytest.mark.slow
def test_each_appendix_is_its_own_numbered_lampiran_everywhere(tmp_path, monkeypatch):
    project, folder = _project(tmp_path)
    result = load_case(folder)
    assert not result.errors, result.errors
    expected_items = appendices_of(result.loaded.case)
    assert {a.kind.path for a in expected_items} == {k.path for k in APPENDIX_KINDS}, "the report fills every kind"
    for kind in APPENDIX_KINDS:
        if kind.per_item:
            assert sum(a.kind is kind for a in expected_items) == 2, kind.path
    expected = [f"Lampiran {n} {a.title}" for n, a in enumerate(expected_items, start=1)]
    titles = [a.title for a in expected_items]
    assert len(set(titles)) == len(titles)
    assert "Kerangka Logis Program Pakan Mandiri" in titles and "Lampiran Lain" not in titles

    site = tmp_path / "site"
    built = build(project, site, tmp_path / "cache")
    assert built.returncode == 0, built.stderr

    # Site: the Lampiran page's headings, the Daftar Lampiran, a reference from BAB I.
    page = (site / "kasus" / SLUG / "lampiran" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="(lampiran-[^"]+)">(Lampiran \d+ [^<]+)', page)
    assert [h for _, h in headings] == expected
    listing = (site / "kasus" / SLUG / "daftar-lampiran" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li><a class="casebook-ref" href="[^"]+#([^"]+)">([^<]+)</a></li>', listing)
    assert listed == headings
    bab1 = (site / "kasus" / SLUG / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    number = {a.element_id: n for n, a in enumerate(expected_items, start=1)}
    for element_id in ("surat-2", "lainnya-1"):
        assert re.search(rf'<a class="casebook-ref" href="[^"]*/lampiran/#lampiran-{element_id}">Lampiran '
                         rf'{number[element_id]}</a>', bab1), element_id

    # The second letter's scan is printed under it (a media file is an image), not silently dropped.
    second = page[page.index('id="lampiran-surat-2"'):page.index('id="lampiran-lampiran_rencana_aksi"')]
    assert 'src="../media/surat-selesai.png"' in second and 'alt="Pindaian: Surat Keterangan Selesai Praktikum"' in second

    # PDF: Daftar Lampiran with page numbers, each heading on the page it claims, one bookmark each.
    pdf = pdf_of(site, SLUG)
    texts = page_texts(pdf)
    entries = list_entries(texts, "Daftar Lampiran", "BAB I")
    assert [normalise(t) for t, _ in entries] == [normalise(e) for e in expected]
    with pikepdf.open(pdf) as document:
        labels = [pikepdf.Page(p).label for p in document.pages]
        with document.open_outline() as outline:
            marks = []
            stack = list(outline.root)
            while stack:
                item = stack.pop(0)
                marks.append(item.title)
                stack[:0] = list(item.children)
    for (title, label), heading in zip(entries, expected):
        assert normalise(heading) in normalise(texts[labels.index(label)]), (heading, label)
    assert [m for m in marks if re.match(r"Lampiran \d", m)] == expected
    scan_page = labels.index(dict(entries)[next(t for t, _ in entries if "Selesai Praktikum" in t)]) + 1
    images = subprocess.run(["pdfimages", "-list", "-f", str(scan_page), "-l", str(scan_page + 1), str(pdf)],
                            capture_output=True, text=True, check=True).stdout
    assert re.search(r"\s600\s+840\s", images), images  # the scan, at its own size
    body = normalise("\n".join(texts))
    assert "lampiran lain" not in body

    # Word: the same headings as Heading 2, in order.
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    target = tmp_path / "lampiran.docx"
    code, out = run_cli(["export", SLUG, "--docx", "--output", str(target)])
    assert code == 0, out
    word = [p.text.strip() for p in Document(str(target)).paragraphs
            if p.style.name.startswith("Heading") and p.text.strip().startswith("Lampiran ")]
    assert word == expected


@pytest.mark.slow
def test_only_internal_appendices_leave_no_lampiran_page_on_the_public_site(tmp_path):
    project = _project_copy(tmp_path)
    folder = project / "cases" / SLUG
    shutil.copytree(ROOT / "cases" / "kbl-cikadu-2024", folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    for key in ("rencana_aksi", "anggaran", "daftar_hadir_peserta", "log_supervisi"):
        text = re.sub(rf"^{key}:\n(?:  .*\n|\n)*", "", text, flags=re.M)
    text = text[: text.index("\nlampiran:")] + ("\nlampiran:\n  surat:\n    - judul: Surat Rahasia Kampus\n"
                                                "      internal: true\n")
    case.write_text(text, encoding="utf-8")
    for page in folder.glob("*.md"):
        page.unlink()
    site = tmp_path / "site"
    built = build(project, site, tmp_path / "cache")
    assert built.returncode == 0, built.stderr
    assert not (site / "kasus" / SLUG / "lampiran").exists()
    assert not (site / "kasus" / SLUG / "daftar-lampiran").exists()
    pdf = subprocess.run(["pdftotext", "-layout", str(pdf_of(site, SLUG)), "-"], capture_output=True, text=True).stdout
    assert not re.search(r"^\s*LAMPIRAN\b", pdf, re.M) and "Surat Rahasia Kampus" not in pdf
    assert "DAFTAR LAMPIRAN" not in pdf.upper()  # like the site: no list of appendices that are not there


@pytest.mark.slow
def test_a_letters_id_names_the_same_letter_in_every_profile(tmp_path):
    """Letters A (internal) and B: the public site numbers B as Lampiran 1, yet `ref('surat-2')` is B in both
    profiles, never silently another letter."""
    project = _project_copy(tmp_path)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    assert text.count("\nlampiran:\n") == 1
    case.write_text(text.replace("\nlampiran:\n", "\nlampiran:\n  surat:\n    - judul: Surat Rahasia Kampus\n"
                                 "      internal: true\n    - judul: Surat Izin Institusi\n"), encoding="utf-8")
    (folder / "bab-1-pendahuluan.md").write_text("# BAB I Pendahuluan\n\nIzin: {{ ref('surat-2') }}.\n", encoding="utf-8")
    for profile, number in (("public", 1), ("internal", 2)):
        site = tmp_path / profile
        built = build(project, site, tmp_path / "cache", CASEBOOK_PDF="0", CASEBOOK_PROFILE=profile)
        assert built.returncode == 0, built.stderr
        appendix = (site / "kasus/ts-contoh-2024/lampiran/index.html").read_text(encoding="utf-8")
        assert f'<h2 id="lampiran-surat-2">Lampiran {number} Surat Izin Institusi' in appendix
        assert ("Surat Rahasia Kampus" in appendix) == (profile == "internal")
        bab1 = (site / "kasus/ts-contoh-2024/bab-1-pendahuluan/index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="[^"]*/lampiran/#lampiran-surat-2">Lampiran {number}</a>', bab1), profile
