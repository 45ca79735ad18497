"""People a report knows only by a pseudonym code (micro cases, group members) have their real identity in
rahasia.yml, so the privacy gate can look for their names (user test s23, F8: "Ibu Siti Maemunah (78 tahun)" in a
micro case was published because a laboratory report had no rahasia.yml and no `klien`)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.helpers import ROOT, new_project, run_cli


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return new_project(tmp_path)


def _copy(project, slug):
    folder = project / "cases" / slug
    shutil.copytree(ROOT / "cases" / slug, folder)
    return folder


def _line(folder, pattern):
    lines = (folder / "kasus.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if re.search(pattern, line))


@pytest.mark.parametrize("slug, first, path", [("lab-mekarsantun-2024", "KM1", r"kasus_mikro\[1\]\.kode"),
                                               ("kbl-cikadu-2024", "KBL01", r"kelompok_sasaran\.anggota\[1\]\.kode")])
def test_coded_people_without_rahasia_yml_are_one_located_warning(project, slug, first, path):
    folder = _copy(project, slug)
    (folder / "rahasia.yml").unlink()
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 1, out
    line = _line(folder, rf"kode: {first}\b")
    found = re.findall(rf"kasus\.yml:{line}:\d+: peringatan: {path}: laporan ini menyebut \d+ orang dengan kode samaran "
                       rf"\({first}, .*belum ada rahasia\.yml.*buat cases/{slug}/rahasia\.yml", out)
    assert len(found) == 1, out
    assert "0 galat, 1 peringatan" in out, out


def test_a_micro_case_missing_from_rahasia_yml_is_warned_at_its_code(project):
    folder = _copy(project, "lab-mekarsantun-2024")
    (folder / "rahasia.yml").write_text("orang_lain:\n  - {kode: KM1, nama: Sutirah Wangsadipura}\n", encoding="utf-8")
    code, out = run_cli(["check", "--strict", str(folder)])
    line = _line(folder, r"kode: KM2\b")
    assert re.search(rf"kasus\.yml:{line}:\d+: peringatan: kasus_mikro\[2\]\.kode: identitas asli kasus mikro KM2 belum "
                     r"dicatat di rahasia\.yml.*`- \{kode: KM2, nama: <nama lengkap asli>\}`", out), out
    assert "KM1 belum" not in out and "0 galat, 1 peringatan" in out, out

    # recorded: the gate now finds the name the student wrote into the micro case
    (folder / "rahasia.yml").write_text("orang_lain:\n  - {kode: KM1, nama: Sutirah Wangsadipura}\n"
                                        "  - {kode: KM2, nama: Siti Maemunah}\n", encoding="utf-8")
    data = folder / "kasus.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("    gambaran: |\n", "    gambaran: |\n      Ibu Siti Maemunah (78 tahun) tinggal sendiri.\n", 1),
                    encoding="utf-8")
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 1 and "memuat nama asli" in out and "belum dicatat" not in out, out


def test_new_laboratory_report_has_a_private_rahasia_yml_with_a_place_per_micro_case(project):
    code, out = run_cli(["new", "--jenis", "laboratorium", "kel9-coba-2025"])
    assert code == 0, out
    folder = project / "cases" / "kel9-coba-2025"
    secrets = (folder / "rahasia.yml").read_text(encoding="utf-8")
    import yaml

    template = yaml.safe_load((folder / "kasus.yml").read_text(encoding="utf-8"))
    entries = yaml.safe_load(secrets)["orang_lain"]
    assert len(entries) == len(template["kasus_mikro"]) >= 1
    assert all("kode" in e and "nama" in e for e in entries)
    assert "rahasia.yml" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(project)], check=True)
        ignored = subprocess.run(["git", "-C", str(project), "check-ignore", "cases/kel9-coba-2025/rahasia.yml"],
                                 capture_output=True, text=True)
        assert ignored.returncode == 0, ignored
    # the placeholders in rahasia.yml are neither needles nor an entry: the first check says what to keep, by kind
    code, out = run_cli(["check", str(folder)])
    assert "kecuali laporan, praktikan dan komunitas" in out, out[-600:]
    assert "rahasia.yml tidak" not in out and "galat: rahasia.yml" not in out


def test_an_institutional_report_gets_no_rahasia_yml_and_no_warning(project):
    code, out = run_cli(["new", "ln-coba-2025"])
    assert code == 0, out
    assert not (project / "cases" / "ln-coba-2025" / "rahasia.yml").exists()
    code, out = run_cli(["check", "cases/ln-coba-2025"])
    assert "kecuali laporan, praktikan, institusi dan klien" in out, out[-600:]
