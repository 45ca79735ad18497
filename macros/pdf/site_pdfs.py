"""From a finished MkDocs build to one PDF per report (called by the hook's on_post_build)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from macros.pdf.assemble import ChapterPage, build_print_html
from macros.pdf.build import PdfOutcome, build_pdfs, cache_folder
from macros.pdf.render import RenderJob, profile_css
from macros.pdf.settings import PdfSettings
from macros.schema import Case
from macros.site import SITE_SECTION, SiteCases, current_build


def pdf_url(slug: str) -> str:
    """Site-relative URL of a report's PDF: kasus/<slug>/<slug>.pdf."""
    return f"{SITE_SECTION}/{slug}/{slug}.pdf"


def pdf_enabled() -> bool:
    """PDFs are made in this build: on in mkdocs.yml, and not switched off with CASEBOOK_PDF=0."""
    settings = current_build.get("pdf")
    return bool(settings and settings.enabled) and os.environ.get("CASEBOOK_PDF", "1") != "0"


def creation_date(case: Case) -> str:
    """A fixed date for the PDF's metadata: SOURCE_DATE_EPOCH if set, else the report's own dates."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    approval = case.approval.approved_on if case.approval else None
    day = approval or (case.foreword.date if case.foreword else None) or case.report.period.end
    return f"{day.isoformat()}T00:00:00Z"


def build_site_pdfs(site: SiteCases, chapters: dict[str, list[ChapterPage]], numbering: dict, settings: PdfSettings,
                    site_dir: Path, *, workers: int | None = None) -> list[PdfOutcome]:
    profile = settings.print_profile
    logo = (site.root / profile.logo).resolve() if profile.logo else None
    css = profile_css(profile)
    jobs = []
    for slug, loaded in site.cases.items():
        document = build_print_html(loaded.case, chapters.get(slug, []), numbering[slug], site_dir=site_dir,
                                    toc_depth=settings.toc_depth, created=creation_date(loaded.case),
                                    logo_src=logo.as_uri() if logo else None)
        files = document.files + ([logo] if logo else [])
        job = RenderJob(slug, document.html, css, settings.variant, settings.tagged, (str(site.root.resolve()), str(site_dir.resolve())))
        jobs.append((job, files, site_dir / pdf_url(slug)))
    return build_pdfs(jobs, cache_folder(site.root), workers=workers)

