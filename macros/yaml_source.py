"""Read a YAML file the way a student means it, keeping the line of every value.

PyYAML follows YAML 1.1, where `no:` becomes False, `0217654321` an octal number,
`yes`/`on`/`off` booleans and `16.30` the float 16.3. Students write phone numbers,
NRP numbers, `no:` columns and times exactly like that, so this loader resolves only
what is unambiguous — `true`/`false`, `null`/`~`, and integers without a leading zero —
and keeps everything else as the text that was typed. Duplicate keys, tabs and
unsupported tags are refused instead of being silently resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_KNOWN_TAGS = {_STR, _INT, _BOOL, _NULL, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Loader(yaml.SafeLoader):
    """SafeLoader whose implicit resolvers follow the unambiguous part of YAML 1.2 core.

    Pure Python: used to explain syntax errors, whose wording the messages below translate.
    """


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same resolvers on libyaml's parser: about ten times faster for valid files."""


for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {}
    _loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    _loader.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    _loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))


@dataclass
class SourceProblem:
    """A problem found while reading the file, before any model sees it."""

    line: int
    column: int
    path: Path_
    message: str
    hint: str = ""


@dataclass
class YamlDocument:
    """Plain Python data plus where each value and key stands in the file (1-based)."""

    data: Any
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    warnings: list[SourceProblem] = field(default_factory=list)  # valid YAML that likely does not say what was meant

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The mark of `path`, or of its nearest ancestor that exists in the file."""
        for depth in range(len(path), -1, -1):
            prefix = path[:depth]
            if key and prefix in self.key_marks:
                return self.key_marks[prefix]
            if prefix in self.value_marks:
                if depth < len(path) and prefix in self.key_marks:
                    # A missing child: point at the key of the mapping that lacks it.
                    return self.key_marks[prefix]
                return self.value_marks[prefix]
        return (1, 1)


class YamlSyntaxError(Exception):
    def __init__(self, problems: list[SourceProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


_SYNTAX_MESSAGES = [
    ("mapping values are not allowed here", "titik dua `:` tidak diharapkan di sini",
     "teks yang memuat `: ` harus diberi tanda kutip, misalnya \"Pukul: 17.00\""),
    ("could not find expected ':'", "tanda titik dua `:` tidak ditemukan",
     "setiap baris kunci ditulis `kunci: nilai`; periksa juga indentasi"),
    ("found unexpected end of stream", "tanda kutip belum ditutup", "tutup teks dengan tanda kutip yang sama"),
    ("expected <block end>, but found", "indentasi tidak konsisten",
     "kunci yang setingkat harus sejajar; gunakan 2 spasi per tingkat"),
    ("did not find expected key", "indentasi tidak konsisten",
     "kunci yang setingkat harus sejajar; gunakan 2 spasi per tingkat"),
    ("did not find expected '-' indicator", "butir daftar tidak sejajar",
     "setiap butir daftar diawali `- ` pada kolom yang sama"),
    ("found undefined alias", "alias YAML (`*nama`) tidak dikenal", "definisikan dulu jangkar `&nama`"),
    ("found character '@' that cannot start any token", "teks tidak boleh diawali `@`", "beri tanda kutip"),
    ("found character '`' that cannot start any token", "teks tidak boleh diawali tanda petik terbalik",
     "beri tanda kutip"),
    ("found unknown escape character", "karakter escape tidak dikenal di dalam tanda kutip ganda",
     "gunakan tanda kutip tunggal '...' untuk teks yang memuat garis miring terbalik"),
    ("expected escape sequence", "karakter escape tidak lengkap di dalam tanda kutip ganda",
     "gunakan tanda kutip tunggal '...' untuk teks yang memuat garis miring terbalik"),
    ("found invalid Unicode character escape code", "kode karakter `\\u`/`\\x` tidak valid di dalam tanda kutip ganda",
     "gunakan tanda kutip tunggal '...' untuk teks yang memuat garis miring terbalik"),
    ("sequence entries are not allowed here", "butir daftar `- ` tidak boleh di tempat ini",
     "tulis butir daftar di baris sendiri di bawah kuncinya, menjorok 2 spasi"),
    ("expected ',' or ']'", "daftar `[ ... ]` tidak ditutup dengan benar",
     "pisahkan butir dengan koma dan tutup dengan `]`; beri tanda kutip pada teks yang memuat koma atau kurung"),
    ("expected ',' or '}'", "pemetaan `{ ... }` tidak ditutup dengan benar",
     "pisahkan pasangan dengan koma dan tutup dengan `}`; beri tanda kutip pada teks yang memuat koma atau kurung"),
    ("expected the node content", "nilai tidak ditemukan di tempat ini",
     "periksa tanda baca di awal nilai; beri tanda kutip pada teks yang diawali `[`, `{`, `&`, `*`, `!`, `|` atau `>`"),
    ("expected alphabetic or numeric character", "nama jangkar atau alias (`&nama`, `*nama`) tidak valid",
     "beri tanda kutip pada teks yang diawali `&` atau `*`"),
    ("expected a comment or a line break", "ada teks setelah nilai yang sudah selesai",
     "beri tanda kutip pada seluruh nilai, misalnya \"Rumah 'Kasih' Bunda\""),
    ("expected a single document", "berkas berisi lebih dari satu dokumen YAML", "hapus baris `---` kedua"),
    ("found duplicate anchor", "nama jangkar `&nama` dipakai dua kali", "hapus jangkar dan tulis nilainya lengkap"),
    ("unacceptable character", "berkas memuat karakter kontrol yang tidak diizinkan",
     "hapus karakter itu (sering terbawa dari salinan PDF atau Word) lalu simpan ulang sebagai UTF-8"),
    ("expected '<document start>'", "struktur berkas tidak dikenali", "berkas berisi baris-baris `kunci: nilai`"),
    ("found unexpected ':'", "tanda titik dua `:` di tempat yang tidak terduga", "beri tanda kutip pada teks yang memuat `:`"),
    ("found incompatible YAML document", "versi YAML tidak didukung", "hapus baris yang diawali `%YAML`"),
    ("directive", "baris yang diawali `%` tidak dikenal", "hapus baris itu atau beri tanda kutip pada teksnya"),
    ("tag handle", "tag YAML (`!nama!`) tidak dikenal", "hapus tag tersebut; tulis nilainya apa adanya"),
    ("expected URI", "tag YAML (`!<...>`) tidak valid", "hapus tag tersebut; tulis nilainya apa adanya"),
    ("expected <block end>", "indentasi tidak konsisten", "kunci yang setingkat harus sejajar; gunakan 2 spasi per tingkat"),
    ("that cannot start any token", "teks tidak boleh diawali karakter ini", "beri tanda kutip pada nilainya"),
    ("while scanning", "teks tidak dapat dibaca sampai akhir", "periksa tanda kutip dan tanda kurung pada baris ini"),
    ("expected", "tanda baca YAML tidak lengkap", "periksa indentasi, tanda kutip dan tanda kurung pada baris ini"),
]


_OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?(["'])""")


