"""Ecomap (Hartman 1978): the client in the centre, the systems around, the relations as lines.

Line style carries the meaning, so it survives black-and-white printing:
strong = thick solid, tenuous = dashed, stressful = zigzag; arrowheads show which way
energy and resources flow. The systems sit on a ring wide enough that their circles never
touch (up to 15 systems and more); each name is wrapped inside its circle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import escape

from macros.render.diagrams.svg import Box, Label, Layout, Segment, document, min_text_size, num, polar, text_width, wrap
from macros.schema.assessment import SistemEcomap

RELATION_LABELS = {"kuat": "Kuat", "lemah": "Lemah/renggang", "stres": "Stres/konflik"}
FLOW_LABELS = {"ke_klien": "ke klien", "dari_klien": "dari klien", "dua_arah": "dua arah", None: "–"}
# Soft fills by kind of system: decoration only, the line style says the relation.
KIND_FILLS = {"keluarga": "#fdf1e6", "pekerjaan": "#eef3fb", "kelompok": "#eef8ef", "lembaga": "#f3eefa",
              "tetangga": "#fbf7e4", "kesehatan": "#e9f6f6"}
CLIENT_RADIUS = 40
LABEL_SIZE = 11
LEGEND_HEIGHT = 70
LEGEND_SIZE = 11


@dataclass(frozen=True)
class PlacedSystem:
    system: SistemEcomap
    cx: float
    cy: float
    radius: float
    label: Label
    line: Segment  # client edge -> system edge


@dataclass
class EcomapLayout(Layout):
    client: tuple[float, float, float] = (0, 0, 0)
    client_label: Label | None = None
    placed: tuple[PlacedSystem, ...] = ()
    legend_top: float = 0
    legend_labels: tuple[Label, ...] = ()
    text_size: float = 8  # the smallest text this drawing may use: grows with its width (7 pt in print)
    numbered: list[tuple[int, str]] = field(default_factory=list)  # names shown by number, listed in the legend
    arrow_y: float = 0  # the legend's arrow sample line


def _node_label(name: str, cx: float, cy: float, radius: float, smallest: float = 8) -> Label | None:
    """The name wrapped into the square inscribed in the circle, at the largest size that fits and is no smaller
    than `smallest` (what prints at 7 pt once the drawing fits the text column); None if none does."""
    side = radius * math.sqrt(2) - 4
    for size in [s for s in (LABEL_SIZE, 10, 9, 8) if s >= smallest] or [smallest]:
        lines = wrap(name, side, size)
        height = len(lines) * size * 1.25
        if height <= side and all(text_width(line, size) <= side for line in lines) \
                and not any(line.endswith("-") for line in lines[:-1]):
            return Label(tuple(lines), cx, cy - height / 2, size)
    return None


def layout_ecomap(code: str, systems: list[SistemEcomap], role: str = "klien") -> EcomapLayout:
    n = len(systems)
    radius = 54 if n <= 8 else 48 if n <= 12 else 44
    gap = 18
    ring = max(CLIENT_RADIUS + radius + 110, (2 * radius + gap) / (2 * math.sin(math.pi / n)) if n > 1 else 0)
    size = 2 * (ring + radius + 10)
    width, height = max(size, 560), size + LEGEND_HEIGHT
    cx, cy = width / 2, size / 2
    layout = EcomapLayout(width, height)
    layout.text_size = max(8, min_text_size(width))
    client_shape = layout.add_shape(Box(cx - CLIENT_RADIUS, cy - CLIENT_RADIUS, 2 * CLIENT_RADIUS, 2 * CLIENT_RADIUS, True))
    layout.client = (cx, cy, CLIENT_RADIUS)
    centre = max(12, layout.text_size)
    layout.client_label = layout.add_label(Label((code, f"({role})"), cx, cy - centre * 1.25, centre, bold=True), client_shape)
    placed = []
    for index, system in enumerate(systems):
        angle = -math.pi / 2 + 2 * math.pi * index / n
        sx, sy = polar(cx, cy, ring, angle)
        shape = layout.add_shape(Box(sx - radius, sy - radius, 2 * radius, 2 * radius, True))
        label = _node_label(system.name, sx, sy, radius, layout.text_size)
        if label is None:  # too long for its circle at a readable size: its number, and the name in the legend
            number_size = max(12, layout.text_size)
            label = Label((str(index + 1),), sx, sy - number_size * 0.6, number_size, bold=True)
            layout.numbered.append((index + 1, system.name))
        label = layout.add_label(label, shape)
        start = polar(cx, cy, CLIENT_RADIUS, angle)
        end = polar(cx, cy, ring - radius, angle)
        line = Segment(*start, *end)
        layout.segments.append(line)
        placed.append(PlacedSystem(system, sx, sy, radius, label, line))
    layout.placed = tuple(placed)
    layout.legend_top = size
    _legend(layout)
    return layout


LEGEND_ITEMS = (("kuat", "Hubungan kuat"), ("lemah", "Hubungan lemah/renggang"), ("stres", "Hubungan stres/konflik"))


def _legend_size(layout: EcomapLayout) -> float:
    return max(LEGEND_SIZE, layout.text_size)


def _legend(layout: EcomapLayout) -> None:
    size = _legend_size(layout)
    y = layout.legend_top + 14
    x = 20.0
    labels = []
    for relation, text in LEGEND_ITEMS:
        labels.append(layout.add_label(Label((text,), x + 46, y, size, anchor="start")))
        x += 46 + text_width(text, size) + 20
    y += size * 1.25 + 12
    labels.append(layout.add_label(Label(("Panah: arah aliran energi/sumber",), 20 + 46, y, size, anchor="start")))
    layout.arrow_y = y
    for number, name in layout.numbered:
        for part in wrap(f"{number} = {name}", layout.width - 40, size):
            y += size * 1.25 + 3
            labels.append(layout.add_label(Label((part,), 20, y, size, anchor="start")))
    layout.legend_labels = tuple(labels)
    layout.height = max(layout.height, y + size * 1.25 + 12)


def _zigzag(line: Segment, amplitude: float = 5, period: float = 10) -> str:
    length = math.hypot(line.x2 - line.x1, line.y2 - line.y1)
    ux, uy = (line.x2 - line.x1) / length, (line.y2 - line.y1) / length
    px, py = -uy, ux
    steps = max(2, int(length // (period / 2)))
    points = []
    for i in range(steps + 1):
        t = length * i / steps
        offset = 0 if i in (0, steps) else (amplitude if i % 2 else -amplitude)
        points.append(f"{num(line.x1 + ux * t + px * offset)},{num(line.y1 + uy * t + py * offset)}")
    return " ".join(points)


def _stroke(relation: str, line: Segment) -> str:
    coords = f'x1="{num(line.x1)}" y1="{num(line.y1)}" x2="{num(line.x2)}" y2="{num(line.y2)}"'
    if relation == "kuat":
        return f'<line class="hubungan-kuat" {coords} stroke="#222" stroke-width="4"/>'
    if relation == "lemah":
        return f'<line class="hubungan-lemah" {coords} stroke="#222" stroke-width="1.6" stroke-dasharray="7 5"/>'
    return f'<polyline class="hubungan-stres" points="{_zigzag(line)}" fill="none" stroke="#222" stroke-width="1.6"/>'


def _arrowhead(x: float, y: float, toward_x: float, toward_y: float) -> str:
    """A filled triangle with its tip at (x, y), pointing away from (toward_x, toward_y)."""
    angle = math.atan2(y - toward_y, x - toward_x)
    left = polar(x, y, 11, angle + math.pi - 0.45)
    right = polar(x, y, 11, angle + math.pi + 0.45)
    return (f'<polygon class="panah" points="{num(x)},{num(y)} {num(left[0])},{num(left[1])} '
            f'{num(right[0])},{num(right[1])}" fill="#222"/>')


def _arrows(flow: str | None, line: Segment) -> str:
    out = ""
    if flow in ("ke_klien", "dua_arah"):
        out += _arrowhead(line.x1, line.y1, line.x2, line.y2)
    if flow in ("dari_klien", "dua_arah"):
        out += _arrowhead(line.x2, line.y2, line.x1, line.y1)
    return out


def draw_ecomap(layout: EcomapLayout, title: str) -> str:
    parts = []
    for p in layout.placed:
        parts.append(_stroke(p.system.relation, p.line) + _arrows(p.system.flow, p.line))
    cx, cy, r = layout.client
    parts.append(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="#fff" stroke="#222" stroke-width="2.5"/>')
    parts.append(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r - 4)}" fill="none" stroke="#222" stroke-width="1"/>')
    parts.append(layout.client_label.svg())
    for p in layout.placed:
        fill = KIND_FILLS.get((p.system.category or "").lower(), "#f4f4f4")
        parts.append(f'<g class="sistem" data-hubungan="{escape(p.system.relation)}">'
                     f'<circle cx="{num(p.cx)}" cy="{num(p.cy)}" r="{num(p.radius)}" fill="{fill}" stroke="#222" stroke-width="1.2"/>'
                     f"{p.label.svg()}</g>")
    size = _legend_size(layout)
    y = layout.legend_top + 14
    x = 20.0
    legend = []
    for relation, text in LEGEND_ITEMS:
        sample = Segment(x, y + size * 0.55, x + 38, y + size * 0.55)
        legend.append(_stroke(relation, sample))
        x += 46 + text_width(text, size) + 20
    arrow = layout.arrow_y + size * 0.55
    sample = Segment(20, arrow, 58, arrow)
    legend.append(f'<line x1="20" y1="{num(arrow)}" x2="58" y2="{num(arrow)}" stroke="#222" stroke-width="1.2"/>'
                  + _arrowhead(sample.x2, sample.y2, sample.x1, sample.y1))
    legend.extend(label.svg() for label in layout.legend_labels)
    parts.append(f'<g class="legenda">{"".join(legend)}</g>')
    description = "; ".join(f"{p.system.name}: hubungan {RELATION_LABELS[p.system.relation].lower()}, aliran "
                            f"{FLOW_LABELS[p.system.flow]}" for p in layout.placed)
    return document(layout, "".join(parts), title=title,
                    description=f"{layout.client_label.lines[1][1:-1].capitalize()} di tengah, {len(layout.placed)} sistem di sekelilingnya. {description}.",
                    css_class="casebook-ecomap")


def ecomap_svg(code: str, systems: list[SistemEcomap], title: str, role: str = "klien") -> str:
    """`role`: how the centre is named under its code: klien, kelompok or komunitas (the report's subject)."""
    return draw_ecomap(layout_ecomap(code, systems, role), title)
