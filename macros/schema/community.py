"""Community practice as data: the agreement with the community, participatory assessment tools,
the action plan, the budget (RAB), participants' attendance and the supervision log."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from macros.schema.base import F, Model
from macros.schema.types import MONTHS, KodeSamaran, Prosa, Tanggal, Teks, fail

# --- money -----------------------------------------------------------------------------------------

_RUPIAH = re.compile(r"^(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$", re.I)
RUPIAH_HINT = "tulis angka bulat, misalnya 1250000 atau \"Rp1.250.000\""


def parse_rupiah(value: Any) -> int:
    """`1250000`, `"1.250.000"`, `"Rp1.250.000"`, `"Rp 1.250.000,00"` -> 1250000 (whole rupiah)."""
    if isinstance(value, bool):
        raise fail(f"nilai rupiah tidak boleh `{value}`", RUPIAH_HINT)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise fail(f"nilai rupiah `{value}` memakai titik desimal; dalam YAML 1.250 dibaca sebagai 1,25", RUPIAH_HINT)
    if not isinstance(value, str):
        raise fail(f"nilai rupiah harus angka, bukan `{value}`", RUPIAH_HINT)
    match = _RUPIAH.match(value.strip().replace(" ", ""))
    if not match:
        raise fail(f"nilai rupiah `{value}` tidak dikenal", RUPIAH_HINT)
    whole, cents = match.groups()
    if cents and int(cents):
        raise fail(f"nilai rupiah `{value}` memuat sen", "bulatkan ke rupiah penuh")
    return int(whole.replace(".", ""))


def format_rupiah(amount: int | Decimal) -> str:
    """1250000 -> `Rp1.250.000` (Indonesian grouping, no space, as PUEBI writes it)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(int(amount)):,}".replace(",", ".")


def _number(value: Any) -> Any:
    """A volume: `2`, `2,5` or `2.5` (a comma is the Indonesian decimal mark)."""
    if isinstance(value, str):
        try:
            return Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            raise fail(f"volume `{value}` bukan angka", "tulis misalnya 2 atau 2,5") from None
    return value


Rupiah = Annotated[int, BeforeValidator(parse_rupiah), Field(ge=0),
                   WithJsonSchema({"type": ["integer", "string"], "examples": [1250000, "Rp1.250.000"]})]
Volume = Annotated[Decimal, BeforeValidator(_number), Field(gt=0),
                   WithJsonSchema({"type": ["number", "string"], "examples": [2, "2,5"]})]

# --- agreement ---------------------------------------------------------------------------------------


class Kesepakatan(Model):
    """The agreement with the community or its leaders (the community report's counterpart of informed consent)."""

    date: Tanggal = F("tanggal", "Tanggal kesepakatan.")
    place: Teks | None = F("tempat", "Tempat, misalnya 'Balai Desa'.", None)
    form: Teks = F("bentuk", "Bentuk kesepakatan, misalnya 'berita acara musyawarah dusun' atau 'lisan dalam rapat kelompok'.")
    parties: list[Teks] = F("pihak", "Pihak yang bersepakat (jabatan atau kode samaran).", min_length=1, max_length=30)
    items: list[Teks] = F("butir", "Isi kesepakatan, satu butir per baris.", min_length=1, max_length=30)
    process: Prosa | None = F("proses", "Bagaimana kesepakatan dicapai.", None)


# --- participatory assessment -------------------------------------------------------------------------


class Legenda(Model):
    symbol: Teks = F("simbol", "Simbol atau warna di peta, misalnya 'segitiga' atau 'garis putus-putus'.")
    meaning: Teks = F("arti", "Artinya, misalnya 'kolam lele anggota'.")


class PemetaanSosial(Model):
    """Social mapping: the map the community drew (an image in media/) and its legend as a table."""

    file: Teks = F("berkas", "Foto atau pindaian peta di folder media/, misalnya media/peta-sosial.jpg.")
    title: Teks = F("judul", "Judul peta, misalnya 'Peta Sosial Dusun Cikoneng'.")
    legend: list[Legenda] = F("legenda", "Keterangan simbol peta.", min_length=1, max_length=30)
    notes: Prosa | None = F("temuan", "Temuan dari pemetaan.", None)


