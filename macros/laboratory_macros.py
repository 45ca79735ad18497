"""Page macros for the laboratory practicum: area assessment, PPKS/PSKS per RW, potentials and resources,
programmes and policies, micro cases and recommendations.

A mixin of `PageMacros` (macros/page_macros.py), like `CommunityMacros`; each table is numbered in the chapter
it stands in, and each micro case is its own sub-section whose number (4.3.1, 4.3.2, ...) is computed from the
headings of the page (macros/render/sections.py).
"""

from __future__ import annotations

from macros.render import laboratory as lab
from macros.site import current_build

# What each macro does, in the students' language (the Panduan's macro reference shows it).
HELP_ID = {
    "proses_asesmen_wilayah": "Waktu, metode, RW yang dipetakan, dan uraian proses pemetaan sosial dan asesmen wilayah.",
    "tabel_ppks_rw": "Tabel PPKS per RW dengan jumlah per baris dan per RW (bernomor).",
    "tabel_psks_rw": "Tabel PSKS per RW dengan jumlah per baris dan per RW (bernomor).",
    "tabel_potensi_sumber": "Tabel potensi dan sistem sumber di wilayah (bernomor).",
    "tabel_program_kebijakan": "Tabel program dan kebijakan yang berjalan di wilayah (bernomor).",
    "simpulan_asesmen_wilayah": "Simpulan asesmen wilayah: masalah utama dan potensi.",
    "kasus_mikro": "Setiap kasus mikro sebagai subbab bernomor sendiri: kode samaran, gambaran, tabel asesmen singkat "
                   "(bernomor), sistem sumber dan rekomendasi; `kode` memilih satu kasus.",
    "tabel_rekomendasi": "Tabel rekomendasi praktikum laboratorium: isi, pihak yang dituju, dasar temuan (bernomor).",
}


class LaboratoryMacros:
    """Laboratory-practicum macros; mixed into PageMacros."""

    def _area(self):
        return self._require(self._case().case.area_assessment, "asesmen_wilayah")

    def proses_asesmen_wilayah(self) -> str:
        """Dates, methods, the RW mapped and the process of the area assessment. Call: `{{ proses_asesmen_wilayah() }}`"""
        return lab.area_process(self._area(), self._site().vocabulary)

    def _per_rw(self, key: str, what: str, judul: str, id: str) -> str:
        from macros.render.text import prose

        area = self._area()
        table = self._require(getattr(area, key), f"asesmen_wilayah.{key}")
        place = self._case().case.community.title if self._case().case.community else "Wilayah Praktikum"
        title = judul or table.title or f"{what} per RW di {place}"
        html = self._numbered_table(id, title, lab.per_rw(table, area.rw, f"Jenis {key.upper()}"))
        return html + lab.source_line(table.source) + (f"\n\n{prose(table.notes)}\n" if table.notes else "")

    def tabel_ppks_rw(self, judul: str = "", id: str = "ppks_rw") -> str:
        """PPKS per RW (kinds × RW) with totals, a numbered table. Call: `{{ tabel_ppks_rw() }}`"""
        return self._per_rw("ppks", "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)", judul, id)

    def tabel_psks_rw(self, judul: str = "", id: str = "psks_rw") -> str:
        """PSKS per RW (kinds × RW) with totals, a numbered table. Call: `{{ tabel_psks_rw() }}`"""
        return self._per_rw("psks", "Potensi dan Sumber Kesejahteraan Sosial (PSKS)", judul, id)

    def tabel_potensi_sumber(self, judul: str = "Potensi dan Sistem Sumber di Wilayah", id: str = "potensi_sumber") -> str:
        """Potentials and resources of the area, a numbered table. Call: `{{ tabel_potensi_sumber() }}`"""
        rows = self._require(self._area().potentials, "asesmen_wilayah.potensi_sumber")
        return self._numbered_table(id, judul, lab.potentials(rows))

    def tabel_program_kebijakan(self, judul: str = "Program dan Kebijakan di Wilayah", id: str = "program_kebijakan") -> str:
        """Programmes and policies running in the area, a numbered table. Call: `{{ tabel_program_kebijakan() }}`"""
        rows = self._require(self._area().programmes, "asesmen_wilayah.program_kebijakan")
        return self._numbered_table(id, judul, lab.programmes(rows))

    def simpulan_asesmen_wilayah(self) -> str:
        """The conclusion of the area assessment. Call: `{{ simpulan_asesmen_wilayah() }}`"""
        from macros.render.text import prose

        return prose(self._require(self._area().conclusion, "asesmen_wilayah.simpulan")) + "\n"

    def kasus_mikro(self, kode: str = "", tingkat: int = 3) -> str:
        """Every micro case (or the one with code `kode`) as its own numbered sub-section: profile, description,
        a numbered short-assessment table, resources and recommendations. Call: `{{ kasus_mikro() }}` or
        `{{ kasus_mikro('KM1') }}`"""
        from macros.page_macros import MacroDataError
        from macros.render.text import plain, prose

        loaded = self._case()
        cases = self._require(loaded.case.micro_cases, "kasus_mikro")
        if kode:
            cases = [c for c in cases if c.code == kode.strip().upper()]
            if not cases:
                known = ", ".join(c.code for c in loaded.case.micro_cases)
                raise MacroDataError(f"kasus_mikro('{kode}'): tidak ada kasus mikro berkode itu di kasus.yml "
                                     f"(ada: {known})")
        # A case printed twice (`{{ kasus_mikro() }}` and `{{ kasus_mikro('KM1') }}` on the pages) would get a second
        # table with the same id; say which call to remove instead of "beri id lain" (kasus_mikro has no id).
        captions = current_build["numbering"][loaded.slug].captions
        for case in {c.code: c for c in cases}.values():
            if f"kasus_mikro_{case.code.lower()}" in captions:
                label = captions[f"kasus_mikro_{case.code.lower()}"].label
                raise MacroDataError(
                    f"kasus mikro {case.code} sudah dicetak di laporan ini ({label}), jadi tidak dapat dicetak dua kali; "
                    f"hapus {{{{ kasus_mikro() }}}} bila memanggil kasus satu per satu, atau hapus "
                    f"{{{{ kasus_mikro('{case.code}') }}}} bila semua kasus dicetak sekaligus")
        vocabulary = self._site().vocabulary
        hashes = "#" * max(2, min(int(tingkat), 6))
        parts = []
        seen: dict[str, int] = {}
        for case in cases:
            # Two cases sharing a code are check's error at the data (check_duplicates); the page still prints both.
            seen[case.code] = seen.get(case.code, 0) + 1
            element_id = f"kasus_mikro_{case.code.lower()}" + (f"_{seen[case.code]}" if seen[case.code] > 1 else "")
            table = self._numbered_table(element_id, f"Asesmen Singkat Kasus Mikro {case.code}",
                                         lab.micro_case_assessment(case))
            parts.append(f"{hashes} Kasus Mikro {plain(case.code)}: {plain(case.title)}\n\n"
                         f"{lab.micro_case_profile(case, vocabulary)}\n\n{prose(case.description)}\n\n{table}\n\n"
                         f"{lab.micro_case_resources(case)}\n{lab.micro_case_recommendations(case)}")
        return "\n\n".join(parts)

    def tabel_rekomendasi(self, judul: str = "Rekomendasi Praktikum Laboratorium", id: str = "rekomendasi") -> str:
        """Recommendations to the kelurahan and its partners, a numbered table. Call: `{{ tabel_rekomendasi() }}`"""
        rows = self._require(self._case().case.recommendations, "rekomendasi")
        return self._numbered_table(id, judul, lab.recommendations(rows))
