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
    """One reference as escaped HTML with italics where APA puts them."""
    e = escape
    year = str(ref.year) if ref.year else "t.t."
    head = f"{e(_end(_authors(ref.authors)))} ({year})."
    place = ": ".join(str(e(p)) for p in (ref.city, ref.publisher) if p)
    tail = f" {place}." if place else ""
    url = f" {e(ref.url)}" if ref.url else ""
    if ref.kind == "jurnal":
        volume = f", <em>{e(ref.volume)}</em>" if ref.volume else ""
        issue = f"({e(ref.issue)})" if ref.issue else ""
        pages = f", {e(ref.pages)}" if ref.pages else ""
        journal = f" <em>{e(ref.journal)}</em>{volume}{issue}{pages}." if ref.journal else ""
        return Markup(f"{head} {e(_end(ref.title))}{journal}{url}")
    if ref.kind == "bab_buku":
        editors = f"Dalam {e(_authors(ref.editors))} (Ed.), " if ref.editors else "Dalam "
        pages = f" (hlm. {e(ref.pages)})" if ref.pages else ""
        return Markup(f"{head} {e(_end(ref.title))} {editors}<em>{e(ref.book_title or '')}</em>{pages}.{tail}{url}")
    translator = f" (Terj. {e(ref.translator)})" if ref.translator else ""
    return Markup(f"{head} <em>{e(ref.title)}</em>{translator}.{tail}{url}")


def sort_key(ref: Pustaka) -> tuple:
    return (ref.authors[0].casefold(), ref.year or 0, ref.title.casefold())


def reference_list(references: list[Pustaka]) -> str:
    items = "".join(f"<p>{apa(r)}</p>" for r in sorted(references, key=sort_key))
    return f'<div class="casebook-pustaka">{items}</div>'
