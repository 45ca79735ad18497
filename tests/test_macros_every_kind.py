"""Every page macro, called bare on a report of every practicum kind, either draws something or says in
Indonesian what it needs: never an internal error (an exception's English name), whatever the kind
(user test: `identitas_klien()` in a community report gave "gagal dijalankan (AttributeError)").
Each macro gets a page of its own: rendering stops at a page's first failing call."""

from __future__ import annotations

import inspect
import shutil

import pytest

from macros.loading import load_case
from macros.page_check import PageChecker
from macros.page_macros import PageMacros
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import ALL_EXAMPLES, ROOT
from tests.test_site_build import _project_copy

NO_ARGUMENTS = sorted(name for name, member in inspect.getmembers(PageMacros, inspect.isfunction)
                      if not name.startswith("_") and name != "register"
                      and all(p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                              for p in list(inspect.signature(member).parameters.values())[1:]))


@pytest.mark.slow
@pytest.mark.parametrize("slug", ALL_EXAMPLES)
def test_every_bare_macro_draws_or_names_what_it_needs(tmp_path, slug):
    assert len(NO_ARGUMENTS) > 20
    project = _project_copy(tmp_path)
    folder = project / "cases" / slug
    shutil.copytree(ROOT / "cases" / slug, folder)
    loaded = load_case(folder, root=project).loaded
    checker = PageChecker(project, DEFAULT_VOCABULARY)
    internal = {}
    for name in NO_ARGUMENTS:
        (folder / "bab-1-pendahuluan.md").write_text(f"# BAB I Pendahuluan\n\n{{{{ {name}() }}}}\n", encoding="utf-8")
        for problem in checker.check(loaded, DEFAULT_VOCABULARY, []):
            if "gagal dijalankan" in problem.message or "Error" in problem.message:
                internal[name] = problem.message
    assert not internal, internal
