"""Daftar Pustaka in APA style (7th ed., Indonesian conventions): sorted, hanging indent."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.schema.appendix import Pustaka


def _authors(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def apa(ref: Pustaka) -> Markup:
    """One reference as escaped HTML with italics where APA puts them. Every field given is printed: the
    kind decides the order and the italics, never whether a field the student filled in appears."""
    e = escape
    year = str(ref.year) if ref.year else "t.t."
    head = f"{e(_end(_authors(ref.authors)))} ({year})."
    place = ": ".join(str(e(p)) for p in (ref.city, ref.publisher) if p)
    tail = f" {place}." if place else ""
    url = f" {e(ref.url)}" if ref.url else ""
    translator = f" (Terj. {e(ref.translator)})" if ref.translator else ""
    volume = f", <em>{e(ref.volume)}</em>" if ref.volume else ""
    issue = f"({e(ref.issue)})" if ref.issue else ""
    if ref.kind == "jurnal":
        pages = f", {e(ref.pages)}" if ref.pages else ""
        journal = f" <em>{e(ref.journal or '')}</em>{volume}{issue}{pages}." if (ref.journal or volume or issue or pages) else ""
        book = f" Dalam {e(_authors(ref.editors))} (Ed.), <em>{e(ref.book_title or '')}</em>." if (ref.editors or ref.book_title) else ""
        return Markup(f"{head} {e(_end(ref.title))}{translator}{journal}{book}{tail}{url}")
    pages = f" (hlm. {e(ref.pages)})" if ref.pages else ""
    journal = f" <em>{e(ref.journal or '')}</em>{volume}{issue}." if (ref.journal or volume or issue) else ""
    if ref.kind == "bab_buku" or ref.editors or ref.book_title:
        editors = f"Dalam {e(_authors(ref.editors))} (Ed.), " if ref.editors else "Dalam "
        title = f"<em>{e(ref.title)}</em>" if ref.kind != "bab_buku" else e(_end(ref.title))
        return Markup(f"{head} {title}{translator} {editors}<em>{e(ref.book_title or '')}</em>{pages}.{journal}{tail}{url}")
    return Markup(f"{head} <em>{e(ref.title)}</em>{translator}{pages}.{journal}{tail}{url}")


def sort_key(ref: Pustaka) -> tuple:
    return (ref.authors[0].casefold(), ref.year or 0, ref.title.casefold())


def reference_list(references: list[Pustaka]) -> str:
    items = "".join(f"<p>{apa(r)}</p>" for r in sorted(references, key=sort_key))
    return f'<div class="casebook-pustaka">{items}</div>'
