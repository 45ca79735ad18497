"""Faithful reports, the fast part (issue 14): no Python value reaches a reader, numbers are computed
from what is present, records go where their kind says. The build-level tests are in
tests/test_faithful_build.py and tests/test_every_field.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from macros.render import records, tables
from macros.render.chapter import caption_markdown_tables, finish_chapter, renumber
from macros.render.fields import STEERING, render_value
from macros.render.numbering import INTERNAL, ReportNumbering
from macros.render.sections import number_sections
from macros.schema.appendix import Lampiran
from macros.schema.evaluation import Evaluasi
from macros.schema.plan import Intervensi, RencanaIntervensi
from macros.vocabulary import DEFAULT_VOCABULARY, build_vocabulary

PYTHON_VALUE = re.compile(r"^\s*(True|False|None)\s*$|\[\s*'|\{\s*'|'\s*\]|<[a-z_.]+ object at", re.M)


def python_values(text: str) -> list[str]:
    """Lines a reader would see as Python: a bare True/False/None, a list/dict repr, an object repr."""
    return [m.group(0) for m in PYTHON_VALUE.finditer(text)]


LETTERS = Lampiran.model_validate({
    "surat": [{"judul": "Surat Keterangan Magang", "nomor": "123/SK/2024", "tanggal": "2024-09-02",
               "dari": "PT Contoh", "perihal": "Keterangan magang", "isi": "Ringkasan surat."}],
    "lainnya": [{"judul": "Program Usulan", "isi": "Isi program."}],
})


# --- "A line reading False after every lampiran.surat and lampiran.lainnya item" ----------------------
def test_letters_print_no_python_value_and_label_every_fact():
    for items in (LETTERS.letters, LETTERS.others):
        markdown = render_value(items)
        assert not python_values(markdown), markdown
    letter = render_value(LETTERS.letters)
    for label, value in (("Nomor", "123/SK/2024"), ("Tanggal", "Senin, 2 September 2024"), ("Dari", "PT Contoh"),
                         ("Perihal", "Keterangan magang")):
        assert f"**{label}**: {value}" in letter.replace("\\", ""), letter


def test_booleans_and_none_become_words_or_nothing():
    assert render_value(None) == "" and render_value([]) == ""
    assert render_value(True).strip() == "ya" and render_value(False).strip() == "tidak"


# --- "GAS score 0 prints as +0"; "keterangan appears nowhere" --------------------------------------------
GAS = Evaluasi.model_validate({"tanggal": "2024-09-30", "hasil": [{"aspek": "A", "sebelum": "x", "sesudah": "y"}],
                               "gas": [{"tujuan": "Berat badan turun", "skor": 0, "keterangan": "52 → 39"},
                                       {"tujuan": "Tidur teratur", "skor": -1}]})


def test_gas_zero_has_no_sign_and_its_note_is_printed():
    for text in (records.scales(GAS), tables.gas_table(GAS.gas)):
        assert "+0" not in text
        assert "52 → 39" in text
        assert "−1" in text


# --- "Group and casework sessions share one counter"; "Sesi 1: Sesi 1: ..." --------------------------------
def _sessions():
    plan = RencanaIntervensi.model_validate({
        "tanggal_mulai": "2024-09-01", "nama_program": "P", "sasaran": ["S"],
        "kegiatan": [{"id": "kelompok", "nama": "Kelompok tata boga", "tujuan": {"uraian": "u", "target": "t", "tenggat": "d"},
                      "pihak_terlibat": ["x"], "tanggal_mulai": "2024-09-02", "tempat": "x", "metode": "groupwork",
                      "teknik": ["modelling"], "indikator": ["i"]},
                     {"id": "kasus", "nama": "Edukasi biaya", "tujuan": {"uraian": "u", "target": "t", "tenggat": "d"},
                      "pihak_terlibat": ["x"], "tanggal_mulai": "2024-09-02", "tempat": "x", "metode": "casework",
                      "teknik": ["modelling"], "indikator": ["i"]}]})
    intervention = Intervensi.model_validate({"sesi": [
        {"kegiatan": "kelompok", "judul": "Memulai kelompok", "tanggal": "2024-09-02", "metode": "groupwork", "proses": "p"},
        {"kegiatan": "kasus", "judul": "Sesi 1: Masa kecil", "tanggal": "2024-09-03", "metode": "casework", "proses": "p"},
        {"kegiatan": "kelompok", "judul": "Membuat bakwan", "tanggal": "2024-09-04", "metode": "groupwork", "proses": "p"},
    ]})
    return plan, intervention


def test_group_meetings_and_casework_sessions_are_counted_apart():
    plan, intervention = _sessions()
    assert records.session_numbers(intervention.sessions) == ["Pertemuan 1", "Sesi 1", "Pertemuan 2"]
    text = records.sessions(intervention, plan, DEFAULT_VOCABULARY)
    assert "Pertemuan 2: Membuat bakwan" in text
    assert "Sesi 1: Masa kecil" in text and "Sesi 1: Sesi 1" not in text
    # Several activities: each is a sub-section, numbered with the chapter.
    assert "### Kelompok tata boga" in text and "### Edukasi biaya" in text


# --- "Section numbers are written into the templates, so an empty optional part leaves a gap" ------------
def test_sections_are_numbered_from_what_is_present():
    page = "# BAB V\n\n## Integrasi\n\ntext\n\n## Refleksi\n\n### Dilema\n\n## Tantangan\n"
    assert re.findall(r"^#+ (\S+)", number_sections(page, 5), re.M) == ["BAB", "5.1", "5.2", "5.2.1", "5.3"]


def test_typed_numbers_are_replaced_so_older_reports_stay_valid():
    page = "## 5.1 Integrasi\n\n## 5.2 Refleksi\n\n## 5.4 Tantangan\n\n```\n## 9.9 not a heading\n```\n"
    numbered = number_sections(page, 5)
    assert "## 5.3 Tantangan" in numbered and "5.4" not in numbered and "## 9.9 not a heading" in numbered


def test_heading_can_opt_out_of_a_number():
    assert number_sections("## Catatan { .tanpa-nomor }\n\n## Isi\n", 4) == "## Catatan\n\n## 4.1 Isi\n"


# --- "Tables and figures outside BAB IV are never numbered"; "Bold captions carry no number" -----------
def test_one_line_caption_numbers_a_markdown_table_and_makes_it_referable():
    numbering = ReportNumbering("x")
    url = "kasus/x/bab-3-konteks-institusi/"

    def register(element_id, title):
        return numbering.register("tabel", element_id, 3, title, url).html()

    page = "Tabel: Data SDM Sentra {: #sdm }\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTabel: Tanpa id\n\n| c |\n|---|\n| 3 |\n"
    out = caption_markdown_tables(page, register)
    assert numbering.captions["sdm"].label == "Tabel 3.1"
    assert numbering.captions["tabel-tanpa-id"].label == "Tabel 3.2"
    assert f'id="tabel-sdm" data-casebook="{INTERNAL}">Tabel 3.1 Data SDM Sentra</p>' in out  # INTERNAL: a caption a page cannot forge
    # A prose field escapes "{" (macros/render/text.prose): the id still works.
    numbering2 = ReportNumbering("y")
    caption_markdown_tables("Tabel: X &#123;: #idx }\n| a |\n|---|\n| 1 |\n",
                            lambda i, t: numbering2.register("tabel", i, 3, t, url).html())
    assert "idx" in numbering2.captions
    numbering3 = ReportNumbering("z")  # the short form, in a prose field only (in a page `{#` opens a Jinja comment)
    caption_markdown_tables("Tabel: Y {#idy}\n| a |\n|---|\n| 1 |\n",
                            lambda i, t: numbering3.register("tabel", i, 3, t, url).html())
    assert "idy" in numbering3.captions


def test_captions_are_numbered_in_the_order_a_reader_sees_them():
    numbering = ReportNumbering("x")
    url = "kasus/x/bab-4-penanganan-kasus/"
    late = numbering.register("gambar", "ecomap", 4, "Ecomap", url)      # registered first ...
    early = numbering.register("gambar", "foto-4-1-1", 4, "Foto", url)   # ... but shown first
    page = early.html() + "\n\n" + late.html()
    out = renumber(page, numbering, 4)
    assert numbering.captions["foto-4-1-1"].label == "Gambar 4.1" and numbering.captions["ecomap"].label == "Gambar 4.2"
    assert out.index("Gambar 4.1 Foto") < out.index("Gambar 4.2 Ecomap")


def test_photos_tagged_for_a_section_are_placed_there_and_a_missing_section_is_reported():
    numbering = ReportNumbering("x")
    page = "# BAB V\n\n## Integrasi\n\nA\n\n## Refleksi\n\nB\n\n## Kegiatan Lain\n\nC\n\n## Tantangan\n\nD\n"
    figure = lambda tag: numbering.register("gambar", f"foto-{tag.replace('.', '-')}", 5, "Foto " + tag, "u").html()  # noqa: E731
    out, missing = finish_chapter(page, 5, numbering, unplaced_tags=lambda: ["5.3", "5.9"], photos_of=figure,
                                  register_table=lambda i, t: "")
    assert out.index("Gambar 5.1 Foto 5.3") > out.index("## 5.3 Kegiatan Lain")
    assert out.index("Gambar 5.1 Foto 5.3") < out.index("## 5.4 Tantangan")
    assert missing == ["5.9"]


# --- "A case conference dated after the plan is printed under 4.2 Tahap Asesmen" ------------------------
def test_case_conferences_go_to_the_stage_of_their_date():
    from pathlib import Path

    from macros.loading import load_case
    from macros.schema import Case

    case = load_case(Path(__file__).parent.parent / "cases" / "ln-hikari-2024").loaded.case
    stages = {c.code: records.conference_stage(c, case) for c in case.case_conferences}
    assert stages and set(stages.values()) <= {"asesmen", "rencana_intervensi", "intervensi", "evaluasi"}
    after_plan = case.case_conferences[0].model_copy(update={"date": case.plan.start + dt.timedelta(days=1)})
    assert records.conference_stage(after_plan, case) != "asesmen"
    assert isinstance(case, Case)


# --- "Stage codes a campus adds ... their records vanish from BAB IV" -------------------------------------
def test_campus_stage_has_a_kind_that_places_it():
    vocabulary = build_vocabulary({"tahap": {"pendekatan_awal": {"label": "Pendekatan Awal", "jenis": "engagement"},
                                             "tanpa_jenis": "Tahap Tanpa Jenis"}})
    assert vocabulary.stage_kind("pendekatan_awal") == "engagement"
    assert vocabulary.label("tahap", "pendekatan_awal") == "Pendekatan Awal"
    assert vocabulary.stage_kind("tanpa_jenis") is None
    with pytest.raises(ValueError, match="jenis"):
        build_vocabulary({"tahap": {"x": {"label": "X", "jenis": "bukan_tahap"}}})


def test_steering_list_is_short_and_every_entry_names_a_real_field():
    from macros.model_paths import _unwrap
    from macros.schema import Case

    models, todo = {}, [Case]
    while todo:
        model = todo.pop()
        if model.__name__ in models:
            continue
        models[model.__name__] = model
        for field in model.model_fields.values():
            todo += [t for t in _unwrap(field.annotation) if isinstance(t, type) and hasattr(t, "model_fields")]
    assert len(STEERING) <= 25
    for key, reason in STEERING.items():
        model, field = key.split(".")
        assert field in models[model].model_fields, key
        assert reason
