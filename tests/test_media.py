"""Media are decoded, turned upright and re-encoded without metadata; only declared media are published;
a report's pages, PDF and Word file show only its own photos.

The photos are made here with Pillow: a phone photo stored sideways (EXIF Orientation 6) that is
red on top and blue below once upright, with GPS position, camera make, a comment, XMP, IPTC, an ICC
profile and PNG text chunks. Fast tests work on `clean_media` and `check`; the slow ones build a
site with PDFs and a Word export and read the published files back.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from macros.privacy.media import MEDIA_FORMATS, MediaRefused, clean_media
from macros.publication import declared_media, normalise_media_path
from tests.helpers import FIXTURE, run_cli, write_case_variant

SECRETS = [b"KameraKlien", b"rumah klien", b"Jl. Mawar", b"IPTCKOTA", b"XMPLOKASI", b"ProfilWarnaPonsel"]
GPS = {1: "S", 2: (6.0, 17.0, 30.0), 3: "E", 4: (107.0, 9.0, 0.0)}  # near Cikarang
RED, BLUE, GREEN = (255, 0, 0), (0, 0, 255), (0, 255, 0)


def upright_picture(top=RED, bottom=BLUE, size=(60, 120)) -> Image.Image:
    """Portrait: `top` colour above, `bottom` colour below."""
    image = Image.new("RGB", size, bottom)
    image.paste(top, (0, 0, size[0], size[1] // 2))
    return image


def _xmp() -> bytes:
    return (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:description="XMPLOKASI Jl. Mawar"/>'
            b"</rdf:RDF></x:xmpmeta>")


def _icc() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data = bytearray(profile.tobytes())
    return bytes(data) + b"ProfilWarnaPonsel"  # trailing bytes: a "comment" riding in the profile


def phone_photo(fmt: str, top=RED, bottom=BLUE) -> bytes:
    """The photo as a phone stores it: pixels sideways, EXIF Orientation 6 (turn 90° clockwise to view)."""
    stored = upright_picture(top, bottom).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x010F] = "KameraKlien"  # Make
    exif[0x0112] = 6              # Orientation
    exif[0x8825] = GPS            # GPS IFD
    exif[0x010E] = "rumah klien Jl. Mawar"  # ImageDescription
    out = io.BytesIO()
    if fmt == "JPEG":
        stored.save(out, "JPEG", exif=exif, comment=b"rumah klien", xmp=_xmp(), icc_profile=_icc(), quality=95)
        data = out.getvalue()
        # IPTC (APP13, Photoshop 3.0) right after SOI: Pillow does not write it, a phone app may.
        iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x5a\x00\x08IPTCKOTA"
        return data[:2] + b"\xff\xed" + (len(iptc) + 2).to_bytes(2, "big") + iptc + data[2:]
    if fmt == "PNG":
        info = PngInfo()
        info.add_text("Comment", "rumah klien")
        info.add_itxt("XML:com.adobe.xmp", _xmp().decode())
        info.add_text("Source", "KameraKlien IPTCKOTA")
        stored.save(out, "PNG", pnginfo=info, exif=exif, icc_profile=_icc())
        return out.getvalue()
    stored.save(out, "WEBP", exif=exif, xmp=_xmp(), icc_profile=_icc(), quality=95)
    return out.getvalue()


def assert_clean_and_upright(data: bytes, fmt: str | None = None) -> None:
    image = Image.open(io.BytesIO(data))
    if fmt:
        assert image.format == fmt
    assert not image.getexif(), dict(image.getexif())
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "Comment", "Source"} & set(image.info)
    for secret in SECRETS:
        assert secret not in data, secret
    assert_upright(image.convert("RGB"))


def assert_upright(image: Image.Image, top=RED, bottom=BLUE) -> None:
    width, height = image.size
    assert height > width, image.size  # portrait, as the photographer held the phone

    def near(pixel, colour):
        return all(abs(a - b) < 60 for a, b in zip(pixel, colour))

    assert near(image.getpixel((width // 2, height // 4)), top)
    assert near(image.getpixel((width // 2, 3 * height // 4)), bottom)


# --- fast: the cleaner itself ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, name", [("JPEG", "hp.jpg"), ("JPEG", "hp.JPEG"), ("PNG", "hp.png"), ("WEBP", "hp.webp")])
def test_each_format_comes_out_upright_without_gps_comments_or_any_metadata(fmt, name):
    original = phone_photo(fmt)
    before = Image.open(io.BytesIO(original))
    assert before.getexif().get(0x0112) == 6 and before.getexif().get_ifd(0x8825)  # the test photo does carry them
    assert any(secret in original for secret in SECRETS)
    cleaned = clean_media(name, original)
    assert_clean_and_upright(cleaned.data, fmt)
    assert "foto diputar tegak sesuai orientasi kamera" in cleaned.notes
    assert clean_media(name, original).data == cleaned.data  # deterministic: same photo, same bytes


def test_a_photo_without_orientation_keeps_its_pixels():
    out = io.BytesIO()
    upright_picture().save(out, "PNG")
    cleaned = clean_media("a.png", out.getvalue())
    assert cleaned.notes == () and Image.open(io.BytesIO(cleaned.data)).tobytes() == upright_picture().tobytes()


def test_an_svg_with_script_is_cleaned_not_served_as_is():
    hostile = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="alert(1)">'
               b'<script>alert(2)</script><rect width="40" height="40" fill="#0a0"/></svg>')
    cleaned = clean_media("foto.svg", hostile)
    assert b"alert" not in cleaned.data and b"onload" not in cleaned.data and b"<rect" in cleaned.data
    assert cleaned.notes  # `check` says that something was removed


@pytest.mark.parametrize("name, data, words", [
    ("surat.pdf", b"%PDF-1.7\n", ["`.pdf` tidak dapat diterbitkan", ".jpg atau .png"]),
    ("animasi.gif", b"GIF89a", ["`.gif` tidak dapat diterbitkan", ".png"]),
    ("transkrip.docx", b"PK\x03\x04", ["`.docx` tidak dapat diterbitkan", "berkas Word"]),
    ("foto.heic", b"\x00\x00\x00\x18ftypheic", ["`.heic`", ".jpg"]),
    ("catatan", b"teks", ["tanpa akhiran"]),
    ("foto.jpg", b"<html><script>alert(1)</script></html>", ["rusak atau tidak dapat dibaca"]),
    ("foto.jpg", None, ["isi berkas bukan JPEG", "PNG"]),
    ("bom.png", "bomb", ["gambar terlalu besar"]),
])
def test_other_files_are_refused_with_a_message(name, data, words):
    if data is None:
        out = io.BytesIO()
        Image.new("RGB", (4, 4)).save(out, "PNG")
        data = out.getvalue()
    elif data == "bomb":
        out = io.BytesIO()
        Image.new("1", (9000, 9000)).save(out, "PNG")  # 81 megapixels in a few kilobytes
        data = out.getvalue()
    with pytest.raises(MediaRefused) as refused:
        clean_media(name, data)
    for word in words:
        assert word in str(refused.value)


def test_the_declared_formats():
    assert {".jpg", ".jpeg", ".png", ".webp", ".svg"} == set(MEDIA_FORMATS)


@pytest.mark.parametrize("spelling", ["media/posyandu.svg", "media/./posyandu.svg", "media//posyandu.svg",
                                      "./media/posyandu.svg", "media/x/../posyandu.svg", "media/posyandu.svg#a",
                                      "media/%70osyandu.svg"])
def test_every_spelling_of_a_path_is_one_path(spelling):
    assert normalise_media_path(spelling) == "media/posyandu.svg"


@pytest.mark.parametrize("spelling", ["../x/media/a.jpg", "/etc/passwd", "media/../../a.jpg", "C:/a.jpg", ".."])
def test_paths_leaving_the_folder_are_no_path(spelling):
    assert normalise_media_path(spelling) is None


def test_check_refuses_undeclared_kinds_and_warns_about_unlisted_files(tmp_path):
    folder = write_case_variant(tmp_path, "berkas: media/foto.svg", "berkas: media/surat.pdf")
    (folder / "media" / "surat.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "media" / "ktp.jpg").write_bytes(phone_photo("JPEG"))
    code, out = run_cli(["check", str(folder)])
    assert code == 1
    assert re.search(r"kasus\.yml:\d+:\d+: lampiran\.dokumentasi\[\d+\]\.berkas: berkas `media/surat\.pdf`: jenis berkas "
                     r"`\.pdf` tidak dapat diterbitkan", out), out
    assert "media/ktp.jpg:1:1: peringatan: berkas ini tidak dirujuk laporan, jadi tidak diterbitkan" in out
    assert "media/foto.svg:1:1: peringatan: berkas ini tidak dirujuk laporan" in out


def test_check_refuses_files_outside_media_and_symlinks(tmp_path):
    folder = write_case_variant(tmp_path, "berkas: media/foto.svg", "berkas: kasus.yml")
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "berkas `kasus.yml` tidak berada di folder media/" in out
    folder = write_case_variant(tmp_path / "b", "berkas: media/foto.svg", "berkas: media/tautan.svg")
    (folder / "media" / "tautan.svg").symlink_to(folder / "media" / "foto.svg")
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "berkas `media/tautan.svg` adalah tautan simbolik" in out


def test_a_chapter_page_declares_the_media_it_names(tmp_path):
    folder = write_case_variant(tmp_path, None, (FIXTURE / "kasus.yml").read_text(encoding="utf-8"))
    (folder / "bab-1-pendahuluan.md").write_text('# BAB I\n\n![a](media/peta.png) <img src="../media//denah.jpg">\n',
                                                 encoding="utf-8")
    from macros.loading import load_case
    loaded = load_case(folder).loaded
    assert set(declared_media(loaded)) == {"media/foto.svg", "media/peta.png", "media/denah.jpg"}


# --- slow: a real site, its PDF and its Word export ------------------------------------------------------

PHOTOS = """  dokumentasi:
    - {berkas: media/foto.svg, keterangan: Foto SVG dengan skrip, izin_publikasi: true, wajah_terlihat: false, anak: false}
    - {berkas: media/hp.jpg, keterangan: Foto ponsel JPEG, izin_publikasi: true, wajah_terlihat: false, anak: false}
    - {berkas: media/hp.png, keterangan: Foto ponsel PNG, izin_publikasi: true, wajah_terlihat: false, anak: false}
    - {berkas: media/hp.webp, keterangan: Foto ponsel WebP, izin_publikasi: true, wajah_terlihat: false, anak: false}
    - {berkas: media/anak.jpg, keterangan: Wajah anak, izin_publikasi: true, wajah_terlihat: true, anak: true}
    - {berkas: media/./anak2.jpg, keterangan: Wajah anak lagi, izin_publikasi: true, wajah_terlihat: true, anak: true}