class AspekTransek(Model):
    aspect: Teks = F("aspek", "Aspek yang diamati, misalnya 'Tanah', 'Potensi', 'Masalah'.")
    cells: list[Teks] = F("isi", "Isi per zona, dari kiri ke kanan sebanyak `zona`.", min_length=1, max_length=12)


class Transek(Model):
    """Transect walk: zones (columns) × aspects (rows)."""

    title: Teks = F("judul", "Judul tabel, misalnya 'Transek Dusun Cikoneng'.")
    zones: list[Teks] = F("zona", "Zona yang dilalui, dari ujung ke ujung.", min_length=1, max_length=12)
    aspects: list[AspekTransek] = F("aspek", "Satu baris per aspek.", min_length=1, max_length=30)
    notes: Prosa | None = F("temuan", "Temuan dari transek.", None)


Bulan = Annotated[int, BeforeValidator(lambda v: (MONTHS.index(v.strip().lower()) + 1)
                                       if isinstance(v, str) and v.strip().lower() in MONTHS else v),
                  Field(ge=1, le=12), WithJsonSchema({"type": ["integer", "string"], "examples": [3, "Maret"]})]


class KegiatanMusim(Model):
    activity: Teks = F("kegiatan", "Kegiatan atau keadaan, misalnya 'Musim hujan', 'Panen padi', 'Harga pakan naik'.")
    months: list[Bulan] = F("bulan", "Bulan terjadinya (nama atau angka 1–12).", min_length=1, max_length=12)
    note: Teks | None = F("keterangan", "Keterangan.", None)


class KalenderMusim(Model):
    """Seasonal calendar: activities (rows) × the twelve months (columns)."""

    title: Teks = F("judul", "Judul tabel, misalnya 'Kalender Musim Kelompok'.")
    rows: list[KegiatanMusim] = F("kegiatan", "Satu baris per kegiatan.", min_length=1, max_length=40)
    notes: Prosa | None = F("temuan", "Temuan dari kalender musim.", None)


Tingkat = Literal["besar", "sedang", "kecil"]
Jarak = Literal["dekat", "sedang", "jauh"]


class LembagaVenn(Model):
    name: Teks = F("nama", "Nama lembaga, misalnya 'Pemerintah Desa' atau 'Bank Sampah'.")
    importance: Tingkat = F("kepentingan", "Arti penting lembaga bagi komunitas: besar, sedang, kecil (ukuran lingkaran).")
    closeness: Jarak = F("kedekatan", "Kedekatan dengan komunitas: dekat, sedang, jauh (jarak dari pusat).")
    role: Teks | None = F("peran", "Peran lembaga bagi komunitas.", None)


class DiagramVenn(Model):
    """Venn diagram of institutions: importance as circle size, closeness as distance from the community."""

    title: Teks = F("judul", "Judul gambar, misalnya 'Diagram Venn Kelembagaan Dusun Cikoneng'.")
    institutions: list[LembagaVenn] = F("lembaga", "Lembaga yang disebut komunitas (1–15).", min_length=1, max_length=15)
    notes: Prosa | None = F("temuan", "Temuan dari diagram Venn.", None)


class PohonMasalah(Model):
    """Problem tree: the core problem, its causes (roots) and effects (branches)."""

    title: Teks = F("judul", "Judul gambar, misalnya 'Pohon Masalah Kelompok'.")
    core: Teks = F("masalah_inti", "Masalah inti (batang pohon).")
    causes: list[Teks] = F("penyebab", "Penyebab (akar), 1–12 butir.", min_length=1, max_length=12)
    effects: list[Teks] = F("akibat", "Akibat (cabang), 1–12 butir.", min_length=1, max_length=12)
    notes: Prosa | None = F("temuan", "Temuan dari analisis pohon masalah.", None)


