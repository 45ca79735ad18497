"""One report's PDF never stops the others' (red-team finding 8, issue 17; archive isolation, issue 21).

A student's text reaches the PDF's lists as ids and titles: an id holding a quote, or a title holding
`{0}`, once made the Daftar Lampiran name an anchor the body had lost, and the whole campus build
stopped at the PDF step. Ids are now validated where they are written (a located message in check and
build), titles are text; and a report whose PDF fails for any reason is left out like a report with a
data error, named in the build report, while the others get their PDFs. Real builds, PDFs read back.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.test_archive_isolation import _published, _report
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

BRACES_TITLE = "Surat {0} %s tugas"


def casebook(project, *arguments, cache, **env):
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_CACHE_DIR=str(cache / "muat"), CASEBOOK_PDF="1",
                       **env)
    return subprocess.run([sys.executable, "-m", "macros.cli", *arguments], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=900)


def _page(folder, text: str) -> None:
    (folder / "bab-1-pendahuluan.md").write_text(f"# BAB I Pendahuluan\n\n{text}\n", encoding="utf-8")


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _archive(tmp_path):
    project = _project_copy(tmp_path)
    _report(project, "aman-contoh-2024")
    _page(_report(project, "judul-contoh-2024"), f"{{{{ judul_lampiran('{BRACES_TITLE}', 'surat1') }}}}")
    return project


def test_an_id_with_a_quote_is_a_located_error_in_check_and_the_archive_build_publishes_the_others(tmp_path):
    project = _archive(tmp_path)
    _page(_report(project, "kutip-contoh-2024"), "{{ linimasa(id='a\"b') }}")
    where = "cases/kutip-contoh-2024/bab-1-pendahuluan.md:3:"
    check = casebook(project, "check", "cases/kutip-contoh-2024", cache=tmp_path)
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr
    assert where in check.stdout and 'id `a"b` tidak valid' in check.stdout, check.stdout
    result = casebook(project, "build", cache=tmp_path)
    assert "Traceback" not in result.stderr
    assert _published(project) == {"aman-contoh-2024", "judul-contoh-2024"}, result.stderr
    assert "- kutip-contoh-2024" in result.stderr and where in result.stderr
    for slug in ("aman-contoh-2024", "judul-contoh-2024"):
        assert (project / "site" / "kasus" / slug / f"{slug}.pdf").is_file(), result.stderr
    # The title with `{0}` and `%s` is printed as written, in the body and in the Daftar Lampiran, never interpreted.
    text = _pdf_text(project / "site" / "kasus" / "judul-contoh-2024" / "judul-contoh-2024.pdf")
    assert text.count(BRACES_TITLE) >= 2, text


def test_a_report_whose_pdf_fails_is_left_out_and_named_while_the_others_get_their_pdfs(tmp_path):
    """Whatever makes one PDF fail (here the old fault, put back into the build process: titles written into the
    heading unescaped, so `{0}` eats the appendix's id), that report alone is left out and located."""
    project = _archive(tmp_path)
    inject = tmp_path / "suntik"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(project)!r})\n"
        "from markupsafe import escape\n"
        "import macros.page_macros as page_macros\n"
        "page_macros.markdown_heading_text = lambda text: str(escape(text))\n", encoding="utf-8")
    result = casebook(project, "build", cache=tmp_path, PYTHONPATH=str(inject))
    assert "Traceback" not in result.stderr
    assert _published(project) == {"aman-contoh-2024"}, result.stderr
    assert (project / "site" / "kasus" / "aman-contoh-2024" / "aman-contoh-2024.pdf").is_file()
    assert not list((project / "site").rglob("judul-contoh-2024*"))
    # Report, file and field: the page that wrote the appendix heading, its id and its title.
    assert "- judul-contoh-2024" in result.stderr
    assert ("cases/judul-contoh-2024/bab-1-pendahuluan.md: PDF laporan tidak dapat dibuat: Lampiran 1 (id `surat1`, "
            f"judul `{BRACES_TITLE}`)") in result.stderr, result.stderr
    report = (tmp_path / "laporan-build.txt").read_text(encoding="utf-8")
    assert "judul-contoh-2024" in report and "id `surat1`" in report


def test_a_pdf_whose_layout_never_ends_fails_alone_and_the_build_goes_on(tmp_path):
    """Red team s23 #7: one report's layout can run for hours (WeasyPrint is quadratic in colspan). Whatever the
    cause (here a render made to hang, in the build's workers), that report's PDF is given up after the time
    limit, its worker stopped, the report left out and named; the others are published with their PDFs."""
    import time

    project = _archive(tmp_path)
    inject = tmp_path / "suntik"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(
        "import sys, time\n"
        f"sys.path.insert(0, {str(project)!r})\n"
        "import macros.pdf.render as render\n"
        "original = render.render_pdf\n"
        "def hanging(job):\n"
        "    if job.slug == 'judul-contoh-2024':\n"
        "        time.sleep(3600)\n"
        "    return original(job)\n"
        "render.render_pdf = hanging\n", encoding="utf-8")
    started = time.monotonic()
    result = casebook(project, "build", cache=tmp_path, PYTHONPATH=str(inject), CASEBOOK_PDF_BATAS_DETIK="20")
    assert time.monotonic() - started < 600, "the hanging render held the build"
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert _published(project) == {"aman-contoh-2024"}, result.stderr[-3000:]
    assert (project / "site" / "kasus" / "aman-contoh-2024" / "aman-contoh-2024.pdf").is_file()
    assert "- judul-contoh-2024" in result.stderr and "PDF tidak selesai ditata dalam 20 detik" in result.stderr
