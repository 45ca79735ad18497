"""Every function a page may call. Each finds the page's report, then calls a renderer.

Write them in a chapter page like `{{ identitas_klien() }}`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from macros.loading import LoadedCase
from macros.render import tables
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

    def _require(self, value: Any, field: str) -> Any:
        """The data a macro draws; its absence fails the build naming report, page and field."""
        if value in (None, [], ()):
            loaded = self._case()
            raise ValueError(f"cases/{loaded.slug}/kasus.yml: halaman {self.env.page.file.src_uri} memanggil makro "
                             f"yang membutuhkan `{field}`, tetapi data itu belum diisi")
        return value

    def ada(self, path: str) -> bool:
        """Whether the report has data at a dotted YAML path. Call: `{% if ada('asesmen.kekuatan') %}`"""
        value: Any = self._case().document.data
        for key in path.split("."):
            if not isinstance(value, dict) or key not in value:
                return False
            value = value[key]
        return value not in (None, "", [], {})

    def tabel_wawancara(self) -> str:
        """Interview log table (Tahapan Wawancara). Call: `{{ tabel_wawancara() }}`"""
        return tables.interview_log(self._require(self._case().case.interviews, "wawancara"))

    def kuadran_kekuatan(self) -> str:
        """Strengths quadrant as a 2×2 table. Call: `{{ kuadran_kekuatan() }}`"""
        assessment = self._case().case.assessment
        return tables.strengths_quadrant(self._require(assessment and assessment.strengths, "asesmen.kekuatan"))

    def tabel_rencana_intervensi(self) -> str:
        """Intervention plan table, six columns. Call: `{{ tabel_rencana_intervensi() }}`"""
        plan = self._require(self._case().case.plan, "rencana_intervensi")
        return tables.plan_table(plan.activities, self._site().vocabulary)

    def tabel_evaluasi(self) -> str:
        """Before/after evaluation table grouped by aspect. Call: `{{ tabel_evaluasi() }}`"""
        evaluation = self._require(self._case().case.evaluation, "evaluasi")
        return tables.before_after(evaluation.results)

    def daftar_hadir(self) -> str:
        """Weekly attendance table. Call: `{{ daftar_hadir() }}`"""
        appendices = self._case().case.appendices
        return tables.attendance(self._require(appendices and appendices.attendance, "lampiran.daftar_hadir"))

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
        for name in ("ada", "identitas_klien", "judul_laporan", "daftar_laporan", "tabel_wawancara", "kuadran_kekuatan",
                     "tabel_rencana_intervensi", "tabel_evaluasi", "daftar_hadir"):
            self.env.macro(getattr(self, name), name)
