"""Front matter of the submission PDF as HTML: cover, approval page, foreword and the lists.

Pure functions from the report's data. Page numbers are not known here: list entries
carry a placeholder (`page_placeholder`) that the renderer fills from the laid-out body,
and front-matter entries use the print engine's own `target-counter`, so every number is
read off the real layout.
"""

from __future__ import annotations

from dataclasses import dataclass

import markdown
from markupsafe import escape

from macros.render.numbering import INTERNAL, Caption
from macros.render.text import prose
from macros.schema import Case
from macros.pdf.settings import FrontMatterLayout
from macros.schema.front import Pejabat
from macros.schema.types import format_date

KIND_TITLES = {"institusi": "LAPORAN PRAKTIKUM INSTITUSI", "laboratorium": "LAPORAN PRAKTIKUM LABORATORIUM",
               "komunitas": "LAPORAN PRAKTIKUM KOMUNITAS"}


@dataclass(frozen=True)
class TocEntry:
    """One line of the Daftar Isi: `front` entries are numbered i, ii, ... ; the body 1, 2, ..."""

    level: int
    text: str
    anchor: str
    front: bool = False


def report_kind_title(case: Case) -> str:
    return KIND_TITLES.get(case.report.kind, f"LAPORAN PRAKTIKUM {case.report.kind.upper()}")


def _campus_lines(case: Case) -> list[str]:
    """Programme, campus and city in capitals; the city once, even when the campus name holds it."""
    student = case.student
    lines = [f"PROGRAM STUDI {student.programme.upper()}", student.campus.upper()]
    if case.report.city.upper() not in student.campus.upper():
        lines.append(case.report.city.upper())
    return lines


def authors_block(case: Case) -> str:
    """'Oleh:' and who wrote the report: one name and NRP, or a group's names and NRPs in the campus's order."""
    student = case.student
    if not student.group_authors:
        group = f'<p class="kelompok">{escape(student.group)}</p>' if student.group else ""
        return f"<p>Oleh:</p><p>{escape(student.name)}</p><p>NRP {escape(student.student_number)}</p>{group}"
    group = f'<p class="kelompok">{escape(student.group)}</p>' if student.group else ""
    rows = "".join(f'<tr><td class="nama-penulis">{escape(author.name)}{" (Ketua)" if author.leader else ""}</td>'
                   f'<td class="nrp-penulis">NRP {escape(author.student_number)}</td></tr>' for author in student.authors)
    return f'<p>Disusun oleh:</p>{group}<table class="daftar-penulis"><tbody>{rows}</tbody></table>'


def _supervisor_lines(case: Case) -> list[str]:
    """'Pembimbing: …' for the cover, or 'Pembimbing I: …', 'Pembimbing II: …' with two supervisors."""
    approval = case.approval
    if approval is None:
        return []
    glued = lambda person: name_lines_glued(person.name, whole=False)  # noqa: E731 — no title alone on a line
    if approval.second_supervisor is None:
        return [f"Pembimbing: {glued(approval.supervisor)}"]
    return [f"Pembimbing I: {glued(approval.supervisor)}", f"Pembimbing II: {glued(approval.second_supervisor)}"]


def cover(case: Case, logo_src: str | None, layout: FrontMatterLayout = FrontMatterLayout()) -> str:
    """Halaman judul: kind, title in capitals, logo, author(s), supervisor line (per campus), programme,
    campus, city, year — centred."""
    logo = (f'<img class="logo-kampus" src="{escape(logo_src)}" alt="Logo {escape(case.student.campus)}">'
            if logo_src else "")
    campus = "".join(f"<p>{escape(line)}</p>" for line in _campus_lines(case))
    supervisors = ("".join(f"<p>{escape(line)}</p>" for line in _supervisor_lines(case))
                   if layout.cover_supervisor else "")
    supervisors = f'<div class="sampul-pembimbing">{supervisors}</div>' if supervisors else ""
    return (
        '<section class="sampul" id="sampul">'
        f'<h1 class="sampul-jenis">{escape(report_kind_title(case))}</h1>'
        f'<p class="sampul-judul">{escape(case.report.title.upper())}</p>'
        f"{logo}"
        f'<div class="sampul-penulis">{authors_block(case)}</div>'
        f"{supervisors}"
        f'<div class="sampul-kampus">{campus}'
        + (f"<p>{escape(case.report.semester)}</p>" if case.report.semester else "")
        + f"<p>{case.report.year}</p></div>"
        "</section>"
    )


