"""The 投流 Budget page under Streamlit's AppTest, and its figure builders (no server).

Expected numbers come from ``planner.budget`` itself, formatted with ``planner.fmt``.
"""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots
from streamlit.testing.v1 import AppTest

from planner import budget, fmt
from planner.engine import TOOLS, simulate
from planner.link import format_value, from_query, round_value
from planner.params import BY_KEY
from planner.report import totals
from planner.scenario import Scenario
from planner.text import t
from tests import apptest_pages
from views import budget as bc
from views import budget_state as bs
from views import i18n, page_keys

PAGE = "pages/budget.py"
FONT = "Noto Sans CJK SC"


def open_page(query: dict[str, str] | None = None, lang: str = "zh") -> AppTest:
    return apptest_pages.open_page(PAGE, query, lang)


def charts(at: AppTest) -> list:
    return at.get("plotly_chart")


# --- the page ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders_in_both_languages(lang):
    at = open_page(lang=lang)
    assert at.title[0].value == t("budget_page.title", lang)
    heads = [s.value for s in at.subheader]
    for key in ("curves_title", "opt_title", "goal_title"):
        assert t(f"budget_page.{key}", lang) in heads
    # the open tab's curve, allocation, cumulative GMV, the open tab's curve after (goal seek waits
    # for a target); after the plan, the tool it spends the most on is open first
    plan = budget.optimise(Scenario(), 10_000, "gmv")
    most = TOOLS[int(np.argmax(plan.allocation.sum(axis=0)))]
    assert most != "gdt"  # the default plan spends nothing on 广点通, so this tells the plan's tab from the first
    assert [chart.proto.id.rpartition("-")[2] for chart in charts(at)] == [
        "curve_gdt", "alloc_chart", "cum_chart", f"after_curve_{most}"]
    for chart in charts(at):
        config = json.loads(chart.proto.config)
        assert config["toImageButtonOptions"] == {"format": "png", "scale": 2,
                                                  "filename": ("视频号_投流_" if lang == "zh" else "shipinhao_budget_")
                                                  + date.today().isoformat()}
        assert json.loads(chart.proto.spec)["layout"]["font"]["family"].startswith(f'"{FONT}"')
    assert not at.error


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_only_the_open_tabs_curve_is_drawn_and_another_tab_draws_its_own(lang):
    """Each curve is a three-panel figure the server builds on every move: only the open tab's is."""
    at = open_page(lang=lang)
    at.session_state["curve_tabs"] = bc.tool_name("beans", lang)
    at.session_state["after_curve_tabs"] = bc.tool_name("coupons", lang)
    at.run()
    drawn = {chart.proto.id.rpartition("-")[2]: json.loads(chart.proto.spec) for chart in charts(at)}
    assert set(drawn) == {"curve_beans", "alloc_chart", "cum_chart", "after_curve_coupons"} and not at.exception
    title = drawn["curve_beans"]["layout"]["title"]["text"]
    assert title == t("budget_page.curve_title", lang, tool=bc.tool_name("beans", lang))


def test_result_shows_the_planner_numbers():
    at = open_page()
    scenario = Scenario()
    plan = budget.optimise(scenario, 10_000, "gmv")
    kpis = at.dataframe[0].value
    row = kpis[kpis[t("table.metric", "zh")] == "GMV"].iloc[0]
    assert row[t("budget_page.before", "zh")] == fmt.money(plan.before["gmv"], "zh")
    assert row[t("budget_page.after", "zh")] == fmt.money(plan.after["gmv"], "zh")


def test_apply_makes_the_allocation_the_current_scenario():
    at = open_page()
    plan = budget.optimise(Scenario(), 10_000, "gmv")
    at.button(key="apply_budget").click().run()
    assert not at.exception
    for k, tool in enumerate(TOOLS):  # the plan's totals, at the whole 元 its link writes, screen and link alike
        assert at.session_state[tool] == getattr(plan.scenario, tool) == pytest.approx(plan.by_tool[k], abs=1)
        # AppTest shows the server's own text of a float box (str: 8177.0); a browser's bar writes 8177.
        # Either way the number is the plan's whole 元, never 4411.764705882352.
        written = at.query_params.get(tool)
        assert written is None or float(written) == float(format_value(BY_KEY[tool], getattr(plan.scenario, tool)))
    wanted = budget.link_values(plan.scenario)
    for key in ("gdt_split", "beans_split", "coupons_split"):
        assert at.query_params.get(key) == wanted[key]
    # The app now simulates the allocation, split included: the page's "before" is the plan's "after".
    kpis = at.dataframe[0].value
    row = kpis[kpis[t("table.metric", "zh")] == "GMV"].iloc[0]
    assert row[t("budget_page.before", "zh")] == fmt.money(plan.after["gmv"], "zh")
    assert at.success and at.success[0].value == t("budget_page.applied", "zh")


