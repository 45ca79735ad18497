"""Documentation photos: which may be published, and how they are drawn."""

from __future__ import annotations

from markupsafe import escape

from macros.schema.appendix import Foto
from macros.schema.types import format_date


def publishable(photo: Foto, profile: str = "public") -> bool:
    """Public profile: consent given, and never a recognisable face of a child.
    Internal profile (the campus's own archive and the submission): every photo."""
    if profile == "internal":
        return True
    return photo.publication_consent and not (photo.minor and photo.face_visible)


def image(photo: Foto, src: str) -> str:
    alt = escape(photo.caption)
    return f'<img class="casebook-foto" src="{escape(src)}" alt="{alt}" loading="lazy">'


def gallery(photos: list[Foto], src_of) -> str:
    """Appendix gallery: unnumbered photos with caption and date."""
    items = []
    for photo in photos:
        date = f" ({escape(format_date(photo.date, weekday=False))})" if photo.date else ""
        items.append(f"<figure>{image(photo, src_of(photo))}<figcaption>{escape(photo.caption)}{date}</figcaption></figure>")
    return '<div class="casebook-galeri">' + "".join(items) + "</div>"
