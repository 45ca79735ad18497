"""Page macros for the report's subject (client, group, community) and for community practice.

A mixin of `PageMacros` (macros/page_macros.py): each method is a page macro under its own name and
uses the page helpers there (`_case`, `_require`, `_numbered`, ...). Write them in a chapter page like
`{{ transek() }}`; each table or diagram is numbered in the chapter it stands in.
"""

from __future__ import annotations

from markupsafe import escape

from macros.render import community as tables

# What each macro does, in the students' language (the Panduan's macro reference shows it).
HELP_ID = {
    "sebutan_subjek": "Sebutan subjek laporan: Klien, Kelompok Sasaran, atau Komunitas.",
    "identitas_subjek": "Identitas klien, profil kelompok sasaran, atau profil komunitas (halaman ringkasan).",
    "profil_kelompok": "Profil kelompok sasaran: nama, jenis, jumlah anggota, klaster.",
    "tabel_komposisi_kelompok": "Tabel anggota kelompok menurut kelompok usia dan jenis kelamin, dengan jumlah (bernomor).",
    "tabel_anggota_kelompok": "Tabel anggota kelompok dengan kode samaran dan perannya (bernomor).",
    "profil_komunitas": "Profil desa/kelurahan: wilayah sasaran, penduduk, mata pencaharian, klaster.",
    "tabel_penduduk": "Tabel penduduk menurut kelompok umur dan jenis kelamin, dengan jumlah (bernomor).",
    "tabel_mata_pencaharian": "Tabel mata pencaharian utama penduduk (bernomor).",
    "tabel_ppks": "Tabel Pemerlu Pelayanan Kesejahteraan Sosial menurut jenis (bernomor).",
    "tabel_psks": "Tabel Potensi dan Sumber Kesejahteraan Sosial menurut jenis (bernomor).",
    "tahapan_praktikum": "Daftar kode tahap jenis praktikum laporan ini, berurutan (untuk perulangan di templat).",
    "nama_tahap": "Nama tahap menurut kosakata kampus, misalnya Inisiasi Sosial.",
    "kesepakatan": "Kesepakatan dengan komunitas, kelompok atau tokohnya.",
    "proses_asesmen_partisipatif": "Waktu, tempat, alat, dan uraian proses asesmen partisipatif.",
    "pemetaan_sosial": "Peta sosial sebagai gambar bernomor dan legendanya sebagai tabel bernomor.",
    "transek": "Transek (zona × aspek) sebagai tabel bernomor.",
    "kalender_musim": "Kalender musim (kegiatan × bulan) sebagai tabel bernomor.",
    "diagram_venn": "Diagram Venn kelembagaan yang digambar dari data, gambar bernomor beserta tabel datanya.",
    "pohon_masalah": "Pohon masalah (penyebab, masalah inti, akibat) yang digambar dari data, gambar bernomor.",
    "pemangku_kepentingan": "Tabel analisis pemangku kepentingan (bernomor).",
    "peringkat_masalah": "Peringkat masalah hasil MPA/ToP menurut jumlah suara (bernomor).",
    "peringkat_kebutuhan": "Peringkat kebutuhan hasil MPA/ToP menurut jumlah suara (bernomor).",
    "simpulan_asesmen": "Simpulan asesmen partisipatif yang disepakati.",
    "tabel_rencana_aksi": "Tabel rencana aksi: kegiatan, tujuan, sasaran, waktu, tempat, penanggung jawab, sumber dana.",
    "tabel_anggaran": "Tabel Rencana Anggaran Biaya (RAB) dengan jumlah dan total dihitung otomatis.",
    "total_anggaran": "Total RAB dalam rupiah untuk kalimat, misalnya Rp4.400.000.",
    "daftar_hadir_peserta": "Tabel kehadiran peserta dari komunitas (kode atau jabatan) per pertemuan.",
    "log_supervisi": "Tabel log supervisi: tanggal, pembimbing, topik, tindak lanjut.",
}