@dataclass(frozen=True)
class _Signature:
    roles: str   # the lines above the room to sign
    name: str    # the signatory's name with titles, as written
    under: str   # under the name: position and NIP/NIDN


def _signature(role_lines: list[str], person: Pejabat, layout: FrontMatterLayout, *,
               position: bool = False) -> _Signature:
    """Role line(s), room to sign, the name; under it, with `position`, the person's position at the
    institution (a field instructor's; not when the role line already says it), and NIP/NIDN (when the
    campus prints them)."""
    roles = "".join(f"<p>{escape(line)}</p>" for line in role_lines if line)
    said = {line.casefold().rstrip(":") for line in role_lines if line}
    under = []
    if position and person.role and person.role.casefold() not in said:
        under.append(f'<p class="jabatan-pejabat">{escape(person.role)}</p>')
    if layout.staff_numbers:
        under += [f'<p class="nip">{label} {escape(number)}</p>'
                  for label, number in (("NIP", person.staff_number), ("NIDN", person.lecturer_number)) if number]
    return _Signature(roles, person.name, "".join(under))


# Advance widths (1/1000 em) of ASCII in Times New Roman Bold (Liberation Serif Bold, metric-compatible): the
# signatory's name is printed bold in the campus serif, in the PDF and in Word alike. Other characters: 0.72 em.
_BOLD_WIDTHS = dict(zip(map(chr, range(32, 127)), (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
    500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
    722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556,
    444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394,
    220, 394, 520)))
SIGNATURE_TEXT_WIDTH_CM = 14.0  # the narrowest text block of the campus profiles (A4, 4 cm + 3 cm margins)
NAME_SIZES_PT = (12, 11, 10, 9)  # a long name is set smaller, down to 9 pt, before it may wrap at all
_CELL_PADDING_EM = 0.8  # print.css: table.tanda-tangan-tabel td padding 0 0.4em (Word: 0.19 cm each side)
_SAFETY = 1.05  # Word's and LibreOffice's cells are a little narrower than WeasyPrint's
NBSP = "\u00a0"


def name_width_em(text: str) -> float:
    return sum(_BOLD_WIDTHS.get(ch, 720) for ch in text) / 1000


def _is_title(tokens: list[str], index: int) -> bool:
    """An academic or religious title: a word with a period (Drs., M.Si., Hj.) or any word after the name's
    first comma (", SH, MH")."""
    return "." in tokens[index] or any(token.endswith(",") for token in tokens[:index])


def name_lines_glued(name: str, *, whole: bool) -> str:
    """The name with non-breaking spaces: everywhere (`whole`), else wherever a title touches a word, so a line
    may break only between two words of the name itself, never leaving "M.Si." or "Drs." on a line alone."""
    tokens = name.split()
    if whole:
        return NBSP.join(tokens)
    out = tokens[:1]
    for index in range(1, len(tokens)):
        glue = _is_title(tokens, index - 1) or _is_title(tokens, index)
        out.append((NBSP if glue else " ") + tokens[index])
    return "".join(out)


def signatory_name(name: str, column_cm: float, size_pt: float) -> tuple[str, float]:
    """(text, size): the name on one line in the largest size up to `size_pt` (not below 9 pt) that fits a
    signature column `column_cm` wide; a name too long even at 9 pt wraps between its own words only."""
    for size in (s for s in NAME_SIZES_PT if s <= size_pt):
        room = column_cm - _CELL_PADDING_EM * size * 2.54 / 72
        if name_width_em(" ".join(name.split())) * size * 2.54 / 72 * _SAFETY <= room:
            return name_lines_glued(name, whole=True), size
    return name_lines_glued(name, whole=False), NAME_SIZES_PT[-1]


def _fits_whole(name: str, column_cm: float) -> bool:
    return " " not in signatory_name(name, column_cm, 11)[0]  # set whole, in some size down to 9 pt


def _name_html(signature: _Signature, column_cm: float, size_pt: float) -> str:
    text, size = signatory_name(signature.name, column_cm, size_pt)
    style = "" if size == size_pt else f' style="font-size: {size:g}pt"'
    return f'<p class="nama-pejabat ukuran-{size:g}"{style}>{escape(text)}</p>{signature.under}'


