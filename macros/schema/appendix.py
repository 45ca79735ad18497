"""References (APA fields) and appendices: letters, attendance, photos, other documents."""

from __future__ import annotations

from typing import Literal

from macros.schema.base import F, Model, StrictBool
from pydantic import Field
from typing_extensions import Annotated

from macros.schema.types import Kode, Prosa, Tanggal, Teks

NomorBagian = Annotated[str, Field(pattern=r"^[1-6](\.[0-9]+){0,2}$")]


class Pustaka(Model):
    """One reference, stored by APA fields so the list can be sorted and formatted."""

    kind: Literal["buku", "jurnal", "bab_buku", "regulasi", "dokumen", "web"] = F(
        "jenis", "buku, jurnal, bab_buku, regulasi, dokumen, atau web.")
    authors: list[Teks] = F("penulis", "Penulis 'Nama Belakang, Inisial.' atau nama lembaga.", min_length=1, max_length=50)
    year: int | None = F("tahun", "Tahun terbit; kosongkan bila tanpa tahun (t.t.).", None, ge=1800, le=2100)
    title: Teks = F("judul", "Judul karya.")
    publisher: Teks | None = F("penerbit", "Penerbit (buku) atau lembaga.", None)
    city: Teks | None = F("kota", "Kota terbit.", None)
    journal: Teks | None = F("jurnal", "Nama jurnal (untuk artikel).", None)
    volume: Kode | None = F("volume", "Volume jurnal.", None)
    issue: Kode | None = F("nomor", "Nomor terbitan jurnal.", None)
    pages: Teks | None = F("halaman", "Halaman, misalnya '103-110'.", None)
    editors: list[Teks] = F("editor", "Editor (untuk bab buku).", default_factory=list, max_length=20)
    book_title: Teks | None = F("judul_buku", "Judul buku (untuk bab buku).", None)
    translator: Teks | None = F("penerjemah", "Penerjemah.", None)
    url: Teks | None = F("url", "Alamat daring.", None)


class Surat(Model):
    title: Teks = F("judul", "Judul lampiran, misalnya 'Surat Keterangan Magang'.")
    number: Kode | None = F("nomor", "Nomor surat.", None)
    date: Tanggal | None = F("tanggal", "Tanggal surat.", None)
    sender: Teks | None = F("dari", "Pengirim surat.", None)
    subject: Teks | None = F("perihal", "Perihal.", None)
    summary: Prosa | None = F("isi", "Ringkasan isi surat.", None)
    file: Teks | None = F("berkas", "Pindaian surat di folder media/ (opsional).", None)
    internal: StrictBool = F("internal", "true: hanya untuk arsip kampus (profil internal); tidak tampil di situs publik "
                             "maupun PDF-nya, dan berkasnya tidak diterbitkan.", False)


class BarisHadir(Model):
    name: Teks = F("nama", "Nama praktikan.")
    student_number: Kode = F("nrp", "NRP; tulis dalam tanda kutip bila diawali 0.")
    present: list[StrictBool] = F("hadir", "Kehadiran per minggu: true/false, sebanyak jumlah minggu.", min_length=1, max_length=52)
    note: Teks | None = F("keterangan", "Keterangan.", None)


class DaftarHadir(Model):
    title: Teks = F("judul", "Judul daftar hadir.")
    weeks: int = F("jumlah_minggu", "Jumlah minggu praktikum.", ge=1, le=52)
    rows: list[BarisHadir] = F("baris", "Satu baris per praktikan.", min_length=1, max_length=60)
    signed_by: Teks | None = F("ketua_kelompok", "Ketua kelompok yang menandatangani.", None)
    internal: StrictBool = F("internal", "true: hanya untuk arsip kampus (profil internal); tidak tampil di situs publik "
                             "maupun PDF-nya, misalnya karena memuat NRP teman sekelompok.", False)


class Foto(Model):
    """A documentation photo with the consent flags that decide where it may appear."""

    file: Teks = F("berkas", "Jalur berkas di dalam folder laporan, misalnya media/eic.jpg.")
    caption: Teks = F("keterangan", "Keterangan foto (menjadi judul gambar).")
    date: Tanggal | None = F("tanggal", "Tanggal pengambilan.", None)
    section: NomorBagian | None = F("bagian", "Nomor subbab tempat foto tampil sebagai Gambar, misalnya '4.1'; kosongkan untuk lampiran saja.", None)
    publication_consent: StrictBool = F("izin_publikasi", "true bila orang di foto setuju foto dipublikasikan.")
    face_visible: StrictBool = F("wajah_terlihat", "true bila wajah seseorang dapat dikenali.")
    minor: StrictBool = F("anak", "true bila foto memuat anak (di bawah 18 tahun).")


class LampiranLain(Model):
    title: Teks = F("judul", "Judul lampiran.")
    body: Prosa | None = F("isi", "Isi lampiran (Markdown).", None)
    file: Teks | None = F("berkas", "Berkas lampiran di folder media/.", None)
    internal: StrictBool = F("internal", "true: hanya untuk arsip kampus (profil internal); tidak tampil di situs publik "
                             "maupun PDF-nya, dan berkasnya tidak diterbitkan.", False)


class Lampiran(Model):
    letters: list[Surat] = F("surat", "Surat-surat (keterangan magang, izin, ...).", default_factory=list, max_length=50)
    attendance: DaftarHadir | None = F("daftar_hadir", "Daftar hadir mingguan.", None)
    photos: list[Foto] = F("dokumentasi", "Foto dokumentasi kegiatan.", default_factory=list, max_length=150)
    others: list[LampiranLain] = F("lainnya", "Lampiran lain (program usulan, ...).", default_factory=list, max_length=50)
