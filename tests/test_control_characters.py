"""Invisible control characters in kasus.yml (red team s23 #2): a YAML `"\\x01"` escape in a title passed check,
then broke the campus catalogue (the spreadsheet refuses it) and, quoted in a traceback, drove the admin's
terminal with `\\x1b[31m`. Every text field refuses them at its line; no message prints one raw."""

from __future__ import annotations

import shutil

import pytest

from macros.errors import Problem
from macros.loading import load_case
from tests.helpers import FIXTURE


@pytest.mark.parametrize(("original", "written", "where"), [
    ("  judul: Penguatan Kapasitas Klien TS", '  judul: "Penguatan\\x01Kapasitas \\x1b[31mKlien TS"', "3:10: laporan.judul"),
    ("      judul: Menyusun rencana usaha", '      judul: "Menyusun\\u0085rencana usaha"', ":70:"),
    ("  judul: Penguatan Kapasitas Klien TS", '  judul: "Penguatan\\x9b31mKapasitas"', "3:10: laporan.judul"),
])
def test_a_control_character_in_any_text_field_is_refused_at_its_line(tmp_path, original, written, where):
    folder = tmp_path / "kendali-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    assert original in text
    case.write_text(text.replace(original, written, 1), encoding="utf-8")
    result = load_case(folder, root=tmp_path)
    assert result.loaded is None
    messages = [p.format() for p in result.errors]
    assert any(where in m and "karakter kendali tak terlihat" in m for m in messages), messages


def test_tabs_and_line_breaks_stay_allowed(tmp_path):
    folder = tmp_path / "biasa-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    case = folder / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("  judul: Penguatan Kapasitas Klien TS", '  judul: "Penguatan\\tKapasitas\\r\\nKlien TS"', 1),
                    encoding="utf-8")
    result = load_case(folder, root=tmp_path)
    assert result.loaded is not None, [p.format() for p in result.errors]


def test_no_message_prints_a_control_character_raw():
    problem = Problem("cases/x/kasus.yml", 1, 1, "laporan.judul", "bukan `a\x1b[31mb\x9bc`", "hapus `\x07`")
    shown = problem.format()
    assert "\x1b" not in shown and "\x9b" not in shown and "\x07" not in shown
    assert "a\\x1b[31mb\\x9bc" in shown and "\\x07" in shown


@pytest.mark.parametrize("name", ["media/Foto #1.svg", "media/foto?v=2.svg", "media/foto%20a.svg"])
def test_a_file_name_read_differently_as_a_web_address_is_refused_at_its_line(tmp_path, name):
    """Red team s23 #12: `Foto #1.jpg` passed check and vanished from the site and the PDF (the name was cut at `#`)."""
    folder = tmp_path / "nama-contoh-2024"
    shutil.copytree(FIXTURE, folder)
    shutil.copy(folder / "media" / "foto.svg", folder / name)
    case = folder / "kasus.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("berkas: media/foto.svg", f'berkas: "{name}"', 1),
                    encoding="utf-8")
    result = load_case(folder, root=tmp_path)
    messages = [p.format() for p in result.errors]
    assert any("kasus.yml:102:" in m and f"nama berkas `{name}` memuat" in m for m in messages), messages


def test_the_catalogue_writes_a_cell_with_control_characters_without_them():
    """Refused in kasus.yml, yet should one reach the catalogue (another source, a later field), the spreadsheet
    is still written: one such cell failed the whole internal campus build (red team s23 #2)."""
    import io

    from openpyxl import load_workbook

    from macros.archive.export import HEADER, csv_bytes, xlsx_bytes

    row = tuple(f"Penguatan\x01Kapasitas \x1b[31mKlien{chr(0xfdd0)}" for _ in HEADER)
    sheet = load_workbook(io.BytesIO(xlsx_bytes([row]))).active
    assert sheet.cell(row=2, column=1).value == "PenguatanKapasitas [31mKlien"
    assert b"\x1b" not in csv_bytes([row]) and b"\x01" not in csv_bytes([row])


def test_every_text_field_of_every_kind_refuses_a_control_character(tmp_path):
    """Every text field of the model, not just the title: each maximal report (tests/maximal.py builds it by walking
    the model, so a field added later is included) with a control character in every one of its marker texts;
    each is refused at its own field, and none is missed."""
    import re

    import yaml

    from macros.model_paths import format_path
    from tests.helpers import ROOT
    from tests.maximal import PHOTO, Markers, maximal_reports

    markers = Markers()
    reports = maximal_reports(markers)
    assert len(markers.where) > 200  # every text field of every kind
    fields_seen: set[str] = set()
    for slug, data in reports.items():
        poisoned: list[str] = []

        def poison(value, path=()):
            if isinstance(value, str) and re.search(r"Zq[a-z]{3,}", value):
                poisoned.append(format_path(path))
                fields_seen.update(markers.where[m] for m in re.findall(r"Zq[a-z]{3,}", value) if m in markers.where)
                return value.replace("Zq", "Z\x1bq", 1)
            if isinstance(value, dict):
                return {k: poison(v, (*path, k)) for k, v in value.items()}
            if isinstance(value, list):
                return [poison(v, (*path, i)) for i, v in enumerate(value)]
            return value

        folder = tmp_path / slug
        (folder / "media").mkdir(parents=True)
        shutil.copy(ROOT / "tests" / "fixtures" / "valid_case" / "media" / "foto.svg", folder / PHOTO)
        (folder / "kasus.yml").write_text(yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False),
                                          encoding="utf-8")
        result = load_case(folder, root=tmp_path)
        assert result.loaded is None
        refused = [p for p in result.errors if "karakter kendali tak terlihat (U+001B)" in p.message]
        assert len(refused) == len(poisoned) == len(result.errors), (slug, len(refused), len(poisoned))
        shown = {p.field_path for p in refused}
        assert shown == set(poisoned), sorted(set(poisoned) ^ shown)[:10]
        assert not any("\x1b" in p.format() for p in refused)
    assert len(fields_seen) == len(set(markers.where.values()))  # every text field of the model was poisoned
