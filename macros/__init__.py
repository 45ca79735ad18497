"""Casebook's mkdocs-macros module (`macros: module_name: macros` in mkdocs.yml).

Wiring only: the page macros live in `macros.page_macros`, the data model in
`macros.schema`, the reports are loaded by the hook in `macros.site_hooks`.

mkdocs-macros does not render the pages itself: `site_hooks.on_config` replaces its plain Jinja
environment and its `render` with Casebook's page sandbox (`macros.sandbox`, `macros.page_check`),
which knows only the page macros and reports every mistake as `cases/<slug>/<page>.md:line:col`.
"""


def define_env(env) -> None:
    from macros.page_macros import PageMacros

    # Listed in mkdocs-macros' own inventory; pages call them through the sandbox (macros/page_check.py).
    PageMacros(env).register()
