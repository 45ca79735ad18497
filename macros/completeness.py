"""Which parts of the campus report structure a report has filled.

One list, `PARTS`, names every part of a *Laporan Praktikum* (front matter,
BAB I–VI, Daftar Pustaka, Lampiran) with the data that fills it. `casebook check`
prints the tally; required parts left empty become warnings.

A part may name the practicum kinds (`jenis_praktikum`) and the subjects (individu, kelompok,
komunitas) it applies to; `parts_for(case)` is the list one report is held to. A community report is
never asked for BPSS or a client's informed consent, and an institutional report never for a transect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from macros.model_paths import YamlPath
from macros.schema import Case


@dataclass(frozen=True)
class Part:
    group: str
    label: str
    path: YamlPath
    filled: Callable[[Case], bool]
    required: bool = True
    # Something to check even when the part is filled (e.g. signed names but no approval date yet).
    caution: Callable[[Case], str | None] | None = None
    # The practicum kinds and the subjects the part applies to; None: every one.
    kinds: frozenset[str] | None = None
    subjects: frozenset[str] | None = None

    @property
    def name(self) -> str:
        """'BAB IV Asesmen BPSS'; a part named like its group ('Daftar pustaka') once."""
        return self.label if self.label == self.group else f"{self.group} {self.label}"

    def applies_to(self, case: Case) -> bool:
        return ((self.kinds is None or case.practicum.shape in self.kinds)
                and (self.subjects is None or case.subject.code in self.subjects))


def _a(case: Case):  # assessment or None, to keep the table below readable
    return case.assessment


def _stage(name: str) -> Callable[[Case], bool]:
    return lambda c: any(s.stage == name for s in c.stages)


def _p(case: Case):  # participatory assessment or None
    return case.participatory


def _w(case: Case):  # area assessment of a laboratory report or None
    return case.area_assessment


# Which report shapes (`PracticumKind.shape`) are held to which parts. A campus's own kind has the institution's
# shape, and so has a laboratory report written before the laboratory shape (a client at an institution).
INSTITUTIONAL = frozenset({"institusi"})
COMMUNITY = frozenset({"komunitas"})
LABORATORY = frozenset({"laboratorium"})
HELPING = INSTITUTIONAL | COMMUNITY  # the kinds that intervene, evaluate and terminate
INDIVIDUAL = frozenset({"individu"})
COLLECTIVE = frozenset({"kelompok", "komunitas"})


PARTS: list[Part] = [
    Part("Bagian awal", "Halaman judul", ("laporan",), lambda c: True),
    Part("Bagian awal", "Lembar pengesahan", ("pengesahan",), lambda c: c.approval is not None, required=False,
         caution=lambda c: ("belum disetujui: `pengesahan.tanggal_disetujui` masih kosong, jadi PDF bertanda DRAF"
                            if c.approval is not None and c.is_draft else None)),
    Part("Bagian awal", "Kata pengantar", ("kata_pengantar",), lambda c: c.foreword is not None, required=False),
    Part("BAB I", "Latar belakang", ("pendahuluan", "latar_belakang"), lambda c: c.introduction is not None),
    Part("BAB I", "Tujuan", ("pendahuluan", "tujuan_khusus"), lambda c: c.introduction is not None),
    Part("BAB I", "Manfaat", ("pendahuluan", "manfaat"), lambda c: c.introduction is not None),
    Part("BAB I", "Sasaran", ("pendahuluan", "sasaran"), lambda c: c.introduction is not None),
    Part("BAB II", "Metode pekerjaan sosial", ("landasan", "metode"), lambda c: c.framework is not None),
    Part("BAB II", "Tahapan pertolongan", ("landasan", "tahapan"), lambda c: c.framework is not None),
    Part("BAB II", "Peranan pekerja sosial", ("landasan", "peran"), lambda c: c.framework is not None),
    Part("BAB II", "Tinjauan konseptual", ("landasan", "tinjauan_konseptual"), lambda c: c.framework is not None),
    Part("BAB II", "Regulasi", ("landasan", "regulasi"), lambda c: c.framework is not None),
    Part("BAB III", "Gambaran umum institusi", ("institusi", "gambaran_umum"),
         lambda c: bool(c.institution and c.institution.overview is not None), kinds=INSTITUTIONAL),
    Part("BAB III", "Profil institusi", ("institusi", "profil"), lambda c: bool(c.institution and c.institution.profile),
         kinds=INSTITUTIONAL),
    Part("BAB III", "Program/layanan institusi", ("institusi", "program"), lambda c: bool(c.institution and c.institution.programmes),
         kinds=INSTITUTIONAL),
    Part("BAB III", "Profil penerima manfaat", ("institusi", "penerima_manfaat"),
         lambda c: bool(c.institution and c.institution.beneficiaries is not None), kinds=INSTITUTIONAL),
    Part("BAB III", "Profil komunitas", ("komunitas",), lambda c: c.community is not None, kinds=COMMUNITY),
    Part("BAB III", "PPKS dan PSKS", ("komunitas", "ppks"), lambda c: bool(c.community and (c.community.ppks or c.community.psks)),
         required=False, kinds=COMMUNITY),
    Part("BAB III", "Lembaga mitra", ("institusi",), lambda c: c.institution is not None, required=False,
         kinds=COMMUNITY | LABORATORY),
    Part("BAB III", "Profil wilayah", ("komunitas",), lambda c: c.community is not None, kinds=LABORATORY),
    Part("BAB IV", "Identitas klien", ("klien",), lambda c: c.client is not None, subjects=INDIVIDUAL),
    Part("BAB IV", "Profil kelompok sasaran", ("kelompok_sasaran",), lambda c: c.group is not None,
         subjects=frozenset({"kelompok"})),
    Part("BAB IV", "Engagement", ("tahapan",), _stage("engagement"), kinds=INSTITUTIONAL),
    Part("BAB IV", "Intake", ("tahapan",), _stage("intake"), kinds=INSTITUTIONAL),
    Part("BAB IV", "Kontrak", ("tahapan",), _stage("kontrak"), kinds=INSTITUTIONAL),
    Part("BAB IV", "Inisiasi sosial", ("tahapan",), _stage("inisiasi_sosial"), kinds=COMMUNITY),
    Part("BAB IV", "Pengorganisasian sosial", ("tahapan",), _stage("pengorganisasian_sosial"), required=False, kinds=COMMUNITY),
    Part("BAB IV", "Informed consent", ("persetujuan",), lambda c: c.consent is not None, subjects=INDIVIDUAL),
    Part("BAB IV", "Kesepakatan dengan komunitas", ("kesepakatan",), lambda c: c.agreement is not None, kinds=HELPING,
         subjects=COLLECTIVE),
    Part("BAB IV", "Persiapan", ("tahapan",), _stage("persiapan"), kinds=LABORATORY),
    Part("BAB IV", "Pemetaan sosial dan asesmen wilayah", ("asesmen_wilayah",), lambda c: _w(c) is not None,
         kinds=LABORATORY),
    Part("BAB IV", "PPKS per RW", ("asesmen_wilayah", "ppks"), lambda c: bool(_w(c) and _w(c).ppks), kinds=LABORATORY),
    Part("BAB IV", "PSKS per RW", ("asesmen_wilayah", "psks"), lambda c: bool(_w(c) and _w(c).psks), kinds=LABORATORY),
    Part("BAB IV", "Potensi dan sistem sumber", ("asesmen_wilayah", "potensi_sumber"),
         lambda c: bool(_w(c) and _w(c).potentials), kinds=LABORATORY),
    Part("BAB IV", "Program dan kebijakan di wilayah", ("asesmen_wilayah", "program_kebijakan"),
         lambda c: bool(_w(c) and _w(c).programmes), kinds=LABORATORY),
    Part("BAB IV", "Simpulan asesmen wilayah", ("asesmen_wilayah", "simpulan"),
         lambda c: bool(_w(c) and _w(c).conclusion), required=False, kinds=LABORATORY),
    Part("BAB IV", "Kasus mikro", ("kasus_mikro",), lambda c: bool(c.micro_cases), kinds=LABORATORY),
    Part("BAB IV", "Rekomendasi", ("rekomendasi",), lambda c: bool(c.recommendations), kinds=LABORATORY),
    # The interview table (Tabel Tahapan Wawancara) is printed by the institutional and laboratory BAB IV only; a
    # community report records its meetings in `tahapan` and `intervensi.sesi` (user test s23: a community
    # student was told this institution part was "opsional, kosong").
    Part("BAB IV", "Rekapitulasi wawancara", ("wawancara",), lambda c: bool(c.interviews), required=False,
         kinds=INSTITUTIONAL | LABORATORY),
    Part("BAB IV", "Proses asesmen", ("asesmen",), lambda c: _a(c) is not None, kinds=INSTITUTIONAL),
    Part("BAB IV", "Asesmen BPSS", ("asesmen", "bpss"), lambda c: bool(_a(c) and _a(c).bpss), kinds=INSTITUTIONAL,
         subjects=INDIVIDUAL),
    Part("BAB IV", "Ecomap atau genogram", ("asesmen", "ecomap"), lambda c: bool(_a(c) and (_a(c).ecomap or _a(c).genogram)),
         required=False, subjects=INDIVIDUAL),
    Part("BAB IV", "Kuadran kekuatan", ("asesmen", "kekuatan"), lambda c: bool(_a(c) and _a(c).strengths), required=False,
         kinds=INSTITUTIONAL),
    Part("BAB IV", "Analisis masalah", ("asesmen", "fokus_masalah"), lambda c: _a(c) is not None, kinds=INSTITUTIONAL),
    Part("BAB IV", "Kebutuhan dan sistem sumber", ("asesmen", "sistem_sumber"),
         lambda c: bool(_a(c) and (_a(c).needs or _a(c).resources)), kinds=INSTITUTIONAL),
    Part("BAB IV", "Asesmen partisipatif", ("asesmen_partisipatif",), lambda c: _p(c) is not None, kinds=COMMUNITY),
    Part("BAB IV", "Pemetaan sosial", ("asesmen_partisipatif", "pemetaan_sosial"), lambda c: bool(_p(c) and _p(c).social_map),
         required=False, kinds=COMMUNITY),
    Part("BAB IV", "Transek", ("asesmen_partisipatif", "transek"), lambda c: bool(_p(c) and _p(c).transect),
         required=False, kinds=COMMUNITY),
    Part("BAB IV", "Kalender musim", ("asesmen_partisipatif", "kalender_musim"), lambda c: bool(_p(c) and _p(c).seasonal_calendar),
         required=False, kinds=COMMUNITY),
    Part("BAB IV", "Diagram Venn kelembagaan", ("asesmen_partisipatif", "diagram_venn"), lambda c: bool(_p(c) and _p(c).venn),
         required=False, kinds=COMMUNITY),
    Part("BAB IV", "Pohon masalah", ("asesmen_partisipatif", "pohon_masalah"), lambda c: bool(_p(c) and _p(c).problem_tree),
         required=False, kinds=COMMUNITY),
    Part("BAB IV", "Analisis pemangku kepentingan", ("asesmen_partisipatif", "pemangku_kepentingan"),
         lambda c: bool(_p(c) and _p(c).stakeholders), required=False, kinds=COMMUNITY),
    Part("BAB IV", "Peringkat masalah/kebutuhan (MPA/ToP)", ("asesmen_partisipatif", "peringkat_masalah"),
         lambda c: bool(_p(c) and (_p(c).problem_ranking or _p(c).needs_ranking)), required=False, kinds=COMMUNITY),
    Part("BAB IV", "Konferensi kasus", ("konferensi_kasus",), lambda c: bool(c.case_conferences), required=False,
         kinds=INSTITUTIONAL),
    Part("BAB IV", "Rencana intervensi", ("rencana_intervensi",), lambda c: c.plan is not None, kinds=INSTITUTIONAL),
    Part("BAB IV", "Rencana aksi", ("rencana_aksi",), lambda c: bool(c.action_plan), kinds=COMMUNITY),
    Part("BAB IV", "Rencana anggaran biaya (RAB)", ("anggaran",), lambda c: c.budget is not None, required=False, kinds=COMMUNITY),
    Part("BAB IV", "Pelaksanaan intervensi", ("intervensi",), lambda c: c.intervention is not None, kinds=INSTITUTIONAL),
    Part("BAB IV", "Aksi sosial", ("intervensi",), lambda c: c.intervention is not None or _stage("aksi_sosial")(c),
         kinds=COMMUNITY),
    Part("BAB IV", "Evaluasi proses", ("evaluasi", "evaluasi_proses"), lambda c: bool(c.evaluation and c.evaluation.process), required=False,
         kinds=HELPING),
    Part("BAB IV", "Evaluasi hasil", ("evaluasi", "hasil"), lambda c: c.evaluation is not None, kinds=HELPING),
    Part("BAB IV", "Skala capaian (TAS/GAS)", ("evaluasi", "tas"), lambda c: bool(c.evaluation and (c.evaluation.tas or c.evaluation.gas)), required=False,
         kinds=HELPING),
    Part("BAB IV", "Faktor pendukung dan penghambat", ("evaluasi", "faktor_pendukung"),
         lambda c: bool(c.evaluation and (c.evaluation.supporting or c.evaluation.inhibiting)), required=False, kinds=HELPING),
    Part("BAB IV", "Terminasi", ("terminasi",), lambda c: c.termination is not None, kinds=HELPING),
    Part("BAB IV", "Rujukan", ("rujukan",), lambda c: bool(c.referrals), required=False, kinds=INSTITUTIONAL),
    Part("BAB IV", "Tindak lanjut", ("tahapan",), lambda c: _stage("tindak_lanjut")(c) or bool(c.referrals), required=False,
         kinds=COMMUNITY),
    Part("BAB V", "Integrasi metode", ("praktik_baik", "integrasi"), lambda c: c.good_practice is not None),
    Part("BAB V", "Refleksi praktikan", ("praktik_baik", "refleksi"), lambda c: c.good_practice is not None),
    Part("BAB V", "Dilema etik", ("praktik_baik", "dilema_etik"), lambda c: bool(c.good_practice and c.good_practice.ethical_dilemmas), required=False),
    Part("BAB V", "Kegiatan lain", ("praktik_baik", "kegiatan_lain"), lambda c: bool(c.good_practice and c.good_practice.other_activities), required=False),
    Part("BAB V", "Tantangan praktikum", ("praktik_baik", "tantangan"), lambda c: bool(c.good_practice and c.good_practice.challenges)),
    Part("BAB VI", "Simpulan", ("simpulan", "simpulan"), lambda c: c.conclusion is not None),
    Part("BAB VI", "Rekomendasi", ("simpulan", "rekomendasi"), lambda c: c.conclusion is not None),
    Part("Daftar pustaka", "Daftar pustaka", ("pustaka",), lambda c: bool(c.references)),
    Part("Lampiran", "Surat-surat", ("lampiran", "surat"), lambda c: bool(c.appendices and c.appendices.letters), required=False),
    Part("Lampiran", "Daftar hadir praktikan", ("lampiran", "daftar_hadir"), lambda c: bool(c.appendices and c.appendices.attendance), required=False),
    Part("Lampiran", "Dokumentasi kegiatan", ("lampiran", "dokumentasi"), lambda c: bool(c.appendices and c.appendices.photos), required=False),
    Part("Lampiran", "Daftar hadir peserta", ("daftar_hadir_peserta",), lambda c: c.participant_attendance is not None,
         required=False, kinds=HELPING, subjects=COLLECTIVE),
    Part("Lampiran", "Log supervisi", ("log_supervisi",), lambda c: bool(c.supervision), required=False),
]


def parts_for(case: Case, vocabulary=None) -> list[Part]:
    """The parts this report is held to: its practicum kind's and its subject's; no lembar pengesahan where the
    report's campus layout prints none (`vocabulary.approval_page_for`) and the report writes none."""
    without_approval = (vocabulary is not None and not vocabulary.approval_page_for(case) and case.approval is None)
    return [part for part in PARTS if part.applies_to(case)  # a campus's own kind has the institution's shape
            and not (without_approval and part.path == ("pengesahan",))]


