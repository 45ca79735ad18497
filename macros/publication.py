"""What a publication profile shows of a report.

`public` (the open portfolio) leaves out appendices marked `internal: true` and documentation
photos that may not be published (no consent, or a child's recognisable face); their files under
media/ are not published either, so no URL leads to them. `internal` (the campus archive and the
submission) shows everything.
"""

from __future__ import annotations

from dataclasses import replace

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


def withheld_media(loaded: LoadedCase, profile: str) -> set[str]:
    """Files under the report's folder (e.g. `media/ketua.jpg`) this profile must not publish."""
    appendices = loaded.case.appendices
    if profile == "internal" or appendices is None:
        return set()
    files = {photo.file for photo in appendices.photos if not publishable(photo, profile)}
    files |= {letter.file for letter in appendices.letters if letter.internal and letter.file}
    files |= {other.file for other in appendices.others if other.internal and other.file}
    # A file also used by something published stays (the page would otherwise show a broken image).
    files -= {photo.file for photo in appendices.photos if publishable(photo, profile)}
    return {f.removeprefix("./") for f in files}


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
