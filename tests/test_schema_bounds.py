"""Every list in kasus.yml has a count bound (red team s23 #10: data alone, a 3,000-person genogram, passed check
and then stalled and aborted the campus build).

The bound is the schema's own (`max_length` on the field, or on the inner list of a list of lists): check refuses a
longer list at its line with the field's path, the JSON Schema carries it as `maxItems` and Panduan › Rujukan
kasus.yml prints it. The class test walks the models, so a list added tomorrow without a bound fails here.
"""

from __future__ import annotations

import shutil
import types
import typing
from pathlib import Path

import pytest
import yaml
from annotated_types import MaxLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from macros.schema import Case
from macros.synth.report import build_report
from tests.helpers import ALL_EXAMPLES, FIXTURE, ROOT, run_cli

_COLLECTIONS = (list, tuple, set, frozenset, dict)


def _bound(metadata) -> int | None:
    flat = [inner for m in metadata for inner in (m.metadata if isinstance(m, FieldInfo) else [m])]
    found = [m.max_length for m in flat if isinstance(m, MaxLen)]
    return min(found) if found else None


def _peel(annotation) -> list[tuple[object, list]]:
    """(type, its Annotated metadata) for every branch of an Optional/Union, Annotated layers unwrapped."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [b for a in typing.get_args(annotation) if a is not type(None) for b in _peel(a)]
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        return [(t, metadata + m) for t, m in _peel(inner)]
    return [(annotation, [])]


def schema_lists() -> dict[str, int | None]:
    """Every collection in `Case`, by YAML path (`[]` for an item), with its bound (None: unbounded)."""
    found: dict[str, int | None] = {}

    def annotation(kind, metadata: list, path: str, seen: frozenset) -> None:
        for t, inner_metadata in _peel(kind):
            origin = typing.get_origin(t) or (t if t in _COLLECTIONS else None)
            if origin in _COLLECTIONS:
                found[path] = _bound(metadata + inner_metadata)
                for argument in typing.get_args(t)[-1:]:  # a dict's values, a list's items
                    annotation(argument, [], path + "[]", seen)
            elif isinstance(t, type) and issubclass(t, BaseModel) and t not in seen:
                model(t, path, seen | {t})

    def model(cls: type[BaseModel], path: str, seen: frozenset) -> None:
        for name, field in cls.model_fields.items():
            key = field.alias or name
            annotation(field.annotation, list(field.metadata), f"{path}.{key}" if path else key, seen)

    model(Case, "", frozenset({Case}))
    return found


def test_every_list_in_kasus_yml_has_a_count_bound():
    lists = schema_lists()
    assert len(lists) > 90  # the walk reaches every part (genogram, transect, budget, sessions, table cells, ...)
    unbounded = sorted(path for path, bound in lists.items() if bound is None)
    assert not unbounded, ("lists without max_length (add one, generous for an honest report; see "
                           f"tests/test_schema_bounds.py): {unbounded}")


def _longest(data, path: str = "", out: dict | None = None) -> dict[str, int]:
    out = {} if out is None else out
    if isinstance(data, dict):
        for key, value in data.items():
            _longest(value, f"{path}.{key}" if path else str(key), out)
    elif isinstance(data, list):
        out[path] = max(out.get(path, 0), len(data))
        for item in data:
            _longest(item, path + "[]", out)
    return out


def test_the_bounds_are_generous_for_every_example_template_and_synthetic_report():
    """At least twice the longest list any honest report here writes (the examples follow the seeds' reports)."""
    longest: dict[str, int] = {}
    sources = [ROOT / "cases" / slug / "kasus.yml" for slug in ALL_EXAMPLES]
    sources += [ROOT / "docs" / "templat" / "kasus.yml", FIXTURE / "kasus.yml"]
    for source in sources:
        _longest(yaml.safe_load(source.read_text(encoding="utf-8")), out=longest)
    for index in range(60):
        _longest(build_report(7, index).data, out=longest)
    bounds = schema_lists()
    assert set(longest) <= set(bounds), set(longest) - set(bounds)
    tight = {path: (n, bounds[path]) for path, n in longest.items()
             if bounds[path] is not None and 2 * n > bounds[path] and path not in _NATURAL}
    assert not tight, tight


# Lists whose bound is a fact of the world, not a choice: months in a year, weeks in a practicum semester.
# And what a drawing holds: the Venn diagram places at most 15 circles around the community (a synthetic report has 9).
_NATURAL = {"asesmen_partisipatif.kalender_musim.kegiatan[].bulan", "lampiran.daftar_hadir.baris[].hadir",
            "asesmen_partisipatif.diagram_venn.lembaga"}


def _over_bound_copy(root: Path, slug: str = "panjang-contoh-2024") -> Path:
    folder = root / slug
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    old = "  gejala_masalah: [Pendapatan tidak tetap]\n"
    text = case.read_text(encoding="utf-8")
    assert old in text
    symptoms = ", ".join(f"Gejala {i}" for i in range(schema_lists()["asesmen.gejala_masalah"] + 1))
    case.write_text(text.replace(old, f"  gejala_masalah: [{symptoms}]\n"), encoding="utf-8")
    return folder


def test_an_over_bound_list_is_refused_by_check_with_file_line_and_field(tmp_path, monkeypatch):
    bound = schema_lists()["asesmen.gejala_masalah"]
    folder = _over_bound_copy(tmp_path / "cases")
    line = folder.joinpath("kasus.yml").read_text(encoding="utf-8").splitlines().index(
        next(l for l in folder.joinpath("kasus.yml").read_text(encoding="utf-8").splitlines() if "gejala_masalah" in l)) + 1
    monkeypatch.chdir(tmp_path)
    code, output = run_cli(["check", str(folder)])
    assert code == 1, output
    assert f"kasus.yml:{line}:" in output, output
    assert (f"asesmen.gejala_masalah: daftar terlalu panjang: paling banyak {bound} butir (tertulis {bound + 1})"
            in output), output


def test_the_bound_is_in_the_json_schema_and_the_panduan_reference():
    from macros.render.schema_reference import schema_reference
    from macros.schema_export import case_json_schema
    from macros.vocabulary import DEFAULT_VOCABULARY

    bound = schema_lists()["asesmen.gejala_masalah"]
    schema = case_json_schema(DEFAULT_VOCABULARY)
    asesmen = schema["$defs"]["Asesmen"]["properties"]["gejala_masalah"]
    assert asesmen["maxItems"] == bound
    page = schema_reference(DEFAULT_VOCABULARY, {})
    row = next(line for line in page.splitlines() if 'id="asesmen.gejala_masalah"' in line)
    assert f"paling banyak {bound} butir" in row


@pytest.mark.slow
def test_an_over_bound_list_leaves_only_that_report_out_of_an_archive_build(tmp_path):
    from tests.test_archive_isolation import _published, _report, casebook
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    _report(project, "baik-contoh-2024")
    _over_bound_copy(project / "cases")
    result = casebook(project, "build", cache=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert _published(project) == {"baik-contoh-2024"}
    assert "- panjang-contoh-2024" in result.stderr
    assert "cases/panjang-contoh-2024/kasus.yml:" in result.stderr and "daftar terlalu panjang" in result.stderr
