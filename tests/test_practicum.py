"""Practicum kinds steer the report (stages, default templates, completeness); the subject is a client,
a group or a community, named with the right words; community data (RAB) is checked and located."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from macros.completeness import checklist, parts_for
from macros.loading import load_case
from macros.practicum import COMMUNITY_STAGES, KINDS, SUBJECTS
from macros.render import community as tables
from macros.render.identity import identity_rows
from macros.schema.community import format_rupiah, parse_rupiah
from macros.site import chapter_source, chapter_title
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import EXAMPLES, ROOT, edited_copy, kasus_line, run_cli

COMMUNITY = "kbl-cikadu-2024"
EXAMPLE = ROOT / "cases" / COMMUNITY
TEXT = (EXAMPLE / "kasus.yml").read_text(encoding="utf-8")


def _section(name: str) -> str:
    """The whole top-level block `name:` of the example's kasus.yml."""
    match = re.search(rf"^{name}:\n(?:(?:  .*|\s*)\n)*", TEXT, re.M)
    assert match, name
    return match.group(0)


def variant(tmp_path: Path, *edits: tuple[str, str], name: str = COMMUNITY) -> Path:
    """A copy of the community example with each `old` replaced once by `new`."""
    return edited_copy(EXAMPLE, tmp_path / name, *edits)



# --- subject kinds -----------------------------------------------------------------------------------


def test_the_community_example_is_a_group_in_a_community_and_passes_strict_check():
    result = load_case(EXAMPLE, root=ROOT)
    assert result.errors == [] and result.warnings == []
    case = result.loaded.case
    assert case.report.kind == "komunitas" and case.practicum is KINDS["komunitas"]
    assert case.subject is SUBJECTS["kelompok"] and case.subject_title == "Kelompok Sasaran KBL"
    assert (case.group.men, case.group.women, case.group.total) == (5, 9, 14)
    code, out = run_cli(["check", "--strict", str(EXAMPLE)])
    assert code == 0, out


def test_a_community_alone_is_the_subject_without_client_or_group(tmp_path):
    folder = variant(tmp_path, (_section("kelompok_sasaran"), ""), (_section("institusi"), ""))
    result = load_case(folder)
    assert result.errors == [], result.errors
    case = result.loaded.case
    assert case.subject is SUBJECTS["komunitas"] and case.subject_title == "Komunitas Desa Cikadu Hilir"
    assert case.place_name == "Desa Cikadu Hilir" and case.setting == "komunitas"
    assert case.clusters == ["pemberdayaan_masyarakat", "kemiskinan"]


def test_a_report_without_any_subject_is_refused_in_indonesian(tmp_path):
    folder = variant(tmp_path, (_section("kelompok_sasaran"), ""), (_section("komunitas"), ""))
    messages = [p.message for p in load_case(folder).errors]
    assert messages == ["laporan belum punya subjek: isi `klien` (perorangan), `kelompok_sasaran` (kelompok) atau "
                        "`komunitas` (desa/kelurahan)"]


def test_an_individual_report_still_needs_its_institution(tmp_path):
    client = "klien:\n  kode: RS\n  jenis_kelamin: perempuan\n  usia: 40\n  klaster: [kemiskinan]\n"
    folder = variant(tmp_path, (_section("kelompok_sasaran"), client), (_section("komunitas"), ""),
                     (_section("institusi"), ""))
    assert [p.message for p in load_case(folder).errors] == [
        "isi `institusi` (tempat praktikum), atau `komunitas` untuk praktikum komunitas"]


def test_group_members_must_fit_the_stated_composition(tmp_path):
    folder = variant(tmp_path, ("    - {kode: KBL14, peran: Anggota, jenis_kelamin: laki-laki,",
                                "    - {kode: KBL14, peran: Anggota, jenis_kelamin: perempuan,"))
    problems = load_case(folder).errors
    assert [(p.field_path, p.message) for p in problems] == [
        ("kelompok_sasaran", "`anggota` memuat 10 orang perempuan, padahal `komposisi` mencatat 9")]


INDIVIDUAL_ONLY = {"Kode klien", "Jenis kelamin", "Usia", "Agama", "Pendidikan terakhir", "Suku", "Status perkawinan",
                   "Pekerjaan", "Disabilitas"}


