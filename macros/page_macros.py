"""Every function a page may call. Each finds the page's report, then calls a renderer.

Write them in a chapter page like `{{ identitas_klien() }}`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from macros.loading import LoadedCase
from macros.render import tables
from macros.render.identity import identity_table
from macros.render.numbering import LIST_MARKER, REF_MARKER, chapter_of
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

    def _numbered_table(self, element_id: str, title: str, table_html: str) -> str:
        """Caption above the table, numbered within this chapter page."""
        page = self.env.page
        chapter = chapter_of(page.file.name)
        if chapter is None:
            raise ValueError(f"{page.file.src_uri}: tabel bernomor hanya dapat dipakai di halaman bab (bab-N-...)")
        numbering = current_build["numbering"][self._case().slug]
        caption = numbering.register("tabel", element_id, chapter, title, page.url)
        return caption.html() + table_html

    def tabel_wawancara(self, judul: str = "Tahapan Wawancara", id: str = "wawancara") -> str:
        """Interview log table with caption. Call: `{{ tabel_wawancara() }}` or `{{ tabel_wawancara(judul="...", id="...") }}`"""
        return self._numbered_table(id, judul, tables.interview_log(self._require(self._case().case.interviews, "wawancara")))

    def kuadran_kekuatan(self, judul: str = "", id: str = "kuadran_kekuatan") -> str:
        """Strengths quadrant as a captioned 2×2 table. Call: `{{ kuadran_kekuatan() }}`"""
        case = self._case().case
        items = self._require(case.assessment and case.assessment.strengths, "asesmen.kekuatan")
        return self._numbered_table(id, judul or f"Kuadran Kekuatan Klien {case.client.code}", tables.strengths_quadrant(items))

    def tabel_rencana_intervensi(self, judul: str = "Rencana Intervensi", id: str = "rencana_intervensi") -> str:
        """Intervention plan table, six columns. Call: `{{ tabel_rencana_intervensi() }}`"""
        plan = self._require(self._case().case.plan, "rencana_intervensi")
        return self._numbered_table(id, judul, tables.plan_table(plan.activities, self._site().vocabulary))

    def tabel_evaluasi(self, judul: str = "Hasil Evaluasi", id: str = "evaluasi") -> str:
        """Before/after evaluation table grouped by aspect. Call: `{{ tabel_evaluasi() }}`"""
        evaluation = self._require(self._case().case.evaluation, "evaluasi")
        return self._numbered_table(id, judul, tables.before_after(evaluation.results))

    def ref(self, id: str) -> str:
        """Link to a numbered table or figure of this report, e.g. "Tabel 4.1". Call: `{{ ref('wawancara') }}`"""
        self._case()
        return REF_MARKER.format(id=escape(id))

    def daftar_tabel(self) -> str:
        """List of this report's numbered tables with links. Call: `{{ daftar_tabel() }}`"""
        self._case()
        return LIST_MARKER.format(kind="tabel")

    def daftar_gambar(self) -> str:
        """List of this report's numbered figures with links. Call: `{{ daftar_gambar() }}`"""
        self._case()
        return LIST_MARKER.format(kind="gambar")

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
                     "tabel_rencana_intervensi", "tabel_evaluasi", "daftar_hadir", "ref", "daftar_tabel", "daftar_gambar"):
            self.env.macro(getattr(self, name), name)
