"""Wording of check's messages for laboratory reports (user test s23, F11/F13): each says where the fault is and
what to do, in the report's own kind."""

from __future__ import annotations

import shutil

from tests.helpers import ROOT, run_cli

LAB = "lab-mekarsantun-2024"


def _lab(tmp_path, monkeypatch, old, new):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    folder = tmp_path / "cases" / LAB
    shutil.copytree(ROOT / "cases" / LAB, folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (folder / "kasus.yml").write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def test_a_missing_laboratory_field_points_at_the_laboratory_template_and_the_summary_names_kasus_yml(tmp_path, monkeypatch):
    folder = _lab(tmp_path, monkeypatch, "  - kode: KM2\n    judul:", "  - judul:")
    code, out = run_cli(["check", str(folder)])
    assert code == 1, out
    line = next(l for l in out.splitlines() if "kolom wajib `kode`" in l)
    assert "docs/templat/laboratorium/kasus.yml" in line, line


def test_the_summary_says_the_errors_are_in_kasus_yml(tmp_path, monkeypatch):
    folder = _lab(tmp_path, monkeypatch, "  - kode: KM2\n", "  - kode: KM1\n")
    code, out = run_cli(["check", str(folder)])
    assert code == 1, out
    assert "galat: 1 di kasus.yml)" in out, out
    assert "galat di halaman bab" not in out and "sudah dipakai" not in out, out  # no follow-on page error either


def test_a_group_report_s_foreword_is_signed_by_the_group_not_praktikan():
    from macros.loading import load_case
    from macros.pdf.frontmatter import foreword, foreword_signatory

    case = load_case(ROOT / "cases" / LAB).loaded.case
    assert case.student.group_authors and case.foreword is not None
    assert foreword_signatory(case) == case.student.group
    assert f"<p>{case.student.group}</p>" in foreword(case) and "<p>Praktikan</p>" not in foreword(case)
    single = load_case(ROOT / "cases" / "ln-hikari-2024").loaded.case
    assert foreword_signatory(single) == "Praktikan"


def test_two_leaders_are_named(tmp_path, monkeypatch):
    folder = _lab(tmp_path, monkeypatch, '"2204122"}', '"2204122", ketua: true}')
    code, out = run_cli(["check", str(folder)])
    assert "hanya satu penulis yang boleh ditandai `ketua: true`; kini 2: Dimas Arya Wicaksono, Salsabila Nur Azizah" in out, out
