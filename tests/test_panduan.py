"""The Panduan: reference pages generated from the code, linked from `casebook check`."""

from __future__ import annotations

import re

import pytest

from macros.page_macros import PageMacros
from tests.helpers import ROOT, run_cli, write_case_variant
from tests.test_pdf import build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("panduan")
    result = build(ROOT, base / "site", base / "cache", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_schema_reference_has_an_anchor_and_a_row_for_every_field(site):
    from macros.model_paths import keys_of
    from macros.schema import Case

    html = (site / "panduan" / "skema" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<span id="([^"]+)"></span>', html))
    assert {"laporan.judul", "asesmen.bpss", "asesmen.bpss.biologis", "klien.kode", "privasi.izinkan.alasan"} <= anchors
    assert len(anchors) > 250
    row = re.search(r'<span id="laporan.tahun"></span>.*?</tr>', html, re.S).group(0)
    assert "bilangan bulat (2000–2100)" in row and "wajib" in row and "Tahun laporan" in row and "2025" in row
    # Examples from the shipped template, never a student's folder (red team s23 #16): the template's hint.
    assert "judul laporan, misalnya Penguatan Kapasitas Klien LN" in html
    assert set(keys_of(Case)) <= anchors  # every top-level section has its row


def test_macro_reference_lists_every_page_macro_with_its_call(site):
    html = (site / "panduan" / "makro" / "index.html").read_text(encoding="utf-8")
    public = [n for n in dir(PageMacros) if not n.startswith("_") and n != "register"]
    for name in public:
        assert f"<code>{name}</code>" in html, name
    assert "{{ ecomap() }}" in html and "{{ tabel_wawancara() }}" in html and "{{ foto_bagian('4.1') }}" in html
    # In Indonesian, and with a link to a page where the macro's output can be seen.
    assert "Ecomap klien sebagai gambar bernomor" in html and "drawn from" not in html
    assert re.search(r'<code>ecomap</code>.*?href="\.\./\.\./kasus/ln-hikari-2024/bab-4-penanganan-kasus/"', html, re.S)


def test_panduan_pages_are_in_the_navigation(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    for title in ("Menulis YAML", "Makro halaman", "Rujukan kasus.yml", "Privasi", "PDF Laporan", "Menerbitkan situs"):
        assert title in home


def test_each_error_links_to_its_own_row_of_the_reference(site, tmp_path):
    folder = write_case_variant(tmp_path, "usia: 40", "usia: empat puluh")
    text = (folder / "kasus.yml").read_text(encoding="utf-8").replace("tahun: 2024", "tahun: dua")
    (folder / "kasus.yml").write_text(text, encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    lines = out.splitlines()
    errors = [i for i, line in enumerate(lines) if re.search(r"kasus\.yml:\d+:\d+: ", line)]
    assert code == 1 and len(errors) == 2
    links = [lines[i + 1] for i in errors]
    assert links == ["    lihat: http://127.0.0.1:8000/panduan/skema/#laporan.tahun",
                     "    lihat: http://127.0.0.1:8000/panduan/skema/#klien.usia"]
    html = (site / "panduan" / "skema" / "index.html").read_text(encoding="utf-8")
    for link in links:  # each link lands on a row that exists
        assert f'<span id="{link.split("#")[1]}"></span>' in html


def test_serve_shows_data_errors_in_the_browser_and_the_terminal(tmp_path):
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.helpers import FIXTURE
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    shutil.copytree(FIXTURE, project / "cases" / "xy-rusak-2024")
    broken = project / "cases" / "xy-rusak-2024" / "kasus.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("usia: 40", "usia: empat puluh"), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    env = dict(__import__("os").environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0")
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-livereload"],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        page = ""
        for _ in range(100):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)
        assert 'class="casebook-galat-data"' in page and "Data laporan belum valid" in page
        assert "xy-rusak-2024/kasus.yml:21:9: klien.usia: harus berupa bilangan bulat" in page
        assert '<a href="/panduan/skema/#klien.usia">lihat keterangan kolom ini</a>' in page
        assert "kasus/ts-contoh-2024/" in page  # the valid report is still there
        assert "klien.usia: harus berupa bilangan bulat" in log.read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_error_faq_shows_what_the_checker_really_prints(site):
    from html import unescape

    from macros.error_catalogue import CATALOGUE, run

    html = unescape((site / "panduan" / "galat" / "index.html").read_text(encoding="utf-8"))
    text = re.sub(r"<[^>]+>", "", html)
    assert len(CATALOGUE) >= 10
    for mistake in CATALOGUE:
        messages = run(mistake)
        assert messages, f"the catalogue entry '{mistake.title}' no longer produces an error"
        for message in messages:
            assert message in text, message


def test_an_unknown_key_links_to_its_section_and_a_comma_in_braces_is_explained(tmp_path):
    folder = write_case_variant(tmp_path, '- {nama: Dewi Lestari, nrp: "2104001"',
                                '- {nama: Dewi Lestari, S.Tr.Sos., nrp: "2104001"')
    code, out = run_cli(["check", str(folder)])
    assert code == 1
    assert "ada koma di dalam { }? tulis teksnya dalam tanda kutip" in out
    assert re.search(r"panduan/skema/#lampiran\.daftar_hadir\.baris$", out, re.M)  # the section's row, not the made-up key


def test_a_cover_year_outside_the_practicum_is_warned(tmp_path):
    folder = write_case_variant(tmp_path, "tahun: 2024", "tahun: 2021")
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 1 and "laporan.tahun: tahun laporan 2021 tidak sesuai periode praktikum" in out


def test_every_choice_is_listed_with_its_meaning(site):
    html = (site / "panduan" / "skema" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<span id="institusi.setting"></span>.*?</tr>', html, re.S).group(0)
    assert "<code>primer</code> (Primer (Sentra/Panti))" in row and "<code>komunitas</code>," in row
    from macros.vocabulary import DEFAULT_VOCABULARY

    techniques = re.search(r'<span id="rencana_intervensi.kegiatan.teknik"></span>.*?</tr>', html, re.S).group(0)
    assert all(f"<code>{code}</code>" in techniques for code in DEFAULT_VOCABULARY.codes("teknik"))
