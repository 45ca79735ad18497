"""Issue 18: `casebook check` checks chapter pages. Each mistake a student makes in a page is one
located Indonesian message (`cases/<slug>/<page>.md:line:col: ...`) with the fix, exit 1, no
traceback; `casebook build` fails with the very same line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.helpers import FIXTURE, ROOT, new_project, run_cli

SLUG = "ts-contoh-2024"
PAGE = "bab-4-penanganan-kasus.md"
ENGLISH = ("Traceback", "expected", "undefined", "Error", "jinja", "template", "kasus/ts-contoh-2024")

# name: (page text, "line:col", text the message must contain)
MISTAKES = {
    "misspelt-macro": ("# BAB IV\n\n{{ log_sessi() }}\n", "3:4", "makro `log_sessi` tidak dikenal (mungkin maksudnya `log_sesi()`)"),
    "misspelt-macro-case": ("# BAB IV\n\n{{ Identitas_Klien() }}\n", "3:4", "mungkin maksudnya `identitas_klien()`"),
    "literal-braces-in-prose": ("# BAB IV\n\nKlien menulis di papan: {{ panen 5 kg per minggu }}.\n", "3:25",
                                "bukan panggilan makro yang valid (bila maksudnya teks biasa, apit dengan {% raw %}...{% endraw %})"),
    "literal-name-in-braces": ("# BAB IV\n\nCatatan: {{ panen }}\n", "3:13", "makro `panen` tidak dikenal"),
    "unclosed-braces": ("# BAB IV\n\nRumus {{ x\n\nlanjut.\n", "3:7", "`{{` tidak pernah ditutup dengan `}}`"),
    "unknown-keyword": ("# BAB IV\n\n{{ log_sesi(judull='Sesi') }}\n", "3:4",
                        "`log_sesi()` tidak mengenal argumen `judull` (mungkin maksudnya `judul=`)"),
    "too-many-arguments": ("# BAB IV\n\n{{ tabel_wawancara('a', 'b', 'c') }}\n", "3:4",
                           "`tabel_wawancara()` menerima paling banyak 2 argumen, diberi 3"),
    "missing-argument": ("# BAB IV\n\n{{ catatan_tahap() }}\n", "3:4", "`catatan_tahap()` memerlukan argumen `tahap`"),
    "macro-without-parentheses": ("# BAB IV\n\n{{ identitas_klien }}\n", "3:4",
                                  "`identitas_klien` adalah makro: panggil dengan tanda kurung, `identitas_klien()`"),
    "unknown-reference": ("# BAB IV\n\n{{ tabel_wawancara() }}\n\nLihat {{ ref('wawancar') }}.\n", "5:10",
                          "ref('wawancar'): tidak ada tabel, gambar atau lampiran dengan id `wawancar` di laporan ini "
                          "(mungkin maksudnya `wawancara`"),
    "duplicate-id": ("# BAB IV\n\n{{ tabel_wawancara() }}\n\n{{ tabel_evaluasi(id='wawancara') }}\n", "5:4",
                     "id `wawancara` sudah dipakai oleh Tabel 4.1; beri id lain"),
    "missing-data": ("# BAB IV\n\n{{ kuadran_kekuatan() }}\n", "3:4",
                     f"makro `kuadran_kekuatan()` membutuhkan `asesmen.kekuatan` dari cases/{SLUG}/kasus.yml, tetapi data itu "
                     "belum diisi (isi data itu, atau apit panggilannya dengan {% if ada('asesmen.kekuatan') %}...{% endif %})"),
    "unknown-field": ("# BAB IV\n\n{{ isi('klien.usai') }}\n", "3:4",
                      "isi('klien.usai'): kolom `usai` di bawah `klien` tidak dikenal di kasus.yml (mungkin maksudnya `klien.usia`)"),
    "bad-choice": ("# BAB IV\n\n{{ kuadran_kekuatan(sebagai='diagram') }}\n", "3:4", "pilih 'tabel' atau 'gambar'"),
    "if-not-closed": ("# BAB IV\n\n{% if ada('asesmen') %}\n{{ identitas_klien() }}\n", "3:1",
                      "blok tidak ditutup: `{% endif %}` tidak ditemukan"),
    "stray-endif": ("# BAB IV\n\n{{ identitas_klien() }}\n{% endif %}\n", "4:1", "`{% endif %}` tanpa pembuka yang cocok"),
    "unknown-tag": ("# BAB IV\n\n{% fi ada('asesmen') %}\n", "3:1", "tag `{% fi %}` tidak dikenal"),
    "unclosed-string": ("# BAB IV\n\n{{ isi('pendahuluan.latar_belakang) }}\n", "3:8", "tanda kutip ' tidak berpasangan"),
    "two-expressions-one-line": ("# BAB IV\n\nLihat {{ identitas_klien() }} dan {{ a b }}.\n", "3:35",
                                 "bukan panggilan makro yang valid"),
    "heading-id-as-comment": ("# BAB IV\n\n## Rencana {#rencana}\n\nTeks.\n", "3:12",
                              "`{#` memulai komentar dan tidak ditutup dengan `#}` (untuk id judul Markdown tulis dengan spasi, "
                              "`{ #id-judul }`"),
    "site-macro-on-report-page": ("# BAB IV\n\n{{ daftar_laporan() }}\n", "3:4",
                                  "makro `daftar_laporan` hanya dapat dipakai di halaman situs (docs/), bukan di halaman laporan"),
    "image-outside-report": ("# BAB IV\n\n![Kontrak](../../../cases/ajs-kartini-2024/media/kontrak.svg)\n", "3:12",
                             "tautan atau gambar `../../../cases/ajs-kartini-2024/media/kontrak.svg` menuju ke luar folder "
                             "laporan ini"),
    "image-missing": ("# BAB IV\n\nFoto kegiatan:\n\n![Kegiatan](media/kegiatn.jpg)\n", "5:13",
                      "gambar atau tautan `media/kegiatn.jpg` menuju berkas yang tidak ada atau tidak diterbitkan"),
    "reference-link-outside-report": ("# BAB IV\n\nLihat [data][r].\n\n[r]: ../other-2024/rahasia.yml\n", "5:6",
                                      "tautan atau gambar `../other-2024/rahasia.yml` menuju ke luar folder laporan ini"),
    "link-to-missing-chapter": ("# BAB IV\n\nLihat [BAB V](bab-5-praktik-baik.md).\n", "3:15",
                                "tautan `bab-5-praktik-baik.md` menuju berkas yang tidak ada di laporan ini"),
    "raw-not-closed": ("# BAB IV\n\nContoh:\n{% raw %}\n{{ x }}\n", "4:1", "`{% raw %}` tidak ditutup"),
    "loop-over-data": ("# BAB IV\n\n{% for tahap in tahapan %}{{ catatan_tahap(tahap) }}{% endfor %}\n", "3:4",
                       "`{% for %}` hanya boleh berjalan atas daftar tertulis"),
    "misspelt-field-path": ("# BAB IV\n\n{% if ada('asesmen.kekuatn') %}\n{{ kuadran_kekuatan() }}\n{% endif %}\n", "3:7",
                            "ada('asesmen.kekuatn'): kolom `kekuatn` di bawah `asesmen` tidak dikenal di kasus.yml "
                            "(mungkin maksudnya `asesmen.kekuatan`)"),
    "misspelt-stage": ("# BAB IV\n\n{% if ada_tahap('kontrk') %}{{ catatan_tahap('kontrak') }}{% endif %}\n", "3:7",
                       "ada_tahap('kontrk'): `kontrk` bukan tahap yang dikenal (mungkin maksudnya `kontrak`"),
    "misspelt-stage-in-loop": ("# BAB IV\n\n{% for tahap in ['engagement', 'intak'] %}\n{% if ada_tahap(tahap) %}"
                               "{{ catatan_tahap(tahap) }}{% endif %}\n{% endfor %}\n", "3:32",
                               "`intak` di daftar `{% for %}` bukan tahap yang dikenal (mungkin maksudnya `intake`"),
    "stage-without-record": ("# BAB IV\n\n{{ catatan_tahap('terminasi') }}\n", "3:4", "membutuhkan `tahapan (tahap: terminasi)`"),
    "front-matter-shifts-lines": ("---\njudul_halaman: Penanganan\n---\n\n# BAB IV\n\n{{ log_sessi() }}\n", "7:4",
                                  "makro `log_sessi` tidak dikenal"),
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return new_project(tmp_path, SLUG)


def test_corpus_is_large_enough():
    assert len(MISTAKES) >= 15


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_check_names_the_page_mistake(project, name):
    text, where, message = MISTAKES[name]
    (project / "cases" / SLUG / PAGE).write_text(text, encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1, output
    page_lines = [line for line in output.splitlines() if line.startswith(f"cases/{SLUG}/{PAGE}:")
                  and ": peringatan: " not in line]  # the media check's own warnings are not the page check's
    assert len(page_lines) == 1, output
    assert page_lines[0].startswith(f"cases/{SLUG}/{PAGE}:{where}: "), page_lines[0]
    assert message in page_lines[0], page_lines[0]
    assert not any(word in page_lines[0] for word in ENGLISH), page_lines[0]


def test_valid_pages_pass_check(project):
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 0, output
    assert ".md:" not in output


def test_mistake_in_a_default_template_is_located_in_the_template(project):
    template = project / "docs" / "templat" / "bab" / "bab-6-simpulan.md"
    template.write_text(template.read_text(encoding="utf-8") + "\n{{ simpulann() }}\n", encoding="utf-8")
    (project / "cases" / SLUG / "kasus.yml").write_text(
        (project / "cases" / SLUG / "kasus.yml").read_text(encoding="utf-8")
        + "simpulan:\n  simpulan: Klien mandiri.\n  rekomendasi: [Lanjutkan pendampingan.]\n", encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    assert "docs/templat/bab/bab-6-simpulan.md:" in output and "makro `simpulann` tidak dikenal" in output, output


# ---- the same messages from a real build (slow) ----

BUILD_MISTAKES = {  # one mistake per page: the build reports all of them at once
    "bab-4-penanganan-kasus.md": "misspelt-macro",
    "bab-1-pendahuluan.md": "literal-braces-in-prose",
    "bab-2-landasan-konseptual.md": "unknown-keyword",
    "bab-3-konteks-institusi.md": "missing-data",
    "bab-5-praktik-baik.md": "if-not-closed",
    "bab-6-simpulan.md": "front-matter-shifts-lines",
    "index.md": "duplicate-id",
}


@pytest.mark.slow
def test_build_fails_with_the_check_messages(project):
    shutil.rmtree(project / "docs")
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for chapter, name in BUILD_MISTAKES.items():
        (project / "cases" / SLUG / chapter).write_text(MISTAKES[name][0], encoding="utf-8")
    code, check_output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    expected = [line for line in check_output.splitlines() if line.startswith(f"cases/{SLUG}/") and ".md:" in line]
    assert len(expected) == len(BUILD_MISTAKES), check_output
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    for line in expected:
        assert line in result.stderr, (line, result.stderr[-3000:])
    assert "Traceback" not in result.stderr and f"kasus/{SLUG}" not in result.stderr


@pytest.mark.slow
def test_unknown_reference_fails_the_build_at_its_call(project):
    shutil.rmtree(project / "docs")
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    text, where, message = MISTAKES["unknown-reference"]
    (project / "cases" / SLUG / PAGE).write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"cases/{SLUG}/{PAGE}:{where}: {message}" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_serve_shows_the_check_message_in_the_page_and_keeps_running(project, tmp_path):
    import socket
    import time
    import urllib.request
    from html import unescape

    shutil.rmtree(project / "docs")
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "cases" / SLUG / PAGE).write_text(MISTAKES["literal-braces-in-prose"][0], encoding="utf-8")
    marker = tmp_path / "marker-serve"
    (project / "cases" / SLUG / "bab-1-pendahuluan.md").write_text(  # and a payload, on another page
        "# BAB I\n\n{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}\n", encoding="utf-8")
    code, check_output = run_cli(["check", f"cases/{SLUG}"])
    expected = next(line for line in check_output.splitlines() if line.startswith(f"cases/{SLUG}/{PAGE}:"))
    refused = next(line for line in check_output.splitlines() if line.startswith(f"cases/{SLUG}/bab-1-pendahuluan.md:3:4:"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-livereload"],
                                  cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"),
                                  stdout=out, stderr=subprocess.STDOUT)
    try:
        page = ""
        for _ in range(150):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/kasus/{SLUG}/bab-4-penanganan-kasus/",
                                              timeout=2).read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)
        assert expected in unescape(page), page[:3000]
        home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode("utf-8")
        assert expected in unescape(home) and refused in unescape(home)  # every page shows them, where the student looks
        bab1 = urllib.request.urlopen(f"http://127.0.0.1:{port}/kasus/{SLUG}/bab-1-pendahuluan/", timeout=5).read().decode()
        assert refused in unescape(bab1) and "Halaman ini belum dapat ditampilkan" in bab1
        assert server.poll() is None  # still serving
        text = log.read_text(encoding="utf-8")
        assert expected in text and refused in text and "Traceback" not in text
        assert not marker.exists()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_every_mistake_of_a_page_is_listed_at_once(project):
    (project / "cases" / SLUG / PAGE).write_text(
        "# BAB IV\n\n{% if ada('asesmen') %}\n{{ log_sessi() }}\n{% endif %}\n\n{{ tabel_wawancara(judull='x') }}\n\n"
        "{{ cycler.__init__ }}\n", encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    located = [line.split(": ")[0] for line in output.splitlines() if line.startswith(f"cases/{SLUG}/{PAGE}:")]
    assert located == [f"cases/{SLUG}/{PAGE}:4:4", f"cases/{SLUG}/{PAGE}:7:4", f"cases/{SLUG}/{PAGE}:9:4"], output


def test_error_faq_shows_the_page_check_messages():
    """The Panduan's Pesan galat page shows what the page check really prints for common page mistakes."""
    from macros.error_catalogue import PAGE_CATALOGUE, faq_markdown, run_page

    faq = faq_markdown()
    for mistake in PAGE_CATALOGUE:
        lines = run_page(mistake)
        assert len(lines) == 1 and lines[0].startswith("cases/contoh-2024/bab-4-penanganan-kasus.md:"), lines
        assert lines[0] in faq