def _grid(signatures: list[_Signature], columns: int, name_size_pt: float = 12) -> str:
    """Signatures `columns` to a row. Each row is a table of three rows (roles, room to sign, names), so
    names line up even when one role takes more lines than its neighbour's; a shorter row is centred."""
    tables = []
    for start in range(0, len(signatures), columns):
        row = signatures[start:start + columns]
        # Equal columns come from `table-layout: fixed` (print.css); a width on the cells would be added to
        # their padding by WeasyPrint and push the last column into the margin.
        # A signature alone on its row is centred in the full width (its name gets all of it, as in Word).
        share = 100 if len(row) == 1 else max(50, 100 * len(row) / columns)
        column_cm = SIGNATURE_TEXT_WIDTH_CM * share / 100 / len(row)
        cells = lambda html: "".join(f"<td>{part}</td>" for part in html)  # noqa: E731
        tables.append(f'<table class="tanda-tangan-tabel" style="width: {share:.2f}%"><tbody>'
                      f'<tr class="peran">{cells(s.roles for s in row)}</tr>'
                      f'<tr class="ruang">{cells("" for _ in row)}</tr>'
                      f'<tr class="nama">{cells(_name_html(s, column_cm, name_size_pt) for s in row)}</tr></tbody></table>')
    return "".join(tables)


