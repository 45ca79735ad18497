"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): put each report into the site.

`on_config` validates every report and builds the navigation; `on_files` adds each
report's chapter pages (the student's own, or the default template) and media under
`kasus/<slug>/`. A data error stops the build with the list of problems — file, line,
field, Indonesian message — and no traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.errors import CaseDataError
from macros.project import CASES_DIR, casebook_settings
from macros.render.numbering import NumberingError, ReportNumbering, resolve_markers
from macros.site import CHAPTERS, SITE_SECTION, SiteCases, current_build, load_site_cases, slug_of_page
from macros.vocabulary import build_vocabulary

log = logging.getLogger("mkdocs.plugins.casebook")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    vocabulary = build_vocabulary(casebook_settings(config).get("kosakata"))
    try:
        site = load_site_cases(root, vocabulary)
    except CaseDataError as exc:
        raise PluginError("Data laporan tidak valid:\n" + str(exc)) from None
    current_build["site"] = site
    # Fresh every build (mkdocs serve rebuilds in the same process): numbers never carry over.
    current_build["numbering"] = {slug: ReportNumbering(slug) for slug in site.cases}
    config.nav = _navigation(config.nav, site)
    return config


def _navigation(nav: list | None, site: SiteCases) -> list:
    reports = []
    for slug, loaded in site.cases.items():
        case = loaded.case
        pages = [{title: f"{SITE_SECTION}/{slug}/{name}"} for name, title in CHAPTERS.items() if site.page_source(slug, name)]
        reports.append({f"{case.client.code} · {case.institution.name} ({case.report.year})": pages})
    nav = list(nav or [{"Beranda": "index.md"}])
    return nav[:1] + [{"Laporan": reports}] + nav[1:]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = current_build["site"]
    for slug in site.cases:
        for name in CHAPTERS:
            source = site.page_source(slug, name)
            if source:
                files.append(File.generated(config, f"{SITE_SECTION}/{slug}/{name}", abs_src_path=str(source)))
        media = site.root / CASES_DIR / slug / "media"
        if media.is_dir():
            for item in sorted(media.rglob("*")):
                if item.is_file() and not item.name.startswith("."):
                    uri = f"{SITE_SECTION}/{slug}/media/{item.relative_to(media).as_posix()}"
                    files.append(File.generated(config, uri, abs_src_path=str(item)))
    return files


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Every page has been rendered by now: resolve references and lists of tables/figures."""
    slug = slug_of_page(page.file.src_uri)
    if slug is None:
        return output
    try:
        return resolve_markers(output, current_build["numbering"][slug], page.url)
    except NumberingError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
