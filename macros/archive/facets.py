"""What the archive knows about each report, derived from its data alone.

One `ReportFacts` per report: the facet values the catalogue filters on, the tags pages
list, and the statistics page counts. Everything here comes from `kasus.yml`; a student
writes nothing extra for the archive.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from macros.completeness import completeness
from macros.loading import LoadedCase
from macros.vocabulary import Vocabulary


@dataclass(frozen=True)
class Facet:
    key: str          # URL parameter and data attribute: ?setting=industri
    label: str        # heading of the filter group
    vocabulary: str | None = None  # codes are labelled by this vocabulary kind


# In the order the filter panel shows them.
FACETS: tuple[Facet, ...] = (
    Facet("tahun", "Tahun"),
    Facet("semester", "Semester"),
    Facet("jenis", "Jenis praktikum", "jenis_praktikum"),
    Facet("subjek", "Subjek laporan"),  # klien perorangan, kelompok sasaran, komunitas (macros/practicum.py)
    Facet("kampus", "Kampus / program studi"),
    Facet("institusi", "Institusi"),
    Facet("setting", "Setting", "setting"),
    Facet("klaster", "Klaster klien", "klaster"),
    Facet("metode", "Metode", "metode"),
    Facet("kelompok", "Tipe kelompok", "tipe_kelompok"),
    Facet("teknik", "Teknik", "teknik"),
    Facet("alat", "Alat asesmen", "alat_asesmen"),
    Facet("capaian", "Capaian"),
    Facet("capaian_tas", "Capaian TAS (0–4)"),
    Facet("capaian_gas", "Capaian GAS (−2..+2)"),
    Facet("status", "Status laporan"),
    Facet("kelengkapan", "Kelengkapan"),
    # Pembimbing I and II each count the report (a Pembimbing II looks for "my groups" too): said in the label.
    Facet("pembimbing", "Dosen pembimbing (I dan II)"),
)
FACET_BY_KEY = {facet.key: facet for facet in FACETS}

# Outcomes: each scale on its own terms (docs/panduan/arsip.md, "Capaian"), never shifted onto the other.
# (code, label, rank): the bands of both scales, best first.
OUTCOME_BANDS = (("tercapai", "Tercapai", 2), ("sebagian", "Sebagian tercapai", 1), ("belum", "Belum tercapai", 0))
NO_OUTCOME = ("tanpa_skor", "Tanpa skor")
BAND_LABELS = {code: label for code, label, _ in OUTCOME_BANDS} | {NO_OUTCOME[0]: NO_OUTCOME[1]}
BAND_RANK = {code: rank for code, _, rank in OUTCOME_BANDS}
TAS_SUCCESS = 3          # Task Achievement Scale (Reid & Epstein, 0–4): 3 "cukup tercapai" and up, unless the
TAS_PARTIAL = 2          # report sets its own `batas_berhasil`; 2 "sebagian tercapai"; 0–1 not achieved.
GAS_SUCCESS = 50.0       # Goal Attainment Scaling (Kiresuk & Sherman, −2..+2 per goal): the summary T-score,
GAS_PARTIAL = 40.0       # 50 = every goal at the expected level; 40 = one standard deviation below.
GAS_RHO = 0.3            # Kiresuk & Sherman's assumed correlation between goals (equal weights)


def gas_t_score(scores) -> float:
    """Kiresuk & Sherman's T = 50 + 10·Σx / √((1−ρ)·n + ρ·n²), equal weights, ρ = 0.3."""
    n = len(scores)
    return 50 + 10 * sum(scores) / math.sqrt((1 - GAS_RHO) * n + GAS_RHO * n * n)


def tas_band(score: int, minimum: int | None = None) -> str:
    success = TAS_SUCCESS if minimum is None else minimum
    if score >= success:
        return "tercapai"
    return "sebagian" if score >= TAS_PARTIAL else "belum"


def gas_band(t_score: float) -> str:
    if t_score >= GAS_SUCCESS - 1e-9:
        return "tercapai"
    return "sebagian" if t_score >= GAS_PARTIAL - 1e-9 else "belum"


