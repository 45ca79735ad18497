"""Python as on Windows: `fork` and `forkserver` do not exist, `spawn` is the default.

Put this folder first on PYTHONPATH (tests/test_spawn_only.py does) and every Python started
with that environment, including spawned workers, behaves like Windows' multiprocessing: asking
for `fork` raises `ValueError: cannot find context for 'fork'`, as it does there.
"""

import multiprocessing.context as _context

for _method in ("fork", "forkserver"):
    _context._concrete_contexts.pop(_method, None)
_context.DefaultContext.get_all_start_methods = lambda self: ["spawn"]
_context._default_context._default_context = _context._concrete_contexts["spawn"]
_context._default_context._actual_context = None

import multiprocessing as _multiprocessing  # noqa: E402 — its functions are bound when it is first imported

_multiprocessing.get_all_start_methods = lambda: ["spawn"]
