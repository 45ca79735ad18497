"""Section numbers of a chapter page, computed from the headings that are present.

Templates and students write headings without numbers (`## Latar Belakang`); after the page macros
have run, `number_sections` gives every heading of a chapter page its number: `##` -> 4.1, `###` ->
4.1.1, `####` -> 4.1.1.1. An optional part left out leaves no gap, and a number typed into a heading
(reports written before numbers were computed: `## 4.3 Tahap Rencana`) is replaced by the computed
one, so those reports stay valid. A heading ending in `{ .tanpa-nomor }` is left unnumbered.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{2,4})[ \t]+(.*?)[ \t#]*$")
_TYPED_NUMBER = re.compile(r"^(?:\d+\.)*\d+\.?\s+(?=\S)")
_FENCE = re.compile(r"^\s*(```|~~~)")
UNNUMBERED = re.compile(r"\{\s*:?\s*\.tanpa-nomor\s*\}\s*$")


def number_sections(markdown: str, chapter: int) -> str:
    counters = [0, 0, 0]  # levels 2, 3, 4
    out, fence = [], None
    for line in markdown.split("\n"):
        fenced = _FENCE.match(line)
        if fence:
            if fenced and fenced.group(1) == fence:
                fence = None
            out.append(line)
            continue
        if fenced:
            fence = fenced.group(1)
            out.append(line)
            continue
        match = _HEADING.match(line)
        if not match:
            out.append(line)
            continue
        hashes, text = match.groups()
        if UNNUMBERED.search(text):
            out.append(f"{hashes} {UNNUMBERED.sub('', text).rstrip()}")
            continue
        level = len(hashes) - 2
        counters[level] += 1
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        # A skipped level (### straight under the chapter title) counts from 1, never prints a 0.
        for shallower in range(level):
            counters[shallower] = counters[shallower] or 1
        number = ".".join(str(n) for n in [chapter, *counters[:level + 1]])
        out.append(f"{hashes} {number} {_TYPED_NUMBER.sub('', text)}")
    return "\n".join(out)
