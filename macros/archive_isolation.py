"""An archive that one student's mistake cannot stall.

In an archive build (the default of `casebook build`), a report whose data is invalid or whose
output fails the privacy gate is left out; the other reports are published. What was left out,
and why, is the build report: printed at the end of the build and kept in
`.cache/casebook/laporan-build.txt` (never in site/: the messages may quote the very data that
must not be published). Whether a left-out report's previous published pages stay (`pertahankan`)
or go (`hapus`, the default) is the campus' choice in mkdocs.yml:

    extra:
      casebook:
        arsip:
          laporan_gagal: hapus        # or: pertahankan

`casebook build --strict-archive` keeps the all-or-nothing mode (a single student's portfolio), and so
does a plain `mkdocs build`, which writes straight into its site folder.

The hook and the command talk through two environment variables: the command names a JSON file
where the hook writes what it left out (`REPORT_ENV`), and, when a report's output leaked in the
first pass, the slugs the second pass leaves out (`EXCLUDE_ENV`).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from macros.caches import cache_root

STRICT_ENV = "CASEBOOK_STRICT_ARCHIVE"
PREVIOUS_ENV = "CASEBOOK_PREVIOUS_SITE"  # `pertahankan`: the last published site, whose left-out reports stay
REPORT_ENV = "CASEBOOK_BUILD_REPORT"
EXCLUDE_ENV = "CASEBOOK_EXCLUDE"
REPORT_FILE = "laporan-build.txt"
KEEP, REMOVE = "pertahankan", "hapus"


def strict() -> bool:
    """All-or-nothing: `casebook build --strict-archive`, and a plain `mkdocs build` (no command to hear the report)."""
    return os.environ.get(STRICT_ENV) == "1" or not os.environ.get(REPORT_ENV)


def excluded() -> frozenset[str]:
    return frozenset(s for s in os.environ.get(EXCLUDE_ENV, "").split(",") if s)


def failed_policy(settings: dict) -> str:
    """`hapus` (default) or `pertahankan`: what happens to a left-out report's previously published pages."""
    value = ((settings or {}).get("arsip") or {}).get("laporan_gagal", REMOVE)
    if value not in (KEEP, REMOVE):
        raise ValueError(f"extra.casebook.arsip.laporan_gagal: `{value}` tidak dikenal; pilih {REMOVE} atau {KEEP}")
    return value


def write_report(left_out: dict[str, list[str]], leaking: dict[str, list[str]]) -> bool:
    """Hand the hook's findings to `casebook build`; False when no command asked (plain `mkdocs build`)."""
    target = os.environ.get(REPORT_ENV)
    if not target:
        return False
    Path(target).write_text(json.dumps({"left_out": left_out, "leaking": leaking}, ensure_ascii=False, indent=1),
                            encoding="utf-8")
    return True


def read_report(path: Path) -> dict[str, dict[str, list[str]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"left_out": {}, "leaking": {}}
    return {"left_out": data.get("left_out") or {}, "leaking": data.get("leaking") or {}}


def format_report(left_out: dict[str, list[str]]) -> str:
    lines = [f"{len(left_out)} laporan tidak diterbitkan dalam build ini:"]
    for slug, messages in sorted(left_out.items()):
        lines.append(f"- {slug} ({len(messages)} galat)")
        lines += [f"    {message}" for message in messages[:20]]
        if len(messages) > 20:
            lines.append(f"    … dan {len(messages) - 20} lagi (jalankan `casebook check cases/{slug}`)")
    return "\n".join(lines)


def save_report(root: Path, left_out: dict[str, list[str]]) -> Path:
    """The build report beside the caches (git-ignored), replaced by every build."""
    target = cache_root(root) / REPORT_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(format_report(left_out) + "\n" if left_out else "Semua laporan diterbitkan.\n", encoding="utf-8")
    return target


def apply_policy(policy: str, site: Path, staging: Path, left_out: dict[str, list[str]]) -> None:
    """`pertahankan`: a left-out report keeps the pages it had in the previous site (linked, not copied);
    `hapus`: it has none in the new site (an incremental build has already unlinked them)."""
    from macros.site import SITE_SECTION

    for slug in left_out:
        previous, target = site / SITE_SECTION / slug, staging / SITE_SECTION / slug
        if policy == KEEP and previous.is_dir() and not target.exists():
            shutil.copytree(previous, target, copy_function=os.link)
        elif policy == REMOVE and target.exists():
            shutil.rmtree(target)


def keep_previous(root: Path, site_dir: Path, slugs, policy: str) -> dict[str, tuple[list[str], Path | None]]:
    """`pertahankan`, inside the build: each left-out report's previous pages are linked into the new site before
    its search index is written, so the kept report stays findable (its stored page analysis is reused, as for a
    report an incremental build kept). Returns the kept reports' search locations and analysis entry, by slug."""
    from macros.incremental import kept_entry
    from macros.search.build import stored_sections
    from macros.site import SITE_SECTION

    kept: dict[str, tuple[list[str], Path | None]] = {}
    for slug, source in kept_sources(slugs, policy).items():
        target = site_dir / SITE_SECTION / slug
        if not target.exists():
            shutil.copytree(source, target, copy_function=os.link)
        entry = kept_entry(root, source.parent.parent, slug)
        kept[slug] = (sorted(stored_sections(entry)), entry)
    return kept


def kept_sources(slugs, policy: str) -> dict[str, Path]:
    """`pertahankan`: the previous site's folder of each left-out report that has one, by slug (what `keep_previous`
    links in; the archive's lists show the same reports, macros/archive/kept.py)."""
    from macros.site import SITE_SECTION

    previous = os.environ.get(PREVIOUS_ENV)
    if policy != KEEP or not previous or strict():
        return {}
    sources = {}
    for slug in sorted(slugs):
        source = Path(previous) / SITE_SECTION / slug
        if source.is_dir() and not source.is_symlink():
            sources[slug] = source
    return sources

