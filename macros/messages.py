"""What MkDocs and argparse say, in Indonesian: a student runs `casebook build` or `serve` and reads
every line of it.

MkDocs logs through its `mkdocs` logger to one terminal handler; a filter on that handler rewrites
each known message (the others pass unchanged) and drops mkdocs-macros' start-up chatter. argparse
takes its texts from gettext (`argparse._`, `argparse.ngettext`); the same table answers it.
"""

from __future__ import annotations

import argparse
import logging
import re

# MkDocs 1.6's messages a Casebook user meets (mkdocs/commands/build.py, serve.py, livereload, config).
MKDOCS = [
    (r"Cleaning site directory", "Membersihkan folder situs"),
    (r"Building documentation to directory: (.*)", r"Membangun situs ke folder \1"),
    (r"Building documentation\.\.\.", "Membangun situs…"),
    (r"Documentation built in ([\d.]+) seconds", r"Situs selesai dibangun dalam \1 detik"),
    (r"The directory contains stale files\. Use --clean to remove them\.",
     "Folder situs masih berisi berkas dari build sebelumnya; `casebook build --penuh` membangun semuanya dari awal."),
    (r"Aborted with a BuildError!", "Build dihentikan karena galat di atas."),
    (r"Aborted with (\d+) warnings? in strict mode!",
     r"Build dihentikan: \1 peringatan (mode ketat: peringatan dianggap galat)."),
    (r"Aborted with (\d+) configuration errors?!", r"Build dihentikan: \1 galat pengaturan di mkdocs.yml."),
    (r"Config value '(.*?)': (.*)", r"mkdocs.yml, kunci `\1`: \2"),
    (r"Watching paths for changes: (.*)", r"Memantau perubahan di \1"),
    (r"Serving on (\S+) and opening it in a browser", r"Pratinjau berjalan di \1 (dibuka di peramban)"),
    (r"Serving on (\S+)", r"Pratinjau berjalan di \1"),
    (r"Detected file changes", "Ada berkas yang berubah"),
    (r"Reloading browsers", "Memuat ulang peramban"),
    (r"Shutting down\.\.\.", "Pratinjau dihentikan."),
    (r"Browser connected: (.*)", r"Peramban tersambung: \1"),
    (r"An error happened during the rebuild\..*", "Build ulang gagal; pratinjau menunggu sampai galatnya diperbaiki."),
    (r"Doc file '(.*?)' contains a link '(.*?)', but the target '(.*?)' is not found among documentation files\.?.*",
     r"Halaman `\1` menautkan `\2`, tetapi halaman `\3` tidak ada."),
    (r"Doc file '(.*?)' contains an unrecognized relative link '(.*?)', it was left as is\.?.*",
     r"Halaman `\1` berisi tautan relatif `\2` yang tidak dikenali; tautan dibiarkan apa adanya."),
    (r"Doc file '(.*?)' contains a link to '(.*?)' which is excluded from the built site\.",
     r"Halaman `\1` menautkan `\2`, tetapi berkas itu tidak ikut diterbitkan."),
    (r"Doc file '(.*?)' contains an absolute link '(.*?)', it was left as is\.?.*",
     r"Halaman `\1` berisi tautan absolut `\2`; tautan dibiarkan apa adanya."),
    (r"Error reading page '(.*?)': (.*)", r"Halaman `\1` tidak dapat dibaca: \2"),
    (r"File not found: (.*)", r"Berkas tidak ditemukan: \1"),
    (r"Encoding error reading file: (.*)", r"Berkas bukan teks UTF-8: \1"),
    (r"Excluding '(.*?)' from the site because it conflicts with '(.*?)'\.",
     r"`\1` tidak diterbitkan karena bentrok dengan `\2`."),
    (r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:(.*)",
     r"Halaman berikut ada di folder docs tetapi tidak tercantum di navigasi (`nav`):\1"),
]
_MKDOCS = [(re.compile(rf"^{pattern}$", re.S), text) for pattern, text in MKDOCS]


_TIME = re.compile(r"^\[\d\d:\d\d:\d\d\] ")  # the live server stamps its lines with the time


def translate(message: str) -> str:
    stamp = _TIME.match(message)
    prefix, rest = (stamp.group(0), message[stamp.end():]) if stamp else ("", message)
    for pattern, text in _MKDOCS:
        if pattern.match(rest):
            return prefix + pattern.sub(text, rest)
    return message


class Indonesian(logging.Filter):
    """On MkDocs' terminal handler: known messages in Indonesian, mkdocs-macros' INFO chatter dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 — a record that cannot be formatted is shown as MkDocs would
            return True
        if record.levelno <= logging.INFO and message.startswith("[macros] - "):
            return False
        translated = translate(message)
        if translated != message:
            record.msg, record.args = translated, ()
        return True


def attach() -> None:
    """Put the filter on the handlers of MkDocs' logger that exist now (the hook calls it at start-up)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, Indonesian) for f in handler.filters):
            handler.addFilter(Indonesian())


def attach_from_start() -> None:
    """Before MkDocs' command runs (casebook build/serve/export): its handler gets the filter as it is made,
    so messages from reading mkdocs.yml, before any hook runs, are translated too."""
    from mkdocs import __main__ as mkdocs_main

    original = mkdocs_main.State.__init__
    if getattr(original, "casebook", False):
        return

    def state_init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        attach()

    state_init.casebook = True
    mkdocs_main.State.__init__ = state_init


# argparse (Python 3.11) texts a user of `casebook` can meet.
ARGPARSE = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak valid (harus %(type)s)",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s ambigu: bisa berarti %(matches)s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}


def whole_number(text: str) -> int:
    """`type=` for numeric options: argparse names the type in its message, so the name is Indonesian."""
    return int(text)


whole_number.__name__ = "bilangan bulat"


def _gettext(message: str) -> str:
    return ARGPARSE.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def argparse_in_indonesian() -> None:
    argparse._ = _gettext
    argparse.ngettext = _ngettext
