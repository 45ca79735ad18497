"""The privacy scan's memo (macros/privacy/gate.py `ScanMemo`): an incremental build does not read again the
shared files that come out byte for byte as the last build's. A skipped file must never hide a leak.

The class test: a scan given the memo of the previous scan finds exactly what a scan without memo finds, after
every kind of change that can make a clean file leak (its bytes, its place, the guards, the allow-lists, the
site's code and settings, the other reports a shared page's verdict leaned on). Every identity here is invented.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import macros.privacy.gate as gate
from macros.privacy.gate import Guard, ScanMemo, scan_key, scan_published
from macros.privacy.matching import Needle
from macros.privacy.patterns import Match, Rule

FINGERPRINT = "sidik-situs-1"


def _site(root: Path) -> tuple[Path, dict[str, Guard]]:
    """Three reports' pages and the shared pages of an archive (search index shards, catalogue, tags)."""
    site = root / "site"
    guards = {}
    for n in range(3):
        slug = f"r{n}-2024"
        guards[slug] = Guard((Needle(f"Nama Rahasia{n}", "nama asli klien"),))
        for chapter in range(2):
            page = site / "kasus" / slug / f"bab-{chapter}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(f"<p>Bab {chapter} laporan {slug}: klien TS{n}.</p>", encoding="utf-8")
    for number in range(6):
        shard = site / "search" / "casebook" / "p" / f"{number}.json"
        shard.parent.mkdir(parents=True, exist_ok=True)
        shard.write_text(f'{{"l":"kasus/r{number % 3}-2024/","d":[["","Bab","klien TS{number % 3}"]]}}', encoding="utf-8")
    (site / "arsip").mkdir()
    (site / "arsip" / "index.html").write_text("<p>Arsip: TS0, TS1, TS2.</p>", encoding="utf-8")
    (site / "tag").mkdir()
    (site / "tag" / "index.html").write_text("<p>Tag: lansia</p>", encoding="utf-8")
    return site, guards


def _scan(site: Path, guards: dict[str, Guard], memo: ScanMemo | None, allowed=frozenset(),
          fingerprint=FINGERPRINT) -> tuple[list, ScanMemo]:
    """One scan with the previous memo (as the build hook does: the memo is kept only when nothing leaked)."""
    key = scan_key(guards, allowed, fingerprint)
    current = ScanMemo(key, memo.found if memo is not None and memo.key == key else {})
    return scan_published(site, guards, site_allowed=allowed, memo=current), current


def _write(site: Path, path: str, text: str) -> None:
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(text, encoding="utf-8")


# Each change takes (site, guards, allowed, fingerprint) and returns the new (guards, allowed, fingerprint).
def _bytes_of_a_shard(site, guards, allowed, fingerprint):
    _write(site, "search/casebook/p/4.json", '{"l":"kasus/r1-2024/","d":[["","Bab","Nama Rahasia1"]]}')
    return guards, allowed, fingerprint


def _pattern_in_a_tag_page(site, guards, allowed, fingerprint):
    _write(site, "tag/index.html", "<p>Tag: lansia, NIK 3204121212120001</p>")
    return guards, allowed, fingerprint


def _new_private_string_already_published(site, guards, allowed, fingerprint):
    guards = dict(guards, **{"r2-2024": Guard(guards["r2-2024"].needles + (Needle("lansia", "nama panggilan klien"),))})
    return guards, allowed, fingerprint


def _allow_list_withdrawn(site, guards, allowed, fingerprint):
    return guards, frozenset(), fingerprint  # the previous scan allowed the number below


def _same_bytes_moved_into_a_report(site, guards, allowed, fingerprint):
    # The site's own examples are allowed on shared pages only: the same bytes in a report's page are a leak, so the
    # memo is by path as well as by bytes.
    shutil.copy(site / "tag" / "index.html", site / "kasus" / "r0-2024" / "bab-1" / "index.html")
    return guards, allowed, fingerprint


def _code_or_settings_changed(site, guards, allowed, fingerprint):
    return guards, allowed, "sidik-situs-2"  # with a new rule in the scanner's code (see the test)


def _new_rule(find_patterns):
    """The scanner as a newer Casebook: one rule more (it reads the word `lansia` as an identity)."""
    def patterns(text, allowed, **options):
        found = find_patterns(text, allowed, **options)
        if "lansia" in text:
            found.append(Match(Rule("uji", "memuat pola uji", ""), "lansia"))
        return found
    return patterns