def _unclosed_quote(text: str, before_line: int) -> tuple[int, int] | None:
    """The first line before the error whose value opens a quote it never closes.

    PyYAML reports an unclosed quote lines later, wherever the runaway text breaks
    the structure; the student needs the line where the quote was opened.
    """
    for number, line in enumerate(text.splitlines()[:before_line], start=1):
        match = _OPENING_QUOTE.match(line)
        if match:
            quote, rest = match.group(1), line[match.end():]
            closed = rest.replace("''", "") if quote == "'" else re.sub(r'\\.', "", rest)
            if quote not in closed:
                return number, match.start(1) + 1
    return None


def _translate_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> SourceProblem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    opened = _unclosed_quote(text, line)
    if opened:
        return SourceProblem(*opened, (), "sintaks YAML tidak valid: tanda kutip belum ditutup",
                             "tutup teks dengan tanda kutip yang sama di akhir baris")
    problem = f"{exc.problem or ''} {exc.context or ''}"  # the composer says the half that matters in context
    for english, message, hint in _SYNTAX_MESSAGES:
        if english in problem:
            return SourceProblem(line, col, (), f"sintaks YAML tidak valid: {message}", hint)
    # Never PyYAML's English: a general message, located, with what to look at.
    return SourceProblem(line, col, (), "sintaks YAML tidak valid di baris ini",
                         "periksa indentasi dan tanda kutip pada baris ini")