class PemangkuKepentingan(Model):
    party: Teks = F("pihak", "Pemangku kepentingan, misalnya 'Kepala Desa'.")
    interest: Teks = F("kepentingan", "Kepentingannya terhadap program.")
    influence: Literal["tinggi", "sedang", "rendah"] = F("pengaruh", "Pengaruh: tinggi, sedang, rendah.")
    support: Literal["mendukung", "netral", "menolak"] = F("sikap", "Sikap terhadap program: mendukung, netral, menolak.")
    role: Teks | None = F("peran", "Peran yang dapat diambil.", None)


class ButirPeringkat(Model):
    item: Teks = F("uraian", "Masalah atau kebutuhan.")
    votes: int = F("suara", "Jumlah suara (pemungutan suara atau stiker) dalam MPA/ToP.", ge=0)


class Peringkat(Model):
    """Ranked problems or needs from MPA/ToP; the rank is computed from the votes."""

    title: Teks = F("judul", "Judul tabel, misalnya 'Peringkat Masalah Hasil MPA'.")
    method: Literal["mpa", "top"] = F("metode", "mpa atau top.")
    voters: int | None = F("pemilih", "Jumlah peserta yang memberi suara.", None, ge=1)
    items: list[ButirPeringkat] = F("butir", "Masalah/kebutuhan dengan suaranya.", min_length=1, max_length=30)

    @property
    def ranked(self) -> list[ButirPeringkat]:
        return sorted(self.items, key=lambda i: -i.votes)


class AsesmenPartisipatif(Model):
    """Participatory assessment: each tool becomes a numbered table or figure."""

    start: Tanggal = F("tanggal_mulai", "Tanggal mulai asesmen partisipatif.")
    end: Tanggal | None = F("tanggal_selesai", "Tanggal selesai.", None)
    place: Teks | None = F("tempat", "Tempat, misalnya 'Rumah ketua kelompok'.", None)
    process: Prosa = F("proses", "Uraian proses asesmen partisipatif.")
    social_map: PemetaanSosial | None = F("pemetaan_sosial", "Pemetaan sosial: gambar peta dan legendanya.", None)
    transect: Transek | None = F("transek", "Transek: zona × aspek.", None)
    seasonal_calendar: KalenderMusim | None = F("kalender_musim", "Kalender musim: kegiatan × bulan.", None)
    venn: DiagramVenn | None = F("diagram_venn", "Diagram Venn kelembagaan.", None)
    problem_tree: PohonMasalah | None = F("pohon_masalah", "Pohon masalah.", None)
    stakeholders: list[PemangkuKepentingan] = F("pemangku_kepentingan", "Analisis pemangku kepentingan.", default_factory=list, max_length=40)
    problem_ranking: Peringkat | None = F("peringkat_masalah", "Peringkat masalah hasil MPA/ToP.", None)
    needs_ranking: Peringkat | None = F("peringkat_kebutuhan", "Peringkat kebutuhan hasil MPA/ToP.", None)
    conclusion: Prosa | None = F("simpulan", "Simpulan asesmen: masalah dan potensi yang disepakati.", None)

    @model_validator(mode="after")
    def _transect_is_rectangular(self) -> "AsesmenPartisipatif":
        if self.transect:
            for row in self.transect.aspects:
                if len(row.cells) != len(self.transect.zones):
                    raise fail(f"aspek `{row.aspect}` berisi {len(row.cells)} sel, padahal ada {len(self.transect.zones)} zona",
                               "isi satu sel per zona, dari kiri ke kanan")
        return self

    @property
    def tools(self) -> list[str]:
        """Codes of the `alat_asesmen` vocabulary this assessment used."""
        found = [("pemetaan_sosial", self.social_map), ("transek", self.transect),
                 ("kalender_musim", self.seasonal_calendar), ("diagram_venn", self.venn),
                 ("pohon_masalah", self.problem_tree), ("analisis_pemangku_kepentingan", self.stakeholders)]
        codes = [code for code, value in found if value]
        for ranking in (self.problem_ranking, self.needs_ranking):
            if ranking and ranking.method not in codes:
                codes.append(ranking.method)
        return codes


