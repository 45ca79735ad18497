"""Venn diagram of institutions and problem tree: drawn from data without overlaps at every size, readable
in black and white, with title, description and a data table."""

from __future__ import annotations

import math
import random
import re

import pytest

from macros.render.diagrams.problem_tree import layout_tree, problem_tree_svg, problem_tree_table
from macros.render.diagrams.venn import CENTRE_RADIUS, RADII, layout_venn, venn_svg, venn_table
from macros.schema.community import LembagaVenn, PohonMasalah

NAMES = ["Pemerintah Desa", "BUMDes", "Koperasi Simpan Pinjam Sejahtera Bersama", "PKK", "Puskesmas Pembantu",
         "Karang Taruna", "Penyuluh Perikanan Kecamatan", "Pengepul Ikan", "Toko Pakan", "Majelis Taklim", "Posyandu",
         "Dinas Sosial Kabupaten", "Bank Perkreditan Rakyat", "Sekolah Dasar Negeri", "Kelompok Wanita Tani",
         "Lembaga Pemberdayaan Masyarakat Desa Sukamakmur Raya"]
WORDS = ("harga pakan naik anggota belum bisa membuat pakan sendiri tidak ada pembukuan usaha air kolam berkurang "
         "saat kemarau pengepul menentukan harga jual modal kelompok kecil").split()


def institutions(n: int, rng: random.Random) -> list[LembagaVenn]:
    return [LembagaVenn.model_validate({"nama": rng.choice(NAMES), "kepentingan": rng.choice(["besar", "sedang", "kecil"]),
                                        "kedekatan": rng.choice(["dekat", "sedang", "jauh"])}) for _ in range(n)]


@pytest.mark.parametrize("n", range(1, 16))
def test_venn_has_no_overlaps_for_1_to_15_institutions(n):
    rng = random.Random(n)
    for _ in range(12):
        layout = layout_venn("Kelompok Budidaya Lele Mina Lestari", institutions(n, rng))
        assert layout.problems() == []


@pytest.mark.parametrize("n", [1, 5, 15])
def test_venn_size_is_importance_and_distance_is_closeness(n):
    rng = random.Random(100 + n)
    layout = layout_venn("KBL", institutions(n, rng))
    cx, cy, _ = layout.centre
    distance = {c: [] for c in ("dekat", "sedang", "jauh")}
    for placed in layout.placed:
        assert placed.radius == RADII[placed.institution.importance]
        distance[placed.institution.closeness].append(math.dist((cx, cy), (placed.cx, placed.cy)))
    # Every closer institution stands nearer the centre than every farther one.
    order = [d for c in ("dekat", "sedang", "jauh") for d in [distance[c]] if d]
    for nearer, farther in zip(order, order[1:]):
        assert max(nearer) < min(farther)
    assert all(math.dist((cx, cy), (p.cx, p.cy)) > CENTRE_RADIUS + p.radius for p in layout.placed)


def test_venn_names_that_do_not_fit_are_numbered_and_listed_in_the_legend():
    long = LembagaVenn.model_validate({"nama": NAMES[-1], "kepentingan": "kecil", "kedekatan": "jauh"})
    layout = layout_venn("KBL", [long])
    assert layout.placed[0].numbered and layout.placed[0].label.lines == ("1",)
    assert any(f"1 = {NAMES[-1]}" in " ".join(label.lines) for label in layout.legend_labels)
    assert layout.problems() == []


def test_venn_svg_is_accessible_and_black_and_white():
    rng = random.Random(7)
    data = institutions(6, rng)
    svg = venn_svg("KBL", data, "Diagram Venn Kelembagaan")
    assert svg.count('<g class="lembaga"') == 6
    assert "<title" in svg and "<desc>" in svg and "Diagram Venn Kelembagaan" in svg
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', svg))
    assert all(int(c[1:3], 16) == int(c[3:5], 16) == int(c[5:7], 16) for c in colours), colours  # greys only
    assert venn_table(data).count("<tr>") == 7


def tree(causes: int, effects: int, rng: random.Random) -> PohonMasalah:
    def item() -> str:
        return " ".join(rng.sample(WORDS, rng.randint(2, 10)))

    return PohonMasalah.model_validate({"judul": "Pohon Masalah", "masalah_inti": "Usaha budidaya lele kelompok merugi",
                                        "penyebab": [item() for _ in range(causes)],
                                        "akibat": [item() for _ in range(effects)]})


@pytest.mark.parametrize("causes", range(1, 13))
def test_problem_tree_has_no_overlaps_for_1_to_12_causes_and_effects(causes):
    rng = random.Random(causes)
    for effects in range(1, 13):
        layout = layout_tree(tree(causes, effects, rng))
        assert layout.problems() == [], (causes, effects)


def test_problem_tree_puts_effects_above_and_causes_below_the_core_problem():
    layout = layout_tree(tree(6, 3, random.Random(3)))
    core = next(b.box for b in layout.boxes if b.kind == "inti")
    assert all(b.box.bottom < core.y for b in layout.boxes if b.kind == "akibat")
    assert all(b.box.y > core.bottom for b in layout.boxes if b.kind == "penyebab")
    assert sum(b.kind == "penyebab" for b in layout.boxes) == 6 and sum(b.kind == "akibat" for b in layout.boxes) == 3
    # No line passes through a box (lines end on box edges).
    for segment in layout.lines:
        for item in layout.boxes:
            inner = item.box
            shrunk = type(inner)(inner.x + 1, inner.y + 1, inner.w - 2, inner.h - 2)
            assert not segment.crosses(shrunk)


def test_problem_tree_svg_is_accessible_with_its_data_table():
    data = tree(2, 2, random.Random(1))
    svg = problem_tree_svg(data, "Pohon Masalah")
    assert "<title" in svg and "<desc>Masalah inti: Usaha budidaya lele kelompok merugi." in svg
    assert svg.count('class="pohon-penyebab"') == 2 and svg.count('class="pohon-akibat"') == 2
    assert problem_tree_table(data).count("<tr>") == 1 + 2 + 1 + 2