class CommunityMacros:
    """Subject and community-practice macros; mixed into PageMacros."""

    def _table_here(self, element_id: str, title: str, table_html: str) -> str:
        """A numbered table in a chapter page; in an appendix (numbered as a whole) the table alone."""
        from macros.render.numbering import chapter_of

        if chapter_of(self.env.page.file.name) is None:
            return table_html
        return self._numbered_table(element_id, title, table_html)

    # --- the subject ---------------------------------------------------------------------------------

    def sebutan_subjek(self) -> str:
        """How the report names its subject: Klien, Kelompok Sasaran or Komunitas. Call: `{{ sebutan_subjek() }}`"""
        return self._case().case.subject.label

    def identitas_subjek(self) -> str:
        """The subject's heading and profile for the summary page: the client's identity, the target group's
        profile, or the community's. Call: `{{ identitas_subjek() }}`"""
        from macros.practicum import SUBJECTS
        from macros.render.identity import identity_table

        case = self._case().case
        vocabulary = self._site().vocabulary
        parts = []
        if case.client is not None:
            parts.append(f"## {SUBJECTS['individu'].identity_heading}\n\n{identity_table(case.client, vocabulary)}")
        if case.group is not None:
            parts.append(f"## {SUBJECTS['kelompok'].identity_heading}\n\n{tables.profile_table(tables.group_rows(case.group, vocabulary))}")
        if case.community is not None:
            # A laboratory practicum maps a kelurahan: its words, as its BAB III title ("Profil Wilayah").
            heading = "Profil Wilayah" if case.report.kind == "laboratorium" else SUBJECTS["komunitas"].identity_heading
            parts.append(f"## {heading}\n\n"
                         f"{tables.profile_table(tables.community_rows(case.community, vocabulary))}")
        return "\n\n".join(parts)

    def profil_kelompok(self) -> str:
        """The target group's profile (name, kind, counts, clusters) and its description.
        Call: `{{ profil_kelompok() }}`"""
        from macros.render.text import prose

        group = self._require(self._case().case.group, "kelompok_sasaran")
        text = f"\n\n{prose(group.description)}\n" if group.description else ""
        return tables.profile_table(tables.group_rows(group, self._site().vocabulary)) + text

    def tabel_komposisi_kelompok(self, judul: str = "", id: str = "komposisi_kelompok") -> str:
        """Members by age band and sex with totals, a numbered table. Call: `{{ tabel_komposisi_kelompok() }}`"""
        group = self._require(self._case().case.group, "kelompok_sasaran")
        title = judul or f"Komposisi Anggota {group.name} menurut Kelompok Usia dan Jenis Kelamin"
        return self._numbered_table(id, title, tables.composition(group.composition))

    def tabel_anggota_kelompok(self, judul: str = "", id: str = "anggota_kelompok") -> str:
        """Members by pseudonym code and role, a numbered table. Call: `{{ tabel_anggota_kelompok() }}`"""
        group = self._require(self._case().case.group, "kelompok_sasaran")
        self._require(group.members, "kelompok_sasaran.anggota")
        return self._numbered_table(id, judul or f"Anggota {group.name}", tables.members(group))

    def profil_komunitas(self) -> str:
        """The community's key facts (village, district, scope, population, livelihoods) and its overview.
        Call: `{{ profil_komunitas() }}`"""
        from macros.render.text import prose

        community = self._require(self._case().case.community, "komunitas")
        text = f"\n\n{prose(community.overview)}\n" if community.overview else ""
        return tables.profile_table(tables.community_rows(community, self._site().vocabulary)) + text

    def tabel_penduduk(self, judul: str = "", id: str = "penduduk") -> str:
        """Population by age group and sex with totals, a numbered table. Call: `{{ tabel_penduduk() }}`"""
        community = self._require(self._case().case.community, "komunitas")
        title = judul or f"Jumlah Penduduk {community.title} menurut Kelompok Umur dan Jenis Kelamin"
        return self._numbered_table(id, title, tables.composition(community.population, "Kelompok umur"))

    def tabel_mata_pencaharian(self, judul: str = "", id: str = "mata_pencaharian") -> str:
        """Main livelihoods, a numbered table. Call: `{{ tabel_mata_pencaharian() }}`"""
        community = self._require(self._case().case.community, "komunitas")
        title = judul or f"Mata Pencaharian Utama Penduduk {community.title}"
        return self._numbered_table(id, title, tables.counts(community.livelihoods, "Mata pencaharian"))

    def tabel_ppks(self, judul: str = "", id: str = "ppks") -> str:
        """PPKS counts by kind, a numbered table. Call: `{{ tabel_ppks() }}`"""
        community = self._require(self._case().case.community, "komunitas")
        rows = self._require(community.ppks, "komunitas.ppks")
        title = judul or f"Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) di {community.title}"
        return self._numbered_table(id, title, tables.counts(rows, "Jenis PPKS"))

    def tabel_psks(self, judul: str = "", id: str = "psks") -> str:
        """PSKS counts by kind, a numbered table. Call: `{{ tabel_psks() }}`"""
        community = self._require(self._case().case.community, "komunitas")
        rows = self._require(community.psks, "komunitas.psks")
        title = judul or f"Potensi dan Sumber Kesejahteraan Sosial (PSKS) di {community.title}"
        return self._numbered_table(id, title, tables.counts(rows, "Jenis PSKS"))

    # --- stages ----------------------------------------------------------------------------------------

    def tahapan_praktikum(self) -> list[str]:
        """The stage codes of this report's practicum kind in order (a campus's added stages print with their kind).
        Call: `{% for tahap in tahapan_praktikum() %}...{% endfor %}`"""
        return list(self._case().case.practicum.stages)

    def nama_tahap(self, tahap: str) -> str:
        """A stage's label in the campus vocabulary. Call: `{{ nama_tahap('inisiasi_sosial') }}`"""
        return str(escape(self._site().vocabulary.label("tahap", tahap)))

    def kesepakatan(self) -> str:
        """The agreement with the community, group or leaders. Call: `{{ kesepakatan() }}`"""
        return tables.agreement(self._require(self._case().case.agreement, "kesepakatan"))

    # --- participatory assessment ----------------------------------------------------------------------

    def _participatory(self):
        return self._require(self._case().case.participatory, "asesmen_partisipatif")

    def _with_findings(self, html: str, notes) -> str:
        from macros.render.text import prose

        return html + (f"\n\n{prose(notes)}\n" if notes else "")

    def proses_asesmen_partisipatif(self) -> str:
        """Dates, place, tools used and the process of the participatory assessment.
        Call: `{{ proses_asesmen_partisipatif() }}`"""
        return tables.participatory_process(self._participatory(), self._site().vocabulary)

    def pemetaan_sosial(self, id: str = "pemetaan_sosial") -> str:
        """The community's social map as a numbered figure and its legend as a numbered table.
        Call: `{{ pemetaan_sosial() }}`"""
        data = self._require(self._participatory().social_map, "asesmen_partisipatif.pemetaan_sosial")
        image = (f'<img class="casebook-foto casebook-peta" src="{escape("../" + data.file)}" '
                 f'alt="{escape(data.title)}" loading="lazy">')
        figure = self._numbered("gambar", id, data.title, image)
        legend = self._numbered_table(f"{id}_legenda", f"Legenda {data.title}", tables.legend(data))
        return self._with_findings(f"{figure}\n\n{legend}", data.notes)

    def transek(self, id: str = "transek") -> str:
        """Transect (zones × aspects) as a numbered table. Call: `{{ transek() }}`"""
        data = self._require(self._participatory().transect, "asesmen_partisipatif.transek")
        return self._with_findings(self._numbered_table(id, data.title, tables.transect(data)), data.notes)

    def kalender_musim(self, id: str = "kalender_musim") -> str:
        """Seasonal calendar (activities × months) as a numbered table. Call: `{{ kalender_musim() }}`"""
        data = self._require(self._participatory().seasonal_calendar, "asesmen_partisipatif.kalender_musim")
        return self._with_findings(self._numbered_table(id, data.title, tables.seasonal_calendar(data)), data.notes)

    def diagram_venn(self, id: str = "diagram_venn") -> str:
        """Venn diagram of institutions drawn from data (importance = circle size, closeness = distance from
        the community), a numbered figure with its data table. Call: `{{ diagram_venn() }}`"""
        from macros.render.diagrams.data_tables import figure_notes, folded
        from macros.render.diagrams.venn import venn_svg, venn_table

        case = self._case().case
        data = self._require(self._participatory().venn, "asesmen_partisipatif.diagram_venn")
        centre = case.group.code or case.group.name if case.group else case.subject_code
        notes = figure_notes((i.name, i.role or "") for i in data.institutions)  # roles in print, under the figure
        return self._with_findings(self._figure(id, data.title, venn_svg(centre, list(data.institutions), data.title),
                                                folded(venn_table(data.institutions)) + notes), data.notes)

    def pohon_masalah(self, id: str = "pohon_masalah") -> str:
        """Problem tree (causes, core problem, effects) drawn from data, a numbered figure with its data table.
        Call: `{{ pohon_masalah() }}`"""
        from macros.render.diagrams.data_tables import folded
        from macros.render.diagrams.problem_tree import problem_tree_svg, problem_tree_table

        data = self._require(self._participatory().problem_tree, "asesmen_partisipatif.pohon_masalah")
        return self._with_findings(self._figure(id, data.title, problem_tree_svg(data, data.title),
                                                folded(problem_tree_table(data))), data.notes)

    def pemangku_kepentingan(self, judul: str = "Analisis Pemangku Kepentingan", id: str = "pemangku_kepentingan") -> str:
        """Stakeholder analysis as a numbered table. Call: `{{ pemangku_kepentingan() }}`"""
        rows = self._require(self._participatory().stakeholders, "asesmen_partisipatif.pemangku_kepentingan")
        return self._numbered_table(id, judul, tables.stakeholders(rows))

    def peringkat_masalah(self, id: str = "peringkat_masalah") -> str:
        """Problems ranked by votes (MPA/ToP), a numbered table. Call: `{{ peringkat_masalah() }}`"""
        data = self._require(self._participatory().problem_ranking, "asesmen_partisipatif.peringkat_masalah")
        return self._numbered_table(id, data.title, tables.ranking(data))

    def peringkat_kebutuhan(self, id: str = "peringkat_kebutuhan") -> str:
        """Needs ranked by votes (MPA/ToP), a numbered table. Call: `{{ peringkat_kebutuhan() }}`"""
        data = self._require(self._participatory().needs_ranking, "asesmen_partisipatif.peringkat_kebutuhan")
        return self._numbered_table(id, data.title, tables.ranking(data))

    def simpulan_asesmen(self) -> str:
        """The agreed conclusion of the participatory assessment. Call: `{{ simpulan_asesmen() }}`"""
        from macros.render.text import prose

        return prose(self._require(self._participatory().conclusion, "asesmen_partisipatif.simpulan")) + "\n"

    # --- planning and resources ------------------------------------------------------------------------

    def tabel_rencana_aksi(self, judul: str = "Rencana Aksi", id: str = "rencana_aksi") -> str:
        """Action plan (activity, goal, target, time, place, responsible, funding), a numbered table.
        Call: `{{ tabel_rencana_aksi() }}`"""
        rows = self._require(self._case().case.action_plan, "rencana_aksi")
        return self._table_here(id, judul, tables.action_plan(rows))

    def tabel_anggaran(self, id: str = "anggaran") -> str:
        """Budget (RAB) with amounts and total computed, in Rupiah, a numbered table. Call: `{{ tabel_anggaran() }}`"""
        data = self._require(self._case().case.budget, "anggaran")
        return self._table_here(id, data.title, tables.budget(data))

    def total_anggaran(self) -> str:
        """The budget's computed total, e.g. Rp1.250.000 (for the text). Call: `{{ total_anggaran() }}`"""
        from macros.schema.community import format_rupiah

        return format_rupiah(self._require(self._case().case.budget, "anggaran").computed_total)

    def daftar_hadir_peserta(self, id: str = "daftar_hadir_peserta") -> str:
        """Participants' attendance (by code or role) per meeting, a numbered table. Call: `{{ daftar_hadir_peserta() }}`"""
        case = self._case().case
        data = self._require(case.participant_attendance, "daftar_hadir_peserta")
        from macros.render.numbering import chapter_of
        from macros.render.text import label, plain

        order = [m.code for m in case.group.members] if case.group else []
        table_html = tables.participant_attendance(data, order)
        if chapter_of(self.env.page.file.name) is None:  # an appendix has its own title: the sheet's own stays over it
            return f"{label(plain(data.title))}\n\n{table_html}"
        return self._numbered_table(id, data.title, table_html)

    def log_supervisi(self, judul: str = "Log Supervisi", id: str = "log_supervisi") -> str:
        """Supervision log (tanggal, pembimbing, topik, tindak lanjut), a numbered table. Call: `{{ log_supervisi() }}`"""
        rows = self._require(self._case().case.supervision, "log_supervisi")
        return self._table_here(id, judul, tables.supervision_log(rows))
