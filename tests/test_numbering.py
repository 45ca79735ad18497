"""Captions are numbered per chapter; references and lists resolve to them."""

from __future__ import annotations

import pytest

from macros.render.numbering import LIST_MARKER, REF_MARKER, NumberingError, ReportNumbering, chapter_of, resolve_markers

BAB4 = "kasus/x/bab-4-penanganan-kasus/"
BAB3 = "kasus/x/bab-3-konteks-institusi/"


def test_numbers_count_per_chapter_and_kind():
    n = ReportNumbering("x")
    assert n.register("tabel", "wawancara", 4, "Tahapan Wawancara", BAB4).label == "Tabel 4.1"
    assert n.register("gambar", "ecomap", 4, "Ecomap Klien LN", BAB4).label == "Gambar 4.1"
    assert n.register("tabel", "kuadran", 4, "Quadrant Strength", BAB4).label == "Tabel 4.2"
    assert n.register("tabel", "penerima", 3, "Data Penerima Manfaat", BAB3).label == "Tabel 3.1"
    assert [c.label for c in n.of_kind("tabel")] == ["Tabel 3.1", "Tabel 4.1", "Tabel 4.2"]


def test_duplicate_id_is_refused():
    n = ReportNumbering("x")
    n.register("tabel", "wawancara", 4, "A", BAB4)
    with pytest.raises(NumberingError, match="sudah dipakai oleh Tabel 4.1"):
        n.register("gambar", "wawancara", 4, "B", BAB4)


def test_references_link_across_pages_and_within():
    n = ReportNumbering("x")
    n.register("tabel", "wawancara", 4, "Tahapan Wawancara", BAB4)
    html = f'<p>Lihat {REF_MARKER.format(id="wawancara")}.</p>'
    assert resolve_markers(html, n, BAB4) == '<p>Lihat <a class="casebook-ref" href="#tabel-wawancara">Tabel 4.1</a>.</p>'
    assert 'href="../../../kasus/x/bab-4-penanganan-kasus/#tabel-wawancara"' in resolve_markers(html, n, BAB3)


def test_unknown_reference_fails():
    with pytest.raises(NumberingError, match=r"ref\('tidak-ada'\)"):
        resolve_markers(REF_MARKER.format(id="tidak-ada"), ReportNumbering("x"), BAB4)


def test_list_marker_becomes_linked_list():
    n = ReportNumbering("x")
    n.register("gambar", "ecomap", 4, "Ecomap Klien LN", BAB4)
    html = resolve_markers(LIST_MARKER.format(kind="gambar"), n, "kasus/x/daftar-gambar/")
    assert html == ('<ul class="casebook-daftar-isi"><li><a class="casebook-ref" '
                    'href="../../../kasus/x/bab-4-penanganan-kasus/#gambar-ecomap">Gambar 4.1 Ecomap Klien LN</a></li></ul>')


def test_chapter_of_file_name():
    assert chapter_of("bab-4-penanganan-kasus.md") == 4 and chapter_of("lampiran.md") is None


def test_appendices_count_through_the_report():
    n = ReportNumbering("x")
    n.register("lampiran", "surat", 0, "Surat", "kasus/x/lampiran/")
    assert n.register("lampiran", "hadir", 0, "Daftar Hadir", "kasus/x/lampiran/").label == "Lampiran 2"


@pytest.mark.parametrize("element_id", ['a"b', "a<b", "a&b", "a b", "Surat {0}", "%s", "ü", "", "-awal", "x" * 81, None])
def test_an_element_id_that_would_change_on_its_way_to_html_markdown_or_the_pdf_is_refused(element_id):
    """Red-team finding 8: an id becomes an HTML id, a `{#...}` attribute, a URL fragment and a key of the PDF's lists."""
    from macros.render.numbering import NumberingError, ReportNumbering

    with pytest.raises(NumberingError, match="tidak valid"):
        ReportNumbering("x").register("lampiran", element_id, 0, "Judul", "kasus/x/lampiran/")


@pytest.mark.parametrize("element_id", ["surat_tugas", "Tabel-1", "lampiran_rencana_aksi", "foto-4-1-2", "x" * 80])
def test_ids_of_letters_digits_dash_and_underscore_are_kept(element_id):
    from macros.render.numbering import ReportNumbering

    assert ReportNumbering("x").register("lampiran", element_id, 0, "Judul", "kasus/x/lampiran/").anchor == f"lampiran-{element_id}"
