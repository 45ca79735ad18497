"""Undoing the disguises of personal data before it is looked for.

A name or number can be written so that a plain search misses it while a reader still
reads it: HTML entities (`Nurh&#97;liza`), soft hyphens and zero-width characters
(`Nurha&shy;liza`), letters from another alphabet that look Latin (Cyrillic `а`, Greek `ο`),
full-width digits, `(at)`/`[dot]` spellings of an e-mail address. `reveal` turns all of
them back into the plain text a reader sees. It keeps every line break where it was, so a
finding in a page can still be given its line number.

Everything here runs in time linear in the text: `str.translate`, `unicodedata.normalize`
and regular expressions whose repeated parts are bounded and cannot overlap.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Characters a reader does not see: they only break up a word for a search.
INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
            "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"

# Letters of other alphabets that look like Latin ones (the common confusables of Unicode's list).
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "һ": "h",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ӏ": "I", "Ү": "Y", "ү": "y",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin look-alikes outside ASCII
    "ı": "i", "ȷ": "j", "ǀ": "l", "ɑ": "a", "ɡ": "g", "ο": "o",
    # Dashes and spaces that separate digits like ASCII ones
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ",
}
_TABLE = str.maketrans({**_HOMOGLYPHS, **{ch: None for ch in INVISIBLE}})
# str.translate looks every character up: only worth it when one of the table's characters is there at all.
_TRANSLATED = re.compile("[" + re.escape("".join(_HOMOGLYPHS) + INVISIBLE) + "]+")


def _plain_character(run: re.Match) -> str:
    return run.group(0).translate(_TABLE)

# `nama (at) gmail (dot) com`, `nama[at]gmail[dot]com`, `nama {at} gmail {titik} com`; spaces around go too.
_AT = re.compile(r"(?i)[ \t]{0,3}[(\[{<][ \t]{0,3}(?:at|@|et)[ \t]{0,3}[)\]}>][ \t]{0,3}")
_DOT = re.compile(r"(?i)[ \t]{0,3}[(\[{<][ \t]{0,3}(?:dot|titik|\.)[ \t]{0,3}[)\]}>][ \t]{0,3}")
# `nama at gmail dot com`, `nama @ gmail . com`: only when a mail domain ending follows, so that English "at" or a
# social-media handle in prose is left alone.
_WORDS = re.compile(r"(?i)(?<![\w.+-])([\w.+-]{1,64})[ \t]{0,3}(?:@|(?<![a-z])(?:at|et)(?![a-z]))[ \t]{0,3}([\w-]{1,63})"
                    r"[ \t]{0,3}(?:\.|(?<![a-z])(?:dot|titik)(?![a-z]))[ \t]{0,3}(com|id|net|org|co|ac|or|go|sch|info)(?![\w])")


# Cheap searches (each starts with a fixed character class) that say whether the costlier rewrites can apply.
_BRACKETED = re.compile(r"(?i)[(\[{<][ \t]{0,3}(?:at|@|et|dot|titik|\.)[ \t]{0,3}[)\]}>]")
_SPELLED_AT = re.compile(r"(?i)[ \t][ae]t[ \t]")  # ` at `, ` et `: a character class, not an alternation (faster)


def reveal(text: str) -> str:
    """`text` as a reader sees it: entities decoded, invisible characters dropped, look-alike letters and
    compatibility forms (full-width digits) made plain, `(at)`/`(dot)` spelled `@`/`.`."""
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():  # most published text is plain ASCII: nothing to normalise or translate
        text = unicodedata.normalize("NFKC", text)
        if _TRANSLATED.search(text):
            # Only the characters found are replaced: str.translate with a dict looks every character up in Python
            # (5 ms for a 90 kB page, most of the output scan), while a page holds a few dashes and no-break spaces.
            text = _TRANSLATED.sub(_plain_character, text)
    if _BRACKETED.search(text):
        text = _DOT.sub(".", _AT.sub("@", text))
    if "@" in text or _SPELLED_AT.search(text):
        text = _WORDS.sub(r"\1@\2.\3", text)
    return text
