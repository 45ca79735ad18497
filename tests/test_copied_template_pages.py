"""`casebook new` copies every template page into the report folder. A copied page the student left unchanged is
the template: it is left out, as the template is, when the report lacks its data, so a report without appendices
has no empty "Lampiran"/"Daftar Lampiran" page on the site (user test s23, F15; the PDF already had none)."""

from __future__ import annotations

import re
import shutil

import pytest

from macros.loading import load_case
from macros.site import APPENDIX_PAGES, TEMPLATE_NEEDS, chapter_source, default_template
from tests.helpers import ROOT

LAB = "lab-mekarsantun-2024"


def _report_like_new(tmp_path):
    """The laboratory example as `casebook new` leaves a folder: every template page copied, no appendices."""
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    folder = tmp_path / "cases" / LAB
    shutil.copytree(ROOT / "cases" / LAB, folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    for key in ("lampiran", "log_supervisi", "pustaka"):
        text = re.sub(rf"\n{key}:\n(?:[ #].*\n|\n)*", "\n", text)
    (folder / "kasus.yml").write_text(text, encoding="utf-8")
    loaded = load_case(folder).loaded
    for chapter in (*APPENDIX_PAGES, *TEMPLATE_NEEDS):
        template = default_template(tmp_path, loaded.case.practicum, chapter)
        if template is not None:
            shutil.copy(template, folder / chapter)
    return folder, loaded


def test_unchanged_copies_of_data_pages_are_left_out_like_the_template(tmp_path):
    folder, loaded = _report_like_new(tmp_path)
    assert loaded.case.appendices is None and not loaded.case.references
    for chapter in (*APPENDIX_PAGES, "daftar-pustaka.md"):
        assert (folder / chapter).is_file()
        assert chapter_source(tmp_path, folder, chapter, loaded) is None, chapter


def test_a_page_the_student_changed_is_kept(tmp_path):
    folder, loaded = _report_like_new(tmp_path)
    page = folder / "lampiran.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nPeta sosial digambar tangan, disimpan di kelurahan.\n",
                    encoding="utf-8")
    assert chapter_source(tmp_path, folder, "lampiran.md", loaded) == page


@pytest.mark.slow
def test_the_site_of_such_a_report_has_no_lampiran_page(tmp_path, monkeypatch):
    import os

    from tests.test_pdf import build

    folder, _ = _report_like_new(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("overrides", "macros"):
        os.symlink(ROOT / name, tmp_path / name)
    for item in (ROOT / "docs").iterdir():
        if not (tmp_path / "docs" / item.name).exists():
            (shutil.copytree if item.is_dir() else shutil.copy)(item, tmp_path / "docs" / item.name)
    result = build(tmp_path, tmp_path / "site", tmp_path / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr[-3000:]
    report = tmp_path / "site" / "kasus" / LAB
    assert not (report / "lampiran").exists() and not (report / "daftar-lampiran").exists()
    home = (report / "index.html").read_text(encoding="utf-8")
    assert "Daftar Lampiran" not in home and ">Lampiran<" not in home
    assert (report / "bab-4-penanganan-kasus" / "index.html").is_file()
