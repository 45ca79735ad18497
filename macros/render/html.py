"""Small HTML building blocks; every text from data passes through `escape`."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.completeness import STATUS_MARKS


def table(rows: list[tuple[str, str]], *, css_class: str) -> str:
    """A two-column label/value table; both columns escaped."""
    body = "".join(f"<tr><th scope=\"row\">{escape(label)}</th><td>{escape(value)}</td></tr>" for label, value in rows)
    return str(Markup(f'<table class="{escape(css_class)}"><tbody>{body}</tbody></table>'))


def checklist_table(rows) -> str:
    """Kelengkapan laporan: part, status with a mark (shape, not only colour), notes from the checks."""
    body = "".join(
        f'<tr class="status-{escape(r.status.split(",")[0].replace(" ", "-"))}"><td>{escape(r.name)}</td>'
        f"<td>{STATUS_MARKS[r.status]} {escape(r.status)}</td><td>{escape('; '.join(r.notes))}</td></tr>" for r in rows)
    filled = sum(1 for r in rows if r.status in ("terisi", "perlu diperiksa"))
    return (f"<p>{filled} dari {len(rows)} bagian terisi.</p>"
            f'<table class="casebook-tabel casebook-kelengkapan"><thead><tr><th>Bagian</th><th>Status</th>'
            f"<th>Catatan pemeriksa</th></tr></thead><tbody>{body}</tbody></table>")
