"""`casebook serve`: a busy port, a report with data errors and a failing rebuild never stop the preview,
and the student reads what happened in Indonesian, in the terminal and on the page."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.helpers import FIXTURE
from tests.test_site_build import _project_copy

pytestmark = pytest.mark.slow

BROKEN = "ts-rusak-2024"


class Preview:
    """One `casebook serve` in its own process group (its MkDocs and workers are stopped with it)."""

    def __init__(self, project, port: int, command: list[str] | None = None) -> None:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0")
        command = command or ["-m", "macros.cli", "serve", "--port", str(port)]
        self.process = subprocess.Popen([sys.executable, *command], cwd=project,
                                        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert self.process.poll() is None or text in self.output, f"serve stopped:\n{self.output}"  # noqa: E501
            assert time.monotonic() < deadline, f"{text!r} not seen:\n{self.output}"
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = _project_copy(tmp_path_factory.mktemp("serve"))
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    broken = project / "cases" / BROKEN
    shutil.copytree(FIXTURE, broken)
    (broken / "kasus.yml").write_text((broken / "kasus.yml").read_text(encoding="utf-8").replace("usia: 40", "usia: empat puluh"),
                                      encoding="utf-8")
    port = _free_port()
    server = Preview(project, port)
    try:
        server.wait_for("Pratinjau berjalan di")
        yield project, port, server
    finally:
        server.stop()


def test_a_second_preview_on_the_same_port_says_so_and_uses_the_next_free_one(preview):
    project, port, _ = preview
    second = Preview(project, port)
    try:
        second.wait_for("casebook: pratinjau di", timeout=60)
    finally:
        second.stop()
    assert f"casebook: port {port} sedang dipakai (mungkin pratinjau lain masih berjalan); memakai port" in second.output
    assert "Traceback" not in second.output and "Address already in use" not in second.output


def test_the_broken_reports_own_pages_show_its_errors_not_a_404(preview):
    _, port, server = preview
    for page in ("", "bab-4-penanganan-kasus/"):
        status, html = _get(f"http://127.0.0.1:{port}/kasus/{BROKEN}/{page}")
        assert status == 200, html[:300]
        assert 'class="casebook-galat-data"' in html
        assert f"cases/{BROKEN}/kasus.yml:21:9: klien.usia: harus berupa bilangan bulat" in html
        assert f"Laporan <code>{BROKEN}</code> belum dapat ditampilkan" in html
    status, html = _get(f"http://127.0.0.1:{port}/kasus/ts-contoh-2024/")
    assert status == 200 and 'class="casebook-galat-data"' in html  # every page says it, the good report is shown
    assert "Not found" not in _get(f"http://127.0.0.1:{port}/tidak-ada/")[1]


def _rebuilt(server, before: int) -> None:
    deadline = time.monotonic() + 300
    while server.output.count("Memuat ulang peramban") <= before:
        assert time.monotonic() < deadline, server.output
        time.sleep(0.2)


def test_a_stray_double_brace_in_a_page_is_shown_at_its_line_and_the_preview_goes_on(preview):
    project, port, server = preview
    page = project / "cases" / "ts-contoh-2024" / "bab-5-praktik-baik.md"
    original = page.read_text(encoding="utf-8") if page.exists() else None
    before = server.output.count("Memuat ulang peramban")
    page.write_text("# BAB V Praktik Baik\n\nKlien menulis di papan: {{ panen 5 kg per minggu }}.\n", encoding="utf-8")
    _rebuilt(server, before)
    status, html = _get(f"http://127.0.0.1:{port}/kasus/ts-contoh-2024/")
    assert status == 200 and "cases/ts-contoh-2024/bab-5-praktik-baik.md:3:" in html
    assert server.process.poll() is None
    before = server.output.count("Memuat ulang peramban")
    if original is None:
        page.unlink()
    else:
        page.write_text(original, encoding="utf-8")
    _rebuilt(server, before)
    assert "bab-5-praktik-baik.md:3:" not in _get(f"http://127.0.0.1:{port}/kasus/ts-contoh-2024/")[1]
    assert "Traceback" not in server.output


def test_a_rebuild_that_fails_keeps_the_preview_and_shows_the_error_on_every_page(preview):
    """Any failure, here mkdocs.yml saved half-edited (read again on every rebuild)."""
    project, port, server = preview
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "\ntheme: [\n", encoding="utf-8")
    server.wait_for("Pratinjau belum diperbarui")
    for address in ("", "kasus/ts-contoh-2024/", "halaman/baru/"):
        status, html = _get(f"http://127.0.0.1:{port}/{address}")
        assert status == 200 and 'class="casebook-galat-build"' in html and "Build gagal." in html
        assert "livereload(" in html  # it reloads itself once the file is fixed
    assert server.process.poll() is None
    config.write_text(original, encoding="utf-8")
    server.wait_for("Build berhasil lagi")
    assert 'class="casebook-galat-build"' not in _get(f"http://127.0.0.1:{port}/kasus/ts-contoh-2024/")[1]
    assert "Traceback" not in server.output


def test_plain_mkdocs_serve_survives_a_failing_rebuild_too(tmp_path):
    project = _project_copy(tmp_path)
    shutil.copytree(FIXTURE, project / "cases" / "ts-contoh-2024")
    port = _free_port()
    server = Preview(project, port, ["-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"])
    try:
        server.wait_for("Pratinjau berjalan di")
        config = project / "mkdocs.yml"
        original = config.read_text(encoding="utf-8")
        config.write_text(original + "\ntheme: [\n", encoding="utf-8")
        server.wait_for("Pratinjau belum diperbarui")
        status, html = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and 'class="casebook-galat-build"' in html
        config.write_text(original, encoding="utf-8")
        server.wait_for("Build berhasil lagi")
        assert server.process.poll() is None and "Traceback" not in server.output
    finally:
        server.stop()
