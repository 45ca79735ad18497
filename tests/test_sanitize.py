"""The sanitiser (nh3 with Casebook's allow-list): every XSS vector of the corpus comes out inert,
Casebook's own markup comes out unchanged, and URLs stay inside the report's own folder.

Fast (no build): the same corpus is loaded in Chromium by tests/test_xss.py.
"""

from __future__ import annotations

import re
import time

import markdown
import pytest

from macros.privacy.sanitize import (STYLE_PROPERTIES, TAGS, UnsafeSvg, confine_urls, plain_text, sanitize,
                                     sanitize_svg_file)
from macros.render.numbering import LIST_MARKER, REF_MARKER
from tests.xss_corpus import load_vectors, problems

VECTORS = load_vectors()
# The site's Markdown extensions (mkdocs.yml): attr_list lets a page set attributes, md_in_html mixes both.
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
PAGE_URL, OWN = "kasus/ts-contoh-2024/bab-1-pendahuluan/", "kasus/ts-contoh-2024/"


def test_the_corpus_is_big_enough():
    assert len(VECTORS) >= 150
    assert len(set(VECTORS)) == len(VECTORS), "duplicate vectors"
    # Chapter pages are Jinja templates too: the corpus must reach the HTML sanitiser, not the template engine.
    assert not [v for v in VECTORS if "{{" in v or "{%" in v or "{#" in v]


@pytest.mark.parametrize("vector", VECTORS)
def test_every_vector_comes_out_inert(vector):
    for source in (vector, markdown.markdown(vector, extensions=EXTENSIONS)):
        clean = sanitize(source, PAGE_URL, OWN)
        assert problems(clean, TAGS, STYLE_PROPERTIES) == [], clean
        # Mutation XSS lives in the difference between two parses: cleaning the output again changes nothing.
        assert sanitize(clean, PAGE_URL, OWN) == clean


@pytest.mark.parametrize("vector", VECTORS)
def test_every_vector_is_plain_text_as_a_title(vector):
    title = plain_text(vector)
    assert not set(title) & set("<>\"'`")
    # Material runs titles through `striptags`, which un-escapes entities: still no markup afterwards.
    from markupsafe import Markup
    assert not set(Markup(title).striptags()) & set("<>\"'`")


def test_casebook_markup_is_kept():
    page = ('<h2 id="41-engagement">4.1 Engagement<a class="headerlink" href="#41-engagement" title="Permanent link">¶</a></h2>'
            '<figure class="casebook-gambar" id="gambar-ecomap"><svg xmlns="http://www.w3.org/2000/svg" class="casebook-diagram '
            'casebook-ecomap" role="img" viewBox="0 0 600 400" width="600" height="400" font-family="\'Liberation Sans\', Arial" '
            'aria-labelledby="t1"><title id="t1">Ecomap</title><desc>Klien di tengah</desc><g class="sistem" '
            'data-hubungan="kuat"><line x1="1" y1="2" x2="3" y2="4" stroke="#000" stroke-width="2" stroke-dasharray="4 2">'
            '</line><circle cx="5" cy="5" r="3" fill="#fff" stroke="#000"></circle><polygon class="panah" points="1,2 3,4 5,6" '
            'fill="#000"></polygon><path d="M0 0L1 1" stroke="#000"></path><rect x="1" y="1" width="2" height="2" rx="1" '
            'fill="none" stroke="#000"></rect><text font-size="12" text-anchor="middle" font-weight="bold"><tspan x="1" y="2">'
            'LN</tspan></text></g></svg><figcaption>Gambar 4.1 Ecomap</figcaption></figure>'
            '<table class="casebook-tabel"><thead><tr><th scope="col" style="text-align: center;">No</th></tr></thead>'
            '<tbody><tr><td colspan="2" rowspan="1">1</td></tr></tbody></table>'
            '<details class="casebook-data-gambar"><summary>Data</summary><p>x</p></details>'
            '<div class="admonition note"><p class="admonition-title">Catatan</p><p>isi</p></div>'
            f'<p>{REF_MARKER.format(id="wawancara")}</p>{LIST_MARKER.format(kind="tabel")}'
            '<img class="casebook-foto" src="../media/foto.jpg" alt="Kegiatan" loading="lazy">'
            '<p><a href="https://example.org/buku">buku</a> <a href="../bab-2-landasan-konseptual/#teori">teori</a></p>')
    assert sanitize(page, PAGE_URL, OWN) == page.replace("text-align: center;", "text-align:center")


