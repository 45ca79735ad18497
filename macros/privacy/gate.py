"""The privacy gate: nothing that identifies a client may be published.

Two scans:
- `scan_report` reads what the student wrote — every value in kasus.yml, every line of the
  report's own chapter pages, the names and text of its media — and reports each finding
  at its file, line and field, like any data error. It runs in `casebook check` and in
  every build, before anything is published.
- `scan_published` reads what a build produced — every page, the search index, the
  sitemap, the print HTML each PDF was made from (its text and metadata) — for the private
  strings of every report. It is the proof that nothing slipped through templates or macros.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.errors import Problem, Severity, display_path
from macros.loading import LoadedCase, Locator
from macros.privacy.matching import Needle, Prepared, contains
from macros.privacy.patterns import find_patterns
from macros.privacy.secrets import Secrets, load_secrets

PRIVATE_HINT = "tulis kode samaran atau keterangan umum; data asli hanya boleh ada di rahasia.yml"
TEXT_SUFFIXES = {".html", ".htm", ".json", ".xml", ".txt", ".js", ".svg", ".md", ".csv"}
_SKIP_SECTION = "privasi"  # the allow-list quotes the very strings it allows


def _strings(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if path or key != _SKIP_SECTION:
                yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
    elif isinstance(value, str):
        yield path, value


def _findings(text: str, secrets: Secrets | None, allowed: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(message, hint) for each private string and identity pattern in `text`."""
    if secrets:
        prepared = Prepared.of(text)
        for needle in secrets.needles:
            if contains(prepared, needle):
                yield f"memuat {needle.what} (tercatat di rahasia.yml)", PRIVATE_HINT
    for match in find_patterns(text, allowed):
        yield f"{match.rule.message}: `{match.text}`", match.rule.hint


def scan_report(loaded: LoadedCase, locator: Locator, root: Path | None = None) -> list[Problem]:
    """Privacy findings in everything the student wrote for this report, each at its place."""
    secrets, problems = load_secrets(loaded.folder, root, loaded.case.client.code)
    privacy = loaded.case.privacy
    allowed = frozenset(a.text for a in privacy.allow) if privacy else frozenset()
    for path, text in _strings(loaded.document.data):
        for message, hint in _findings(text, secrets, allowed):
            problems.append(locator.problem(path, message, hint))
    for page in sorted(loaded.folder.glob("*.md")):
        shown = display_path(page, root)
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for message, hint in _findings(line, secrets, allowed):
                problems.append(Problem(shown, number, 1, "", message, hint))
    media = loaded.folder / "media"
    for item in sorted(media.rglob("*")) if media.is_dir() else []:
        if not item.is_file():
            continue
        shown = display_path(item, root)
        texts = [item.name] + ([item.read_text(encoding="utf-8", errors="replace")] if item.suffix.lower() == ".svg" else [])
        for text in texts:
            for message, hint in _findings(text, secrets, allowed):
                problems.append(Problem(shown, 1, 1, "", message, hint))
    if secrets and secrets.client_initials == loaded.case.client.code:
        problems.append(locator.problem(("klien", "kode"), f"kode samaran `{loaded.case.client.code}` sama dengan inisial asli "
                                        "klien di rahasia.yml; inisial pun dapat mengenali orang",
                                        "pilih kode lain yang bukan inisialnya", severity=Severity.WARNING))
    return problems


def all_needles(reports: Iterable[LoadedCase], root: Path | None) -> list[Needle]:
    """Every report's private strings: a name from one report must not appear in another's pages either."""
    needles: list[Needle] = []
    for loaded in reports:
        secrets, _ = load_secrets(loaded.folder, root, loaded.case.client.code)
        if secrets:
            needles.extend(secrets.needles)
    return needles


@dataclass(frozen=True)
class Leak:
    where: str
    what: str

    def format(self) -> str:
        return f"{self.where}: memuat {self.what}"


def _published_texts(site_dir: Path, skip: frozenset[tuple[str, ...]] = frozenset()) -> Iterator[tuple[str, str]]:
    for item in sorted(site_dir.rglob("*")):
        parts = item.relative_to(site_dir).parts
        # The theme's own bundled files hold no report text (and their minified code would fake initials).
        if not item.is_file() or parts[0] == "assets" or parts[:2] in skip:
            continue
        name = item.relative_to(site_dir.parent).as_posix()
        if item.suffix.lower() in TEXT_SUFFIXES:
            yield name, item.read_text(encoding="utf-8", errors="replace")
        elif item.suffix == ".gz":
            yield name, gzip.decompress(item.read_bytes()).decode("utf-8", errors="replace")


def scan_published(site_dir: Path, needles: list[Needle], extra: dict[str, str] | None = None,
                   skip: frozenset[tuple[str, ...]] = frozenset()) -> list[Leak]:
    """Every private string found in the built site and in the texts the PDFs were printed from.
    `skip`: folders (as path parts, e.g. ("kasus", "ln-hikari-2024")) an incremental build reused
    unchanged, already scanned against these same needles."""
    if not needles:
        return []
    leaks = []
    sources = list(_published_texts(site_dir, skip)) + sorted((extra or {}).items())
    for where, text in sources:
        prepared = Prepared.of(text)
        leaks.extend(Leak(where, needle.what) for needle in needles if contains(prepared, needle))
    return leaks
