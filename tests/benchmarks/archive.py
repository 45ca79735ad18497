"""A crude synthetic archive for the search benchmark: the example reports copied N times.

Each copy gets its own slug, client code and a paragraph of pseudo-words of its own, so the
vocabulary grows with the archive like names, places and terms do in real reports. (The
`casebook synth` generator on branch `synth` makes more realistic archives; this one only
needs to be big.)
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["ln-hikari-2024", "ajs-kartini-2024"]
_SYLLABLES = ["ba", "ka", "la", "ma", "na", "ra", "sa", "ta", "wi", "du", "go", "pe", "ri", "su", "ng", "an", "em", "ji"]


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def make_archive(project: Path, n: int, seed: int = 1, words_per_report: int = 120) -> list[str]:
    """A project folder (docs, macros, overrides, mkdocs.yml) with N reports under cases/."""
    rng = random.Random(seed)
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    slugs = []
    for i in range(n):
        source = ROOT / "cases" / SOURCES[i % len(SOURCES)]
        code = "".join(rng.choice("ABCDEFGHKLMNPRSTWY") for _ in range(2)) + str(i)
        slug = f"{code.lower()}-arsip-{2020 + i % 5}"
        target = project / "cases" / slug
        shutil.copytree(source, target)
        text = (target / "kasus.yml").read_text(encoding="utf-8")
        old_code = "LN" if "ln-" in source.name else "AJS"
        text = text.replace(f"kode: {old_code}\n", f"kode: {code}\n", 1)
        words = " ".join(pseudo_word(rng) for _ in range(words_per_report))
        text = text.replace("  ringkasan: >-\n", f"  ringkasan: >-\n    {words}\n", 1)
        (target / "kasus.yml").write_text(text, encoding="utf-8")
        slugs.append(slug)
    return slugs
