"""Identity patterns: the disguises a careless or hostile student uses, the look-alikes that must pass, and time.

Every number and name here is invented; none belongs to a seed report.
A text is "caught" when a detector fires on it as the gate reads it: the source text (kasus.yml,
a chapter page) and the published text (HTML with its tags taken out).
"""

from __future__ import annotations

import shutil
import time

import pytest

from macros.privacy.matching import Needle, Prepared, contains, visible_text
from macros.privacy.patterns import find_patterns
from macros.yaml_source import YamlSyntaxError, parse_yaml
from tests.helpers import FIXTURE, run_cli, write_case_variant


def caught(text: str, allowed: frozenset[str] = frozenset()) -> set[str]:
    rules = {m.rule.name for m in find_patterns(text, allowed)}
    return rules | {m.rule.name for m in find_patterns(visible_text(text), allowed, revealed=True)}


DISGUISES = [
    # NIK and KK: spaces, dots, dashes, line breaks, entities, invisible characters, full-width digits
    ("nik", "NIK 3204121212120001"),
    ("nik", "3204 1212 1212 0001"),
    ("nik", "3204.1212.1212.0001"),
    ("nik", "3204-1212-1212-0001"),
    ("nik", "320412 121212 0001"),
    ("nik", "32 04 12 12 12 12 00 01"),
    ("nik", "NIK: 3204 1212\n1212 0001"),
    ("nik", "3204\u20131212\u20131212\u20130001"),
    ("nik", "\uff13\uff12\uff10\uff14\uff11\uff12\uff11\uff12\uff11\uff12\uff11\uff12\uff10\uff10\uff10\uff11"),
    ("nik", "3204&nbsp;1212&nbsp;1212&nbsp;0001"),
    ("nik", "3204\u00ad1212\u00ad1212\u00ad0001"),
    ("nik", "3204\u200b1212\u200b1212\u200b0001"),
    ("nik", "No. KK: 3204-1252-1212-0001"),
    ("nik", "<td>3204</td><td>121212120001</td>"),
    ("nik", "3204\u00a01212\u00a01212\u00a00001"),
    ("nik", "NIK (3204) 1212 1212 0001"),
    ("nik", "nik=3204121212120001"),
    ("nik", "3204 1212 1212 0001."),
    # mobile numbers
    ("telepon", "0812-3456-7890"),
    ("telepon", "081234567890"),
    ("telepon", "+62 812 3456 7890"),
    ("telepon", "+6281234567890"),
    ("telepon", "6281234567890"),
    ("telepon", "(0813) 9999-1234"),
    ("telepon", "08 13 99 99 12 34"),
    ("telepon", "+62 (813) 9999 1234"),
    ("telepon", "HP 0813 9999\n1234"),
    ("telepon", "0813.9999.1234"),
    ("telepon", "0813 \u2013 9999 \u2013 1234"),
    ("telepon", "+62-813-9999-1234"),
    ("telepon", "62 813 9999 1234"),
    ("telepon", "\uff10\uff18\uff11\uff13\uff0d\uff19\uff19\uff19\uff19\uff0d\uff11\uff12\uff13\uff14"),
    ("telepon", "0813&#45;9999&#45;1234"),
    ("telepon", "08&shy;13 9999 1234"),
    ("telepon", "HP: 0857 1234 567"),
    ("telepon", "https://wa.me/6281399991234"),
    ("telepon", '<a href="tel:081399991234">hubungi</a>'),
    ("telepon", "Telp/WA: 0813-9999-1234"),
    ("telepon", "0813 9999 12 34"),
    ("telepon", "<span title=\"0813-9999-1234\">HP</span>"),
    ("telepon", "0813<br>9999<br>1234"),
    ("telepon", "+62 813-9999-1234 (ibu klien)"),
    # e-mail
    ("email", "nama@gmail.com"),
    ("email", "nama (at) gmail (dot) com"),
    ("email", "nama[at]gmail[dot]com"),
    ("email", "nama {at} gmail {dot} com"),
    ("email", "nama at gmail dot com"),
    ("email", "nama(at)gmail(dot)com"),
    ("email", "nama @ gmail . com"),
    ("email", "nama&#64;gmail.com"),
    ("email", "nama\uff20gmail\uff0ecom"),
    ("email", "nama@gmail.co.id"),
    ("email", "n.a.m.a+tag@yahoo.co.id"),
    ("email", "nama@\u200bgmail.com"),
    ("email", "NAMA@GMAIL.COM"),
    ("email", "nama [at] gmail [titik] com"),
    ("email", "n\u0430ma@gmail.com"),
    # birth dates in their Indonesian phrasings
    ("tanggal_lahir", "lahir 14 Februari 1989"),
    ("tanggal_lahir", "kelahiran 12 Maret 2009"),
    ("tanggal_lahir", "dilahirkan di Bekasi pada 12 Maret 2009"),
    ("tanggal_lahir", "lahir 2009-03-12"),
    ("tanggal_lahir", "lahir 12.03.2009"),
    ("tanggal_lahir", "lahir 12/03/2009"),
    ("tanggal_lahir", "lahir 12-03-2009"),
    ("tanggal_lahir", "| TTL | Bekasi, 12 Maret 2009 |"),
    ("tanggal_lahir", "Tempat/tanggal lahir: Bekasi, 12 Maret 2009"),
    ("tanggal_lahir", "Tempat, tanggal lahir: Bekasi, 12 Mar 2009"),
    ("tanggal_lahir", "tgl. lahir 12-3-2009"),
    ("tanggal_lahir", "Tanggal lahir: 12 Maret 2009"),
    ("tanggal_lahir", "TTL: Bekasi,\n12 Maret 2009"),
    ("tanggal_lahir", "lahir di Kab. Bekasi, 12 Maret 2009"),
    ("tanggal_lahir", "LAHIR 12 MARET 2009"),
    ("tanggal_lahir", "lahir pada tanggal 3 Agustus 2010"),
    ("tanggal_lahir", "ttl: Bekasi 12-03-2009"),
    ("tanggal_lahir", "lahir&nbsp;12&nbsp;Maret&nbsp;2009"),
    ("tanggal_lahir", "l&#97;hir 12 Maret 2009"),
    ("tanggal_lahir", "l\u0430hir 12 Maret 2009"),
    ("tanggal_lahir", "kelahiran: 12 Peb 2009"),
    ("tanggal_lahir", "<th>TTL</th><td>Bekasi, 12 Maret 2009</td>"),
    ("tanggal_lahir", "Ia lahir\n12 Maret 2009 di Bekasi"),
    # RT/RW
    ("rt_rw", "RT 02/RW 05"),
    ("rt_rw", "RT/RW 03/07"),
    ("rt_rw", "RW 07 RT 03"),
    ("rt_rw", "RT.003 RW.007"),
    ("rt_rw", "RT 3 RW 7"),
    ("rt_rw", "rt 03 / rw 07"),
    ("rt_rw", "RT/RW: 003/007"),
    ("rt_rw", "RT 03, RW 07"),
    ("rt_rw", "RT:03 RW:07"),
    ("rt_rw", "RT003/RW007"),
    ("rt_rw", "RT&nbsp;03/RW&nbsp;07"),
    ("rt_rw", "RT 03 - RW 07"),
]

