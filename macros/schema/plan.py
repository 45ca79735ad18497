"""Intervention plan (SMART goals) and intervention sessions."""

from __future__ import annotations

from macros.schema.base import F, Model
from macros.schema.types import KodeSamaran, Metode, Prosa, Tanggal, Teknik, Teks, TipeKelompok, Waktu


class Tujuan(Model):
    """A SMART goal: what, a measurable target, and by when."""

    text: Teks = F("uraian", "Rumusan tujuan, misalnya 'Klien menguasai resep masakan'.")
    target: Teks = F("target", "Ukuran keberhasilan yang dapat dihitung, misalnya '5 resep'.")
    deadline: Teks = F("tenggat", "Batas waktu, misalnya 'dalam 15 hari' atau 'sesi 3'.")


class KegiatanIntervensi(Model):
    """One row of the intervention plan table (the seeds' six columns)."""

    id: Teks = F("id", "Pengenal singkat kegiatan, dipakai sesi intervensi untuk merujuk, misalnya 'tata_boga'.")
    name: Teks = F("nama", "Nama kegiatan intervensi.")
    goal: Tujuan = F("tujuan", "Tujuan umum kegiatan (SMART).")
    sub_goals: list[Tujuan] = F("tujuan_khusus", "Tujuan khusus (SMART).", default_factory=list, max_length=20)
    parties: list[Teks] = F("pihak_terlibat", "Pihak yang terlibat.", min_length=1, max_length=30)
    start: Tanggal = F("tanggal_mulai", "Tanggal mulai kegiatan.")
    end: Tanggal | None = F("tanggal_selesai", "Tanggal selesai kegiatan.", None)
    place: Teks = F("tempat", "Tempat kegiatan.")
    sessions: int | None = F("jumlah_sesi", "Jumlah sesi yang direncanakan.", None, ge=1)
    method: Metode = F("metode", "Metode: casework, groupwork, community_organization.")
    group_type: TipeKelompok | None = F("tipe_kelompok", "Tipe kelompok (Garvin) bila metode groupwork.", None)
    techniques: list[Teknik] = F("teknik", "Teknik yang digunakan.", min_length=1, max_length=20)
    indicators: list[Teks] = F("indikator", "Indikator keberhasilan.", min_length=1, max_length=30)


class RencanaIntervensi(Model):
    """BAB IV.3 Rencana Intervensi."""

    start: Tanggal = F("tanggal_mulai", "Tanggal mulai penyusunan rencana.")
    end: Tanggal | None = F("tanggal_selesai", "Tanggal selesai penyusunan rencana.", None)
    process: Prosa | None = F("proses", "Uraian proses penyusunan rencana.", None)
    programme: Teks = F("nama_program", "Nama program intervensi.")
    programme_goal: Teks | None = F("tujuan_program", "Tujuan program secara keseluruhan.", None)
    targets: list[Teks] = F("sasaran", "Sasaran intervensi.", min_length=1, max_length=30)
    activities: list[KegiatanIntervensi] = F("kegiatan", "Kegiatan intervensi (baris tabel rencana).", min_length=1, max_length=30)


class SesiIntervensi(Model):
    """One intervention session or group meeting."""

    activity: Teks | None = F("kegiatan", "id kegiatan di rencana_intervensi yang dijalankan sesi ini.", None)
    title: Teks = F("judul", "Judul sesi, misalnya 'Membuat bakwan goreng dengan arahan'.")
    date: Tanggal = F("tanggal", "Tanggal sesi.")
    time: Waktu | None = F("waktu", "Jam mulai-selesai.", None)
    place: Teks | None = F("tempat", "Tempat.", None)
    practitioner: Teks | None = F("praktikan", "Praktikan pelaksana.", None)
    method: Metode | None = F("metode", "Metode yang dipakai dalam sesi.", None)
    techniques: list[Teknik] = F("teknik", "Teknik yang dipakai dalam sesi.", default_factory=list, max_length=20)
    members: list[KodeSamaran] = F("anggota", "Anggota kelompok yang hadir, dengan kode samaran.", default_factory=list, max_length=100)
    process: Prosa = F("proses", "Uraian proses sesi.")
    result: Prosa | None = F("hasil", "Hasil sesi.", None)


class Intervensi(Model):
    """BAB IV.4 Intervensi."""

    overview: Prosa | None = F("uraian", "Pengantar pelaksanaan intervensi.", None)
    sessions: list[SesiIntervensi] = F("sesi", "Sesi intervensi berurutan menurut tanggal.", min_length=1, max_length=100)
