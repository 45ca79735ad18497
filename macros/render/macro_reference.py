"""The macro reference page (Panduan › Makro halaman), generated from the page macros' docstrings."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from markupsafe import escape

from macros.render.text import plain


# What each macro does, in the students' language (the docstrings are the developers' English).
HELP_ID = {
    "ada": "Benar bila kasus.yml punya data di jalur itu; untuk bagian yang boleh kosong.",
    "ada_foto": "Benar bila ada foto yang boleh terbit untuk subbab itu.",
    "ada_konferensi": "Benar bila ada konferensi kasus (seluruhnya, atau yang tanggalnya jatuh pada satu tahap).",
    "ada_tahap": "Benar bila ada catatan tahap itu (engagement, intake, kontrak, ...) atau tahap kampus sejenisnya.",
    "analisis_masalah": "Gejala, penyebab, dampak, fokus masalah, kebutuhan, dan sistem sumber.",
    "bpss": "Hasil asesmen BPSS: aspek biologis, psikologis, sosial, spiritual.",
    "catatan_tahap": "Catatan satu tahap (engagement/intake/kontrak): waktu, tempat, proses, hasil.",
    "daftar_gambar": "Daftar Gambar laporan ini dengan tautan.",
    "daftar_hadir": "Tabel daftar hadir per minggu (lampiran).",
    "daftar_lampiran": "Daftar Lampiran laporan ini dengan tautan.",
    "daftar_laporan": "Laporan sebagai kartu, terbaru dahulu: semuanya, atau hanya sejumlah yang terbaru (halaman beranda).",
    "daftar_pustaka": "Daftar pustaka berformat APA, urut otomatis.",
    "daftar_tabel": "Daftar Tabel laporan ini dengan tautan.",
    "ecomap": "Ecomap klien sebagai gambar bernomor, beserta tabel datanya.",
    "evaluasi_proses": "Tanggal dan pengantar evaluasi, serta evaluasi proses setiap tahap.",
    "faktor_evaluasi": "Faktor pendukung dan penghambat.",
    "foto_bagian": "Foto dokumentasi satu subbab sebagai gambar bernomor.",
    "galeri_dokumentasi": "Semua foto dokumentasi yang boleh terbit (lampiran).",
    "genogram": "Genogram klien sebagai gambar bernomor, beserta tabel datanya.",
    "grafik_capaian": "Grafik skor TAS atau GAS per tugas dengan garis batas keberhasilan.",
    "identitas_klien": "Tabel identitas klien (kode samaran, usia, klaster, ...).",
    "ils": "Hasil Independent Living Skills per ranah.",
    "isi": "Isi satu kolom kasus.yml: teks, daftar, subjudul bernomor; tabel data menjadi tabel bernomor (Tabel 3.1).",
    "judul_lampiran": "Judul lampiran bernomor (Lampiran 1, 2, ...).",
    "judul_laporan": "Judul laporan.",
    "kelengkapan": "Daftar periksa kelengkapan setiap bagian laporan.",
    "konferensi_kasus": "Catatan konferensi kasus (CC1, CC2, ...): semua, atau yang tanggalnya jatuh pada satu tahap.",
    "kuadran_kekuatan": "Kuadran kekuatan sebagai tabel atau gambar bernomor.",
    "linimasa": "Linimasa seluruh tahap pertolongan pada periode praktikum (gambar bernomor).",
    "log_sesi": "Tabel jadwal sesi intervensi dan pertemuan kelompok.",
    "persetujuan": "Catatan informed consent beserta butir persetujuannya.",
    "program_intervensi": "Nama program, tujuan program, waktu penyusunan, dan sasaran intervensi.",
    "proses_asesmen": "Waktu, tempat, alat, dan uraian proses asesmen.",
    "ref": "Rujukan bertaut ke tabel/gambar/lampiran, misalnya \"Tabel 4.1\".",
    "rencana_intervensi": "Rencana intervensi sebagai teks (program, tujuan, sasaran, metode).",
    "ringkasan_laporan": "Kartu ringkasan laporan (halaman pertama laporan).",
    "sesi_intervensi": "Uraian setiap sesi intervensi: waktu, tempat, teknik, proses, hasil.",
    "sistematika": "Sistematika Penulisan: satu baris per bab yang dimuat laporan ini.",
    "skala_capaian": "Tabel skor Task Achievement Scale dan/atau Goal Attainment Scaling.",
    "tabel_evaluasi": "Tabel kondisi sebelum dan sesudah intervensi (bernomor).",
    "tabel_rencana_intervensi": "Tabel rencana intervensi enam kolom (bernomor).",
    "tabel_wawancara": "Tabel tahapan wawancara (bernomor).",
    "terminasi": "Catatan terminasi saja (bila Terminasi dan Rujukan ditulis sebagai subbab terpisah).",
    "terminasi_rujukan": "Catatan terminasi dan rujukan.",
    "rujukan": "Catatan rujukan saja.",
}
HELP_ID.update(__import__("macros.community_macros", fromlist=["HELP_ID"]).HELP_ID)  # subject and community macros
HELP_ID.update(__import__("macros.appendix_macros", fromlist=["HELP_ID"]).HELP_ID)  # the Lampiran page
HELP_ID.update(__import__("macros.laboratory_macros", fromlist=["HELP_ID"]).HELP_ID)  # laboratory practicum macros


def macro_reference(examples: dict[str, tuple[str, str]] | None = None) -> str:
    """`examples`: macro name -> (link text, docs path of a chapter page that uses it), to see its output."""
    from macros.page_macros import PageMacros

    examples = examples or {}
    rows = []
    for name, method in sorted(inspect.getmembers(PageMacros, inspect.isfunction)):
        if name.startswith("_") or name == "register":
            continue
        doc = inspect.getdoc(method) or ""
        calls = re.findall(r"`(\{[{%].*?[}%]\})`", doc)
        purpose = HELP_ID[name]  # a new macro without an Indonesian line fails the Panduan test
        # A link to the chapter's source path (from panduan/makro.md), which MkDocs checks and turns into its URL.
        # The link text is a report's own text (a group's name): as text, never Markdown (red team s23 #18b).
        example = f"[{plain(examples[name][0]).replace('{', '&#123;')}](../{examples[name][1]})" if name in examples else ""
        shown_calls = "<br>".join(f"`{c.replace('|', '/')}`" for c in calls)  # code spans: Markdown escapes them
        rows.append(f"| `{name}` | {escape(purpose)} | {shown_calls} | {example} |")
    return ("# Makro halaman\n\nMakro dipanggil di halaman bab (`cases/<slug>/*.md`) dan menampilkan data dari "
            "`kasus.yml`. Tabel dan gambar bernomor otomatis per bab. Kolom terakhir menautkan halaman laporan "
            "contoh yang memakai makro itu, untuk melihat hasilnya.\n\n| Makro | Fungsi | Cara memanggil | Contoh hasil |\n"
            "|---|---|---|---|\n" + "\n".join(rows) + "\n")


# Examples come from the most complete reports; in an archive of a thousand, the first few dozen
# show every macro that is used at all, and reading every chapter of every report took seconds.
EXAMPLE_REPORTS = 40


def macro_examples(site) -> dict[str, tuple[str, str]]:
    """The first page where each macro is called, looking at the most complete report first (where its output shows)."""
    import re as _re

    from macros.completeness import completeness
    from macros.site import CHAPTERS, SITE_SECTION

    found: dict[str, tuple[str, str]] = {}
    calls: dict[Path, list[str]] = {}  # most reports share the chapter templates: read each file once
    ordered = sorted(site.cases.items(), key=lambda item: (-len(completeness(item[1].case).filled), item[0]))
    for slug, loaded in ordered[:EXAMPLE_REPORTS]:
        for chapter, title in CHAPTERS.items():
            source = site.page_source(slug, chapter)
            if source is None:
                continue
            if source not in calls:
                calls[source] = _re.findall(r"\b([a-z_]+)\(", source.read_text(encoding="utf-8"))
            for name in calls[source]:
                # The link text is Casebook's own (the chapter's title), never a report's text: a shared page
                # must not carry a student's words (red team s23 #16, #18b).
                found.setdefault(name, (title, f"{SITE_SECTION}/{slug}/{chapter}"))
    return found
