"""The loader keeps what students type: YAML 1.1 traps stay text, duplicates and tabs are refused."""

from __future__ import annotations

import pytest

from macros.yaml_source import YamlSyntaxError, parse_yaml


@pytest.mark.parametrize(("text", "expected"), [
    ("no: 1", {"no": 1}),                                  # YAML 1.1 would make the key False
    ("telepon: 0217654321", {"telepon": "0217654321"}),    # YAML 1.1 would make it octal
    ("nrp: 0210", {"nrp": "0210"}),
    ("a: yes\nb: on\nc: off\nd: no", {"a": "yes", "b": "on", "c": "off", "d": "no"}),
    ("waktu: 16.30", {"waktu": "16.30"}),                  # a float would lose the trailing zero
    ("tanggal: 2024-09-10", {"tanggal": "2024-09-10"}),    # no implicit timestamps
    ("x: 0x1F\ny: 1e3\nz: 0o17", {"x": "0x1F", "y": "1e3", "z": "0o17"}),
    ("a: true\nb: False\nc: ~\nd: 42\ne: -3", {"a": True, "b": False, "c": None, "d": 42, "e": -3}),
    ("", {}),
])
def test_scalars_resolve_only_when_unambiguous(text, expected):
    assert parse_yaml(text).data == expected


def test_marks_point_at_values_and_keys():
    doc = parse_yaml("laporan:\n  judul: Tes\n  periode:\n    mulai: 2024-08-19\n")
    assert doc.value_marks[("laporan", "judul")] == (2, 10)
    assert doc.key_marks[("laporan", "periode", "mulai")] == (4, 5)
    # A missing child points at its parent's key.
    assert doc.locate(("laporan", "periode", "selesai")) == (3, 3)


def test_duplicate_key_names_both_lines():
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml("a: 1\nb: 2\na: 3\n")
    (problem,) = err.value.problems
    assert (problem.line, problem.message, problem.hint) == (3, "kunci `a` ditulis dua kali", "pertama kali di baris 1; hapus salah satunya")


def test_tabs_are_reported_on_every_line():
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml("a:\n\tb: 1\n\tc: 2\n")
    assert [p.line for p in err.value.problems] == [2, 3]


def test_unclosed_quote_is_reported_where_it_opens():
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml('a: 1\nb: "teks\nc: 2\nd:\n  - x\n')
    assert (err.value.problems[0].line, err.value.problems[0].message) == (2, "sintaks YAML tidak valid: tanda kutip belum ditutup")


def test_explicit_python_tag_is_refused_not_executed():
    with pytest.raises(YamlSyntaxError) as err:
        parse_yaml("a: !!python/object/apply:os.system ['echo hacked']\n")
    assert "tidak didukung" in err.value.problems[0].message


def test_fast_and_explaining_parsers_agree_on_data_and_marks():
    """Valid files go through libyaml; its values and marks must equal the pure-Python parser's."""
    import yaml

    from macros.yaml_source import YamlDocument, _convert, _FastLoader, _Loader
    from tests.helpers import EXAMPLES, ROOT

    for slug in EXAMPLES:
        text = (ROOT / "cases" / slug / "kasus.yml").read_text(encoding="utf-8")
        docs = []
        for loader in (_FastLoader, _Loader):
            doc = YamlDocument(data=None)
            doc.data = _convert(yaml.compose(text, Loader=loader), (), doc, [], set())
            docs.append(doc)
        assert docs[0].data == docs[1].data
        assert docs[0].value_marks == docs[1].value_marks and docs[0].key_marks == docs[1].key_marks


# --- hostile input: refused fast, with little memory, with a message -----------------------------

def _refused_quickly(text: str) -> list[str]:
    import time
    import tracemalloc

    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(YamlSyntaxError) as refused:
        parse_yaml(text)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seconds < 1.0 and peak < 100_000_000, (seconds, peak)
    return [p.message for p in refused.value.problems]


def test_alias_expansion_bomb_is_refused():
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
    messages = _refused_quickly("\n".join(levels) + "\n")
    assert "alias YAML `*a` tidak didukung" in messages  # named where it is used (macros/yaml_source.py)


@pytest.mark.parametrize("depth", [41, 5000])
def test_deeply_nested_documents_are_refused(depth):
    messages = _refused_quickly("a: " + "[" * depth + "]" * depth + "\n")
    assert messages == ["struktur bersarang terlalu dalam (lebih dari 40 tingkat)"]


def test_oversized_files_are_refused_before_parsing(tmp_path):
    assert _refused_quickly("catatan: " + "x" * 2_100_000 + "\n") == ["berkas terlalu besar (lebih dari 2 MB)"]
    from macros.loading import load_case

    folder = tmp_path / "besar"
    folder.mkdir()
    (folder / "kasus.yml").write_text("catatan: " + "x" * 2_100_000 + "\n", encoding="utf-8")
    result = load_case(folder)
    assert [p.message for p in result.errors] == ["berkas terlalu besar (lebih dari 2 MB)"]
