"""The controlled vocabulary of social-work practice used in reports.

Codes are what a student types in `kasus.yml` (lower case, underscores); labels are
what the report prints. The defaults follow the seed reports and the literature they
cite (Siporin's stages, Garvin's group types, Brill's casework techniques). A campus
adds its own terms under `extra.casebook.kosakata` in mkdocs.yml; they never replace
the defaults, so an archive stays comparable across years.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DEFAULTS: dict[str, dict[str, str]] = {
    "tahap": {
        "engagement": "Engagement",
        "intake": "Intake",
        "kontrak": "Kontrak",
        "asesmen": "Asesmen",
        "rencana_intervensi": "Rencana Intervensi",
        "intervensi": "Intervensi",
        "evaluasi": "Evaluasi",
        "terminasi": "Terminasi",
        "rujukan": "Rujukan",
        # Community practicum (macro practice): the stages of community development work.
        "inisiasi_sosial": "Inisiasi Sosial",
        "pengorganisasian_sosial": "Pengorganisasian Sosial",
        "asesmen_partisipatif": "Asesmen Partisipatif",
        "perencanaan_partisipatif": "Perencanaan Partisipatif",
        "aksi_sosial": "Aksi Sosial/Intervensi",
        "monitoring_evaluasi": "Monitoring dan Evaluasi",
        "tindak_lanjut": "Tindak Lanjut",
        # Laboratory practicum: mapping and assessment of a kelurahan, a few micro cases, recommendations.
        "persiapan": "Persiapan dan Orientasi Wilayah",
        "asesmen_wilayah": "Pemetaan Sosial dan Asesmen Wilayah",
        "kasus_mikro": "Asesmen Kasus Mikro",
        "rekomendasi": "Penyusunan Rekomendasi",
    },
    "metode": {
        "casework": "Social Casework",
        "groupwork": "Social Groupwork",
        "community_organization": "Community Organization/Community Development",
    },
    # Garvin (1987): nine types of groups in social group work.
    "tipe_kelompok": {
        "social_conversation": "Social Conversation Group",
        "recreation": "Recreation Group",
        "recreation_skill": "Recreation-Skill Group",
        "educational": "Educational Group",
        "problem_solving": "Problem Solving and Decision Making Group",
        "self_help": "Self-Help Group",
        "socialization": "Socialization Group",
        "therapeutic": "Therapeutic Group",
        "sensitivity": "Sensitivity Group",
    },
    # Brill / Iskandar casework techniques plus those the seeds use.
    "teknik": {
        "small_talk": "Small Talk",
        "listening": "Listening",
        "ventilation": "Ventilation",
        "support": "Support",
        "reassurance": "Reassurance",
        "clarification": "Clarification",
        "confrontation": "Confrontation",
        "conflict": "Conflict",
        "manipulation": "Manipulation",
        "universalization": "Universalization",
        "advice_giving": "Advice Giving and Counseling",
        "giving_information": "Giving Information",
        "activities_programs": "Activities and Programs",
        "logical_discussion": "Logical Discussion",
        "reward_punishment": "Reward and Punishment",
        "role_rehearsal": "Role Rehearsal",
        "demonstration": "Demonstration",
        "modelling": "Modelling",
        "positive_reinforcement": "Positive Reinforcement",
        "self_awareness": "Peningkatan Self Awareness",
    },
    "alat_asesmen": {
        "wawancara": "Wawancara",
        "observasi": "Observasi",
        "studi_dokumentasi": "Studi Dokumentasi",
        "triangulasi_sumber": "Triangulasi Sumber",
        "bpss": "BPSS (Bio-Psiko-Sosial-Spiritual)",
        "ecomap": "Ecomap",
        "genogram": "Genogram",
        "kuadran_kekuatan": "Kuadran Kekuatan (Strengths Quadrant)",
        "ils": "Independent Living Skills (ILS)",
        # Participatory assessment tools of community practice.
        "pemetaan_sosial": "Pemetaan Sosial (Social Mapping)",
        "transek": "Transek",
        "kalender_musim": "Kalender Musim",
        "diagram_venn": "Diagram Venn Kelembagaan",
        "pohon_masalah": "Pohon Masalah",
        "analisis_pemangku_kepentingan": "Analisis Pemangku Kepentingan",
        "mpa": "Methodology for Participatory Assessment (MPA)",
        "top": "Technology of Participation (ToP)",
        "fgd": "Diskusi Kelompok Terarah (FGD)",
    },
    "setting": {
        "industri": "Industri (CSR)",
        "primer": "Primer (Sentra/Panti)",
        "komunitas": "Komunitas",
        "sekolah": "Sekolah",
        "rumah_sakit": "Rumah Sakit",
        "lainnya": "Lainnya",
    },
    "klaster": {
        "anak": "Anak",
        "disabilitas": "Penyandang Disabilitas",
        "disabilitas_intelektual": "Disabilitas Intelektual",
        "lansia": "Lanjut Usia",
        "kemiskinan": "Kemiskinan",
        "ketelantaran": "Ketelantaran",
        "korban_bencana": "Korban Bencana",
        "korban_kekerasan": "Korban Kekerasan",
        "napza": "Korban Penyalahgunaan NAPZA",
        "kelompok_rentan": "Kelompok Rentan",
        "pemberdayaan_masyarakat": "Pemberdayaan Masyarakat",
    },
    "jenis_praktikum": {
        "institusi": "Praktikum Institusi",
        "laboratorium": "Praktikum Laboratorium",
        "komunitas": "Praktikum Komunitas",
    },
}


@dataclass(frozen=True)
class Vocabulary:
    """Known codes per kind; immutable once built."""

    terms: Mapping[str, Mapping[str, str]]
    stage_kinds: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({code: code for code in DEFAULTS["tahap"]}))
    no_approval_page: frozenset[str] = frozenset()
    """Print profiles whose campus prints no lembar pengesahan (`halaman_depan.lembar_pengesahan: false`); "" when
    the site's own profile is one (reports without `laporan.profil_cetak`)."""

    def approval_page_for(self, case) -> bool:
        """Whether the report's campus layout has a lembar pengesahan."""
        name = case.report.print_profile
        return (name if name is not None else "") not in self.no_approval_page

    def is_draft(self, case) -> bool:
        """A draft until approved; where the campus prints no approval page, only a report whose `pengesahan` is
        written without a date is one (the PDF's DRAF mark follows the same rule: pdf/site_pdfs.shows_draft_mark)."""
        if self.approval_page_for(case):
            return case.is_draft
        return case.approval is not None and case.approval.approved_on is None

    def stage_kind(self, code: str) -> str | None:
        """Which of the nine default stages a stage code is a kind of (a campus's `pendekatan_awal` may be an
        `engagement`): the kind decides where its records go in BAB IV. None: a stage without a kind."""
        return self.stage_kinds.get(code)

    def codes(self, kind: str) -> list[str]:
        return list(self.terms[kind])

    def label(self, kind: str, code: str) -> str:
        return self.terms[kind].get(code, code)

    def knows(self, kind: str, code: str) -> bool:
        return code in self.terms[kind]

    def __reduce__(self):  # a read-only mapping does not pickle; workers started by `spawn` receive a copy
        return _vocabulary_of, ({kind: dict(terms) for kind, terms in self.terms.items()}, dict(self.stage_kinds))


