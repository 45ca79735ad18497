"""Report metadata and front matter: cover, approval page, foreword."""

from __future__ import annotations

from pydantic import model_validator

from macros.schema.base import F, Model, StrictBool
from macros.schema.types import JenisPraktikum, Kode, ProfilCetak, Prosa, Tanggal, Teks, fail


class Periode(Model):
    start: Tanggal = F("mulai", "Tanggal hari pertama praktikum.")
    end: Tanggal = F("selesai", "Tanggal hari terakhir praktikum.")


class Laporan(Model):
    """What the report is: title, kind and period."""

    title: Teks = F("judul", "Judul laporan seperti di halaman sampul (tanpa 'LAPORAN PRAKTIKUM').")
    kind: JenisPraktikum = F("jenis_praktikum", "Jenis praktikum: institusi, laboratorium, atau komunitas.", "institusi")
    year: int = F("tahun", "Tahun laporan, dicetak di sampul.", ge=2000, le=2100)
    semester: Teks | None = F("semester", "Semester, misalnya 'Ganjil 2024/2025'.", None)
    period: Periode = F("periode", "Periode praktikum lapangan.")
    city: Teks = F("kota", "Kota kampus, dicetak di sampul.")
    summary: Prosa | None = F("ringkasan", "Ringkasan 2–4 kalimat untuk kartu katalog dan halaman beranda laporan.", None)
    keywords: list[Teks] = F("kata_kunci", "Kata kunci untuk pencarian arsip.", default_factory=list, max_length=20)
    print_profile: ProfilCetak | None = F(
        "profil_cetak", "Profil cetak kampus untuk laporan ini (nama di mkdocs.yml, extra.casebook.pdf.profil_cetak): "
        "sampul, lembar pengesahan, margin dan huruf PDF/Word. Kosongkan: profil situs (pdf.profil). Untuk arsip yang "
        "memuat laporan beberapa kampus atau angkatan.", None)


class Penulis(Model):
    """One author of a group report (laporan kelompok)."""

    name: Teks = F("nama", "Nama lengkap mahasiswa.")
    student_number: Kode = F("nrp", "NRP/NIM; tulis dalam tanda kutip jika diawali angka 0.")
    leader: StrictBool = F("ketua", "true untuk ketua kelompok (paling banyak satu).", False)


class Praktikan(Model):
    """The student(s) who wrote the report: one author (`nama`, `nrp`) or a group (`penulis`)."""

    name: Teks | None = F("nama", "Nama lengkap praktikan (mahasiswa); untuk laporan kelompok pakai `penulis`.", None)
    student_number: Kode | None = F("nrp", "NRP/NIM praktikan; tulis dalam tanda kutip jika diawali angka 0.", None)
    group_authors: list[Penulis] = F(
        "penulis", "Penulis laporan kelompok, dalam urutan yang dipakai kampus (dicetak begitu di sampul, lembar "
        "pengesahan dan metadata PDF/DOCX). Dipakai sebagai ganti `nama` dan `nrp`.", default_factory=list, max_length=30)
    programme: Teks = F("program_studi", "Program studi, misalnya 'Sarjana Terapan Pekerjaan Sosial'.")
    campus: Teks = F("kampus", "Nama kampus.")
    group: Teks | None = F("kelompok", "Kelompok praktikum, misalnya 'Kelompok 14'.", None)

    @model_validator(mode="after")
    def _one_way_of_naming_authors(self) -> "Praktikan":
        single = self.name is not None or self.student_number is not None
        if single and self.group_authors:
            raise fail("tulis `nama` dan `nrp` untuk satu penulis, atau daftar `penulis` untuk laporan kelompok, "
                       "jangan keduanya")
        if not self.group_authors and (self.name is None or self.student_number is None):
            raise fail("`nama` dan `nrp` praktikan wajib diisi", "laporan kelompok: tulis daftar `penulis` (nama, nrp)")
        leaders = [author.name for author in self.group_authors if author.leader]
        if len(leaders) > 1:
            raise fail(f"hanya satu penulis yang boleh ditandai `ketua: true`; kini {len(leaders)}: {', '.join(leaders)}",
                       "hapus `ketua: true` dari penulis yang bukan ketua")
        return self

    @property
    def authors(self) -> tuple[Penulis, ...]:
        """Every author in the campus's order; a one-author report gives one entry."""
        if self.group_authors:
            return tuple(self.group_authors)
        return (Penulis.model_validate({"nama": self.name, "nrp": self.student_number}),)

    @property
    def author_names(self) -> str:
        """'A', 'A dan B', 'A, B, dan C' — how Indonesian prose lists people."""
        names = [author.name for author in self.authors]
        if len(names) <= 2:
            return " dan ".join(names)
        return ", ".join(names[:-1]) + ", dan " + names[-1]


