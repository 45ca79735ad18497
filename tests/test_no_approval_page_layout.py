"""A campus profile without a lembar pengesahan (`halaman_depan.lembar_pengesahan: false`) is a variant, not a
draft: the PDF already carried no DRAF mark; the site, `check` and the archive now follow the same layout (user
test s23, F6) and `check` does not list the approval page as missing. A report of such a campus that does write
`pengesahan` without a date is still a draft everywhere."""

from __future__ import annotations

import re
import shutil

import pytest

from macros.archive.facets import report_facts
from macros.archive.pages import report_status
from macros.loading import load_case
from macros.project import casebook_settings_of, vocabulary_of
from macros.render.catalogue import card
from tests.helpers import ROOT, run_cli

LAB = "lab-mekarsantun-2024"
PROFILE = ("        tanpa_pengesahan:\n          logo: docs/aset/logo-kampus.svg\n"
           "          halaman_depan: {lembar_pengesahan: false, pembimbing_di_sampul: false}\n")


def _project(tmp_path, monkeypatch, keep_approval: str = ""):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("      profil_cetak:\n") == 1
    (tmp_path / "mkdocs.yml").write_text(config.replace("      profil_cetak:\n", "      profil_cetak:\n" + PROFILE),
                                         encoding="utf-8")
    for folder in ("templat", "aset"):
        shutil.copytree(ROOT / "docs" / folder, tmp_path / "docs" / folder)
    folder = tmp_path / "cases" / LAB
    shutil.copytree(ROOT / "cases" / LAB, folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    text = re.sub(r"\npengesahan:\n(?:  .*\n)+", "\n" + keep_approval, text, count=1)
    text = text.replace("laporan:\n", "laporan:\n  profil_cetak: tanpa_pengesahan\n", 1)
    (folder / "kasus.yml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def test_a_report_of_a_campus_without_approval_page_is_not_a_draft(tmp_path, monkeypatch):
    folder = _project(tmp_path, monkeypatch)
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 0, out
    assert "(tanpa lembar pengesahan)" in out and "(draf)" not in out, out
    assert "Lembar pengesahan" not in out, out
    code, out = run_cli(["check", "--rinci", str(folder)])
    assert "Lembar pengesahan" not in out, out

    vocabulary = vocabulary_of(casebook_settings_of(tmp_path))
    case = load_case(folder, vocabulary=vocabulary).loaded
    assert not vocabulary.is_draft(case.case) and report_status(case.case, vocabulary) == {}
    assert "Draf" not in card(case, vocabulary, "./")
    assert report_facts(case, vocabulary).codes("status") == ["disetujui"]
    assert not [p for p in report_facts(case, vocabulary).missing if "pengesahan" in p.lower()]


def test_such_a_report_with_an_undated_approval_is_still_a_draft(tmp_path, monkeypatch):
    folder = _project(tmp_path, monkeypatch, keep_approval="pengesahan:\n  pembimbing: {nama: \"Dr. Bambang Sulistyo, M.Si.\"}\n")
    code, out = run_cli(["check", str(folder)])
    assert "(draf)" in out, out
    vocabulary = vocabulary_of(casebook_settings_of(tmp_path))
    case = load_case(folder, vocabulary=vocabulary).loaded
    assert vocabulary.is_draft(case.case) and report_status(case.case, vocabulary)["draft"]


@pytest.mark.slow
def test_the_built_site_says_no_draft_for_that_layout(tmp_path, monkeypatch):
    from tests.test_pdf import build

    folder = _project(tmp_path, monkeypatch)
    import os

    for name in ("overrides", "macros"):
        os.symlink(ROOT / name, tmp_path / name)
    for item in (ROOT / "docs").iterdir():
        target = tmp_path / "docs" / item.name
        if not target.exists():
            (shutil.copytree if item.is_dir() else shutil.copy)(item, target)
    result = build(tmp_path, tmp_path / "site", tmp_path / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "kasus" / LAB / "index.html").read_text(encoding="utf-8")
    assert "casebook-ringkasan" in page and "Draf" not in page and "belum disetujui" not in page
    assert folder.is_dir()
