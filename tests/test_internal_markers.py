"""Casebook's internal markers cannot be written by a student (red team s23 #4 and #9).

References, lists, captions and the PDF's page numbers are written as markers and filled in later; a page that
typed one (`<span class="casebook-ref" data-id="...">`, `@@halaman:x@@` in a heading) aborted the whole campus
build or put a page number into its own heading. Every marker now carries INTERNAL, a Unicode noncharacter no
student text can hold: kasus.yml, file names and a page's literal text refuse it, front matter loses it. Each
marker spelt the way a student can spell it (without INTERNAL) goes through the code that fills markers and
comes out as written."""

from __future__ import annotations

import shutil

import pytest

from macros.pdf import frontmatter
from macros.pdf.render import fill_page_numbers
from macros.privacy.sanitize import plain_text
from macros.render.chapter import renumber
from macros.render.numbering import INTERNAL, LIST_MARKER, PROSE_REF_MARKER, REF_MARKER, ReportNumbering, resolve_markers
from macros.loading import load_case
from tests.helpers import FIXTURE, ROOT, run_cli

BAB4 = "kasus/x/bab-4-penanganan-kasus/"


def _numbering() -> ReportNumbering:
    numbering = ReportNumbering("x")
    numbering.register("tabel", "wawancara", 4, "Tahapan Wawancara", BAB4)
    return numbering


def _typed(marker: str) -> str:
    """The marker as a student can type it: everything but INTERNAL."""
    return marker.replace(INTERNAL, "")


FORGED = {
    "reference to an unknown id (red team #9)": _typed(REF_MARKER.format(id="tidak_ada")),
    "reference to a known id": _typed(REF_MARKER.format(id="wawancara")),
    "list of tables": _typed(LIST_MARKER.format(kind="tabel")),
    "prose reference": _typed(PROSE_REF_MARKER.format(id="wawancara")),
    "caption with an unknown id": _typed(ReportNumbering("y").register("tabel", "palsu", 4, "Palsu", BAB4).html()),
    "page placeholder, old spelling (red team #4)": "@@halaman:tidak-ada@@",
    "page placeholder, as an attribute": '<a data-halaman="@@halaman:bab-1@@">x</a>',
}


def test_every_marker_holds_the_internal_character():
    for marker in (REF_MARKER, LIST_MARKER, PROSE_REF_MARKER, frontmatter.page_placeholder("a"),
                   _numbering().captions["wawancara"].html()):
        assert INTERNAL in marker, marker


@pytest.mark.parametrize("name", sorted(FORGED))
def test_a_marker_typed_by_a_student_comes_out_as_written(name):
    typed = f"<p>Lihat {FORGED[name]} di sini.</p>"
    assert resolve_markers(typed, _numbering(), BAB4) == typed
    assert renumber(typed, _numbering(), 4) == typed
    assert fill_page_numbers(typed, {"bab-1": 3}) == typed
    toc = frontmatter.table_of_contents([frontmatter.TocEntry(2, f"Latar {FORGED[name]} belakang", "bab-1--h0")])
    filled = fill_page_numbers(toc, {"bab-1--h0": 3})
    assert 'data-halaman="3"' in filled and filled.count('data-halaman="') == 1


def test_the_real_markers_are_still_filled():
    numbering = _numbering()
    assert "Tabel 4.1" in resolve_markers(REF_MARKER.format(id="wawancara"), numbering, BAB4)
    assert "casebook-daftar-isi" in resolve_markers(LIST_MARKER.format(kind="tabel"), numbering, BAB4)
    toc = frontmatter.table_of_contents([frontmatter.TocEntry(2, "Latar belakang", "bab-1--h0")])
    assert 'data-halaman="3"' in fill_page_numbers(toc, {"bab-1--h0": 3})


@pytest.mark.parametrize("spelling", ["\ufdd0", "\\ufdd0", "\\uFDD0", "\\U0000fdd0"])
def test_a_page_cannot_write_the_internal_character(tmp_path, monkeypatch, spelling):
    """Written as is, or as an escape in a string literal (Jinja decodes escapes): refused at its line."""
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE, tmp_path / "cases" / "penanda-contoh-2024")
    monkeypatch.chdir(tmp_path)
    text = "# BAB I\n\nTeks.\n\n" + (f'<span class="casebook-ref" data-id="{spelling}x"></span>\n' if spelling == INTERNAL
                                    else "{{ '<span class=\"casebook-ref\" data-id=\"" + spelling + "x\"></span>' }}\n")
    (tmp_path / "cases" / "penanda-contoh-2024" / "bab-1-pendahuluan.md").write_text(text, encoding="utf-8")
    code, output = run_cli(["check", "cases/penanda-contoh-2024"])
    assert code == 1
    assert ("cases/penanda-contoh-2024/bab-1-pendahuluan.md:5:" in output
            and "karakter khusus U+FDD0 yang hanya dipakai Casebook sendiri" in output), output[-2000:]
    assert INTERNAL not in output


