"""Numbers in a page's HTML that size the layout are bounded (red team s23 #7): one `colspan="10000000"` (or
`<col span>`, `<colgroup span>`) held the campus build's PDF stage for good, since WeasyPrint does not clamp them
and lays a table out in time quadratic in its columns, and pandoc's Word export grew past 4 GB. The sanitiser every
page goes through (macros/privacy/sanitize.py) clamps each such number; these tests render the result for real."""

from __future__ import annotations

import re
import time

import pytest

from macros.privacy.sanitize import LAYOUT_NUMBERS, sanitize

HUGE = ["10000000", "99999999999999999999", "1e9", " 5000000px", "-10000000", "+7", "abc", "", "9000%", "369.5"]
ELEMENTS = {  # attribute -> markup with {v} where the value goes
    "colspan": '<table><tr><td colspan="{v}">x</td><th colspan="{v}">y</th></tr></table>',
    "rowspan": '<table><tr><td rowspan="{v}">x</td></tr></table>',
    "span": '<table><colgroup span="{v}"></colgroup><colgroup><col span="{v}"></colgroup><tr><td>x</td></tr></table>',
    "width": '<img src="media/foto.jpg" alt="" width="{v}"><svg width="{v}" viewBox="0 0 1 1"></svg>',
    "height": '<img src="media/foto.jpg" alt="" height="{v}"><svg height="{v}" viewBox="0 0 1 1"></svg>',
    "start": '<ol start="{v}"><li>a</li></ol>',
    "value": '<ol><li value="{v}">a</li></ol>',
}


def test_every_bounded_attribute_is_tested():
    assert set(ELEMENTS) == set(LAYOUT_NUMBERS)


@pytest.mark.parametrize("attribute", sorted(ELEMENTS))
@pytest.mark.parametrize("value", HUGE)
def test_each_layout_number_comes_out_within_its_bounds(attribute, value):
    low, high = LAYOUT_NUMBERS[attribute]
    clean = sanitize(ELEMENTS[attribute].format(v=value))
    for found in re.findall(rf'\s{attribute}="([^"]*)"', clean):
        read = re.match(r"\s*([+-]?\d+(?:\.\d+)?)", found)  # as a browser reads it: the leading number
        assert read and (found.strip().endswith("%") or low <= float(read.group(1)) <= high), clean


@pytest.mark.parametrize("markup", ['<table><tr><td colspan="3">x</td></tr></table>', '<ol start="4"><li>a</li></ol>',
                                    '<img src="media/foto.jpg" alt="" width="50%">', '<svg width="640" height="300"></svg>',
                                    '<svg width="10" height="10"><rect x="0" y="0" width="20000" height="10"></rect></svg>'])
def test_ordinary_numbers_are_kept(markup):
    assert sanitize(markup).replace("<tbody>", "").replace("</tbody>", "") == markup


# The red team's inputs (colspan, <col span>, <colgroup span>), as every page's HTML reaches the PDF and Word file.
RED_TEAM = ['<table><tr><td colspan="10000000">x</td></tr></table>',
            '<table><col span="10000000"><tr><td>x</td></tr></table>',
            '<table><colgroup span="10000000"></colgroup><tr><td>x</td></tr></table>']


@pytest.mark.parametrize("markup", RED_TEAM)
def test_the_red_team_tables_print_in_a_moment_in_pdf_and_word(markup, tmp_path):
    import pypandoc
    import weasyprint

    clean = sanitize(markup)
    started = time.perf_counter()
    assert weasyprint.HTML(string=clean).write_pdf().startswith(b"%PDF")
    pypandoc.convert_text(clean, "docx", format="html", outputfile=str(tmp_path / "tabel.docx"))
    assert time.perf_counter() - started < 10  # unclamped: WeasyPrint alone needed > 120 s at a million columns
