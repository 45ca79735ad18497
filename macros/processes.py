"""Which way Casebook starts worker processes, on every platform.

`fork` (Linux, instant, nothing imported twice) is preferred where it exists; Windows has only
`spawn`, where a worker starts a fresh interpreter and imports what it needs. Every worker
function is a module-level function and every argument pickles, so both work; this module is
the one place that chooses.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext


def available(method: str) -> bool:
    return method in multiprocessing.get_all_start_methods()


def context(*preferred: str) -> BaseContext:
    """The first of `preferred` this platform offers, else `spawn` (offered everywhere)."""
    for method in preferred:
        if available(method):
            return multiprocessing.get_context(method)
    return multiprocessing.get_context("spawn")