@pytest.mark.parametrize("src, kept", [
    ("../media/foto.jpg", "../media/foto.jpg"),
    ("../media//foto.jpg", "../media/foto.jpg"),       # one canonical spelling is written back
    ("../media/./foto.jpg", "../media/foto.jpg"),
    ("..\\media\\foto.jpg", "../media/foto.jpg"),     # browsers read backslashes as slashes
    ("%2e%2e/media/foto.jpg", "../media/foto.jpg"),    # ... and %2e%2e as ..
    ("/kasus/ts-contoh-2024/media/foto.jpg", "../media/foto.jpg"),
    ("../../../aset/logo-kampus.svg", "../../../aset/logo-kampus.svg"),  # a shipped asset
    ("media/foto.jpg", None),                          # kasus/<slug>/bab-1/media/: not the report's media folder
    ("../../ajs-kartini-2024/media/kontrak.svg", None),
    ("../../../cases/ajs-kartini-2024/media/kontrak.svg", None),
    ("cases/ajs-kartini-2024/media/kontrak.svg", None),
    ("/kasus/ajs-kartini-2024/media/kontrak.svg", None),
    ("../media/../../ajs-kartini-2024/media/kontrak.svg", None),
    ("media/../../ajs-kartini-2024/media/kontrak.svg", None),
    ("%2e%2e/%2e%2e/ajs-kartini-2024/media/kontrak.svg", None),
    ("%2E%2E/%2E%2E/ajs-kartini-2024/media/kontrak.svg", None),
    ("..%2f..%2fajs-kartini-2024/media/kontrak.svg", None),
    ("..\\..\\ajs-kartini-2024\\media\\kontrak.svg", None),
    ("../../../../../../etc/passwd", None),
    ("https://tracker.example/pixel.png", None),
    ("//tracker.example/pixel.png", None),
    ("/\\tracker.example/pixel.png", None),
])
def test_images_come_only_from_the_reports_own_folder(src, kept):
    clean = sanitize(f'<img src="{src}" alt="x">', PAGE_URL, OWN)
    assert clean == (f'<img src="{kept}" alt="x">' if kept else '<img alt="x">'), clean


@pytest.mark.parametrize("href, kept", [
    ("https://example.org", True), ("mailto:dosen@kampus.ac.id", True), ("#bagian", True),
    ("../bab-2-landasan-konseptual/", True), ("../../../panduan/", True),
    ("../../ajs-kartini-2024/media/kontrak.svg", False), ("../../ajs-kartini-2024/", False),
    ("%2e%2e/%2e%2e/ajs-kartini-2024/", False), ("media/../../../ajs-kartini-2024/", False),
    ("../../../cases/ajs-kartini-2024/rahasia.yml", False),
])
def test_links_never_lead_into_another_report(href, kept):
    assert ("href=" in confine_urls(f'<a href="{href}">x</a>', PAGE_URL, OWN)) == kept


def test_svg_files_are_cleaned_and_stay_valid_svg():
    hostile = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg" '
               b'onload="alert(1)" width="10" height="10"><script>alert(2)</script><rect width="10" height="10" '
               b'onclick="alert(3)" fill="#abc"/><animate attributeName="href" values="javascript:alert(4)"/>'
               b'<foreignObject><img src="x" onerror="alert(5)"/></foreignObject><text>a&#160;b</text></svg>')
    clean = sanitize_svg_file(hostile).decode()
    assert "alert" not in clean and "onload" not in clean and "ENTITY" not in clean
    assert '<rect width="10" height="10" fill="#abc"></rect>' in clean
    import xml.etree.ElementTree as ElementTree
    assert ElementTree.fromstring(clean.split("\n", 1)[1]).tag == "{http://www.w3.org/2000/svg}svg"
    with pytest.raises(UnsafeSvg):
        sanitize_svg_file(b"<html><body>bukan svg</body></html>")


def test_sanitising_a_page_is_fast():
    page = "".join(f"<p>Paragraf {i} dengan <strong>tebal</strong> dan <a href='#x'>tautan</a>.</p>" for i in range(400))
    started = time.perf_counter()
    for _ in range(20):
        sanitize(page, PAGE_URL, OWN)
    assert (time.perf_counter() - started) / 20 < 0.05  # a long chapter page (~30 KB): well under 50 ms


@pytest.mark.parametrize("reserved", ["md-dialog", "md-header", "casebook-galat-data", "sampul-kampus", "pengesahan",
                                      "tanda-tangan-kolom", "judul-bab", "bagian-depan"])
def test_classes_that_position_or_fake_casebook_parts_are_dropped(reserved):
    assert sanitize(f'<div class="{reserved} catatan">x</div>') == '<div class="catatan">x</div>'


@pytest.mark.parametrize("svg", ["<svg></svg>", '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
                                 '<svg class="x"><rect width="5" height="5"></rect></svg>'])
def test_an_inline_svg_without_a_size_gets_the_browsers_size(svg):
    """WeasyPrint and rsvg-convert (the Word export) cannot draw an SVG without any size (red team, 15:25)."""
    clean = sanitize(svg)
    assert re.search(r'<svg[^>]* width="300" height="150">', clean), clean
    assert sanitize(clean) == clean
