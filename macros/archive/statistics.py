"""Arsip › Statistik: what the archive holds, as charts drawn at build time.

Every chart aggregates (counts per facet value), so its size does not grow with the number
of reports; only facet labels are drawn, never titles. The supervisor and partner-institution
views list people and institutions already named on every report's cover and approval page,
and grow with their number, not with the number of reports.

Charts are drawn 400 units wide with text of at least 11.5 units: on a 390 px phone (about
358 px of column) text is never below 10 px, and on a desktop the chart is shown up to 500 px. Each chart is
an inline SVG (no script) with text and outlines in `currentColor`, so it reads in Material's
light and dark schemes, and bar fills of middling lightness that stand out on both.
Under each chart the same numbers sit in a folded table: for screen readers, for copying,
and as the keyboard route to the filtered catalogue (the SVG's own links are a mouse
shortcut, kept out of the tab order because `role="img"` hides them from assistive tech).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from markupsafe import Markup, escape

from macros.archive.facets import (BAND_LABELS, GAS_PARTIAL, GAS_SUCCESS, NO_OUTCOME, OUTCOME_BANDS, TAS_PARTIAL,
                                   TAS_SUCCESS, ReportFacts, facet_counts)
from macros.render.diagrams.svg import Box, Label, Layout, Segment, document, num, text_width, wrap

WIDTH = 400
MIN_TEXT = 11.5         # smallest text drawn: 400 units shown at 358 px -> 10.3 px
LABEL_SIZE = 11.5
COUNT_SIZE = 11.5
HEAD_SIZE = 11.5        # column heads of the heat grid
LABEL_MAX_W = 150       # widest label column; longer labels wrap to three lines, then end in '…'
LABEL_LINES = 3
ROW_MIN = 24
BAR_H = 14
GAP = 10                # between the label column and the axis, and around counts

# Fills of middling lightness (relative luminance 0.18–0.23): at least 3:1 against white and
# against Material's slate background, outlined in currentColor besides.
BAR_FILL = "#3d7ebf"
SERIES = ("#3d7ebf", "#c26a00", "#2e8b57", "#a05fb5", "#d0473d", "#1f8f99", "#8c7a2a", "#7f7f7f")
NO_SCORE_FILL = "#7f7f7f"
HEAT_MAX_OPACITY = 0.55  # the strongest heat cell still leaves 4.5:1 for text in either scheme


# --- small helpers ------------------------------------------------------------------------------

def thousands(n: int) -> str:
    """1234 -> '1.234' (Indonesian digit grouping)."""
    return f"{n:,}".replace(",", ".")


def decimal(value: float, places: int = 1) -> str:
    """2.5 -> '2,5' (Indonesian decimal comma)."""
    return f"{value:.{places}f}".replace(".", ",")


def percent(part: int, whole: int) -> str:
    return f"{decimal(100 * part / whole)}%" if whole else "–"


def wrap_labels(text: str, max_width: float, size: float, *, bold: bool = False) -> list[str]:
    """Word wrap that may also break after '/' ("Organization/" | "Community"), before splitting a word with a hyphen."""
    pieces = []  # (piece, glue before it)
    for word in text.split():
        parts = [p for p in re.split(r"(?<=/)", word) if p]
        pieces += [(part, "" if i else " ") for i, part in enumerate(parts)]
    lines: list[str] = []
    current = ""
    for piece, glue in pieces:
        candidate = current + glue + piece if current else piece
        if text_width(candidate, size, bold=bold) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        split = wrap(piece, max_width, size, bold=bold)  # one line unless the piece alone is too wide
        lines += split[:-1]
        current = split[-1]
    if current:
        lines.append(current)
    return lines or [""]


def fit(text: str, max_width: float, size: float, lines: int = LABEL_LINES, *, bold: bool = False) -> tuple[tuple[str, ...], bool]:
    """`text` wrapped to `max_width`, at most `lines` lines; the last ends in '…' when text was cut."""
    wrapped = wrap_labels(text, max_width, size, bold=bold)
    if len(wrapped) <= lines:
        return tuple(wrapped), False
    kept = wrapped[:lines]
    last = kept[-1].rstrip("-")
    while last and text_width(last + "…", size, bold=bold) > max_width:
        last = last[:-1].rstrip()
    kept[-1] = last + "…"
    return tuple(kept), True


def filter_href(base: str, **params: str) -> str:
    """The catalogue filtered by facet codes: `../?tahun=2024&setting=industri`."""
    return f"{base}?{urlencode(params)}" if params else base


def _link(href: str | None, inner: str) -> str:
    # tabindex=-1: the table under the chart carries the same links for keyboard and screen readers.
    return f'<a href="{escape(href)}" tabindex="-1">{inner}</a>' if href else inner


def _rect(box: Box, fill: str, tip: str | None = None) -> str:
    head = (f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" height="{num(box.h)}" fill="{fill}" '
            'stroke="currentColor" stroke-width="0.8"')
    return f"{head}><title>{escape(tip)}</title></rect>" if tip else f"{head}/>"


def _label_svg(label: Label, full: str | None = None, css_class: str = "") -> str:
    """A label; when its text was shortened, the full text as a tooltip."""
    text = label.svg(css_class)
    return f"<g><title>{escape(full)}</title>{text}</g>" if full else text


# --- horizontal bars, one series or stacked ------------------------------------------------------

@dataclass(frozen=True)
class Bar:
    label: str
    href: str | None
    parts: tuple[tuple[str, int, str | None], ...]  # (series label, count, href); one part for a plain bar
    fill: str | None = None                          # plain bars: a fill of their own (e.g. "Tanpa skor")

    @property
    def total(self) -> int:
        return sum(count for _, count, _ in self.parts)


@dataclass
class BarLayout(Layout):
    """Geometry of a bar chart: one entry per bar, in drawing order, for drawing and for tests."""

    rows: list[tuple[Bar, Label, bool, list[Box], Label]] = field(default_factory=list)  # bar, name, cut, parts, count
    legend: list[tuple[str, Box, Label]] = field(default_factory=list)
    axis: Segment | None = None


def layout_bars(bars: Sequence[Bar], series: Sequence[str] = ()) -> BarLayout:
    """Label column as wide as the widest label (capped), bars scaled to the largest total, counts after the bars."""
    names = [fit(bar.label, LABEL_MAX_W, LABEL_SIZE) for bar in bars]
    label_w = max((text_width(line, LABEL_SIZE) for lines, _ in names for line in lines), default=0.0)
    biggest = max((bar.total for bar in bars), default=0)
    count_w = text_width(thousands(biggest), COUNT_SIZE, bold=True)
    x0 = 4 + label_w + GAP
    scale_w = max(WIDTH - x0 - GAP - count_w - 4, 40)
    layout = BarLayout(WIDTH, 0)

    # Legend: swatch and name, flowing left to right, onto a new line when the next would not fit.
    y = 4.0
    if len(series) > 1:
        x = 4.0
        line_h = LABEL_SIZE * 1.25 + 6
        for index, name in enumerate(series):
            (text,), _ = fit(name, WIDTH - 30, LABEL_SIZE, 1)
            item_w = 12 + 5 + text_width(text, LABEL_SIZE) + 16
            if x > 4 and x + item_w > WIDTH - 4:
                x, y = 4.0, y + line_h
            swatch = Box(x, y + 1.5, 12, 12)
            layout.add_shape(swatch)
            label = layout.add_label(Label((text,), x + 17, y, LABEL_SIZE, anchor="start"))
            layout.legend.append((SERIES[index % len(SERIES)], swatch, label))
            x += item_w
        y += line_h + 6

    top = y
    for bar, (lines, cut) in zip(bars, names):
        row_h = max(ROW_MIN, len(lines) * LABEL_SIZE * 1.25 + 8)
        centre = y + row_h / 2
        name = layout.add_label(Label(lines, x0 - GAP, centre - len(lines) * LABEL_SIZE * 1.25 / 2, LABEL_SIZE, anchor="end"))
        boxes, x = [], x0
        for _, count, _ in bar.parts:
            w = scale_w * count / biggest if biggest else 0
            box = Box(x, centre - BAR_H / 2, w, BAR_H)
            if count:
                layout.add_shape(box)
            boxes.append(box)
            x += w
        count_label = layout.add_label(Label((thousands(bar.total),), x + 5, centre - COUNT_SIZE * 1.25 / 2,
                                             COUNT_SIZE, bold=True, anchor="start"))
        layout.rows.append((bar, name, cut, boxes, count_label))
        y += row_h
    layout.axis = Segment(x0, top - 2, x0, y + 2)
    layout.segments.append(layout.axis)
    layout.height = y + 6
    return layout


def bars_svg(bars: Sequence[Bar], series: Sequence[tuple[str, str | None]], *, title: str, description: str,
             css_class: str, fills: Sequence[str] | None = None) -> str:
    """`series`: (name, link of its legend entry) per part of a stacked bar; empty for plain bars."""
    layout = layout_bars(bars, [name for name, _ in series])
    parts = []
    palette = list(fills) if fills else list(SERIES)
    for index, ((_, swatch, label), (name, href)) in enumerate(zip(layout.legend, series)):
        parts.append(_link(href, _rect(swatch, palette[index % len(palette)]) + label.svg()))
    for bar, name, cut, boxes, count in layout.rows:
        parts.append(_link(bar.href, _label_svg(name, bar.label if cut else None)))
        for index, ((series_name, value, href), box) in enumerate(zip(bar.parts, boxes)):
            if not value:
                continue
            fill = bar.fill or (palette[index % len(palette)] if len(series) > 1 else BAR_FILL)
            tip = f"{bar.label}{' · ' + series_name if len(series) > 1 else ''}: {thousands(value)} laporan"
            parts.append(_link(href, _rect(box, fill, tip)))
        parts.append(count.svg())
    axis = layout.axis
    parts.append(f'<line x1="{num(axis.x1)}" y1="{num(axis.y1)}" x2="{num(axis.x2)}" y2="{num(axis.y2)}" '
                 'stroke="currentColor" stroke-width="1"/>')
    return document(layout, f'<g fill="currentColor">{"".join(parts)}</g>', title=title, description=description,
                    css_class=css_class)


# --- heat grid: methods × settings ---------------------------------------------------------------

HEAT_COL_MIN = 56
HEAT_COL_MAX = 120
HEAT_ROW = 34


@dataclass
class HeatLayout(Layout):
    row_labels: list[tuple[Label, bool]] = field(default_factory=list)
    col_labels: list[tuple[Label, bool]] = field(default_factory=list)
    cells: list[list[tuple[Box, Label]]] = field(default_factory=list)


def layout_heat(rows: Sequence[str], cols: Sequence[str], values: Sequence[Sequence[int]]) -> HeatLayout:
    row_names = [fit(r, LABEL_MAX_W - 30, LABEL_SIZE) for r in rows]
    label_w = max((text_width(line, LABEL_SIZE) for lines, _ in row_names for line in lines), default=0.0)
    x0 = 4 + label_w + GAP
    col_w = min(HEAT_COL_MAX, max(HEAT_COL_MIN, (WIDTH - x0 - 4) / max(len(cols), 1)))
    width = max(WIDTH, x0 + col_w * len(cols) + 4)
    col_names = [fit(c, col_w - 6, HEAD_SIZE, 4) for c in cols]
    head_h = max((len(lines) for lines, _ in col_names), default=1) * HEAD_SIZE * 1.25 + 8
    layout = HeatLayout(width, 4 + head_h + len(rows) * HEAT_ROW + 6)
    for j, (lines, cut) in enumerate(col_names):
        label = layout.add_label(Label(lines, x0 + (j + 0.5) * col_w, 4 + head_h - 6 - len(lines) * HEAD_SIZE * 1.25,
                                       HEAD_SIZE))
        layout.col_labels.append((label, cut))
    top = 4 + head_h
    for i, (lines, cut) in enumerate(row_names):
        centre = top + (i + 0.5) * HEAT_ROW
        label = layout.add_label(Label(lines, x0 - GAP, centre - len(lines) * LABEL_SIZE * 1.25 / 2, LABEL_SIZE, anchor="end"))
        layout.row_labels.append((label, cut))
        cells = []
        for j, value in enumerate(values[i]):
            box = Box(x0 + j * col_w + 1, top + i * HEAT_ROW + 1, col_w - 2, HEAT_ROW - 2)
            owner = layout.add_shape(box)
            text = layout.add_label(Label((thousands(value),), box.x + box.w / 2, centre - COUNT_SIZE * 1.25 / 2,
                                          COUNT_SIZE, bold=bool(value)), owner)
            cells.append((box, text))
        layout.cells.append(cells)
    return layout


def heat_svg(rows: Sequence[tuple[str, str | None]], cols: Sequence[tuple[str, str | None]],
             values: Sequence[Sequence[int]], hrefs: Sequence[Sequence[str | None]], *,
             title: str, description: str, css_class: str) -> str:
    layout = layout_heat([r for r, _ in rows], [c for c, _ in cols], values)
    biggest = max((v for row in values for v in row), default=0)
    parts = []
    for (label, cut), (name, href) in zip(layout.col_labels, cols):
        parts.append(_link(href, _label_svg(label, name if cut else None)))
    for i, ((label, cut), (name, href)) in enumerate(zip(layout.row_labels, rows)):
        parts.append(_link(href, _label_svg(label, name if cut else None)))
        for j, (box, text) in enumerate(layout.cells[i]):
            value = values[i][j]
            opacity = 0.06 + (HEAT_MAX_OPACITY - 0.06) * value / biggest if value else 0
            tip = f"{name} · {cols[j][0]}: {thousands(value)} laporan"  # row · column
            cell = (f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" height="{num(box.h)}" '
                    f'fill="{BAR_FILL}" fill-opacity="{opacity:.2f}" stroke="currentColor" stroke-width="0.5" '
                    f'stroke-opacity="0.35"><title>{escape(tip)}</title></rect>')
            parts.append(_link(hrefs[i][j] if value else None, cell + text.svg()))
    return document(layout, f'<g fill="currentColor">{"".join(parts)}</g>', title=title, description=description,
                    css_class=css_class)


# --- data tables --------------------------------------------------------------------------------

def _cell_link(href: str | None, text: str) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>') if href else escape(text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str | Markup]], *, folded: bool = True) -> str:
    """First column: row headings; the others are numbers, aligned right. Folded under its chart, or open
    (the supervisor and institution views, where the table is the point)."""
    number = ' class="casebook-angka"'
    head = "".join(f'<th scope="col"{number if i else ""}>{escape(h)}</th>' for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f'<td{number}>{escape(cell)}</td>' if i else f'<th scope="row">{escape(cell)}</th>'
                         for i, cell in enumerate(row)) + "</tr>"
        for row in rows)
    table = (f'<table class="casebook-tabel casebook-statistik-tabel"><thead><tr>{head}</tr></thead>'
             f'<tbody>{body}</tbody></table>')
    if not folded:
        return f'<div class="casebook-data-gambar casebook-data-terbuka">{table}</div>'
    return f'<details class="casebook-data-gambar"><summary>Tabel data</summary>{table}</details>'



def _figure(svg: str, caption: str, note: str, table: str) -> str:
    extra = f' <span class="casebook-statistik-catatan">{escape(note)}</span>' if note else ""
    return (f'<figure class="casebook-statistik-gambar">{svg}<figcaption>{escape(caption)}{extra}</figcaption>'
            f"</figure>{table}")


# --- the charts ---------------------------------------------------------------------------------

def _year_setting(facts: list[ReportFacts], base: str) -> str:
    years = sorted({f.year for f in facts})
    settings = facet_counts(facts, "setting")
    counts = {(y, s.code): 0 for y in years for s in settings}
    for report in facts:
        for code in report.codes("setting"):
            counts[report.year, code] += 1
    bars = [Bar(str(y), filter_href(base, tahun=str(y)),
                tuple((s.label, counts[y, s.code], filter_href(base, tahun=str(y), setting=s.code)) for s in settings))
            for y in years]
    names = [s.label for s in settings]
    series = [(s.label, filter_href(base, setting=s.code)) for s in settings]
    description = "; ".join(f"{y}: " + ", ".join(f"{s.label} {counts[y, s.code]}" for s in settings if counts[y, s.code])
                            for y in years)
    svg = bars_svg(bars, series, title="Laporan per tahun dan setting", description=description + ".",
                   css_class="casebook-statistik-tahun")
    rows = [[_cell_link(bar.href, bar.label)] + [_cell_link(h, thousands(v)) if v else "0" for _, v, h in bar.parts]
            + [thousands(bar.total)] for bar in bars]
    rows.append(["Jumlah"] + [thousands(s.count) for s in settings] + [thousands(len(facts))])
    table = _table(["Tahun", *names, "Jumlah"], rows)
    return _figure(svg, "Jumlah laporan per tahun, menurut setting praktikum.", "", table)


def _frequency(facts: list[ReportFacts], key: str, base: str, *, what: str, title: str, caption: str,
               note: str, css_class: str) -> str:
    counts = facet_counts(facts, key)  # most frequent first, ties by label
    if not counts:
        return ""
    bars = [Bar(c.label, filter_href(base, **{key: c.code}), ((c.label, c.count, filter_href(base, **{key: c.code})),))
            for c in counts]
    description = ", ".join(f"{c.label} {c.count}" for c in counts)
    svg = bars_svg(bars, (), title=title, description=description + ".", css_class=css_class)
    rows = [[_cell_link(bar.href, bar.label), thousands(bar.total), percent(bar.total, len(facts))] for bar in bars]
    table = _table([what, "Jumlah laporan", "Persen laporan"], rows)
    return _figure(svg, caption, note, table)


def _methods_by_setting(facts: list[ReportFacts], base: str) -> str:
    """Settings down (their labels are long, and campuses add more), methods across (few)."""
    methods = facet_counts(facts, "metode")
    settings = facet_counts(facts, "setting")
    if not methods or not settings:
        return ""
    values = [[sum(1 for f in facts if m.code in f.codes("metode") and s.code in f.codes("setting")) for m in methods]
              for s in settings]
    hrefs = [[filter_href(base, setting=s.code, metode=m.code) for m in methods] for s in settings]
    rows = [(s.label, filter_href(base, setting=s.code)) for s in settings]
    cols = [(m.label, filter_href(base, metode=m.code)) for m in methods]
    description = "; ".join(f"{s.label}: " + ", ".join(f"{m.label} {values[i][j]}" for j, m in enumerate(methods))
                            for i, s in enumerate(settings))
    svg = heat_svg(rows, cols, values, hrefs, title="Metode menurut setting", description=description + ".",
                   css_class="casebook-statistik-metode")
    table_rows = [[_cell_link(href, name)] + [_cell_link(hrefs[i][j], thousands(v)) if v else "0"
                                              for j, v in enumerate(values[i])] for i, (name, href) in enumerate(rows)]
    table = _table(["Setting", *[m.label for m in methods]], table_rows)
    return _figure(svg, "Metode pekerjaan sosial menurut setting praktikum: jumlah laporan di tiap sel.",
                   "Satu laporan dapat memakai lebih dari satu metode.", table)


def outcome_bars(facts: list[ReportFacts], base: str, key: str = "capaian") -> list[Bar]:
    """Every band in order, the empty ones too, so the shape of the distribution shows."""
    tally = {code: 0 for code, _, _ in OUTCOME_BANDS} | {NO_OUTCOME[0]: 0}
    for report in facts:
        for code in report.codes(key):
            tally[code] = tally.get(code, 0) + 1
    return [Bar(BAND_LABELS.get(code, code), filter_href(base, **{key: code}),
                ((BAND_LABELS.get(code, code), count, filter_href(base, **{key: code})),),
                NO_SCORE_FILL if code == NO_OUTCOME[0] else None)
            for code, count in tally.items()]


BANDS = [code for code, _, _ in OUTCOME_BANDS] + [NO_OUTCOME[0]]
BAND_FILLS = {"tercapai": "#2e8b57", "sebagian": "#c26a00", "belum": "#d0473d", NO_OUTCOME[0]: NO_SCORE_FILL}


def _stacked_by_band(groups: Sequence[tuple[str, str | None, dict[str, str | None], list[ReportFacts]]], key: str,
                     base: str, *, title: str, caption: str, note: str, what: str, css_class: str) -> str:
    """One bar per group, split by outcome band (`key`: capaian, capaian_tas or capaian_gas); `groups` are
    (label, href of the group, filter params of the group, its reports)."""
    if not groups:
        return ""
    bands = [b for b in BANDS if any(b in f.codes(key) for _, _, _, members in groups for f in members)]
    bars = []
    for label, href, params, members in groups:
        parts = tuple((BAND_LABELS[b], sum(1 for f in members if b in f.codes(key)),
                       filter_href(base, **params, **{key: b}) if params is not None else None) for b in bands)
        bars.append(Bar(label, href, parts))
    series = [(BAND_LABELS[b], filter_href(base, **{key: b})) for b in bands]
    description = "; ".join(f"{bar.label}: " + ", ".join(f"{name} {n}" for name, n, _ in bar.parts if n) for bar in bars)
    svg = bars_svg(bars, series, title=title, description=description + ".", css_class=css_class,
                   fills=[BAND_FILLS[b] for b in bands])
    unscored = BAND_LABELS[NO_OUTCOME[0]]

    def achieved(bar: Bar) -> str:
        # Of the reports with a score: a report without one was not unsuccessful (a coordinator asked why 5 of 9
        # scored reports read as 45,5 %).
        scored = bar.total - sum(n for name, n, _ in bar.parts if name == unscored)
        return percent(bar.parts[0][1], scored) if bands and bands[0] == "tercapai" and scored else "–"

    rows = [[_cell_link(bar.href, bar.label)] + [_cell_link(h, thousands(v)) if v and h else thousands(v)
                                                  for _, v, h in bar.parts]
            + [thousands(bar.total), achieved(bar)]
            for bar in bars]
    table = _table([what, *[BAND_LABELS[b] for b in bands], "Jumlah", "Persen tercapai (dari yang berskor)"], rows)
    return _figure(svg, caption, note, table)


def _outcome_rule() -> str:
    return (f"TAS (0–4): tercapai bila skor ≥ {TAS_SUCCESS} (atau ≥ batas berhasil laporan), sebagian bila {TAS_PARTIAL}, "
            f"belum bila di bawahnya. GAS (−2..+2): skor T Kiresuk & Sherman; tercapai bila T ≥ {GAS_SUCCESS:.0f}, "
            f"sebagian bila {GAS_PARTIAL:.0f}–<{GAS_SUCCESS:.0f}. Laporan dengan keduanya: yang lebih rendah.")


def _outcomes(facts: list[ReportFacts], base: str) -> str:
    """Each scale on its own (TAS reports, GAS reports), and the overall band of every report."""
    scales = (("TAS (0–4)", "capaian_tas", [f for f in facts if f.scores.tas is not None]),
              ("GAS (−2..+2)", "capaian_gas", [f for f in facts if f.scores.gas]),
              ("Keseluruhan", "capaian", list(facts)))
    bars = [Bar(label, None, tuple((BAND_LABELS[b], sum(1 for f in members if b in f.codes(key)),
                                    filter_href(base, **{key: b})) for b in BANDS))
            for label, key, members in scales]
    series = [(BAND_LABELS[b], None) for b in BANDS]
    description = "; ".join(f"{bar.label}: " + ", ".join(f"{name} {n}" for name, n, _ in bar.parts if n) for bar in bars)
    svg = bars_svg(bars, series, title="Capaian menurut skala", description=description + ".",
                   css_class="casebook-statistik-capaian", fills=[BAND_FILLS[b] for b in BANDS])
    rows = [[bar.label] + [_cell_link(h, thousands(v)) if v else "0" for _, v, h in bar.parts] + [thousands(bar.total)]
            for bar in bars]
    table = _table(["Skala", *[BAND_LABELS[b] for b in BANDS], "Jumlah"], rows)
    tas = [f.scores.tas for f in facts if f.scores.tas is not None]
    gas = [f.scores.gas_t for f in facts if f.scores.gas]
    means = []
    if tas:
        means.append(f"rerata skor TAS {decimal(sum(tas) / len(tas))} dari 4 ({thousands(len(tas))} laporan)")
    if gas:
        means.append(f"rerata skor T GAS {decimal(sum(gas) / len(gas))} ({thousands(len(gas))} laporan)")
    joined = "; ".join(means)
    note = _outcome_rule() + (" " + joined[:1].upper() + joined[1:] + "." if means else "")
    return _figure(svg, "Capaian intervensi, setiap skala dengan ambangnya sendiri.", note, table)


def _outcome_by(facts: list[ReportFacts], key: str, base: str, *, what: str, css_class: str,
                order: str = "count") -> str:
    """Outcome bands per value of a facet (setting, practicum kind, year, method, supervisor)."""
    counts = facet_counts(facts, key)
    if order == "year":
        counts = sorted(counts, key=lambda c: c.code)
    members: dict[str, list[ReportFacts]] = {}
    for f in facts:
        for code in f.codes(key):
            members.setdefault(code, []).append(f)
    groups = [(c.label, filter_href(base, **{key: c.code}), {key: c.code}, members[c.code]) for c in counts]
    return _stacked_by_band(groups, "capaian", base, title=f"Capaian menurut {what.lower()}", what=what,
                            caption=f"Capaian keseluruhan menurut {what.lower()}: jumlah laporan per pita capaian.",
                            note="Pita capaian mengikuti skala laporan (lihat bagian Capaian).", css_class=css_class)


def _supervisors(facts: list[ReportFacts], base: str) -> str:
    """Per dosen pembimbing: how many reports, how many still drafts or incomplete, and their outcomes."""
    counts = sorted(facet_counts(facts, "pembimbing"), key=lambda c: (-c.count, c.label.casefold()))
    if not counts:
        return ""
    status = [("disetujui", "Disetujui"), ("draf", "Draf")]
    status_of: dict[tuple[str, str], int] = {}
    for f in facts:
        for supervisor in f.codes("pembimbing"):
            for code in f.codes("status"):
                status_of[supervisor, code] = status_of.get((supervisor, code), 0) + 1
    bars = [Bar(c.label, filter_href(base, pembimbing=c.code),
                tuple((name, status_of.get((c.code, code), 0),
                       filter_href(base, pembimbing=c.code, status=code)) for code, name in status))
            for c in counts]
    series = [(name, filter_href(base, status=code)) for code, name in status]
    description = "; ".join(f"{bar.label}: " + ", ".join(f"{n} {v}" for n, v, _ in bar.parts) for bar in bars)
    svg = bars_svg(bars, series, title="Laporan per dosen pembimbing", description=description + ".",
                   css_class="casebook-statistik-pembimbing", fills=["#2e8b57", "#7f7f7f"])
    rows = []
    by_supervisor: dict[str, list[ReportFacts]] = {}
    for f in facts:
        for code in f.codes("pembimbing"):
            by_supervisor.setdefault(code, []).append(f)
    for c in counts:
        members = by_supervisor[c.code]
        href = filter_href(base, pembimbing=c.code)

        def n(key: str, code: str, members=members, c=c) -> Markup | str:
            value = sum(1 for f in members if code in f.codes(key))
            return _cell_link(filter_href(base, pembimbing=c.code, **{key: code}), thousands(value)) if value else "0"
        rows.append([_cell_link(href, c.label), thousands(len(members)), n("status", "disetujui"), n("status", "draf"),
                     n("kelengkapan", "belum_lengkap"),
                     *[n("capaian", b) for b in BANDS]])
    table = _table(["Dosen pembimbing", "Laporan", "Disetujui", "Draf", "Belum lengkap",
                    *[BAND_LABELS[b] for b in BANDS]], rows, folded=False)
    return _figure(svg, "Laporan per dosen pembimbing menurut status; tabel: status, kelengkapan dan capaian.",
                   "Draf: tanggal persetujuan belum diisi. Belum lengkap: ada bagian wajib yang masih kosong. "
                   "Laporan dengan dua pembimbing dihitung untuk Pembimbing I dan Pembimbing II.", table)


INSTITUTION_YEARS = 6   # the newest years get a series each; older ones are summed
INSTITUTION_BARS = 30   # the chart shows the institutions with most reports; the table lists all


def _institutions(facts: list[ReportFacts], base: str) -> str:
    """Per partner institution: reports per year (stacked bars) and the full institution × year table."""
    counts = sorted(facet_counts(facts, "institusi"), key=lambda c: (-c.count, c.label.casefold()))
    if not counts:
        return ""
    years = sorted({f.year for f in facts})
    shown = years[-INSTITUTION_YEARS:]
    older = years[:-INSTITUTION_YEARS]
    per_year: dict[tuple[str, int], int] = {}
    for f in facts:
        for code in f.codes("institusi"):
            per_year[code, f.year] = per_year.get((code, f.year), 0) + 1

    def in_year(code: str, year_set) -> int:
        return sum(per_year.get((code, y), 0) for y in year_set)
    series = ([(f"≤ {older[-1]}", None)] if older else []) + [(str(y), filter_href(base, tahun=str(y))) for y in shown]
    bars = []
    for c in counts[:INSTITUTION_BARS]:
        parts = ([(f"≤ {older[-1]}", in_year(c.code, set(older)), None)] if older else [])
        parts += [(str(y), in_year(c.code, {y}), filter_href(base, institusi=c.code, tahun=str(y))) for y in shown]
        bars.append(Bar(c.label, filter_href(base, institusi=c.code), tuple(parts)))
    description = "; ".join(f"{bar.label}: " + ", ".join(f"{n} {v}" for n, v, _ in bar.parts if v) for bar in bars)
    svg = bars_svg(bars, series, title="Laporan per institusi mitra dan tahun", description=description + ".",
                   css_class="casebook-statistik-institusi")
    rows = [[_cell_link(filter_href(base, institusi=c.code), c.label)]
            + [_cell_link(filter_href(base, institusi=c.code, tahun=str(y)), thousands(v)) if (v := in_year(c.code, {y}))
               else "0" for y in years] + [thousands(c.count)] for c in counts]
    table = _table(["Institusi", *[str(y) for y in years], "Jumlah"], rows, folded=False)
    note = (f"Grafik: {INSTITUTION_BARS} institusi dengan laporan terbanyak; tabel: semua {thousands(len(counts))} institusi."
            if len(counts) > INSTITUTION_BARS else "")
    return _figure(svg, "Laporan per institusi mitra, menurut tahun.", note, table)


def summary_line(facts: list[ReportFacts]) -> str:
    if not facts:
        return "Belum ada laporan di arsip."
    first, last = min(f.year for f in facts), max(f.year for f in facts)
    years = f"tahun {first}" if first == last else f"tahun {first}–{last}"
    institutions = len({code for f in facts for code in f.codes("institusi")})
    drafts = sum(1 for f in facts if "draf" in f.codes("status"))
    incomplete = sum(1 for f in facts if "belum_lengkap" in f.codes("kelengkapan"))
    return (f"{thousands(len(facts))} laporan · {years} · {thousands(institutions)} institusi · "
            f"{thousands(drafts)} draf · {thousands(incomplete)} belum lengkap")


def statistics_page(facts: list[ReportFacts], catalogue_href: str = "../") -> str:
    """HTML body of "Statistik arsip"; `catalogue_href` is the catalogue's URL relative to this page."""
    summary = f'<p class="casebook-statistik-ringkasan">{escape(summary_line(facts))}</p>'
    if not facts:
        return f'<div class="casebook-statistik">{summary}</div>'
    base = catalogue_href
    sections = [
        ("Laporan per tahun dan setting", _year_setting(facts, base)),
        ("Teknik yang dipakai", _frequency(
            facts, "teknik", base, what="Teknik", title="Teknik menurut jumlah laporan",
            caption="Teknik pekerjaan sosial menurut jumlah laporan yang memakainya.",
            note="Satu laporan dapat memakai beberapa teknik; setiap laporan dihitung sekali per teknik.",
            css_class="casebook-statistik-teknik")),
        ("Alat asesmen", _frequency(
            facts, "alat", base, what="Alat asesmen", title="Alat asesmen menurut jumlah laporan",
            caption="Alat asesmen menurut jumlah laporan yang memakainya.",
            note="Satu laporan dapat memakai beberapa alat asesmen.", css_class="casebook-statistik-alat")),
        ("Metode menurut setting", _methods_by_setting(facts, base)),
        ("Klaster klien", _frequency(
            facts, "klaster", base, what="Klaster klien", title="Klaster klien menurut jumlah laporan",
            caption="Klaster klien menurut jumlah laporan.", note="Satu klien dapat masuk lebih dari satu klaster.",
            css_class="casebook-statistik-klaster")),
        ("Jenis praktikum", _frequency(
            facts, "jenis", base, what="Jenis praktikum", title="Jenis praktikum menurut jumlah laporan",
            caption="Laporan menurut jenis praktikum.", note="", css_class="casebook-statistik-jenis")),
        ("Status laporan", _frequency(
            facts, "status", base, what="Status", title="Laporan menurut status",
            caption="Laporan draf (tanggal persetujuan belum diisi) dan yang sudah disetujui.", note="",
            css_class="casebook-statistik-status")),
        ("Kelengkapan", _frequency(
            facts, "kelengkapan", base, what="Kelengkapan", title="Laporan menurut kelengkapan",
            caption="Laporan yang semua bagian wajibnya terisi (seperti casebook check --rinci).", note="",
            css_class="casebook-statistik-kelengkapan")),
        ("Capaian", _outcomes(facts, base)),
        ("Capaian menurut setting", _outcome_by(facts, "setting", base, what="Setting",
                                                css_class="casebook-statistik-capaian-setting")),
        ("Capaian menurut jenis praktikum", _outcome_by(facts, "jenis", base, what="Jenis praktikum",
                                                        css_class="casebook-statistik-capaian-jenis")),
        ("Capaian menurut tahun", _outcome_by(facts, "tahun", base, what="Tahun", order="year",
                                              css_class="casebook-statistik-capaian-tahun")),
        ("Capaian menurut metode", _outcome_by(facts, "metode", base, what="Metode",
                                               css_class="casebook-statistik-capaian-metode")),
        ("Capaian menurut dosen pembimbing", _outcome_by(facts, "pembimbing", base, what="Dosen pembimbing",
                                                         css_class="casebook-statistik-capaian-pembimbing")),
        ("Dosen pembimbing", _supervisors(facts, base)),
        ("Institusi mitra", _institutions(facts, base)),
    ]
    hint = ('<p class="casebook-statistik-petunjuk">Pilih batang, sel atau baris tabel untuk membuka katalog '
            "yang sudah disaring menurut nilai itu.</p>")
    body = "".join(f'<h2 id="{_anchor(title)}">{escape(title)}</h2>{html}' for title, html in sections if html)
    return f'<div class="casebook-statistik">{summary}{hint}{body}</div>'


def _anchor(title: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in title.casefold()).split())


def statistics_markdown(facts: list[ReportFacts], catalogue_href: str = "../") -> str:
    """The whole page source for `arsip/statistik.md`: title, macros off, the HTML body."""
    header = f"---\ntitle: {json.dumps('Statistik arsip')}\nrender_macros: false\n---\n\n"
    return header + statistics_page(facts, catalogue_href) + "\n"

