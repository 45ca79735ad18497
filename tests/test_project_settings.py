"""Casebook's settings in mkdocs.yml (`extra.casebook`) are read through a declared schema
(macros/project.py CasebookSettings, macros/pdf/settings.py PdfSettings): a misspelt key is an error
at its line with the key meant, in `casebook` commands and in `mkdocs build` alike."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT, run_cli

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def _line_of(text: str, config: str) -> int:
    """The line of `text`'s last line in `config`."""
    last = text.splitlines()[-1]
    return next(number for number, line in enumerate(config.splitlines(), 1) if line.startswith(last))


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    kosakata: {}", "    kosakta: {}",
     "extra.casebook.kosakta: kunci `kosakta` tidak dikenal (maksud Anda `kosakata`?)"),
    ("    kosakata: {}", "    kosakata: {tehnik: {problem_solving: Problem Solving}}",
     "extra.casebook.kosakata: jenis kosakata `tehnik` tidak dikenal; maksud Anda `teknik`?"),
    ("      profil: kampus ", "      profl: kampus ",
     "extra.casebook.pdf.profl: kunci `profl` tidak dikenal (maksud Anda `profil`?)"),
    ("          huruf: Liberation Serif", "          hurf: Liberation Serif",
     "extra.casebook.pdf.profil_cetak.kampus.hurf: kunci `hurf` tidak dikenal (maksud Anda `huruf`?)"),
    ("          margin: {atas: 3cm,", "          margin: {ats: 3cm,",
     "extra.casebook.pdf.profil_cetak.kampus.margin.ats: kunci `ats` tidak dikenal (maksud Anda `atas`?)"),
    ("    kosakata: {}", "    kosakata: {}\n    warna: biru",
     "extra.casebook.warna: kunci `warna` tidak dikenal (kunci yang dikenal: kosakata, pdf, arsip)"),
])
def test_a_misspelt_setting_is_an_error_at_its_line_with_the_key_meant(tmp_path, monkeypatch, old, new, expected):
    assert CONFIG.count(old) == 1
    config = CONFIG.replace(old, new)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "cases").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(["check"])
    assert code == 2, out
    assert f"mkdocs.yml:{_line_of(new, config)}:" in out and expected in out, out
    assert "Traceback" not in out


def test_valid_settings_pass():
    from macros.project import casebook_settings_of

    assert casebook_settings_of(ROOT)["pdf"]["profil"] == "kampus"


@pytest.mark.slow
def test_mkdocs_build_stops_on_a_misspelt_setting_too(tmp_path):
    for name in ("docs", "overrides", "macros"):
        os.symlink(ROOT / name, tmp_path / name)
    (tmp_path / "mkdocs.yml").write_text(CONFIG.replace("    kosakata: {}", "    kosakta: {}"), encoding="utf-8")
    (tmp_path / "cases").mkdir()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=tmp_path,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert result.returncode != 0
    assert "kunci `kosakta` tidak dikenal (maksud Anda `kosakata`?)" in result.stderr
    assert "Traceback" not in result.stderr
