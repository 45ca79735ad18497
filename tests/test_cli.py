"""`casebook new` and `casebook check`: exit codes, messages, nothing half-written."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.helpers import FIXTURE, ROOT, new_project, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A fresh project: mkdocs.yml, templates, empty cases/."""
    monkeypatch.chdir(tmp_path)
    return new_project(tmp_path)


def test_new_creates_report_from_templates(project):
    code, output = run_cli(["new", "budi-panti-2025"])
    assert code == 0, output
    folder = project / "cases" / "budi-panti-2025"
    assert (folder / "kasus.yml").read_text() == (ROOT / "docs/templat/kasus.yml").read_text()
    assert {p.name for p in folder.glob("*.md")} == {p.name for p in (ROOT / "docs/templat/bab").glob("*.md")}
    assert (folder / "media").is_dir()
    assert [p.name for p in (project / "cases").iterdir()] == ["budi-panti-2025"]  # no staging folder left


def test_new_template_fails_check_only_on_placeholders(project):
    run_cli(["new", "budi-panti-2025"])
    code, output = run_cli(["check", "cases/budi-panti-2025"])
    assert code == 1
    errors = [line for line in output.splitlines() if line.startswith("cases/budi-panti-2025/kasus.yml")]
    assert len(errors) > 50
    assert all("masih berisi isian contoh" in line for line in errors), [e for e in errors if "isian contoh" not in e][:3]
    # The last screenful says how many there are and where to start.
    assert f"budi-panti-2025: {len(errors)} isian contoh `<<ISI ...>>` belum diganti; mulai dari cases/budi-panti-2025/kasus.yml baris" in output


def test_template_covers_every_section_of_the_model():
    from macros.model_paths import keys_of
    from macros.schema import Case
    from macros.yaml_source import parse_yaml

    # Each kind's template (docs/templat/kasus.yml, docs/templat/<kind>/kasus.yml) writes the sections of
    # its kind; together they show every section of the model, and none the model lacks.
    templates = [ROOT / "docs/templat/kasus.yml", *sorted((ROOT / "docs/templat").glob("*/kasus.yml"))]
    sections = set().union(*(parse_yaml(t.read_text()).data for t in templates))
    assert set(keys_of(Case)) == sections


@pytest.mark.parametrize(("argv", "message"), [
    (["new", "Budi Panti"], "nama laporan `Budi Panti` tidak valid"),
    (["check", "tidak-ada"], "tidak-ada tidak ditemukan"),
    (["periksa"], "perintah tidak valid"),
    ([], "perintah tidak valid"),
])
def test_usage_errors_exit_2(project, argv, message):
    code, output = run_cli(argv)
    assert code == 2
    assert message in output
    assert "Traceback" not in output


def test_new_refuses_existing_folder(project):
    run_cli(["new", "budi-panti-2025"])
    code, output = run_cli(["new", "budi-panti-2025"])
    assert code == 2 and "sudah ada" in output


def test_clean_report_exits_0_and_prints_completeness(project):
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    code, output = run_cli(["check"])
    assert code == 0
    assert "ts-contoh-2024: 15/49 bagian terisi (draf)" in output
    assert "1 laporan diperiksa" in output and "0 galat" in output


def test_warnings_fail_only_with_strict(project):
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    code, output = run_cli(["check", "--strict"])
    assert code == 1
    assert 'cases/ts-contoh-2024/kasus.yml:2:1: peringatan: pendahuluan: bagian "BAB I" (`pendahuluan`) belum diisi' in output


def test_two_reports_with_the_same_slug(project, tmp_path):
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    other = tmp_path / "arsip-lama" / "ts-contoh-2024"
    shutil.copytree(FIXTURE, other)
    code, output = run_cli(["check", "cases", str(other.parent)])
    assert code == 1
    assert ("arsip-lama/ts-contoh-2024/kasus.yml:1:1: slug laporan `ts-contoh-2024` sudah dipakai oleh "
            "cases/ts-contoh-2024 (setiap laporan harus punya nama folder yang unik; ganti nama salah satu folder)") in output


def test_check_accepts_a_kasus_yml_path(project):
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    code, output = run_cli(["check", "cases/ts-contoh-2024/kasus.yml"])
    assert code == 0 and "1 laporan diperiksa" in output


