"""Cross-field rules: what a single field cannot know about itself.

Chronology (dates inside the practicum period, stages in order, a mistyped year),
duplicated rows, scores consistent with their parts, references between parts,
files that must exist inside the report folder, and sections left empty.
Each rule is a small function yielding `Problem`s through the `Locator`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from macros.archive.facets import WRITTEN_SEMESTER
from macros.completeness import parts_for
from macros.errors import Problem, Severity
from macros.folder_walk import report_files
from macros.loading import LoadedCase, Locator
from macros.model_paths import YamlPath, format_path, iter_leaves
from macros.schema import Case
from macros.schema.types import format_date

Rule = Callable[[LoadedCase, Locator], Iterable[Problem]]

# Sections whose dates belong to the fieldwork and must fall inside the practicum period.
# Every date of a report lies within `laporan.periode` except these, each with the rule it follows instead. A new
# dated part is checked without anyone listing it (the list of fieldwork parts missed `kasus_mikro` and
# `asesmen_wilayah`: user test s23, F9); tests/test_dates_places.py walks the schema's date fields.
PERIOD_RULES: dict[tuple[str, ...], str] = {
    ("laporan",): "the period itself",
    ("pengesahan",): "approved after the fieldwork: not before it starts",
    ("kata_pengantar",): "written with the report: not before the fieldwork starts",
    ("log_supervisi",): "supervision goes on while the report is written: not before the start, not after approval",
    ("lampiran", "surat"): "dated by their sender: a permit before the start, a completion letter after the end",
}
AFTER_START = {("pengesahan",), ("kata_pengantar",), ("log_supervisi",)}


def period_rule(path: YamlPath) -> tuple[str, ...] | None:
    """The PERIOD_RULES key a date at `path` follows, or None: within the practicum period."""
    keys = tuple(k for k in path if isinstance(k, str))
    return next((prefix for prefix in PERIOD_RULES if keys[:len(prefix)] == prefix), None)


def _stage_name(code: str) -> str:
    return code.replace("_", " ")


def run_checks(loaded: LoadedCase, locator: Locator, vocabulary=None) -> list[Problem]:
    from macros.vocabulary import DEFAULT_VOCABULARY

    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule(loaded, locator))
    problems.extend(check_stage_places(loaded, locator, vocabulary or DEFAULT_VOCABULARY))
    return sorted(set(problems), key=lambda p: (p.line, p.column, p.message))


def _dates(case: Case) -> Iterator[tuple[YamlPath, dt.date]]:
    for path, value in iter_leaves(case):
        if isinstance(value, dt.date):
            yield path, value


def _period_text(case: Case) -> str:
    period = case.report.period
    return f"{format_date(period.start, weekday=False)} – {format_date(period.end, weekday=False)}"


def check_period(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """Fieldwork dates inside the practicum period; a wrong year gets its own hint."""
    case = loaded.case
    start, end = case.report.period.start, case.report.period.end
    if end < start:
        yield locator.problem(("laporan", "periode", "selesai"), "tanggal selesai praktikum sebelum tanggal mulai")
        return
    approved = case.approval.approved_on if case.approval else None
    for path, value in _dates(case):
        rule = period_rule(path)
        if rule in AFTER_START:
            if value < start:
                yield locator.problem(path, f"{format_date(value, weekday=False)} sebelum periode praktikum dimulai "
                                            f"({_period_text(case)})", "periksa tanggalnya, atau perbarui `laporan.periode`")
            elif rule == ("log_supervisi",) and approved and value > approved:
                yield locator.problem(path, f"supervisi {format_date(value, weekday=False)} setelah laporan disetujui "
                                            f"({format_date(approved, weekday=False)})",
                                      "periksa tanggalnya, atau `pengesahan.tanggal_disetujui`")
            continue
        if rule is not None or start <= value <= end:
            continue
        if value.year != start.year:
            try:
                corrected = value.replace(year=start.year)
            except ValueError:
                corrected = None
            if corrected and start <= corrected <= end:
                yield locator.problem(path, f"tahun {value.year} tidak sesuai periode praktikum ({_period_text(case)})",
                                      f"salah ketik tahun? maksud Anda {format_date(corrected, weekday=False)}?")
                continue
        yield locator.problem(path, f"{format_date(value, weekday=False)} di luar periode praktikum ({_period_text(case)})",
                              "periksa tanggalnya, atau perbarui `laporan.periode`")


def check_report_year(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """The year printed on the cover belongs to the practicum (or the year after, when the report is finished then)."""
    report = loaded.case.report
    years = {report.period.start.year, report.period.end.year, report.period.end.year + 1}
    if report.year not in years:
        yield locator.problem(("laporan", "tahun"), f"tahun laporan {report.year} tidak sesuai periode praktikum "
                              f"({_period_text(loaded.case)})", f"maksud Anda {report.period.end.year}?",
                              severity=Severity.WARNING)


# A report is approved while the practicum runs or within a year after it ends (the semester after, a late revision).
APPROVAL_WITHIN_DAYS = 366


def check_dates_after_the_period(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """Dates with no upper bound in `check_period` (approval, foreword, supervision log) are not years after the
    practicum: a trial found `tanggal_disetujui: 2030-01-07` on a 2021 report, printed and exported as such."""
    case = loaded.case
    end = case.report.period.end
    for path, value in _dates(case):
        if period_rule(path) in AFTER_START and (value - end).days > APPROVAL_WITHIN_DAYS:
            yield locator.problem(path, f"{format_date(value, weekday=False)} lebih dari setahun setelah periode praktikum "
                                        f"({_period_text(case)})", "periksa tahunnya", severity=Severity.WARNING)


def check_semester(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """`laporan.semester` names an academic year that holds the practicum, written as the archive's semester facet
    orders it ("Ganjil 2024/2025"); anything else sorts outside time order in the catalogue (trial s24)."""
    report = loaded.case.report
    if not report.semester:
        return
    match = WRITTEN_SEMESTER.match(report.semester)
    if not match:
        yield locator.problem(("laporan", "semester"), f"semester `{report.semester}` tidak berbentuk "
                              "`Ganjil 2024/2025` atau `Genap 2024/2025`",
                              "tulis Ganjil atau Genap, lalu tahun akademiknya; di katalog arsip semester diurutkan "
                              "menurut waktu", severity=Severity.WARNING)
        return
    first, second = int(match.group(2)), int(match.group(3))
    years = {report.period.start.year, report.period.end.year}
    if second != first + 1 or not years & {first, second}:
        yield locator.problem(("laporan", "semester"), f"tahun akademik {first}/{second} tidak memuat periode praktikum "
                              f"({_period_text(loaded.case)})", f"maksud Anda {report.period.start.year - (report.period.start.month < 8)}"
                              f"/{report.period.start.year + (report.period.start.month >= 8)}?", severity=Severity.WARNING)


def check_date_ranges(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """An end date never before its start date, wherever a part has both."""
    leaves = dict(_dates(loaded.case))
    pairs = [("tanggal", "tanggal_selesai"), ("tanggal_mulai", "tanggal_selesai")]
    for path, value in leaves.items():
        for first, last in pairs:
            if path[-1] == last and path[:-1] + (first,) in leaves:
                begin = leaves[path[:-1] + (first,)]
                if value < begin:
                    yield locator.problem(path, f"tanggal selesai {format_date(value, weekday=False)} sebelum tanggal mulai "
                                                f"{format_date(begin, weekday=False)}")


def _stage_starts(case: Case) -> dict[str, tuple[dt.date, YamlPath]]:
    """The first date of each stage and where it is written."""
    found: dict[str, tuple[dt.date, YamlPath]] = {}

    def note(stage: str, date: dt.date | None, path: YamlPath) -> None:
        if date is not None and (stage not in found or date < found[stage][0]):
            found[stage] = (date, path)

    stage_of = case.practicum.data_stages  # which stage a dated section belongs to in this kind of practicum

    def note_data(section: str, date: dt.date | None, path: YamlPath) -> None:
        if section in stage_of:
            note(stage_of[section], date, path)

    for index, record in enumerate(case.stages):
        note(record.stage, record.date, ("tahapan", index, "tanggal"))
    if case.assessment:
        note_data("asesmen", case.assessment.start, ("asesmen", "tanggal_mulai"))
    if case.participatory:
        note_data("asesmen_partisipatif", case.participatory.start, ("asesmen_partisipatif", "tanggal_mulai"))
    if case.agreement:
        note_data("kesepakatan", case.agreement.date, ("kesepakatan", "tanggal"))
    if case.area_assessment:
        note_data("asesmen_wilayah", case.area_assessment.start, ("asesmen_wilayah", "tanggal_mulai"))
    for index, micro in enumerate(case.micro_cases):
        note_data("kasus_mikro", micro.date, ("kasus_mikro", index, "tanggal"))
    if case.plan:
        note_data("rencana_intervensi", case.plan.start, ("rencana_intervensi", "tanggal_mulai"))
    if case.intervention:
        for index, session in enumerate(case.intervention.sessions):
            note_data("intervensi", session.date, ("intervensi", "sesi", index, "tanggal"))
    if case.evaluation:
        note_data("evaluasi", case.evaluation.date, ("evaluasi", "tanggal"))
    if case.termination:
        note_data("terminasi", case.termination.date, ("terminasi", "tanggal"))
    for index, referral in enumerate(case.referrals):
        note_data("rujukan", referral.date, ("rujukan", index, "tanggal"))
    return found


def check_stage_order(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """The helping process runs in order: no stage starts before an earlier one began."""
    case = loaded.case
    starts = _stage_starts(case)
    period = case.report.period
    in_period = {s: v for s, v in starts.items() if period.start <= v[0] <= period.end}  # wrong years reported elsewhere
    kind = case.practicum
    order = [s for s in kind.stages if s not in kind.unordered]
    ordered = [s for s in order if s in in_period]
    for later_index, later in enumerate(ordered):
        later_date, later_path = in_period[later]
        for earlier in ordered[:later_index]:
            earlier_date, _ = in_period[earlier]
            if later_date < earlier_date:
                yield locator.problem(later_path,
                                      f"tahap {_stage_name(later)} ({format_date(later_date, weekday=False)}) dimulai sebelum "
                                      f"tahap {_stage_name(earlier)} ({format_date(earlier_date, weekday=False)})",
                                      f"urutan pertolongan: {', '.join(_stage_name(s) for s in order)}")
                break
    if case.consent and "intervensi" in in_period and case.consent.date > in_period["intervensi"][0]:
        yield locator.problem(("persetujuan", "tanggal"),
                              f"informed consent ({format_date(case.consent.date, weekday=False)}) ditandatangani setelah "
                              f"intervensi dimulai ({format_date(in_period['intervensi'][0], weekday=False)})",
                              "persetujuan klien harus ada sebelum intervensi")
    if "kontrak" in starts and "engagement" in starts and starts["kontrak"][0] < starts["engagement"][0]:
        yield locator.problem(starts["kontrak"][1], "kontrak dibuat sebelum engagement")


def check_stages_of_kind(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """A stage record belongs to the report's practicum kind: `intake` in a community report, or
    `inisiasi_sosial` in an institutional one, has no place in its BAB IV."""
    from macros.practicum import KINDS

    case = loaded.case
    kind = case.practicum
    other_kinds = {code for k in KINDS.values() for code in k.stages} - set(kind.stages)
    for index, record in enumerate(case.stages):
        if record.stage in other_kinds:
            yield locator.problem(("tahapan", index, "tahap"),
                                  f"tahap `{record.stage}` bukan tahap praktikum {kind.code}, jadi catatannya tidak "
                                  "tercetak di BAB IV",
                                  f"tahap praktikum {kind.code}: {', '.join(kind.stages)}; atau periksa "
                                  "`laporan.jenis_praktikum`", severity=Severity.WARNING)


def _duplicates(rows: list, key: Callable, path: YamlPath, what: str, locator: Locator,
                hint: str | Callable[[list], str] = "hapus baris ganda") -> Iterator[Problem]:
    """Rows that repeat an earlier one. `hint`: what to do; for a code or id that names a different thing (two
    micro cases both `KM1`) deleting a row is wrong advice, so those pass `_another_code` (user test s23, F11)."""
    first_seen: dict = {}
    for index, row in enumerate(rows):
        marker = key(row)
        if marker in first_seen:
            yield locator.problem(path + (index,), f"{what} ini sama dengan butir ke-{first_seen[marker] + 1}",
                                  hint(list(first_seen)) if callable(hint) else hint)
        else:
            first_seen[marker] = index


def _another_code(word: str) -> Callable[[list], str]:
    """The hint for a repeated code/id: give this one another, with a free one suggested (KM1, KM2 -> KM3)."""
    def hint(taken: list) -> str:
        texts = [str(t) for t in taken if isinstance(t, str)]
        numbered = [re.fullmatch(r"(.*?)(\d+)", t) for t in texts]
        numbered = [m for m in numbered if m]
        if numbered:
            prefix, width = numbered[-1].group(1), len(numbered[-1].group(2))
            number = max(int(m.group(2)) for m in numbered if m.group(1) == prefix) + 1
            return (f"bila ini {word} yang berbeda, beri {word} lain, misalnya {prefix}{number:0{width}d}; "
                    "bila barisnya memang ganda, hapus salah satunya")
        return f"bila ini {word} yang berbeda, beri {word} lain; bila barisnya memang ganda, hapus salah satunya"
    return hint


def check_duplicates(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    case = loaded.case
    yield from _duplicates(case.stages, lambda r: (r.stage, r.date, r.title), ("tahapan",), "catatan tahap", locator)
    yield from _duplicates(case.interviews, lambda r: (r.activity.lower(), r.date, r.time), ("wawancara",), "baris wawancara", locator)
    yield from _duplicates(case.case_conferences, lambda r: r.code.upper(), ("konferensi_kasus",), "kode konferensi kasus", locator,
                           _another_code("kode"))
    yield from _duplicates(case.references, lambda r: (tuple(r.authors), r.year, r.title.lower()), ("pustaka",), "pustaka", locator)
    table = case.institution.beneficiaries.table if case.institution and case.institution.beneficiaries else None
    if table:
        yield from _duplicates(table.rows, tuple, ("institusi", "penerima_manfaat", "tabel", "baris"), "baris tabel", locator)
    if case.assessment:
        a = case.assessment
        yield from _duplicates(a.strengths, lambda r: r.text.lower(), ("asesmen", "kekuatan"), "butir kekuatan", locator)
        if a.ecomap:
            yield from _duplicates(a.ecomap.systems, lambda r: r.id, ("asesmen", "ecomap", "sistem"), "id sistem ecomap", locator,
                                   _another_code("id"))
        if a.genogram:
            yield from _duplicates(a.genogram.members, lambda r: r.id, ("asesmen", "genogram", "anggota"), "id anggota genogram", locator,
                                   _another_code("id"))
    if case.plan:
        yield from _duplicates(case.plan.activities, lambda r: r.id, ("rencana_intervensi", "kegiatan"), "id kegiatan", locator,
                               _another_code("id"))
    if case.intervention:
        yield from _duplicates(case.intervention.sessions, lambda r: (r.date, r.time, r.title.lower()),
                               ("intervensi", "sesi"), "sesi", locator)
    if case.evaluation:
        yield from _duplicates(case.evaluation.results, lambda r: (r.aspect.lower(), r.before.lower(), r.after.lower()),
                               ("evaluasi", "hasil"), "baris evaluasi", locator)
    if case.appendices and case.appendices.attendance:
        yield from _duplicates(case.appendices.attendance.rows, lambda r: r.student_number,
                               ("lampiran", "daftar_hadir", "baris"), "NRP di daftar hadir", locator)
    if case.appendices:
        yield from _duplicates(case.appendices.photos, lambda r: r.file, ("lampiran", "dokumentasi"), "berkas foto", locator)
    # Each micro case is its own person or family: its code names it in headings, captions and references.
    yield from _duplicates(case.micro_cases, lambda r: r.code.upper(), ("kasus_mikro",), "kode kasus mikro", locator,
                           _another_code("kode"))
    if case.area_assessment:
        area = case.area_assessment
        yield from _duplicates(area.rw, str.lower, ("asesmen_wilayah", "rw"), "RW", locator,
                               "hapus RW yang ganda (dan angkanya di setiap baris `jumlah`), atau perbaiki nomornya")
        for key, table in (("ppks", area.ppks), ("psks", area.psks)):
            if table:
                yield from _duplicates(table.rows, lambda r: r.kind.lower(), ("asesmen_wilayah", key, "baris"),
                                       f"jenis {key.upper()}", locator)


_RW = re.compile(r"\bRW\.?\s*0*(\d{1,3})\b", re.I)


def check_rw_references(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """A place given by RW (`lokasi: RW 09` of a micro case, a resource) names an RW the area assessment mapped: an
    unmapped one is a typo or a place the PPKS/PSKS tables do not cover (user test s23, F9). Every `lokasi` of
    the report is read, so a new located part is checked too."""
    area = loaded.case.area_assessment
    if area is None:
        return
    mapped = {int(m.group(1)) for rw in area.rw for m in _RW.finditer(rw)}
    if not mapped:
        return
    for path, value in iter_leaves(loaded.case):
        if not isinstance(value, str) or not path or path[-1] != "lokasi":
            continue
        named = [m for m in _RW.finditer(value) if int(m.group(1)) not in mapped]
        if named:
            yield locator.problem(path, f"{named[0].group(0)} bukan RW yang dipetakan di `asesmen_wilayah.rw` "
                                        f"({', '.join(area.rw)})",
                                  "periksa nomor RW-nya, atau tambahkan RW itu ke `asesmen_wilayah.rw` (dengan angkanya "
                                  "di tabel PPKS/PSKS)", severity=Severity.WARNING)


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def check_scores(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """TAS overall score = rounded mean of its task ratings (Reid & Epstein)."""
    evaluation = loaded.case.evaluation
    if not evaluation or not evaluation.tas:
        return
    tas = evaluation.tas
    mean = Decimal(sum(t.score for t in tas.tasks)) / len(tas.tasks)
    expected = _round_half_up(mean)
    if tas.score != expected:
        shown = f"{mean:.2f}".replace(".", ",")
        yield locator.problem(("evaluasi", "tas", "skor"),
                              f"skor TAS {tas.score} tidak sesuai nilai tugas (rata-rata {shown}, dibulatkan {expected})",
                              "perbaiki skor keseluruhan atau nilai per tugas")


def check_budget(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """RAB arithmetic: a stated amount is volume × unit price, a stated total is the sum of the amounts."""
    from macros.schema.community import format_rupiah

    budget = loaded.case.budget
    if not budget:
        return
    for index, item in enumerate(budget.items):
        if item.amount is not None and item.amount != item.computed:
            yield locator.problem(("anggaran", "butir", index, "jumlah"),
                                  f"jumlah {format_rupiah(item.amount)} tidak sama dengan volume × harga satuan "
                                  f"({_volume_text(item.volume)} × {format_rupiah(item.unit_price)} = {format_rupiah(item.computed)})",
                                  "perbaiki angkanya, atau hapus `jumlah` agar dihitung otomatis")
    if budget.total is not None and budget.total != budget.computed_total:
        yield locator.problem(("anggaran", "total"),
                              f"total {format_rupiah(budget.total)} tidak sama dengan jumlah semua baris "
                              f"({format_rupiah(budget.computed_total)})",
                              "perbaiki total atau baris anggarannya, atau hapus `total` agar dihitung otomatis")


def _volume_text(value) -> str:
    text = f"{value:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text).replace(".", ",")


def check_table_shapes(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    case = loaded.case
    table = case.institution.beneficiaries.table if case.institution and case.institution.beneficiaries else None
    if table:
        for index, row in enumerate(table.rows):
            if len(row) != len(table.columns):
                yield locator.problem(("institusi", "penerima_manfaat", "tabel", "baris", index),
                                      f"baris berisi {len(row)} sel, padahal tabel punya {len(table.columns)} kolom")
    area = case.area_assessment
    # A repeated RW is reported once (check_duplicates); every row's count would follow it (user test s23, F11).
    rw_repeated = bool(area) and len({rw.lower() for rw in area.rw}) != len(area.rw)
    for key, rw_table in (("ppks", area.ppks), ("psks", area.psks)) if area and not rw_repeated else ():
        for index, row in enumerate(rw_table.rows if rw_table else ()):
            if len(row.counts) != len(area.rw):
                yield locator.problem(("asesmen_wilayah", key, "baris", index, "jumlah"),
                                      f"`jumlah` berisi {len(row.counts)} angka, padahal ada {len(area.rw)} RW "
                                      f"({', '.join(area.rw)})", "tulis satu angka per RW, urut seperti `rw`; 0 bila tidak ada")
    attendance = case.appendices.attendance if case.appendices else None
    if attendance:
        for index, row in enumerate(attendance.rows):
            if len(row.present) != attendance.weeks:
                yield locator.problem(("lampiran", "daftar_hadir", "baris", index, "hadir"),
                                      f"kehadiran berisi {len(row.present)} minggu, padahal `jumlah_minggu` {attendance.weeks}")


def check_references(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """Ids that one part uses must exist in the part they point to."""
    case = loaded.case
    if case.intervention:
        known = {a.id for a in case.plan.activities} if case.plan else set()
        for index, session in enumerate(case.intervention.sessions):
            if session.activity and session.activity not in known:
                hint = f"id yang ada: {', '.join(sorted(known))}" if known else "isi dulu `rencana_intervensi.kegiatan`"
                yield locator.problem(("intervensi", "sesi", index, "kegiatan"),
                                      f"kegiatan `{session.activity}` tidak ada di rencana intervensi", hint)
    genogram = case.assessment.genogram if case.assessment else None
    if genogram:
        ids = {m.id for m in genogram.members}
        for index, member in enumerate(genogram.members):
            for key, ref in (("ayah", member.father), ("ibu", member.mother)):
                if ref and ref not in ids:
                    yield locator.problem(("asesmen", "genogram", "anggota", index, key), f"anggota `{ref}` tidak ada di genogram")
        for index, couple in enumerate(genogram.couples):
            for key, ref in (("a", couple.partner_a), ("b", couple.partner_b)):
                if ref not in ids:
                    yield locator.problem(("asesmen", "genogram", "pasangan", index, key), f"anggota `{ref}` tidak ada di genogram")
        index_people = [i for i, m in enumerate(genogram.members) if m.index_person]
        if len(index_people) != 1:
            yield locator.problem(("asesmen", "genogram", "anggota"),
                                  f"genogram harus punya tepat satu orang indeks (klien), ditemukan {len(index_people)}",
                                  "beri `indeks: true` pada klien")


def check_files(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """Every referenced file exists inside the report's media/ folder, is of an accepted kind and can be
    published (macros/privacy/media.py); files in media/ the report names nowhere are never published."""
    from macros.privacy.media import MediaRefused, inspect_media
    from macros.publication import ELSEWHERE, OUTSIDE, declared_media, named_files, normalise_media_path, page_media_locations

    refs: list[tuple[YamlPath, str]] = named_files(loaded.case)
    folder = loaded.folder.resolve()
    shown_folder = Path(locator.file).parent
    for path, name in refs:
        target = (loaded.folder / name).resolve()
        relative = normalise_media_path(name)
        if any(mark in name for mark in "#?%"):
            # Read as a web address these cut or decode the name (`Foto #1.jpg` -> `Foto `): the photo would be
            # declared under one name and looked for under another, and vanish from the site and the PDF silently.
            yield locator.problem(path, f"nama berkas `{name}` memuat `#`, `?` atau `%`",
                                  "ganti nama berkasnya tanpa tanda itu, misalnya media/foto-1.jpg, lalu tulis nama "
                                  "barunya di sini")
            continue
        linked = (not Path(name).is_absolute() and relative is not None
                  and (any(part.is_symlink() for part in _parts_below(loaded.folder, relative)) or _hard_linked(target)))
        if linked:  # said first: where a link points (perhaps another report's photo) is not the student's point
            yield locator.problem(path, f"berkas `{name}` adalah tautan simbolik atau tautan keras (hard link)",
                                  "salin berkasnya ke folder media/ (jangan pakai tautan simbolik)")
        elif Path(name).is_absolute() or relative is None or not target.is_relative_to(folder):
            yield locator.problem(path, f"berkas `{name}` berada di luar folder laporan",
                                  f"simpan berkas di {loaded.folder.name}/media/ dan tulis jalurnya seperti media/foto.jpg")
        elif not relative.startswith("media/"):
            yield locator.problem(path, f"berkas `{name}` tidak berada di folder media/",
                                  "hanya berkas di folder media/ yang dapat diterbitkan; pindahkan ke media/ dan tulis "
                                  "jalurnya seperti media/foto.jpg")
        elif not target.is_file():
            yield locator.problem(path, f"berkas `{name}` tidak ditemukan",
                                  f"periksa nama berkas (huruf besar/kecil berpengaruh) di folder {loaded.folder.name}/")
        else:
            try:
                notes = inspect_media(target)
            except MediaRefused as exc:
                yield locator.problem(path, f"berkas `{name}`: {exc.message}", exc.hint)
                continue
            for note in notes:
                yield locator.problem(path, f"berkas `{name}`: {note}", "periksa hasilnya di situs",
                                      severity=Severity.WARNING)
    for page, line, column, relative, kind in page_media_locations(loaded.folder):
        target = loaded.folder / relative
        shown = (shown_folder / page).as_posix()
        # Markdown links and images that point outside the report or at no file are the page check's
        # (macros/page_check.py: the strict build would fail on them). A raw HTML image just loses its source
        # in the site, the PDF and Word: a warning here, at its line.
        severity = Severity.WARNING
        if relative == OUTSIDE or (kind == "md" and (relative == ELSEWHERE or not target.is_file())
                                   and not target.is_symlink()):
            continue  # out of the report's folder: the page check's located error
        if relative == ELSEWHERE:
            yield Problem(shown, line, column, "", "gambar atau tautan ini menunjuk ke luar folder media/ laporan ini",
                          "halaman hanya boleh menampilkan berkas dari folder media/ laporannya sendiri; salin berkasnya "
                          "ke sana dan tulis jalurnya seperti media/foto.jpg (Markdown) atau ../media/foto.jpg (HTML)",
                          severity)
        elif any(part.is_symlink() for part in _parts_below(loaded.folder, relative)) or _hard_linked(target):
            yield Problem(shown, line, column, "", f"berkas `{relative}` adalah tautan simbolik atau tautan keras (hard link)",
                          "salin berkasnya ke folder media/ (jangan pakai tautan simbolik)")
        elif not target.resolve().is_relative_to(folder):
            yield Problem(shown, line, column, "", f"berkas `{relative}` berada di luar folder laporan",
                          f"simpan berkas di {loaded.folder.name}/media/")
        elif not target.is_file():
            yield Problem(shown, line, column, "", f"berkas `{relative}` tidak ditemukan",
                          f"periksa nama berkas (huruf besar/kecil berpengaruh) di folder {loaded.folder.name}/media/",
                          severity)
        else:
            try:
                inspect_media(target)
            except MediaRefused as exc:
                yield Problem(shown, line, column, "", f"berkas `{relative}`: {exc.message}", exc.hint)
    declared = declared_media(loaded)
    media = loaded.folder / "media"
    for item in _media_items(loaded.folder) if media.is_dir() else []:
        if item.name.startswith(".") or not (item.is_file() or item.is_symlink()) or item.is_dir():
            continue
        relative = item.relative_to(loaded.folder).as_posix()
        if relative not in declared:
            yield Problem((shown_folder / relative).as_posix(), 1, 1, "",
                          "berkas ini tidak dirujuk laporan, jadi tidak diterbitkan",
                          "rujuk di kasus.yml (misalnya lampiran.dokumentasi) atau di halaman bab bila perlu terbit; "
                          "bila tidak, hapus dari folder media/", Severity.WARNING)


def _media_items(folder: Path) -> list[Path]:
    """Everything under the report's media/ (bounded, iterative: macros/folder_walk.py; load_case refused a tree
    past its bounds before the checks run)."""
    return [Path(full) for relative, full in report_files(folder) if relative.startswith("media/")]


def _hard_linked(path: Path) -> bool:
    """The same file as another (a hard link): perhaps another report's photo or rahasia.yml."""
    try:
        return path.is_file() and path.stat().st_nlink > 1
    except OSError:
        return False


