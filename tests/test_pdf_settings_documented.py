"""Every key a campus admin can write under `extra.casebook.pdf` in mkdocs.yml is documented on the PDF page
(docs/pdf.md), in its YAML example or its text (user test s23, F5: the four `halaman_depan` keys were only in
macros/pdf/settings.py and the tests). A key added to the settings models fails here until it is documented."""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel

from macros.pdf.settings import PdfSettings
from tests.helpers import ROOT


def _keys(model: type[BaseModel], path: str = ""):
    for name, info in model.model_fields.items():
        key = info.alias or name
        yield f"{path}{key}", key
        for arg in (info.annotation, *typing.get_args(info.annotation)):
            for inner in (arg, *typing.get_args(arg)):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    yield from _keys(inner, f"{path}{key}.")


def test_every_pdf_settings_key_is_documented_on_the_pdf_page():
    page = (ROOT / "docs" / "pdf.md").read_text(encoding="utf-8")
    keys = list(_keys(PdfSettings))
    assert {"profil_cetak.halaman_depan.lembar_pengesahan", "profil_cetak.margin.kiri"} <= {p for p, _ in keys}, keys
    missing = [path for path, key in keys if not re.search(rf"(`{re.escape(key)}`|^\s*{re.escape(key)}:|[{{ ]{re.escape(key)}:)",
                                                           page, re.M)]
    assert not missing, missing


def test_the_front_matter_example_on_the_pdf_page_is_a_valid_profile():
    import yaml

    from macros.pdf.settings import load_pdf_settings

    page = (ROOT / "docs" / "pdf.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", page, re.S)]
    examples = [b["extra"]["casebook"]["pdf"] for b in blocks if isinstance(b, dict) and "extra" in b]
    assert len(examples) >= 2
    for example in examples:
        settings = load_pdf_settings({"pdf": example}, None)
        for profile in settings.profiles.values():
            assert profile.front is not None
    fronts = [p for e in examples for p in e.get("profil_cetak", {}).values() if "halaman_depan" in p]
    assert any(set(p["halaman_depan"]) == {"pembimbing_di_sampul", "lembar_pengesahan", "tanggal_pengesahan",
                                           "nomor_pegawai"} for p in fronts), fronts
