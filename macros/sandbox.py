"""Chapter pages are untrusted input: they render in a sandbox that knows only Casebook's page macros.

A student's page (`cases/<slug>/*.md`) is a Jinja template. mkdocs-macros would render it with a
plain `jinja2.Environment` holding `cycler`, `config`, `plugin`, the MkDocs objects and a file
loader: `{{ cycler.__init__.__globals__.os.popen('id').read() }}` then runs on the build machine.
Here every page is rendered twice guarded:

1. **A page language (checked before compiling).** The template's syntax tree may only hold text,
   calls of page macros with literal or loop-variable arguments, `{% if %}` with comparisons and
   `and`/`or`/`not`, `{% for x in [literal list] %}`, `{% raw %}`, comments, a few harmless filters
   and `~`. Attribute and item access, `include`/`import`/`extends`, `{% set %}`, `{% macro %}`,
   arithmetic and unknown names are refused with a located Indonesian message: nothing in a page
   can name a Python object, read a file or loop without bound. The same check finds a misspelt
   macro (with a suggestion) and arguments a macro does not take.
2. **A sandbox (while rendering).** `PageEnvironment` is Jinja's `ImmutableSandboxedEnvironment`
   with no loader, no globals but the page macros, an allow-list of filters and tests, no attribute
   access at all, every call checked against the page macros, and arithmetic refused: should the
   first guard ever miss a construct, the second still holds.

A page renders with no variables: the macros read the report themselves (`macros/page_macros.py`).
"""

from __future__ import annotations

import difflib
import hashlib
import inspect
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

# Raise when the page language changes: compiled pages cached on disk (macros/template_cache.py)
# were checked under the old rules and must be checked again.
POLICY_VERSION = 6

# Filters a page may use: each returns a value about as long as its input (no `center(10**9)`, no `replace`
# chains that multiply a string, no `join` whose separator is a whole table: `t|join(t|join(t))` is cubic).
ALLOWED_FILTERS = ("e", "escape", "upper", "lower", "title", "capitalize", "trim", "striptags", "default", "d",
                   "length", "first", "last")
ALLOWED_TESTS = ("defined", "undefined", "none", "string", "number", "true", "false")
ALLOWED_COMPARISONS = {"eq", "ne", "lt", "gt", "lteq", "gteq", "in", "notin"}
# `{% for %}` runs over a literal list (the default chapters loop over three stages); nested loops multiply:
# this bounds the product.
MAX_LOOP_ITERATIONS = 100
# Macro calls a page may make, loops counted out (the longest default chapter makes about 40): a page of
# a hundred thousand `{{ genogram() }}` would otherwise keep the build machine busy for minutes.
MAX_MACRO_CALLS = 200
# Text a loop repeats (characters written once, printed again on every further pass): a 50 KB page that
# prints its prose a thousand times would make 50 MB of site, PDF and search index from one report.
MAX_REPEATED_TEXT = 20_000

# Casebook's marker characters (macros/render/numbering.py INTERNAL and its neighbours, Unicode noncharacters).
INTERNAL_CHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")

RAW_HINT = "bila maksudnya teks biasa, apit dengan {% raw %}...{% endraw %}"

REFUSED_STATEMENTS = {
    nodes.Include: "`{% include %}` tidak diizinkan di halaman laporan: tulis isinya langsung di halaman ini",
    nodes.Import: "`{% import %}` tidak diizinkan di halaman laporan: hanya makro Casebook yang dapat dipakai",
    nodes.FromImport: "`{% from ... import %}` tidak diizinkan di halaman laporan: hanya makro Casebook yang dapat dipakai",
    nodes.Extends: "`{% extends %}` tidak diizinkan di halaman laporan",
    nodes.Block: "`{% block %}` tidak diizinkan di halaman laporan",
    nodes.Macro: "`{% macro %}` tidak diizinkan di halaman laporan: hanya makro Casebook yang dapat dipakai",
    nodes.CallBlock: "`{% call %}` tidak diizinkan di halaman laporan",
    nodes.Assign: "`{% set %}` tidak diizinkan di halaman laporan: panggil makronya langsung di tempat yang diperlukan",
    nodes.AssignBlock: "`{% set %}` tidak diizinkan di halaman laporan",
    nodes.FilterBlock: "`{% filter %}` tidak diizinkan di halaman laporan",
    nodes.With: "`{% with %}` tidak diizinkan di halaman laporan",
    nodes.Scope: "`{% with %}` tidak diizinkan di halaman laporan",
    nodes.ScopedEvalContextModifier: "`{% autoescape %}` tidak diizinkan di halaman laporan",
    nodes.ExprStmt: "pernyataan ini tidak diizinkan di halaman laporan",
}


