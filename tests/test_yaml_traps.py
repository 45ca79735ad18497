"""YAML that parses but does not say what the student meant, and YAML Casebook refuses, each told at
the line where it stands, with the fix (macros/yaml_source.py)."""

from __future__ import annotations

import shutil

import pytest

from macros.loading import load_case
from macros.yaml_source import YamlSyntaxError, parse_yaml
from tests.helpers import ROOT


@pytest.mark.parametrize("text", [
    "manfaat: [Bagi mahasiswa, memperoleh pengalaman praktik.]\n",
    "tujuan: [Klien mampu mengelola kebun, mandiri dalam pemasaran dan pencatatan hasil]\n",
    "x:\n  - a\n  - [Dinas sosial, dinas pertanian dan koperasi.]\n",
])
def test_a_sentence_split_by_a_comma_inside_brackets_is_a_located_warning(text):
    document = parse_yaml(text)
    (warning,) = document.warnings
    line = text.count("\n", 0, text.index("[")) + 1
    assert (warning.line, warning.column) == (line, text.splitlines()[line - 1].index("[") + 1)
    assert warning.message.startswith("koma di dalam [ ] memisahkan butir: ")
    assert "baris-baris `- ...`" in warning.hint


@pytest.mark.parametrize("text", [
    "kata_kunci: [hidroponik, CSR, casework]\n",
    "teknik: [problem_solving, role_play]\n",
    "isu: [kemiskinan, anak jalanan]\n",
    "kata_kunci: [hidroponik, CSR, self awareness, kelompok mitra binaan, casework]\n",
    'manfaat: ["Bagi mahasiswa, memperoleh pengalaman praktik."]\n',
    "manfaat: [Bagi mahasiswa., Bagi kampus.]\n",
    "manfaat:\n  - Bagi mahasiswa, memperoleh pengalaman praktik.\n",
])
def test_lists_that_say_what_they_mean_get_no_warning(text):
    assert parse_yaml(text).warnings == []


def test_a_merge_key_is_refused_at_the_merge_keys_own_line():
    text = "praktikan: &p\n  nama: A\n  nim: '1'\ninstitusi:\n  nama: B\n  <<: *p\n"
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (6, 3)
    assert problem.message == "kunci gabungan YAML `<<` tidak didukung"
    assert problem.hint == "tulis setiap kunci secara lengkap di sini (salin isinya dari baris 1)"


def test_an_alias_is_refused_where_it_is_used_not_at_its_anchor():
    text = "a: &nilai [1, 2]\nb:\n  c: 1\n  d: *nilai\n"
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert [(p.line, p.column, p.message) for p in caught.value.problems] == [(4, 6, "alias YAML `*nilai` tidak didukung")]


def test_check_reports_the_warning_in_the_report_and_keeps_it_valid(tmp_path):
    folder = tmp_path / "ajs-kartini-2024"
    shutil.copytree(ROOT / "cases" / "ajs-kartini-2024", folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    start = text.index("  manfaat:\n")
    end = text.index("\n", text.index("Satu kasus klien", start))
    (folder / "kasus.yml").write_text(text[:start] + "  manfaat: [Bagi mahasiswa, memperoleh pengalaman praktik.]"
                                      + text[end:], encoding="utf-8")
    result = load_case(folder, root=tmp_path)
    assert result.loaded is not None and result.errors == []
    line = text[:start].count("\n") + 1
    assert [p.format() for p in result.warnings if "koma" in p.message] == [
        f"ajs-kartini-2024/kasus.yml:{line}:12: peringatan: pendahuluan.manfaat: koma di dalam [ ] memisahkan butir: "
        "`Bagi mahasiswa` dan `memperoleh pengalaman praktik.` menjadi dua butir (bila itu satu kalimat, tulis daftar "
        "sebagai baris-baris `- ...` (satu butir per baris), atau apit kalimatnya dengan tanda kutip)"]