def test_check_of_a_folder_outside_cases_reads_that_folders_pages(project, tmp_path):
    elsewhere = tmp_path / "kiriman" / "laporan-uji"
    shutil.copytree(FIXTURE, elsewhere)
    (elsewhere / PAGE).write_text("# BAB IV\n\n{{ log_sessi() }}\n", encoding="utf-8")
    code, output = run_cli(["check", str(elsewhere)])
    assert code == 1
    assert "kiriman/laporan-uji/bab-4-penanganan-kasus.md:3:4: makro `log_sessi` tidak dikenal" in output, output


def test_page_that_is_not_utf8_is_located_at_its_first_bad_byte(project):
    # The page check's own finding (loading the report first: the privacy scan of load_case reads pages too).
    from macros.loading import load_case
    from macros.page_check import PageChecker
    from macros.vocabulary import DEFAULT_VOCABULARY

    loaded = load_case(project / "cases" / SLUG, root=project).loaded
    (project / "cases" / SLUG / PAGE).write_bytes("# BAB IV\n\nKlien berkata: caf\u00e9.\n".encode("cp1252"))
    lines = [p.format() for p in PageChecker(project, DEFAULT_VOCABULARY).check(loaded, DEFAULT_VOCABULARY)]
    assert lines == [f"cases/{SLUG}/{PAGE}:3:19: halaman ini bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Windows-1252 "
                     "atau berupa berkas Word) (buka di penyunting teks, lalu simpan ulang dengan encoding UTF-8)"]


