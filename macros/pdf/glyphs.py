"""Characters a PDF shows as blank gaps: no installed font had a glyph for them.

Checked on the written PDF, not on the text: every embedded font's ToUnicode map says
which character each glyph stands for; a character drawn with glyph 0 (.notdef), with a
glyph the embedded font program does not hold, or with an empty outline (not a space) was
not really printed, although `pdftotext` still extracts it. The build names the report
file, line and field holding the character, so the student can replace it or ask for a font.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_RANGE = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


def _to_unicode(cmap: str) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(cmap):
        for code, text in _PAIR.findall(block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be", "replace")
    for block in _BFRANGE.findall(cmap):
        for start, end, text in _RANGE.findall(block):
            first = int(text, 16)
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _blank_is_fine(text: str) -> bool:
    """Spaces, joiners and marks may have no outline."""
    return all(unicodedata.category(c) in ("Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me") for c in text)


def _font_program(descriptor):
    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
        if key in descriptor:
            return key, descriptor[key].read_bytes()
    return None, b""


def missing_characters(pdf: bytes) -> list[str]:
    """Characters of the PDF that no embedded font draws, in order of first appearance."""
    import pikepdf
    from fontTools.ttLib import TTFont

    missing: dict[str, None] = {}
    seen: set[tuple[int, int]] = set()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            for font in fonts.values():
                if font.objgen in seen or "/ToUnicode" not in font:
                    continue
                seen.add(font.objgen)
                mapping = _to_unicode(font.ToUnicode.read_bytes().decode("latin-1"))
                glyphs, empty = None, set()
                if font.get("/Subtype") == "/Type0":
                    descendant = font.DescendantFonts[0]
                    kind, program = _font_program(descendant.get("/FontDescriptor", {}))
                    if kind == "/FontFile2" and program and descendant.get("/CIDToGIDMap", "/Identity") == "/Identity":
                        tt = TTFont(io.BytesIO(program))
                        glyphs = tt["maxp"].numGlyphs
                        if "glyf" in tt:
                            order, table = tt.getGlyphOrder(), tt["glyf"]
                            empty = {gid for gid in mapping if gid < glyphs and table[order[gid]].numberOfContours == 0}
                for gid, text in mapping.items():
                    if _blank_is_fine(text):
                        continue
                    if gid == 0 or (glyphs is not None and gid >= glyphs) or gid in empty:
                        for char in text:
                            missing.setdefault(char, None)
    return list(missing)


def describe(char: str) -> str:
    name = unicodedata.name(char, "tanpa nama")
    return f"'{char}' (U+{ord(char):04X} {name})"


_KEY = re.compile(r"^(\s*)(?:-\s+)?([\w.-]+)\s*:")


def locate(folder: Path, chars: list[str]) -> list[str]:
    """`kasus.yml:12 (bab_4.tahapan): '🙏' (U+1F64F ...)` for every place of the report that holds a character."""
    places = []
    files = sorted(folder.glob("*.yml")) + sorted(folder.glob("*.md"))
    for file in files:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        stack: list[tuple[int, str]] = []
        for number, line in enumerate(lines, start=1):
            key = _KEY.match(line) if file.suffix == ".yml" else None
            if key:
                indent = len(key.group(1))
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                stack.append((indent, key.group(2)))
            found = [c for c in chars if c in line]
            if found:
                field = f" ({'.'.join(k for _, k in stack)})" if stack else ""
                places.append(f"{file.name}:{number}{field}: {', '.join(describe(c) for c in found)}")
    return places
