"""Every appendix of a report, each its own numbered item: "Lampiran 1 Surat Keterangan Magang", "Lampiran 2 ...".

`APPENDIX_KINDS` is the one list of what can be an appendix, in print order. A kind is either one appendix
(the attendance sheet, the RAB) or one appendix per item of a list (each letter, each `lampiran.lainnya`
item, under its own title). The default Lampiran page (`{{ semua_lampiran() }}`), the site's decision to
show a Lampiran page at all, and therefore the Daftar Lampiran, the PDF headings and bookmarks and the Word
headings all follow this list. tests/test_appendices.py holds every field of `lampiran` and every part the
completeness checklist files under "Lampiran" to it: an appendix kind added elsewhere fails that test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from macros.schema import Case


@dataclass(frozen=True)
class AppendixKind:
    """One kind of appendix: where its data lives and how its numbered items are named."""

    path: tuple[str, ...]                 # YAML path of the data, e.g. ("lampiran", "surat")
    element_id: str                       # id for ref(); a kind with one item per entry: "<id>-1", "<id>-2", ...
    data: Callable[[Case], list]          # the items, one numbered appendix each
    title: str | None = None              # fixed title; None: each item's own `judul`
    macro: str | None = None              # the page macro drawing the body; None: the item's fields

    @property
    def per_item(self) -> bool:
        return self.title is None


@dataclass(frozen=True)
class Appendix:
    """One numbered appendix of one report."""

    kind: AppendixKind
    element_id: str
    title: str
    item: Any


def _appendices(case: Case):
    return case.appendices


def _one(value) -> list:
    return [value] if value not in (None, [], ()) else []


APPENDIX_KINDS: tuple[AppendixKind, ...] = (
    AppendixKind(("lampiran", "surat"), "surat", lambda c: list(_appendices(c).letters) if _appendices(c) else []),
    AppendixKind(("rencana_aksi",), "lampiran_rencana_aksi", lambda c: _one(c.action_plan), "Rencana Aksi",
                 "tabel_rencana_aksi"),
    AppendixKind(("anggaran",), "lampiran_anggaran", lambda c: _one(c.budget), "Rencana Anggaran Biaya (RAB)",
                 "tabel_anggaran"),
    AppendixKind(("daftar_hadir_peserta",), "lampiran_hadir_peserta", lambda c: _one(c.participant_attendance),
                 "Daftar Hadir Peserta", "daftar_hadir_peserta"),
    AppendixKind(("log_supervisi",), "lampiran_supervisi", lambda c: _one(c.supervision), "Log Supervisi",
                 "log_supervisi"),
    AppendixKind(("lampiran", "daftar_hadir"), "daftar_hadir",
                 lambda c: _one(_appendices(c).attendance) if _appendices(c) else [], "Daftar Hadir Praktikan",
                 "daftar_hadir"),
    AppendixKind(("lampiran", "lainnya"), "lainnya", lambda c: list(_appendices(c).others) if _appendices(c) else []),
    AppendixKind(("lampiran", "dokumentasi"), "dokumentasi",
                 lambda c: _one(_appendices(c).photos) if _appendices(c) else [], "Dokumentasi Kegiatan",
                 "galeri_dokumentasi"),
)


def _positions(raw: dict | None, path: tuple[str, ...], count: int) -> list[int]:
    """Where each published item stands in kasus.yml (1-based): `surat-2` is the second letter written, in
    every profile, even when the public view leaves out an internal one before it."""
    value = raw
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, list):
        kept = [n for n, item in enumerate(value, start=1) if not (isinstance(item, dict) and item.get("internal") is True)]
        if len(kept) == count:
            return kept
    return list(range(1, count + 1))


def appendices_of(case: Case, raw: dict | None = None) -> list[Appendix]:
    """The report's appendices in print order, as this publication profile has them (an internal letter is not
    in the public view, so it takes no number there). `raw`: the report's kasus.yml as read, so that the id of
    each letter and `lainnya` item (`surat-2`) names the same item in every profile."""
    found = []
    for kind in APPENDIX_KINDS:
        items = kind.data(case)
        if kind.per_item:
            for position, item in zip(_positions(raw, kind.path, len(items)), items):
                found.append(Appendix(kind, f"{kind.element_id}-{position}", item.title, item))
        else:
            found += [Appendix(kind, kind.element_id, kind.title, item) for item in items]
    return found


__all__ = ["APPENDIX_KINDS", "Appendix", "AppendixKind", "appendices_of"]