def test_kasus_yml_cannot_hold_the_internal_character(tmp_path):
    folder = tmp_path / "penanda-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("  proses: Wawancara dan observasi.",
                                                             '  proses: "Wawancara\\uFDD0 dan observasi."', 1), encoding="utf-8")
    result = load_case(folder, root=tmp_path)
    assert result.loaded is None
    assert any("asesmen.proses" in p.format() and "U+FDD0" in p.format() for p in result.errors)


def test_front_matter_loses_the_internal_character():
    assert INTERNAL not in plain_text(f"Judul {INTERNAL}halaman:x{INTERNAL}")


@pytest.mark.slow
def test_a_report_with_typed_markers_is_built_with_them_as_text(tmp_path):
    """Red team s23 #4 and #9 as given, with PDFs: the report is published, its heading prints the placeholder's text
    literally (site and PDF), and the forged reference is an inert empty span."""
    import os
    import subprocess
    import sys

    from tests.test_archive_isolation import _published, _report
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    _report(project, "aman-contoh-2024")
    forged = _report(project, "penanda-contoh-2024")
    case = forged / "kasus.yml"  # 4b: the title is printed on the cover and in the front matter
    case.write_text(case.read_text(encoding="utf-8").replace("  judul: Penguatan Kapasitas Klien TS",
                                                             "  judul: Penguatan Kapasitas @@halaman:x@@ Klien TS", 1),
                    encoding="utf-8")
    (forged / "bab-1-pendahuluan.md").write_text(
        "# BAB I Pendahuluan\n\n## Latar @@halaman:tidak-ada@@ belakang\n\n## Tujuan @@halaman:bab-1@@ kegiatan\n\n"
        f"Lihat {FORGED['reference to an unknown id (red team #9)']} dan {FORGED['list of tables']} di sini.\n\n"
        f"{FORGED['caption with an unknown id']}\n", encoding="utf-8")
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(tmp_path / "muat"), CASEBOOK_PDF="1")
    check = subprocess.run([sys.executable, "-m", "macros.cli", "check", "cases/penanda-contoh-2024"], cwd=project,
                           env=environment, capture_output=True, text=True, timeout=900)
    assert "0 galat" in check.stdout, check.stdout[-3000:]
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert _published(project) == {"aman-contoh-2024", "penanda-contoh-2024"}
    page = (project / "site" / "kasus" / "penanda-contoh-2024" / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    assert "Latar @@halaman:tidak-ada@@ belakang" in page and "Tujuan @@halaman:bab-1@@ kegiatan" in page
    assert 'data-id="tidak_ada"></span>' in page and INTERNAL not in page
    pdf = project / "site" / "kasus" / "penanda-contoh-2024" / "penanda-contoh-2024.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "@@halaman:tidak-ada@@" in text and "@@halaman:bab-1@@" in text, text[:3000]
    assert "KAPASITAS @@HALAMAN:X@@ KLIEN" in text.upper()  # the cover prints the title in capitals


_PAGE_SOURCES = ["macros/render", "macros/page_macros.py", "macros/appendix_macros.py", "macros/community_macros.py"]


def test_every_class_the_page_macros_print_is_kept_and_no_other_casebook_class():
    """Red team s23 #13, #14: a page borrowing the site's approval banner class, or a class the site or the print
    stylesheet hides, faked the approval or made site and PDF differ. Casebook's classes a page may carry are the
    ones its page macros print, read off their source here (a new one fails this test until it is listed)."""
    import re

    from macros.privacy.sanitize import PAGE_CLASSES, reserved_class, sanitize

    printed = set()
    for place in _PAGE_SOURCES:
        files = sorted((ROOT / place).rglob("*.py")) if (ROOT / place).is_dir() else [ROOT / place]
        for path in files:
            printed |= set(re.findall(r"casebook-([a-z0-9_-]*[a-z0-9])(?![a-z0-9{_-])", path.read_text(encoding="utf-8")))
    printed -= {"min", "caption-"}  # built with a number or a kind: casebook-min-400, casebook-caption-tabel
    assert printed <= PAGE_CLASSES | {"min-400", "unduh"}, sorted(printed - PAGE_CLASSES)
    for name in PAGE_CLASSES:
        assert not reserved_class(f"casebook-{name}")
    for forged in ("casebook-status-laporan", "casebook-kartu--berikut", "casebook-ringkasan-kartu", "casebook-galat-data",
                   "casebook-unduh-pdf", "casebook-apa-saja"):
        assert reserved_class(forged)
        assert forged not in sanitize(f'<div class="{forged} biasa">x</div>')
    assert 'class="casebook-tabel casebook-min-400"' in sanitize('<table class="casebook-tabel casebook-min-400"></table>')