def test_no_individual_only_field_is_printed_for_a_group_or_a_community():
    case = load_case(EXAMPLE).loaded.case
    group = dict(tables.group_rows(case.group, DEFAULT_VOCABULARY))
    community = dict(tables.community_rows(case.community, DEFAULT_VOCABULARY))
    assert not INDIVIDUAL_ONLY & (set(group) | set(community))
    assert group["Jumlah anggota"] == "14 orang (5 laki-laki, 9 perempuan)"
    assert community["Jumlah penduduk"] == "3.885 jiwa (1.950 laki-laki, 1.935 perempuan)"
    # The individual identity really is made of those labels (the set above is not stale).
    ln = load_case(ROOT / "cases" / "ln-hikari-2024").loaded.case
    assert {"Kode klien", "Jenis kelamin", "Usia"} <= {label for label, _ in identity_rows(ln.client, DEFAULT_VOCABULARY)}


def test_no_individual_only_field_is_asked_of_a_group_or_a_community():
    case = load_case(EXAMPLE).loaded.case
    labels = {p.label for p in parts_for(case)}
    assert not labels & {"Identitas klien", "Informed consent", "Asesmen BPSS", "Ecomap atau genogram", "Engagement",
                         "Intake", "Kontrak", "Rencana intervensi"}
    assert {"Profil komunitas", "Profil kelompok sasaran", "Kesepakatan dengan komunitas", "Asesmen partisipatif",
            "Rencana aksi", "Evaluasi hasil", "Inisiasi sosial", "Terminasi"} <= labels


# --- completeness per practicum kind ------------------------------------------------------------------


@pytest.mark.parametrize("slug", EXAMPLES)
def test_institutional_reports_are_held_to_the_same_parts_as_before(slug):
    case = load_case(ROOT / "cases" / slug).loaded.case
    labels = [p.label for p in parts_for(case)]
    assert {"Identitas klien", "Informed consent", "Asesmen BPSS", "Engagement", "Rencana intervensi"} <= set(labels)
    assert not {"Kesepakatan dengan komunitas", "Asesmen partisipatif", "Rencana aksi", "Profil komunitas"} & set(labels)


@pytest.mark.parametrize(("section", "warning"), [
    ("kesepakatan", "bagian \"BAB IV Kesepakatan dengan komunitas\" belum diisi"),
    ("asesmen_partisipatif", "bagian \"BAB IV\" (`asesmen_partisipatif`) belum diisi (lihat contoh di docs/templat/komunitas/kasus.yml)"),
    ("rencana_aksi", "bagian \"BAB IV Rencana aksi\" belum diisi"),
    ("evaluasi", "bagian \"BAB IV\" (`evaluasi`) belum diisi"),
])
def test_strict_check_asks_a_community_report_for_agreement_assessment_plan_and_evaluation(tmp_path, section, warning):
    folder = variant(tmp_path, (_section(section), ""))
    code, out = run_cli(["check", "--strict", str(folder)])
    assert code == 1 and warning in out, out
    assert "BPSS" not in out and "informed consent" not in out.lower() and "klien" not in out


def test_a_stage_of_another_practicum_kind_is_a_located_warning(tmp_path):
    folder = variant(tmp_path, ("  - tahap: pengorganisasian_sosial\n", "  - tahap: intake\n"))
    result = load_case(folder)
    line = kasus_line(folder, "- tahap: intake")
    assert [(w.line, w.field_path, w.message) for w in result.warnings] == [
        (line, "tahapan[2].tahap", "tahap `intake` bukan tahap praktikum komunitas, jadi catatannya tidak tercetak di BAB IV")]


def test_community_stages_are_checked_in_their_own_order(tmp_path):
    folder = variant(tmp_path, ("  tanggal_mulai: 2024-09-12\n", "  tanggal_mulai: 2024-09-04\n"))
    messages = [p.message for p in load_case(folder).errors]
    assert ("tahap asesmen partisipatif (4 September 2024) dimulai sebelum tahap pengorganisasian sosial "
            "(10 September 2024)") in messages


