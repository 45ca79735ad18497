"""Casebook's mkdocs-macros module (`macros: module_name: macros` in mkdocs.yml).

Wiring only: the page macros live in `macros.page_macros`, the data model in
`macros.schema`, the reports are loaded by the hook in `macros.site_hooks`.
"""


def define_env(env) -> None:
    from macros.page_macros import PageMacros

    PageMacros(env).register()
