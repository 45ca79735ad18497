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
    leaks = catalogue_leaks(rows, all_needles(site.cases.values(), site.root))
    if leaks:
        lines = "\n".join(sorted({leak.format() for leak in leaks}))
        print(f"Data pribadi dari rahasia.yml ditemukan di katalog; katalog tidak ditulis:\n{lines}", file=sys.stderr)
        return EXIT_DATA
    written = write_catalogue(directory.resolve(), rows)
    names = " dan ".join(display_path(path, project.root) for path in written)
    print(f"Katalog arsip ({len(rows)} laporan) ditulis ke {names}")
    return EXIT_OK


def write_site_catalogue(site_dir: Path, site) -> None:
    """The internal Arsip's downloads (arsip/katalog-arsip.csv, .xlsx), written before the site's leak scan,
    which reads the CSV; the XLSX holds the same cells, checked here against the same private strings."""
    from macros.archive.pages import CATALOGUE_DOWNLOADS_DIR
    from macros.privacy.gate import all_needles as needles_of

    rows = catalogue_for(site)
    leaks = catalogue_leaks(rows, needles_of(site.cases.values(), site.root))
    if leaks:
        from mkdocs.exceptions import PluginError
        lines = "\n".join(sorted({leak.format() for leak in leaks}))
        raise PluginError(f"Data pribadi dari rahasia.yml ditemukan di katalog arsip (tidak ditulis):\n{lines}")
    write_catalogue(site_dir / CATALOGUE_DOWNLOADS_DIR, rows)
