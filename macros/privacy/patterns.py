"""Identity patterns that must not be published, private file or not.

Each rule finds a kind of personal data in a piece of text and says, in Indonesian, why it
is refused and what to write instead. A finding can be allowed on purpose (e.g. the
institution's public phone number) with a reasoned entry under `privasi.izinkan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.schema.types import MONTHS

_MONTH = "|".join(MONTHS)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    message: str
    hint: str


RULES = (
    Rule("nik", re.compile(r"(?<!\d)\d{16}(?!\d)"),
         "memuat 16 angka berurutan (NIK atau nomor KK)",
         "identitas kependudukan tidak boleh terbit; hapus nomornya"),
    Rule("telepon", re.compile(r"(?<![\d+])(?:\+62|62|0)[\s-]?8\d{1,2}(?:[\s.-]?\d){6,9}(?!\d)"),
         "memuat nomor HP", "hapus nomornya; tulis saja 'dihubungi lewat WhatsApp'"),
    Rule("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
         "memuat alamat e-mail", "hapus alamatnya, atau izinkan bila itu e-mail resmi lembaga (privasi.izinkan)"),
    Rule("tanggal_lahir", re.compile(rf"(?i)\b(?:lahir|tgl\.?\s*lahir|ttl)\b[^.\n]{{0,40}}?\b\d{{1,2}}[\s/-]+(?:\d{{1,2}}|{_MONTH})[\s/-]+\d{{4}}"),
         "memuat tanggal lahir", "tulis usia atau rentang usia (misalnya 15 tahun), bukan tanggal lahir"),
    Rule("rt_rw", re.compile(r"(?i)\bRT\.?\s*0*\d{1,3}\s*(?:/|,)?\s*RW\.?\s*0*\d{1,3}\b"),
         "memuat alamat RT/RW", "cukup sebut desa/kecamatan; RT/RW menunjuk rumah klien"),
)


@dataclass(frozen=True)
class Match:
    rule: Rule
    text: str


def find_patterns(text: str, allowed: frozenset[str]) -> list[Match]:
    """Every rule's matches in `text`, minus the exact strings the report allows."""
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            if match.group(0).strip() not in allowed:
                found.append(Match(rule, match.group(0).strip()))
    return found
