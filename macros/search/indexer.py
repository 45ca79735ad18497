"""The search indexer of one build: each page cut into sections, analysed and written to the index
as MkDocs renders it.

Cutting pages into sections and tokenising and stemming their text is Casebook's own work, on top
of what stock MkDocs does; for an archive it was a fifth of the build. `mkdocs build` is one Python
process on one core, so a one-shot build runs the indexer in a forked process on the other core:
MkDocs hands it each page as Material's search plugin sees it (through a pipe, microseconds a page)
and goes on rendering, and the indexer writes each page's index file at once. When MkDocs is done,
only the term shards and the manifest are left to write. `mkdocs serve` (server threads, small
rebuilds) indexes in process. Both run the same `PageIndexer`.

Pages are numbered in the site's page order, which `begin` gives before the first page is rendered.
A page arriving early waits for its turn; a page of a report an incremental build kept
(macros/incremental.py) is never rendered, so its turn takes the analysis stored for it in the build
cache (macros/search/build.py), and the index is byte-identical to the one a full build writes.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from macros import processes
from macros.search.build import FolderWriter, IndexWriter, analyse, page_groups, store_sections, stored_sections
from macros.search.sections import page_entries
from macros.site import slug_of_page


class PageIndexer:
    def __init__(self) -> None:
        self._order: list[str] | None = None
        self._waiting: dict[str, list[list]] = {}   # page location -> analysed sections, until its turn

    def begin(self, site_dir: Path, order: list[str], reused: frozenset[str], entries: dict[str, Path]) -> None:
        """The pages of this build in the site's order (their URLs), before any is rendered. `entries`: by report,
        where its analysis is read from (a reused or kept report) or stored (a rendered one)."""
        self._site_dir, self._order, self._reused, self._entries = site_dir, list(order), reused, dict(entries)
        self._next = 0
        self._writer = IndexWriter(FolderWriter(site_dir))
        self._kept: dict[str, dict[str, list]] = {}     # reused report -> its stored analysis
        self._storing: tuple[str, dict] | None = None   # the rendered report whose pages are being indexed
        self._advance()

    def add_page(self, url: str, content: str, anchors: dict[str, str], title: str) -> None:
        for location, sections in page_groups(page_entries(url, content, anchors, title)):
            self._waiting[location] = analyse(sections)
        if self._order is not None:
            self._advance()

    def _advance(self, final: bool = False) -> None:
        while self._next < len(self._order):
            location = self._order[self._next]
            slug = slug_of_page(location)
            if location in self._waiting:
                sections = self._waiting.pop(location)
            elif slug in self._reused:
                if slug not in self._kept:
                    self._kept = {slug: stored_sections(self._entries.get(slug))}  # reports come one after another
                sections = self._kept[slug].get(location)  # what the index writer returned for it (or, from an
                # older Casebook, its analysed sections)
            elif final:        # never rendered (e.g. excluded from search): no entry
                sections = None
            else:
                return         # its turn has come but it has not been rendered yet
            self._next += 1
            if sections is not None:
                self._add(location, slug, sections)

    def _add(self, location: str, slug: str | None, sections: list[list] | tuple) -> None:
        if isinstance(sections, tuple):  # stored by an earlier build: the page as the writer wrote it
            self._writer.add(location, stored=sections)
            return
        written = self._writer.add(location, sections)
        if slug is not None and slug not in self._reused:
            # Each rendered report's pages, as written, are stored in the build cache for the next incremental build.
            if self._storing is None or self._storing[0] != slug:
                self._store()
                self._storing = (slug, {})
            self._storing[1][location] = written

    def _store(self) -> None:
        if self._storing is not None:
            if self._storing[0] in self._entries:
                store_sections(self._entries[self._storing[0]], self._storing[1])
            self._storing = None

    def finish(self, site_dir: Path, reused: frozenset[str]) -> None:
        if self._order is None:  # no page order was given: the pages in location order
            self.begin(site_dir, sorted(self._waiting), reused, {})
        self._advance(final=True)
        for location in sorted(self._waiting):  # rendered but not in the order (none expected)
            self._add(location, slug_of_page(location), self._waiting.pop(location))
        self._store()
        self._writer.close()
        self.__init__()

    def abandon(self) -> None:
        self.__init__()


def _serve(pages, replies) -> None:
    """The forked indexer's loop: pages until `finish`, then one reply (None, or the error's traceback)."""
    indexer = PageIndexer()
    try:
        while True:
            kind, *arguments = pages.recv()
            getattr(indexer, kind)(*arguments)
            if kind == "finish":
                replies.send(None)
                return
    except EOFError:  # the build ended without finishing (it failed): nothing to report to
        return
    except BaseException:  # reported to the build, which names it and fails
        replies.send(traceback.format_exc())


PIPE_BYTES = 1 << 20  # Linux' default limit for an unprivileged process


def _widen(connection) -> None:
    """A 1 MB pipe instead of 64 kB: some twenty pages of slack, so MkDocs does not wait whenever the
    indexer is a page behind (Linux only; elsewhere the default stays)."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):
        pass


class BackgroundIndexer:
    """A `PageIndexer` in a forked process (spawned where there is no fork: Windows); `finish` waits for
    it and raises what went wrong there."""

    def __init__(self) -> None:
        context = processes.context("fork")
        pages_in, self._pages_out = context.Pipe(duplex=False)
        self._replies_in, replies_out = context.Pipe(duplex=False)
        self._process = context.Process(target=_serve, args=(pages_in, replies_out),
                                        name="casebook-search-index", daemon=True)
        self._process.start()
        pages_in.close()   # the indexer's ends: only it holds them, so its death is seen as a broken pipe
        replies_out.close()
        _widen(self._pages_out)
        self._failed = None

    def _send(self, *message) -> None:
        if self._failed is None:
            try:
                self._pages_out.send(message)
            except OSError as exc:  # the indexer died; finish() says so
                self._failed = f"proses indeks pencarian berhenti: {exc}"

    def begin(self, site_dir: Path, order: list[str], reused: frozenset[str], entries: dict[str, Path]) -> None:
        self._send("begin", site_dir, order, reused, entries)

    def add_page(self, url: str, content: str, anchors: dict[str, str], title: str) -> None:
        self._send("add_page", url, content, anchors, title)

    def finish(self, site_dir: Path, reused: frozenset[str]) -> None:
        try:
            self._send("finish", site_dir, reused)
            if self._failed is None:
                self._failed = self._replies_in.recv()
        except (OSError, EOFError) as exc:
            self._failed = self._failed or f"proses indeks pencarian berhenti: {exc!r}"
        finally:
            self._process.join(timeout=10)
            if self._process.is_alive():
                self._process.kill()
        if self._failed:
            raise RuntimeError(self._failed)

    def abandon(self) -> None:
        """A build that failed before its end: stop the indexer."""
        if self._process.is_alive():
            self._process.kill()
