"""The parts that keep an archive build near stock MkDocs' speed: Casebook's own page splitting for
search (Material's rules), the search indexer in its own process, compiled page templates kept
between builds, and the sidebar's site-wide items rendered once. Each must give what the slow way gave."""

from __future__ import annotations

import json
import os

import jinja2
import pytest

from macros import template_cache
from macros.search.build import stored_sections
from macros.search.indexer import BackgroundIndexer, PageIndexer
from macros.search.sections import page_entries

PAGE = """<h1 id="bab-iv">BAB IV <a class="headerlink" href="#bab-iv">¶</a></h1>
<p>Pengantar bab.</p>
<h2 id="identitas">Identitas <em>Klien</em><a class="headerlink" href="#identitas">¶</a></h2>
<table><tr><td>Kode klien</td><td>AJS</td></tr><tr><td>Usia</td><td>15 tahun</td></tr></table>
<script>var x = "<h2 id='palsu'>bukan judul</h2>";</script>
<div data-search-exclude><p>catatan tersembunyi</p></div>
<div class="admonition"><h3 id="dalam">Di dalam kotak</h3><p>isi kotak</p></div>
<p>Setelah kotak &amp; tabel.</p>
"""


def test_sections_follow_materials_rules_and_keep_words_apart():
    entries = page_entries("kasus/x/bab-4/", PAGE, {"identitas": "#identitas", "dalam": "#dalam"}, "BAB IV")
    assert [(e["location"], e["title"]) for e in entries] == [
        ("kasus/x/bab-4/", "BAB IV"),                 # the h1 is the page itself; the permalink ¶ is not in the title
        ("kasus/x/bab-4/#identitas", "Identitas Klien"),
        ("kasus/x/bab-4/#dalam", "Di dalam kotak")]
    identity = entries[1]["text"]
    # Table cells are separate words (Material's splitter ran them together: "Kode klienAJS").
    assert "Kode klien AJS Usia 15 tahun" in identity
    assert "bukan judul" not in json.dumps(entries)              # script content is not text
    assert "tersembunyi" not in json.dumps(entries)              # data-search-exclude
    # A heading nested in a block ends with the block: the text after it belongs to the section before.
    assert entries[2]["text"] == "isi kotak"
    assert identity.endswith("Setelah kotak &amp; tabel.")


def _index(tmp_path, indexer, order):
    site = tmp_path / "site"
    (site / "kasus" / "x").mkdir(parents=True)
    indexer.begin(site, order, frozenset(), {"x": tmp_path / "cache" / "x.pickle"})
    for url in reversed(order):  # out of order on purpose: each waits for its turn
        indexer.add_page(url, f'<h1 id="t">Judul {url}</h1><p>pelayanan sosial {url}</p>', {}, url)
    indexer.finish(site, frozenset())
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_background_indexer_writes_what_the_in_process_one_writes(tmp_path):
    order = ["", "kasus/x/", "kasus/x/bab-1/", "panduan/"]
    in_process = _index(tmp_path / "a", PageIndexer(), order)
    background = _index(tmp_path / "b", BackgroundIndexer(), order)
    assert in_process == background
    assert json.loads(in_process["search/casebook/p/2.json"])["l"] == "kasus/x/bab-1/"  # the site's order
    assert json.loads(in_process["search/casebook/manifest.json"])["reports"] == [["x", 1, 2]]
    # Kept for the next incremental build in the build cache, never in the published site.
    assert not [name for name in in_process if name.rsplit("/", 1)[-1].startswith(".")]
    stored = stored_sections(tmp_path / "a" / "cache" / "x.pickle")
    assert sorted(stored) == ["kasus/x/", "kasus/x/bab-1/"]
    assert stored == stored_sections(tmp_path / "b" / "cache" / "x.pickle")


def test_a_failing_indexer_fails_the_build_with_its_reason(tmp_path):
    (tmp_path / "site").write_text("bukan folder")  # the index's folder cannot be made under a file
    indexer = BackgroundIndexer()
    indexer.begin(tmp_path / "site", ["kasus/x/"], frozenset(), {})
    with pytest.raises(RuntimeError, match="NotADirectoryError|FileExistsError"):
        indexer.finish(tmp_path, frozenset())


