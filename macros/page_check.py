"""Chapter pages, rendered in the sandbox the same way by `casebook check`, `build` and `serve`.

Every mistake or refused construct in a page becomes one `Problem` located in the file the student
edits (`cases/<slug>/bab-4-penanganan-kasus.md:12:3: pesan (saran)`), never a Jinja traceback
naming the site path `kasus/...`:

- `check_report_pages` renders each page of a loaded report with the real page macros, then
  resolves its references, exactly as a build would;
- `install` makes mkdocs-macros render every page this way (`site_hooks.on_config`); a build
  collects the problems of all pages and fails once with all of them, `serve` shows them.
"""

from __future__ import annotations

import dataclasses

import difflib
import inspect
import re
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SecurityError
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from macros.errors import CaseDataError, Problem, Severity, display_path
from macros.sandbox import RAW_HINT, TAG_START, OutputTooLarge, PageEnvironment, PageError, render_bounded

PAGE_MACROS_FILE = "page_macros.py"


class MacroHost:
    """What `PageMacros` is bound to: the page being rendered, and where macros are registered."""

    def __init__(self, page_of: Callable[[], Any] | None = None):
        self._page_of = page_of
        self._page = None
        self.macros: dict[str, Callable[..., Any]] = {}

    @property
    def page(self):
        return self._page_of() if self._page_of else self._page

    @page.setter
    def page(self, value) -> None:
        self._page = value

    def macro(self, function: Callable[..., Any], name: str = "") -> None:
        self.macros[name or function.__name__] = function


# Macros of the site's own pages (docs/): on a report page `daftar_laporan()` would print the whole archive
# once per call.
SITE_ONLY_MACROS = {"daftar_laporan": "hanya dapat dipakai di halaman situs (docs/), bukan di halaman laporan"}


def page_environment(host: MacroHost, vocabulary=None, *, site_pages: bool = False) -> PageEnvironment:
    """The sandbox for report pages (or, with `site_pages`, for the site's own pages in docs/)."""
    from macros.page_macros import PageMacros
    from macros.schema import Case

    PageMacros(host).register()
    # Only the macro methods: `register` also hands over non-callable public attributes (the host itself).
    macros = {name: f for name, f in host.macros.items() if inspect.ismethod(f)
              and (site_pages or name not in SITE_ONLY_MACROS)}
    stages = tuple(vocabulary.codes("tahap")) if vocabulary is not None else ()
    return PageEnvironment(macros, field_tree(Case),
                           {"ada_tahap": ("tahap", stages), "catatan_tahap": ("tahap", stages)} if stages else {},
                           {} if site_pages else SITE_ONLY_MACROS)


def field_tree(model) -> dict:
    """The kasus.yml keys of a model, nested: {'pendahuluan': {'latar_belakang': None, ...}, ...}."""
    import types
    import typing

    from pydantic import BaseModel

    def submodel(annotation):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            found = [a for a in typing.get_args(annotation) if a is not type(None)]
            return submodel(found[0]) if len(found) == 1 else None
        return None  # lists, scalars: no sub-fields a path can name

    def tree(cls, seen: tuple) -> dict:
        fields = {}
        for name, info in cls.model_fields.items():
            inner = submodel(info.annotation)
            fields[info.alias or name] = tree(inner, (*seen, cls)) if inner and inner not in seen else None
        return fields

    return tree(model, ())


@dataclass
class PageSource:
    """A page as the student wrote it, and the Markdown Jinja sees (front matter removed)."""

    path: Path
    shown: str          # cases/<slug>/<page>.md, as the student sees it
    markdown: str
    meta: dict
    line_offset: int    # lines of front matter before the Markdown

    @classmethod
    def read(cls, path: Path, root: Path) -> "PageSource":
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        markdown, meta = get_data(text)
        return cls(path, display_path(path, root), markdown, meta, _offset(text, markdown))

    @classmethod
    def of_rendered(cls, path: Path, root: Path, markdown: str) -> "PageSource":
        """The page MkDocs read: line numbers counted from the file on disk."""
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            text = markdown
        return cls(path, display_path(path, root), markdown, {}, _offset(text, markdown))

    def line(self, lineno: int) -> str:
        lines = self.markdown.splitlines()
        return lines[lineno - 1] if 0 < lineno <= len(lines) else ""

    def problem(self, lineno: int, message: str, hint: str = "", *, column: int = 0, needle: str = "") -> Problem:
        lineno = max(1, lineno or 1)
        if not column:
            column = _column(self.line(lineno), needle)
        return Problem(self.shown, lineno + self.line_offset, column, "", message, hint)


def _offset(text: str, markdown: str) -> int:
    text = text.replace("\r\n", "\n")
    return text[: len(text) - len(markdown)].count("\n") if markdown and text.endswith(markdown) else 0


def _column(line: str, needle: str) -> int:
    if needle:
        # The name as a word inside a `{{ }}` or `{% %}`, else anywhere on the line.
        for start in TAG_START.finditer(line):
            found = re.compile(rf"(?<![\w.]){re.escape(needle)}(?!\w)" if needle[-1:].isalnum() or needle[-1:] == "_"
                               else re.escape(needle)).search(line, start.start())
            if found:
                return found.start() + 1
        if needle in line:
            return line.index(needle) + 1
    tag = TAG_START.search(line)
    return tag.start() + 1 if tag else 1


