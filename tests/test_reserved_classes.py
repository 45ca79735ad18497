"""A student's page cannot borrow Casebook's own display and structure classes (red team s23 #13).

The stylesheets give some classes a different meaning on the site and in the PDF (`casebook-kartu--berikut` is
hidden on the site, `casebook-ringkasan-kartu` and `headerlink` in print): a page wearing one could make its site
and its PDF say different things, or dress its text as Casebook's parts. Every class any stylesheet of Casebook
names is collected here with a CSS parser (tinycss2, WeasyPrint's own, independent of the sanitiser's reading),
written onto a page in every way a student can (an HTML tag, an attr_list, an admonition type), built for real,
and looked for on the site page and in the print HTML the PDF is made of. The page macros' own markup keeps them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import tinycss2

from macros.privacy.sanitize import ADMONITION_TYPES, STYLESHEET_CLASSES, strip_casebook_classes
from tests.helpers import FIXTURE, ROOT, run_cli

SHEETS = sorted([*ROOT.joinpath("overrides").rglob("*.css"), *ROOT.joinpath("docs").rglob("*.css"),
                 ROOT / "macros" / "pdf" / "print.css"])


def _selector_classes(rules) -> set[str]:
    found: set[str] = set()
    for rule in rules:
        if rule.type == "qualified-rule":
            tokens = list(rule.prelude)
            for before, token in zip(tokens, tokens[1:]):
                if before.type == "literal" and before.value == "." and token.type == "ident":
                    found.add(token.value)
        if rule.type in ("at-rule", "qualified-rule") and rule.content is not None and rule.type == "at-rule":
            found |= _selector_classes(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                                skip_whitespace=True))
    return found


def stylesheet_classes() -> set[str]:
    found: set[str] = set()
    for sheet in SHEETS:
        found |= _selector_classes(tinycss2.parse_stylesheet(sheet.read_text(encoding="utf-8"), skip_comments=True,
                                                             skip_whitespace=True))
    return found


CLASSES = sorted(stylesheet_classes() | {"headerlink", "md-typeset", "md-content"})


def test_the_stylesheets_are_read_and_every_class_is_reserved():
    assert len(SHEETS) >= 4 and len(CLASSES) > 100
    assert {"casebook-kartu--berikut", "casebook-ringkasan-kartu", "casebook-status-laporan", "nip"} <= set(CLASSES)
    assert set(CLASSES) - {"headerlink", "md-typeset", "md-content"} <= STYLESHEET_CLASSES


@pytest.mark.parametrize("written", ['<div class="{c}">x</div>', "<div class='penting {c}'>x</div>",
                                     "<div class={c}>x</div>", 'Teks\n{{: .{c} }}', 'Teks {{: .penting .{c} }}',
                                     '<span title=">" class="{c}">x</span>', '<p class="&#x{h};{r}">x</p>'])
def test_every_stylesheet_class_is_taken_off_what_a_student_writes(written):
    for name in CLASSES:
        text = written.format(c=name, h=f"{ord(name[0]):x}", r=name[1:])
        cleaned, stripped = strip_casebook_classes(text)
        assert name not in cleaned.replace("&#x", ""), (text, cleaned)
        assert [s.name for s in stripped] == [name], (text, stripped)


def test_a_harmless_class_stays_and_casebook_markup_is_kept():
    assert strip_casebook_classes('<div class="penting">x</div>') == ('<div class="penting">x</div>', [])
    macro = '<table class="casebook-tabel"><tr><td>1</td></tr></table>\n{: .casebook-label }'
    assert strip_casebook_classes("Teks " + macro, [(5, 5 + len(macro))])[0] == "Teks " + macro
    # A class name a macro prints into the student's own tag is the student's.
    assert strip_casebook_classes('<div class="casebook-status">', [(12, 27)])[0] == "<div >"


def _build_page() -> tuple[str, dict[str, str]]:
    """A chapter page wearing every class, each on its own marked element: marker -> class."""
    lines, wanted = ["# BAB I Pendahuluan", "", "Teks yang sama di situs dan PDF.", ""], {}
    ways = ('<div class="penting {c}">{m}</div>', "{m}\n{{: .{c} }}", '!!! {c} "{m}"\n    isi')
    for index, name in enumerate(CLASSES):
        for way, written in enumerate(ways):
            marker = f"Penanda{index}x{way}"
            lines += [written.format(c=name, m=marker), ""]
            wanted[marker] = name
    return "\n".join(lines) + "\n", wanted


class _Classes(HTMLParser):
    """For each marker text: the classes of every element it sits in."""

    def __init__(self, markers):
        super().__init__(convert_charrefs=True)
        self.markers, self.stack, self.found = markers, [], {}

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "hr", "col", "wbr", "input", "meta", "link"):
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for marker in self.markers:
            if marker in data:
                self.found.setdefault(marker, set()).update(c for _, classes in self.stack for c in classes.split())


def _classes_around(html: str, markers) -> dict[str, set[str]]:
    parser = _Classes(sorted(markers, key=len, reverse=True))
    parser.feed(html)
    return parser.found


@pytest.mark.slow
def test_no_stylesheet_class_a_student_writes_reaches_the_site_or_the_pdf(tmp_path):
    from tests.test_site_build import _project_copy

    project = _project_copy(tmp_path)
    folder = project / "cases" / "kelas-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    page, wanted = _build_page()
    page += ('\n<div class="casebook-kartu casebook-kartu--berikut">HANYA-DI-PDF teks</div>\n\n'
             '<div class="casebook-ringkasan-kartu">HANYA-DI-SITUS teks</div>\n')
    (folder / "bab-1-pendahuluan.md").write_text(page, encoding="utf-8")

    wanted.update({"HANYA-DI-PDF": "casebook-kartu--berikut", "HANYA-DI-SITUS": "casebook-ringkasan-kartu"})
    # A page not rendered as a template (render_macros: false) goes the same way.
    (folder / "bab-2-landasan-konseptual.md").write_text(
        "---\nrender_macros: false\n---\n\n# BAB II Landasan Konseptual\n\nTeks yang sama di situs dan PDF.\n\n"
        '<div class="casebook-status-laporan">PALSU-DISETUJUI</div>\n', encoding="utf-8")

    code, output = run_cli(["check", str(folder)])
    assert code == 0, output
    lines = page.splitlines()
    for marker, name in wanted.items():
        if marker.endswith("x0"):  # the HTML tag: warned at its own line, naming the class
            line = next(n for n, text in enumerate(lines, start=1) if f">{marker}<" in text)
            assert f"bab-1-pendahuluan.md:{line}:" in output and f"kelas `{name}` adalah kelas tampilan Casebook" in output

    html_dir = tmp_path / "cetak"
    html_dir.mkdir()
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(tmp_path / "muat"),
                       CASEBOOK_EXPORT_HTML=str(html_dir))
    environment.pop("CASEBOOK_PDF", None)
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project, env=environment,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    site_page = (project / "site" / "kasus" / "kelas-contoh-2024" / "bab-1-pendahuluan" / "index.html").read_text(
        encoding="utf-8")
    print_html = (html_dir / "kelas-contoh-2024.body.html").read_text(encoding="utf-8")
    for where, text in (("situs", site_page), ("PDF", print_html)):
        around = _classes_around(text, [*wanted, "Teks yang sama di situs dan PDF."])
        wrappers = around.pop("Teks yang sama di situs dan PDF.")  # the theme's and the print document's own frame
        around = {marker: classes - wrappers for marker, classes in around.items()}
        assert set(around) == set(wanted), (where, set(wanted) - set(around))
        # `!!! warning` is how Markdown makes a warning box: an admonition carries its own classes and its type.
        leaked = {marker: name for marker, name in wanted.items() if name in around[marker]
                  and not (marker.endswith("x2") and name in ADMONITION_TYPES | {"admonition", "admonition-title"})}
        assert not leaked, (where, leaked)
    bab2 = (project / "site" / "kasus" / "kelas-contoh-2024" / "bab-2-landasan-konseptual" / "index.html").read_text(
        encoding="utf-8")
    for where, text in (("situs", bab2), ("PDF", print_html)):
        around = _classes_around(text, ["PALSU-DISETUJUI"])
        assert "casebook-status-laporan" not in around["PALSU-DISETUJUI"], where
    assert "kelas `casebook-status-laporan` adalah kelas tampilan Casebook" in output
    # Casebook's own markup keeps its classes: the default BAB IV page's macros (ecomap, captions, tables).
    bab4 = (project / "site" / "kasus" / "kelas-contoh-2024" / "bab-4-penanganan-kasus" / "index.html").read_text(
        encoding="utf-8")
    assert 'class="casebook-caption' in bab4 and "casebook-diagram" in bab4
    pdf = next((project / "site" / "kasus" / "kelas-contoh-2024").rglob("*.pdf"))
    pdf_text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "HANYA-DI-PDF" in pdf_text and "HANYA-DI-SITUS" in pdf_text


@pytest.mark.parametrize("hostile", ["<a" * 100_000, "<a " + "a=a " * 50_000, ' class="' * 50_000, " class=" * 50_000,
                                     "{: " * 50_000 + "}", "!!! " + " " * 100_000 + "x", '<a b="' * 50_000,
                                     ("!!! " + "casebook-x " * 1000 + "\n") * 100])
def test_stripping_is_linear_on_hostile_pages(hostile):
    """Every page of every build goes through it: no pattern may backtrack (a first version was quadratic on `<a`)."""
    import time

    started = time.perf_counter()
    strip_casebook_classes(hostile)
    assert time.perf_counter() - started < 2


def _stylesheet_data_attributes() -> set[str]:
    found: set[str] = set()
    for sheet in SHEETS:
        text = sheet.read_text(encoding="utf-8")
        found.update(re.findall(r"\[(data-[a-z0-9-]+)", text))
        found.update(re.findall(r"attr\((data-[a-z0-9-]+)\)", text))
    return found


def test_data_attributes_the_stylesheets_read_are_dropped_from_a_page():
    """print.css prints `data-lanjutan` as the running 'Lanjutan Tabel' header: a student's table carrying it would
    print text in the PDF that the site never shows."""
    from macros.privacy.sanitize import sanitize

    names = _stylesheet_data_attributes()
    assert {"data-lanjutan", "data-utuh", "data-halaman"} <= names
    for name in sorted(names):
        cleaned = sanitize(f'<table {name}="PALSU" data-milik-saya="boleh"><tr><td>1</td></tr></table>')
        assert name not in cleaned and "PALSU" not in cleaned and 'data-milik-saya="boleh"' in cleaned, cleaned
