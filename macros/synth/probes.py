"""Search probes: inflected Indonesian words planted in a known subset of reports.

The archive's search test needs to know which reports contain which word. Three
probe words are planted, each by a sentence of its own; every other sentence the
generator writes avoids their roots, so the contract is exact:

- `pelayanan` (root `layan`), `pembelajaran` (root `ajar`): the only words of those
  roots anywhere in a report's own files (kasus.yml and its chapter pages). No report
  contains `layanan`, `melayani`, `belajar`, `ajar`, ... in any form.
- `mengintervensi` (root `intervensi`): `intervensi` itself is everywhere (it is a stage
  of the helping process), so only the exact inflected form is a probe.

Which probes a report carries depends on its index: the eight combinations repeat in
a seed-shuffled order, so any eight consecutive reports hold each combination once and
about one report in eight holds none.
"""

from __future__ import annotations

import random
import re

PROBES = ("pelayanan", "mengintervensi", "pembelajaran")
# Roots that must appear only through the planted probe words.
GUARDED_ROOTS = {"layan": "pelayanan", "ajar": "pembelajaran"}

_WORD = re.compile(r"\w+", re.UNICODE)

# One sentence per probe and place; each says something a report would say anyway.
PLANTS = {
    "pelayanan": [
        "Pelayanan kepada penerima manfaat dijalankan oleh tim kecil yang saling berkoordinasi setiap pekan.",
        "Standar pelayanan lembaga ditinjau setiap tahun bersama dinas sosial setempat.",
        "Mutu pelayanan menjadi perhatian utama pimpinan lembaga dalam rapat bulanan.",
    ],
    "mengintervensi": [
        "Praktikan tidak tergesa-gesa mengintervensi sebelum data asesmen lengkap dan dibahas bersama pendamping lapangan.",
        "Sebelum mengintervensi, praktikan memastikan klien memahami dan menyetujui setiap langkah.",
        "Praktikan berhati-hati agar tidak mengintervensi keputusan yang sepenuhnya menjadi hak klien.",
    ],
    "pembelajaran": [
        "Bagi praktikan, seluruh proses ini menjadi pembelajaran berharga tentang arti kesabaran dalam pertolongan.",
        "Supervisi mingguan menjadi ruang pembelajaran untuk menimbang setiap keputusan profesional.",
        "Pengalaman menghadapi penolakan awal klien merupakan pembelajaran penting bagi praktikan.",
    ],
}


def probe_plan(seed: int, index: int) -> tuple[str, ...]:
    """The probe words report `index` carries: one of the eight combinations, in a seeded order."""
    order = list(range(8))
    random.Random(f"casebook-synth-probes:{seed}").shuffle(order)
    mask = order[index % 8]
    return tuple(word for bit, word in enumerate(PROBES) if mask & (1 << bit))


def words_in(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def probes_found(text: str) -> dict[str, bool]:
    words = words_in(text)
    return {probe: probe in words for probe in PROBES}


def stray_words(text: str) -> set[str]:
    """Words with a guarded root other than the planted probe word (should be empty)."""
    return {w for w in words_in(text) for root, probe in GUARDED_ROOTS.items() if root in w and w != probe}