class PageError(TemplateSyntaxError):
    """A construct a page may not use, or a mistake in it, with line, column and hint."""

    def __init__(self, message: str, lineno: int, column: int = 0, hint: str = "", needle: str = ""):
        super().__init__(message, lineno)
        self.column = column      # 1-based; 0 when the caller should look for `needle` on the line
        self.hint = hint
        self.needle = needle      # text on the line that marks the place (a macro name, `{%`)
        self.others: list[PageError] = []  # the page's further mistakes: a student sees all of them at once


# Macros whose first argument is a dotted kasus.yml path (`isi('pendahuluan.latar_belakang')`): a misspelt
# path would make `{% if ada(...) %}` silently false and drop a section from the report.
PATH_MACROS = ("ada", "isi")


@dataclass(frozen=True)
class Guard:
    """What a page may call: the page macros by name, and the kasus.yml paths `ada`/`isi` may name."""

    macros: dict[str, Callable[..., Any]]
    fields: dict | None = None   # alias -> sub-tree (None: a field without sub-fields); None: paths unchecked
    # Macros whose first argument is one of known codes, with what the codes are called
    # (`ada_tahap('kontrak')`: ("tahap", the stages of the vocabulary)).
    choices: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # Macros of other pages, with why they are not here (`daftar_laporan` belongs to the site's pages).
    elsewhere: dict[str, str] = field(default_factory=dict)

    def check(self, tree: nodes.Template) -> None:
        checker = _Checker(self)
        checker.visit(tree, bound=frozenset(), iterations=1)
        if checker.found:
            checker.found.sort(key=lambda error: error.lineno)
            first = checker.found[0]
            first.others = checker.found[1:]
            raise first

    def suggestion(self, name: str) -> str:
        close = difflib.get_close_matches(name, self.macros, n=1, cutoff=0.6)
        return f"mungkin maksudnya `{close[0]}()`" if close else ""

    def signature_token(self) -> bytes:
        """What the check depends on, for the compiled-page cache key."""
        parts = [f"{POLICY_VERSION}", ",".join(ALLOWED_FILTERS), ",".join(ALLOWED_TESTS), str(MAX_LOOP_ITERATIONS),
                 str(MAX_MACRO_CALLS), str(MAX_REPEATED_TEXT), repr(self.fields), repr(sorted(self.choices.items())),
                 repr(sorted(self.elsewhere.items()))]
        for name in sorted(self.macros):
            try:
                parts.append(f"{name}{inspect.signature(self.macros[name])}")
            except (TypeError, ValueError):
                parts.append(name)
        return hashlib.sha256("\n".join(parts).encode()).digest()


