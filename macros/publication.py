"""What a publication profile shows of a report.

`public` (the open portfolio) leaves out appendices marked `internal: true` and documentation
photos that may not be published (no consent, or a child's recognisable face); their files under
media/ are not published either, so no URL leads to them. `internal` (the campus archive and the
submission) shows everything.

Media are published only when the report declares them: a file named in kasus.yml (photos,
letters, other appendices) or in one of the report's own chapter pages, and allowed by the
profile. Paths are compared after normalising (`media/./a.jpg`, `media//a.jpg` and
`./media/a.jpg` are `media/a.jpg`), so no spelling of a withheld file gets it published. A file
dropped into media/ and named nowhere is never published (`casebook check` warns about it).
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from macros.loading import LoadedCase
from macros.render.gallery import publishable


def profile_view(loaded: LoadedCase, profile: str) -> LoadedCase:
    """The report as `profile` publishes it: the same object when nothing is held back."""
    appendices = loaded.case.appendices
    if profile == "internal" or appendices is None:
        return loaded
    kept = appendices.model_copy(update={
        "letters": [letter for letter in appendices.letters if not letter.internal],
        "attendance": None if appendices.attendance and appendices.attendance.internal else appendices.attendance,
        "others": [other for other in appendices.others if not other.internal],
    })
    if kept == appendices:
        return loaded
    return replace(loaded, case=loaded.case.model_copy(update={"appendices": kept}))


def normalise_media_path(raw: str) -> str | None:
    """A path inside the report's folder, as one spelling: `media/./a.jpg` -> `media/a.jpg`.
    None for paths that are absolute or leave the folder."""
    text = unquote(raw.strip()).replace("\\", "/").split("#")[0].split("?")[0]
    if not text or text.startswith("/") or re.match(r"^[A-Za-z]:", text):
        return None
    path = posixpath.normpath(text)
    if path in (".", "..") or path.startswith("../"):
        return None
    return path


def withheld_media(loaded: LoadedCase, profile: str) -> set[str]:
    """Files under the report's folder (normalised, e.g. `media/ketua.jpg`) this profile must not publish,
    even when a chapter page names them. `loaded` is the whole report, not a profile view."""
    appendices = loaded.case.appendices
    if profile == "internal" or appendices is None:
        return set()
    files = {photo.file for photo in appendices.photos if not publishable(photo, profile)}
    files |= {letter.file for letter in appendices.letters if letter.internal and letter.file}
    files |= {other.file for other in appendices.others if other.internal and other.file}
    # A file also used by something published stays (the page would otherwise show a broken image).
    files -= {photo.file for photo in appendices.photos if publishable(photo, profile)}
    return {path for path in map(normalise_media_path, files) if path}


def profile_data(loaded: LoadedCase, profile: str) -> dict:
    """The report's raw data (kasus.yml as a dict) as `profile` publishes it, for pages that quote raw values
    (the field reference /panduan/skema/): internal appendices and unpublishable photos are left out, exactly as
    `profile_view` leaves them out of the report."""
    data = loaded.document.data or {}
    raw = data.get("lampiran")
    appendices = loaded.case.appendices
    if profile == "internal" or not isinstance(raw, dict) or appendices is None:
        return data
    kept = dict(raw)
    for key in ("surat", "lainnya"):
        if isinstance(raw.get(key), list):
            kept[key] = [item for item in raw[key] if not (isinstance(item, dict) and item.get("internal") is True)]
    if isinstance(raw.get("daftar_hadir"), dict) and raw["daftar_hadir"].get("internal") is True:
        kept.pop("daftar_hadir")
    if isinstance(raw.get("dokumentasi"), list) and len(raw["dokumentasi"]) == len(appendices.photos):
        kept["dokumentasi"] = [item for item, photo in zip(raw["dokumentasi"], appendices.photos) if publishable(photo, profile)]
    return {**data, "lampiran": kept}


def named_files(case) -> list[tuple[tuple, str]]:
    """(YAML path, file name) of every file field of kasus.yml, in report order: the one list that `check`
    verifies and publication declares, so a new file field cannot be checked but left unpublished (or the
    other way round)."""
    found: list[tuple[tuple, str]] = []
    participatory = case.participatory
    if participatory and participatory.social_map:
        found.append((("asesmen_partisipatif", "pemetaan_sosial", "berkas"), participatory.social_map.file))
    appendices = case.appendices
    if appendices is not None:
        found += [(("lampiran", "dokumentasi", i, "berkas"), p.file) for i, p in enumerate(appendices.photos)]
        found += [(("lampiran", "surat", i, "berkas"), s.file) for i, s in enumerate(appendices.letters) if s.file]
        found += [(("lampiran", "lainnya", i, "berkas"), o.file) for i, o in enumerate(appendices.others) if o.file]
    return found


def declared_media(loaded: LoadedCase) -> dict[str, str]:
    """Every file the report names (normalised path -> where it is named, for messages): kasus.yml's
    file fields, then `media/...` paths in the report's own chapter pages."""
    from macros.model_paths import format_path

    declared: dict[str, str] = {}
    for where, name in named_files(loaded.case):
        path = normalise_media_path(name)
        if path:
            declared.setdefault(path, f"kasus.yml: {format_path(where)}")
    for page, path in page_media_references(loaded.folder):
        declared.setdefault(path, page)
    return declared


