"""Dates and times as Indonesian students write them."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic_core import PydanticCustomError

from macros.schema.types import TimeRange, format_date, parse_date, parse_time_range


@pytest.mark.parametrize("text", ["2024-09-10", "10 September 2024", "Selasa, 10 September 2024",
                                  "selasa 10 september 2024", "10/09/2024", "10 Sept 2024", "10 Sep. 2024",
                                  # day-first as Indonesians write by hand or in Word (user report s24)
                                  "10-09-2024", "10.09.2024", "10-9-2024", "10 - 09 - 2024", "10\u201309\u20132024",
                                  "Selasa, 10-09-2024", "Selasa, 10/09/2024", "10-Sep-2024", "10-September-2024",
                                  "2024/09/10", "2024-9-10", "Selasa, 2024-09-10"])
def test_accepted_date_forms(text):
    assert parse_date(text) == dt.date(2024, 9, 10)


def test_jumat_spellings():
    assert parse_date("Jum'at, 13 September 2024") == parse_date("Jumat, 13 September 2024") == dt.date(2024, 9, 13)


@pytest.mark.parametrize(("text", "message"), [
    ("Kamis, 10 September 2024", "10 September 2024 jatuh pada hari Selasa, bukan Kamis"),
    ("30 Februari 2024", "tanggal `30 Februari 2024` tidak ada di kalender"),
    ("minggu depan", "format tanggal `minggu depan` tidak dikenal"),
    ("Rabu, 10-09-2024", "10 September 2024 jatuh pada hari Selasa, bukan Rabu"),
    ("10/9/24", "tahun pada tanggal `10/9/24` hanya dua angka"),
    ("09/25/2024", "tanggal `09/25/2024` tidak ada di kalender: bulan 25 tidak ada"),
    ("September 10, 2024", "tanggal `September 10, 2024` menulis bulan lebih dulu"),
    ("10-09/2024", "format tanggal `10-09/2024` tidak dikenal"),
])
def test_rejected_dates(text, message):
    with pytest.raises(PydanticCustomError) as err:
        parse_date(text)
    assert err.value.context["pesan"] == message


def test_format_date_is_indonesian():
    assert format_date(dt.date(2024, 9, 29)) == "Minggu, 29 September 2024"


@pytest.mark.parametrize(("text", "expected"), [
    ("17.00-18.30", TimeRange(dt.time(17), dt.time(18, 30))),
    ("17:00 – 18:30 WIB", TimeRange(dt.time(17), dt.time(18, 30))),
    ("07.53", TimeRange(dt.time(7, 53))),
    ("09.00 s.d. 10.00", TimeRange(dt.time(9), dt.time(10))),
])
def test_time_ranges(text, expected):
    assert parse_time_range(text) == expected


def test_time_range_prints_with_en_dash():
    assert str(parse_time_range("16.30-17.45")) == "16.30–17.45"


@pytest.mark.parametrize("written", ["21-08-2024", "21/08/2024", "21.08.2024", "Rabu, 21-08-2024", "'21-08-2024'",
                                     "21 Agustus 2024", "2024-08-21"])
def test_a_day_first_date_in_kasus_yml_reads_as_the_same_report(tmp_path, written):
    """Through the real loader (YAML 1.2-safe, unquoted or quoted): the report is valid and the date the same."""
    from tests.helpers import write_case_variant
    from macros.loading import load_case

    folder = write_case_variant(tmp_path, "tanggal: 2024-08-21", f"tanggal: {written}")
    result = load_case(folder)
    assert not result.errors, [p.format() for p in result.errors]
    assert result.loaded.case.stages[1].date == dt.date(2024, 8, 21)
