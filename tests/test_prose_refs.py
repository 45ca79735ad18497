"""A prose field of kasus.yml can cite a numbered table or figure with `[[ref:id]]` (issue 14): prose is data,
never a template, so the token is resolved by the renderer like the page's ref(); an unknown id prints as
written and `casebook check` warns at the field."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from macros.render.numbering import ReportNumbering, resolve_markers
from macros.render.text import prose
from tests.helpers import ROOT, run_cli
from tests.test_site_build import ENV, _project_copy

SENTENCE = "Hubungannya tampak pada [[ref:ecomap]], bukan [[ref:tidak-ada]]; <b>[[ref:x]]</b> {{ ref('ecomap') }}"


def test_the_token_becomes_the_same_link_as_ref_and_an_unknown_id_stays_as_written():
    numbering = ReportNumbering("uji")
    numbering.register("gambar", "ecomap", 4, "Ecomap Klien", "kasus/uji/bab-4/")
    html = resolve_markers(prose(SENTENCE), numbering, "kasus/uji/bab-1/")
    assert '<a class="casebook-ref" href="../bab-4/#gambar-ecomap">Gambar 4.1</a>' in html or "Gambar 4.1</a>" in html
    assert "bukan [[ref:tidak-ada]];" in html
    assert "&lt;b&gt;" in html and "<b>" not in html  # still no HTML from data
    assert "&#123;&#123; ref(" in html  # and no template syntax


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    base = tmp_path_factory.mktemp("prosa")
    project = _project_copy(base)
    folder = project / "cases" / "ln-hikari-2024"
    shutil.copytree(ROOT / "cases" / "ln-hikari-2024", folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    text = text.replace("  latar_belakang: |\n", "  latar_belakang: |\n    Relasi klien digambarkan pada [[ref:ecomap]] "
                        "dan [[ref:tabel-hilang]].\n\n", 1)
    case.write_text(text, encoding="utf-8")
    return project, folder


@pytest.mark.slow
def test_check_warns_at_the_field_for_an_unknown_id_only(report, monkeypatch):
    project, folder = report
    monkeypatch.chdir(project)
    code, out = run_cli(["check", "--strict", str(folder)])
    lines = (folder / "kasus.yml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("  latar_belakang:"))
    assert code == 1
    assert re.search(rf"kasus\.yml:{line}:\d+: peringatan: pendahuluan\.latar_belakang: `\[\[ref:tabel-hilang\]\]`: "
                     r"tabel/gambar/lampiran dengan id itu tidak ada", out), out
    assert "ref:ecomap" not in out and "0 galat, 1 peringatan" in out


@pytest.mark.slow
def test_the_site_and_the_pdf_print_the_figure_s_number(report, tmp_path):
    project, _ = report
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            env=dict(ENV, CASEBOOK_PROFILE="internal", CASEBOOK_HANYA_LAPORAN="ln-hikari-2024"),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (site / "kasus" / "ln-hikari-2024" / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    number = re.search(r'Relasi klien digambarkan pada <a class="casebook-ref" href="[^"]*#gambar-ecomap">(Gambar 4\.\d+)</a>', html)
    assert number, html[html.find("Relasi klien"):][:400]
    assert "dan [[ref:tabel-hilang]]." in html
    pdf = subprocess.run(["pdftotext", str(site / "kasus" / "ln-hikari-2024" / "ln-hikari-2024.pdf"), "-"],
                         capture_output=True, text=True).stdout
    assert f"Relasi klien digambarkan pada {number.group(1)}" in re.sub(r"\s+", " ", pdf)
    assert "[[ref:tabel-hilang]]" in pdf
