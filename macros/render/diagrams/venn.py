"""Venn diagram of institutions (diagram Venn kelembagaan), drawn from data.

The community (or the target group) is the circle in the centre. Each institution is a circle whose
size says how important it is to the community (besar, sedang, kecil) and whose distance from the centre
says how close it is (dekat, sedang, jauh): institutions of one closeness stand on one ring, the rings
spaced so that no two circles touch (1–15 institutions). Dashed boundaries between the rings and a
legend make the reading independent of colour. A name that does not fit its circle at a readable size
(at least 7 pt in print, svg.min_text_size: the larger the diagram, the larger its smallest text) is
replaced by its number, and the legend lists the numbered names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import escape

from macros.render.diagrams.data_tables import _table
from macros.render.diagrams.svg import Box, Label, Layout, document, min_text_size, num, polar, text_width, wrap
from macros.schema.community import LembagaVenn

RADII = {"besar": 46, "sedang": 37, "kecil": 29}
CLOSENESS = ("dekat", "sedang", "jauh")
CLOSENESS_LABELS = {"dekat": "Dekat", "sedang": "Sedang", "jauh": "Jauh"}
IMPORTANCE_LABELS = {"besar": "Besar", "sedang": "Sedang", "kecil": "Kecil"}
CENTRE_RADIUS = 42
GAP = 12  # between neighbouring circles on a ring
RING_GAP = 16  # between the outer edge of one ring's circles and the inner edge of the next
MARGIN = 12
LEGEND_SIZE = 13
MIN_SIZE = 8


@dataclass(frozen=True)
class PlacedInstitution:
    number: int
    institution: LembagaVenn
    cx: float
    cy: float
    radius: float
    label: Label
    numbered: bool  # the name did not fit: the circle shows its number, the legend its name


@dataclass
class VennLayout(Layout):
    centre: tuple[float, float, float] = (0, 0, 0)
    centre_label: Label | None = None
    placed: tuple[PlacedInstitution, ...] = ()
    boundaries: tuple[float, ...] = ()  # radii of the dashed circles between closeness rings
    legend_labels: tuple[Label, ...] = field(default_factory=tuple)
    smallest: float = MIN_SIZE  # the smallest text size this diagram may use (grows with its width)


def _inside(text: str, cx: float, cy: float, radius: float, *, bold: bool = False, smallest: float = MIN_SIZE) -> Label | None:
    """`text` wrapped into the square inscribed in the circle, at the largest size that fits and is no smaller
    than `smallest`; None if none does."""
    side = radius * math.sqrt(2) - 4
    sizes = [size for size in (13, 12, 11, 10, 9, MIN_SIZE) if size >= smallest] or [smallest]
    for size in sizes:  # as large as the circle allows
        lines = wrap(text, side, size, bold=bold)
        height = len(lines) * size * 1.25
        if height <= side and all(text_width(line, size, bold=bold) <= side for line in lines) \
                and not any(line.endswith("-") for line in lines[:-1]):
            return Label(tuple(lines), cx, cy - height / 2, size, bold=bold)
    return None


def _ring_radius(inner_edge: float, radii: list[float]) -> float:
    """The smallest ring outside `inner_edge` on which circles of these radii stand without touching."""
    widest = max(radii)
    ring = inner_edge + RING_GAP + widest
    if len(radii) > 1:
        ring = max(ring, (2 * widest + GAP) / (2 * math.sin(math.pi / len(radii))))
    return ring


def layout_venn(centre_name: str, institutions: list[LembagaVenn]) -> VennLayout:
    rings: dict[str, list[tuple[int, LembagaVenn]]] = {c: [] for c in CLOSENESS}
    for number, institution in enumerate(institutions, start=1):
        rings[institution.closeness].append((number, institution))
    # Ring radii from the centre outwards; an empty ring still takes its place, so "jauh" always looks far.
    ring_of: dict[str, float] = {}
    boundaries = []
    edge = float(CENTRE_RADIUS)
    for closeness in CLOSENESS:
        radii = [RADII[i.importance] for _, i in rings[closeness]] or [RADII["kecil"]]
        ring = _ring_radius(edge, radii)
        boundaries.append(edge + RING_GAP / 2)
        ring_of[closeness] = ring
        edge = ring + max(radii)
    extent = edge + MARGIN
    legend_lines = 3 + sum(1 for _ in institutions)  # upper bound; trimmed below
    width = max(2 * extent, 480.0)
    cx, cy = width / 2, extent
    layout = VennLayout(width, 2 * extent)
    smallest = max(MIN_SIZE, min_text_size(width))  # what still prints at 7 pt once the figure fits the column
    layout.smallest = smallest
    centre_shape = layout.add_shape(Box(cx - CENTRE_RADIUS, cy - CENTRE_RADIUS, 2 * CENTRE_RADIUS, 2 * CENTRE_RADIUS, True))
    layout.centre = (cx, cy, CENTRE_RADIUS)
    centre_label = (_inside(centre_name, cx, cy, CENTRE_RADIUS, bold=True, smallest=smallest)
                    or Label(("Komunitas",), cx, cy - smallest * 0.6, max(11, smallest), bold=True))
    layout.centre_label = layout.add_label(centre_label, centre_shape)
    placed = []
    for ring_index, closeness in enumerate(CLOSENESS):
        members = rings[closeness]
        # Each ring starts at a different angle, so circles of neighbouring rings do not line up.
        offset = -math.pi / 2 + ring_index * math.pi / max(3, len(members) or 1) * 0.5
        for index, (number, institution) in enumerate(members):
            angle = offset + 2 * math.pi * index / len(members)
            radius = RADII[institution.importance]
            x, y = polar(cx, cy, ring_of[closeness], angle)
            shape = layout.add_shape(Box(x - radius, y - radius, 2 * radius, 2 * radius, True))
            label = _inside(institution.name, x, y, radius, smallest=smallest)
            numbered = label is None
            if numbered:
                size = max(12, smallest)
                label = Label((str(number),), x, y - size * 0.6, size, bold=True)
            layout.add_label(label, shape)
            placed.append(PlacedInstitution(number, institution, x, y, radius, label, numbered))
    placed.sort(key=lambda p: p.number)
    layout.placed = tuple(placed)
    layout.boundaries = tuple(boundaries[1:])  # the first lies around the centre circle itself
    _legend(layout, legend_lines)
    return layout


def _legend(layout: VennLayout, _: int) -> None:
    y = layout.height + 8
    lines = ["Ukuran lingkaran: arti penting lembaga bagi komunitas (besar, sedang, kecil).",
             "Jarak dari pusat: kedekatan dengan komunitas; garis putus-putus memisahkan dekat, sedang, jauh."]
    lines += [f"{p.number} = {p.institution.name}" for p in layout.placed if p.numbered]
    labels = []
    size = max(LEGEND_SIZE, layout.smallest)
    for line in lines:
        for part in wrap(line, layout.width - 40, size):
            labels.append(layout.add_label(Label((part,), 20, y, size, anchor="start")))
            y += size * 1.25 + 3
    layout.legend_labels = tuple(labels)
    layout.height = y + 8


def draw_venn(layout: VennLayout, title: str) -> str:
    cx, cy, r = layout.centre
    parts = [f'<circle class="batas-kedekatan" cx="{num(cx)}" cy="{num(cy)}" r="{num(b)}" fill="none" stroke="#888" '
             f'stroke-width="1" stroke-dasharray="4 4"/>' for b in layout.boundaries]
    parts.append(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="#fff" stroke="#222" stroke-width="3"/>')
    parts.append(layout.centre_label.svg())
    for p in layout.placed:
        parts.append(f'<g class="lembaga" data-kepentingan="{escape(p.institution.importance)}" '
                     f'data-kedekatan="{escape(p.institution.closeness)}">'
                     f'<circle cx="{num(p.cx)}" cy="{num(p.cy)}" r="{num(p.radius)}" fill="#f4f4f4" stroke="#222" '
                     f'stroke-width="1.3"/>{p.label.svg()}</g>')
    parts.append('<g class="legenda">' + "".join(label.svg() for label in layout.legend_labels) + "</g>")
    description = "; ".join(f"{p.institution.name}: arti penting {p.institution.importance}, kedekatan "
                            f"{p.institution.closeness}" for p in layout.placed)
    return document(layout, "".join(parts), title=title,
                    description=f"Komunitas di tengah, {len(layout.placed)} lembaga di sekelilingnya. {description}.",
                    css_class="casebook-venn")


def venn_svg(centre_name: str, institutions: list[LembagaVenn], title: str) -> str:
    return draw_venn(layout_venn(centre_name, institutions), title)


def venn_table(institutions) -> str:
    return _table(["No", "Lembaga", "Arti penting", "Kedekatan", "Peran"],
                  ((str(n), i.name, IMPORTANCE_LABELS[i.importance], CLOSENESS_LABELS[i.closeness], i.role or "–")
                   for n, i in enumerate(institutions, start=1)))
