"""Prose chapters around the case: BAB I–III, V and VI."""

from __future__ import annotations

from macros.schema.base import F, Model, Tabel
from macros.schema.types import Prosa, Setting, Tanggal, Teks


class Pendahuluan(Model):
    """BAB I Pendahuluan."""

    background: Prosa = F("latar_belakang", "Latar belakang praktikum (Markdown).")
    general_aim: Prosa = F("tujuan_umum", "Tujuan umum praktikum.")
    specific_aims: list[Teks] = F("tujuan_khusus", "Tujuan khusus, satu butir per baris.", min_length=1, max_length=20)
    benefits: list[Teks] = F("manfaat", "Manfaat praktikum bagi mahasiswa, institusi dan kampus.", min_length=1, max_length=20)
    targets: list[Teks] = F("sasaran", "Sasaran praktikum.", min_length=1, max_length=20)


class Subbab(Model):
    title: Teks = F("judul", "Judul subbab, tanpa nomor.")
    body: Prosa = F("isi", "Isi subbab (Markdown).")


class Regulasi(Model):
    name: Teks = F("nama", "Nama peraturan, misalnya 'Undang-Undang No. 8 Tahun 2016 tentang Penyandang Disabilitas'.")
    relevance: Prosa = F("uraian", "Isi singkat dan kaitannya dengan kasus.")


class Landasan(Model):
    """BAB II Landasan Konseptual."""

    methods: Prosa = F("metode", "Metode pekerjaan sosial yang dipakai (casework, groupwork, ...).")
    stages: Prosa = F("tahapan", "Tahapan proses pertolongan pekerjaan sosial.")
    roles: Prosa = F("peran", "Peranan pekerja sosial dalam casework dan groupwork.")
    concepts: list[Subbab] = F("tinjauan_konseptual", "Tinjauan konseptual terkait kasus, satu subbab per konsep.", min_length=1, max_length=30)
    regulations: list[Regulasi] = F("regulasi", "Regulasi yang mendukung penanganan kasus.", min_length=1, max_length=40)


class Program(Model):
    name: Teks = F("nama", "Nama program atau layanan.")
    description: Prosa = F("uraian", "Uraian singkat program.")


class PenerimaManfaat(Model):
    description: Prosa = F("uraian", "Profil penerima manfaat layanan institusi.")
    table: Tabel | None = F("tabel", "Data penerima manfaat dalam tabel (opsional).", None)


class Institusi(Model):
    """BAB III Konteks Praktikum Institusi."""

    name: Teks = F("nama", "Nama institusi/lembaga tempat praktikum.")
    setting: Setting = F("setting", "Setting praktik: industri, primer, komunitas, sekolah, rumah_sakit, lainnya.")
    address: Teks | None = F("alamat", "Alamat resmi institusi (alamat lembaga, bukan alamat klien).", None)
    overview: Prosa | None = F("gambaran_umum", "Gambaran umum institusi.", None)
    profile: list[Subbab] = F("profil", "Profil institusi: sejarah, visi-misi, struktur, sarana, jaringan kerja, ...", default_factory=list, max_length=30)
    programmes: list[Program] = F("program", "Program atau layanan yang diberikan institusi.", default_factory=list, max_length=50)
    beneficiaries: PenerimaManfaat | None = F("penerima_manfaat", "Profil dan data penerima manfaat.", None)


class DilemaEtik(Model):
    dilemma: Prosa = F("dilema", "Dilema etik yang dihadapi.")
    resolution: Prosa = F("solusi", "Bagaimana dilema itu disikapi.")


class KegiatanLain(Model):
    name: Teks = F("nama", "Nama kegiatan.")
    description: Prosa = F("uraian", "Uraian singkat keterlibatan praktikan.")
    date: Tanggal | None = F("tanggal", "Tanggal kegiatan, bila satu hari.", None)


class PraktikBaik(Model):
    """BAB V Praktik Baik."""

    integration: Prosa = F("integrasi", "Integrasi/keterkaitan metode casework dan groupwork.")
    best_achievement: Prosa | None = F("capaian_terbaik", "Capaian terbaik praktikum.", None)
    reflection: Prosa = F("refleksi", "Refleksi: pengembangan diri dan profesional calon pekerja sosial.")
    ethical_dilemmas: list[DilemaEtik] = F("dilema_etik", "Dilema etik dan solusinya.", default_factory=list, max_length=20)
    other_activities: list[KegiatanLain] = F("kegiatan_lain", "Keterlibatan dalam kegiatan lain di institusi.", default_factory=list, max_length=40)
    challenges: list[Teks] = F("tantangan", "Tantangan praktikum.", default_factory=list, max_length=30)


class Simpulan(Model):
    """BAB VI Simpulan dan Rekomendasi."""

    conclusion: Prosa = F("simpulan", "Simpulan: ketercapaian tujuan praktikum dan penanganan kasus.")
    recommendations: list[Teks] = F("rekomendasi", "Rekomendasi untuk institusi, kampus, dan tindak lanjut kasus.", min_length=1, max_length=30)
