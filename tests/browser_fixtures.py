"""Pytest fixtures for the real-browser tests: one ``streamlit run app.py`` server and one
Chromium per test module, and a fresh page per test that fails on uncaught page errors.
Registered in tests/conftest.py; the plain helpers they use live in tests/conftest_browser.py
(shared with the benchmarks and the screenshot script)."""

from __future__ import annotations

import pytest

from tests.conftest_browser import StreamlitServer, launch_chromium, new_page


@pytest.fixture(scope="module")
def server():
    srv = StreamlitServer("app.py").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as pw:
        chromium = launch_chromium(pw)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page; records dialogs (dismissing them) and uncaught page errors, and fails on the
    latter."""
    page = new_page(browser)
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    errors = list(page.errors)
    page.context.close()
    assert not errors, f"uncaught errors in the page: {errors}"
