"""Every function a page may call. Each finds the page's report, then calls a renderer.

Write them in a chapter page like `{{ identitas_klien() }}`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from macros.loading import LoadedCase
from macros.render.identity import identity_table
from macros.site import SITE_SECTION, current_build, slug_of_page


class PageMacros:
    """Bound to the mkdocs-macros environment so each call knows its page."""

    def __init__(self, env: Any):
        self.env = env

    def _site(self):
        return current_build["site"]

    def _case(self) -> LoadedCase:
        page = self.env.page
        slug = slug_of_page(page.file.src_uri) if page else None
        if slug is None or slug not in self._site().cases:
            where = page.file.src_uri if page else "?"
            raise ValueError(f"{where}: makro laporan hanya dapat dipakai di halaman laporan (kasus/<slug>/...)")
        return self._site().cases[slug]

    def identitas_klien(self) -> str:
        """Client identity table. Call: `{{ identitas_klien() }}`"""
        loaded = self._case()
        return identity_table(loaded.case.client, self._site().vocabulary)

    def judul_laporan(self) -> str:
        """The report title, escaped. Call: `{{ judul_laporan() }}`"""
        return str(escape(self._case().case.report.title))

    def daftar_laporan(self) -> str:
        """List of all reports with links, for the home page. Call: `{{ daftar_laporan() }}`"""
        items = []
        for slug, loaded in self._site().cases.items():
            case = loaded.case
            items.append(
                f'<li><a href="{SITE_SECTION}/{escape(slug)}/">{escape(case.report.title)}</a> — '
                f"{escape(case.student.name)}, {escape(case.institution.name)}, {case.report.year} "
                f"(klien {escape(case.client.code)})</li>"
            )
        return '<ul class="casebook-katalog">' + "".join(items) + "</ul>"

    def register(self) -> None:
        for name in ("identitas_klien", "judul_laporan", "daftar_laporan"):
            self.env.macro(getattr(self, name), name)
