"""Every function a page may call. Each finds the page's report, then calls a renderer.

Write them in a chapter page like `{{ identitas_klien() }}`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from pydantic import BaseModel

from macros.appendix_macros import AppendixMacros
from macros.community_macros import CommunityMacros
from macros.laboratory_macros import LaboratoryMacros
from macros.loading import LoadedCase
from macros.pdf.site_pdfs import pdf_enabled, published_pdf_url
from macros.render import records, tables
from macros.render.references import reference_list
from macros.render.identity import identity_table
from macros.render.numbering import LIST_MARKER, REF_MARKER, chapter_of, check_element_id
from macros.site import SITE_SECTION, current_build, publication_profile, slug_of_page


def section_photos(case, section: str) -> list:
    """Every photo tagged for `section`, published or not: numbers are the same in every profile."""
    appendices = case.appendices
    return [p for p in (appendices.photos if appendices else []) if p.section == section]


WITHHELD_NOTE = "Foto tidak dipublikasikan di profil ini (tanpa izin publikasi atau memuat wajah anak)."


def figures_of_section(case, section: str, numbering, chapter: int, page_url: str) -> str:
    """The photos of one section as numbered figures; a photo this profile withholds keeps its figure and
    number with a visible note instead of the image, so references and lists agree across profiles."""
    from macros.render.gallery import image, publishable

    numbering.placed.add(section)
    stem = "foto-" + section.replace(".", "-")
    profile = publication_profile()
    parts = []
    for n, photo in enumerate(section_photos(case, section), start=1):
        body = (image(photo, "../" + photo.file) if publishable(photo, profile)
                else f'<div class="casebook-foto-ditahan"><p>{escape(WITHHELD_NOTE)}</p></div>')
        caption = numbering.register("gambar", f"{stem}-{n}", chapter, photo.caption, page_url)
        parts.append(f'<figure class="casebook-gambar">{body}{caption.html()}</figure>')
    return "\n".join(parts)


def finish_chapter_page(markdown: str, page) -> tuple[str, list[str]]:
    """A rendered chapter page: numbered sections, the photos of its sections, numbered captions (see
    macros/render/chapter.py). Returns the page and the photo tags that name no section of it."""
    from macros.render.chapter import finish_chapter

    slug = slug_of_page(page.file.src_uri)
    chapter = chapter_of(page.file.name)
    case = current_build["site"].cases[slug].case
    numbering = current_build["numbering"][slug]
    photos = case.appendices.photos if case.appendices else []

    def unplaced_tags() -> list[str]:
        return [tag for tag in dict.fromkeys(p.section for p in photos if p.section)
                if tag.split(".")[0] == str(chapter) and tag not in numbering.placed]

    def register_table(element_id: str, title: str) -> str:
        return numbering.register("tabel", element_id, chapter, title, page.url).html()

    return finish_chapter(markdown, chapter, numbering, unplaced_tags=unplaced_tags,
                          photos_of=lambda tag: figures_of_section(case, tag, numbering, chapter, page.url),
                          register_table=register_table)


def markdown_heading_text(text: str) -> str:
    """A student's title inside a Markdown heading line, read as text only: braces would start an attribute list
    (`Surat {0} tugas {#id}` loses its id), a line break would end the heading before its id."""
    flat = " ".join(str(text).split())
    return str(escape(flat)).replace("{", "&#123;").replace("}", "&#125;")


class MacroDataError(ValueError):
    """A page asks for something the report cannot give; the message is all the student needs."""


class PageMacros(CommunityMacros, LaboratoryMacros, AppendixMacros):
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
            raise MacroDataError(f"{where}: makro laporan hanya dapat dipakai di halaman laporan (kasus/<slug>/...)")
        return self._site().cases[slug]

    def identitas_klien(self) -> str:
        """Client identity table. Call: `{{ identitas_klien() }}`"""
        loaded = self._case()
        # A group's or a community's report has no `klien`: say so, never an AttributeError.
        return identity_table(self._require(loaded.case.client, "klien"), self._site().vocabulary)

    def _require(self, value: Any, field: str) -> Any:
        """The data a macro draws; its absence fails the build naming report, page and field."""
        if value in (None, [], ()):
            loaded = self._case()
            raise MacroDataError(f"cases/{loaded.slug}/kasus.yml: halaman {self.env.page.file.src_uri} memanggil makro "
                             f"yang membutuhkan `{field}`, tetapi data itu belum diisi")
        return value

    def ada(self, path: str) -> bool:
        """Whether the report has data at a dotted YAML path. Call: `{% if ada('asesmen.kekuatan') %}`

        Read from the report as this profile publishes it: an appendix marked `internal` is absent
        from the public site."""
        value: Any = self._case().case
        for key in path.split("."):
            fields = {(f.alias or n): n for n, f in type(value).model_fields.items()} if isinstance(value, BaseModel) else {}
            if key not in fields:
                return False
            value = getattr(value, fields[key])
            if value is None:
                return False
        return value not in (None, "", [], {})

    def _numbered(self, kind: str, element_id: str, title: str, body_html: str) -> str:
        """A numbered element of this chapter: table captions above, figure captions below."""
        page = self.env.page
        chapter = chapter_of(page.file.name)
        if chapter is None:
            raise MacroDataError(f"{page.file.src_uri}: tabel/gambar bernomor hanya dapat dipakai di halaman bab (bab-N-...)")
        numbering = current_build["numbering"][self._case().slug]
        caption = numbering.register(kind, element_id, chapter, title, page.url)
        if kind == "gambar":
            return f'<figure class="casebook-gambar">{body_html}{caption.html()}</figure>'
        return caption.html() + body_html

    def _numbered_table(self, element_id: str, title: str, table_html: str) -> str:
        return self._numbered("tabel", element_id, title, table_html)

    def isi(self, path: str, id: str = "") -> str:
        """Any field of kasus.yml rendered as Markdown: prose, lists, sub-sections (numbered headings),
        data tables as numbered tables ("Tabel 3.1 ..."; `id` names it for `ref()`, default: the field).

        Call: `{{ isi('pendahuluan.latar_belakang') }}`, `{{ isi('landasan.regulasi') }}`,
        `{{ isi('institusi.penerima_manfaat', id='penerima_manfaat') }}`
        """
        from macros.render.tables import data_table
        from macros.render.text import render_value

        value: Any = self._case().case
        keys = path.split(".")
        for key in keys:
            fields = {(f.alias or n): n for n, f in type(value).model_fields.items()} if isinstance(value, BaseModel) else {}
            if key not in fields:
                raise MacroDataError(f"isi('{path}'): kolom `{key}` tidak dikenal di kasus.yml")
            value = getattr(value, fields[key])
            if value is None:
                break
        stem = id or next((k for k in reversed(keys) if k != "tabel"), keys[-1])
        count = [0]

        def table(data) -> str:
            count[0] += 1
            element_id = stem if count[0] == 1 else f"{stem}-{count[0]}"
            return self._numbered_table(element_id, data.title, data_table(data))

        return render_value(self._require(value, path), table=table)

    def _stage_records(self, tahap: str) -> list:
        """Records of a stage and of every campus stage of that kind (`kosakata.tahap`: `jenis`)."""
        vocabulary = self._site().vocabulary
        return [r for r in self._case().case.stages if r.stage == tahap or vocabulary.stage_kind(r.stage) == tahap]

    def ada_tahap(self, tahap: str) -> bool:
        """Whether the report has a record of this stage, or of a campus stage of this kind.
        Call: `{% if ada_tahap('kontrak') %}`"""
        return bool(self._stage_records(tahap))

    def tabel_wawancara(self, judul: str = "Tahapan Wawancara", id: str = "wawancara") -> str:
        """Interview log table with caption. Call: `{{ tabel_wawancara() }}` or `{{ tabel_wawancara(judul="...", id="...") }}`"""
        return self._numbered_table(id, judul, tables.interview_log(self._require(self._case().case.interviews, "wawancara")))

    def kuadran_kekuatan(self, judul: str = "", id: str = "kuadran_kekuatan", sebagai: str = "tabel") -> str:
        """Strengths quadrant: a numbered 2×2 table, or (sebagai="gambar") a numbered SVG figure with its data table.

        Call: `{{ kuadran_kekuatan() }}` or `{{ kuadran_kekuatan(sebagai="gambar", judul="Kuadran Strength Klien") }}`
        """
        from macros.render.diagrams.charts import quadrant_svg
        from macros.render.diagrams.data_tables import folded

        if sebagai not in ("tabel", "gambar"):
            raise MacroDataError(f"kuadran_kekuatan(sebagai='{sebagai}'): pilih 'tabel' atau 'gambar'")
        case = self._case().case
        items = self._require(case.assessment and case.assessment.strengths, "asesmen.kekuatan")
        title = judul or f"Kuadran Kekuatan {case.subject_title}"
        if sebagai == "tabel":
            return self._numbered_table(id, title, tables.strengths_quadrant(items))
        return self._figure(id, title, quadrant_svg(list(items), title), folded(tables.strengths_quadrant(items)))

    def _figure(self, element_id: str, title: str, svg: str, data_html: str) -> str:
        """A numbered diagram (caption below) followed by its data, folded on the site."""
        return self._numbered("gambar", element_id, title, svg) + data_html

    def ecomap(self, judul: str = "", id: str = "ecomap") -> str:
        """The client's ecomap drawn from asesmen.ecomap, as a numbered figure. Call: `{{ ecomap() }}`"""
        from macros.render.diagrams.data_tables import ecomap_notes, ecomap_table, folded
        from macros.render.diagrams.ecomap import ecomap_svg

        case = self._case().case
        ecomap = self._require(case.assessment and case.assessment.ecomap, "asesmen.ecomap")
        title = judul or f"Ecomap {case.subject_title}"
        return self._figure(id, title, ecomap_svg(case.subject_code, list(ecomap.systems), title, case.subject.role),
                            folded(ecomap_table(ecomap.systems)) + ecomap_notes(ecomap.systems))

    def genogram(self, judul: str = "", id: str = "genogram") -> str:
        """The client's genogram drawn from asesmen.genogram, as a numbered figure. Call: `{{ genogram() }}`"""
        from macros.render.diagrams.data_tables import folded, genogram_notes, genogram_table
        from macros.render.diagrams.genogram import genogram_svg

        case = self._case().case
        genogram = self._require(case.assessment and case.assessment.genogram, "asesmen.genogram")
        title = judul or f"Genogram {case.subject_title}"
        return self._figure(id, title, genogram_svg(genogram, title),
                            folded(genogram_table(genogram)) + genogram_notes(genogram))

    def linimasa(self, judul: str = "Linimasa Penanganan Kasus", id: str = "linimasa") -> str:
        """Every dated step of the helping process on the practicum period, as a numbered figure.
        Call: `{{ linimasa() }}`"""
        from macros.render.diagrams.charts import timeline_events, timeline_svg
        from macros.render.diagrams.data_tables import folded, timeline_table

        case = self._case().case
        vocabulary = self._site().vocabulary
        events = timeline_events(case, lambda stage: vocabulary.label("tahap", stage))
        self._require(events, "tahapan, wawancara, asesmen atau intervensi (tanggal)")
        return self._figure(id, judul, timeline_svg(case, events, judul), folded(timeline_table(events)))

    def grafik_capaian(self, judul: str = "", id: str = "grafik_capaian") -> str:
        """TAS (0–4) or GAS (−2..+2) scores per task as a bar chart with the success line.
        Call: `{{ grafik_capaian() }}`"""
        from macros.render.diagrams.charts import outcome_svg
        from macros.render.diagrams.data_tables import folded, outcome_table
        from macros.render.text import signed
        from macros.schema.evaluation import GAS_LABELS, TAS_LABELS

        case = self._case().case
        evaluation = self._require(case.evaluation, "evaluasi")
        self._require(evaluation.tas or evaluation.gas, "evaluasi.tas atau evaluasi.gas")
        if evaluation.tas:
            title = judul or f"Capaian Tugas {case.subject_title} (Task Achievement Scale)"
            rows = [(t.task, t.score, TAS_LABELS[t.score]) for t in evaluation.tas.tasks]
            target = f"Batas keberhasilan: {evaluation.tas.minimum}." if evaluation.tas.minimum is not None else ""
        else:
            title = judul or f"Capaian Tujuan {case.subject_title} (Goal Attainment Scaling)"
            rows = [(g.goal, signed(g.score), GAS_LABELS[g.score] + (f" ({g.note})" if g.note else "")) for g in evaluation.gas]
            target = "Skor 0 = hasil yang diharapkan."
        return self._figure(id, title, outcome_svg(case, title), folded(outcome_table(rows, target)))

    def tabel_rencana_intervensi(self, judul: str = "Rencana Intervensi", id: str = "rencana_intervensi") -> str:
        """Intervention plan table, six columns. Call: `{{ tabel_rencana_intervensi() }}`"""
        plan = self._require(self._case().case.plan, "rencana_intervensi")
        return self._numbered_table(id, judul, tables.plan_table(plan.activities, self._site().vocabulary))

    def log_sesi(self, judul: str = "Tahapan Pelaksanaan Intervensi", id: str = "log_sesi", bernomor: bool = True) -> str:
        """Dated log of all sessions and group meetings, a numbered table. `bernomor=False` prints the table
        without a caption (a captioned table is always numbered, so it enters the Daftar Tabel).

        Call: `{{ log_sesi() }}` or `{{ log_sesi(bernomor=False) }}`
        """
        intervention = self._require(self._case().case.intervention, "intervensi")
        table = tables.session_log(intervention.sessions)
        if not bernomor:
            return table
        return self._numbered_table(id, judul, table)

    def rencana_intervensi(self) -> str:
        """The intervention plan as text (programme, goals, targets, method, techniques, indicators),
        for reports that present the plan in prose rather than as a table. Call: `{{ rencana_intervensi() }}`"""
        plan = self._require(self._case().case.plan, "rencana_intervensi")
        return records.plan_text(plan, self._site().vocabulary)

    def tabel_evaluasi(self, judul: str = "Hasil Evaluasi", id: str = "evaluasi") -> str:
        """Before/after evaluation table grouped by aspect. Call: `{{ tabel_evaluasi() }}`"""
        evaluation = self._require(self._case().case.evaluation, "evaluasi")
        return self._numbered_table(id, judul, tables.before_after(evaluation.results))

    def catatan_tahap(self, tahap: str) -> str:
        """Proses/Hasil records of one stage (engagement, intake, kontrak, ...) and of the campus stages of
        that kind. Call: `{{ catatan_tahap('engagement') }}`"""
        vocabulary = self._site().vocabulary
        found = self._require(self._stage_records(tahap), f"tahapan (tahap: {tahap})")
        return "\n\n".join(records.stage_record(r, vocabulary) for r in found)

    def persetujuan(self) -> str:
        """Informed consent record. Call: `{{ persetujuan() }}`"""
        return records.consent_record(self._require(self._case().case.consent, "persetujuan"))

    def _assessment(self):
        return self._require(self._case().case.assessment, "asesmen")

    def proses_asesmen(self) -> str:
        """Assessment process text with date and place. Call: `{{ proses_asesmen() }}`"""
        return records.assessment_process(self._assessment(), self._site().vocabulary)

    def bpss(self) -> str:
        """BPSS description, four aspects. Call: `{{ bpss() }}`"""
        a = self._assessment()
        self._require(a.bpss, "asesmen.bpss")
        return records.bpss(a)

    def ils(self) -> str:
        """Independent Living Skills per domain. Call: `{{ ils() }}`"""
        a = self._assessment()
        self._require(a.ils, "asesmen.ils")
        return records.ils(a)

    def analisis_masalah(self) -> str:
        """Symptoms, causes, impacts, focus, needs, resources. Call: `{{ analisis_masalah() }}`"""
        return records.problem_analysis(self._assessment())

    def _conferences(self, tahap: str | None) -> list:
        case = self._case().case
        return [c for c in case.case_conferences if tahap is None or records.conference_stage(c, case) == tahap]

    def ada_konferensi(self, tahap: str = "") -> bool:
        """Whether case conferences were held (during one stage, by their date).
        Call: `{% if ada_konferensi('asesmen') %}`"""
        return bool(self._conferences(tahap or None))

    def konferensi_kasus(self, tahap: str = "") -> str:
        """Case conference records (CC1, CC2, ...): all, or those dated within one stage (asesmen,
        rencana_intervensi, intervensi, evaluasi), so a conference after the plan is not printed under
        Asesmen. Call: `{{ konferensi_kasus() }}` or `{{ konferensi_kasus('asesmen') }}`"""
        found = self._require(self._conferences(tahap or None), "konferensi_kasus" + (f" (tahap: {tahap})" if tahap else ""))
        return "\n\n".join(records.case_conference(c) for c in found)

    def program_intervensi(self) -> str:
        """The plan's programme: name, aim, targets and how the plan was made (the table shows the
        activities). Call: `{{ program_intervensi() }}`"""
        plan = self._require(self._case().case.plan, "rencana_intervensi")
        return records.programme(plan)

    def evaluasi_proses(self) -> str:
        """Evaluation date and overview, and the process evaluation of each stage. Call: `{{ evaluasi_proses() }}`"""
        evaluation = self._require(self._case().case.evaluation, "evaluasi")
        return records.process_evaluation(evaluation, self._site().vocabulary)

    def sistematika(self) -> str:
        """Sistematika Penulisan: one line per chapter this report has. Call: `{{ sistematika() }}`"""
        from macros.site import CHAPTERS, chapter_title

        loaded = self._case()
        chapters = [(name, chapter_title(loaded.case, name)) for name in CHAPTERS
                    if name.startswith("bab-") and self._site().page_source(loaded.slug, name)]
        # The same sentences in every report, written by Casebook, not the student: kept out of search, where
        # they made a word such as `layanan` ("program dan layanannya") match every report of an archive.
        outline = records.outline(chapters, dict(loaded.case.practicum.outline))
        return f"<div data-search-exclude markdown>\n\n{outline}\n</div>\n"

    def sesi_intervensi(self) -> str:
        """Every intervention session with Proses/Hasil, grouped by the plan's activity when there are
        several (each a numbered sub-section). Group meetings and casework sessions are counted apart.
        Call: `{{ sesi_intervensi() }}`"""
        case = self._case().case
        intervention = self._require(case.intervention, "intervensi")
        return records.sessions(intervention, case.plan, self._site().vocabulary)

    def skala_capaian(self, sebagai: str = "tabel") -> str:
        """TAS and/or GAS results with their levels: numbered tables (Task Achievement Scale, Goal Attainment
        Scaling), or (sebagai="daftar") a list in the text. Call: `{{ skala_capaian() }}`"""
        evaluation = self._require(self._case().case.evaluation, "evaluasi")
        self._require(evaluation.tas or evaluation.gas, "evaluasi.tas atau evaluasi.gas")
        if sebagai == "daftar":
            return records.scales(evaluation)
        if sebagai != "tabel":
            raise MacroDataError(f"skala_capaian(sebagai='{sebagai}'): pilih 'tabel' atau 'daftar'")
        parts = []
        if evaluation.tas:
            parts.append(self._numbered_table("tas", "Task Achievement Scale", tables.tas_table(evaluation.tas)))
        if evaluation.gas:
            parts.append(self._numbered_table("gas", "Goal Attainment Scaling", tables.gas_table(evaluation.gas)))
        return "\n\n".join(parts)

    def faktor_evaluasi(self) -> str:
        """Supporting and inhibiting factors. Call: `{{ faktor_evaluasi() }}`"""
        evaluation = self._require(self._case().case.evaluation, "evaluasi")
        self._require(evaluation.supporting or evaluation.inhibiting, "evaluasi.faktor_pendukung")
        return records.factors(evaluation)

    def terminasi_rujukan(self) -> str:
        """Termination record and referrals. Call: `{{ terminasi_rujukan() }}`"""
        case = self._case().case
        self._require(case.termination or case.referrals, "terminasi")
        return records.termination(case.termination, case.referrals)

    def terminasi(self) -> str:
        """The termination record alone (for a report with separate Terminasi and Rujukan sub-sections).
        Call: `{{ terminasi() }}`"""
        return records.termination_record(self._require(self._case().case.termination, "terminasi"))

    def rujukan(self) -> str:
        """The referrals alone. Call: `{{ rujukan() }}`"""
        return records.referral_records(self._require(self._case().case.referrals, "rujukan"))

    def daftar_pustaka(self) -> str:
        """References in APA style, sorted, hanging indent. Call: `{{ daftar_pustaka() }}`"""
        return reference_list(self._require(self._case().case.references, "pustaka"))

    def _photos(self, section: str | None = None, *, in_appendix: bool = False) -> list:
        from macros.render.gallery import publishable

        appendices = self._case().case.appendices
        photos = appendices.photos if appendices else []
        profile = publication_profile()
        if in_appendix:
            return [p for p in photos if publishable(p, profile)]
        return [p for p in photos if p.section == section and publishable(p, profile)]

    def _media_src(self, photo) -> str:
        # Chapter pages live at kasus/<slug>/<page>/, media at kasus/<slug>/media/.
        return "../" + photo.file

    def ada_foto(self, bagian: str) -> bool:
        """Whether photos belong to this sub-section (a withheld photo counts: it keeps its number).
        Call: `{% if ada_foto('4.1') %}`"""
        return bool(section_photos(self._case().case, bagian))

    def foto_bagian(self, bagian: str) -> str:
        """The photos of one sub-section as numbered figures (caption below). Photos tagged with a section
        are also placed at the end of that section without this call. Call: `{{ foto_bagian('4.1') }}`"""
        case = self._case().case
        self._require(section_photos(case, bagian), f"lampiran.dokumentasi (bagian: {bagian})")
        page = self.env.page
        chapter = chapter_of(page.file.name)
        if chapter is None:
            raise MacroDataError(f"{page.file.src_uri}: tabel/gambar bernomor hanya dapat dipakai di halaman bab (bab-N-...)")
        return figures_of_section(case, bagian, current_build["numbering"][self._case().slug], chapter, page.url)

    def galeri_dokumentasi(self) -> str:
        """All publishable documentation photos with captions, for the appendix. Call: `{{ galeri_dokumentasi() }}`"""
        from macros.render.gallery import gallery

        appendices = self._case().case.appendices
        all_photos = self._require(appendices and appendices.photos, "lampiran.dokumentasi")
        shown = self._photos(in_appendix=True)
        hidden = len(all_photos) - len(shown)
        note = (f"\n\n*{hidden} foto tidak ditampilkan di situs publik: tanpa izin publikasi atau memuat wajah anak.*"
                if hidden else "")
        return (gallery(shown, self._media_src) if shown else "") + note

    def ref(self, id: str) -> str:
        """Link to a numbered table or figure of this report, e.g. "Tabel 4.1". Call: `{{ ref('wawancara') }}`"""
        self._case()
        return REF_MARKER.format(id=escape(check_element_id(id)))

    def daftar_tabel(self) -> str:
        """List of this report's numbered tables with links. Call: `{{ daftar_tabel() }}`"""
        self._case()
        return LIST_MARKER.format(kind="tabel")

    def judul_lampiran(self, judul: str, id: str) -> str:
        """A numbered appendix heading ("Lampiran 2 Daftar Hadir"), listed in Daftar Lampiran.

        Call: `{{ judul_lampiran("Daftar Hadir", "daftar_hadir") }}`
        """
        page = self.env.page
        numbering = current_build["numbering"][self._case().slug]
        caption = numbering.register("lampiran", id, 0, judul, page.url)
        return f"## {caption.label} {markdown_heading_text(judul)} {{#{caption.anchor}}}"

    def daftar_lampiran(self) -> str:
        """List of this report's appendices with links. Call: `{{ daftar_lampiran() }}`"""
        self._case()
        return LIST_MARKER.format(kind="lampiran")

    def daftar_gambar(self) -> str:
        """List of this report's numbered figures with links. Call: `{{ daftar_gambar() }}`"""
        self._case()
        return LIST_MARKER.format(kind="gambar")

    def daftar_hadir(self) -> str:
        """Weekly attendance table. Call: `{{ daftar_hadir() }}`"""
        from macros.render.text import field_lines, label, plain

        appendices = self._case().case.appendices
        sheet = self._require(appendices and appendices.attendance, "lampiran.daftar_hadir")
        signed = field_lines([("Ketua kelompok", sheet.signed_by)]) if sheet.signed_by else ""
        return f"{label(plain(sheet.title))}\n\n{tables.attendance(sheet)}\n\n{signed}\n"

    def ringkasan_laporan(self) -> str:
        """Summary card of this report: student, institution, setting, year, method, client, summary, status.
        Call: `{{ ringkasan_laporan() }}`"""
        from macros.render.catalogue import card

        loaded = self._case()
        return card(loaded, self._site().vocabulary, "./", f"{loaded.slug}.pdf" if pdf_enabled() else None)

    def kelengkapan(self) -> str:
        """Checklist of every part of the campus structure: terisi / belum terisi / perlu diperiksa.
        Call: `{{ kelengkapan() }}`"""
        from macros.completeness import checklist
        from macros.render.html import checklist_table

        loaded = self._case()
        return checklist_table(checklist(loaded.case, self._site().warnings.get(loaded.slug, []), self._site().vocabulary))

    def judul_laporan(self) -> str:
        """The report title, escaped. Call: `{{ judul_laporan() }}`"""
        return str(escape(self._case().case.report.title))

    def daftar_laporan(self, jumlah: int | None = None) -> str:
        """Reports as cards, newest first: all of them, or only the newest `jumlah` (the home page of a
        large archive). Call: `{{ daftar_laporan() }}` or `{{ daftar_laporan(6) }}`"""
        from macros.render.catalogue import catalogue

        site = self._site()
        return catalogue(list(site.cases.values()), site.vocabulary, lambda slug: f"{SITE_SECTION}/{slug}/",
                         published_pdf_url, limit=jumlah)

    def register(self) -> None:
        """Every public method is a page macro under its own (Indonesian) name."""
        for name in dir(self):
            if not name.startswith("_") and name != "register":
                self.env.macro(getattr(self, name), name)
