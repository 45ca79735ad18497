"""Every person a report names by a pseudonym code has their real identity in rahasia.yml.

The privacy gate can only prove that a real name is absent from what is published when it knows the name. An
institutional report has one client, recorded as `klien`; a laboratory report has several micro cases and a
group report several members, each a real person in a kelurahan where neighbours read the report (user test s23,
F8: "Ibu Siti Maemunah (78 tahun)" in a micro case was published, because no rahasia.yml existed). So each such
person without an entry in rahasia.yml is a located warning at their code: the student records the real name
there (never published, never committed) and the gate then looks for it everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.errors import Problem, Severity
from macros.privacy.secrets import SECRETS_FILE, recorded_codes
from macros.schema.types import PLACEHOLDER


def coded_people(case) -> Iterator[tuple[tuple, str, str]]:
    """(yaml path of the code, code, who) of every person of the report known only by a pseudonym code."""
    for index, micro in enumerate(case.micro_cases):
        yield ("kasus_mikro", index, "kode"), micro.code, f"kasus mikro {micro.code}"
    group = case.group
    for index, member in enumerate(group.members if group else []):
        code = getattr(member, "code", None)
        if code:
            yield ("kelompok_sasaran", "anggota", index, "kode"), code, f"anggota kelompok {code}"


def unrecorded_identities(loaded, locator) -> Iterator[Problem]:
    people = [p for p in coded_people(loaded.case) if not str(p[1]).startswith(PLACEHOLDER)]
    if not people:
        return
    codes = recorded_codes(loaded.folder)
    shown = f"cases/{loaded.slug}/{SECRETS_FILE}"
    if codes is None:  # no file: said once, at the first person, naming them all
        path, code, _ = people[0]
        listed = ", ".join(c for _, c, _ in people[:8]) + (", ..." if len(people) > 8 else "")
        yield locator.problem(path, f"laporan ini menyebut {len(people)} orang dengan kode samaran ({listed}), tetapi "
                                    f"belum ada {SECRETS_FILE} yang mencatat identitas aslinya, jadi Casebook tidak dapat "
                                    "memastikan nama asli mereka tidak ikut terbit",
                              f"buat {shown} berisi `orang_lain:` dengan satu butir per orang, misalnya "
                              f"`- {{kode: {code}, nama: <nama lengkap asli>}}`; berkas itu tidak pernah terbit dan "
                              "tidak di-commit (lihat halaman Privasi)", severity=Severity.WARNING)
        return
    for path, code, who in people:
        if code.strip().upper() not in codes:
            yield locator.problem(path, f"identitas asli {who} belum dicatat di {SECRETS_FILE}, jadi Casebook tidak dapat "
                                        "memastikan nama aslinya tidak ikut terbit",
                                  f"tambahkan `- {{kode: {code}, nama: <nama lengkap asli>}}` di bawah `orang_lain:` di "
                                  f"{shown}", severity=Severity.WARNING)
