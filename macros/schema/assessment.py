"""Assessment: tools used, BPSS, ecomap, genogram, strengths, ILS and problem analysis."""

from __future__ import annotations

from typing import Literal

from macros.schema.base import F, Model, StrictBool
from macros.schema.types import AlatAsesmen, Prosa, Tanggal, Teks


class BPSS(Model):
    """Bio-psycho-social-spiritual description."""

    biological: Prosa = F("biologis", "Kondisi biologis/fisik.")
    psychological: Prosa = F("psikologis", "Kondisi psikologis.")
    social: Prosa = F("sosial", "Kondisi sosial: situasi, keluarga, lingkungan.")
    spiritual: Prosa = F("spiritual", "Kondisi spiritual.")


class SistemEcomap(Model):
    """One system around the client and the quality of the relation (Hartman 1978)."""

    id: Teks = F("id", "Pengenal singkat, unik di ecomap ini, misalnya 'suami'.")
    name: Teks = F("nama", "Nama sistem seperti tampil di gambar, misalnya 'Suami' atau 'Kelompok HIKARI'.")
    category: Teks | None = F("jenis", "Jenis sistem: keluarga, pekerjaan, kelompok, lembaga, tetangga, kesehatan, ...", None)
    relation: Literal["kuat", "lemah", "stres"] = F("hubungan", "kuat (garis tebal), lemah (putus-putus), atau stres (bergerigi).")
    flow: Literal["ke_klien", "dari_klien", "dua_arah"] | None = F("arah", "Arah aliran energi/sumber: ke_klien, dari_klien, dua_arah.", None)
    note: Teks | None = F("keterangan", "Keterangan singkat hubungan.", None)


class Ecomap(Model):
    # Bounded like the community diagrams (Venn 15, problem tree 12): a drawing of more is unreadable, and a layout
    # over thousands of entries held check and every build for minutes (red team s23 #10).
    systems: list[SistemEcomap] = F("sistem", "Sistem di sekitar klien (1–30).", min_length=1, max_length=30)


class AnggotaGenogram(Model):
    """One person in the genogram (McGoldrick & Gerson), by role or code only."""

    id: Teks = F("id", "Pengenal unik, misalnya 'ayah', 'nenek_ibu'.")
    label: Teks = F("label", "Label di gambar: peran atau kode samaran, bukan nama asli.")
    sex: Literal["laki-laki", "perempuan"] = F("jenis_kelamin", "laki-laki atau perempuan.")
    age: int | None = F("usia", "Usia (atau usia saat meninggal).", None, ge=0, le=120)
    deceased: StrictBool = F("meninggal", "true bila sudah meninggal.", False)
    index_person: StrictBool = F("indeks", "true untuk klien (orang indeks).", False)
    father: Teks | None = F("ayah", "id ayah di genogram ini.", None)
    mother: Teks | None = F("ibu", "id ibu di genogram ini.", None)
    household: StrictBool = F("serumah", "true bila tinggal serumah dengan klien.", False)
    note: Teks | None = F("keterangan", "Keterangan singkat.", None)


class PasanganGenogram(Model):
    partner_a: Teks = F("a", "id pasangan pertama.")
    partner_b: Teks = F("b", "id pasangan kedua.")
    status: Literal["menikah", "pisah", "cerai"] = F("status", "menikah, pisah, atau cerai.", "menikah")


class Genogram(Model):
    members: list[AnggotaGenogram] = F("anggota", "Anggota keluarga, minimal tiga generasi bila diketahui (1–60).",
                                       min_length=1, max_length=60)
    couples: list[PasanganGenogram] = F("pasangan", "Hubungan pasangan (paling banyak 40).", default_factory=list,
                                        max_length=40)


class ButirKekuatan(Model):
    """One item of the strengths quadrant, stored by its two axes (Cowger/Saleebey)."""

    text: Teks = F("uraian", "Isi butir, misalnya 'Memiliki keluarga yang suportif'.")
    domain: Literal["personal", "lingkungan"] = F("ranah", "personal atau lingkungan.")
    kind: Literal["kelebihan", "kekurangan"] = F("sifat", "kelebihan atau kekurangan.")


class RanahILS(Model):
    domain: Teks = F("ranah", "Ranah kemandirian, misalnya 'Kemandirian fisik'.")
    description: Prosa = F("uraian", "Hasil observasi pada ranah ini.")
    independent: StrictBool | None = F("mandiri", "true bila klien mandiri pada ranah ini, false bila belum.", None)


class SistemSumber(Model):
    kind: Teks = F("jenis", "Jenis sumber: formal, informal, kemasyarakatan.")
    description: Teks = F("uraian", "Sumber dan bagaimana dapat dimanfaatkan.")


class Asesmen(Model):
    """BAB IV.2 Tahap Asesmen."""

    start: Tanggal = F("tanggal_mulai", "Tanggal mulai asesmen.")
    end: Tanggal | None = F("tanggal_selesai", "Tanggal selesai asesmen.", None)
    place: Teks | None = F("tempat", "Tempat asesmen.", None)
    process: Prosa = F("proses", "Uraian proses asesmen (Markdown).")
    tools: list[AlatAsesmen] = F("alat", "Alat/teknik asesmen yang dipakai.", min_length=1, max_length=30)
    bpss: BPSS | None = F("bpss", "Hasil asesmen BPSS.", None)
    economy_culture: Prosa | None = F("kondisi_ekonomi_sosial_budaya", "Kondisi ekonomi dan sosial budaya.", None)
    ecomap: Ecomap | None = F("ecomap", "Data ecomap.", None)
    genogram: Genogram | None = F("genogram", "Data genogram.", None)
    strengths: list[ButirKekuatan] = F("kekuatan", "Butir kuadran kekuatan.", default_factory=list, max_length=80)
    ils: list[RanahILS] = F("ils", "Hasil Independent Living Skills per ranah.", default_factory=list, max_length=20)
    symptoms: list[Teks] = F("gejala_masalah", "Gejala masalah.", min_length=1, max_length=30)
    causes: list[Teks] = F("penyebab_masalah", "Faktor penyebab masalah.", default_factory=list, max_length=30)
    impacts: list[Teks] = F("dampak_masalah", "Dampak masalah.", min_length=1, max_length=30)
    focus: Teks = F("fokus_masalah", "Fokus masalah dalam satu kalimat.")
    needs: list[Teks] = F("kebutuhan", "Daftar kebutuhan klien.", default_factory=list, max_length=30)
    resources: list[SistemSumber] = F("sistem_sumber", "Potensi dan sistem sumber.", default_factory=list, max_length=40)
