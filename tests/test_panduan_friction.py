"""What new students stumbled on is answered in the Panduan (issue 15 user test, s23): where a stage's story goes
(`tahapan`) against a meeting (`intervensi.sesi`), whether every stage needs a `tahapan` item, and what the DRAF
mark on every PDF page is and how it goes away. The examples quoted there are held to the example reports they
quote, so the Panduan cannot drift from them."""

from __future__ import annotations

import re

import pytest
import yaml
from markdown.extensions.toc import slugify

from macros.loading import load_case
from macros.schema.front import Pengesahan
from tests.helpers import ROOT

PANDUAN = ROOT / "docs" / "panduan"


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)


def test_the_community_page_says_what_goes_in_tahapan_and_in_intervensi_sesi():
    text = (PANDUAN / "komunitas.md").read_text(encoding="utf-8")
    assert "`intervensi.sesi`" in text and "Tidak setiap tahap perlu butir `tahapan`" in text
    example = (ROOT / "cases" / "kbl-cikadu-2024" / "kasus.yml").read_text(encoding="utf-8")
    [block] = [b for b in _yaml_blocks(text) if "tahapan:" in b]
    for line in block.splitlines():  # every quoted line is in the example (an elided line ends with "...")
        quoted = line.strip().removesuffix("...").strip()
        if quoted:
            assert quoted in example, quoted
    # The stages the page says the example writes as `tahapan` items are the example's.
    case = load_case(ROOT / "cases" / "kbl-cikadu-2024").loaded.case
    said = re.search(r"`tahapan` berisi lima butir \(([^)]*)\)", text).group(1)
    assert re.findall(r"`([a-z_]+)`", said) == list(dict.fromkeys(s.stage for s in case.stages))


@pytest.mark.parametrize("page, stage", [("laboratorium.md", "persiapan"), ("index.md", "engagement")])
def test_the_other_kinds_say_which_stages_need_a_tahapan_item(page, stage):
    text = (PANDUAN / page).read_text(encoding="utf-8")
    assert "`tahapan`" in text and stage in text and "opsional" in text


def test_the_draft_mark_is_explained_with_approval_data_that_loads():
    text = (PANDUAN / "index.md").read_text(encoding="utf-8")
    assert "## 7. Tanda DRAF di PDF" in text and "tanggal_disetujui" in text
    [block] = [b for b in _yaml_blocks(text) if "pengesahan:" in b]
    approval = Pengesahan.model_validate(yaml.safe_load(block)["pengesahan"])
    assert approval.approved_on is not None


def test_links_to_the_draft_section_reach_its_heading():
    headings = {slugify(h, "-") for h in re.findall(r"^#+ (.+)$", (PANDUAN / "index.md").read_text(encoding="utf-8"),
                                                     flags=re.MULTILINE)}
    linked = [anchor for page in PANDUAN.glob("*.md")
              for anchor in re.findall(r"\]\(index\.md#([^)]+)\)", page.read_text(encoding="utf-8"))]
    assert linked and set(linked) <= headings, (linked, headings)
