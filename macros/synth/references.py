"""Daftar pustaka: standard social-work literature, the cluster's law, the institution's profile."""

from __future__ import annotations

import random

CORE = [
    {"jenis": "buku", "penulis": ["Siporin, M."], "tahun": 1975, "judul": "Introduction to social work practice", "penerbit": "Macmillan", "kota": "New York"},
    {"jenis": "buku", "penulis": ["Compton, B. R.", "Galaway, B."], "tahun": 1999, "judul": "Social work processes", "penerbit": "Brooks/Cole", "kota": "Pacific Grove"},
    {"jenis": "buku", "penulis": ["Sheafor, B. W.", "Horejsi, C. R."], "tahun": 2003, "judul": "Techniques and guidelines for social work practice", "penerbit": "Allyn and Bacon", "kota": "Boston"},
    {"jenis": "buku", "penulis": ["Kirst-Ashman, K. K.", "Hull, G. H."], "tahun": 2012, "judul": "Understanding generalist practice", "penerbit": "Brooks/Cole", "kota": "Belmont"},
    {"jenis": "buku", "penulis": ["Zastrow, C."], "tahun": 2008, "judul": "Introduction to social work and social welfare", "penerbit": "Thomson Brooks/Cole", "kota": "Belmont"},
    {"jenis": "buku", "penulis": ["Payne, M."], "tahun": 2014, "judul": "Modern social work theory", "penerbit": "Palgrave Macmillan", "kota": "Basingstoke"},
]
BY_METHOD = {
    "groupwork": [
        {"jenis": "buku", "penulis": ["Garvin, C. D."], "tahun": 1987, "judul": "Contemporary group work", "penerbit": "Prentice-Hall", "kota": "Englewood Cliffs"},
        {"jenis": "buku", "penulis": ["Toseland, R. W.", "Rivas, R. F."], "tahun": 2017, "judul": "An introduction to group work practice", "penerbit": "Pearson", "kota": "Boston"},
    ],
    "community_organization": [
        {"jenis": "buku", "penulis": ["Ife, J.", "Tesoriero, F."], "tahun": 2006, "judul": "Community development: Community-based alternatives in an age of globalisation", "penerbit": "Pearson Education", "kota": "Sydney"},
    ],
    "casework": [
        {"jenis": "buku", "penulis": ["Perlman, H. H."], "tahun": 1957, "judul": "Social casework: A problem-solving process", "penerbit": "University of Chicago Press", "kota": "Chicago"},
    ],
}
BY_TOOL = {
    "ecomap": {"jenis": "jurnal", "penulis": ["Hartman, A."], "tahun": 1978, "judul": "Diagrammatic assessment of family relationships",
               "jurnal": "Social Casework", "volume": "59", "nomor": "8", "halaman": "465-476"},
    "genogram": {"jenis": "buku", "penulis": ["McGoldrick, M.", "Gerson, R."], "tahun": 1985, "judul": "Genograms in family assessment", "penerbit": "W. W. Norton", "kota": "New York"},
    "kuadran_kekuatan": {"jenis": "jurnal", "penulis": ["Cowger, C. D."], "tahun": 1994, "judul": "Assessing client strengths: Clinical assessment for client empowerment",
                         "jurnal": "Social Work", "volume": "39", "nomor": "3", "halaman": "262-268"},
}
SCALES = [
    {"jenis": "jurnal", "penulis": ["Kiresuk, T. J.", "Sherman, R. E."], "tahun": 1968, "judul": "Goal attainment scaling: A general method for evaluating comprehensive community mental health programs",
     "jurnal": "Community Mental Health Journal", "volume": "4", "nomor": "6", "halaman": "443-453"},
    {"jenis": "buku", "penulis": ["Reid, W. J.", "Epstein, L."], "tahun": 1972, "judul": "Task-centered casework", "penerbit": "Columbia University Press", "kota": "New York"},
]


def draw_references(rng: random.Random, methods: list[str], tools: list[str], regulation: str, institution: str, year: int) -> list[dict]:
    chosen = rng.sample(CORE, rng.randint(2, 4))
    for method in methods:
        chosen += BY_METHOD[method]
    chosen += [BY_TOOL[t] for t in tools if t in BY_TOOL] + SCALES
    chosen.append({"jenis": "regulasi", "penulis": ["Republik Indonesia"], "tahun": int(regulation.split("Tahun ")[1].split()[0]),
                   "judul": regulation})
    chosen.append({"jenis": "dokumen", "penulis": [institution], "tahun": year, "judul": f"Profil {institution}"})
    return [dict(entry) for entry in chosen]
