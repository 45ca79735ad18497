"""Identifiers Casebook itself writes into published files never read as personal data.

A hash is random: the search index's build id (16 hex characters) was all decimal digits in one build of the
test suite, the privacy gate found a NIK in site/search/casebook/manifest.json and the build failed. Every id
generator whose output is published is held here to the gate's own detectors, on the worst digests."""

from __future__ import annotations

import hashlib

import pytest

from macros.privacy.patterns import find_patterns
from macros.search.build import build_id

WORST_DIGESTS = ["0" * 40, "1580951092093011" + "0" * 24, "3273012505900001" + "9" * 24, "081234567890" + "1" * 28,
                 "6281234567890123" + "5" * 24]


@pytest.mark.parametrize("digest", WORST_DIGESTS + [hashlib.sha1(str(n).encode()).hexdigest() for n in range(300)])
def test_the_search_build_id_never_reads_as_a_number_the_gate_refuses(digest):
    build = build_id(digest)
    assert len(build) == 17 and build[8] == "g"
    for text in (build, f'{{"id":"{build}"}}', f"?v={build}", f"manifest {build} 2024"):
        assert find_patterns(text, frozenset()) == [], (digest, text)


def test_an_all_digit_hex_digest_would_have_been_refused():
    """The detector this guards against does fire on the old shape, so the test above can fail."""
    assert find_patterns('{"id":"1580951092093011"}', frozenset())
