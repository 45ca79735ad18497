"""Initials Casebook itself prints cannot be searched for (red team s23 #15): a client named Ika Veronika (IV),
Intan Irawati (II) or Siti Kartini (SK) made the gate find "BAB IV" or the Privasi page's "No. SK" on every page,
so the report could never be published, whatever the student did. Such initials are left out of the search, and
check says so at rahasia.yml, where the student can look for them by hand; the full name is still searched."""

from __future__ import annotations

import shutil

import pytest

from macros.privacy.secrets import casebook_words, load_secrets
from tests.helpers import FIXTURE, ROOT


@pytest.mark.parametrize("name, initials", [("Ika Veronika", "IV"), ("Intan Irawati", "II"), ("Siti Kartini", "SK"),
                                            ("Vina Indah", "VI")])
def test_initials_casebook_prints_are_a_warning_not_a_needle(tmp_path, name, initials):
    folder = tmp_path / "inisial-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "rahasia.yml").write_text(f"klien:\n  nama: {name}\n", encoding="utf-8")
    secrets, problems = load_secrets(folder, tmp_path, "TS")
    assert initials in casebook_words(ROOT)
    assert all(n.text != initials for n in secrets.needles if n.checkable_in_output)  # not searched on pages/output
    assert any(n.text == name for n in secrets.needles)  # the name itself is still searched
    assert [p.format() for p in problems] == [
        f"inisial-contoh-2024/rahasia.yml:2:9: peringatan: klien.nama: inisial asli klien `{initials}` sama dengan teks "
        "yang dicetak Casebook sendiri (misalnya `BAB IV`), jadi tidak dapat dicari di situs dan PDF (periksa sendiri "
        "bahwa inisial itu tidak tertulis di laporan Anda; nama lengkap klien tetap diperiksa)"]


def test_other_initials_are_still_searched(tmp_path):
    folder = tmp_path / "inisial-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "rahasia.yml").write_text("klien:\n  nama: Zulkarnain Markerwati\n", encoding="utf-8")
    secrets, problems = load_secrets(folder, tmp_path, "TS")
    assert problems == [] and any(n.text == "ZM" and n.kind == "inisial" for n in secrets.needles)


@pytest.mark.slow
def test_a_client_with_such_initials_is_published(tmp_path):
    """The red team's case, built: the report is published, and check warned."""
    import os
    import subprocess
    import sys

    from tests.test_archive_isolation import _published, _report
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    folder = _report(project, "inisial-contoh-2024")
    (folder / "rahasia.yml").write_text("klien:\n  nama: Ika Veronika\n", encoding="utf-8")
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(tmp_path / "muat"), CASEBOOK_PDF="1")
    check = subprocess.run([sys.executable, "-m", "macros.cli", "check", "cases/inisial-contoh-2024"], cwd=project,
                           env=environment, capture_output=True, text=True, timeout=900)
    assert "inisial asli klien `IV` sama dengan teks yang dicetak Casebook sendiri" in check.stdout, check.stdout[-2000:]
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "inisial-contoh-2024" in _published(project), result.stderr[-3000:]