class Pejabat(Model):
    """A named official: supervisor, coordinator, head of programme, field instructor."""

    name: Teks = F("nama", "Nama lengkap dengan gelar.")
    role: Teks | None = F("jabatan", "Jabatan atau peran, misalnya 'Ketua Program Studi' atau 'Koordinator Praktikum Mikro'.", None)
    staff_number: Kode | None = F("nip", "NIP, dicetak di bawah nama di lembar pengesahan.", None)
    lecturer_number: Kode | None = F("nidn", "NIDN dosen, dicetak di bawah nama di lembar pengesahan.", None)


class Pengesahan(Model):
    """Approval page; without an approval date the report is a draft."""

    approved_on: Tanggal | None = F("tanggal_disetujui", "Tanggal persetujuan; kosongkan selama laporan masih draf.", None)
    supervisor: Pejabat = F("pembimbing", "Dosen pembimbing praktikum (Pembimbing I bila ada pembimbing kedua).")
    second_supervisor: Pejabat | None = F("pembimbing_kedua", "Pembimbing II, bila kampus menugaskan dua pembimbing.", None)
    field_instructors: list[Pejabat] = F("pendamping_lapangan", "Pendamping/supervisor lapangan di institusi; masing-masing diberi ruang tanda tangan di lembar pengesahan, di samping pembimbing.", default_factory=list, max_length=10)
    coordinator: Pejabat | None = F("koordinator", "Koordinator praktikum yang ikut mengesahkan (jabatannya, misalnya 'Koordinator Praktikum Mikro', di `jabatan`).", None)
    head_of_programme: Pejabat | None = F("ketua_prodi", "Ketua program studi atau ketua jurusan yang mengetahui (jabatannya di `jabatan`); kosongkan bila kampus tidak memintanya.", None)

    @property
    def signatories(self) -> int:
        """How many people sign the approval page."""
        return (1 + (self.second_supervisor is not None) + len(self.field_instructors) + (self.coordinator is not None)
                + (self.head_of_programme is not None))


class Abstrak(Model):
    """Abstract page (ABSTRAK) after the approval page, as some campuses require."""

    body: Prosa = F("isi", "Isi abstrak, satu sampai tiga paragraf (Markdown).")
    keywords: list[Teks] = F("kata_kunci", "Kata kunci di bawah abstrak, 3–5 istilah.", min_length=1, max_length=20)


class UcapanTerimaKasih(Model):
    name: Teks = F("nama", "Nama orang atau lembaga.")
    role: Teks = F("peran", "Peran, misalnya 'Dosen Pembimbing Praktikum'.")


class KataPengantar(Model):
    body: Prosa = F("isi", "Isi kata pengantar (Markdown).")
    thanks: list[UcapanTerimaKasih] = F("ucapan_terima_kasih", "Daftar ucapan terima kasih, berurutan.", default_factory=list, max_length=40)
    place: Teks = F("tempat", "Kota penandatanganan.")
    date: Tanggal = F("tanggal", "Tanggal penandatanganan kata pengantar.")
