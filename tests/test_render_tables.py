"""Table renderers draw the seeds' tables from the example data, escaped."""

from __future__ import annotations

import re

import pytest

from macros.loading import load_case
from macros.render import tables
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def ln():
    return load_case(ROOT / "cases" / "ln-hikari-2024").loaded.case


@pytest.fixture(scope="module")
def ajs():
    return load_case(ROOT / "cases" / "ajs-kartini-2024").loaded.case


def _body_rows(html: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>", 1)[1])


def test_interview_log_has_the_seed_rows(ln):
    html = tables.interview_log(ln.interviews)
    rows = _body_rows(html)
    assert len(rows) == 5
    assert rows[0].startswith("<td>1</td><td>Wawancara dengan Ketua HIKARI</td><td>Rabu, 4 September 2024</td><td>14.00–15.00</td>")


def test_quadrant_places_items_by_their_axes(ln):
    html = tables.strengths_quadrant(ln.assessment.strengths)
    kelebihan, kekurangan = _body_rows(html)
    for item in ln.assessment.strengths:
        row = kelebihan if item.kind == "kelebihan" else kekurangan
        cells = re.findall(r"<td>(.*?)</td>", row)
        assert item.text in cells[1 if item.domain == "personal" else 2]


def test_before_after_groups_rows_by_aspect(ajs):
    html = tables.before_after(ajs.evaluation.results)
    aspects = re.findall(r'<tr class="casebook-aspek"><th colspan="2">(.*?)</th></tr>', html)
    assert len(aspects) == 2
    assert len(_body_rows(html)) == len(ajs.evaluation.results)


def test_plan_table_has_six_columns_and_smart_goals(ajs):
    html = tables.plan_table(ajs.plan.activities, DEFAULT_VOCABULARY)
    assert html.count("<th>") == 6
    rows = _body_rows(html)
    assert len(rows) == 2
    assert all(row.count("<td>") == 6 for row in rows)
    assert "Educational Group" in html and "target:" in html and "tenggat:" in html


def test_attendance_marks_each_week(ln):
    sheet = ln.appendices.attendance
    html = tables.attendance(sheet)
    week_headers = re.findall(r"<th>(\d+)</th>", html)   # second header row: 1, 2, ..., weeks
    assert week_headers == [str(w) for w in range(1, sheet.weeks + 1)]
    assert f'<th colspan="{sheet.weeks}">Minggu ke-</th>' in html
    assert len(_body_rows(html)) == len(sheet.rows)
    for row in _body_rows(html):
        assert len(re.findall(r"<td>", row)) == 3 + sheet.weeks + 1


def test_text_is_escaped():
    from macros.schema.process import Wawancara

    row = Wawancara.model_validate({"kegiatan": "<img src=x onerror=alert(1)>", "tanggal": "2024-09-10",
                                    "waktu": "10.00", "hasil": "a & b"})
    html = tables.interview_log([row])
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html and "a &amp; b" in html
