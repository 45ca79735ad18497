"""The privacy gate: nothing that identifies a client may be published.

Two scans:
- `scan_report` reads what the student wrote — every value in kasus.yml, every chapter page
  (as a whole, so a number split over two lines is one number), the names and text of its
  media, the text of its PDF attachments — and reports each finding at its file, line and
  field, like any data error. It runs in `casebook check` and in every build, before
  anything is published.
- `scan_published` reads what a build produced — every page, the search index, the sitemap,
  the print HTML each PDF was made from, the PDFs' metadata, the published media (their
  metadata, a PDF's text) — for the identity patterns (NIK, phone, e-mail, birth date, RT/RW)
  and for the private strings of each report. A report's private strings are looked for in
  that report's own output and in the pages shared by all reports, never in another
  report's pages. It is the proof that nothing slipped through templates or macros, text
  assembled at build time included.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from macros.errors import Problem, Severity, display_path
from macros.folder_walk import report_files
from macros.loading import LoadedCase, Locator, linked_file
from macros.privacy.matching import Needle, NeedleSet, Prepared, contains, visible_text
from macros.privacy.patterns import find_patterns, line_of
from macros.privacy.normalise import reveal
from macros.privacy.secrets import Secrets, load_secrets
from macros.yaml_source import YamlSyntaxError, parse_yaml

log = logging.getLogger("mkdocs.plugins.casebook")

PRIVATE_HINT = "tulis kode samaran atau keterangan umum; data asli hanya boleh ada di rahasia.yml"
TEXT_SUFFIXES = {".html", ".htm", ".json", ".xml", ".txt", ".js", ".svg", ".md", ".csv"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"}
_SKIP_SECTION = "privasi"  # the allow-list quotes the very strings it allows
_CONTEXT_KEYS = ("lahir", "ttl")  # a value under such a key is a birth date even without the word before it
MAX_PDF_PAGES = 300
ENCODING_HINT = ("simpan ulang berkas dengan encoding UTF-8 (VS Code: klik nama encoding di bilah bawah, "
                 "pilih 'Save with Encoding' lalu 'UTF-8'; Notepad: Simpan Sebagai, Encoding: UTF-8)")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)??(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)


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


def _with_context(path: tuple, text: str) -> str:
    key = next((k for k in reversed(path) if isinstance(k, str)), "")
    return f"{key}: {text}" if any(word in key.lower() for word in _CONTEXT_KEYS) else text


def _findings(text: str, secrets: Secrets | None, allowed: frozenset[str],
              data_value: bool = False) -> Iterator[tuple[str, str, int, str]]:
    """(message, hint, line within `text`, what was found) for each private string and identity pattern in `text`.
    `data_value`: a value of kasus.yml, all student text (initials that are Casebook's own words count there)."""
    if secrets:
        prepared = Prepared.of(text)
        for needle in secrets.needles:
            if (data_value or needle.checkable_in_output) and contains(prepared, needle):
                yield (f"memuat {needle.what} (tercatat di rahasia.yml)", PRIVATE_HINT, _needle_line(text, needle),
                       needle.text)
    plain = reveal(text)
    for match in find_patterns(plain, allowed, revealed=True):
        yield f"{match.rule.message}: `{match.text}`", match.rule.hint, line_of(plain, match.start), match.text


def _once_per_place(found: list[tuple[Problem, str]]) -> list[Problem]:
    """One message per thing found at one place. The same private string can be found by more than one detector
    (a pseudonym code equal to real initials: the initials' needle and the code check), or by two needles with
    the same text (a person listed as `klien` and again under `orang_lain`): the student reads it once, in the
    most specific wording (the detector that names the field's own problem comes first in `found`'s priority),
    at the most severe level any of them gave, so nothing the gate refuses becomes a mere warning."""
    groups: dict[tuple, list[Problem]] = {}
    for problem, text in found:
        key = (problem.file, problem.line, problem.column, problem.field_path, " ".join(text.casefold().split()))
        groups.setdefault(key, []).append(problem)
    kept = []
    for problems in groups.values():
        first = problems[0]
        severe = Severity.ERROR if any(p.severity is Severity.ERROR for p in problems) else first.severity
        kept.append(first if first.severity is severe else replace(first, severity=severe))
    return kept


def _needle_line(text: str, needle: Needle) -> int:
    """The line of `text` where the needle is (the first of two lines when it is split over them)."""
    if "\n" not in text:
        return 1
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if contains(Prepared.of(line), needle):
            return number
    for number in range(1, len(lines)):
        if contains(Prepared.of(lines[number - 1] + "\n" + lines[number]), needle):
            return number
    return 1


def decode_page(data: bytes, shown: str) -> tuple[str | None, Problem | None]:
    """A chapter page's text, or a located problem when it is not UTF-8 (e.g. saved as Windows-1252 by Notepad)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        guess = "Windows-1252/ANSI" if any(0x80 <= byte <= 0xFF for byte in data[exc.start:exc.start + 1]) else "bukan UTF-8"
        return None, Problem(shown, line, column, "", f"halaman tidak tersimpan sebagai UTF-8 (kemungkinan {guess}): "
                             f"byte 0x{data[exc.start]:02X} tidak dapat dibaca", ENCODING_HINT)


def front_matter_problems(text: str, shown: str) -> list[Problem]:
    """A chapter page's YAML front matter gets the same guard as kasus.yml: no aliases (an alias bomb
    expands a few lines into gigabytes), no deep nesting (50,000 `[` crash the YAML parser)."""
    found = _FRONT_MATTER.match(text)
    if not found or not found.group(1):
        return []
    try:
        parse_yaml(found.group(1))
    except YamlSyntaxError as exc:
        return [Problem(shown, p.line + 1, p.column, "", f"front matter: {p.message}", p.hint) for p in exc.problems]
    return []


def _pdf_text(data: bytes) -> str:
    """Text and metadata of a PDF (a letter attached to the report), for the same scan as everything else."""
    from pypdf import PdfReader  # imported when a PDF is there: most reports have none

    reader = PdfReader(io.BytesIO(data))
    parts = [str(value) for value in (reader.metadata or {}).values()]
    for page in reader.pages[:MAX_PDF_PAGES]:
        parts.append(page.extract_text() or "")
    return "\n".join(parts)


def _image_metadata(data: bytes) -> str:
    """The text an image carries besides its pixels: EXIF values, PNG text chunks, XMP, comments."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        parts = [str(value) for value in image.info.values() if isinstance(value, (str, bytes))]
        parts += [str(value) for value in image.getexif().values()]
    return "\n".join(p.decode("utf-8", "replace") if isinstance(p, bytes) else p for p in parts)


