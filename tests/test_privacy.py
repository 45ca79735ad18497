"""Privacy gate: private identity file, identity patterns, the output scan, photo metadata, photo profiles.

The private names used here are invented for the tests (never a seed's real identity).
"""

from __future__ import annotations

import datetime as dt

import gzip
import io
import re
import shutil

import pytest
from PIL import Image

from macros.privacy.gate import scan_published
from macros.privacy.matching import Needle, Prepared, contains, fold
from macros.privacy.media import clean_media
from tests.helpers import FIXTURE, ROOT, run_cli, write_case_variant
from tests.test_pdf import build, pdf_of
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

INVENTED_NAME = "Sri Wulandari Pratiwi"   # invented for LN's private file; initials SWP differ from the code LN
RAHASIA_LN = f"""klien:
  nama: {INVENTED_NAME}
  panggilan: Wulan Pratiwi
  nik: "3216061234567890"
  telepon: ["0812-3456-7890"]
  alamat: Jl. Kenanga Indah No. 12, Desa Contoh
  tanggal_lahir: 14 Februari 1989
orang_lain:
  - nama: Bambang Sutrisno Hadi
    peran: suami klien
"""


# --- matching ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Sri Wulandari Pratiwi", "SRI  WULANDARI pratiwi", "Srí Wulandari-Pratiwi",
                                  "<b>Sri</b> Wulandari\nPratiwi", "sriwulandaripratiwi"])
def test_a_name_is_found_whatever_its_case_accents_or_spacing(text):
    assert contains(Prepared.of(f"Klien bernama {text} hadir."), Needle(INVENTED_NAME, "nama"))


def test_numbers_are_compared_digit_by_digit_and_initials_as_a_word():
    phone = Needle("0812-3456-7890", "telepon", "angka")
    assert contains(Prepared.of("hubungi +62 812 3456 7890"), phone)
    assert contains(Prepared.of("HP 081234567890"), phone)
    assert not contains(Prepared.of("NRP 2104218, tahun 2024"), phone)
    initials = Needle("SWP", "inisial", "inisial")
    assert contains(Prepared.of("Klien (SWP) datang."), initials)
    assert not contains(Prepared.of("SWPA dan swp"), initials)
    assert fold("Ä  b-c") == " a b c "


# --- identity patterns in kasus.yml, with the allow-list ---------------------------------------------

PATTERN_CASES = [
    ("nik", "3216061234567890", "memuat 16 angka berurutan (NIK atau nomor KK)"),
    ("hp", "0812-3456-7890", "memuat nomor HP"),
    ("hp62", "+62 812 3456 7890", "memuat nomor HP"),
    ("email", "klien.rumah@gmail.com", "memuat alamat e-mail"),
    ("lahir", "lahir 14 Februari 1989", "memuat tanggal lahir"),
    ("rt", "RT 02/RW 05 Desa Contoh", "memuat alamat RT/RW"),
]


@pytest.mark.parametrize("name,text,message", PATTERN_CASES, ids=[c[0] for c in PATTERN_CASES])
def test_identity_patterns_in_prose_fail_the_check_at_their_line_and_field(tmp_path, name, text, message):
    folder = write_case_variant(tmp_path, "proses: Perkenalan dengan klien.", f'proses: "Perkenalan dengan klien, {text}."')
    code, out = run_cli(["check", str(folder)])
    assert code == 1
    assert re.search(rf"kasus.yml:27:\d+: tahapan\[1\]\.proses: {re.escape(message)}", out), out  # paths count from 1


