"""The baseline (设为基准) under AppTest: pinned by a button, carried in the link as base=, and
what the overview's KPI changes and decomposition table compare against."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from planner import compare, kpis
from planner.engine import simulate
from planner.link import from_query
from planner.report import totals
from planner.scenario import Scenario

from .test_app import app

BASE = Scenario(invites=5000)
NOW = Scenario(invites=6000, aov=260.0)


def deltas(at: AppTest) -> dict[str, str]:
    return {m.label: m.delta for m in at.metric if m.delta}


def test_without_a_baseline_no_kpi_shows_a_change_and_the_page_says_how_to_get_one():
    at = app({"invites": "6000"})
    assert not deltas(at)
    assert any("未设基准" in c.value for c in at.caption)
    assert "base" not in at.query_params


def test_setting_a_baseline_puts_it_in_the_link_and_changes_are_measured_from_it():
    at = app({"invites": "5000"})
    at.button(key="baseline_set").click().run()
    assert at.query_params["base"] == "invites:5000"
    assert not deltas(at)  # the current scenario is the baseline
    assert any("当前场景就是基准" in c.value for c in at.caption)
    at.slider(key="invites").set_value(6000).run()
    at.slider(key="invites").set_value(5500).run()  # a second move: still measured from the baseline
    want = totals(simulate(Scenario(invites=5500)))["gmv"] - totals(simulate(BASE))["gmv"]
    assert deltas(at)["GMV"] == kpis.change_text("gmv", want, "zh") + "（较基准）"
    assert at.query_params["base"] == "invites:5000"


def test_a_link_with_a_baseline_opens_with_its_changes():
    at = app({"invites": "6000", "aov": "260", "base": "invites:5000"})
    assert not at.warning
    now, before = totals(simulate(NOW)), totals(simulate(BASE))
    shown = deltas(at)
    for key in ("gmv", "net_gmv", "profit", "gmv_per_viewer"):
        assert shown[kpis.label(key, "zh")] == kpis.change_text(key, now[key] - before[key], "zh") + "（较基准）"
    total = at.table[0].value.iloc[-1]
    d = compare.decompose(simulate(BASE), simulate(NOW))
    for column, factor in (("其中：场观", "pv"), ("其中：转化率", "cvr"), ("其中：客单价", "aov")):
        assert total[column] == kpis.change_text("gmv", d["by_factor"][factor], "zh")


def test_the_baseline_is_labelled_in_english_too():
    at = app({"invites": "6000", "base": "invites:5000", "lang": "en"})
    assert deltas(at)["GMV"].endswith(" vs baseline")
    assert "ΔGMV vs baseline" in at.table[0].value.columns


def test_clearing_the_baseline_removes_the_arrows_and_the_key():
    at = app({"invites": "6000", "base": "invites:5000"})
    assert deltas(at)
    at.button(key="baseline_clear").click().run()
    assert not deltas(at)
    assert "base" not in at.query_params


def test_the_baseline_stays_in_the_link_on_other_pages():
    at = app({"invites": "6000", "base": "invites:5000"})
    at.switch_page("pages/matrix.py").run()
    assert not at.exception
    assert at.query_params["base"] == "invites:5000"
    at.switch_page("pages/overview.py").run()
    assert deltas(at)


def test_a_bad_baseline_gets_one_notice_and_is_dropped():
    at = app({"base": "invites:lots;<b>x</b>:1"})
    assert len(at.warning) == 1
    assert "base=" in at.code[0].value and "不设基准" in at.code[0].value
    assert "base" not in at.query_params
    assert not deltas(at)
    # a canonical reading of the same baseline is what the link then carries
    at = app({"base": "invites:５０００"})
    assert at.query_params["base"] == "invites:5000"
    assert from_query("invites=5000")[0] == BASE


def test_back_gives_the_entrys_language_and_baseline(monkeypatch):
    """On the browser's Back (``views.state.follow_address``) the address bar's entry, without
    lang= and base=, wins over what the session held (English, a baseline): the script used to
    write both straight back, and Back seemed to do nothing. A real browser: tests/app/test_browser.py."""
    from views import streamlit_shell

    at = app({"invites": "6000", "lang": "en", "base": "invites:5000"})
    assert at.title[0].value == "Overview" and deltas(at)
    at.query_params.pop("lang")
    at.query_params.pop("base")
    monkeypatch.setattr(streamlit_shell, "is_history_navigation", lambda: True)
    at.run()
    assert not at.exception
    assert at.title[0].value == "总览" and not deltas(at)
    assert "lang" not in at.query_params and "base" not in at.query_params