# Jinja's syntax messages, said in Indonesian (the English text never reaches a student).
# Each: pattern, message, hint, and the block tag whose opener the message points at (if any).
_SYNTAX = [
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: .*'end(\w+)'"),
     lambda m: f"blok tidak ditutup: `{{% end{m.group(1)} %}}` tidak ditemukan",
     "setiap `{% if %}` ditutup `{% endif %}`, setiap `{% for %}` ditutup `{% endfor %}`"),
    (re.compile(r"Missing end of comment tag"),
     lambda m: "`{#` memulai komentar dan tidak ditutup dengan `#}`",
     "untuk id judul Markdown tulis dengan spasi, `{ #id-judul }`; " + RAW_HINT),
    (re.compile(r"Missing end of raw directive"),
     lambda m: "`{% raw %}` tidak ditutup: `{% endraw %}` tidak ditemukan", "tutup dengan {% endraw %}"),
    (re.compile(r"expected token 'end of print statement', got '(.+)'"),
     lambda m: "teks di dalam `{{ ... }}` bukan panggilan makro yang valid", RAW_HINT),
    (re.compile(r"unexpected end of template"),
     lambda m: "`{{` atau `{%` tidak pernah ditutup", RAW_HINT + "; bila makro, tutup dengan `}}` atau `%}`"),
    (re.compile(r"Encountered unknown tag '(end\w+)'"),
     lambda m: f"`{{% {m.group(1)} %}}` tanpa pembuka yang cocok", "hapus, atau tambahkan pembukanya"),
    (re.compile(r"Encountered unknown tag '(\w+)'"),
     lambda m: f"tag `{{% {m.group(1)} %}}` tidak dikenal",
     "tag yang dapat dipakai: if, elif, else, endif, for, endfor, raw, endraw"),
    (re.compile(r"unexpected char (['\"])(['\"])\1 at \d+"),
     lambda m: f"tanda kutip {m.group(2)} tidak berpasangan", "tutup teksnya dengan tanda kutip yang sama, misalnya 'wawancara'"),
    (re.compile(r"unexpected char (['\"])(.+?)\1 at \d+"),
     lambda m: f"karakter {m.group(2)} tidak dapat dipakai di dalam makro", RAW_HINT),
    (re.compile(r"unexpected '(.+)'"),
     lambda m: f"`{m.group(1)}` tidak diharapkan di sini", RAW_HINT + "; bila makro, periksa tanda kurung dan tanda kutip"),
    (re.compile(r"expected token '(.+)', got '(.+)'"),
     lambda m: f"sintaks makro tidak valid: `{m.group(2)}` tidak diharapkan di sini",
     RAW_HINT + "; bila makro, periksa tanda kurung, koma dan tanda kutip"),
]
_CHAR_AT = re.compile(r"unexpected char .+ at (\d+)$")
_EXPRESSION = re.compile(r"\{\{.*?\}\}")


def _syntax_problem(error: TemplateSyntaxError, source: PageSource) -> Problem:
    text = error.message or ""
    message, hint = "sintaks makro tidak valid", RAW_HINT + "; bila makro, periksa tanda kurung dan tanda kutip"
    for pattern, make, pattern_hint in _SYNTAX:
        match = pattern.search(text)
        if match:
            message, hint = make(match), pattern_hint
            break
    lineno, column = _syntax_place(error, text, source)
    if message.startswith("teks di dalam") and "}}" not in source.line(lineno)[column - 1:]:
        message = "`{{` tidak pernah ditutup dengan `}}`"
    return source.problem(lineno, message, hint, column=column)


def _syntax_place(error: TemplateSyntaxError, text: str, source: PageSource) -> tuple[int, int]:
    """Where the student should look: the offending `{{ ... }}` or the opener of an unclosed block."""
    at = _CHAR_AT.search(text)
    if at:  # Jinja gives the character offset in the page
        before = source.markdown[: int(at.group(1))]
        return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    lineno = min(max(1, error.lineno or 1), max(1, len(source.markdown.splitlines())))
    block = re.search(r"following tags: .*'end(\w+)'", text) or re.search(r"Missing end of (raw) directive", text)
    if block:
        found = _unclosed_opener(source, lineno, block.group(1))
        if found:
            return found
    line = source.line(lineno)
    if "comment tag" in text and "{#" in line:
        return lineno, line.rindex("{#") + 1
    from jinja2 import Environment

    for expression in _EXPRESSION.finditer(line if len(line) <= 2000 else ""):  # lazy match: quadratic on a huge line
        try:
            Environment().parse(expression.group())
        except TemplateSyntaxError:
            return lineno, expression.start() + 1
    for back in range(lineno, 0, -1):  # the nearest tag at or above the line Jinja names
        tags = list(TAG_START.finditer(source.line(back)))
        if tags:
            return back, (tags[0] if back == lineno else tags[-1]).start() + 1
    return lineno, 1


def _unclosed_opener(source: PageSource, lineno: int, tag: str) -> tuple[int, int] | None:
    opener = re.compile(rf"\{{%-?\s*{tag}\b")
    closer = re.compile(rf"\{{%-?\s*end{tag}\b")
    depth = 0
    for back in range(lineno, 0, -1):
        line = source.line(back)
        events = sorted([(m.start(), 1) for m in closer.finditer(line)] + [(m.start(), 0) for m in opener.finditer(line)],
                        reverse=True)
        for start, is_closer in events:
            if is_closer:
                depth += 1
            elif depth == 0:
                return back, start + 1
            else:
                depth -= 1
    return None