CHANGES = [_bytes_of_a_shard, _pattern_in_a_tag_page, _new_private_string_already_published, _allow_list_withdrawn,
           _same_bytes_moved_into_a_report, _code_or_settings_changed]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
@pytest.mark.parametrize("parallel", [False, True], ids=["satu-proses", "paralel"])
def test_a_scan_with_the_memo_finds_what_a_scan_without_it_finds(tmp_path, monkeypatch, change, parallel):
    if parallel:
        monkeypatch.setattr(gate, "PARALLEL_FILES", 1)
    site, guards = _site(tmp_path)
    allowed = frozenset({"0813 9999 1234"})
    if change in (_allow_list_withdrawn, _same_bytes_moved_into_a_report):
        _write(site, "tag/index.html", "<p>Tag: lansia, hubungi 0813 9999 1234</p>")
    first, memo = _scan(site, guards, None, allowed)
    assert first == []
    assert memo.found, "a clean scan remembers its files"
    guards, allowed, fingerprint = change(site, guards, allowed, FINGERPRINT)
    if change is _code_or_settings_changed:
        monkeypatch.setattr(gate, "find_patterns", _new_rule(gate.find_patterns))
    with_memo, _ = _scan(site, guards, memo, allowed, fingerprint)
    without_memo = scan_published(site, guards, site_allowed=allowed)
    assert without_memo, f"{change.__name__} must make the site leak (else this case tests nothing)"
    assert with_memo == without_memo


def test_unchanged_files_are_not_read_again(tmp_path, monkeypatch):
    site, guards = _site(tmp_path)
    _, memo = _scan(site, guards, None)
    remembered = set(memo.found)
    assert {"search/casebook/p/0.json", "arsip/index.html", "kasus/r1-2024/bab-0/index.html"} <= remembered
    _write(site, "arsip/index.html", "<p>Arsip: TS0, TS1, TS2, TS3.</p>")
    read = []
    original = gate._Scan.file
    monkeypatch.setattr(gate._Scan, "file", lambda self, item: read.append(item.relative_to(site).as_posix())
                        or original(self, item))
    leaks, again = _scan(site, guards, memo)
    assert leaks == [] and read == ["arsip/index.html"]
    assert set(again.found) == remembered, "skipped files stay remembered for the build after"


def test_a_verdict_that_leaned_on_another_report_holds_only_while_that_report_is_unchanged(tmp_path, monkeypatch):
    """A shared page may show a private string another report publishes as its own text (one report's rahasia.yml
    naming another's institution): clean today, a leak once that other report stops publishing it. The memo keeps
    which report the verdict leaned on, and skips the page only while that report's pages are the ones scanned."""
    site, guards = _site(tmp_path)
    guards["r0-2024"] = Guard(guards["r0-2024"].needles + (Needle("Panti Wreda Sejahtera", "nama lembaga asli"),))
    _write(site, "kasus/r1-2024/bab-1/index.html", "<p>Lembaga: Panti Wreda Sejahtera.</p>")
    _write(site, "arsip/index.html", "<p>Arsip: Panti Wreda Sejahtera.</p>")
    first, memo = _scan(site, guards, None)
    assert first == []
    assert memo.found["arsip/index.html"][1] == ["r1-2024"]
    read = []
    original = gate._Scan.file
    monkeypatch.setattr(gate._Scan, "file", lambda self, item: read.append(item.relative_to(site).as_posix())
                        or original(self, item))
    key = scan_key(guards, frozenset(), FINGERPRINT)
    unchanged = scan_published(site, guards, memo=ScanMemo(key, memo.found, unchanged=frozenset({"r1-2024"})))
    assert unchanged == [] and "arsip/index.html" not in read
    _write(site, "kasus/r1-2024/bab-1/index.html", "<p>Lembaga: LKS.</p>")  # r1 edited: not among the unchanged
    with_memo = scan_published(site, guards, memo=ScanMemo(key, memo.found, unchanged=frozenset({"r2-2024"})))
    assert with_memo == scan_published(site, guards) != []


