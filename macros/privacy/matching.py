"""Finding a private string in published text, whatever its case, accents or spacing.

Both sides are folded the same way: Unicode decomposed, accents dropped, lower case,
every run of non-letters/non-digits turned into one space. "Siti  Nur'Aini", "SITI
NUR AINI" and "Sití Nur-aini" then all read "siti nur aini". Names of eight letters or
more are also looked for with the spaces taken out ("sitinuraini"), which catches a name
written without spaces or split by markup. Numbers (NIK, phone) are compared digit by
digit, with +62 read as 0. Initials are matched as a whole upper-case word.

Before folding, the published text is revealed (macros/privacy/normalise.py): entities such as
`Nurh&#97;liza`, soft hyphens, zero-width characters and look-alike letters of other alphabets no
longer hide a name; the text of HTML comments counts as text (it is in the page source).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from macros.privacy.normalise import reveal

_NON_WORD = re.compile(r"[^0-9a-z]+")
_NUMBER_RUN = re.compile(r"\+?\d[\d\s().-]*\d")
_TAG = re.compile(r"<[^<>]{0,2000}>")
_ATTRIBUTE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


# Attributes whose value a reader sees or follows; coordinates (`d`, `points`, `viewBox`), styles and class names
# are numbers and words no reader reads, and would only fake phone numbers for the pattern scan.
# The lookahead on the names' first letters lets the engine pass over most spaces at once (2.5 times faster, same matches).
_SHOWN = re.compile(r"""(?i)\s(?=[acdhlpstv])(?:alt|title|aria-label|content|href|src|value|placeholder|label|summary|download)"""
                    r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def visible_text(raw: str) -> str:
    """What a reader of the page sees or can follow, for the identity patterns: tags become spaces (a cell boundary
    separates), the values of shown attributes (alt, title, link targets, <meta content>) are added after the text,
    comments count. Tags go in one pass without a callback: a page has thousands of them."""
    uncommented = raw.replace("<!--", " ").replace("-->", " ") if "<!--" in raw else raw
    if "<" not in uncommented:
        text = uncommented
    else:
        shown = " ".join(a or b or c for a, b, c in _SHOWN.findall(uncommented))
        text = _TAG.sub(" ", uncommented) + ("\n" + shown if shown else "")
    # The spaces left by tags (`</td>\n<td>`) count as one separator, a line break as one line break.
    return _SPACE_RUN.sub(_one_space, reveal(text))


_SPACE_RUN = re.compile(r"\s{2,}")


def _one_space(run: re.Match) -> str:
    return "\n" if "\n" in run.group(0) else " "


def fold(text: str) -> str:
    return _fold(reveal(text))


# Combining marks (accents) left by NFKD: removed with one expression rather than a loop over every character.
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
                        "\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _fold(text: str) -> str:
    plain = text if text.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " " + _NON_WORD.sub(" ", plain.casefold()).strip() + " "


def digits(text: str) -> str:
    only = re.sub(r"\D", "", text)
    return "0" + only[2:] if only.startswith("62") else only


# Initials that are also one of Casebook's own words (`IV` of BAB IV, `SK`): matched like initials, but only in
# the student's kasus.yml values, never in pages or output, where Casebook's own text carries them anyway.
OWN_WORD_INITIALS = "inisial-bawaan"


@dataclass(frozen=True)
class Needle:
    """One private string and what it is, for the message (e.g. 'nama asli klien')."""

    text: str
    what: str
    kind: str = "teks"  # "teks" | "angka" | "tanggal" (text: YYYY-MM-DD) | "inisial" | OWN_WORD_INITIALS
    casebook_prints: bool = False
    """Casebook's own text carries it too (a nickname in the guide's examples): a shared page's match is no finding."""

    @property
    def checkable_in_output(self) -> bool:
        """Whether a match in published text (or a chapter page) says anything about the student's writing."""
        return self.kind != OWN_WORD_INITIALS


@dataclass(frozen=True)
class Prepared:
    """Published text folded once, for many needles."""

    raw: str
    folded: str
    squashed: str
    numbers: tuple[str, ...]

    @cached_property
    def dates(self) -> frozenset[str]:
        """The dates written in figures (`dates_in`), worked out when a date is first looked for."""
        return dates_in(self.raw)

    @classmethod
    def of(cls, raw: str) -> Prepared:
        # Markup inside a name ("<b>Sri</b> Wulandari") must not hide it: tags are taken out first,
        # but their attribute values (alt, title, <meta content=...>) are text too and stay.
        # A comment's text is read as text: only its markers go (a comment is published in the page source).
        uncommented = raw.replace("<!--", " ").replace("-->", " ") if "<!--" in raw else raw
        # Tags first, then entities: `&lt;b&gt;` is text a reader sees, not a tag. Attribute values (alt, title,
        # <meta content>) are text too: they are added after the page's text, found in one pass.
        if "<" in uncommented:
            values = " ".join(a or b or c for a, b, c in _ATTRIBUTE.findall(uncommented))
            uncommented = _TAG.sub("", uncommented) + (" \n " + values if values else "")
        plain = reveal(uncommented)
        folded = _fold(plain)
        return cls(plain, folded, folded.replace(" ", ""), tuple(digits(run) for run in _NUMBER_RUN.findall(plain)))


