"""`casebook synth`: valid, varied, deterministic synthetic reports and a manifest that tells the truth."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loading import load_case
from macros.synth import MANIFEST_FILE, MARKER, generate, read_manifest
from macros.synth.photos import MAX_BYTES, bundled_photos
from macros.synth.probes import GUARDED_ROOTS, PROBES
from tests.helpers import ROOT, run_cli

pytestmark = pytest.mark.slow

N = 20


@pytest.fixture(scope="module")
def synth_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "cases"
    slugs = generate(folder, N, seed=11)
    assert len(slugs) == N == len(set(slugs))
    return folder


@pytest.fixture(scope="module")
def loaded(synth_dir):
    results = {folder.name: load_case(folder) for folder in sorted(p for p in synth_dir.iterdir() if p.is_dir())}
    for slug, result in results.items():
        assert result.loaded is not None, [p.format() for p in result.problems]
    return {slug: result.loaded.case for slug, result in results.items()}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _report_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [folder / "kasus.yml", *sorted(folder.glob("*.md"))])


def test_every_report_passes_the_real_checker_without_errors_or_warnings(synth_dir):
    # Some parts are left empty on purpose (the archive's "belum lengkap"): the checker's only warnings,
    # one per part the manifest lists for that report.
    # Every report lists its people's invented identities in rahasia.yml (macros/synth/secrets.py), as a real one
    # does: the checker finds none of them in what the report publishes, and asks for no identity.
    entries = read_manifest(synth_dir)["laporan"]
    incomplete = {e["slug"]: e["bagian_kosong"] for e in entries if not e["lengkap"]}
    community = {e["slug"] for e in entries if e["subjek"] == "kelompok"}
    assert 0 < len(incomplete) < N and 0 < len(community) < N
    assert all((synth_dir / e["slug"] / "rahasia.yml").is_file() for e in entries)
    code, out = run_cli(["check", str(synth_dir)])
    assert code == 0, out
    expected = sum(len(parts) for parts in incomplete.values())
    assert f"{N} laporan diperiksa" in out and f"0 galat, {expected} peringatan" in out
    warned = {slug for slug in re.findall(r"cases/([^/]+)/kasus\.yml:\d+:\d+: peringatan: ", out)}
    assert warned == set(incomplete)
    complete = [synth_dir / e["slug"] for e in entries if e["lengkap"]]
    assert complete
    code, out = run_cli(["check", "--strict", *map(str, complete)])
    assert code == 0 and "0 galat, 0 peringatan" in out, out


def test_same_seed_gives_byte_identical_files_and_another_seed_differs(synth_dir, tmp_path):
    again = tmp_path / "again"
    generate(again, N, seed=11)
    assert _files(again) == _files(synth_dir)
    other = tmp_path / "other"
    generate(other, N, seed=12)
    ours = {p.name: (p / "kasus.yml").read_text(encoding="utf-8") for p in synth_dir.iterdir() if p.is_dir()}
    theirs = {p.name: (p / "kasus.yml").read_text(encoding="utf-8") for p in other.iterdir() if p.is_dir()}
    assert set(ours) != set(theirs)
    assert not set(ours.values()) & set(theirs.values())


def test_a_report_depends_only_on_seed_and_index(synth_dir, tmp_path):
    generate(tmp_path / "few", 3, seed=11)
    for folder in (tmp_path / "few").iterdir():
        if folder.is_dir():
            assert _files(folder) == _files(synth_dir / folder.name)


def test_reports_vary_in_setting_cluster_method_year_and_outcome(loaded):
    cases = list(loaded.values())
    assert len({c.institution.setting for c in cases}) >= 4
    assert len({k for c in cases for k in c.clusters}) >= 3
    assert len({a.method for c in cases if c.plan for a in c.plan.activities}) >= 2
    # A community report has a target group, never an individual client.
    assert all(c.subject.code == ("kelompok" if c.report.kind == "komunitas" else "individu") for c in cases)
    assert len({c.report.year for c in cases}) >= 3
    assert len({c.report.kind for c in cases}) >= 2
    assert len({c.student.campus for c in cases}) >= 3
    assert len({c.evaluation.tas.score for c in cases}) >= 3
    assert len({c.institution.name for c in cases}) >= N // 2


def test_every_section_is_filled_with_eight_to_fifteen_sessions(loaded):
    for slug, case in loaded.items():
        assert 8 <= len(case.intervention.sessions) <= 15, slug
        if case.report.kind == "komunitas":  # a target group in a village: participatory tools, plan, budget
            assert case.client is None and case.consent is None and case.assessment is None, slug
            assert {s.stage for s in case.stages} >= {"inisiasi_sosial", "pengorganisasian_sosial"}, slug
            assert case.group and case.community and case.agreement and case.action_plan and case.budget, slug
            assert case.participatory.venn and case.participatory.problem_tree and case.participatory.transect, slug
            assert case.budget.total == case.budget.computed_total, slug
        else:
            assert {s.stage for s in case.stages} >= {"engagement", "intake", "kontrak"}, slug
            assert case.assessment.bpss and (case.assessment.ecomap or case.assessment.genogram) and case.assessment.strengths, slug
        assert case.evaluation.tas and case.termination and case.referrals, slug  # GAS is optional (70 %)
        assert case.introduction and case.framework and case.good_practice and case.conclusion and case.references, slug
        words = len(case.introduction.background.split()) + len(case.framework.methods.split())
        assert words > 150, slug


def test_each_report_has_one_to_three_bundled_photos_with_varied_consent(synth_dir, loaded):
    consent = set()
    for slug, case in loaded.items():
        photos = case.appendices.photos
        assert 1 <= len(photos) <= 3, slug
        for photo in photos:
            assert (synth_dir / slug / photo.file).is_file()
            consent.add(photo.publication_consent)
        assert sorted(p.name for p in (synth_dir / slug / "media").iterdir()) == sorted(Path(p.file).name for p in photos)
    assert consent == {True, False}


def test_bundled_photos_are_small_images():
    photos = bundled_photos()
    assert 4 <= len(photos) <= 8
    for photo in photos:
        data = photo.read_bytes()
        assert len(data) <= MAX_BYTES, photo.name
        assert data.startswith(b"\xff\xd8") or data.startswith(b"\x89PNG"), photo.name


def test_manifest_lists_facets_and_the_probe_words_really_in_each_report(synth_dir, loaded):
    manifest = read_manifest(synth_dir)
    assert manifest["seed"] == 11 and manifest["kata_uji"] == list(PROBES)
    entries = {e["slug"]: e for e in manifest["laporan"]}
    assert set(entries) == set(loaded)
    combos = set()
    for slug, entry in entries.items():
        case = loaded[slug]
        assert entry["setting"] == case.institution.setting and entry["tahun"] == case.report.year
        assert entry["klaster"] == case.clusters and entry["skor_tas"] == case.evaluation.tas.score
        assert entry["jumlah_sesi"] == len(case.intervention.sessions) and entry["jumlah_foto"] == len(case.appendices.photos)
        text = _report_text(synth_dir / slug).lower()
        for probe in PROBES:
            present = re.search(rf"(?<!\w){probe}(?!\w)", text) is not None
            assert entry["kata_uji"][probe] is present, (slug, probe)
        for root, probe in GUARDED_ROOTS.items():
            assert {w for w in re.findall(rf"\w*{root}\w*", text) if w != probe} == set(), (slug, root)
        combos.add(tuple(entry["kata_uji"][p] for p in PROBES))
    assert (False, False, False) in combos and all(any(c[i] for c in combos) for i in range(len(PROBES)))
    assert len({e["pita_capaian"] for e in entries.values()}) >= 3
    assert not any((synth_dir / slug / MANIFEST_FILE).exists() for slug in entries)


def test_a_real_report_is_never_overwritten(tmp_path):
    generate(tmp_path, 2, seed=5)
    real = next(p for p in sorted(tmp_path.iterdir()) if p.is_dir())
    (real / MARKER).unlink()  # as if a student had made this folder
    before = _files(real)
    code, out = run_cli(["synth", "--n", "2", "--seed", "5", "--keluaran", str(tmp_path)])
    assert code == 2
    assert "bukan buatan synth" in out and "tidak akan ditimpa" in out
    assert _files(real) == before


def test_synth_replaces_its_own_reports_and_drops_stale_ones(tmp_path):
    generate(tmp_path, 4, seed=5)
    code, out = run_cli(["synth", "--n", "2", "--seed", "5", "--keluaran", str(tmp_path)])
    assert code == 0, out
    assert re.search(r"2 laporan sintetis \(seed 5\) ditulis ke .* dalam \d+\.\d+ detik", out)
    folders = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert len(folders) == 2 and len(read_manifest(tmp_path)["laporan"]) == 2


def test_synthetic_reports_build_into_a_strict_site(tmp_path):
    project = tmp_path / "proyek"
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    slugs = generate(project / "cases", 5, seed=21)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0", CASEBOOK_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for slug in slugs:
        page = (tmp_path / "site" / "kasus" / slug / "bab-4-penanganan-kasus" / "index.html").read_text(encoding="utf-8")
        assert ("Tahap Intervensi" in page or "Tahap Aksi Sosial/Intervensi" in page) and "casebook-evaluasi" in page


def test_an_archive_holds_community_reports_with_a_group_and_institutional_ones_with_a_client():
    from macros.synth.report import build_report

    subjects = {build_report(11, index).facets["subjek"] for index in range(60)}
    assert subjects == {"individu", "kelompok"}


def test_clients_are_plausible_for_their_cluster_and_institution():
    """Issue 20: no 49-year-old at an SMP, no 48-year-old "lansia", no 13-year-old at a panti werdha."""
    from macros.synth.domain import CLUSTERS, INSTITUTION_AGES
    from macros.synth.report import build_report

    seen_institution_ages = set()
    for index in range(400):
        report = build_report(11, index)
        facts = report.facets
        age = facts["usia"]
        if age is None:  # a community report: a group, each member's age band inside the cluster's ages
            assert "klien" not in report.data and facts["subjek"] == "kelompok"
            group = report.data["kelompok_sasaran"]
            for member in group["anggota"]:
                low, high = (int(x) for x in re.findall(r"\d+", member["kelompok_usia"])[:2] or [0, 0])
                for cluster in group["klaster"]:
                    assert CLUSTERS[cluster].ages[0] <= low and (high <= CLUSTERS[cluster].ages[1] or
                                                                 "ke atas" in member["kelompok_usia"]), member
            continue
        for cluster in facts["klaster"]:
            low, high = CLUSTERS[cluster].ages
            assert low <= age <= high, (facts["institusi"], cluster, age)
        if "lansia" in facts["klaster"]:
            assert age >= 60
        if "anak" in facts["klaster"]:
            assert age < 18
        for start, (low, high) in INSTITUTION_AGES.items():
            if facts["institusi"].startswith(start):
                assert low <= age <= high, (facts["institusi"], age)
                seen_institution_ages.add(start)
    assert {"SMP", "Panti Sosial Tresna Werdha", "Sekolah Dasar"} <= seen_institution_ages


def test_manifest_records_what_the_archive_views_aggregate(synth_dir, loaded):
    from macros.completeness import completeness

    entries = {e["slug"]: e for e in read_manifest(synth_dir)["laporan"]}
    for slug, entry in entries.items():
        case = loaded[slug]
        assert entry["pembimbing"] == case.approval.supervisor.name
        assert entry["draf"] is case.is_draft and entry["jenis_praktikum"] == case.report.kind
        assert entry["institusi"] == case.institution.name and entry["semester"] == case.report.semester
        assert entry["skor_gas"] == [g.score for g in case.evaluation.gas]
        missing = [p.name for p in completeness(case).empty if p.required]
        assert entry["lengkap"] is (not missing) and entry["bagian_kosong"] == missing
    # Enough variety for every view: several supervisors each with several reports, drafts, gaps, GAS-less reports.
    supervisors = [e["pembimbing"] for e in entries.values()]
    assert len(set(supervisors)) < len(supervisors) and any(e["draf"] for e in entries.values())
    assert any(not e["skor_gas"] for e in entries.values()) and any(e["skor_gas"] for e in entries.values())


def test_synthetic_reports_never_trip_the_privacy_patterns():
    """A pseudonym such as `TTL` before a session date reads as a birth date to the gate: synth avoids those codes."""
    from macros.privacy.patterns import find_patterns
    from macros.synth.pages import chapter_pages
    from macros.synth.report import build_report
    from macros.synth.yaml_writer import dump

    for index in range(150):
        report = build_report(11, index)
        text = dump(report.data, "") + "\n".join(chapter_pages(report.intro).values())
        assert find_patterns(text, frozenset()) == [], report.slug


def test_practicum_kinds_are_balanced_like_a_campus_archive():
    """Most reports institutional, community and laboratory reports a similar few (seed 11 once drew 23 laboratory
    reports against 3 community ones in 60)."""
    from collections import Counter

    from macros.synth.report import build_report

    for seed in (3, 7, 11, 21):
        kinds = Counter(build_report(seed, index).facets["jenis_praktikum"] for index in range(60))
        assert kinds["institusi"] > 30, (seed, kinds)
        assert 5 <= kinds["komunitas"] <= 12 and 5 <= kinds["laboratorium"] <= 12, (seed, kinds)
        assert abs(kinds["komunitas"] - kinds["laboratorium"]) <= 3, (seed, kinds)


def test_a_client_s_school_and_role_fit_the_age_and_the_setting(tmp_path):
    """Trial s24 found a 9-year-old with 'SMP', an 11-year-old 'Siswa kelas 4' at SMP, SD with 'Siswa kelas 7', and a
    79-year-old 'penerima manfaat panti' at a plantation company. Over many synthetic reports: a pupil's class and
    education follow the age, and only a report at a panti or asrama (primer setting) has residents of one."""
    import re as regex

    from macros.synth.report import build_report

    checked = 0
    for index in range(400):
        data = build_report(11, index).data
        client = data.get("klien")
        if not client or "usia" not in client:
            continue
        age, role, school = client["usia"], client["pekerjaan"], client["pendidikan"]
        grade = regex.search(r"kelas (\d+)", role)
        if grade:
            expected = "SD" if int(grade.group(1)) <= 6 else "SMP" if int(grade.group(1)) <= 9 else "SMA/SMK"
            assert school == expected and abs(int(grade.group(1)) - (age - 6)) <= 1, (age, role, school)
        if age < 13:
            assert school in ("SD", "Tidak tamat SD"), (age, school)
        if "panti" in role.lower() or "asrama" in role.lower():
            assert data["institusi"]["setting"] == "primer", (role, data["institusi"].get("nama"))
        checked += 1
    assert checked > 200
