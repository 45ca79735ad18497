"""JSON Schema of `kasus.yml` for editors (VS Code's YAML extension validates while typing)."""

from __future__ import annotations

import json
from typing import Any

from macros.schema import Case
from macros.vocabulary import Vocabulary


def case_json_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """The model's schema by YAML keys, with vocabulary fields turned into enums."""
    schema = Case.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Casebook: data laporan praktikum (kasus.yml)"
    _inject_vocabulary(schema, vocabulary)
    return schema


def _inject_vocabulary(node: Any, vocabulary: Vocabulary) -> None:
    if isinstance(node, dict):
        kind = node.pop("x-kosakata", None)
        if kind:
            node["enum"] = vocabulary.codes(kind)
            node["markdownEnumDescriptions"] = [vocabulary.label(kind, c) for c in vocabulary.codes(kind)]
        node.pop("x-markdown", None)
        for value in node.values():
            _inject_vocabulary(value, vocabulary)
    elif isinstance(node, list):
        for value in node:
            _inject_vocabulary(value, vocabulary)


def schema_text(vocabulary: Vocabulary) -> str:
    return json.dumps(case_json_schema(vocabulary), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
