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

from macros.render.numbering import Caption
from macros.render.text import prose
from macros.schema import Case
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
        return f"<p>Oleh:</p><p>{escape(student.name)}</p><p>NRP {escape(student.student_number)}</p>"
    group = f'<p class="kelompok">{escape(student.group)}</p>' if student.group else ""
    rows = "".join(f'<tr><td class="nama-penulis">{escape(author.name)}{" (Ketua)" if author.leader else ""}</td>'
                   f'<td class="nrp-penulis">NRP {escape(author.student_number)}</td></tr>' for author in student.authors)
    return f'<p>Disusun oleh:</p>{group}<table class="daftar-penulis"><tbody>{rows}</tbody></table>'


def cover(case: Case, logo_src: str | None) -> str:
    """Halaman judul: kind, title in capitals, logo, author, programme, campus, city, year — centred."""
    logo = (f'<img class="logo-kampus" src="{escape(logo_src)}" alt="Logo {escape(case.student.campus)}">'
            if logo_src else "")
    campus = "".join(f"<p>{escape(line)}</p>" for line in _campus_lines(case))
    return (
        '<section class="sampul" id="sampul">'
        f'<h1 class="sampul-jenis">{escape(report_kind_title(case))}</h1>'
        f'<p class="sampul-judul">{escape(case.report.title.upper())}</p>'
        f"{logo}"
        f'<div class="sampul-penulis">{authors_block(case)}</div>'
        f'<div class="sampul-kampus">{campus}<p>{case.report.year}</p></div>'
        "</section>"
    )


def _signature(role_lines: list[str], person: Pejabat, *, show_role: bool = False) -> str:
    roles = "".join(f"<p>{escape(line)}</p>" for line in role_lines if line)
    staff = f'<p class="nip">NIP {escape(person.staff_number)}</p>' if person.staff_number else ""
    if show_role and person.role:  # a field instructor's position at the institution, under the name
        staff = f'<p class="jabatan-pejabat">{escape(person.role)}</p>' + staff
    return (f'<div class="tanda-tangan">{roles}<div class="ruang-tanda-tangan"></div>'
            f'<p class="nama-pejabat">{escape(person.name)}</p>{staff}</div>')


def approval_page(case: Case) -> str:
    """Lembar pengesahan: who approved the report, when, with room to sign."""
    approval = case.approval
    head = (f'<p class="pengesahan-jenis">{escape(report_kind_title(case))}</p>'
            f'<p class="pengesahan-judul">{escape(case.report.title.upper())}</p>'
            f'<div class="pengesahan-penulis">{authors_block(case)}</div>')
    if approval is None:
        body = '<p class="pengesahan-tanggal">Lembar pengesahan belum diisi (laporan masih draf).</p>'
    else:
        when = (f"Telah disetujui pada tanggal {format_date(approval.approved_on, weekday=False)}"
                if approval.approved_on else "Belum disetujui (laporan masih draf)")
        head_role = approval.head_of_programme.role or "Ketua Program Studi"
        # Field instructors sign in a column beside the supervisor: two columns keep full names on one
        # line, and the page still holds two field instructors.
        columns = [_signature(["Pembimbing"], approval.supervisor)]
        if approval.field_instructors:
            columns.append("".join(_signature(["Pendamping Lapangan"], person, show_role=True)
                                   for person in approval.field_instructors))
        row = "".join(f'<div class="tanda-tangan-kolom">{column}</div>' for column in columns)
        # The seeds write "Oleh:" after the approval date; before approval "Menyetujui:" reads right.
        by = "Menyetujui:" if approval.approved_on is None else "Oleh:"
        body = (f'<p class="pengesahan-tanggal">{escape(when)}</p><p>{by}</p>'
                f'<div class="tanda-tangan-baris">{row}</div>'
                + _signature(["Mengetahui:", head_role, case.student.campus], approval.head_of_programme))
    return f'<section class="depan pengesahan" id="lembar-pengesahan"><h1>Lembar Pengesahan</h1>{head}{body}</section>'


def foreword(case: Case) -> str:
    """Kata pengantar: the student's text, the thanks in order, place, date and signature line."""
    words = case.foreword
    if words is None:
        return ""
    body = markdown.markdown(prose(words.body), extensions=["attr_list"])
    thanks = ""
    if words.thanks:
        items = "".join(f"<li>{escape(t.name)} selaku {escape(t.role)};</li>" for t in words.thanks)
        thanks = f'<ol class="terima-kasih">{items}</ol>'
    signed = (f'<div class="tanda-tangan-penulis"><p>{escape(words.place)}, {escape(format_date(words.date, weekday=False))}</p>'
              "<p>Praktikan</p></div>")
    return f'<section class="depan kata-pengantar" id="kata-pengantar"><h1>Kata Pengantar</h1>{body}{thanks}{signed}</section>'


def page_placeholder(anchor: str) -> str:
    """Stands for the body page number of `anchor` until the body has been laid out (see render.py)."""
    return f"@@halaman:{anchor}@@"


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