@dataclass(frozen=True)
class Completeness:
    filled: list[Part]
    empty: list[Part]

    @property
    def summary(self) -> str:
        return f"{len(self.filled)}/{len(self.filled) + len(self.empty)} bagian terisi"


def completeness(case: Case, vocabulary=None) -> Completeness:
    parts = parts_for(case, vocabulary)
    return Completeness([p for p in parts if p.filled(case)], [p for p in parts if not p.filled(case)])


STATUS_FILLED, STATUS_EMPTY, STATUS_OPTIONAL, STATUS_WARNING = "terisi", "belum terisi", "opsional, kosong", "perlu diperiksa"
# A mark per status, so the checklist reads without colour (terminal and site alike).
STATUS_MARKS = {STATUS_FILLED: "✓", STATUS_EMPTY: "✗", STATUS_OPTIONAL: "–", STATUS_WARNING: "⚠"}


@dataclass(frozen=True)
class PartStatus:
    part: Part
    status: str
    notes: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.part.name


def checklist(case: Case, warnings: list | None = None, vocabulary=None) -> list[PartStatus]:
    """Every part of the campus structure with its status; a filled part with a warning is 'perlu diperiksa'.

    A warning belongs to the part whose data path is the longest prefix of the warning's field;
    a warning about a whole section belongs to every part of it.
    """
    from macros.model_paths import format_path

    parts = parts_for(case, vocabulary)
    prefixes = [format_path(part.path) for part in parts]
    notes: dict[int, list[str]] = {}
    for warning in warnings or []:
        owners = [i for i, prefix in enumerate(prefixes)
                  if warning.field_path == prefix or warning.field_path.startswith(prefix + ".")
                  or warning.field_path.startswith(prefix + "[")]
        if owners:
            notes.setdefault(max(owners, key=lambda i: len(prefixes[i])), []).append(warning.message)
        else:  # a warning about a whole section (e.g. `pendahuluan` missing) concerns each of its parts
            for i, prefix in enumerate(prefixes):
                if prefix.startswith(warning.field_path + "."):
                    notes.setdefault(i, []).append(warning.message)
    rows = []
    for index, part in enumerate(parts):
        caution = part.caution(case) if part.caution else None
        found = tuple(notes.get(index, ())) + ((caution,) if caution else ())
        if not part.filled(case):
            rows.append(PartStatus(part, STATUS_EMPTY if part.required else STATUS_OPTIONAL, found))
        else:
            rows.append(PartStatus(part, STATUS_WARNING if found else STATUS_FILLED, found))
    return rows