def media_text(name: str, data: bytes) -> str | None:
    """What a published file says in text, beyond its name: None when it says nothing a reader could find."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".pdf":
            return _pdf_text(data)
        if suffix in IMAGE_SUFFIXES:
            return _image_metadata(data)
    except Exception as exc:  # a damaged file: the media check names it; here it just has no text
        log.debug(f"{name}: teks/metadata tidak terbaca: {exc}")
        return None
    if suffix in TEXT_SUFFIXES:
        return data.decode("utf-8", errors="replace")
    return None


def scan_report(loaded: LoadedCase, locator: Locator, root: Path | None = None) -> list[Problem]:
    """Privacy findings in everything the student wrote for this report, each at its place, once (`_once_per_place`)."""
    secrets, problems = load_secrets(loaded.folder, root, loaded.case.subject_code)
    privacy = loaded.case.privacy
    allowed = frozenset(a.text for a in privacy.allow) if privacy else frozenset()
    # A pseudonym code equal to real initials: said first, in its own words, so it wins over the initials' needle.
    found: list[tuple[Problem, str]] = []
    if secrets and loaded.case.client and secrets.client_initials == loaded.case.client.code:
        found.append((locator.problem(("klien", "kode"), f"kode samaran `{loaded.case.client.code}` sama dengan inisial "
                                      "asli klien di rahasia.yml; inisial pun dapat mengenali orang",
                                      "pilih kode lain yang bukan inisialnya", severity=Severity.WARNING),
                      loaded.case.client.code))
    for index, micro in enumerate(loaded.case.micro_cases):  # a micro case's code is a pseudonym like the client's
        if secrets and micro.code in {secrets.client_initials, *secrets.others_initials}:
            found.append((locator.problem(("kasus_mikro", index, "kode"),
                                          f"kode samaran `{micro.code}` sama dengan inisial asli seseorang di "
                                          "rahasia.yml; inisial pun dapat mengenali orang",
                                          "pilih kode lain yang bukan inisialnya", severity=Severity.WARNING),
                          micro.code))
    for path, text in _strings(loaded.document.data):
        for message, hint, _, what in _findings(_with_context(path, text), secrets, allowed, data_value=True):
            found.append((locator.problem(path, message, hint), what))
    for page in sorted(loaded.folder.glob("*.md")):
        if linked_file(page):
            continue  # never read through a link (refused where pages are read: macros/site.py, page_check.py)
        shown = display_path(page, root)
        text, problem = decode_page(page.read_bytes(), shown)
        if problem:  # the page check refuses it, at its first bad byte (macros/page_check.py)
            continue
        for message, hint, line, what in _findings(text, secrets, allowed):
            found.append((Problem(shown, line, 1, "", message, hint), what))
    media = loaded.folder / "media"
    media_items = [Path(full) for relative, full in report_files(loaded.folder) if relative.startswith("media/")]
    for item in media_items if media.is_dir() and not media.is_symlink() else []:
        if not item.is_file() or linked_file(item):
            continue  # a linked media file is refused by check_files (macros/checks.py), never read here
        shown = display_path(item, root)
        texts = [item.name]
        if item.suffix.lower() in (".svg", ".pdf"):
            texts.append(media_text(item.name, item.read_bytes()) or "")
        for text in texts:
            for message, hint, _, what in _findings(text, secrets, allowed):
                found.append((Problem(shown, 1, 1, "", message, hint), what))
    return problems + _once_per_place(found)


@dataclass(frozen=True)
class Guard:
    """What one report's output must not contain: its private strings, and the patterns it has not allowed."""

    needles: tuple[Needle, ...] = ()
    allowed: frozenset[str] = frozenset()


