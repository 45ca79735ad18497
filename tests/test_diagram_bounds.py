"""Diagram data is bounded in kasus.yml (red team s23 #10: a 3,000-person genogram passed check after 69 s, its
layout being super-quadratic, then printed past the page cap). Each drawing's list has a readable maximum,
refused at its line by check; at the maximum, in the layout's worst shape, the drawing takes a moment."""

from __future__ import annotations

import shutil
import time

import pytest

from macros.loading import load_case
from macros.render.diagrams.ecomap import layout_ecomap
from macros.render.diagrams.genogram import draw_genogram, layout_genogram
from macros.schema.assessment import AnggotaGenogram, Genogram, SistemEcomap
from tests.helpers import FIXTURE

LIMITS = {"genogram": 60, "ecomap": 30}


def _chain(n: int) -> list[dict]:
    """The red team's shape: each person's father is the next one (n generations, the layout's worst case)."""
    return [{"id": f"a{i}", "label": f"G{i}", "jenis_kelamin": "laki-laki", **({"ayah": f"a{i + 1}"} if i + 1 < n else {}),
             **({"indeks": True} if i == 0 else {})} for i in range(n)]


def _write(tmp_path, part: str, count: int):
    folder = tmp_path / "diagram-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    old = "  ecomap:\n    sistem:\n      - {id: keluarga, nama: Keluarga, hubungan: kuat, arah: dua_arah}\n"
    assert old in text
    if part == "genogram":
        rows = "".join("      - {" + ", ".join(f"{k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in m.items())
                       + "}\n" for m in _chain(count))
        new = old + "  genogram:\n    anggota:\n" + rows
    else:
        new = "  ecomap:\n    sistem:\n" + "".join(f"      - {{id: s{i}, nama: Sistem {i}, hubungan: kuat}}\n"
                                                  for i in range(count))
    case.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_case(folder, root=tmp_path)


@pytest.mark.parametrize("part", sorted(LIMITS))
def test_one_over_the_limit_is_refused_at_its_list(tmp_path, part):
    result = _write(tmp_path, part, LIMITS[part] + 1)
    messages = [p.format() for p in result.errors]
    assert result.loaded is None
    field = "asesmen.genogram.anggota" if part == "genogram" else "asesmen.ecomap.sistem"
    assert any(f"{field}: daftar terlalu panjang: paling banyak {LIMITS[part]} butir (tertulis {LIMITS[part] + 1})" in m
               for m in messages), messages


@pytest.mark.parametrize("part", sorted(LIMITS))
def test_the_limit_itself_is_accepted(tmp_path, part):
    result = _write(tmp_path, part, LIMITS[part])
    assert result.loaded is not None, [p.format() for p in result.errors]


def test_the_largest_genogram_in_its_worst_shape_is_drawn_in_a_moment():
    genogram = Genogram(anggota=[AnggotaGenogram(**m) for m in _chain(LIMITS["genogram"])])
    started = time.perf_counter()
    svg = draw_genogram(layout_genogram(genogram), "Genogram")
    assert svg.startswith("<svg") and time.perf_counter() - started < 3


def test_the_largest_ecomap_is_drawn_in_a_moment():
    systems = [SistemEcomap(id=f"s{i}", nama=f"Sistem {i}", hubungan="kuat") for i in range(LIMITS["ecomap"])]
    started = time.perf_counter()
    layout_ecomap("LN", systems)
    assert time.perf_counter() - started < 3