# A URL in a chapter page: Markdown `](url)` and `]: url`, HTML `src=`/`href=` (quoted or not).
_PAGE_URL = re.compile(r"""(?P<md>\]\(\s*<(?P<angled>[^>\n]+)>|\]\(\s*|\]:\s*<?)(?P<url>[^\s"'()<>]*)"""
                       r"""|\b(?:src|href)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'<>]+))""", re.I)
OUTSIDE = "<luar>"  # the path of a page URL that names a media file but points out of the report's folder
ELSEWHERE = "<bukan-media>"  # ... or inside the folder but not into its media/ (e.g. `<img src="media/x.jpg">` from bab-1/)


def page_media_references(folder: Path) -> list[tuple[str, str]]:
    """(page name, normalised path) for every media file of its own a chapter page of the report names."""
    return [(page, path) for page, _, _, path, _ in page_media_locations(folder) if path not in (OUTSIDE, ELSEWHERE)]


def page_media_locations(folder: Path) -> list[tuple[str, int, int, str, str]]:
    """(page name, line, column, path, "md" or "html") for every URL in a chapter page that names a media file: `media/x.jpg`
    (normalised) when it points into the report's own media/ folder, as MkDocs reads a Markdown link (from
    the page's file) or a browser reads an HTML one (from the page's address); OUTSIDE when it points
    anywhere else (another report's folder, `..` out of this one)."""
    from macros.site import CHAPTERS  # the pages a report publishes; other .md files (notes, README) declare nothing

    found = []
    for page in sorted(folder.glob("*.md")):
        if page.name not in CHAPTERS or page.is_symlink() or not page.is_file():
            continue  # a symlinked page is refused where pages are read; it declares nothing
        text = page.read_text(encoding="utf-8", errors="replace")
        stem = page.name.removesuffix(".md")
        for number, line in enumerate(text.splitlines(), start=1):
            for match in _PAGE_URL.finditer(line):
                kind = "md" if match.group("md") is not None else "html"
                group = next(g for g in ("angled", "url", "dq", "sq", "bare") if match.group(g) is not None)
                url = match.group(group)
                if "media" not in url.lower() or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith("#"):
                    continue
                path = _own_media_path(url, stem, kind)
                found.append((page.name, number, match.start(group) + 1, path or _where(url, stem, kind), kind))
    return found


def _where(url: str, page_stem: str, kind: str) -> str:
    text = unquote(html.unescape(url).strip().replace("\\", "/")).split("#")[0].split("?")[0]
    base = "r" if kind == "md" else f"r/{page_stem}"
    resolved = posixpath.normpath(posixpath.join(base, text))
    return ELSEWHERE if not text.startswith("/") and resolved.startswith("r/") else OUTSIDE


def _own_media_path(url: str, page_stem: str, kind: str) -> str | None:
    """`media/x.jpg` when `url` on page `<stem>` points into the report's media/ folder, else None. MkDocs
    reads a Markdown link from the page's file (the report folder); a browser reads an HTML one from the
    page's address (`<stem>/` inside the report)."""
    text = unquote(html.unescape(url).strip().replace("\\", "/")).split("#")[0].split("?")[0]
    if not text or text.startswith("/"):
        return None
    base = "r" if kind == "md" else f"r/{page_stem}"
    resolved = posixpath.normpath(posixpath.join(base, text))
    return resolved.removeprefix("r/") if resolved.startswith("r/media/") else None


def published_media(loaded: LoadedCase, profile: str) -> set[str]:
    """The report's files (normalised, `media/x.jpg`) this profile publishes: declared, and not withheld.
    `loaded` is the whole report, not a profile view (the view has dropped internal appendices).

    A withheld file stays withheld under every other name for it: another spelling of its path, another
    letter case or Unicode form (the same file on Windows and macOS), a hard link, or a copy of its bytes."""
    withheld = withheld_media(loaded, profile)
    folder = loaded.folder
    withheld_keys = {_spelling_key(path) for path in withheld}
    withheld_files = {identity for path in withheld if (identity := _file_identity(folder / path))}
    withheld_bytes = {digest for path in withheld if (digest := _digest(folder / path))}
    # Declared in kasus.yml by an entry this profile publishes: that entry's consent covers those bytes.
    consented = _consented_files(loaded, profile)
    published = set()
    for path in declared_media(loaded):
        if path in withheld or _spelling_key(path) in withheld_keys:
            continue
        if withheld and path not in consented and (_file_identity(folder / path) in withheld_files
                                                    or _digest(folder / path) in withheld_bytes):
            continue
        published.add(path)
    return published


def _consented_files(loaded: LoadedCase, profile: str) -> set[str]:
    """Files kasus.yml names in an entry this profile publishes (the withheld ones are removed by the caller)."""
    named = {path for _, name in named_files(loaded.case) if (path := normalise_media_path(name))}
    return named - withheld_media(loaded, profile)


def _spelling_key(path: str) -> str:
    return unicodedata.normalize("NFC", path).casefold().rstrip(". ")


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _digest(path: Path) -> str | None:
    try:
        if not path.is_file():
            return None
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
