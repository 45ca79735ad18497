"""One synthetic report: the kasus.yml data and the facts the manifest records about it.

`build_report(seed, index)` depends on nothing but its two arguments: report 7 of seed 1
is the same whether 20 or 1000 reports are generated.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from macros.archive.facets import Outcome
from macros.schema.evaluation import GAS_LABELS, TAS_LABELS
from macros.synth import phrases as P
from macros.synth.domain import (CLUSTERS, EDUCATION, ETHNICITIES, PROPER, RELIGIONS, SESSION_PLACES, SETTINGS,
                                 institution_ages, overlap)
from macros.synth.names import CAMPUSES, REGIONS, STREETS, lecturer, person, pseudonym, supervisors
from macros.synth.photos import PHOTOS
from macros.synth.probes import PLANTS, probe_plan
from macros.synth.references import draw_references
from macros.synth.timeline import draw_timeline, plain, time_range, written
from macros.vocabulary import DEFAULTS

YEARS = range(2020, 2026)
SETTING_ORDER = list(SETTINGS)
PHOTO_SECTIONS = ["4.1", "4.2", "4.4", "4.5", "4.6", None]
ROLES = ["konselor", "edukator", "broker", "fasilitator", "mediator", "advokat", "pemungkin (enabler)"]
CASEWORK_TECHNIQUES = [t for t in DEFAULTS["teknik"] if t not in {"conflict", "manipulation"}]


@dataclass
class SynthReport:
    slug: str
    data: dict
    facets: dict
    probes: tuple[str, ...]
    photos: list[str] = field(default_factory=list)
    intro: str = ""


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _plant(text: str, sentence: str | None) -> str:
    """Append a probe sentence to the first paragraph of `text`."""
    if not sentence:
        return text
    head, sep, rest = text.partition("\n\n")
    return P.prose(head.replace("\n", " ") + " " + sentence).rstrip("\n") + (sep + rest if sep else "\n")


def school_grade(age: int) -> int:
    """The class a pupil of `age` is in: kelas 1 at seven, kelas 7 (SMP) at thirteen, kelas 10 (SMA) at sixteen."""
    return _clamp(age - 6, 1, 12)


def schooling(age: int, drawn: str) -> str:
    """A minor's education follows the age (trial s24: a 9-year-old 'SMP', SD with 'Siswa kelas 7'); an adult's is
    `drawn`."""
    if age >= 18:
        return drawn
    grade = school_grade(age)
    return "SD" if grade <= 6 else "SMP" if grade <= 9 else "SMA/SMK"


def client_role(drawn: str, grade: int, age: int, setting: str) -> str:
    """The client's role as `drawn` from the cluster's roles, made to fit: a pupil's class follows the age, and a
    resident of a panti or asrama is one only where the practicum is at one (trial s24: a 79-year-old 'penerima
    manfaat panti' at a plantation company)."""
    if "{g}" in drawn:
        return drawn.format(g=school_grade(age))
    if setting != "primer" and ("panti" in drawn or "asrama" in drawn):
        return "Warga lanjut usia" if age >= 60 else "Anak binaan lembaga" if age < 18 else "Penerima manfaat program"
    return drawn


def practicum_kind(seed: int, setting, occurrence: int) -> str:
    """The practicum kind of the setting's `occurrence`-th report: the setting's kinds taken in turn from a place the
    seed chooses, so an archive has them in the proportions `Setting.kinds` gives (most reports institutional,
    community and laboratory reports a similar few), not as a dice roll gives them (seed 11 once drew 23 laboratory
    reports against 3 community ones in 60)."""
    start = random.Random(f"casebook-synth-kind:{seed}:{setting.code}").randrange(len(setting.kinds))
    return setting.kinds[(start + occurrence) % len(setting.kinds)]


def build_report(seed: int, index: int) -> SynthReport:
    rng = random.Random(f"casebook-synth:{seed}:{index}")
    turn = index + random.Random(f"casebook-synth-order:{seed}").randrange(6)
    setting = SETTINGS[SETTING_ORDER[turn % 6]]
    year = rng.choice(YEARS)
    kind = practicum_kind(seed, setting, turn // 6)
    campus = rng.choice(CAMPUSES)
    programme = rng.choice(campus.programmes)
    regency, districts, villages = rng.choice(REGIONS)
    region_short = regency.replace("Kabupaten ", "").replace("Kota ", "")
    district, village = rng.choice(districts), rng.choice(villages)
    # Who the client can be follows from where: an SMP has pupils of 12–15, a panti werdha elders, and a
    # second cluster must fit the same age (no 48-year-old "lansia").
    pattern = rng.choice(setting.names)
    ages = institution_ages(pattern)
    institution = pattern.format(n=rng.choice(PROPER), r=region_short)
    primary = rng.choice([c for c in setting.clusters if overlap(CLUSTERS[c].ages, ages)])
    cluster = CLUSTERS[primary]
    clusters = [primary]
    ages = overlap(cluster.ages, ages)
    if rng.random() < 0.25:
        fitting = [c for c in setting.clusters if c != primary and overlap(CLUSTERS[c].ages, ages)]
        if fitting:
            clusters.append(rng.choice(fitting))
            ages = overlap(CLUSTERS[clusters[-1]].ages, ages)
    codes: set[str] = set()
    code = pseudonym(rng, codes, rng.choice([2, 2, 3]))
    sex = rng.choice(["perempuan", "laki-laki"])
    age = rng.randint(*ages)
    student, _ = person(rng)
    instructor, _ = person(rng)
    supervisor = rng.choice(supervisors(seed, campus.short))  # a campus has a few lecturers, each with several reports
    head = lecturer(rng)
    n_sessions = rng.randint(8, 15)
    tl = draw_timeline(rng, year, n_sessions)
    probes = probe_plan(seed, index)
    plant = {p: rng.choice(PLANTS[p]) if p in probes else None for p in PLANTS}

    if setting.code == "komunitas":
        method_sets = [["community_organization", "casework"], ["community_organization", "groupwork"], ["casework", "groupwork"]]
    else:
        method_sets = [["casework"], ["casework", "groupwork"], ["groupwork", "casework"], ["casework", "community_organization"],
                       ["casework", "groupwork", "community_organization"]]
    methods = rng.choice(method_sets)
    method_labels = " dan ".join(DEFAULTS["metode"][m] for m in methods)
    focus = rng.choice(cluster.focuses)
    tas_level = rng.choices(range(5), weights=[1, 2, 3, 3, 2])[0]
    ctx = {
        "campus": campus.name, "campus_short": campus.short, "programme": programme, "kind_label": DEFAULTS["jenis_praktikum"][kind].lower(),
        "inst": institution, "setting_label": DEFAULTS["setting"][setting.code].lower(), "region": regency, "district": f"Kecamatan {district}",
        "village": f"Desa {village}", "year": year, "cluster_label": DEFAULTS["klaster"][primary].lower(), "code": code,
        "focus_lower": focus[0].lower() + focus[1:], "method_labels": method_labels, "role_a": rng.choice(ROLES[:3]),
        "role_b": rng.choice(ROLES[2:]), "founded": rng.randint(1975, 2012), "staff_role": setting.staff_role.lower(),
        "age": age, "health": rng.choice(["cukup sehat", "sehat", "mudah lelah", "baik dengan keluhan ringan"]),
        "religion": rng.choice(RELIGIONS), "economy": rng.choice(["rendah", "menengah ke bawah", "cukup"]),
        "ethnicity": rng.choice(ETHNICITIES), "start": plain(tl.start), "end": plain(tl.end),
    }
    minor = age < 18 or "anak" in clusters
    whom_first = rng.choice(["pendamping lapangan", "pengurus lembaga", "ketua kelompok", "wali kelas", "pengasuh"])

    # --- activities and sessions -------------------------------------------------------------------
    themes = rng.sample(cluster.themes, len(methods))
    activities, activity_places = [], []
    per_activity = [n_sessions // len(methods)] * len(methods)
    for k in range(n_sessions % len(methods)):
        per_activity[k] += 1
    session_days = list(tl.sessions)
    sessions = []
    gas, tas_tasks = [], []
    members_pool = [pseudonym(rng, codes) for _ in range(rng.randint(3, 5))]
    cursor = 0
    for number, ((act_id, act_name, target), method, count) in enumerate(zip(themes, methods, per_activity)):
        days = session_days[cursor:cursor + count]
        cursor += count
        place = rng.choice(SESSION_PLACES[setting.code])
        activity_places.append(place)
        techniques = rng.sample(CASEWORK_TECHNIQUES, rng.randint(2, 4))
        activity = {
            "id": act_id, "nama": act_name,
            "tujuan": {"uraian": f"Klien {code} {rng.choice(['meningkatkan', 'menguatkan', 'mengembangkan'])} kemampuan melalui {act_name.lower()}",
                       "target": target, "tenggat": f"{count} sesi, paling lambat {plain(days[-1])}"},
            "tujuan_khusus": [
                {"uraian": f"Klien memahami langkah-langkah {act_name.lower()}", "target": "Klien menjelaskan kembali langkah utama",
                 "tenggat": f"Sesi 1, {plain(days[0])}"},
                {"uraian": "Klien mempraktikkan keterampilan secara mandiri", "target": target, "tenggat": f"Sesi {count}, {plain(days[-1])}"},
            ],
            "pihak_terlibat": ["Praktikan", f"Klien {code}"] + ([setting.staff_role] if rng.random() < 0.6 else []),
            "tanggal_mulai": written(days[0]), "tanggal_selesai": written(days[-1]), "tempat": place, "jumlah_sesi": count,
            "metode": method,
        }
        if method == "groupwork":
            activity["tipe_kelompok"] = rng.choice(list(DEFAULTS["tipe_kelompok"]))
        activity["teknik"] = techniques
        activity["indikator"] = [f"{target}.", rng.choice(["Klien hadir di seluruh sesi.", "Klien menunjukkan inisiatif tanpa diingatkan.",
                                                          "Pendamping lapangan menilai ada kemajuan."])]
        activities.append(activity)
        steps = ["pengenalan", "latihan terbimbing", "latihan bersama", "latihan mandiri", "pemantapan", "refleksi"]
        for k, day in enumerate(days):
            step = steps[min(k * len(steps) // count, len(steps) - 1)]
            session = {"kegiatan": act_id, "judul": f"{act_name}: {step} (pertemuan {k + 1})", "tanggal": written(day),
                       "waktu": time_range(rng), "tempat": place, "praktikan": student, "metode": method,
                       "teknik": rng.sample(techniques, rng.randint(1, len(techniques)))}
            if method == "groupwork":
                session["anggota"] = [code] + rng.sample(members_pool, rng.randint(2, len(members_pool)))
            session["proses"] = P.prose(P.paragraph(rng, P.SESSION_PROCESS, rng.randint(3, 5), ctx))
            session["hasil"] = rng.choice(P.SESSION_RESULT)
            sessions.append(session)
        score = _clamp(tas_level + rng.choice([-1, 0, 0, 1]), 0, 4)
        tas_tasks.append({"uraian": f"{act_name} sesuai target", "skor": score})
        gas.append({"tujuan": target, "skor": _clamp(tas_level - 2 + rng.choice([-1, 0, 0, 1]), -2, 2),
                    "keterangan": rng.choice(["Diamati praktikan dan pendamping lapangan.", "Berdasarkan catatan sesi.", "Dikonfirmasi oleh keluarga klien."])})
    extra_tasks = ["Hadir tepat waktu di setiap sesi", "Mengerjakan tugas rumah", "Menyampaikan perasaan secara terbuka"]
    for task in rng.sample(extra_tasks, rng.randint(1, 2)):
        tas_tasks.append({"uraian": task, "skor": _clamp(tas_level + rng.choice([-1, 0, 1]), 0, 4)})
    tas_score = _round_half_up(Decimal(sum(t["skor"] for t in tas_tasks)) / len(tas_tasks))
    has_gas = rng.random() < 0.7        # GAS is optional: some reports score tasks only
    complete = rng.random() < 0.85
    ctx.update(tas=tas_score, tas_label=TAS_LABELS[tas_score].lower(), n_sessions=n_sessions)

    # --- assessment ----------------------------------------------------------------------------------
    draw_map = rng.random()
    has_ecomap, has_genogram = draw_map < 0.75, draw_map > 0.45
    tools = ["wawancara", "observasi"] + (["studi_dokumentasi"] if rng.random() < 0.5 else []) + ["bpss"]
    tools += (["ecomap"] if has_ecomap else []) + (["genogram"] if has_genogram else []) + ["kuadran_kekuatan"]
    has_ils = primary in {"disabilitas_intelektual", "disabilitas", "lansia"} or rng.random() < 0.15
    if has_ils:
        tools.append("ils")
    tool_labels = ", ".join(DEFAULTS["alat_asesmen"][t] for t in tools)
    assess_place = rng.choice(SESSION_PLACES[setting.code])
    assessment = {
        "tanggal_mulai": written(tl.assessment[0]), "tanggal_selesai": written(tl.assessment[1]), "tempat": assess_place,
        "proses": _plant(P.prose(P.paragraph(rng, P.ASSESSMENT_PROCESS, 5, dict(ctx, tools=tool_labels, place=assess_place.lower())),
                                 P.paragraph(rng, P.ASSESSMENT_PROCESS, 3, dict(ctx, tools=tool_labels, place=assess_place.lower()))),
                         plant["mengintervensi"]),
        "alat": tools,
        "bpss": {k: P.prose(P.paragraph(rng, bank, 3, ctx)) for k, bank in P.BPSS.items()},
        "kondisi_ekonomi_sosial_budaya": P.prose(P.paragraph(rng, P.ECONOMY, 3, ctx)),
    }
    if has_ecomap:
        assessment["ecomap"] = {"sistem": _ecomap(rng, institution, setting.staff_role)}
    if has_genogram:
        assessment["genogram"] = _genogram(rng, code, sex, age)
    assessment["kekuatan"] = _strengths(rng)
    if has_ils:
        assessment["ils"] = [
            {"ranah": "Kemandirian fisik", "uraian": "Klien merawat diri dan berpindah tempat tanpa bantuan berarti.", "mandiri": True},
            {"ranah": "Kemandirian sosial", "uraian": "Klien bergaul dengan orang di sekitarnya, tetapi jarang memulai percakapan.",
             "mandiri": rng.random() < 0.5},
            {"ranah": "Kemandirian ekonomi", "uraian": "Klien belum mengelola uang secara teratur.", "mandiri": False},
        ]
    assessment.update({
        "gejala_masalah": rng.sample(cluster.symptoms, 3), "penyebab_masalah": list(cluster.causes),
        "dampak_masalah": rng.sample(cluster.impacts, 2), "fokus_masalah": focus, "kebutuhan": list(cluster.needs),
        "sistem_sumber": [
            {"jenis": "personal", "uraian": "Motivasi klien untuk berubah dan kesediaannya mengikuti pendampingan."},
            {"jenis": "informal", "uraian": "Keluarga dan teman dekat yang bersedia memberi dukungan."},
            {"jenis": "formal", "uraian": f"Program {institution} dan jejaring kerjanya."},
            {"jenis": "kemasyarakatan", "uraian": f"Tokoh masyarakat dan kelompok warga di Desa {village}."},
        ],
    })

    # --- the whole report ------------------------------------------------------------------------------
    title_focus = focus.rstrip(".")
    title = f"Penanganan Klien {code} di {institution}: {title_focus[0].upper() + title_focus[1:]}"
    classmates = [person(rng)[0] for _ in range(rng.randint(2, 5))]
    nrp_base = (year % 100) * 100000 + rng.randint(1, 9) * 1000
    roster = sorted(set([student] + classmates))
    weeks = max(1, -(-((tl.end - tl.start).days + 1) // 7))
    facets_band = Outcome(tas_score, 3, tuple(g["skor"] for g in gas) if has_gas else ()).code
    photos = rng.sample(list(PHOTOS), rng.randint(1, 3))
    photo_days = [tl.contract, tl.assessment[0]] + list(tl.sessions) + [tl.evaluation, tl.termination]

    data: dict = {
        "laporan": {
            "judul": title, "jenis_praktikum": kind, "tahun": year, "semester": tl.semester,
            "periode": {"mulai": written(tl.start), "selesai": written(tl.end)}, "kota": campus.city,
            "ringkasan": P.wrap(f"Klien {code} ({age} tahun), penerima manfaat {institution} dengan klaster "
                                f"{DEFAULTS['klaster'][primary].lower()}. Fokus masalah: {focus[0].lower() + focus[1:]} "
                                f"Intervensi {method_labels} dalam {n_sessions} sesi menghasilkan skor TAS {tas_score} "
                                f"({TAS_LABELS[tas_score].lower()}).") + "\n",
            "kata_kunci": [DEFAULTS["klaster"][primary].lower(), DEFAULTS["setting"][setting.code].split(" (")[0].lower()]
                          + [DEFAULTS["metode"][m].lower() for m in methods],
        },
        "praktikan": {"nama": student, "nrp": str(nrp_base + roster.index(student) + 1), "program_studi": programme,
                      "kampus": campus.name, "kelompok": f"Kelompok {rng.randint(1, 20)}"},
        "pengesahan": {
            **({"tanggal_disetujui": written(tl.approval)} if rng.random() < 0.85 else {}),
            "pembimbing": {"nama": supervisor, "jabatan": "Dosen Pembimbing Praktikum"},
            "ketua_prodi": {"nama": head, "jabatan": f"Ketua Program Studi {programme}"},
            "pendamping_lapangan": [{"nama": instructor, "jabatan": f"{setting.staff_role} {institution}"}],
        },
        "kata_pengantar": {
            "isi": P.prose(P.paragraph(rng, P.FOREWORD, 4, ctx)),
            "ucapan_terima_kasih": [{"nama": head, "peran": f"Ketua Program Studi {programme}"},
                                    {"nama": supervisor, "peran": "Dosen Pembimbing Praktikum"},
                                    {"nama": instructor, "peran": f"Pendamping lapangan di {institution}"}],
            "tempat": campus.city, "tanggal": written(tl.foreword),
        },
        "pendahuluan": {
            "latar_belakang": P.prose(P.paragraph(rng, P.BACKGROUND[:7], 5, ctx), P.paragraph(rng, P.BACKGROUND[7:], 5, ctx)),
            "tujuan_umum": rng.choice(P.GENERAL_AIM).format(**ctx),
            "tujuan_khusus": P.sentences(rng, P.SPECIFIC_AIMS, rng.randint(4, 6), ctx),
            "manfaat": P.sentences(rng, P.BENEFITS, rng.randint(4, 6), ctx),
            "sasaran": P.sentences(rng, P.TARGETS, rng.randint(2, 4), ctx),
        },
        "landasan": {
            "metode": P.prose(P.paragraph(rng, P.METHODS_INTRO, 5, ctx),
                              *[P.paragraph(rng, P.METHOD_TEXT[m], 4, ctx) for m in methods]),
            "tahapan": P.prose(P.paragraph(rng, P.STAGES_TEXT, 7, ctx)),
            "peran": P.prose(P.paragraph(rng, P.ROLES_TEXT, 4, ctx)),
            "tinjauan_konseptual": [{"judul": t, "isi": P.prose(first + " " + P.paragraph(rng, P.CONCEPT_EXTRA, 3, ctx))}
                                    for t, first in cluster.concepts],
            "regulasi": [{"nama": cluster.regulation[0], "uraian": cluster.regulation[1]},
                         {"nama": "Undang-Undang Nomor 14 Tahun 2019 tentang Pekerja Sosial",
                          "uraian": "Mengatur praktik pekerja sosial, standar kompetensi, dan kewajiban menjaga kode etik."}],
        },
        "institusi": {
            "nama": institution, "setting": setting.code,
            "alamat": f"{rng.choice(STREETS)}, Kecamatan {district}, {regency}",
            "gambaran_umum": _plant(P.prose(P.paragraph(rng, P.INSTITUTION_OVERVIEW, 5, ctx)), plant["pelayanan"]),
            "profil": [{"judul": t, "isi": P.prose(P.paragraph(rng, bank, 3, ctx))} for t, bank in P.PROFILE_SECTIONS],
            "program": [{"nama": name, "uraian": text} for name, text in rng.sample(setting.programmes, rng.randint(2, 4))],
            "penerima_manfaat": {
                "uraian": P.prose(P.paragraph(rng, P.BENEFICIARY_TEXT, 4, ctx)),
                "tabel": {"judul": f"Penerima manfaat {institution} tahun {year}", "kolom": list(setting.beneficiary_columns),
                          "baris": _beneficiary_rows(rng, setting.beneficiary_columns, villages), "sumber": f"Data {institution} ({year})"},
            },
        },
        "klien": {
            "kode": code, "jenis_kelamin": sex,
            **({"usia": age} if rng.random() < 0.85 else {"kelompok_usia": f"{age // 10 * 10}–{age // 10 * 10 + 9} tahun"}),
            "agama": ctx["religion"], "pendidikan": schooling(age, rng.choice(EDUCATION if age >= 18 else ["SD", "SMP"])),
            "suku": ctx["ethnicity"], "status_perkawinan": "Belum menikah" if age < 22 else rng.choice(["Menikah", "Belum menikah", "Cerai mati"]),
            "pekerjaan": client_role(rng.choice(cluster.roles), rng.randint(4, 9), age, setting.code),
            "domisili": f"Desa {village}, Kecamatan {district}, {regency}", "klaster": clusters,
            **({"disabilitas": cluster.disability} if cluster.disability else {}),
        },
        "tahapan": _stages(rng, tl, ctx, code, student, whom_first),
        "persetujuan": {
            "tanggal": written(tl.contract), "tempat": institution,
            "penanda_tangan": f"Wali atau pengasuh klien {code}" if minor else f"Klien {code}",
            "cara_penjelasan": "Isi persetujuan dijelaskan dengan bahasa sederhana, termasuk hak klien untuk berhenti kapan saja.",
            "butir": [{"pernyataan": s, "setuju": True} for s in [
                "Bersedia memberi informasi tentang diri dan keluarga untuk keperluan pendampingan.",
                "Informasi boleh dicatat dan didokumentasikan oleh praktikan.",
                "Informasi hanya dipakai secara anonim untuk keperluan laporan praktikum."]]
                     + [{"pernyataan": "Foto kegiatan boleh dipublikasikan.", "setuju": rng.random() < 0.5}],
        },
        "wawancara": [
            {"kegiatan": f"Wawancara dengan {who}", "tanggal": written(day), "waktu": time_range(rng),
             "hasil": rng.choice(["Gambaran masalah klien dari sudut pandang informan.", "Riwayat kegiatan klien di lembaga.",
                                  "Potensi dan sumber di sekitar klien.", "Fakta pendukung tentang relasi klien."])}
            for who, day in zip([f"klien {code}", setting.staff_role.lower(), "keluarga klien", "tetangga klien", "teman dekat klien"],
                                tl.interviews)
        ],
        "asesmen": assessment,
        "konferensi_kasus": [
            {"kode": "CC1", "tanggal": written(tl.conference), "waktu": time_range(rng, 9, 14), "tempat": institution,
             "peserta": ["Praktikan", "Dosen pembimbing", f"{setting.staff_role} {institution}"],
             "agenda": "Pembahasan hasil asesmen dan rancangan rencana intervensi.",
             "hasil": ["Fokus masalah disepakati.", f"Metode {method_labels} dipilih.", "Rencana intervensi diperbaiki sesuai masukan."]},
        ] + ([{"kode": "CC2", "tanggal": written(tl.conference_2), "tempat": institution, "peserta": ["Praktikan", "Dosen pembimbing"],
               "agenda": "Pemantauan pelaksanaan intervensi.", "hasil": ["Jadwal sesi berikutnya disesuaikan."]}]
             if rng.random() < 0.5 else []),
        "rencana_intervensi": {
            "tanggal_mulai": written(tl.plan[0]), "tanggal_selesai": written(tl.plan[1]),
            "proses": P.prose(P.paragraph(rng, P.PLAN_PROCESS, 4, ctx)),
            "nama_program": f"Program Penguatan Klien {code}: {themes[0][1]}",
            "tujuan_program": f"Mengatasi {focus[0].lower() + focus[1:].rstrip('.')}",
            "sasaran": [f"Klien {code}"] + (["Anggota kelompok"] if "groupwork" in methods else []) + (["Keluarga klien"] if rng.random() < 0.5 else []),
            "kegiatan": activities,
        },
        "intervensi": {"uraian": P.prose(P.paragraph(rng, P.INTERVENTION_OVERVIEW, 3, ctx)), "sesi": sessions},
        "evaluasi": {
            "tanggal": written(tl.evaluation), "uraian": P.prose(P.paragraph(rng, P.EVALUATION_OVERVIEW, 3, ctx)),
            "evaluasi_proses": [{"tahap": stage, "uraian": rng.choice(texts)} for stage, texts in P.PROCESS_EVAL.items()],
            "hasil": [{"aspek": f"Aspek {k + 1}: {t[1]}", "sebelum": s, "sesudah": _after(tas_score, t[1])}
                      for k, (t, s) in enumerate(zip(themes, rng.sample(cluster.symptoms, len(themes))))],
            "faktor_pendukung": rng.sample(["Klien termotivasi untuk berubah.", "Dukungan pendamping lapangan.", "Keluarga terlibat aktif.",
                                            "Sarana lembaga memadai."], 2),
            "faktor_penghambat": rng.sample(["Jadwal klien padat.", "Waktu praktikum terbatas.", "Cuaca mengganggu beberapa sesi.",
                                             "Klien sempat sakit."], 2),
            "tas": {"tugas": tas_tasks, "skor": tas_score, "batas_berhasil": 3},
            **({"gas": gas} if has_gas else {}),
        },
        "terminasi": {"tanggal": written(tl.termination), "waktu": time_range(rng), "tempat": activity_places[0], "praktikan": student,
                      "proses": P.prose(P.paragraph(rng, P.TERMINATION, 4, ctx)),
                      "hasil": ["Kontrak dengan klien diakhiri.", "Klien mengetahui pihak yang dapat dihubungi untuk bantuan lanjutan."]},
        "rujukan": [{"kepada": f"{setting.staff_role} {institution}", "tanggal": written(tl.referral),
                     "alasan": "Klien masih membutuhkan pemantauan setelah masa praktikum berakhir.",
                     "tindak_lanjut": ["Memantau perkembangan klien setiap bulan.", "Melibatkan klien dalam program lembaga yang sesuai."]}],
        "praktik_baik": {
            "integrasi": P.prose(P.paragraph(rng, P.INTEGRATION, 4, ctx)),
            "capaian_terbaik": rng.choice(P.BEST),
            "refleksi": _plant(P.prose(P.paragraph(rng, P.REFLECTION, 4, ctx)), plant["pembelajaran"]),
            "dilema_etik": [{"dilema": d, "solusi": s} for d, s in rng.sample(P.DILEMMAS, rng.randint(1, 2))],
            "kegiatan_lain": [{"nama": n, "uraian": u, "tanggal": written(rng.choice(photo_days))}
                              for n, u in rng.sample(P.OTHER_ACTIVITIES, rng.randint(1, 3))],
            "tantangan": rng.sample(P.CHALLENGES, 3),
        },
        "simpulan": {"simpulan": P.prose(P.paragraph(rng, P.CONCLUSION, 5, ctx)), "rekomendasi": P.sentences(rng, P.RECOMMENDATIONS, 3, ctx)},
        "pustaka": draw_references(rng, methods, tools, cluster.regulation[0], institution, year),
        "lampiran": {
            "surat": [{"judul": "Surat Keterangan Praktikum", "nomor": f"{rng.randint(100, 999)}/SK-PR/{_roman(tl.letter.month)}/{tl.letter.year}",
                       "tanggal": written(tl.letter), "dari": institution, "perihal": "Penerimaan mahasiswa praktikum",
                       "isi": f"{institution} menerima {len(roster)} mahasiswa {campus.short} untuk melaksanakan praktikum mulai {plain(tl.start)}."}],
            "daftar_hadir": {"judul": f"Daftar Hadir Praktikum di {institution}", "jumlah_minggu": weeks,
                             "baris": [{"nama": name, "nrp": str(nrp_base + i + 1), "hadir": [rng.random() < 0.95 for _ in range(weeks)]}
                                       for i, name in enumerate(roster)],
                             "ketua_kelompok": rng.choice(roster)},
            "dokumentasi": [
                {"berkas": f"media/{name}", "keterangan": f"{PHOTOS[name]} saat pendampingan klien {code}",
                 "tanggal": written(rng.choice(photo_days)), **({"bagian": sec} if (sec := rng.choice(PHOTO_SECTIONS)) else {}),
                 "izin_publikasi": rng.random() < 0.6, "wajah_terlihat": rng.random() < 0.3, "anak": minor and rng.random() < 0.7}
                for name in photos],
            "lainnya": [{"judul": "Jadwal kegiatan intervensi",
                         "isi": "\n".join(f"- {written(s)}: {sessions[i]['judul']}" for i, s in enumerate(tl.sessions)) + "\n"}],
        },
    }
    if not complete:  # a report still owing a part of the campus structure (casebook check --rinci: belum terisi)
        data["praktik_baik"].pop("tantangan")
    gas_mean = sum(g["skor"] for g in gas) / len(gas)
    facets = {
        "tahun": year, "semester": tl.semester, "jenis_praktikum": kind, "kampus": campus.name, "program_studi": programme,
        "institusi": institution, "setting": setting.code, "klaster": clusters, "metode": methods,
        "tipe_kelompok": sorted({a["tipe_kelompok"] for a in activities if "tipe_kelompok" in a}),
        "teknik": sorted({t for a in activities for t in a["teknik"]}), "alat_asesmen": tools,
        "jumlah_sesi": n_sessions, "skor_tas": tas_score, "rata_rata_gas": round(gas_mean, 2) if has_gas else None,
        "skor_gas": [g["skor"] for g in gas] if has_gas else [], "batas_berhasil": 3,
        "pita_capaian": facets_band, "jumlah_foto": len(photos),
        "usia": age, "pembimbing": supervisor,
        "foto_izin_publikasi": sum(1 for p in data["lampiran"]["dokumentasi"] if p["izin_publikasi"]),
        "draf": "tanggal_disetujui" not in data["pengesahan"],
    }
    if kind == "komunitas":  # a community practicum has a target group in a village, not an individual client
        from macros.synth.community import as_community

        as_community(rng, data, facets, code=code, codes=codes, primary=primary, village=village, district=district,
                     regency=regency, tl=tl)
    else:
        facets["subjek"] = "individu"
    slug = f"{code.lower()}-{_slug_word(institution)}-{year}-{index + 1:04d}"
    intro = (f"Bab ini menguraikan pendampingan klien {code} di {institution}, dari engagement pada "
             f"{plain(tl.engagement[0])} sampai terminasi pada {plain(tl.termination)}, dengan {method_labels}.")
    return SynthReport(slug, data, facets, probes, photos, intro)


def _slug_word(institution: str) -> str:
    words = [w for w in institution.lower().replace("-", " ").split() if w.isalpha() and w not in {
        "pt", "desa", "sentra", "terpadu", "panti", "sosial", "balai", "rehabilitasi", "rumah", "sakit", "umum", "jiwa",
        "yayasan", "lembaga", "karang", "taruna", "kelompok", "swadaya", "masyarakat", "slb", "smp", "smk", "sekolah", "dasar",
        "rsud", "tresna", "werdha", "asuhan", "kesejahteraan", "perlindungan", "anak", "aman", "pemasyarakatan"}]
    return words[0] if words else "lembaga"


def _roman(month: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][month - 1]


def _after(score: int, activity: str) -> str:
    if score >= 3:
        return f"Klien menguasai {activity.lower()} dan menjalankannya secara mandiri."
    if score == 2:
        return f"Klien menjalankan sebagian {activity.lower()} dengan bantuan."
    return f"Perubahan pada {activity.lower()} belum tampak; klien masih memerlukan pendampingan."


def _stages(rng: random.Random, tl, ctx: dict, code: str, student: str, whom_first: str) -> list[dict]:
    records = []
    plan = [("engagement", f"Engagement bersama {whom_first}", tl.engagement[0], whom_first),
            ("engagement", f"Engagement dengan klien {code}", tl.engagement[1], f"klien {code}"),
            ("intake", f"Intake bersama klien {code}", tl.intake, f"klien {code}"),
            ("kontrak", "Kontrak dan informed consent", tl.contract, f"klien {code}")]
    for stage, title, day, whom in plan:
        local = dict(ctx, whom=whom)
        records.append({
            "tahap": stage, "judul": title, "tanggal": written(day), "waktu": time_range(rng),
            "media": rng.choice(["Tatap muka", "Tatap muka", "WhatsApp, dilanjutkan tatap muka", "Telepon"]),
            "pihak": [whom[0].upper() + whom[1:]], "praktikan": student,
            "teknik": rng.sample(["small_talk", "listening", "support", "clarification", "giving_information"], 2),
            "proses": P.prose(P.paragraph(rng, P.STAGE_PROCESS[stage], 3, local)),
            "hasil": [rng.choice(["Relasi awal terbangun.", "Calon klien bersedia bertemu kembali.", "Informasi awal diperoleh."])]
                     if stage == "engagement" else
                     ["Klien bersedia mengikuti proses pertolongan."] if stage == "intake" else
                     ["Kontrak disepakati dan formulir persetujuan ditandatangani."],
        })
    return records


_ECOMAP = [
    ("keluarga_inti", "Keluarga inti", "keluarga"), ("saudara", "Saudara kandung", "keluarga"), ("tetangga", "Tetangga", "tetangga"),
    ("teman", "Teman dekat", "teman"), ("puskesmas", "Puskesmas", "kesehatan"), ("tempat_ibadah", "Tempat ibadah", "keagamaan"),
    ("kelompok_warga", "Kelompok warga", "kelompok"), ("sekolah", "Sekolah", "pendidikan"), ("dinas_sosial", "Dinas Sosial", "lembaga"),
    ("pekerjaan", "Tempat kerja", "pekerjaan"),
]


def _ecomap(rng: random.Random, institution: str, staff_role: str) -> list[dict]:
    chosen = rng.sample(_ECOMAP, rng.randint(4, 6))
    systems = [{"id": "lembaga", "nama": institution, "jenis": "lembaga", "hubungan": rng.choice(["kuat", "lemah"]),
                "arah": "ke_klien", "keterangan": f"Didampingi oleh {staff_role.lower()}"}]
    for ident, name, kind in chosen:
        relation = rng.choices(["kuat", "lemah", "stres"], weights=[3, 2, 1])[0]
        systems.append({"id": ident, "nama": name, "jenis": kind, "hubungan": relation,
                        "arah": rng.choice(["ke_klien", "dari_klien", "dua_arah"]),
                        "keterangan": {"kuat": "Hubungan dekat dan saling mendukung", "lemah": "Jarang berinteraksi",
                                       "stres": "Hubungan menimbulkan tekanan bagi klien"}[relation]})
    return systems


def _genogram(rng: random.Random, code: str, sex: str, age: int) -> dict:
    father_age, mother_age = age + rng.randint(24, 34), age + rng.randint(20, 30)
    members = [
        {"id": "kakek", "label": "Kakek", "jenis_kelamin": "laki-laki", "meninggal": rng.random() < 0.6},
        {"id": "nenek", "label": "Nenek", "jenis_kelamin": "perempuan", "meninggal": rng.random() < 0.4},
        {"id": "ayah", "label": "Ayah", "jenis_kelamin": "laki-laki", "usia": min(father_age, 110), "ayah": "kakek", "ibu": "nenek",
         "meninggal": rng.random() < 0.25, "serumah": age < 25},
        {"id": "ibu", "label": "Ibu", "jenis_kelamin": "perempuan", "usia": min(mother_age, 110), "serumah": age < 25},
        {"id": "klien", "label": code, "jenis_kelamin": sex, "usia": age, "indeks": True, "ayah": "ayah", "ibu": "ibu", "serumah": True},
    ]
    for k in range(rng.randint(0, 2)):
        members.append({"id": f"saudara_{k + 1}", "label": f"Saudara {k + 1}", "jenis_kelamin": rng.choice(["laki-laki", "perempuan"]),
                        "usia": max(1, age + rng.choice([-5, -3, 2, 4])), "ayah": "ayah", "ibu": "ibu", "serumah": rng.random() < 0.5})
    couples = [{"a": "kakek", "b": "nenek", "status": "menikah"},
               {"a": "ayah", "b": "ibu", "status": rng.choice(["menikah", "menikah", "pisah", "cerai"])}]
    return {"anggota": members, "pasangan": couples}


_STRENGTHS = {
    ("personal", "kelebihan"): ["Bersemangat mencoba hal baru", "Ramah kepada orang lain", "Bertanggung jawab atas tugasnya",
                                "Tekun dalam berlatih", "Mudah menerima masukan"],
    ("personal", "kekurangan"): ["Mudah cemas", "Ragu mengambil keputusan", "Cepat menyerah bila gagal", "Sulit memulai percakapan"],
    ("lingkungan", "kelebihan"): ["Keluarga yang suportif", "Pendamping lembaga yang peduli", "Tetangga yang saling membantu",
                                  "Tersedia kegiatan kelompok di lembaga"],
    ("lingkungan", "kekurangan"): ["Akses transportasi terbatas", "Stigma dari sebagian warga", "Penghasilan keluarga tidak tetap",
                                   "Jarak rumah jauh dari fasilitas umum"],
}


def _strengths(rng: random.Random) -> list[dict]:
    items = []
    for (domain, kind), bank in _STRENGTHS.items():
        for text in rng.sample(bank, rng.randint(1, 3)):
            items.append({"uraian": text, "ranah": domain, "sifat": kind})
    return items


def _beneficiary_rows(rng: random.Random, columns: tuple[str, ...], villages: list[str]) -> list[list[str]]:
    first = {"Desa binaan": villages, "Dusun": ["Dusun I", "Dusun II", "Dusun III"], "Kategori": ["Anak", "Remaja", "Dewasa", "Lansia"],
             "Kelas": ["Kelas VII", "Kelas VIII", "Kelas IX"], "Unit": ["Penyakit dalam", "Anak", "Jiwa", "Saraf"],
             "Kategori kasus": ["Kekerasan fisik", "Kekerasan psikis", "Penelantaran", "NAPZA"]}[columns[0]]
    rows = []
    for label in first:
        if columns[1] == "Kelompok":
            rows.append([label, rng.choice(["Kelompok tani", "Kelompok pengrajin", "Bank sampah", "Usaha olahan"]), str(rng.randint(8, 40))])
        else:
            rows.append([label, str(rng.randint(5, 300)), str(rng.randint(5, 300))])
    return rows
