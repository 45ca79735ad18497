"""One rule for every field (issue 14): each field of the model is printed where a reader sees it, or it
is on the short list of steering fields (macros/render/fields.STEERING).

A maximal report is generated from the model (tests/maximal.py): every text field holds a unique
marker. The site, the internal PDF and the Word export are built and each marker is looked for in all
three. A field added to the model without a place in the report fails here.
"""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from macros.render.fields import IN_FIGURE, PRINT_ONLY, SITE_ONLY, STEERING
from tests.helpers import ROOT, run_cli
from tests.maximal import PHOTO, Markers, filled_parts, maximal_reports
from tests.test_site_build import ENV, _project_copy

pytestmark = pytest.mark.slow

def _text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    base = tmp_path_factory.mktemp("maks")
    project = _project_copy(base)
    markers = Markers()
    # Every registered maximal report (tests/maximal.py and tests/maximal_<kind>.py): fields that exclude each
    # other (one author or a group, an age or an age band, a client or a community) are filled in different ones.
    reports = maximal_reports(markers)
    for slug, data in reports.items():
        folder = project / "cases" / slug
        (folder / "media").mkdir(parents=True)
        shutil.copy(ROOT / "tests" / "fixtures" / "valid_case" / "media" / "foto.svg", folder / PHOTO)
        (folder / "kasus.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = base / "site"
    env = dict(ENV, CASEBOOK_PROFILE="internal")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    texts = {"situs": "", "PDF": "", "Word": ""}
    for slug in reports:
        texts["situs"] += " ".join(_text(p.read_text(encoding="utf-8")) for p in (site / "kasus" / slug).rglob("*.html"))
        pdf = site / "kasus" / slug / f"{slug}.pdf"
        texts["PDF"] += subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        mp = pytest.MonkeyPatch()
        mp.chdir(project)
        mp.setenv("NO_MKDOCS_2_WARNING", "1")
        target = base / f"{slug}.docx"
        code, out = run_cli(["export", slug, "--docx", "--output", str(target), "--profile", "internal"])
        mp.undo()
        assert code == 0, out
        from docx import Document
        document = Document(str(target))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        texts["Word"] += "\n".join(parts)
    # Hyphenation and line breaks never split a marker (letters only), but case may change (cover in capitals).
    return markers, {medium: re.sub(r"\s+", " ", text).lower() for medium, text in texts.items()}


def test_every_text_field_is_printed_in_site_pdf_and_word_or_steers(published):
    markers, texts = published
    missing: dict[str, set[str]] = {}
    for marker, owner in markers.where.items():
        if owner in STEERING:
            continue
        media = (("PDF", "Word") if owner in PRINT_ONLY else ("situs",) if owner in SITE_ONLY
                 else ("situs", "PDF") if owner in IN_FIGURE else ("situs", "PDF", "Word"))
        for medium in media:
            if marker.lower() not in texts[medium]:
                missing.setdefault(owner, set()).add(f"{medium} ({markers.report_of[marker]})")
    assert not missing, "kolom tanpa tempat di laporan:\n" + "\n".join(
        f"  {owner}: tidak ada di {', '.join(sorted(media))}" for owner, media in sorted(missing.items()))


def test_every_part_of_the_model_is_filled_by_a_maximal_report_or_pinned_with_a_reason():
    from macros.schema import Case
    from tests.maximal import NOT_YET_FILLED

    # A part added to the model must be filled by some registered maximal report (or, knowingly and with a
    # reason, pinned in tests/maximal.py NOT_YET_FILLED).
    reports = maximal_reports(Markers())
    filled = set().union(*map(filled_parts, reports.values()))
    parts = {f"Case.{name}" for name in Case.model_fields}
    assert parts - filled == set(NOT_YET_FILLED), "bagian model yang tidak diisi laporan maksimal mana pun"
    assert all(reason.strip() for reason in NOT_YET_FILLED.values())
    assert not NOT_YET_FILLED


def test_steering_fields_are_not_printed_as_python_values(published):
    _, texts = published
    for medium, text in texts.items():
        assert not re.search(r"(?<![\w-])(true|false|none)(?![\w-])", text.replace("none;", "")), medium