def _template_position(error: BaseException) -> tuple[int, str]:
    """Line in the page, and the page macro that raised (from Jinja's rewritten traceback)."""
    lineno, macro = 0, ""
    frames = traceback.extract_tb(error.__traceback__)
    for index, frame in enumerate(frames):
        if frame.filename == "<template>":
            lineno, macro = frame.lineno or 0, ""
            for later in frames[index + 1:]:
                if _is_page_macro_file(later.filename) and not later.name.startswith("_"):
                    macro = later.name
                    break
    return lineno, macro


def _is_page_macro_file(filename: str) -> bool:
    """The page macros live in PageMacros and its mixins (community, laboratory, appendix macros): a frame in any
    of them names the macro the page called (user test s23: `kasus_mikro` printed as `?()`)."""
    return filename.endswith(PAGE_MACROS_FILE) or filename in _page_macro_files()


@lru_cache(maxsize=1)
def _page_macro_files() -> frozenset[str]:
    from macros.page_macros import PageMacros

    files = set()
    for klass in PageMacros.__mro__:
        try:
            files.add(inspect.getsourcefile(klass))
        except TypeError:
            continue
    return frozenset(f for f in files if f)


_MISSING_DATA = re.compile(r"memanggil makro yang membutuhkan `(?P<field>.+?)`, tetapi data itu belum diisi")


def render_problems(error: BaseException, source: PageSource, slug: str | None) -> list[Problem]:
    """Every mistake the failure names: the page check reports all refused constructs of a page at once."""
    return [render_problem(e, source, slug) for e in (error, *getattr(error, "others", ()))]


def render_problem(error: BaseException, source: PageSource, slug: str | None) -> Problem:
    """Any failure while compiling or rendering a page, located in the page."""
    if isinstance(error, PageError):
        return source.problem(error.lineno, error.message, error.hint, column=error.column, needle=error.needle)
    if isinstance(error, TemplateSyntaxError):
        return _syntax_problem(error, source)
    if isinstance(error, (RecursionError, MemoryError)):  # from the parser or compiler: the page is too deep
        lines = source.markdown.splitlines() or [""]
        densest = max(range(len(lines)), key=lambda n: sum(lines[n].count(c) for c in "([{"))  # where the nesting is
        return source.problem(densest + 1, "halaman ini memuat makro atau blok yang bersarang terlalu dalam",
                              "kurangi kurung atau blok `{% if %}`/`{% for %}` di dalam blok lain; " + RAW_HINT)
    lineno, macro = _template_position(error)
    needle = macro
    if isinstance(error, SecurityError):
        return source.problem(lineno, "konstruksi ini tidak diizinkan di halaman laporan",
                              "halaman hanya dapat memanggil makro Casebook", needle=needle)
    text = str(error)
    missing = _MISSING_DATA.search(text)
    if missing:
        data = f"cases/{slug}/kasus.yml" if slug else "kasus.yml"
        return source.problem(lineno, f"makro `{macro or '?'}()` membutuhkan `{missing['field']}` dari {data}, "
                                      "tetapi data itu belum diisi",
                              f"isi data itu, atau apit panggilannya dengan {{% if ada('{missing['field'].split(' ')[0]}') %}}"
                              "...{% endif %}", needle=needle)
    from macros.page_macros import MacroDataError
    from macros.render.numbering import NumberingError

    if isinstance(error, (MacroDataError, NumberingError, CaseDataError)):
        # The macros' messages sometimes start with the site path of the page: the location says it now.
        text = re.sub(r"^\S+\.md: ", "", text)
        if slug:
            text = text.replace(f"kasus/{slug}/", f"cases/{slug}/")
        return source.problem(lineno, text, needle=needle)
    return source.problem(lineno, f"makro `{macro}()` gagal dijalankan ({type(error).__name__})" if macro
                          else f"halaman tidak dapat dirender ({type(error).__name__})",
                          "laporkan ke pengelola Casebook bila pesan ini tetap muncul", needle=needle)


# What one report may print, after its macros and loops ran (Markdown; the site, search index and PDF grow with it).
# The largest example report prints ~33 thousand characters over its ten pages, its largest page ~11 thousand; a
# report of a million characters is some 400 PDF pages. Red team s23 #3: four pages just under a per-page cap of
# two million each made a 3,065-page PDF that held the campus build for ten minutes, so the report has a budget too.
MAX_PAGE_MARKDOWN = 500_000
MAX_REPORT_MARKDOWN = 1_000_000


def _amount(characters: int) -> str:
    return f"{characters // 1_000_000} juta" if characters % 1_000_000 == 0 else f"{characters // 1_000} ribu"


def too_large(limit: int = MAX_PAGE_MARKDOWN) -> tuple[str, str]:
    """Message and hint for a page that printed past `limit` (the page's cap, or what is left of its report's budget):
    Markdown, search and the PDF of that much would stall the whole build."""
    if limit >= MAX_PAGE_MARKDOWN:
        return (f"halaman ini menghasilkan lebih dari {_amount(MAX_PAGE_MARKDOWN)} karakter setelah makro dan perulangan "
                "dijalankan",
                "kurangi perulangan {% for %} atau bagi isinya; sebuah bab laporan biasanya kurang dari 100 ribu karakter")
    return (f"laporan ini menghasilkan lebih dari {_amount(MAX_REPORT_MARKDOWN)} karakter di semua halamannya (batas "
            f"terlampaui di halaman ini); PDF-nya akan ratusan halaman dan menahan build semua laporan",
            "kurangi perulangan {% for %} dan teks yang diulang; sebuah laporan praktikum biasanya kurang dari "
            "200 ribu karakter")


