"""Media are checked and rewritten before they are published, never copied as the student saved them.

A phone photo carries EXIF: GPS position (the client's home), date and time, device and
owner; XMP and IPTC blocks, comments and PNG text chunks carry more. Stripping blocks by
hand misses formats (WebP, an APP segment nobody listed) and loses the EXIF orientation
without turning the pixels, so a portrait photo lies on its side. Here each raster photo is
decoded with Pillow, turned upright (`ImageOps.exif_transpose`), copied into a fresh image
(which holds pixels only: no EXIF, XMP, IPTC, ICC, comments or text chunks) and encoded
again in its own format. An SVG is cleaned with the page sanitiser's allow-list (an SVG
opened directly is a document that runs its scripts).

Accepted formats are declared in MEDIA_FORMATS; anything else (PDF scans, GIF, Word files)
is refused by `casebook check` with a message saying what to do.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from macros.privacy.sanitize import UnsafeSvg, sanitize_svg_file

# Suffix -> Pillow format. The published file keeps its name, and its bytes are of that format.
RASTER_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MEDIA_FORMATS = frozenset(RASTER_FORMATS) | {".svg"}
ACCEPTED_TEXT = ".jpg, .jpeg, .png, .webp, atau .svg"
# Bumped when the cleaning changes: cached cleaned copies are made again.
CLEANER_VERSION = "2"
MAX_EDGE = 2400  # pixels on the long side of a published photo (an A4 page at 200 dpi)
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; more is a decompression bomb or a scan far too large for a page

_HINTS = {
    ".pdf": "PDF tidak diterbitkan apa adanya (bisa memuat teks tersembunyi dan metadata); pindai atau ekspor "
            "setiap halaman surat sebagai .jpg atau .png dan rujuk berkas gambarnya",
    ".gif": "simpan ulang gambar sebagai .png (gambar diam) dari aplikasi gambar",
    ".heic": "ubah foto ke .jpg (di ponsel: pengaturan kamera \"Paling kompatibel\", atau ekspor sebagai JPEG)",
    ".heif": "ubah foto ke .jpg (di ponsel: pengaturan kamera \"Paling kompatibel\", atau ekspor sebagai JPEG)",
    ".tif": "simpan ulang gambar sebagai .png atau .jpg",
    ".tiff": "simpan ulang gambar sebagai .png atau .jpg",
    ".bmp": "simpan ulang gambar sebagai .png",
    ".doc": "berkas Word tidak diterbitkan; salin isinya ke halaman bab atau ke kasus.yml",
    ".docx": "berkas Word tidak diterbitkan; salin isinya ke halaman bab atau ke kasus.yml",
}


class MediaRefused(ValueError):
    """A media file that cannot be published: the message and hint are Indonesian, for `check` and build."""

    def __init__(self, message: str, hint: str):
        super().__init__(f"{message} ({hint})")
        self.message, self.hint = message, hint


def refusal_for_suffix(name: str) -> MediaRefused | None:
    """Why a file of this kind is not accepted, or None when its kind is accepted."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in MEDIA_FORMATS:
        return None
    hint = _HINTS.get(suffix, f"gunakan {ACCEPTED_TEXT}")
    shown = suffix or "tanpa akhiran"
    return MediaRefused(f"jenis berkas `{shown}` tidak dapat diterbitkan", hint)


@dataclass(frozen=True)
class CleanedMedia:
    data: bytes
    notes: tuple[str, ...] = ()  # what was removed or changed, for `check` (nothing is lost silently)


def clean_media(name: str, data: bytes) -> CleanedMedia:
    """The bytes to publish for media file `name`: decoded, upright, without any metadata, re-encoded."""
    refused = refusal_for_suffix(name)
    if refused:
        raise refused
    suffix = "." + name.rsplit(".", 1)[-1].lower()
    if suffix == ".svg":
        try:
            cleaned = sanitize_svg_file(data)
        except UnsafeSvg as exc:
            raise MediaRefused(str(exc), "simpan ulang gambar dari aplikasi gambar sebagai SVG atau PNG") from None
        notes = ("isi SVG yang dapat menjalankan skrip atau memuat berkas lain dibuang",) if _svg_lost_markup(data, cleaned) else ()
        return CleanedMedia(cleaned, notes)
    return _clean_raster(RASTER_FORMATS[suffix], data)


def inspect_media(path) -> tuple[str, ...]:
    """What `casebook check` can say about a media file without re-encoding it (fast: header only for
    photos). Raises MediaRefused for what the build would refuse; returns notes (warnings) otherwise."""
    from pathlib import Path

    path = Path(path)
    refused = refusal_for_suffix(path.name)
    if refused:
        raise refused
    data = path.read_bytes()
    if path.suffix.lower() == ".svg":
        return clean_media(path.name, data).notes
    from PIL import Image, UnidentifiedImageError

    fmt = RASTER_FORMATS[path.suffix.lower()]
    hint = "buka foto itu di aplikasi foto dan simpan ulang sebagai .jpg atau .png"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with _opened(data, fmt, hint) as image:
                image.verify()
            # verify() reads the structure only: decode the pixels too (at reduced scale for JPEG), so a
            # truncated photo is refused here, at its line, not by the build of a whole archive.
            with Image.open(io.BytesIO(data)) as image:
                if fmt == "JPEG":
                    image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
                image.load()
    except MediaRefused:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError):
        raise MediaRefused("berkas gambar rusak atau tidak dapat dibaca", hint) from None
    return ()