@dataclass(frozen=True)
class Outcome:
    """A report's scores on the scales it used (either, both or none)."""

    tas: int | None = None
    tas_minimum: int | None = None
    gas: tuple[int, ...] = ()

    @property
    def gas_t(self) -> float | None:
        return gas_t_score(self.gas) if self.gas else None

    @property
    def tas_code(self) -> str:
        return NO_OUTCOME[0] if self.tas is None else tas_band(self.tas, self.tas_minimum)

    @property
    def gas_code(self) -> str:
        return NO_OUTCOME[0] if not self.gas else gas_band(self.gas_t)

    @property
    def code(self) -> str:
        """Overall: the band of the scale used; with both, the lower of the two (a report is as far as its weaker scale)."""
        codes = [c for c in (self.tas_code, self.gas_code) if c != NO_OUTCOME[0]]
        return min(codes, key=BAND_RANK.__getitem__) if codes else NO_OUTCOME[0]

    @property
    def sort_value(self) -> float | None:
        """For "Capaian tertinggi": the band (0–2), plus how far into its band the score lies (0..<1), so
        scales compare by band and never by raw number; with both scales, the weaker counts."""
        values = []
        if self.tas is not None:
            success = TAS_SUCCESS if self.tas_minimum is None else self.tas_minimum
            bounds = {"tercapai": (success, 4), "sebagian": (TAS_PARTIAL, success), "belum": (0, TAS_PARTIAL)}
            values.append(BAND_RANK[self.tas_code] + _within(self.tas, *bounds[self.tas_code]))
        if self.gas:
            bounds = {"tercapai": (GAS_SUCCESS, 70), "sebagian": (GAS_PARTIAL, GAS_SUCCESS), "belum": (20, GAS_PARTIAL)}
            values.append(BAND_RANK[self.gas_code] + _within(self.gas_t, *bounds[self.gas_code]))
        return round(min(values), 4) if values else None


def _within(value: float, low: float, high: float) -> float:
    return 0.5 if high <= low else min(max((value - low) / (high - low), 0.0), 1.0) * 0.99


def outcome_of(loaded: LoadedCase) -> Outcome:
    evaluation = loaded.case.evaluation
    if evaluation is None:
        return Outcome()
    tas = evaluation.tas
    return Outcome(tas.score if tas else None, tas.minimum if tas else None, tuple(g.score for g in evaluation.gas))


def outcome_band(outcome: Outcome | str) -> tuple[str, str]:
    code = outcome if isinstance(outcome, str) else outcome.code
    return code, BAND_LABELS[code]


def semester_of(loaded: LoadedCase) -> str:
    """The semester as written, else from the practicum start: August–January is Ganjil, February–July Genap."""
    report = loaded.case.report
    if report.semester:
        # One facet value per semester however it is written: "Gasal" is many campuses' word for Ganjil (trial s24).
        written = WRITTEN_SEMESTER.match(report.semester)
        if not written:
            return report.semester
        name = "Genap" if written.group(1).lower() == "genap" else "Ganjil"
        return f"{name} {written.group(2)}/{written.group(3)}"
    start = report.period.start
    first_year = start.year if start.month >= 8 else start.year - 1
    name = "Ganjil" if start.month >= 8 or start.month == 1 else "Genap"
    return f"{name} {first_year}/{first_year + 1}"


_SEMESTER = re.compile(r"(ganjil|genap)\D*(\d{4})", re.I)
# A semester as check accepts it (macros/checks.py) and as it becomes one facet value: "Gasal" is Ganjil.
WRITTEN_SEMESTER = re.compile(r"^\s*(ganjil|gasal|genap)\s+(\d{4})\s*/\s*(\d{4})\s*$", re.I)


def semester_order(label: str) -> tuple:
    """Chronological key of a semester label: Ganjil 2024/2025 < Genap 2024/2025 < Ganjil 2025/2026;
    a label not in that form sorts after every dated one."""
    found = _SEMESTER.search(label)
    if not found:
        return (1, 0, 0, label.casefold())
    return (0, int(found.group(2)), 0 if found.group(1).lower() == "ganjil" else 1, label.casefold())


def value_code(text: str) -> str:
    """A URL-safe code for a free-text value (institution, campus): lower case, words joined by '-'."""
    words = "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()
    return "-".join(words)[:80] or "lainnya"


@dataclass(frozen=True)
class ReportFacts:
    slug: str
    title: str
    year: int
    outcome: float | None                           # sort value (Outcome.sort_value)
    values: dict[str, tuple[tuple[str, str], ...]]  # facet key -> ((code, label), ...)
    scores: Outcome = field(default_factory=Outcome)
    approved_on: date | None = None
    missing: tuple[str, ...] = ()                   # required parts of the campus structure still empty

    def label(self, key: str) -> str:
        return ", ".join(label for _, label in self.values.get(key, ()))

    def codes(self, key: str) -> list[str]:
        return [code for code, _ in self.values.get(key, ())]


