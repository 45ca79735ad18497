"""What the archive knows about each report, derived from its data alone.

One `ReportFacts` per report: the facet values the catalogue filters on, the tags pages
list, and the statistics page counts. Everything here comes from `kasus.yml`; a student
writes nothing extra for the archive.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    Facet("kampus", "Kampus / program studi"),
    Facet("institusi", "Institusi"),
    Facet("setting", "Setting", "setting"),
    Facet("klaster", "Klaster klien", "klaster"),
    Facet("metode", "Metode", "metode"),
    Facet("kelompok", "Tipe kelompok", "tipe_kelompok"),
    Facet("teknik", "Teknik", "teknik"),
    Facet("alat", "Alat asesmen", "alat_asesmen"),
    Facet("capaian", "Capaian"),
)
FACET_BY_KEY = {facet.key: facet for facet in FACETS}

# Outcome bands on the 0–4 scale of the Task Achievement Scale (GAS −2..+2 is shifted onto it).
OUTCOME_BANDS = (("tinggi", "Tinggi (3–4)", 3.0), ("sedang", "Sedang (2–<3)", 2.0), ("rendah", "Rendah (0–<2)", 0.0))
NO_OUTCOME = ("tanpa_skor", "Tanpa skor")


def outcome_score(loaded: LoadedCase) -> float | None:
    """The report's outcome on 0–4: the overall TAS score, else the mean GAS score + 2."""
    evaluation = loaded.case.evaluation
    if evaluation is None:
        return None
    if evaluation.tas is not None:
        return float(evaluation.tas.score)
    if evaluation.gas:
        return sum(g.score for g in evaluation.gas) / len(evaluation.gas) + 2
    return None


def outcome_band(score: float | None) -> tuple[str, str]:
    if score is None:
        return NO_OUTCOME
    for code, label, floor in OUTCOME_BANDS:
        if score >= floor:
            return code, label
    return OUTCOME_BANDS[-1][:2]


def semester_of(loaded: LoadedCase) -> str:
    """The semester as written, else from the practicum start: August–January is Ganjil, February–July Genap."""
    report = loaded.case.report
    if report.semester:
        return report.semester
    start = report.period.start
    first_year = start.year if start.month >= 8 else start.year - 1
    name = "Ganjil" if start.month >= 8 or start.month == 1 else "Genap"
    return f"{name} {first_year}/{first_year + 1}"


def value_code(text: str) -> str:
    """A URL-safe code for a free-text value (institution, campus): lower case, words joined by '-'."""
    words = "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()
    return "-".join(words)[:80] or "lainnya"


@dataclass(frozen=True)
class ReportFacts:
    slug: str
    title: str
    year: int
    outcome: float | None
    values: dict[str, tuple[tuple[str, str], ...]]  # facet key -> ((code, label), ...)

    def codes(self, key: str) -> list[str]:
        return [code for code, _ in self.values.get(key, ())]


def _coded(kind: str, codes, vocabulary: Vocabulary) -> tuple[tuple[str, str], ...]:
    return tuple((code, vocabulary.label(kind, code)) for code in dict.fromkeys(codes))


def _free(texts) -> tuple[tuple[str, str], ...]:
    return tuple((value_code(text), text) for text in dict.fromkeys(t for t in texts if t))


def report_facts(loaded: LoadedCase, vocabulary: Vocabulary) -> ReportFacts:
    case = loaded.case
    plan = case.plan
    activities = plan.activities if plan else []
    sessions = case.intervention.sessions if case.intervention else []
    methods = [a.method for a in activities] + [s.method for s in sessions if s.method]
    techniques = [t for a in activities for t in a.techniques] + [t for s in sessions for t in s.techniques]
    score = outcome_score(loaded)
    values = {
        "tahun": ((str(case.report.year), str(case.report.year)),),
        "semester": _free([semester_of(loaded)]),
        "jenis": _coded("jenis_praktikum", [case.report.kind], vocabulary),
        "kampus": _free([f"{case.student.campus} — {case.student.programme}"]),
        "institusi": _free([case.institution.name]),
        "setting": _coded("setting", [case.institution.setting], vocabulary),
        "klaster": _coded("klaster", case.client.clusters, vocabulary),
        "metode": _coded("metode", methods, vocabulary),
        "kelompok": _coded("tipe_kelompok", [a.group_type for a in activities if a.group_type], vocabulary),
        "teknik": _coded("teknik", sorted(techniques), vocabulary),
        "alat": _coded("alat_asesmen", case.assessment.tools if case.assessment else [], vocabulary),
        "capaian": (outcome_band(score),),
    }
    return ReportFacts(loaded.slug, case.report.title, case.report.year, score, values)


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
    elif key == "capaian":
        rank = [c for c, _, _ in OUTCOME_BANDS] + [NO_OUTCOME[0]]
        order = sorted(counts, key=rank.index)
    else:
        order = sorted(counts, key=lambda c: (-counts[c], labels[c].casefold()))
    return [FacetCount(code, labels[code], counts[code]) for code in order]
