"""The campus archive: catalogue with facets, profile in the footer, build progress.

Browser tests of the facets run against a built site of the two example reports here;
the 50-report archive tests live with the synthetic generator.
"""

from __future__ import annotations

import re
import shutil

import pytest

from macros.archive.facets import FACETS, Outcome, facet_counts, outcome_band, report_facts
from macros.loading import load_case
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import ALL_EXAMPLES, ROOT
from tests.test_pdf import build


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    base = tmp_path_factory.mktemp("arsip")
    public = build(ROOT, base / "public", base / "cache", CASEBOOK_PDF="0", CASEBOOK_PROGRESS="1")
    internal = build(ROOT, base / "internal", base / "cache", CASEBOOK_PDF="0", CASEBOOK_PROFILE="internal")
    assert public.returncode == 0 and internal.returncode == 0, public.stderr + internal.stderr
    return {"public": base / "public", "internal": base / "internal", "stderr": public.stderr}


def _facts(slug: str):
    return report_facts(load_case(ROOT / "cases" / slug).loaded, DEFAULT_VOCABULARY)


def test_facets_come_from_the_report_data_alone():
    ajs = _facts("ajs-kartini-2024")
    assert ajs.codes("setting") == ["primer"] and set(ajs.codes("klaster")) == {"anak", "disabilitas_intelektual"}
    assert ajs.codes("metode") == ["groupwork", "casework"] and ajs.codes("kelompok") == ["educational"]
    assert "positive_reinforcement" in ajs.codes("teknik") and "ils" in ajs.codes("alat")
    assert ajs.codes("capaian") == ["tercapai"] and ajs.scores.tas == 3 and ajs.codes("capaian_gas") == ["tanpa_skor"]
    assert ajs.codes("status") == ["draf"] and ajs.approved_on is None
    ln = _facts("ln-hikari-2024")
    assert ln.codes("semester") == ["ganjil-2024-2025"]  # derived from the practicum start (September)
    assert ln.codes("capaian") == ["tanpa_skor"]
    assert ln.codes("status") == ["disetujui"] and str(ln.approved_on) == "2024-10-18"
    assert ln.codes("kelengkapan") == ["lengkap"] and ln.label("pembimbing") == "Drs. Hendra Saputra, M.Pd."
    counts = {c.code: c.count for c in facet_counts([ajs, ln], "tahun")}
    assert counts == {"2024": 2}
    assert [outcome_band(Outcome(tas=s))[0] for s in (4, 3, 2, 1, 0)] == ["tercapai", "tercapai", "sebagian", "belum", "belum"]


@pytest.mark.slow
def test_catalogue_lists_every_report_with_its_facet_codes_and_filter_counts(sites):
    html = (sites["public"] / "arsip" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<article class="casebook-kartu" data-slug="([^"]+)"([^>]*)>', html)
    assert sorted(slug for slug, _ in cards) == ["ajs-kartini-2024", "kbl-cikadu-2024", "lab-mekarsantun-2024", "ln-hikari-2024"]
    attributes = dict(cards)["ajs-kartini-2024"]
    for facet in FACETS:
        assert f"data-f-{facet.key}=" in attributes
    assert 'data-f-klaster="anak disabilitas_intelektual"' in attributes
    assert re.search(r'name="setting" value="primer">.*?casebook-jumlah" data-awal="1"', html, re.S)
    assert 'href="../kasus/ajs-kartini-2024/"' in html  # links work from arsip/
    assert 'class="casebook-saring"' in html and " hidden>" in html  # revealed by the script only


def test_the_footer_names_the_profile_that_built_the_site(sites):
    public = (sites["public"] / "index.html").read_text(encoding="utf-8")
    internal = (sites["internal"] / "kasus" / "ln-hikari-2024" / "index.html").read_text(encoding="utf-8")
    assert 'data-profil="public">Profil publik' in public
    assert 'data-profil="internal">Profil internal' in internal


def test_build_shows_progress_for_pages(sites):
    pages = len(list(sites["public"].rglob("index.html")))
    assert re.search(rf"Halaman\s.*\b{pages}/{pages}\b", sites["stderr"]), sites["stderr"]


def test_home_page_shows_the_newest_reports_and_links_to_the_archive(sites):
    home = (sites["public"] / "index.html").read_text(encoding="utf-8")
    assert home.count('class="casebook-kartu"') == len(list((ROOT / "cases").glob("*/kasus.yml"))) and 'href="arsip/"' in home


