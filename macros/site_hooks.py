"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): put each report into the site.

`on_config` validates every report and builds the navigation; `on_files` adds each
report's chapter pages (the student's own, or the default template) and media under
`kasus/<slug>/`. A data error stops the build with the list of problems — file, line,
field, Indonesian message — and no traceback.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import sys
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from macros.archive.nav_cache import NavCache
from macros.archive.pages import (all_facts, archive_markdown, fill_page, global_navigation, link_chapters, report_navigation,
                                   report_sections, report_status)
from macros.error_catalogue import faq_markdown
from macros.errors import CaseDataError, Problem
from macros import gc_settle, messages, page_check, template_cache
from macros.loading import PLACEHOLDER_MESSAGE, SLUG
from macros.help_links import reference_link
from macros.incremental import ENV_FLAG as INCREMENTAL_FLAG
from macros.incremental import (REPORTS_DIR, needles_key, read_scan_memo, read_state, reusable_reports, scan_memo_path,
                                site_fingerprint, state_path, write_scan_memo, write_state)
from macros.progress import progress
from macros.publication import profile_view, published_media
from macros import archive_isolation as isolation
from macros.privacy.gate import report_guards, scan_key, scan_published, site_examples
from macros.privacy.media import MediaRefused, published_copy
from macros.privacy.sanitize import plain_text, sanitize
from macros.pdf import pool
from macros.pdf.assemble import ChapterPage
from macros.pdf.settings import load_pdf_settings
from macros.pdf.site_pdfs import (pdf_enabled, pdf_failure_message, pdf_url, print_documents, published_pdf_url,
                                  start_site_pdfs)
from macros.project import CASES_DIR, casebook_settings, vocabulary_of
from macros.render.schema_reference import schema_reference
from macros.render.macro_reference import macro_examples, macro_reference
from macros.render.numbering import NumberingError, ReportNumbering, chapter_of, resolve_markers
from macros.page_macros import finish_chapter_page
from macros.caches import cache_root
from macros.search import BackgroundIndexer, PageIndexer, install_page_sections, search_order
from macros.search.build import prune_sections, sections_entry
from macros.site import CHAPTERS, SITE_SECTION, current_build, load_site_cases, publication_profile, slug_of_page

