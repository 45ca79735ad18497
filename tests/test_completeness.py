"""Completeness checklist: every part of the campus structure, in `casebook check --rinci` and on the internal site."""

from __future__ import annotations

import pytest
import re

from macros.completeness import checklist, parts_for
from macros.errors import Problem, Severity
from macros.loading import load_case
from tests.helpers import FIXTURE, ROOT, run_cli, write_case_variant
from tests.test_pdf import build


def test_every_part_gets_a_status_and_a_warning_marks_a_filled_part_for_review():
    case = load_case(ROOT / "cases" / "ln-hikari-2024").loaded.case
    rows = checklist(case)
    assert [r.part for r in rows] == parts_for(case)
    assert {r.status for r in rows} <= {"terisi", "belum terisi", "opsional, kosong"}
    warning = Problem("kasus.yml", 1, 1, "asesmen.bpss.sosial", "contoh peringatan", severity=Severity.WARNING)
    flagged = [r for r in checklist(case, [warning]) if r.status == "perlu diperiksa"]
    assert [r.name for r in flagged] == ["BAB IV Asesmen BPSS"] and flagged[0].notes == ("contoh peringatan",)


def test_approval_with_names_but_no_date_is_filled_but_flagged_as_draft():
    case = load_case(ROOT / "cases" / "ln-hikari-2024").loaded.case
    approved = next(r for r in checklist(case) if r.part.label == "Lembar pengesahan")
    assert approved.status == "terisi" and approved.notes == ()
    draft = case.model_copy(update={"approval": case.approval.model_copy(update={"approved_on": None})})
    row = next(r for r in checklist(draft) if r.part.label == "Lembar pengesahan")
    assert row.status == "perlu diperiksa"
    assert row.notes == ("belum disetujui: `pengesahan.tanggal_disetujui` masih kosong, jadi PDF bertanda DRAF",)


def test_check_rinci_lists_every_part_with_its_mark(tmp_path):
    code, out = run_cli(["check", "--rinci", str(ROOT / "cases" / "ajs-kartini-2024")])
    assert code == 0
    lines = [line for line in out.splitlines() if re.match(r"  [✓✗–⚠] ", line)]
    assert len(lines) == len(parts_for(load_case(ROOT / "cases" / "ajs-kartini-2024").loaded.case))
    assert "  – Bagian awal Kata pengantar: opsional, kosong" in lines
    # The example's approval page is written but not approved yet: shown as a part to check.
    assert any(line.startswith("  ⚠ Bagian awal Lembar pengesahan: perlu diperiksa (belum disetujui") for line in lines)
    assert "  ✓ BAB IV Asesmen BPSS: terisi" in lines
    # The small fixture lacks required chapters: they show as ✗ with the checker's note.
    folder = write_case_variant(tmp_path, None, (FIXTURE / "kasus.yml").read_text(encoding="utf-8"))
    code, out = run_cli(["check", "--rinci", str(folder)])
    assert re.search(r"  ✗ BAB I Latar belakang: belum terisi \(bagian \"BAB I\" \(`pendahuluan`\) belum diisi\)", out), out


@pytest.mark.slow
def test_the_checklist_page_exists_on_the_internal_site_only(tmp_path):
    internal = build(ROOT, tmp_path / "internal", tmp_path / "cache", CASEBOOK_PROFILE="internal", CASEBOOK_PDF="0")
    public = build(ROOT, tmp_path / "public", tmp_path / "cache", CASEBOOK_PDF="0")
    assert internal.returncode == 0 and public.returncode == 0, internal.stderr + public.stderr
    page = (tmp_path / "internal" / "kasus" / "ajs-kartini-2024" / "kelengkapan" / "index.html").read_text(encoding="utf-8")
    assert "– opsional, kosong" in page and "✓ terisi" in page and f"dari {len(parts_for(load_case(ROOT / 'cases' / 'ajs-kartini-2024').loaded.case))} bagian terisi" in page
    assert not (tmp_path / "public" / "kasus" / "ajs-kartini-2024" / "kelengkapan").exists()
    assert "Kelengkapan" not in (tmp_path / "public" / "kasus" / "ajs-kartini-2024" / "index.html").read_text(encoding="utf-8")


def test_no_part_is_named_with_its_group_twice(tmp_path):
    """'bagian "Daftar pustaka Daftar pustaka" belum diisi' read like a typo: a part named like its group
    is named once, in check's warnings and in its tally alike."""
    folder = write_case_variant(tmp_path, None, (FIXTURE / "kasus.yml").read_text(encoding="utf-8"))
    code, out = run_cli(["check", "--rinci", str(folder)])
    assert 'bagian "Daftar pustaka" belum diisi' in out
    repeated = re.findall(r"\b(\w[\w ]*\w) \1\b", out)
    assert not repeated, repeated