def structure_problems(source: PageSource, rendered: str) -> list[Problem]:
    """Nesting past the bounds of macros/page_structure.py (an error) and clamped layout numbers (a warning), at the
    page's line: the rendered line as written in the page, else the first line holding the construct."""
    from macros.page_structure import structure_findings

    problems = []
    rendered_lines = rendered.splitlines()
    source_lines = source.markdown.splitlines()
    for finding in structure_findings(rendered):
        text = rendered_lines[finding.line - 1]
        # The same line in the page as written: its k-th copy where the rendered page has its k-th (a page without
        # macros maps one to one), else the first line holding the construct (a loop wrote it many times).
        copy = rendered_lines[: finding.line].count(text)
        same = [n for n, line in enumerate(source_lines, start=1) if line == text]
        lineno = (same[copy - 1] if text.strip() and len(same) >= copy else 0) or next(
            (n for n, line in enumerate(source_lines, start=1) if finding.needle in line), 1)
        problem = source.problem(lineno, finding.message, finding.hint, needle=finding.needle)
        if not finding.error:
            problem = dataclasses.replace(problem, severity=Severity.WARNING)
        problems.append(problem)
    return problems


def stripped_class_problems(source: "PageSource", stripped: list) -> list[Problem]:
    """A warning at each line where the build takes one of Casebook's own classes off the student's HTML
    (macros/privacy/sanitize.py strip_casebook_classes): the page still builds, without that class."""
    import html as html_module

    problems: list[Problem] = []
    lines = [html_module.unescape(line) for line in source.markdown.splitlines()]
    for name in dict.fromkeys(item.name for item in stripped):
        word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        where = [n for n, line in enumerate(lines, start=1) if word.search(line)] or [1]
        for lineno in where:
            problem = source.problem(
                lineno, f"kelas `{name}` adalah kelas tampilan Casebook; dihapus dari HTML halaman ini",
                "kelas yang dipakai stylesheet Casebook (casebook-*, md-*, headerlink, ...) mengatur tampilan situs dan "
                "PDF dan hanya boleh dipasang oleh makro Casebook; pakai nama kelas sendiri, misalnya `penting`",
                needle=name)
            problems.append(dataclasses.replace(problem, severity=Severity.WARNING))
    return problems


def page_budget(used: int) -> int:
    """Characters the next page of a report may print, when its pages so far printed `used`."""
    return max(0, min(MAX_PAGE_MARKDOWN, MAX_REPORT_MARKDOWN - used))


_REF_ID = re.compile(r"ref\('([^']*)'\)")


def reference_problem(error: Exception, source: PageSource, known: list[str]) -> Problem:
    """An unknown id in `ref('...')`: located at the call that names it."""
    match = _REF_ID.search(str(error))
    element_id = match.group(1) if match else ""
    lineno = ref_line(source.markdown, element_id) if element_id else 0
    close = difflib.get_close_matches(element_id, known, n=1, cutoff=0.6)
    listed = ", ".join(sorted(known)) or "belum ada"
    hint = (f"mungkin maksudnya `{close[0]}`; " if close else "") + f"id yang ada di laporan ini: {listed}"
    return source.problem(lineno, f"ref('{element_id}'): tidak ada tabel, gambar atau lampiran dengan id `{element_id}` "
                                  "di laporan ini", hint, needle="ref")


def ref_line(markdown: str, element_id: str) -> int:
    """Line of the `ref('<id>')` call in a page, from its syntax tree (0 when not found)."""
    from jinja2 import Environment

    try:
        tree = Environment().parse(markdown)
    except TemplateSyntaxError:
        return 0
    for call in tree.find_all(nodes.Call):
        if (isinstance(call.node, nodes.Name) and call.node.name == "ref" and call.args
                and isinstance(call.args[0], nodes.Const) and call.args[0].value == element_id):
            return call.lineno
    return 0


def site_page(slug: str, chapter: str) -> SimpleNamespace:
    """The page object the macros see, as MkDocs would make it for `kasus/<slug>/<chapter>`."""
    from macros.site import SITE_SECTION

    file = File(f"{SITE_SECTION}/{slug}/{chapter}", None, "site", True)
    return SimpleNamespace(file=file, url=file.url, title="", meta={})


