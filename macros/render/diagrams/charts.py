"""Strengths quadrant, case timeline and outcome chart: the three diagrams built on a grid.

- Strengths quadrant (Cowger/Saleebey): personal/environment × strengths/weaknesses, each
  item written in the cell its two axes place it in.
- Case timeline: the practicum period as the axis, one lane per stage of the helping
  process, with the dated records as bars (spans) and marks (single days): the order of
  the process can be read at a glance.
- Outcome chart: Task Achievement Scale 0–4 per task, or Goal Attainment Scaling −2..+2
  per goal, as bars with the success line dashed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import escape

from macros.render.diagrams.svg import Box, Label, Layout, Segment, document, min_text_size, num, text_width, wrap
from macros.render.text import signed
from macros.schema import Case
from macros.schema.assessment import ButirKekuatan
from macros.schema.evaluation import GAS_LABELS, TAS_LABELS
from macros.schema.types import MONTHS

WIDTH = 600
SMALL = max(11.0, min_text_size(WIDTH))  # the smallest text of the timeline and the outcome chart: >= 7 pt in print


def _rect(box: Box, fill: str = "none", stroke: str = "#222", width: float = 1, extra: str = "") -> str:
    return (f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" height="{num(box.h)}" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{num(width)}"{extra}/>')


def _line(s: Segment, stroke: str = "#222", width: float = 1, extra: str = "") -> str:
    return (f'<line x1="{num(s.x1)}" y1="{num(s.y1)}" x2="{num(s.x2)}" y2="{num(s.y2)}" stroke="{stroke}" '
            f'stroke-width="{num(width)}"{extra}/>')


# --- strengths quadrant -------------------------------------------------------------------------

QUADRANT_HEAD = 28      # column headings
QUADRANT_SIDE = 92      # row headings
ITEM_SIZE = 11


@dataclass
class QuadrantLayout(Layout):
    cells: tuple[tuple[str, str, Box], ...] = ()


def layout_quadrant(items: list[ButirKekuatan]) -> QuadrantLayout:
    cell_w = (WIDTH - QUADRANT_SIDE - 2) / 2
    text_w = cell_w - 28
    blocks: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for kind in ("kelebihan", "kekurangan"):
        for domain in ("personal", "lingkungan"):
            blocks[kind, domain] = [tuple(wrap(i.text, text_w, ITEM_SIZE)) for i in items if i.kind == kind and i.domain == domain]
    line = ITEM_SIZE * 1.25

    def height(kind: str) -> float:
        return max(16 + sum(len(b) * line + 5 for b in blocks[kind, d]) for d in ("personal", "lingkungan"))

    heights = {kind: max(60.0, height(kind)) for kind in ("kelebihan", "kekurangan")}
    layout = QuadrantLayout(WIDTH, QUADRANT_HEAD + heights["kelebihan"] + heights["kekurangan"] + 2)
    cells = []
    y = QUADRANT_HEAD
    for kind in ("kelebihan", "kekurangan"):
        layout.add_label(Label((kind.capitalize(),), QUADRANT_SIDE / 2, y + heights[kind] / 2 - 7, 12, bold=True))
        for col, domain in enumerate(("personal", "lingkungan")):
            box = Box(QUADRANT_SIDE + col * cell_w, y, cell_w, heights[kind])
            cells.append((kind, domain, box))
            item_y = y + 8
            for block in blocks[kind, domain]:
                layout.add_label(Label(block, box.x + 22, item_y, ITEM_SIZE, anchor="start"))
                item_y += len(block) * line + 5
        y += heights[kind]
    for col, domain in enumerate(("Personal", "Lingkungan")):
        layout.add_label(Label((domain,), QUADRANT_SIDE + (col + 0.5) * cell_w, 7, 12, bold=True))
    layout.cells = tuple(cells)
    return layout


def quadrant_svg(items: list[ButirKekuatan], title: str) -> str:
    layout = layout_quadrant(items)
    fills = {"kelebihan": "#eef6ee", "kekurangan": "#fbf0ee"}
    parts = [_rect(box, fills[kind], width=1.2, extra=f' class="sel {kind} {domain}"') for kind, domain, box in layout.cells]
    for label in layout.labels:
        if label.anchor == "start":  # an item: a bullet before its first line
            parts.append(f'<circle cx="{num(label.x - 9)}" cy="{num(label.y + ITEM_SIZE * 0.6)}" r="2.2" fill="#222"/>')
        parts.append(label.svg())
    counts = {f"{k}/{d}": sum(1 for i in items if i.kind == k and i.domain == d)
              for k in ("kelebihan", "kekurangan") for d in ("personal", "lingkungan")}
    description = "Kuadran kekuatan: " + ", ".join(f"{k} {v} butir" for k, v in counts.items()) + "."
    return document(layout, "".join(parts), title=title, description=description, css_class="casebook-kuadran-gambar")


# --- case timeline ------------------------------------------------------------------------------

LANE = 24
LANE_LABEL_W = 128
AXIS_H = 34


@dataclass(frozen=True)
class Event:
    lane: str
    start: dt.date
    end: dt.date
    text: str


def timeline_events(case: Case, stage_label) -> list[Event]:
    """Every dated record of the helping process, in the lane of its stage."""
    events = [Event(stage_label(s.stage), s.date, s.end_date or s.date, s.title or stage_label(s.stage)) for s in case.stages]
    events += [Event("Wawancara", i.date, i.date, i.activity) for i in case.interviews]
    if case.assessment:
        a = case.assessment
        events.append(Event("Asesmen", a.start, a.end or a.start, "Asesmen"))
    events += [Event("Konferensi kasus", c.date, c.date, f"Konferensi kasus {c.code}") for c in case.case_conferences if c.date]
    if case.plan:
        events.append(Event("Rencana Intervensi", case.plan.start, case.plan.end or case.plan.start, "Penyusunan rencana"))
    if case.intervention:
        events += [Event("Intervensi", s.date, s.date, s.title) for s in case.intervention.sessions]
    if case.evaluation:
        events.append(Event("Evaluasi", case.evaluation.date, case.evaluation.date, "Evaluasi hasil"))
    if case.termination:
        events.append(Event("Terminasi", case.termination.date, case.termination.date, "Terminasi"))
    events += [Event("Rujukan", r.date, r.date, f"Rujukan kepada {r.to}") for r in case.referrals if r.date]
    return events


LANE_ORDER = ["Engagement", "Intake", "Kontrak", "Wawancara", "Asesmen", "Konferensi kasus", "Rencana Intervensi",
              "Intervensi", "Evaluasi", "Terminasi", "Rujukan"]


@dataclass
class TimelineLayout(Layout):
    lanes: tuple[str, ...] = ()
    first: dt.date = dt.date(2000, 1, 1)
    last: dt.date = dt.date(2000, 1, 1)
    plot: Box = Box(0, 0, 0, 0)


def _short_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3].capitalize()}"


def layout_timeline(case: Case, events: list[Event]) -> TimelineLayout:
    lanes = tuple(name for name in LANE_ORDER if any(e.lane == name for e in events))
    lanes += tuple(sorted({e.lane for e in events} - set(lanes)))
    first = min([case.report.period.start, *(e.start for e in events)])
    last = max([case.report.period.end, *(e.end for e in events)])
    height = 10 + len(lanes) * LANE + AXIS_H
    layout = TimelineLayout(WIDTH, height, lanes=lanes, first=first, last=last)
    layout.plot = Box(LANE_LABEL_W, 10, WIDTH - LANE_LABEL_W - 16, len(lanes) * LANE)
    for index, lane in enumerate(lanes):
        layout.add_label(Label((lane,), LANE_LABEL_W - 8, 10 + index * LANE + LANE / 2 - 7, 11.5, anchor="end"))
    # Weekly ticks from the first Monday of the period; labels never closer than their own width.
    day = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    last_right = -1e9
    while day <= last:
        x = x_of(layout, day)
        text = _short_date(day)
        w = text_width(text, SMALL)
        if x - w / 2 > last_right + 6 and x + w / 2 <= WIDTH - 2:
            layout.add_label(Label((text,), x, layout.plot.bottom + 8, SMALL))
            last_right = x + w / 2
        day += dt.timedelta(days=7)
    return layout


def x_of(layout: TimelineLayout, day: dt.date) -> float:
    span = max(1, (layout.last - layout.first).days + 1)
    return layout.plot.x + layout.plot.w * ((day - layout.first).days + 0.5) / span


def timeline_svg(case: Case, events: list[Event], title: str) -> str:
    layout = layout_timeline(case, events)
    plot = layout.plot
    parts = [_rect(plot, "#fafafa", "#999", 0.8)]
    for index in range(1, len(layout.lanes)):
        y = plot.y + index * LANE
        parts.append(_line(Segment(plot.x, y, plot.right, y), "#ddd", 0.8))
    period = (case.report.period.start, case.report.period.end)
    parts.append(_rect(Box(x_of(layout, period[0]) - 3, plot.bottom, x_of(layout, period[1]) - x_of(layout, period[0]) + 6, 4),
                       "#222", "none", 0, ' class="periode"'))
    day_w = plot.w / max(1, (layout.last - layout.first).days + 1)
    for event in events:
        lane = layout.lanes.index(event.lane)
        cy = plot.y + lane * LANE + LANE / 2
        x1 = x_of(layout, event.start)
        tip = f"<title>{escape(event.text)}: {escape(_short_date(event.start))}</title>"
        if event.end > event.start:
            x2 = x_of(layout, event.end)
            parts.append(f'<rect class="rentang" x="{num(x1 - day_w / 2)}" y="{num(cy - 6)}" width="{num(x2 - x1 + day_w)}" '
                         f'height="12" rx="3" fill="#6b8fb8" stroke="#222" stroke-width="0.8">{tip}</rect>')
        else:
            parts.append(f'<circle class="tanda" cx="{num(x1)}" cy="{num(cy)}" r="5" fill="#fff" stroke="#222" '
                         f'stroke-width="1.6">{tip}</circle>')
    for label in layout.labels:
        parts.append(label.svg())
    order = " → ".join(f"{lane} ({_short_date(min(e.start for e in events if e.lane == lane))})" for lane in layout.lanes)
    description = (f"Periode praktikum {_short_date(period[0])}–{_short_date(period[1])} {period[1].year}; "
                   f"kegiatan pertama tiap tahap: {order}.")
    return document(layout, "".join(parts), title=title, description=description, css_class="casebook-linimasa")


# --- outcome chart ------------------------------------------------------------------------------

BAR_ROW = 30
OUTCOME_LABEL_W = 220


@dataclass
class OutcomeLayout(Layout):
    rows: tuple[tuple[str, int, float], ...] = ()  # (text, score, y centre)
    low: int = 0
    high: int = 4
    plot: Box = Box(0, 0, 0, 0)


def layout_outcome(rows: list[tuple[str, int]], low: int, high: int, scale_labels: dict[int, str]) -> OutcomeLayout:
    wrapped = [tuple(wrap(text, OUTCOME_LABEL_W - 14, SMALL)[:3]) for text, _ in rows]
    heights = [max(BAR_ROW, len(lines) * SMALL * 1.25 + 10) for lines in wrapped]
    plot_h = sum(heights)
    plot_w = WIDTH - OUTCOME_LABEL_W - 48
    step = plot_w / (high - low)
    # Each scale number with its words under it, wrapped to the tick spacing (never cut: the axis grows).
    scale_words = {value: tuple(wrap(scale_labels[value], step - 8, SMALL)) for value in range(low, high + 1)}
    words_h = max(len(words) for words in scale_words.values()) * SMALL * 1.25
    layout = OutcomeLayout(WIDTH, 12 + plot_h + 6 + SMALL * 1.25 + 4 + words_h + 30, low=low, high=high)
    layout.plot = Box(OUTCOME_LABEL_W, 12, plot_w, plot_h)
    y, placed = 12.0, []
    for (text, score), lines, h in zip(rows, wrapped, heights):
        layout.add_label(Label(lines, OUTCOME_LABEL_W - 12, y + h / 2 - len(lines) * SMALL * 1.25 / 2, SMALL, anchor="end"))
        placed.append((text, score, y + h / 2))
        y += h
    layout.rows = tuple(placed)
    for value in range(low, high + 1):
        x = _score_x(layout, value)
        layout.add_label(Label((signed(value) if low < 0 else str(value),), x, layout.plot.bottom + 6, SMALL, bold=True))
        layout.add_label(Label(scale_words[value], x, layout.plot.bottom + 6 + SMALL * 1.25 + 4, SMALL))
    return layout


def _score_x(layout: OutcomeLayout, value: float) -> float:
    return layout.plot.x + layout.plot.w * (value - layout.low) / (layout.high - layout.low)


def outcome_svg(case: Case, title: str) -> str:
    evaluation = case.evaluation
    if evaluation.tas:
        rows = [(t.task, t.score) for t in evaluation.tas.tasks]
        layout = layout_outcome(rows, 0, 4, TAS_LABELS)
        target, target_text, zero = evaluation.tas.minimum, "batas keberhasilan", 0
        kind = "Task Achievement Scale (0–4)"
    else:
        rows = [(g.goal, g.score) for g in evaluation.gas]
        layout = layout_outcome(rows, -2, 2, GAS_LABELS)
        target, target_text, zero = 0, "hasil yang diharapkan", 0
        kind = "Goal Attainment Scaling (−2 s.d. +2)"
    plot = layout.plot
    parts = [_rect(plot, "#fafafa", "#999", 0.8)]
    for value in range(layout.low, layout.high + 1):
        x = _score_x(layout, value)
        parts.append(_line(Segment(x, plot.y, x, plot.bottom), "#ccc", 0.8))
    for text, score, cy in layout.rows:
        x0, x1 = sorted((_score_x(layout, zero), _score_x(layout, score)))
        parts.append(f'<rect class="batang" x="{num(x0)}" y="{num(cy - 8)}" width="{num(max(x1 - x0, 2))}" height="16" '
                     f'fill="#6b8fb8" stroke="#222" stroke-width="0.8"><title>{escape(text)}: {score}</title></rect>')
    if target is not None:
        x = _score_x(layout, target)
        parts.append(_line(Segment(x, plot.y - 6, x, plot.bottom + 2), "#b22", 2, ' stroke-dasharray="6 4" class="target"'))
        key_y = layout.height - 12
        parts.append(_line(Segment(plot.x, key_y, plot.x + 28, key_y), "#b22", 2, ' stroke-dasharray="6 4"'))
        parts.append(Label((f"{target_text} ({target})",), plot.x + 36, key_y - SMALL * 0.6, SMALL, anchor="start").svg())
    parts.extend(label.svg() for label in layout.labels)
    scores = "; ".join(f"{text}: {score}" for text, score, _ in layout.rows)
    line = f", garis putus-putus merah: {target_text} ({target})" if target is not None else ""
    return document(layout, "".join(parts), title=title, description=f"{kind}{line}. {scores}.", css_class="casebook-capaian")
