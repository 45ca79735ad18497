"""The community practicum example built as a student gets it: site, PDF and Word, with the community
described in its own words, the community stages in BAB IV, the drawn figures and the tables numbered."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document

from tests.helpers import ROOT, run_cli
from tests.test_pdf import build, normalise, page_texts
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

SLUG = "kbl-cikadu-2024"


def build_example_with_word(base, slug: str, docx_name: str):
    """One example report built into `base`/site (internal profile, with its PDF) and exported as
    `base`/`docx_name`; returns `base`."""
    project = _project_copy(base)
    shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    result = build(project, base / "site", base / "cache", CASEBOOK_PROFILE="internal")
    assert result.returncode == 0, result.stderr
    mp = pytest.MonkeyPatch()
    mp.chdir(project)
    mp.setenv("NO_MKDOCS_2_WARNING", "1")
    code, out = run_cli(["export", slug, "--docx", "--output", str(base / docx_name)])
    mp.undo()
    assert code == 0, out
    return base


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_example_with_word(tmp_path_factory.mktemp("komunitas"), SLUG, "kbl.docx")


def _page(built, name: str) -> str:
    return (built / "site" / "kasus" / SLUG / name / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_site_names_the_subject_a_group_in_a_community_never_a_client(built):
    summary = _text((built / "site" / "kasus" / SLUG / "index.html").read_text(encoding="utf-8"))
    assert "Profil Kelompok Sasaran" in summary and "Profil Komunitas" in summary
    assert "Identitas Klien" not in summary and "Kode klien" not in summary
    assert "Kelompok Sasaran KBL" in summary  # the catalogue card's subject line
    bab3 = _text(_page(built, "bab-3-konteks-institusi"))
    assert "Jumlah penduduk 3.885 jiwa (1.950 laki-laki, 1.935 perempuan)" in bab3
    assert "Jumlah anggota 14 orang (5 laki-laki, 9 perempuan)" in bab3
    for page in ("bab-3-konteks-institusi", "bab-4-penanganan-kasus"):
        captions = re.findall(r'class="casebook-caption[^"]*"[^>]*>(.*?)</', _page(built, page))
        assert captions and not any("Klien" in c for c in captions), captions


def test_bab_iv_follows_the_community_stages_in_order(built):
    headings = [_text(h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", _page(built, "bab-4-penanganan-kasus"))]
    stages = [h for h in headings if "Tahap" in h]
    expected = ["Inisiasi Sosial", "Pengorganisasian Sosial", "Asesmen Partisipatif", "Perencanaan Partisipatif",
                "Aksi Sosial/Intervensi", "Monitoring dan Evaluasi", "Terminasi", "Tindak Lanjut"]
    assert [next(e for e in expected if e in h) for h in stages] == expected, headings


def test_pdf_shows_the_drawn_figures_and_the_tables_in_its_lists(built):
    pages = page_texts(built / "site" / "kasus" / SLUG / f"{SLUG}.pdf")
    text = normalise(" ".join(pages))
    lists = normalise(" ".join(p for p in pages if "daftar tabel" in normalise(p) or "daftar gambar" in normalise(p)))
    for caption in ("Diagram Venn Kelembagaan Kelompok Mina Lestari", "Pohon Masalah Kelompok Mina Lestari",
                    "Peta Sosial Dusun Pasirlaja"):
        assert re.search(rf"gambar 4\.\d+ {re.escape(caption.casefold())}", lists), caption
    for caption in ("Transek Dusun Pasirlaja", "Kalender Musim Kelompok Mina Lestari", "Rencana Aksi",
                    "Rencana Anggaran Biaya Pelatihan Pakan Mandiri", "Peringkat Masalah Hasil MPA",
                    "Jumlah Penduduk Desa Cikadu Hilir", "Analisis Pemangku Kepentingan"):
        assert re.search(rf"tabel \d\.\d+ {re.escape(caption.casefold())}", lists), caption
    assert "bab iii profil komunitas" in text and "bab iv pelaksanaan praktikum komunitas" in text
    assert "rp4.400.000" in text and "rp1.750.000" in text
    assert "lampiran 3 rencana anggaran biaya (rab)" in text and "lampiran 5 log supervisi" in text
    assert "informed consent" not in text and "bpss" not in text


def test_word_export_has_the_community_tables_and_figures(built):
    document = Document(str(built / "kbl.docx"))
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert any(c.startswith("Gambar 4.") and "Diagram Venn" in c for c in captions), captions
    assert any(c.startswith("Gambar 4.") and "Pohon Masalah" in c for c in captions), captions
    assert any(c.startswith("Tabel 4.") and "Rencana Anggaran Biaya" in c for c in captions), captions
    budget = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:6] ==
                  ["No", "Uraian", "Volume", "Satuan", "Harga satuan", "Jumlah"])
    assert budget.rows[-1].cells[5].text == "Rp4.400.000"


def test_pdf_pages_render(built, tmp_path):
    """pdftoppm reads every page (a page that fails to render would be missing from the output)."""
    pdf = built / "site" / "kasus" / SLUG / f"{SLUG}.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(pdf), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == len(page_texts(pdf)) >= 25