@dataclass
class PageChecker:
    """Renders report pages as a build would, collecting problems instead of failing at the first."""

    root: Path
    vocabulary: object = None  # the project's: stage names `ada_tahap('...')` may use
    host: MacroHost = field(default_factory=MacroHost)
    env: PageEnvironment | None = None

    def __post_init__(self) -> None:
        from macros import template_cache

        self.env = page_environment(self.host, self.vocabulary)
        template_cache.install(self.env, template_cache.cache_dir(self.root))

    def check(self, loaded, vocabulary, warnings: list | None = None) -> list[Problem]:
        from macros.publication import profile_view
        from macros.render.numbering import ReportNumbering
        from macros.site import CHAPTERS, SiteCases, chapter_source, current_build, publication_profile

        slug = loaded.slug
        problems: list[Problem] = []
        site = SiteCases(self.root, {slug: profile_view(loaded, publication_profile())}, vocabulary,
                         {slug: list(warnings or [])})
        numbering = ReportNumbering(slug)
        saved = dict(current_build)
        current_build.update(site=site, numbering={slug: numbering})
        rendered = []
        published = self._published(loaded, CHAPTERS, chapter_source, publication_profile())
        self.env.calls = calls = []
        printed, over = 0, False  # characters the report's pages printed so far; past MAX_REPORT_MARKDOWN
        try:
            for chapter in CHAPTERS:
                try:  # the report's own folder, wherever `casebook check PATH` found it
                    path = chapter_source(self.root, loaded.folder, chapter, loaded)
                except CaseDataError as error:  # a symbolic link
                    problems.extend(error.problems)
                    continue
                if path is None:
                    continue
                unreadable = unreadable_page(path, self.root)
                if unreadable:
                    problems.append(unreadable)
                    continue
                if _front_matter_refused(path, self.root):
                    continue  # the privacy scan locates it; PyYAML must never parse it (50,000 `[` crash it)
                source = PageSource.read(path, self.root)
                if source.meta.get("render_macros") is False:
                    from macros.privacy.sanitize import strip_casebook_classes

                    problems.extend(stripped_class_problems(source, strip_casebook_classes(source.markdown)[1]))
                    continue
                self.host.page = site_page(slug, chapter)
                title = source.meta.get("title")
                if isinstance(title, str) and TAG_START.search(title):  # MkDocs renders a front-matter title too
                    problems.extend(self._title_problem(path, title, slug))
                if over:
                    continue  # the report is refused already, at the page that used up its budget
                limit = page_budget(printed)
                stripped: list = []
                try:  # the build's caps (install's render), said here first
                    html = render_bounded(self.env.from_string(source.markdown), limit, stripped)
                except OutputTooLarge:
                    problems.append(source.problem(1, *too_large(limit)))
                    over = limit < MAX_PAGE_MARKDOWN  # a page over its own cap leaves the budget to the others
                    continue
                except Exception as error:  # noqa: BLE001 - every failure becomes a located message
                    problems.extend(render_problems(error, source, slug))
                    continue
                printed += len(html)
                problems.extend(stripped_class_problems(source, stripped))
                structure = structure_problems(source, html)
                problems.extend(structure)
                if any(p.is_error for p in structure):
                    continue
                rendered.append((source, html, self.host.page.url))
                problems.extend(page_link_problems(source, html, slug, published, self.root))
            for source, html, url in rendered:
                problems.extend(self._reference_problems(source, html, url, numbering))
            if rendered and not any(p.severity == Severity.ERROR for p in problems):
                # Every filled part is printed by some page (macros/render/places.py); only judged once every page
                # rendered, since a page that failed printed nothing.
                from macros.render.places import prose_reference_problems, unplaced_problems

                problems.extend(unplaced_problems(site.cases[slug], calls, self.root))
                problems.extend(prose_reference_problems(loaded, numbering.captions, self.root))
        finally:
            self.env.calls = None
            current_build.clear()
            current_build.update(saved)
        return problems

    def _published(self, loaded, chapters, chapter_source, profile: str) -> set[str]:
        """The report's files a build publishes: its chapter pages and its declared, allowed media."""
        from macros.publication import published_media

        published = {p for p in published_media(loaded, profile) if (loaded.folder / p).is_file()}
        for chapter in chapters:
            try:
                if chapter_source(self.root, loaded.folder, chapter, loaded) is not None:
                    published.add(chapter)
            except CaseDataError:
                pass
        return published

    def check_without_data(self, folder: Path) -> list[Problem]:
        """The report's own pages, compiled in the sandbox but not rendered (its data did not load)."""
        from macros.site import CHAPTERS

        problems: list[Problem] = []
        for chapter in CHAPTERS:
            path = folder / chapter
            if path.is_symlink() or not path.is_file():
                continue  # a link is reported once the data loads (chapter_source)
            unreadable = unreadable_page(path, self.root)
            if unreadable:
                problems.append(unreadable)
                continue
            if _front_matter_refused(path, self.root):
                continue
            source = PageSource.read(path, self.root)
            if source.meta.get("render_macros") is False:
                continue
            try:
                self.env.compile(source.markdown)
            except Exception as error:  # noqa: BLE001 - every failure becomes a located message
                problems.extend(render_problems(error, source, folder.name))
        return problems

    @staticmethod
    def _reference_problems(source: PageSource, html: str, url: str, numbering) -> list[Problem]:
        """Every unknown `ref('...')` of a page: each found is taken out and the rest resolved again."""
        from markupsafe import escape

        from macros.render.numbering import REF_MARKER, NumberingError, resolve_markers

        found = []
        for _ in range(html.count(REF_MARKER.split("{")[0]) + 1):
            try:
                resolve_markers(html, numbering, url)
                break
            except NumberingError as error:
                found.append(reference_problem(error, source, list(numbering.captions)))
                match = _REF_ID.search(str(error))
                if not match:
                    break
                html = html.replace(REF_MARKER.format(id=escape(match.group(1))), "")
        return found

    def _title_problem(self, path: Path, title: str, slug: str) -> list[Problem]:
        try:
            self.env.from_string(title).render()
        except Exception as error:  # noqa: BLE001 - every failure becomes a located message
            return render_problems(error, _title_source(path, self.root, title), slug)
        return []


