"""Field types that understand how Indonesian students write dates, times and terms.

Each type validates one value in isolation and, when it refuses, says why in
Indonesian through `fail()`. Rules that need two fields (a date inside the
practicum period, stages in order) live in `macros/checks.py`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from macros.vocabulary import DEFAULT_VOCABULARY, Vocabulary

MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember"]
_MONTH_ALIASES = {"jan": 1, "feb": 2, "peb": 2, "pebruari": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
                  "agu": 8, "agt": 8, "ags": 8, "agust": 8, "sep": 9, "sept": 9, "okt": 10, "nop": 11,
                  "nov": 11, "nopember": 11, "des": 12}
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_WEEKDAY_ALIASES = {"jum'at": 4, "jumat": 4, "ahad": 6}

PLACEHOLDER = "<<ISI"


def fail(message: str, hint: str = "") -> PydanticCustomError:
    """A validation error whose text is shown to the student as is."""
    return PydanticCustomError("casebook", "{pesan}", {"pesan": message, "saran": hint})


def format_date(value: dt.date, *, weekday: bool = True) -> str:
    """`Selasa, 10 September 2024` — the form campus reports use."""
    text = f"{value.day} {MONTHS[value.month - 1].capitalize()} {value.year}"
    return f"{WEEKDAYS[value.weekday()]}, {text}" if weekday else text


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return _MONTH_ALIASES.get(word)


def _weekday_number(word: str) -> int | None:
    word = word.lower()
    for index, name in enumerate(WEEKDAYS):
        if word == name.lower():
            return index
    return _WEEKDAY_ALIASES.get(word)


# Numbers first: year-first is ISO (2024-09-10, 2024/09/10); otherwise day-first, as Indonesians write them
# (10-09-2024, 10/09/2024, 10.09.2024). One separator throughout; the month is never first.
_WEEKDAY_PREFIX = re.compile(r"^(?:(?P<weekday>[A-Za-z']+),?\s+)?(?P<rest>\d.*)$")
_ISO = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
_SHORT_YEAR = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})$")
_WRITTEN = re.compile(r"^(?P<day>\d{1,2})(?:\s+|-)(?P<month>[A-Za-z.]+)(?:\s+|-)(?P<year>\d{4})$")
_MONTH_FIRST = re.compile(r"^(?P<month>[A-Za-z.]+)\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$")
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")  # Word turns 10-09-2024 into 10–09–2024

DATE_HINT = "tulis misalnya \"Selasa, 10 September 2024\", 10-09-2024 (hari-bulan-tahun) atau 2024-09-10"


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _calendar_date(value: str, year: int, month: int, day: int, day_first: bool) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        pass
    if day_first and 1 <= day <= 12 and month > 12:  # 09/25/2024: written month first, as in English
        try:
            meant = dt.date(year, day, month)
        except ValueError:
            meant = None
        if meant is not None:
            raise fail(f"tanggal `{value}` tidak ada di kalender: bulan {month} tidak ada",
                       f"tanggal angka ditulis hari-bulan-tahun; untuk {format_date(meant, weekday=False)} tulis "
                       f"{meant.day:02d}-{meant.month:02d}-{meant.year} atau {meant.isoformat()}") from None
    raise fail(f"tanggal `{value}` tidak ada di kalender", "periksa hari dan bulannya") from None


def parse_date(value: Any) -> dt.date:
    """Accept ISO (2024-09-10), day-first numbers as Indonesians write them (10-09-2024, 10/09/2024, 10.09.2024) and
    written Indonesian dates (10 September 2024, 10-Sep-2024), each with an optional weekday that must match. A form
    that could mean two dates (a two-digit year, the month first) is refused with the ISO form it most likely means."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise fail(f"tanggal harus berupa teks, bukan `{value}`", DATE_HINT)
    text = _DASHES.sub("-", " ".join(value.split()))
    text = re.sub(r"\s*/\s*", "/", text)
    prefix = _WEEKDAY_PREFIX.match(text)
    weekday_word = prefix["weekday"] if prefix else None
    rest = prefix["rest"] if prefix else text
    if match := _ISO.match(rest):
        parsed = _calendar_date(value, int(match[1]), int(match[3]), int(match[4]), day_first=False)
    elif match := _DAY_FIRST.match(rest):
        parsed = _calendar_date(value, int(match[4]), int(match[3]), int(match[1]), day_first=True)
    elif match := _SHORT_YEAR.match(rest):
        day, month, year = int(match[1]), int(match[3]), 2000 + int(match[4])
        meant = f"; maksud Anda {_iso(year, month, day)}?" if 1 <= month <= 12 and 1 <= day <= 31 else ""
        raise fail(f"tahun pada tanggal `{value}` hanya dua angka", f"tulis tahunnya lengkap{meant}")
    elif match := _WRITTEN.match(rest):
        month = _month_number(match["month"])
        if month is None:
            raise fail(f"nama bulan `{match['month']}` tidak dikenal", "gunakan nama bulan Indonesia, misalnya September")
        parsed = _calendar_date(value, int(match["year"]), month, int(match["day"]), day_first=False)
    elif (match := _MONTH_FIRST.match(text)) and _month_number(match["month"]):
        month, day, year = _month_number(match["month"]), int(match["day"]), int(match["year"])
        raise fail(f"tanggal `{value}` menulis bulan lebih dulu",
                   f"tulis hari lebih dulu: {day} {MONTHS[month - 1].capitalize()} {year}, atau {_iso(year, month, day)}")
    else:
        raise fail(f"format tanggal `{value}` tidak dikenal", DATE_HINT)
    if weekday_word is not None:
        stated = _weekday_number(weekday_word)
        if stated is None:
            raise fail(f"nama hari `{weekday_word}` tidak dikenal", "gunakan Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, atau Minggu")
        if stated != parsed.weekday():
            raise fail(f"{format_date(parsed, weekday=False)} jatuh pada hari {WEEKDAYS[parsed.weekday()]}, bukan {WEEKDAYS[stated]}",
                       "periksa kembali tanggal atau harinya")
    return parsed


