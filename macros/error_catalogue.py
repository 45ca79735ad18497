"""The error catalogue behind the Panduan's FAQ: common mistakes, run through the real checker.

Each entry edits a small valid report and states what the student probably meant. The FAQ page
shows the messages `casebook check` really prints for it, produced at build time, so the page
can never drift from the checker.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

# A small, complete, valid report every entry edits (kept in step with tests/fixtures/valid_case).
BASE = """laporan:
  judul: Penguatan Kapasitas Klien TS
  tahun: 2024
  periode:
    mulai: 19 Agustus 2024
    selesai: 27 September 2024
  kota: Bandung
praktikan:
  nama: Dewi Lestari
  nrp: "2104001"
  program_studi: Sarjana Terapan Pekerjaan Sosial
  kampus: Politeknik Kesejahteraan Sosial Bandung
  kelompok: Kelompok 1
institusi:
  nama: Sentra Contoh
  setting: primer
klien:
  kode: TS
  jenis_kelamin: perempuan
  usia: 40
  klaster: [kemiskinan]
tahapan:
  - tahap: engagement
    tanggal: Selasa, 20 Agustus 2024
    waktu: 09.00-10.00
    proses: Perkenalan dengan klien.
    hasil: [Relasi terbangun]
  - tahap: intake
    tanggal: 2024-08-21
    proses: Klien setuju mengikuti proses pertolongan.
    hasil: [Informasi awal diperoleh]
wawancara:
  - kegiatan: Wawancara dengan klien
    tanggal: Kamis, 22 Agustus 2024
    waktu: 10.00-11.00
    hasil: Gejala masalah teridentifikasi.
  - kegiatan: Wawancara dengan tetangga
    tanggal: Jumat, 23 Agustus 2024
    waktu: 14.00-14.30
    hasil: Fakta pendukung diperoleh.
asesmen:
  tanggal_mulai: 22 Agustus 2024
  tanggal_selesai: 26 Agustus 2024
  proses: Wawancara dan observasi.
  alat: [wawancara, observasi, ecomap]
  ecomap:
    sistem:
      - {id: keluarga, nama: Keluarga, hubungan: kuat, arah: dua_arah}
  gejala_masalah: [Pendapatan tidak tetap]
  dampak_masalah: [Kebutuhan dasar sulit dipenuhi]
  fokus_masalah: Keterbatasan keterampilan usaha.
rencana_intervensi:
  tanggal_mulai: 27 Agustus 2024
  nama_program: Pelatihan usaha
  sasaran: [Klien TS]
  kegiatan:
    - id: usaha
      nama: Pelatihan usaha kecil
      tujuan: {uraian: Klien menyusun rencana usaha, target: 1 rencana usaha, tenggat: dalam 14 hari}
      pihak_terlibat: [Praktikan]
      tanggal_mulai: 2 September 2024
      tempat: Sentra Contoh
      metode: casework
      teknik: [modelling, support]
      indikator: [Rencana usaha tersusun]
intervensi:
  sesi:
    - kegiatan: usaha
      judul: Menyusun rencana usaha
      tanggal: Senin, 2 September 2024
      waktu: 13.00-14.30
      teknik: [modelling]
      anggota: [TS]
      proses: Klien mengamati contoh rencana usaha.
    - kegiatan: usaha
      judul: Menghitung modal
      tanggal: Rabu, 4 September 2024
      proses: Klien menghitung modal awal.
evaluasi:
  tanggal: 20 September 2024
  hasil:
    - {aspek: Keterampilan usaha, sebelum: Belum punya rencana, sesudah: Rencana usaha tersusun}
  tas:
    tugas:
      - {uraian: Menyusun rencana, skor: 4}
      - {uraian: Menghitung modal, skor: 2}
    skor: 3
  gas:
    - {tujuan: Rencana usaha, skor: 1}
terminasi:
  tanggal: 25 September 2024
  proses: Proses pertolongan diakhiri.
lampiran:
  daftar_hadir:
    judul: Daftar hadir kelompok 1
    jumlah_minggu: 2
    baris:
      - {nama: Dewi Lestari, nrp: "2104001", hadir: [true, true]}
      - {nama: Rudi Hartono, nrp: "2104002", hadir: [true, false]}
