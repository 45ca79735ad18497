"""Defence in depth for report pages: no script runs from anything a student wrote.

Data from kasus.yml is escaped where it is rendered, so it can only ever show as text.
Two things still reach a page as markup: Markdown links in prose (`[x](javascript:...)`
becomes a real link) and raw HTML a student types into a chapter page. Every report
page therefore passes through `sanitize` after rendering: script-like elements are
removed, event-handler attributes dropped, and javascript:/vbscript:/data: URLs
neutralised. Only tags are touched; text (including escaped `&lt;script&gt;`) is not.
"""

from __future__ import annotations

import html
import re

_DANGEROUS_ELEMENTS = re.compile(r"<(script|iframe|object|embed|frame|frameset|applet|base|meta|link|form)\b[^>]*>"
                                 r"(?:.*?</\1\s*>)?", re.I | re.S)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_EVENT_ATTRIBUTE = re.compile(r"""\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src|xlink:href|action|formaction|srcset|poster|data)\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.I)


def _safe_url(match: re.Match) -> str:
    raw = match.group(2).strip("\"'")
    decoded = re.sub(r"[\x00-\x20]", "", html.unescape(raw))  # browsers ignore spaces/controls: "java\tscript:"
    if _BAD_SCHEME.match(decoded) and not re.match(r"^data:image/(png|jpeg|gif|webp);", decoded, re.I):
        return f'{match.group(1)}"#"'
    return match.group(0)


def _clean_tag(tag: re.Match) -> str:
    return _URL_ATTRIBUTE.sub(_safe_url, _EVENT_ATTRIBUTE.sub("", tag.group(0)))


def sanitize(page_html: str) -> str:
    return _TAG.sub(_clean_tag, _DANGEROUS_ELEMENTS.sub("", page_html))
