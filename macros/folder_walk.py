"""Listing a report's folder: iterative and bounded, because the folder is untrusted.

A student's folder can hold any tree an unzipped submission carries (a phone backup, a
`node_modules`, or 1,200 nested empty folders made on purpose). Python 3.11's `Path.rglob`
and `os.walk` recurse once per folder level, so such a tree ended the whole campus build with
a RecursionError (red team s23 #5). Every walk over a report folder goes through `report_files`:
a stack instead of recursion, at most MAX_DEPTH folder levels and MAX_ENTRIES names, symlinked
folders listed and never followed, names with control characters refused (printed in a
message, they would drive the admin's terminal), and anything but files, folders and links
refused (red team s23 #20: a named pipe, which tar keeps, hung the whole build when the load
cache opened it). What is refused is a `FolderRefused` naming the place, which the loader
turns into a located problem of that report only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from macros.errors import visible_controls

MAX_DEPTH = 8  # folder levels below the report folder: media/foto/2024/kegiatan/... needs 3 or 4
MAX_ENTRIES = 5_000  # files and folders in one report folder; the largest example report holds ~60
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")  # and Casebook's marker characters


class FolderRefused(Exception):
    """A report folder that is not walked any further: `relative` is where (relative to the report folder)."""

    def __init__(self, relative: str, message: str, hint: str):
        super().__init__(f"{relative}: {message}")
        self.relative, self.message, self.hint = relative, message, hint


def report_files(folder: Path | str, *, max_depth: int = MAX_DEPTH, max_entries: int = MAX_ENTRIES) -> list[tuple[str, str]]:
    """Every file and symlink under `folder` as (path relative to it with `/`, full path), sorted.

    A symlinked folder is listed as an entry, never followed. Raises FolderRefused past a bound, at a name
    with control characters, or at a folder that cannot be read."""
    root = os.fspath(folder)
    found: list[tuple[str, str]] = []
    entries = 0
    stack: list[tuple[str, int]] = [("", 0)]
    while stack:
        relative_dir, depth = stack.pop()
        try:
            with os.scandir(os.path.join(root, relative_dir) if relative_dir else root) as listing:
                children = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            raise FolderRefused(relative_dir or ".", f"folder ini tidak dapat dibaca ({type(exc).__name__})",
                                "periksa izin berkas folder itu, atau hapus folder itu") from None
        for entry in children:
            relative = f"{relative_dir}/{entry.name}" if relative_dir else entry.name
            if _CONTROL.search(entry.name):
                shown = visible_controls(relative)
                raise FolderRefused(shown, "nama berkas atau folder ini memuat karakter kendali tak terlihat",
                                    "ganti nama berkas itu dengan huruf, angka, tanda hubung dan titik saja")
            entries += 1
            if entries > max_entries:
                raise FolderRefused(relative_dir or ".", f"folder laporan memuat lebih dari {max_entries} berkas dan folder",
                                    "simpan di folder laporan hanya kasus.yml, halaman bab dan foto yang dirujuk "
                                    "di folder media/; hapus salinan cadangan dan folder lain")
            if entry.is_dir(follow_symlinks=False):
                if depth + 1 > max_depth:
                    raise FolderRefused(relative, f"folder bertingkat lebih dari {max_depth} lapis",
                                        "ratakan susunan folder media/ (misalnya media/foto/kegiatan-1.jpg); "
                                        "hapus folder kosong yang bertingkat-tingkat")
                stack.append((relative, depth + 1))
            elif entry.is_symlink() or entry.is_file(follow_symlinks=False):  # listed; a link is never followed
                found.append((relative, os.path.join(root, relative)))
            else:  # a named pipe, socket or device: opening a FIFO to read it waits for a writer forever
                raise FolderRefused(relative, "ini bukan berkas biasa (pipa bernama, soket atau perangkat)",
                                    "hapus berkas itu; folder laporan hanya berisi berkas dan folder biasa")
    return sorted(found)
