"""`casebook export --docx`: the report as a Word document a supervisor can comment on."""

from __future__ import annotations

import shutil

import pytest
from docx import Document

from tests.helpers import ROOT, run_cli
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ln_docx(tmp_path_factory):
    base = tmp_path_factory.mktemp("docx")
    project = _project_copy(base)
    shutil.copytree(ROOT / "cases" / "ln-hikari-2024", project / "cases" / "ln-hikari-2024")
    mp = pytest.MonkeyPatch()
    mp.chdir(project)
    mp.setenv("NO_MKDOCS_2_WARNING", "1")
    target = base / "ln.docx"
    code, out = run_cli(["export", "ln-hikari-2024", "--docx", "--output", str(target), "--profile", "public"])
    mp.undo()
    assert code == 0, out
    return Document(str(target))


def test_chapters_are_word_headings_so_the_navigation_pane_works(ln_docx):
    headings = [(p.style.name, p.text) for p in ln_docx.paragraphs if p.style.name.startswith("Heading")]
    chapters = [text for style, text in headings if style == "Heading 1" and text.startswith("BAB")]
    assert chapters == ["BAB I Pendahuluan", "BAB II Landasan Konseptual", "BAB III Konteks Praktikum Institusi",
                        "BAB IV Penanganan Kasus", "BAB V Praktik Baik", "BAB VI Simpulan dan Rekomendasi"]
    assert ("Heading 2", "4.2 Tahap Asesmen") in headings and ("Heading 3", "4.2.1 Identitas Klien") in headings


def test_seed_captions_are_word_captions_and_tables_are_word_tables(ln_docx):
    captions = [p.text for p in ln_docx.paragraphs if p.style.name == "Caption"]
    for caption in ("Tabel 4.1 Tahapan Wawancara", "Tabel 4.2 Quadrant Strength Klien LN", "Tabel 4.3 Tahap Evaluasi",
                    "Gambar 4.3 Ecomap Klien LN"):
        assert caption in captions
    interview = next(t for t in ln_docx.tables if t.rows[0].cells[0].text == "No" and t.rows[0].cells[1].text == "Kegiatan")
    assert len(interview.rows) == 6  # header + the seed's five interviews
    assert len(ln_docx.inline_shapes) >= 8  # photos, logo and the diagrams


def test_campus_styles_page_numbers_and_a_table_of_contents(ln_docx):
    section = ln_docx.sections[0]
    assert round(section.left_margin.cm, 1) == 4.0 and round(section.top_margin.cm, 1) == 3.0
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    normal = ln_docx.styles["Normal"]
    assert normal.font.name == "Liberation Serif" and normal.font.size.pt == 12
    assert 'w:instr="PAGE"' in section.footer._element.xml
    assert "TOC \\o" in ln_docx.element.xml  # Word's own table of contents field, filled on opening


def test_export_of_an_unknown_report_is_a_usage_error(tmp_path, monkeypatch):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "cases").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(["export", "tidak-ada", "--docx"])
    assert code == 2 and "laporan `tidak-ada` tidak ditemukan" in out


def test_a_classmates_half_written_report_does_not_stop_an_export(tmp_path, monkeypatch):
    """User test: with a fresh `casebook new` report (full of <<ISI>>) beside it, a valid report still exports."""
    project = _project_copy(tmp_path)
    shutil.copytree(ROOT / "cases" / "ln-hikari-2024", project / "cases" / "ln-hikari-2024")
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    code, out = run_cli(["new", "st-panti-2025"])
    assert code == 0, out
    target = tmp_path / "ln.docx"
    code, out = run_cli(["export", "ln-hikari-2024", "--docx", "--output", str(target)])
    assert code == 0 and target.is_file(), out
    assert "st-panti-2025" not in out