ALLOWED = frozenset({"info@hikari.or.id", "0812-9999-0000"})

LOOK_ALIKES = [
    "Telp. (021) 555-1234",
    "021-5551234",
    "(022) 7201234",
    "Telp. (0264) 200 123",
    "Fax (021) 8765432",
    "Layanan bebas pulsa 0800-1-500-454",
    "Call center 129",
    "tahun 2019 2020 2021 2022",
    "sejak 2009",
    "lahir tahun 2009",
    "usia 15 tahun",
    "hlm. 12-15",
    "halaman 123",
    "NRP 2104218",
    "NRP 21.04.218",
    "NIM 2104218001",
    "ISBN 978-602-8519-93-9",
    "ISBN 978-0-8133-1234-5",
    "ISSN 1412-0812",
    "https://doi.org/10.1080/08123456.2020.1234567",
    "Kunjungan rumah 12 Maret 2024",
    "Bekasi, 12 Maret 2024",
    "Kegiatan 08.12.2024 09.00",
    "pukul 08.30-12.00",
    "Rp 1.250.000",
    "Rp 12.500.000,00",
    "Akta kelahiran diterbitkan 12 Maret 2024",
    "Ia lahir di Bekasi. Pada 12 Maret 2024 ia masuk panti.",
    "UU No. 11 Tahun 2009",
    "Permensos No. 8 Tahun 2012",
    "skor 08 dari 10",
    "sesi 1-16",
    "IG @hikari_official. Ia aktif.",
    "e-mail lembaga info@hikari.or.id",
    "HP lembaga 0812-9999-0000",
    "WA lembaga +62 812 9999 0000",
    "kode pos 17530",
    "RT (rumah tangga) miskin",
    "tabel 4.1 s.d. 4.12",
    "koordinat -6.2088, 106.8456",
    "program PKH lahir pada 2007",
    "versi 1.0.8123",
    "2024-03-12 kunjungan kedua",
    "nomor surat 460/1234/DINSOS/2024",
    "No. 08/SK/2024",
    "minggu ke-1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
    "media/IMG_20240312_081234567.jpg",
    "Pertemuan 12/03/2024 pukul 10.00",
    "rapat 2024-03-12, 2024-03-19",
    "NIP 19850312 201001 1 005",
    "jumlah 3.204.121 jiwa",
    "anak usia 0-18 tahun, 08-12 tahun",
    "<path d=\"M0.8 128 82 584 82\"/> <svg viewBox=\"14 9.5 14 14 12 14 9.5 12\"></svg>",
    "skala 0.8 1234 5678 90",
]


