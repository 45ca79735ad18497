"""Tables and texts of a laboratory practicum report: the area assessment (PPKS/PSKS per RW, potentials and
resources, programmes and policies), micro cases and recommendations.

Pure functions from models to HTML/Markdown strings, every text escaped; captions, numbers and section
headings are added by the page macros (macros/laboratory_macros.py), which know the chapter.
"""

from __future__ import annotations

from collections.abc import Sequence

from macros.render.community import _e, _row, _table, thousands
from macros.render.records import date_span
from macros.render.text import bullets, field_lines, label, plain, prose
from macros.schema.laboratory import AsesmenWilayah, KasusMikro, PotensiSumber, ProgramWilayah, Rekomendasi, TabelRW
from macros.vocabulary import Vocabulary

RESOURCE_KINDS = {"perorangan": "Perorangan", "kelembagaan": "Kelembagaan", "sarana": "Sarana", "ekonomi": "Ekonomi",
                  "alam": "Alam", "sosial_budaya": "Sosial budaya"}


def area_process(area: AsesmenWilayah, vocabulary: Vocabulary) -> str:
    """When, how and where (which RW) the area was mapped, then the process in the students' words."""
    header = field_lines([("Waktu", date_span(area.start, area.end)),
                          ("Metode", ", ".join(vocabulary.label("alat_asesmen", m) for m in area.methods)),
                          ("Wilayah yang dipetakan", ", ".join(area.rw))])
    return f"{header}\n\n{prose(area.process)}\n"


def per_rw(table: TabelRW, rw: Sequence[str], what: str) -> str:
    """Kinds (rows) × RW (columns), each row's total, and each RW's total when every row counts the same unit."""
    units = {row.unit or "jiwa" for row in table.rows}
    header = ["No", what, *rw, "Jumlah"] + ([] if len(units) == 1 else ["Satuan"])
    body = []
    for n, row in enumerate(table.rows, start=1):
        cells = [str(n), _e(row.kind) + (f"<br><small>{_e(row.note)}</small>" if row.note else ""),
                 *(thousands(c) for c in row.counts), f"<strong>{thousands(row.total)}</strong>"]
        body.append(_row(cells + ([] if len(units) == 1 else [_e(row.unit or "jiwa")])))
    foot = ""
    if len(units) == 1 and len(table.rows) > 1 and all(len(row.counts) == len(rw) for row in table.rows):
        sums = [sum(row.counts[i] for row in table.rows) for i in range(len(rw))]
        foot = _row(["", f"<strong>Jumlah ({_e(units.pop())})</strong>", *(thousands(s) for s in sums),
                     f"<strong>{thousands(sum(sums))}</strong>"])
    elif len(units) == 1:
        header[-1] = f"Jumlah ({units.pop()})"
    return _table("casebook-per-rw", header, body, foot)


def source_line(source: str | None) -> str:
    return f"\n\n*Sumber: {plain(source)}*\n" if source else ""


def potentials(rows: Sequence[PotensiSumber]) -> str:
    with_place = any(r.location for r in rows)
    header = ["No", "Potensi/sumber", "Jenis"] + (["Lokasi"] if with_place else []) + ["Pemanfaatan"]
    body = [_row([str(n), _e(r.name), _e(RESOURCE_KINDS[r.kind])] + ([_e(r.location or "–")] if with_place else [])
                 + [_e(r.use)]) for n, r in enumerate(rows, start=1)]
    return _table("casebook-potensi", header, body)


def programmes(rows: Sequence[ProgramWilayah]) -> str:
    """Programmes and policies; the legal basis and the students' note share one column (seven narrow columns
    do not fit a printed page)."""
    with_coverage = any(r.coverage for r in rows)
    with_note = any(r.basis or r.note for r in rows)
    header = (["No", "Program/kebijakan", "Penyelenggara", "Sasaran"] + (["Cakupan"] if with_coverage else [])
              + (["Keterangan"] if with_note else []))

    def note(r: ProgramWilayah) -> str:
        parts = ([f"Dasar hukum: {_e(r.basis)}"] if r.basis else []) + ([_e(r.note)] if r.note else [])
        return "<br>".join(parts) or "–"

    body = [_row([str(n), _e(r.name), _e(r.organiser), _e(r.target)] + ([_e(r.coverage or "–")] if with_coverage else [])
                 + ([note(r)] if with_note else [])) for n, r in enumerate(rows, start=1)]
    return _table("casebook-program", header, body)


def micro_case_profile(case: KasusMikro, vocabulary: Vocabulary) -> str:
    return field_lines([
        ("Kode samaran", case.code),
        ("Tanggal asesmen", date_span(case.date)),
        ("Lokasi", case.location),
        ("Klaster", ", ".join(vocabulary.label("klaster", c) for c in case.clusters)),
        ("Jenis kelamin", case.sex.capitalize() if case.sex else None),
        ("Kelompok usia", case.age_band),
    ])


def micro_case_assessment(case: KasusMikro) -> str:
    body = (_row([str(n), _e(a.aspect), _e(a.finding)]) for n, a in enumerate(case.assessment, start=1))
    return _table("casebook-asesmen-singkat", ["No", "Aspek", "Temuan"], body)


def micro_case_resources(case: KasusMikro) -> str:
    return f"{label('Sistem sumber:')}\n\n{bullets(case.resources)}\n" if case.resources else ""


def micro_case_recommendations(case: KasusMikro) -> str:
    return f"{label('Rekomendasi:')}\n\n{bullets(case.recommendations)}\n"


def recommendations(rows: Sequence[Rekomendasi]) -> str:
    with_basis = any(r.basis for r in rows)
    header = ["No", "Rekomendasi", "Ditujukan kepada"] + (["Dasar temuan"] if with_basis else [])
    body = [_row([str(n), _e(r.item), _e(r.addressee)] + ([_e(r.basis or "–")] if with_basis else []))
            for n, r in enumerate(rows, start=1)]
    return _table("casebook-rekomendasi", header, body)
