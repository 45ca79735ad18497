"""The laboratory practicum shape: a group maps a kelurahan (PPKS/PSKS per RW, potentials and resources,
programmes and policies), assesses micro cases, and ends with recommendations. `check --strict` asks for
what such a report needs (each rule: missing -> a located warning, present -> none) and never for an
intervention, an evaluation, a termination or a client; micro cases are pseudonymous and numbered."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.completeness import parts_for
from macros.loading import load_case
from macros.practicum import KINDS, LABORATORY_AS_INSTITUTION, LABORATORY_STAGES, SUBJECTS
from macros.render import laboratory as lab
from macros.site import chapter_source, chapter_title
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import EXAMPLES, LABORATORY_EXAMPLE, ROOT, edited_copy, kasus_line, run_cli

EXAMPLE = ROOT / "cases" / LABORATORY_EXAMPLE
TEXT = (EXAMPLE / "kasus.yml").read_text(encoding="utf-8")


def _section(name: str, text: str = TEXT) -> str:
    """The whole top-level block `name:` of a kasus.yml."""
    match = re.search(rf"^{name}:\n(?:(?:  .*|\s*)\n)*", text, re.M)
    assert match, name
    return match.group(0)


def _key(parent: str, key: str) -> str:
    """The block `  key:` (with what is indented under it) inside the top-level block `parent`."""
    block = _section(parent)
    match = re.search(rf"^  {key}:.*\n(?:(?:    .*|\s*)\n)*", block, re.M)
    assert match, key
    return match.group(0)


def variant(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """A copy of the laboratory example with each `old` replaced once by `new`."""
    return edited_copy(EXAMPLE, tmp_path / LABORATORY_EXAMPLE, *edits)



# --- the example and the kind ------------------------------------------------------------------------


def test_the_laboratory_example_is_a_kelurahan_mapped_by_a_group_and_passes_strict_check():
    result = load_case(EXAMPLE, root=ROOT)
    assert result.errors == [] and result.warnings == []
    case = result.loaded.case
    assert case.report.kind == "laboratorium" and case.practicum is KINDS["laboratorium"]
    assert case.subject is SUBJECTS["komunitas"] and case.subject_title == "Komunitas Kelurahan Mekarsantun"
    assert 4 <= len(case.student.group_authors) <= 6
    assert [a.leader for a in case.student.group_authors].count(True) == 1
    assert [m.code for m in case.micro_cases] == ["KM1", "KM2"]
    # No invented intervention: nothing of the helping process a laboratory practicum does not do.
    assert (case.client, case.plan, case.intervention, case.evaluation, case.termination, case.consent) == (None,) * 6
    code, out = run_cli(["check", "--strict", str(EXAMPLE)])
    assert code == 0, out


def test_laboratory_stages_end_with_recommendation_and_are_in_the_vocabulary():
    assert KINDS["laboratorium"].stages == LABORATORY_STAGES == ("persiapan", "asesmen_wilayah", "kasus_mikro", "rekomendasi")
    assert [DEFAULT_VOCABULARY.label("tahap", s) for s in LABORATORY_STAGES] == [
        "Persiapan dan Orientasi Wilayah", "Pemetaan Sosial dan Asesmen Wilayah", "Asesmen Kasus Mikro", "Penyusunan Rekomendasi"]


def test_a_laboratory_report_is_never_asked_for_intervention_evaluation_termination_or_a_client():
    labels = {p.name for p in parts_for(load_case(EXAMPLE).loaded.case)}
    for absent in ("BAB IV Identitas klien", "BAB IV Informed consent", "BAB IV Engagement", "BAB IV Intake",
                   "BAB IV Rencana intervensi", "BAB IV Pelaksanaan intervensi", "BAB IV Evaluasi hasil",
                   "BAB IV Evaluasi proses", "BAB IV Terminasi", "BAB IV Rujukan", "BAB IV Kesepakatan dengan komunitas",
                   "BAB IV Asesmen partisipatif", "BAB IV Rencana aksi", "BAB III Gambaran umum institusi",
                   "Lampiran Daftar hadir peserta"):
        assert absent not in labels, absent
    assert {"BAB III Profil wilayah", "BAB IV Persiapan", "BAB IV Pemetaan sosial dan asesmen wilayah", "BAB IV PPKS per RW",
            "BAB IV PSKS per RW", "BAB IV Potensi dan sistem sumber", "BAB IV Program dan kebijakan di wilayah",
            "BAB IV Kasus mikro", "BAB IV Rekomendasi"} <= labels


# --- completeness rules: missing -> a located warning; present -> none (the example has them all) --------

RULES = [
    # (what is removed, the warning's field, its message, the line it points at: a needle in the varied kasus.yml)
    ("persiapan", "tahapan", "bagian \"BAB IV Persiapan\" belum diisi", "  - tahap: rekomendasi"),
    ("asesmen_wilayah.ppks", "asesmen_wilayah.ppks", "bagian \"BAB IV PPKS per RW\" belum diisi", "asesmen_wilayah:"),
    ("asesmen_wilayah.psks", "asesmen_wilayah.psks", "bagian \"BAB IV PSKS per RW\" belum diisi", "asesmen_wilayah:"),
    ("asesmen_wilayah.potensi_sumber", "asesmen_wilayah.potensi_sumber",
     "bagian \"BAB IV Potensi dan sistem sumber\" belum diisi", "asesmen_wilayah:"),
    ("asesmen_wilayah.program_kebijakan", "asesmen_wilayah.program_kebijakan",
     "bagian \"BAB IV Program dan kebijakan di wilayah\" belum diisi", "asesmen_wilayah:"),
    # A section absent altogether is located at the top of the file (there is no line of it to point at).
    ("asesmen_wilayah", "asesmen_wilayah", "bagian \"BAB IV\" (`asesmen_wilayah`) belum diisi", "laporan:"),
    ("kasus_mikro", "kasus_mikro", "bagian \"BAB IV Kasus mikro\" belum diisi", "laporan:"),
    ("rekomendasi", "rekomendasi", "bagian \"BAB IV Rekomendasi\" belum diisi", "laporan:"),
]


def _without(tmp_path: Path, what: str) -> Path:
    if what == "persiapan":
        record = re.search(r"^  - tahap: persiapan\n(?:    .*\n|      .*\n)*", TEXT, re.M).group(0)
        return variant(tmp_path, (record, ""))
    if "." in what:
        return variant(tmp_path, (_key(*what.split(".")), ""))
    return variant(tmp_path, (_section(what), ""))


@pytest.mark.parametrize(("what", "field", "message", "at"), RULES, ids=[r[0] for r in RULES])
def test_each_laboratory_rule_warns_with_file_line_and_field_when_its_part_is_missing(tmp_path, what, field, message, at):
    folder = _without(tmp_path, what)
    result = load_case(folder, root=tmp_path)
    assert result.errors == []
    assert [(w.file, w.line, w.field_path) for w in result.warnings if message in w.message] == [
        (f"{LABORATORY_EXAMPLE}/kasus.yml", kasus_line(folder, at), field)], [w.format() for w in result.warnings]
    assert len(result.warnings) == 1, [w.format() for w in result.warnings]
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 1 and message in out and f"kasus.yml:{kasus_line(folder, at)}:" in out
    # Never asked for what a laboratory practicum does not do.
    assert not re.search(r"intervensi|terminasi|evaluasi|informed consent|klien", out, re.I), out


def test_the_whole_area_assessment_missing_is_one_warning_pointing_at_the_laboratory_template(tmp_path):
    folder = _without(tmp_path, "asesmen_wilayah")
    code, out = run_cli(["check", "--strict", str(folder)])
    assert "lihat contoh di docs/templat/laboratorium/kasus.yml" in out
    assert out.count("belum diisi") == 1, out


# --- micro cases and area tables are checked and located ----------------------------------------------


@pytest.mark.parametrize("code", ["km1", "Siti Aminah", "KM-1"])
def test_a_micro_case_code_must_be_a_pseudonym_code(tmp_path, code):
    folder = variant(tmp_path, ("  - kode: KM2\n", f"  - kode: {code}\n"))
    errors = load_case(folder).errors
    assert [e.field_path for e in errors] == ["kasus_mikro[2].kode"], [e.format() for e in errors]
    assert errors[0].line == kasus_line(folder, f"  - kode: {code}")


def test_two_micro_cases_with_one_code_is_a_located_error(tmp_path):
    folder = variant(tmp_path, ("  - kode: KM2\n", "  - kode: KM1\n"))
    errors = load_case(folder).errors
    assert [(e.field_path, e.message) for e in errors] == [("kasus_mikro[2]", "kode kasus mikro ini sama dengan butir ke-1")]


def test_a_micro_case_code_equal_to_real_initials_in_rahasia_is_a_located_warning(tmp_path):
    folder = variant(tmp_path)
    (folder / "rahasia.yml").write_text("klien:\n  nama: Sutini Wiryo\norang_lain:\n  - nama: Karta Marta\n    peran: kasus mikro KM2\n",
                                        encoding="utf-8")
    folder_km = folder / "kasus.yml"
    folder_km.write_text(folder_km.read_text(encoding="utf-8").replace("  - kode: KM2\n", "  - kode: KM\n"), encoding="utf-8")
    result = load_case(folder)
    # (KM itself is not in rahasia.yml either: that is its own warning, tests/test_identities_recorded.py)
    found = [w for w in result.warnings + result.errors if w.field_path == "kasus_mikro[2].kode" and "inisial" in w.message]
    assert [w.message for w in found] == ["kode samaran `KM` sama dengan inisial asli seseorang di rahasia.yml; inisial "
                                          "pun dapat mengenali orang"], [w.format() for w in result.warnings + result.errors]


def test_a_per_rw_row_with_a_count_too_few_is_a_located_error(tmp_path):
    folder = variant(tmp_path, ("jumlah: [6, 9, 14, 4, 2], satuan: jiwa}", "jumlah: [6, 9, 14, 4], satuan: jiwa}"))
    errors = load_case(folder).errors
    assert [(e.line, e.field_path, e.message) for e in errors] == [
        (kasus_line(folder, "[6, 9, 14, 4]"), "asesmen_wilayah.ppks.baris[2].jumlah",
         "`jumlah` berisi 4 angka, padahal ada 5 RW (RW 01, RW 02, RW 03, RW 04, RW 05)")]


def test_micro_cases_before_the_area_assessment_are_out_of_order(tmp_path):
    folder = variant(tmp_path, ("    tanggal: 2024-03-25\n", "    tanggal: 2024-03-06\n"))
    messages = [p.message for p in load_case(folder).errors]
    assert "tahap kasus mikro (6 Maret 2024) dimulai sebelum tahap asesmen wilayah (11 Maret 2024)" in messages, messages


def test_an_institutional_stage_in_a_laboratory_report_is_a_located_warning(tmp_path):
    folder = variant(tmp_path, ("  - tahap: rekomendasi\n", "  - tahap: intervensi\n"))
    result = load_case(folder)
    assert [(w.line, w.field_path, w.message) for w in result.warnings] == [
        (kasus_line(folder, "- tahap: intervensi"), "tahapan[2].tahap",
         "tahap `intervensi` bukan tahap praktikum laboratorium, jadi catatannya tidak tercetak di BAB IV")]


# --- reports valid today stay valid ----------------------------------------------------------------------


@pytest.mark.parametrize("slug", EXAMPLES)
def test_a_laboratorium_report_written_as_casework_at_an_institution_keeps_its_shape(tmp_path, slug):
    """Before the laboratory shape existed, a `laboratorium` report was written like an institutional one
    (a client, engagement, intervention...). It stays valid and is held to the same parts as before."""
    source = ROOT / "cases" / slug
    folder = tmp_path / slug
    shutil.copytree(source, folder)
    text = (folder / "kasus.yml").read_text(encoding="utf-8")
    (folder / "kasus.yml").write_text(text.replace("jenis_praktikum: institusi", "jenis_praktikum: laboratorium"),
                                      encoding="utf-8")
    before, after = load_case(source), load_case(folder)
    assert after.loaded.case.report.kind == "laboratorium" and after.loaded.case.practicum is LABORATORY_AS_INSTITUTION
    assert after.errors == [] and [w.message for w in after.warnings] == [w.message for w in before.warnings]
    assert [p.name for p in parts_for(after.loaded.case)] == [p.name for p in parts_for(before.loaded.case)]
    folder_root = tmp_path / "kosong"
    assert chapter_source(ROOT, folder_root, "bab-4-penanganan-kasus.md", after.loaded) == \
        ROOT / "docs" / "templat" / "bab" / "bab-4-penanganan-kasus.md"
    assert chapter_title(after.loaded.case, "bab-4-penanganan-kasus.md") == "BAB IV Penanganan Kasus"


def test_a_laboratorium_report_with_a_target_group_at_an_institution_keeps_its_shape(tmp_path):
    """The same for a group as the subject: the community example's group and partner institution, with the
    institution's stages, written as `laboratorium` before the laboratory shape."""
    from macros.schema import Case

    data = load_case(ROOT / "cases" / "kbl-cikadu-2024").loaded.case
    case = data.model_copy(update={"report": data.report.model_copy(update={"kind": "laboratorium"}), "community": None})
    assert isinstance(case, Case) and case.group is not None
    assert case.practicum is LABORATORY_AS_INSTITUTION and "BAB IV Kasus mikro" not in {p.name for p in parts_for(case)}
    fresh = data.model_copy(update={"report": data.report.model_copy(update={"kind": "laboratorium"}), "group": None,
                                    "stages": [], "institution": None})
    assert fresh.practicum is KINDS["laboratorium"]  # a kelurahan and nothing institutional yet: the laboratory shape