def _title_source(path: Path, root: Path, title: str) -> PageSource:
    """The front matter's `title:` line, for a problem in the title."""
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    found = next((n for n, line in enumerate(lines) if re.match(r"\s*title\s*:", line)), 0)
    return PageSource(path, display_path(path, root), title, {}, found)


def _front_matter_refused(path: Path, root: Path) -> bool:
    """A front matter the YAML guard refuses (alias bomb, deep nesting): skipped here, reported by
    `macros.privacy.gate.scan_report` with its line."""
    from macros.privacy.gate import front_matter_problems  # gate imports the loader; keep start-up light

    text = path.read_text(encoding="utf-8-sig", errors="replace")
    return bool(front_matter_problems(text, display_path(path, root)))


def check_report_pages(root: Path, results, vocabulary) -> dict[str, list[Problem]]:
    """`casebook check`: the page problems of every report, by slug. A report whose kasus.yml cannot be
    used yet still gets its pages' syntax, macro names and arguments checked (nothing is rendered)."""
    checker = PageChecker(root, vocabulary)
    return {result.slug: (checker.check(result.loaded, vocabulary, result.warnings) if result.loaded is not None
                          else checker.check_without_data(result.folder))
            for result in results}


# A chapter page is prose: the longest in the seeds is some 40 KB.
MAX_PAGE_BYTES = 1_000_000


def unreadable_page(path: Path, root: Path) -> Problem | None:
    """A page MkDocs cannot read as UTF-8 text, located at its first bad byte (MkDocs would stop with an
    English traceback naming the site path)."""
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:  # read nothing more: one report's page must not hold up the archive's build
        return Problem(display_path(path, root), 1, 1, "",
                       f"halaman ini terlalu besar ({size / 1_000_000:.1f} MB; paling besar "
                       f"{MAX_PAGE_BYTES // 1_000_000} MB)".replace(".", ","),
                       "bagi isinya ke beberapa bab, dan simpan foto di media/ (jangan ditempel sebagai teks)")
    data = path.read_bytes()
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return Problem(display_path(path, root), line, column, "",
                       "halaman ini bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Windows-1252 atau berupa berkas Word)",
                       "buka di penyunting teks, lalu simpan ulang dengan encoding UTF-8")
    # Front matter is YAML a student writes: the kasus.yml guard (no alias bombs, no deep nesting) before any
    # YAML parser sees it (50,000 `[` crash the parser; a 9-line alias header expands to gigabytes).
    from macros.privacy.gate import front_matter_problems

    refused = front_matter_problems(data.decode("utf-8-sig"), display_path(path, root))
    return refused[0] if refused else None


def refused_pages(site) -> dict[str, list[Problem]]:
    """Reports with a chapter page that is a symbolic link (or leads out of the report's folder), or is no text."""
    from macros.project import CASES_DIR
    from macros.site import CHAPTERS

    refused: dict[str, list[Problem]] = {}
    for slug in site.cases:
        for chapter in CHAPTERS:
            try:
                path = site.page_source(slug, chapter)
            except CaseDataError as error:
                refused.setdefault(slug, []).extend(error.problems)
                continue
            if path is not None and path.parent.name == slug and path.parent.parent.name == CASES_DIR:
                problem = unreadable_page(path, site.root)
                if problem:
                    refused.setdefault(slug, []).append(problem)
    return refused


def error_block(problem: Problem) -> str:
    """What `serve` shows instead of a page that cannot be rendered: never a silently empty page."""
    from markupsafe import escape

    return (f'<div class="casebook-galat-data" role="alert"><p><strong>Halaman ini belum dapat ditampilkan.</strong> '
            f"Perbaiki galat berikut lalu simpan; halaman dimuat ulang.</p><p><code>{escape(problem.format())}</code></p></div>\n")


