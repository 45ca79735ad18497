"""The XSS corpus (tests/fixtures/xss/vectors.txt) and a static check of sanitised HTML."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

VECTORS_FILE = Path(__file__).resolve().parent / "fixtures" / "xss" / "vectors.txt"
_CONTROL = {"{TAB}": "\t", "{NL}": "\n", "{CR}": "\r", "{NUL}": "\0", "{FF}": "\f"}


def load_vectors() -> list[str]:
    vectors = []
    for line in VECTORS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for token, char in _CONTROL.items():
            line = line.replace(token, char)
        vectors.append(line)
    return vectors


SAFE_SCHEMES = ("http", "https", "mailto")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def problems(clean: str, allowed_tags: frozenset[str] | None, allowed_styles: frozenset[str] | None) -> list[str]:
    """What in sanitised HTML could still run or cover the page: [] when nothing. None: any tag/style allowed."""
    found = []
    parser = _Tags()
    parser.feed(clean)
    parser.close()
    for tag, attrs in parser.tags:
        if allowed_tags is not None and tag not in {t.lower() for t in allowed_tags}:
            found.append(f"tag <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                found.append(f"handler {name} on <{tag}>")
            if name in ("href", "src", "xlink:href", "action", "formaction", "data", "poster", "background", "srcset"):
                # As a browser parses a URL: C0 controls and spaces trimmed at the ends, tabs/newlines removed anywhere.
                url = re.sub(r"[\t\n\r]", "", html.unescape(value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
                                                                         "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")).lower()
                scheme = re.match(r"^([a-z][a-z0-9+.-]*):", url)
                if scheme and scheme.group(1) not in SAFE_SCHEMES:
                    found.append(f"{scheme.group(1)}: URL in {name}")
                if url.startswith(("//", "\\\\", "/\\")):
                    found.append(f"protocol-relative URL in {name}")
            if name in ("attributename", "to", "values", "from", "by"):
                found.append(f"animation attribute {name}")
            if name == "style":
                for declaration in value.split(";"):
                    prop = declaration.split(":")[0].strip().lower()
                    if prop and allowed_styles is not None and prop not in allowed_styles:
                        found.append(f"style {prop}")
                if "url(" in value.lower() or "expression" in value.lower():
                    found.append("style url()/expression")
            if name == "class" and re.search(r"(^|\s)md-", value):
                found.append("Material class")
            if name in ("id", "name") and value.startswith("_"):
                found.append(f"reserved {name} {value}")
    if re.search(r"<\s*(script|style|iframe|object|embed|base|meta|link|form|animate|set|foreignobject)\b", clean, re.I):
        found.append("dangerous element in the raw text")
    return found


def live_markup(page_html: str) -> list[str]:
    """Handlers and script URLs in real tags of a published page (its own forms and inputs allowed)."""
    found = [p for p in problems(page_html, None, None) if p.startswith(("handler", "javascript", "vbscript", "data", "animation"))]
    if re.search(r"<\s*(script|iframe|object|embed|base|animate|set|foreignobject)\b", page_html, re.I):
        found.append("dangerous element")
    return found
