"""Evaluation: process per stage, before/after results, TAS and GAS scores."""

from __future__ import annotations

from macros.schema.base import F, Model
from macros.schema.types import Prosa, SkorGAS, SkorTAS, Tahap, Tanggal, Teks

TAS_LABELS = {
    0: "Tidak tercapai",
    1: "Sedikit tercapai",
    2: "Sebagian tercapai",
    3: "Cukup tercapai",
    4: "Sepenuhnya tercapai",
}
GAS_LABELS = {
    -2: "Jauh di bawah harapan",
    -1: "Di bawah harapan",
    0: "Sesuai harapan",
    1: "Di atas harapan",
    2: "Jauh di atas harapan",
}


class EvaluasiProses(Model):
    stage: Tahap = F("tahap", "Tahap yang dievaluasi.")
    description: Prosa = F("uraian", "Evaluasi pelaksanaan tahap ini: kesesuaian dengan pedoman, hambatan.")


class HasilSebelumSesudah(Model):
    """One row of the before/after evaluation table, grouped by aspect."""

    aspect: Teks = F("aspek", "Aspek yang dinilai; baris dengan aspek sama dikelompokkan.")
    before: Teks = F("sebelum", "Kondisi sebelum intervensi.")
    after: Teks = F("sesudah", "Kondisi setelah intervensi.")


class TugasTAS(Model):
    task: Teks = F("uraian", "Tugas yang dinilai.")
    score: SkorTAS = F("skor", "Skor 0–4 (0 tidak tercapai, 4 sepenuhnya tercapai).")


class TAS(Model):
    """Task Achievement Scale (Reid & Epstein): tasks rated 0–4, overall the rounded mean."""

    tasks: list[TugasTAS] = F("tugas", "Nilai per tugas.", min_length=1, max_length=30)
    score: SkorTAS = F("skor", "Skor keseluruhan 0–4; harus sama dengan rata-rata tugas yang dibulatkan.")
    minimum: SkorTAS | None = F("batas_berhasil", "Skor minimal yang dianggap berhasil, misalnya 3.", None)

    @property
    def label(self) -> str:
        return TAS_LABELS[self.score]


class SkalaGAS(Model):
    """Goal Attainment Scaling (Kiresuk & Sherman): one goal scored −2..+2."""

    goal: Teks = F("tujuan", "Tujuan yang dinilai.")
    score: SkorGAS = F("skor", "Skor −2 sampai +2 (0 = sesuai harapan).")
    note: Teks | None = F("keterangan", "Keterangan.", None)

    @property
    def label(self) -> str:
        return GAS_LABELS[self.score]


class Evaluasi(Model):
    """BAB IV.5 Evaluasi."""

    date: Tanggal = F("tanggal", "Tanggal evaluasi hasil.")
    overview: Prosa | None = F("uraian", "Pengantar evaluasi.", None)
    process: list[EvaluasiProses] = F("evaluasi_proses", "Evaluasi proses per tahap.", default_factory=list, max_length=50)
    results: list[HasilSebelumSesudah] = F("hasil", "Tabel kondisi sebelum/sesudah intervensi.", min_length=1, max_length=50)
    supporting: list[Teks] = F("faktor_pendukung", "Faktor pendukung.", default_factory=list, max_length=30)
    inhibiting: list[Teks] = F("faktor_penghambat", "Faktor penghambat.", default_factory=list, max_length=30)
    tas: TAS | None = F("tas", "Task Achievement Scale.", None)
    gas: list[SkalaGAS] = F("gas", "Goal Attainment Scaling per tujuan.", default_factory=list, max_length=20)