def install(plugin, root: Path, problems: list[Problem], *, serving: bool, vocabulary=None,
            cache: Path | None = None) -> PageEnvironment:
    """Make mkdocs-macros render every page in the sandbox, with the page macros only.

    The plugin's own environment (plain Jinja, a file loader, `config`, `plugin`, `cycler`, ...) is
    replaced, and so is its `render`: a page renders with no variables at all. A page that fails
    adds its located problem to `problems`; the build fails once all pages are rendered (`on_env`),
    `serve` shows the message in the page instead. Compiled pages are kept in `cache` (macros/template_cache.py).
    """
    import sys

    from macros import template_cache
    from macros.site import slug_of_page

    import logging

    from macros.project import CASES_DIR
    from macros.site import CHAPTERS, current_build

    seen: set = set()
    pages_logger = logging.getLogger("mkdocs.structure.pages")
    for old in [f for f in pages_logger.filters if isinstance(f, LinkWarnings)]:  # serve: the previous build's
        pages_logger.removeFilter(old)
    published: dict[str, set[str]] = {}

    def published_of(slug: str) -> set[str]:
        if slug not in published:
            site = current_build["site"]
            folder = root / CASES_DIR / slug
            files = {p for p in current_build.get("media", {}).get(slug, set()) if (folder / p).is_file()}
            for chapter in CHAPTERS:
                try:
                    if site.page_source(slug, chapter) is not None:
                        files.add(chapter)
                except CaseDataError:
                    pass
            published[slug] = files
        return published[slug]

    # A link MkDocs cannot resolve: the page check's located message instead of MkDocs' English warning.
    pages_logger.addFilter(LinkWarnings(root, problems, seen, serving, published_of))
    host = MacroHost(lambda: plugin.page)
    report_env = page_environment(host, vocabulary)
    site_env = page_environment(host, vocabulary, site_pages=True)
    for env in (report_env, site_env):
        if cache is not None:
            template_cache.install(env, cache)
    plugin._env = report_env
    rendered_body: dict[str, object] = {}
    printed: dict[str, int] = {}  # slug -> characters its pages printed in this build (MAX_REPORT_MARKDOWN)
    over: set[str] = set()  # reports past that budget

    def render(markdown: str, force_rendering: bool = False) -> str:
        page = plugin.page
        if (page.meta or {}).get("render_macros") is False:
            return markdown
        title = rendered_body.get("page") is page  # mkdocs-macros renders the body, then the title
        rendered_body["page"] = page
        slug = slug_of_page(page.file.src_uri)
        env = report_env if slug else site_env
        if slug in over:  # refused already, at the page that used up the report's budget; left out (on_env)
            return markdown if title else ""
        limit = page_budget(printed.get(slug, 0)) if slug else None
        try:
            if limit is None:
                return env.from_string(markdown).render()
            output = render_bounded(env.from_string(markdown), limit)
            printed[slug] = printed.get(slug, 0) + len(output)
            return output
        except OutputTooLarge:
            # That report is left out (on_env), named at this page; the others are built (red team s23 #1, #3).
            if limit < MAX_PAGE_MARKDOWN:
                over.add(slug)
            source = _rendered_source(page, root, markdown, title)
            found = [source.problem(1, *too_large(limit))]
        except Exception as error:  # noqa: BLE001 - every failure becomes a located message
            source = _rendered_source(page, root, markdown, title)
            found = render_problems(error, source, slug)
        problems.extend(found)
        if serving:
            # Printed, not logged: in strict mode a logged error would abort the preview it is meant to explain.
            for problem in found:
                print(f"GALAT   -  {problem.format()}", file=sys.stderr)
            return markdown if title else "".join(error_block(problem) for problem in found)
        return markdown if title else ""

    plugin.render = render
    return report_env


def _rendered_source(page, root: Path, markdown: str, title: bool) -> PageSource:
    path = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    if path is None:
        return PageSource(Path(page.file.src_uri), page.file.src_uri, markdown, {}, 0)
    return _title_source(path, root, markdown) if title else PageSource.of_rendered(path, root, markdown)


def post_page_problem(error: Exception, page, root: Path, numbering) -> Problem:
    """An unknown `ref('...')` found when the page's references are resolved (on_post_page)."""
    path = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    if path is None or not path.is_file():
        return Problem(page.file.src_uri, 1, 1, "", str(error))
    return reference_problem(error, PageSource.read(path, root), list(numbering.captions))


# ---- links and images in a page: only inside the report's own folder, only to what the build publishes ----

# Markdown links and images as MkDocs resolves them: inline `[text](url "title")`, `![alt](url)`, and
# reference definitions `[id]: url`. Raw HTML is the sanitiser's (macros/privacy/sanitize.py).
_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def link_targets(markdown: str) -> list[str]:
    return [m.group(1) for m in _INLINE_LINK.finditer(markdown)] + [m.group(1) for m in _REFERENCE_LINK.finditer(markdown)]


def link_problem(url: str, slug: str, published: set[str], root: Path) -> tuple[str, str] | None:
    """Why a page of report `slug` may not link to `url` (message, hint), or None. `published`: the files
    of the report the build publishes (chapter pages `bab-4-penanganan-kasus.md`, media `media/x.jpg`)."""
    import posixpath
    from urllib.parse import unquote, urlsplit

    from macros.site import SITE_SECTION

    scheme, netloc, path, _, _ = urlsplit(url)
    if scheme or netloc or not path or url.startswith(("/", "\\")):
        return None  # external, absolute or a same-page anchor: not a file of the build
    folder = f"{SITE_SECTION}/{slug}/"
    target = posixpath.normpath(posixpath.join(folder, unquote(path).replace("\\", "/")))
    if not target.startswith(folder):
        if not target.startswith(("..", f"{SITE_SECTION}/")) and (root / "docs" / target).is_file() \
                and not target.startswith("templat/"):
            return None  # one of the site's own pages or shipped assets
        return (f"tautan atau gambar `{url}` menuju ke luar folder laporan ini",
                "gambar dan tautan halaman laporan hanya boleh menuju berkas laporan ini sendiri, misalnya "
                "media/foto.jpg atau bab-4-penanganan-kasus.md")
    relative = target[len(folder):]
    if relative in published or not posixpath.splitext(relative)[1]:
        return None  # published, or a folder-style link MkDocs only notes
    if relative.startswith("media/"):
        return (f"gambar atau tautan `{url}` menuju berkas yang tidak ada atau tidak diterbitkan",
                "periksa nama berkas di folder media/ (huruf besar/kecil berpengaruh); foto yang tidak boleh terbit "
                "(tanpa izin, wajah anak) juga tidak dapat ditampilkan")
    return (f"tautan `{url}` menuju berkas yang tidak ada di laporan ini",
            f"halaman laporan ini: {', '.join(sorted(p for p in published if p.endswith('.md')))}")


