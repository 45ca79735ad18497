"""The sidebar's site-wide items, rendered once per page depth on report pages.

Every report page's sidebar holds the site's sections (Beranda, Arsip, Panduan, ...) and that
report's chapters (pages.report_navigation). The site-wide part is the same on every chapter page
of every report: none of its items is the current page, and its links, relative to the page, depend
only on how deep the page is (kasus/<slug>/<bab>/). Material renders each item through a recursive
Jinja macro; at a thousand reports that repeated the same markup twelve thousand times. Items that
hold the current page (the report's own section) are rendered for each page as usual.
"""

from __future__ import annotations


class NavCache:
    def __init__(self) -> None:
        self._html: dict[tuple, str] = {}

    def for_page(self, page_url: str):
        """The function overrides/partials/nav.html calls for each top-level item of this page's sidebar."""
        depth = page_url.count("/")

        def render(nav_item, path: str, render_item):
            if nav_item.active:
                return render_item(nav_item, path, 1)
            key = (id(nav_item), path, depth)
            html = self._html.get(key)
            if html is None:
                html = self._html[key] = render_item(nav_item, path, 1)
            return html

        return render
