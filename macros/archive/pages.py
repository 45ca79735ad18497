"""The Arsip section of the site: catalogue, statistics and tags pages, generated from the reports.

Generated Markdown pages hold only a placeholder; their HTML is made in `fill_page`
after Markdown has run, because a thousand cards are HTML already and need no Markdown.
Report pages are not in the global navigation (a thousand reports would put thousands of
links on every page); `report_navigation` gives each report page a sidebar of its own:
the site's sections plus that report's chapters.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils import get_relative_url

from macros.archive.catalogue_page import archive_catalogue, card_attributes
from macros.archive.facets import ReportFacts, report_facts
from macros.archive.statistics import statistics_markdown
from macros.archive.tags import tag_pages
from macros.render.catalogue import card
from macros.site import CHAPTERS, SITE_SECTION, SiteCases, chapter_title, publication_profile

CATALOGUE_PAGE = "arsip/index.md"
PLACEHOLDER = '<div class="casebook-isi-arsip" data-halaman="{uri}"></div>'

CATALOGUE_DOWNLOADS_DIR = "arsip"      # the internal profile's catalogue export (macros/archive/export.py)
STATISTICS_PAGE = "arsip/statistik.md"
TAGS_PAGE = "arsip/tag/index.md"
# Navigation entries of the Arsip section, in order (page path -> title).
ARCHIVE_NAV = {CATALOGUE_PAGE: "Katalog", STATISTICS_PAGE: "Statistik", TAGS_PAGE: "Tag"}


def archive_markdown(facts: list[ReportFacts]) -> dict[str, str]:
    """Markdown of each generated Arsip page. The catalogue holds a placeholder `fill_page` replaces;
    statistics and tags pages are small and complete (they mark themselves `render_macros: false`)."""
    pages = {STATISTICS_PAGE: statistics_markdown(facts, "../")}
    pages.update(tag_pages(facts))
    return pages | {
        # No table of contents: the catalogue needs the width.
        CATALOGUE_PAGE: "---\nhide: [toc]\n---\n\n# Arsip laporan\n\nSemua laporan praktikum dalam arsip. Saring menurut tahun, setting, "
                        "klaster klien, metode, teknik, alat asesmen dan capaian, lalu bagikan alamat halaman "
                        "untuk membagikan saringannya.\n\n" + PLACEHOLDER.format(uri=CATALOGUE_PAGE) + "\n",
    }


def all_facts(site: SiteCases) -> list[ReportFacts]:
    return [report_facts(loaded, site.vocabulary) for loaded in site.cases.values()]


def report_url(slug: str) -> str:
    return f"{SITE_SECTION}/{slug}/"


def cards_for(site: SiteCases, facts: list[ReportFacts], page_url: str, pdf_url_of) -> dict[str, str]:
    """Each report's card, with links relative to the page it is shown on."""
    by_slug = {f.slug: f for f in facts}
    return {slug: card(loaded, site.vocabulary, get_relative_url(report_url(slug), page_url),
                       (get_relative_url(pdf_url_of(slug), page_url) if pdf_url_of(slug) else None),
                       attributes=card_attributes(by_slug[slug]))
            for slug, loaded in site.cases.items()}


def fill_page(uri: str, html: str, page_url: str, site: SiteCases, facts: list[ReportFacts], pdf_url_of,
              extra_cards: dict[str, str] | None = None, note: str = "", on_cards=None) -> str:
    """`extra_cards`: cards of reports not in `site` whose facts are in `facts` (kept reports, macros/archive/kept.py);
    `note`: what the catalogue does not list, said above it; `on_cards(cards)`: told the cards made here."""
    placeholder = PLACEHOLDER.format(uri=uri)
    if placeholder not in html:
        return html
    if uri == CATALOGUE_PAGE:
        cards = cards_for(site, facts, page_url, pdf_url_of)
        if on_cards is not None:
            on_cards(cards)
        cards.update(extra_cards or {})
        tags_href = "tag/"
        downloads = ""
        if publication_profile() == "internal":   # the catalogue names supervisors and states: for the campus only
            from macros.archive.export import CATALOGUE_NAME
            downloads = (f'<p class="casebook-unduh-katalog">Unduh katalog untuk akreditasi (satu baris per laporan): '
                         f'<a href="{CATALOGUE_NAME}.xlsx" download>XLSX</a> · '
                         f'<a href="{CATALOGUE_NAME}.csv" download>CSV</a></p>')
        return html.replace(placeholder, downloads + note + archive_catalogue(facts, cards, tags_href))
    return html


def global_navigation(nav: list | None) -> list:
    """Beranda, Arsip (generated pages), then the rest of mkdocs.yml's nav (Panduan, ...)."""
    nav = list(nav or [{"Beranda": "index.md"}])
    archive = [{title: uri} for uri, title in ARCHIVE_NAV.items()]
    return nav[:1] + [{"Arsip": archive}] + nav[1:]


def report_sections(site: SiteCases, files) -> dict[str, list]:
    """Each report's chapter pages, in report order."""
    sections = {}
    for slug in site.cases:
        pages = []
        for name in CHAPTERS:
            file = files.get_file_from_path(f"{SITE_SECTION}/{slug}/{name}")
            if file is not None and file.page is not None:
                # The chapter's own name, not its first heading: a heading may carry a student's
                # text, and the theme writes page titles into the sidebar unescaped.
                file.page.title = chapter_title(site.cases[slug].case, name)
                pages.append(file.page)
        sections[slug] = pages
    return sections


def link_chapters(pages: list) -> None:
    """Previous/next links between a report's chapters (the footer of each chapter page)."""
    for before, after in zip(pages, pages[1:]):
        before.next_page = after
        after.previous_page = before


def report_navigation(global_nav: Navigation, slug: str, title: str, pages: list) -> Navigation:
    """The global sections plus this report's chapters, expanded, right after Arsip."""
    section = Section(str(escape(title)), list(pages))  # the theme does not escape navigation titles
    section.active = True
    items = list(global_nav.items)
    at = next((i + 1 for i, item in enumerate(items) if item.title == "Arsip"), len(items))
    items.insert(at, section)
    return Navigation(items, global_nav.pages)


def report_status(case, vocabulary=None) -> dict:
    """What every page of a report says about its state: a draft, or approved on a date; a report of a campus
    without a lembar pengesahan says nothing unless it records an approval (`vocabulary.is_draft`)."""
    from macros.schema.types import format_date

    approval = case.approval
    if vocabulary.is_draft(case) if vocabulary is not None else case.is_draft:
        return {"draft": True, "text": "Draf — belum disetujui dosen pembimbing"}
    if approval is None or approval.approved_on is None:
        return {}  # the campus signs no approval page: nothing to say above the title
    return {"draft": False, "text": f"Disetujui {format_date(approval.approved_on, weekday=False)}",
            "approved_on": approval.approved_on.isoformat()}
