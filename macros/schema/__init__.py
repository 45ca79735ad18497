"""Typed model of one practicum report (`cases/<slug>/kasus.yml`).

One module per part of the report; this module assembles them into `Case`.
Fields are English; each carries its Indonesian YAML key as alias and an
Indonesian description, which becomes the JSON Schema editors use.
"""

from __future__ import annotations

from pydantic import model_validator

from macros.practicum import LABORATORY_AS_INSTITUTION, SUBJECTS, PracticumKind, SubjectKind, kind_of

from macros.schema.appendix import Lampiran, Pustaka
from macros.schema.assessment import Asesmen
from macros.schema.base import F, Model
from macros.schema.chapters import Institusi, Landasan, Pendahuluan, PraktikBaik, Simpulan
from macros.schema.client import Klien
from macros.schema.community import (Anggaran, AsesmenPartisipatif, DaftarHadirPeserta, KegiatanAksi, Kesepakatan,
                                     Supervisi)
from macros.schema.evaluation import Evaluasi
from macros.schema.laboratory import AsesmenWilayah, KasusMikro, Rekomendasi
from macros.schema.front import Abstrak, KataPengantar, Laporan, Pengesahan, Praktikan
from macros.schema.plan import Intervensi, RencanaIntervensi
from macros.schema.privacy import Privasi
from macros.schema.process import CatatanTahap, KonferensiKasus, Persetujuan, Rujukan, Terminasi, Wawancara
from macros.schema.subject import KelompokSasaran, Komunitas
from macros.schema.types import fail


