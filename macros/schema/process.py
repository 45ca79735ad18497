"""Records of the helping process: stages, consent, interviews, case conferences, termination."""

from __future__ import annotations

from macros.schema.base import F, Model, StrictBool
from macros.schema.types import Prosa, Tahap, Tanggal, Teknik, Teks, Waktu


class CatatanTahap(Model):
    """One stage of the helping process as a Proses/Hasil record."""

    stage: Tahap = F("tahap", "Tahap: engagement, intake, kontrak, asesmen, rencana_intervensi, intervensi, evaluasi, terminasi, rujukan.")
    title: Teks | None = F("judul", "Judul catatan, misalnya 'Engagement bersama ketua kelompok'.", None)
    date: Tanggal = F("tanggal", "Tanggal pelaksanaan.")
    end_date: Tanggal | None = F("tanggal_selesai", "Tanggal terakhir bila tahap berlangsung beberapa hari.", None)
    time: Waktu | None = F("waktu", "Jam, misalnya '17.00' atau '17.00-18.30'.", None)
    place: Teks | None = F("tempat", "Tempat pelaksanaan.", None)
    channel: Teks | None = F("media", "Media: tatap muka, WhatsApp, telepon, ...", None)
    participants: list[Teks] = F("pihak", "Pihak yang terlibat (kode samaran atau jabatan).", default_factory=list, max_length=30)
    practitioner: Teks | None = F("praktikan", "Praktikan pelaksana.", None)
    techniques: list[Teknik] = F("teknik", "Teknik yang digunakan.", default_factory=list, max_length=20)
    process: Prosa = F("proses", "Uraian proses (Markdown).")
    results: list[Teks] = F("hasil", "Hasil tahap, satu butir per baris.", min_length=1, max_length=30)


class ButirPersetujuan(Model):
    statement: Teks = F("pernyataan", "Pernyataan dalam formulir persetujuan.")
    agreed: StrictBool = F("setuju", "true bila disetujui, false bila tidak.")


class Persetujuan(Model):
    """Informed consent record (the signed form itself stays offline)."""

    date: Tanggal = F("tanggal", "Tanggal penandatanganan.")
    place: Teks | None = F("tempat", "Tempat penandatanganan.", None)
    signed_by: Teks = F("penanda_tangan", "Siapa yang menandatangani: klien, atau wali/pengasuh bila klien anak.")
    explained_how: Prosa | None = F("cara_penjelasan", "Bagaimana isi persetujuan dijelaskan (misalnya bahasa sederhana untuk anak).", None)
    items: list[ButirPersetujuan] = F("butir", "Butir-butir pernyataan.", min_length=1, max_length=30)


class Wawancara(Model):
    """One row of the interview log (Tabel Tahapan Wawancara)."""

    activity: Teks = F("kegiatan", "Kegiatan, misalnya 'Wawancara dengan ketua kelompok'.")
    date: Tanggal = F("tanggal", "Hari/tanggal wawancara.")
    time: Waktu = F("waktu", "Jam mulai-selesai, misalnya '14.00-15.00'.")
    result: Teks = F("hasil", "Hasil wawancara.")


class KonferensiKasus(Model):
    """A case conference (CC1, CC2) with its minutes."""

    code: Teks = F("kode", "Kode konferensi, misalnya CC1.")
    date: Tanggal | None = F("tanggal", "Tanggal konferensi kasus (kosongkan hanya bila memang tidak tercatat).", None)
    time: Waktu | None = F("waktu", "Jam.", None)
    place: Teks | None = F("tempat", "Tempat.", None)
    participants: list[Teks] = F("peserta", "Peserta (jabatan/peran).", min_length=1, max_length=30)
    agenda: Teks = F("agenda", "Pokok bahasan.")
    outcomes: list[Teks] = F("hasil", "Hasil/keputusan konferensi.", min_length=1, max_length=30)


class Terminasi(Model):
    date: Tanggal = F("tanggal", "Tanggal terminasi.")
    time: Waktu | None = F("waktu", "Jam.", None)
    place: Teks | None = F("tempat", "Tempat.", None)
    practitioner: Teks | None = F("praktikan", "Praktikan pelaksana.", None)
    process: Prosa = F("proses", "Uraian proses terminasi (Markdown).")
    results: list[Teks] = F("hasil", "Hasil terminasi.", default_factory=list, max_length=30)


class Rujukan(Model):
    to: Teks = F("kepada", "Pihak yang menerima rujukan.")
    date: Tanggal | None = F("tanggal", "Tanggal rujukan.", None)
    reason: Prosa | None = F("alasan", "Alasan rujukan.", None)
    follow_up: list[Teks] = F("tindak_lanjut", "Tindak lanjut yang diminta.", min_length=1, max_length=20)
