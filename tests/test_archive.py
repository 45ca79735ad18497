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
from tests.helpers import ROOT
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
    assert sorted(slug for slug, _ in cards) == ["ajs-kartini-2024", "ln-hikari-2024"]
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
    assert home.count('class="casebook-kartu"') == 2 and 'href="arsip/"' in home


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
