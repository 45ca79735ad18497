"""A list printed item by item (`{{ kasus_mikro('KM1') }}` per micro case) drops the item the page forgot: the
placement check (macros/render/places.py) judges each ITEM of such a list, not only whether the list is printed
somewhere (user test s23, F7: a third micro case vanished with `check --strict` clean)."""

from __future__ import annotations

import inspect
import re
import shutil

import pytest

from macros.page_macros import PageMacros
from macros.render.places import NOT_SELECTORS, PRESENTATION_PARAMETERS, SELECTORS, places
from tests.helpers import ROOT, run_cli

LAB = "lab-mekarsantun-2024"


@pytest.fixture
def lab(tmp_path, monkeypatch):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    (tmp_path / "cases").mkdir()
    folder = tmp_path / "cases" / LAB
    shutil.copytree(ROOT / "cases" / LAB, folder)
    shutil.copy(ROOT / "docs" / "templat" / "laboratorium" / "bab-4-penanganan-kasus.md", folder / "bab-4-penanganan-kasus.md")
    monkeypatch.chdir(tmp_path)
    return folder


def _codes(folder) -> list[tuple[str, int]]:
    lines = (folder / "kasus.yml").read_text(encoding="utf-8").splitlines()
    return [(m.group(1), n) for n, line in enumerate(lines, 1) if (m := re.match(r"  - kode: (\w+)", line))]


def test_every_macro_that_selects_one_item_is_checked_per_item():
    """The class, not the instance: a page macro with a parameter that chooses WHICH data it prints must be judged
    per item (SELECTORS) or say why not (NOT_SELECTORS). A new `tabel_x(nomor=...)` fails here until it is."""
    unknown = {}
    for name in dir(PageMacros):
        function = getattr(PageMacros, name)
        if name.startswith("_") or name == "register" or not callable(function):
            continue
        selecting = [p for p in inspect.signature(function).parameters if p != "self" and p not in PRESENTATION_PARAMETERS]
        if selecting and name not in SELECTORS and name not in NOT_SELECTORS:
            unknown[name] = selecting
    assert not unknown, unknown
    for name, selector in SELECTORS.items():
        assert selector.parameter in inspect.signature(getattr(PageMacros, name)).parameters, name
        assert name in places()[selector.path], name  # the list itself is known to be printed by this macro


def test_a_micro_case_the_page_forgets_to_call_is_a_located_warning_naming_the_call(lab):
    page = lab / "bab-4-penanganan-kasus.md"
    codes = _codes(lab)
    micro = [(c, n) for c, n in codes if c.startswith("KM")]
    assert len(micro) >= 2, codes
    (first, _), (last, last_line) = micro[0], micro[-1]
    text = page.read_text(encoding="utf-8")
    assert "{{ kasus_mikro() }}" in text
    page.write_text(text.replace("{{ kasus_mikro() }}", f"Uraian pengantar.\n\n{{{{ kasus_mikro('{first}') }}}}\n\nUraian penutup."),
                    encoding="utf-8")
    code, out = run_cli(["check", "--strict", str(lab)])
    assert code == 1, out
    index = len(micro)
    assert re.search(rf"kasus\.yml:{last_line}:\d+: peringatan: kasus_mikro\[{index}\]: .*tidak ada halaman bab yang "
                     rf"mencetaknya.*tambahkan \{{\{{ kasus_mikro\('{last}'\) \}}\}}", out), out
    assert f"kasus_mikro('{first}')" not in out.split("tambahkan", 1)[1].split("\n")[0]

    # every case called one by one (lower-case code too): nothing is missing
    calls = "\n\n".join(f"{{{{ kasus_mikro('{c.lower() if i else c}') }}}}" for i, (c, _) in enumerate(micro))
    page.write_text(text.replace("{{ kasus_mikro() }}", calls), encoding="utf-8")
    code, out = run_cli(["check", "--strict", str(lab)])
    assert "kasus_mikro[" not in out, out


def test_a_single_case_next_to_the_all_cases_call_says_which_call_to_remove(lab):
    page = lab / "bab-4-penanganan-kasus.md"
    first = _codes(lab)[0][0] if _codes(lab)[0][0].startswith("KM") else "KM1"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{{ kasus_mikro() }}", f"{{{{ kasus_mikro() }}}}\n\n{{{{ kasus_mikro('{first}') }}}}"),
                    encoding="utf-8")
    code, out = run_cli(["check", str(lab)])
    assert code == 1, out
    assert f"kasus mikro {first} sudah dicetak" in out, out
    assert "hapus {{ kasus_mikro() }}" in out and "beri id lain" not in out, out


def test_a_mixin_macro_missing_its_data_is_named_not_question_mark(lab):
    """`kasus_mikro` lives in the laboratory mixin: its name, not `?()`, is in the message (user test s23, F11)."""
    data = lab / "kasus.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(re.sub(r"\nkasus_mikro:\n(?:[ #].*\n|\n)*", "\n", text), encoding="utf-8")
    page = lab / "bab-4-penanganan-kasus.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n{{ kasus_mikro('KM1') }}\n", encoding="utf-8")
    code, out = run_cli(["check", str(lab)])
    assert "makro `kasus_mikro()` membutuhkan `kasus_mikro`" in out, out
    assert "`?()`" not in out


def test_an_unknown_micro_case_code_names_the_call_and_the_codes_once(lab):
    page = lab / "bab-4-penanganan-kasus.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ kasus_mikro() }}", "{{ kasus_mikro('KM9') }}"), encoding="utf-8")
    code, out = run_cli(["check", str(lab)])
    line = next(l for l in out.splitlines() if "KM9" in l)
    assert "kasus_mikro('KM9'): tidak ada kasus mikro berkode itu di kasus.yml (ada: KM1, KM2)" in line, line
    assert line.count("cases/") == 1 and line.count("bab-4-penanganan-kasus.md") == 1, line