def _opened(data: bytes, fmt: str, hint: str):
    """The photo in `data`, opened lazily (no pixels decoded yet); MediaRefused when it has more than
    MAX_PIXELS or is not really a `fmt` file, whatever its name says."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    if image.width * image.height > MAX_PIXELS:
        image.close()
        raise MediaRefused(f"gambar terlalu besar ({image.width}×{image.height} piksel)",
                           "perkecil foto menjadi paling banyak 4000 piksel sisi panjangnya")
    if image.format != fmt:
        image.close()
        raise MediaRefused(f"isi berkas bukan {fmt} meskipun namanya berakhiran demikian "
                           f"(terbaca sebagai {image.format or 'bukan gambar'})", hint)
    return image


def _svg_lost_markup(original: bytes, cleaned: bytes) -> bool:
    lowered = original.lower()
    return any(marker in lowered for marker in (b"<script", b" on", b"javascript:", b"<foreignobject", b"<animate",
                                                  b"<set", b"<use", b"<image", b"<style", b"href"))


def _clean_raster(fmt: str, data: bytes) -> CleanedMedia:
    from PIL import Image, ImageOps, UnidentifiedImageError

    hint = "buka foto itu di aplikasi foto dan simpan ulang sebagai .jpg atau .png"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _opened(data, fmt, hint)
            if fmt == "JPEG":
                image.draft("RGB", (MAX_EDGE, MAX_EDGE))  # decode at a reduced scale when far larger (fast)
            image.load()
            notes = []
            orientation = image.getexif().get(0x0112, 1)
            if orientation not in (None, 1):
                notes.append("foto diputar tegak sesuai orientasi kamera")
            upright = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as exc:
        if isinstance(exc, MediaRefused):
            raise
        raise MediaRefused("berkas gambar rusak atau tidak dapat dibaca", hint) from None
    if getattr(image, "n_frames", 1) > 1:
        notes.append("hanya bingkai pertama gambar bergerak yang diterbitkan")
    if max(upright.size) > MAX_EDGE:
        # A page never shows more: smaller files for the site, the PDF and Word, and a faster build.
        upright = upright.copy()
        upright.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    upright = _in_srgb(upright, image.info.get("icc_profile"))
    mode = _target_mode(fmt, upright)
    if upright.mode != mode:
        upright = upright.convert(mode)
    # A fresh image from the pixels alone: nothing of the original's info (EXIF, XMP, IPTC, ICC, comments,
    # text chunks, DPI) can travel along by a default of an encoder.
    fresh = Image.frombytes(mode, upright.size, upright.tobytes())
    out = io.BytesIO()
    if fmt == "JPEG":
        fresh.save(out, "JPEG", quality=90, optimize=True)
    elif fmt == "PNG":
        fresh.save(out, "PNG", compress_level=6)
    else:
        fresh.save(out, "WEBP", quality=90, method=2)
    return CleanedMedia(out.getvalue(), tuple(notes))


def _in_srgb(image, icc: bytes | None):
    """Colours as the camera meant them (a phone's Display P3 profile), converted to sRGB: the profile
    itself (and any comment or device name in it) is not published."""
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode)
    except Exception:  # noqa: BLE001 — a broken profile: the pixels as they are
        return image


def _target_mode(fmt: str, image) -> str:
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    if fmt == "JPEG":
        return "L" if image.mode in ("1", "L", "I;16", "I") else "RGB"
    if has_alpha:
        return "RGBA"
    return "L" if image.mode in ("1", "L") else "RGB"


def published_copy(item, slug: str, root):
    """The cleaned copy of media file `item` that the site, the PDF and the Word export use, made once
    per content (cached under the build cache, per report). Raises MediaRefused."""
    import hashlib
    import os
    from pathlib import Path

    data = Path(item).read_bytes()
    suffix = Path(item).suffix.lower()
    key = hashlib.sha256(CLEANER_VERSION.encode() + b"\0" + data).hexdigest()[:32]
    target = media_cache_dir(root, slug) / f"{key}{suffix}"
    if target.exists():
        return target
    cleaned = clean_media(Path(item).name, data).data
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(cleaned)
    temporary.replace(target)
    return target


def media_cache_dir(root, slug: str):
    """Where a report's cleaned media live: the only media folder its PDF may read from."""
    from pathlib import Path

    from macros.caches import cache_root

    return cache_root(Path(root)) / "media" / slug
