"""`casebook export --katalog`: the archive catalogue as CSV and XLSX (macros/archive/export.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from macros.archive.export import catalogue_leaks, catalogue_rows, write_catalogue
from macros.archive.facets import report_facts
from macros.errors import CaseDataError, display_path
from macros.privacy.gate import all_needles
from macros.project import ProjectConfig
from macros.publication import profile_view

EXIT_OK, EXIT_DATA = 0, 1


def catalogue_for(site, profile: str = "internal") -> list[tuple[str, ...]]:
    """Rows of every report as `profile` publishes it (the columns hold nothing the profiles treat differently)."""
    cases = {slug: profile_view(loaded, profile) for slug, loaded in site.cases.items()}
    facts = [report_facts(loaded, site.vocabulary) for loaded in cases.values()]
    return catalogue_rows(facts, cases)


def export_catalogue(project: ProjectConfig, directory: Path) -> int:
    from macros.site import load_site_cases

    try:
        site = load_site_cases(project.root, project.vocabulary)
    except CaseDataError as exc:  # the same refusal as a build: every data error, none written
        print(str(exc), file=sys.stderr)
        print("Katalog tidak ditulis: perbaiki galat data di atas (casebook check).", file=sys.stderr)
        return EXIT_DATA
    if not site.cases:
        print(f"Tidak ada laporan di {display_path(project.cases_dir, project.root)}/; katalog tidak ditulis.", file=sys.stderr)
        return EXIT_DATA
    rows = catalogue_for(site)
    leaks = catalogue_leaks(rows, own_needles(site))
    if leaks:
        lines = "\n".join(sorted({leak.format() for leak in leaks}))
        print(f"Data pribadi dari rahasia.yml ditemukan di katalog; katalog tidak ditulis:\n{lines}", file=sys.stderr)
        return EXIT_DATA
    written = write_catalogue(directory.resolve(), rows)
    names = " dan ".join(display_path(path, project.root) for path in written)
    print(f"Katalog arsip ({len(rows)} laporan) ditulis ke {names}")
    return EXIT_OK


def own_needles(site) -> dict:
    """Each report's own private strings, by slug (the catalogue row of a report is checked against them)."""
    return {slug: all_needles([loaded], site.root) for slug, loaded in site.cases.items()}


def write_site_catalogue(site_dir: Path, site) -> None:
    """The internal Arsip's downloads (arsip/katalog-arsip.csv, .xlsx), written before the site's leak scan,
    which reads the CSV; the XLSX holds the same cells, checked here against the same private strings."""
    from macros.archive.pages import CATALOGUE_DOWNLOADS_DIR

    rows = catalogue_for(site)
    leaks = catalogue_leaks(rows, own_needles(site))
    if leaks:
        # That report's row is left out of the download (its pages leak the same and the site's gate leaves it
        # out); the archive's catalogue is still written (red team s23 #17: one match blocked the whole build).
        lines = "\n".join(sorted({leak.format() for leak in leaks}))
        # Printed, not logged: a logged warning would stop a strict build before the leak scan leaves that report out.
        print(f"PERINGATAN: data pribadi dari rahasia.yml ditemukan di katalog arsip; baris laporan itu tidak "
              f"ditulis:\n{lines}", file=sys.stderr)
        leaking = {leak.slug for leak in leaks}
        rows = [row for row in rows if row[0] not in leaking]
    write_catalogue(site_dir / CATALOGUE_DOWNLOADS_DIR, rows)
