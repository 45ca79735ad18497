"""Every filled part of kasus.yml has a place in the report: the check behind "the chosen template has no
place for this filled field" (issue 14).

A report's chapter pages print its data by calling macros (`{{ genogram() }}`, `{{ diagram_venn() }}`,
`{{ isi('institusi.penerima_manfaat') }}`). A page written before a part existed, or a campus template that
leaves a macro out, drops that part silently: the AJS example's genogram was accepted by `check` and drawn
nowhere. `casebook check` renders every page (macros/page_check.py) and records the macro calls; a part that
is filled while no page calls a macro that prints it is a located warning naming the macro to add.

Which macro prints which part is read from the macros themselves: a macro that draws a part asks for it with
`self._require(value, "asesmen.genogram")`, so a new macro is known here without anyone listing it. `EXTRA`
adds the parts a macro prints without asking for them by a plain path.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel

from macros.errors import Problem, Severity

_PATH = re.compile(r"[a-z_]+(?:\.[a-z_]+)*")

# Parts printed by macros that do not ask for them by a plain path (a choice of two, the summary page's profile).
EXTRA: dict[str, tuple[str, ...]] = {
    # The chart draws TAS, or GAS when there is no TAS, without the goals' notes: the scales' tables print both.
    "evaluasi.tas": ("skala_capaian",),
    "evaluasi.gas": ("skala_capaian",),
    "evaluasi.uraian": ("evaluasi_proses",),
    "evaluasi.evaluasi_proses": ("evaluasi_proses",),
    "klien": ("identitas_subjek",), "kelompok_sasaran": ("identitas_subjek",), "komunitas": ("identitas_subjek",),
    "rujukan": ("terminasi_rujukan",),
    "konferensi_kasus": ("konferensi_kasus",),
}
# Macros that ask for a part but print only a word of it (the budget's total in a sentence).
MENTIONS = frozenset({"total_anggaran"})
# Macros that print ONE item of a list, chosen by an argument (`{{ kasus_mikro('KM1') }}`): a page that calls them
# item by item and forgets one drops that item, so the check is per item. Each entry: the list's path, the
# selecting parameter, which items a value selects, and the argument that would print an item (None: only the
# call without argument prints it). tests/test_places_items.py fails when a macro gains a selecting parameter
# and is not listed here or in NOT_SELECTORS.
@dataclass(frozen=True)
class Selector:
    path: str
    parameter: str
    selects: Callable[[BaseModel, BaseModel, object], bool]   # (case, item, argument value) -> printed
    argument_for: Callable[[BaseModel, BaseModel], str | None]  # (case, item) -> the argument printing it


def _conference_stage(case, item):
    from macros.render.records import conference_stage

    return conference_stage(item, case)


SELECTORS: dict[str, Selector] = {
    "kasus_mikro": Selector("kasus_mikro", "kode", lambda case, item, value: item.code == str(value).strip().upper(),
                            lambda case, item: item.code),
    "konferensi_kasus": Selector("konferensi_kasus", "tahap",
                                 lambda case, item, value: _conference_stage(case, item) == value,
                                 _conference_stage),
}
# Parameters of page macros that choose HOW something prints, not WHICH item.
PRESENTATION_PARAMETERS = frozenset({"judul", "id", "sebagai", "tingkat", "bernomor", "jumlah"})
# Macros with a selecting parameter that are placed elsewhere or print no kasus.yml item: why, per macro.
NOT_SELECTORS = {
    "isi": "the path is the selector; _printed_by_isi reads it",
    "catatan_tahap": "stage records are placed by checks.check_stage_places",
    "foto_bagian": "photos by section are placed by the build (lampiran.dokumentasi)",
    "ada": "a condition, prints nothing", "ada_foto": "a condition, prints nothing",
    "ada_konferensi": "a condition, prints nothing", "ada_tahap": "a condition, prints nothing",
    "nama_tahap": "prints a stage's name, no kasus.yml item", "ref": "a link to a caption",
    "judul_lampiran": "a heading written in the page",
}

# Parts another check already places: photos by section (the build), stage records (checks.check_stage_places).
NOT_CHECKED = frozenset({"lampiran.dokumentasi"})


def _required_paths(function) -> list[str]:
    """The plain kasus.yml paths a macro's body passes to `self._require(...)`."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return []
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "_require"
                and len(node.args) == 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
                and _PATH.fullmatch(node.args[1].value)):
            found.append(node.args[1].value)
    return found


