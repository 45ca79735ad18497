"""Pembimbing II and the practicum coordinator are shown outside the PDF/Word file (user test s23, F10): on the
report's card (report home and archive), in the katalog CSV/XLSX, and each supervisor counts the report in the
"Dosen pembimbing" facet and statistics. The AJS example has two supervisors and a coordinator."""

from __future__ import annotations

import csv
import html
import re

import pytest

from macros.archive.export import HEADER, catalogue_rows
from macros.archive.facets import FACET_BY_KEY, facet_counts, report_facts
from macros.loading import load_case
from macros.render.catalogue import card
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import ROOT

AJS, LN = "ajs-kartini-2024", "ln-hikari-2024"


def _approval(slug):
    loaded = load_case(ROOT / "cases" / slug).loaded
    return loaded, loaded.case.approval


def test_both_supervisors_count_the_report_and_the_facet_says_so():
    loaded, approval = _approval(AJS)
    assert approval.second_supervisor and approval.coordinator
    facts = [report_facts(loaded, DEFAULT_VOCABULARY), report_facts(_approval(LN)[0], DEFAULT_VOCABULARY)]
    counts = {c.label: c.count for c in facet_counts(facts, "pembimbing")}
    assert counts[approval.supervisor.name] == 1 and counts[approval.second_supervisor.name] == 1, counts
    assert "I dan II" in FACET_BY_KEY["pembimbing"].label
    rows = {r[0]: dict(zip(HEADER, r)) for r in catalogue_rows(facts, {AJS: loaded, LN: _approval(LN)[0]})}
    assert rows[AJS]["dosen_pembimbing"] == approval.supervisor.name
    assert rows[AJS]["pembimbing_kedua"] == approval.second_supervisor.name
    assert rows[AJS]["koordinator_praktikum"] == approval.coordinator.name
    assert rows[LN]["pembimbing_kedua"] == "" and rows[LN]["koordinator_praktikum"] == ""


def test_the_card_names_pembimbing_i_ii_and_the_coordinator():
    loaded, approval = _approval(AJS)
    html_card = html.unescape(card(loaded, DEFAULT_VOCABULARY, "./"))
    assert f"<dt>Pembimbing I</dt><dd>{approval.supervisor.name}</dd>" in html_card
    assert f"<dt>Pembimbing II</dt><dd>{approval.second_supervisor.name}</dd>" in html_card
    assert f"<dt>{approval.coordinator.role}</dt><dd>{approval.coordinator.name}</dd>" in html_card
    ln, ln_approval = _approval(LN)
    assert f"<dt>Pembimbing</dt><dd>{ln_approval.supervisor.name}</dd>" in html.unescape(card(ln, DEFAULT_VOCABULARY, "./"))


def test_a_laboratory_card_says_its_kind_and_place_not_a_setting():
    loaded = load_case(ROOT / "cases" / "lab-mekarsantun-2024").loaded
    text = html.unescape(card(loaded, DEFAULT_VOCABULARY, "./"))
    assert "<dt>Setting</dt>" not in text and "<dt>Komunitas</dt>" not in text, text
    assert re.search(r"<dt>Praktikum</dt><dd>[^<]*[Ll]aboratorium", text), text
    assert "<dt>Wilayah</dt>" in text or "<dt>Institusi</dt>" in text


@pytest.mark.slow
def test_the_built_site_and_catalogue_show_pembimbing_ii(tmp_path):
    from tests.test_pdf import build

    result = build(ROOT, tmp_path / "site", tmp_path / "cache", CASEBOOK_PDF="0", CASEBOOK_PROFILE="internal")
    assert result.returncode == 0, result.stderr[-3000:]
    _, approval = _approval(AJS)
    second, coordinator = approval.second_supervisor.name, approval.coordinator.name
    home = html.unescape((tmp_path / "site" / "kasus" / AJS / "index.html").read_text(encoding="utf-8"))
    assert second in home and coordinator in home
    archive = html.unescape((tmp_path / "site" / "arsip" / "index.html").read_text(encoding="utf-8"))
    assert "Dosen pembimbing (I dan II)" in archive and second in archive
    statistics = next((tmp_path / "site" / "arsip").rglob("statistik*/index.html"), None) or \
        next(p for p in (tmp_path / "site").rglob("*.html") if "Laporan per dosen pembimbing" in p.read_text(encoding="utf-8"))
    assert second in html.unescape(statistics.read_text(encoding="utf-8"))
    with open(tmp_path / "site" / "arsip" / "katalog-arsip.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["slug"] if "slug" in r else next(iter(r.values())): r for r in csv.DictReader(handle)}
    row = next(r for r in rows.values() if AJS in r.values())
    assert row["pembimbing_kedua"] == second and row["koordinator_praktikum"] == coordinator