log = logging.getLogger("mkdocs.plugins.casebook")
_serving = False  # `mkdocs serve`: data errors are shown in the browser too, not only in the terminal
_dirty = False    # `mkdocs build --dirty`: Casebook, not file times, decides what is rebuilt (macros/incremental.py)


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = dirty
    pool.configure(one_shot=not _serving)
    messages.attach()  # MkDocs' terminal messages in Indonesian, also under plain `mkdocs build`
    if _serving:  # plain `mkdocs serve` too: a failing rebuild is shown, never stops the preview (macros/serve.py)
        from macros.serve import install

        install()
    if dirty and os.environ.get(INCREMENTAL_FLAG) == "1":
        # MkDocs warns that a dirty build may leave stale navigation; here Casebook decides file by file
        # (macros/incremental.py) and every page that shows other pages is rebuilt. In strict mode the
        # warning would abort the build, so this one message is dropped.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith("A 'dirty' build is being performed"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    gc_settle.release()  # the previous build's objects (mkdocs serve) may go now
    previous = current_build.get("search")
    if previous is not None:
        previous.abandon()
    # The search indexer of a one-shot build is forked first, while this process is small: a child forked
    # later shares the heap of a thousand loaded reports, and every allocation there copies a page of it.
    indexer = PageIndexer() if _serving else BackgroundIndexer()
    config_file = Path(config.config_file_path)
    from urllib.parse import urlsplit
    current_build["url_path"] = urlsplit(config.site_url or "/").path.rstrip("/")  # where the site's pages are served
    # Where the preview shows the site (`mkdocs serve` sets dev_addr to the port it serves on): check's `lihat:` links.
    current_build["preview_base"] = f"http://127.0.0.1:{config.dev_addr.port}{current_build['url_path']}"
    try:
        settings = casebook_settings(config, config_file)
    except CaseDataError as exc:
        raise PluginError("Pengaturan Casebook di mkdocs.yml tidak valid:\n" + str(exc)) from None
    try:
        current_build["policy"] = isolation.failed_policy(settings)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    vocabulary = vocabulary_of(settings)
    try:
        current_build["pdf"] = load_pdf_settings(settings, config_file)
    except CaseDataError as exc:
        raise PluginError("Pengaturan PDF di mkdocs.yml tidak valid:\n" + str(exc)) from None
    try:
        # An archive build leaves out a report with errors and builds the others (macros/archive_isolation.py).
        site = load_site_cases(config_file.parent, vocabulary, keep_going=_serving, parallel=not _serving,
                               isolate=not _serving and not isolation.strict(), exclude=isolation.excluded())
    except CaseDataError as exc:
        raise PluginError("Data laporan tidak valid:\n" + str(exc)) from None
    current_build["left_out"] = {slug: [p.format() for p in problems] for slug, problems in site.left_out.items()}
    # A chapter page that is a symbolic link would publish whatever file it points at.
    refused = page_check.refused_pages(site)
    if refused and not _serving and isolation.strict():
        lines = "\n".join(p.format() for problems in refused.values() for p in problems)
        raise PluginError("Halaman laporan tidak valid:\n" + lines)
    if refused:  # that report is left out, like a report with a data error, and its problems shown or reported
        site = dataclasses.replace(site, cases={slug: loaded for slug, loaded in site.cases.items() if slug not in refused},
                                   problems=[*site.problems, *(p for problems in refused.values() for p in problems)]
                                   if _serving else site.problems,
                                   broken=[*site.broken, *refused] if _serving else site.broken)
        if not _serving:
            for slug, problems in refused.items():
                current_build["left_out"].setdefault(slug, []).extend(p.format() for p in problems)
    if current_build["left_out"]:
        print(f"GALAT   -  {len(current_build['left_out'])} laporan tidak valid dan tidak diterbitkan: "
              f"{', '.join(sorted(current_build['left_out']))} (rinciannya di akhir build)", file=sys.stderr)
    for problem in site.problems:  # only while serving: the terminal and every page show them
        # Printed, not logged: in strict mode a logged error would abort the preview it is meant to explain.
        print(f"GALAT   -  {problem.format()}", file=sys.stderr)
    # The media each report declares and this profile allows (from the whole report: the profile view below
    # has dropped internal appendices, whose files must stay withheld, not become undeclared).
    current_build["media"] = {slug: published_media(loaded, publication_profile()) for slug, loaded in site.cases.items()}
    # The reports as this profile publishes them (public: no internal appendices, no unconsented photos).
    site = dataclasses.replace(site, cases={slug: profile_view(loaded, publication_profile())
                                            for slug, loaded in site.cases.items()})
    current_build["site"] = site
    # Incremental build: which reports' previous output (linked into the staging folder) is still right.
    fingerprint = site_fingerprint(site.root, publication_profile(), extra=f"pdf={pdf_enabled()}")
    # A report is reused only with its search analysis (kept in the cache, macros/search/build.py): its pages are
    # not rendered again, and the index must still hold them.
    reused = (reusable_reports(site.root, Path(config.site_dir), fingerprint, site.keys,
                               available=lambda slug: sections_entry(site.root, fingerprint, site.keys[slug]).is_file())
              if _dirty and os.environ.get(INCREMENTAL_FLAG) == "1" else set())
    current_build["fingerprint"], current_build["reused"] = fingerprint, frozenset(reused)
    if pdf_enabled():  # workers import WeasyPrint on the other core while pages render
        pool.warm_up(max(1, len(site.cases) - len(reused)))  # reused reports keep their PDF: no worker for them
    # Fresh every build (mkdocs serve rebuilds in the same process): numbers never carry over.
    current_build["numbering"] = {slug: ReportNumbering(slug) for slug in site.cases}
    current_build["chapters"] = {slug: [] for slug in site.cases}
    config.nav = global_navigation(config.nav)
    config.copyright = _with_profile(config.copyright)
    # Every page renders in Casebook's sandbox with the page macros only (macros/sandbox.py); a page's
    # mistakes are collected as located problems (macros/page_check.py).
    current_build["page_problems"] = []
    _isolate_markdown_conversion()
    current_build["late_problems"] = []
    current_build["printed"] = {}  # slug -> characters of Markdown its pages made (page_check.MAX_REPORT_MARKDOWN)  # found while pages are written (on_post_page): an unknown ref()
    # mkdocs-macros compiles every page as a template: compile each distinct source once, ever (template_cache).
    page_check.install(config.plugins["macros"], site.root, current_build["page_problems"], serving=_serving,
                       vocabulary=site.vocabulary, cache=template_cache.cache_dir(site.root))
    gc_settle.settle()  # the loaded reports live until the build ends
    # Material's search plugin keeps its search box; Casebook indexes the pages (macros/search/).
    current_build["search"] = install_page_sections(config, indexer)
    if current_build["search"] is None:
        indexer.abandon()
    return config


PROFILE_NOTES = {
    "public": "Profil publik: portofolio terbuka, tanpa foto tanpa izin publikasi dan tanpa lampiran internal.",
    "internal": "Profil internal: arsip kampus lengkap, hanya untuk intranet kampus.",
}


def _with_profile(copyright: str | None) -> str:
    """The footer says which profile built the site, so nobody mistakes an internal copy for a public one."""
    note = f'<span class="casebook-profil" data-profil="{publication_profile()}">{PROFILE_NOTES[publication_profile()]}</span>'
    return f"{copyright} · {note}" if copyright else note


# Site pages generated with text quoted from students' reports (example values, a group's name in a link).
QUOTING_REPORTS = frozenset({"panduan/skema.md", "panduan/makro.md"})


