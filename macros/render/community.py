"""Tables of a group or community report: the subject's profile, participatory assessment tools,
the action plan, the budget (RAB), participants' attendance and the supervision log.

Pure functions from models to HTML strings, every text escaped; captions and numbers are added by the
page macros (macros/community_macros.py), which know the chapter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import escape

from macros.render.html import table as pairs_table
from macros.render.records import assessment_process, date_span
from macros.render.text import bullets, field_lines, label, prose
from macros.schema.community import (Anggaran, AsesmenPartisipatif, DaftarHadirPeserta, KalenderMusim, KegiatanAksi,
                                     Kesepakatan, PemangkuKepentingan, Peringkat, PemetaanSosial, Supervisi, Transek,
                                     format_rupiah)
from macros.schema.subject import JumlahJenis, KelompokSasaran, Komposisi, Komunitas
from macros.schema.types import MONTHS, format_date
from macros.vocabulary import Vocabulary

MONTH_ABBREVIATIONS = [m[:3].capitalize() for m in MONTHS]
RANKING_METHODS = {"mpa": "Methodology for Participatory Assessment (MPA)", "top": "Technology of Participation (ToP)"}
MARK = "●"  # a filled dot: reads in black and white, unlike a coloured cell


def _e(value) -> str:
    return str(escape(value))


def _row(cells: Iterable[str], tag: str = "td", css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f"<tr{klass}>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def _table(css_class: str, header: Sequence[str], rows: Iterable[str], foot: str = "") -> str:
    head = _row((_e(h) for h in header), "th")
    tfoot = f"<tfoot>{foot}</tfoot>" if foot else ""
    return f'<table class="casebook-tabel {css_class}"><thead>{head}</thead><tbody>{"".join(rows)}</tbody>{tfoot}</table>'


def thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _clusters(codes: Sequence[str], vocabulary: Vocabulary) -> str:
    return ", ".join(vocabulary.label("klaster", c) for c in codes)


# --- the subject -------------------------------------------------------------------------------------


def group_rows(group: KelompokSasaran, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    rows = [
        ("Nama kelompok", group.name),
        ("Kode", group.code),
        ("Jenis kelompok", group.kind),
        ("Tipe kelompok", vocabulary.label("tipe_kelompok", group.group_type) if group.group_type else None),
        ("Dibentuk", group.founded),
        ("Domisili", group.domicile),
        ("Klaster", _clusters(group.clusters, vocabulary)),
        ("Jumlah anggota", f"{group.total} orang ({group.men} laki-laki, {group.women} perempuan)"),
    ]
    return [(k, v) for k, v in rows if v]


def community_rows(community: Komunitas, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    total = community.men + community.women
    rows = [
        ("Desa/kelurahan", community.title),
        ("Kecamatan", community.district),
        ("Kabupaten/kota", community.regency),
        ("Provinsi", community.province),
        ("Wilayah sasaran", ", ".join(community.scope)),
        ("Jumlah kepala keluarga", f"{thousands(community.households)} KK" if community.households is not None else None),
        ("Jumlah penduduk", f"{thousands(total)} jiwa ({thousands(community.men)} laki-laki, "
                            f"{thousands(community.women)} perempuan)"),
        ("Mata pencaharian utama", ", ".join(l.kind for l in community.livelihoods)),
        ("Klaster", _clusters(community.clusters, vocabulary)),
        ("Sumber data", community.data_source),
    ]
    return [(k, v) for k, v in rows if v]


def profile_table(rows: list[tuple[str, str]]) -> str:
    return pairs_table(rows, css_class="casebook-identitas")


def composition(rows: Sequence[Komposisi], band_label: str = "Kelompok usia") -> str:
    """Counts by age band and sex with computed row and column totals."""
    body = (_row([_e(r.age_band), thousands(r.men), thousands(r.women), thousands(r.total)]) for r in rows)
    men, women = sum(r.men for r in rows), sum(r.women for r in rows)
    foot = _row(["<strong>Jumlah</strong>", thousands(men), thousands(women), f"<strong>{thousands(men + women)}</strong>"])
    return _table("casebook-komposisi", [band_label, "Laki-laki", "Perempuan", "Jumlah"], body, foot)


def members(group: KelompokSasaran) -> str:
    """Members by pseudonym code and role; sex and age band only as columns when given."""
    with_sex = any(m.sex for m in group.members)
    with_age = any(m.age_band for m in group.members)
    header = ["No", "Kode", "Peran"] + (["Jenis kelamin"] if with_sex else []) + (["Kelompok usia"] if with_age else [])
    rows = []
    for n, m in enumerate(group.members, start=1):
        cells = [str(n), _e(m.code), _e(m.role)]
        if with_sex:
            cells.append(_e((m.sex or "–").capitalize()))
        if with_age:
            cells.append(_e(m.age_band or "–"))
        rows.append(_row(cells))
    return _table("casebook-anggota", header, rows)


def counts(rows: Sequence[JumlahJenis], what: str) -> str:
    """A count per kind (livelihoods, PPKS, PSKS), the total when every row has the same unit."""
    def amount(r: JumlahJenis) -> str:
        return "–" if r.count is None else f"{thousands(r.count)} {r.unit or 'jiwa'}"

    with_note = any(r.note for r in rows)
    body = [_row([str(n), _e(r.kind), _e(amount(r))] + ([_e(r.note or "–")] if with_note else []))
            for n, r in enumerate(rows, start=1)]
    units = {r.unit or "jiwa" for r in rows}
    foot = ""
    if len(units) == 1 and all(r.count is not None for r in rows) and len(rows) > 1:
        total = f"{thousands(sum(r.count for r in rows))} {units.pop()}"
        foot = _row(["", "<strong>Jumlah</strong>", f"<strong>{_e(total)}</strong>"] + ([""] if with_note else []))
    return _table("casebook-jumlah", ["No", what, "Jumlah"] + (["Keterangan"] if with_note else []), body, foot)


# --- agreement ----------------------------------------------------------------------------------------


def agreement(record: Kesepakatan) -> str:
    header = field_lines([("Tanggal", format_date(record.date)), ("Tempat", record.place), ("Bentuk", record.form),
                          ("Pihak", ", ".join(record.parties))])
    process = f"\n\n{prose(record.process)}" if record.process else ""
    return f"{header}{process}\n\n{label('Isi kesepakatan:')}\n\n{bullets(record.items)}\n"


def participatory_process(assessment: AsesmenPartisipatif, vocabulary: Vocabulary) -> str:
    """Time, place, tools and process: the same fields, printed the same way, as an individual assessment."""
    return assessment_process(assessment, vocabulary)


# --- participatory tools ------------------------------------------------------------------------------


def legend(social_map: PemetaanSosial) -> str:
    rows = (_row([str(n), _e(item.symbol), _e(item.meaning)]) for n, item in enumerate(social_map.legend, start=1))
    return _table("casebook-legenda", ["No", "Simbol", "Keterangan"], rows)


def transect(data: Transek) -> str:
    rows = (_row([f"<strong>{_e(row.aspect)}</strong>"] + [_e(c) for c in row.cells]) for row in data.aspects)
    return _table("casebook-transek", ["Aspek"] + list(data.zones), rows)


def seasonal_calendar(data: KalenderMusim) -> str:
    """Activities × the twelve months; a dot marks a month (no colour needed to read it)."""
    with_note = any(r.note for r in data.rows)
    rows = []
    for row in data.rows:
        months = set(row.months)
        cells = [f'<span aria-label="ya">{MARK}</span>' if m in months else "" for m in range(1, 13)]
        rows.append(_row([_e(row.activity)] + cells + ([_e(row.note or "")] if with_note else [])))
    header = ["Kegiatan/keadaan"] + MONTH_ABBREVIATIONS + (["Keterangan"] if with_note else [])
    return _table("casebook-kalender-musim", header, rows)


def stakeholders(rows: Sequence[PemangkuKepentingan]) -> str:
    body = (_row([str(n), _e(r.party), _e(r.interest), _e(r.influence.capitalize()), _e(r.support.capitalize()),
                  _e(r.role or "–")]) for n, r in enumerate(rows, start=1))
    return _table("casebook-pemangku", ["No", "Pemangku kepentingan", "Kepentingan", "Pengaruh", "Sikap", "Peran"], body)


def ranking(data: Peringkat) -> str:
    """Ranked by votes (ties share a rank), the method named above the table by the caption."""
    body, rank, previous = [], 0, None
    for position, item in enumerate(data.ranked, start=1):
        if item.votes != previous:
            rank, previous = position, item.votes
        body.append(_row([str(rank), _e(item.item), thousands(item.votes)]))
    foot = _row(["", "<strong>Jumlah pemilih</strong>", thousands(data.voters)]) if data.voters else ""
    method = RANKING_METHODS[data.method]
    return (_table("casebook-peringkat", ["Peringkat", "Masalah/kebutuhan", "Suara"], body, foot)
            + f'<p class="casebook-keterangan">Metode: {_e(method)}.</p>')


# --- planning and resources ---------------------------------------------------------------------------


def action_plan(rows: Sequence[KegiatanAksi]) -> str:
    body = (_row([str(n), _e(r.activity), _e(r.goal), _e(r.target), _e(r.time), _e(r.place), _e(r.responsible),
                  _e(r.funding)]) for n, r in enumerate(rows, start=1))
    return _table("casebook-rencana-aksi", ["No", "Kegiatan", "Tujuan", "Sasaran", "Waktu", "Tempat", "Penanggung jawab",
                                            "Sumber dana"], body)


def _volume(value) -> str:
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    whole, _, fraction = text.partition(".")
    return thousands(int(whole)) + (f",{fraction}" if fraction else "")


def budget(data: Anggaran) -> str:
    """RAB with every amount computed (volume × unit price) and the computed total."""
    with_source = any(i.funding for i in data.items)
    body = (_row([str(n), _e(i.item), _volume(i.volume), _e(i.unit), format_rupiah(i.unit_price), format_rupiah(i.computed)]
                 + ([_e(i.funding or "–")] if with_source else []))
            for n, i in enumerate(data.items, start=1))
    foot = _row(["", "<strong>Total</strong>", "", "", "", f"<strong>{format_rupiah(data.computed_total)}</strong>"]
                + ([""] if with_source else []))
    header = ["No", "Uraian", "Volume", "Satuan", "Harga satuan", "Jumlah"] + (["Sumber dana"] if with_source else [])
    return _table("casebook-rab", header, body, foot)


def funding_summary(data: Anggaran) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for item in data.items:
        totals[item.funding or "Tidak disebut"] = totals.get(item.funding or "Tidak disebut", 0) + item.computed
    return list(totals.items())


def participant_attendance(data: DaftarHadirPeserta, order: Sequence[str] = ()) -> str:
    """Participants (by code or role) × meetings, a tick for each presence, counts per meeting."""
    seen = list(dict.fromkeys([*[c for c in order if any(c in m.present for m in data.meetings)],
                               *[p for m in data.meetings for p in m.present]]))
    header = ["No", "Peserta"] + [f"{n}" for n in range(1, len(data.meetings) + 1)] + ["Jumlah hadir"]
    rows = []
    for n, person in enumerate(seen, start=1):
        marks = ["✓" if person in m.present else "–" for m in data.meetings]
        rows.append(_row([str(n), _e(person)] + marks + [str(marks.count("✓"))]))
    foot = _row(["", "<strong>Jumlah</strong>"] + [str(len(set(m.present))) for m in data.meetings] + [""])
    key = "".join(f"<li>Pertemuan {n}: {_e(format_date(m.date))} — {_e(m.activity)}</li>"
                  for n, m in enumerate(data.meetings, start=1))
    return _table("casebook-hadir-peserta", header, rows, foot) + f'<ul class="casebook-keterangan">{key}</ul>'


def supervision_log(rows: Sequence[Supervisi]) -> str:
    body = (_row([str(n), _e(format_date(r.date)), _e(r.supervisor), _e(r.topic), _e(r.follow_up)])
            for n, r in enumerate(rows, start=1))
    return _table("casebook-supervisi", ["No", "Tanggal", "Pembimbing", "Topik", "Tindak lanjut"], body)
