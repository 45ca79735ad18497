"""Text from YAML into Markdown safely.

`plain()` is for Teks fields: HTML-escaped and Markdown punctuation neutralised, so
it prints exactly as typed. `prose()` is for Prosa fields: Markdown is kept, raw HTML
is not (a `<script>` prints as text), so a report can never inject markup.
"""

from __future__ import annotations

import re

from markupsafe import escape

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def plain(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(escape(text)))


def prose(text: str) -> str:
    """A prose field of kasus.yml as Markdown: no HTML, no template syntax. A `[[ref:id]]` token becomes a
    reference to the report's numbered table, figure or appendix with that id ("Tabel 4.1"), resolved with the
    page's ref() calls (macros/render/numbering.py); an unknown id stays as written and `check` warns."""
    from macros.render.numbering import PROSE_REF, PROSE_REF_MARKER

    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("{", "&#123;")
    return PROSE_REF.sub(lambda m: PROSE_REF_MARKER.format(id=m.group(1)), escaped)


def bullets(items) -> str:
    return "\n".join(f"- {plain(item)}" for item in items)


def keep_with_next(markdown_block: str) -> str:
    """Mark a paragraph (a label such as **Hasil:**, a session title, a header block) so print keeps it
    on the same page as what follows it: the print stylesheet gives `.casebook-label` break-after: avoid."""
    return f"{markdown_block.rstrip()}\n{{: .casebook-label }}"


def label(text: str) -> str:
    """A bold run-in label paragraph (`**Hasil:**`), kept with the text it introduces. `text` is Markdown."""
    return keep_with_next(f"**{text}**")


def field_lines(pairs: list[tuple[str, str | None]]) -> str:
    """`Label : nilai` lines, as campus reports print session headers; empty values are skipped."""
    return keep_with_next("\n".join(f"**{label}**: {plain(value)}  " for label, value in pairs if value))


def signed(score: int) -> str:
    """A score on a scale around zero as printed: +1, 0, −1 (zero carries no sign)."""
    return f"+{score}" if score > 0 else ("0" if score == 0 else f"−{-score}")


def render_value(value, **kwargs) -> str:
    """A field of any shape as Markdown (see macros/render/fields.py: no Python value reaches a reader)."""
    from macros.render.fields import render_value as render

    return render(value, **kwargs)