class _Checker:
    def __init__(self, guard: Guard):
        self.guard = guard
        self.found: list[PageError] = []
        self.calls = 0
        self.iterations = 1  # of the loops around the expression being checked
        self.loop_values: dict[str, tuple] = {}  # loop variable -> the literal values it takes
        self.loop_lines: dict[str, int] = {}     # loop variable -> line of its `{% for %}`
        self.loop_lengths: dict[str, tuple[float, int]] = {}  # loop variable -> (average length, written length)
        self.reported: set[tuple] = set()         # a wrong value in a loop's list is named once
        self.repeated = 0                         # characters loops print again
        self.loop_line = 0                        # line of the innermost `{% for %}`

    def _each(self, children, bound: frozenset[str], iterations: int) -> None:
        """Each statement on its own: one refused construct does not hide the next."""
        for child in children:
            try:
                self.visit(child, bound=bound, iterations=iterations)
            except PageError as error:
                self.found.append(error)

    def visit(self, node: nodes.Node, *, bound: frozenset[str], iterations: int) -> None:
        self.iterations = iterations
        for kind, message in REFUSED_STATEMENTS.items():
            if isinstance(node, kind):
                raise PageError(message, node.lineno, needle="{%")
        if isinstance(node, (nodes.Template, nodes.Output)):
            self._each(node.iter_child_nodes(), bound, iterations)
        elif isinstance(node, (nodes.TemplateData, nodes.Const)):
            self._literal(node)
            self._repeat(len(node.data if isinstance(node, nodes.TemplateData) else str(node.value)), iterations)
        elif isinstance(node, nodes.If):
            try:
                self._expression(node.test, bound)
            except PageError as error:
                self.found.append(error)
            self._each([*node.body, *node.elif_, *node.else_], bound, iterations)
        elif isinstance(node, nodes.For):
            self._for(node, bound, iterations)
        elif isinstance(node, nodes.Expr):
            self._expression(node, bound)
            self._repeat_printed(node, iterations)
        else:
            raise PageError("pernyataan ini tidak diizinkan di halaman laporan", node.lineno, needle="{%",
                            hint="halaman dapat memakai teks, makro Casebook, if, for atas daftar tertulis dan raw")

    def _for(self, node: nodes.For, bound: frozenset[str], iterations: int) -> None:
        if not isinstance(node.iter, (nodes.List, nodes.Tuple)) or not all(
                isinstance(item, nodes.Const) for item in node.iter.items):
            raise PageError("`{% for %}` hanya boleh berjalan atas daftar tertulis, misalnya "
                            "`{% for tahap in ['engagement', 'intake'] %}`", node.lineno, needle="for")
        if node.recursive or node.test is not None:
            raise PageError("`{% for ... if %}` dan `recursive` tidak diizinkan di halaman laporan", node.lineno, needle="for")
        for item in node.iter.items:
            self._literal(item)
        targets = [node.target] if isinstance(node.target, nodes.Name) else list(getattr(node.target, "items", []))
        if not targets or not all(isinstance(t, nodes.Name) for t in targets):
            raise PageError("`{% for %}` memerlukan satu nama variabel, misalnya `{% for tahap in [...] %}`", node.lineno,
                            needle="for")
        for target in targets:
            self._not_a_macro_name(target.name, target.lineno)
        total = iterations * max(1, len(node.iter.items))
        if total > MAX_LOOP_ITERATIONS:
            raise PageError(f"perulangan `{{% for %}}` terlalu besar (lebih dari {MAX_LOOP_ITERATIONS} putaran)",
                            node.lineno, needle="for")
        outer = dict(self.loop_values)
        outer_lengths = dict(self.loop_lengths)
        values = tuple(item.value for item in node.iter.items)
        if len(targets) == 1:
            self.loop_values[targets[0].name] = values
            self.loop_lines[targets[0].name] = node.lineno
        else:
            for target in targets:
                self.loop_values.pop(target.name, None)
        for target in targets:  # unpacked (`for a, b in ['xy']`): each part is at most the whole value
            self.loop_lengths[target.name] = (sum(len(str(v)) for v in values) / max(1, len(values)),
                                              sum(len(str(v)) for v in values))
        outer_line, self.loop_line = self.loop_line, node.lineno
        self._each(node.body, bound | {t.name for t in targets}, total)
        self.loop_values, self.loop_line, self.loop_lengths = outer, outer_line, outer_lengths
        self._each(node.else_, bound, iterations)

    def _repeat_printed(self, node: nodes.Node, iterations: int) -> None:
        """What an expression prints on every pass of its loops, beyond what the page writes once: a loop that
        prints a long loop value (`{% for a in ['...25 KB...'] %}{% for b in [0, ..., 99] %}{{ a }}`) or a
        literal through `~` repeats text exactly as literal text in the loop would (red team s23 #1)."""
        if iterations <= 1 or isinstance(node, (nodes.Const, nodes.TemplateData)):
            return  # counted as literal text (visit)
        average, written = self._printed(node)
        self._repeat(0, iterations, extra=max(0, int(average * iterations) - written))

    def _printed(self, node: nodes.Node) -> tuple[float, int]:
        """(characters printed per pass, characters written in the page for it) of an expression; a macro's output
        depends on kasus.yml and is bounded when the page renders (render_bounded)."""
        if isinstance(node, nodes.Const):
            return len(str(node.value)), len(str(node.value))
        if isinstance(node, nodes.Name):
            return self.loop_lengths.get(node.name, (0, 0))
        if isinstance(node, nodes.Filter):
            if node.node is None:
                return 0, 0
            average, written = self._printed(node.node)
            if node.name in ("e", "escape"):
                average *= 6  # `"` -> `&#34;`
            for argument in node.args:  # default('...')
                other, other_written = self._printed(argument)
                average, written = max(average, other), written + other_written
            return average, written
        if isinstance(node, nodes.CondExpr):  # `x if test else y`: the longer branch
            parts = [self._printed(branch) for branch in (node.expr1, node.expr2) if branch is not None]
            return max(p[0] for p in parts), sum(p[1] for p in parts)
        if isinstance(node, nodes.Concat):
            parts = [self._printed(child) for child in node.nodes]
            return sum(p[0] for p in parts), sum(p[1] for p in parts)
        return 0, 0

    def _repeat(self, length: int, iterations: int, extra: int = 0) -> None:
        before, self.repeated = self.repeated, self.repeated + length * (iterations - 1) + extra
        if before <= MAX_REPEATED_TEXT < self.repeated:  # reported once, at the loop that runs out the budget
            raise PageError(f"perulangan `{{% for %}}` ini mencetak teks yang sama terlalu banyak (lebih dari "
                            f"{MAX_REPEATED_TEXT:,} karakter diulang)".replace(",", "."), self.loop_line, needle="for",
                            hint="tulis teksnya sekali di luar perulangan; perulangan untuk memanggil makro per tahap")

    def _not_a_macro_name(self, name: str, lineno: int) -> None:
        if name in self.guard.macros or name == "loop":
            raise PageError(f"nama variabel `{name}` sudah dipakai oleh Casebook; pilih nama lain", lineno, needle=name)

    @staticmethod
    def _literal(node: nodes.TemplateData | nodes.Const) -> None:
        """Text a page writes (or spells with an escape in a string, `'\\ufdd0'`) may not hold the characters of
        Casebook's own markers: a page could forge a reference, a list or a page number (red team s23 #4, #9)."""
        text = node.data if isinstance(node, nodes.TemplateData) else node.value
        found = INTERNAL_CHARACTERS.search(text) if isinstance(text, str) else None
        if found:
            before = text[: found.start()]
            column = len(before) - before.rfind("\n") if "\n" in before else 0  # on a later line of the text: known
            raise PageError(f"halaman ini memuat karakter khusus U+{ord(found.group()):04X} yang hanya dipakai Casebook "
                            "sendiri", node.lineno + before.count("\n"), column=column, needle="", hint="hapus karakter itu (tidak terlihat; biasanya "
                            "terbawa saat menyalin teks) lalu ketik ulang bagian itu")

    def _expression(self, node: nodes.Node, bound: frozenset[str]) -> None:
        if isinstance(node, nodes.Const):
            self._literal(node)
            return
        if isinstance(node, (nodes.List, nodes.Tuple)):
            for item in node.items:
                self._expression(item, bound)
        elif isinstance(node, nodes.Name):
            self._name(node, bound)
        elif isinstance(node, nodes.Call):
            self._call(node, bound)
        elif isinstance(node, (nodes.And, nodes.Or, nodes.Concat, nodes.Not, nodes.CondExpr)):
            for child in node.iter_child_nodes():
                self._expression(child, bound)
        elif isinstance(node, nodes.Compare):
            self._expression(node.expr, bound)
            for operand in node.ops:
                if operand.op not in ALLOWED_COMPARISONS:
                    raise PageError("perbandingan ini tidak diizinkan di halaman laporan", node.lineno, needle="{%")
                self._expression(operand.expr, bound)
        elif isinstance(node, nodes.Filter):
            self._filter_or_test(node, bound, ALLOWED_FILTERS, "filter")
        elif isinstance(node, nodes.Test):
            self._filter_or_test(node, bound, ALLOWED_TESTS, "uji")
        elif isinstance(node, (nodes.Getattr, nodes.Getitem)):
            shown = _attribute_text(node)
            raise PageError(f"akses atribut `{shown}` tidak diizinkan di halaman laporan: halaman hanya dapat "
                            f"memanggil makro Casebook", node.lineno, needle=shown.split(".")[0].split("[")[0])
        elif isinstance(node, (nodes.BinExpr, nodes.UnaryExpr)):
            raise PageError("operasi hitung tidak diizinkan di halaman laporan", node.lineno, needle="{{",
                            hint=RAW_HINT)
        elif isinstance(node, nodes.Dict):
            raise PageError("kamus (`{...}`) tidak diizinkan di halaman laporan", node.lineno, needle="{{")
        else:
            raise PageError("ungkapan ini tidak diizinkan di halaman laporan", node.lineno, needle="{{",
                            hint="halaman hanya dapat memanggil makro Casebook dengan teks, angka atau nama perulangan")

    def _name(self, node: nodes.Name, bound: frozenset[str]) -> None:
        if node.name in bound:
            return
        if node.name in self.guard.macros:
            raise PageError(f"`{node.name}` adalah makro: panggil dengan tanda kurung, `{node.name}()`", node.lineno,
                            needle=node.name)
        raise self._unknown(node.name, node.lineno)

    def _unknown(self, name: str, lineno: int) -> PageError:
        if name in self.guard.elsewhere:
            return PageError(f"makro `{name}` {self.guard.elsewhere[name]}", lineno, needle=name)
        suggestion = self.guard.suggestion(name)
        return PageError(f"makro `{name}` tidak dikenal", lineno, needle=name,
                         hint=suggestion or f"daftar makro ada di Panduan > Makro halaman; {RAW_HINT}")

    def _call(self, node: nodes.Call, bound: frozenset[str]) -> None:
        if not isinstance(node.node, nodes.Name):
            self._expression(node.node, bound)  # names the refused attribute access
            raise PageError("hanya makro Casebook yang dapat dipanggil", node.lineno, needle="(")
        name = node.node.name
        before, self.calls = self.calls, self.calls + self.iterations
        if before <= MAX_MACRO_CALLS < self.calls:  # reported once, where the budget runs out
            raise PageError(f"halaman ini memanggil makro terlalu banyak (lebih dari {MAX_MACRO_CALLS} kali, perulangan "
                            "dihitung)", node.lineno, needle=name, hint="bagi isinya ke beberapa bab")
        if name not in self.guard.macros:
            raise self._unknown(name, node.lineno)
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise PageError(f"`{name}(*...)`/`{name}(**...)` tidak diizinkan: tulis argumennya satu per satu",
                            node.lineno, needle=name)
        for arg in node.args:
            self._expression(arg, bound)
        for keyword in node.kwargs:
            self._expression(keyword.value, bound)
        self._arguments(name, node)
        if name in PATH_MACROS and node.args and isinstance(node.args[0], nodes.Const):
            self._path(name, node.args[0].value, node.lineno)
        if name in self.guard.choices and node.args:
            self._choice(name, node.args[0], node.lineno)

    def _choice(self, name: str, argument: nodes.Node, lineno: int) -> None:
        noun, known = self.guard.choices[name]
        if isinstance(argument, nodes.Const):
            values, where, loop = (argument.value,), lineno, None
        elif isinstance(argument, nodes.Name) and argument.name in self.loop_values:
            # A value of the loop's literal list: named at the `{% for %}` line, once for the loop.
            values, where, loop = self.loop_values[argument.name], self.loop_lines[argument.name], argument.name
        else:
            return
        for value in values:
            if not isinstance(value, str) or value in known or (loop, where, value) in self.reported:
                continue
            if loop:
                self.reported.add((loop, where, value))
            close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
            hint = (f"mungkin maksudnya `{close[0]}`; " if close else "") + f"yang dikenal: {', '.join(known)}"
            if loop:
                raise PageError(f"`{value}` di daftar `{{% for %}}` bukan {noun} yang dikenal", where,
                                needle=f"'{value}'", hint=hint)
            raise PageError(f"{name}('{value}'): `{value}` bukan {noun} yang dikenal", where, needle=name, hint=hint)

    def _path(self, name: str, path: Any, lineno: int) -> None:
        tree = self.guard.fields
        if tree is None or not isinstance(path, str):
            return
        walked: list[str] = []
        for key in path.split("."):
            if tree is None:
                raise PageError(f"{name}('{path}'): kolom `{'.'.join(walked)}` tidak punya sub-kolom `{key}`", lineno,
                                needle=name, hint="lihat Panduan > Rujukan kasus.yml")
            if key not in tree:
                close = difflib.get_close_matches(key, list(tree), n=1, cutoff=0.6)
                where = f" di bawah `{'.'.join(walked)}`" if walked else ""
                raise PageError(f"{name}('{path}'): kolom `{key}`{where} tidak dikenal di kasus.yml", lineno, needle=name,
                                hint=(f"mungkin maksudnya `{'.'.join([*walked, close[0]])}`" if close
                                      else "lihat Panduan > Rujukan kasus.yml"))
            walked.append(key)
            tree = tree[key]

    def _arguments(self, name: str, node: nodes.Call) -> None:
        try:
            signature = inspect.signature(self.guard.macros[name])
        except (TypeError, ValueError):
            return
        try:
            signature.bind(*node.args, **{k.key: k.value for k in node.kwargs})
        except TypeError:
            parameters = [p for p in signature.parameters]
            accepted = ", ".join(parameters) if parameters else "tanpa argumen"
            unknown = [k.key for k in node.kwargs if k.key not in signature.parameters]
            if unknown:
                close = difflib.get_close_matches(unknown[0], parameters, n=1, cutoff=0.6)
                hint = f"mungkin maksudnya `{close[0]}=`" if close else f"argumen yang dikenal: {accepted}"
                message = f"`{name}()` tidak mengenal argumen `{unknown[0]}`"
            else:
                required = [p.name for p in signature.parameters.values() if p.default is inspect.Parameter.empty]
                given = len(node.args) + len(node.kwargs)
                if given < len(required):
                    message = f"`{name}()` memerlukan argumen {', '.join(f'`{r}`' for r in required)}"
                else:
                    message = f"`{name}()` menerima paling banyak {len(parameters)} argumen, diberi {given}"
                hint = f"argumen yang dikenal: {accepted}; lihat Panduan > Makro halaman"
            raise PageError(message, node.lineno, needle=name, hint=hint) from None


    def _filter_or_test(self, node: nodes.Filter | nodes.Test, bound: frozenset[str], allowed: tuple[str, ...],
                        kind: str) -> None:
        if node.name not in allowed:
            raise PageError(f"{kind} `{node.name}` tidak diizinkan di halaman laporan", node.lineno, needle=node.name,
                            hint=f"{kind} yang dapat dipakai: {', '.join(allowed)}")
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise PageError(f"{kind} `{node.name}(*...)` tidak diizinkan: tulis argumennya satu per satu", node.lineno,
                            needle=node.name)
        if node.node is not None:
            self._expression(node.node, bound)
        for arg in node.args:
            self._expression(arg, bound)
        for keyword in node.kwargs:
            if keyword.key == "attribute":  # join(attribute=...) reads attributes
                raise PageError(f"{kind} `{node.name}(attribute=...)` tidak diizinkan di halaman laporan", node.lineno,
                                needle=node.name)
            self._expression(keyword.value, bound)