"""


@dataclass(frozen=True)
class Mistake:
    title: str
    old: str
    new: str
    explanation: str


CATALOGUE = [
    Mistake("Nama hari tidak cocok dengan tanggal", "tanggal: Selasa, 20 Agustus 2024", "tanggal: Senin, 20 Agustus 2024",
            "Periksa kalender; tulis hari yang benar atau hapus nama harinya (20 Agustus 2024)."),
    Mistake("Jam salah ketik", "waktu: 09.00-10.00", "waktu: 09.000-10.00",
            "Jam ditulis JJ.MM, rentang dengan tanda hubung: 09.00-10.00."),
    Mistake("Tahun salah ketik", "tanggal: Senin, 2 September 2024", "tanggal: Sabtu, 2 September 2023",
            "Tanggal kegiatan harus di dalam periode praktikum; biasanya tahunnya salah ketik."),
    Mistake("yes/no untuk benar/salah", "hadir: [true, true]", "hadir: [yes, true]",
            "Casebook tidak menebak: tulis true atau false."),
    Mistake("Menjorok dengan Tab", "  kota: Bandung", "\tkota: Bandung",
            "YAML menolak karakter Tab; pakai dua spasi."),
    Mistake("Salah ketik nama kunci", "  kota: Bandung", "  kotta: Bandung",
            "Nama kunci harus persis seperti di Rujukan kasus.yml; saran di dalam kurung menunjukkan yang dimaksud."),
    Mistake("Kolom wajib belum diisi", "  kota: Bandung\n", "",
            "Setiap kolom wajib tercantum di Rujukan kasus.yml."),
    Mistake("Gelar bertanda koma di dalam { }", "- {nama: Dewi Lestari, nrp: \"2104001\", hadir: [true, true]}",
            "- {nama: Dewi Lestari, S.Tr.Sos., nrp: \"2104001\", hadir: [true, true]}",
            "Di dalam { } koma memisahkan kunci; tulis nama bergelar dalam tanda kutip: nama: \"Dewi Lestari, S.Tr.Sos.\"."),
    Mistake("Kunci ditulis dua kali", "  kota: Bandung", "  kota: Bandung\n  kota: Bekasi",
            "Hapus salah satunya; YAML tidak boleh punya kunci ganda dalam satu bagian."),
    Mistake("Tanda kutip tidak ditutup", "judul: Penguatan Kapasitas Klien TS", 'judul: "Penguatan Kapasitas Klien TS',
            "Tutup tanda kutip di baris yang sama."),
    Mistake("Nama asli klien sebagai kode", "kode: TS", "kode: Tini Sulastri",
            "Klien hanya ditulis dengan kode samaran (1–8 huruf kapital/angka), bukan nama."),
    Mistake("Nomor HP di teks", "proses: Perkenalan dengan klien.", 'proses: "Perkenalan, klien memberi nomor 0812-0000-1111."',
            "Nomor HP mengenali orang; hapus, atau izinkan bila itu nomor resmi lembaga (privasi.izinkan)."),
]


def run(mistake: Mistake, base: str | None = None) -> list[str]:
    """The lines `casebook check` prints for this mistake (errors only), paths shown from the report folder; `base`:
    where the project's preview shows the site (its `lihat:` links, as check prints them there)."""
    from macros.help_links import SERVE_ADDRESS, reference_link
    from macros.loading import load_case
    from macros.vocabulary import DEFAULT_VOCABULARY

    assert BASE.count(mistake.old) >= 1, mistake.title
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "contoh-2024"
        folder.mkdir()
        (folder / "kasus.yml").write_text(BASE.replace(mistake.old, mistake.new, 1), encoding="utf-8")
        result = load_case(folder, root=Path(work))
        lines = []
        for problem in result.errors:
            lines.append(problem.format())
            link = reference_link(problem, DEFAULT_VOCABULARY, base=base or SERVE_ADDRESS)
            if link:
                lines.append(f"    lihat: {link}")
        return lines


@dataclass(frozen=True)
class PageMistake:
    """A mistake in a chapter page (`cases/<slug>/bab-4-penanganan-kasus.md`), run through the page check."""

    title: str
    page: str
    explanation: str


