"""Dates and places a report gives are consistent with its practicum (user test s23, F9): every date field of
every kind lies within `laporan.periode` unless checks.PERIOD_RULES says which rule it follows instead; a `lokasi`
names an RW the area assessment mapped. Plus the wording of repeated codes and the single message of a repeated
RW (F11)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import typing
import types

import pytest
from pydantic import BaseModel

from macros.checks import PERIOD_RULES, check_period, check_table_shapes, check_duplicates, period_rule
from macros.loading import load_case
from macros.model_paths import iter_leaves
from macros.schema import Case
from tests.helpers import ROOT

LAB = "lab-mekarsantun-2024"


def _date_fields(model: type[BaseModel], path: tuple = (), depth: int = 0):
    """The YAML path of every date field in the schema (list items as 0)."""
    for name, info in model.model_fields.items():
        key = info.alias or name

        def leaves(t):
            origin = typing.get_origin(t)
            if origin in (typing.Union, types.UnionType, list, typing.Annotated):
                for arg in typing.get_args(t):
                    yield from leaves(arg)
            else:
                yield t
        for t in leaves(info.annotation):
            if isinstance(t, type) and issubclass(t, BaseModel) and depth < 6:
                yield from _date_fields(t, path + (key,), depth + 1)
            elif t is dt.date:
                yield path + (key,)


def test_every_date_field_of_the_schema_has_a_period_rule_and_the_rules_name_real_fields():
    fields = list(_date_fields(Case))
    assert len(fields) > 20, fields
    for prefix in PERIOD_RULES:  # no rule for a part that does not exist
        assert any(f[:len(prefix)] == prefix for f in fields), prefix
    within = [f for f in fields if period_rule(f) is None]
    # the parts the user test found unchecked are among those that must lie within the period
    for part in [("kasus_mikro", "tanggal"), ("asesmen_wilayah", "tanggal_mulai"), ("tahapan", "tanggal"),
                 ("daftar_hadir_peserta", "pertemuan", "tanggal"), ("lampiran", "dokumentasi", "tanggal")]:
        assert part in within, part


class _Locator:
    def __init__(self):
        self.paths = []

    def problem(self, path, message, hint="", **_):
        self.paths.append((tuple(path), message))
        return (tuple(path), message)


def _set(model, path, value):
    *parents, last = path
    for key in parents:
        model = model[key] if isinstance(key, int) else getattr(model, _attr(model, key))
    object.__setattr__(model, _attr(model, last), value)  # the models are frozen; this is a test's deep copy


def _attr(model, key):
    return next(n for n, f in type(model).model_fields.items() if (f.alias or n) == key)


def _maximal_cases():
    from tests.maximal import Markers, maximal_reports

    for slug, data in maximal_reports(Markers()).items():
        yield slug, Case.model_validate(data)


def test_every_date_of_every_maximal_report_outside_the_period_is_reported_at_its_path():
    """Every filled date of every kind's maximal report, moved a year after the period, is a message at its own
    path, unless its rule allows it (approval, foreword, letters)."""
    checked = 0
    for slug, case in _maximal_cases():
        for path, value in [(p, v) for p, v in iter_leaves(case) if isinstance(v, dt.date)]:
            rule = period_rule(path)
            if rule == ("laporan",):
                continue
            moved = case.model_copy(deep=True)
            late = case.report.period.end + dt.timedelta(days=400)
            early = case.report.period.start - dt.timedelta(days=400)
            target = early if rule in {("pengesahan",), ("kata_pengantar",), ("log_supervisi",)} else late
            _set(moved, path, target)
            locator = _Locator()
            list(check_period(types.SimpleNamespace(case=moved), locator))
            if rule == ("lampiran", "surat"):
                assert path not in [p for p, _ in locator.paths], (slug, path)
                continue
            assert path in [p for p, _ in locator.paths], (slug, path, locator.paths)
            checked += 1
    assert checked > 40, checked


def _lab(tmp_path, *edits):
    folder = tmp_path / LAB
    shutil.copytree(ROOT / "cases" / LAB, folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    (folder / "kasus.yml").write_text(text, encoding="utf-8")
    return folder


def _messages(folder):
    result = load_case(folder)
    return [(p.field_path, p.message, p.hint, p.line) for p in result.problems]


def test_micro_case_after_the_period_and_supervision_after_approval_are_located(tmp_path):
    text = (ROOT / "cases" / LAB / "kasus.yml").read_text(encoding="utf-8")
    micro_date = re.search(r"kasus_mikro:\n  - kode: KM1\n(?:    .*\n)*?    tanggal: (\S+)", text).group(1)
    log_date = re.search(r"log_supervisi:\n  - \{tanggal: ([\d-]+)", text).group(1)
    approved = re.search(r"tanggal_disetujui: ([\d-]+)", text).group(1)
    after = (dt.date.fromisoformat(approved) + dt.timedelta(days=30)).isoformat()
    folder = _lab(tmp_path, (f"    tanggal: {micro_date}", "    tanggal: 2024-05-18"),
                  (f"log_supervisi:\n  - {{tanggal: {log_date}", f"log_supervisi:\n  - {{tanggal: {after}"))
    found = _messages(folder)
    assert any(p == "kasus_mikro[1].tanggal" and "18 Mei 2024 di luar periode praktikum" in m for p, m, _, _ in found), found
    assert any(p == "log_supervisi[1].tanggal" and "setelah laporan disetujui" in m for p, m, _, _ in found), found


def test_every_lokasi_naming_an_unmapped_rw_is_a_located_warning(tmp_path):
    text = (ROOT / "cases" / LAB / "kasus.yml").read_text(encoding="utf-8")
    places = [m for m in re.finditer(r"lokasi: ([^,}\n]+)", text)]
    assert len(places) >= 3, places
    for index, match in enumerate(places):
        edited = text[:match.start(1)] + "RW 09" + text[match.end(1):]
        folder = tmp_path / f"v{index}" / LAB
        shutil.copytree(ROOT / "cases" / LAB, folder)
        (folder / "kasus.yml").write_text(edited, encoding="utf-8")
        line = text[:match.start()].count("\n") + 1
        found = [(p, m, n) for p, m, _, n in _messages(folder) if "bukan RW yang dipetakan" in m]
        assert len(found) == 1 and found[0][2] == line and found[0][0].endswith("lokasi"), (index, found)
    assert not [m for _, m, _, _ in _messages(_lab(tmp_path / "ok")) if "bukan RW" in m]


def test_a_repeated_micro_case_code_asks_for_another_code_not_to_delete_the_row(tmp_path):
    folder = _lab(tmp_path, ("  - kode: KM2\n", "  - kode: KM1\n"))
    found = [(p, m, h) for p, m, h, _ in _messages(folder) if p == "kasus_mikro[2]"]
    assert found and "beri kode lain, misalnya KM2" in found[0][2] and not found[0][2].startswith("hapus baris ganda"), found


def test_a_repeated_rw_is_one_error_not_one_per_table_row(tmp_path):
    text = (ROOT / "cases" / LAB / "kasus.yml").read_text(encoding="utf-8")
    rw_line = re.search(r"  rw: \[([^\]]+)\]", text)
    first = rw_line.group(1).split(",")[0].strip()
    folder = _lab(tmp_path, (rw_line.group(0), f"  rw: [{rw_line.group(1)}, {first}]"))
    found = _messages(folder)
    assert [p for p, m, _, _ in found if "RW ini sama" in m] != [], found
    assert not [m for _, m, _, _ in found if "padahal ada" in m], found


def _set_data(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _date_leaves(case):
    return [(path, value) for path, value in iter_leaves(case) if isinstance(value, dt.date)]


def _schema_path(path):
    return tuple(part for part in path if not isinstance(part, int))


DAY_FIRST_FORMS = {  # how a student writes 10 September 2024 by hand, in Word or on a phone
    "dd-mm-yyyy": lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    "d/m/yyyy": lambda d: f"{d.day}/{d.month}/{d.year}",
    "dd.mm.yyyy": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "en dash (Word)": lambda d: f"{d.day:02d}\u2013{d.month:02d}\u2013{d.year}",
    "weekday, dd-mm-yyyy": lambda d: f"{['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'][d.weekday()]}, "
                                     f"{d.day:02d}-{d.month:02d}-{d.year}",
    "written": lambda d: f"{d.day} {['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'][d.month - 1]} {d.year}",
    "yyyy/mm/dd": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
}


@pytest.mark.parametrize("form", DAY_FIRST_FORMS)
def test_every_date_field_takes_day_first_dates_as_indonesians_write_them(form):
    """Every date of every kind's maximal report, written day-first (or year-first with slashes), reads as the same
    date; and the maximal reports fill every date field of the schema, so a new date field is covered here too."""
    from pydantic import ValidationError
    from tests.maximal import Markers, maximal_reports

    covered = set()
    for slug, data in maximal_reports(Markers()).items():
        case = Case.model_validate(data)
        leaves = _date_leaves(case)
        written = __import__("copy").deepcopy(data)
        for path, value in leaves:
            _set_data(written, path, DAY_FIRST_FORMS[form](value))
        try:
            again = Case.model_validate(written)
        except ValidationError as exc:
            pytest.fail(f"{slug}: {form}: {exc}")
        assert _date_leaves(again) == leaves, slug
        covered |= {_schema_path(path) for path, _ in leaves}
    assert covered >= {tuple(p) for p in _date_fields(Case)}, set(map(tuple, _date_fields(Case))) - covered


@pytest.mark.parametrize("form,message", [
    (lambda d: f"{d.day}/{d.month}/{d.year % 100:02d}", "hanya dua angka"),
    (lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}" if d.day > 12 else f"{d.day}-{d.month}-{d.year}x", ""),
])
def test_every_date_field_refuses_an_ambiguous_date_at_its_own_path_naming_the_iso_form(form, message):
    """A two-digit year (or the month first) is refused at every date field, each at its own path, and the message
    names the ISO form the student most likely meant."""
    from pydantic import ValidationError
    from tests.maximal import Markers, maximal_reports

    for slug, data in maximal_reports(Markers()).items():
        leaves = _date_leaves(Case.model_validate(data))
        written = __import__("copy").deepcopy(data)
        for path, value in leaves:
            _set_data(written, path, form(value))
        with pytest.raises(ValidationError) as exc:
            Case.model_validate(written)
        errors = {tuple(e["loc"]): e for e in exc.value.errors(include_url=False) if e["type"] == "casebook"}
        for path, value in leaves:
            assert path in errors, (slug, path)
            text = errors[path]["msg"] + " " + errors[path]["ctx"]["saran"]
            assert message in text, text
            if value.day > 12 or message:  # a date that can be told apart names the ISO form
                assert value.isoformat() in text, text
