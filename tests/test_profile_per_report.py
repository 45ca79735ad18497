"""A campus archive holds reports of several campuses and years: each report may pick its print profile
(`laporan.profil_cetak`, a name declared in mkdocs.yml); without it, the site's `pdf.profil` as before."""

from __future__ import annotations

import re
import shutil

import pikepdf
import pytest

from macros.loading import load_case
from macros.project import load_project
from tests.helpers import FIXTURE, run_cli
from tests.test_pdf import build, page_texts, pdf_of
from tests.test_site_build import _project_copy

PROFILE = '''        kampus_lama:            # another campus (or year): folio paper, no supervisor line, no approval date
          kertas: F4
          halaman_depan: {pembimbing_di_sampul: false, tanggal_pengesahan: false, nomor_pegawai: false}
'''
APPROVAL = '''pengesahan:
  tanggal_disetujui: 2024-10-18
  pembimbing: {nama: "Drs. Hendra Saputra, M.Pd.", nip: "196501011990031001"}
'''
ANCHOR = "  kota: Bandung\n"


def _project(tmp_path, chosen: str | None = "kampus_lama"):
    project = _project_copy(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "          logo: docs/aset/logo-kampus.svg\n"
    assert text.count(anchor) == 2  # the two profiles shipped (kampus, ringkas): the new one goes last
    head, _, tail = text.rpartition(anchor)
    config.write_text(head + anchor + PROFILE + tail, encoding="utf-8")
    fixture = (FIXTURE / "kasus.yml").read_text(encoding="utf-8")
    assert fixture.count(ANCHOR) == 1
    for slug, pick in (("ts-situs-2024", None), ("ts-lama-2024", chosen)):
        folder = project / "cases" / slug
        shutil.copytree(FIXTURE, folder)
        line = f"  profil_cetak: {pick}\n" if pick else ""
        (folder / "kasus.yml").write_text(fixture.replace(ANCHOR, ANCHOR + line) + APPROVAL, encoding="utf-8")
    return project


def test_a_report_picks_a_declared_profile_and_an_unknown_name_is_located(tmp_path, monkeypatch):
    project = _project(tmp_path)
    vocabulary = load_project(project).vocabulary
    picked = load_case(project / "cases" / "ts-lama-2024", vocabulary=vocabulary)
    assert not picked.errors and picked.loaded.case.report.print_profile == "kampus_lama"
    assert load_case(project / "cases" / "ts-situs-2024", vocabulary=vocabulary).loaded.case.report.print_profile is None

    bad = _project(tmp_path / "salah", chosen="unpad_2019")
    monkeypatch.chdir(bad)
    code, out = run_cli(["check"])
    assert code == 1
    line = next(n for n, text in enumerate((bad / "cases/ts-lama-2024/kasus.yml").read_text().splitlines(), 1)
                if "profil_cetak" in text)
    assert re.search(rf"cases/ts-lama-2024/kasus\.yml:{line}:\d+: laporan\.profil_cetak: `unpad_2019` bukan profil cetak", out), out
    assert "pilihan: kampus; ringkas; kampus_lama" in out, out
    assert not re.search(r"ts-situs-2024/kasus\.yml:\d+:\d+: (?!peringatan)", out)  # without the key: valid


@pytest.mark.slow
def test_two_reports_of_one_site_print_with_their_own_profiles(tmp_path, monkeypatch):
    project = _project(tmp_path)
    site = tmp_path / "site"
    result = build(project, site, tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    sizes = {}
    for slug in ("ts-situs-2024", "ts-lama-2024"):
        with pikepdf.open(pdf_of(site, slug)) as document:
            sizes[slug] = {tuple(round(float(v)) for v in page.mediabox[2:]) for page in document.pages}
    assert sizes["ts-situs-2024"] == {(595, 842)}                    # A4, the site's profile
    assert sizes["ts-lama-2024"] == {(609, 935)}                     # F4, the report's own profile
    site_pages, own_pages = page_texts(pdf_of(site, "ts-situs-2024")), page_texts(pdf_of(site, "ts-lama-2024"))
    flat = lambda text: re.sub(r"\s+", " ", text)  # noqa: E731
    cover, approval = flat(site_pages[0]), flat(next(p for p in site_pages if "LEMBAR PENGESAHAN" in p))
    assert "Pembimbing: Drs. Hendra Saputra" in cover
    assert "Telah disetujui pada tanggal 18 Oktober 2024" in approval and "NIP 196501011990031001" in approval
    cover, approval = flat(own_pages[0]), flat(next(p for p in own_pages if "LEMBAR PENGESAHAN" in p))
    assert "Pembimbing:" not in cover and "Drs. Hendra Saputra" in approval
    assert "Telah disetujui" not in approval and "NIP" not in approval

    # The Word export follows the report's profile too: folio pages, no supervisor line on the cover.
    from docx import Document

    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for slug, size in (("ts-lama-2024", (215, 330)), ("ts-situs-2024", (210, 297))):
        target = tmp_path / f"{slug}.docx"
        code, out = run_cli(["export", slug, "--docx", "--output", str(target)])
        assert code == 0, out
        document = Document(str(target))
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == size, slug
        text = "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ")  # names keep their titles (NBSP)
        assert ("Pembimbing: Drs. Hendra Saputra" in text) == (slug == "ts-situs-2024"), slug
