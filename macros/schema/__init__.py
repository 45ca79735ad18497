"""Typed model of one practicum report (`cases/<slug>/kasus.yml`).

One module per part of the report; this module assembles them into `Case`.
Fields are English; each carries its Indonesian YAML key as alias and an
Indonesian description, which becomes the JSON Schema editors use.
"""

from __future__ import annotations

from macros.schema.appendix import Lampiran, Pustaka
from macros.schema.assessment import Asesmen
from macros.schema.base import F, Model
from macros.schema.chapters import Institusi, Landasan, Pendahuluan, PraktikBaik, Simpulan
from macros.schema.client import Klien
from macros.schema.evaluation import Evaluasi
from macros.schema.front import KataPengantar, Laporan, Pengesahan, Praktikan
from macros.schema.plan import Intervensi, RencanaIntervensi
from macros.schema.privacy import Privasi
from macros.schema.process import CatatanTahap, KonferensiKasus, Persetujuan, Rujukan, Terminasi, Wawancara


class Case(Model):
    """Everything one report says, in report order."""

    report: Laporan = F("laporan", "Judul, jenis, tahun dan periode praktikum.")
    student: Praktikan = F("praktikan", "Identitas mahasiswa penulis laporan.")
    approval: Pengesahan | None = F("pengesahan", "Lembar pengesahan; tanpa tanggal persetujuan laporan berstatus draf.", None)
    foreword: KataPengantar | None = F("kata_pengantar", "Kata pengantar.", None)
    introduction: Pendahuluan | None = F("pendahuluan", "BAB I Pendahuluan.", None)
    framework: Landasan | None = F("landasan", "BAB II Landasan Konseptual.", None)
    institution: Institusi = F("institusi", "BAB III Konteks Praktikum Institusi.")
    client: Klien = F("klien", "Identitas klien dengan kode samaran (BAB IV).")
    stages: list[CatatanTahap] = F("tahapan", "Catatan tahap engagement, intake, kontrak (Proses/Hasil).", default_factory=list)
    consent: Persetujuan | None = F("persetujuan", "Catatan informed consent.", None)
    interviews: list[Wawancara] = F("wawancara", "Rekapitulasi wawancara (Tabel Tahapan Wawancara).", default_factory=list)
    assessment: Asesmen | None = F("asesmen", "BAB IV.2 Asesmen.", None)
    case_conferences: list[KonferensiKasus] = F("konferensi_kasus", "Konferensi kasus (CC1, CC2, ...).", default_factory=list)
    plan: RencanaIntervensi | None = F("rencana_intervensi", "BAB IV.3 Rencana Intervensi.", None)
    intervention: Intervensi | None = F("intervensi", "BAB IV.4 Intervensi.", None)
    evaluation: Evaluasi | None = F("evaluasi", "BAB IV.5 Evaluasi.", None)
    termination: Terminasi | None = F("terminasi", "BAB IV.6 Terminasi.", None)
    referrals: list[Rujukan] = F("rujukan", "BAB IV.6 Rujukan.", default_factory=list)
    good_practice: PraktikBaik | None = F("praktik_baik", "BAB V Praktik Baik.", None)
    conclusion: Simpulan | None = F("simpulan", "BAB VI Simpulan dan Rekomendasi.", None)
    references: list[Pustaka] = F("pustaka", "Daftar pustaka (format APA dibuat otomatis).", default_factory=list)
    appendices: Lampiran | None = F("lampiran", "Lampiran.", None)
    privacy: Privasi | None = F("privasi", "Pengecualian pemeriksa privasi (teks yang sengaja boleh terbit, dengan alasan).", None)

    @property
    def is_draft(self) -> bool:
        return self.approval is None or self.approval.approved_on is None


__all__ = ["Case"]
