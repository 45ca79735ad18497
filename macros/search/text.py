"""Words of the search index: the same tokeniser, stop words and stemmer as the browser's.

`assets/javascripts/casebook/search-core.js` implements every function here again; the
tests compare both on the whole vocabulary of a built site, in Chromium.

- A word is a run of letters, digits and combining marks (Unicode categories L, N, M),
  lower-cased: `anak-anak` is two words, `2024` one. An apostrophe between letters joins
  (`Jum'at`, `L'Oréal`, `O'Melia`: people type them without it).
- Words are folded: Latin diacritics dropped (`Schön` -> `schon`, `café` -> `cafe`), a few letters
  without a decomposition spelled out (`ß` -> `ss`), apostrophes removed: `jumat` finds `Jum'at`.
  The index also holds the pieces of an apostrophe word (`oreal` finds `L'Oréal`).
- Stop words (yang, dan, di, ...) are neither indexed nor searched.
- Words in plain ASCII go through the Snowball Indonesian stemmer (snowballstemmer):
  `pelayanan`, `layanan` and `melayani` all become `layan`. Other words are kept as they are,
  so the browser's stemmer never has to agree with Python on non-ASCII string indexing.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

import snowballstemmer

# Frequent function words: in nearly every section, they would only make the index bigger.
STOPWORDS = frozenset("""
ada adalah agar akan antara atau bagi bahwa dalam dan dapat dari dengan di hal ini itu juga
karena ke kepada maka namun oleh pada para saat sebagai secara sehingga serta setiap sudah
telah tersebut tidak untuk yaitu yang
""".split())

_stemmer = snowballstemmer.stemmer("indonesian")


def _word_pattern() -> re.Pattern[str]:
    """One regex class of every code point in categories L, N and M: a word is a run of them.
    Built once from unicodedata (~0.3 s), so tokenising is regex speed, not a Python loop per char."""
    ranges, start = [], None
    for code in range(sys.maxunicode + 2):
        inside = code <= sys.maxunicode and unicodedata.category(chr(code))[0] in "LNM"
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}" if code - 1 > start else re.escape(chr(start)))
            start = None
    return re.compile(f"[{''.join(ranges)}]+")


# Apostrophes and the letters people type for them (ASCII, typographic, modifier letter, grave, acute).
APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_LETTERS = _word_pattern().pattern[:-1]          # the character class, without its '+'
_WORD = re.compile(f"{_LETTERS}+(?:[{APOSTROPHES}]{_LETTERS}+)*")
_MARKS = re.compile("[\u0300-\u036f]")           # Combining Diacritical Marks: Latin, Greek, Cyrillic accents
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
# Letters with no canonical decomposition, spelled as people type them without the key.
SPELLED = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
_SPELLED = str.maketrans(SPELLED)


def fold(word: str) -> str:
    """A word as typed without accents, apostrophes or capitals: `L'Oréal` -> `l'oreal` (apostrophes kept)."""
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", word)).lower().translate(_SPELLED))


def tokens(text: str) -> list[str]:
    """Folded words of `text`, in order, apostrophes inside a word kept (as `'`)."""
    return [_APOSTROPHE.sub("'", fold(word)) for word in _WORD.findall(unicodedata.normalize("NFC", text))]


def words(text: str) -> list[str]:
    """Folded words of `text`, in order, apostrophes removed, stop words included (the snippet needs them)."""
    return [token.replace("'", "") for token in tokens(text)]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of one lower-cased word."""
    return _stemmer.stemWord(word) if word.isascii() else word


def terms(text: str) -> list[str]:
    """Index terms of `text`: words without stop words, stemmed; an apostrophe word also by its pieces."""
    found = []
    for token in tokens(text):
        word = token.replace("'", "")
        if word not in STOPWORDS:
            found.append(stem(word))
        if word != token:
            found += [stem(piece) for piece in token.split("'") if len(piece) > 1 and piece not in STOPWORDS]
    return found


SURFACE = "="   # prefix of a surface-form term: `=mengenang` is the word itself, where its stem is `enang`


def index_terms(text: str) -> tuple[list[str], list[str]]:
    """`terms(text)` and `surface_terms(text)` in one pass over the words (the indexer's hot loop)."""
    found, surface = [], []
    for token in tokens(text):
        word = token.replace("'", "")
        if word not in STOPWORDS:
            term = stem(word)
            found.append(term)
            if term != word:
                surface.append(SURFACE + word)
        if word != token:
            found += [stem(piece) for piece in token.split("'") if len(piece) > 1 and piece not in STOPWORDS]
    return found, surface


def surface_terms(text: str) -> list[str]:
    """The words of `text` that differ from their stem, as surface terms (`=kenangan`): they let a search
    prefer the word typed over a stem collision (`mengenang` and `menenangkan` share `enang`) and find
    words by the beginning the reader typed (`kenang` -> `kenangan`, whose stem is `nangan`)."""
    return [SURFACE + word for word in words(text) if word not in STOPWORDS and stem(word) != word]


def prefix_of(word: str) -> str:
    """The vocabulary shard key of a word: its first three characters (shorter words are not expanded)."""
    return word[:3]


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bit) of the term's UTF-8 bytes, modulo the number of shards."""
    value = 0x811C9DC5
    for byte in term.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % shards
