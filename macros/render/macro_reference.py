"""The macro reference page (Panduan › Makro halaman), generated from the page macros' docstrings."""

from __future__ import annotations

import inspect
import re

from markupsafe import escape


def macro_reference() -> str:
    from macros.page_macros import PageMacros

    rows = []
    for name, method in sorted(inspect.getmembers(PageMacros, inspect.isfunction)):
        if name.startswith("_") or name == "register":
            continue
        doc = inspect.getdoc(method) or ""
        calls = re.findall(r"`(\{[{%].*?[}%]\})`", doc)
        purpose = " ".join(re.split(r"\bCall:", doc)[0].split())
        rows.append(f"| `{name}` | {escape(purpose).replace('|', '/')} | {'<br>'.join(f'`{escape(c)}`' for c in calls)} |")
    return ("# Makro halaman\n\nMakro dipanggil di halaman bab (`cases/<slug>/*.md`) dan menampilkan data dari "
            "`kasus.yml`. Tabel dan gambar bernomor otomatis per bab.\n\n| Makro | Fungsi | Cara memanggil |\n|---|---|---|\n"
            + "\n".join(rows) + "\n")
