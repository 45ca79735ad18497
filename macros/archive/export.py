"""The archive catalogue as a spreadsheet, for accreditation (akreditasi) reports.

One row per report, the report's identity and what the archive knows of it (kind, setting,
institution, methods, techniques, tools, outcome, status, supervisor, year, semester); never
the client's identity (no client code, age or family). Written by `casebook export --katalog`
and, in the internal profile, beside the catalogue (Arsip › Katalog links to both files).

Same privacy gate as the site: every cell is checked against every report's private strings
(rahasia.yml) before anything is written, and a hit writes nothing. Cells are plain text: a
student's title starting with `=` stays text in Excel and LibreOffice (no formula injection).

XLSX by openpyxl (maintained, pure Python, the usual reader/writer of Excel files); CSV in
UTF-8 with a byte-order mark, so Excel opens Indonesian text correctly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from macros.archive.facets import ReportFacts
from macros.loading import LoadedCase
from macros.privacy.matching import Needle, Prepared, contains

CATALOGUE_NAME = "katalog-arsip"          # katalog-arsip.csv, katalog-arsip.xlsx
SHEET_TITLE = "Katalog arsip"
# Spreadsheet programs read a cell starting with one of these as a formula (CSV too).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _join(values: Iterable[str]) -> str:
    return "; ".join(v for v in values if v)


def _score(value: float | None, places: int = 0) -> str:
    if value is None:
        return ""
    return f"{value:.{places}f}".replace(".", ",") if places else str(value)


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[ReportFacts, LoadedCase], str]


COLUMNS: tuple[Column, ...] = (
    Column("slug", lambda f, c: f.slug),
    Column("judul", lambda f, c: f.title),
    Column("praktikan", lambda f, c: c.case.student.author_names),
    Column("kampus", lambda f, c: c.case.student.campus),
    Column("program_studi", lambda f, c: c.case.student.programme),
    Column("tahun", lambda f, c: str(f.year)),
    Column("semester", lambda f, c: f.label("semester")),
    Column("jenis_praktikum", lambda f, c: f.label("jenis")),
    Column("setting", lambda f, c: f.label("setting")),
    Column("institusi", lambda f, c: f.label("institusi")),
    Column("klaster_klien", lambda f, c: _join(label for _, label in f.values.get("klaster", ()))),
    Column("metode", lambda f, c: _join(label for _, label in f.values.get("metode", ()))),
    Column("teknik", lambda f, c: _join(label for _, label in f.values.get("teknik", ()))),
    Column("alat_asesmen", lambda f, c: _join(label for _, label in f.values.get("alat", ()))),
    Column("skor_tas", lambda f, c: _score(f.scores.tas)),
    Column("capaian_tas", lambda f, c: f.label("capaian_tas")),
    Column("skor_gas", lambda f, c: _join(f"{s:+d}".replace("+0", "0") for s in f.scores.gas)),
    Column("skor_t_gas", lambda f, c: _score(f.scores.gas_t, 1)),
    Column("capaian_gas", lambda f, c: f.label("capaian_gas")),
    Column("capaian", lambda f, c: f.label("capaian")),
    Column("status", lambda f, c: f.label("status")),
    Column("tanggal_disetujui", lambda f, c: f.approved_on.isoformat() if f.approved_on else ""),
    Column("kelengkapan", lambda f, c: f.label("kelengkapan")),
    Column("bagian_kosong", lambda f, c: _join(f.missing)),
    Column("dosen_pembimbing", lambda f, c: c.case.approval.supervisor.name if c.case.approval else ""),
    # Pembimbing II and the coordinator sign the approval page too (user test s23, F10); own columns, so the
    # `dosen_pembimbing` column keeps meaning Pembimbing I for the campus's existing spreadsheets.
    Column("pembimbing_kedua", lambda f, c: c.case.approval.second_supervisor.name
           if c.case.approval and c.case.approval.second_supervisor else ""),
    Column("koordinator_praktikum", lambda f, c: c.case.approval.coordinator.name
           if c.case.approval and c.case.approval.coordinator else ""),
)
HEADER = tuple(column.header for column in COLUMNS)


def catalogue_rows(facts: list[ReportFacts], cases: dict[str, LoadedCase]) -> list[tuple[str, ...]]:
    """One row per report, newest first, then by title (the catalogue's own order)."""
    ordered = sorted(facts, key=lambda f: (-f.year, f.title.casefold(), f.slug))
    return [tuple(column.value(f, cases[f.slug]) for column in COLUMNS) for f in ordered]


@dataclass(frozen=True)
class CatalogueLeak:
    slug: str
    column: str
    what: str

    def format(self) -> str:
        return f"katalog, laporan {self.slug}, kolom {self.column}: memuat {self.what}"


def catalogue_leaks(rows: list[tuple[str, ...]], needles: list[Needle] | dict[str, list[Needle]]) -> list[CatalogueLeak]:
    """Private strings in any cell: of any report (a list), or, as the site's gate judges a report's own pages, of
    the row's own report (a dict by slug): a row is that report's published data, and one student's institution
    may well be another's client's school (red team s23 #17 blocked the whole internal archive on such a match)."""
    leaks = []
    for row in rows:
        own = needles.get(row[0], []) if isinstance(needles, dict) else needles
        for header, cell in zip(HEADER, row):
            if cell:
                prepared = Prepared.of(cell)
                leaks.extend(CatalogueLeak(row[0], header, n.what) for n in own if contains(prepared, n))
    return leaks


_SCORES = re.compile(r"[+-]?\d+(?:,\d+)?(?:; [+-]?\d+)*")


def _printable(cell: str) -> str:
    """Control characters (refused in kasus.yml already) dropped: the spreadsheet format refuses them, and one such
    cell failed the whole catalogue and the internal campus build (red team s23 #2)."""
    from macros.errors import CONTROL_CHARACTERS

    return CONTROL_CHARACTERS.sub("", cell)


def _safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character gets an apostrophe (OWASP CSV injection);
    scores such as `-1; +2` are left as they are (no formula can hide in digits and signs)."""
    cell = _printable(cell)
    return "'" + cell if cell.startswith(FORMULA_START) and not _SCORES.fullmatch(cell) else cell


def csv_bytes(rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# Columns Casebook itself fills with a number or a date (never free text a student wrote): typed in the XLSX.
NUMBER_COLUMNS = {"tahun": int, "skor_tas": int, "skor_t_gas": lambda text: float(text.replace(",", "."))}
DATE_COLUMNS = {"tanggal_disetujui"}


def _typed(header: str, value: str) -> int | float | dt.date | None:
    """The cell's number or date, or None (text; also an empty or unexpected value, kept as written)."""
    try:
        if value and header in NUMBER_COLUMNS:
            return NUMBER_COLUMNS[header](value)
        if value and header in DATE_COLUMNS:
            return dt.date.fromisoformat(value)
    except ValueError:
        return None
    return None


def xlsx_bytes(rows: list[tuple[str, ...]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    for r, row in enumerate([HEADER, *rows], start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            typed = _typed(HEADER[c - 1], value) if r > 1 else None
            if typed is not None:  # a number or a date a pivot table can count and average (trial s24)
                cell.value = typed
                if isinstance(typed, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                continue
            cell.value = _printable(value)
            cell.data_type = "s"          # text, always: never a formula, whatever the student wrote
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADER))}{len(rows) + 1}"
    for c, header in enumerate(HEADER, start=1):
        longest = max([len(header), *(len(row[c - 1]) for row in rows)])
        sheet.column_dimensions[get_column_letter(c)].width = min(60, max(10, longest + 2))
    # No build time in the document properties: they would say when, not what.
    fixed = dt.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "Casebook"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_catalogue(directory: Path, rows: list[tuple[str, ...]]) -> list[Path]:
    """katalog-arsip.csv and katalog-arsip.xlsx in `directory` (created); returns both paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, content in ((".csv", csv_bytes(rows)), (".xlsx", xlsx_bytes(rows))):
        target = directory / f"{CATALOGUE_NAME}{suffix}"
        partial = target.with_name(target.name + ".sementara")
        partial.write_bytes(content)
        partial.replace(target)     # a reader never sees half a file
        written.append(target)
    return written
