"""The bundled documentation photos: abstract scenes drawn with Pillow, never people or faces.

The files in `foto/` are committed; `draw_bundled_photos()` is how they were made and
how to make them again (`python -m macros.synth.photos`). Each synthetic report copies
one to three of them into its own `media/` folder.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

PHOTO_DIR = Path(__file__).resolve().parent / "foto"
MAX_BYTES = 40_000

# File name -> Indonesian caption stem used when a report cites the photo.
PHOTOS: dict[str, str] = {
    "ruang-pertemuan.jpg": "Suasana ruang pertemuan",
    "kebun-komunitas.jpg": "Kebun komunitas",
    "lingkaran-diskusi.png": "Formasi duduk melingkar saat diskusi",
    "papan-kegiatan.png": "Papan jadwal kegiatan",
    "halaman-lembaga.jpg": "Halaman lembaga",
    "alat-peraga.png": "Alat peraga kegiatan kelompok",
}


def bundled_photos() -> list[Path]:
    return [PHOTO_DIR / name for name in PHOTOS]


def copy_photo(name: str, media_dir: Path) -> Path:
    media_dir.mkdir(parents=True, exist_ok=True)
    target = media_dir / name
    shutil.copyfile(PHOTO_DIR / name, target)
    return target


def draw_bundled_photos(target: Path = PHOTO_DIR) -> None:
    """Redraw the bundled set: shapes and colours only (rooms, gardens, circles of chairs)."""
    from PIL import Image, ImageDraw  # Pillow ships with WeasyPrint; only needed to redraw

    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random("casebook-synth-foto")
    width, height = 360, 240
    for name in PHOTOS:
        image = Image.new("RGB", (width, height), (235, 230, 220))
        draw = ImageDraw.Draw(image)
        if name.startswith("ruang"):
            draw.rectangle([0, 150, width, height], fill=(170, 140, 110))          # floor
            draw.rectangle([40, 40, 150, 120], fill=(180, 210, 235), outline=(90, 90, 90), width=3)  # window
            draw.rectangle([120, 130, 260, 170], fill=(120, 80, 50))               # table
            for x in (100, 270):
                draw.rectangle([x, 140, x + 25, 190], fill=(60, 90, 140))          # chairs
        elif name.startswith("kebun"):
            draw.rectangle([0, 0, width, 110], fill=(170, 210, 240))              # sky
            draw.ellipse([280, 15, 330, 65], fill=(250, 210, 80))                 # sun
            draw.rectangle([0, 110, width, height], fill=(110, 160, 80))
            for row in range(4):
                for col in range(9):
                    x, y = 15 + col * 38, 125 + row * 28
                    draw.ellipse([x, y, x + 22, y + 16], fill=(40 + rng.randrange(40), 120 + rng.randrange(60), 50))
        elif name.startswith("lingkaran"):
            draw.ellipse([110, 60, 250, 180], fill=(200, 170, 120))               # round mat
            for k in range(8):
                import math
                angle = 2 * math.pi * k / 8
                x, y = 180 + 110 * math.cos(angle), 120 + 90 * math.sin(angle)
                draw.rectangle([x - 12, y - 12, x + 12, y + 12], fill=(70 + 20 * k, 100, 160 - 10 * k))
        elif name.startswith("papan"):
            draw.rectangle([40, 30, 320, 200], fill=(250, 250, 245), outline=(110, 80, 50), width=8)
            for k in range(6):
                y = 55 + k * 24
                draw.line([60, y, 60 + rng.randrange(120, 240), y], fill=(60, 60, 120), width=4)
            draw.rectangle([250, 150, 300, 185], fill=(240, 200, 90))
        elif name.startswith("halaman"):
            draw.rectangle([0, 0, width, 140], fill=(190, 220, 245))
            draw.rectangle([60, 60, 300, 160], fill=(225, 200, 170), outline=(120, 90, 70), width=3)  # building
            draw.polygon([(50, 60), (180, 15), (310, 60)], fill=(170, 70, 50))     # roof
            for x in (90, 150, 210, 260):
                draw.rectangle([x, 90, x + 25, 120], fill=(120, 160, 200))
            draw.rectangle([0, 160, width, height], fill=(150, 150, 140))
            draw.ellipse([5, 100, 55, 170], fill=(70, 130, 60))                   # tree
        else:  # alat peraga: coloured blocks and cards on a table
            draw.rectangle([0, 0, width, height], fill=(140, 100, 70))
            for k in range(7):
                x, y = 30 + k * 45, 50 + rng.randrange(80)
                colour = [(220, 80, 70), (80, 160, 90), (70, 110, 200), (240, 200, 70)][k % 4]
                draw.rectangle([x, y, x + 35, y + 35], fill=colour)
            draw.rectangle([80, 170, 280, 215], fill=(245, 245, 235))
        path = target / name
        if name.endswith(".jpg"):
            image.save(path, "JPEG", quality=70, optimize=True)
        else:
            image.quantize(colors=32).save(path, "PNG", optimize=True)
        assert path.stat().st_size <= MAX_BYTES, f"{name} is {path.stat().st_size} bytes"


if __name__ == "__main__":
    draw_bundled_photos()
    for photo in bundled_photos():
        print(photo.name, photo.stat().st_size)
