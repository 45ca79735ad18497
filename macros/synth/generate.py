"""Write N synthetic reports into a cases folder, with their photos, pages and the manifest.

A folder synth made carries a marker file; synth replaces only such folders, so a
student's real report is never overwritten. Every target is checked before anything
is written, and each report is built in a hidden staging folder renamed at the end.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from macros.loading import CASE_FILE
from macros.privacy.secrets import SECRETS_FILE
from macros.synth.manifest import MANIFEST_FILE, manifest_text
from macros.synth.pages import chapter_pages
from macros.synth.photos import copy_photo
from macros.synth.probes import probes_found, stray_words
from macros.synth.report import SynthReport, build_report
from macros.synth.secrets import secrets_yaml
from macros.synth.yaml_writer import dump

MARKER = ".casebook-synth"
HEADER = ("Laporan SINTETIS buatan `casebook synth` untuk uji dan tolok ukur arsip; bukan laporan mahasiswa.\n"
          "Semua nama, lembaga dan kode klien adalah rekaan.")


class SynthError(Exception):
    """A reason not to write (in Indonesian, shown to the user as is)."""


def is_synthetic(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def generate(target_cases_dir: Path, n: int, seed: int) -> list[str]:
    """Write reports 0..n-1 of `seed` into `target_cases_dir`; return their slugs.

    Synthetic folders of an earlier run that this run does not write again are removed,
    so the folder and its manifest always agree.
    """
    if n < 1:
        raise SynthError("jumlah laporan (--n) minimal 1")
    reports = [build_report(seed, index) for index in range(n)]
    target_cases_dir = Path(target_cases_dir)
    blocked = [r.slug for r in reports if (target_cases_dir / r.slug).exists() and not is_synthetic(target_cases_dir / r.slug)]
    if blocked:
        raise SynthError(f"folder {target_cases_dir / blocked[0]} sudah ada dan bukan buatan synth; laporan mahasiswa tidak akan "
                         f"ditimpa ({len(blocked)} folder bentrok). Pilih folder keluaran lain dengan --keluaran.")
    target_cases_dir.mkdir(parents=True, exist_ok=True)
    wanted = {r.slug for r in reports}
    for folder in sorted(target_cases_dir.iterdir()):
        if folder.is_dir() and folder.name not in wanted and is_synthetic(folder):
            shutil.rmtree(folder)
    entries = [_write(target_cases_dir, report, seed, index) for index, report in enumerate(reports)]
    (target_cases_dir / MANIFEST_FILE).write_text(manifest_text(seed, entries), encoding="utf-8")
    return [r.slug for r in reports]


def _write(cases_dir: Path, report: SynthReport, seed: int, index: int) -> dict:
    files = {CASE_FILE: dump(report.data, HEADER), **chapter_pages(report.intro, report.data["laporan"]["jenis_praktikum"])}
    text = "\n".join(files.values())
    found = probes_found(text)
    stray = stray_words(text)
    # The manifest promises exactly these words; a phrase bank that leaks a guarded root is a bug here, not in a test.
    if stray or {p for p, present in found.items() if present} != set(report.probes):
        raise RuntimeError(f"{report.slug}: probe words do not match the plan (stray: {sorted(stray)}, found: {found})")
    # Its people's invented identities, as a real report lists them: the archive's privacy gate looks for them all.
    files[SECRETS_FILE] = secrets_yaml(seed, index, report.data, text)
    final = cases_dir / report.slug
    staging = cases_dir / f".{report.slug}.baru"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for name, content in files.items():
        (staging / name).write_text(content, encoding="utf-8")
    for photo in report.photos:
        copy_photo(photo, staging / "media")
    (staging / MARKER).write_text(f"casebook synth --seed {seed}, laporan ke-{index + 1}\n", encoding="utf-8")
    if final.exists():
        shutil.rmtree(final)
    staging.rename(final)
    return {"slug": report.slug, "indeks": index, **report.facets, **_completeness(final),
            "kata_uji": {p: found[p] for p in found}}


def _completeness(folder: Path) -> dict:
    """What `casebook check --rinci` says is still empty, from the written report itself: the parts a report
    must fill depend on its practicum kind (macros/completeness.py), and synth leaves some out on purpose."""
    from macros.completeness import completeness
    from macros.loading import load_case

    loaded = load_case(folder).loaded
    if loaded is None:
        raise RuntimeError(f"{folder.name}: synth wrote a report the loader refuses")
    missing = [p.name for p in completeness(loaded.case).empty if p.required]
    return {"lengkap": not missing, "bagian_kosong": missing}
