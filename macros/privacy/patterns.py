"""Identity patterns that must not be published, private file or not.

Each rule finds a kind of personal data in a piece of text and says, in Indonesian, why it
is refused and what to write instead. A finding can be allowed on purpose (e.g. the
institution's public phone number) with a reasoned entry under `privasi.izinkan`.

The text is first revealed (macros/privacy/normalise.py: entities, soft hyphens,
look-alike letters, `(at)`/`[dot]`), then:
- numbers are read as runs of digit groups joined by at most three separator characters
  (space, line break, dot, dash, brackets), so `3204.1212.1212.0001`, `(0813) 9999-1234`,
  `08 13 99 99 12 34` and a number split over two lines are each one run; the digit groups
  of a run are then tried as NIK (16 digits whose region and birth-date parts are valid) and
  as mobile numbers (08…/+62 8…, 10 to 13 digits);
- e-mail addresses, birth dates after the Indonesian words that announce them, and RT/RW
  addresses are regular expressions.

Linear time: every repeated part of every expression is bounded or cannot overlap its
neighbour, so no input makes the engine backtrack more than a constant per character
(tests/test_privacy_patterns.py times a 2 MB worst case).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from macros.privacy.normalise import reveal

_MONTHS = ("januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|"
           "jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|agust|sep|sept|okt|nov|nop|des")


@dataclass(frozen=True)
class Rule:
    name: str
    message: str
    hint: str


NIK = Rule("nik", "memuat 16 angka berurutan (NIK atau nomor KK)", "identitas kependudukan tidak boleh terbit; hapus nomornya")
PHONE = Rule("telepon", "memuat nomor HP", "hapus nomornya; tulis saja 'dihubungi lewat WhatsApp'")
EMAIL = Rule("email", "memuat alamat e-mail",
             "hapus alamatnya, atau izinkan bila itu e-mail resmi lembaga (privasi.izinkan)")
BIRTH = Rule("tanggal_lahir", "memuat tanggal lahir", "tulis usia atau rentang usia (misalnya 15 tahun), bukan tanggal lahir")
RT_RW = Rule("rt_rw", "memuat alamat RT/RW (nomor RT bersama RW menunjuk rumah seseorang)",
             "hapus nomor RT-nya; wilayah cukup sampai RW, misalnya `RW 03 Kelurahan Sukamulya`. Bila teks itu "
             "memang bukan alamat rumah, izinkan di `privasi.izinkan`")
RULES = (NIK, PHONE, EMAIL, BIRTH, RT_RW)


@dataclass(frozen=True)
class Match:
    rule: Rule
    text: str
    start: int = 0  # offset in the revealed text (its line breaks are those of the original)


# --- numbers -------------------------------------------------------------------------------------

_S = r"[ \t\r\n.()\-]{0,3}"  # between two digits: at most three separators (a line break counts as one)
# Checked just after a number's first character (`.` is that character): not inside a word, a path or a URL, except
# where a URL is a phone number (WhatsApp and tel: links). Checking after the first character lets the engine jump
# from candidate to candidate instead of trying every position of the text. Nor inside a larger number:
# `2.082 2.472` (a table's thousands) is no phone number starting 08.
_START = r"(?:(?<=wa\.me/.)|(?<=tel:.)|(?<=phone=.)|(?<![\w/=&#@].)(?<!\d[.,].))"
_NIK_PLAIN = re.compile(r"\d(?<!\d\d)\d{15}(?!\d)")
_NIK_SPLIT = re.compile(rf"\d{_START}(?:{_S}\d){{15}}(?!\d)")
# 0 and 8 are written together (`0.8` is a decimal); after +62 the 8 may stand apart: `+62 (813)`.
_PHONE = re.compile(rf"(?:\+{_START}{_S}62{_S}|6{_START}2{_S}|0{_START})8{_S}[1-9](?:{_S}\d){{7,10}}(?!\d)")
# What is written just before a number says it is no phone or NIK: a book or article number, a student or staff number.
_NOT_PERSONAL = re.compile(r"(?i)(?<![a-z])(?:isbn|issn|doi|nrp|nim|nip|npm|nisn|no\.?\s?reg|sk|perda|uu|pp|permen)"
                           r"[\s:.#-]{0,4}[\d\s./-]{0,24}$")
# Province codes of the NIK (Kemendagri): the first two digits of every real NIK and KK number.
_PROVINCES = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
              71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}
_DIGITS = re.compile(r"\d+")
MAX_FINDINGS = 100  # per rule and text: a text with more is refused anyway; counting them all would only cost time


def _plausible_nik(number: str) -> bool:
    """Region code and the birth date inside (women's day + 40) are valid: `2019 2020 2021 2022` is not a NIK."""
    day, month = int(number[6:8]), int(number[8:10])
    return int(number[:2]) in _PROVINCES and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def _date_like(groups: list[str]) -> bool:
    """`08.12.2024 09.00` is a date and time, not the phone number 0812202409."""
    return (len(groups) >= 3 and len(groups[0]) <= 2 and len(groups[1]) <= 2 and len(groups[2]) == 4
            and groups[2][:2] in ("19", "20"))


def _labelled(text: str, start: int) -> bool:
    return _NOT_PERSONAL.search(text, max(0, start - 40), start) is not None


def _number_matches(text: str) -> Iterator[Match]:
    found = 0
    for match in _NIK_PLAIN.finditer(text):  # sixteen digits in a row: always (a NIK or a KK number)
        yield Match(NIK, match.group(0), match.start())
        found += 1
        if found >= MAX_FINDINGS:
            break
    for match in _NIK_SPLIT.finditer(text):
        groups = _DIGITS.findall(match.group(0))
        # Written in groups of at least two digits (`9.5 14 12` is a list of measures, not a NIK).
        if len(groups) > 1 and min(map(len, groups)) >= 2 and _plausible_nik("".join(groups)) and not _labelled(text, match.start()):
            yield Match(NIK, match.group(0), match.start())
            found += 1
            if found >= 2 * MAX_FINDINGS:
                break
    found = 0
    for match in _PHONE.finditer(text):
        if _date_like(_DIGITS.findall(match.group(0))) or _labelled(text, match.start()):
            continue
        yield Match(PHONE, match.group(0), match.start())
        found += 1
        if found >= MAX_FINDINGS:
            break


# --- e-mail, birth dates, RT/RW --------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-](?<![\w.+-][\w.+-])[\w.+-]{0,63}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")

_DATE = (rf"(?:\d{{1,2}}[ \t]{{0,2}}[-/. ][ \t]{{0,2}}(?:\d{{1,2}}|(?:{_MONTHS})\.?)[ \t]{{0,2}}[-/. ][ \t]{{0,2}}(?:19|20)\d\d"
         rf"|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.]\d{{1,2}}"
         rf"|\d{{1,2}}[ \t]{{0,2}}(?:{_MONTHS})\.?[ \t]{{0,2}},?[ \t]{{0,2}}(?:19|20)\d\d)")
_BIRTH_WORD = re.compile(
    r"(?i)(?<![a-z])(?:lahir|kelahiran|dilahirkan|lhr|ttl|t\.t\.l|tempat[ \t]{0,2}(?:[/,&][ \t]{0,2}|dan[ \t]{1,2})?tanggal[ \t]{0,2}lahir"
    r"|tgl\.?[ \t]{0,2}lahir|tanggal[ \t]{0,2}lahir|tempat_tanggal_lahir|tanggal_lahir)(?![a-z])")
# Dates are found first (few in any text), then the 60 characters before each are searched for the word that
# announces a birth date: this keeps the cost linear whatever the text repeats.
_DATE_AT = re.compile(rf"(?i)(?<![\w.]){_DATE}(?!\d)")
_WINDOW = 70
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<!Kab)(?<!Kec)(?<!Kel)(?<!Kota)(?<!Ds)(?<!Desa)(?<!Jl)(?<!Kp)(?<!Prov)(?<!No)(?<!Tgl)(?<!\b[A-Z])"
                           r"[.!?][ \t\n]{1,3}[A-Z]")
