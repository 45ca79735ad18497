"""`python -m macros.mkdocs_run ARGS`: MkDocs' own command line as `casebook build` and `casebook export` run it:
its messages in Indonesian (macros/messages.py) and no traceback for the student.

Plain `python -m mkdocs` prints a traceback for a full disk or a read-only folder, and on Ctrl-C its PDF
workers print theirs and may stay behind. Here MkDocs runs the same, but:
- an OSError becomes one located Indonesian line (macros/failures.py);
- Ctrl-C (or SIGTERM) stops the workers, prints nothing more and exits with 130;
- forked workers that receive the terminal's Ctrl-C leave quietly: the build process reports;
- any other unexpected exception is one Indonesian line, its traceback kept in a file (macros/serve.py).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from macros.failures import os_error_message, stop_children

INTERRUPTED = 130


def _install_signal_handlers() -> None:
    main_pid = os.getpid()

    def interrupted(signum, frame):
        if os.getpid() != main_pid:
            os._exit(INTERRUPTED)  # a forked worker (PDF pool, search indexer): no traceback of its own
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)


def main(argv: list[str] | None = None) -> int:
    _install_signal_handlers()
    import click
    from mkdocs.__main__ import cli

    from macros.messages import attach_from_start

    attach_from_start()
    try:
        cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="mkdocs", standalone_mode=False)
    except click.exceptions.Abort:
        return 1  # MkDocs has logged why (its errors, Casebook's messages)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.ClickException as exc:
        exc.show()
        return exc.exit_code
    except KeyboardInterrupt:
        stop_children()
        return INTERRUPTED
    except OSError as exc:
        stop_children()
        print(os_error_message(exc), file=sys.stderr)
        return 1
    except MemoryError:
        stop_children()
        print("casebook: memori habis saat membangun situs; tutup program lain atau bangun lebih sedikit laporan sekaligus.",
              file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — a bug (in Casebook, a plugin or MkDocs), not the student's data
        stop_children()
        from macros.serve import _report_bug

        print(f"GALAT   -  Build gagal: {_report_bug(exc, Path.cwd())}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    if code == INTERRUPTED:
        os._exit(code)  # no exit handlers: they would wait for workers that are already gone
    sys.exit(code)