def _tab_problems(text: str) -> list[SourceProblem]:
    """YAML forbids tabs for indentation; say so plainly instead of PyYAML's riddle."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(SourceProblem(number, indent.index("\t") + 1, (),
                                          "karakter tab dipakai untuk indentasi",
                                          "YAML hanya menerima spasi; ganti tab dengan 2 spasi"))
    return problems


MAX_BYTES = 2_000_000   # a report's data is tens of kilobytes; megabytes mean a mistake or an attack
MAX_DEPTH = 40          # the deepest real report structure is under 10 levels


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document into plain data with marks; raise YamlSyntaxError.

    Hostile input is refused quickly with a message: files over MAX_BYTES, nesting deeper
    than MAX_DEPTH, and aliases (`*nama`), whose repeated expansion can blow a small file
    up to gigabytes ("billion laughs").
    """
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlSyntaxError([SourceProblem(1, 1, (), f"berkas terlalu besar (lebih dari {MAX_BYTES // 1_000_000} MB)",
                                             "simpan foto dan lampiran besar di folder media/, bukan di berkas YAML")])
    tabs = _tab_problems(text)
    if tabs:
        raise YamlSyntaxError(tabs)
    aliases = _refuse_deep_nesting(text)
    try:
        try:
            root = yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            root = _compose_explaining_errors(text)
    except RecursionError:
        raise YamlSyntaxError([_too_deep(1, 1, ())]) from None
    doc = YamlDocument(data=None)
    if root is None:
        doc.data = {}
        return doc
    problems: list[SourceProblem] = []
    doc.data = _convert(root, (), doc, problems, set())
    if aliases:
        # A reused node is met again where the alias stands, but carries the anchor's position: each alias is
        # named at its own line instead (an alias after a refused `<<` is already explained there).
        merge_lines = {p.line for p in problems if p.message == MERGE_MESSAGE}
        problems = [p for p in problems if p.message != ALIAS_MESSAGE]
        lines = set(merge_lines)
        for line, col, name in aliases:  # one message per line is enough
            if line not in lines:
                lines.add(line)
                problems.append(SourceProblem(line, col, (), f"alias YAML `*{name}` tidak didukung", ALIAS_HINT))
    if problems:
        raise YamlSyntaxError(sorted(problems, key=lambda p: (p.line, p.column)))
    return doc


ALIAS_MESSAGE = "alias YAML (`*nama`) tidak didukung"
ALIAS_HINT = "tulis nilainya lengkap di setiap tempat"
MERGE_MESSAGE = "kunci gabungan YAML `<<` tidak didukung"


def _refuse_deep_nesting(text: str) -> list[tuple[int, int, str]]:
    """Nesting is measured on libyaml's event stream (an explicit stack, no recursion) before any tree is built:
    composing 50,000 nested `[` recurses in C and crashes the process instead of raising an error.
    Returns where the first aliases (`*nama`) stand: the composed tree only knows where their anchors are."""
    depth, aliases = 0, []
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            if isinstance(event, yaml.AliasEvent) and len(aliases) < 20:
                aliases.append((event.start_mark.line + 1, event.start_mark.column + 1, event.anchor))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise YamlSyntaxError([_too_deep(mark.line + 1, mark.column + 1, ())])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return []  # a syntax error: composing below explains it
    return aliases


def _too_deep(line: int, column: int, path: Path_) -> SourceProblem:
    return SourceProblem(line, column, path, f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                         "periksa indentasi dan tanda kurung [ ] { } yang tidak ditutup")