def test_the_laboratory_kind_reads_its_own_chapter_templates():
    loaded = load_case(EXAMPLE).loaded
    folder = ROOT / "cases" / "kosong-tanpa-halaman"
    for page in ("index.md", "bab-3-konteks-institusi.md", "bab-4-penanganan-kasus.md"):
        assert chapter_source(ROOT, folder, page, loaded) == ROOT / "docs" / "templat" / "laboratorium" / page
    assert chapter_title(loaded.case, "bab-4-penanganan-kasus.md") == "BAB IV Pemetaan Sosial dan Asesmen Wilayah"
    assert chapter_title(loaded.case, "bab-3-konteks-institusi.md") == "BAB III Profil Wilayah"


def test_casebook_new_laboratorium_copies_the_laboratory_templates_with_a_group_of_authors(tmp_path, monkeypatch):
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(["new", "--jenis", "laboratorium", "kel3-mekar-2025"])
    assert code == 0, out
    folder = tmp_path / "cases" / "kel3-mekar-2025"
    data = (folder / "kasus.yml").read_text(encoding="utf-8")
    assert "jenis_praktikum: laboratorium" in data and "  penulis:\n" in data and "ketua: true" in data
    for key in ("asesmen_wilayah:", "kasus_mikro:", "rekomendasi:"):
        assert f"\n{key}" in data
    for key in ("intervensi:", "evaluasi:", "terminasi:", "klien:", "persetujuan:"):
        assert f"\n{key}" not in data
    assert "# BAB IV Pemetaan Sosial dan Asesmen Wilayah" in (folder / "bab-4-penanganan-kasus.md").read_text(encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "<<ISI" in out
    assert all("isian contoh" in line for line in out.splitlines() if line.startswith("cases/kel3-mekar-2025/kasus.yml"))


# --- renderers ------------------------------------------------------------------------------------------


def test_per_rw_table_totals_rows_and_columns_when_units_agree():
    area = load_case(EXAMPLE).loaded.case.area_assessment
    html = lab.per_rw(area.psks, area.rw, "Jenis PSKS")
    header = re.findall(r"<th>(.*?)</th>", html)
    assert header == ["No", "Jenis PSKS", "RW 01", "RW 02", "RW 03", "RW 04", "RW 05", "Jumlah"]
    foot = re.sub(r"<[^>]+>", "|", html.split("<tfoot>")[1])
    assert [c for c in foot.split("|") if c.strip()] == ["Jumlah (orang)", "10", "7", "6", "9", "5", "37"]
    mixed = lab.per_rw(area.ppks, area.rw, "Jenis PPKS")  # KK and jiwa: a unit column, no meaningless column sums
    assert "<tfoot>" not in mixed and "<th>Satuan</th>" in mixed and "<strong>187</strong>" in mixed


def test_every_laboratory_text_is_escaped():
    area = load_case(EXAMPLE).loaded.case.area_assessment
    hostile = area.potentials[0].model_copy(update={"name": "<script>x</script>"})
    assert "<script>" not in lab.potentials([hostile]) and "&lt;script&gt;" in lab.potentials([hostile])
