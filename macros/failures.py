"""Failures of the machine, not of the data, as messages a student can act on.

A full disk, a read-only folder, a second build while the first still writes, Ctrl-C: none
of them may end in a Python traceback or leave worker processes behind. The command
(macros/cli.py) and the MkDocs run it starts (macros/mkdocs_run.py) both turn them into
one Indonesian line that says what happened and what to do.
"""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = Path(".cache") / "casebook-build.lock"

_REASONS = {
    errno.ENOSPC: ("disk penuh", "kosongkan ruang disk (hapus berkas besar atau folder .cache/), lalu jalankan lagi"),
    errno.EDQUOT: ("kuota disk habis", "kosongkan ruang dalam kuota Anda, lalu jalankan lagi"),
    errno.EROFS: ("sistem berkas hanya-baca", "jalankan dari folder yang dapat ditulis (salin proyek ke folder Anda)"),
    errno.EACCES: ("izin menulis atau membaca ditolak", "periksa izin folder itu (pemiliknya, atau `chmod u+w`)"),
    errno.EPERM: ("operasi tidak diizinkan", "periksa izin folder itu (pemiliknya, atau `chmod u+w`)"),
    errno.ENOENT: ("berkas atau folder tidak ditemukan", "periksa jalurnya"),
    errno.EBUSY: ("folder sedang dipakai (mungkin titik mount atau dibuka program lain)",
                  "tutup program yang memakainya, atau bangun ke folder lain"),
    errno.EMFILE: ("terlalu banyak berkas terbuka", "tutup program lain, lalu jalankan lagi"),
    errno.EIO: ("galat baca/tulis perangkat", "periksa disk atau flashdisk-nya"),
    errno.ENAMETOOLONG: ("nama berkas terlalu panjang", "pindahkan proyek ke folder dengan jalur lebih pendek"),
}


def os_error_message(exc: OSError, after: str = "") -> str:
    """`casebook: <file>: disk penuh; <what to do>` — never the operating system's English text alone."""
    reason, hint = _REASONS.get(exc.errno, (f"galat sistem berkas ({exc.strerror or exc.__class__.__name__})",
                                            "periksa folder dan disknya, lalu jalankan lagi"))
    where = f"{exc.filename}: " if exc.filename else ""
    return f"casebook: {where}{reason}; {hint}." + (f" {after}" if after else "")


class BuildBusy(Exception):
    """Another build of this project is writing."""


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """One build at a time per project: a second one would swap its site over the first one's half-made staging."""
    from filelock import FileLock, Timeout

    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise BuildBusy(f"build lain sedang berjalan di proyek ini (kunci {LOCK_FILE.as_posix()}); tunggu sampai "
                        "selesai, lalu jalankan lagi") from None
    try:
        yield
    finally:
        lock.release()


def run_child(command: list[str], **kwargs) -> int:
    """Run the MkDocs process; on Ctrl-C give it time to stop its own workers instead of killing it at once
    (subprocess.call kills the child immediately, which left its PDF workers running)."""
    child = subprocess.Popen(command, **kwargs)
    try:
        return child.wait()
    except KeyboardInterrupt:
        try:
            child.wait(timeout=15)  # the terminal sent Ctrl-C to it too: it stops its workers and exits
        except subprocess.TimeoutExpired:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        raise


def stop_children() -> None:
    """Stop every worker this process started (PDF pool, search indexer), quietly."""
    import multiprocessing

    for process in multiprocessing.active_children():
        process.terminate()
    for process in multiprocessing.active_children():
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