# --- planning and resources ---------------------------------------------------------------------------


class KegiatanAksi(Model):
    """One row of the action plan drawn up with the community (ToP)."""

    activity: Teks = F("kegiatan", "Kegiatan.")
    goal: Teks = F("tujuan", "Tujuan kegiatan.")
    target: Teks = F("sasaran", "Sasaran, misalnya '14 anggota kelompok'.")
    time: Teks = F("waktu", "Waktu, misalnya 'Minggu ke-3' atau '12 Oktober 2024'.")
    place: Teks = F("tempat", "Tempat.")
    responsible: Teks = F("penanggung_jawab", "Penanggung jawab (jabatan atau kode samaran).")
    funding: Teks = F("sumber_dana", "Sumber dana, misalnya 'Swadaya kelompok' atau 'Dana Desa'.")


class ButirAnggaran(Model):
    """One line of the budget: volume × unit price = amount."""

    item: Teks = F("uraian", "Barang atau jasa, misalnya 'Bibit lele ukuran 7–9 cm'.")
    volume: Volume = F("volume", "Banyaknya, misalnya 2000 atau 2,5.")
    unit: Teks = F("satuan", "Satuan, misalnya 'ekor', 'kg', 'paket'.")
    unit_price: Rupiah = F("harga_satuan", "Harga satuan dalam rupiah.")
    amount: Rupiah | None = F("jumlah", "Jumlah (volume × harga satuan); kosongkan agar dihitung otomatis.", None)
    funding: Teks | None = F("sumber_dana", "Sumber dana baris ini.", None)

    @property
    def computed(self) -> int:
        return int((self.volume * self.unit_price).to_integral_value())


class Anggaran(Model):
    """Rencana Anggaran Biaya (RAB). Totals are computed; stated totals are checked against them."""

    title: Teks = F("judul", "Judul RAB, misalnya 'Rencana Anggaran Biaya Budidaya Lele'.")
    items: list[ButirAnggaran] = F("butir", "Baris anggaran.", min_length=1, max_length=100)
    total: Rupiah | None = F("total", "Total yang tertulis di proposal; bila diisi harus sama dengan jumlah semua baris.", None)

    @property
    def computed_total(self) -> int:
        return sum(item.computed for item in self.items)


class PertemuanHadir(Model):
    date: Tanggal = F("tanggal", "Tanggal pertemuan.")
    activity: Teks = F("kegiatan", "Kegiatan.")
    present: list[Teks] = F("hadir", "Peserta yang hadir: kode samaran anggota atau jabatan (misalnya 'Ketua RW').",
                            min_length=1, max_length=200)


class DaftarHadirPeserta(Model):
    """Attendance of community participants, by code or role (not the students' attendance sheet)."""

    title: Teks = F("judul", "Judul, misalnya 'Daftar Hadir Anggota Kelompok'.")
    meetings: list[PertemuanHadir] = F("pertemuan", "Satu butir per pertemuan, berurutan menurut tanggal.", min_length=1, max_length=60)


class Supervisi(Model):
    """One supervision meeting with the field instructor or the lecturer."""

    date: Tanggal = F("tanggal", "Tanggal supervisi.")
    supervisor: Teks = F("pembimbing", "Pembimbing: jabatan atau nama dengan gelar, misalnya 'Dosen pembimbing'.")
    topic: Teks = F("topik", "Pokok bahasan.")
    follow_up: Teks = F("tindak_lanjut", "Tindak lanjut yang disepakati.")


__all__ = ["Anggaran", "AsesmenPartisipatif", "DaftarHadirPeserta", "KegiatanAksi", "Kesepakatan", "Supervisi",
           "KodeSamaran", "format_rupiah", "parse_rupiah"]