def test_infeasible_bounds_show_one_error_not_an_exception():
    at = open_page()
    at.number_input(key="gdt_min").set_value(50_000.0).run()
    assert not at.exception
    assert len(at.error) == 1 and "50,000.00" in at.error[0].value


def test_modes_render():
    at = open_page({"days": "30", "accounts": "2"})
    for mode in bs.MODES:
        at.radio(key="mode").set_value(mode).run()
        assert not at.exception, mode
        assert not at.error, (mode, [e.value for e in at.error])


def test_goal_seek_answer_and_apply():
    at = open_page({"days": "30", "accounts": "2"})
    at.selectbox(key="goal_param").set_value("cvr").run()
    at.number_input(key="goal_gmv").set_value(1_000_000.0).run()
    goal = budget.goal_seek(Scenario(days=30, accounts=2), "cvr", 1_000_000.0)
    assert at.success[-1].value == goal.reason.text("zh")
    at.button(key="apply_goal").click().run()
    assert at.session_state["cvr"] == round_value(BY_KEY["cvr"], goal.value)  # at the link's precision


def test_page_keys_are_not_unknown_parameters():
    # The app tells the codec which keys are its own; the codec itself knows no page.
    assert set(bs.PAGE_KEYS) <= page_keys.APP_KEYS
    link = {"budget": "20000", "mode": "incremental", "gdt_max": "500", "cvr": "0.02"}
    assert from_query(link, other_keys=page_keys.APP_KEYS)[1] == []
    assert [n.key for n in from_query(link)[1]] == ["budget", "mode", "gdt_max"]


def test_the_page_names_its_modes_as_the_planner_does():
    assert bs.MODES == budget.MODES


def test_page_settings_come_from_the_link():
    # Streamlit writes a bound radio's or selectbox's shown label into the URL; the link's lang=
    # travels with it, so a link reopens in its own language with its own labels.
    mode_label = t("budget_page.mode_incremental", "zh")
    param_label = i18n.param_label(BY_KEY["cvr"], "zh")
    at = open_page({"budget": "20000", "mode": mode_label, "gdt_max": "500", "goal_param": param_label})
    assert at.number_input(key="budget").value == 20000
    assert at.radio(key="mode").value == "incremental"
    assert at.number_input(key="gdt_max").value == 500
    assert at.selectbox(key="goal_param").value == "cvr"


# --- figures (no server) -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def results():
    s = Scenario(days=40, gdt=2000)
    curves = budget.response_curves(s, points=11)
    plan = budget.optimise(s, 5000, "profit")
    goal = budget.goal_seek(s, "aov", 2 * float(simulate(s).gmv.sum()))
    return s, curves, plan, goal


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_use_the_cjk_font_and_label_their_axes(results, lang):
    s, curves, plan, goal = results
    figs = [bc.curve_figure(curves[t], lang) for t in TOOLS]
    figs += [bc.allocation_figure(plan, lang), bc.cumulative_figure(simulate(s), simulate(plan.scenario), lang),
             bc.goal_figure(goal, lang)]
    for fig in figs:
        assert fig.layout.font.family.startswith(f'"{FONT}"')
        assert fig.data
        axes = [name for name in fig.layout if name.startswith(("xaxis", "yaxis"))]
        assert any(fig.layout[name].title.text for name in axes)
    spend_axis = figs[0].layout.xaxis3.title.text
    assert ("元/天" in spend_axis) if lang == "zh" else ("元/day" in spend_axis)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_curves_plain_spec_is_what_plotlys_validation_makes_of_it(results, lang):
    """curve_figure skips Plotly's validation (theme.spec_figure): the slow, validated build of the
    same spec must accept every property and change nothing, and the panels keep make_subplots'
    layout (shared spend axis, titled rows)."""
    _, curves, _, _ = results
    for tool in TOOLS:
        fast = bc.curve_figure(curves[tool], lang)
        validated = go.Figure(fast.to_dict())  # raises on any property Plotly does not know
        assert json.loads(validated.to_json()) == json.loads(fast.to_json())
        reference = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=bc.CURVE_ROW_GAP)
        for axis in ("xaxis", "xaxis2", "xaxis3", "yaxis", "yaxis2", "yaxis3"):
            for prop in ("anchor", "domain", "matches", "showticklabels"):
                assert validated.layout[axis][prop] == reference.layout[axis][prop], (axis, prop)