def contains(text: Prepared, needle: Needle) -> bool:
    if needle.kind == "angka":
        wanted = digits(needle.text)
        return len(wanted) >= 6 and any(wanted in run for run in text.numbers)
    if needle.kind in ("inisial", OWN_WORD_INITIALS):
        return _initials_pattern(needle.text).search(text.raw) is not None
    if needle.kind == "tanggal":
        return needle.text in text.dates
    target, compact = _targets(needle.text)
    if not target.strip():
        return False
    if target in text.folded:
        return True
    return len(compact) >= 8 and compact in text.squashed


@lru_cache(maxsize=1 << 16)
def _targets(name: str) -> tuple[str, str]:
    """A private string as `contains` looks for it: folded (" siti nur aini ") and without spaces."""
    target = fold(name)
    return target, target.replace(" ", "")


@lru_cache(maxsize=1 << 16)
def _initials_pattern(initials: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z]){re.escape(initials)}(?![A-Za-z])")


_DATE_SEPARATOR = r"\s*[-/.\u2010-\u2015]\s*"  # a hyphen, slash or dot (Word's dashes too), spaces around allowed
# Every date written in figures, day first or year first (overlapping: a lookahead at each place).
_DATE_IN_FIGURES = re.compile(rf"(?<!\d)(?=(\d{{1,2}}){_DATE_SEPARATOR}(\d{{1,2}}){_DATE_SEPARATOR}(\d{{4}})(?!\d)"
                              rf"|(\d{{4}}){_DATE_SEPARATOR}(\d{{1,2}}){_DATE_SEPARATOR}(\d{{1,2}})(?!\d))")


def dates_in(text: str) -> frozenset[str]:
    """The dates `text` writes in figures joined by - / or . (see secrets.py), as `YYYY-MM-DD`."""
    found = set()
    for day, month, year, year_first, month_second, day_last in _DATE_IN_FIGURES.findall(text):
        if year:
            found.add(f"{year}-{int(month):02d}-{int(day):02d}")
        else:
            found.add(f"{year_first}-{int(month_second):02d}-{int(day_last):02d}")
    return frozenset(found)


_LETTER_RUN = re.compile(r"[A-Za-z]+")


class NeedleSet:
    """Many private strings looked for in one text at once.

    `found(text)` is exactly `[n for n in needles if contains(text, n)]`, in the needles' order. The pages shared by
    a whole archive (search index, catalogue, tag pages: some 60 MB at 1,000 reports) are read against every
    report's private strings, some ten thousand; one substring search per string and page grows with both and took
    minutes. Here one pass of an Aho-Corasick automaton (pyahocorasick, a C extension: a well-kept library rather
    than our own) over the folded text, one over the text without spaces and one over its numbers find every
    candidate; initials made of letters only are looked up among the text's letter runs (a whole-word match is a
    whole letter run). Each candidate is then confirmed by `contains` itself, so no rule is written twice.

    Shapes: `needles` any iterable of `Needle`; `found` takes a `Prepared` text and returns a list of `Needle`.
    """

    def __init__(self, needles) -> None:
        import ahocorasick

        self.needles = tuple(needles)
        words: dict[str, list[int]] = {}
        compacts: dict[str, list[int]] = {}
        numbers: dict[str, list[int]] = {}
        self._initials: dict[str, list[int]] = {}
        self._dates: dict[str, list[int]] = {}  # YYYY-MM-DD -> needles: looked up among the text's dates
        self._always: list[int] = []  # initials with other characters than letters: tried one by one
        for number, needle in enumerate(self.needles):
            if needle.kind == "angka":
                wanted = digits(needle.text)
                if len(wanted) >= 6:
                    numbers.setdefault(wanted, []).append(number)
            elif needle.kind == "tanggal":
                self._dates.setdefault(needle.text, []).append(number)
            elif needle.kind in ("inisial", OWN_WORD_INITIALS):
                if _LETTER_RUN.fullmatch(needle.text):
                    self._initials.setdefault(needle.text, []).append(number)
                else:
                    self._always.append(number)
            else:
                target, compact = _targets(needle.text)
                if target.strip():
                    words.setdefault(target, []).append(number)
                    if len(compact) >= 8:
                        compacts.setdefault(compact, []).append(number)
        self._automata = []
        for table, of_text in ((words, lambda t: t.folded), (compacts, lambda t: t.squashed),
                               (numbers, lambda t: "\n".join(t.numbers))):
            if table:
                automaton = ahocorasick.Automaton()
                for key, listed in table.items():
                    automaton.add_word(key, listed)
                automaton.make_automaton()
                self._automata.append((automaton, of_text))

    def found(self, text: Prepared) -> list[Needle]:
        candidates = set(self._always)
        for automaton, of_text in self._automata:
            for _, listed in automaton.iter(of_text(text)):
                candidates.update(listed)
        if self._dates:
            for day in text.dates:
                candidates.update(self._dates.get(day, ()))
        if self._initials:
            for run in set(_LETTER_RUN.findall(text.raw)):
                candidates.update(self._initials.get(run, ()))
        return [self.needles[number] for number in sorted(candidates) if contains(text, self.needles[number])]
