"""A content-addressed cache of loaded reports, so a build of a large archive re-reads only what changed.

Reading, validating and privacy-scanning one seed-size report takes 25–40 ms; a thousand of them
would take half a minute on every build. The cache key is the hash of everything `load_case`
reads (every file in the report folder, byte for byte), the vocabulary and Casebook's own code,
so a cached result is exactly what loading again would give. Entries live in
`.cache/casebook/laporan/` (or under CASEBOOK_CACHE_DIR's parent, as the PDF cache does); an
entry no build has used for UNUSED_DAYS is removed (`prune`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from macros.caches import cache_root, prune_unused, touch
from macros.folder_walk import FolderRefused, report_files
from macros.loading import LoadResult, load_case
from macros.vocabulary import Vocabulary

MACROS_DIR = Path(__file__).resolve().parent
UNUSED_DAYS = 30  # a semester break is shorter; a report not built since is loaded again (30 ms)


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of Casebook's own source: a change to a check or a model invalidates every entry."""
    digest = hashlib.sha256()
    for path in sorted(MACROS_DIR.rglob("*.py")):
        digest.update(path.relative_to(MACROS_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_key(folder: Path, vocabulary: Vocabulary, root: Path) -> str:
    digest = hashlib.sha256(code_version().encode())
    digest.update(repr(sorted((k, sorted(v.items())) for k, v in vocabulary.terms.items())).encode())
    # The result holds absolute paths and messages name files from the project root: both are part of the key.
    # The folder as named and as resolved: a symlinked report folder must not share its target's entry (the
    # result carries the slug), and whether it is a link is part of what the loader decides on.
    digest.update(f"{root.resolve()}\0{folder.absolute()}\0{folder.resolve()}\0{folder.is_symlink()}".encode())
    try:
        files = [] if folder.is_symlink() else report_files(folder)  # a linked folder is refused unread (loading.py)
    except FolderRefused as refused:  # refused by load_case at that place; a changed tree changes the refusal
        files = []
        digest.update(f"\0refused\0{refused}".encode())
    for relative, path in files:
        digest.update(b"\0" + relative.encode() + b"\0")
        digest.update(str(os.lstat(path).st_nlink).encode())  # a new hard link changes no byte but is refused
        if os.path.islink(path):  # a link is refused by the loader/hook; its target is part of what is read
            digest.update(os.readlink(path).encode())
        else:
            with open(path, "rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def cache_dir(root: Path) -> Path:
    return cache_root(root) / "laporan"


def _entry(root: Path, key: str) -> Path:
    return cache_dir(root) / key[:2] / f"{key}.pickle"


def _store(entry: Path, result: LoadResult) -> None:
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(entry)


def load_case_cached(folder: Path, vocabulary: Vocabulary, root: Path, key: str | None = None) -> tuple[LoadResult, str]:
    """`load_case`, answered from the cache when nothing it reads has changed; with the content key."""
    key = key or folder_key(folder, vocabulary, root)
    entry = _entry(root, key)
    if entry.is_file():
        try:
            result = pickle.loads(entry.read_bytes())
            touch(entry)  # used: not pruned
            return result, key
        except Exception:  # a truncated or stale entry is only a cache miss
            entry.unlink(missing_ok=True)
    result = load_case(folder, vocabulary=vocabulary, root=root)
    _store(entry, result)
    return result, key


# What every worker of `fill_in_parallel` needs, set once per worker (forked or spawned).
_shared: tuple[Vocabulary, Path] | None = None


def _share(vocabulary: Vocabulary, root: Path) -> None:
    global _shared
    _shared = (vocabulary, root)


def _fill(folder: Path, key: str) -> None:
    vocabulary, root = _shared
    try:
        _store(_entry(root, key), load_case(folder, vocabulary=vocabulary, root=root))
    except Exception:  # the build loads this report itself and reports the error properly
        pass


PARALLEL_FROM = 8  # below this many uncached reports, starting workers costs more than it saves


def fill_in_parallel(folders: list[Path], keys: dict[Path, str], vocabulary: Vocabulary, root: Path) -> int:
    """Load the reports missing from the cache on every core (forked or spawned workers), so the build then reads
    them all from it: the first build of an archive, or the first after a Casebook upgrade, validates
    a thousand reports at some 30 ms each. Returns how many were loaded."""
    missing = [folder for folder in folders if not _entry(root, keys[folder]).is_file()]
    workers = os.cpu_count() or 1
    if len(missing) < PARALLEL_FROM or workers < 2:
        return 0
    from concurrent.futures import ProcessPoolExecutor

    from macros import processes

    with ProcessPoolExecutor(max_workers=workers, mp_context=processes.context("fork"),
                             initializer=_share, initargs=(vocabulary, root)) as pool:
        list(pool.map(_fill, missing, [keys[folder] for folder in missing], chunksize=4))
    return len(missing)


def prune(root: Path) -> int:
    """Remove the entries no build has used for UNUSED_DAYS (old Casebook versions, old edits)."""
    return prune_unused(cache_dir(root), "*/*.pickle", UNUSED_DAYS)
