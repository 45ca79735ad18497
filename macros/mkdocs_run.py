"""`python -m macros.mkdocs_run ARGS`: MkDocs' own command line, its messages in Indonesian
(macros/messages.py) and no traceback for the student. `casebook build` and `casebook export` run
MkDocs through it; an unexpected exception is one Indonesian line, its traceback kept in a file."""

import sys
from pathlib import Path

from macros.messages import attach_from_start

if __name__ == "__main__":
    attach_from_start()
    from mkdocs.__main__ import cli

    try:
        cli(prog_name="mkdocs")
    except KeyboardInterrupt:  # Ctrl+C: stopped, nothing to explain
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 — a bug (in Casebook, a plugin or MkDocs), not the student's data
        from macros.serve import _report_bug

        print(f"GALAT   -  Build gagal: {_report_bug(exc, Path.cwd())}", file=sys.stderr)
        sys.exit(1)