def test_the_tables_are_as_large_as_promised():
    assert len(DISGUISES) >= 80 and len(LOOK_ALIKES) >= 40


@pytest.mark.parametrize("rule,text", DISGUISES, ids=[f"{i}-{r}" for i, (r, _) in enumerate(DISGUISES)])
def test_every_disguise_is_caught(rule, text):
    assert rule in caught(text), caught(text)


@pytest.mark.parametrize("text", LOOK_ALIKES, ids=range(len(LOOK_ALIKES)))
def test_no_look_alike_is_caught(text):
    assert caught(text, ALLOWED) == set()


@pytest.mark.parametrize("text", ["Nurh&#97;liza Putri", "Nurha&shy;liza Putri", "Nurha\u00adliza Putri", "Nurh\u0430liza Putr\u0456", "Nurh\u03b1liza P\u03c5tri",
                                  "<!-- Nurhaliza Putri -->", "Putri, Nurhaliza", "NURHALIZA&#8203; PUTRI",
                                  "Nurhaliza\nPutri", "Nurhal<i>iza</i> Putri"])
def test_private_strings_are_found_through_entities_soft_hyphens_homoglyphs_comments_and_name_order(text):
    from macros.privacy.secrets import OrangRahasia, _person_needles

    needles = _person_needles(OrangRahasia.model_validate({"nama": "Nurhaliza Putri"}), "klien")
    prepared = Prepared.of(f"<p>Klien {text} hadir.</p>")
    assert any(contains(prepared, needle) for needle in needles)
    assert not any(contains(Prepared.of("<p>Klien Putri Nurani hadir.</p>"), n) for n in needles if n.kind == "teks")


# --- linear time ---------------------------------------------------------------------------------

