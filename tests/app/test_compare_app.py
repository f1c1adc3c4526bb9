"""The 对比 Compare page under AppTest: its picks and pasted links come from the link, and
scenarios over different horizons are compared per day and per month, with a warning."""

from __future__ import annotations

from planner import compare, kpis
from planner.engine import simulate
from planner.presets import PRESETS
from planner.report import totals
from planner.scenario import Scenario
from tests.apptest_pages import open_page

COMPARE = "pages/compare.py"
PASTED = "https://x.example/?invites=4000&gdt=1000"


def test_a_link_reopens_the_same_comparison():
    at = open_page(COMPARE, {"compare_b": "link", "compare_b_link": PASTED, "compare_c": "apparel_matrix"})
    assert at.selectbox(key="compare_b").value == "link"
    assert at.text_input(key="compare_b_link").value == PASTED
    assert at.selectbox(key="compare_c").value == "apparel_matrix"
    assert list(at.dataframe[0].value.columns) == ["指标", "A", "B", "C", "B − A", "C − A"]
    # The address bar holds the pick as the widget writes it (its label) and keeps the pasted link.
    assert at.query_params["compare_c"] == "预设：" + PRESETS["apparel_matrix"].label("zh")
    assert at.query_params["compare_b_link"] == PASTED
    assert not at.warning


def test_a_pick_given_by_its_label_in_the_other_language_reads_the_same():
    label = "Preset: " + PRESETS["store_chain"].label("en")
    at = open_page(COMPARE, {"compare_b": label})
    assert at.selectbox(key="compare_b").value == "store_chain"
    assert at.query_params["compare_b"] == "预设：" + PRESETS["store_chain"].label("zh")


def test_a_bad_pick_is_named_once_and_the_slot_left_empty():
    at = open_page(COMPARE, {"compare_b": "<b>nope</b>"})
    assert at.selectbox(key="compare_b").value == "none"
    assert len(at.warning) == 1 and any("compare_b=<b>nope</b>" in c.value for c in at.code)
    assert "compare_b" not in at.query_params


def test_different_horizons_are_compared_per_month_with_a_warning():
    at = open_page(COMPARE, {"days": "60", "compare_b": "link", "compare_b_link": "?days=30"})
    warning = [w.value for w in at.warning]
    assert len(warning) == 1 and "A 60 天" in warning[0] and "B 30 天" in warning[0]
    frame = at.dataframe[0].value.set_index("指标")
    a, b = simulate(Scenario(days=60)), simulate(Scenario(days=30))
    assert frame.loc["GMV", "A"] == kpis.value_text("gmv", totals(a)["gmv"] / 2, "zh")
    assert frame.loc["GMV", "B"] == kpis.value_text("gmv", totals(b)["gmv"], "zh")
    assert "投流消耗" in frame.index and kpis.label("spend", "zh") not in frame.index  # not "the horizon's total"
    shown = " ".join(c.value for c in at.caption)
    assert "平均每天 GMV" in shown
    d = compare.decompose(a, b, per_days=compare.MONTH_DAYS)
    assert kpis.change_text("gmv", d["by_factor"]["pv"], "zh") in shown  # the waterfall's line: per month


def test_the_same_horizon_compares_totals_without_a_warning():
    at = open_page(COMPARE, {"compare_b": "link", "compare_b_link": "?invites=4000"})
    assert not at.warning
    frame = at.dataframe[0].value.set_index("指标")
    assert frame.loc["GMV", "A"] == kpis.value_text("gmv", totals(simulate(Scenario()))["gmv"], "zh")


def test_the_baseline_can_be_compared_in_detail():
    at = open_page(COMPARE, {"invites": "6000", "base": "invites:5000", "compare_b": "baseline"})
    assert at.selectbox(key="compare_b").value == "baseline"
    frame = at.dataframe[0].value.set_index("指标")
    base, now = totals(simulate(Scenario(invites=5000))), totals(simulate(Scenario(invites=6000)))
    assert frame.loc["GMV", "B"] == kpis.value_text("gmv", base["gmv"], "zh")
    assert frame.loc["GMV", "B − A"].startswith(kpis.change_text("gmv", base["gmv"] - now["gmv"], "zh"))
    assert "B = 基准" in " ".join(c.value for c in at.caption)
    # Without a baseline the slot says how to get one and holds nothing.
    at = open_page(COMPARE, {"compare_b": "baseline"})
    assert "还没有基准" in " ".join(c.value for c in at.caption) and at.info
