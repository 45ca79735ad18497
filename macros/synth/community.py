"""A synthetic community practicum report: a target group in a village, no individual client.

`as_community` turns the report `build_report` drew (dates, sessions, evaluation, facts) into the
community shape of macros/practicum.py: the group with members by pseudonym code, the village, the
agreement, participatory assessment tools, action plan and budget; the client, informed consent, BPSS
and case conferences go. Ages follow the group's cluster (no lansia group of 40-year-olds).
"""

from __future__ import annotations

import random

from macros.synth.domain import CLUSTERS, overlap
from macros.synth.names import pseudonym
from macros.synth.timeline import plain, written

GROUP_KINDS = {
    "pemberdayaan_masyarakat": ("Kelompok Usaha Bersama", "kelompok usaha ekonomi produktif"),
    "kemiskinan": ("Kelompok Usaha Bersama", "kelompok usaha ekonomi produktif keluarga prasejahtera"),
    "korban_bencana": ("Kelompok Siaga Bencana", "kelompok siaga bencana berbasis warga"),
    "kelompok_rentan": ("Kelompok Perempuan", "kelompok perempuan rawan sosial ekonomi"),
    "lansia": ("Kelompok Lansia", "kelompok lanjut usia"),
}
NAMES = ["Mekar", "Lestari", "Sauyunan", "Harapan", "Mandiri", "Sejahtera", "Rukun", "Makmur", "Berkah", "Tunas"]
STAGE_OF = {"engagement": "inisiasi_sosial", "intake": "pengorganisasian_sosial", "kontrak": "inisiasi_sosial",
            "asesmen": "asesmen_partisipatif", "rencana_intervensi": "perencanaan_partisipatif", "intervensi": "aksi_sosial",
            "evaluasi": "monitoring_evaluasi", "terminasi": "terminasi", "rujukan": "tindak_lanjut"}
INSTITUTIONS = ["Pemerintah Desa", "Kepala Dusun", "Puskesmas", "PKK", "Karang Taruna", "BUMDes", "Penyuluh Lapangan",
                "Majelis Taklim", "Posyandu", "Koperasi", "Dinas Sosial", "Tokoh Agama"]
ZONES = ["Permukiman", "Pekarangan", "Sawah", "Kebun", "Tepi sungai"]


def _age_bands(low: int, high: int) -> list[tuple[str, int, int]]:
    bands, start = [], max(low, 19)
    while start <= high:
        end = min(high, start + 9)
        bands.append((f"{start}–{end} tahun", start, end))
        start = end + 1
    return bands


