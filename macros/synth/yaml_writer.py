"""A small, deterministic YAML emitter for the data synth builds.

The data is only dicts, lists, strings, ints and bools, so a few rules suffice; writing
it by hand keeps the output byte-identical across runs and about ten times faster than
PyYAML's pure-Python emitter. Prose with line breaks becomes a `|` block; anything the
project's loader might read as another type (numbers, times such as 17.00) is quoted.
"""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-z0-9À-ÿ_ .,;()/'’–—?-]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} as YAML")
    if _PLAIN.fullmatch(value) and not value.endswith(" ") and value.lower() not in _RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _block(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return ["|"] + [pad + line if line else "" for line in text.rstrip("\n").split("\n")]


def _emit(value: object, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            _emit_entry(f"{pad}{key}:", item, indent, out)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                first = True
                for key, sub in item.items():
                    prefix = f"{pad}- {key}:" if first else f"{pad}  {key}:"
                    _emit_entry(prefix, sub, indent + 2, out)
                    first = False
            elif isinstance(item, list):
                raise TypeError("nested lists are written inline only")
            else:
                _emit_entry(f"{pad}-", item, indent + 2, out, is_item=True)
    else:
        raise TypeError("top level must be a mapping or a list")


def _emit_entry(prefix: str, value: object, indent: int, out: list[str], is_item: bool = False) -> None:
    if isinstance(value, dict):
        out.append(prefix)
        _emit(value, indent + 2, out)
    elif isinstance(value, list):
        if not value:
            out.append(f"{prefix} []")
        elif all(not isinstance(v, (dict, list)) for v in value) and sum(len(str(v)) for v in value) < 70 \
                and all(isinstance(v, (int, bool)) or _PLAIN.fullmatch(v) for v in value):
            out.append(f"{prefix} [{', '.join(_flow(v) for v in value)}]")
        elif all(isinstance(v, list) for v in value):  # table rows
            out.append(prefix)
            for row in value:
                out.append(f"{' ' * (indent + 2)}- [{', '.join(json.dumps(str(c), ensure_ascii=False) for c in row)}]")
        else:
            out.append(prefix)
            _emit(value, indent + 2, out)
    elif isinstance(value, str) and "\n" in value.strip("\n"):
        lines = _block(value, indent + 2)
        out.append(f"{prefix} {lines[0]}")
        out.extend(lines[1:])
    else:
        out.append(f"{prefix} {_scalar(value)}")


def _flow(value: object) -> str:
    text = _scalar(value)
    return json.dumps(value, ensure_ascii=False) if ("," in text or "[" in text or "]" in text) and isinstance(value, str) else text


def dump(data: dict, header: str = "") -> str:
    out: list[str] = [f"# {line}" if line else "#" for line in header.splitlines()]
    if out:
        out.append("")
    _emit(data, 0, out)
    return "\n".join(out) + "\n"
