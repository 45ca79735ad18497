"""The one user-facing error type of Casebook.

Every problem a student can cause (bad YAML, a wrong type, a weekday that does not
match its date, a missing photo) becomes a `Problem`: file, line, column, field path,
an Indonesian message and an optional hint. Code that finds problems collects them;
only the boundaries (CLI, MkDocs hook) print them. A traceback never reaches a student.
"""

from __future__ import annotations

import os
import re

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "galat"
    WARNING = "peringatan"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about one place in one file."""

    file: str
    line: int
    column: int
    field_path: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Render as `file:LINE:COL: field.path: pesan (hint)` — the format editors link."""
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.field_path}: {self.message}" if self.field_path else f"{where}: {self.message}"
        if self.severity is Severity.WARNING:
            text = f"{where}: peringatan: " + text[len(where) + 2 :]
        if self.hint:
            text += f" ({self.hint})"
        return visible_controls(text)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass
class CaseDataError(Exception):
    """Raised at a boundary when a report's data cannot be used."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)


# C0 and C1 controls but tab and line breaks, and the Unicode noncharacters Casebook keeps for its own markers
# (macros/render/numbering.py INTERNAL): no student text may hold them.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def visible_controls(text: str) -> str:
    """Control characters a message may quote from a student's file, written as `\\x1b`: printed raw, an escape
    sequence would drive the admin's terminal or CI log (colours, cursor moves, a hidden line)."""
    return CONTROL_CHARACTERS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                  else f"\\u{ord(m.group()):04x}", text)


def display_path(path: Path, root: Path | None = None) -> str:
    """Path as the student sees it: relative to the project root when possible. Named as written first (a symbolic
    link is reported where it lies, not under the folder it points at), then resolved."""
    base = root or Path.cwd()
    for mine, theirs in ((Path(os.path.abspath(path)), Path(os.path.abspath(base))), (path.resolve(), base.resolve())):
        try:
            return mine.relative_to(theirs).as_posix()
        except ValueError:
            continue
    return path.as_posix()
