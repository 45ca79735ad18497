"""Page macros of the Lampiran page: every appendix of the report, each its own numbered item.

A mixin of `PageMacros` (macros/page_macros.py). What counts as an appendix, in which order and under which
title is `macros/render/appendices.py`; these macros only draw it.
"""

from __future__ import annotations

from macros.render.appendices import Appendix, appendices_of

HELP_ID = {
    "semua_lampiran": "Semua lampiran laporan, masing-masing bernomor dengan judulnya sendiri (Lampiran 1, 2, ...): "
                      "setiap surat, rencana aksi, RAB, daftar hadir, log supervisi, setiap lampiran lain, dokumentasi.",
    "ada_lampiran": "Apakah laporan punya lampiran yang terbit di profil ini (untuk `{% if %}`).",
}


class AppendixMacros:
    """The appendix macros; mixed into PageMacros."""

    def _appendix_body(self, appendix: Appendix) -> str:
        from macros.render.fields import render_value

        if appendix.kind.macro:
            return getattr(self, appendix.kind.macro)()
        body = render_value(appendix.item, titled=False)
        scan = getattr(appendix.item, "file", None)
        if scan:  # a letter's scan, an appendix's picture: printed under its text (media are images only)
            from markupsafe import escape

            # The Lampiran page lives at kasus/<slug>/lampiran/, its media at kasus/<slug>/media/.
            body += (f'\n\n<figure class="casebook-pindaian"><img class="casebook-foto casebook-pindaian" '
                     f'src="{escape("../" + scan)}" alt="{escape("Pindaian: " + appendix.title)}"></figure>\n')
        return body

    def semua_lampiran(self) -> str:
        """Every appendix of the report in order, each under its own numbered heading ("Lampiran 3 Program
        Usulan Praktikan"), listed in Daftar Lampiran and reachable with `ref()` (each letter: `surat-1`,
        `surat-2`, numbered as written in kasus.yml; each other appendix: `lainnya-1`, ...).
        Call: `{{ semua_lampiran() }}`"""
        parts = []
        loaded = self._case()
        for appendix in appendices_of(loaded.case, loaded.document.data):
            heading = self.judul_lampiran(appendix.title, appendix.element_id)
            parts.append(f"{heading}\n\n{self._appendix_body(appendix)}\n")
        return "\n".join(parts)

    def ada_lampiran(self) -> bool:
        """Whether the report has an appendix this profile publishes. Call: `{% if ada_lampiran() %}`"""
        return bool(appendices_of(self._case().case))
