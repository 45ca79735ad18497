"""The private identity file of a report, `cases/<slug>/rahasia.yml`: never published, never committed.

A student may write down here who the client and the people around them really are —
names, NIK, phone numbers, address, birth date — so that Casebook can prove that none of
it appears anywhere in what is published. The file is read only to build that list of
strings to look for ("needles"); nothing from it is ever rendered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError

from macros.errors import Problem, display_path
from macros.loading import LINKED_HINT, Locator, linked_file, linked_file_message, translate_error
from macros.privacy.matching import OWN_WORD_INITIALS, Needle
from macros.privacy.own_text import casebook_words, in_casebook_text, own_word  # noqa: F401 (casebook_words: one place)
from macros.schema.base import F, Model
from macros.schema.types import MONTHS, Tanggal, Teks
from macros.yaml_source import YamlSyntaxError, parse_yaml

SECRETS_FILE = "rahasia.yml"
GITIGNORE_LINE = SECRETS_FILE


class OrangRahasia(Model):
    """A real person behind a pseudonym code."""

    name: Teks = F("nama", "Nama lengkap asli.")
    code: Teks | None = F("kode", "Kode samaran orang ini di kasus.yml, misalnya KM1 untuk kasus mikro.", None)
    nickname: Teks | None = F("panggilan", "Nama panggilan, bila dipakai sehari-hari.", None)
    initials: Teks | None = F("inisial", "Inisial asli (dibuat dari nama bila kosong).", None)
    role: Teks | None = F("peran", "Peran, misalnya 'ibu klien'.", None)
    nik: Teks | None = F("nik", "Nomor Induk Kependudukan (16 angka).", None)
    family_card: Teks | None = F("no_kk", "Nomor Kartu Keluarga.", None)
    phones: list[Teks] = F("telepon", "Nomor telepon/HP.", default_factory=list)
    email: Teks | None = F("email", "Alamat e-mail.", None)
    address: Teks | None = F("alamat", "Alamat rumah.", None)
    birth_date: Tanggal | None = F("tanggal_lahir", "Tanggal lahir.", None)


class Rahasia(Model):
    # A laboratory or community report has no single client: its people are micro cases and members (`orang_lain`).
    client: OrangRahasia | None = F("klien", "Identitas asli klien (laporan dengan satu klien).", None)
    others: list[OrangRahasia] = F("orang_lain", "Keluarga dan significant others dengan identitas asli.", default_factory=list)
    other_strings: list[Teks] = F("lainnya", "Teks lain yang tidak boleh terbit (nama sekolah, nama kampung, ...).",
                                  default_factory=list)


@dataclass(frozen=True)
class Secrets:
    needles: tuple[Needle, ...]
    client_initials: str | None
    others_initials: tuple[str, ...] = ()
    """Initials of the other people in rahasia.yml (a laboratory report's micro-case persons, family members)."""


def initials_of(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isalpha()).upper()


def _date_needles(day: dt.date, what: str) -> list[Needle]:
    """A birth date as it is written: with the month's name ("14 Maret 1975", any case and spacing), and in figures
    joined by - / or . ("14-03-1975", "14/3/1975", "1975-03-14"), the `tanggal` kind (macros/privacy/matching.py).
    Figures joined by spaces or commas are no date: an archive's shared pages hold thousands of numbers (counts,
    page numbers, chart data), and "14 3 1975" came out of them by chance at 1,000 reports."""
    return [Needle(f"{day.day} {MONTHS[day.month - 1]} {day.year}", what), Needle(day.isoformat(), what, "tanggal")]


def _person_needles(person: OrangRahasia, who: str) -> list[Needle]:
    needles = [Needle(person.name, f"nama asli {who}")]
    words = person.name.split()
    if len(words) >= 2:  # "Surname, Given names", as on lists and forms
        needles.append(Needle(f"{words[-1]}, {' '.join(words[:-1])}", f"nama asli {who}"))
    if person.nickname:
        needles.append(Needle(person.nickname, f"nama panggilan {who}"))
    for number, what in ((person.nik, "NIK"), (person.family_card, "nomor KK"), *((p, "nomor telepon") for p in person.phones)):
        if number:
            needles.append(Needle(number, f"{what} {who}", "angka"))
    if person.email:
        needles.append(Needle(person.email, f"e-mail {who}"))
    if person.address:
        needles.append(Needle(person.address, f"alamat {who}"))
        street = person.address.split(",")[0]
        if street != person.address and len(street) >= 8:
            needles.append(Needle(street, f"alamat {who}"))
    if person.birth_date:
        needles += _date_needles(person.birth_date, f"tanggal lahir {who}")
    return needles


def _placeholder(person: OrangRahasia) -> bool:
    """A place `casebook new` left for a name (`<<ISI: nama lengkap asli>>`): nothing to look for yet."""
    from macros.schema.types import PLACEHOLDER

    return person.name.lstrip().startswith(PLACEHOLDER)


def needles_of(secrets: Rahasia, client_code: str, root: Path | None = None) -> Secrets:
    client = secrets.client if secrets.client and not _placeholder(secrets.client) else None
    needles = _person_needles(client, "klien") if client else []
    initials = (client.initials or initials_of(client.name)) if client else None
    if initials and len(initials) >= 2 and initials != client_code:
        # Initials that are also Casebook's own words (BAB IV, No. SK) cannot be told apart in the output:
        # they are looked for only in what the student wrote in kasus.yml (see macros/privacy/own_text.py).
        kind = OWN_WORD_INITIALS if own_word(initials, root) else "inisial"
        needles.append(Needle(initials, "inisial asli klien", kind))
    others_filled = [person for person in secrets.others if not _placeholder(person)]
    for person in others_filled:
        needles += _person_needles(person, person.role or "orang lain")
    needles += [Needle(text, "teks rahasia") for text in secrets.other_strings if not text.lstrip().startswith("<<ISI")]
    others = tuple(dict.fromkeys(person.initials or initials_of(person.name) for person in others_filled))
    return Secrets(_unique(needles), initials, others)


def _unique(needles: list[Needle]) -> tuple[Needle, ...]:
    """One needle per private string and kind: a person written as `klien` and again under `orang_lain` (or a
    nickname equal to another's name) would otherwise make every finding of that string twice, in check and in
    the published-site scan alike. The first keeps its label ('nama asli klien')."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for needle in needles:
        key = (" ".join(needle.text.casefold().split()), needle.kind)
        if key not in seen:
            seen.add(key)
            kept.append(needle)
    return tuple(kept)


def load_secrets(folder: Path, root: Path | None, client_code: str) -> tuple[Secrets | None, list[Problem]]:
    """The report's secrets, or None without a rahasia.yml; a broken file is an error (never a silent skip)."""
    path = folder / SECRETS_FILE
    shown = display_path(path, root)
    linked = linked_file(path)
    if linked:  # never read through a link: its YAML errors could quote another report's secrets
        return None, [Problem(shown, 1, 1, "", linked_file_message(SECRETS_FILE, linked), LINKED_HINT)]
    if not path.is_file():
        return None, []
    try:
        document = parse_yaml(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as exc:
        return None, [Problem(shown, p.line, p.column, "", p.message, p.hint) for p in exc.problems]
    except UnicodeDecodeError:
        return None, [Problem(shown, 1, 1, "", "berkas bukan teks UTF-8", "simpan ulang berkas dengan encoding UTF-8")]
    locator = Locator(shown, document)
    try:
        secrets = Rahasia.model_validate(document.data or {})
    except ValidationError as exc:
        return None, [translate_error(e, locator) for e in exc.errors(include_url=False)]
    found = needles_of(secrets, client_code, root)
    problems = _casebook_prints(found, secrets, locator, root)
    found = replace(found, needles=tuple(replace(n, casebook_prints=True) if n.checkable_in_output and
                                         in_casebook_text(n, root) else n for n in found.needles))
    colliding = [n for n in found.needles if not n.checkable_in_output]
    if not colliding:
        return found, problems
    # Initials that Casebook itself prints ("BAB IV", "No. SK" on the Privasi page) would be found on every report's
    # pages, so the report could never be published, whatever the student did (red team s23 #15). They are searched
    # for in kasus.yml only (macros/privacy/own_text.py): said here, where the student can check the pages by hand.
    from macros.errors import Severity

    where = ("klien", "inisial") if secrets.client.initials else ("klien", "nama")
    return found, problems + [locator.problem(where, f"inisial asli klien `{colliding[0].text}` sama dengan teks yang dicetak "
                                          "Casebook sendiri (misalnya `BAB IV`), jadi tidak dapat dicari di situs dan PDF",
                                   "periksa sendiri bahwa inisial itu tidak tertulis di laporan Anda; nama lengkap "
                                   "klien tetap diperiksa", severity=Severity.WARNING)]


def recorded_codes(folder: Path) -> set[str] | None:
    """The pseudonym codes whose real person rahasia.yml records (`kode: KM1`, or the code named in `peran`,
    e.g. "kasus mikro KM1"); None when the report has no readable rahasia.yml (a broken one is the gate's error)."""
    import re

    path = folder / SECRETS_FILE
    if linked_file(path) or not path.is_file():
        return None
    try:
        secrets = Rahasia.model_validate(parse_yaml(path.read_text(encoding="utf-8")).data or {})
    except (YamlSyntaxError, UnicodeDecodeError, ValidationError, OSError):
        return None
    codes: set[str] = set()
    for person in ([secrets.client] if secrets.client else []) + list(secrets.others):
        if _placeholder(person):
            continue
        if person.code:
            codes.add(person.code.strip().upper())
        codes.update(word.upper() for word in re.findall(r"[A-Za-z]+\d*", person.role or ""))
    return codes


def _casebook_prints(found: Secrets, secrets: Rahasia, locator: Locator, root: Path | None) -> list[Problem]:
    """A private string that Casebook's own pages carry too (a nickname in the guide's examples, an example phone
    number): on the pages every report shares it cannot be told apart from Casebook's text, so it is looked for in
    this report's own pages only. Said at rahasia.yml, once per string."""
    from macros.errors import Severity

    problems = []
    for needle in dict.fromkeys(n for n in found.needles if n.checkable_in_output and in_casebook_text(n, root)):
        problems.append(Problem(locator.file, 1, 1, "", f"{needle.what} `{needle.text}` juga tertulis di halaman Casebook "
                                "sendiri (panduan, templat), jadi hanya dicari di halaman laporan ini, tidak di halaman "
                                "bersama (beranda, pencarian, panduan)",
                                "bila itu memang data asli, pastikan sendiri tidak tertulis di laporan", Severity.WARNING))
    return problems
