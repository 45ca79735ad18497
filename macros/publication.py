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