@lru_cache(maxsize=4)
def places(root=None) -> dict[str, tuple[str, ...]]:
    """kasus.yml path -> the page macros that print it (`root`: the project, whose docs/templat/ pages name the
    text parts printed with isi(); default: this repository's)."""
    from macros.page_macros import PageMacros

    where: dict[str, list[str]] = {}
    for name in sorted(dir(PageMacros)):
        function = getattr(PageMacros, name)
        if name.startswith("_") or name == "register" or name in MENTIONS or not callable(function):
            continue
        for path in _required_paths(function):
            where.setdefault(path, []).append(name)
    for path, names in EXTRA.items():
        where.setdefault(path, []).extend(n for n in names if n not in where.get(path, []))
    # Text parts the default chapter templates print with `isi('path')` (BAB I's background, BAB V's reflection):
    # a report's own page that leaves one out drops what the student wrote there.
    for path in _template_isi_paths(root):
        where.setdefault(path, []).append("isi")
    return {path: tuple(names) for path, names in where.items() if path not in NOT_CHECKED}


def _template_isi_paths(root=None) -> list[str]:
    from pathlib import Path

    from macros.project import TEMPLATES_DIR

    templates = Path(root or Path(__file__).resolve().parents[2]) / TEMPLATES_DIR
    found = set()
    for page in sorted(templates.rglob("*.md")) if templates.is_dir() else []:
        found.update(re.findall(r"\bisi\(\s*'([a-z_]+(?:\.[a-z_]+)*)'", page.read_text(encoding="utf-8")))
    return sorted(found)


def _value_at(model: BaseModel, path: str):
    value = model
    for key in path.split("."):
        if not isinstance(value, BaseModel):
            return None
        names = {(f.alias or n): n for n, f in type(value).model_fields.items()}
        if key not in names:
            return None
        value = getattr(value, names[key])
    return value


def _filled(value) -> bool:
    return value not in (None, [], (), "")


def _printed_by_isi(path: str, calls: Iterable[tuple[str, tuple, dict]]) -> bool:
    """`isi('asesmen')` prints everything under `asesmen`; `isi('asesmen.genogram')` the genogram."""
    for name, args, kwargs in calls:
        if name != "isi":
            continue
        target = args[0] if args else kwargs.get("path")
        if isinstance(target, str) and (path == target or path.startswith(target + ".")):
            return True
    return False


def _aggregates() -> dict[str, set[str]]:
    """Macros that print whole groups of parts by calling other macros in Python (not through the page, so their
    calls are not recorded): `semua_lampiran()` prints every appendix kind (macros/render/appendices.py)."""
    from macros.render.appendices import APPENDIX_KINDS

    return {"semua_lampiran": {".".join(kind.path) for kind in APPENDIX_KINDS}}


def _argument(name: str, parameter: str, args: tuple, kwargs: dict):
    """The value a recorded call passed for `parameter` (None: not given or empty: the macro prints every item)."""
    from macros.page_macros import PageMacros

    try:
        bound = inspect.signature(getattr(PageMacros, name)).bind(None, *args, **kwargs)
    except (TypeError, AttributeError):
        return None
    value = bound.arguments.get(parameter)
    return value or None


def _unselected(case: BaseModel, path: str, names: Iterable[str], calls) -> list[tuple[tuple, str]] | None:
    """Items of a list printed only item by item whose item no call selected: [(yaml path, call to add)].
    None when the list is printed whole (some macro called without a selector)."""
    selectors = [(name, SELECTORS[name]) for name in names if name in SELECTORS and SELECTORS[name].path == path]
    if not selectors:
        return None
    chosen: dict[str, list] = {name: [] for name, _ in selectors}
    for name, args, kwargs in calls:
        if name in chosen:
            value = _argument(name, SELECTORS[name].parameter, args, kwargs)
            if value is None:
                return None
            chosen[name].append(value)
    items = _value_at(case, path) or []
    missing = []
    for index, item in enumerate(items):
        if any(selector.selects(case, item, value) for name, selector in selectors for value in chosen[name]):
            continue
        name, selector = selectors[0]
        argument = selector.argument_for(case, item)
        missing.append(((*path.split("."), index), f"{{{{ {name}('{argument}') }}}}" if argument else f"{{{{ {name}() }}}}"))
    return missing


