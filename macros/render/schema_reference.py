"""The schema reference page (Panduan › Rujukan kasus.yml), generated from the models at build time.

Every field of kasus.yml with its path, kind, whether it is required, its Indonesian
description and an example taken from the first example report. Each row carries an
anchor equal to its path (`#asesmen.bpss`), which error messages point to.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import escape

from macros.schema_export import case_json_schema
from macros.vocabulary import Vocabulary


def _resolve(node: dict, defs: dict) -> dict:
    if "$ref" in node:
        target = defs[node["$ref"].split("/")[-1]]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    if "anyOf" in node:  # Optional[X]: the non-null branch
        branches = [b for b in node["anyOf"] if b.get("type") != "null"]
        if len(branches) == 1:
            return {**_resolve(branches[0], defs), **{k: v for k, v in node.items() if k != "anyOf"}}
    return node


def _kind(node: dict, defs: dict) -> str:
    node = _resolve(node, defs)
    if "enum" in node:  # every choice, with its meaning when the vocabulary gives one
        labels = node.get("markdownEnumDescriptions") or [None] * len(node["enum"])
        return "pilihan: " + ", ".join(f"`{v}`" + (f" ({escape(label)})" if label and label.lower() != str(v).replace("_", " ") else "")
                                        for v, label in zip(node["enum"], labels))
    kind = node.get("type")
    if kind == "array":
        # Every list has a bound (tests/test_schema_bounds.py); check refuses a longer one at its line.
        bound = f" (paling banyak {node['maxItems']} butir)" if "maxItems" in node else ""
        return "daftar " + _kind(node.get("items", {}), defs) + bound
    if kind == "object" or "properties" in node:
        return "bagian"
    if kind == "integer":
        bounds = f" ({node['minimum']}–{node['maximum']})" if "minimum" in node and "maximum" in node else ""
        return "bilangan bulat" + bounds
    if kind == "boolean":
        return "`true`/`false`"
    if kind == "string":
        pattern = node.get("pattern", "")
        examples = node.get("examples") or []
        if "Selasa, 10 September 2024" in examples:  # Tanggal: a checked date, not free text
            return "tanggal (`Selasa, 10 September 2024`, `10-09-2024` hari-bulan-tahun, atau `2024-09-10`; nama hari harus cocok)"
        if pattern.startswith("^\\d{1,2}[.:]"):
            return "jam (`17.00-18.30`)"
        return "kode samaran" if "A-Z" in pattern else "teks"
    return "nilai"


def _example(data: Any, path: list[str]) -> str:
    value = data
    for key in path:
        while isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, dict) or key not in value:
            return ""
        value = value[key]
    while isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (dict, type(None))):
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


def _rows(node: dict, defs: dict, path: list[str], data: Any, out: list[tuple[str, str, str, str, str]]) -> None:
    node = _resolve(node, defs)
    if node.get("type") == "array":
        _rows(node.get("items", {}), defs, path, data, out)
        return
    required = set(node.get("required", []))
    for key, child in (node.get("properties") or {}).items():
        child_path = path + [key]
        resolved = _resolve(child, defs)
        out.append((".".join(child_path), _kind(child, defs), "wajib" if key in required else "opsional",
                    child.get("description") or resolved.get("description", ""), _example(data, child_path)))
        target = resolved.get("items", resolved) if resolved.get("type") == "array" else resolved
        if "properties" in _resolve(target, defs) and len(child_path) < 6:
            _rows(resolved, defs, child_path, data, out)


def reference_paths(vocabulary: Vocabulary) -> frozenset[str]:
    """Every field path that has a row (and so an anchor) in the reference."""
    schema = case_json_schema(vocabulary)
    rows: list[tuple[str, str, str, str, str]] = []
    _rows(schema, schema.get("$defs", {}), [], {}, rows)
    return frozenset(row[0] for row in rows)


def reference_anchor(field_path: str, paths: frozenset[str]) -> str | None:
    """The reference row an error about `field_path` should point to.

    List indexes are dropped (`tahapan[2].tahap` → `tahapan.tahap`); a field without a row of its
    own (an unknown key, a typo) points to the nearest section that has one.
    """
    parts = re.sub(r"\[\d+\]", "", field_path).split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in paths:
            return candidate
        parts.pop()
    return None


def schema_reference(vocabulary: Vocabulary, example: Any) -> str:
    """Markdown of the whole reference; one table per top-level section."""
    schema = case_json_schema(vocabulary)
    defs = schema.get("$defs", {})
    rows: list[tuple[str, str, str, str, str]] = []
    _rows(schema, defs, [], example, rows)
    parts = ["# Rujukan kasus.yml\n",
             "Setiap kolom `kasus.yml`: jenis isinya, wajib atau tidak, keterangannya, dan contoh dari templat "
             "`casebook new` (docs/templat/kasus.yml). Pesan galat `casebook check` menunjuk ke baris di halaman ini (misalnya `#asesmen.bpss`).\n"]
    section = None
    for path, kind, needed, description, example in rows:
        top = path.split(".")[0]
        if top != section:
            section = top
            parts.append(f'\n## {escape(top)} {{#{escape(top)}-bagian}}\n\n| Kolom | Jenis | Wajib | Keterangan | Contoh |\n|---|---|---|---|---|')
        # A report's value, as text: HTML-escaped and with Markdown's punctuation neutralised (a backtick would close
        # a code span and let the rest become a live link or attribute: red team s23 #18).
        example_cell = f"<code>{_as_text(example)}</code>" if example else ""
        parts.append(f'| <span id="{escape(path)}"></span>`{escape(path)}` | {kind} | {needed} | '
                     f"{escape(description).replace('|', '/')} | {example_cell.replace('|', '/')} |")
    return "\n".join(parts) + "\n" + steering_section()


def _as_text(value: object) -> str:
    from macros.render.text import plain

    return plain(str(value)).replace("{", "&#123;").replace("`", "&#96;")


def steering_section() -> str:
    """The short list of fields that steer the report without being printed as text, and why."""
    from macros.render.fields import IN_FIGURE, PRINT_ONLY, SITE_ONLY, STEERING

    def rows(entries: dict[str, str]) -> str:
        return "\n".join(f"| `{escape(key)}` | {escape(reason)} |" for key, reason in entries.items())

    return ("\n## Kolom yang tidak dicetak sebagai teks {#kolom-pengarah}\n\n"
            "Setiap kolom lain tercetak di situs, PDF, dan dokumen Word. Kolom berikut mengarahkan hasil "
            "(profil publikasi, izin foto, rujukan antarbagian) tanpa dicetak sebagai teks; nama di kiri adalah "
            "nama model dan kolom di kode Casebook.\n\n| Kolom | Mengapa |\n|---|---|\n" + rows(STEERING)
            + "\n\nHanya di PDF dan Word (sampul, lembar pengesahan, kata pengantar):\n\n| Kolom | Tempat |\n|---|---|\n"
            + rows(PRINT_ONLY) + "\n\nHanya di situs:\n\n| Kolom | Tempat |\n|---|---|\n" + rows(SITE_ONLY)
            + "\n\nDi dalam gambar (situs dan PDF; di Word gambar berupa citra):\n\n| Kolom | Tempat |\n|---|---|\n"
            + rows(IN_FIGURE) + "\n")
