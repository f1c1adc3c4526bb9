"""Opening one of the app's pages under Streamlit's AppTest, as the page tests do."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_page(page: str, query: dict[str, str] | None = None, lang: str = "zh") -> AppTest:
    """The app opened on a link's ``query`` (and ``lang``), switched to ``page``, run; fails on
    an exception shown by the app."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if lang != "zh":
        at.query_params["lang"] = lang
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
