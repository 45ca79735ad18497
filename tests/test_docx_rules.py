"""Word tables are ruled like the PDF's (print.css: 0.5 pt black on every cell edge), except the tables the PDF
prints without rules (signatures, a group's authors, label/value identity lines): read back with python-docx and
laid out by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from macros.export.docx import UNRULED_CLASSES, html_to_docx, word_ready_html
from macros.pdf.settings import PrintProfile

pytestmark = pytest.mark.slow

DATA = ("<table><thead><tr><th>No</th><th>Kegiatan</th></tr></thead><tbody><tr><td>1</td><td>Asesmen awal</td></tr>"
        "<tr><td>2</td><td>Rencana intervensi <table><tr><td>bersarang</td><td>tabel</td></tr></table></td></tr></tbody></table>")
BODY = ("<html><body><h1 id='bab-i'>BAB I Pendahuluan</h1>"
        "<table class='casebook-identitas'><tbody><tr><th>Nama</th><td>Klien TS</td></tr></tbody></table>"
        "<p class='casebook-caption' id='tabel-1-1'>Tabel 1.1 Kegiatan</p>" + DATA +
        "<table id='milik-mahasiswa'><tr><td>a</td><td>b</td></tr></table>"
        "<h1 id='bab-ii'>BAB II Penutup</h1><table class='daftar-penulis'><tbody><tr><td>A</td><td>NRP 1</td></tr></tbody></table>"
        "<table class='tanda-tangan-tabel'><tbody><tr><td><p>Pembimbing</p></td><td><p>Ketua</p></td></tr></tbody></table>"
        "</body></html>")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    base = tmp_path_factory.mktemp("garis")
    return html_to_docx(word_ready_html("", BODY), base / "garis.docx", PrintProfile(), [base])


def _borders(table) -> dict[str, str]:
    from docx.oxml.ns import qn

    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {} if borders is None else {edge.tag.split("}")[1]: edge.get(qn("w:val")) for edge in borders}


def test_data_tables_have_every_rule_and_unruled_ones_none(exported):
    from docx import Document

    document = Document(str(exported))
    tables = document.tables  # top level, in order: identity, data, the student's own, authors, signatures
    assert len(tables) == 5
    ruled = [tables[1], tables[2], tables[1].cell(2, 1).tables[0]]  # the nested table too
    for table in ruled:
        assert _borders(table) == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "single")
    for table in (tables[0], tables[3], tables[4]):
        assert _borders(table) == {}, _borders(table)
    xml = document.element.xml
    assert "casebook-tanpa-garis" not in xml  # the marking bookmarks are gone
    assert 'w:name="milik-mahasiswa"' in xml  # a table's own id stays a bookmark (links to it still land)
    assert set(UNRULED_CLASSES) == {"tanda-tangan-tabel", "daftar-penulis", "casebook-identitas"}


def _long_rules(png: Path) -> int:
    """Rows of the page image with a dark run across at least a third of the page: table rules."""
    image = Image.open(png).convert("L")
    width, height = image.size
    pixels = image.load()
    count = 0
    for y in range(height):
        run = best = 0
        for x in range(width):
            run = run + 1 if pixels[x, y] < 128 else 0
            best = max(best, run)
        count += best > width / 3
    return count


def test_libreoffice_draws_the_rules(exported, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: `make os-deps` installs libreoffice-writer-nogui")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(exported)], capture_output=True, check=True,
                   timeout=300)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(tmp_path / "garis.pdf"), str(tmp_path / "hal")], check=True)
    first, second = sorted(tmp_path.glob("hal-*.png"))
    assert _long_rules(first) >= 6  # data table: top, under the header, between rows, bottom; the student's table: 2
    assert _long_rules(second) == 0  # authors and signatures: no rules, as in the PDF


def test_a_header_row_is_bold_like_the_pdfs_th(exported):
    from docx import Document

    data = Document(str(exported)).tables[1]
    header = [run for cell in data.rows[0].cells for paragraph in cell.paragraphs for run in paragraph.runs]
    body = [run for cell in data.rows[1].cells for paragraph in cell.paragraphs for run in paragraph.runs]
    assert header and all(run.bold for run in header), [(run.text, run.bold) for run in header]
    assert body and not any(run.bold for run in body)