# Words before "kelahiran" that make the date something else: the day a birth certificate was issued.
_NOT_BIRTH = re.compile(r"(?i)(?:akta|akte|surat keterangan|sk)[ \t]{1,3}$")

_SP = r"[ \t]{0,3}"
_NUM = rf"{_SP}(?:[.:]{_SP})?0{{0,3}}\d{{1,3}}(?!\d)"
_SEP = rf"{_SP}(?:[/,-]{_SP})?"
_RT_RW = re.compile(rf"(?i)r(?<![a-z]r)(?:t{_NUM}{_SEP}rw{_NUM}|w{_NUM}{_SEP}rt{_NUM}"
                    rf"|t{_SP}[/.]{_SP}rw{_SP}(?:[.:]{_SP})?0{{0,3}}\d{{1,3}}{_SP}[/.-]{_SP}0{{0,3}}\d{{1,3}}(?!\d))")


def _announced(window: str) -> bool:
    lower = window.lower()
    return "lahir" in lower or "ttl" in lower or "lhr" in lower or "t.t.l" in lower


_YEAR = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")


def _birth_dates(text: str) -> Iterator[Match]:
    """Years are found first (a plain, fast search), then only around a year announced by a birth word is a
    full date looked for: the cost stays linear whatever the text repeats."""
    done = -1
    for year in _YEAR.finditer(text):
        window_start = max(0, year.start() - _WINDOW - 20)
        if year.start() < done or not _announced(text[window_start:year.start()]):
            continue
        date = next((d for d in _DATE_AT.finditer(text, max(0, year.start() - 24), year.end() + 8)
                     if d.start() <= year.start() and d.end() >= year.end()), None)
        if date is None:
            continue
        done = date.end()
        words = list(_BIRTH_WORD.finditer(text, max(0, date.start() - _WINDOW), date.start()))
        for word in reversed(words):  # the nearest announcing word first
            between = text[word.end():date.start()]
            if len(between) > 60 or _PARAGRAPH.search(between) or _SENTENCE_END.search(between):
                continue
            if _NOT_BIRTH.search(text[max(0, word.start() - 20):word.start()]):
                break
            yield Match(BIRTH, text[word.start():date.end()], word.start())
            break


