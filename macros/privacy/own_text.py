"""Casebook's own vocabulary: the upper-case words its own text prints on every site (BAB IV, TAS, No. SK ...).

A client's real initials are looked for as a whole upper-case word (macros/privacy/matching.py). When they are
one of these words ("Ika Veronika" is `IV`, "Siti Kartini" is `SK`), every report's output carries them in
Casebook's own headings, labels and guide pages: a match says nothing about the student's text, and such a
report could never be published. Those initials are checked only in what the student wrote in kasus.yml, and
`casebook check` says so up front (macros/privacy/gate.py).

The words are read off the text Casebook ships, not listed by hand: the Markdown of docs/ (guide pages and the
chapter templates), the theme overrides, mkdocs.yml, and the upper-case words of its Python code (headings,
labels, table headers, messages; a few constant names come along, which only widens the set), so a new label
is covered the day it is written. Roman numerals are added as a class (chapter, appendix and list numbering).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from macros.privacy.matching import Needle, Prepared, contains

CODE_ROOT = Path(__file__).resolve().parents[2]
_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])")
_CODE_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Z]{2,}(?![A-Za-z_])")  # CC1 counts (printed so); MAX_PAGE and path data (715ZM10) do not
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_SHIPPED_TEXT = ("docs", "overrides")
_TEXT_SUFFIXES = {".md", ".html", ".yml", ".yaml", ".js", ".css", ".txt", ".svg"}


def roman_numeral(word: str) -> bool:
    return bool(word) and _ROMAN.fullmatch(word) is not None


def _words_in(folder: Path) -> set[str]:
    words: set[str] = set()
    if not folder.is_dir():
        return words
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if path.suffix == ".py":  # read as text (parsing the code took a second): identifiers with `_` are no words
            words.update(_CODE_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
        elif path.suffix.lower() in _TEXT_SUFFIXES and path.stat().st_size < 2_000_000:
            words.update(_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


@lru_cache(maxsize=8)
def _shipped_words(root: Path) -> frozenset[str]:
    words = _words_in(root / "macros")
    for name in _SHIPPED_TEXT:
        words |= _words_in(root / name)
    config = root / "mkdocs.yml"
    if config.is_file():
        words.update(_WORD.findall(config.read_text(encoding="utf-8", errors="replace")))
    return frozenset(words)


def casebook_words(project_root: Path | None = None) -> frozenset[str]:
    """Upper-case words Casebook's own text can print: shipped code and docs, and the project's own docs/
    (a campus may edit its guide pages; they are shared pages of every build)."""
    words = _shipped_words(CODE_ROOT)
    if project_root is not None and project_root.resolve() != CODE_ROOT:
        words = words | _project_words(project_root.resolve() / "docs")
    return words


@lru_cache(maxsize=8)
def _project_words(docs: Path) -> frozenset[str]:
    return frozenset(_words_in(docs))


def own_word(initials: str, project_root: Path | None = None) -> bool:
    """Whether `initials` read like Casebook's own text (a roman numeral, or a word its own pages print)."""
    return roman_numeral(initials) or initials in casebook_words(project_root)


# Where Casebook's own text lives, for private strings (names, numbers) that Casebook itself prints: a nickname
# "Siti" is in the Privasi page's examples, a phone number may be an example of the docs. macros/synth (names for
# synthetic benchmark reports, never published) is not Casebook's published text.
_OWN_TEXT = (("docs", ("*.md", "*.yml")), ("overrides", ("*.html",)), ("macros", ("*.py",)))


@lru_cache(maxsize=8)
def _own_text(root: Path, project_docs: Path | None) -> Prepared:
    parts = []
    for folder, patterns in _OWN_TEXT:
        for pattern in patterns:
            for path in sorted((root / folder).rglob(pattern)) if (root / folder).is_dir() else []:
                if "synth" not in path.relative_to(root).parts and not path.is_symlink():
                    text = path.read_text(encoding="utf-8", errors="replace")
                    parts.append(_printable_literals(text) if path.suffix == ".py" else text)
    if project_docs is not None and project_docs.is_dir():
        parts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(project_docs.rglob("*.md"))]
    return Prepared.of("\n".join(parts))


_DOCSTRING = re.compile(r'("""|\'\'\')(.*?)\1', re.S)
_COMMENT_LINE = re.compile(r"^\s*#.*$", re.M)
_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')


def _printable_literals(code: str) -> str:
    """The one-line string literals of Python code (labels, messages, examples Casebook prints), without its
    docstrings and comments, which no page prints (and which name examples, like this module's own)."""
    return "\n".join(_LITERAL.findall(_COMMENT_LINE.sub("", _DOCSTRING.sub("", code))))


def in_casebook_text(needle: Needle, project_root: Path | None = None) -> bool:
    """Whether Casebook's own text (its guide pages, templates, labels) already carries this private string, a single
    word (a nickname) or a number: on a page every report shares, a match then says nothing about any report."""
    if needle.kind not in ("teks", "angka"):
        return False  # initials: own_word() decides, as whole upper-case words
    if needle.kind == "teks" and len(needle.text.split()) > 1:
        return False  # a name of several words in Casebook's pages is no coincidence: someone put it there
    docs = project_root.resolve() / "docs" if project_root is not None and project_root.resolve() != CODE_ROOT else None
    return contains(_own_text(CODE_ROOT, docs), needle)
