"""Every link in a report's PDF goes to the web (http, https, mailto) or to a place in the same PDF; none
points at the build machine (`file://` with its folders), whatever link the student wrote."""

from __future__ import annotations

import re

import pikepdf
import pytest

from tests.helpers import FIXTURE, write_case_variant
from tests.test_pdf import build, pdf_of
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

PAGE = """# BAB I Pendahuluan

Lihat [atas](#) dan [bagian yang tidak ada](#tidak-ada), [BAB III](bab-3-konteks-institusi.md),
[situs Kemensos](https://kemensos.go.id) dan <a href="?x=1">kueri</a>.
"""


def link_targets(pdf) -> list[str]:
    """'internal' for a jump inside the PDF, else the URI of each link annotation."""
    found = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                action = annotation.get("/A")
                if "/Dest" in annotation or (action is not None and action.get("/S") == "/GoTo"):
                    found.append("internal")
                else:
                    found.append(str(action.get("/URI")) if action is not None else "?")
    return found


def test_no_link_in_the_pdf_points_at_the_build_machine(tmp_path):
    project = _project_copy(tmp_path)
    folder = write_case_variant(project / "cases", None, (FIXTURE / "kasus.yml").read_text(encoding="utf-8"),
                                name="tautan-uji-2024")
    (folder / "bab-1-pendahuluan.md").write_text(PAGE, encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    targets = link_targets(pdf_of(tmp_path / "site", "tautan-uji-2024"))
    assert "https://kemensos.go.id" in targets and "internal" in targets
    odd = [t for t in targets if t != "internal" and not re.match(r"(https?|mailto):", t)]
    assert not odd, odd
