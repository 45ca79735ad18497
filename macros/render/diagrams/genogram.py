"""Genogram (McGoldrick & Gerson basics) from the family members and couples in the assessment.

Square = male, circle = female, an X = deceased, a double outline = the index person (the
client), age inside the symbol (beside it when the symbol is crossed out). Partners stand
side by side joined at mid-height; one slash on that line = separated, two = divorced.
Children hang from the couple's line (or, with one known parent, beside that parent),
oldest on the left. Members marked `serumah` are enclosed by a dashed household line.

Every person has a slot of fixed width in the row of their generation; names are wrapped
to the slot and written under the symbol, and every connecting line runs in the gaps
between slots or between rows, so text is never crossed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import escape

from macros.render.diagrams.svg import Box, Label, Layout, Segment, document, min_text_size, num, wrap
from macros.schema.assessment import AnggotaGenogram, Genogram

SYMBOL = 36
SLOT = 112          # width per person when a row has room; narrower (down to MIN_SLOT) for wide rows
MIN_SLOT = 80
TEXT_WIDTH = 529    # A4 text width (14 cm) in CSS px: a drawing this wide prints at full size
LABEL_SIZE = 10
LABEL_LINES = 3
ROW = SYMBOL + LABEL_LINES * LABEL_SIZE * 1.25 + 52   # symbol, names, room for the sibling line
MARGIN = 16
STATUS_LABELS = {"menikah": "menikah", "pisah": "berpisah", "cerai": "bercerai"}


@dataclass(frozen=True)
class Person:
    member: AnggotaGenogram
    generation: int
    x: float            # centre
    y: float            # top of the symbol
    label: Label

    @property
    def symbol(self) -> Box:
        return Box(self.x - SYMBOL / 2, self.y, SYMBOL, SYMBOL)


@dataclass
class GenogramLayout(Layout):
    slot: float = SLOT
    text_size: float = LABEL_SIZE  # names and ages: larger in a drawing wider than the text column
    people: dict[str, Person] = field(default_factory=dict)
    couple_lines: list[tuple[Segment, str]] = field(default_factory=list)   # (line, status)
    descent_lines: list[Segment] = field(default_factory=list)
    household: Box | None = None


def generations(genogram: Genogram) -> dict[str, int]:
    """Children one row below their lowest parent's row; partners share a row (the lower of the two)."""
    members = {m.id: m for m in genogram.members}
    level = {m.id: 0 for m in genogram.members}
    for _ in range(len(members) * 2):  # enough passes for any chain of parents and partners
        changed = False
        for m in genogram.members:
            parents = [p for p in (m.father, m.mother) if p in members]
            wanted = max((level[p] + 1 for p in parents), default=level[m.id])
            if wanted > level[m.id]:
                level[m.id], changed = wanted, True
        for couple in genogram.couples:
            a, b = couple.partner_a, couple.partner_b
            if a in level and b in level and level[a] != level[b]:
                level[a] = level[b] = max(level[a], level[b])
                changed = True
        if not changed:
            break
    return level


def _partners(genogram: Genogram) -> dict[str, list[str]]:
    partners: dict[str, list[str]] = {}
    for couple in genogram.couples:
        partners.setdefault(couple.partner_a, []).append(couple.partner_b)
        partners.setdefault(couple.partner_b, []).append(couple.partner_a)
    return partners


def _row_order(genogram: Genogram, level: dict[str, int], placed_x: dict[str, float], row: int) -> list[str]:
    """Who stands where in a row: by parents' position, oldest first, partners next to each other."""
    members = {m.id: m for m in genogram.members}
    partners = _partners(genogram)
    input_order = {m.id: i for i, m in enumerate(genogram.members)}
    in_row = [m.id for m in genogram.members if level[m.id] == row]

    def parent_x(mid: str) -> float:
        xs = [placed_x[p] for p in (members[mid].father, members[mid].mother) if p in placed_x]
        return sum(xs) / len(xs) if xs else float("inf")

    # People with parents in the drawing lead their group; those who married in follow their partner.
    anchors = [mid for mid in in_row if parent_x(mid) != float("inf") or not any(p in in_row for p in partners.get(mid, []))]
    anchors.sort(key=lambda mid: (parent_x(mid), -(members[mid].age or -1), input_order[mid]))
    order: list[str] = []
    for mid in anchors:
        if mid in order:
            continue
        order.append(mid)
        for partner in partners.get(mid, []):
            if partner in in_row and partner not in order and parent_x(partner) == float("inf"):
                order.append(partner)
    order += [mid for mid in in_row if mid not in order]  # couples where neither has parents drawn
    return order


