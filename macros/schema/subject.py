"""The report's subject when it is not one client: a target group, or a community (desa/kelurahan).

An individual client stays in `macros/schema/client.py`. A group or a community is described by counts
and by members' pseudonym codes, never by one person's sex or age.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from macros.schema.base import F, Model
from macros.schema.types import Klaster, KodeSamaran, Prosa, Teks, TipeKelompok, fail


class Komposisi(Model):
    """Counts by sex in one age band (one row of a population or membership table)."""

    age_band: Teks = F("kelompok_usia", "Kelompok usia, misalnya '25–39 tahun' atau 'Dewasa (19–59 tahun)'.")
    men: int = F("laki_laki", "Jumlah laki-laki.", ge=0)
    women: int = F("perempuan", "Jumlah perempuan.", ge=0)

    @property
    def total(self) -> int:
        return self.men + self.women


class AnggotaKelompok(Model):
    """One member of the target group, by pseudonym code."""

    code: KodeSamaran = F("kode", "Kode samaran anggota, misalnya A01 atau KBL03. Bukan nama asli.")
    role: Teks = F("peran", "Peran dalam kelompok, misalnya 'Ketua', 'Bendahara', 'Anggota'.")
    sex: Literal["laki-laki", "perempuan"] | None = F("jenis_kelamin", "laki-laki atau perempuan (opsional).", None)
    age_band: Teks | None = F("kelompok_usia", "Kelompok usia (opsional), misalnya '40–49 tahun'.", None)


class KelompokSasaran(Model):
    """A target group: its name, kind, composition and members by pseudonym code."""

    name: Teks = F("nama", "Nama kelompok, misalnya 'Kelompok Budidaya Lele Mina Lestari'.")
    code: KodeSamaran | None = F("kode", "Kode singkat kelompok untuk judul gambar dan tabel (opsional), misalnya KBL.", None)
    kind: Teks = F("jenis", "Jenis kelompok, misalnya 'kelompok usaha ekonomi produktif' atau 'kelompok wanita tani'.")
    group_type: TipeKelompok | None = F("tipe_kelompok", "Tipe kelompok menurut Garvin bila relevan, misalnya self_help.", None)
    founded: Teks | None = F("dibentuk", "Tahun atau tanggal kelompok dibentuk.", None)
    domicile: Teks | None = F("domisili", "Wilayah kelompok setingkat dusun/desa/kecamatan (tanpa RT/RW, jalan, nomor).", None)
    description: Prosa | None = F("uraian", "Gambaran singkat kelompok: kegiatan, aturan, pertemuan rutin.", None)
    clusters: list[Klaster] = F("klaster", "Klaster sasaran, misalnya kemiskinan, pemberdayaan_masyarakat.", min_length=1, max_length=20)
    composition: list[Komposisi] = F("komposisi", "Jumlah anggota per kelompok usia dan jenis kelamin.", min_length=1, max_length=30)
    members: list[AnggotaKelompok] = F("anggota", "Anggota dengan kode samaran dan perannya.", default_factory=list, max_length=100)

    @property
    def men(self) -> int:
        return sum(row.men for row in self.composition)

    @property
    def women(self) -> int:
        return sum(row.women for row in self.composition)

    @property
    def total(self) -> int:
        return self.men + self.women

    @model_validator(mode="after")
    def _members_fit_composition(self) -> "KelompokSasaran":
        if len(self.members) > self.total:
            raise fail(f"`anggota` memuat {len(self.members)} orang, padahal `komposisi` berjumlah {self.total}",
                       "samakan daftar anggota dengan jumlah pada komposisi")
        for sex, counted in (("laki-laki", self.men), ("perempuan", self.women)):
            listed = sum(1 for m in self.members if m.sex == sex)
            if listed > counted:
                raise fail(f"`anggota` memuat {listed} orang {sex}, padahal `komposisi` mencatat {counted}",
                           "periksa jenis kelamin anggota atau angka komposisi")
        return self


class JumlahJenis(Model):
    """A count of one kind (a PPKS or PSKS category, a livelihood)."""

    kind: Teks = F("jenis", "Jenis, misalnya 'Keluarga fakir miskin' atau 'Petani'.")
    count: int | None = F("jumlah", "Jumlah (orang, keluarga atau lembaga); kosongkan bila tidak tercatat.", None, ge=0)
    unit: Teks | None = F("satuan", "Satuan, misalnya 'jiwa', 'KK', 'lembaga' (bawaan: jiwa).", None)
    note: Teks | None = F("keterangan", "Keterangan.", None)


class Komunitas(Model):
    """A community: the village (desa/kelurahan) and the part of it the practicum worked in."""

    area_kind: Literal["desa", "kelurahan"] = F("jenis_wilayah", "desa atau kelurahan.")
    name: Teks = F("nama", "Nama desa/kelurahan, misalnya 'Sukamulya' (tanpa kata 'Desa').")
    district: Teks = F("kecamatan", "Kecamatan.")
    regency: Teks = F("kabupaten", "Kabupaten atau kota.")
    province: Teks | None = F("provinsi", "Provinsi.", None)
    scope: list[Teks] = F("wilayah_sasaran", "Dusun/RW yang menjadi wilayah praktikum, misalnya 'Dusun Cikoneng'.", min_length=1, max_length=30)
    overview: Prosa | None = F("gambaran_umum", "Gambaran umum desa/kelurahan: letak, sejarah singkat, kondisi alam.", None)
    households: int | None = F("jumlah_kk", "Jumlah kepala keluarga.", None, ge=0)
    population: list[Komposisi] = F("penduduk", "Penduduk per kelompok umur dan jenis kelamin.", min_length=1, max_length=30)
    livelihoods: list[JumlahJenis] = F("mata_pencaharian", "Mata pencaharian utama penduduk.", min_length=1, max_length=40)
    ppks: list[JumlahJenis] = F("ppks", "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) menurut jenis.", default_factory=list, max_length=60)
    psks: list[JumlahJenis] = F("psks", "Potensi dan Sumber Kesejahteraan Sosial (PSKS) menurut jenis.", default_factory=list, max_length=60)
    data_source: Teks | None = F("sumber_data", "Sumber data, misalnya 'Profil Desa 2024'.", None)
    clusters: list[Klaster] = F("klaster", "Klaster sasaran praktikum, misalnya pemberdayaan_masyarakat.", min_length=1, max_length=20)

    @property
    def title(self) -> str:
        return f"{self.area_kind.capitalize()} {self.name}"

    @property
    def men(self) -> int:
        return sum(row.men for row in self.population)

    @property
    def women(self) -> int:
        return sum(row.women for row in self.population)