SIZE = 2_000_000
WORST_CASES = {
    "long word (the quadratic e-mail case)": "a" * SIZE,
    "dotted word": "a." * (SIZE // 2),
    "digits and spaces": "1 " * (SIZE // 2),
    "repeated 08": "08 " * (SIZE // 3),
    "plus signs": "+6" * (SIZE // 2),
    "birth words": "lahir " * (SIZE // 6),
    "birth words and numbers": "lahir 1 " * (SIZE // 8),
    "years": "1 1 2009 " * (SIZE // 9),
    "rt": "rt 1 / " * (SIZE // 7),
    "at signs": "a@" * (SIZE // 2),
    "(at)": "(at)" * (SIZE // 4),
    "entities": "&#97" * (SIZE // 4),
    "unclosed tags": "<a" * (SIZE // 2),
    "unclosed comments": "<!--" * (SIZE // 4),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", WORST_CASES)
def test_every_detector_is_linear_on_a_2_mb_worst_case(name):
    text = WORST_CASES[name]
    needles = [Needle("Sri Wulandari Pratiwi", "nama"), Needle("0812 3456 7890", "telepon", "angka"), Needle("SWP", "i", "inisial")]
    started = time.process_time()
    find_patterns(text, frozenset())
    prepared = Prepared.of(text)
    for needle in needles:
        contains(prepared, needle)
    assert time.process_time() - started < 5, name


def test_a_2_mb_worst_case_kasus_yml_checks_in_under_5_seconds(tmp_path):
    # The long word that made the old e-mail pattern quadratic, then the worst case of every other detector,
    # in one prose field of an otherwise valid report: 1.9 MB, under the 2 MB limit.
    part = 1_900_000 // 8
    worst = "".join(text[:part] for text in ("a" * part, "1 " * part, "08 " * part, "lahir 1 1 2009 " * part,
                                             "rt 1 / " * part, "a@" * part, "(at)" * part, "&#97" * part))
    folder = write_case_variant(tmp_path, "proses: Perkenalan dengan klien.", f'proses: "{worst}"')
    started = time.process_time()  # CPU time: the shared test machine's load does not count
    code, out = run_cli(["check", str(folder)])
    elapsed = time.process_time() - started
    assert "Traceback" not in out
    assert elapsed < 5, f"{elapsed:.1f} s"


# --- YAML a student writes anywhere: nesting and aliases ------------------------------------------

@pytest.mark.parametrize("text", ["a: " + "[" * 50_000, "a: " + "{a: " * 50_000, "a:\n" + "".join(" " * i + "-\n" for i in range(0, 200, 2))])
def test_deep_nesting_is_refused_with_a_location_not_a_crash(text):
    with pytest.raises(YamlSyntaxError) as error:
        parse_yaml(text)
    assert "struktur bersarang terlalu dalam" in error.value.problems[0].message


ALIAS_BOMB = """---
title: Bab IV
a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
---

# BAB IV
"""


@pytest.mark.parametrize("front,message", [(ALIAS_BOMB, "alias YAML"),
                                           ("---\njudul: " + "[" * 50_000 + "\n---\n\n# Bab\n", "struktur bersarang terlalu dalam")])
def test_a_bomb_in_a_chapter_page_front_matter_is_refused_at_its_line(tmp_path, front, message):
    folder = tmp_path / "laporan-uji"
    shutil.copytree(FIXTURE, folder)
    (folder / "bab-4-penanganan-kasus.md").write_text(front, encoding="utf-8")
    started = time.perf_counter()
    code, out = run_cli(["check", str(folder)])
    assert time.perf_counter() - started < 10
    assert code == 1 and "Traceback" not in out
    assert "bab-4-penanganan-kasus.md:" in out and f"front matter: {message}" in out, out


def test_a_chapter_page_in_windows_1252_is_located_with_the_fix(tmp_path):
    folder = tmp_path / "laporan-uji"
    shutil.copytree(FIXTURE, folder)
    (folder / "bab-1-pendahuluan.md").write_bytes("# BAB I\n\nKlien berkata \u201ccukup\u201d.\n".encode("cp1252"))
    code, out = run_cli(["check", str(folder)])
    assert code == 1 and "Traceback" not in out and "mkdocs.yml" not in out
    assert "bab-1-pendahuluan.md:3:15: halaman ini bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Windows-1252" in out, out
    assert "simpan ulang dengan encoding UTF-8" in out