def test_public_profile_publishes_neither_unconsented_photos_nor_their_files(sites):
    # Not shown is not enough: a file left in media/ could still be fetched by its address.
    public = sites["public"] / "kasus" / "ln-hikari-2024" / "media"
    internal = sites["internal"] / "kasus" / "ln-hikari-2024" / "media"
    assert (internal / "engagement-ketua-hikari.svg").is_file() and (internal / "posyandu.svg").is_file()
    assert not (public / "engagement-ketua-hikari.svg").exists() and not (public / "posyandu.svg").exists()
    assert (public / "tahap-eic.svg").is_file()  # consented: published


@pytest.mark.slow
def test_an_appendix_marked_internal_is_left_out_of_the_public_site(tmp_path):
    from tests.helpers import FIXTURE
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    case = project / "cases" / "ts-contoh-2024" / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    assert "  daftar_hadir:\n" in text
    case.write_text(text.replace("  daftar_hadir:\n", "  daftar_hadir:\n    internal: true\n"), encoding="utf-8")
    public = build(project, tmp_path / "public", tmp_path / "cache", CASEBOOK_PDF="0")
    internal = build(project, tmp_path / "internal", tmp_path / "cache", CASEBOOK_PDF="0", CASEBOOK_PROFILE="internal")
    assert public.returncode == 0 and internal.returncode == 0, public.stderr + internal.stderr
    page = "kasus/ts-contoh-2024/lampiran/index.html"
    assert "casebook-hadir" in (tmp_path / "internal" / page).read_text(encoding="utf-8")
    assert "casebook-hadir" not in (tmp_path / "public" / page).read_text(encoding="utf-8")


# --- the catalogue export (casebook export --katalog, and the internal Arsip's download) ---------

def _read_xlsx(path):
    from tests.helpers import xlsx_rows_as_text
    return xlsx_rows_as_text(path)


def _read_csv(path):
    import csv
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [tuple(row) for row in csv.reader(handle)]


@pytest.mark.slow
def test_the_internal_archive_offers_the_catalogue_and_the_public_one_does_not(sites):
    from macros.archive.export import HEADER
    internal = (sites["internal"] / "arsip" / "index.html").read_text(encoding="utf-8")
    public = (sites["public"] / "arsip" / "index.html").read_text(encoding="utf-8")
    assert 'href="katalog-arsip.xlsx" download' in internal and 'href="katalog-arsip.csv" download' in internal
    assert "katalog-arsip" not in public and not (sites["public"] / "arsip" / "katalog-arsip.csv").exists()
    rows = _read_xlsx(sites["internal"] / "arsip" / "katalog-arsip.xlsx")
    assert rows == _read_csv(sites["internal"] / "arsip" / "katalog-arsip.csv")
    assert rows[0] == HEADER and sorted(r[0] for r in rows[1:]) == sorted(ALL_EXAMPLES)


def test_catalogue_columns_hold_the_report_not_the_client(tmp_path):
    from macros.archive.export import HEADER, catalogue_rows, write_catalogue
    loaded = {slug: load_case(ROOT / "cases" / slug).loaded for slug in ("ln-hikari-2024", "ajs-kartini-2024")}
    facts = [report_facts(c, DEFAULT_VOCABULARY) for c in loaded.values()]
    rows = catalogue_rows(facts, loaded)
    for path in write_catalogue(tmp_path, rows):
        read = _read_xlsx(path) if path.suffix == ".xlsx" else _read_csv(path)
        assert read[0] == HEADER and len(read) == 3
        by_slug = {r[0]: dict(zip(HEADER, r)) for r in read[1:]}
        ln, ajs = by_slug["ln-hikari-2024"], by_slug["ajs-kartini-2024"]
        assert ln["status"] == "Disetujui" and ln["tanggal_disetujui"] == "2024-10-18"
        assert ln["dosen_pembimbing"] == "Drs. Hendra Saputra, M.Pd." and ln["semester"] == "Ganjil 2024/2025"
        assert ajs["status"] == "Draf" and ajs["skor_tas"] == "3" and ajs["capaian_tas"] == "Tercapai"
        assert ajs["setting"] and ajs["metode"] and ajs["teknik"] and ajs["alat_asesmen"] and ajs["institusi"]
        # Nothing that identifies the client: no pseudonym code column, no age, no client name.
        client = loaded["ajs-kartini-2024"].case.client
        assert not any(h.startswith("klien") and h != "klaster_klien" for h in HEADER)
        assert all(client.code not in cell.split() for cell in read[2] + read[1] if isinstance(cell, str))


