"""Invented people, campuses and places. No name here belongs to a real report or client.

People are drawn from first-name and surname banks; clients never get a name at all,
only a pseudonym code (`klien.kode`), and group members appear by code too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST_NAMES = {
    "perempuan": ["Anisa", "Citra", "Dinda", "Eka", "Fitria", "Gita", "Hana", "Indah", "Intan", "Kartika", "Laras",
                  "Maya", "Nabila", "Nurul", "Kirana", "Ratna", "Rina", "Salsa", "Tiara", "Vina", "Wulan", "Yuni",
                  "Zahra", "Aulia", "Melati", "Sekar", "Ayu", "Nadira", "Puspa", "Rahma"],
    "laki-laki": ["Adi", "Bagas", "Candra", "Dimas", "Eko", "Fikri", "Galang", "Haris", "Ilham", "Joko", "Kurnia",
                  "Lukman", "Mahesa", "Naufal", "Oki", "Pandu", "Raka", "Satria", "Taufik", "Umar", "Wahyu", "Yoga",
                  "Zaki", "Aldo", "Bima", "Danu", "Gilang", "Irfan", "Rizal", "Tegar"],
}
SURNAMES = ["Permana", "Wijayanti", "Kusuma", "Saputri", "Hendrawan", "Nugraha", "Larasati", "Pratiwi", "Setiawan",
            "Maharani", "Ramadhan", "Siregar", "Simanjuntak", "Wibowo", "Anggraini", "Purnomo", "Sulistyo",
            "Rahayu", "Hutapea", "Utami", "Gunawan", "Sasmita", "Mulyana", "Hasibuan", "Firdaus", "Andriyani",
            "Prakoso", "Susanti", "Kurniawan", "Wardhani", "Tampubolon", "Syahputra", "Cahyani", "Nasution"]
LECTURER_TITLES = [("Dr. ", ", M.Si."), ("Drs. ", ", M.Pd."), ("", ", S.ST., M.Kesos."), ("Dr. ", ", M.P.S.Sp."),
                   ("", ", S.Sos., M.Si."), ("Dr. ", ", S.ST., M.Si."), ("", ", M.Sc., Ph.D.")]


@dataclass(frozen=True)
class Campus:
    name: str
    short: str
    city: str
    programmes: tuple[str, ...]


CAMPUSES = [
    Campus("Politeknik Kesejahteraan Sosial Bandung", "Poltekesos Bandung", "Bandung",
           ("Sarjana Terapan Pekerjaan Sosial", "Sarjana Terapan Rehabilitasi Sosial",
            "Sarjana Terapan Perlindungan dan Pemberdayaan Sosial")),
    Campus("Universitas Nusa Cendekia", "UNC", "Yogyakarta", ("Sarjana Kesejahteraan Sosial", "Sarjana Pekerjaan Sosial")),
    Campus("Sekolah Tinggi Ilmu Sosial Tanjung Harapan", "STISTH", "Makassar", ("Sarjana Pekerjaan Sosial",)),
    Campus("Universitas Lembah Hijau", "ULH", "Malang", ("Sarjana Ilmu Kesejahteraan Sosial", "Magister Pekerjaan Sosial")),
    Campus("Politeknik Sosial Samudra Timur", "PSST", "Ambon", ("Sarjana Terapan Pekerjaan Sosial",)),
]

# Regions where the institutions stand: (kabupaten/kota, [kecamatan], [desa/kelurahan]).
REGIONS = [
    ("Kabupaten Bandung Barat", ["Cisarua", "Lembang", "Parongpong"], ["Cikahuripan", "Sukaharja", "Jambudipa"]),
    ("Kabupaten Sumedang", ["Jatinangor", "Sukasari", "Cimanggung"], ["Cileles", "Margaluyu", "Sindangpakuon"]),
    ("Kabupaten Garut", ["Tarogong", "Bayongbong", "Samarang"], ["Cimanganten", "Mekarjaya", "Sukakarya"]),
    ("Kabupaten Karawang", ["Telukjambe", "Klari", "Purwasari"], ["Wadas", "Curug", "Tamelang"]),
    ("Kabupaten Wonosobo", ["Kertek", "Garung", "Mojotengah"], ["Reco", "Tegalsari", "Kalibeber"]),
    ("Kabupaten Sleman", ["Ngaglik", "Mlati", "Godean"], ["Sardonoharjo", "Tlogoadi", "Sidoagung"]),
    ("Kota Malang", ["Lowokwaru", "Blimbing", "Sukun"], ["Tunjungsekar", "Purwantoro", "Bandulan"]),
    ("Kabupaten Gowa", ["Somba Opu", "Pallangga", "Bontomarannu"], ["Tombolo", "Bontoala", "Romangloe"]),
    ("Kota Ambon", ["Sirimau", "Nusaniwe", "Baguala"], ["Batu Merah", "Amahusu", "Passo"]),
    ("Kabupaten Lombok Tengah", ["Praya", "Jonggat", "Pujut"], ["Gerantung", "Ubung", "Sengkol"]),
]

STREETS = ["Jalan Kenari Raya", "Jalan Cempaka", "Jalan Kenanga", "Jalan Pahlawan", "Jalan Merdeka Timur",
           "Jalan Veteran", "Jalan Anggrek", "Jalan Flamboyan", "Jalan Soekarno-Hatta", "Jalan Raya Desa"]

_CODE_LETTERS = "ABCDEFGHIJKLMNOPRSTUWYZ"


def person(rng: random.Random, sex: str | None = None) -> tuple[str, str]:
    """(full name, sex) of an invented adult."""
    sex = sex or rng.choice(["perempuan", "laki-laki"])
    return f"{rng.choice(FIRST_NAMES[sex])} {rng.choice(SURNAMES)}", sex


def lecturer(rng: random.Random) -> str:
    before, after = rng.choice(LECTURER_TITLES)
    return f"{before}{person(rng)[0]}{after}"


SUPERVISORS_PER_CAMPUS = 4


def supervisors(seed: int, campus: str) -> list[str]:
    """The lecturers who supervise practicum at a campus (same for every report of a seed)."""
    rng = random.Random(f"casebook-synth-dosen:{seed}:{campus}")
    found: list[str] = []
    while len(found) < SUPERVISORS_PER_CAMPUS:
        name = lecturer(rng)
        if name not in found:
            found.append(name)
    return found


# Codes that are words of an identity document to the privacy gate's patterns (macros/privacy/patterns.py):
# "TTL 15 Oktober" reads as a birth date. A student would not pick them; neither does synth.
RESERVED_CODES = frozenset({"TTL", "LHR", "NIK", "KTP", "KK", "RT", "RW", "TGL", "NO", "HP"})


def pseudonym(rng: random.Random, taken: set[str], length: int | None = None) -> str:
    """A code of capitals, never one already used in the same report, never an identity-document word."""
    while True:
        code = "".join(rng.choice(_CODE_LETTERS) for _ in range(length or rng.choice([1, 2, 2, 3])))
        if code not in taken and code not in RESERVED_CODES:
            taken.add(code)
            return code