def test_every_unknown_reference_is_named(project):
    (project / "cases" / SLUG / PAGE).write_text(
        "# BAB IV\n\n{{ tabel_wawancara() }}\n\nLihat {{ ref('wawancar') }}\n\ndan {{ ref('kuadran') }}.\n", encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    located = [line.split(": ")[0] for line in output.splitlines() if line.startswith(f"cases/{SLUG}/{PAGE}:")]
    assert located == [f"cases/{SLUG}/{PAGE}:5:10", f"cases/{SLUG}/{PAGE}:7:8"], output


def test_pages_are_checked_even_when_the_data_has_errors(project):
    case = project / "cases" / SLUG / "kasus.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("usia: 40", "usia: empat puluh"), encoding="utf-8")
    (project / "cases" / SLUG / PAGE).write_text("# BAB IV\n\n{{ log_sessi() }}\n", encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    assert f"cases/{SLUG}/kasus.yml:21:9: klien.usia" in output
    assert f"cases/{SLUG}/{PAGE}:3:4: makro `log_sessi` tidak dikenal" in output, output


def test_a_link_mkdocs_cannot_find_becomes_the_located_message(project):
    """MkDocs' own warning (English, naming kasus/...) for a link the page check did not see is turned into
    the page check's located message and counted as a page problem."""
    import logging

    from macros.page_check import LinkWarnings
    from macros.site import current_build

    (project / "cases" / SLUG / PAGE).write_text("# BAB IV\n\nLihat [catatan](catatan lama.md).\n", encoding="utf-8")
    problems: list = []
    saved = dict(current_build)
    current_build.clear()
    try:
        record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0,
                                   f"Doc file 'kasus/{SLUG}/{PAGE}' contains a link 'catatan lama.md', but the target "
                                   f"'kasus/{SLUG}/catatan lama.md' is not found among documentation files.", None, None)
        assert LinkWarnings(project, problems, set(), serving=False).filter(record) is False  # not printed in English
    finally:
        current_build.clear()
        current_build.update(saved)
    assert [p.format().split(": ")[0] for p in problems] == [f"cases/{SLUG}/{PAGE}:3:17"]
    assert "menuju berkas yang tidak ada di situs" in problems[0].message


@pytest.mark.slow
def test_build_names_a_link_mkdocs_cannot_find_as_check_does(project):
    """Red team: `![x](../../../cases/other/media/x.svg)` passed check, then failed the strict build with MkDocs'
    English warning naming kasus/... Now check refuses it, and the build says the same line."""
    shutil.rmtree(project / "docs")
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "cases" / SLUG / "bab-1-pendahuluan.md").write_text(
        "# BAB I\n\n![x](../../../cases/other/media/x.svg)\n\nFoto: ![kegiatan](media/kegiatn.jpg)\n", encoding="utf-8")
    code, check_output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    expected = [line for line in check_output.splitlines()
                if line.startswith(f"cases/{SLUG}/bab-1-pendahuluan.md:") and ": peringatan: " not in line]
    assert [line.split(": ")[0] for line in expected] == [f"cases/{SLUG}/bab-1-pendahuluan.md:3:6",
                                                          f"cases/{SLUG}/bab-1-pendahuluan.md:5:19"], check_output
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    for line in expected:
        assert line in result.stderr, (line, result.stderr[-3000:])
    assert "Doc file" not in result.stderr and f"kasus/{SLUG}" not in result.stderr


def test_a_page_over_the_size_limit_is_refused_before_it_is_read(project):
    (project / "cases" / SLUG / PAGE).write_text("# BAB IV\n\n" + ("Teks panjang sekali. " * 50 + "\n\n") * 1100,
                                                 encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    assert f"cases/{SLUG}/{PAGE}:1:1: halaman ini terlalu besar (1,2 MB; paling besar 1 MB)" in output, output[-2000:]
