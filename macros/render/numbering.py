"""Numbered captions per chapter ("Tabel 4.1", "Gambar 4.3") and references to them.

A chapter is one page, so numbering in render order within that page is stable
and independent of where the page sits in the navigation. References and the
generated lists (Daftar Tabel/Gambar) may name captions of pages rendered later;
they are written as markers and resolved once every page of the build has been
rendered (`resolve_markers`, called from the hook's on_post_page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import escape

KIND_LABELS = {"tabel": "Tabel", "gambar": "Gambar", "lampiran": "Lampiran"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


# Casebook's own markers, resolved once every page is rendered, carry INTERNAL: a Unicode noncharacter, by definition
# for a program's internal use. No student text can hold it (kasus.yml and file names refuse it with the control
# characters, a page's literal text is refused by the page language, front matter loses it), so a page cannot write
# a marker, however it spells the rest: a forged `<span class="casebook-ref" data-id="...">` aborted the campus build
# (red team s23 #9), and the PDF's page placeholder could be typed into a heading (#4).
INTERNAL = "\ufdd0"


@dataclass(frozen=True)
class Caption:
    kind: str           # "tabel" | "gambar"
    element_id: str     # the id a page uses in ref('...')
    chapter: int
    number: int
    title: str
    page_url: str       # site-relative URL of the chapter page, e.g. kasus/x/bab-4-penanganan-kasus/

    @property
    def label(self) -> str:
        if self.kind == "lampiran":  # appendices count through the whole report: Lampiran 1, 2, ...
            return f"Lampiran {self.number}"
        return f"{KIND_LABELS[self.kind]} {self.chapter}.{self.number}"

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.element_id}"

    def html(self) -> str:
        # data-casebook carries INTERNAL for the chapter's renumbering (render/chapter.py); the sanitiser drops it.
        return (f'<p class="casebook-caption casebook-caption-{self.kind}" id="{escape(self.anchor)}" '
                f'data-casebook="{INTERNAL}">{escape(self.label)} {escape(self.title)}</p>')


class NumberingError(ValueError):
    """A duplicate id or an unknown reference: the build must fail."""


# An element id becomes an HTML id, a Markdown `{#...}` attribute, a URL fragment and a key of the PDF's lists:
# only characters that read the same in all of them (a quote or a brace would change on the way and the
# Daftar Lampiran would name an anchor the body no longer has).
ELEMENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
ELEMENT_ID_HINT = "id hanya boleh berisi huruf, angka, `-` dan `_` (paling banyak 80), misalnya `surat_tugas`"


def check_element_id(element_id: object) -> str:
    if not isinstance(element_id, str) or not ELEMENT_ID.fullmatch(element_id):
        raise NumberingError(f"id `{element_id}` tidak valid: {ELEMENT_ID_HINT}")
    return element_id


@dataclass
class ReportNumbering:
    """All captions of one report, in registration order."""

    slug: str
    captions: dict[str, Caption] = field(default_factory=dict)
    placed: set[str] = field(default_factory=set)  # photo sections already shown as figures

    def register(self, kind: str, element_id: str, chapter: int, title: str, page_url: str) -> Caption:
        check_element_id(element_id)
        if element_id in self.captions:
            other = self.captions[element_id]
            raise NumberingError(f"id `{element_id}` sudah dipakai oleh {other.label}; beri id lain")
        number = 1 + sum(1 for c in self.captions.values() if c.kind == kind and c.chapter == chapter)
        caption = Caption(kind, element_id, chapter, number, title, page_url)
        self.captions[element_id] = caption
        return caption

    def renumber(self, chapter: int, numbers: dict[str, int]) -> None:
        """Give the captions of one chapter the numbers of their order on the page (ids not given keep theirs)."""
        from dataclasses import replace

        for element_id, number in numbers.items():
            caption = self.captions.get(element_id)
            if caption is not None and caption.chapter == chapter:
                self.captions[element_id] = replace(caption, number=number)

    def of_kind(self, kind: str) -> list[Caption]:
        return sorted((c for c in self.captions.values() if c.kind == kind), key=lambda c: (c.chapter, c.number))


def chapter_of(filename: str) -> int | None:
    """`bab-4-penanganan-kasus.md` -> 4."""
    match = re.match(r"bab-(\d+)-", filename)
    return int(match.group(1)) if match else None


REF_MARKER = '<span class="casebook-ref" data-id="' + INTERNAL + '{id}"></span>'
LIST_MARKER = '<div class="casebook-daftar" data-kind="' + INTERNAL + '{kind}"></div>'
_REF = re.compile('<span class="casebook-ref" data-id="' + INTERNAL + '([^"]+)"></span>')
# `[[ref:tabel-id]]` written in a prose field of kasus.yml (untrusted data, never a template): the token keeps its
# own text inside the marker, so wherever it is not resolved (an unknown id) the reader sees what was written.
PROSE_REF = re.compile(r"\[\[ref:([A-Za-z0-9_.-]{1,80})\]\]")
PROSE_REF_MARKER = '<span class="casebook-ref-prosa" data-id="' + INTERNAL + '{id}">[[ref:{id}]]</span>'
_PROSE_REF = re.compile('<span class="casebook-ref-prosa" data-id="' + INTERNAL + r'([A-Za-z0-9_.-]{1,80})">\[\[ref:\1\]\]</span>')
_LIST = re.compile('<div class="casebook-daftar" data-kind="' + INTERNAL + '(tabel|gambar|lampiran)"></div>')


def _relative(from_url: str, to_url: str) -> str:
    """URL of `to_url` as seen from the page at `from_url` (both site-relative, directory URLs)."""
    depth = from_url.strip("/").count("/") + 1 if from_url.strip("/") else 0
    return "../" * depth + to_url


def resolve_markers(html: str, numbering: ReportNumbering, page_url: str) -> str:
    """Replace reference and list markers with links; an unknown id raises NumberingError."""

    def link(caption: Caption, text: str) -> str:
        target = "" if caption.page_url == page_url else _relative(page_url, caption.page_url)
        return f'<a class="casebook-ref" href="{escape(target)}#{escape(caption.anchor)}">{escape(text)}</a>'

    def ref(match: re.Match) -> str:
        caption = numbering.captions.get(match.group(1))
        if caption is None:
            known = ", ".join(sorted(numbering.captions)) or "belum ada"
            raise NumberingError(f"ref('{match.group(1)}'): tabel/gambar/lampiran dengan id itu tidak ada di laporan "
                                 f"{numbering.slug} (id yang ada: {known})")
        return link(caption, caption.label)

    def listing(match: re.Match) -> str:
        items = numbering.of_kind(match.group(1))
        if not items:
            return f"<p>Laporan ini tidak memuat {match.group(1)}.</p>"
        rows = "".join(f'<li>{link(c, f"{c.label} {c.title}")}</li>' for c in items)
        return f'<ul class="casebook-daftar-isi">{rows}</ul>'

    def prose_ref(match: re.Match) -> str:  # an unknown id is located by `casebook check`, never fails a build
        caption = numbering.captions.get(match.group(1))
        return link(caption, caption.label) if caption else f"[[ref:{escape(match.group(1))}]]"

    return _LIST.sub(listing, _PROSE_REF.sub(prose_ref, _REF.sub(ref, html)))
