"""Problem tree (pohon masalah), drawn from data: effects above, the core problem in the middle, causes below.

Boxes stand on a grid of at most four columns; rows nearest the core problem fill first. Lines run in
the gaps: each box joins a bus line in the gap next to its row, and a trunk in the middle gutter joins the
buses to the core problem, so no line crosses a box or its text (1–12 causes and 1–12 effects). Shapes
carry the meaning in black and white: the core problem has a thick double border, effects rounded corners,
causes square ones; arrows point from causes to the problem and from the problem to its effects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import escape

from macros.render.diagrams.data_tables import _table
from macros.render.diagrams.svg import Box, Label, Layout, Segment, document, num, text_width, wrap
from macros.schema.community import PohonMasalah

COLUMNS = 4
BOX_WIDTH = 132
COLUMN_GAP = 18
ROW_GAP = 30
PADDING = 7
SIZE = 11
CORE_WIDTH = 2 * BOX_WIDTH + COLUMN_GAP
CORE_SIZE = 12
HEADING_SIZE = 11
MARGIN = 16
HEADING_HEIGHT = 20


@dataclass(frozen=True)
class TreeBox:
    kind: str  # "akibat", "inti", "penyebab"
    box: Box
    label: Label


@dataclass
class TreeLayout(Layout):
    boxes: tuple[TreeBox, ...] = ()
    lines: tuple[Segment, ...] = ()
    arrows: tuple[tuple[float, float, float], ...] = ()  # tip x, tip y, direction (+1 down, -1 up)


def _label(text: str, x: float, y: float, width: float, size: float, bold: bool = False) -> Label:
    lines = wrap(text, width - 2 * PADDING, size, bold=bold)
    return Label(tuple(lines), x, y, size, bold=bold)


def _height(label: Label) -> float:
    return len(label.lines) * label.size * 1.25 + 2 * PADDING


def _slots(count: int) -> list[list[int]]:
    """Column slots of each row, nearest row first: full rows of four, a last row centred on the grid."""
    columns = min(COLUMNS, count)
    rows, left = [], count
    while left > 0:
        take = min(columns, left)
        start = (columns - take) // 2 if columns == COLUMNS else 0
        rows.append(list(range(start, start + take)))
        left -= take
    return rows


def layout_tree(tree: PohonMasalah) -> TreeLayout:
    columns = min(COLUMNS, max(len(tree.causes), len(tree.effects)))
    grid_width = max(columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP, CORE_WIDTH)
    width = grid_width + 2 * MARGIN
    left = MARGIN + (grid_width - (columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP)) / 2
    centre = width / 2

    def slot_x(columns_here: int, slot: int) -> float:
        row_left = MARGIN + (grid_width - (columns_here * BOX_WIDTH + (columns_here - 1) * COLUMN_GAP)) / 2
        return row_left + slot * (BOX_WIDTH + COLUMN_GAP)

    def measured_rows(items: list[str]) -> list[list[tuple[int, Label]]]:
        rows, index = [], 0
        for slots in _slots(len(items)):
            row = []
            for slot in slots:
                row.append((slot, _label(items[index], 0, 0, BOX_WIDTH, SIZE)))
                index += 1
            rows.append(row)
        return rows

    effect_rows = measured_rows(list(tree.effects))
    cause_rows = measured_rows(list(tree.causes))
    cols_effects = min(COLUMNS, len(tree.effects))
    cols_causes = min(COLUMNS, len(tree.causes))
    row_heights_e = [max(_height(l) for _, l in row) for row in effect_rows]
    row_heights_c = [max(_height(l) for _, l in row) for row in cause_rows]
    core_label = _label(tree.core, 0, 0, CORE_WIDTH, CORE_SIZE, bold=True)
    core_height = _height(core_label) + 6

    layout = TreeLayout(width, 0)
    boxes: list[TreeBox] = []
    lines: list[Segment] = []
    arrows: list[tuple[float, float, float]] = []
    y = MARGIN
    heading_effects = layout.add_label(Label(("Akibat",), MARGIN, y, HEADING_SIZE, bold=True, anchor="start"))
    y += HEADING_HEIGHT
    # Effects: the farthest row on top, the nearest just above the core problem.
    effect_tops = []
    for heights in reversed(row_heights_e):
        effect_tops.append(y)
        y += heights + ROW_GAP
    effect_tops.reverse()  # index 0: nearest row
    core_top = y
    core_box = Box(centre - CORE_WIDTH / 2, core_top, CORE_WIDTH, core_height)
    shape = layout.add_shape(core_box)
    core = TreeBox("inti", core_box, layout.add_label(
        Label(core_label.lines, centre, core_top + PADDING + 3, CORE_SIZE, bold=True), shape))
    boxes.append(core)
    y = core_top + core_height + ROW_GAP
    cause_tops = []
    for heights in row_heights_c:
        cause_tops.append(y)
        y += heights + ROW_GAP
    heading_causes = layout.add_label(Label(("Penyebab",), MARGIN, y - ROW_GAP + 8, HEADING_SIZE, bold=True, anchor="start"))
    layout.height = y - ROW_GAP + 8 + HEADING_HEIGHT + MARGIN
    del heading_effects, heading_causes

    # The trunk runs in the middle gutter of a four-column grid (or straight up from a single row).
    def place(rows, tops, heights, columns_here, kind, above: bool):
        bus_points = []
        for row, top, height in zip(rows, tops, heights):
            centres = []
            for slot, label in row:
                x = slot_x(columns_here, slot)
                box = Box(x, top, BOX_WIDTH, height)
                shape = layout.add_shape(box)
                boxes.append(TreeBox(kind, box, layout.add_label(
                    Label(label.lines, x + BOX_WIDTH / 2, top + PADDING, SIZE), shape)))
                centres.append(x + BOX_WIDTH / 2)
            # Bus in the gap on the core's side of the row.
            bus_y = top + height + ROW_GAP / 2 if above else top - ROW_GAP / 2
            edge_y = top + height if above else top
            for c in centres:
                lines.append(Segment(c, edge_y, c, bus_y))
                if above:  # core -> effect: the arrow points at the effect
                    arrows.append((c, edge_y, -1))
            bus_points.append((bus_y, min(centres + [centre]), max(centres + [centre])))
        for bus_y, x1, x2 in bus_points:
            if x2 > x1:
                lines.append(Segment(x1, bus_y, x2, bus_y))
        if bus_points:
            far = bus_points[-1][0]
            near = core_box.y if above else core_box.bottom
            lines.append(Segment(centre, near, centre, far))
            if not above:  # causes -> core: the arrow points at the core problem
                arrows.append((centre, near, -1))

    place(effect_rows, effect_tops, row_heights_e, cols_effects, "akibat", True)
    place(cause_rows, cause_tops, row_heights_c, cols_causes, "penyebab", False)
    layout.boxes = tuple(boxes)
    layout.lines = tuple(lines)
    layout.arrows = tuple(arrows)
    # Lines end on box edges: give the overlap check the parts between boxes only.
    layout.segments.extend(lines)
    del left
    return layout


def _arrow(x: float, y: float, direction: float) -> str:
    """A filled triangle with its tip at (x, y); direction -1 points up, +1 down."""
    back = y - direction * 10
    return f'<polygon class="panah" points="{num(x)},{num(y)} {num(x - 5)},{num(back)} {num(x + 5)},{num(back)}" fill="#222"/>'


def draw_tree(layout: TreeLayout, title: str, tree: PohonMasalah) -> str:
    parts = [f'<line x1="{num(s.x1)}" y1="{num(s.y1)}" x2="{num(s.x2)}" y2="{num(s.y2)}" stroke="#222" stroke-width="1.4"/>'
             for s in layout.lines]
    parts += [_arrow(x, y, d) for x, y, d in layout.arrows]
    for item in layout.boxes:
        b = item.box
        if item.kind == "inti":
            shape = (f'<rect x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}" fill="#fff" stroke="#222" '
                     f'stroke-width="3"/><rect x="{num(b.x + 4)}" y="{num(b.y + 4)}" width="{num(b.w - 8)}" '
                     f'height="{num(b.h - 8)}" fill="none" stroke="#222" stroke-width="1"/>')
        else:
            corner = ' rx="10"' if item.kind == "akibat" else ""
            shape = (f'<rect x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}"{corner} fill="#f7f7f7" '
                     f'stroke="#222" stroke-width="1.3"/>')
        parts.append(f'<g class="pohon-{item.kind}">{shape}{item.label.svg()}</g>')
    for label in layout.labels:
        if label.anchor == "start":  # the two headings
            parts.append(label.svg("judul-bagian"))
    description = (f"Masalah inti: {tree.core}. Penyebab: {'; '.join(tree.causes)}. Akibat: {'; '.join(tree.effects)}.")
    return document(layout, "".join(parts), title=title, description=description, css_class="casebook-pohon-masalah")


def problem_tree_svg(tree: PohonMasalah, title: str) -> str:
    return draw_tree(layout_tree(tree), title, tree)


def problem_tree_table(tree: PohonMasalah) -> str:
    rows = [("Akibat", e) for e in tree.effects] + [("Masalah inti", tree.core)] + [("Penyebab", c) for c in tree.causes]
    return _table(["Bagian", "Uraian"], rows)


__all__ = ["layout_tree", "problem_tree_svg", "problem_tree_table", "text_width", "math", "escape"]