def test_kind_stage_lists_follow_the_community_model():
    assert KINDS["komunitas"].stages == COMMUNITY_STAGES == (
        "inisiasi_sosial", "pengorganisasian_sosial", "asesmen_partisipatif", "perencanaan_partisipatif", "aksi_sosial",
        "monitoring_evaluasi", "terminasi", "tindak_lanjut")
    assert all(DEFAULT_VOCABULARY.knows("tahap", code) for kind in KINDS.values() for code in kind.stages)
    assert all(DEFAULT_VOCABULARY.knows("jenis_praktikum", code) for code in KINDS)


def test_checklist_of_a_community_report_has_every_part_it_is_held_to():
    case = load_case(EXAMPLE).loaded.case
    rows = checklist(case)
    assert [r.part for r in rows] == parts_for(case)
    assert {r.status for r in rows} <= {"terisi", "opsional, kosong"}


# --- templates per kind -----------------------------------------------------------------------------


def test_a_kind_reads_its_own_chapter_templates_first_then_the_shared_ones():
    loaded = load_case(EXAMPLE).loaded
    folder = ROOT / "cases" / "kosong-tanpa-halaman"  # no page of its own: every page is a default template
    assert chapter_source(ROOT, folder, "bab-4-penanganan-kasus.md", loaded) == \
        ROOT / "docs" / "templat" / "komunitas" / "bab-4-penanganan-kasus.md"
    assert chapter_source(ROOT, folder, "bab-1-pendahuluan.md", loaded) == ROOT / "docs" / "templat" / "bab" / "bab-1-pendahuluan.md"
    institutional = load_case(ROOT / "cases" / "ln-hikari-2024").loaded
    assert chapter_source(ROOT, folder, "bab-3-konteks-institusi.md", institutional) == \
        ROOT / "docs" / "templat" / "bab" / "bab-3-konteks-institusi.md"
    assert chapter_title(loaded.case, "bab-3-konteks-institusi.md") == "BAB III Profil Komunitas"
    assert chapter_title(institutional.case, "bab-3-konteks-institusi.md") == "BAB III Konteks Praktikum Institusi"


def test_casebook_new_with_a_kind_copies_that_kind_s_templates(tmp_path, monkeypatch):
    for name in ("mkdocs.yml",):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(["new", "--jenis", "komunitas", "mina-desa-2025"])
    assert code == 0, out
    folder = tmp_path / "cases" / "mina-desa-2025"
    assert "jenis_praktikum: komunitas" in (folder / "kasus.yml").read_text(encoding="utf-8")
    assert "# BAB IV Pelaksanaan Praktikum Komunitas" in (folder / "bab-4-penanganan-kasus.md").read_text(encoding="utf-8")
    assert (folder / "bab-1-pendahuluan.md").read_text(encoding="utf-8") == \
        (ROOT / "docs" / "templat" / "bab" / "bab-1-pendahuluan.md").read_text(encoding="utf-8")
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "<<ISI" in out  # placeholders left: the template itself is valid YAML of this kind
    code, out = run_cli(["new", "--jenis", "desa", "lain-2025"])
    assert code == 2 and "jenis praktikum `desa` tidak dikenal; pilihan: institusi, laboratorium, komunitas" in out


@pytest.mark.parametrize("kind", DEFAULT_VOCABULARY.codes("jenis_praktikum"))
def test_casebook_new_names_whose_identity_rahasia_keeps_by_the_template_s_subject(kind, tmp_path, monkeypatch):
    """`casebook new --jenis komunitas` spoke of "the client's real identity": a group's or a village's report
    has no client. The wording follows the subject the new kasus.yml describes, for every practicum kind."""
    from macros.practicum import subject_of_template

    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(["new", "--jenis", kind, "baru-2025"])
    assert code == 0, out
    folder = tmp_path / "cases" / "baru-2025"
    subject = subject_of_template((folder / "kasus.yml").read_text(encoding="utf-8"))
    assert subject is not None
    ignore = (folder / ".gitignore").read_text(encoding="utf-8")
    assert f"Identitas asli {subject.people} (bila perlu dicatat) hanya di" in out
    assert f"Identitas asli {subject.people}:" in ignore and "rahasia.yml" in ignore
    if subject.code != "individu":
        assert "klien" not in out.lower() and "klien" not in ignore.lower()


