"""Files -> validated `Case` models. Every YAML or validation error becomes a `Problem`.

This is the edge of the system: after `load_case` returns, code sees frozen models
only. Pydantic's English errors are translated here into messages a student can
act on, each pointing at the line and column of the value (or key) at fault.
"""

from __future__ import annotations

import re

import difflib
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from macros.errors import CONTROL_CHARACTERS, Problem, Severity, display_path
from macros.folder_walk import FolderRefused, report_files
from macros.model_paths import YamlPath, format_path, keys_of, model_at
from macros.schema import Case
from macros.schema.types import PLACEHOLDER
from macros.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from macros.yaml_source import MAX_BYTES, YamlDocument, YamlSyntaxError, parse_yaml

CASE_FILE = "kasus.yml"

_IDENTITY_KEYS = {"nama", "nama_lengkap", "nama_asli", "tanggal_lahir", "tempat_lahir", "tempat_tanggal_lahir",
                  "ttl", "alamat", "alamat_lengkap", "nik", "no_kk", "telepon", "no_hp", "hp", "email", "rt", "rw"}
_YAML11_WORDS = {"yes", "no", "on", "off", "y", "n", "ya", "tidak", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}


@dataclass(frozen=True)
class LoadedCase:
    """A report that passed validation: its model plus where its facts stand in the file."""

    slug: str
    folder: Path
    case: Case
    document: YamlDocument = field(repr=False)

    @property
    def file(self) -> Path:
        return self.folder / CASE_FILE


@dataclass
class LoadResult:
    slug: str
    folder: Path
    loaded: LoadedCase | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PLACEHOLDER_MESSAGE = "masih berisi isian contoh"


