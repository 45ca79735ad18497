"""`synth-manifest.json`: what each generated report is, so tests can compute expected results.

Written beside the report folders (never inside one, where it would be published).
"""

from __future__ import annotations

import json
from pathlib import Path

from macros.synth.probes import GUARDED_ROOTS, PROBES

MANIFEST_FILE = "synth-manifest.json"


def manifest_text(seed: int, entries: list[dict]) -> str:
    document = {
        "pembuat": "casebook synth",
        "seed": seed,
        "jumlah": len(entries),
        "kata_uji": list(PROBES),
        "catatan_kata_uji": (
            "`kata_uji` per laporan: kata uji yang muncul (sebagai kata utuh, tanpa membedakan huruf besar/kecil) di berkas "
            "laporan itu sendiri (kasus.yml dan halaman bab *.md). Kata berakar "
            + ", ".join(f"`{root}`" for root in GUARDED_ROOTS)
            + " tidak muncul di laporan mana pun kecuali lewat `pelayanan` dan `pembelajaran`; kata `intervensi` ada di setiap "
            "laporan, sehingga hanya bentuk `mengintervensi` yang menjadi kata uji."),
        "laporan": entries,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def read_manifest(directory: Path) -> dict:
    return json.loads((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