def _template_example(root: Path) -> dict:
    """The `casebook new` template as example data, its `<<ISI: ...>>` placeholders read as their hints."""
    from macros.yaml_source import YamlSyntaxError, parse_yaml

    template = root / "docs" / "templat" / "kasus.yml"
    try:
        data = parse_yaml(template.read_text(encoding="utf-8")).data
    except (OSError, YamlSyntaxError):
        return {}

    def hint(value):
        if isinstance(value, str):
            return re.sub(r"<<ISI:?\s*(.*?)\s*(?:\.\.\.)?>>", r"\1", value)
        if isinstance(value, dict):
            return {key: hint(item) for key, item in value.items()}
        if isinstance(value, list):
            return [hint(item) for item in value]
        return value

    return hint(data) if isinstance(data, dict) else {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = current_build["site"]
    # Reference pages of the Panduan, generated from the code so they never go stale.
    generated = {
        # The example values come from the shipped template (docs/templat/kasus.yml), never from a student's folder:
        # the report whose folder sorted first planted its text on this shared page, where the privacy gate matched
        # another student's rahasia.yml and left out that student's report (red team s23 #16).
        "panduan/skema.md": schema_reference(site.vocabulary, _template_example(site.root)),
        "panduan/makro.md": macro_reference(macro_examples(site)),
        "panduan/galat.md": faq_markdown(current_build["preview_base"]),
    }
    for uri, markdown in generated.items():
        # Not rendered at all: the examples show Jinja-like text, and the schema page quotes a report's data
        # (a `{% endraw %}` in it must not end a raw block).
        files.append(File.generated(config, uri, content="---\nrender_macros: false\n---\n\n" + markdown + "\n"))
    current_build["facts"] = all_facts(site)
    _list_kept_reports(site)  # a kept report stays in the catalogue, statistics and tags as last published
    for uri, markdown in archive_markdown(current_build["facts"]).items():  # front matter first, no {% raw %}
        files.append(File.generated(config, uri, content=markdown))
    if _dirty:  # Casebook decides: a reused report's files are kept, everything else is written anew
        reused = current_build["reused"]
        for file in files:
            keep = slug_of_page(file.src_uri) in reused
            file.is_modified = (lambda: False) if keep else (lambda: True)
    for slug in site.broken:
        # Under `casebook serve`, a report whose data has errors keeps its addresses: its pages say so
        # (the errors are on top of every page), instead of a 404 the student cannot explain.
        if SLUG.fullmatch(slug):
            for name, title in CHAPTERS.items():
                files.append(File.generated(config, f"{SITE_SECTION}/{slug}/{name}", content=_broken_page(slug, title)))
    for slug in site.cases:
        for name in CHAPTERS:
            source = site.page_source(slug, name)
            if source:
                files.append(File.generated(config, f"{SITE_SECTION}/{slug}/{name}", abs_src_path=str(source)))
        _add_media(files, config, site.root, slug, current_build["media"].get(slug, set()))
    return files


def _list_kept_reports(site) -> None:
    """`pertahankan`: the listing (facts, card) each kept report had when its pages were published joins this build's;
    a report left out without pages is counted in the catalogue's note (macros/archive/kept.py)."""
    from macros.archive.kept import load_listing
    from macros.incremental import kept_entry

    left_out = set() if _serving else set(current_build["left_out"]) | isolation.excluded()
    sources = isolation.kept_sources(left_out, current_build["policy"])
    listings = {slug: load_listing(kept_entry(site.root, source.parent.parent, slug)) for slug, source in sources.items()}
    current_build["kept_listings"] = {slug: listing for slug, listing in listings.items() if listing is not None}
    current_build["kept_unlisted"] = sorted(slug for slug, listing in listings.items() if listing is None)
    current_build["not_listed"] = sorted(left_out - set(sources) - set(site.cases))
    current_build["facts"] = [*current_build["facts"], *(listing.facts for listing in current_build["kept_listings"].values())]


def _catalogue_extras(page_url: str) -> dict:
    """What `fill_page` adds to this build's own cards: kept reports' cards and the note on what is not listed; and
    where it stores the cards it made (the listing a later build keeps, if the report breaks)."""
    from macros.archive.kept import kept_card, left_out_note, store_listings

    site = current_build["site"]
    entries = {slug: sections_entry(site.root, current_build["fingerprint"], key) for slug, key in site.keys.items()}
    return {
        "extra_cards": {slug: kept_card(listing.card) for slug, listing in current_build.get("kept_listings", {}).items()},
        "note": left_out_note(current_build.get("not_listed", []), current_build.get("kept_unlisted", []),
                              lambda slug: get_relative_url(f"{SITE_SECTION}/{slug}/", page_url),
                              publication_profile() == "internal"),
        "on_cards": None if _serving else (lambda cards: store_listings(entries, current_build["facts"], cards)),
    }


def _broken_page(slug: str, title: str) -> str:
    return (f"# {title}\n\nLaporan `{slug}` belum dapat ditampilkan: data `{CASES_DIR}/{slug}/kasus.yml` belum valid. "
            "Galatnya tertera di kotak di atas (dan di terminal). Perbaiki lalu simpan berkasnya: halaman ini dimuat "
            "ulang sendiri.\n")


def _add_media(files: Files, config: MkDocsConfig, root: Path, slug: str, published: set[str]) -> None:
    """A report's declared, allowed media, each as its cleaned copy (decoded, upright, no metadata; SVG
    sanitised): the site, the PDF and the Word export all read that copy. Undeclared files are never copied."""
    folder = (root / CASES_DIR / slug).resolve()
    for relative in sorted(published):
        item = root / CASES_DIR / slug / relative
        shown = f"{CASES_DIR}/{slug}/{relative}"
        if not relative.startswith("media/"):
            continue  # `check` refuses files outside media/ (kasus.yml, rahasia.yml, a chapter page ...)
        if item.is_symlink() or not item.resolve().is_relative_to(folder) or (item.is_file() and item.stat().st_nlink > 1):
            # A symlink out of the report folder would publish whatever it points at. Never copied; the report is
            # left out at on_env like one whose page has a mistake (check refuses it already: this is the backstop).
            current_build["page_problems"].append(Problem(
                shown, 1, 1, "", "berkas media berupa tautan simbolik/tautan keras atau menunjuk ke luar folder laporan",
                "salin berkasnya ke folder media/ (jangan pakai tautan simbolik)"))
            continue
        if not item.is_file():
            continue  # named but missing: `check` and the build's data check report it at its line
        try:
            copy = published_copy(item, slug, root)
        except MediaRefused as exc:  # e.g. a photo check accepted that cannot be re-encoded: this report only
            current_build["page_problems"].append(Problem(shown, 1, 1, "", exc.message, exc.hint))
            continue
        files.append(File.generated(config, f"{SITE_SECTION}/{slug}/{relative}", abs_src_path=str(copy)))


def on_nav(nav, config: MkDocsConfig, files: Files):
    """Report pages are outside the global navigation: link each report's chapters among themselves."""
    sections = report_sections(current_build["site"], files)
    for pages in sections.values():
        link_chapters(pages)
    current_build["report_pages"] = sections
    current_build["nav_cache"] = NavCache()  # fresh each build: the items it holds are this build's
    progress.start()
    progress.expect("Halaman", len(files.documentation_pages()))
    gc_settle.settle()  # files, pages and navigation live until the build ends
    return nav


def _with_leading_text_kept(markdown: str, page) -> str:
    """MkDocs reads leading `Kata: teks` lines of a page without `---` as meta-data and drops them from the
    text; a student's page starting "Tujuan: meningkatkan ..." would lose its first paragraph silently.
    Only `---` front matter is front matter on a report page: those lines are put back as text."""
    source = page.file.abs_src_path
    if not page.meta or not source:
        return markdown
    try:
        text = Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return markdown
    if text.lstrip().startswith("---"):
        return markdown
    leading = text.split("\n\n", 1)[0]
    page.meta = {}
    return leading + "\n\n" + markdown


def _page_problem(slug: str, page, message: str, hint: str = "") -> str:
    """A report page that cannot be rendered: a located problem, collected with the page check's (on_env leaves that
    report out of an archive build, or fails a strict one), and an empty page meanwhile; never a whole-build abort."""
    current_build["page_problems"].append(Problem(f"{CASES_DIR}/{slug}/{page.file.name}.md", 1, 1, "", message, hint))
    return "# Halaman tidak dapat ditampilkan\n"


def _photo_nowhere(slug: str, tag: str, page):
    """A photo whose `bagian` names a sub-section its chapter does not have, located at that `bagian` in kasus.yml."""
    from macros.errors import display_path
    from macros.loading import Locator

    loaded = current_build["site"].cases[slug]
    photos = loaded.case.appendices.photos if loaded.case.appendices else []
    index = next((i for i, photo in enumerate(photos) if photo.section == tag), 0)
    locator = Locator(display_path(loaded.folder / "kasus.yml", current_build["site"].root), loaded.document)
    return locator.problem(("lampiran", "dokumentasi", index, "bagian"),
                           f"foto ini tidak tampil: subbab {tag} tidak ada di halaman {page.file.name}.md",
                           "perbaiki `bagian` dengan nomor subbab yang ada di bab itu, atau tambahkan subbabnya")


def _isolate_markdown_conversion() -> None:
    """MkDocs turns a page's Markdown into HTML between on_page_markdown and on_page_content, outside every hook:
    a failure there (Python-Markdown's RecursionError on input no bound foresaw, red team s23 #6) stopped the whole
    build. For a report page it becomes that report's located problem (left out by on_env, as any page mistake)
    and the page is rendered as a short notice; the site's own pages fail as before. Installed once per process."""
    from mkdocs.structure.pages import Page

    if getattr(Page.render, "_casebook_isolated", False):
        return
    original = Page.render

    def render(self, config, files):
        try:
            return original(self, config, files)
        except Exception as exc:  # noqa: BLE001 - the per-report boundary of MkDocs' own Markdown step
            slug = slug_of_page(self.file.src_uri)
            if slug is None:
                raise
            log.debug("Markdown conversion failed", exc_info=True)
            self.markdown = _page_problem(slug, self, f"halaman ini tidak dapat diubah menjadi HTML: kesalahan di "
                                                      f"dalam Casebook ({type(exc).__name__}), belum tentu karena "
                                                      "halaman Anda",
                                          "laporan lain tetap dibangun; laporkan pesan ini ke pengelola Casebook")
            return original(self, config, files)

    render._casebook_isolated = True
    Page.render = render


def _isolated(hook):
    """A report page whose processing fails inside Casebook (a bug, or input no check foresaw: red team s23 #11's
    KeyError, #6's RecursionError) is a located problem of that report, which on_env leaves out of an archive build
    (or fails a strict one), never a whole-build stop. Pages of the site itself fail as before."""
    import functools

    @functools.wraps(hook)
    def run(content: str, page, config: MkDocsConfig, files: Files) -> str:
        slug = slug_of_page(page.file.src_uri)
        if slug is None:
            return hook(content, page, config, files)
        try:
            return hook(content, page, config, files)
        except PluginError:
            raise
        except Exception as exc:  # noqa: BLE001 - the per-report boundary of the page hooks
            log.debug("page hook failed", exc_info=True)
            return _page_problem(slug, page, f"halaman ini tidak dapat diproses: kesalahan di dalam Casebook "
                                             f"({type(exc).__name__}), belum tentu karena halaman Anda",
                                 "laporan lain tetap dibangun; laporkan pesan ini ke pengelola Casebook")
    return run


@_isolated
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """Chapter pages of a report get their section numbers and captions (macros/render/chapter.py), computed
    from what the macros left. CASEBOOK_EXPORT_MARKDOWN=<dir>: keep each page's Markdown as mkdocs-macros
    expanded it, so a benchmark can build the very same content with stock MkDocs + Material (tests/benchmarks)."""
    slug = slug_of_page(page.file.src_uri)
    if slug is not None:
        if (page.meta or {}).get("render_macros") is False:
            # Not a template, so the page language did not refuse Casebook's marker characters in it: taken out
            # here, a page can still not forge a reference, list or caption (macros/render/numbering.py INTERNAL).
            from macros.sandbox import INTERNAL_CHARACTERS

            markdown = INTERNAL_CHARACTERS.sub("", markdown)
            # Nor borrow Casebook's display classes (a rendered page loses them in render_bounded; red team s23 #13).
            from macros.privacy.sanitize import strip_casebook_classes

            markdown = strip_casebook_classes(markdown)[0]
        printed = current_build.setdefault("printed", {})
        limit = page_check.page_budget(printed.get(slug, 0))
        printed[slug] = printed.get(slug, 0) + len(markdown)
        if len(markdown) > limit:
            # A loop over a long literal list can turn a 50 KB page into 50 MB, and ten pages under the page cap
            # make a PDF of thousands of pages: Markdown, search and the PDF of that much would stall the whole
            # build. The macros' render already stopped at the same caps (page_check.install); this also holds for
            # a page not rendered as a template. The report is left out like one whose page has any other mistake
            # (on_env), named at its page.
            return _page_problem(slug, page, *page_check.too_large(limit))
        # Nesting Markdown, WeasyPrint or pandoc would recurse through until they crash (red team s23 #6, #8):
        # the report is left out at the page's line, as check says (warnings there are check's only).
        source = page_check.PageSource.of_rendered(Path(page.file.abs_src_path), current_build["site"].root, markdown) \
            if page.file.abs_src_path else None
        structure = [p for p in page_check.structure_problems(source, markdown) if p.is_error] if source else []
        if structure:
            current_build["page_problems"].extend(structure)
            return "# Halaman tidak dapat ditampilkan\n"
        markdown = _with_leading_text_kept(markdown, page)
        # `<![` (a CDATA/marked section, meaningless in HTML) crashes MkDocs' anchor scanner with a traceback:
        # a report page shows it as text.
        markdown = markdown.replace("<![", "&lt;![")
    if slug_of_page(page.file.src_uri) in current_build["numbering"] and chapter_of(page.file.name) is not None:
        try:
            markdown, nowhere = finish_chapter_page(markdown, page)
        except NumberingError as exc:
            return _page_problem(slug_of_page(page.file.src_uri), page, str(exc))
        for tag in nowhere:  # a photo that would show nowhere: that report is left out (or a strict build fails)
            current_build["page_problems"].append(_photo_nowhere(slug_of_page(page.file.src_uri), tag, page))
    export = os.environ.get("CASEBOOK_EXPORT_MARKDOWN")
    if export:
        target = Path(export) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    return markdown


@_isolated
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Report pages are sanitised (no script from anything a student wrote), then kept as rendered:
    the PDF is made of the very same HTML. Generated Arsip pages get their catalogue here."""
    slug = slug_of_page(page.file.src_uri)
    if slug is None:
        if page.file.src_uri in QUOTING_REPORTS:
            # Generated from students' reports: through the same allow-list as a report page (red team s23 #18).
            html = sanitize(html)
        from macros.archive.pages import CATALOGUE_PAGE

        extras = _catalogue_extras(page.url) if page.file.src_uri == CATALOGUE_PAGE else {}
        return fill_page(page.file.src_uri, html, page.url, current_build["site"], current_build["facts"],
                         published_pdf_url, **extras)
    # One path for everything a student controls: the page's HTML (prose, captions, alt texts, diagrams, raw
    # HTML, Markdown links) through the allow-list, images confined to the report's own folder, titles as text.
    html = sanitize(html, page.url, f"{SITE_SECTION}/{slug}/")
    _clean_front_matter(page)
    # Kept for the PDF or the Word export only: at a thousand reports this copy is some 400 MB.
    if slug in current_build["chapters"] and (pdf_enabled() or os.environ.get("CASEBOOK_EXPORT_HTML")):
        current_build["chapters"][slug].append(ChapterPage(page.file.name + ".md", page.url, html))
    return html


# Front-matter keys a chapter page may set, and what the theme does with them. Anything else (`template:`
# would pick another theme template, `icon:`/`status:` reach the navigation) is dropped.
_HIDE_VALUES = frozenset({"navigation", "toc", "footer", "feedback", "path"})


def _clean_front_matter(page) -> None:
    """Material prints page titles and front matter unescaped: a report page's become plain text.
    Runs after the page is rendered (its title may come from its first heading), before any template."""
    meta = page.meta or {}
    cleaned: dict = {}
    if "title" in meta:
        cleaned["title"] = plain_text(meta["title"])
    if isinstance(meta.get("description"), str):
        cleaned["description"] = plain_text(meta["description"])
    if isinstance(meta.get("hide"), list):
        cleaned["hide"] = [value for value in meta["hide"] if value in _HIDE_VALUES]
    if isinstance(meta.get("search"), dict) and isinstance(meta["search"].get("exclude"), bool):
        cleaned["search"] = {"exclude": meta["search"]["exclude"]}
    page.meta = cleaned
    page.title = plain_text(page.title) if page.title is not None else None


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    """Report pages get a download link to their PDF (see overrides/main.html) and a sidebar
    of their own chapters."""
    slug = slug_of_page(page.file.src_uri)
    if slug is None:
        return context
    loaded = current_build["site"].cases.get(slug)
    if pdf_enabled() and loaded is not None:
        context["casebook_pdf"] = get_relative_url(pdf_url(slug), page.url)
    if loaded is not None:
        case = loaded.case
        title = f"{case.subject_code} · {case.place_name} ({case.report.year})"
        context["nav"] = report_navigation(nav, slug, title, current_build["report_pages"][slug])
        context["casebook_nav_item"] = current_build["nav_cache"].for_page(page.url)
        context["casebook_status"] = report_status(case, current_build["site"].vocabulary)
    return context


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Every page has been rendered by now: resolve references and lists of tables/figures."""
    progress.advance("Halaman")
    slug = slug_of_page(page.file.src_uri)
    output = remove_comments(_with_error_banner(output, current_build["site"].problems + current_build["page_problems"],
                                                slug))
    if slug is None or slug not in current_build["numbering"]:  # not a report, or one left out for its errors
        return output
    numbering = current_build["numbering"][slug]
    try:
        return resolve_markers(output, numbering, page.url)
    except NumberingError as exc:
        problem = page_check.post_page_problem(exc, page, current_build["site"].root, numbering)
        if not _serving:  # every page is written first; on_post_build leaves the report out (or fails a strict build)
            current_build["late_problems"].append(problem)
            return output
        print(f"GALAT   -  {problem.format()}", file=sys.stderr)
        return _with_error_banner(output, [problem])


def on_env(env, config: MkDocsConfig, files: Files):
    """Every chapter is rendered by now: start the PDFs, which render while MkDocs writes the site."""
    if current_build["page_problems"] and not _serving:  # every page's mistakes at once, located in cases/
        message = "Halaman laporan bergalat:\n" + "\n".join(p.format() for p in current_build["page_problems"])
        by_report = _by_report(current_build["page_problems"])
        if by_report and not isolation.strict() and isolation.write_report(current_build["left_out"], by_report):
            message += f"\nLaporan itu akan dibangun ulang tanpa diterbitkan: {', '.join(sorted(by_report))}"
        raise PluginError(message)
    current_build["pdf_pending"] = None
    export_dir = os.environ.get("CASEBOOK_EXPORT_HTML")
    if export_dir:  # `casebook export`: the print HTML of every report, for pandoc
        documents, _ = print_documents(current_build["site"], current_build["chapters"], current_build["numbering"],
                                       current_build["pdf"], files)
        for slug, document in documents.items():
            Path(export_dir, f"{slug}.front.html").write_text(document.front_html, encoding="utf-8")
            Path(export_dir, f"{slug}.body.html").write_text(document.body_html, encoding="utf-8")
    if pdf_enabled():
        current_build["pdf_pending"] = start_site_pdfs(
            current_build["site"], current_build["chapters"], current_build["numbering"], current_build["pdf"],
            files, Path(config.site_dir), pool.executor(), skip=current_build["reused"])
    current_build["chapters"] = {}  # assembled into print HTML now; free them while MkDocs writes the site
    # `pertahankan`: a left-out report's last published pages are linked in now, and indexed for search from the
    # analysis stored with them (macros/archive_isolation.py); they were scanned when they were published.
    kept = {} if _serving else isolation.keep_previous(current_build["site"].root, Path(config.site_dir),
                                                       set(current_build["left_out"]) | isolation.excluded(),
                                                       current_build["policy"])
    current_build["kept"] = frozenset(kept)
    current_build["kept_entries"] = {slug: entry for slug, (_, entry) in kept.items() if entry is not None}
    if current_build["search"] is not None:  # the indexer numbers the pages in the order MkDocs writes them
        order = search_order(files) + [location for locations, _ in kept.values() for location in locations]
        site = current_build["site"]
        # Where each report's analysis is stored (rendered) or read (reused, kept): the build cache, not the site.
        entries = {slug: sections_entry(site.root, current_build["fingerprint"], key) for slug, key in site.keys.items()}
        entries.update(current_build["kept_entries"])
        current_build["search"].begin(Path(config.site_dir), order, current_build["reused"] | current_build["kept"],
                                      entries)
    gc_settle.settle()  # every page's content and table of contents live until the build ends
    return env


def _warn_missing_glyphs(slug: str, missing: tuple[str, ...]) -> None:
    """A character no installed font can draw prints as a blank gap: say where it is, never drop it silently."""
    from macros.pdf.glyphs import describe, locate

    loaded = current_build["site"].cases.get(slug)
    places = locate(loaded.folder, list(missing)) if loaded else []
    where = "; ".join(f"cases/{slug}/{place}" for place in places) or ", ".join(describe(c) for c in missing)
    log.warning(f"PDF laporan {slug}: karakter tanpa huruf (tercetak kosong): {where}. Ganti karakternya atau "
                "pasang huruf yang memuatnya (lihat OS_PACKAGES di Makefile).")


def on_post_build(config: MkDocsConfig) -> None:
    """Write one PDF per report; a failing report is named and fails the build after the others are written.
    Then prove that no private string of any report reached the site or a PDF."""
    # Search (macros/search/): written before the leak scan reads the site.
    if current_build["search"] is not None:
        try:
            current_build["search"].finish(Path(config.site_dir), current_build["reused"] | current_build.get("kept", frozenset()))
        except RuntimeError as exc:
            raise PluginError(f"Indeks pencarian tidak dapat dibuat:\n{exc}") from None
        current_build["search"] = None
    if publication_profile() == "internal":  # Arsip's catalogue download, before the leak scan reads the site
        from macros.archive.export_cli import write_site_catalogue
        write_site_catalogue(Path(config.site_dir), current_build["site"])
    if current_build.get("kept"):  # linked in, not built: MkDocs' sitemap does not know them
        from macros.archive.kept import add_to_sitemap, kept_pages
        add_to_sitemap(Path(config.site_dir), config.site_url, kept_pages(Path(config.site_dir), SITE_SECTION,
                                                                          current_build["kept"]))
    if current_build["late_problems"]:
        message = "Halaman laporan bergalat:\n" + "\n".join(p.format() for p in current_build["late_problems"])
        by_report = _by_report(current_build["late_problems"])
        if by_report and not isolation.strict() and isolation.write_report(current_build["left_out"], by_report):
            message += f"\nLaporan itu akan dibangun ulang tanpa diterbitkan: {', '.join(sorted(by_report))}"
        raise PluginError(message)
    pending = current_build.get("pdf_pending")
    if pending is None:
        progress.stop()
        _refuse_leaks(Path(config.site_dir), {})
        _remember_build(Path(config.site_dir))
        _report_left_out()
        return
    progress.expect("PDF", len(pending.order))
    outcomes = pending.finish(on_done=lambda slug: progress.advance("PDF"))
    progress.stop()
    pool.finish_build()
    _refuse_leaks(Path(config.site_dir), pending.print_texts)
    failed: dict[str, list[str]] = {}
    for outcome in outcomes:
        if outcome.error:
            message = pdf_failure_message(outcome.slug, outcome.error, current_build["numbering"].get(outcome.slug))
            failed[outcome.slug] = [message]
            log.error(message)
        if outcome.missing:
            _warn_missing_glyphs(outcome.slug, outcome.missing)
        elif outcome.cached:
            log.info(f"PDF {outcome.slug}: {outcome.pages} halaman (tidak berubah, dari cache)")
        else:
            log.info(f"PDF {outcome.slug}: {outcome.pages} halaman, {outcome.seconds:.1f} detik")
    if failed:
        message = f"PDF tidak dapat dibuat untuk: {', '.join(failed)} (PDF laporan lain sudah ditulis)"
        # An archive build leaves such a report out like one with a data error: `casebook build` builds again
        # without it (its pages are in the shared search index and catalogue, which cannot be cut afterwards).
        if not isolation.strict() and isolation.write_report(current_build.get("left_out") or {}, failed):
            message += f"\nLaporan itu akan dibangun ulang tanpa diterbitkan: {', '.join(sorted(failed))}"
        raise PluginError(message)
    _remember_build(Path(config.site_dir))
    _report_left_out()


def _report_left_out() -> None:
    """The reports this archive build left out: handed to `casebook build`, or (plain `mkdocs build`) a failed build
    whose site holds the other reports: nothing is left out silently."""
    left_out = current_build.get("left_out") or {}
    if isolation.write_report(left_out, {}) or not left_out:
        return
    raise PluginError(isolation.format_report(left_out))


def _remember_build(site_dir: Path) -> None:
    """What this build was made of, inside the site itself: the next `casebook build` reuses what is unchanged."""
    site = current_build["site"]
    kept = {slug: entry.relative_to(cache_root(site.root)).as_posix()
            for slug, entry in current_build.get("kept_entries", {}).items()}
    write_state(state_path(site.root, site_dir), current_build["fingerprint"], site.keys, current_build["needles_key"],
                kept)
    prune_sections(site.root)  # analyses no build has read for a month (old versions of edited reports)


def _refuse_leaks(site_dir: Path, print_texts: dict[str, str]) -> None:
    """The last gate: any private string or identity pattern in the output removes that output and fails the build.
    In an archive build, when every leak belongs to known reports, `casebook build` builds again without them."""
    site = current_build["site"]
    # Each report's rahasia.yml read once (a thousand of them: seconds of an incremental build), for both uses.
    guards = report_guards(site.cases, site.root)
    needles = [needle for guard in guards.values() for needle in guard.needles]
    current_build["needles_key"] = needles_key(needles)
    # Reused reports were scanned by the build that wrote them; with the same needles, once is enough.
    skip = (frozenset((REPORTS_DIR, slug) for slug in current_build["reused"])
            if read_state(state_path(site.root, site_dir)).get("needles") == current_build["needles_key"] else frozenset())
    skip |= {(REPORTS_DIR, slug) for slug in current_build.get("kept", ())}  # as published before (`pertahankan`)
    allowed = site_examples(site.root / "docs", [faq_markdown(current_build.get("preview_base"))])
    # Shared files that come out byte for byte as the last build's (most of the search index) are not read again.
    memo_path = scan_memo_path(site.root, site_dir)
    memo = read_scan_memo(memo_path, scan_key(guards, allowed, current_build["fingerprint"]))
    memo.unchanged = current_build["reused"] if skip else frozenset()  # reports whose pages are as scanned before
    leaks = scan_published(site_dir, guards, print_texts, skip, section=REPORTS_DIR, site_allowed=allowed, memo=memo)
    if not leaks:
        write_scan_memo(memo_path, memo)
        return
    memo_path.unlink(missing_ok=True)
    for leak in leaks:
        leaked = site_dir / leak.where.split(" (")[0].removeprefix("site/")
        if leaked.is_file():
            leaked.unlink()  # never leave a leaking page or PDF on disk
        else:  # the print HTML of a PDF: remove that PDF
            slug = leak.where.split(" ")[0]
            (site_dir / pdf_url(slug)).unlink(missing_ok=True)
    # A pattern in a shared page (search index, catalogue) is the report's whose own page shows it too.
    owners = {leak.what: leak.slug for leak in leaks if leak.slug}
    leaking: dict[str, list[str]] = {}
    unowned = []
    for leak in leaks:
        slug = None if leak.unattributed else leak.slug or owners.get(leak.what)
        if slug and slug in site.cases:
            leaking.setdefault(slug, []).append(leak.format())
        else:
            unowned.append(leak)
    lines = "\n".join(sorted({leak.format() for leak in leaks}))
    message = f"Data pribadi atau pola identitas ditemukan di hasil build (berkas itu dihapus):\n{lines}"
    if any(leak.unattributed for leak in leaks):
        message += ("\nHalaman bersama di atas memuat teks yang tercatat di rahasia.yml suatu laporan, tetapi teks itu tidak "
                    "berasal dari halaman laporan tersebut: laporan itu tidak ditinggalkan. Periksa dari mana teks halaman "
                    "itu berasal (halaman docs/ atau pengaturan mkdocs.yml) dan perbaiki di sana.")
    if leaking and not unowned and not isolation.strict() and isolation.write_report(current_build.get("left_out") or {}, leaking):
        message += f"\nLaporan yang bocor akan dibangun ulang tanpa diterbitkan: {', '.join(sorted(leaking))}"
    raise PluginError(message)


def _by_report(problems: list) -> dict[str, list[str]]:
    """Page problems by the report they belong to (`cases/<slug>/...`); empty when one belongs to none."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        parts = Path(problem.file).parts
        if CASES_DIR not in parts[:-2]:
            return {}
        found.setdefault(parts[parts.index(CASES_DIR) + 1], []).append(problem.format())
    return found


def remove_comments(html: str) -> str:
    """HTML comments go from every published page: their text is in the page source for anyone to read.
    Linear: each comment's end is looked for once (an unclosed comment runs to the end of the page)."""
    if "<!--" not in html:
        return html
    out, position = [], 0
    while True:
        start = html.find("<!--", position)
        if start < 0:
            out.append(html[position:])
            return "".join(out)
        out.append(html[position:start])
        end = html.find("-->", start + 4)
        if end < 0:
            return "".join(out)
        position = end + 3


def _reference_anchor_html(problem, vocabulary) -> str:
    # Under the path of site_url: MkDocs serves a site whose site_url is https://kampus.ac.id/arsip/ at /arsip/.
    link = reference_link(problem, vocabulary, base=current_build.get("url_path", ""))
    return f' <a href="{escape(link)}">lihat keterangan kolom ini</a>' if link else ""


def _with_error_banner(output: str, problems: list, slug: str | None = None) -> str:
    """Under `casebook serve`, the data errors on top of every page: the student sees them where they look.
    The errors of the report being viewed come first; a fresh template's `<<ISI ...>>` lines are one line
    per report (as in `casebook check`), so a new error is never buried under a classmate's placeholders."""
    if not problems:
        return output
    vocabulary = current_build["site"].vocabulary
    own = f"{CASES_DIR}/{slug}/" if slug else None
    placeholders: dict[str, list] = {}
    shown = []
    for problem in problems:
        if problem.message == PLACEHOLDER_MESSAGE:
            placeholders.setdefault(problem.file.rsplit("/", 1)[0], []).append(problem)
        else:
            shown.append(problem)
    shown.sort(key=lambda p: not (own and p.file.startswith(own)))  # stable: the file order stays within each part
    items = [f"<li><code>{escape(p.format())}</code>{_reference_anchor_html(p, vocabulary)}</li>" for p in shown]
    items += [f"<li><code>{escape(folder)}</code>: {len(found)} isian contoh <code>&lt;&lt;ISI ...&gt;&gt;</code> belum "
              f"diganti; mulai dari baris {min(p.line for p in found)}</li>" for folder, found in placeholders.items()]
    more = f"<li>… dan {len(items) - 30} lagi (lihat terminal)</li>" if len(items) > 30 else ""
    items = "".join(items[:30])
    banner = (f'<div class="casebook-galat-data" role="alert"><p><strong>Data laporan belum valid.</strong> '
              f"Laporan yang bergalat tidak ditampilkan sampai diperbaiki; halaman dimuat ulang saat Anda menyimpan.</p>"
              f"<ul>{items}{more}</ul></div>")
    body = re.search(r"<body[^>]*>", output)
    return output[:body.end()] + banner + output[body.end():] if body else banner + output