def case_folders(directory: Path) -> list[Path]:
    """Report folders directly inside `directory` (those holding kasus.yml), sorted; hidden ones skipped."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / CASE_FILE).exists())


# Files an operating system or git leaves in any folder: nobody meant them as a report.
SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", ".gitkeep", ".gitignore", ".gitattributes"})


def ignored_entries(directory: Path) -> list[Path]:
    """Everything directly inside a folder of reports that `case_folders` does not take: a folder without kasus.yml,
    a hidden folder, a loose file. The build and `check` pass over them, so `check` names each one (nothing a student
    put in cases/ disappears without a word); only the files every OS or git leaves behind are not named."""
    if not directory.is_dir():
        return []
    taken = set(case_folders(directory))
    return sorted(p for p in directory.iterdir() if p not in taken and p.name.casefold() not in SYSTEM_FILES
                  and not _synth_manifest(p, taken))


def _synth_manifest(path: Path, reports: set[Path]) -> bool:
    """`casebook synth` writes its manifest beside the reports it made, on purpose outside every report folder (so it
    is never published); it belongs there while synthetic reports do."""
    from macros.synth.generate import MARKER
    from macros.synth.manifest import MANIFEST_FILE

    return path.name == MANIFEST_FILE and path.is_file() and any((folder / MARKER).is_file() for folder in reports)


class Locator:
    """Turns YAML paths into `Problem`s with file, line and column."""

    def __init__(self, file: str, document: YamlDocument | None):
        self.file = file
        self.document = document

    def problem(self, path: YamlPath, message: str, hint: str = "", *, key: bool = False,
                severity: Severity = Severity.ERROR) -> Problem:
        line, col = self.document.locate(path, key=key) if self.document else (1, 1)
        return Problem(self.file, line, col, format_path(path), message, hint, severity)


LINKED_FOLDER_MESSAGE = ("folder laporan ini adalah tautan simbolik (symlink); folder itu tidak diperiksa dan tidak "
                         "diterbitkan")
LINKED_HINT = ("salin isinya ke folder atau berkas biasa, tanpa tautan simbolik atau tautan keras: tautan dapat menunjuk "
               "ke laporan atau rahasia.yml mahasiswa lain")


def linked_file(path: Path) -> str | None:
    """`symlink` or `hard link` when `path` is not a plain file of its own (a hard link is the same file as another
    one, perhaps another report's kasus.yml or rahasia.yml), else None."""
    if path.is_symlink():
        return "tautan simbolik (symlink)"
    try:
        return "tautan keras (hard link)" if path.is_file() and path.stat().st_nlink > 1 else None
    except OSError:
        return None


def linked_file_message(name: str, kind: str) -> str:
    return f"berkas {name} adalah {kind}; berkas itu tidak dibaca dan laporan ini tidak diterbitkan"


def load_case(folder: Path, *, vocabulary: Vocabulary = DEFAULT_VOCABULARY, root: Path | None = None) -> LoadResult:
    """Read, validate and cross-check `folder/kasus.yml`; never raises. A failure inside Casebook while reading one
    report (a bug, or a folder shaped in a way nothing foresaw) is a problem of that report, so `check` still
    checks the others and an archive build leaves out this one only (red team s23 #5)."""
    try:
        return _load_case(folder, vocabulary=vocabulary, root=root)
    except Exception as exc:  # noqa: BLE001 - the per-report boundary: named, located, never a whole-build stop
        shown = display_path(folder / CASE_FILE, root)
        return LoadResult(folder.name, folder, None, [Problem(
            shown, 1, 1, "", f"laporan ini tidak dapat dibaca: kesalahan di dalam Casebook ({type(exc).__name__}), "
                             "belum tentu karena laporan Anda",
            "laporan lain tetap diperiksa dan dibangun; laporkan pesan ini ke pengelola Casebook")])


def _load_case(folder: Path, *, vocabulary: Vocabulary, root: Path | None) -> LoadResult:
    from macros.checks import run_checks  # checks import this module's Locator

    slug = folder.name
    path = folder / CASE_FILE
    shown = display_path(path, root)
    if not SLUG.fullmatch(slug) or len(slug) > 64:
        # The slug becomes a URL and a file name: only a safe alphabet, never a path trick.
        return LoadResult(slug, folder, None, [Problem(shown, 1, 1, "", f"nama folder laporan `{slug}` tidak valid",
                                                       "gunakan huruf kecil, angka dan tanda hubung, misalnya ln-hikari-2024")])
    if folder.is_symlink():
        # It may point at another student's folder: check would validate that report under this name, and the
        # build would publish it twice (or, sharing its cache entry, drop this one silently).
        return LoadResult(slug, folder, None, [Problem(display_path(folder, root), 1, 1, "", LINKED_FOLDER_MESSAGE,
                                                       LINKED_HINT)])
    try:  # the folder is untrusted: a tree too deep or too large is refused before anything walks it again
        report_files(folder)
    except FolderRefused as refused:
        where = display_path(folder, root) + "/" + refused.relative
        return LoadResult(slug, folder, None, [Problem(where, 1, 1, "", refused.message, refused.hint)])
    linked = linked_file(path)
    if linked:
        return LoadResult(slug, folder, None, [Problem(shown, 1, 1, "", linked_file_message(CASE_FILE, linked), LINKED_HINT)])
    if not path.is_file():
        return LoadResult(slug, folder, None, [Problem(shown, 1, 1, "", f"berkas {CASE_FILE} tidak ditemukan",
                                                       f"buat dengan `casebook new {slug}`")])
    if path.stat().st_size > MAX_BYTES:  # refuse before reading: a huge file must not cost memory or time
        return LoadResult(slug, folder, None, [Problem(shown, 1, 1, "", f"berkas terlalu besar (lebih dari {MAX_BYTES // 1_000_000} MB)",
                                                       "simpan foto dan lampiran besar di folder media/, bukan di kasus.yml")])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return LoadResult(slug, folder, None, [Problem(shown, line, 1, "", "berkas bukan teks UTF-8",
                                                       "simpan ulang berkas dengan encoding UTF-8")])
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as exc:
        problems = [Problem(shown, p.line, p.column, format_path(p.path), p.message, p.hint) for p in exc.problems]
        return LoadResult(slug, folder, None, problems)
    locator = Locator(shown, document)
    if not isinstance(document.data, dict):
        return LoadResult(slug, folder, None, [locator.problem((), "isi kasus.yml harus berupa pemetaan `kunci: nilai`",
                                                               "mulai dengan `laporan:` di kolom pertama")])
    # Invisible control characters (a YAML "\x01" escape, or carried over from a PDF or Word copy) break the
    # catalogue's spreadsheet and can drive a terminal that prints them: refused at their field, every field.
    control = [locator.problem(path, f"teks ini memuat karakter kendali tak terlihat "
                                     f"(U+{ord(CONTROL_CHARACTERS.search(text).group()):04X})",
                               "hapus karakter itu lalu ketik ulang bagian itu; karakter seperti ini biasanya terbawa "
                               "saat menyalin dari PDF atau Word")
               for path, text in _string_paths(document.data) if CONTROL_CHARACTERS.search(text)]
    if control:
        return LoadResult(slug, folder, None, control)
    placeholders = list(_placeholder_paths(document.data))
    # Valid YAML that likely does not say what was meant (macros/yaml_source.py), e.g. commas inside [ ].
    yaml_warnings = [Problem(shown, w.line, w.column, format_path(w.path), w.message, w.hint, Severity.WARNING)
                     for w in document.warnings]
    problems = [locator.problem(p, PLACEHOLDER_MESSAGE, "ganti dengan data laporan Anda, atau hapus bagian opsional ini")
                for p in placeholders] + yaml_warnings
    try:
        case = Case.model_validate(document.data, context={"vocabulary": vocabulary})
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if any(loc[: len(p)] == p for p in placeholders):
                continue  # already reported as an unfilled placeholder
            problems.append(translate_error(error, locator))
        return LoadResult(slug, folder, None, _unique(problems))
    if any(p.is_error for p in problems):
        return LoadResult(slug, folder, None, problems)
    loaded = LoadedCase(slug, folder, case, document)
    return LoadResult(slug, folder, loaded, yaml_warnings + run_checks(loaded, locator, vocabulary))


def _string_paths(data: Any, path: YamlPath = ()):
    """(path, text) of every string in a YAML document, keys included."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from _string_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _string_paths(value, (*path, index))


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, result = set(), []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            result.append(problem)
    return sorted(result, key=lambda p: (p.line, p.column))


def _placeholder_paths(value: Any, path: YamlPath = ()):
    if isinstance(value, str) and PLACEHOLDER in value:
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholder_paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholder_paths(item, path + (index,))


def template_showing(path: tuple) -> str:
    """The `casebook new` template whose kasus.yml shows the part at `path` (`kasus_mikro` is in the laboratory
    template only): a hint pointing at a template without the part sends the student nowhere (user test s23)."""
    top = next((k for k in path if isinstance(k, str)), "")
    for shown, keys in _template_keys():
        if top in keys:
            return shown
    return "docs/templat/kasus.yml"


@lru_cache(maxsize=1)
def _template_keys() -> tuple[tuple[str, frozenset[str]], ...]:
    """(shown path, top-level keys) of each kind's kasus.yml template, the shared one first."""
    from macros.project import TEMPLATES_DIR

    templates = Path(__file__).resolve().parents[1] / TEMPLATES_DIR
    files = sorted(templates.glob("*/kasus.yml")) if templates.is_dir() else []
    found = []
    for file in [templates / "kasus.yml", *files]:
        try:
            keys = frozenset(re.findall(r"^([a-z_]+):", file.read_text(encoding="utf-8"), re.M))
        except OSError:
            continue
        found.append(((TEMPLATES_DIR / file.relative_to(templates)).as_posix(), keys))
    return tuple(found)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "pemetaan"
    if isinstance(value, list):
        return "daftar"
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"angka {value}"
    return f"`{value}`"


def translate_error(error: dict[str, Any], locator: Locator) -> Problem:
    """One pydantic error -> one Indonesian `Problem` at the right place."""
    kind, loc, value, ctx = error["type"], tuple(error["loc"]), error.get("input"), error.get("ctx") or {}
    if kind == "casebook":
        return locator.problem(loc, ctx["pesan"], ctx.get("saran", ""))
    if kind == "extra_forbidden":
        return locator.problem(loc, f"kunci `{loc[-1]}` tidak dikenal", _unknown_key_hint(loc), key=True)
    if kind == "missing":
        return locator.problem(loc, f"kolom wajib `{loc[-1]}` belum diisi",
                               f"lihat templat di {template_showing(loc)} untuk contoh isinya")
    if kind == "string_type":
        hint = f"tulis dalam tanda kutip, misalnya \"{value}\"" if isinstance(value, int) else ""
        return locator.problem(loc, f"harus berupa teks, bukan {_describe(value)}", hint)
    if kind == "string_too_short":
        return locator.problem(loc, "tidak boleh kosong")
    if kind == "string_pattern_mismatch":
        if loc and (loc[-1] == "kode" or (len(loc) > 1 and loc[-2] == "anggota")):
            return locator.problem(loc, f"kode samaran `{value}` tidak valid",
                                   "gunakan 1–8 huruf kapital/angka tanpa spasi, misalnya LN atau AJS; jangan nama asli")
        if loc and loc[-1] == "bagian":
            return locator.problem(loc, f"nomor subbab `{value}` tidak valid", "tulis nomor subbab seperti 4.1 atau 5.3")
        return locator.problem(loc, f"format `{value}` tidak sesuai pola {ctx.get('pattern')}")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return locator.problem(loc, f"harus berupa bilangan bulat, bukan {_describe(value)}")
    if kind == "bool_type":
        hint = ("YAML lama membaca yes/no/on/off sebagai benar/salah; Casebook tidak menebak: tulis true atau false"
                if isinstance(value, str) and value in _YAML11_WORDS else "tulis true atau false")
        return locator.problem(loc, f"harus `true` atau `false`, bukan {_describe(value)}", hint)
    if kind == "list_type":
        return locator.problem(loc, f"harus berupa daftar, bukan {_describe(value)}", "setiap butir ditulis di baris baru diawali `- `")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return locator.problem(loc, f"harus berupa pemetaan `kunci: nilai`, bukan {_describe(value)}",
                               "tulis kunci-kuncinya di baris berikut dengan indentasi 2 spasi")
    if kind == "literal_error":
        expected = [e.strip(" '") for e in str(ctx.get("expected", "")).replace(" or ", ",").split(",") if e.strip(" '")]
        close = difflib.get_close_matches(str(value), expected, n=1, cutoff=0.6)
        hint = f"maksud Anda `{close[0]}`?" if close else f"pilihan: {', '.join(expected)}"
        return locator.problem(loc, f"{_describe(value)} bukan pilihan yang dikenal", hint)
    if kind == "greater_than_equal":
        return locator.problem(loc, f"nilai {value} terlalu kecil; minimal {ctx['ge']}")
    if kind == "less_than_equal":
        return locator.problem(loc, f"nilai {value} terlalu besar; maksimal {ctx['le']}")
    if kind == "too_short":
        return locator.problem(loc, f"daftar tidak boleh kosong; isi minimal {ctx.get('min_length', 1)} butir")
    if kind == "too_long":
        return locator.problem(loc, f"daftar terlalu panjang: paling banyak {ctx.get('max_length')} butir "
                                    f"(tertulis {ctx.get('actual_length')})",
                               "gambar dan tabel laporan tetap terbaca dengan butir sebanyak itu; pilih yang terpenting")
    if kind == "value_error":
        return locator.problem(loc, str(ctx.get("error", error["msg"])))
    return locator.problem(loc, f"nilai tidak valid ({error['msg']})")


def _unknown_key_hint(loc: YamlPath) -> str:
    key = str(loc[-1])
    parent = loc[:-1]
    if key == "no":
        return "nomor urut dibuat otomatis; hapus kunci `no`"
    if key in _IDENTITY_KEYS and parent[:1] == ("klien",):
        return "identitas asli klien tidak dicatat di kasus.yml; gunakan `kode` samaran dan `usia`"
    model = model_at(Case, parent)
    if model is None:
        return ""
    keys = keys_of(model)
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
    if close:
        return f"maksud Anda `{close[0]}`?"
    if "." in key or key[:1].isupper() or " " in key:
        # e.g. `{nama: Dr. X, M.Kesos., jabatan: ...}`: the comma ended the name and "M.Kesos." became a key.
        return (f"ada koma di dalam {{ }}? tulis teksnya dalam tanda kutip, misalnya nama: \"Dr. X, M.Kesos.\" "
                f"(kunci yang dikenal: {', '.join(keys)})")
    return f"kunci yang dikenal: {', '.join(keys)}"
