"""Faithful reports, built (issue 14): the two examples, a synthetic archive and a campus stage, in both
profiles, read back from the site, the PDFs and the Word export."""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.synth import generate
from tests.helpers import EXAMPLES, FIXTURE, ROOT, run_cli
from tests.test_faithful import python_values
from tests.test_site_build import ENV, _project_copy

pytestmark = pytest.mark.slow

SEEDS = yaml.safe_load((ROOT / "tests" / "fixtures" / "seed_lists.yml").read_text(encoding="utf-8"))
CAMPUS_STAGE = "pendekatan_awal"
WITHHELD = "Foto tidak dipublikasikan"


def _text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", "\n", html))


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _flat(pdf: Path) -> str:
    """The PDF's words in reading order, whitespace collapsed (a long title wraps across lines)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", re.sub(r"[\u2010-]\n", "", text))  # words hyphenated at a line end, joined


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("setia")
    project = _project_copy(base)
    for slug in EXAMPLES:
        shutil.copytree(ROOT / "cases" / slug, project / "cases" / slug)
    generate(project / "cases", 3, seed=14)
    # A campus adds an engagement-like stage; a report uses it.
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("    kosakata: {}", "    kosakata:\n      tahap:\n"
                            f"        {CAMPUS_STAGE}: {{label: Pendekatan Awal, jenis: engagement}}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    campus = project / "cases" / "tk-kampus-2024"
    shutil.copytree(FIXTURE, campus)
    text = (campus / "kasus.yml").read_text(encoding="utf-8")
    text = text.replace("tahapan:\n", "tahapan:\n  - tahap: pendekatan_awal\n    judul: Catatan Tahap Kampus Qzv\n"
                        "    tanggal: " + _first_stage_date(text) + "\n    proses: Pendekatan awal.\n"
                        "    hasil: [Klien bersedia.]\n", 1)
    (campus / "kasus.yml").write_text(text, encoding="utf-8")
    return project


def _first_stage_date(text: str) -> str:
    tail = text[text.index("tahapan:"):]
    return re.search(r"tanggal: (.+)", tail).group(1)


def _build(project: Path, site: Path, profile: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            env=dict(ENV, CASEBOOK_PROFILE=profile), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def internal(project, tmp_path_factory) -> Path:
    return _build(project, tmp_path_factory.mktemp("internal") / "site", "internal")


@pytest.fixture(scope="module")
def public(project, tmp_path_factory) -> Path:
    return _build(project, tmp_path_factory.mktemp("public") / "site", "public")


def _reports(site: Path) -> list[str]:
    return sorted(p.name for p in (site / "kasus").iterdir() if (p / f"{p.name}.pdf").is_file())


# --- No Python value reaches a reader --------------------------------------------------------------------
@pytest.mark.parametrize("profile", ["internal", "public"])
def test_no_python_value_in_site_or_pdf_of_examples_and_synthetic_reports(profile, request):
    site = request.getfixturevalue(profile)
    reports = _reports(site)
    assert len(reports) == 6
    found = {}
    for slug in reports:
        for page in (site / "kasus" / slug).rglob("*.html"):
            if bad := python_values(_text(page.read_text(encoding="utf-8"))):
                found[str(page.relative_to(site))] = bad
        if bad := python_values(_pdf_text(site / "kasus" / slug / f"{slug}.pdf")):
            found[f"{slug}.pdf"] = bad
    assert not found


def test_no_python_value_in_the_word_export(project, tmp_path, monkeypatch):
    from docx import Document

    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for slug in EXAMPLES:
        target = tmp_path / f"{slug}.docx"
        code, out = run_cli(["export", slug, "--docx", "--output", str(target), "--profile", "internal"])
        assert code == 0, out
        document = Document(str(target))
        text = "\n".join([p.text for p in document.paragraphs]
                         + [c.text for t in document.tables for r in t.rows for c in r.cells])
        assert not python_values(text), slug
        assert "Nomor" in text and "Perihal" in text or slug == "ajs-kartini-2024"


# --- Both examples reproduce their seed's numbered lists --------------------------------------------------
def _body_headings(text: str) -> dict[str, str]:
    """Numbered headings of the chapters: number -> title (Daftar Isi lines are indented and end in leaders)."""
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^\f?(\d\.\d+(?:\.\d+)?) (\S.*)$", text, re.M)
            if ". . ." not in m.group(2)}


def _listed(text: str, kind: str) -> list[str]:
    """Numbered tables or figures in the order the Daftar Tabel/Gambar lists them (first line of each entry)."""
    entries = {}
    for match in re.finditer(rf"^[\s\f]*({kind} (\d+\.\d+) .+?)(?:\s*(?:\. ?)+\s*\d+)?\s*$", text, re.M):
        entries.setdefault(match.group(2), match.group(1).rstrip(" ."))
    return list(entries.values())


def _same_words(seed: str, ours: str) -> bool:
    words = lambda s: set(re.findall(r"[a-z]{3,}", s.lower())) - {"dan", "yang", "dengan", "dalam", "bagi"}  # noqa: E731
    return bool(words(seed) & words(ours))


@pytest.mark.parametrize("slug", EXAMPLES)
def test_example_reproduces_its_seeds_headings_and_lists(internal, slug):
    text = _pdf_text(internal / "kasus" / slug / f"{slug}.pdf")
    seed = SEEDS[slug]
    headings = _body_headings(text)
    ours = {n: t for n, t in headings.items() if n.count(".") == 1 or n in seed["bagian"]}
    assert sorted(ours) == sorted(seed["bagian"]), "nomor subbab berbeda dari seed"
    for number, title in seed["bagian"].items():
        assert _same_words(title, ours[number]), f"{number}: seed '{title}', Casebook '{ours[number]}'"
    for kind in ("tabel", "gambar"):
        listed = _listed(text, kind.capitalize())
        expected = seed[kind] + seed.get(f"{kind}_tambahan", [])
        assert [e.split(" ")[1] for e in listed] == [e.split(" ")[1] for e in expected], listed
        for ours_entry, seed_entry in zip(listed, expected):
            assert _same_words(seed_entry.split(" ", 2)[2], ours_entry.split(" ", 2)[2]), (seed_entry, ours_entry)


def test_porting_notes_are_not_in_the_report(internal):
    for slug in EXAMPLES:
        text = _pdf_text(internal / "kasus" / slug / f"{slug}.pdf")
        for note in ("laporan asli", "Judul tidak tercantum", "Catatan seed", "seed", "tidak disertakan di sini"):
            assert note not in text, (slug, note)


# --- Profiles keep numbers ----------------------------------------------------------------------------
@pytest.mark.parametrize("slug", EXAMPLES)
def test_public_and_internal_pdfs_number_the_same_figures_and_tables(internal, public, slug):
    inner = _pdf_text(internal / "kasus" / slug / f"{slug}.pdf")
    outer = _pdf_text(public / "kasus" / slug / f"{slug}.pdf")
    for kind in ("Tabel", "Gambar"):
        assert _listed(inner, kind) == _listed(outer, kind)
    if slug == "ln-hikari-2024":  # the Ketua photo and the BAB V photos have no consent
        assert WITHHELD in outer and "Gambar 4.3 Ecomap Klien LN" in outer


# --- Fields the issue names as dropped ---------------------------------------------------------------
def test_fields_once_dropped_are_printed(internal):
    ajs = _flat(internal / "kasus" / "ajs-kartini-2024" / "ajs-kartini-2024.pdf")
    assert "Tabel 3.2 Data Penerima Manfaat" in ajs
    assert "Jl. Kartini No. 1-2" in ajs                      # institusi.alamat
    assert "Tujuan program" in ajs and "Nama program" in ajs and "Sasaran intervensi" in ajs
    ln = _flat(internal / "kasus" / "ln-hikari-2024" / "ln-hikari-2024.pdf")
    case = yaml.safe_load((ROOT / "cases" / "ln-hikari-2024" / "kasus.yml").read_text(encoding="utf-8"))
    sheet = case["lampiran"]["daftar_hadir"]
    assert sheet["judul"] in ln and sheet["ketua_kelompok"] in ln
    if case["praktikan"].get("kelompok"):
        assert case["praktikan"]["kelompok"] in ln
    assert "Nomor" in ln and "Perihal" in ln


def test_case_conference_appears_once_in_its_stage(internal):
    for slug in EXAMPLES:
        text = _flat(internal / "kasus" / slug / f"{slug}.pdf")
        assert "Notulen Konferensi Kasus" not in text
        assert text.count("Konferensi: CC1") == 1


# --- Stages by kind -------------------------------------------------------------------------------------
def test_campus_stage_lands_in_bab_iv_by_its_kind(internal):
    bab4 = (internal / "kasus" / "tk-kampus-2024" / "bab-4-penanganan-kasus" / "index.html").read_text(encoding="utf-8")
    article = bab4[bab4.index("<article"):]
    engagement = article[article.index("4.1 Tahap Engagement"):article.index("4.2 Tahap Asesmen")]
    assert "Catatan Tahap Kampus Qzv" in engagement and "Pendekatan Awal" in engagement


def test_check_names_a_stage_without_a_place(project, monkeypatch):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("{label: Pendekatan Awal, jenis: engagement}", "Pendekatan Awal"),
                                        encoding="utf-8")
    try:
        monkeypatch.chdir(project)
        code, out = run_cli(["check", "cases/tk-kampus-2024"])
    finally:
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert re.search(r"kasus\.yml:\d+:\d+: peringatan: tahapan\[1\]\.tahap: tahap `pendekatan_awal` tidak punya jenis", out), out
