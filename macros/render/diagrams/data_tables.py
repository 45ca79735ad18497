"""Each diagram's data as a table: for screen readers, for searching, and for anyone who prints in
black and white. On the site the table is folded under the figure; in the PDF it is printed after it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import escape

from macros.render.diagrams.charts import Event
from macros.render.diagrams.ecomap import FLOW_LABELS, RELATION_LABELS
from macros.schema.assessment import Genogram, SistemEcomap
from macros.schema.types import format_date


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="casebook-tabel casebook-data-gambar"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def folded(table_html: str, summary: str = "Data gambar dalam bentuk tabel") -> str:
    return f'<details class="casebook-data-gambar"><summary>{escape(summary)}</summary>{table_html}</details>'


def figure_notes(rows: Iterable[tuple[str, str]]) -> str:
    """A diagram's written notes (an ecomap system's note, a genogram member's) as a list under the figure.

    The folded data table carries them on the site; print leaves that table out unless the campus asks for it
    (`tabel_data_gambar`), so the PDF and the Word file print this list instead: a note a student wrote is
    never site-only. On the site the list is hidden (casebook.css), the table already shows the same words."""
    items = "".join(f"<li><strong>{escape(name)}</strong>: {escape(note)}</li>" for name, note in rows if note)
    return f'<div class="casebook-catatan-gambar"><p><em>Keterangan gambar:</em></p><ul>{items}</ul></div>' if items else ""


def ecomap_notes(systems: Sequence[SistemEcomap]) -> str:
    return figure_notes((f"{s.name} ({s.category})" if s.category else s.name, s.note or "") for s in systems
                        if s.note or s.category)


def genogram_notes(genogram: Genogram) -> str:
    return figure_notes((m.label, m.note or "") for m in genogram.members)


def ecomap_table(systems: Sequence[SistemEcomap]) -> str:
    return _table(["Sistem", "Jenis", "Hubungan", "Arah aliran", "Keterangan"],
                  ((s.name, s.category or "–", RELATION_LABELS[s.relation], FLOW_LABELS[s.flow], s.note or "–") for s in systems))


def genogram_table(genogram: Genogram) -> str:
    labels = {m.id: m.label for m in genogram.members}
    rows = []
    for m in genogram.members:
        parents = ", ".join(labels.get(p, p) for p in (m.father, m.mother) if p) or "–"
        status = ", ".join(s for s in ("orang indeks" if m.index_person else "", "meninggal" if m.deceased else "",
                                       "serumah" if m.household else "") if s) or "–"
        rows.append((m.label, m.sex, str(m.age) if m.age is not None else "–", parents, status, m.note or "–"))
    members = _table(["Anggota", "Jenis kelamin", "Usia", "Orang tua", "Keterangan status", "Catatan"], rows)
    if not genogram.couples:
        return members
    couples = _table(["Pasangan", "Status"], ((f"{labels.get(c.partner_a, c.partner_a)} – {labels.get(c.partner_b, c.partner_b)}",
                                                c.status) for c in genogram.couples))
    return members + couples


def timeline_table(events: Sequence[Event]) -> str:
    ordered = sorted(events, key=lambda e: (e.start, e.lane))
    def when(e: Event) -> str:
        return format_date(e.start) + (f" – {format_date(e.end)}" if e.end > e.start else "")
    return _table(["Tanggal", "Tahap", "Kegiatan"], ((when(e), e.lane, e.text) for e in ordered))


def outcome_table(rows: Sequence[tuple[str, int, str]], target: str) -> str:
    return _table(["Tugas/tujuan", "Skor", "Keterangan"], ((t, str(s), k) for t, s, k in rows)) + (
        f"<p>{escape(target)}</p>" if target else "")
