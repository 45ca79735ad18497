"""Practicum kinds and report subjects: what steers a report, as data.

A campus's three practicum reports (laboratorium, institusi, komunitas) share one model and one set of
renderers. What differs is data, kept here:

- the stages of the helping process the kind works through (codes of the `tahap` vocabulary, in order);
- the folder of default chapter templates (`docs/templat/<folder>/`), read before the shared
  `docs/templat/bab/`, so a kind overrides only the chapters that differ;
- the navigation titles of its chapters;
- which completeness rules apply (see `macros/completeness.py`: a part names the kinds and subjects it
  applies to).

The report's *subject* is an individual client (`klien`), a group (`kelompok_sasaran`) or a community
(`komunitas`); every label a reader sees ("Klien", "Kelompok Sasaran", "Komunitas") comes from `SUBJECTS`.

To add a kind (e.g. a campus's fourth practicum), add a `PracticumKind` to `KINDS`, its code and label to
the `jenis_praktikum` vocabulary, and, if its chapters differ, a template folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from macros.vocabulary import Vocabulary

INSTITUTION_STAGES = ("engagement", "intake", "kontrak", "asesmen", "rencana_intervensi", "intervensi", "evaluasi",
                      "terminasi", "rujukan")
COMMUNITY_STAGES = ("inisiasi_sosial", "pengorganisasian_sosial", "asesmen_partisipatif", "perencanaan_partisipatif",
                    "aksi_sosial", "monitoring_evaluasi", "terminasi", "tindak_lanjut")

LABORATORY_STAGES = ("persiapan", "asesmen_wilayah", "kasus_mikro", "rekomendasi")


INSTITUTION_DATA_STAGES = {"asesmen": "asesmen", "rencana_intervensi": "rencana_intervensi", "intervensi": "intervensi",
                           "evaluasi": "evaluasi", "terminasi": "terminasi", "rujukan": "rujukan"}
COMMUNITY_DATA_STAGES = {"kesepakatan": "inisiasi_sosial", "asesmen_partisipatif": "asesmen_partisipatif",
                         "intervensi": "aksi_sosial", "evaluasi": "monitoring_evaluasi", "terminasi": "terminasi"}
LABORATORY_DATA_STAGES = {"asesmen_wilayah": "asesmen_wilayah", "kasus_mikro": "kasus_mikro"}


@dataclass(frozen=True)
class PracticumKind:
    code: str
    stages: tuple[str, ...]
    """Stage codes of this kind, in the order of the helping process (BAB IV follows it)."""
    templates: str | None = None
    """Folder under docs/templat/ whose chapter pages replace the shared ones in docs/templat/bab/."""
    chapter_titles: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Navigation titles of chapters that differ from the shared ones (macros/site.py CHAPTERS)."""
    data_stages: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(INSTITUTION_DATA_STAGES))
    """The stage a dated section of kasus.yml belongs to (for the order check): `intervensi` sessions are the
    `intervensi` stage of an institutional report and the `aksi_sosial` stage of a community report."""
    outline: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """What the chapters that differ hold, for BAB I's Sistematika Penulisan ("memuat ...")."""
    unordered: frozenset[str] = frozenset()
    """Stages that may overlap their neighbours (a contract is signed during intake), left out of the order check."""
    method: str | None = None
    """The practice method (`metode` vocabulary) the kind works with when the report names none of its own (a
    community report's action plan has no method column): shown on the report's catalogue card."""
    rules: str = ""
    """Which completeness rules hold the report (macros/completeness.py): 'institusi', 'komunitas' or
    'laboratorium'; empty: the kind's own code."""

    @property
    def shape(self) -> str:
        return self.rules or self.code

    def stage_codes(self, vocabulary: Vocabulary | None = None) -> list[str]:
        """The kind's stages plus a campus's added stages of one of these kinds, each after its kind."""
        codes = list(self.stages)
        kind_of = getattr(vocabulary, "stage_kind", None)
        if vocabulary is None or kind_of is None:
            return codes
        for code in vocabulary.codes("tahap"):
            parent = kind_of(code)
            if code not in codes and parent in self.stages:
                position = max(i for i, c in enumerate(codes) if c == parent or kind_of(c) == parent)
                codes.insert(position + 1, code)
        return codes

    def has_stage(self, code: str, vocabulary: Vocabulary | None = None) -> bool:
        return code in self.stage_codes(vocabulary)


