"""A failing PDF or Word export speaks Indonesian at the error boundary: what happened and what to do, with the
original English text of WeasyPrint, pandoc or the system kept as detail. Every failure here is real: the print
engine, pandoc or the file system really fails."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest

from macros.export.docx import WordExportError, html_to_docx
from macros.pdf.render import RenderJob, failure_text, fill_page_numbers, render_pdf
from macros.pdf.settings import PrintProfile
from macros.pdf.site_pdfs import pdf_failure_message
from tests.helpers import FIXTURE, run_cli
from tests.test_site_build import _project_copy

DETAIL = "Rincian teknis (bahasa Inggris): "
# Words a student must not read as the message itself (English before the detail).
ENGLISH = re.compile(r"\b(error|failed|exceeded|maximum|not found|cannot|could not|permission|denied|no such)\b", re.I)


def _said_in_indonesian(message: str, original: str) -> None:
    head, marker, detail = message.partition(DETAIL)
    assert marker, message  # the original is kept, marked as detail
    assert original in detail, (original, detail)
    assert not ENGLISH.search(head), head  # what happened and what to do: Indonesian
    assert re.search(r"\b(lalu|jalankan|periksa|tutup|pasang|sederhanakan|kirimkan|pilih)\b", head, re.I), head


def _job(body: str, variant: str | None = None, tmp_path: Path = Path(".")) -> RenderJob:
    return RenderJob("uji", "", f"<html><body>{body}</body></html>", "", variant, False, (str(tmp_path),))


@pytest.mark.slow
def test_a_layout_weasyprint_cannot_finish_is_explained_in_indonesian(tmp_path):
    depth = 1500  # blocks nested deeper than WeasyPrint's layout recursion goes
    result = render_pdf(_job("<div>" * depth + "teks" + "</div>" * depth, tmp_path=tmp_path))
    assert result.pdf is None and result.error
    _said_in_indonesian(result.error, "RecursionError: maximum recursion depth exceeded")
    assert "bersarang" in result.error
    shown = pdf_failure_message("uji", result.error, None)  # as the build log shows it
    assert shown.startswith("cases/uji: PDF laporan tidak dapat dibuat (") and DETAIL in shown


def test_an_unknown_pdf_variant_is_explained_in_indonesian(tmp_path):
    result = render_pdf(_job("<p>teks</p>", variant="pdf/a-9z", tmp_path=tmp_path))
    _said_in_indonesian(result.error, "KeyError: 'pdf/a-9z'")
    assert "mkdocs.yml" in result.error


@pytest.mark.parametrize("exc", [MemoryError(), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
                                 OSError(28, "No space left on device"), ZeroDivisionError("division by zero")])
def test_every_kind_of_failure_has_an_indonesian_explanation(exc):
    _said_in_indonesian(failure_text(exc), f"{type(exc).__name__}: {exc}")


def test_casebooks_own_messages_stay_as_they_are():
    with pytest.raises(LookupError) as raised:  # a list entry the body lost: located by site_pdfs from its id
        fill_page_numbers('<a data-halaman="\ufdd0halaman:tabel-4-1\ufdd0">', {})
    assert failure_text(raised.value) == str(raised.value) and "`tabel-4-1`" in str(raised.value)


def _pandoc(monkeypatch, path: str) -> None:
    """Point pypandoc at another pandoc executable (its cached path: PYPANDOC_PANDOC is read only once)."""
    import pypandoc

    monkeypatch.setitem(pypandoc.__dict__, "__pandoc_path", path)


HTML = "<html><body><h1 id='bab-i'>BAB I Pendahuluan</h1><p>Teks.</p></body></html>"


@pytest.mark.slow
def test_pandoc_missing_is_explained_in_indonesian(tmp_path, monkeypatch):
    _pandoc(monkeypatch, str(tmp_path / "tidak-ada" / "pandoc"))
    with pytest.raises(WordExportError) as raised:
        html_to_docx(HTML, tmp_path / "laporan.docx", PrintProfile(), [tmp_path])
    _said_in_indonesian(str(raised.value), "FileNotFoundError")
    assert "pypandoc-binary" in str(raised.value) and not (tmp_path / "laporan.docx").exists()


@pytest.mark.slow
def test_pandoc_stopping_with_an_error_is_explained_in_indonesian(tmp_path, monkeypatch):
    """The real pandoc, made to fail by a reference document that does not exist: its own English message."""
    import pypandoc

    real = pypandoc.get_pandoc_path()
    wrapper = tmp_path / "pandoc"
    wrapper.write_text(f'#!/bin/sh\ncase "$*" in *--print-default*|*--version*) exec "{real}" "$@";; esac\n'
                       f'exec "{real}" "$@" --reference-doc={tmp_path}/hilang.docx\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    _pandoc(monkeypatch, str(wrapper))
    with pytest.raises(WordExportError) as raised:
        html_to_docx(HTML, tmp_path / "laporan.docx", PrintProfile(), [tmp_path])
    _said_in_indonesian(str(raised.value), "hilang.docx")
    assert "casebook check" in str(raised.value) and not (tmp_path / "laporan.docx").exists()


@pytest.mark.slow
def test_a_word_file_that_cannot_be_written_is_explained_by_the_command(tmp_path, monkeypatch):
    """`casebook export --docx --output` into a folder that does not exist: the student reads Indonesian, exit 2,
    no traceback, the folder named."""
    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "laporan-uji")
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    target = tmp_path / "tidak-ada" / "laporan.docx"
    code, out = run_cli(["export", "laporan-uji", "--docx", "--output", str(target)])
    assert code != 0 and "Traceback" not in out, out
    message = next(line for line in out.splitlines() if "dokumen Word tidak dapat ditulis" in line)
    _said_in_indonesian(message, "FileNotFoundError")
    assert str(target) in message and "--output" in message


@pytest.mark.slow
def test_a_pandoc_warning_becomes_an_indonesian_note_not_english_on_the_terminal(tmp_path, capfd):
    """A picture pandoc cannot fetch: the file is written, the student reads an Indonesian note naming the picture,
    and pandoc's own English line is not printed on its own."""
    notes: list[str] = []
    html = "<html><body><h1 id='bab-i'>BAB I Pendahuluan</h1><img src='hilang.png'><p>Teks.</p></body></html>"
    assert html_to_docx(html, tmp_path / "laporan.docx", PrintProfile(), [tmp_path], notes).is_file()
    picture = [note for note in notes if "hilang.png" in note]
    assert len(picture) == 1, notes
    _said_in_indonesian(picture[0], "Could not fetch resource hilang.png")
    printed = capfd.readouterr()
    assert "Could not fetch" not in printed.err + printed.out