def _first(matches: Iterator[Match]) -> Iterator[Match]:
    for count, match in enumerate(matches, start=1):
        yield match
        if count >= MAX_FINDINGS:
            return


def _text_matches(text: str) -> Iterator[Match]:
    if "@" in text:  # (at) spellings are already `@` here (macros/privacy/normalise.py)
        yield from _first(Match(EMAIL, m.group(0), m.start()) for m in _EMAIL.finditer(text))
    yield from _first(_birth_dates(text))
    yield from _first(Match(RT_RW, m.group(0), m.start()) for m in _RT_RW.finditer(text))


# --- the allow-list ------------------------------------------------------------------------------

def _digits(text: str) -> str:
    only = "".join(ch for ch in text if ch.isdigit())
    return "0" + only[2:] if only.startswith("62") else only


def _words(text: str) -> str:
    return " ".join(re.sub(r"\W+", " ", reveal(text).casefold()).split())


def allow_key(rule: Rule, text: str) -> str:
    """What the allow-list compares: the digits of a number, the date of a birth date, the words of the rest
    (however the text around them is written or escaped)."""
    if rule in (NIK, PHONE):
        return _digits(text)
    if rule is BIRTH:
        dates = list(_DATE_AT.finditer(text))
        return "lahir " + _words(dates[-1].group(0)) if dates else _words(text)
    if rule is RT_RW:
        return "rt " + " ".join(str(int(n)) for n in re.findall(r"\d+", text))
    return _words(text)


def allowed_keys(allowed: frozenset[str] | set[str]) -> frozenset[str]:
    if isinstance(allowed, frozenset):
        return _allowed_keys(allowed)
    return _allowed_keys.__wrapped__(allowed)


@functools.lru_cache(maxsize=4096)
def _allowed_keys(allowed: frozenset[str]) -> frozenset[str]:
    """Computed once per allow-list: the output scan asks for the same list on every page, and the shared pages'
    list (every report's entries) grows with the archive, which made the scan quadratic in reports."""
    keys = set()
    for text in allowed:
        keys |= {allow_key(rule, text) for rule in RULES}
    return frozenset(keys)


def find_patterns(text: str, allowed: frozenset[str], *, revealed: bool = False) -> list[Match]:
    """Every rule's matches in `text` (revealed first unless `revealed`), minus what the report allows."""
    plain = text if revealed else reveal(text)
    keys = allowed_keys(allowed) if allowed else frozenset()
    found = []
    for match in (*_number_matches(plain), *_text_matches(plain)):
        if not keys or allow_key(match.rule, match.text) not in keys:
            found.append(Match(match.rule, " ".join(match.text.split()), match.start))
    return found


def line_of(text: str, offset: int) -> int:
    """1-based line number of `offset` (reveal() keeps line breaks, so revealed offsets give source lines)."""
    return text.count("\n", 0, offset) + 1


__all__ = ["RULES", "Rule", "Match", "find_patterns", "allow_key", "allowed_keys", "line_of"]