def _vocabulary_of(terms: Mapping[str, Mapping[str, str]], stage_kinds: Mapping[str, str] | None = None,
                   no_approval_page: Iterable[str] = ()) -> Vocabulary:
    kinds = dict(stage_kinds) if stage_kinds is not None else {code: code for code in DEFAULTS["tahap"]}
    return Vocabulary(MappingProxyType({k: MappingProxyType(dict(v)) for k, v in terms.items()}), MappingProxyType(kinds),
                      frozenset(no_approval_page))


# The print profile every site has even when mkdocs.yml declares none (macros/pdf/settings.py DEFAULT_PROFILE).
DEFAULT_PRINT_PROFILE = "kampus"


def build_vocabulary(extensions: Mapping[str, Mapping[str, str]] | None = None,
                     print_profiles: Iterable[str] = (), no_approval_page: Iterable[str] = ()) -> Vocabulary:
    """Defaults plus a campus's additions (`extra.casebook.kosakata` in mkdocs.yml); `print_profiles`: the
    names under `extra.casebook.pdf.profil_cetak`, which a report may pick (`laporan.profil_cetak`)."""
    merged = {kind: dict(terms) for kind, terms in DEFAULTS.items()}
    # Not a kosakata kind a campus extends by hand: the names come from the declared print profiles.
    merged["profil_cetak"] = {name: name.replace("_", " ") for name in dict.fromkeys([DEFAULT_PRINT_PROFILE, *map(str, print_profiles)])}
    stage_kinds = {code: code for code in DEFAULTS["tahap"]}
    for kind, additions in (extensions or {}).items():
        if kind not in merged:
            raise ValueError(f"jenis kosakata `{kind}` tidak dikenal; pilihan: {', '.join(merged)}")
        for code, label in (additions or {}).items():
            if kind == "tahap" and isinstance(label, Mapping):
                # A campus stage with its kind: `pendekatan_awal: {label: Pendekatan Awal, jenis: engagement}`.
                stage_kind = str(label.get("jenis", ""))
                if stage_kind not in DEFAULTS["tahap"]:
                    raise ValueError(f"kosakata.tahap.{code}.jenis: `{stage_kind}` bukan tahap yang dikenal; "
                                     f"pilihan: {', '.join(DEFAULTS['tahap'])}")
                stage_kinds[str(code)] = stage_kind
                label = label.get("label", code)
            merged[kind][str(code)] = str(label)
    return _vocabulary_of(merged, stage_kinds, no_approval_page)


DEFAULT_VOCABULARY = build_vocabulary()
