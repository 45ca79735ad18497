"""Words of the search index: the same tokeniser, stop words and stemmer as the browser's.

`assets/javascripts/casebook/search-core.js` implements every function here again; the
tests compare both on the whole vocabulary of a built site, in Chromium.

- A word is a run of letters, digits and combining marks (Unicode categories L, N, M),
  lower-cased: `anak-anak` is two words, `2024` one.
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


_WORD = _word_pattern()


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, in order, stop words included (the snippet needs them)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of one lower-cased word."""
    return _stemmer.stemWord(word) if word.isascii() else word


def terms(text: str) -> list[str]:
    """Index terms of `text`: words without stop words, stemmed."""
    return [stem(word) for word in words(text) if word not in STOPWORDS]


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bit) of the term's UTF-8 bytes, modulo the number of shards."""
    value = 0x811C9DC5
    for byte in term.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % shards