def as_community(rng: random.Random, data: dict, facets: dict, *, code: str, codes: set[str], primary: str,
                 village: str, district: str, regency: str, tl) -> None:
    """Rewrite `data` and `facets` in place into a community practicum report."""
    cluster_code = primary if primary in GROUP_KINDS else "pemberdayaan_masyarakat"
    cluster = CLUSTERS[cluster_code]
    prefix, kind = GROUP_KINDS[cluster_code]
    name = f"{prefix} {rng.choice(NAMES)}"
    # A second cluster only where its ages meet the group's (a lansia group is no youth business group).
    extra = CLUSTERS["pemberdayaan_masyarakat"].ages
    clusters = [cluster_code] + (["pemberdayaan_masyarakat"] if cluster_code != "pemberdayaan_masyarakat"
                                 and overlap(cluster.ages, extra) else [])
    low, high = cluster.ages if len(clusters) == 1 else overlap(cluster.ages, extra)
    bands = _age_bands(max(low, 19), min(high, 75))
    n_members = rng.randint(8, 16)
    members = []
    composition = {band: [0, 0] for band, _, _ in bands}
    women_share = 0.85 if cluster_code == "kelompok_rentan" else 0.55
    for number in range(n_members):
        sex = "perempuan" if cluster_code == "kelompok_rentan" or rng.random() < women_share else "laki-laki"
        band = rng.choice(bands)[0]
        composition[band][0 if sex == "laki-laki" else 1] += 1
        role = ["Ketua", "Sekretaris", "Bendahara"][number] if number < 3 else "Anggota"
        members.append({"kode": pseudonym(rng, codes, 3), "peran": role, "jenis_kelamin": sex, "kelompok_usia": band})
    member_codes = [m["kode"] for m in members]
    village_name = village
    start_assess, end_assess = tl.assessment
    sessions = data["intervensi"]["sesi"]
    for session in sessions:
        session.pop("kegiatan", None)
        session["metode"] = "community_organization"
        session["anggota"] = rng.sample(member_codes, rng.randint(max(3, n_members // 2), n_members))
    activities = data["rencana_intervensi"]["kegiatan"]
    causes, effects = list(cluster.causes)[:6], list(cluster.impacts)[:6]
    needs = list(cluster.needs)
    votes = sorted(rng.sample(range(1, n_members + 1), min(len(needs), n_members)), reverse=True)
    items = [("Bahan pelatihan", rng.randint(5, 30), "paket", rng.choice([25000, 40000, 75000])),
             ("Konsumsi pertemuan", n_members * rng.randint(2, 4), "kotak", rng.choice([12000, 15000, 20000])),
             ("Alat tulis dan buku kas", 1, "paket", rng.choice([80000, 120000])),
             ("Transport narasumber", rng.randint(1, 3), "kali", rng.choice([100000, 150000]))]
    budget = [{"uraian": what, "volume": volume, "satuan": unit, "harga_satuan": price,
               "sumber_dana": rng.choice(["Swadaya kelompok", "Dana desa"])} for what, volume, unit, price in items]
    total = sum(b["volume"] * b["harga_satuan"] for b in budget)
    stage_dates = [("inisiasi_sosial", tl.engagement[0], "Perkenalan dengan pemerintah desa dan tokoh masyarakat"),
                   ("pengorganisasian_sosial", tl.intake, "Pembentukan tim kerja masyarakat"),
                   ("perencanaan_partisipatif", tl.plan[0], "Lokakarya perencanaan bersama kelompok"),
                   ("monitoring_evaluasi", tl.evaluation, "Monitoring kegiatan bersama tim kerja masyarakat"),
                   ("tindak_lanjut", tl.referral, "Penyerahan rencana tindak lanjut kepada desa")]
    process = data["asesmen"]["proses"]  # with any planted search probe: it travels with the assessment text
    data["laporan"]["judul"] = f"Pemberdayaan {name} di Desa {village_name}, Kecamatan {district}"
    data["laporan"]["ringkasan"] = (f"{name} ({n_members} anggota) di Desa {village_name} bersama praktikan menjalani "
                                    f"inisiasi sosial, asesmen partisipatif, perencanaan dan aksi sosial dalam "
                                    f"{len(sessions)} pertemuan.\n")
    for key in ("klien", "persetujuan", "asesmen", "konferensi_kasus", "rencana_intervensi", "wawancara"):
        data.pop(key, None)
    data["komunitas"] = {
        "jenis_wilayah": "desa", "nama": village_name, "kecamatan": district, "kabupaten": regency,
        "wilayah_sasaran": [f"Dusun {rng.choice(['Kaler', 'Kidul', 'Wetan', 'Kulon', 'Tengah'])}"],
        "jumlah_kk": rng.randint(400, 1800),
        "penduduk": [{"kelompok_usia": band, "laki_laki": rng.randint(150, 900), "perempuan": rng.randint(150, 900)}
                     for band in ("0–18 tahun", "19–59 tahun", "60 tahun ke atas")],
        "mata_pencaharian": [{"jenis": j, "jumlah": rng.randint(50, 900)} for j in rng.sample(
            ["Petani", "Buruh tani", "Pedagang", "Peternak", "Karyawan swasta", "Pembudidaya ikan"], 3)],
        # No PPKS table: its caption says "Pelayanan", and `layanan` is a search probe's root (probes.py) that
        # the manifest counts only where the generator planted it.
        "psks": [{"jenis": "Karang Taruna", "jumlah": 1, "satuan": "lembaga"},
                 {"jenis": "Pekerja Sosial Masyarakat", "jumlah": rng.randint(1, 6), "satuan": "orang"}],
        "sumber_data": f"Profil Desa {village_name} {tl.start.year}",
        "klaster": clusters,
    }
    data["kelompok_sasaran"] = {
        "nama": name, "kode": code, "jenis": kind, "klaster": clusters,
        "komposisi": [{"kelompok_usia": band, "laki_laki": men, "perempuan": women}
                      for band, (men, women) in composition.items() if men or women],
        "anggota": members,
    }
    data["tahapan"] = [{"tahap": stage, "judul": title, "tanggal": written(day),
                        "proses": f"{title} pada {plain(day)}.\n", "hasil": [f"{title} terlaksana."]}
                       for stage, day, title in stage_dates]
    data["kesepakatan"] = {"tanggal": written(tl.contract), "bentuk": "Berita acara pertemuan kelompok",
                           "pihak": [f"{member_codes[0]} (ketua kelompok)", "Kepala dusun"],
                           "butir": ["Pertemuan kelompok sekali seminggu.", "Anggota disebut dengan kode dalam laporan."]}
    data["asesmen_partisipatif"] = {
        "tanggal_mulai": written(start_assess), "tanggal_selesai": written(end_assess), "proses": process,
        "transek": {"judul": f"Transek Desa {village_name}", "zona": ZONES[:3],
                    "aspek": [{"aspek": a, "isi": [rng.choice(v) for _ in range(3)]} for a, v in (
                        ("Potensi", ["Lahan kosong", "Tenaga kerja", "Hasil kebun", "Air cukup"]),
                        ("Masalah", ["Akses jalan sulit", "Air berkurang saat kemarau", "Hama", "Harga jual rendah"]))]},
        "diagram_venn": {"judul": f"Diagram Venn Kelembagaan {name}", "lembaga": [
            {"nama": n, "kepentingan": rng.choice(["besar", "sedang", "kecil"]), "kedekatan": rng.choice(["dekat", "sedang", "jauh"])}
            for n in rng.sample(INSTITUTIONS, rng.randint(4, 9))]},
        "pohon_masalah": {"judul": f"Pohon Masalah {name}", "masalah_inti": data["evaluasi"]["hasil"][0]["sebelum"],
                          "penyebab": causes, "akibat": effects},
        "peringkat_kebutuhan": {"judul": "Peringkat Kebutuhan Hasil MPA", "metode": "mpa", "pemilih": n_members,
                                "butir": [{"uraian": need, "suara": vote} for need, vote in zip(needs, votes)]},
    }
    data["rencana_aksi"] = [{"kegiatan": a["nama"], "tujuan": a["tujuan"]["uraian"].replace(f"Klien {code}", "Anggota kelompok"),
                             "sasaran": f"{n_members} anggota", "waktu": plain(tl.sessions[0]), "tempat": a["tempat"],
                             "penanggung_jawab": member_codes[0], "sumber_dana": "Swadaya kelompok"} for a in activities]
    data["anggaran"] = {"judul": f"Rencana Anggaran Biaya {name}", "butir": budget, "total": total}
    data["daftar_hadir_peserta"] = {"judul": f"Daftar Hadir {name}", "pertemuan": [
        {"tanggal": s["tanggal"], "kegiatan": s["judul"], "hadir": s["anggota"]} for s in sessions[:6]]}
    evaluation = data["evaluasi"]
    for row in evaluation["evaluasi_proses"]:
        row["tahap"] = STAGE_OF.get(row["tahap"], row["tahap"])
    evaluation["evaluasi_proses"] = list({row["tahap"]: row for row in evaluation["evaluasi_proses"]}.values())
    for row in evaluation["hasil"]:
        row["sesudah"] = row["sesudah"].replace("Klien", "Kelompok").replace("klien", "kelompok")
    data["terminasi"]["hasil"] = ["Pendampingan kelompok diakhiri.", "Tim kerja masyarakat melanjutkan pertemuan rutin."]
    for photo in data["lampiran"]["dokumentasi"]:
        photo["keterangan"] = photo["keterangan"].split(" saat ")[0] + f" saat kegiatan {name}"
    # The community BAB III names the partner institution with its overview and programmes only: the address,
    # profile and beneficiaries of an institutional report would be filled data that no page prints (a check warning).
    for key in ("alamat", "profil", "penerima_manfaat"):
        data["institusi"].pop(key, None)
    facets.update({"klaster": clusters, "usia": None, "subjek": "kelompok",
                   "alat_asesmen": ["transek", "diagram_venn", "pohon_masalah", "mpa"],
                   "metode": ["community_organization"], "tipe_kelompok": []})