PAGE_CATALOGUE = [
    PageMistake("Nama makro salah ketik", "# BAB IV\n\n{{ log_sessi() }}\n",
                "Nama makro harus persis seperti di Makro halaman; saran di dalam kurung menunjukkan yang dimaksud."),
    PageMistake("Kurung kurawal ganda sebagai teks biasa", "# BAB IV\n\nKlien menulis di papan: {{ panen 5 kg per minggu }}.\n",
                "`{{` memulai makro. Untuk menulisnya sebagai teks: "
                "`{% raw %}{{ panen 5 kg per minggu }}{% endraw %}`."),
    PageMistake("Argumen makro salah ketik", "# BAB IV\n\n{{ log_sesi(judull=\"Sesi Intervensi\") }}\n",
                "Argumen yang dikenal setiap makro tercantum di Makro halaman."),
    PageMistake("Rujukan ke tabel yang tidak ada", "# BAB IV\n\n{{ tabel_wawancara() }}\n\nLihat {{ ref('wawancar') }}.\n",
                "`ref('...')` memakai id tabel, gambar atau lampiran laporan ini (id bawaan tabel wawancara: `wawancara`)."),
    PageMistake("Blok `if` tidak ditutup", "# BAB IV\n\n{% if ada('asesmen') %}\n{{ proses_asesmen() }}\n",
                "Setiap `{% if ... %}` ditutup dengan `{% endif %}`."),
    PageMistake("Python di halaman bab", "# BAB IV\n\n{{ ''.__class__ }}\n",
                "Halaman bab hanya dapat memanggil makro Casebook; kode lain ditolak demi keamanan arsip kampus."),
]


def run_page(mistake: PageMistake) -> list[str]:
    """The lines `casebook check` prints for this chapter page, in the small valid report above."""
    from macros.loading import load_case
    from macros.page_check import PageChecker
    from macros.vocabulary import DEFAULT_VOCABULARY

    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        folder = root / "cases" / "contoh-2024"
        folder.mkdir(parents=True)
        (folder / "kasus.yml").write_text(BASE, encoding="utf-8")
        (folder / "bab-4-penanganan-kasus.md").write_text(mistake.page, encoding="utf-8")
        result = load_case(folder, root=root)
        assert result.loaded is not None, result.errors
        return [problem.format() for problem in PageChecker(root, DEFAULT_VOCABULARY).check(result.loaded, DEFAULT_VOCABULARY)]


def faq_markdown(base: str | None = None) -> str:
    """The Panduan's page of common error messages; `base` as for `run` (the project's preview address)."""
    from markupsafe import escape

    parts = ["# Pesan galat yang sering muncul\n",
             "Setiap contoh di bawah dijalankan melalui pemeriksa Casebook saat situs dibangun, jadi pesannya "
             "persis seperti yang akan Anda lihat.\n"]
    for mistake in CATALOGUE:
        wrong = mistake.new.replace("\t", "⇥").strip() or "(kolom dihapus)"
        messages = "\n".join(run(mistake, base)) or "(tidak ada pesan)"
        parts.append(f"## {escape(mistake.title)}\n\nYang ditulis:\n\n```yaml\n{wrong}\n```\n\n"
                     f"Pesan Casebook:\n\n```text\n{messages}\n```\n\n{escape(mistake.explanation)}\n")
    parts.append("## Kesalahan di halaman bab\n\nHalaman bab (`cases/nama-laporan/*.md`) diperiksa oleh `casebook check` dengan "
                 "makro yang sebenarnya, seperti saat build. Halaman hanya dapat memakai teks, panggilan makro Casebook, "
                 "`{% if %}`, `{% for x in [...] %}` dan `{% raw %}`; selain itu ditolak.\n")
    for page_mistake in PAGE_CATALOGUE:
        messages = "\n".join(run_page(page_mistake)) or "(tidak ada pesan)"
        parts.append(f"### {escape(page_mistake.title)}\n\nYang ditulis:\n\n```markdown\n{page_mistake.page.strip()}\n```\n\n"
                     f"Pesan Casebook:\n\n```text\n{messages}\n```\n\n{page_mistake.explanation}\n")  # Casebook's own text
    return "\n".join(parts)