def report_guard(loaded: LoadedCase, root: Path | None) -> Guard:
    secrets, _ = load_secrets(loaded.folder, root, loaded.case.subject_code)
    privacy = loaded.case.privacy
    needles = tuple(n for n in secrets.needles if n.checkable_in_output) if secrets else ()
    return Guard(needles, frozenset(a.text for a in privacy.allow) if privacy else frozenset())


def report_guards(reports: dict[str, LoadedCase], root: Path | None) -> dict[str, Guard]:
    return {slug: report_guard(loaded, root) for slug, loaded in reports.items()}


def all_needles(reports: Iterable[LoadedCase], root: Path | None) -> list[Needle]:
    """Every report's private strings (for the incremental build's key: a changed private file rescans)."""
    needles: list[Needle] = []
    for loaded in reports:
        secrets, _ = load_secrets(loaded.folder, root, loaded.case.subject_code)
        if secrets:
            needles.extend(n for n in secrets.needles if n.checkable_in_output)
    return needles


def site_examples(docs_dir: Path, generated: Iterable[str] = ()) -> frozenset[str]:
    """Pattern look-alikes the site's own pages show as examples (docs/ and the pages generated from Casebook's
    code, written by the maintainers, never by a student): `0812-0000-0000` on the Privasi page is allowed."""
    found: set[str] = set()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(docs_dir.rglob("*.md"))] if docs_dir.is_dir() else []
    for text in [*texts, *generated]:
        found |= {match.text for match in find_patterns(text, frozenset())}
    return frozenset(found)