def test_an_allowed_text_with_a_reason_passes_and_one_without_a_reason_fails(tmp_path):
    text = (FIXTURE / "kasus.yml").read_text(encoding="utf-8").replace(
        "proses: Perkenalan dengan klien.", 'proses: "Perkenalan di kantor sentra, telepon 0812-9999-0000."')
    allowed = text + ('privasi:\n  izinkan:\n    - teks: "0812-9999-0000"\n'
                      '      alasan: Nomor telepon resmi kantor sentra, tercantum di situs web lembaga\n')
    folder = write_case_variant(tmp_path, None, allowed, name="diizinkan")
    assert run_cli(["check", str(folder)])[0] == 0
    unreasoned = text + 'privasi:\n  izinkan:\n    - teks: "0812-9999-0000"\n      alasan: boleh\n'
    folder = write_case_variant(tmp_path, None, unreasoned, name="tanpa-alasan")
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "privasi.izinkan[1].alasan: alasan terlalu singkat" in out


# --- the private file: ln-hikari-2024 as the proof case ---------------------------------------------

def _ln_project(tmp_path, rahasia: str | None = RAHASIA_LN):
    project = _project_copy(tmp_path)
    shutil.copytree(ROOT / "cases" / "ln-hikari-2024", project / "cases" / "ln-hikari-2024")
    if rahasia is not None:
        (project / "cases" / "ln-hikari-2024" / "rahasia.yml").write_text(rahasia, encoding="utf-8")
    return project


def test_ln_with_its_private_file_builds_clean_site_and_pdf(tmp_path):
    project = _ln_project(tmp_path)
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert pdf_of(tmp_path / "site", "ln-hikari-2024").is_file()
    assert not list((tmp_path / "site").rglob("rahasia*"))
    for page in (tmp_path / "site").rglob("*.html"):
        assert INVENTED_NAME.lower() not in page.read_text(encoding="utf-8").lower()


def test_the_private_name_in_a_prose_field_fails_check_and_build_naming_the_field(tmp_path):
    project = _ln_project(tmp_path)
    case_file = project / "cases" / "ln-hikari-2024" / "kasus.yml"
    text = case_file.read_text(encoding="utf-8")
    anchor = "Muslim dari keluarga"
    assert text.count(anchor) == 1
    case_file.write_text(text.replace(anchor, f"{INVENTED_NAME.upper()} adalah muslim dari keluarga"), encoding="utf-8")
    lines = case_file.read_text(encoding="utf-8").splitlines()
    key_line = next(n for n, t in enumerate(lines, start=1) if t.strip().startswith("spiritual:") and n > 400)
    code, out = run_cli(["check", str(project / "cases")])
    assert code == 1
    assert re.search(rf"ln-hikari-2024/kasus.yml:{key_line}:\d+: asesmen\.bpss\.spiritual: memuat nama asli klien "
                     r"\(tercatat di rahasia\.yml\)", out), out
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 1
    assert "asesmen.bpss.spiritual: memuat nama asli klien" in result.stderr and "Traceback" not in result.stderr


def test_private_strings_in_chapter_pages_and_other_people_are_caught_too(tmp_path):
    project = _ln_project(tmp_path)
    page = project / "cases" / "ln-hikari-2024" / "bab-4-penanganan-kasus.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSuami klien, Bambang Sutrisno-Hadi, hadir; HP +62 812 3456 7890.\n",
                    encoding="utf-8")
    code, out = run_cli(["check", str(project / "cases")])
    assert code == 1
    assert "bab-4-penanganan-kasus.md:" in out
    assert "memuat nama asli suami klien (tercatat di rahasia.yml)" in out
    assert "memuat nomor telepon klien (tercatat di rahasia.yml)" in out


def test_a_code_equal_to_the_real_initials_is_warned(tmp_path):
    project = _ln_project(tmp_path, "klien:\n  nama: Lestari Nuraini Wibowo\n  inisial: LN\n")
    code, out = run_cli(["check", "--strict", str(project / "cases")])
    assert code == 1
    assert "klien.kode: kode samaran `LN` sama dengan inisial asli klien di rahasia.yml" in out


