"""End to end: `mkdocs build --strict` publishes each report with its identity table from YAML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ALL_EXAMPLES, COMMUNITY_EXAMPLE, EXAMPLES, FIXTURE, ROOT

pytestmark = pytest.mark.slow

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def mkdocs_build(project, site_dir):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                          cwd=project, env=ENV, capture_output=True, text=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def _cells(html: str) -> dict[str, str]:
    table = re.search(r'<table class="casebook-identitas">(.*?)</table>', html, re.S).group(1)
    return dict(re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', table))


def test_home_lists_both_reports(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    for slug in EXAMPLES:
        assert f'href="kasus/{slug}/"' in html
    assert 'lang="id"' in html


def test_identity_table_comes_from_yaml(site):
    ln = _cells((site / "kasus/ln-hikari-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8"))
    assert ln["Kode klien"] == "LN" and ln["Usia"] == "35 tahun" and ln["Jenis kelamin"] == "Perempuan"
    ajs = _cells((site / "kasus/ajs-kartini-2024/index.html").read_text(encoding="utf-8"))
    assert ajs["Kode klien"] == "AJS" and ajs["Usia"] == "15 tahun"
    assert "Disabilitas Intelektual" in ajs["Klaster"]


def test_each_report_page_has_a_sidebar_of_its_own_chapters_only(site):
    # Only this report's chapters: at a thousand reports, listing every report on every page
    # would make each page megabytes long. Other reports are reached through the Arsip.
    html = (site / "kasus/ln-hikari-2024/bab-1-pendahuluan/index.html").read_text(encoding="utf-8")
    sidebar = html[html.index('md-sidebar--primary'):html.index('md-sidebar--secondary')]
    assert "LN · PT Jababeka Infrastruktur (2024)" in sidebar and "BAB IV Penanganan Kasus" in sidebar
    assert "AJS · Sentra Terpadu" not in sidebar and "Arsip" in sidebar
    assert 'href="../bab-2-landasan-konseptual/"' in html  # the footer's next chapter
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "BAB IV Penanganan Kasus" not in home[home.index('md-sidebar--primary'):]


def test_templates_and_case_data_are_not_published(site):
    assert not (site / "templat").exists()
    assert not list(site.rglob("kasus.yml"))
    assert (site / "kasus/ln-hikari-2024/media/tahap-eic.svg").is_file()


def test_no_network_font_or_cdn(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def _project_copy(tmp_path):
    project = tmp_path / "proyek"
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_bad_data_fails_the_build_with_the_check_message(tmp_path):
    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    case = project / "cases" / "ts-contoh-2024" / "kasus.yml"
    case.write_text(case.read_text().replace("usia: 40", "usia: empat puluh"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "cases/ts-contoh-2024/kasus.yml:21:9: klien.usia: harus berupa bilangan bulat, bukan `empat puluh`" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_yaml_text_is_escaped_and_jinja_in_data_is_not_run(tmp_path):
    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    case = project / "cases" / "ts-contoh-2024" / "kasus.yml"
    case.write_text(case.read_text().replace("judul: Penguatan Kapasitas Klien TS",
                                             'judul: "<script>alert(1)</script> {{ 7 * 7 }}"'))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/kasus/ts-contoh-2024/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }}" in html
    assert "<script>alert(1)" not in html and " 49<" not in html


def test_chapter_template_draws_the_tables_the_report_has(site):
    ln = (site / "kasus/ln-hikari-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    assert 'class="casebook-tabel casebook-wawancara"' in ln and "casebook-kuadran" in ln and "casebook-evaluasi" in ln
    ajs = (site / "kasus/ajs-kartini-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    assert "casebook-wawancara" not in ajs          # AJS has no interview log: the template leaves it out
    assert "casebook-rencana" in ajs
    assert "casebook-hadir" in (site / "kasus/ln-hikari-2024/lampiran/index.html").read_text(encoding="utf-8")


def _build_fixture_with_bab4(tmp_path, page_text: str):
    """Build the small fixture report whose own BAB IV page is `page_text`."""
    project = _project_copy(tmp_path)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "bab-4-penanganan-kasus.md").write_text(page_text)
    return mkdocs_build(project, tmp_path / "site")


def test_macro_for_missing_data_fails_naming_report_page_and_field(tmp_path):
    result = _build_fixture_with_bab4(tmp_path, "# BAB IV\n\n{{ kuadran_kekuatan() }}\n")
    assert result.returncode == 1
    assert ("cases/ts-contoh-2024/bab-4-penanganan-kasus.md:3:4: makro `kuadran_kekuatan()` membutuhkan `asesmen.kekuatan` "
            "dari cases/ts-contoh-2024/kasus.yml, tetapi data itu belum diisi") in result.stderr
    assert "Traceback" not in result.stderr


def test_tables_are_numbered_per_chapter_and_listed(site):
    bab4 = (site / "kasus/ln-hikari-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    captions = re.findall(r'class="casebook-caption casebook-caption-tabel" id="([^"]+)">([^<]+)</p>', bab4)
    assert captions[:2] == [("tabel-wawancara", "Tabel 4.1 Tahapan Wawancara"), ("tabel-kuadran_kekuatan", "Tabel 4.2 Quadrant Strength Klien LN")]
    assert 'dirangkum pada <a class="casebook-ref" href="#tabel-wawancara">Tabel 4.1</a>' in bab4
    listing = (site / "kasus/ln-hikari-2024/daftar-tabel/index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li><a class="casebook-ref" href="[^"]+#([^"]+)">([^<]+)</a></li>', listing)
    assert [(anchor, text) for anchor, text in listed] == [(a, t) for a, t in captions]
    figures = [f for chapter in ("bab-3-konteks-institusi", "bab-4-penanganan-kasus", "bab-5-praktik-baik")
               for f in re.findall(r'class="casebook-caption casebook-caption-gambar" id="[^"]+">([^<]+)</p>',
                                   (site / f"kasus/ln-hikari-2024/{chapter}/index.html").read_text(encoding="utf-8"))]
    ln_figures = (site / "kasus/ln-hikari-2024/daftar-gambar/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<li><a class="casebook-ref" href="[^"]+">([^<]+)</a></li>', ln_figures) == figures


def test_unknown_reference_fails_the_build(tmp_path):
    result = _build_fixture_with_bab4(tmp_path, "# BAB IV\n\nLihat {{ ref('tidak_ada') }}.\n\n{{ tabel_wawancara() }}\n")
    assert result.returncode == 1
    assert ("cases/ts-contoh-2024/bab-4-penanganan-kasus.md:3:10: ref('tidak_ada'): tidak ada tabel, gambar atau lampiran "
            "dengan id `tidak_ada` di laporan ini (id yang ada di laporan ini: daftar_hadir, dokumentasi, wawancara)"
            in result.stderr)
    assert "Traceback" not in result.stderr


def _captions(html: str) -> list[str]:
    return re.findall(r'class="casebook-caption casebook-caption-[a-z]+" id="[^"]+">([^<]+)</p>', html)


def test_examples_reproduce_the_seed_numbering(site):
    ln = (site / "kasus/ln-hikari-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    tables = [c for c in _captions(ln) if c.startswith("Tabel")]
    assert tables == ["Tabel 4.1 Tahapan Wawancara", "Tabel 4.2 Quadrant Strength Klien LN", "Tabel 4.3 Tahap Evaluasi"]
    ajs = (site / "kasus/ajs-kartini-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    # The seed's ecomap is Gambar 4.3 in every profile: the Ketua photo before it, withheld publicly, keeps 4.1.
    assert "Gambar 4.3 Ecomap Klien LN" in _captions(ln)
    # The seed's BAB IV: one figure (the quadrant) and two tables; the genogram drawn from the example's data comes
    # after the seed's figure (tests/fixtures/seed_lists.yml: gambar_tambahan), so the seed's numbers stay.
    assert _captions(ajs) == ["Gambar 4.1 Kuadran Strength Klien", "Gambar 4.2 Genogram Klien AJS",
                              "Tabel 4.1 Rencana Intervensi", "Tabel 4.2 Hasil Evaluasi"]
    listing = (site / "kasus/ajs-kartini-2024/daftar-gambar/index.html").read_text(encoding="utf-8")
    assert "Gambar 4.1 Kuadran Strength Klien</a>" in listing


@pytest.mark.parametrize("slug", EXAMPLES)
def test_every_chapter_of_the_campus_structure_is_published(site, slug):
    for page in ("bab-1-pendahuluan", "bab-2-landasan-konseptual", "bab-3-konteks-institusi", "bab-4-penanganan-kasus",
                 "bab-5-praktik-baik", "bab-6-simpulan", "daftar-pustaka", "daftar-tabel", "daftar-gambar"):
        html = (site / f"kasus/{slug}/{page}/index.html").read_text(encoding="utf-8")
        assert "Macro Rendering Error" not in html
    bab4 = (site / f"kasus/{slug}/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    for heading in ("4.1 Tahap Engagement", "4.2 Tahap Asesmen", "4.3 Tahap Rencana Intervensi", "4.4 Tahap Intervensi",
                    "4.5 Tahap Evaluasi", "4.6 Tahap Terminasi dan Rujukan"):
        assert heading in bab4


def test_sessions_and_scales_are_rendered(site):
    ajs = (site / "kasus/ajs-kartini-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    assert ajs.count("<strong>Pertemuan ") >= 11 and ajs.count("<strong>Sesi ") == 2  # group and casework counted apart
    assert "Skor keseluruhan: <strong>3 (Cukup tercapai)</strong>" in ajs
    pustaka = (site / "kasus/ln-hikari-2024/daftar-pustaka/index.html").read_text(encoding="utf-8")
    assert pustaka.count("<p>") >= 8 and "<em>Contemporary group work</em>" in pustaka


def test_home_has_a_card_per_report_built_from_data(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    cards = dict(re.findall(r'<article class="casebook-kartu" data-slug="([^"]+)">(.*?)</article>', html))
    assert set(cards) == set(ALL_EXAMPLES)
    assert "<dt>Kelompok Sasaran</dt><dd>KBL</dd>" in cards[COMMUNITY_EXAMPLE] and "<dt>Komunitas</dt>" not in cards[COMMUNITY_EXAMPLE]
    assert "<dt>Klien</dt><dd>LN</dd>" in cards["ln-hikari-2024"] and "Industri (CSR)" in cards["ln-hikari-2024"]
    assert "Social Groupwork" in cards["ajs-kartini-2024"] and 'class="casebook-status">Draf' in cards["ajs-kartini-2024"]
    assert "casebook-status" not in cards["ln-hikari-2024"]


def test_only_publishable_photos_appear(site):
    ln = (site / "kasus/ln-hikari-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    assert 'src="../media/tahap-eic.svg"' in ln                      # consent given
    assert "engagement-ketua-hikari.svg" not in ln                  # no publication consent
    assert (site / "kasus/ln-hikari-2024/media/tahap-eic.svg").is_file()
    ajs = (site / "kasus/ajs-kartini-2024/lampiran/index.html").read_text(encoding="utf-8")
    assert "6 foto tidak ditampilkan di situs publik" in ajs


def test_appendices_are_numbered_and_listed(site):
    html = (site / "kasus/ln-hikari-2024/lampiran/index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="(lampiran-[^"]+)">(Lampiran \d+ [^<]+)', html)
    # Case conferences are in BAB IV only (placed by date), not repeated as an appendix.
    assert [h for _, h in headings] == ["Lampiran 1 Surat Keterangan Magang", "Lampiran 2 Daftar Hadir Praktikan", "Lampiran 3 Program Usulan Praktikan",
                                        "Lampiran 4 Dokumentasi Kegiatan"]
    listing = (site / "kasus/ln-hikari-2024/daftar-lampiran/index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li><a class="casebook-ref" href="[^"]+#([^"]+)">([^<]+)</a></li>', listing)
    assert listed == headings


def test_seed_tables_have_their_rows_in_the_html(site):
    def rows(html: str, css: str) -> int:
        table = re.search(rf'<table class="casebook-tabel {css}">(.*?)</table>', html, re.S).group(1)
        return len(re.findall(r"<tr>", table.split("<tbody>", 1)[1]))

    ln = (site / "kasus/ln-hikari-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    assert rows(ln, "casebook-wawancara") == 5 and rows(ln, "casebook-kuadran") == 2 and rows(ln, "casebook-evaluasi") == 3
    ajs = (site / "kasus/ajs-kartini-2024/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
    assert rows(ajs, "casebook-rencana") == 2
    assert '<p class="casebook-caption">' not in ajs  # every caption carries a number


def test_duplicate_caption_id_fails_without_traceback(tmp_path):
    result = _build_fixture_with_bab4(tmp_path, "# BAB IV\n\n{{ tabel_wawancara() }}\n\n{{ tabel_evaluasi(id='wawancara') }}\n")
    assert result.returncode != 0
    assert ("cases/ts-contoh-2024/bab-4-penanganan-kasus.md:5:4: id `wawancara` sudah dipakai oleh Tabel 4.1; beri id lain"
            in result.stderr)
    assert "Traceback" not in result.stderr