# --- budget (RAB) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [(1250000, 1250000), ("1.250.000", 1250000), ("Rp1.250.000", 1250000),
                                             ("Rp 1.250.000,00", 1250000), ("250", 250)])
def test_rupiah_is_read_as_students_write_it(text, value):
    assert parse_rupiah(text) == value


def test_rupiah_is_printed_the_indonesian_way():
    assert format_rupiah(1250000) == "Rp1.250.000" and format_rupiah(0) == "Rp0" and format_rupiah(Decimal(950)) == "Rp950"


def test_budget_amounts_and_total_are_computed():
    budget = load_case(EXAMPLE).loaded.case.budget
    assert [i.computed for i in budget.items] == [500000, 1750000, 900000, 630000, 500000, 120000]
    assert budget.computed_total == 4400000 == budget.total
    html = tables.budget(budget)
    assert "<strong>Rp4.400.000</strong>" in html and "Rp1.750.000" in html and ">2.000<" in html


def test_a_wrong_line_amount_is_a_located_indonesian_error(tmp_path):
    folder = variant(tmp_path, ('jumlah: "Rp1.750.000"', 'jumlah: "Rp1.700.000"'))
    code, out = run_cli(["check", str(folder)])
    line = kasus_line(folder, "Rp1.700.000")
    assert code == 1
    assert re.search(rf"kasus\.yml:{line}:\d+: anggaran\.butir\[2\]\.jumlah: jumlah Rp1\.700\.000 tidak sama dengan volume × "
                     r"harga satuan \(5 × Rp350\.000 = Rp1\.750\.000\)", out), out


def test_a_stated_total_that_is_not_the_sum_is_a_located_indonesian_error(tmp_path):
    folder = variant(tmp_path, ("  total: Rp4.400.000", "  total: Rp4.500.000"))
    code, out = run_cli(["check", str(folder)])
    line = kasus_line(folder, "total: Rp4.500.000")
    assert code == 1
    assert re.search(rf"kasus\.yml:{line}:\d+: anggaran\.total: total Rp4\.500\.000 tidak sama dengan jumlah semua baris "
                     r"\(Rp4\.400\.000\)", out), out


def test_a_price_with_thousands_dots_is_read_as_rupiah_and_a_fraction_is_refused(tmp_path):
    # `450.000` is how Indonesians write four hundred fifty thousand, not 450.0.
    folder = variant(tmp_path, ("harga_satuan: 450000,", "harga_satuan: 450.000,"))
    result = load_case(folder)
    assert result.errors == [] and result.loaded.case.budget.computed_total == 4400000
    folder = variant(tmp_path / "b", ("harga_satuan: 450000,", "harga_satuan: 450.5,"))
    problems = load_case(folder).errors
    assert [(p.field_path, p.message) for p in problems] == [
        ("anggaran.butir[3].harga_satuan", "nilai rupiah `450.5` tidak dikenal")], problems


# --- participatory tables -----------------------------------------------------------------------------


def test_ranking_orders_by_votes_and_ties_share_a_rank():
    ranking = load_case(EXAMPLE).loaded.case.participatory.problem_ranking
    rows = re.findall(r"<tr><td>(\d+)</td><td>([^<]+)</td>", tables.ranking(ranking))
    assert rows[:4] == [("1", "Biaya pakan terlalu mahal"), ("2", "Tidak tahu untung rugi usaha"),
                        ("3", "Air kolam kurang saat kemarau"), ("3", "Harga jual ditentukan pengepul")]


def test_seasonal_calendar_marks_months_without_colour_and_transect_is_zones_by_aspects():
    p = load_case(EXAMPLE).loaded.case.participatory
    calendar = tables.seasonal_calendar(p.seasonal_calendar)
    first = re.search(r"<tr><td>Musim hujan</td>(.*?)</tr>", calendar).group(1)
    assert [bool(cell) for cell in re.findall(r"<td>(.*?)</td>", first)][:12] == \
        [True, True, True, True, False, False, False, False, False, False, True, True]
    transect = tables.transect(p.transect)
    assert transect.count("<tr>") == 1 + len(p.transect.aspects)
    assert all(f"<th>{zone}</th>" in transect for zone in p.transect.zones)


