"""The privacy check says each thing it found at one place once (user test s23, F11: a pseudonym code equal to
the real initials was reported twice on one line, a warning and an error). Two detectors can find the same text
(the initials' needle and the code check), and two needles can have the same text (a person listed as `klien`
and again under `orang_lain`); the student reads one message, as severe as the most severe of them. Different
things at one place (a name and an RT/RW address in one sentence) stay separate messages.

Also: the RT/RW message says what was found, that RW alone is enough, and how to allow a text that is no address."""

from __future__ import annotations

import shutil
from collections import Counter

from macros.errors import Severity
from macros.loading import Locator, load_case
from macros.privacy.gate import scan_report
from tests.helpers import ROOT

LAB = ROOT / "cases" / "lab-mekarsantun-2024"


def _report(tmp_path, secrets: str, *edits: tuple[str, str]):
    folder = tmp_path / "cases" / "lab-uji-2024"
    shutil.copytree(LAB, folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    (folder / "kasus.yml").write_text(text, encoding="utf-8")
    (folder / "rahasia.yml").write_text(secrets, encoding="utf-8")
    result = load_case(folder)
    assert result.loaded is not None, result.errors[:3]
    return scan_report(result.loaded, Locator("kasus.yml", result.loaded.document))


def test_a_code_equal_to_real_initials_is_one_error_in_its_own_words(tmp_path):
    problems = _report(tmp_path, "klien:\n  nama: Siti Maemunah\norang_lain:\n  - {kode: SM, nama: Siti Maemunah}\n",
                       ("  - kode: KM1\n", "  - kode: SM\n"))
    at_code = [p for p in problems if p.field_path == "kasus_mikro[1].kode"]
    assert len(at_code) == 1, [p.format() for p in at_code]
    assert at_code[0].message.startswith("kode samaran `SM` sama dengan inisial asli")
    assert at_code[0].severity is Severity.ERROR  # the initials' needle made it an error: it stays one


def test_no_place_repeats_a_finding_when_needles_share_their_text(tmp_path):
    # The same person as `klien` and under `orang_lain`: two needles "Siti Maemunah" with different labels.
    problems = _report(tmp_path, "klien:\n  nama: Siti Maemunah\norang_lain:\n  - {kode: KM1, nama: Siti Maemunah}\n"
                       "  - {kode: KM2, nama: Darsono Kertawijaya}\n",
                       ("    lokasi: RW 03\n    klaster", "    lokasi: dekat rumah Siti Maemunah\n    klaster"))
    assert [p.message for p in problems if p.field_path == "kasus_mikro[1].lokasi"] == [
        "memuat nama asli klien (tercatat di rahasia.yml)"]
    places = Counter((p.file, p.line, p.column, p.field_path) for p in problems)
    assert [place for place, count in places.items() if count > 1] == []


def test_different_findings_at_one_place_stay_separate(tmp_path):
    problems = _report(tmp_path, "orang_lain:\n  - {kode: KM1, nama: Sutirah Wangsadipura}\n"
                       "  - {kode: KM2, nama: Darsono Kertawijaya}\n",
                       ("    lokasi: RW 03\n    klaster", "    lokasi: Rumah Sutirah Wangsadipura, RT 02/RW 05\n    klaster"))
    at = [p.message for p in problems if p.field_path == "kasus_mikro[1].lokasi"]
    assert len(at) == 2, at
    assert any("nama asli" in m for m in at) and any("RT/RW" in m for m in at)


def test_the_rt_rw_message_says_what_where_and_what_to_do(tmp_path):
    problems = _report(tmp_path, "orang_lain:\n  - {kode: KM1, nama: Sutirah Wangsadipura}\n"
                       "  - {kode: KM2, nama: Darsono Kertawijaya}\n",
                       ("    lokasi: RW 03\n    klaster", "    lokasi: RT 02/RW 05\n    klaster"))
    [problem] = [p for p in problems if p.field_path == "kasus_mikro[1].lokasi"]
    assert problem.line > 1 and problem.file == "kasus.yml"
    assert "`RT 02/RW 05`" in problem.message and "menunjuk rumah" in problem.message
    assert "cukup sampai RW" in problem.hint and "privasi.izinkan" in problem.hint
    assert "desa/kecamatan" not in problem.hint


def test_a_person_listed_twice_in_rahasia_yml_is_one_needle(tmp_path):
    from macros.privacy.secrets import load_secrets

    folder = tmp_path / "lab-uji-2024"
    shutil.copytree(LAB, folder)
    (folder / "rahasia.yml").write_text("klien:\n  nama: Siti Maemunah\norang_lain:\n  - {kode: KM1, nama: siti  maemunah}\n"
                                        "  - {kode: KM2, nama: Darsono Kertawijaya, panggilan: Siti Maemunah}\n",
                                        encoding="utf-8")
    secrets, _ = load_secrets(folder, tmp_path, "KM1")
    texts = [(" ".join(n.text.casefold().split()), n.kind) for n in secrets.needles]
    assert texts.count(("siti maemunah", "teks")) == 1 and len(texts) == len(set(texts))
    assert next(n.what for n in secrets.needles if n.text.casefold() == "siti maemunah") == "nama asli klien"