_HTML_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_HTML_URL = re.compile(r"""\s(?:src|href|srcset|poster|data|action|formaction|xlink:href|background)\s*=\s*"""
                       r"""(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def raw_html_targets(markdown: str) -> list[str]:
    """URLs in the HTML a student wrote into a page (`<img src>`, `<a href>`, ...)."""
    return [next(g for g in m.groups() if g is not None).strip()
            for tag in _HTML_TAG.finditer(markdown) for m in _HTML_URL.finditer(tag.group())]


def raw_link_problem(url: str, slug: str, chapter: str) -> tuple[str, str] | None:
    """A raw HTML URL of a report page that leaves the report's folder. Raw HTML resolves against the
    published page (`kasus/<slug>/<page>/`), not the source file as Markdown links do; inside the folder it
    must name one of the report's own places (media/, a chapter, the report's PDF): `media/../../x/...`
    stays inside on the site but leaves the folder in the offline build (file-name URLs)."""
    from macros.site import CHAPTERS

    import posixpath
    from html import unescape
    from urllib.parse import unquote, urlsplit

    from macros.site import SITE_SECTION

    url = unescape(url)
    scheme, netloc, path, _, _ = urlsplit(url.replace("\\", "/"))
    if scheme or netloc or not path:
        return None  # external or an anchor: the sanitiser's (javascript:, data:)
    folder = f"{SITE_SECTION}/{slug}/"
    stem = chapter.removesuffix(".md")
    base = folder if stem == "index" else f"{folder}{stem}/"
    path = unquote(path).replace("\\", "/")
    target = posixpath.normpath(posixpath.join(base, path))
    first = target[len(folder):].split("/")[0] if (target + "/").startswith(folder) else None
    places = {"", "media", f"{slug}.pdf", *(name.removesuffix(".md") for name in CHAPTERS)}
    if path.startswith("/") or first not in places:
        return (f"tautan atau gambar `{url}` menuju ke luar folder laporan ini",
                "gambar dan tautan halaman laporan hanya boleh menuju berkas laporan ini sendiri; di HTML tulis "
                "jalurnya dari halaman, misalnya <img src=\"../media/foto.jpg\">")
    return None


def page_link_problems(source: PageSource, markdown: str, slug: str, published: set[str], root: Path,
                       seen: set | None = None) -> list[Problem]:
    """The refused links of one rendered page, located at the link in the page (or at line 1 when the
    link comes from kasus.yml text a macro printed)."""
    problems = []
    for url in dict.fromkeys(raw_html_targets(source.markdown)):  # the student's own HTML, not the macros'
        why = raw_link_problem(url, slug, source.path.name)
        if why:
            lineno = next((n for n, line in enumerate(source.markdown.splitlines(), start=1) if url in line), 1)
            problems.append(source.problem(lineno, why[0], why[1], needle=url))
    for url in dict.fromkeys(link_targets(markdown)):
        why = link_problem(url, slug, published, root)
        if why is None:
            continue
        if seen is not None:
            seen.add((slug, source.path.name, url))
        lineno = next((n for n, line in enumerate(source.markdown.splitlines(), start=1) if url in line), 0)
        message, hint = why
        if not lineno:
            message += " (dari teks kasus.yml yang ditampilkan halaman ini)"
        problems.append(source.problem(lineno or 1, message, hint, column=0 if lineno else 1, needle=url))
    return problems


_MKDOCS_LINK_WARNING = re.compile(r"^Doc file '(?P<uri>[^']+)' contains a link '(?P<url>[^']*)', but the target")


class LinkWarnings:
    """MkDocs' own warning for a link whose target it cannot find (English, naming the site path `kasus/...`),
    turned into the page check's located message: a logging filter on `mkdocs.structure.pages`."""

    def __init__(self, root: Path, problems: list[Problem], seen: set, serving: bool,
                 published_of: Callable[[str], set[str]] | None = None):
        self.root, self.problems, self.seen, self.serving = root, problems, seen, serving
        self.published_of = published_of

    def filter(self, record) -> bool:
        import sys

        from macros.site import slug_of_page

        match = _MKDOCS_LINK_WARNING.match(record.getMessage())
        slug = slug_of_page(match["uri"]) if match else None
        if slug is None:
            return True
        name = match["uri"].rsplit("/", 1)[-1]
        if (slug, name, match["url"]) in self.seen:
            return False  # already reported by the page check
        self.seen.add((slug, name, match["url"]))
        path = self._source(slug, name)
        source = PageSource.read(path, self.root) if path else PageSource(Path(name), match["uri"], "", {}, 0)
        lineno = next((n for n, line in enumerate(source.markdown.splitlines(), start=1) if match["url"] in line), 1)
        why = None
        if self.published_of is not None:
            try:
                why = link_problem(match["url"], slug, self.published_of(slug), self.root)  # the check's own words
            except (KeyError, CaseDataError):
                why = None
        message, hint = why or (f"tautan atau gambar `{match['url']}` menuju berkas yang tidak ada di situs",
                                "periksa jalurnya; gambar dan tautan halaman laporan hanya boleh menuju berkas laporan "
                                "ini sendiri, misalnya media/foto.jpg")
        problem = source.problem(lineno, message, hint, needle=match["url"])
        self.problems.append(problem)
        if self.serving:
            print(f"GALAT   -  {problem.format()}", file=sys.stderr)
        return False

    def _source(self, slug: str, name: str) -> Path | None:
        from macros.site import current_build

        from macros.project import CASES_DIR

        site = current_build.get("site")
        try:
            if site and slug in site.cases:
                return site.page_source(slug, name)
        except CaseDataError:
            return None
        own = self.root / CASES_DIR / slug / name
        return own if own.is_file() and not own.is_symlink() else None
