"""Incremental builds: after one report is edited, only that report's pages and PDF are made again.

How `casebook build` does it without ever writing into the site being served:

1. The new site is built in a staging folder (then swapped in, as in every build). Before
   MkDocs starts, `casebook build` hard-links the previous site's report folders
   (`kasus/<slug>/`) into the staging folder and copies the previous build's state.
   Linking costs no copy, and nothing below writes into a linked file. The state is kept
   in `.cache/casebook/builds/`, never in the site: it holds a hash of the private strings.
2. The hook compares each report's content key (the same key as the load cache: every byte
   the report is made of, plus Casebook's code) and the site-wide fingerprint (mkdocs.yml,
   docs/, overrides/, code, profile) with the state the previous build left. A report whose
   key is unchanged keeps its linked folder: its pages are not read, rendered or written
   (MkDocs' dirty mode, told per file by `is_modified`) and its PDF stays. The folders of
   changed and removed reports are unlinked first, so they are written fresh.
3. Everything that depends on all reports (home, Arsip, statistics, tags, search) is rebuilt
   every time; it is small.

When the fingerprint differs, nothing is reused: the build is a full one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from macros.caches import cache_root
from macros.load_cache import code_version
from macros.site import SITE_SECTION

REPORTS_DIR = SITE_SECTION  # the report folders of a built site: kasus/<slug>/
# Set by `casebook build` when the staging folder holds the previous build's linked reports.
ENV_FLAG = "CASEBOOK_INCREMENTAL"


def site_fingerprint(root: Path, profile: str, extra: str = "") -> str:
    """Everything other than the reports that shapes any page or PDF."""
    digest = hashlib.sha256(f"{profile}\0{extra}\0{code_version()}".encode())
    for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "weasyprint"):
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            pass
    tracked = [root / "mkdocs.yml"]
    for folder in ("docs", "overrides", "macros"):
        tracked += sorted(p for p in (root / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in tracked:
        if path.is_file():
            digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def state_path(root: Path, site_dir: Path) -> Path:
    """The state of the build written to `site_dir` (named after that folder, beside the load cache)."""
    return cache_root(root) / "builds" / f"{site_dir.resolve().name}.json"


def scan_memo_path(root: Path, site_dir: Path) -> Path:
    """The privacy scan's memo of the build written to `site_dir` (macros/privacy/gate.py `ScanMemo`), beside its state."""
    return cache_root(root) / "builds" / f"{site_dir.resolve().name}.pindai.json"


def read_scan_memo(path: Path, key: str):
    """The memo kept at `path` if it was made with `key`, else an empty one (every file is scanned)."""
    from macros.privacy.gate import ScanMemo

    stored = read_state(path)
    same = stored.get("key") == key
    clean, published = (stored.get("clean"), stored.get("published")) if same else (None, None)
    return ScanMemo(key, clean if isinstance(clean, dict) else {}, published=published if isinstance(published, dict) else {})


def write_scan_memo(path: Path, memo) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps({"key": memo.key, "clean": dict(sorted(memo.found.items())),
                                     "published": dict(sorted(memo.published.items()))}), encoding="utf-8")
    temporary.replace(path)


def read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def needles_key(needles) -> str:
    """One hash for every private string of every report (never the strings themselves)."""
    digest = hashlib.sha256()
    for needle in sorted((n.text, n.what, n.kind) for n in needles):
        digest.update("\0".join(needle).encode() + b"\n")
    return digest.hexdigest()


def write_state(target: Path, fingerprint: str, keys: dict[str, str], needles: str,
                kept: dict[str, str] | None = None) -> None:
    """`kept`: the search-analysis entry (macros/search/build.py) of each report whose previous pages were kept
    (`pertahankan`): it is not the entry of the report's current key."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    state = {"fingerprint": fingerprint, "needles": needles, "reports": dict(sorted(keys.items())),
             "cari": dict(sorted((kept or {}).items()))}
    temporary.write_text(json.dumps(state, indent=1), encoding="utf-8")
    temporary.replace(target)


def link_previous_build(root: Path, previous_site: Path, staging: Path) -> bool:
    """Hard-link the previous build's report folders into `staging` and copy its state; False if there is none."""
    state = state_path(root, previous_site)
    if not state.is_file() or not (previous_site / REPORTS_DIR).is_dir():
        return False
    _link_tree(previous_site / REPORTS_DIR, staging / REPORTS_DIR)
    shutil.copyfile(state, state_path(root, staging))
    memo = scan_memo_path(root, previous_site)
    if memo.is_file():
        shutil.copyfile(memo, scan_memo_path(root, staging))
    return True