def test_transect_rows_must_have_a_cell_per_zone(tmp_path):
    folder = variant(tmp_path, ("      - {aspek: Tanah, isi: [Padat, Liat berpasir, Liat, Gembur]}",
                                "      - {aspek: Tanah, isi: [Padat, Liat]}"))
    messages = [p.message for p in load_case(folder).errors]
    assert messages == ["aspek `Tanah` berisi 2 sel, padahal ada 4 zona"]


def test_participant_attendance_counts_each_meeting_in_member_order():
    case = load_case(EXAMPLE).loaded.case
    html = tables.participant_attendance(case.participant_attendance, [m.code for m in case.group.members])
    people = re.findall(r"<tr><td>\d+</td><td>([^<]+)</td>", html)
    assert people[:3] == ["KBL01", "KBL02", "KBL03"] and "Kepala Dusun" in people
    assert re.search(r"<strong>Jumlah</strong></td><td>13</td><td>13</td><td>11</td><td>13</td><td>14</td>", html)


def test_community_tools_count_as_assessment_tools():
    tools = load_case(EXAMPLE).loaded.case.participatory.tools
    assert tools == ["pemetaan_sosial", "transek", "kalender_musim", "diagram_venn", "pohon_masalah",
                     "analisis_pemangku_kepentingan", "mpa"]
    assert all(DEFAULT_VOCABULARY.knows("alat_asesmen", t) for t in tools)


def _file_fields(model, prefix=()) -> set[tuple[str, ...]]:
    """YAML paths (without list indices) of every `berkas` field of the model, found by walking its types."""
    import typing

    from pydantic import BaseModel

    found = set()
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key == "berkas":
            found.add(prefix + (key,))
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                found |= _file_fields(annotation, prefix + (key,))
            stack.extend(typing.get_args(annotation))
    return found


def test_every_file_field_of_the_model_is_checked_and_declared_for_publication():
    """A file field that `check` does not verify, or publication does not declare, is the next silent drop."""
    from dataclasses import replace

    from macros.publication import declared_media, named_files
    from macros.schema import Case
    from macros.schema.appendix import LampiranLain

    loaded = load_case(EXAMPLE).loaded
    appendices = loaded.case.appendices
    appendices = appendices.model_copy(update={
        "letters": [appendices.letters[0].model_copy(update={"file": "media/surat.pdf"})],
        "others": [LampiranLain.model_validate({"judul": "Proposal", "berkas": "media/proposal.pdf"})]})
    full = replace(loaded, case=loaded.case.model_copy(update={"appendices": appendices}))
    named = named_files(full.case)
    assert {tuple(p for p in path if not isinstance(p, int)) for path, _ in named} == _file_fields(Case)
    assert {name for _, name in named} <= set(declared_media(full))


def test_an_ecomap_names_its_centre_by_the_subject():
    from macros.render.diagrams.ecomap import ecomap_svg

    systems = list(load_case(ROOT / "cases" / "ln-hikari-2024").loaded.case.assessment.ecomap.systems)
    assert ">(klien)<" in ecomap_svg("LN", systems, "Ecomap Klien LN") and "<desc>Klien di tengah" in ecomap_svg("LN", systems, "t")
    group = ecomap_svg("KBL", systems, "Ecomap Kelompok Sasaran KBL", SUBJECTS["kelompok"].role)
    assert ">(kelompok)<" in group and "<desc>Kelompok di tengah" in group and "(klien)" not in group


def test_population_totals_are_not_read_as_phone_numbers():
    """A table's thousands (`2.082 | 2.472 | 4.554`) once stopped a community report's build as a phone number."""
    from macros.privacy.patterns import find_patterns

    assert [m.rule.message for m in find_patterns("Jumlah 2.082 2.472 4.554 jiwa", frozenset())] == []
    assert [m.rule.message for m in find_patterns("Hubungi 0822.472.4554 sore hari", frozenset())] == ["memuat nomor HP"]
