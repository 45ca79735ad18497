"""`casebook serve`'s error box: the report being viewed first, a fresh template's placeholders one line
per report (user test: a new error was line 296, under 295 placeholder lines of a classmate's report)."""

from __future__ import annotations

from types import SimpleNamespace

from macros.errors import Problem
from macros.loading import PLACEHOLDER_MESSAGE
from macros.site import current_build
from macros.vocabulary import DEFAULT_VOCABULARY


def test_the_viewed_reports_errors_come_first_and_placeholders_are_summed_up(monkeypatch):
    from macros import site_hooks

    monkeypatch.setitem(current_build, "site", SimpleNamespace(vocabulary=DEFAULT_VOCABULARY))
    placeholders = [Problem("cases/st-panti-2025/kasus.yml", line, 3, "laporan.judul", PLACEHOLDER_MESSAGE)
                    for line in range(12, 312)]
    mine = Problem("cases/uji-salah-2025/kasus.yml", 9, 18, "laporan.judul", "titik dua di dalam teks")
    html = site_hooks._with_error_banner("<html><body><p>isi</p></body></html>", [*placeholders, mine], "uji-salah-2025")
    box = html[html.index("casebook-galat-data"):html.index("<p>isi</p>")]
    assert box.index("uji-salah-2025/kasus.yml:9:18") < box.index("st-panti-2025")
    assert "300 isian contoh" in box and "mulai dari baris 12" in box
    assert box.count("<li>") == 2 and "lagi (lihat terminal)" not in box


def test_the_boxs_field_links_follow_the_path_of_site_url(monkeypatch):
    """MkDocs serves a site whose site_url is https://kampus.example/arsip/ under /arsip/: the link to the field's
    row of Panduan › Rujukan kasus.yml goes there, not to /panduan/ (a 404 in the preview)."""
    from macros import site_hooks

    monkeypatch.setitem(current_build, "site", SimpleNamespace(vocabulary=DEFAULT_VOCABULARY))
    problem = Problem("cases/uji-salah-2025/kasus.yml", 9, 18, "laporan.tahun", "harus berupa bilangan bulat")
    for path, expected in (("", 'href="/panduan/skema/#laporan.tahun"'), ("/arsip", 'href="/arsip/panduan/skema/#laporan.tahun"')):
        monkeypatch.setitem(current_build, "url_path", path)
        assert expected in site_hooks._with_error_banner("<html><body></body></html>", [problem]), path
