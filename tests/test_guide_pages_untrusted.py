"""Guide pages and the privacy gate against a hostile student's folder (red team s23 #15, #16, #17, #18).

- No page outside the reports' own (the Panduan's generated pages, Arsip, home, guide) carries executable markup
  when a hostile report sorts first; nothing the attacker wrote is quoted on the Panduan (see also
  tests/test_panduan_quotes.py for the quoting itself).
- A report's private string on a shared page that its own pages do not carry blames nobody: the build fails for
  the operator, naming the page, instead of deleting the victim's report (a campus's own guide page naming a
  client is one case).
- Catalogue rows on the site are each report's own text, as the catalogue's own check judges them (#17).
- A client's real initials that are also Casebook's own words (BAB IV, No. SK) are checked only in kasus.yml, and
  check says so; the set of such words is compared with the words a built site really prints.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.test_pdf import build
from tests.test_site_build import _project_copy

FIXTURE = ROOT / "tests" / "fixtures" / "valid_case"
ATTACKER = "aa-rt-2024"  # sorts before every example
VICTIM = "ajs-kartini-2024"

# Values a student controls that the guide once quoted as Markdown: a backtick closes the code span, then links with
# any scheme, attr_list attributes and raw HTML were live (each <= 60 characters: the guide shortens longer ones).
HOSTILE = {
    "judul": "x` [P](#){: autofocus onfocus=alert(document.domain)}",
    "alasan": "Mina](javascript:alert(2)) [x *{: onclick=alert(3)}* <script>alert(4)</script>",
}


class _Markup(HTMLParser):
    """Everything in a page that could run: on* attributes, javascript:/data: URLs, script/iframe/object/embed
    elements inside the article (the theme's own scripts sit outside it; the Arsip filter is a form of Casebook's own)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.depth = 0  # inside <article>

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("script", "iframe", "object", "embed", "base", "frame"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.append(f"{tag} {name}={value}")
            if value and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:", "data:text")):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1


def executable_markup(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    return parser.found


def _hostile_case(folder: Path) -> None:
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    judul = re.search(r"^  judul: .*$", text, re.M).group(0)
    text = text.replace(judul, f"  judul: {_yaml(HOSTILE['judul'])}", 1)
    text += ("\nprivasi:\n  izinkan:\n    - teks: \"(021) 8900000\"\n"
             f"      alasan: {_yaml('Nomor resmi lembaga Zulkarnain Markerwati ' + HOSTILE['alasan'])}\n")
    case.write_text(text, encoding="utf-8")


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _non_report_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in ("kasus", "assets")]


# --- fast: the mechanisms ------------------------------------------------------------------------------------


def _site_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_private_string_on_a_shared_page_that_its_owner_does_not_publish_blames_nobody(tmp_path):
    from macros.privacy.gate import Guard, scan_published
    from macros.privacy.matching import Needle

    secret = Needle("Zulkarnain Markerwati", "nama asli klien")
    guards = {VICTIM: Guard((secret,)), ATTACKER: Guard()}
    site = _site_with(tmp_path / "a", {f"kasus/{VICTIM}/index.html": "<p>Klien ZT</p>",
                                       f"kasus/{ATTACKER}/index.html": "<p>Klien TS</p>",
                                       "panduan/skema/index.html": "<td>Nomor resmi lembaga Zulkarnain Markerwati</td>"})
    leaks = scan_published(site, guards, section="kasus", patterns=False)
    assert [(leak.where, leak.slug, leak.unattributed) for leak in leaks] == [("site/panduan/skema/index.html", None, True)]
    assert VICTIM in leaks[0].what and "Zulkarnain" not in leaks[0].format()
    # The attacker's own page carries it: the attacker's ordinary text, blames nobody (as before).
    site = _site_with(tmp_path / "b", {f"kasus/{VICTIM}/index.html": "<p>Klien ZT</p>",
                                       f"kasus/{ATTACKER}/index.html": "<p>Yayasan Zulkarnain Markerwati</p>",
                                       "index.html": "<p>Yayasan Zulkarnain Markerwati</p>"})
    assert scan_published(site, guards, section="kasus", patterns=False) == []
    # The owner's own pages carry it too: the owner's leak, on both pages.
    site = _site_with(tmp_path / "c", {f"kasus/{VICTIM}/index.html": "<p>Zulkarnain Markerwati</p>",
                                       "index.html": "<p>Zulkarnain Markerwati</p>"})
    found = scan_published(site, guards, section="kasus", patterns=False)
    assert sorted((leak.where, leak.slug, leak.unattributed) for leak in found) == [
        ("site/index.html", VICTIM, False), (f"site/kasus/{VICTIM}/index.html", VICTIM, False)]
    # Only the text its PDF was printed from carries it (a cover-only field): still the owner's own output.
    site = _site_with(tmp_path / "d", {f"kasus/{VICTIM}/index.html": "<p>Klien ZT</p>",
                                       "index.html": "<p>Zulkarnain Markerwati</p>"})
    found = scan_published(site, guards, {f"{VICTIM} (PDF: sampul)": "<p>Zulkarnain Markerwati</p>"}, section="kasus",
                           patterns=False)
    assert sorted((leak.where, leak.slug, leak.unattributed) for leak in found) == [
        (f"{VICTIM} (PDF: sampul)", VICTIM, False), ("site/index.html", VICTIM, False)]


def test_catalogue_rows_on_the_site_are_each_report_s_own_text(tmp_path):
    from macros.privacy.gate import Guard, scan_published
    from macros.privacy.matching import Needle

    guards = {VICTIM: Guard((Needle("SD Negeri 1 Cikadu", "teks rahasia"),)), ATTACKER: Guard()}
    csv = f"\ufeffslug,judul,institusi\r\n{ATTACKER},Laporan,SD Negeri 1 Cikadu\r\n{VICTIM},Laporan,Yayasan\r\n"
    site = _site_with(tmp_path / "a", {"arsip/katalog-arsip.csv": csv, f"kasus/{VICTIM}/index.html": "x",
                                       f"kasus/{ATTACKER}/index.html": "x"})
    assert scan_published(site, guards, section="kasus", patterns=False) == []
    site = _site_with(tmp_path / "b", {"arsip/katalog-arsip.csv": csv.replace("Yayasan", "SD Negeri 1 Cikadu"),
                                       f"kasus/{VICTIM}/index.html": "x", f"kasus/{ATTACKER}/index.html": "x"})
    assert [(leak.where, leak.slug) for leak in scan_published(site, guards, section="kasus", patterns=False)] == [
        ("site/arsip/katalog-arsip.csv", VICTIM)]


def test_initials_that_are_casebook_s_own_words_are_checked_in_kasus_yml_only_and_check_says_so(tmp_path):
    from macros.loading import load_case
    from macros.privacy.gate import report_guard, scan_report
    from macros.privacy.own_text import own_word

    assert all(own_word(w) for w in ("IV", "VI", "II", "XII", "SK", "BAB", "TAS", "GAS"))
    assert not any(own_word(w) for w in ("ZQ", "QX", "ZQK"))
    folder = tmp_path / "rt-u-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "rahasia.yml").write_text("klien:\n  nama: Ika Veronika\n", encoding="utf-8")
    (folder / "bab-4-penanganan-kasus.md").write_text("# BAB IV Penanganan Kasus\n\nTeks.\n", encoding="utf-8")
    loaded = load_case(folder).loaded
    from macros.loading import Locator
    problems = scan_report(loaded, Locator("kasus.yml", loaded.document), tmp_path)
    assert [p.severity.value for p in problems] == ["peringatan"], [p.format() for p in problems]
    assert "inisial asli klien `IV` sama dengan teks yang dicetak Casebook sendiri" in problems[0].message
    assert report_guard(loaded, tmp_path).needles and all(n.kind != "inisial-bawaan" for n in report_guard(loaded, tmp_path).needles)
    # In kasus.yml, the student's own text, they still count.
    case = folder / "kasus.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("  judul: ", "  judul: Bersama IV ", 1), encoding="utf-8")
    loaded = load_case(folder).loaded
    problems = scan_report(loaded, Locator("kasus.yml", loaded.document), tmp_path)
    assert any(p.field_path == "laporan.judul" and "inisial asli klien" in p.message and p.severity.value == "galat"
               for p in problems), [p.format() for p in problems]


# --- slow: real builds ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def red_team_site(tmp_path_factory):
    """Red team s23 #16 and #18 as found: the attacker sorts first, the victim's rahasia.yml names the text the
    attacker plants; default settings."""
    base = tmp_path_factory.mktemp("panduan-rt")
    project = _project_copy(base)
    shutil.copytree(ROOT / "cases" / VICTIM, project / "cases" / VICTIM)
    (project / "cases" / VICTIM / "rahasia.yml").write_text("klien:\n  nama: Zulkarnain Markerwati\n", encoding="utf-8")
    _hostile_case(project / "cases" / ATTACKER)
    result = build(project, base / "site", base / "cache", CASEBOOK_PDF="0")
    return base, project, result


@pytest.mark.slow
def test_a_report_sorting_first_is_not_quoted_by_the_guide_and_cannot_get_another_removed(red_team_site):
    base, _, result = red_team_site
    assert result.returncode == 0, result.stderr[-3000:]
    site = base / "site"
    assert (site / "kasus" / VICTIM / "index.html").is_file() and (site / "kasus" / ATTACKER / "index.html").is_file()
    pages = _non_report_pages(site)
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert executable_markup(html) == [], page
        if page.relative_to(site).parts[0] == "panduan":
            assert "Markerwati" not in html and "onfocus" not in html, page
    from html import unescape
    for page in ("skema", "makro", "galat"):
        text = unescape((site / "panduan" / page / "index.html").read_text(encoding="utf-8"))
        assert "alert(" not in text and "8900000" not in text, page  # nothing of the attacker's is quoted


@pytest.mark.slow
def test_a_shared_page_naming_a_client_fails_the_build_naming_the_page_and_leaves_out_nobody(tmp_path):
    """A match on a shared page that the needle's owner did not publish (here the campus's own guide page names the
    client; before, the Panduan quoting a report) must not delete the owner's report: the operator is told."""
    project = _project_copy(tmp_path)
    shutil.copytree(ROOT / "cases" / VICTIM, project / "cases" / VICTIM)
    (project / "cases" / VICTIM / "rahasia.yml").write_text("klien:\n  nama: Zulkarnain Markerwati\n", encoding="utf-8")
    shutil.copytree(FIXTURE, project / "cases" / ATTACKER)
    guide = project / "docs" / "panduan" / "index.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nContoh lembaga: Yayasan Zulkarnain Markerwati.\n", encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache", CASEBOOK_PDF="0")
    assert result.returncode != 0
    assert ("site/panduan/index.html: memuat nama asli klien yang tercatat di rahasia.yml laporan " + VICTIM) in result.stderr
    assert "laporan itu tidak ditinggalkan" in result.stderr and "Markerwati" not in result.stderr
    assert "dibangun ulang tanpa" not in result.stderr
    assert not (tmp_path / "site" / "panduan" / "index.html").exists()  # the leaking page is not left on disk


@pytest.mark.slow
def test_real_initials_equal_to_words_casebook_prints_do_not_block_a_report(tmp_path):
    """Red team s23 #15: 'Ika Veronika' (IV). And the class: every upper-case word a built site prints that no
    report's source wrote is Casebook's own, and must be known as such (else those initials block every report)."""
    from macros.privacy.own_text import own_word

    project = _project_copy(tmp_path)
    folder = project / "cases" / "rt-u-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "rahasia.yml").write_text("klien:\n  nama: Ika Veronika\n", encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache")  # with its PDF: the cover and front matter too
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    assert (site / "kasus" / "rt-u-2024" / "index.html").is_file()
    pdf = site / "kasus" / "rt-u-2024" / "rt-u-2024.pdf"
    assert pdf.is_file()
    source = " ".join(p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.suffix in (".yml", ".md"))
    written = set(re.findall(r"(?<![A-Za-z])[A-Z]{2,3}(?![A-Za-z])", source))
    printed: set[str] = set()
    from macros.privacy.matching import Prepared
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".json", ".xml") and "assets" not in page.relative_to(site).parts:
            printed |= set(re.findall(r"(?<![A-Za-z])[A-Z]{2,3}(?![A-Za-z])", Prepared.of(page.read_text(encoding="utf-8")).raw))
    from tests.test_pdf import page_texts
    printed |= set(re.findall(r"(?<![A-Za-z])[A-Z]{2,3}(?![A-Za-z])", "\n".join(page_texts(pdf))))
    chrome = printed - written
    assert len(chrome) > 20 and {"IV", "BAB"} <= chrome
    assert sorted(w for w in chrome if not own_word(w, project)) == []