def _coded(kind: str, codes, vocabulary: Vocabulary) -> tuple[tuple[str, str], ...]:
    return tuple((code, vocabulary.label(kind, code)) for code in dict.fromkeys(codes))


def _free(texts) -> tuple[tuple[str, str], ...]:
    return tuple((value_code(text), text) for text in dict.fromkeys(t for t in texts if t))


def report_facts(loaded: LoadedCase, vocabulary: Vocabulary) -> ReportFacts:
    from macros.render.catalogue import methods as report_methods

    case = loaded.case
    plan = case.plan
    activities = plan.activities if plan else []
    sessions = case.intervention.sessions if case.intervention else []
    methods = report_methods(case)  # the card's list: one answer to 'which method' per report
    techniques = [t for a in activities for t in a.techniques] + [t for s in sessions for t in s.techniques]
    scores = outcome_of(loaded)
    approval = case.approval
    missing = tuple(p.name for p in completeness(case, vocabulary).empty if p.required)
    values = {
        "tahun": ((str(case.report.year), str(case.report.year)),),
        "semester": _free([semester_of(loaded)]),
        "jenis": _coded("jenis_praktikum", [case.report.kind], vocabulary),
        "subjek": ((case.subject.code, case.subject.label),),
        "kampus": _free([f"{case.student.campus} — {case.student.programme}"]),
        "institusi": _free([case.place_name]),
        "setting": _coded("setting", [case.setting], vocabulary),
        "klaster": _coded("klaster", case.clusters, vocabulary),
        "metode": _coded("metode", methods, vocabulary),
        "kelompok": _coded("tipe_kelompok", [a.group_type for a in activities if a.group_type], vocabulary),
        "teknik": _coded("teknik", sorted(techniques), vocabulary),
        "alat": _coded("alat_asesmen", case.assessment_tools, vocabulary),
        "capaian": (outcome_band(scores),),
        "capaian_tas": (outcome_band(scores.tas_code),),
        "capaian_gas": (outcome_band(scores.gas_code),),
        "status": (("draf", "Draf"),) if vocabulary.is_draft(case) else (("disetujui", "Disetujui"),),
        "kelengkapan": (("belum_lengkap", "Belum lengkap"),) if missing else (("lengkap", "Lengkap"),),
        "pembimbing": _free(supervisor_names(case)) or (NO_SUPERVISOR,),
    }
    return ReportFacts(loaded.slug, case.report.title, case.report.year, scores.sort_value, values, scores,
                       approval.approved_on if approval else None, missing)


NO_SUPERVISOR = ("tanpa-pembimbing", "Belum dicatat")


def supervisor_names(case) -> list[str]:
    """Pembimbing I, then Pembimbing II when the campus assigns two: each counts the report in the facet."""
    approval = case.approval
    if approval is None:
        return []
    return [approval.supervisor.name] + ([approval.second_supervisor.name] if approval.second_supervisor else [])


@dataclass(frozen=True)
class FacetCount:
    code: str
    label: str
    count: int


def facet_counts(facts: list[ReportFacts], key: str) -> list[FacetCount]:
    """How many reports carry each value of one facet, most frequent first (years newest first)."""
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for report in facts:
        for code, label in report.values.get(key, ()):
            counts[code] = counts.get(code, 0) + 1
            labels[code] = label
    if key == "tahun":
        order = sorted(counts, reverse=True)
    elif key in ("capaian", "capaian_tas", "capaian_gas"):
        rank = [c for c, _, _ in OUTCOME_BANDS] + [NO_OUTCOME[0]]
        order = sorted(counts, key=rank.index)
    elif key == "semester":
        # Newest first, as years are: Genap 2025/2026, Ganjil 2025/2026, Genap 2024/2025, ...
        keys = {c: semester_order(labels[c]) for c in counts}
        order = sorted(counts, key=lambda c: (keys[c][0], -keys[c][1], -keys[c][2], keys[c][3]))
    elif key == "status":
        order = sorted(counts, key=["draf", "disetujui"].index)
    elif key == "kelengkapan":
        order = sorted(counts, key=["belum_lengkap", "lengkap"].index)
    else:
        order = sorted(counts, key=lambda c: (-counts[c], labels[c].casefold()))
    return [FacetCount(code, labels[code], counts[code]) for code in order]
