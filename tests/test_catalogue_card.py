"""A report's catalogue card says what applies to its kind: a community report showed "Metode –" (its action
plan has no method column). Every filled report's card has no bare dash, for every practicum and subject kind,
on the examples and on synthetic reports."""

from __future__ import annotations

import re

import pytest

from macros.loading import load_case
from macros.render.catalogue import card, methods
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import ROOT


def _facts(html: str) -> dict[str, str]:
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html))


def _loaded(folders):
    for folder in folders:
        result = load_case(folder)
        assert result.loaded is not None, [p.format() for p in result.problems]
        yield result.loaded


EXAMPLE_FOLDERS = sorted(p.parent for p in (ROOT / "cases").glob("*/kasus.yml"))


@pytest.mark.parametrize("folder", EXAMPLE_FOLDERS, ids=lambda p: p.name)
def test_every_example_s_card_names_its_method_never_a_dash(folder):
    loaded = next(_loaded([folder]))
    facts = _facts(card(loaded, DEFAULT_VOCABULARY, "#"))
    assert "–" not in facts.values() and "" not in facts.values(), facts
    assert facts.get("Metode") or facts.get("Alat asesmen"), facts
    if loaded.case.report.kind == "komunitas":
        assert "Community Organization" in facts["Metode"]


def test_a_community_report_without_sessions_still_names_the_kind_s_method():
    loaded = next(_loaded([ROOT / "cases" / "kbl-cikadu-2024"]))
    case = loaded.case.model_copy(update={"intervention": None, "plan": None})
    assert methods(case) == ["community_organization"]


@pytest.mark.slow
def test_synthetic_reports_of_every_kind_show_a_method_on_their_card(tmp_path):
    from macros.synth import generate

    generate(tmp_path, 8, seed=3)  # seed 3: institusi, laboratorium and komunitas reports
    seen = set()
    for loaded in _loaded(sorted(p for p in tmp_path.iterdir() if (p / "kasus.yml").is_file())):
        facts = _facts(card(loaded, DEFAULT_VOCABULARY, "#"))
        seen.add((loaded.case.report.kind, loaded.case.subject.code))
        assert "–" not in facts.values(), (loaded.slug, facts)
        assert facts.get("Metode") or facts.get("Alat asesmen"), (loaded.slug, facts)
    assert {kind for kind, _ in seen} >= {"institusi", "laboratorium", "komunitas"}, seen