def _rows(approvers: int, knowing: int, columns: int) -> int:
    return -(-approvers // columns) + -(-knowing // columns)


def approval_page(case: Case, layout: FrontMatterLayout = FrontMatterLayout()) -> str:
    """Lembar pengesahan: who approved the report, when, with room to sign; every signatory (1–6) on one
    page in a grid: the approvers (supervisors, field instructors), then 'Mengetahui' (coordinator, head)."""
    if not layout.approval_page:
        return ""
    approval = case.approval
    head = (f'<p class="pengesahan-jenis">{escape(report_kind_title(case))}</p>'
            f'<p class="pengesahan-judul">{escape(case.report.title.upper())}</p>'
            f'<div class="pengesahan-penulis">{authors_block(case)}</div>')
    dense = ""
    if approval is None:
        body = '<p class="pengesahan-tanggal">Lembar pengesahan belum diisi (laporan masih draf).</p>'
    else:
        when = ""
        if layout.approval_date or approval.approved_on is None:
            when = (f"Telah disetujui pada tanggal {format_date(approval.approved_on, weekday=False)}"
                    if approval.approved_on else "Belum disetujui (laporan masih draf)")
            when = f'<p class="pengesahan-tanggal">{escape(when)}</p>'
        two = approval.second_supervisor is not None
        # Every position given is printed (a field without a place would be lost): under each name.
        approvers = [_signature(["Pembimbing I" if two else "Pembimbing"], approval.supervisor, layout, position=True)]
        if two:
            approvers.append(_signature(["Pembimbing II"], approval.second_supervisor, layout, position=True))
        approvers += [_signature(["Pendamping Lapangan"], person, layout, position=True)
                      for person in approval.field_instructors]
        knowing = []
        if approval.coordinator is not None:
            knowing.append(_signature([approval.coordinator.role or "Koordinator Praktikum"], approval.coordinator, layout))
        if approval.head_of_programme is not None:
            head_role = approval.head_of_programme.role or "Ketua Program Studi"
            knowing.append(_signature([head_role, case.student.campus], approval.head_of_programme, layout))
        # Two signatures to a row; three when two would take four rows; with three rows, less room to sign:
        # one page for up to six signatories under up to six authors (tests/test_front_matter_profiles.py).
        columns = 3 if _rows(len(approvers), len(knowing), 2) >= 4 else 2
        if columns == 3 and not all(_fits_whole(s.name, SIGNATURE_TEXT_WIDTH_CM / 3) for s in approvers + knowing):
            columns = 2  # a name that would wrap three to a row gets a half-width column: four tighter rows (.sempit)
            dense = " sempit"
        if _rows(len(approvers), len(knowing), columns) >= 3:
            dense = " rapat" + dense
        # "Menyetujui:" over the signatures, approved or not: the authors' block above already says "Oleh:".
        size = 11 if dense else 12  # print.css: .pengesahan.rapat .nama-pejabat { font-size: 11pt }
        body = f'{when}<p class="menyetujui">Menyetujui:</p>{_grid(approvers, columns, size)}'
        if knowing:
            body += f'<p class="mengetahui">Mengetahui:</p>{_grid(knowing, columns, size)}'

    return (f'<section class="depan pengesahan{dense}" id="lembar-pengesahan"><h1>Lembar Pengesahan</h1>'
            f"{head}{body}</section>")


def abstract_page(case: Case) -> str:
    """ABSTRAK: the student's text and the keywords, after the approval page; listed in the Daftar Isi."""
    if case.abstract is None:
        return ""
    body = markdown.markdown(prose(case.abstract.body), extensions=["attr_list"])
    keywords = f'<p class="kata-kunci"><strong>Kata kunci:</strong> {escape("; ".join(case.abstract.keywords))}</p>'
    return f'<section class="depan abstrak" id="abstrak"><h1>Abstrak</h1>{body}{keywords}</section>'


def foreword_signatory(case: Case) -> str:
    """Who signs the foreword: the student, or for a group report the group as the cover names it ("Kelompok 2"),
    else "Tim Penulis" (user test s23, F14: a five-author report signed "Praktikan")."""
    student = case.student
    if student.group_authors:
        return student.group or "Tim Penulis"
    return "Praktikan"


def foreword(case: Case) -> str:
    """Kata pengantar: the student's text, the thanks in order, place, date and signature line."""
    words = case.foreword
    if words is None:
        return ""
    body = markdown.markdown(prose(words.body), extensions=["attr_list"])
    thanks = ""
    if words.thanks:
        items = "".join(f"<li>{escape(name_lines_glued(t.name, whole=False))} selaku {escape(t.role)};</li>"
                        for t in words.thanks)
        thanks = f'<ol class="terima-kasih">{items}</ol>'
    signed = (f'<div class="tanda-tangan-penulis"><p>{escape(words.place)}, {escape(format_date(words.date, weekday=False))}</p>'
              f"<p>{escape(foreword_signatory(case))}</p></div>")
    return f'<section class="depan kata-pengantar" id="kata-pengantar"><h1>Kata Pengantar</h1>{body}{thanks}{signed}</section>'


def page_placeholder(anchor: str) -> str:
    """Stands for the body page number of `anchor` until the body has been laid out (see render.py)."""
    return f"{INTERNAL}halaman:{anchor}{INTERNAL}"  # no student text can hold INTERNAL (render/numbering.py)


def _entry(text_html: str, anchor: str, css_class: str, *, front: bool = False) -> str:
    # The dot leader and the number are drawn by the print stylesheet from data-halaman
    # (body pages) or from target-counter (front-matter pages, in the same document).
    number = "" if front else f' data-halaman="{escape(page_placeholder(anchor))}"'
    return f'<li class="{css_class}"><a href="#{escape(anchor)}"{number}>{text_html}</a></li>'


def table_of_contents(entries: list[TocEntry]) -> str:
    items = "".join(_entry(str(escape(e.text)), e.anchor, f"tingkat-{e.level}" + (" depan" if e.front else ""), front=e.front)
                    for e in entries)
    return f'<section class="depan daftar" id="daftar-isi"><h1>Daftar Isi</h1><ul class="daftar-isi">{items}</ul></section>'


LIST_TITLES = {"tabel": ("daftar-tabel", "Daftar Tabel"), "gambar": ("daftar-gambar", "Daftar Gambar"),
               "lampiran": ("daftar-lampiran", "Daftar Lampiran")}


def caption_list(kind: str, captions: list[Caption]) -> str:
    """Daftar Tabel / Gambar / Lampiran: label, title, dot leader, page."""
    anchor, title = LIST_TITLES[kind]
    if captions:
        items = "".join(_entry(f"{escape(c.label)} {escape(c.title)}", c.anchor, "tingkat-2") for c in captions)
        listing = f'<ul class="daftar-isi">{items}</ul>'
    else:
        listing = f"<p>Laporan ini tidak memuat {kind}.</p>"
    return f'<section class="depan daftar" id="{anchor}"><h1>{title}</h1>{listing}</section>'
