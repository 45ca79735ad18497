"""How deep a report page nests, bounded before Markdown and the PDF engine see it.

Python-Markdown, WeasyPrint and pandoc walk a page's structure recursively: a list nested 250 levels (an outline
pasted from Word with runaway indentation), 500 nested `<div markdown>` or 400 nested `<span>` ended the whole
campus build with a RecursionError (red team s23 #6, #8), though browsers and the sanitiser accept them. A report
page needs a few levels; these bounds leave room for any real one and keep every tool far from its limit
(WeasyPrint fails from ~300 nested elements). The page as rendered by its macros is measured (a loop can open a
`<div>` a hundred times), so `check` and the build (site_hooks.on_page_markdown) refuse the same pages, at the
line where the bound is passed; the build leaves out that report only.

The same scan warns where the sanitiser will clamp a layout number the student wrote (`colspan="10000000"`,
red team s23 #7): the table changes, and nothing is changed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_INDENT = 40       # columns of leading white space (a tab counts 4): ten list levels of four spaces
MAX_QUOTE_DEPTH = 10  # `> > >`: nested quotations
MAX_HTML_DEPTH = 40   # elements open inside one another in the page's own HTML (`<div markdown>`, `<span>`, ...)

# Elements whose end tag may be left out (HTML closes them itself: a new <li> closes the last) and void ones:
# they cannot nest in themselves without a counted container in between, so they are not counted.
_NOT_COUNTED = frozenset({"p", "li", "td", "th", "tr", "dt", "dd", "tbody", "thead", "tfoot", "colgroup", "option",
                          "optgroup", "rb", "rt", "rp", "caption", "area", "base", "br", "col", "embed", "hr", "img",
                          "input", "link", "meta", "source", "track", "wbr", "html", "head", "body"})
# The attributes' group is possessive: a text has one parse of it, so the matches are those of the plain group, found
# without backtracking through a long line that never closes its tag.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
_QUOTES = re.compile(r"^ {0,3}((?:> ?)+)")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Finding:
    line: int       # 1-based line of the rendered Markdown
    needle: str     # text on that line that marks the place
    message: str
    hint: str
    error: bool = True


def _indent(line: str) -> int:
    width = 0
    for character in line:
        if character == " ":
            width += 1
        elif character == "\t":
            width += 4 - width % 4
        else:
            break
    return width


# Only these lines can matter: a fence (it switches code blocks), a line indented 11+ characters (a tab counts at most
# 4 columns, so fewer cannot pass MAX_INDENT), a quotation `>` and a line holding `<`. Every other line of a page (most
# of its prose) is skipped by one regex over the whole page, in C, instead of a Python loop over every line.
_CANDIDATE = re.compile(r"^(?=[^\S\n]*(?:```|~~~)|[ \t]{11}| {0,3}>|[^\n]*<)[^\n]*", re.M)
# Line ends other than \n that str.splitlines also splits at (the rendered page is split with it to locate a line).
_OTHER_BREAKS = re.compile("[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_LAYOUT_ATTRIBUTE = re.compile(r"\b(colspan|rowspan|span|width|height|start|value)\s*=\s*[\"']?([^\"'\s>]*)", re.I)


def _lines_that_matter(markdown: str):
    """(1-based line number, line) of `markdown.splitlines()` that can hold a finding or switch a code block."""
    if _OTHER_BREAKS.search(markdown):  # rare: split exactly as the locating code does
        yield from ((n, line) for n, line in enumerate(markdown.splitlines(), start=1) if _CANDIDATE.match(line))
        return
    number, position = 1, 0
    for match in _CANDIDATE.finditer(markdown):
        number += markdown.count("\n", position, match.start())
        position = match.start()
        yield number, match.group()


def structure_findings(markdown: str) -> list[Finding]:
    """The first place each bound is passed (one message per kind), and every clamped layout number."""
    from macros.privacy.sanitize import LAYOUT_NUMBERS, _layout_number

    findings: list[Finding] = []
    reported: set[str] = set()
    stack: list[str] = []
    fenced = False
    for number, line in _lines_that_matter(markdown):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue  # a code block prints its text as written: nothing nests
        if "indent" not in reported and _indent(line) > MAX_INDENT and line.strip():
            reported.add("indent")
            findings.append(Finding(number, line.strip()[:20], f"baris ini menjorok terlalu dalam (lebih dari {MAX_INDENT} "
                                    "spasi): daftar bertingkat sedalam ini tidak dapat dibuat PDF-nya",
                                    "rapikan daftar menjadi paling banyak beberapa tingkat (dua atau empat spasi per "
                                    "tingkat); teks yang disalin dari Word sering membawa jorokan berlebih"))
        quotes = _QUOTES.match(line)
        if "quote" not in reported and quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
            reported.add("quote")
            findings.append(Finding(number, ">", f"kutipan `>` bertingkat lebih dari {MAX_QUOTE_DEPTH} lapis",
                                    "kutipan cukup satu atau dua tingkat `>`"))
        for closing, written, attributes in _TAG.findall(line):
            name = written.lower()
            if not closing and "=" in attributes:  # an end tag's numbers are not kept: nothing to clamp
                for attribute, value in _LAYOUT_ATTRIBUTE.findall(attributes):
                    attribute = attribute.lower()
                    kept = _layout_number(attribute, value, name) if attribute in LAYOUT_NUMBERS else value
                    if kept is not None and kept != value:
                        findings.append(Finding(number, f"{attribute}=", f"`{attribute}=\"{value[:20]}\"` dibatasi "
                                                f"menjadi `{kept}` (batas {LAYOUT_NUMBERS[attribute][1]})",
                                                "tabel dan gambar laporan tidak memerlukan angka sebesar itu", error=False))
            if name in _NOT_COUNTED or attributes.rstrip().endswith("/"):
                continue
            if not closing:
                stack.append(name)
                if len(stack) > MAX_HTML_DEPTH and "html" not in reported:
                    reported.add("html")
                    findings.append(Finding(number, f"<{written}",
                                            f"elemen HTML bertingkat lebih dari {MAX_HTML_DEPTH} lapis (`<{name}>` di dalam "
                                            f"`<{stack[-2]}>` di dalam ...): PDF-nya tidak dapat dibuat",
                                            "tutup setiap elemen (`</div>`, `</span>`) sebelum membuka yang berikutnya; "
                                            "halaman laporan jarang memerlukan lebih dari beberapa lapis"))
            elif name in stack:  # an end tag closes what is open inside it too
                del stack[len(stack) - 1 - stack[::-1].index(name):]
    return findings