def unplaced(case: BaseModel, calls: list[tuple[str, tuple, dict]], root=None) -> list[tuple[tuple, str]]:
    """(yaml path, the macro call(s) that would print it) of every filled part, or of every item of a list printed
    item by item, that no rendered page printed."""
    called = {name for name, _, _ in calls}
    printed = set().union(*(paths for name, paths in _aggregates().items() if name in called))
    missing = []
    for path, names in sorted(places(root).items()):
        if not _filled(_value_at(case, path)) or path in printed or _printed_by_isi(path, calls):
            continue
        if called & (set(names) - {"isi"}):
            missing.extend(_unselected(case, path, names, calls) or [])
            continue
        macros = " atau ".join(f"{{{{ isi('{path}') }}}}" if name == "isi" else f"{{{{ {name}() }}}}" for name in names)
        missing.append((tuple(path.split(".")), macros))
    return missing


def unplaced_problems(loaded, calls: list[tuple[str, tuple, dict]], root=None) -> list[Problem]:
    """Located warnings for `casebook check`: the part (or the list item) is in kasus.yml, the call to add is named."""
    from macros.errors import display_path
    from macros.loading import Locator

    locator = Locator(display_path(loaded.file, root), loaded.document)
    problems = []
    for path, macros in unplaced(loaded.case, calls, root):
        if isinstance(path[-1], int):
            list_path = ".".join(str(k) for k in path[:-1])
            problem = locator.problem(path, f"butir ke-{path[-1] + 1} `{list_path}` diisi, tetapi tidak ada halaman bab "
                                      "yang mencetaknya (halaman memanggil butir lain satu per satu), jadi butir ini "
                                      "tidak tampil di laporan",
                                      f"tambahkan {macros} di halaman bab yang sesuai, atau hapus butir ini bila memang "
                                      "tidak dipakai", severity=Severity.WARNING)
        else:
            dotted = ".".join(path)
            problem = locator.problem(path,
                                      f"`{dotted}` diisi, tetapi tidak ada halaman bab yang mencetaknya, jadi isinya "
                                      "tidak tampil di laporan",
                                      f"tambahkan {macros} di halaman bab yang sesuai (misalnya bab-4-penanganan-kasus.md), "
                                      "atau hapus datanya bila memang tidak dipakai", key=True, severity=Severity.WARNING)
        problems.append(problem)
    return problems


# --- references written in prose -------------------------------------------------------------------------


def _strings(value, path: tuple = (), prose_field: bool = False):
    """(yaml path, text, is prose) of every string in a report's model."""
    from macros.render.fields import _is_prose

    if isinstance(value, str):
        yield path, value, prose_field
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,), prose_field)
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _strings(getattr(value, name), path + (info.alias or name,), _is_prose(info))


def prose_reference_problems(loaded, known_ids: Iterable[str], root=None) -> list[Problem]:
    """`[[ref:id]]` in kasus.yml naming no numbered table, figure or appendix of the report (it prints as written),
    or written in a field that is not prose (only prose fields read it)."""
    from macros.errors import display_path
    from macros.loading import Locator
    from macros.render.numbering import PROSE_REF

    known = set(known_ids)
    locator = Locator(display_path(loaded.file, root), loaded.document)
    problems = []
    for path, text, is_prose in _strings(loaded.case):
        for match in PROSE_REF.finditer(text):
            element_id = match.group(1)
            if not is_prose:
                problems.append(locator.problem(path, f"`[[ref:{element_id}]]` ditulis di kolom yang bukan uraian, "
                                                "jadi tercetak apa adanya",
                                                "rujukan [[ref:...]] hanya dibaca di kolom uraian (prosa)",
                                                severity=Severity.WARNING))
            elif element_id not in known:
                close = ", ".join(sorted(known)[:12]) or "belum ada"
                problems.append(locator.problem(path, f"`[[ref:{element_id}]]`: tabel/gambar/lampiran dengan id itu tidak "
                                                "ada di laporan, jadi tercetak apa adanya",
                                                f"id yang ada: {close}", severity=Severity.WARNING))
    return problems
