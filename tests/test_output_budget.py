"""What a report may print: `check` bounds it exactly as the build does (red team s23 #1 and #3).

Two halves of one class, "a small page that prints a lot": statically, text a loop prints again, whether written in
the loop, through a loop variable, a filter or `~` (the sandbox's page language, macros/sandbox.py); while
rendering, what macros print from kasus.yml, against a cap per page and a budget per report (the page check and
the build's render stop at the same numbers, macros/page_check.py). Over either, the report is refused at its
page in `check`, and left out alone from a campus build (tests/test_archive_isolation.py)."""

from __future__ import annotations


import pytest

from macros.page_check import MAX_PAGE_MARKDOWN, MAX_REPORT_MARKDOWN, page_budget
from macros.sandbox import MAX_REPEATED_TEXT, OutputTooLarge, PageEnvironment, PageError, render_bounded
from tests.helpers import new_project, run_cli

SLUG = "keluaran-contoh-2024"
LOOP = "[" + ",".join(map(str, range(100))) + "]"
BIG = "Kata " * 5000  # 25 thousand characters: the red team's input A


def _env() -> PageEnvironment:
    return PageEnvironment({"isi": lambda path: "x"})


# Each prints the 25-thousand-character value again on each of 100 passes (2.5 million characters).
PRINTED_AGAIN = {
    "loop variable (red team input A)": "{% for a in ['" + BIG + "'] %}{% for b in " + LOOP + " %}{{ a }}\n{% endfor %}{% endfor %}",
    "filtered": "{% for a in ['" + BIG + "'] %}{% for b in " + LOOP + " %}{{ a|upper }}{% endfor %}{% endfor %}",
    "escaped": "{% for a in ['" + "&" * 4000 + "'] %}{% for b in " + LOOP + " %}{{ a|e }}{% endfor %}{% endfor %}",
    "joined with ~": "{% for b in " + LOOP + " %}{{ '" + BIG + "' ~ '' }}{% endfor %}",
    "as a default": "{% for b in " + LOOP + " %}{{ b|default('" + BIG + "') }}{% endfor %}",
    "in a conditional": "{% for a in ['" + BIG + "'] %}{% for b in " + LOOP + " %}{{ a if b else '' }}{% endfor %}{% endfor %}",
}


@pytest.mark.parametrize("name", sorted(PRINTED_AGAIN))
def test_text_a_loop_prints_again_is_refused_at_the_loop(name):
    with pytest.raises(PageError) as refused:
        _env().from_string(PRINTED_AGAIN[name])
    errors = [refused.value, *refused.value.others]
    assert any("mencetak teks yang sama terlalu banyak" in str(e) and e.lineno == 1 for e in errors), errors


@pytest.mark.parametrize("page", [
    # Each value printed once: a loop over stages, or over distinct long sentences, repeats nothing.
    "{% for a in [" + ",".join(f"'kalimat ke-{i} " + "panjang " * 40 + "'" for i in range(100)) + "] %}{{ a }}\n{% endfor %}",
    "{% for tahap in ['engagement', 'intake', 'asesmen'] %}{{ tahap|title }}: {{ isi('laporan.judul') }}\n{% endfor %}",
    "{% for a in ['" + "x" * (MAX_REPEATED_TEXT // 99) + "'] %}{% for b in " + LOOP + " %}{{ a }}{% endfor %}{% endfor %}",
])
def test_loops_that_print_each_value_once_or_little_are_kept(page):
    assert _env().from_string(page).render()


def test_the_render_stops_at_the_cap_instead_of_building_the_page_first():
    printed = []
    env = PageEnvironment({"panjang": lambda: printed.append(1) or "y" * 10_000})
    template = env.from_string("{% for b in " + LOOP + " %}{{ panjang() }}{% endfor %}")
    with pytest.raises(OutputTooLarge):
        render_bounded(template, 50_000)
    assert len(printed) <= 6  # stopped after the sixth call, not after the hundredth
    assert render_bounded(template, 1_000_000) == "y" * 1_000_000


def test_the_page_budget_is_the_page_cap_then_what_the_report_has_left():
    assert page_budget(0) == MAX_PAGE_MARKDOWN
    assert page_budget(MAX_REPORT_MARKDOWN - 1_000) == 1_000
    assert page_budget(MAX_REPORT_MARKDOWN + 5) == 0


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return new_project(tmp_path, SLUG)


def _long_field(project, characters: int) -> None:
    """`asesmen.proses` of `characters` (the red team's input B: a long kasus.yml field, no long literal)."""
    case = project / "cases" / SLUG / "kasus.yml"
    text = case.read_text(encoding="utf-8")
    sentence = "Wawancara dan observasi di rumah klien. "
    value = (sentence * (characters // len(sentence) + 1))[:characters].strip()
    assert "  proses: Wawancara dan observasi.\n" in text
    case.write_text(text.replace("  proses: Wawancara dan observasi.\n", f"  proses: {value}\n", 1), encoding="utf-8")


def test_a_macro_printing_a_long_field_in_a_loop_is_refused_at_its_page(project):
    _long_field(project, 22_000)
    page = project / "cases" / SLUG / "bab-1-pendahuluan.md"
    page.write_text("# BAB I Pendahuluan\n\n{% for b in " + LOOP + " %}{{ isi('asesmen.proses') }}\n\n{% endfor %}\n",
                    encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    assert (f"cases/{SLUG}/bab-1-pendahuluan.md:1:1: halaman ini menghasilkan lebih dari 500 ribu karakter setelah "
            "makro dan perulangan dijalankan") in output, output[-3000:]


def test_pages_each_under_the_cap_are_refused_where_the_report_passes_its_budget(project):
    """Red team s23 #3 in kind: every page under the page cap, the report over its budget (the red team's four
    pages of 1.95 million characters made a 3,065-page PDF)."""
    _long_field(project, 20_000)
    per_page = "{% for b in " + str(list(range(20))) + " %}{{ isi('asesmen.proses') }}\n\n{% endfor %}\n"
    pages = ["bab-1-pendahuluan.md", "bab-2-landasan-konseptual.md", "bab-5-praktik-baik.md", "bab-6-simpulan.md"]
    for name in pages:  # 20 × 20 thousand = 400 thousand characters each
        (project / "cases" / SLUG / name).write_text("# BAB\n\n" + per_page, encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    refused = [line for line in output.splitlines() if "laporan ini menghasilkan lebih dari 1 juta karakter" in line]
    assert len(refused) == 1, output[-3000:]
    assert refused[0].startswith(f"cases/{SLUG}/bab-5-praktik-baik.md:1:1: "), refused  # the third page passes it
    assert "halaman ini menghasilkan" not in output