def _parts_below(folder: Path, relative: str) -> list[Path]:
    """`media/a/b.jpg` -> [folder/media, folder/media/a, folder/media/a/b.jpg]: each may be a symlink."""
    parts, current = [], folder
    for name in relative.split("/"):
        current = current / name
        parts.append(current)
    return parts


def check_empty_parts(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """A required part of the campus structure left empty is a warning (an error with --strict).

    A section missing altogether is one warning, not one per part it would hold.
    """
    parts = parts_for(loaded.case)
    absent_sections = {part.path[0] for part in parts if len(part.path) > 1 and loaded.document.data.get(part.path[0]) is None}
    reported: set[str] = set()
    for part in parts:
        if not part.required or part.filled(loaded.case):
            continue
        section = part.path[0]
        if section in absent_sections:
            if section not in reported:
                reported.add(section)
                kind = loaded.case.practicum
                example = f"docs/templat/{kind.templates}/kasus.yml" if kind.templates else "docs/templat/kasus.yml"
                yield locator.problem((section,), f"bagian \"{part.group}\" (`{section}`) belum diisi",
                                      f"lihat contoh di {example}", severity=Severity.WARNING)
            continue
        hint = (f"tambahkan butir `- tahap: {part.label.lower().replace(' ', '_')}` di `tahapan`" if part.path == ("tahapan",)
                else f"isi `{format_path(part.path)}` di kasus.yml")
        yield locator.problem(part.path, f"bagian \"{part.name}\" belum diisi", hint, severity=Severity.WARNING)


def check_privacy(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """Nothing that identifies the client: private strings from rahasia.yml and identity patterns (NIK, HP, ...)."""
    from macros.privacy.gate import scan_report  # the gate imports this package's loader

    yield from scan_report(loaded, locator)


def check_identities_recorded(loaded: LoadedCase, locator: Locator) -> Iterator[Problem]:
    """Micro cases and group members have their real identity in rahasia.yml, so the gate can look for it."""
    from macros.privacy.identities import unrecorded_identities

    yield from unrecorded_identities(loaded, locator)


def check_stage_places(loaded: LoadedCase, locator: Locator, vocabulary) -> Iterator[Problem]:
    from macros.vocabulary import DEFAULTS

    """A stage record goes into BAB IV by its stage's kind; a campus stage without a kind has no place there,
    and nothing a student wrote may be left out silently."""
    for index, record in enumerate(loaded.case.stages):
        if vocabulary.stage_kind(record.stage) is None:
            kinds = ", ".join(DEFAULTS["tahap"])
            yield locator.problem(("tahapan", index, "tahap"),
                                  f"tahap `{record.stage}` tidak punya jenis, jadi catatannya tidak punya tempat di BAB IV",
                                  f"di mkdocs.yml tulis `{record.stage}: {{label: ..., jenis: ...}}` di "
                                  f"extra.casebook.kosakata.tahap; jenis salah satu dari: {kinds}",
                                  severity=Severity.WARNING)


RULES: list[Rule] = [check_period, check_report_year, check_dates_after_the_period, check_semester, check_date_ranges, check_stage_order, check_stages_of_kind,
                     check_duplicates, check_scores, check_budget,
                     check_table_shapes, check_references, check_files, check_empty_parts, check_privacy,
                     check_identities_recorded, check_rw_references]