def test_compiled_templates_are_reused_from_disk_and_errors_are_never_cached(tmp_path):
    source = "{% for i in range(3) %}{{ i }}{% endfor %} {{ nama }}"
    first = jinja2.Environment()
    template_cache.install(first, tmp_path)
    assert first.from_string(source).render(nama="AJS") == "012 AJS"
    assert len(list(tmp_path.glob("*.code"))) == 1

    second = jinja2.Environment()
    template_cache.install(second, tmp_path)
    second.compile = lambda *a, **k: pytest.fail("compiled again although the code was on disk")
    assert second.from_string(source).render(nama="LN") == "012 LN"  # same code, this page's variables

    third = jinja2.Environment()
    template_cache.install(third, tmp_path)
    for _ in range(2):  # the same error each time: nothing was cached
        with pytest.raises(jinja2.TemplateSyntaxError):
            third.from_string("{% if %}")
    assert len(list(tmp_path.glob("*.code"))) == 1


def test_cached_reports_unused_for_a_month_are_removed_and_used_ones_kept(tmp_path, monkeypatch):
    import os
    import shutil
    import time

    from macros import load_cache
    from macros.site import load_site_cases
    from macros.vocabulary import build_vocabulary
    from tests.helpers import FIXTURE

    monkeypatch.delenv("CASEBOOK_CACHE_DIR", raising=False)
    shutil.copytree(FIXTURE, tmp_path / "cases" / "laporan-uji")
    vocabulary = build_vocabulary(None)
    load_site_cases(tmp_path, vocabulary)
    cache = load_cache.cache_dir(tmp_path)
    [used] = list(cache.glob("*/*.pickle"))
    stale = used.parent / ("0" * 64 + ".pickle")   # e.g. an entry of an older Casebook version
    stale.write_bytes(used.read_bytes())
    long_ago = time.time() - (load_cache.UNUSED_DAYS + 1) * 86400
    for entry in (used, stale):
        os.utime(entry, (long_ago, long_ago))
    site = load_site_cases(tmp_path, vocabulary)   # a build: the report's entry is used, so kept
    assert "laporan-uji" in site.cases
    assert used.is_file() and not stale.exists()


def test_sidebar_items_are_rendered_once_per_depth_and_the_current_section_every_time():
    from types import SimpleNamespace

    from macros.archive.nav_cache import NavCache

    calls = []

    def render_item(item, path, level):
        calls.append((item.title, path))
        return f"<li>{item.title}@{path}</li>"

    panduan, report = SimpleNamespace(title="Panduan", active=False), SimpleNamespace(title="AJS", active=True)
    cache = NavCache()
    for page_url in ("kasus/a/bab-1/", "kasus/a/bab-2/", "kasus/b/bab-1/"):
        render = cache.for_page(page_url)
        assert render(panduan, "__nav_3", render_item) == "<li>Panduan@__nav_3</li>"
        assert render(report, "__nav_2", render_item) == "<li>AJS@__nav_2</li>"
    cache.for_page("kasus/a/")(panduan, "__nav_3", render_item)   # another depth: its own links
    assert calls.count(("Panduan", "__nav_3")) == 2
    assert calls.count(("AJS", "__nav_2")) == 3


def test_uncached_reports_are_loaded_on_every_core_with_the_same_result(tmp_path, monkeypatch):

    from macros import load_cache
    from macros.loading import load_case
    from macros.site import load_site_cases
    from macros.synth import generate
    from macros.vocabulary import build_vocabulary

    monkeypatch.delenv("CASEBOOK_CACHE_DIR", raising=False)
    slugs = generate(tmp_path / "cases", load_cache.PARALLEL_FROM + 2, 3)
    vocabulary = build_vocabulary(None)
    stored_by = tmp_path / "disimpan-oleh"
    stored_by.mkdir()
    monkeypatch.setattr(load_cache, "_store", _recording(load_cache._store, stored_by))
    site = load_site_cases(tmp_path, vocabulary)
    assert sorted(site.cases) == sorted(slugs)
    pids = {int(p.name) for p in stored_by.iterdir()}
    assert len(pids) >= 2 and os.getpid() not in pids  # filled by forked workers, not by the build
    for slug in slugs[:2]:  # what the workers cached is what loading gives
        direct = load_case(tmp_path / "cases" / slug, vocabulary=vocabulary, root=tmp_path)
        assert site.cases[slug].case == direct.loaded.case and site.cases[slug].document.data == direct.loaded.document.data


def _recording(store, folder):
    def recorded(entry, result):
        (folder / str(os.getpid())).touch()  # a file: the workers are other processes
        store(entry, result)
    return recorded
