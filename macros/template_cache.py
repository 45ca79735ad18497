"""Compiled page templates, kept between builds.

mkdocs-macros compiles every page as a Jinja template (`Environment.from_string`). Compiling a
student's own BAB IV of seed size takes about 6 ms, so an archive of a thousand reports spent some
6 s of every build compiling pages that had not changed. The compiled form of a source depends only
on the source, Jinja, Python and the environment's syntax settings, so it is kept:

- in memory for the build: most report pages share a chapter template (docs/templat/);
- on disk for the next build: `.cache/casebook/jinja/<key>.code`, the marshalled code object
  (or under CASEBOOK_CACHE_DIR's parent, as the other caches). An entry unused for 60 days is removed.

A compiled template holds no page data: each page still renders with its own variables, and a
template with a syntax error (or a construct the page sandbox refuses, macros/sandbox.py) is never
cached, so the student sees the same error every build.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
from pathlib import Path

import jinja2

from macros.caches import cache_root, prune_unused, touch

UNUSED_DAYS = 60


def cache_dir(root: Path) -> Path:
    return cache_root(root) / "jinja"


def _settings(jinja: jinja2.Environment) -> bytes:
    """Everything besides the source that shapes the compiled code.

    A sandboxed environment compiles different code (every call and attribute access goes through
    the sandbox), and Casebook's page environment checks a page before compiling it: its class and
    `cache_token()` (policy version, page macros and their signatures) are part of the key, so code
    compiled by another environment, or checked under other rules, is never reused.
    """
    token = jinja.cache_token() if hasattr(jinja, "cache_token") else b""
    return token + repr((
        type(jinja).__module__, type(jinja).__qualname__, jinja.sandboxed, sorted(getattr(jinja, "intercepted_binops", ())),
        sorted(getattr(jinja, "intercepted_unops", ())), jinja2.__version__, importlib.util.MAGIC_NUMBER,
        jinja.block_start_string, jinja.block_end_string, jinja.variable_start_string, jinja.variable_end_string,
        jinja.comment_start_string, jinja.comment_end_string, jinja.line_statement_prefix, jinja.line_comment_prefix,
        jinja.trim_blocks, jinja.lstrip_blocks, jinja.newline_sequence, jinja.keep_trailing_newline,
        sorted(jinja.extensions), bool(jinja.autoescape), callable(jinja.autoescape), jinja.finalize is not None,
        jinja.is_async, jinja.optimized)).encode()


def install(jinja: jinja2.Environment, directory: Path) -> None:
    """Make `jinja.from_string` use compiled code from memory or disk, compiling only a new source."""
    directory.mkdir(parents=True, exist_ok=True)
    prune_unused(directory, "*.code", UNUSED_DAYS)
    settings = _settings(jinja)
    compiled: dict[str, object] = {}

    def code_of(source: str):
        key = hashlib.sha256(settings + b"\0" + source.encode("utf-8")).hexdigest()
        code = compiled.get(key)
        if code is not None:
            return code
        path = directory / f"{key}.code"
        try:
            code = marshal.loads(path.read_bytes())
            touch(path)  # used: not pruned
        except (OSError, ValueError, EOFError, TypeError):
            code = jinja.compile(source)  # a syntax error is raised here, and nothing is written
            temporary = path.with_name(f".{key}.{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps(code))
            temporary.replace(path)
        compiled[key] = code
        return code

    def from_string(source, globals=None, template_class=None):
        # Environment.from_string, with the compile step cached.
        return (template_class or jinja.template_class).from_code(jinja, code_of(source), jinja.make_globals(globals), None)

    jinja.from_string = from_string