@dataclass(frozen=True)
class Leak:
    where: str
    what: str
    slug: str | None = None  # the report whose private string or pattern it is; None: found in a page of no report
    unattributed: bool = False  # a report's private string on a shared page, not from that report's own pages

    def format(self) -> str:
        return f"{self.where}: memuat {self.what}"


def _published_files(site_dir: Path, skip: frozenset[tuple[str, ...]] = frozenset()) -> list[Path]:
    """Every published file that may hold text, in a fixed order."""
    files = []
    for item in sorted(site_dir.rglob("*")):
        parts = item.relative_to(site_dir).parts
        # The theme's own bundled files hold no report text (and their minified code would fake initials).
        if item.is_file() and parts[0] != "assets" and parts[:2] not in skip:
            files.append(item)
    return files


def _texts_of(site_dir: Path, item: Path, printed: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """The texts one published file holds, each with its name for a message; `printed`: reports whose PDF's print
    HTML (its text and the <meta> its metadata is made from) is scanned as such, so the PDF is not parsed again."""
    parts = item.relative_to(site_dir).parts
    name = "site/" + item.relative_to(site_dir).as_posix()  # as a reader of the message knows it (not the staging name)
    suffix = item.suffix.lower()
    if suffix == ".gz":
        yield name, gzip.decompress(item.read_bytes()).decode("utf-8", errors="replace")
    elif suffix == ".pdf" and len(parts) == 3 and parts[2] == f"{parts[1]}.pdf" and parts[1] in printed:
        return
    elif suffix == ".pdf":
        text = _pdf_metadata(item)
        if text:
            yield f"{name} (metadata)", text
        if parts[-1] != f"{parts[1] if len(parts) > 1 else ''}.pdf":  # an attachment: all its text
            text = media_text(item.name, item.read_bytes())
            if text:
                yield f"{name} (teks)", text
    elif suffix in IMAGE_SUFFIXES:
        text = media_text(item.name, item.read_bytes())
        if text and text.strip():
            yield f"{name} (metadata)", text
    elif _index_terms_file(parts):
        yield name, _index_terms(item.read_bytes())
    elif suffix in TEXT_SUFFIXES:
        yield name, item.read_text(encoding="utf-8", errors="replace")


# The search index's term shards (term -> postings) and vocabulary shards (prefix -> terms), macros/search/build.py.
# What they publish is their terms, each one word of a page: read as one long text, the postings' integers and the
# neighbouring terms ran together into numbers and names no page holds (a shard's "... 14, 3, 2012 ..." is a birth
# date of rahasia.yml; found with real identities in an archive of 200 synthetic reports). Each term stands apart:
# a letter-only separator, which no name, number or identity pattern runs across.
_INDEX_TERMS = ("search", "casebook")
TERM_SEPARATOR = "\nq\n"


def _index_terms_file(parts: tuple[str, ...]) -> bool:
    return len(parts) == 4 and parts[:2] == _INDEX_TERMS and parts[2] in ("s", "v") and parts[3].endswith(".json")


def _index_terms(data: bytes) -> str:
    """The terms of a term or vocabulary shard, each apart (see TERM_SEPARATOR); not JSON: the text as it is."""
    import json

    try:
        shard = json.loads(data)
    except ValueError:
        return data.decode("utf-8", errors="replace")
    if not isinstance(shard, dict):
        return data.decode("utf-8", errors="replace")
    terms = list(shard)
    terms += [term for value in shard.values() if isinstance(value, list) for term in value if isinstance(term, str)]
    return TERM_SEPARATOR.join(terms)


def _published_texts(site_dir: Path, skip: frozenset[tuple[str, ...]] = frozenset(),
                     printed: frozenset[str] = frozenset()) -> Iterator[tuple[str, Path, str]]:
    """Every published text (see `_texts_of`)."""
    for item in _published_files(site_dir, skip):
        for name, text in _texts_of(site_dir, item, printed):
            yield name, item, text


def _pdf_metadata(path: Path) -> str:
    try:
        from pypdf import PdfReader

        metadata = PdfReader(path).metadata or {}
        return "\n".join(str(value) for value in metadata.values())
    except Exception as exc:  # a PDF WeasyPrint wrote is readable; anything else is named by its own check
        log.debug(f"{path}: metadata PDF tidak terbaca: {exc}")
        return ""


def _report_of(parts: tuple[str, ...], section: str) -> str | None:
    return parts[1] if len(parts) > 2 and parts[0] == section else None


@dataclass
class ScanMemo:
    """Published files an earlier scan with the same settings found clean, so an incremental build need not read
    them again: a rebuilt archive rewrites its shared files (search index, catalogue, tag pages: some 60 MB at 1,000
    reports), and nearly all of them come out byte for byte as before.

    `key`: `scan_key(...)` of the scan that found them; `clean`: site-relative path -> SHA-256 (hex) of the bytes
    found clean. A file is skipped only when both its path and its bytes are in `clean` and the key is the same: the
    guards, allow-lists and the site fingerprint (Casebook's code and settings) all unchanged. A file whose verdict
    depended on other reports (a shared page's private string excused because another report publishes it as its
    own text) is skipped only while those reports are unchanged (`unchanged`). `found` collects this scan's clean
    files, for the next build (macros/incremental.py keeps it)."""

    key: str
    clean: dict[str, str | list]
    found: dict[str, str | list] = field(default_factory=dict)
    published: dict[str, list[str]] = field(default_factory=dict)
    """By report: the private strings of the archive its own pages publish (`needle_key`s: hashes, never the strings),
    as the previous scan worked them out; reused for a report in `unchanged`, and kept for the next build."""
    unchanged: frozenset[str] = frozenset()
    """Reports whose pages are the previous build's (an incremental build reused them). A shared page that showed
    a private string only because another report publishes it as its own text is remembered with that report's
    slug (`[digest, [slugs]]`), and skipped only while every such report is unchanged."""


def scan_key(guards: dict[str, Guard], site_allowed: frozenset[str], fingerprint: str) -> str:
    """A hash of everything a published file's scan verdict depends on besides its own bytes (see `ScanMemo`)."""
    digest = hashlib.sha256(f"{fingerprint}\0{sorted(site_allowed)!r}".encode())
    for slug in sorted(guards):
        guard = guards[slug]
        needles = sorted((n.text, n.what, n.kind, n.casebook_prints) for n in guard.needles)
        digest.update(repr((slug, needles, sorted(guard.allowed))).encode())
    return digest.hexdigest()


def scan_published(site_dir: Path, guards: dict[str, Guard] | list[Needle], extra: dict[str, str] | None = None,
                   skip: frozenset[tuple[str, ...]] = frozenset(), *, section: str = "kasus",
                   site_allowed: frozenset[str] = frozenset(), patterns: bool = True,
                   memo: ScanMemo | None = None) -> list[Leak]:
    """Private strings and identity patterns found in the built site and in the texts the PDFs were printed from.

    `guards`: each report's guard by slug (a plain list of needles: one guard for every file, no patterns).
    A file under `<section>/<slug>/` and the print text keyed `"<slug> (PDF...)"` are that report's own: only its
    guard applies. Any other file (home, catalogue, search index, sitemap, guide) is shared: every report's patterns
    and private strings apply, except a private string that another report publishes as its own ordinary text
    (one report's rahasia.yml naming another report's institution blames nobody).
    `skip`: folders (as path parts, e.g. ("kasus", "ln-hikari-2024")) an incremental build reused unchanged, already
    scanned with these same guards.
    `memo`: files an earlier scan found clean (see `ScanMemo`); this scan's clean files are added to `memo.found`."""
    if isinstance(guards, list):
        guards, patterns = {"": Guard(tuple(guards))}, False
        section = "\0"  # no file belongs to a report: the one guard applies everywhere
    if not any(g.needles for g in guards.values()) and not patterns:
        return []
    everything = Guard(tuple(n for g in guards.values() for n in g.needles),
                       frozenset().union(site_allowed, *(g.allowed for g in guards.values())))
    scan = _Scan(site_dir, guards, everything, {id(n): slug for slug, g in guards.items() for n in g.needles},
                 section, patterns, frozenset(where.split(" ")[0] for where in (extra or {})), extra)
    scan.memo = memo
    scan.needle_set(everything)  # built before the workers fork: they share it
    files = _published_files(site_dir, skip)
    results, published = _in_parallel(scan, files) if len(files) >= PARALLEL_FILES else _scan_chunk(files, scan)
    leaks = [leak for found, _ in results for leak in found]
    for where, text in sorted((extra or {}).items()):
        leaks += scan.text(where, site_dir / "\0", text)
    if memo is not None:
        memo.found.update(entry for _, entry in results if entry is not None)
        published.update(scan.computed)
        memo.published = {slug: sorted(keys) for slug, keys in published.items()} | {
            slug: keys for slug, keys in memo.published.items() if slug in memo.unchanged and slug not in published}
    return leaks


PARALLEL_FILES = 400  # below this a build's scan takes about a second: not worth starting processes


@dataclass
class _Scan:
    """One output scan's settings, and the scan of one file or text (see `scan_published`)."""

    site_dir: Path
    guards: dict[str, Guard]
    everything: Guard
    owner_of: dict[int, str]
    section: str
    patterns: bool
    printed: frozenset[str]
    print_texts: dict[str, str] | None = None
    memo: ScanMemo | None = None

    def __post_init__(self) -> None:
        self.own_cache: dict[str, list[Prepared]] = {}
        self.leaned_on: set[str] = set()  # reports whose own pages excused a private string in this file
        self.published_keys: dict[str, frozenset[str]] = {}  # slug -> needle keys its own pages publish (`published`)
        self.computed: dict[str, frozenset[str]] = {}         # those this process worked out (for the memo)
        self.needle_sets: dict[int, tuple[Guard, NeedleSet]] = {}  # by guard (`needle_set`)
        for where, text in (self.print_texts or {}).items():  # a report's PDF text is its own output too
            self.own_cache.setdefault("\0pdf " + where.split(" ")[0], []).append(text)

    def ordinary_elsewhere(self, needle: Needle, owner: str) -> str | None:
        """Another report that publishes `needle` in its own pages (so a shared page may show it as that report's
        text), the first in the archive's order, or None."""
        key = needle_key(needle)
        return next((slug for slug in self.guards if slug and slug != owner and key in self.published(slug)), None)

    def published_by(self, slug: str, needle: Needle, pdf: bool = False) -> bool:
        """Whether report `slug`'s own published pages (with `pdf`, also the text its PDF was printed from) carry
        `needle`."""
        printed = "\0pdf " + slug
        if pdf and printed in self.own_cache:
            self.own_cache[printed] = [t if isinstance(t, Prepared) else Prepared.of(t) for t in self.own_cache[printed]]
            if any(contains(prepared, needle) for prepared in self.own_cache[printed]):
                return True
        return needle_key(needle) in self.published(slug)

    def published(self, slug: str) -> frozenset[str]:
        """The `needle_key`s of every private string of the archive that report `slug`'s own pages publish.

        Worked out once per report and process, all strings at once (`NeedleSet`), when a shared page first needs
        it: in a real archive pseudonym codes and other people's real initials coincide all the time, and asking
        each report's pages string by string made a 200-report build take six minutes. A report an incremental
        build reused takes what the previous scan worked out (`ScanMemo.published`): its pages are those."""
        if slug not in self.published_keys:
            memo = self.memo
            if memo is not None and slug in memo.unchanged and slug in memo.published:
                self.published_keys[slug] = frozenset(memo.published[slug])
            else:
                folder = self.site_dir / self.section / slug
                pages = sorted(folder.rglob("*.html")) if folder.is_dir() else []
                everything = self.needle_set(self.everything)
                keys = frozenset(needle_key(n) for page in pages
                                 for n in everything.found(Prepared.of(page.read_text(encoding="utf-8", errors="replace"))))
                self.published_keys[slug] = self.computed[slug] = keys
        return self.published_keys[slug]

    def needle_set(self, guard: Guard) -> NeedleSet:
        """Each guard's private strings, ready to be looked for all at once (built once per scan and process)."""
        if id(guard) not in self.needle_sets:
            self.needle_sets[id(guard)] = (guard, NeedleSet(guard.needles))  # the guard is kept: its id stays its own
        return self.needle_sets[id(guard)][1]

    def remembered(self, item: Path) -> tuple[list[Leak], tuple[str, str | list] | None]:
        """`file(item)`, skipped when the memo holds these bytes at this path as clean (and the reports that verdict
        leaned on are unchanged); with the memo entry to keep when it is clean."""
        if self.memo is None:
            return self.file(item), None
        parts = item.relative_to(self.site_dir).parts
        path = "/".join(parts)
        # A term shard's verdict depends on its terms only: its postings change with every edited report.
        data = _index_terms(item.read_bytes()).encode() if _index_terms_file(parts) else item.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        known = self.memo.clean.get(path)
        if known == digest or (isinstance(known, list) and known[0] == digest
                               and set(known[1]) <= self.memo.unchanged):
            return [], (path, known)
        self.leaned_on = set()
        found = self.file(item)
        if found:
            return found, None
        return [], (path, [digest, sorted(self.leaned_on)] if self.leaned_on else digest)

    def file(self, item: Path) -> list[Leak]:
        found = []
        for where, text in _texts_of(self.site_dir, item, self.printed):
            rows = _catalogue_rows(text, self.guards) if item.suffix.lower() == ".csv" else None
            if rows is None:
                found += self.text(where, item, text)
            else:  # the archive catalogue: each row is its report's own text, under that report's guard alone
                found += [leak for slug, row in rows for leak in self.text(where, item, row, slug)]
        return found

    def text(self, where: str, path: Path, text: str, owner: str | None = None) -> list[Leak]:
        guards, leaks = self.guards, []
        if owner is not None:
            slug = owner
        elif path.name == "\0":  # print HTML of a PDF: "<slug> (PDF: ...)"
            slug = where.split(" ")[0]
        else:
            slug = _report_of(path.relative_to(self.site_dir).parts, self.section)
        guard = guards.get(slug) if slug is not None else None
        if slug is not None and guard is None and "" not in guards:
            guard = Guard()  # a report not in this build (left out): no private strings known, patterns still apply
        shared = guard is None
        if guard is None:
            guard = guards[""] if "" in guards else self.everything
        prepared = Prepared.of(text) if guard.needles else None
        for needle in self.needle_set(guard).found(prepared) if prepared is not None else ():
            if shared and needle.casebook_prints:
                continue  # Casebook's own text on the shared pages carries it (said at rahasia.yml by check)
            owner = self.owner_of.get(id(needle))
            publisher = self.ordinary_elsewhere(needle, owner) if shared and owner else None
            if publisher:
                self.leaned_on.add(publisher)
                continue
            if shared and owner and not self.published_by(owner, needle, pdf=True):
                # Not the owner's doing: its own pages do not carry it, so the text came from somewhere else
                # (a guide page, a setting, another report's field only shared pages show). Leaving the owner
                # out would punish the victim; the operator must look at this page (the build fails).
                leaks.append(Leak(where, f"{needle.what} yang tercatat di rahasia.yml laporan {owner}, "
                                         "padahal halaman laporan itu sendiri tidak memuatnya", None, True))
                continue
            leaks.append(Leak(where, needle.what, owner if owner else slug))
        if self.patterns:
            # The site's own examples (docs/) are allowed on shared pages only: a report's page allows what it lists.
            allowed = self.everything.allowed if shared else guard.allowed
            for match in find_patterns(visible_text(text), allowed, revealed=True):
                leaks.append(Leak(where, f"{match.rule.message.removeprefix('memuat ')}: `{match.text}`", slug))
        return leaks


def _catalogue_rows(text: str, guards: dict[str, Guard]) -> list[tuple[str, str]] | None:
    """(slug, row text) of a CSV whose first column is `slug` and whose every row names a report of this build
    (the archive catalogue, macros/archive/export.py); None for any other CSV, scanned as one shared page."""
    import csv

    try:
        table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error:
        return None
    if not table or not table[0] or table[0][0] != "slug" or not all(row and row[0] in guards for row in table[1:]):
        return None
    return [(row[0], "\n".join(row)) for row in table[1:]]


# The scan a forked worker runs: set before the workers fork, so nothing is pickled but file names and leaks.
_current: _Scan | None = None


def _scan_chunk(files: list[Path], scan: _Scan | None = None) -> tuple[list[tuple[list[Leak], tuple | None]], dict]:
    """Each file's leaks and its memo entry when it is clean (`_Scan.remembered`); with what this process worked
    out about which report publishes which private string (`_Scan.published`), for the memo."""
    scan = scan or _current
    scan.computed = {}
    return [scan.remembered(item) for item in files], scan.computed


def _in_parallel(scan: _Scan, files: list[Path]) -> tuple[list[tuple[list[Leak], tuple | None]], dict]:
    """The output scan of an archive reads every page again (a quarter of an archive build's CPU time, all of it
    after the pages are written): its files are shared out to one process per core. Leaks come back in file
    order, as a scan in one process finds them. Without `fork` (Windows), one process."""
    global _current
    import gc
    import os

    from macros import processes

    import threading

    workers = min(os.cpu_count() or 1, 8)
    # Forking while another thread runs (`mkdocs serve`: its server, a PDF pool kept between builds) can copy a lock
    # that thread holds: only a one-shot build, whose other threads have ended, shares the scan out.
    if workers < 2 or not processes.available("fork") or threading.active_count() > 1:
        return _scan_chunk(files, scan)
    chunks = [files[i:i + 50] for i in range(0, len(files), 50)]
    _current = scan
    # The workers' collectors leave the build's objects alone (their memory stays shared, not copied). A build has
    # usually frozen its long-lived objects already (macros/gc_settle.py): that freeze is left as it was.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        with processes.context("fork").Pool(workers) as pool:
            found = pool.map(_scan_chunk, chunks, chunksize=1)
    finally:
        if not frozen_before:
            gc.unfreeze()
        _current = None
    published: dict = {}
    for _, computed in found:
        published.update(computed)
    return [result for results, _ in found for result in results], published


def needle_key(needle: Needle) -> str:
    """A private string's key in the scan memo: a hash, so the build cache never holds the string itself."""
    return hashlib.sha256(f"{needle.kind}\0{needle.text}".encode()).hexdigest()[:20]


def scan_docx(path: Path, guard: Guard, site_allowed: frozenset[str] = frozenset()) -> list[Leak]:
    """The Word export: its text, comments, headers and metadata (docProps) are scanned like a page."""
    leaks = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(".xml"):
                text = archive.read(name).decode("utf-8", errors="replace")
                prepared = Prepared.of(text.replace("</w:p>", "\n"))
                leaks += [Leak(f"{path.name}:{name}", n.what) for n in guard.needles if contains(prepared, n)]
                leaks += [Leak(f"{path.name}:{name}", f"{m.rule.message.removeprefix('memuat ')}: `{m.text}`")
                          for m in find_patterns(visible_text(text.replace("</w:p>", "\n")), guard.allowed | site_allowed, revealed=True)]
            elif Path(name).suffix.lower() in IMAGE_SUFFIXES:
                text = media_text(name, archive.read(name))
                if text:
                    prepared = Prepared.of(text)
                    leaks += [Leak(f"{path.name}:{name}", n.what) for n in guard.needles if contains(prepared, n)]
    return leaks
