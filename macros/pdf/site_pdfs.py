"""From a MkDocs build to one PDF per report (called by the hooks in macros/site_hooks.py)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from mkdocs.structure.files import Files

from macros.pdf.assemble import ChapterPage, PrintDocument, build_print_html
from macros.pdf.build import PendingPdfs, cache_folder, start_pdfs
from macros.pdf.render import RenderJob
from macros.pdf.settings import PdfSettings, PrintProfile, profile_css
from macros.pdf.watermark import watermark_css
from macros.caches import cache_root
from macros.privacy.media import media_cache_dir
from macros.project import CASES_DIR
from macros.render.numbering import NumberingError
from macros.schema import Case
from macros.site import SITE_SECTION, SiteCases, current_build


def pdf_url(slug: str) -> str:
    """Site-relative URL of a report's PDF: kasus/<slug>/<slug>.pdf."""
    return f"{SITE_SECTION}/{slug}/{slug}.pdf"


def pdf_enabled() -> bool:
    """PDFs are made in this build: on in mkdocs.yml, and not switched off with CASEBOOK_PDF=0."""
    settings = current_build.get("pdf")
    return bool(settings and settings.enabled) and os.environ.get("CASEBOOK_PDF", "1") != "0"


def published_pdf_url(slug: str) -> str | None:
    """The PDF's site-relative URL when this build makes PDFs, for links on cards; else None."""
    return pdf_url(slug) if pdf_enabled() else None


def creation_date(case: Case) -> str:
    """A fixed date for the PDF's metadata: SOURCE_DATE_EPOCH if set, else the report's own dates."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    approval = case.approval.approved_on if case.approval else None
    day = approval or (case.foreword.date if case.foreword else None) or case.report.period.end
    return f"{day.isoformat()}T00:00:00Z"


def print_documents(site: SiteCases, chapters: dict[str, list[ChapterPage]], numbering: dict, settings: PdfSettings,
                    files: Files, skip: frozenset[str] = frozenset()) -> tuple[dict[str, PrintDocument], dict[str, str]]:
    """Every report's print HTML (for its PDF, and for the Word export); reports that cannot be assembled, by slug.
    `skip`: reports an incremental build reused unchanged (their pages were not rendered, their PDF stays)."""
    docs_dir = (site.root / "docs").resolve()

    def sources_of(slug: str):
        """A report's print HTML may load its own (cleaned) media and the site's shipped files, nothing else:
        another report's photo named in a chapter page is not printed (macros/privacy/sanitize.py drops it first)."""
        own = f"{SITE_SECTION}/{slug}/"

        def source_of(uri: str) -> Path | None:
            file = files.get_file_from_path(uri)
            if file is None or not file.abs_src_path:
                return None
            path = Path(file.abs_src_path)
            if uri.startswith(own) or (not uri.startswith(f"{SITE_SECTION}/") and path.resolve().is_relative_to(docs_dir)):
                return path
            return None

        return source_of

    documents, failed = {}, {}
    for slug, loaded in site.cases.items():
        if slug in skip:
            continue
        profile = settings.profile_for(loaded.case)  # a report may pick its campus's profile
        logo = logo_file(site.root, settings, profile)
        try:
            documents[slug] = build_print_html(loaded.case, chapters.get(slug, []), numbering[slug], source_of=sources_of(slug),
                                               toc_depth=settings.toc_depth, created=creation_date(loaded.case),
                                               logo_src=logo.as_uri() if logo else None,
                                               figure_data=profile.figure_data, layout=profile.front)
            if logo:
                documents[slug].files.append(logo)  # the logo's bytes count for the PDF cache too
        except NumberingError as exc:  # e.g. an unknown ref(): the page itself fails the build with this message
            failed[slug] = str(exc)
    return documents, failed


def allowed_roots(root: Path, slug: str, settings: PdfSettings, profile: PrintProfile | None = None) -> tuple[str, ...]:
    """What WeasyPrint may read for one report: its own cleaned media (first: the base URL, so a relative
    image the print HTML could not map resolves there, never to the report's raw files or another
    report's), the site's shipped files (docs/) and the campus logo's folder."""
    roots = [media_cache_dir(root, slug).resolve(), (root / "docs").resolve()]
    logo = logo_file(root, settings, profile)
    if logo:
        roots.append(logo.parent)
    return tuple(str(r) for r in roots)


def logo_file(root: Path, settings: PdfSettings, profile: PrintProfile | None = None) -> Path | None:
    """The campus logo to print (of `profile`, else the site's profile). A logo kept in a folder that also holds
    the reports (the project folder itself) is printed from a copy, so that folder never becomes readable for a
    report's PDF."""
    profile = profile or settings.print_profile
    if not profile.logo:
        return None
    logo = (root / profile.logo).resolve()
    if not (root / CASES_DIR).resolve().is_relative_to(logo.parent):
        return logo
    copy = cache_root(root) / "logo" / logo.name
    if not copy.is_file() or copy.read_bytes() != logo.read_bytes():
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(logo.read_bytes())
    return copy.resolve()


def shows_draft_mark(case, layout) -> bool:
    """A report is marked DRAF until approved; where the campus prints no approval page, only a report
    whose `pengesahan` is written without a date is (a missing approval page is the campus's variant)."""
    if layout.approval_page:
        return case.is_draft
    return case.approval is not None and case.approval.approved_on is None


def start_site_pdfs(site: SiteCases, chapters: dict[str, list[ChapterPage]], numbering: dict, settings: PdfSettings,
                    files: Files, site_dir: Path, executor=None, skip: frozenset[str] = frozenset()) -> PendingPdfs:
    """Assemble every report's print HTML and start rendering; call .finish() on the result to write the PDFs."""
    documents, failed = print_documents(site, chapters, numbering, settings, files, skip)
    jobs = []
    for slug, loaded in site.cases.items():
        if slug not in documents:
            continue
        document = documents[slug]
        profile = settings.profile_for(loaded.case)
        # Until the report has an approval date, every page carries a diagonal DRAF mark.
        page_css = profile_css(profile) + (watermark_css() if shows_draft_mark(loaded.case, profile.front) else "")
        job = RenderJob(slug, document.front_html, document.body_html, page_css, settings.variant, settings.tagged,
                        allowed_roots(site.root, slug, settings, profile))
        jobs.append((job, document.files, site_dir / pdf_url(slug)))
    return start_pdfs(jobs, cache_folder(site.root), executor, failed)


_ANCHOR = re.compile(r"`((?:tabel|gambar|lampiran)-[^`]*)`")


def pdf_failure_message(slug: str, error: str, numbering) -> str:
    """A report's failed PDF as a located message: the chapter page and the macro argument behind a list entry
    the body lost (`cases/<slug>/<page>.md`, id and title), else the report and the error as it came."""
    match = _ANCHOR.search(error or "")
    caption = next((c for c in numbering.captions.values() if c.anchor == match.group(1)), None) if match and numbering else None
    if caption is None:
        return f"cases/{slug}: PDF laporan tidak dapat dibuat ({error})"
    page = caption.page_url.rstrip("/").rsplit("/", 1)[-1] or "index"
    return (f"cases/{slug}/{page}.md: PDF laporan tidak dapat dibuat: {caption.label} (id `{caption.element_id}`, "
            f"judul `{caption.title}`) tercantum di daftar {caption.kind} tetapi tidak ditemukan di isi laporan; "
            "ubah id atau judulnya (tanpa tanda kurung kurawal atau tanda kutip), lalu jalankan `casebook check`")

