"""Walk validated models by their Indonesian YAML paths.

Checks and completeness rules speak about places in `kasus.yml`; these helpers
turn a model tree into `(('tahapan', 0, 'tanggal'), value)` pairs and find the
model class that owns a path (to suggest the right key for a typo).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

YamlPath = tuple[str | int, ...]


def format_path(path: YamlPath) -> str:
    """`('tahapan', 0, 'tanggal')` -> `tahapan[1].tanggal` (items counted from 1, as students count)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


def iter_leaves(value: Any, path: YamlPath = ()) -> Iterator[tuple[YamlPath, Any]]:
    """Every non-model, non-list value in the tree with its YAML path."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from iter_leaves(getattr(value, name), path + (field.alias or name,))
    elif isinstance(value, (list, tuple)) and not _is_plain_tuple(value):
        for index, item in enumerate(value):
            yield from iter_leaves(item, path + (index,))
    else:
        yield path, value


def _is_plain_tuple(value: Any) -> bool:
    return isinstance(value, tuple) and hasattr(value, "_fields")


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete classes an annotation may hold (Optional, list, Annotated peeled off)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple):
        found = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    return [annotation]


def model_at(root: type[BaseModel], path: YamlPath) -> type[BaseModel] | None:
    """The model class whose fields live at `path` (list indexes are skipped)."""
    current: type[BaseModel] | None = root
    for part in path:
        if isinstance(part, int) or current is None:
            continue
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return None
        models = [c for c in _unwrap(field.annotation) if isinstance(c, type) and issubclass(c, BaseModel)]
        current = models[0] if models else None
    return current


def keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]
