"""Data tables of a report as HTML: pure functions from models to strings.

Captions and numbering ("Tabel 4.1 ...") are added by the page macros, which know
the chapter; these functions only draw the table. Every text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import escape

from macros.schema.appendix import DaftarHadir
from macros.schema.assessment import ButirKekuatan
from macros.schema.evaluation import HasilSebelumSesudah
from macros.schema.plan import KegiatanIntervensi, SesiIntervensi, Tujuan
from macros.schema.process import Wawancara
from macros.schema.types import format_date
from macros.vocabulary import Vocabulary


def _row(cells: Iterable[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def _table(css_class: str, header: Sequence[str], body_rows: Iterable[str]) -> str:
    head = _row((str(escape(h)) for h in header), "th")
    return f'<table class="casebook-tabel {css_class}"><thead>{head}</thead><tbody>{"".join(body_rows)}</tbody></table>'


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def interview_log(interviews: Sequence[Wawancara]) -> str:
    """Tabel Tahapan Wawancara: No, Kegiatan, Hari/Tanggal, Waktu, Hasil."""
    rows = (_row([str(number), str(escape(i.activity)), str(escape(format_date(i.date))), str(escape(str(i.time))),
                  str(escape(i.result))]) for number, i in enumerate(interviews, start=1))
    return _table("casebook-wawancara", ["No", "Kegiatan", "Hari/Tanggal", "Waktu", "Hasil"], rows)


def strengths_quadrant(items: Sequence[ButirKekuatan]) -> str:
    """Kuadran kekuatan (Cowger/Saleebey): kelebihan/kekurangan × personal/lingkungan, items placed by their axes."""
    def cell(kind: str, domain: str) -> str:
        chosen = [i.text for i in items if i.kind == kind and i.domain == domain]
        return _list(chosen) if chosen else "–"

    rows = (_row([f"<strong>{label}</strong>", cell(kind, "personal"), cell(kind, "lingkungan")])
            for kind, label in (("kelebihan", "Kelebihan"), ("kekurangan", "Kekurangan")))
    return _table("casebook-kuadran", ["", "Personal", "Lingkungan"], rows)


def before_after(results: Sequence[HasilSebelumSesudah]) -> str:
    """Evaluation table: one group header row per aspect, then its before/after rows, in first-seen order."""
    aspects: dict[str, list[HasilSebelumSesudah]] = {}
    for row in results:
        aspects.setdefault(row.aspect, []).append(row)
    body = []
    for aspect, rows in aspects.items():
        body.append(f'<tr class="casebook-aspek"><th colspan="2">{escape(aspect)}</th></tr>')
        body.extend(_row([str(escape(r.before)), str(escape(r.after))]) for r in rows)
    return _table("casebook-evaluasi", ["Kondisi Sebelum Intervensi", "Kondisi Setelah Intervensi"], body)


def _goal(goal: Tujuan) -> str:
    return f"{escape(goal.text)} (target: {escape(goal.target)}; tenggat: {escape(goal.deadline)})"


def plan_table(activities: Sequence[KegiatanIntervensi], vocabulary: Vocabulary) -> str:
    """Rencana intervensi with the seeds' six columns."""
    body = []
    for a in activities:
        goals = f"<p><strong>Tujuan:</strong> {_goal(a.goal)}</p>"
        if a.sub_goals:
            goals += "<p><strong>Tujuan khusus:</strong></p><ul>" + "".join(f"<li>{_goal(g)}</li>" for g in a.sub_goals) + "</ul>"
        period = format_date(a.start, weekday=False) + (f" – {format_date(a.end, weekday=False)}" if a.end else "")
        sessions = f" ({a.sessions} sesi)" if a.sessions else ""
        method = f"<p><strong>Metode:</strong> {escape(vocabulary.label('metode', a.method))}</p>"
        if a.group_type:
            method += f"<p><strong>Tipe kelompok:</strong> {escape(vocabulary.label('tipe_kelompok', a.group_type))}</p>"
        method += "<p><strong>Teknik:</strong></p>" + _list(vocabulary.label("teknik", t) for t in a.techniques)
        body.append(_row([str(escape(a.name)), goals, _list(a.parties), f"{escape(period)}{escape(sessions)}, {escape(a.place)}",
                          method, _list(a.indicators)]))
    header = ["Intervensi", "Tujuan (SMART)", "Pihak yang Terlibat", "Waktu & Tempat", "Metode dan Teknik", "Indikator Keberhasilan"]
    return _table("casebook-rencana", header, body)


def attendance(sheet: DaftarHadir) -> str:
    """Weekly attendance: weeks grouped under one header (fits a page at seven weeks and more); ✓ present, – absent."""
    weeks = range(1, sheet.weeks + 1)
    head = (f'<tr><th rowspan="2">No</th><th rowspan="2">Nama</th><th rowspan="2">NRP</th>'
            f'<th colspan="{sheet.weeks}">Minggu ke-</th><th rowspan="2">Ket.</th></tr>'
            + _row((str(w) for w in weeks), "th"))
    rows = (_row([str(n), str(escape(r.name)), str(escape(r.student_number)), *("✓" if p else "–" for p in r.present),
                  str(escape(r.note or ""))]) for n, r in enumerate(sheet.rows, start=1))
    return f'<table class="casebook-tabel casebook-hadir"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def session_log(sessions: Sequence[SesiIntervensi]) -> str:
    """Dated log of sessions/group meetings: Hari/Tanggal, Kegiatan, Anggota."""
    rows = (_row([str(escape(format_date(s.date))), str(escape(s.title)), str(escape(", ".join(s.members) or "–"))])
            for s in sessions)
    return _table("casebook-log-sesi", ["Hari/Tanggal", "Kegiatan", "Anggota Kelompok"], rows)


def data_table(table) -> str:
    """A free-form data table (`Tabel`: judul, kolom, baris, sumber); the caption is added by the page macro."""
    rows = (_row(str(escape(cell)) for cell in row) for row in table.rows)
    html = _table("casebook-data", table.columns, rows)
    if table.source:
        html += f'<p class="casebook-sumber">Sumber: {escape(table.source)}</p>'
    return html


def tas_table(tas) -> str:
    """Task Achievement Scale: Tugas, Skor, Tingkat capaian; the overall score in the last row."""
    from macros.schema.evaluation import TAS_LABELS

    rows = [_row([str(escape(t.task)), str(t.score), TAS_LABELS[t.score]]) for t in tas.tasks]
    rows.append(_row(["<strong>Skor keseluruhan</strong>", f"<strong>{tas.score}</strong>", str(escape(tas.label))]))
    html = _table("casebook-tas", ["Tugas", "Skor (0–4)", "Tingkat capaian"], rows)
    if tas.minimum is not None:
        html += f"<p>Batas keberhasilan: {tas.minimum}.</p>"
    return html


def gas_table(goals) -> str:
    """Goal Attainment Scaling: Tujuan, Skor (−2..+2, zero unsigned), Tingkat capaian, the student's Keterangan."""
    from macros.render.text import signed
    from macros.schema.evaluation import GAS_LABELS

    rows = (_row([str(escape(g.goal)), signed(g.score), GAS_LABELS[g.score], str(escape(g.note or "–"))]) for g in goals)
    return _table("casebook-gas", ["Tujuan", "Skor (−2 s.d. +2)", "Tingkat capaian", "Keterangan"], rows)