def test_not_utf8_file(project):
    folder = project / "cases" / "rusak"
    folder.mkdir()
    (folder / "kasus.yml").write_bytes("laporan:\n  judul: Caf\xe9\n".encode("latin-1"))
    code, output = run_cli(["check"])
    assert code == 1 and "cases/rusak/kasus.yml:2:1: berkas bukan teks UTF-8" in output


def test_campus_vocabulary_from_mkdocs_yml(project):
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    case = project / "cases" / "ts-contoh-2024" / "kasus.yml"
    case.write_text(case.read_text().replace("teknik: [modelling]", "teknik: [problem_solving]"))
    code, output = run_cli(["check"])
    assert code == 1 and "`problem_solving` bukan teknik pekerjaan sosial yang dikenal" in output
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    kosakata: {}", "    kosakata:\n      teknik:\n        problem_solving: Problem Solving"))
    code, output = run_cli(["check"])
    assert code == 0, output


def test_unknown_vocabulary_kind_in_config_is_a_usage_error(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    kosakata: {}", "    kosakata:\n      jurus: {a: A}"))
    code, output = run_cli(["check"])
    assert code == 2 and "jenis kosakata `jurus` tidak dikenal" in output


def test_a_reports_own_line_counts_what_the_total_counts(project):
    """One wrong weekday and one misspelt macro: both lines say 2 galat, and a data mistake does not read as a
    broken file."""
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    folder = project / "cases" / "ts-contoh-2024"
    (folder / "bab-1-pendahuluan.md").write_text("# BAB I Pendahuluan\n\n{{ tabel_wawancra() }}\n", encoding="utf-8")
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    weekday = re.search(r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), (\d+ \w+ 20\d\d)", text)
    wrong = "Selasa" if weekday.group(1) != "Selasa" else "Rabu"
    (folder / "kasus.yml").write_text(text.replace(weekday.group(0), f"{wrong}, {weekday.group(2)}", 1), encoding="utf-8")
    code, output = run_cli(["check"])
    assert code == 1
    assert "ts-contoh-2024: belum lolos pemeriksaan (2 galat;" in output and "2 galat, " in output, output
    assert "tidak dapat dibaca" not in output


def test_check_takes_a_slug_suggests_a_near_one_and_names_a_misnamed_case_file(project):
    """User test: `check <slug>` as `export <slug>` takes it; a typo gets the nearest report; Notepad's
    `kasus.yml.txt` is named with the fix."""
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    code, output = run_cli(["check", "ts-contoh-2024"])
    assert code == 0 and "ts-contoh-2024: " in output, output
    code, output = run_cli(["check", "ts-contoh-2042"])
    assert code == 2 and "maksud Anda `ts-contoh-2024`?" in output, output
    (project / "cases" / "ts-baru-2025").mkdir()
    (project / "cases" / "ts-baru-2025" / "kasus.yml.txt").write_text("laporan: {}\n", encoding="utf-8")
    code, output = run_cli(["check", "cases/ts-baru-2025"])
    assert code == 2 and "ada berkas `kasus.yml.txt`: ganti namanya menjadi kasus.yml" in output, output


def test_check_prints_in_a_windows_console_encoding(project):
    """User test: `check --rinci > hasil.txt` on Windows (cp1252) stopped at the first ✓ with an English error."""
    import subprocess
    import sys

    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    env = {**__import__("os").environ, "PYTHONIOENCODING": "cp1252", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "macros.cli", "check", "--rinci"], cwd=project, env=env,
                            capture_output=True)
    assert result.returncode == 0, result.stderr.decode("cp1252")
    assert b"Error" not in result.stderr and b"ts-contoh-2024: 15/" in result.stdout


