"""The Word export as an office suite opens it: PNG beside every SVG, pictures inside the text
block, campus font in every heading and caption style, no local paths; then LibreOffice
(headless, Debian's libreoffice-writer-nogui) converts it and the pages are read back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from macros.export.docx import finish_package, html_to_docx, text_block_emu
from macros.pdf.settings import PrintProfile
from tests.helpers import ROOT, run_cli
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Both examples exported to Word from a project copy (its path must not leak into the files)."""
    base = tmp_path_factory.mktemp("word")
    project = _project_copy(base)
    mp = pytest.MonkeyPatch()
    mp.chdir(project)
    mp.setenv("NO_MKDOCS_2_WARNING", "1")
    files = {}
    for slug in ("ln-hikari-2024", "ajs-kartini-2024"):
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
        target = base / f"{slug}.docx"
        code, out = run_cli(["export", slug, "--docx", "--output", str(target), "--profile", "public"])
        assert code == 0, out
        files[slug] = target
    mp.undo()
    return project, files


def _parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as package:
        return {name: package.read(name) for name in package.namelist()}


def _relationships(parts: dict[str, bytes]) -> dict[str, str]:
    rels = parts["word/_rels/document.xml.rels"].decode()
    return {re.search(r'Id="([^"]+)"', r).group(1): re.search(r'Target="([^"]+)"', r).group(1)
            for r in re.findall(r"<Relationship\b[^>]*>", rels)}


def test_every_svg_has_a_png_beside_it_that_shows_the_picture(exported):
    _, files = exported
    for docx in files.values():
        parts = _parts(docx)
        rels = _relationships(parts)
        document = parts["word/document.xml"].decode()
        blips = re.findall(r"<a:blip\b([^>]*)>(.*?)</a:blip>", document, re.S)
        svg_blips = [(a, inner) for a, inner in blips if "svgBlip" in inner]
        assert len(svg_blips) >= 5
        for attributes, _ in svg_blips:
            png = rels[re.search(r'r:embed="([^"]+)"', attributes).group(1)]
            image = Image.open(io.BytesIO(parts[f"word/{png}"]))
            assert image.format == "PNG" and image.width >= 200
            low, high = image.convert("L").getextrema()
            assert high - low > 50, f"{png} is blank"


def test_pictures_fit_the_text_block_in_both_directions(exported, tmp_path):
    _, files = exported
    max_cx, max_cy = text_block_emu(PrintProfile())
    for docx in files.values():
        for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', _parts(docx)["word/document.xml"].decode()):
            assert int(cx) <= max_cx and int(cy) <= max_cy
    # A phone screenshot (9:20) would be 31 cm tall at the text width: it is scaled into the block.
    Image.new("RGB", (1080, 2400), "navy").save(tmp_path / "layar.png", dpi=(96, 96))
    html = '<html><body><p>Tangkapan layar:</p><p><img src="layar.png" alt="Tangkapan layar"></p></body></html>'
    target = html_to_docx(html, tmp_path / "layar.docx", PrintProfile(), [tmp_path])
    [(cx, cy)] = re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', _parts(target)["word/document.xml"].decode())
    assert int(cy) <= max_cy and int(cx) <= max_cx and abs(int(cx) / int(cy) - 1080 / 2400) < 0.01


def test_headings_and_captions_are_in_the_campus_font_not_the_theme_font(exported):
    _, files = exported
    parts = _parts(files["ln-hikari-2024"])
    styles = parts["word/styles.xml"].decode()
    assert "asciiTheme" not in styles and "majorHAnsi" not in styles
    for style_id in ("Heading1", "Heading2", "Heading3", "Caption", "Title"):
        block = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)
        fonts = re.search(r"<w:rFonts [^>]*>", block)
        assert fonts is None or 'w:ascii="Liberation Serif"' in fonts.group(0), style_id
    theme = next(v.decode() for k, v in parts.items() if k.startswith("word/theme/"))
    assert re.findall(r'<a:(?:major|minor)Font>\s*<a:latin typeface="([^"]*)"', theme) == ["Liberation Serif"] * 2


def test_no_local_path_is_stored_in_the_package(exported):
    project, files = exported
    for docx in files.values():
        for name, data in _parts(docx).items():
            if name.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                assert str(project) not in text and str(project.parent) not in text, name
                assert not re.search(r'(descr|title|name)="[^"]*[/\\][^"]*"', text), name


@pytest.fixture(scope="module")
def converted(exported, tmp_path_factory):
    """LibreOffice's PDF of each export, as a supervisor's office suite lays it out."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: `make os-deps` installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("lo")
    _, files = exported
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation={(out / 'profil').as_uri()}",
                             "--convert-to", "pdf", "--outdir", str(out), *map(str, files.values())],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return {slug: out / f"{slug}.pdf" for slug in files}


def test_libreoffice_shows_every_figure(converted, tmp_path):
    for slug, pdf in converted.items():
        subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / slug)], check=True)
        images = sorted(tmp_path.glob(f"{slug}-*.png"))
        shown = []
        for path in images:
            image = Image.open(path).convert("L")
            low, high = image.getextrema()
            shown.append(high - low > 50 and image.width > 50)
        assert sum(shown) >= 6, f"{slug}: {sum(shown)} of {len(images)} pictures have content"


def test_libreoffice_sets_headings_in_the_campus_font(converted):
    for slug, pdf in converted.items():
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
        assert "LiberationSerif-Bold" in names
        assert not [n for n in names if re.search(r"Aptos|Calibri|Carlito|Cambria|Caladea", n)], names
        xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], capture_output=True, text=True).stdout
        specs = dict(re.findall(r'<fontspec id="(\d+)" size="\d+" family="([^"]+)"', xml))
        heading = re.search(r'<text [^>]*font="(\d+)"[^>]*><b>BAB IV Penanganan Kasus</b>', xml)
        assert heading and "Liberation" in specs[heading.group(1)] and "Serif" in specs[heading.group(1)]


def test_finish_package_leaves_a_package_without_svg_alone():
    profile = PrintProfile()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types></Types>")
        package.writestr("word/_rels/document.xml.rels", "<Relationships></Relationships>")
        package.writestr("word/document.xml", '<w:document><w:body><w:p/></w:body></w:document>')
    out = finish_package(buffer.getvalue(), profile)
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        assert package.read("word/document.xml") == b'<w:document><w:body><w:p/></w:body></w:document>'


def test_caption_styles_are_bold_centred_upright_and_pictures_keep_with_their_caption(exported):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document(str(exported[1]["ajs-kartini-2024"]))
    for name in ("Caption", "Table Caption", "Image Caption"):
        style = document.styles[name]
        assert style.font.bold and style.font.italic is False, name
        assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER, name
    for name in ("Captioned Figure", "Gambar", "Judul Sisipan", "Table Caption"):
        assert document.styles[name].paragraph_format.keep_with_next, name
    assert document.styles["Image Caption"].paragraph_format.keep_with_next is False
