"""A maximal laboratory practicum report (the marker test of issue 14, for the laboratory kind): every field
of the laboratory models (area assessment, PPKS/PSKS per RW, potentials, programmes, micro cases,
recommendations) holds a unique marker, next to what a laboratory report shares with the others (front
matter, BAB I/II/V/VI, the kelurahan as its subject, interviews, supervision log, appendices).

The institutional and community maximal reports leave the laboratory-only parts out (`LABORATORY_ONLY`): only
the laboratory templates print them. The report registers itself with tests/maximal.py's registry, so
tests/test_every_field.py builds it beside the others and looks for each of its markers.
"""

from __future__ import annotations

import json

from tests.maximal import Markers, build, maximal_case, report
from tests.maximal_community import (COMMUNITY_ONLY, COMMUNITY_REPORT, COMMUNITY_SPECIAL, INDIVIDUAL_ONLY,
                                     INSTITUTION_REPORT)

SLUG = "maks-lab-2024"

# Parts only a laboratory report prints (docs/templat/laboratorium/).
LABORATORY_ONLY = ["Case.area_assessment", "Case.micro_cases", "Case.recommendations"]
# What a laboratory practicum does not do or does not have: a client, an intervention and its evaluation and
# termination, a target group's community-development process.
NOT_IN_A_LABORATORY = [*(k for k in INDIVIDUAL_ONLY if k != "Case.interviews"), *(k for k in COMMUNITY_ONLY
                       if k not in ("Case.community", "Case.supervision")),
                       "Case.intervention", "Case.evaluation", "Case.termination", "Case.referrals"]

# Values the laboratory models' rules decide: a count per RW (the builder writes two RW), a pseudonym code.
LABORATORY_SPECIAL = {
    **COMMUNITY_SPECIAL,
    "BarisRW.counts": [1, 2],
    "KasusMikro.code": "KMA",
    "KasusMikro.clusters": ["lansia"],
    "Laporan.kind": "laboratorium",
    "CatatanTahap.stage": "persiapan",
    # The laboratory BAB III names the partner institution and prints its overview and programmes only.
    "Institusi.address": None, "Institusi.profile": None, "Institusi.beneficiaries": None,
    # A laboratory practicum is written by a group (penulis).
    "Praktikan.name": None, "Praktikan.student_number": None,
}


def laboratory_case(markers: Markers) -> dict:
    """kasus.yml data of the maximal laboratory report."""
    from macros.schema.community import Supervisi
    from macros.schema.laboratory import AsesmenWilayah, KasusMikro, Rekomendasi
    from macros.schema.subject import Komunitas

    overrides = {**LABORATORY_SPECIAL, **{key: None for key in NOT_IN_A_LABORATORY + LABORATORY_ONLY}}
    data = maximal_case(markers, overrides)
    # The laboratory-only parts are built here (the generator leaves them out of every report: see below).
    if "komunitas" not in data:
        data["komunitas"] = build(Komunitas, markers, LABORATORY_SPECIAL)
    data["asesmen_wilayah"] = build(AsesmenWilayah, markers, LABORATORY_SPECIAL)
    data["kasus_mikro"] = [build(KasusMikro, markers, LABORATORY_SPECIAL),
                           build(KasusMikro, markers, {**LABORATORY_SPECIAL, "KasusMikro.code": "KMB"})]
    data["rekomendasi"] = [build(Rekomendasi, markers, LABORATORY_SPECIAL)]
    if not data.get("log_supervisi"):
        data["log_supervisi"] = [build(Supervisi, markers, LABORATORY_SPECIAL)]
    return json.loads(json.dumps(data))  # no shared lists: YAML aliases are refused in kasus.yml


# The other kinds' maximal reports leave the laboratory-only parts out (only the laboratory templates print them).
INSTITUTION_REPORT.update({key: None for key in LABORATORY_ONLY})
COMMUNITY_REPORT.update({key: None for key in LABORATORY_ONLY})
report(SLUG)(laboratory_case)
