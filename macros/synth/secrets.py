"""An invented `rahasia.yml` for every synthetic report, as a real report has one.

A campus archive's reports each list the real people behind their pseudonym codes, and the privacy gate looks for
every one of those strings in every shared page of the site (macros/privacy/gate.py): an archive of 1,000 reports
carries some 10,000 of them. Synthetic reports without this file made the archive benchmark measure an archive no
campus has. The people here are invented from banks of their own (names no synthetic page prints: a "real" name
must never be in the report's own text, or the gate rightly refuses it), and so are their numbers.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from macros.privacy.own_text import own_word
from macros.privacy.secrets import initials_of
from macros.synth.names import FIRST_NAMES, SURNAMES

# Older given names and family names, apart from the students' and lecturers' banks (names.py).
REAL_GIVEN = ["Sumarni", "Warsinah", "Karta", "Dadang", "Engkus", "Iyeh", "Juju", "Oneng", "Sukarsih", "Tarsih",
              "Wawan", "Ujang", "Endang", "Cucu", "Euis", "Nanang", "Yayat", "Oom", "Entin", "Aceng", "Marni", "Painem",
              "Sarijo", "Tukiyem", "Wagiman", "Sumirah", "Kasiyem", "Paijo", "Ngatini", "Suparjo", "Rohimah", "Halimah",
              "Mulyadi", "Saripah", "Jamilah", "Darsono", "Sukirno", "Maemunah", "Rukmini", "Tasripin"]
REAL_FAMILY = ["Sumantri", "Kartawijaya", "Suryadi", "Hidayat", "Sukmana", "Rusmana", "Wiratmaja", "Sopandi",
               "Komarudin", "Suherman", "Sudrajat", "Mulyono", "Wiryono", "Partini", "Sastrodiharjo", "Harjono",
               "Somantri", "Kusnadi", "Rukmana", "Sanusi", "Jaelani", "Sutisna", "Marzuki", "Basuki"]
assert not set(REAL_GIVEN) & {n for names in FIRST_NAMES.values() for n in names} and not set(REAL_FAMILY) & set(SURNAMES)
STREETS = ["Jl. Cempaka", "Jl. Flamboyan", "Gg. Mawar", "Jl. Kenanga", "Gg. Melati", "Jl. Sukamaju", "Jl. Pasirluhur"]
RELATIVES = ["ibu klien", "ayah klien", "kakak klien", "adik klien", "nenek klien", "paman klien", "anak klien"]
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


def secrets_yaml(seed: int, index: int, data: dict, text: str) -> str:
    """rahasia.yml for the report `data` whose published sources are `text` (kasus.yml and its pages). Each person's
    initials are chosen apart from every capitalised word of the text, as a real student's codes are."""
    rng = random.Random(f"casebook-synth-rahasia:{seed}:{index}")
    taken = set(_CAPITALS.findall(text))
    used: set[str] = set()
    year = int(str(data["laporan"].get("tahun") or data["laporan"].get("tahun_akademik", "2024"))[:4])

    def person(code: str | None, role: str | None, age: int | None = None) -> dict:
        for _ in range(200):
            name = f"{rng.choice(REAL_GIVEN)} {rng.choice(REAL_FAMILY)}"
            initials = initials_of(name)
            # Not a capitalised word of the text, nor one of Casebook's own words (`RW`, `SK`): initials that
            # cannot be looked for in the output are a warning in check, and a real student picks no such name.
            if name not in used and initials not in taken and not own_word(initials) and name.split()[0] not in text:
                break
        used.add(name)
        taken.add(initials_of(name))
        entry = {"nama": name}
        if code:
            entry["kode"] = code
        if role:
            entry["peran"] = role
        entry["nik"] = "32" + "".join(str(rng.randrange(10)) for _ in range(14))
        entry["telepon"] = ["08" + str(rng.choice([12, 13, 21, 52, 57, 77, 96])) + "".join(str(rng.randrange(10)) for _ in range(8))]
        entry["alamat"] = f"{rng.choice(STREETS)} No. {rng.randint(3, 140)}, RT {rng.randint(1, 9):02d}/RW {rng.randint(1, 12):02d}"
        born = dt.date(year - (age if age is not None else rng.randint(25, 70)), rng.randint(1, 12), rng.randint(1, 28))
        entry["tanggal_lahir"] = born.isoformat()
        return entry

    lines = ["# Identitas REKAAN untuk laporan sintetis (casebook synth): tidak pernah terbit."]
    client = data.get("klien")
    if isinstance(client, dict) and client.get("kode"):
        age = client.get("usia") if isinstance(client.get("usia"), int) else None
        lines.append("klien: " + _flow(person(client["kode"], None, age)))
    others = []
    group = data.get("kelompok_sasaran")
    if isinstance(group, dict):
        others += [person(member["kode"], member.get("peran")) for member in group.get("anggota", []) if member.get("kode")]
    else:
        others += [person(None, rng.choice(RELATIVES)) for _ in range(rng.randint(1, 3))]
    if others:
        lines.append("orang_lain:")
        lines += [f"  - {_flow(other)}" for other in others]
    return "\n".join(lines) + "\n"


def _flow(entry: dict) -> str:
    def value(item):
        return "[" + ", ".join(value(i) for i in item) + "]" if isinstance(item, list) else f'"{item}"'
    return "{" + ", ".join(f"{key}: {value(item)}" for key, item in entry.items()) + "}"
