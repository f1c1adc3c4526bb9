"""What a visitor sees when something fails (views/errors.py and .streamlit/config.toml): one
short line, never a traceback or a server path."""

from __future__ import annotations

import tomllib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from planner import budget
from planner.text import t

from .apptest_pages import APP, open_page

ROOT = Path(__file__).resolve().parents[1]
SECRET = "/srv/secret/planner/engine.py"


def _texts(at: AppTest) -> list[str]:
    return [e.value for e in (*at.error, *at.code, *at.markdown, *at.caption, *at.text)]


def test_streamlit_shows_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"  # "false" would still show tracebacks


def test_the_budget_link_that_crashed_shows_a_plan():
    at = open_page("pages/budget.py", {"budget": "1500000"})  # fails on any exception shown
    assert not at.error, [e.value for e in at.error]


def test_an_unexpected_error_is_one_short_line_without_details(monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError(f"boom in {SECRET}")

    monkeypatch.setattr("planner.compare.kpi_table", broken)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/compare.py").run()
    assert not at.exception, "the traceback reached the page"
    assert [e.value for e in at.error] == [t("notice.page_bug", "zh")]
    assert not any(SECRET in text or "RuntimeError" in text for text in _texts(at))


def test_a_planner_error_is_its_own_sentence_as_plain_text(monkeypatch):
    def refused(*_args, **_kwargs):
        raise budget.BudgetError("compare.how_many", most="**bold**", got="<b>x</b>")  # markup in its values

    monkeypatch.setattr("planner.compare.kpi_table", refused)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/compare.py").run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("notice.page_error", "en")]
    assert "compare 1 to **bold** scenarios, got <b>x</b>." in [c.value for c in at.code]  # st.code: never Markdown or HTML