def test_a_leaking_build_leaves_no_memo_to_trust(tmp_path):
    """The hook keeps a memo only after a scan that found nothing (macros/site_hooks.py `_refuse_leaks`); a file
    found leaking is never in `found`, whatever else the scan remembered."""
    site, guards = _site(tmp_path)
    _write(site, "tag/index.html", "<p>Nama Rahasia2</p>")
    leaks, memo = _scan(site, guards, None)
    assert [leak.where for leak in leaks] == ["site/tag/index.html"]
    assert "tag/index.html" not in memo.found and "arsip/index.html" in memo.found


def test_the_search_index_shards_are_read_term_by_term(tmp_path):
    """A term shard is term -> postings (integers) and a vocabulary shard prefix -> terms (macros/search/build.py).
    Read as one text, postings and neighbouring terms made identities no page holds: a birth date `14 3 2012` out
    of postings, a name out of two adjacent terms, a phone number out of three; an archive of 200 reports with real
    rahasia.yml files failed its build on them. A term that is itself private is still found."""
    site = tmp_path / "site"
    shards = site / "search" / "casebook"
    _write(site, "search/casebook/s/0.json", '{"0813":[14,3,2012],"1234":[1],"9999":[2],"siti":[7],"sumarni":[9]}')
    _write(site, "search/casebook/v/0.json", '{"sit":["siti","sumarni"],"081":["0813","9999","1234"]}')
    guards = {"r0-2024": Guard((Needle("14 3 2012", "tanggal lahir klien"), Needle("Siti Sumarni", "nama asli klien"),
                                Needle("0813 9999 1234", "nomor telepon klien", "angka")))}
    assert scan_published(site, guards) == []
    _write(site, "search/casebook/s/1.json", '{"iyeh":[3],"3204121212120001":[5]}')
    guards["r1-2024"] = Guard((Needle("Iyeh", "nama panggilan klien"),))
    found = sorted((leak.where, leak.what.split(":")[0]) for leak in scan_published(site, guards))
    assert [where for where, _ in found] == ["site/search/casebook/s/1.json"] * 2, found
    # Its verdict depends on its terms only: new postings (another report edited) do not make it read again.
    _, memo = _scan(site, guards, None)
    key = scan_key(guards, frozenset(), FINGERPRINT)
    (shards / "s" / "0.json").write_text('{"0813":[15],"1234":[1,4],"9999":[2],"siti":[7],"sumarni":[9,2]}',
                                         encoding="utf-8")
    again = ScanMemo(key, memo.found)
    assert scan_published(site, guards, memo=again) != []  # s/1.json still leaks
    assert again.found["search/casebook/s/0.json"] == memo.found["search/casebook/s/0.json"]


def test_which_report_publishes_a_string_is_worked_out_once_and_kept_for_unchanged_reports(tmp_path, monkeypatch):
    """Pseudonym codes and other people's real initials coincide all the time in an archive: a shared page asks
    which report publishes a string for many strings. Each report's pages are read once per scan for all strings,
    and a report an incremental build reused is not read at all (its answer is in the memo, as hashes)."""
    site, guards = _site(tmp_path)
    guards["r0-2024"] = Guard(guards["r0-2024"].needles + (Needle("TS1", "inisial asli klien", "inisial"),
                                                            Needle("TS2", "inisial asli ibu", "inisial")))
    first, memo = _scan(site, guards, None)
    assert first == [] and memo.found["arsip/index.html"][1] == ["r1-2024", "r2-2024"]
    assert set(memo.published) == {"r1-2024", "r2-2024"} and all(len(keys) == 1 for keys in memo.published.values())
    assert "TS1" not in str(memo.published)  # hashes only: the build cache never holds a private string
    read = []
    original = gate.Prepared.of
    monkeypatch.setattr(gate.Prepared, "of", staticmethod(lambda raw: read.append(raw) or original(raw)))
    _write(site, "arsip/index.html", "<p>Arsip: TS0, TS1, TS2, lansia.</p>")  # read again: its bytes changed
    key = scan_key(guards, frozenset(), FINGERPRINT)
    again = ScanMemo(key, memo.found, published=memo.published, unchanged=frozenset({"r1-2024", "r2-2024"}))
    assert scan_published(site, guards, memo=again) == []
    assert not any("laporan r1-2024" in text or "laporan r2-2024" in text for text in read)
    assert again.published == memo.published  # kept for the build after
