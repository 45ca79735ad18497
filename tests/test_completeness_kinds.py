"""`casebook check` lists the parts a report is held to ("belum terisi", "opsional, kosong"): every listed part
must exist in the report's own practicum kind, so a community or laboratory student is never told about an
institution-only part (user test s23, issue 15: "Rekapitulasi wawancara" listed for a community report).

A part exists in a kind's shape when the kind's maximal report (tests/maximal_<kind>.py, which fills all the kind
prints) fills it, when it is a stage of the kind, or when the kind's default chapter templates print it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.completeness import parts_for
from macros.loading import load_case
from macros.practicum import KINDS
from macros.render.places import _aggregates, places
from tests.helpers import ROOT
from tests.maximal import Markers, maximal_reports

TEMPLATES = ROOT / "docs" / "templat"


def _template_pages(shape: str) -> list[Path]:
    pages = {page.name: page for page in (TEMPLATES / "bab").glob("*.md")}
    folder = KINDS[shape].templates
    if folder:
        pages.update({page.name: page for page in (TEMPLATES / folder).glob("*.md")})
    return list(pages.values())


def _printed_by_templates(shape: str) -> set[str]:
    """kasus.yml paths the kind's default chapter pages print (macro calls, isi('path'), aggregate macros)."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in _template_pages(shape))
    called = set(re.findall(r"\b([a-z_]+)\(", text))
    printed = {path for path, names in places().items() if set(names) & called}
    printed |= set(re.findall(r"\bisi\(\s*'([a-z_]+(?:\.[a-z_]+)*)'", text))
    for name, paths in _aggregates().items():
        if name in called:
            printed |= set(paths)
    return printed


@pytest.fixture(scope="module")
def maximal_cases(tmp_path_factory):
    cases = {}
    for slug, data in maximal_reports(Markers()).items():
        folder = tmp_path_factory.mktemp("maks") / slug
        folder.mkdir()
        (folder / "kasus.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = load_case(folder)
        assert result.loaded is not None, (slug, result.errors[:3])
        cases[slug] = result.loaded.case
    return cases


def test_every_kind_has_a_maximal_report(maximal_cases):
    assert {case.practicum.shape for case in maximal_cases.values()} == {kind.shape for kind in KINDS.values()}


def test_every_listed_part_exists_in_the_reports_kind(maximal_cases):
    wrong = []
    for slug, case in maximal_cases.items():
        shape = case.practicum.shape
        printed = _printed_by_templates(shape)
        stages = set(KINDS[shape].stages)
        for part in parts_for(case):
            path = ".".join(part.path)
            in_shape = (part.filled(case)
                        or (part.path == ("tahapan",) and any(s in stages for s in _stage_codes(part)))
                        or any(p == path or p.startswith(path + ".") or path.startswith(p + ".") for p in printed))
            if not in_shape:
                wrong.append(f"{slug} ({shape}): {part.name} [{path}]")
    assert wrong == [], "parts listed by check that the report's kind has no place for"


def _stage_codes(part) -> list[str]:
    """The stage codes a `tahapan` part asks for, read from its label ('Pengorganisasian sosial' -> code)."""
    return [part.label.lower().replace(" ", "_")]


def test_a_community_report_is_not_asked_for_the_institution_interview_table():
    case = load_case(ROOT / "cases" / "kbl-cikadu-2024").loaded.case
    names = [part.name for part in parts_for(case)]
    assert "BAB IV Rekapitulasi wawancara" not in names
    assert {"Lampiran Daftar hadir praktikan", "Lampiran Daftar hadir peserta"} <= set(names)
    lab = load_case(ROOT / "cases" / "lab-mekarsantun-2024").loaded.case
    assert "BAB IV Rekapitulasi wawancara" in [part.name for part in parts_for(lab)]