def layout_genogram(genogram: Genogram) -> GenogramLayout:
    members = {m.id: m for m in genogram.members}
    level = generations(genogram)
    rows = max(level.values()) + 1
    widest = max(sum(1 for v in level.values() if v == row) for row in range(rows))
    # Narrower slots for crowded rows keep the drawing near the printed text width (and its text legible).
    slot = max(MIN_SLOT, min(SLOT, (TEXT_WIDTH - 2 * MARGIN) / widest))
    x_of: dict[str, float] = {}
    row_ids: list[list[str]] = []
    for row in range(rows):
        order = _row_order(genogram, level, x_of, row)
        # Wanted positions: under the parents when known, else next in line; then pushed apart to a slot each.
        wanted, cursor = [], MARGIN + slot / 2
        for mid in order:
            parents = [x_of[p] for p in (members[mid].father, members[mid].mother) if p in x_of]
            wanted.append(sum(parents) / len(parents) if parents else cursor)
            cursor = wanted[-1] + slot
        positions: list[float] = []
        for want in wanted:
            positions.append(max(want, positions[-1] + slot if positions else MARGIN + slot / 2))
        x_of.update(zip(order, positions))
        row_ids.append(order)
    width = max(x_of.values()) + slot / 2 + MARGIN
    # A drawing wider than the text column is shrunk to it: its names grow so they still print at 7 pt.
    size = max(LABEL_SIZE, min_text_size(width))
    # The last row needs its symbols and names, not the room left for a next row's lines.
    height = MARGIN + 14 + (rows - 1) * ROW + SYMBOL + 4 + LABEL_LINES * size * 1.25 + MARGIN
    layout = GenogramLayout(width, height, slot=slot)
    layout.text_size = size
    for row, order in enumerate(row_ids):
        y = MARGIN + 14 + row * ROW
        for mid in order:
            m = members[mid]
            lines = wrap(m.label, slot - 20, size)
            if len(lines) > LABEL_LINES:  # the full label stays in the data table under the figure
                lines = lines[:LABEL_LINES - 1] + [lines[LABEL_LINES - 1].rstrip("-") + "…"]
            label = Label(tuple(lines), x_of[mid], y + SYMBOL + 4, size)
            person = Person(m, row, x_of[mid], y, label)
            layout.people[mid] = person
            shape = layout.add_shape(person.symbol)
            layout.add_label(label)
            if m.age is not None:
                layout.add_label(_age_label(person, size), None if m.deceased else shape)
    _connect(layout, genogram)
    _household(layout)
    return layout


def _age_label(person: Person, size: float = 10) -> Label:
    if person.member.deceased:  # the X fills the symbol: the age stands at its upper left
        return Label((str(person.member.age),), person.x - SYMBOL / 2 - 3, person.y - 1, size, anchor="end")
    return Label((str(person.member.age),), person.x, person.y + SYMBOL / 2 - size * 0.65, size)


def _connect(layout: GenogramLayout, genogram: Genogram) -> None:
    people = layout.people
    couple_mid: dict[frozenset, float] = {}
    for couple in genogram.couples:
        a, b = people.get(couple.partner_a), people.get(couple.partner_b)
        if not a or not b:
            continue
        left, right = sorted((a, b), key=lambda p: p.x)
        y = left.y + SYMBOL / 2
        line = Segment(left.x + SYMBOL / 2, y, right.x - SYMBOL / 2, y)
        layout.couple_lines.append((line, couple.status))
        layout.segments.append(line)
        couple_mid[frozenset((a.member.id, b.member.id))] = (left.x + right.x) / 2
    # Children grouped by their known parents.
    families: dict[tuple[str, ...], list[Person]] = {}
    for person in people.values():
        parents = tuple(sorted(p for p in (person.member.father, person.member.mother) if p in people))
        if parents:
            families.setdefault(parents, []).append(person)
    # Families whose children share a row get their sibling lines at different heights, so two
    # families' lines never run together.
    by_row: dict[float, list[tuple[str, ...]]] = {}
    for parents, children in families.items():
        by_row.setdefault(children[0].y, []).append(parents)
    for row_families in by_row.values():
        row_families.sort(key=lambda parents: min(c.x for c in families[parents]))
    for parents, children in families.items():
        top = people[parents[0]]
        if len(parents) == 2 and frozenset(parents) in couple_mid:
            drop_x, drop_y = couple_mid[frozenset(parents)], top.y + SYMBOL / 2
        else:  # one known parent (or parents not drawn as a couple): from the side of the symbol, in the slot gap
            start = people[parents[0]]
            side = start.x + layout.slot / 2
            drop_x, drop_y = side, start.y + SYMBOL / 2
            stub = Segment(start.x + SYMBOL / 2, drop_y, side, drop_y)
            layout.descent_lines.append(stub)
            layout.segments.append(stub)
        stagger = by_row[children[0].y].index(parents) % 5
        bar_y = children[0].y - 12 - 6 * stagger
        xs = [c.x for c in children] + [drop_x]
        for segment in (Segment(drop_x, drop_y, drop_x, bar_y), Segment(min(xs), bar_y, max(xs), bar_y),
                        *(Segment(c.x, bar_y, c.x, c.y) for c in children)):
            layout.descent_lines.append(segment)
            layout.segments.append(segment)


