"""The reports a site build publishes, loaded once per build and shared by hooks and macros."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from pathlib import Path

from macros.errors import CaseDataError, Problem
from macros.load_cache import fill_in_parallel, folder_key, load_case_cached, prune
from macros.loading import LoadedCase, case_folders
from macros.practicum import PracticumKind
from macros.project import CASES_DIR, TEMPLATES_DIR
from macros.vocabulary import Vocabulary

# Chapter pages of a report in report order: file name -> navigation title.
CHAPTERS: dict[str, str] = {
    "index.md": "Ringkasan",
    "kelengkapan.md": "Kelengkapan",
    "daftar-tabel.md": "Daftar Tabel",
    "daftar-gambar.md": "Daftar Gambar",
    "daftar-lampiran.md": "Daftar Lampiran",
    "bab-1-pendahuluan.md": "BAB I Pendahuluan",
    "bab-2-landasan-konseptual.md": "BAB II Landasan Konseptual",
    "bab-3-konteks-institusi.md": "BAB III Konteks Praktikum Institusi",
    "bab-4-penanganan-kasus.md": "BAB IV Penanganan Kasus",
    "bab-5-praktik-baik.md": "BAB V Praktik Baik",
    "bab-6-simpulan.md": "BAB VI Simpulan dan Rekomendasi",
    "daftar-pustaka.md": "Daftar Pustaka",
    "lampiran.md": "Lampiran",
}
# Default pages shown only when the report has the data they are made of (one key, or any of several); the
# Lampiran pages only when the report, as this profile publishes it, has an appendix (macros/render/appendices.py).
APPENDIX_PAGES = ("lampiran.md", "daftar-lampiran.md")
TEMPLATE_NEEDS = {"daftar-pustaka.md": "pustaka", "bab-1-pendahuluan.md": "pendahuluan",
                  "bab-2-landasan-konseptual.md": "landasan", "bab-5-praktik-baik.md": "praktik_baik",
                  "bab-6-simpulan.md": "simpulan"}
SITE_SECTION = "kasus"
SHARED_TEMPLATES = "bab"  # docs/templat/bab/: the chapter pages every practicum kind starts from
# Pages for the campus and the supervisor, never on the public portfolio.
INTERNAL_ONLY = {"kelengkapan.md"}

# The reports of the build in progress: set by the hook in on_config, read by page macros.
current_build: dict = {}

PROFILES = ("public", "internal")


def publication_profile() -> str:
    """`public` (default: the open portfolio) or `internal` (the campus archive): set by `casebook build --profile`."""
    profile = os.environ.get("CASEBOOK_PROFILE", "public")
    if profile not in PROFILES:
        raise CaseDataError([Problem("CASEBOOK_PROFILE", 1, 1, "", f"profil `{profile}` tidak dikenal",
                                     "pilih public atau internal")])
    return profile


@dataclass(frozen=True)
class SiteCases:
    root: Path
    cases: dict[str, LoadedCase]
    vocabulary: Vocabulary
    warnings: dict[str, list] = field(default_factory=dict)
    problems: list = field(default_factory=list)  # only under `mkdocs serve`: the reports left out, and why
    keys: dict[str, str] = field(default_factory=dict)  # slug -> content key of everything the report is made of
    # Archive build (macros/archive_isolation.py): reports left out of this build and why (slug -> problems).
    left_out: dict[str, list] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)  # only under `mkdocs serve`: reports left out for their errors

    def page_source(self, slug: str, chapter: str) -> Path | None:
        """The student's own page if present, else the default template, else None.

        A template whose data the report lacks (no references: no Daftar Pustaka) is left out.
        """
        return chapter_source(self.root, self.root / CASES_DIR / slug, chapter, self.cases[slug])


def _unchanged_template(root: Path, own: Path, chapter: str, loaded: LoadedCase) -> bool:
    template = default_template(root, loaded.case.practicum, chapter)
    if template is None:
        return False
    try:
        return own.read_text(encoding="utf-8").split() == template.read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return False


def chapter_source(root: Path, folder: Path, chapter: str, loaded: LoadedCase) -> Path | None:
    """The page of `chapter` for the report in `folder`: its own file, else the default template, else None.

    A page that is a symbolic link, or resolves outside the report's folder, is refused (CaseDataError):
    publishing it would publish whatever file it points at.
    """
    if chapter in INTERNAL_ONLY and publication_profile() != "internal":
        return None
    own = folder / chapter
    # A hard link (st_nlink > 1) is the same file as another one, perhaps another report's rahasia.yml.
    if own.is_symlink() or (own.exists() and (not own.resolve().is_relative_to(folder.resolve())
                                              or own.stat().st_nlink > 1)):
        from macros.errors import display_path

        raise CaseDataError([Problem(f"{display_path(folder, root)}/{chapter}", 1, 1, "",
                                     "halaman bab ini adalah tautan simbolik (symlink), tautan keras (hard link) atau "
                                     "menunjuk ke luar folder laporan; halaman itu tidak diterbitkan",
                                     "salin isi halamannya ke berkas biasa di folder laporan")])
    if own.is_file() and not _unchanged_template(root, own, chapter, loaded):
        return own
    # A page `casebook new` copied and the student left as it was is the template: it is left out like the
    # template when the report lacks its data (user test s23, F15: an empty "Lampiran" page on the site).
    if chapter in APPENDIX_PAGES:
        from macros.render.appendices import appendices_of

        if not appendices_of(loaded.case):  # e.g. only internal letters: no empty Lampiran page on the public site
            return None
    needed = TEMPLATE_NEEDS.get(chapter)
    if needed and not any(loaded.document.data.get(key) for key in ((needed,) if isinstance(needed, str) else needed)):
        return None
    return default_template(root, loaded.case.practicum, chapter)


def template_folders(kind: PracticumKind) -> list[str]:
    """Folders under docs/templat/ holding the default chapter pages of a practicum kind, first match wins:
    the kind's own folder (only the chapters that differ), then the shared `bab/`."""
    return ([kind.templates] if kind.templates else []) + [SHARED_TEMPLATES]