def test_a_broken_private_file_is_an_error_with_its_line(tmp_path):
    project = _ln_project(tmp_path, "klien:\n  nama: Sri Wulandari Pratiwi\n  umur: 35\n")
    code, out = run_cli(["check", str(project / "cases")])
    assert code == 1 and re.search(r"rahasia\.yml:3:3: klien\.umur: kunci `umur` tidak dikenal", out), out


def test_new_reports_ignore_their_private_file_in_git(tmp_path, monkeypatch):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(["new", "xy-contoh-2025"])
    assert code == 0 and "rahasia.yml" in out
    assert (tmp_path / "cases" / "xy-contoh-2025" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "rahasia.yml"
    assert "cases/*/rahasia.yml" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


# --- the last gate: scanning what a build produced ---------------------------------------------------

def test_published_output_is_scanned_including_the_gzipped_sitemap_and_pdf_source(tmp_path):
    site = tmp_path / "site"
    (site / "kasus" / "x").mkdir(parents=True)
    (site / "kasus" / "x" / "index.html").write_text("<p>Aman</p>", encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>https://contoh/sri-wulandari-pratiwi/</loc>"))
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"text": "SRI WULANDARI PRATIWI"}', encoding="utf-8")
    needles = [Needle(INVENTED_NAME, "nama asli klien")]
    leaks = scan_published(site, needles, {"x (PDF: teks dan metadata)": "<meta name=author content='Sri Wulandari Pratiwi'>"})
    assert sorted(leak.where for leak in leaks) == ["site/search/search_index.json", "site/sitemap.xml.gz",
                                                   "x (PDF: teks dan metadata)"]


# --- photos: metadata stripped, consent profiles -----------------------------------------------------

def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "KameraKlien"           # Make
    exif[0x8825] = {1: "S", 2: (6.0, 17.0, 30.0), 3: "E", 4: (107.0, 9.0, 0.0)}  # GPS: near Cikarang
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"rumah klien")
    return out.getvalue()


def test_jpeg_and_png_metadata_is_dropped():
    """(Per format, with orientation and every metadata block: tests/test_media.py.)"""
    jpeg = _jpeg_with_gps()
    assert Image.open(io.BytesIO(jpeg)).getexif()
    clean = clean_media("foto.jpg", jpeg).data
    assert not Image.open(io.BytesIO(clean)).getexif() and b"rumah klien" not in clean
    assert Image.open(io.BytesIO(clean)).size == (40, 30)
    png = io.BytesIO()
    from PIL.PngImagePlugin import PngInfo
    info = PngInfo()
    info.add_text("Author", "Sri Wulandari Pratiwi")
    Image.new("RGB", (10, 10)).save(png, "PNG", pnginfo=info)
    clean_png = clean_media("foto.png", png.getvalue()).data
    assert b"Sri Wulandari" not in clean_png and Image.open(io.BytesIO(clean_png)).size == (10, 10)


PHOTOS = """  dokumentasi:
    - {berkas: media/setuju.jpg, keterangan: Foto dewasa dengan izin, izin_publikasi: true, wajah_terlihat: true, anak: false}
    - {berkas: media/tanpa-izin.jpg, keterangan: Foto tanpa izin publikasi, izin_publikasi: false, wajah_terlihat: false, anak: false}
    - {berkas: media/wajah-anak.jpg, keterangan: Foto wajah anak, izin_publikasi: true, wajah_terlihat: true, anak: true}
"""


@pytest.fixture(scope="module")
def photo_project(tmp_path_factory):
    base = tmp_path_factory.mktemp("foto")
    project = _project_copy(base)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    for name in ("setuju", "tanpa-izin", "wajah-anak"):
        (folder / "media" / f"{name}.jpg").write_bytes(_jpeg_with_gps())
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    start = text.index("  dokumentasi:\n")
    end = text.index("anak: false", start) + len("anak: false\n")
    (folder / "kasus.yml").write_text(text[:start] + PHOTOS + text[end:], encoding="utf-8")
    return project, base