def _attribute_text(node: nodes.Node) -> str:
    if isinstance(node, nodes.Getattr):
        return f"{_attribute_text(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_attribute_text(node.node)}[...]"
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Call):
        return f"{_attribute_text(node.node)}()"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    return "..."


class PageEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, narrowed to the page language (see the module docstring)."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    intercepted_unops = frozenset({"+", "-"})

    def __init__(self, macros: dict[str, Callable[..., Any]], fields: dict | None = None,
                 choices: dict[str, tuple[str, tuple[str, ...]]] | None = None, elsewhere: dict[str, str] | None = None):
        super().__init__(loader=None, undefined=StrictUndefined, autoescape=False, finalize=self._printed_output)
        self.guard = Guard(dict(macros), fields, dict(choices or {}), dict(elsewhere or {}))
        self.globals.clear()  # no range, dict, lipsum, cycler, joiner, namespace
        self.globals.update(self.guard.macros)
        self.filters = {name: self.filters[name] for name in ALLOWED_FILTERS}
        self.tests = {name: self.tests[name] for name in ALLOWED_TESTS}
        self._callables = frozenset(self.guard.macros.values())
        self._names = {id(f): name for name, f in self.guard.macros.items()}
        self.calls: list[tuple[str, tuple, dict]] | None = None
        # What the page macros returned while the current render runs (by identity), and whether the chunk being
        # printed is one of them: render_bounded tells Casebook's markup from what the student wrote by it.
        self._macro_outputs: dict[int, Any] = {}
        self.printing_macro_output: Any = None
        """When a list: every macro call a render makes, (name, args, kwargs), for the check that each filled
        field of kasus.yml has a place in the report (macros/render/places.py)."""

    def call(__self, __context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        if __self.calls is not None and id(__obj) in __self._names:
            __self.calls.append((__self._names[id(__obj)], args, kwargs))
        result = super().call(__context, __obj, *args, **kwargs)
        if id(__obj) in __self._names and isinstance(result, str):
            __self._macro_outputs[id(result)] = result  # kept alive for the render: ids stay unique
        return result

    def _printed_output(self, value: Any) -> Any:
        """Jinja's finalize: called on every `{{ }}` value just before it is printed."""
        self.printing_macro_output = value if self._macro_outputs.get(id(value)) is value else None
        return value

    def start_render(self) -> None:
        self._macro_outputs.clear()
        self.printing_macro_output = None

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        self.guard.check(tree)
        return tree

    def cache_token(self) -> bytes:
        return f"{type(self).__module__}.{type(self).__qualname__}".encode() + self.guard.signature_token()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        try:
            return obj in self._callables
        except TypeError:  # unhashable: not a page macro
            return False

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        raise SecurityError("operasi hitung tidak diizinkan di halaman laporan")

    def call_unop(self, context, operator: str, arg: Any) -> Any:
        raise SecurityError("operasi hitung tidak diizinkan di halaman laporan")


# Statement start as Jinja reads it, for the column of a message that names no identifier.
TAG_START = re.compile(r"\{\{|\{%")


class OutputTooLarge(Exception):
    """A page printed more than it may (`limit` characters): rendering stopped there."""

    def __init__(self, limit: int):
        super().__init__(f"output over {limit} characters")
        self.limit = limit


def render_bounded(template, limit: int, stripped: list | None = None) -> str:
    """`template.render()` that stops as soon as the output passes `limit` characters: a page whose loops print a
    long kasus.yml field through a macro a hundred times is stopped at the cap, not built in memory first.

    Casebook's own classes are then taken off everything the student wrote (macros/privacy/sanitize.py
    strip_casebook_classes); the page macros' output keeps them. `stripped` collects what was taken off, with
    offsets into the rendered text (check warns at the page's line)."""
    from macros.privacy.sanitize import strip_casebook_classes

    environment = template.environment
    tracking = isinstance(environment, PageEnvironment)
    if tracking:
        environment.start_render()
    parts, size, spans = [], 0, []
    try:
        for chunk in template.generate():
            if tracking and environment.printing_macro_output is not None:
                if chunk is environment.printing_macro_output or chunk == environment.printing_macro_output:
                    spans.append((size, size + len(chunk)))
                environment.printing_macro_output = None
            size += len(chunk)
            if size > limit:
                raise OutputTooLarge(limit)
            parts.append(chunk)
    finally:
        if tracking:
            environment.start_render()  # nothing of this render kept alive
    text, removed = strip_casebook_classes("".join(parts), spans)
    if stripped is not None:
        stripped.extend(removed)
    return text