def test_a_student_title_never_becomes_a_spreadsheet_formula(tmp_path):
    import dataclasses
    from openpyxl import load_workbook
    from macros.archive.export import catalogue_rows, write_catalogue
    loaded = {"ln-hikari-2024": load_case(ROOT / "cases" / "ln-hikari-2024").loaded}
    facts = [dataclasses.replace(report_facts(loaded["ln-hikari-2024"], DEFAULT_VOCABULARY),
                                 title='=HYPERLINK("http://contoh.invalid","klik")')]
    csv_path, xlsx_path = write_catalogue(tmp_path, catalogue_rows(facts, loaded))
    cell = load_workbook(xlsx_path).active["B2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert _read_csv(csv_path)[1][1] == "'=HYPERLINK(\"http://contoh.invalid\",\"klik\")"
    from macros.archive.export import _safe
    assert [_safe(c) for c in ("-1; +2; 0", "+1", "-cmd|' /C calc'!A0", "@SUM(A1)")] == [
        "-1; +2; 0", "+1", "'-cmd|' /C calc'!A0", "'@SUM(A1)"]


def test_the_catalogue_is_refused_when_a_private_string_is_in_it():
    from macros.archive.export import catalogue_leaks, catalogue_rows
    from macros.privacy.matching import Needle
    loaded = {"ln-hikari-2024": load_case(ROOT / "cases" / "ln-hikari-2024").loaded}
    rows = catalogue_rows([report_facts(loaded["ln-hikari-2024"], DEFAULT_VOCABULARY)], loaded)
    leaks = catalogue_leaks(rows, [Needle("Hendra Saputra", "nama asli")])
    assert [(leak.slug, leak.column) for leak in leaks] == [("ln-hikari-2024", "dosen_pembimbing")]
    assert "kolom dosen_pembimbing: memuat nama asli" in leaks[0].format()


def test_export_says_which_format_to_choose(tmp_path, monkeypatch):
    from tests.helpers import run_cli
    monkeypatch.chdir(ROOT)
    code, out = run_cli(["export"])
    assert code == 2 and "pilih --docx <slug>" in out and "--katalog" in out
    code, out = run_cli(["export", "--katalog", "--output", str(tmp_path)])
    assert code == 0, out
    reports = len([p for p in (ROOT / "cases").iterdir() if (p / "kasus.yml").is_file()])
    assert f"Katalog arsip ({reports} laporan) ditulis" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["katalog-arsip.csv", "katalog-arsip.xlsx"]


def test_a_catalogue_row_is_checked_against_its_own_reports_private_strings():
    """Red team s23 #17: one student's institution is another's client's school; the catalogue refused the whole
    internal archive. As on the site, a report's row is that report's own data: only its own rahasia.yml counts."""
    from macros.archive.export import catalogue_leaks, catalogue_rows
    from macros.privacy.matching import Needle
    loaded = {"ln-hikari-2024": load_case(ROOT / "cases" / "ln-hikari-2024").loaded}
    rows = catalogue_rows([report_facts(loaded["ln-hikari-2024"], DEFAULT_VOCABULARY)], loaded)
    other = {"lain-contoh-2024": [Needle("Hendra Saputra", "nama asli")]}
    assert catalogue_leaks(rows, other) == []
    own = {"ln-hikari-2024": [Needle("Hendra Saputra", "nama asli")]}
    assert [(leak.slug, leak.column) for leak in catalogue_leaks(rows, own)] == [("ln-hikari-2024", "dosen_pembimbing")]


@pytest.mark.slow
def test_one_reports_institution_named_in_anothers_private_file_does_not_block_the_internal_archive(tmp_path):
    """Red team s23 #17 as given, built: the internal archive is written with both reports and both catalogue rows."""
    import csv
    import os
    import subprocess
    import sys

    from tests.test_archive_isolation import _published, _report
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    victim = _report(project, "korban-contoh-2024")
    (victim / "rahasia.yml").write_text("klien:\n  nama: Zulkarnain Markerwati\nlainnya: [SD Negeri 1 Cikadu]\n",
                                        encoding="utf-8")
    school = _report(project, "sekolah-contoh-2024")
    case = school / "kasus.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("  nama: Sentra Contoh", "  nama: SD Negeri 1 Cikadu", 1),
                    encoding="utf-8")
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(tmp_path / "muat"), CASEBOOK_PDF="0")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--profile", "internal"], cwd=project,
                            env=environment, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert {"korban-contoh-2024", "sekolah-contoh-2024"} <= _published(project)
    rows = list(csv.reader((project / "site" / "arsip" / "katalog-arsip.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {"korban-contoh-2024", "sekolah-contoh-2024"} <= {row[0] for row in rows[1:]}
