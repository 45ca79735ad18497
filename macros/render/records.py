"""Process records of BAB IV as Markdown: stages, assessment, conferences, sessions, evaluation, termination."""

from __future__ import annotations

import re

from macros.render.text import bullets, field_lines, keep_with_next, label, plain, prose, signed
from macros.schema.assessment import Asesmen
from macros.schema.evaluation import GAS_LABELS, TAS_LABELS, Evaluasi
from macros.schema.plan import RencanaIntervensi, SesiIntervensi, Tujuan
from macros.schema.process import CatatanTahap, KonferensiKasus, Persetujuan, Rujukan, Terminasi
from macros.schema.types import format_date
from macros.vocabulary import Vocabulary


def date_span(date, end=None) -> str:
    """`Selasa, 10 September 2024 s.d. Selasa, 17 September 2024`, or a single date."""
    return format_date(date) + (f" s.d. {format_date(end)}" if end else "")


def stage_record(record: CatatanTahap, vocabulary: Vocabulary) -> str:
    header = field_lines([
        ("Tahap", vocabulary.label("tahap", record.stage)),
        ("Hari/tanggal", date_span(record.date, record.end_date)),
        ("Pukul", str(record.time) if record.time else None),
        ("Tempat", record.place), ("Media", record.channel),
        ("Pihak", ", ".join(record.participants) or None), ("Praktikan", record.practitioner),
        ("Teknik", ", ".join(vocabulary.label("teknik", t) for t in record.techniques) or None),
    ])
    title = label(plain(record.title)) + "\n\n" if record.title else ""
    return f"{title}{header}\n\n{label('Proses:')}\n\n{prose(record.process)}\n\n{label('Hasil:')}\n\n{bullets(record.results)}\n"


def consent_record(consent: Persetujuan) -> str:
    header = field_lines([("Tanggal", format_date(consent.date)), ("Tempat", consent.place), ("Penanda tangan", consent.signed_by)])
    rows = "\n".join(f"| {n} | {plain(i.statement)} | {'Setuju' if i.agreed else 'Tidak setuju'} |"
                     for n, i in enumerate(consent.items, start=1))
    how = f"\n\n{prose(consent.explained_how)}" if consent.explained_how else ""
    return f"{header}{how}\n\n| No | Pernyataan | Keputusan |\n|---|---|---|\n{rows}\n"


def assessment_process(assessment: Asesmen, vocabulary: Vocabulary) -> str:
    header = field_lines([("Waktu", date_span(assessment.start, assessment.end)), ("Tempat", assessment.place),
                          ("Alat asesmen", ", ".join(vocabulary.label("alat_asesmen", t) for t in assessment.tools))])
    return f"{header}\n\n{prose(assessment.process)}\n"


def bpss(assessment: Asesmen) -> str:
    b = assessment.bpss
    parts = [("Aspek Biologis", b.biological), ("Aspek Psikologis", b.psychological),
             ("Aspek Sosial", b.social), ("Aspek Spiritual", b.spiritual)]
    return "\n\n".join(f"{label(name)}\n\n{prose(text)}" for name, text in parts) + "\n"


def problem_analysis(assessment: Asesmen) -> str:
    sections = [("Gejala masalah", bullets(assessment.symptoms)),
                ("Faktor penyebab masalah", bullets(assessment.causes)),
                ("Dampak masalah", bullets(assessment.impacts)),
                ("Fokus masalah", plain(assessment.focus)),
                ("Kebutuhan", bullets(assessment.needs)),
                ("Potensi dan sistem sumber", "\n".join(f"- **{plain(r.kind)}**: {plain(r.description)}" for r in assessment.resources))]
    return "\n\n".join(f"{label(name)}\n\n{body}" for name, body in sections if body) + "\n"


def ils(assessment: Asesmen) -> str:
    def state(flag):
        return "" if flag is None else (" (mandiri)" if flag else " (belum mandiri)")
    return "\n\n".join(f"{keep_with_next(f'**{plain(d.domain)}**{state(d.independent)}')}\n\n{prose(d.description)}"
                       for d in assessment.ils) + "\n"


def case_conference(conference: KonferensiKasus) -> str:
    header = field_lines([("Konferensi", conference.code),
                          ("Hari/tanggal", format_date(conference.date) if conference.date else "tidak tercatat"),
                          ("Pukul", str(conference.time) if conference.time else None), ("Tempat", conference.place),
                          ("Peserta", ", ".join(conference.participants)), ("Agenda", conference.agenda)])
    return f"{header}\n\n{label('Hasil:')}\n\n{bullets(conference.outcomes)}\n"


_NUMBERED_TITLE = re.compile(r"^\s*(?:sesi|pertemuan)\s*(?:ke[- ]?)?\d+\s*[:.\-–—]?\s*", re.I)


