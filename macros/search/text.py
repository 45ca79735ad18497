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


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, in order, stop words included (the snippet needs them)."""
    text = unicodedata.normalize("NFC", text).lower()
    found, start = [], None
    for position, char in enumerate(text):
        if _is_word_char(char):
            if start is None:
                start = position
        elif start is not None:
            found.append(text[start:position])
            start = None
    if start is not None:
        found.append(text[start:])
    return found


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
