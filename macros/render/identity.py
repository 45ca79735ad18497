"""Client identity table (BAB IV, Identitas Klien)."""

from __future__ import annotations

from macros.render.html import table
from macros.schema.client import Klien
from macros.vocabulary import Vocabulary


def identity_rows(client: Klien, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """Label/value pairs in the order campus reports list them; empty fields are left out."""
    age = f"{client.age} tahun" if client.age is not None else client.age_band
    rows = [
        ("Kode klien", client.code),
        ("Jenis kelamin", client.sex.capitalize()),
        ("Usia", age),
        ("Agama", client.religion),
        ("Pendidikan terakhir", client.education),
        ("Suku", client.ethnicity),
        ("Status perkawinan", client.marital_status),
        ("Pekerjaan", client.occupation),
        ("Domisili", client.domicile),
        ("Klaster", ", ".join(vocabulary.label("klaster", c) for c in client.clusters)),
        ("Disabilitas", client.disability),
        ("Peran", client.role),
    ]
    return [(label, value) for label, value in rows if value]


def identity_table(client: Klien, vocabulary: Vocabulary) -> str:
    return table(identity_rows(client, vocabulary), css_class="casebook-identitas")