@pytest.mark.parametrize("profile,shown", [("public", ["Foto dewasa dengan izin"]),
                                          ("internal", ["Foto dewasa dengan izin", "Foto tanpa izin publikasi", "Foto wajah anak"])])
def test_photo_profiles_public_drops_unconsented_and_child_faces_internal_keeps_all(photo_project, profile, shown):
    project, base = photo_project
    site = base / f"site-{profile}"
    result = build(project, site, base / f"cache-{profile}", CASEBOOK_PROFILE=profile)
    assert result.returncode == 0, result.stderr
    html = (site / "kasus" / "ts-contoh-2024" / "lampiran" / "index.html").read_text(encoding="utf-8")
    captions = re.findall(r"<figcaption>([^<(]+?)\s*(?:\(|</figcaption>)", html)
    assert captions == shown
    published = site / "kasus" / "ts-contoh-2024" / "media" / "setuju.jpg"
    assert not Image.open(published).getexif()   # the copy on the site has no GPS, no camera
    if profile == "public":
        assert "2 foto tidak ditampilkan di situs publik" in html


# --- paths and names ---------------------------------------------------------------------------------

def test_report_folders_need_a_safe_name(tmp_path):
    folder = write_case_variant(tmp_path, None, (FIXTURE / "kasus.yml").read_text(encoding="utf-8"), name="Laporan Saya")
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "nama folder laporan `Laporan Saya` tidak valid" in out


def test_a_media_symlink_out_of_the_report_is_never_published(tmp_path):
    project = _project_copy(tmp_path)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    outside = tmp_path / "di-luar.txt"
    outside.write_text("rahasia di luar proyek", encoding="utf-8")
    (folder / "media" / "tautan.txt").symlink_to(outside)
    # Named nowhere: never copied, and `check` says so.
    code, out = run_cli(["check", str(folder)])
    assert "media/tautan.txt:1:1: peringatan: berkas ini tidak dirujuk laporan, jadi tidak diterbitkan" in out
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "kasus" / "ts-contoh-2024" / "media" / "tautan.txt").exists()
    # Named by a chapter page: the build refuses it, with a message and no traceback.
    (folder / "bab-1-pendahuluan.md").write_text("# BAB I Pendahuluan\n\n![x](media/tautan.txt)\n", encoding="utf-8")
    result = build(project, tmp_path / "site2", tmp_path / "cache")
    assert result.returncode == 1
    assert "bab-1-pendahuluan.md:3:6: berkas `media/tautan.txt` adalah tautan simbolik" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site2" / "kasus" / "ts-contoh-2024" / "media" / "tautan.txt").exists()


def test_a_photo_path_escaping_the_report_is_refused(tmp_path):
    folder = write_case_variant(tmp_path, "berkas: media/foto.svg", "berkas: ../../../etc/passwd")
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "berkas `../../../etc/passwd` berada di luar folder laporan" in out


@pytest.mark.parametrize("text, found", [
    ("lahir 14 Maret 1975", True), ("Lahir: 14-03-1975.", True), ("tgl 14/3/1975", True), ("1975.03.14", True),
    ("14 \u2013 03 \u2013 1975", True), ("tabel: 14, 3, 1975", False), ("[14,3,1975]", False), ("14 3 1975", False),
    ("114-03-1975", False), ("14-03-19750", False), ("page 14 of 3, 1975 items", False)])
def test_a_birth_date_is_found_as_dates_are_written_and_not_in_runs_of_numbers(text, found):
    """The archive's shared pages hold thousands of numbers: figures joined by spaces or commas made birth dates out
    of page numbers and counts at 1,000 reports. A date is its month's name or figures joined by - / or ."""
    from macros.privacy.matching import NeedleSet, Prepared, contains
    from macros.privacy.secrets import _date_needles

    needles = _date_needles(dt.date(1975, 3, 14), "tanggal lahir klien")
    prepared = Prepared.of(text)
    assert any(contains(prepared, needle) for needle in needles) is found
    assert bool(NeedleSet(needles).found(prepared)) is found
