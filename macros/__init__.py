"""Casebook's mkdocs-macros module (`macros: module_name: macros` in mkdocs.yml).

Wiring only: the page macros live in `macros.page_macros`, the data model in
`macros.schema`, the reports are loaded by the hook in `macros.site_hooks`.
"""


def define_env(env) -> None:
    from macros.page_macros import MacroDataError, PageMacros
    from macros.render.numbering import NumberingError

    PageMacros(env).register()
    for error_type in (MacroDataError, NumberingError):
        _report_data_errors_without_traceback(error_type)


def _report_data_errors_without_traceback(error_type) -> None:
    """mkdocs-macros prints a traceback for a failing macro; for data errors the message says it all."""
    from mkdocs_macros.errors import format_error

    @format_error.register(error_type)
    def _message_only(error, markdown, page) -> str:
        return f"{page.file.src_uri}: {error}"
