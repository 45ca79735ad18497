"""Markdown as students write it: nested lists indented 2 (or 4) spaces, footnotes and admonitions
come out as lists, notes and boxes in the site, the PDF and the Word export alike — never as `[^1]`
or `!!!` printed literally (macros/markdown_ext.py, Python-Markdown's footnotes and admonition)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from docx import Document

from macros.markdown_ext import nest_lists
from tests.helpers import FIXTURE
from tests.test_site_build import _project_copy

PAGE = """# BAB V Praktik Baik

Klien menanam sayur di kebun kelompok[^panen].

- Hasil kebun
  - kangkung dua spasi
    - dipanen tiap minggu
- Pemasaran
    - warung empat spasi

!!! note
    Catatan pendamping tanpa judul.

!!! warning "Hal yang perlu dijaga"
    Air nutrisi diganti setiap minggu.

[^panen]: Panen pertama pada bulan Oktober.
"""


@pytest.mark.parametrize(("written", "expected"), [
    (["- a", "  - b", "    - c", "- d"], ["- a", "    - b", "        - c", "- d"]),
    (["- a", "    - b", "        - c"], ["- a", "    - b", "        - c"]),
    (["1. a", "   - b", "2. c"], ["1. a", "    - b", "2. c"]),
    (["- a", "  - b", "", "    lanjutan b", "- c"], ["- a", "    - b", "", "      lanjutan b", "- c"]),
    (["```", "- a", "  - b", "```"], ["```", "- a", "  - b", "```"]),
    (["Paragraf", "  - bukan anak"], ["Paragraf", "  - bukan anak"]),
])
def test_nested_items_are_indented_as_python_markdown_expects(written, expected):
    assert nest_lists(written) == expected


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("markdown")
    project = _project_copy(base)
    folder = project / "cases" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "bab-5-praktik-baik.md").write_text(PAGE, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    docx = base / "ts.docx"
    export = subprocess.run([sys.executable, "-m", "macros.cli", "export", "ts-contoh-2024", "--docx", "--output", str(docx)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert export.returncode == 0, export.stdout + export.stderr
    return project / "site", docx


@pytest.mark.slow
def test_site(built):
    site, _ = built
    html = (site / "kasus/ts-contoh-2024/bab-5-praktik-baik/index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert re.search(r"<li>Hasil kebun<ul>\s*<li>kangkung dua spasi<ul>\s*<li>dipanen tiap minggu</li>", article)
    assert re.search(r"<li>Pemasaran<ul>\s*<li>warung empat spasi</li>", article)
    assert 'class="footnote-ref"' in article and "Panen pertama pada bulan Oktober." in article
    assert '<p class="admonition-title">Catatan</p>' in article
    assert '<p class="admonition-title">Hal yang perlu dijaga</p>' in article
    assert "[^panen]" not in article and "!!!" not in article and "Jump back" not in html


@pytest.mark.slow
def test_pdf(built):
    site, _ = built
    text = subprocess.run(["pdftotext", "-layout", str(site / "kasus/ts-contoh-2024/ts-contoh-2024.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "[^panen]" not in text and "!!!" not in text
    for phrase in ("Panen pertama pada bulan Oktober.", "Catatan pendamping tanpa judul.", "Hal yang perlu dijaga"):
        assert phrase in text
    lines = text.splitlines()
    parent = next(line for line in lines if "Hasil kebun" in line)
    child = next(line for line in lines if "kangkung dua spasi" in line)
    grandchild = next(line for line in lines if "dipanen tiap minggu" in line)
    indent = [len(line) - len(line.lstrip()) for line in (parent, child, grandchild)]
    assert indent[0] < indent[1] < indent[2], indent


@pytest.mark.slow
def test_word(built):
    _, docx = built
    document = Document(str(docx))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "[^panen]" not in text and "!!!" not in text
    assert "Catatan pendamping tanpa judul." in text and "Hal yang perlu dijaga" in text

    def level(words: str) -> int:
        paragraph = next(p for p in document.paragraphs if p.text.strip() == words)
        found = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        return int(found[0]) if found else -1

    assert 0 <= level("Hasil kebun") < level("kangkung dua spasi") < level("dipanen tiap minggu")
    assert level("Pemasaran") < level("warung empat spasi")
    xml = "".join(part.blob.decode("utf-8", "ignore") for part in document.part.package.parts if part.partname.endswith(".xml"))
    assert "Panen pertama pada bulan Oktober." in xml
