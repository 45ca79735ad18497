"""Every private string of an archive looked for in one pass (macros/privacy/matching.py `NeedleSet`): it must find
exactly what one `contains` per string finds, whatever the kind (names, numbers, initials), case, accents, spacing,
markup or look-alike letters. Property-based: the next way of writing a name is one more example, not a new test."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.privacy.matching import OWN_WORD_INITIALS, Needle, NeedleSet, Prepared, contains

NAMES = ["Siti Nur'Aini", "Sití Nur-aini", "Rahmawati", "Dedi", "O'Melia", "Schön", "Nurhaliza Putri", "Ai",
         "R. Wulandari", "Panti Wreda Sejahtera", "ЅITI", "a.b"]
NUMBERS = ["3204121212120001", "+62 813-9999-1234", "0813 9999 1234", "12345", "022-7201234"]
INITIALS = ["TS", "IV", "SK", "A.B", "MRS", "ts"]
DATES = ["1975-03-14", "2012-03-14", "2001-01-02", "1962-12-01"]

needles = st.lists(st.one_of(
    st.builds(Needle, st.sampled_from(NAMES) | st.text("aiuSNRd '-.é", min_size=1, max_size=14), st.just("nama")),
    st.builds(Needle, st.sampled_from(NUMBERS) | st.text("0123456789 -+", min_size=1, max_size=18), st.just("nomor"),
              st.just("angka")),
    st.builds(Needle, st.sampled_from(INITIALS), st.just("inisial"), st.sampled_from(["inisial", OWN_WORD_INITIALS])),
    st.builds(Needle, st.sampled_from(DATES), st.just("tanggal lahir"), st.just("tanggal")),
), min_size=1, max_size=12)

pieces = st.sampled_from([*NAMES, *NUMBERS, *INITIALS, "sitinuraini", "SITI  NUR AINI", "<b>Siti</b> Nur Aini",
                          "Nurh&#97;liza Putri", "Rahma\u00adwati", "TSX", "xTS", "(TS)", "BAB IV", "62813 9999 1234",
                          " ", "\n", ", ", "klien", "<p>", "</p>", "Dedikasi", "l'oréal", "14-03-1975", "14/3/1975",
                          "1975.03.14", "14 3 1975", "14, 3, 1975", "2-1-2001", "1962 \u2013 12 \u2013 01", "62-12-01",
                          "114-03-19755"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(needles, st.lists(pieces, max_size=25))
def test_one_pass_finds_what_one_search_per_string_finds(listed, parts):
    text = Prepared.of("".join(parts))
    assert NeedleSet(listed).found(text) == [needle for needle in listed if contains(text, needle)]


def test_the_cases_that_matter_are_among_the_examples():
    """The property above is only as good as its examples: each kind of match happens in them."""
    text = Prepared.of("<p>Klien <b>Siti</b> Nur-Aini (TS), HP +62 813 9999 1234, sitinuraini, Rahma\u00adwati</p>")
    listed = [Needle("Siti Nur'Aini", "nama"), Needle("0813-9999-1234", "nomor", "angka"), Needle("TS", "inisial", "inisial"),
              Needle("Rahmawati", "nama"), Needle("Dedi", "nama"), Needle("IV", "inisial", "inisial")]
    assert [n.text for n in NeedleSet(listed).found(text)] == ["Siti Nur'Aini", "0813-9999-1234", "TS", "Rahmawati"]


def test_ten_thousand_strings_over_a_large_shared_page():
    """An archive's scale (its speed is in tests/benchmarks/bench_privacy.py): every one of ten thousand names is
    still found, and only it."""
    listed = [Needle(f"Nama Klien {n:05d}", "nama") for n in range(10_000)]
    text = Prepared.of(("<p>Laporan praktikum klien TS di lembaga. </p>" * 25_000) + "nama klien 04711 NAMA-KLIEN-09999")
    assert [n.text for n in NeedleSet(listed).found(text)] == ["Nama Klien 04711", "Nama Klien 09999"]
