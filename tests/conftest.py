"""Test selection: `pytest -m "not slow and not browser"` runs the fast tests in seconds.

A test that drives Chromium (it asks for the `browser` or `page` fixture) is marked `browser`
automatically; a module that builds real sites, PDFs or DOCX files declares `pytestmark = pytest.mark.slow`.
"""

import pytest

BROWSER_FIXTURES = {"browser", "page"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