@dataclass(frozen=True)
class TimeRange:
    """A clock time or a start–end range on one day (`17.00-18.30`)."""

    start: dt.time
    end: dt.time | None = None

    def __str__(self) -> str:
        start = self.start.strftime("%H.%M")
        return f"{start}–{self.end.strftime('%H.%M')}" if self.end else start


_TIME_PART = r"(\d{1,2})[.:](\d+)"
_TIME = re.compile(rf"^{_TIME_PART}(?:\s*(?:-|–|—|s\.?d\.?|sampai)\s*{_TIME_PART})?(?:\s*(?:WIB|WITA|WIT))?$", re.I)
TIME_HINT = "tulis JJ.MM atau JJ.MM-JJ.MM, misalnya 16.30-17.45"


def _clock(hour: str, minute: str, raw: str) -> dt.time:
    if len(minute) != 2 or not (0 <= int(hour) <= 23 and 0 <= int(minute) <= 59):
        raise fail(f"jam `{hour}.{minute}` dalam `{raw}` tidak valid", TIME_HINT)
    return dt.time(int(hour), int(minute))


def parse_time_range(value: Any) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    if not isinstance(value, str):
        raise fail(f"waktu harus berupa teks, bukan `{value}`", TIME_HINT)
    text = value.strip()
    match = _TIME.match(text)
    if not match:
        raise fail(f"format waktu `{value}` tidak dikenal", TIME_HINT)
    h1, m1, h2, m2 = match.groups()
    start = _clock(h1, m1, text)
    if h2 is None:
        return TimeRange(start)
    end = _clock(h2, m2, text)
    if end <= start:
        raise fail(f"jam selesai {end.strftime('%H.%M')} tidak setelah jam mulai {start.strftime('%H.%M')}",
                   "periksa urutan jam mulai dan selesai")
    return TimeRange(start, end)


def _identifier(value: Any) -> Any:
    # A bare integer such as `nrp: 2104205` loses nothing when read as text; numbers with a
    # leading zero never arrive here as integers (see yaml_source), so none is altered.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _vocabulary(info: ValidationInfo) -> Vocabulary:
    return (info.context or {}).get("vocabulary", DEFAULT_VOCABULARY)


def vocabulary_term(kind: str, what: str):
    """A text field that must be one of the codes of `kind` in the active vocabulary."""

    def check(value: str, info: ValidationInfo) -> str:
        vocabulary = _vocabulary(info)
        if vocabulary.knows(kind, value):
            return value
        codes = vocabulary.codes(kind)
        close = difflib.get_close_matches(value.lower(), codes, n=1, cutoff=0.6)
        # Each code with its meaning: `primer` alone does not tell a student it is where a panti belongs.
        choices = "; ".join(code if vocabulary.label(kind, code).casefold() == code.replace("_", " ") else
                            f"{code} = {vocabulary.label(kind, code)}" for code in codes)
        hint = f"maksud Anda `{close[0]}`?" if close else f"pilihan: {choices}"
        raise fail(f"`{value}` bukan {what} yang dikenal", hint)

    return Annotated[str, AfterValidator(check), WithJsonSchema({"type": "string", "x-kosakata": kind})]


Tanggal = Annotated[dt.date, BeforeValidator(parse_date),
                    WithJsonSchema({"type": "string", "examples": ["Selasa, 10 September 2024", "10-09-2024", "2024-09-10"]})]
Waktu = Annotated[TimeRange, BeforeValidator(parse_time_range),
                  WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}[.:]\d{2}", "examples": ["17.00-18.30", "07.53"]})]
Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Plain text: printed escaped, Markdown is not interpreted."""
Prosa = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), WithJsonSchema({"type": "string", "x-markdown": True})]
"""Prose: Markdown allowed (paragraphs, emphasis, lists)."""
Kode = Annotated[str, BeforeValidator(_identifier), StringConstraints(strip_whitespace=True, min_length=1),
                 WithJsonSchema({"type": ["string", "integer"], "minLength": 1})]
"""An identifier typed as digits (NRP, letter number): kept as text, leading zeros intact."""

Tahap = vocabulary_term("tahap", "tahap pertolongan")
Metode = vocabulary_term("metode", "metode pekerjaan sosial")
TipeKelompok = vocabulary_term("tipe_kelompok", "tipe kelompok (Garvin)")
Teknik = vocabulary_term("teknik", "teknik pekerjaan sosial")
AlatAsesmen = vocabulary_term("alat_asesmen", "alat asesmen")
Setting = vocabulary_term("setting", "setting praktik")
Klaster = vocabulary_term("klaster", "klaster klien")
JenisPraktikum = vocabulary_term("jenis_praktikum", "jenis praktikum")
ProfilCetak = vocabulary_term("profil_cetak", "profil cetak di mkdocs.yml (extra.casebook.pdf.profil_cetak)")

KodeSamaran = Annotated[str, BeforeValidator(_identifier), Field(pattern=r"^[A-Z][A-Z0-9]{0,7}$")]
"""A pseudonym code: 1–8 capitals/digits (LN, AJS, F). Never a real name."""

SkorTAS = Annotated[int, Field(ge=0, le=4)]
SkorGAS = Annotated[int, Field(ge=-2, le=2)]