def test_bare_check_names_everything_in_cases_it_passes_over(project):
    """Nothing a student puts in cases/ vanishes unsaid: every entry that is not a report folder (no kasus.yml, a
    misnamed one, a hidden folder, a loose file) is a located warning; the files an OS leaves behind are not."""
    cases = project / "cases"
    shutil.copytree(FIXTURE, cases / "ts-contoh-2024")
    before = int(re.search(r"(\d+) peringatan", run_cli(["check"])[1]).group(1))
    (cases / "catatan").mkdir()
    (cases / "ts-baru-2025").mkdir()
    (cases / "ts-baru-2025" / "kasus.yaml").write_text("laporan: {}\n", encoding="utf-8")
    shutil.copytree(FIXTURE, cases / ".ts-lama-2023")
    (cases / "kasus.yml").write_text("laporan: {}\n", encoding="utf-8")
    (cases / ".DS_Store").write_bytes(b"\0")
    code, output = run_cli(["check"])
    assert code == 0, output  # warnings only: the valid report still passes
    lines = [line for line in output.splitlines() if ": peringatan: " in line and not line.startswith("cases/ts-contoh")]
    assert [line.split(": ", 1)[0] for line in lines] == [
        "cases/.ts-lama-2023/", "cases/catatan/", "cases/kasus.yml", "cases/ts-baru-2025/"], output
    assert "hapus titik di awal namanya" in lines[0]
    assert "folder tanpa kasus.yml" in lines[1] and "`casebook new catatan`" in lines[1]
    assert "pindahkan ke cases/<slug>/kasus.yml" in lines[2]
    assert "ada berkas `kasus.yaml`: ganti namanya menjadi kasus.yml" in lines[3]
    assert ".DS_Store" not in output
    assert "1 laporan diperiksa" in output and f"{before + 4} peringatan" in output, output
    assert run_cli(["check", "--strict"])[0] == 1
    # The same for a folder of reports named on the command line; a single report's folder is not such a folder.
    code, output = run_cli(["check", "cases"])
    assert "cases/catatan/: peringatan:" in output
    code, output = run_cli(["check", "cases/ts-contoh-2024"])
    assert "catatan" not in output and code == 0, output


@pytest.mark.parametrize("config,base", [
    ("", "http://127.0.0.1:8000"),  # MkDocs' defaults
    ("dev_addr: 127.0.0.1:8123\n", "http://127.0.0.1:8123"),
    ("dev_addr: 0.0.0.0:8765\nsite_url: https://kampus.example/arsip/\n", "http://127.0.0.1:8765/arsip"),
])
def test_check_links_point_where_serve_shows_the_site(project, monkeypatch, config, base):
    """`lihat:` links follow mkdocs.yml (dev_addr's port, site_url's path), and `casebook serve` listens on that port."""
    import macros.cli as cli

    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^(dev_addr|site_url):.*\n", "", text, flags=re.M)
    (project / "mkdocs.yml").write_text(config + text, encoding="utf-8")
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    case = project / "cases" / "ts-contoh-2024" / "kasus.yml"
    case.write_text(re.sub(r"tahun: \d+", "tahun: duaribu", case.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    code, output = run_cli(["check"])
    links = [line.strip() for line in output.splitlines() if line.strip().startswith("lihat:")]
    assert code == 1 and links, output
    assert all(link.startswith(f"lihat: {base}/panduan/skema/#") for link in links), links
    calls = []
    monkeypatch.setattr(cli, "_mkdocs", lambda *arguments, **kwargs: calls.append(arguments) or 0)
    assert run_cli(["serve"])[0] == 0
    assert calls[0][:2] == ("--port", base.split(":")[2].split("/")[0]), calls


def test_the_panduan_error_page_shows_the_links_check_prints_for_this_project(tmp_path):
    """Panduan › Pesan galat runs the checker at build time; its `lihat:` links follow mkdocs.yml's dev_addr and
    site_url as check's do (it showed 127.0.0.1:8000 to a campus previewing on another port)."""
    from tests.test_site_build import _project_copy, mkdocs_build

    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    config = project / "mkdocs.yml"
    text = re.sub(r"^site_url:.*\n", "", config.read_text(encoding="utf-8"), flags=re.M)
    config.write_text("dev_addr: 127.0.0.1:8123\nsite_url: https://kampus.example/arsip/\n" + text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "panduan" / "galat" / "index.html").read_text(encoding="utf-8")
    assert "lihat: http://127.0.0.1:8123/arsip/panduan/skema/#" in page and "127.0.0.1:8000" not in page