def session_title(item: SesiIntervensi) -> str:
    """The session's own title without a number the student typed ("Sesi 1: Masa kecil" -> "Masa kecil"):
    the number is computed, so it is never printed twice."""
    return _NUMBERED_TITLE.sub("", item.title) or item.title


def session_word(item: SesiIntervensi) -> str:
    """Group meetings and casework sessions are counted apart: "Pertemuan 2" is the group's second."""
    return "Pertemuan" if item.method == "groupwork" else "Sesi"


def session_numbers(sessions) -> list[str]:
    """"Sesi 1", "Pertemuan 1", ... counted per activity of the plan and per kind (group vs casework)."""
    counters: dict[tuple, int] = {}
    labels = []
    for item in sessions:
        key = (item.activity, session_word(item))
        counters[key] = counters.get(key, 0) + 1
        labels.append(f"{session_word(item)} {counters[key]}")
    return labels


def session(number: str, item: SesiIntervensi, vocabulary: Vocabulary) -> str:
    header = field_lines([
        ("Hari/tanggal", format_date(item.date)), ("Pukul", str(item.time) if item.time else None),
        ("Tempat", item.place), ("Praktikan", item.practitioner),
        ("Metode", vocabulary.label("metode", item.method) if item.method else None),
        ("Teknik", ", ".join(vocabulary.label("teknik", t) for t in item.techniques) or None),
        ("Anggota", ", ".join(item.members) or None),
    ])
    result = f"\n\n{label('Hasil:')}\n\n{prose(item.result)}" if item.result else ""
    return f"{label(f'{number}: {plain(session_title(item))}')}\n\n{header}\n\n{label('Proses:')}\n\n{prose(item.process)}{result}\n"


def sessions(intervention, plan, vocabulary: Vocabulary, heading: int = 3) -> str:
    """All sessions; when the plan has several activities, each activity is a sub-section (4.4.1, 4.4.2)."""
    numbers = session_numbers(intervention.sessions)
    pairs = list(zip(numbers, intervention.sessions))
    overview = prose(intervention.overview) + "\n\n" if intervention.overview else ""
    activities = {a.id: a for a in plan.activities} if plan else {}
    used = [key for key in dict.fromkeys(s.activity for s in intervention.sessions)]
    if len(used) < 2 or not all(key in activities for key in used):
        return overview + "\n\n".join(session(n, s, vocabulary) for n, s in pairs)
    parts = []
    for key in used:
        parts.append(f"{'#' * heading} {plain(activities[key].name)}")
        parts.extend(session(n, s, vocabulary) for n, s in pairs if s.activity == key)
    return overview + "\n\n".join(parts) + "\n"


def scales(evaluation: Evaluasi) -> str:
    """TAS/GAS as lists in the text (no table, so no caption): each task or goal with its score and level."""
    parts = []
    if evaluation.tas:
        tas = evaluation.tas
        items = "\n".join(f"- {plain(t.task)}: skor {t.score} ({TAS_LABELS[t.score]})" for t in tas.tasks)
        threshold = f" Batas keberhasilan: {tas.minimum}." if tas.minimum is not None else ""
        parts.append(f"{label('Task Achievement Scale (0–4):')}\n\n{items}\n\n"
                     f"Skor keseluruhan: **{tas.score} ({tas.label})**.{threshold}")
    if evaluation.gas:
        items = "\n".join(f"- {plain(g.goal)}: skor {signed(g.score)} ({GAS_LABELS[g.score]})"
                          + (f"; {plain(g.note)}" if g.note else "") for g in evaluation.gas)
        parts.append(f"{label('Goal Attainment Scaling (−2 s.d. +2):')}\n\n{items}")
    return "\n\n".join(parts) + "\n"


def factors(evaluation: Evaluasi) -> str:
    parts = [("Faktor pendukung", evaluation.supporting), ("Faktor penghambat", evaluation.inhibiting)]
    return "\n\n".join(f"{label(name)}\n\n{bullets(items)}" for name, items in parts if items) + "\n"


def termination(record: Terminasi | None, referrals: list[Rujukan]) -> str:
    text = termination_record(record) if record else ""
    return text + ("\n\n" + referral_records(referrals) if referrals else "")


def termination_record(record: Terminasi) -> str:
    header = field_lines([("Hari/tanggal", format_date(record.date)), ("Pukul", str(record.time) if record.time else None),
                          ("Tempat", record.place), ("Praktikan", record.practitioner)])
    text = f"{header}\n\n{prose(record.process)}"
    if record.results:
        text += f"\n\n{label('Hasil:')}\n\n{bullets(record.results)}"
    return text + "\n"


def referral_records(referrals: list[Rujukan]) -> str:
    parts = []
    for referral in referrals:
        reason = f"\n\n{prose(referral.reason)}" if referral.reason else ""
        when = f" ({format_date(referral.date)})" if referral.date else ""
        parts.append(f"{keep_with_next(f'**Rujukan kepada {plain(referral.to)}**{when}')}{reason}\n\n{bullets(referral.follow_up)}")
    return "\n\n".join(parts) + "\n"