def test_a_private_string_casebook_itself_prints_is_looked_for_in_its_report_s_pages_only(tmp_path):
    """The next member of #15/#16's class: a nickname "Siti" or a phone number the guide shows as its example
    (docs/privasi.md) is on pages every report shares. There it says nothing about any report, and a shared-page
    match that blames nobody fails the build: one student's own rahasia.yml could have stopped the archive."""
    from macros.privacy.gate import Guard, scan_published
    from macros.privacy.secrets import load_secrets

    folder = tmp_path / "rt-p-2024"
    shutil.copytree(FIXTURE, folder)
    (folder / "rahasia.yml").write_text('klien:\n  nama: Zulkarnain Markerwati\n  panggilan: Siti\n'
                                        '  telepon: ["0812-0000-0000"]\n', encoding="utf-8")
    secrets, problems = load_secrets(folder, tmp_path, "TS")
    flagged = sorted(n.text for n in secrets.needles if n.casebook_prints)
    assert flagged == ["0812-0000-0000", "Siti"], flagged
    assert not any(n.casebook_prints for n in secrets.needles if n.text == "Zulkarnain Markerwati")
    assert len(problems) == 2 and all(p.severity.value == "peringatan" and "halaman bersama" in p.message
                                      for p in problems), [p.format() for p in problems]
    guards = {"rt-p-2024": Guard(secrets.needles)}
    site = _site_with(tmp_path / "s", {"privasi/index.html": "<p>Siti Nur'aini, telepon 0812-0000-0000</p>",
                                       "kasus/rt-p-2024/index.html": "<p>Klien TS</p>"})
    assert scan_published(site, guards, section="kasus", patterns=False) == []
    site = _site_with(tmp_path / "t", {"kasus/rt-p-2024/index.html": "<p>Klien Siti, HP 0812 0000 0000</p>"})
    found = scan_published(site, guards, section="kasus", patterns=False)
    assert sorted(leak.what for leak in found) == ["nama panggilan klien", "nomor telepon klien"]
