"""Small HTML building blocks; every text from data passes through `escape`."""

from __future__ import annotations

from markupsafe import Markup, escape


def table(rows: list[tuple[str, str]], *, css_class: str) -> str:
    """A two-column label/value table; both columns escaped."""
    body = "".join(f"<tr><th scope=\"row\">{escape(label)}</th><td>{escape(value)}</td></tr>" for label, value in rows)
    return str(Markup(f'<table class="{escape(css_class)}"><tbody>{body}</tbody></table>'))