def _goal(goal: Tujuan) -> str:
    return f"{plain(goal.text)} (target: {plain(goal.target)}; tenggat: {plain(goal.deadline)})"


def plan_text(plan: RencanaIntervensi, vocabulary: Vocabulary) -> str:
    parts = [f"**Nama program:** {plain(plan.programme)}"]
    if plan.programme_goal:
        parts.append(f"**Tujuan program:** {plain(plan.programme_goal)}")
    if plan.process:
        parts.append(prose(plan.process))
    parts.append(f"**Sasaran intervensi:**\n\n{bullets(plan.targets)}")
    for activity in plan.activities:
        lines = [f"**{plain(activity.name)}**",
                 field_lines([("Waktu", date_span(activity.start, activity.end)), ("Tempat", activity.place),
                              ("Metode", vocabulary.label("metode", activity.method)),
                              ("Tipe kelompok", vocabulary.label("tipe_kelompok", activity.group_type) if activity.group_type else None),
                              ("Teknik", ", ".join(vocabulary.label("teknik", t) for t in activity.techniques)),
                              ("Pihak yang terlibat", ", ".join(activity.parties))]),
                 f"Tujuan: {_goal(activity.goal)}"]
        if activity.sub_goals:
            lines.append("Tujuan khusus:\n\n" + "\n".join(f"- {_goal(g)}" for g in activity.sub_goals))
        lines.append("Indikator keberhasilan:\n\n" + bullets(activity.indicators))
        parts.append("\n\n".join(lines))
    return "\n\n".join(parts) + "\n"


def conference_stage(conference: KonferensiKasus, case) -> str:
    """The stage a case conference belongs to by its date: before the plan it serves the assessment,
    then the plan, the intervention, the evaluation. Undated: the assessment (where campuses hold CC1)."""
    date = conference.date
    if date is None or case.plan is None or date < case.plan.start:
        return "asesmen"
    first_session = min((s.date for s in case.intervention.sessions), default=None) if case.intervention else None
    if first_session is None or date < first_session:
        return "rencana_intervensi"
    if case.evaluation is None or date < case.evaluation.date:
        return "intervensi"
    return "evaluasi"


def programme(plan: RencanaIntervensi) -> str:
    parts = [field_lines([("Nama program", plan.programme), ("Waktu penyusunan", date_span(plan.start, plan.end))])]
    if plan.programme_goal:
        parts.append(f"{label('Tujuan program:')}\n\n{plain(plan.programme_goal)}")
    if plan.process:
        parts.append(prose(plan.process))
    parts.append(f"{label('Sasaran intervensi:')}\n\n{bullets(plan.targets)}")
    return "\n\n".join(parts) + "\n"


def process_evaluation(evaluation: Evaluasi, vocabulary: Vocabulary) -> str:
    parts = [field_lines([("Tanggal evaluasi", format_date(evaluation.date))])]
    if evaluation.overview:
        parts.append(prose(evaluation.overview))
    for item in evaluation.process:
        parts.append(f"{label('Evaluasi tahap ' + plain(vocabulary.label('tahap', item.stage)) + ':')}\n\n{prose(item.description)}")
    return "\n\n".join(parts) + "\n"


OUTLINE = {
    "bab-1-pendahuluan.md": "memuat latar belakang, tujuan dan manfaat, sasaran praktikum, serta sistematika penulisan",
    "bab-2-landasan-konseptual.md": "memuat metode dan tahapan pekerjaan sosial, peranan pekerja sosial, tinjauan "
                                    "konseptual terkait kasus, serta regulasi yang mendukung penanganan kasus",
    "bab-3-konteks-institusi.md": "memuat gambaran umum institusi, program dan layanannya, serta profil penerima manfaat",
    "bab-4-penanganan-kasus.md": "memuat penanganan kasus dari engagement, intake dan kontrak, asesmen, rencana "
                                 "intervensi, intervensi, evaluasi, hingga terminasi dan rujukan",
    "bab-5-praktik-baik.md": "memuat integrasi metode dan capaian terbaik, refleksi praktikan, keterlibatan dalam "
                             "kegiatan lain, serta tantangan praktikum",
    "bab-6-simpulan.md": "memuat simpulan pelaksanaan praktikum dan rekomendasi tindak lanjut",
}


def outline(chapters: list[tuple[str, str]], kind_outline: dict[str, str] | None = None) -> str:
    """Sistematika Penulisan: each chapter the report has, with what it holds (a practicum kind's own words
    for the chapters that differ, e.g. a community report's BAB IV)."""
    described = {**OUTLINE, **(kind_outline or {})}
    return "\n".join(f"- **{plain(title)}**, {described.get(name, 'memuat ' + plain(title.split(' ', 2)[-1].lower()))}."
                      for name, title in chapters) + "\n"
