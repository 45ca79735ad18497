"""Overrides for a maximal report generated from the model (the marker test of issue 14), for the practicum
kinds: the community models' values that their own rules decide, which fields an institutional report leaves
out (they are printed by the community templates only), and a maximal community report.

The institutional reports of tests/maximal.py leave out `COMMUNITY_ONLY`; the community report registered
here leaves out `INDIVIDUAL_ONLY`, with `COMMUNITY_SPECIAL` merged into the builder's special values.
"""

from __future__ import annotations

from tests.maximal import Markers, maximal_case, report

# Values the community models' rules decide: codes are pseudonym codes, amounts must add up, a transect row
# has a cell per zone (the builder fills two of each), counts by sex must fit the members listed.
COMMUNITY_SPECIAL = {
    "KelompokSasaran.code": "KB", "AnggotaKelompok.code": "KBA", "AnggotaKelompok.sex": "laki-laki",
    "Komposisi.men": 1, "Komposisi.women": 1,
    "ButirAnggaran.volume": 2, "ButirAnggaran.unit_price": 1000, "ButirAnggaran.amount": 2000, "Anggaran.total": 2000,
    "KegiatanMusim.months": [1], "PemetaanSosial.file": "media/foto.svg", "Peringkat.voters": 1,
    "Komunitas.households": 10, "JumlahJenis.count": 1,
}

# Parts that only a community report prints (its own BAB III/IV templates and appendices).
COMMUNITY_ONLY = ["Case.community", "Case.group", "Case.agreement", "Case.participatory", "Case.action_plan", "Case.budget",
                  "Case.participant_attendance", "Case.supervision"]
# Parts that only an individual (institutional) report prints.
INDIVIDUAL_ONLY = ["Case.client", "Case.consent", "Case.assessment", "Case.interviews", "Case.case_conferences",
                   "Case.plan"]

INSTITUTION_REPORT = {key: None for key in COMMUNITY_ONLY}
COMMUNITY_REPORT = {
    **{key: None for key in INDIVIDUAL_ONLY},
    "Laporan.kind": "komunitas",
    "CatatanTahap.stage": "inisiasi_sosial", "EvaluasiProses.stage": "aksi_sosial",
    "SesiIntervensi.activity": None, "SesiIntervensi.members": ["KBA"], "SesiIntervensi.method": "community_organization",
    # The community BAB III names the partner institution and prints its overview and programmes only.
    "Institusi.address": None, "Institusi.profile": None, "Institusi.beneficiaries": None,
}


@report("maks-komunitas-2024")
def _community(markers: Markers) -> dict:
    # A community practicum is written by a group of students (penulis), as the example is.
    return maximal_case(markers, {**COMMUNITY_SPECIAL, **COMMUNITY_REPORT, "Praktikan.name": None,
                                  "Praktikan.student_number": None})