"""
# The other report of the archive: its child photo is withheld; green, so any trace of it is visible.
OTHER_PHOTOS = """  dokumentasi:
    - {berkas: media/rahasia.jpg, keterangan: Wajah anak, izin_publikasi: false, wajah_terlihat: true, anak: true}
    - {berkas: media/publik.jpg, keterangan: Kegiatan, izin_publikasi: true, wajah_terlihat: false, anak: false}
"""
HOSTILE_PAGE = """# BAB I Pendahuluan

Foto laporan lain: <img src="../../ab-lain-2024/media/rahasia.jpg" alt="lain-1">
<img src="cases/ab-lain-2024/media/rahasia.jpg" alt="lain-2">
<img src="../../../cases/ab-lain-2024/media/rahasia.jpg" alt="lain-3">
<img src="/kasus/ab-lain-2024/media/rahasia.jpg" alt="lain-4">

<img src="../../ab-lain-2024/media/publik.jpg" alt="lain-5">

Ejaan lain dari foto yang ditahan: <img src="../media//anak.jpg" alt="a"> <img src="../media/./anak2.jpg" alt="b">
"""


def _with_photos(folder: Path, photos: str) -> None:
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    start = text.index("  dokumentasi:\n")
    end = text.index("anak: false", start) + len("anak: false\n")
    (folder / "kasus.yml").write_text(text[:start] + photos + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def media_site(tmp_path_factory):
    from tests.test_pdf import build
    from tests.test_site_build import _project_copy

    base = tmp_path_factory.mktemp("media")
    project = _project_copy(base)
    own, other = project / "cases" / "ts-contoh-2024", project / "cases" / "ab-lain-2024"
    shutil.copytree(FIXTURE, own)
    shutil.copytree(FIXTURE, other)
    (own / "media" / "foto.svg").write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="60" onload="alert(1)"><script>alert(2)</script>'
        b'<rect width="40" height="60" fill="#ccc"/></svg>')
    for fmt, suffix in (("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")):
        (own / "media" / f"hp.{suffix}").write_bytes(phone_photo(fmt))
    (own / "media" / "anak.jpg").write_bytes(phone_photo("JPEG", GREEN, GREEN))
    (own / "media" / "anak2.jpg").write_bytes(phone_photo("JPEG", GREEN, GREEN))
    (own / "media" / "ktp.jpg").write_bytes(phone_photo("JPEG", GREEN, GREEN))  # named nowhere
    (own / "bab-1-pendahuluan.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    _with_photos(own, PHOTOS)
    (other / "media" / "rahasia.jpg").write_bytes(phone_photo("JPEG", GREEN, GREEN))
    (other / "media" / "publik.jpg").write_bytes(phone_photo("JPEG", (0, 250, 0), (0, 250, 0)))
    _with_photos(other, OTHER_PHOTOS)
    result = build(project, base / "site", base / "cache" / "pdf")
    assert result.returncode == 0, result.stderr
    return project, base


@pytest.mark.slow
def test_published_photos_are_upright_and_clean_and_only_declared_ones_are_published(media_site):
    project, base = media_site
    media = base / "site" / "kasus" / "ts-contoh-2024" / "media"
    assert sorted(p.name for p in media.iterdir()) == ["foto.svg", "hp.jpg", "hp.png", "hp.webp"]
    for suffix, fmt in (("jpg", "JPEG"), ("png", "PNG"), ("webp", "WEBP")):
        assert_clean_and_upright((media / f"hp.{suffix}").read_bytes(), fmt)
    svg = (media / "foto.svg").read_text(encoding="utf-8")
    assert "alert" not in svg and "onload" not in svg and "<rect" in svg
    other = base / "site" / "kasus" / "ab-lain-2024" / "media"
    assert sorted(p.name for p in other.iterdir()) == ["publik.jpg"]  # its child photo is withheld
    page = (base / "site" / "kasus" / "ts-contoh-2024" / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    # Every image of the page resolves inside the report's own folder: another report's photo lost its src.
    from macros.privacy.sanitize import resolve_site_path
    article = page.split("<article")[1].split("</article>")[0]
    sources = re.findall(r'<img[^>]*\ssrc="([^"]*)"', article)
    assert sources and all((resolve_site_path(src, "kasus/ts-contoh-2024/bab-1-pendahuluan/") or "").startswith(
        "kasus/ts-contoh-2024/") for src in sources), sources
    assert "../../ab-lain-2024/" not in article


def _pdf_images(pdf: Path, target: Path) -> list[Image.Image]:
    target.mkdir()
    subprocess.run(["pdfimages", "-png", str(pdf), str(target / "img")], check=True)
    return [Image.open(p).convert("RGB") for p in sorted(target.glob("*.png"))]


def _has_green(image: Image.Image) -> bool:
    small = image.convert("RGB").resize((max(1, image.width // 4), max(1, image.height // 4)))
    return any(g > 200 and r < 60 and b < 60 for r, g, b in small.getdata())


@pytest.mark.slow
def test_the_pdf_prints_the_photos_upright_and_never_another_reports_photo(media_site, tmp_path):
    project, base = media_site
    pdf = base / "site" / "kasus" / "ts-contoh-2024" / "ts-contoh-2024.pdf"
    images = _pdf_images(pdf, tmp_path / "gambar")
    photos = [i for i in images if i.size == (60, 120) or i.size == (120, 60)]
    assert len(photos) >= 3
    for photo in photos:
        assert_upright(photo)
    assert not any(_has_green(i) for i in images)  # neither the withheld child photos nor the other report's
    # Rendered as a reader sees it: each page with a photo shows red above blue.
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "halaman")], check=True)
    pages = [Image.open(p).convert("RGB") for p in sorted(tmp_path.glob("halaman*.png"))]
    seen = 0
    for rendered in pages:
        assert not _has_green(rendered)
        red = [(x, y) for (x, y) in _points(rendered, RED)]
        blue = [(x, y) for (x, y) in _points(rendered, BLUE)]
        if red and blue:
            seen += 1
            assert sum(y for _, y in red) / len(red) < sum(y for _, y in blue) / len(blue)
    assert seen >= 1


def _points(image: Image.Image, colour) -> list[tuple[int, int]]:
    width = image.width
    return [(i % width, i // width) for i, pixel in enumerate(image.getdata())
            if all(abs(a - b) < 50 for a, b in zip(pixel, colour))]


@pytest.mark.slow
def test_the_word_export_holds_the_cleaned_upright_photos(media_site, tmp_path, monkeypatch):
    project, base = media_site
    monkeypatch.chdir(project)
    monkeypatch.setenv("CASEBOOK_CACHE_DIR", str(base / "cache-docx" / "pdf"))
    target = tmp_path / "laporan.docx"
    code, out = run_cli(["export", "ts-contoh-2024", "--docx", "--output", str(target), "--profile", "public"])
    assert code == 0, out
    with zipfile.ZipFile(target) as docx:
        names = [n for n in docx.namelist() if n.startswith("word/media/")]
        rasters = [docx.read(n) for n in names if not n.endswith(".svg")]
    photos = [data for data in rasters if Image.open(io.BytesIO(data)).size in ((60, 120), (120, 60))]
    assert len(photos) >= 3
    for data in photos:
        assert_clean_and_upright(data)
    assert not any(_has_green(Image.open(io.BytesIO(data))) for data in rasters)


def test_a_huge_photo_is_published_at_page_size():
    out = io.BytesIO()
    Image.new("RGB", (5000, 400), RED).save(out, "JPEG")
    published = Image.open(io.BytesIO(clean_media("lebar.jpg", out.getvalue()).data))
    assert published.size == (2400, 192)


def test_a_chapter_page_naming_a_refused_file_fails_check_at_its_line(tmp_path):
    folder = write_case_variant(tmp_path, None, (FIXTURE / "kasus.yml").read_text(encoding="utf-8"))
    (folder / "media" / "surat.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "bab-1-pendahuluan.md").write_text("# BAB I\n\nLihat [surat](media/surat.pdf) dan ![x](media/hilang.png)\n",
                                                 encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    assert code == 1
    assert "bab-1-pendahuluan.md:3:15: berkas `media/surat.pdf`: jenis berkas `.pdf` tidak dapat diterbitkan" in out, out
    # (a Markdown image to a missing file is the page check's: tests/test_page_check.py)


@pytest.mark.parametrize("line, message, code", [
    # Markdown: the strict build would fail, so the page check refuses it (macros/page_check.py)
    ("![x](../../../cases/lain-2024/media/x.svg)", "menuju ke luar folder laporan ini", 1),
    ("![x](../lain-2024/media/x.svg)", "menuju ke luar folder laporan ini", 1),
    # HTML out of the report's folder: the page check's error too
    ('<img src="../../lain-2024/media/x.svg">', "bab-1-pendahuluan.md:3:", 1),
    ('<img src="%2e%2e/%2e%2e/lain-2024/media/x.svg">', "bab-1-pendahuluan.md:3:", 1),
    # HTML inside the folder but not its media/ (from the page's address: bab-1/media/): it loses its src; a warning
    ('<img src="media/x.svg">', "peringatan: gambar atau tautan ini menunjuk ke luar folder media/", 0),
])
def test_a_page_naming_media_outside_its_own_folder_is_located(tmp_path, line, message, code):
    folder = write_case_variant(tmp_path, None, (FIXTURE / "kasus.yml").read_text(encoding="utf-8"))
    (folder / "bab-1-pendahuluan.md").write_text(f"# BAB I\n\n{line}\n", encoding="utf-8")
    exit_code, out = run_cli(["check", str(folder)])
    assert "bab-1-pendahuluan.md:3:" in out and message in out, out
    assert exit_code == code, out


@pytest.mark.parametrize("other_name", ["media/ANAK.jpg", "media/anak.jpg.", "media/salinan.jpg", "media/tautan-keras.jpg"])
def test_a_withheld_photo_stays_withheld_under_any_other_name(tmp_path, other_name):
    import os

    from macros.loading import load_case
    from macros.publication import published_media

    folder = write_case_variant(tmp_path, "berkas: media/foto.svg\n      keterangan: Tahap engagement\n"
                                          "      izin_publikasi: true\n      wajah_terlihat: false\n      anak: false",
                                "berkas: media/anak.jpg\n      keterangan: Wajah anak\n      izin_publikasi: true\n"
                                "      wajah_terlihat: true\n      anak: true")
    photo = phone_photo("JPEG", GREEN, GREEN)
    (folder / "media" / "anak.jpg").write_bytes(photo)
    (folder / "media" / "salinan.jpg").write_bytes(photo)
    os.link(folder / "media" / "anak.jpg", folder / "media" / "tautan-keras.jpg")
    (folder / "bab-1-pendahuluan.md").write_text(f'# BAB I\n\n<img src="../{other_name}">\n', encoding="utf-8")
    loaded = load_case(folder).loaded
    assert published_media(loaded, "public") == set()
    assert "media/anak.jpg" in published_media(loaded, "internal")


@pytest.mark.parametrize("fmt, name", [("JPEG", "hp.jpg"), ("PNG", "hp.png"), ("WEBP", "hp.webp")])
def test_a_truncated_photo_is_refused_by_check_not_by_the_build(tmp_path, fmt, name):
    from macros.privacy.media import inspect_media

    data = phone_photo(fmt)
    (tmp_path / name).write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(MediaRefused, match="rusak"):
        inspect_media(tmp_path / name)


@pytest.mark.slow
def test_an_svg_without_size_in_a_page_does_not_break_the_word_export(tmp_path, monkeypatch):
    """Red team (15:25): `<svg></svg>` (or one the sanitiser emptied) crashed the Word export with a traceback."""
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    folder = project / "cases" / "rt-c-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "bab-1-pendahuluan.md").write_text(
        '# BAB I Pendahuluan\n\nTeks <svg></svg> selesai. <svg><set attributeName="href" to="javascript:alert(1)"/></svg> '
        '<svg viewBox="0 0 0 0"></svg>\n', encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("CASEBOOK_CACHE_DIR", str(tmp_path / "cache" / "pdf"))
    code, out = run_cli(["check", "cases/rt-c-2024"])
    assert code == 0, out
    code, out = run_cli(["export", "rt-c-2024", "--docx", "--output", str(tmp_path / "rt.docx")])
    assert code == 0 and "Traceback" not in out, out
    assert zipfile.is_zipfile(tmp_path / "rt.docx")


@pytest.mark.slow
def test_a_page_that_amplifies_itself_stops_the_build_quickly_with_its_name(tmp_path):
    """Red team (15:30): a 51 KB page looping 1,000 times over its text stalled the shared build for minutes."""
    import time

    from tests.test_pdf import build
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    folder = project / "cases" / "rt-d-2024"
    shutil.copytree(FIXTURE, folder)
    items = ",".join(["1"] * 90)  # within the page check's loop bound: 90 × 51 KB = 4.6 MB of Markdown
    body = ("Paragraf panjang kata kata kata. " * 30 + "\n\n") * 50
    (folder / "bab-1-pendahuluan.md").write_text(f"# BAB I Pendahuluan\n\n{{% for a in [{items}] %}}\n{body}{{% endfor %}}\n",
                                                 encoding="utf-8")
    started = time.perf_counter()
    result = build(project, tmp_path / "site", tmp_path / "cache" / "pdf", CASEBOOK_PDF="0")
    assert time.perf_counter() - started < 120
    assert result.returncode == 1
    # The page check refuses the loop first (macros/page_check.py); the build's size cap is the second wall.
    assert "cases/rt-d-2024/bab-1-pendahuluan.md:" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_hard_links_are_refused_for_pages_and_media(tmp_path):
    """Red team (15:38): a chapter page hard-linked to another report's rahasia.yml was published."""
    import os

    other = tmp_path / "lain-2024"
    other.mkdir()
    (other / "rahasia.yml").write_text("lainnya: [SECRETMARKER-7731]\n", encoding="utf-8")
    (other / "anak.jpg").write_bytes(phone_photo("JPEG"))
    folder = write_case_variant(tmp_path, "berkas: media/foto.svg", "berkas: media/anak.jpg")
    os.link(other / "anak.jpg", folder / "media" / "anak.jpg")
    os.link(other / "rahasia.yml", folder / "bab-5-praktik-baik.md")
    code, out = run_cli(["check", str(folder)])
    assert code == 1
    assert "berkas `media/anak.jpg` adalah tautan simbolik atau tautan keras (hard link)" in out, out
    assert "bab-5-praktik-baik.md:1:1: halaman bab ini adalah tautan simbolik (symlink), tautan keras (hard link)" in out
    assert "SECRETMARKER" not in out


@pytest.mark.slow
def test_a_page_starting_with_key_value_lines_keeps_them_as_text(tmp_path):
    """Red team (15:38): MkDocs read a page's leading `Kata: teks` lines as meta-data; the page came out empty."""
    from tests.test_pdf import build
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    folder = project / "cases" / "rt-c-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "bab-5-praktik-baik.md").write_text("Tujuan: meningkatkan keterampilan klien\nSasaran: keluarga klien\n\n"
                                                  "Paragraf kedua.\n", encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache" / "pdf", CASEBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "kasus" / "rt-c-2024" / "bab-5-praktik-baik" / "index.html").read_text(encoding="utf-8")
    assert "Tujuan: meningkatkan keterampilan klien" in page and "Paragraf kedua." in page


def test_a_deeply_nested_svg_photo_is_refused_with_a_message():
    """Red team (15:40, 2b): 20,000 nested groups passed and broke the Word export."""
    deep = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">' + b"<g>" * 20000
            + b'<rect width="40" height="30" fill="#d00"/>' + b"</g>" * 20000 + b"</svg>")
    with pytest.raises(MediaRefused, match="bersarang"):
        clean_media("deep.svg", deep)