def _household(layout: GenogramLayout) -> None:
    inside = [p for p in layout.people.values() if p.member.household]
    if not inside:
        return
    boxes = [p.symbol for p in inside] + [p.label.box for p in inside]
    x, y = min(b.x for b in boxes) - 8, min(b.y for b in boxes) - 8
    layout.household = Box(x, y, max(b.right for b in boxes) + 8 - x, max(b.bottom for b in boxes) + 8 - y)


def _symbol(person: Person) -> str:
    m, box = person.member, person.symbol
    if m.sex == "laki-laki":
        outline = (f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{SYMBOL}" height="{SYMBOL}" fill="#fff" '
                   f'stroke="#222" stroke-width="1.6"/>')
        if m.index_person:
            outline += (f'<rect x="{num(box.x + 4)}" y="{num(box.y + 4)}" width="{SYMBOL - 8}" height="{SYMBOL - 8}" '
                        f'fill="none" stroke="#222" stroke-width="1.2"/>')
    else:
        cx, cy = person.x, person.y + SYMBOL / 2
        outline = f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{SYMBOL / 2}" fill="#fff" stroke="#222" stroke-width="1.6"/>'
        if m.index_person:
            outline += f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{SYMBOL / 2 - 4}" fill="none" stroke="#222" stroke-width="1.2"/>'
    if m.deceased:  # an X across the symbol: corner to corner, or within the circle
        inset = 0 if m.sex == "laki-laki" else SYMBOL / 2 * (1 - 0.7071)
        x1, y1, x2, y2 = box.x + inset, box.y + inset, box.right - inset, box.bottom - inset
        outline += (f'<path class="meninggal" d="M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}M{num(x2)} {num(y1)}'
                    f'L{num(x1)} {num(y2)}" stroke="#222" stroke-width="1.6"/>')
    kind = "laki-laki" if m.sex == "laki-laki" else "perempuan"
    extra = (" indeks" if m.index_person else "") + (" meninggal" if m.deceased else "")
    return f'<g class="anggota {kind}{extra}" data-id="{escape(m.id)}">{outline}</g>'


def _slashes(line: Segment, status: str) -> str:
    count = {"pisah": 1, "cerai": 2}.get(status, 0)
    mid = (line.x1 + line.x2) / 2
    out = ""
    for i in range(count):
        x = mid + (i - (count - 1) / 2) * 7
        out += f'<line class="tanda-{status}" x1="{num(x - 4)}" y1="{num(line.y1 + 8)}" x2="{num(x + 4)}" y2="{num(line.y1 - 8)}" stroke="#222" stroke-width="1.6"/>'
    return out


def draw_genogram(layout: GenogramLayout, title: str) -> str:
    parts = []
    if layout.household:
        h = layout.household
        parts.append(f'<rect class="serumah" x="{num(h.x)}" y="{num(h.y)}" width="{num(h.w)}" height="{num(h.h)}" '
                     f'rx="10" fill="none" stroke="#555" stroke-width="1.2" stroke-dasharray="5 4"/>')
    for line, status in layout.couple_lines:
        parts.append(f'<line class="pasangan {status}" x1="{num(line.x1)}" y1="{num(line.y1)}" x2="{num(line.x2)}" '
                     f'y2="{num(line.y2)}" stroke="#222" stroke-width="1.6"/>' + _slashes(line, status))
    for line in layout.descent_lines:
        parts.append(f'<line class="keturunan" x1="{num(line.x1)}" y1="{num(line.y1)}" x2="{num(line.x2)}" '
                     f'y2="{num(line.y2)}" stroke="#222" stroke-width="1.2"/>')
    for person in layout.people.values():
        parts.append(_symbol(person))
    parts.extend(label.svg() for label in layout.labels)
    people = list(layout.people.values())
    index = next((p.member.label for p in people if p.member.index_person), "–")
    description = (f"Genogram {len({p.generation for p in people})} generasi, {len(people)} anggota; orang indeks: {index}. "
                   + "; ".join(_describe(p) for p in people) + ".")
    return document(layout, "".join(parts), title=title, description=description, css_class="casebook-genogram")


def _describe(person: Person) -> str:
    m = person.member
    facts = [m.sex, f"{m.age} tahun" if m.age is not None else "", "meninggal" if m.deceased else "",
             "serumah" if m.household else ""]
    return f"{m.label} ({', '.join(f for f in facts if f)})"


def genogram_svg(genogram: Genogram, title: str) -> str:
    return draw_genogram(layout_genogram(genogram), title)
