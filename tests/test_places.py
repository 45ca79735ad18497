"""A filled part of kasus.yml that no chapter page prints is a located `check` warning naming the macro to add
(issue 14): the AJS example's genogram was accepted and drawn nowhere. Tested on several parts, in an
institutional and a community report, with the report's own page and with the kind's default template."""

from __future__ import annotations

import re
import shutil

import pytest

from macros.render.places import places
from tests.helpers import ROOT, new_project, run_cli


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return new_project(tmp_path)


def _copy(project, slug: str):
    folder = project / "cases" / slug
    shutil.copytree(ROOT / "cases" / slug, folder)
    return folder


def _drop_block(text: str, condition: str) -> str:
    """Removes `{% if ada('<condition>') %} ... {% endif %}` (a block without nested ifs)."""
    pattern = re.compile(r"\{% if ada\('" + re.escape(condition) + r"'\) %\}(?:(?!\{% if).)*?\{% endif %\}", re.S)
    new, count = pattern.subn("", text)
    assert count == 1, condition
    return new


def _line_of(folder, key: str) -> int:
    lines = (folder / "kasus.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if re.match(rf"\s*{key}:", line))


def test_the_parts_macros_print_are_read_from_the_macros():
    found = places()
    for path, macro in [("asesmen.genogram", "genogram"), ("asesmen.ecomap", "ecomap"), ("asesmen.kekuatan", "kuadran_kekuatan"),
                        ("wawancara", "tabel_wawancara"), ("asesmen_partisipatif.diagram_venn", "diagram_venn"),
                        ("asesmen_partisipatif.pohon_masalah", "pohon_masalah"), ("anggaran", "tabel_anggaran"),
                        ("log_supervisi", "log_supervisi"), ("evaluasi.gas", "skala_capaian"),
                        ("evaluasi.evaluasi_proses", "evaluasi_proses")]:
        assert macro in found[path], path
    assert "total_anggaran" not in found["anggaran"]  # a sentence with the total is no place for the budget table
    assert "grafik_capaian" not in found["evaluasi.gas"]  # the chart draws GAS only without TAS, and never its notes


def test_an_institutional_page_without_the_ecomap_and_genogram_is_warned_at_the_data(project):
    folder = _copy(project, "ln-hikari-2024")
    page = folder / "bab-4-penanganan-kasus.md"
    page.write_text(_drop_block(page.read_text(encoding="utf-8"), "asesmen.ecomap"), encoding="utf-8")
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 1, out
    line = _line_of(folder, "ecomap")
    assert re.search(rf"kasus\.yml:{line}:\d+: peringatan: asesmen\.ecomap: `asesmen\.ecomap` diisi, tetapi tidak ada "
                     r"halaman bab yang mencetaknya.*tambahkan \{\{ ecomap\(\) \}\}", out), out
    assert "0 galat, 1 peringatan" in out
    code, out = run_cli(["check", str(folder)])
    assert code == 0, out  # a warning: the report still builds


def test_a_community_page_without_venn_and_problem_tree_names_both_macros(project):
    folder = _copy(project, "kbl-cikadu-2024")
    page = folder / "bab-4-penanganan-kasus.md"
    shutil.copy(ROOT / "docs" / "templat" / "komunitas" / "bab-4-penanganan-kasus.md", page)
    text = _drop_block(page.read_text(encoding="utf-8"), "asesmen_partisipatif.diagram_venn")
    page.write_text(_drop_block(text, "asesmen_partisipatif.pohon_masalah"), encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    warned = dict(re.findall(r"peringatan: ([\w.]+): .*?tambahkan (\{\{ \w+\(\) \}\})", out))
    assert warned == {"asesmen_partisipatif.diagram_venn": "{{ diagram_venn() }}", "asesmen_partisipatif.pohon_masalah": "{{ pohon_masalah() }}"}, out


def test_isi_prints_a_part_too(project):
    folder = _copy(project, "ln-hikari-2024")
    page = folder / "bab-4-penanganan-kasus.md"
    text = _drop_block(page.read_text(encoding="utf-8"), "asesmen.ecomap")
    page.write_text(text + "\n\n{{ isi('asesmen.ecomap') }}\n", encoding="utf-8")
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 0 and "asesmen.ecomap" not in out, out


def test_every_example_prints_every_part_it_fills():
    code, out = run_cli(["check", "--strict", *[str(p.parent) for p in sorted((ROOT / "cases").glob("*/kasus.yml"))]])
    assert code == 0 and "tidak ada halaman bab yang mencetaknya" not in out, out


def test_a_page_that_leaves_out_a_text_part_of_the_default_template_names_the_isi_call(project):
    """Text parts the default templates print with isi() (BAB I's background) are looked for too: a student's
    own BAB I without it dropped the background silently."""
    folder = _copy(project, "ln-hikari-2024")
    page = (ROOT / "docs" / "templat" / "bab" / "bab-1-pendahuluan.md").read_text(encoding="utf-8")
    assert "{{ isi('pendahuluan.latar_belakang') }}" in page
    (folder / "bab-1-pendahuluan.md").write_text(page.replace("{{ isi('pendahuluan.latar_belakang') }}", "Teks sendiri."),
                                                 encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    line = _line_of(folder, "latar_belakang")
    assert re.search(rf"kasus\.yml:{line}:\d+: peringatan: pendahuluan\.latar_belakang: .*tambahkan "
                     r"\{\{ isi\('pendahuluan\.latar_belakang'\) \}\}", out), out
    assert out.count("tidak ada halaman bab yang mencetaknya") == 1, out
