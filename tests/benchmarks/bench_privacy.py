"""Privacy gate speed: each detector on worst-case texts of growing size (not run by CI).

    .venv/bin/python tests/benchmarks/bench_privacy.py

Linear time shows as a constant number of microseconds per kilobyte down each column. The old
e-mail pattern was quadratic on one long word: 154 KB took 18 s, 1.9 MB over 12 minutes.

Measured 30 November 2026 on the shared 2-core development machine (other builds running):

    kasus                        250 KB       500 KB      1000 KB      2000 KB   (detik CPU)
    long word                      0.09         0.18         0.35         0.74
    digits, spaces                 0.16         0.32         0.63         1.27
    08 08 08                       0.17         0.40         0.68         1.35
    birth words, years             0.16         0.31         0.62         1.24
    rt 1 /                         0.15         0.30         0.61         1.17
    a@a@                           0.14         0.29         0.56         1.14
    entities                       0.09         0.19         0.40         0.82
    unclosed tags                  0.15         0.30         0.56         1.11
"""

from __future__ import annotations

import time

from macros.privacy.matching import Needle, NeedleSet, Prepared, contains
from macros.privacy.patterns import find_patterns

CASES = {
    "long word": lambda n: "a" * n,
    "digits, spaces": lambda n: "1 " * (n // 2),
    "08 08 08": lambda n: "08 " * (n // 3),
    "birth words, years": lambda n: "lahir 1 1 2009 " * (n // 15),
    "rt 1 /": lambda n: "rt 1 / " * (n // 7),
    "a@a@": lambda n: "a@" * (n // 2),
    "entities": lambda n: "&#97" * (n // 4),
    "unclosed tags": lambda n: "<a" * (n // 2),
}
NEEDLES = [Needle("Sri Wulandari Pratiwi", "nama"), Needle("0812 3456 7890", "telepon", "angka"), Needle("SWP", "i", "inisial")]


def main() -> None:
    sizes = [250_000, 500_000, 1_000_000, 2_000_000]
    print(f"{'kasus':22s}" + "".join(f"{s // 1000:>10d} KB" for s in sizes) + "   (detik CPU)")
    for name, make in CASES.items():
        row = []
        for size in sizes:
            text = make(size)
            started = time.process_time()
            find_patterns(text, frozenset())
            prepared = Prepared.of(text)
            for needle in NEEDLES:
                contains(prepared, needle)
            row.append(time.process_time() - started)
        print(f"{name:22s}" + "".join(f"{t:>13.2f}" for t in row))
    # An archive's shared pages against every report's private strings (macros/privacy/matching.py NeedleSet):
    # one pass over the text, however many strings; one search per string grows with both.
    print(f"\n{'nama rahasia':22s}" + "".join(f"{n:>10d} nm" for n in (100, 1_000, 10_000)) + "   (detik CPU, 1 MB)")
    text = Prepared.of("<p>Laporan praktikum klien TS di lembaga mitra. </p>" * 20_000)
    for label, search in (("satu lintasan", lambda listed: NeedleSet(listed).found(text)),
                          ("satu per nama", lambda listed: [n for n in listed if contains(text, n)])):
        row = []
        for count in (100, 1_000, 10_000):
            listed = [Needle(f"Nama Klien {n:05d}", "nama") for n in range(count)]
            started = time.process_time()
            search(listed)
            row.append(time.process_time() - started)
        print(f"{label:22s}" + "".join(f"{t:>13.2f}" for t in row))


if __name__ == "__main__":
    main()
