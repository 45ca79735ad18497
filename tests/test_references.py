"""APA formatting and ordering of the reference list."""

from __future__ import annotations

from macros.render.references import apa, reference_list
from macros.schema.appendix import Pustaka


def ref(**data):
    return Pustaka.model_validate(data)


def test_book():
    r = ref(jenis="buku", penulis=["Zastrow, C."], tahun=2008, judul="Social Work and Social Welfare",
            penerbit="Cengage Learning", kota="USA")
    assert str(apa(r)) == "Zastrow, C. (2008). <em>Social Work and Social Welfare</em>. USA: Cengage Learning."


def test_journal_with_two_authors():
    r = ref(jenis="jurnal", penulis=["Ratnasari, J. D.", "Makmur, M."], tahun=2013, judul="Pengembangan kapasitas",
            jurnal="Jurnal Administrasi Publik", volume=1, nomor=3, halaman="103-110")
    assert str(apa(r)) == ("Ratnasari, J. D., &amp; Makmur, M. (2013). Pengembangan kapasitas. "
                           "<em>Jurnal Administrasi Publik</em>, <em>1</em>(3), 103-110.")


def test_no_year_and_escaping():
    r = ref(jenis="dokumen", penulis=["Desa <b>X</b>"], judul="Profil & Data")
    assert str(apa(r)) == "Desa &lt;b&gt;X&lt;/b&gt;. (t.t.). <em>Profil &amp; Data</em>."


def test_list_is_sorted_by_author_then_year():
    refs = [ref(jenis="buku", penulis=["Zastrow, C."], tahun=2008, judul="Z"),
            ref(jenis="buku", penulis=["Garvin, C. D."], tahun=1987, judul="G"),
            ref(jenis="buku", penulis=["Garvin, C. D."], tahun=1981, judul="H")]
    html = reference_list(refs)
    assert html.index("(1981)") < html.index("(1987)") < html.index("Zastrow")
