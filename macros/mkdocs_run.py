"""`python -m macros.mkdocs_run ARGS`: MkDocs' own command line, its messages in Indonesian
(macros/messages.py). `casebook build` and `casebook export` run MkDocs through it."""

import sys

from macros.messages import attach_from_start

if __name__ == "__main__":
    attach_from_start()
    from mkdocs.__main__ import cli

    try:
        cli(prog_name="mkdocs")
    except KeyboardInterrupt:  # Ctrl+C: stopped, nothing to explain
        sys.exit(130)
