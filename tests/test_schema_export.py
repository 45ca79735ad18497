"""The JSON Schema shipped for editors validates the examples and rejects bad types."""

from __future__ import annotations

import json

import jsonschema
import pytest

from macros.project import SCHEMA_FILE
from macros.schema_export import schema_text
from macros.vocabulary import DEFAULT_VOCABULARY, build_vocabulary
from macros.yaml_source import parse_yaml
from tests.helpers import ALL_EXAMPLES, FIXTURE, ROOT, run_cli


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_shipped_schema_is_up_to_date():
    # The project's own vocabulary, as `make schema` writes it: its kosakata and its print profiles (ringkas).
    from macros.project import load_project

    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(load_project(ROOT).vocabulary), \
        "run `casebook schema --output docs/skema/kasus.schema.json`"


def test_schema_has_indonesian_descriptions_and_vocabulary_enums():
    schema = json.loads(schema_text(DEFAULT_VOCABULARY))
    assert schema["properties"]["klien"]["description"].startswith("Identitas klien")
    technique = schema["$defs"]["SesiIntervensi"]["properties"]["teknik"]["items"]
    assert "modelling" in technique["enum"] and "small_talk" in technique["enum"]
    assert schema["$defs"]["CatatanTahap"]["properties"]["tahap"]["enum"][0] == "engagement"


def test_vocabulary_extension_reaches_the_schema():
    schema = json.loads(schema_text(build_vocabulary({"teknik": {"problem_solving": "Problem Solving"}})))
    assert "problem_solving" in schema["$defs"]["SesiIntervensi"]["properties"]["teknik"]["items"]["enum"]


@pytest.mark.parametrize("slug", ALL_EXAMPLES)
def test_examples_validate_against_schema(validator, slug):
    data = parse_yaml((ROOT / "cases" / slug / "kasus.yml").read_text(encoding="utf-8")).data
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize("slug", ALL_EXAMPLES)
def test_examples_reference_the_schema_in_their_modeline(slug):
    first = (ROOT / "cases" / slug / "kasus.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../docs/skema/kasus.schema.json"
    assert (ROOT / "cases" / slug / "../../docs/skema/kasus.schema.json").resolve().is_file()


@pytest.mark.parametrize(("old", "new"), [
    ("usia: 40", "usia: empat puluh"),
    ("klien:\n  kode: TS\n  jenis_kelamin: perempuan\n  usia: 40\n  klaster: [kemiskinan]", "klien: TS"),
    ("gejala_masalah: [Pendapatan tidak tetap]", "gejala_masalah: Pendapatan tidak tetap"),
    ("izin_publikasi: true", "izin_publikasi: yes"),
    ("kelompok: Kelompok 1", "kelompok: 14"),
    ("jenis_kelamin: perempuan", "jenis_kelamin: wanita"),
    ("teknik: [modelling]", "teknik: [modeling]"),
    ("    skor: 3\n", "    skor: 5\n"),
    ("tanggal: 2024-08-21", "tangal: 2024-08-21"),
])
def test_schema_rejects_bad_types(validator, old, new):
    text = (FIXTURE / "kasus.yml").read_text(encoding="utf-8")
    assert list(validator.iter_errors(parse_yaml(text).data)) == []
    assert list(validator.iter_errors(parse_yaml(text.replace(old, new)).data)) != []


def test_schema_command_prints_the_schema(monkeypatch):
    monkeypatch.chdir(ROOT)
    code, output = run_cli(["schema"])
    assert code == 0 and json.loads(output)["title"].startswith("Casebook")
