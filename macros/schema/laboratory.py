"""Laboratory practicum as data: the social mapping and assessment of a kelurahan (PPKS and PSKS per RW,
potentials and resources, programmes and policies in the area), short micro cases and the recommendations
the group hands to the kelurahan.

A laboratory practicum does not intervene: it maps, assesses and recommends. Each micro case is a person
or a family named by a pseudonym code only, with a short assessment and its own recommendations.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from macros.schema.base import F, Model
from macros.schema.types import AlatAsesmen, Klaster, KodeSamaran, Prosa, Tanggal, Teks

Jumlah = Annotated[int, Field(ge=0)]


class BarisRW(Model):
    """One kind of PPKS or PSKS with its count in each RW (in the order of `asesmen_wilayah.rw`)."""

    kind: Teks = F("jenis", "Jenis PPKS atau PSKS, misalnya 'Lanjut usia terlantar' atau 'Karang Taruna'.")
    counts: list[Jumlah] = F("jumlah", "Jumlah per RW, urut seperti daftar `rw`, misalnya [3, 0, 5, 2].", min_length=1, max_length=40)
    unit: Teks | None = F("satuan", "Satuan, misalnya 'jiwa', 'KK', 'lembaga' (bawaan: jiwa).", None)
    note: Teks | None = F("keterangan", "Keterangan.", None)

    @property
    def total(self) -> int:
        return sum(self.counts)


class TabelRW(Model):
    """A table of counts per RW: kinds (rows) × RW (columns), with totals per row and per RW."""

    title: Teks | None = F("judul", "Judul tabel; kosongkan agar dibuat otomatis.", None)
    rows: list[BarisRW] = F("baris", "Satu baris per jenis.", min_length=1, max_length=60)
    source: Teks | None = F("sumber_data", "Sumber data, misalnya 'Data Puskesos Kelurahan 2024 dan pendataan praktikan'.",
                            None)
    notes: Prosa | None = F("temuan", "Temuan dari tabel ini.", None)


class PotensiSumber(Model):
    """A potential or resource of the area (PSKS in the wider sense): a person's role, an institution, a facility."""

    name: Teks = F("nama", "Nama potensi atau sumber, misalnya 'Karang Taruna Tunas Harapan' atau 'Posyandu Melati'.")
    kind: Literal["perorangan", "kelembagaan", "sarana", "ekonomi", "alam", "sosial_budaya"] = F(
        "jenis", "Jenis sumber: perorangan, kelembagaan, sarana, ekonomi, alam, sosial_budaya.")
    location: Teks | None = F("lokasi", "RW atau tingkat kelurahan, misalnya 'RW 03' (tanpa alamat rumah).", None)
    use: Teks = F("pemanfaatan", "Peran atau manfaatnya bagi kesejahteraan sosial warga.")


class ProgramWilayah(Model):
    """A programme or policy that runs in the area (PKH, BPNT, posyandu lansia, a kelurahan regulation...)."""

    name: Teks = F("nama", "Nama program atau kebijakan, misalnya 'Program Keluarga Harapan (PKH)'.")
    organiser: Teks = F("penyelenggara", "Penyelenggara, misalnya 'Kementerian Sosial melalui pendamping PKH'.")
    basis: Teks | None = F("dasar_hukum", "Dasar hukum atau kebijakan, bila diketahui.", None)
    target: Teks = F("sasaran", "Sasaran program, misalnya 'keluarga miskin dengan anak sekolah'.")
    coverage: Teks | None = F("cakupan", "Cakupan di wilayah ini, misalnya '112 KPM'.", None)
    note: Teks | None = F("catatan", "Catatan praktikan: ketepatan sasaran, celah layanan.", None)


class AsesmenWilayah(Model):
    """Social mapping and assessment of the area: how it was done, then numbered tables per RW."""

    start: Tanggal = F("tanggal_mulai", "Tanggal mulai pemetaan sosial.")
    end: Tanggal | None = F("tanggal_selesai", "Tanggal selesai.", None)
    methods: list[AlatAsesmen] = F("metode", "Cara mengumpulkan data, misalnya [observasi, wawancara, studi_dokumentasi, fgd].",
                                   min_length=1, max_length=30)
    process: Prosa = F("proses", "Uraian proses pemetaan sosial dan asesmen wilayah.")
    rw: list[Teks] = F("rw", "RW yang dipetakan, urut sebagai kolom tabel, misalnya ['RW 01', 'RW 02'].", min_length=1, max_length=40)
    ppks: TabelRW | None = F("ppks", "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) per RW.", None)
    psks: TabelRW | None = F("psks", "Potensi dan Sumber Kesejahteraan Sosial (PSKS) per RW.", None)
    potentials: list[PotensiSumber] = F("potensi_sumber", "Potensi dan sistem sumber di wilayah.", default_factory=list, max_length=60)
    programmes: list[ProgramWilayah] = F("program_kebijakan", "Program dan kebijakan yang berjalan di wilayah.",
                                         default_factory=list, max_length=60)
    conclusion: Prosa | None = F("simpulan", "Simpulan asesmen wilayah: masalah utama dan potensi.", None)


class AspekKasus(Model):
    aspect: Teks = F("aspek", "Aspek asesmen, misalnya 'Kondisi fisik', 'Relasi sosial', 'Ekonomi'.")
    finding: Teks = F("temuan", "Temuan singkat.")


class KasusMikro(Model):
    """A short micro case: a person or family met during the mapping, by pseudonym code only."""

    code: KodeSamaran = F("kode", "Kode samaran, misalnya KM1 atau NR. Bukan nama asli.")
    title: Teks = F("judul", "Judul singkat, misalnya 'Lansia yang tinggal sendiri'.")
    date: Tanggal = F("tanggal", "Tanggal asesmen (kunjungan pertama).")
    location: Teks | None = F("lokasi", "RW tempat tinggal (tanpa RT, jalan, nomor rumah).", None)
    clusters: list[Klaster] = F("klaster", "Klaster PPKS, misalnya lansia atau anak.", min_length=1, max_length=20)
    sex: Literal["laki-laki", "perempuan"] | None = F("jenis_kelamin", "laki-laki atau perempuan (opsional).", None)
    age_band: Teks | None = F("kelompok_usia", "Kelompok usia, misalnya '60–69 tahun' (opsional).", None)
    description: Prosa = F("gambaran", "Gambaran singkat keadaan dan masalahnya.")
    assessment: list[AspekKasus] = F("asesmen", "Asesmen singkat per aspek (tabel bernomor).", min_length=1, max_length=20)
    resources: list[Teks] = F("sistem_sumber", "Sistem sumber yang dapat dihubungkan.", default_factory=list, max_length=30)
    recommendations: list[Teks] = F("rekomendasi", "Rekomendasi penanganan kasus ini.", min_length=1, max_length=30)


class Rekomendasi(Model):
    """A recommendation of the laboratory practicum to the kelurahan or its partners."""

    item: Teks = F("uraian", "Isi rekomendasi.")
    addressee: Teks = F("ditujukan_kepada", "Pihak yang dituju, misalnya 'Pemerintah Kelurahan' atau 'Puskesos'.")
    basis: Teks | None = F("dasar", "Temuan yang mendasarinya, misalnya 'Tabel PPKS: lansia terlantar terbanyak di RW 03'.",
                           None)


__all__ = ["AsesmenWilayah", "KasusMikro", "Rekomendasi"]