def test_curve_figure_marks_now_and_break_even(results):
    _, curves, _, _ = results
    c = curves["gdt"]
    fig = bc.curve_figure(c, "zh")
    names = [tr.name for tr in fig.data]
    assert t("budget_page.current", "zh") in names and t("budget_page.trace_breakeven_roi", "zh") in names
    be = next(tr for tr in fig.data if tr.name == t("budget_page.trace_breakeven_roi", "zh"))
    assert np.allclose(be.y, c.breakeven_roi)
    now = [tr for tr in fig.data if tr.name == t("budget_page.current", "zh")]
    assert all(tr.x[0] == pytest.approx(2000) for tr in now)
    assert fmt.roi(c.marginal_roi[c.current]) in bc.curve_summary(c, "zh")


def test_tables_come_from_the_plan(results):
    _, _, plan, _ = results
    rows = bc.allocation_rows(plan, "en")
    assert len(rows) == len(plan.allocation) + 1
    assert rows[-1]["Beans"] == fmt.number(plan.by_tool[1], 0)
    kpis = bc.kpi_rows(plan, "en")
    assert kpis[0]["After"] == fmt.money(plan.after["gmv"], "en")
    assert bc.next_best(plan, "zh").startswith("每天再多一元预算最该投")


def test_reset_and_presets_on_the_budget_page_keep_its_settings_and_never_crash():
    # The page's own settings are bound to the URL; resetting the scenario or picking a preset
    # must leave them (deleting a bound key from the URL raises in Streamlit).
    at = open_page({"budget": "20000"})
    at.number_input(key="budget").set_value(30000).run()
    assert not at.exception
    at.button[[b.label for b in at.button].index("恢复默认值")].click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="_preset").set_value("coffee_funnel").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.number_input(key="budget").value == 30000
    assert at.slider(key="aov").value == 40


def test_goal_seek_waits_for_a_target_before_answering():
    at = open_page({"days": "30"})
    assert at.number_input(key="goal_gmv").value is None
    assert t("budget_page.goal_ask", "zh") in [c.value for c in at.caption]
    assert "apply_goal" not in [b.key for b in at.button]
    assert not any(t("budget_page.goal_answer", "zh") in json.dumps(json.loads(c.proto.spec), ensure_ascii=False)
                   for c in charts(at))
    at = open_page({"days": "30", "goal_gmv": "1000000", "goal_param": "cvr"})  # a link that asks
    goal = budget.goal_seek(Scenario(days=30), "cvr", 1_000_000.0)
    assert at.success[-1].value == goal.reason.text("zh")


def test_after_an_optimal_split_the_page_says_why_marginal_roi_differs_by_account():
    at = open_page({"accounts": "3", "gdt": "2000", "beans": "1500"})
    scenario, _ = from_query("accounts=3&gdt=2000&beans=1500")
    plan = budget.optimise(scenario, 10_000, "gmv")
    assert plan.why_marginal_roi_differs() == "launch"
    line = bc.mroi_note(plan, "zh")
    assert line in [c.value for c in at.caption]
    assert "新号2 62 天" in line
    # Launched together, the funded accounts' marginal ROIs agree: nothing to explain.
    together = budget.optimise(Scenario(accounts=3, launch_every=0, gdt=2000.0, beans=1500.0), 10_000, "gmv")
    assert together.why_marginal_roi_differs() is None and bc.mroi_note(together, "zh") is None


def test_the_optimiser_equalises_gmv_per_daily_yuan_across_the_accounts_it_funds():
    plan = budget.optimise(Scenario(accounts=3, gdt=2000.0, beans=1500.0), 10_000, "gmv")
    per_budget = plan.marginal_gmv_per_budget_yuan()
    for k in range(len(TOOLS)):
        funded = (plan.allocation[:, k] > 0) & np.isfinite(per_budget[:, k])  # NaN: no next 元 to measure
        if funded.sum() >= 2:
            gains = per_budget[funded, k]
            assert gains.max() <= 1.05 * gains.min()


def test_applying_an_optimal_split_writes_whole_yuan_and_keeps_whole_bean_orders():
    at = open_page({"accounts": "3", "gdt": "2000", "beans": "1500"})
    plan = budget.optimise(from_query("accounts=3&gdt=2000&beans=1500")[0], 10_000, "gmv")
    at.button(key="apply_budget").click().run()
    applied = {tool: at.session_state[tool] for tool in TOOLS}
    for tool, value in applied.items():
        assert float(value).is_integer(), (tool, value)
        assert abs(value - getattr(plan.scenario, tool)) < 1
    assert applied["beans"] >= plan.scenario.beans  # rounded up, so every whole order still fits
    # What the applied link spends is the plan's, to within the rounding of a 元 a day: no order lost
    # (one bean order is about 59 元 a day on an account for weeks).
    scenario = Scenario(**{**plan.scenario.as_dict(), **applied}, split=plan.scenario.split)
    assert totals(simulate(scenario))["spend"] == pytest.approx(plan.after["spend"], abs=scenario.days * 1.0)
    assert len(at.dataframe) == 2  # the KPI table and the per-account split, still there after applying
