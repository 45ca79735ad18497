"""Links from an error message to the row of Panduan › Rujukan kasus.yml that explains its field.

`casebook check` prints the link under each error; the `serve` banner links each error.
"""

from __future__ import annotations

from macros.errors import Problem
from macros.loading import PLACEHOLDER_MESSAGE
from macros.render.schema_reference import reference_anchor, reference_paths
from macros.vocabulary import Vocabulary

REFERENCE_PAGE = "/panduan/skema/"
# Where `casebook serve` publishes the Panduan (MkDocs' default dev_addr).
SERVE_ADDRESS = "http://127.0.0.1:8000"


_known: dict[int, tuple[Vocabulary, frozenset[str]]] = {}  # the vocabulary holds dicts, so it is not hashable


def _paths(vocabulary: Vocabulary) -> frozenset[str]:
    cached = _known.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        cached = _known[id(vocabulary)] = (vocabulary, reference_paths(vocabulary))
    return cached[1]


def reference_link(problem: Problem, vocabulary: Vocabulary, base: str = SERVE_ADDRESS) -> str | None:
    """`<base>/panduan/skema/#asesmen.bpss` for an error about a field; none for template leftovers,
    whose message already says what to do, and none for problems that are not about a field."""
    if not problem.is_error or not problem.field_path or problem.message == PLACEHOLDER_MESSAGE:
        return None
    anchor = reference_anchor(problem.field_path, _paths(vocabulary))
    return f"{base}{REFERENCE_PAGE}#{anchor}" if anchor else None