def default_template(root: Path, kind: PracticumKind, chapter: str) -> Path | None:
    for folder in template_folders(kind):
        template = root / TEMPLATES_DIR / folder / chapter
        if template.is_file():
            return template
    return None


def chapter_title(case, chapter: str) -> str:
    """A chapter's navigation title in this report's practicum kind ("BAB III Profil Komunitas")."""
    return case.practicum.chapter_titles.get(chapter, CHAPTERS[chapter])


ONLY_REPORT = "CASEBOOK_HANYA_LAPORAN"
"""Environment variable: build only the report of this slug (the Word export sets it)."""


def load_site_cases(root: Path, vocabulary: Vocabulary, *, keep_going: bool = False, parallel: bool = True,
                    isolate: bool = False, exclude: frozenset[str] = frozenset()) -> SiteCases:
    """Every report under cases/, validated; any data error fails the build with all messages.

    With `keep_going` (the live preview), reports with errors are left out and their problems kept,
    so the browser can show them instead of a silently stale page. With `isolate` (an archive build),
    they are left out too and listed in `left_out`, for the build report: one student's mistake does not
    stop the others' reports. `exclude`: slugs left out whatever their data (a first pass found a leak).
    """
    problems, cases, warnings, keys, left_out, broken = [], {}, {}, {}, {}, []
    folders = [f for f in case_folders(root / CASES_DIR) if f.name not in exclude]
    only = os.environ.get(ONLY_REPORT)
    if only:  # `casebook export <slug>`: one report's Word file depends on that report alone
        folders = [f for f in folders if f.name == only]
    folder_keys = {folder: folder_key(folder, vocabulary, root) for folder in folders}
    if parallel:  # not under `mkdocs serve`: forking a process that runs server threads is unsafe
        fill_in_parallel(folders, folder_keys, vocabulary, root)
    # Unpickling a thousand cached reports (some 130 kB each) makes millions of objects, and the cyclic collector
    # would walk them all again and again while they are made: two thirds of the loading time. They live for the
    # whole build (macros/gc_settle.py), so the collector waits until they are all in.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for folder in folders:
            result, key = load_case_cached(folder, vocabulary, root, folder_keys[folder])
            if isolate and result.errors:
                left_out[result.slug] = list(result.errors)
                continue
            problems.extend(result.errors)
            if result.loaded:
                cases[result.slug] = result.loaded
                warnings[result.slug] = result.warnings
                keys[result.slug] = key
            elif result.errors:
                broken.append(result.slug)
    finally:
        if collecting:
            gc.enable()
    prune(root)
    if problems and not keep_going:
        raise CaseDataError(problems)
    return SiteCases(root, cases, vocabulary, warnings, problems, keys, left_out, broken)


def slug_of_page(src_uri: str) -> str | None:
    """`kasus/ln-hikari-2024/bab-4-penanganan-kasus.md` -> `ln-hikari-2024`."""
    parts = src_uri.split("/")
    return parts[1] if len(parts) >= 3 and parts[0] == SITE_SECTION else None
