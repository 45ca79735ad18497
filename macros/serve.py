"""`casebook serve`: MkDocs' live preview, made to keep running whatever the student saves.

- The port: a busy one (another preview still open) is said in Indonesian and the next free port
  is used, instead of MkDocs' `OSError: [Errno 98] Address already in use` traceback.
- A rebuild that fails for any reason (a data error, a page MkDocs or a plugin rejects, a plugin
  that calls `sys.exit`, a bug in Casebook) never stops the preview and prints no traceback: the
  terminal gets the messages logged during that build, and every page address shows them until a
  build succeeds (the browser reloads itself, as after any rebuild). A bug's traceback goes to a
  file for whoever fixes it.

Run as `python -m macros.serve [--port N] [--watch DIR]` (the CLI does).
"""

from __future__ import annotations

import argparse
import errno
import html
import logging
import socket
import sys
import traceback
from pathlib import Path

DEFAULT_PORT = 8000
PORTS_TRIED = 20
HOST = "127.0.0.1"

_failure: str | None = None  # what the last build logged before it failed; None after a good build


def port_is_free(port: int, host: str = HOST) -> bool:
    # No SO_REUSEADDR: with it, Linux lets the probe bind beside a preview that is still building (bound,
    # not yet listening). Without it a port closed a moment ago may look busy: the next one is used then.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port(start: int, tries: int = PORTS_TRIED) -> int | None:
    return next((port for port in range(start, min(start + tries, 65536)) if port_is_free(port)), None)


class _Collector(logging.Handler):
    """The warnings and errors of one build: what the page banner shows when it fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a record that cannot be formatted is not worth failing the preview for
            pass


def _report_bug(exc: BaseException, root: Path) -> str:
    """An unexpected exception: its traceback in a file, one Indonesian line for the student."""
    target = root / ".cache" / "casebook" / "galat-casebook.txt"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        where = f"rincian teknis untuk pengembang: {target.relative_to(root).as_posix()}"
    except OSError:
        where = "rincian teknis tidak dapat disimpan"
    return f"Kesalahan di dalam Casebook ({type(exc).__name__}), bukan di laporan Anda; {where}."


def _guarded(build):
    """MkDocs' build (or the server's builder, which first reads mkdocs.yml again), which never raises:
    a failure is recorded for the pages and told in the terminal."""

    def guarded_build(*args, **kwargs) -> None:
        global _failure
        collector = _Collector()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collector)
        try:
            build(*args, **kwargs)
            if _failure is not None:
                print("INFO    -  Build berhasil lagi; galat sebelumnya sudah teratasi.", file=sys.stderr)
            _failure = None
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit from a plugin, MkDocs' Abort, any bug: the preview goes on
            messages = [m for m in collector.messages if not m.startswith("Aborted with")]
            known = type(exc).__module__.startswith(("click", "mkdocs")) or isinstance(exc, SystemExit)
            if not known or not messages:
                said = str(exc) if not isinstance(exc, SystemExit) else ""
                messages.append(_report_bug(exc, Path.cwd()) if not known else
                                said or "Build gagal tanpa pesan; jalankan `casebook build` untuk keterangan lengkap.")
                print(f"GALAT   -  {messages[-1]}", file=sys.stderr)
            _failure = "\n".join(messages[-30:])
            print("GALAT   -  Pratinjau belum diperbarui: perbaiki galat di atas lalu simpan berkasnya. "
                  "Halaman di peramban menampilkan galat yang sama.", file=sys.stderr)
        finally:
            logger.removeHandler(collector)

    return guarded_build


def error_page(failure: str) -> bytes:
    """What every page address shows while the last build failed (MkDocs has cleaned the site by then)."""
    return ('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Build gagal · Casebook</title></head>'
            '<body style="margin:0;font:16px/1.5 system-ui,sans-serif;color:#212121">'
            '<div class="casebook-galat-build" role="alert" style="margin:0;padding:1.2rem 1.6rem;background:#fdecea;'
            'color:#611a15;border-bottom:3px solid #c62828"><p style="margin:0 0 .6rem"><strong>Build gagal.</strong> '
            "Situs belum dapat dibangun dari berkas yang baru disimpan. Perbaiki galat berikut lalu simpan: halaman ini "
            'dimuat ulang sendiri.</p><pre style="margin:0;white-space:pre-wrap;font:14px/1.45 monospace">'
            f"{html.escape(failure)}</pre></div></body></html>").encode()


def _showing_failures(serve_request):
    """While the last build has failed, every page address answers with its messages (and reloads itself)."""

    def _serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if _failure and not path.startswith("/livereload/") and (path.endswith("/") or path.endswith(".html")):
            with self._epoch_cond:
                epoch = self._visible_epoch
            content = self._inject_js_into_html(error_page(_failure), epoch)
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))])
            return [content]
        return serve_request(self, environ, start_response)

    return _serve_request


_installed = False


def install() -> None:
    """Make MkDocs' live server survive failing builds (once per process). `casebook serve` calls it before
    MkDocs starts; the hook calls it at start-up of a plain `mkdocs serve`, before its first build."""
    global _installed
    if _installed:
        return
    _installed = True
    import mkdocs.commands.serve as mkdocs_serve
    from mkdocs.livereload import LiveReloadServer

    mkdocs_serve.build = _guarded(mkdocs_serve.build)  # the first build, before the server runs
    serving = LiveReloadServer.__init__

    def server_init(self, builder, *args, **kwargs):  # every rebuild, including reading mkdocs.yml again
        serving(self, _guarded(builder), *args, **kwargs)

    LiveReloadServer.__init__ = server_init
    LiveReloadServer._serve_request = _showing_failures(LiveReloadServer._serve_request)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="casebook serve", add_help=False)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--watch", action="append", default=[])
    args = parser.parse_args(argv)
    port = free_port(args.port)
    if port is None:
        print(f"casebook: port {args.port} sampai {args.port + PORTS_TRIED - 1} sedang dipakai semua; tutup pratinjau "
              "lain (Ctrl+C di jendela terminalnya) atau pilih port lain, misalnya `casebook serve --port 8100`.",
              file=sys.stderr)
        return 2
    if port != args.port:
        print(f"casebook: port {args.port} sedang dipakai (mungkin pratinjau lain masih berjalan); memakai port {port}.",
              file=sys.stderr)
    print(f"casebook: pratinjau di http://{HOST}:{port}/ (berhenti: Ctrl+C)", file=sys.stderr, flush=True)

    from mkdocs.__main__ import cli

    from macros.messages import attach_from_start

    attach_from_start()
    install()
    arguments = ["serve", "--dev-addr", f"{HOST}:{port}"]
    for folder in args.watch:
        arguments += ["--watch", folder]
    try:
        cli.main(args=arguments, prog_name="mkdocs", standalone_mode=False)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
            print(f"casebook: pratinjau berhenti: {exc}", file=sys.stderr)
            return 1
        # Taken between the check above and MkDocs binding it (two previews started at once).
        print(f"casebook: port {port} baru saja dipakai program lain; jalankan lagi `casebook serve` "
              f"(atau `casebook serve --port {port + 1}`).", file=sys.stderr)
        return 2
    except Exception as exc:  # e.g. mkdocs.yml itself cannot be read: said once, no traceback
        print(f"casebook: pratinjau berhenti: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl+C while the preview starts: stopped, nothing to explain
        sys.exit(130)
