"""Small SVG toolkit shared by the diagrams: text measurement, wrapping, boxes, writing.

Layout code works in SVG user units (1 unit = 1 CSS px at 100 %) and records every box
it draws (shapes, labels, line segments) in a `Layout`, so tests can check for overlaps
without rendering. Drawing turns a layout into SVG text; numbers are rounded to one
decimal so the same data always gives the same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import escape

from macros.render.diagrams import metrics

FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif"
LINE_HEIGHT = 1.25  # × font size

# Readable text in every diagram (issue 15: Venn labels printed at 4.5 pt). A diagram is drawn `width` units wide
# and shrunk to fit the text column, so its smallest text must grow with its width:
PRINT_COLUMN_PX = 529  # the narrowest printed text column: A4 with 4 cm + 3 cm margins = 14 cm = 529 CSS px
MIN_PRINT_PT = 7.0  # smallest printed text (pt)
PHONE_COLUMN_PX = 350  # a 390 px phone's text column (Material's margins)
MIN_PHONE_PX = 10.0  # smallest text on a phone (CSS px); a wider diagram keeps a minimum width and scrolls
PHONE_WIDTH_STEP = 50  # the site's stylesheet has a min-width class per step (casebook.css: casebook-min-400 ...)
PHONE_WIDTH_MAX = 1600


def min_text_size(width: float) -> float:
    """The smallest font size (user units) that prints at >= 7 pt in a diagram `width` units wide."""
    return math.ceil(MIN_PRINT_PT / 0.75 * max(1.0, width / PRINT_COLUMN_PX) * 2) / 2


def smallest_text(svg_body: str) -> float | None:
    import re

    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg_body)]
    return min(sizes) if sizes else None


def phone_min_width(width: float, smallest: float | None) -> int | None:
    """The display width (px, rounded up to a stylesheet step) below which the smallest text would fall under
    10 px; None when the diagram may shrink to a phone's column."""
    if not smallest:
        return None
    needed = width * MIN_PHONE_PX / smallest
    if needed <= PHONE_COLUMN_PX:
        return None
    return min(PHONE_WIDTH_MAX, math.ceil(needed / PHONE_WIDTH_STEP) * PHONE_WIDTH_STEP)


