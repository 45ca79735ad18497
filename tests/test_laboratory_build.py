"""The laboratory practicum example built as a group gets it: site, PDF and Word. BAB IV follows the laboratory
stages; each micro case is its own numbered sub-section (4.3.1, 4.3.2) with its own numbered table in the
Daftar Tabel; every author of the group is on the cover, the approval page and in the PDF/Word metadata."""

from __future__ import annotations

import re

import pytest
from docx import Document
from pypdf import PdfReader

from macros.loading import load_case
from tests.helpers import LABORATORY_EXAMPLE as SLUG
from tests.helpers import ROOT
from tests.test_community_build import build_example_with_word

pytestmark = pytest.mark.slow

CASE = load_case(ROOT / "cases" / SLUG).loaded.case
AUTHORS = [(a.name, a.student_number) for a in CASE.student.group_authors]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_example_with_word(tmp_path_factory.mktemp("laboratorium"), SLUG, "lab.docx")


def _page(built, name: str) -> str:
    return (built / "site" / "kasus" / SLUG / name / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _pdf_pages(built) -> list[str]:
    reader = PdfReader(str(built / "site" / "kasus" / SLUG / f"{SLUG}.pdf"))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def test_site_bab_iv_has_the_laboratory_stages_and_each_micro_case_numbered(built):
    html = _page(built, "bab-4-penanganan-kasus")
    h2 = [_text(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    assert [h.replace("¶", "").strip() for h in h2 if "Tahap" in h] == [
        "4.1 Tahap Persiapan dan Orientasi Wilayah", "4.2 Tahap Pemetaan Sosial dan Asesmen Wilayah",
        "4.3 Tahap Asesmen Kasus Mikro", "4.4 Tahap Penyusunan Rekomendasi"]
    h3 = [_text(h).replace("¶", "").strip() for h in re.findall(r"<h3[^>]*>(.*?)</h3>", html, re.S)]
    assert "4.3.1 Kasus Mikro KM1: Lansia yang tinggal sendiri" in h3
    assert "4.3.2 Kasus Mikro KM2: Penyandang disabilitas fisik yang kehilangan pekerjaan" in h3
    captions = [_text(c) for c in re.findall(r'<p class="casebook-caption casebook-caption-tabel"[^>]*>(.*?)</p>', html)]
    assert captions == [
        "Tabel 4.1 Tahapan Wawancara",
        "Tabel 4.2 Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) per RW di Kelurahan Mekarsantun",
        "Tabel 4.3 Potensi dan Sumber Kesejahteraan Sosial (PSKS) per RW di Kelurahan Mekarsantun",
        "Tabel 4.4 Potensi dan Sistem Sumber di Wilayah", "Tabel 4.5 Program dan Kebijakan di Wilayah",
        "Tabel 4.6 Asesmen Singkat Kasus Mikro KM1", "Tabel 4.7 Asesmen Singkat Kasus Mikro KM2",
        "Tabel 4.8 Rekomendasi Praktikum Laboratorium"]
    text = _text(html[html.index("<article"):html.index("</article>")])  # the page, not its navigation
    # Each micro case's table sits in its own sub-section, after its heading and before the next one.
    assert text.index("4.3.1 Kasus Mikro KM1") < text.index("Tabel 4.6") < text.index("4.3.2 Kasus Mikro KM2") \
        < text.index("Tabel 4.7") < text.index("4.4 Tahap Penyusunan Rekomendasi")
    for absent in ("Intervensi", "Terminasi", "Evaluasi", "Identitas Klien", "engagement"):
        assert absent not in text, absent
    tables = _page(built, "daftar-tabel")
    assert "Tabel 4.6 Asesmen Singkat Kasus Mikro KM1" in _text(tables) and "Tabel 4.7" in _text(tables)


def test_pdf_read_back_has_the_micro_case_numbering_and_lists_its_tables(built):
    pages = _pdf_pages(built)
    text = " ".join(pages)
    contents = next(p for p in pages if p.strip().startswith("DAFTAR ISI"))
    following = pages[pages.index(contents) + 1]
    toc = contents + " " + following
    assert "4.3.1 Kasus Mikro KM1: Lansia yang tinggal sendiri" in toc
    assert "4.3.2 Kasus Mikro KM2" in toc and "4.4 Tahap Penyusunan Rekomendasi" in toc
    table_list = next(p for p in pages if p.strip().startswith("DAFTAR TABEL"))
    for caption in ("Tabel 4.6 Asesmen Singkat Kasus Mikro KM1", "Tabel 4.7 Asesmen Singkat Kasus Mikro KM2",
                    "Tabel 4.8 Rekomendasi Praktikum Laboratorium", "Tabel 4.4 Potensi dan Sistem Sumber di Wilayah"):
        assert caption in table_list, caption
    km1 = next(i for i, p in enumerate(pages) if "4.3.1 Kasus Mikro KM1" in p and "DAFTAR ISI" not in p)
    assert any("Tabel 4.6 Asesmen Singkat Kasus Mikro KM1" in p for p in pages[km1:km1 + 2])
    assert "BAB IV PEMETAAN SOSIAL DAN ASESMEN WILAYAH" in text and "BAB III PROFIL WILAYAH" in text
    assert "engagement" not in text.lower() and "terminasi" not in text.lower()
    # An ordinary-size report, as the other examples.
    assert len(pages) < 35 and (built / "site" / "kasus" / SLUG / f"{SLUG}.pdf").stat().st_size < 400_000


def test_every_author_is_on_cover_approval_page_and_in_pdf_and_word_metadata(built):
    pages = _pdf_pages(built)
    cover = pages[0]
    approval = next(p for p in pages if p.strip().startswith("LEMBAR PENGESAHAN"))
    for page in (cover, approval):
        positions = [page.index(name) for name, _ in AUTHORS]
        assert positions == sorted(positions), "the authors keep the campus's order"
        for name, nrp in AUTHORS:
            assert f"NRP {nrp}" in page, (name, nrp)
        assert "Dimas Arya Wicaksono (Ketua)" in page and "Kelompok 3" in page
    reader = PdfReader(str(built / "site" / "kasus" / SLUG / f"{SLUG}.pdf"))
    assert reader.metadata.author == ", ".join(name for name, _ in AUTHORS)
    document = Document(str(built / "lab.docx"))
    assert all(name in document.core_properties.author for name, _ in AUTHORS)
    words = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    for name, nrp in AUTHORS:
        assert name in words and nrp in words
    assert "Kasus Mikro KM1" in words and "Kasus Mikro KM2" in words


def test_site_summary_and_card_name_the_kelurahan_and_the_group(built):
    summary = _text((built / "site" / "kasus" / SLUG / "index.html").read_text(encoding="utf-8"))
    assert "Profil Wilayah" in summary and "Kelurahan Mekarsantun" in summary and "Identitas Klien" not in summary
    assert "Profil Komunitas" not in summary  # the laboratory kind's own word (user test s23, F14)
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    card = home[home.index(f'data-slug="{SLUG}"'):]
    card = _text(card[:card.index("</article>")])
    assert "Dimas Arya Wicaksono, Salsabila Nur Azizah, Fajar Maulana Akbar, Anggita Kirana Pratiwi, dan Gilang Ramadhan " \
           "Saputra" in card
    assert "Alat asesmen" in card and "Observasi" in card