def _link_tree(source: Path, target: Path) -> None:
    """`shutil.copytree(source, target, copy_function=os.link)` (links followed as it does) without its stat and
    copystat of every folder: 2.7x faster, some 3 s of an incremental build of 1,000 reports."""
    os.makedirs(target, exist_ok=True)
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.is_dir():
                _link_tree(Path(entry.path), target / entry.name)
            else:
                os.link(entry.path, target / entry.name)


def adopt_state(root: Path, staging: Path, site: Path) -> None:
    """After the swap, the staging folder's state (and privacy-scan memo) becomes the site's."""
    for path_of in (state_path, scan_memo_path):
        source = path_of(root, staging)
        if source.is_file():
            source.replace(path_of(root, site))


def kept_entry(root: Path, previous_site: Path, slug: str) -> Path | None:
    """Where the previous build's analysis of `slug`'s pages is (macros/search/build.py): the entry it kept from an
    earlier build, else the one of the key it built the report from."""
    from macros.search.build import sections_entry

    state = read_state(state_path(root, previous_site))
    if slug in state.get("cari", {}):
        return cache_root(root) / state["cari"][slug]
    key, fingerprint = state.get("reports", {}).get(slug), state.get("fingerprint")
    return sections_entry(root, fingerprint, key) if key and fingerprint else None


def reusable_reports(root: Path, site_dir: Path, fingerprint: str, keys: dict[str, str],
                     available=lambda slug: True) -> set[str]:
    """The reports whose linked output in `site_dir` is still right and `available` (e.g. its search analysis is
    still in the cache); every other linked folder is removed."""
    state = read_state(state_path(root, site_dir))
    previous = state.get("reports", {}) if state.get("fingerprint") == fingerprint else {}
    reports_dir = site_dir / REPORTS_DIR
    reused = set()
    if reports_dir.is_dir():
        for folder in sorted(reports_dir.iterdir()):
            slug = folder.name
            if slug in keys and previous.get(slug) == keys[slug] and available(slug):
                reused.add(slug)
            else:  # changed or removed: unlink (the previous site keeps its own links)
                shutil.rmtree(folder) if folder.is_dir() else folder.unlink()
    return reused


# A replaced site is moved here (one rename) and removed by a detached process: removing a site's thousands of
# folders right after a build wrote its files waits for the disk (some 3 s per 100 reports on a busy machine, the
# largest part of an incremental build), and nobody needs to wait for it. The cache is in the project (or beside
# CASEBOOK_CACHE_DIR), outside the site and its hidden siblings; what a killed remover leaves is removed next time.
TRASH_DIR = "buangan"
# Lowest CPU priority: a student who edits again at once does not wait for the old site's removal.
_REMOVER = ("import os, shutil, sys\nif hasattr(os, 'nice'):\n    os.nice(19)\n"
            "for path in sys.argv[1:]:\n    shutil.rmtree(path, ignore_errors=True)\n")


def discard(root: Path, folder: Path) -> None:
    """Remove `folder` (a replaced site) without making the build wait for it."""
    trash = cache_root(root) / TRASH_DIR
    try:
        trash.mkdir(parents=True, exist_ok=True)
        folder.rename(trash / f"{folder.name}-{os.getpid()}-{time.time_ns()}")
    except OSError:  # another file system, say: removed here and now
        shutil.rmtree(folder, ignore_errors=True)
        return
    remove_discarded(root)


def remove_discarded(root: Path) -> None:
    """Start a detached process removing everything discarded (also what a killed remover left)."""
    trash = cache_root(root) / TRASH_DIR
    try:
        leftovers = [str(entry) for entry in trash.iterdir()]
    except OSError:
        return
    if not leftovers:
        return
    try:
        subprocess.Popen([sys.executable, "-c", _REMOVER, *leftovers], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True, start_new_session=True)
    except OSError:
        for entry in leftovers:
            shutil.rmtree(entry, ignore_errors=True)