@lru_cache(maxsize=2)
def _widths(bold: bool) -> dict[str, int]:
    chars, widths = (metrics.BOLD_CHARS, metrics.BOLD_WIDTHS) if bold else (metrics.REGULAR_CHARS, metrics.REGULAR_WIDTHS)
    return dict(zip(chars, widths))


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of `text` at `size` in Liberation Sans/Arial; unknown characters count as a wide 'M'."""
    table = _widths(bold)
    wide = table["M"]
    return sum(table.get(ch, wide) for ch in text) * size / metrics.UNITS_PER_EM


def wrap(text: str, max_width: float, size: float, *, bold: bool = False) -> list[str]:
    """Greedy word wrap; a word wider than the line is split with a hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while text_width(word, size, bold=bold) > max_width:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "-", size, bold=bold) > max_width:
                cut -= 1
            head, word = word[:cut] + "-", word[cut:]
            if current:
                lines.append(current)
                current = ""
            lines.append(head)
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold=bold) <= max_width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def num(value: float) -> str:
    """One decimal, no trailing zeros, no '-0': stable text for stable bytes."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Box:
    """A rectangle; with `round=True` the circle (or ellipse) inscribed in it, for overlap tests."""

    x: float
    y: float
    w: float
    h: float
    round: bool = False

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box, margin: float = 0.0) -> bool:
        boxes_meet = (self.x < other.right + margin and other.x < self.right + margin
                      and self.y < other.bottom + margin and other.y < self.bottom + margin)
        if not boxes_meet or not (self.round or other.round):
            return boxes_meet
        if self.round and other.round:  # two circles: centres closer than the radii
            return math.dist(self.centre, other.centre) < (self.w + other.w) / 2 + margin
        circle, box = (self, other) if self.round else (other, self)
        cx, cy = circle.centre
        nearest = (min(max(cx, box.x), box.right), min(max(cy, box.y), box.bottom))
        return math.dist((cx, cy), nearest) < circle.w / 2 + margin

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def contains(self, other: Box) -> bool:
        return self.x <= other.x and self.y <= other.y and other.right <= self.right and other.bottom <= self.bottom


@dataclass(frozen=True)
class Label:
    """Lines of text; `x` is the anchor (centre unless anchor='start'/'end'), `y` the top of the first line."""

    lines: tuple[str, ...]
    x: float
    y: float
    size: float
    bold: bool = False
    anchor: str = "middle"

    @property
    def box(self) -> Box:
        width = max((text_width(line, self.size, bold=self.bold) for line in self.lines), default=0.0)
        left = {"middle": self.x - width / 2, "start": self.x, "end": self.x - width}[self.anchor]
        return Box(left, self.y, width, len(self.lines) * self.size * LINE_HEIGHT)

    def svg(self, css_class: str = "") -> str:
        klass = f' class="{css_class}"' if css_class else ""
        weight = ' font-weight="bold"' if self.bold else ""
        spans = "".join(
            f'<tspan x="{num(self.x)}" y="{num(self.y + self.size * (0.95 + i * LINE_HEIGHT))}">{escape(line)}</tspan>'
            for i, line in enumerate(self.lines))
        return f'<text{klass} font-size="{num(self.size)}" text-anchor="{self.anchor}"{weight}>{spans}</text>'


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float

    def crosses(self, box: Box) -> bool:
        """Whether the segment passes through the box (Liang–Barsky clipping)."""
        dx, dy = self.x2 - self.x1, self.y2 - self.y1
        t0, t1 = 0.0, 1.0
        for p, q in ((-dx, self.x1 - box.x), (dx, box.right - self.x1), (-dy, self.y1 - box.y), (dy, box.bottom - self.y1)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
        return True


@dataclass
class Layout:
    """What a diagram draws, as geometry: used by drawing and by the overlap tests."""

    width: float
    height: float
    shapes: list[Box] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    owners: list[int | None] = field(default_factory=list)  # per label: the shape it is written in, if any
    segments: list[Segment] = field(default_factory=list)

    def add_shape(self, box: Box) -> int:
        self.shapes.append(box)
        return len(self.shapes) - 1

    def add_label(self, label: Label, owner: int | None = None) -> Label:
        self.labels.append(label)
        self.owners.append(owner)
        return label

    def problems(self) -> list[str]:
        """Overlapping labels, labels over shapes not their own, lines through text, anything off the canvas."""
        found = []
        boxes = [label.box for label in self.labels]
        canvas = Box(0, 0, self.width, self.height)
        for i, box in enumerate(boxes):
            name = " ".join(self.labels[i].lines)
            if not canvas.contains(box):
                found.append(f"label '{name}' lies outside the drawing")
            for j in range(i + 1, len(boxes)):
                if box.overlaps(boxes[j]):
                    found.append(f"labels '{name}' and '{' '.join(self.labels[j].lines)}' overlap")
            for k, shape in enumerate(self.shapes):
                if k != self.owners[i] and box.overlaps(shape):
                    found.append(f"label '{name}' overlaps shape {k}")
            for segment in self.segments:
                if segment.crosses(box):
                    found.append(f"a line crosses label '{name}'")
        for k, shape in enumerate(self.shapes):
            if not canvas.contains(shape):
                found.append(f"shape {k} lies outside the drawing")
            for m in range(k + 1, len(self.shapes)):
                if shape.overlaps(self.shapes[m]):
                    found.append(f"shapes {k} and {m} overlap")
        return found


def document(layout: Layout, body: str, *, title: str, description: str, css_class: str) -> str:
    """The whole <svg>: scales to the text width, keeps its proportions, carries title and description.

    On a phone it shrinks no further than its smallest text allows (a `casebook-min-N` class; the figure then
    scrolls sideways)."""
    minimum = phone_min_width(layout.width, smallest_text(body))
    if minimum:
        css_class += f" casebook-min-{minimum}"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="casebook-diagram {css_class}" role="img" '
            f'viewBox="0 0 {num(layout.width)} {num(layout.height)}" width="{num(layout.width)}" '
            f'height="{num(layout.height)}" font-family="{FONT_FAMILY}" aria-labelledby="{css_class}-judul">'
            f'<title id="{css_class}-judul">{escape(title)}</title><desc>{escape(description)}</desc>{body}</svg>')


def polar(cx: float, cy: float, radius: float, angle: float) -> tuple[float, float]:
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)