KINDS: dict[str, PracticumKind] = {
    "institusi": PracticumKind("institusi", INSTITUTION_STAGES, unordered=frozenset({"kontrak"})),
    # Laboratory practicum: a group maps a kelurahan (PPKS/PSKS per RW, potentials and resources, programmes
    # and policies), assesses a few short micro cases and ends with recommendations; no intervention.
    "laboratorium": PracticumKind(
        "laboratorium", LABORATORY_STAGES, templates="laboratorium",
        data_stages=MappingProxyType(LABORATORY_DATA_STAGES),
        chapter_titles=MappingProxyType({
            "bab-3-konteks-institusi.md": "BAB III Profil Wilayah",
            "bab-4-penanganan-kasus.md": "BAB IV Pemetaan Sosial dan Asesmen Wilayah",
        }),
        outline=MappingProxyType({
            "bab-2-landasan-konseptual.md": "memuat metode dan tahapan pekerjaan sosial, peranan pekerja sosial, "
                                            "tinjauan konseptual, serta regulasi yang mendasari praktikum",
            "bab-3-konteks-institusi.md": "memuat gambaran umum kelurahan, kependudukan, mata pencaharian, serta "
                                          "lembaga mitra praktikum",
            "bab-4-penanganan-kasus.md": "memuat persiapan dan orientasi wilayah, pemetaan sosial dan asesmen wilayah "
                                         "(PPKS dan PSKS per RW, potensi dan sistem sumber, program dan kebijakan), "
                                         "asesmen kasus mikro, serta penyusunan rekomendasi",
        })),
    "komunitas": PracticumKind(
        "komunitas", COMMUNITY_STAGES, templates="komunitas", data_stages=MappingProxyType(COMMUNITY_DATA_STAGES),
        method="community_organization",
        chapter_titles=MappingProxyType({
            "bab-3-konteks-institusi.md": "BAB III Profil Komunitas",
            "bab-4-penanganan-kasus.md": "BAB IV Pelaksanaan Praktikum Komunitas",
        }),
        outline=MappingProxyType({
            "bab-3-konteks-institusi.md": "memuat gambaran umum desa/kelurahan, kependudukan, mata pencaharian, "
                                          "permasalahan dan potensi kesejahteraan sosial, serta kelompok sasaran",
            "bab-4-penanganan-kasus.md": "memuat pelaksanaan praktikum dari inisiasi sosial, pengorganisasian sosial, "
                                         "asesmen dan perencanaan partisipatif, aksi sosial, monitoring dan evaluasi, "
                                         "hingga terminasi dan tindak lanjut",
        })),
}
DEFAULT_KIND = "institusi"

LABORATORY_AS_INSTITUTION = PracticumKind("laboratorium", INSTITUTION_STAGES, unordered=frozenset({"kontrak"}),
                                          rules="institusi")
"""A laboratory report written before the laboratory shape existed: a client at an institution, the
institution's stages. It stays valid and reads as it did (`Case.practicum` picks it)."""


def kind_of(code: str | None) -> PracticumKind:
    """The kind of a report; an unknown code (a campus's own, added in mkdocs.yml) works like the default."""
    return KINDS.get(code or DEFAULT_KIND, KINDS[DEFAULT_KIND])


@dataclass(frozen=True)
class SubjectKind:
    code: str
    label: str
    """How every page, caption and label names the subject: 'Klien', 'Kelompok Sasaran', 'Komunitas'."""
    key: str
    """The kasus.yml section that describes it."""
    identity_heading: str
    """The heading over its description on the report's summary page."""
    role: str
    """The one word under the subject's code in the centre of a diagram (ecomap): klien, kelompok, komunitas."""
    people: str = "orang yang didampingi"
    """Whose real identity rahasia.yml keeps (`casebook new`, the new report's .gitignore): 'klien',
    'anggota kelompok sasaran', 'warga dan tokoh komunitas'."""


SUBJECTS: dict[str, SubjectKind] = {
    "individu": SubjectKind("individu", "Klien", "klien", "Identitas Klien", "klien", "klien"),
    "kelompok": SubjectKind("kelompok", "Kelompok Sasaran", "kelompok_sasaran", "Profil Kelompok Sasaran", "kelompok",
                            "anggota kelompok sasaran"),
    "komunitas": SubjectKind("komunitas", "Komunitas", "komunitas", "Profil Komunitas", "komunitas",
                             "warga dan tokoh komunitas"),
}
SUBJECT_KEYS = tuple(s.key for s in SUBJECTS.values())


def subject_of_template(text: str) -> SubjectKind | None:
    """The subject a kasus.yml (a template, before it is valid) describes: its first top-level subject key in
    the order the model reads them (a client, else a group, else a community), as `Case.subject` decides."""
    import re

    keys = set(re.findall(r"^([a-z_]+)\s*:", text, flags=re.M))
    return next((subject for subject in SUBJECTS.values() if subject.key in keys), None)
