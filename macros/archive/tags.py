"""Arsip › Tag: one page per technique, setting and client cluster, listing the reports that carry it.

The pages are the archive's way in without JavaScript (the catalogue's filters need it) and
give each value a stable address a lecturer can cite: `arsip/tag/teknik-modelling/`.

Pages list reports as compact links (title, year, institution, setting), not as catalogue
cards: a frequent technique at 1000 reports would repeat several hundred cards, each with its
summary, on each of ~40 tag pages. Cards can still be passed in (`cards`) for small archives.

Each page source starts with `render_macros: false`, so mkdocs-macros never reads report
text as Jinja; all report text is HTML-escaped, and braces are written as entities as well.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import escape
from mkdocs.utils import get_relative_url

from macros.archive.facets import ReportFacts, facet_counts, value_code
from macros.site import SITE_SECTION

TAG_DIR = "arsip/tag"
CATALOGUE_URL = "arsip/"

# Facets that get tags pages: key -> (heading of the group, page title prefix).
TAG_FACETS: dict[str, tuple[str, str]] = {
    "teknik": ("Teknik", "Teknik"),
    "setting": ("Setting", "Setting"),
    "klaster": ("Klaster klien", "Klaster"),
}

ReportHref = Callable[[str, str], str]


def default_report_href(slug: str, from_url: str) -> str:
    """A report's summary page `kasus/<slug>/`, relative to the page at `from_url`."""
    return get_relative_url(f"{SITE_SECTION}/{slug}/", from_url)


def text(value: str) -> str:
    """HTML-escaped, with braces as entities: no `{{` or `{%` can reach a template engine."""
    return str(escape(value)).replace("{", "&#123;").replace("}", "&#125;")


def front_matter(title: str) -> str:
    # MkDocs themes print page.title without autoescaping: it is stored escaped.
    return f"---\ntitle: {json.dumps(text(title), ensure_ascii=False)}\nrender_macros: false\n---\n\n"


@dataclass(frozen=True)
class Tag:
    key: str
    code: str
    label: str
    page: str        # source path: arsip/tag/teknik-modelling.md
    reports: tuple[ReportFacts, ...]  # newest first, then by title

    @property
    def url(self) -> str:
        return self.page.removesuffix(".md") + "/"

    @property
    def title(self) -> str:
        return f"{TAG_FACETS[self.key][1]}: {self.label}"


def collect_tags(facts: list[ReportFacts]) -> list[Tag]:
    """Every technique, setting and cluster that some report carries, grouped by facet, by label within."""
    ordered = sorted(facts, key=lambda f: (-f.year, f.title.casefold(), f.slug))
    tags, taken = [], set()
    for key in TAG_FACETS:
        for count in sorted(facet_counts(facts, key), key=lambda c: (c.label.casefold(), c.code)):
            name = f"{key}-{value_code(count.code)}"
            page, n = name, 2
            while page in taken:  # two codes that differ only in punctuation
                page, n = f"{name}-{n}", n + 1
            taken.add(page)
            carrying = tuple(f for f in ordered if count.code in f.codes(key))
            tags.append(Tag(key, count.code, count.label, f"{TAG_DIR}/{page}.md", carrying))
    return tags


def _facts_line(report: ReportFacts) -> str:
    bits = [str(report.year)] + [label for key in ("institusi", "setting") for _, label in report.values.get(key, ())]
    return " · ".join(bits)


def _report_list(tag: Tag, report_href: ReportHref) -> str:
    items = "".join(
        f'<li><a href="{text(report_href(r.slug, tag.url))}">{text(r.title)}</a>'
        f'<span class="casebook-tag-fakta">{text(_facts_line(r))}</span></li>'
        for r in tag.reports)
    return f'<ul class="casebook-tag-laporan">{items}</ul>'


def tag_page(tag: Tag, report_href: ReportHref = default_report_href, cards: dict[str, str] | None = None) -> str:
    catalogue = get_relative_url(CATALOGUE_URL, tag.url)
    index = get_relative_url(f"{TAG_DIR}/", tag.url)
    n = len(tag.reports)
    listing = (f'<div class="casebook-katalog">{"".join(cards[r.slug] for r in tag.reports)}</div>'
               if cards is not None else _report_list(tag, report_href))
    filtered = f"{catalogue}?{urlencode({tag.key: tag.code})}"
    return (front_matter(tag.title)
            + f'<div class="casebook-tag" data-tag="{text(tag.key)}:{text(tag.code)}">'
            f'<h1>{text(tag.title)}</h1>'
            f'<p class="casebook-tag-jumlah">{n} laporan</p>'
            f"{listing}"
            f'<p class="casebook-tag-navigasi"><a href="{text(index)}">Semua tag</a> · '
            f'<a href="{text(filtered)}">Buka di katalog untuk disaring lebih lanjut</a></p></div>\n')


def tags_index(tags: list[Tag]) -> str:
    groups = []
    for key, (heading, _) in TAG_FACETS.items():
        own = [t for t in tags if t.key == key]
        if not own:
            continue
        items = "".join(
            f'<li><a href="{text(get_relative_url(t.url, TAG_DIR + "/"))}">{text(t.label)}</a> '
            f'<span class="casebook-jumlah">{len(t.reports)}</span></li>'
            for t in own)
        groups.append(f'<h2 id="{key}">{escape(heading)}</h2><ul class="casebook-tag-daftar">{items}</ul>')
    body = "".join(groups) or "<p>Belum ada laporan di arsip.</p>"
    intro = ('<p>Laporan dikelompokkan menurut teknik yang dipakai, setting praktikum dan klaster klien. '
             "Angka di samping tiap tag adalah jumlah laporannya.</p>")
    return front_matter("Tag arsip") + f'<div class="casebook-tag-indeks">{intro}{body}</div>\n'


def tag_pages(facts: list[ReportFacts], cards: dict[str, str] | None = None, *,
              report_href: ReportHref = default_report_href) -> dict[str, str]:
    """Page source path -> content: `arsip/tag/index.md` and one `arsip/tag/<facet>-<code>.md` per tag.

    `cards` (slug -> card HTML) replaces the compact list; its links must then be relative to
    a tag page (`arsip/tag/<name>/`, all at the same depth), e.g. `../../../kasus/<slug>/`.
    """
    tags = collect_tags(facts)
    pages = {f"{TAG_DIR}/index.md": tags_index(tags)}
    pages.update({tag.page: tag_page(tag, report_href, cards) for tag in tags})
    return pages
