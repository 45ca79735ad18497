"""Dates a trial found check let through (s24): a semester written so the catalogue cannot place it in time, or
naming another academic year than the practicum's, and an approval years after the practicum."""

from __future__ import annotations

import re

import pytest

from macros.archive.facets import semester_of
from macros.loading import load_case
from tests.helpers import ROOT, edited_copy, run_cli

EXAMPLE = "ln-hikari-2024"  # practicum 2024 (Ganjil 2024/2025), approved 2024-10-18, no semester written


def SEMESTER_LINE(written: str) -> tuple[str, str]:
    return "\n  tahun: 2024\n", f"\n  tahun: 2024\n  semester: {written}\n"


def _check(folder) -> str:
    code, out = run_cli(["check", str(folder)])
    assert code == 0, out
    return out


@pytest.mark.parametrize("written, warned", [
    ("Ganjil 2024/2025", False), ("ganjil 2024 / 2025", False), ("Gasal 2024/2025", False),
    ("Semester 5", True), ("Genap 2024-2025", True), ("Ganjil 2024/2026", True), ("Ganjil 2021/2022", True)])
def test_a_semester_check_cannot_place_in_time_is_a_warning_at_its_line(tmp_path, written, warned):
    folder = edited_copy(ROOT / "cases" / EXAMPLE, tmp_path / EXAMPLE, SEMESTER_LINE(written))
    out = _check(folder)
    found = re.findall(r"kasus\.yml:\d+:\d+: peringatan: laporan\.semester: .*", out)
    assert bool(found) is warned, out
    if not warned:  # one facet value however it is written
        assert semester_of(load_case(folder).loaded) == "Ganjil 2024/2025"


@pytest.mark.parametrize("approved, warned", [("2024-10-18", False), ("2025-06-30", False), ("2030-01-07", True)])
def test_an_approval_years_after_the_practicum_is_a_warning(tmp_path, approved, warned):
    folder = edited_copy(ROOT / "cases" / EXAMPLE, tmp_path / EXAMPLE,
                         ("tanggal_disetujui: Jumat, 18 Oktober 2024", f"tanggal_disetujui: {approved}"))
    out = _check(folder)
    assert ("pengesahan.tanggal_disetujui: " in out and "lebih dari setahun setelah periode praktikum" in out) is warned, out