def _compose_explaining_errors(text: str) -> Node | None:
    """Parse again with the pure-Python parser, whose error wording we translate."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError([_translate_syntax_error(exc, text)]) from None
    except yaml.YAMLError as exc:  # e.g. more than one document
        known = next(((m, h) for english, m, h in _SYNTAX_MESSAGES if english in str(exc)),
                     ("berkas YAML tidak valid", "periksa indentasi dan tanda kutip"))
        raise YamlSyntaxError([SourceProblem(1, 1, (), f"sintaks YAML tidak valid: {known[0]}", known[1])]) from None


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: Node, path: Path_, doc: YamlDocument, problems: list[SourceProblem], seen: set[int]) -> Any:
    if id(node) in seen and not isinstance(node, ScalarNode) or len(path) > MAX_DEPTH:
        line, col = _mark(node)
        problems.append(_too_deep(line, col, path) if len(path) > MAX_DEPTH else
                        SourceProblem(line, col, path, ALIAS_MESSAGE, ALIAS_HINT))
        return None
    seen.add(id(node))
    doc.value_marks[path] = _mark(node)
    if node.tag not in _KNOWN_TAGS:
        line, col = _mark(node)
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(SourceProblem(line, col, path, f"tag YAML `{shown}` tidak didukung",
                                      "hapus tag tersebut; tulis nilainya apa adanya"))
        return None
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        if node.flow_style:
            _warn_commas_in_prose(node, path, doc)
        return [_convert(item, path + (index,), doc, problems, seen) for index, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line, col = _mark(key_node)
        if not isinstance(key_node, ScalarNode):
            problems.append(SourceProblem(line, col, path, "kunci harus berupa teks sederhana"))
            continue
        if key_node.value == "<<" and not key_node.style:  # unquoted `<<`: YAML 1.1's merge key
            anchor = f" (salin isinya dari baris {_mark(value_node)[0]})" if id(value_node) in seen else ""
            problems.append(SourceProblem(line, col, path + ("<<",), MERGE_MESSAGE,
                                          f"tulis setiap kunci secara lengkap di sini{anchor}"))
            continue
        key = key_node.value  # keys stay text: `no:` is the key "no", never False
        if key in result:
            first_line, _ = doc.key_marks[path + (key,)]
            problems.append(SourceProblem(line, col, path + (key,), f"kunci `{key}` ditulis dua kali",
                                          f"pertama kali di baris {first_line}; hapus salah satunya"))
            continue
        doc.key_marks[path + (key,)] = (line, col)
        result[key] = _convert(value_node, path + (key,), doc, problems, seen)
    return result


_SENTENCE_END = (".", "!", "?", ":", ";")


def _warn_commas_in_prose(node: SequenceNode, path: Path_, doc: YamlDocument) -> None:
    """`manfaat: [Bagi mahasiswa, memperoleh pengalaman praktik.]` is two items in YAML: inside `[ ]` every
    comma ends an item. An item that reads as the rest of the previous one's sentence (it starts in lower
    case after an item without closing punctuation, and ends a sentence, or runs on for three words or
    more after a capitalised phrase) was most likely one sentence: say so where it stands, with the fix.
    Lists of codes or keywords (`[ecomap, genogram]`, `[self awareness, kelompok mitra binaan]`) are
    left alone."""
    items = node.value
    for before, item in zip(items, items[1:]):
        if not (isinstance(before, ScalarNode) and isinstance(item, ScalarNode)) or before.style or item.style:
            continue  # quoted items (style '"' or "'") are what the student meant; plain ones have no style
        text, previous = item.value, before.value
        sentence_goes_on = text.rstrip().endswith(_SENTENCE_END) or (
            previous[:1].isupper() and " " in previous and len(text.split()) >= 3)
        if text[:1].islower() and " " in text and not previous.rstrip().endswith(_SENTENCE_END) and sentence_goes_on:
            line, col = _mark(node)
            doc.warnings.append(SourceProblem(
                line, col, path, f"koma di dalam [ ] memisahkan butir: `{previous}` dan `{text}` menjadi dua butir",
                "bila itu satu kalimat, tulis daftar sebagai baris-baris `- ...` (satu butir per baris), atau apit "
                "kalimatnya dengan tanda kutip"))
            return


def _scalar(node: ScalarNode) -> Any:
    if node.tag == _INT:
        try:
            return int(node.value)
        except ValueError:  # an explicit `!!int abc`: keep what was typed, the model will object
            return node.value
    if node.tag == _BOOL:
        return node.value.lower() == "true"
    if node.tag == _NULL:
        return None
    return node.value