class Case(Model):
    """Everything one report says, in report order."""

    report: Laporan = F("laporan", "Judul, jenis, tahun dan periode praktikum.")
    student: Praktikan = F("praktikan", "Identitas mahasiswa penulis laporan.")
    approval: Pengesahan | None = F("pengesahan", "Lembar pengesahan; tanpa tanggal persetujuan laporan berstatus draf.", None)
    abstract: Abstrak | None = F("abstrak", "Abstrak (ABSTRAK), bila kampus memintanya: dicetak setelah lembar pengesahan.", None)
    foreword: KataPengantar | None = F("kata_pengantar", "Kata pengantar.", None)
    introduction: Pendahuluan | None = F("pendahuluan", "BAB I Pendahuluan.", None)
    framework: Landasan | None = F("landasan", "BAB II Landasan Konseptual.", None)
    institution: Institusi | None = F("institusi", "BAB III Konteks Praktikum Institusi (wajib kecuali laporan berisi "
                                      "`komunitas`: laporan komunitas boleh mencantumkan lembaga mitranya di sini).", None)
    community: Komunitas | None = F("komunitas", "Komunitas (desa/kelurahan) tempat praktikum: subjek laporan praktikum "
                                    "komunitas, atau konteks kelompok sasarannya (BAB III).", None)
    client: Klien | None = F("klien", "Identitas klien dengan kode samaran (BAB IV); isi `klien`, `kelompok_sasaran` "
                             "atau `komunitas` sesuai subjek laporan.", None)
    group: KelompokSasaran | None = F("kelompok_sasaran", "Kelompok sasaran: nama, jenis, komposisi anggota dan anggota "
                                      "dengan kode samaran.", None)
    stages: list[CatatanTahap] = F("tahapan", "Catatan tahap (Proses/Hasil), misalnya engagement, intake, kontrak, atau "
                                   "inisiasi_sosial dan pengorganisasian_sosial pada praktikum komunitas.", default_factory=list, max_length=30)
    consent: Persetujuan | None = F("persetujuan", "Catatan informed consent (klien perorangan).", None)
    agreement: Kesepakatan | None = F("kesepakatan", "Kesepakatan dengan komunitas, kelompok atau tokohnya.", None)
    interviews: list[Wawancara] = F("wawancara", "Rekapitulasi wawancara (Tabel Tahapan Wawancara).", default_factory=list, max_length=100)
    assessment: Asesmen | None = F("asesmen", "BAB IV.2 Asesmen.", None)
    participatory: AsesmenPartisipatif | None = F("asesmen_partisipatif", "Asesmen partisipatif: pemetaan sosial, transek, "
                                                  "kalender musim, diagram Venn, pohon masalah, pemangku kepentingan, MPA/ToP.", None)
    area_assessment: AsesmenWilayah | None = F("asesmen_wilayah", "Praktikum laboratorium: pemetaan sosial dan asesmen "
                                               "wilayah (PPKS dan PSKS per RW, potensi dan sumber, program dan "
                                               "kebijakan).", None)
    micro_cases: list[KasusMikro] = F("kasus_mikro", "Praktikum laboratorium: kasus mikro, masing-masing dengan kode "
                                      "samaran, asesmen singkat dan rekomendasi.", default_factory=list, max_length=20)
    recommendations: list[Rekomendasi] = F("rekomendasi", "Praktikum laboratorium: rekomendasi kepada kelurahan dan "
                                           "mitranya (tahap terakhir BAB IV).", default_factory=list, max_length=40)
    case_conferences: list[KonferensiKasus] = F("konferensi_kasus", "Konferensi kasus (CC1, CC2, ...).", default_factory=list, max_length=20)
    plan: RencanaIntervensi | None = F("rencana_intervensi", "BAB IV.3 Rencana Intervensi.", None)
    action_plan: list[KegiatanAksi] = F("rencana_aksi", "Rencana aksi hasil perencanaan partisipatif (ToP): kegiatan, "
                                        "tujuan, sasaran, waktu, tempat, penanggung jawab, sumber dana.", default_factory=list, max_length=50)
    budget: Anggaran | None = F("anggaran", "Rencana Anggaran Biaya (RAB); jumlah dan total dihitung otomatis.", None)
    intervention: Intervensi | None = F("intervensi", "BAB IV.4 Intervensi.", None)
    evaluation: Evaluasi | None = F("evaluasi", "BAB IV.5 Evaluasi.", None)
    termination: Terminasi | None = F("terminasi", "BAB IV.6 Terminasi.", None)
    referrals: list[Rujukan] = F("rujukan", "BAB IV.6 Rujukan.", default_factory=list, max_length=20)
    good_practice: PraktikBaik | None = F("praktik_baik", "BAB V Praktik Baik.", None)
    conclusion: Simpulan | None = F("simpulan", "BAB VI Simpulan dan Rekomendasi.", None)
    references: list[Pustaka] = F("pustaka", "Daftar pustaka (format APA dibuat otomatis).", default_factory=list, max_length=200)
    participant_attendance: DaftarHadirPeserta | None = F("daftar_hadir_peserta", "Daftar hadir peserta dari komunitas "
                                                          "(kode samaran atau jabatan), per pertemuan.", None)
    supervision: list[Supervisi] = F("log_supervisi", "Catatan supervisi: tanggal, pembimbing, topik, tindak lanjut.",
                                     default_factory=list, max_length=60)
    appendices: Lampiran | None = F("lampiran", "Lampiran.", None)
    privacy: Privasi | None = F("privasi", "Pengecualian pemeriksa privasi (teks yang sengaja boleh terbit, dengan alasan).", None)

    @model_validator(mode="after")
    def _has_a_subject(self) -> "Case":
        if self.client is None and self.group is None and self.community is None:
            raise fail("laporan belum punya subjek: isi `klien` (perorangan), `kelompok_sasaran` (kelompok) atau "
                       "`komunitas` (desa/kelurahan)", "lihat templat di docs/templat/kasus.yml untuk contoh isinya")
        if self.institution is None and self.community is None:
            raise fail("isi `institusi` (tempat praktikum), atau `komunitas` untuk praktikum komunitas",
                       "lihat templat di docs/templat/kasus.yml untuk contoh isinya")
        return self

    @property
    def is_draft(self) -> bool:
        return self.approval is None or self.approval.approved_on is None

    @property
    def practicum(self) -> PracticumKind:
        """What steers the report: stages, default chapter templates, completeness rules (macros/practicum.py)."""
        kind = kind_of(self.report.kind)
        if (kind.code == "laboratorium" and self.area_assessment is None and not self.micro_cases
                and not self.recommendations
                and (self.client is not None or self.group is not None
                     or any(s.stage in LABORATORY_AS_INSTITUTION.stages for s in self.stages))):
            # Written before the laboratory shape (a client or a group at an institution, the institution's
            # stages): it stays as it was, held to the institution's parts and templates.
            return LABORATORY_AS_INSTITUTION
        return kind

    @property
    def subject(self) -> SubjectKind:
        """Individual client, target group, or community: the words every page uses for it."""
        if self.client is not None:
            return SUBJECTS["individu"]
        return SUBJECTS["kelompok" if self.group is not None else "komunitas"]

    @property
    def subject_code(self) -> str:
        """The short name in captions and titles: the client's or group's code, else the group's or village's name."""
        if self.client is not None:
            return self.client.code
        if self.group is not None:
            return self.group.code or self.group.name
        return self.community.title

    @property
    def subject_title(self) -> str:
        """`Klien LN`, `Kelompok Sasaran KBL`, `Komunitas Desa Sukamulya` (as captions name the subject)."""
        return f"{self.subject.label} {self.subject_code}"

    @property
    def assessment_tools(self) -> list[str]:
        """Codes of the `alat_asesmen` vocabulary the report used: an individual assessment's tools, a community's
        participatory tools, a laboratory's mapping methods (the archive's `alat` facet and the card)."""
        tools = ((self.assessment.tools if self.assessment else []) + (self.participatory.tools if self.participatory else [])
                 + (list(self.area_assessment.methods) if self.area_assessment else []))
        return list(dict.fromkeys(tools))

    @property
    def clusters(self) -> list[str]:
        subject = self.client or self.group or self.community
        return list(subject.clusters)

    @property
    def place_name(self) -> str:
        """Where the practicum took place: the institution, else the village."""
        return self.institution.name if self.institution else self.community.title

    @property
    def setting(self) -> str:
        return self.institution.setting if self.institution else "komunitas"

    @property
    def has_minor(self) -> bool:
        return (bool(self.client and self.client.is_minor) or "anak" in self.clusters
                or any("anak" in case.clusters for case in self.micro_cases))


__all__ = ["Case"]
