"""The 投流 budget planner (``planner.budget``) and its CLI (``optimize``, ``goal``).

The optimiser is checked against a brute-force grid on small problems, its allocations against
every constraint, and its results against the engine run on the scenario it returns; goal seek
against the engine fed its answer; response curves against direct simulations.
"""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import budget as B
from planner.cli import main
from planner.engine import TOOLS, simulate
from planner.link import from_query
from planner.params import BEANS_PER_HEATING_ORDER, BY_KEY, beans_for_yuan
from planner.report import summary, totals
from planner.scenario import Scenario
from tests.planner.strategies import scenarios

SMALL = Scenario(accounts=1, days=30)
CHEAP = Scenario(accounts=1, days=40, gdt_cpv=0.6, beans_cpv=0.4, coupons_cpv=0.9, aov=300)
PAIR = Scenario(accounts=2, days=30, launch_every=5)
PAIR_TWO_TOOLS = Scenario(accounts=2, days=30, launch_every=0, sat_share=0.6)


def objective_at(scenario: Scenario, allocation: np.ndarray, objective: str) -> float:
    return float(B.Evaluator(scenario).allocations(allocation[None]).objective(objective)[0])


def orders(plan) -> np.ndarray:
    return plan.allocation[:, B.BEANS] / plan.bean_step


# --- brute force ---------------------------------------------------------------------------------

def brute_one_account(scenario, budget, objective, points=41):
    """Every (gdt, beans, coupons) with beans in whole orders and gdt on a grid, coupons the rest,
    where the room can absorb each tool's share: a plan spends its budget, so neither the
    optimiser nor the brute force parks money beyond a ceiling, where it would not be spent (a
    budget above what the room can absorb at all is cut to that, as the optimiser does)."""
    step = B.bean_step_yuan(scenario)
    top = B.paid_curves(scenario).top[0]
    top[B.BEANS] = np.floor(top[B.BEANS] / step + 1e-9) * step
    budget = min(budget, float(top.sum()))
    rows = [(g, n * step, budget - n * step - g)
            for n in range(int(min(budget, top[B.BEANS]) / step + 1e-9) + 1)
            for g in np.linspace(0, min(budget - n * step, top[0]), points)]
    rows = [row for row in rows if -1e-6 <= row[2] <= top[2] + 1e-6]
    alloc = np.maximum(np.array(rows), 0.0)[:, None, :]
    f = B.Evaluator(scenario).allocations(alloc).objective(objective)
    return float(f.max())


def brute_two_accounts_two_tools(scenario, budget, objective, points=21):
    """gdt and coupons only (beans max 0), each split over two accounts on a grid, where the rooms
    can absorb it (see ``brute_one_account``)."""
    top = B.paid_curves(scenario).top
    rows = []
    for g_total in np.linspace(0, budget, points):
        c_total = budget - g_total
        for sg, sc in itertools.product(np.linspace(0, 1, points), repeat=2):
            row = np.array([[g_total * sg, 0, c_total * sc], [g_total * (1 - sg), 0, c_total * (1 - sc)]])
            if np.all(row <= top + 1e-6):
                rows.append(row)
    f = B.Evaluator(scenario).allocations(np.array(rows)).objective(objective)
    return float(f.max())


@pytest.mark.parametrize("scenario", [SMALL, CHEAP], ids=["default", "cheap"])
@pytest.mark.parametrize("budget", [600, 5000, 30000])
@pytest.mark.parametrize("objective", ["gmv", "profit"])
def test_optimum_within_half_a_percent_of_brute_force_one_account(scenario, budget, objective):
    plan = B.optimise(scenario, budget, objective)
    best = brute_one_account(scenario, budget, objective)
    got = objective_at(scenario, plan.allocation, objective)
    assert got >= best - 0.005 * abs(best)


@pytest.mark.parametrize("budget", [2000, 20000])
@pytest.mark.parametrize("objective", ["gmv", "profit"])
def test_optimum_within_half_a_percent_of_brute_force_two_accounts(budget, objective):
    plan = B.optimise(PAIR_TWO_TOOLS, budget, objective, tool_max={"beans": 0})
    best = brute_two_accounts_two_tools(PAIR_TWO_TOOLS, budget, objective)
    got = objective_at(PAIR_TWO_TOOLS, plan.allocation, objective)
    assert got >= best - 0.005 * abs(best)


# --- constraints ---------------------------------------------------------------------------------

BOUNDS = [
    ({}, {}),
    ({"gdt": 1000}, {}),
    ({}, {"beans": 700, "coupons": 2000}),
    ({"coupons": 500, "beans": 300}, {"gdt": 4000, "beans": 2000}),
    ({}, {"gdt": 0, "coupons": 0}),  # beans only: whole orders may leave a remainder
]


@pytest.mark.parametrize("scenario", [SMALL, PAIR], ids=["one", "two"])
@pytest.mark.parametrize("tool_min,tool_max", BOUNDS)
@pytest.mark.parametrize("budget", [0, 1500, 12000])
def test_allocation_keeps_budget_bounds_and_bean_step(scenario, tool_min, tool_max, budget):
    try:
        plan = B.optimise(scenario, budget, "gmv", tool_min, tool_max)
    except B.BudgetError:
        assert sum(tool_min.values()) > budget or (
            sum(tool_max.get(t, 1e6) for t in TOOLS) < budget)
        return
    x = plan.allocation
    assert x.shape == (scenario.accounts, len(TOOLS))
    assert np.all(x >= -1e-9)
    step = B.bean_step_yuan(scenario)
    assert step == pytest.approx(BEANS_PER_HEATING_ORDER / beans_for_yuan(1, scenario.ios_share))
    n = x[:, B.BEANS] / step
    assert np.allclose(n, np.round(n), atol=1e-6), "beans per account in whole 500-bean orders"
    for k, tool in enumerate(TOOLS):
        assert plan.by_tool[k] >= tool_min.get(tool, 0) - 1e-6
        assert plan.by_tool[k] <= tool_max.get(tool, 1e6) + 1e-6
    # The budget is spent, up to what the rooms can absorb (beans in whole orders); the rest is
    # named in a note, never parked where it would not be spent.
    top = B.paid_curves(scenario).top
    top[:, B.BEANS] = np.floor(top[:, B.BEANS] / step + 1e-9) * step
    assert np.all(x <= top + 1e-6)
    spendable = min(budget, sum(min(tool_max.get(t, 1e6), top[:, k].sum()) for k, t in enumerate(TOOLS)))
    if spendable < budget - 1e-6:
        assert any("could not be spent" in note.text("en") for note in plan.notes)
    if tool_max.get("gdt") == 0 and tool_max.get("coupons") == 0:
        assert spendable - step < plan.budget <= spendable + 1e-6  # as much as whole orders allow
        assert plan.budget == pytest.approx(step * np.round(n).sum())
    else:
        assert plan.budget == pytest.approx(spendable, abs=1e-6)


def test_infeasible_bounds_are_one_line_errors():
    with pytest.raises(B.BudgetError, match="minimums add up"):
        B.optimise(SMALL, 100, tool_min={"gdt": 80, "coupons": 80})
    with pytest.raises(B.BudgetError, match="maximums add up"):
        B.optimise(SMALL, 10_000, tool_max={"gdt": 10, "beans": 10, "coupons": 10})
    with pytest.raises(B.BudgetError, match="above its maximum"):
        B.optimise(SMALL, 1000, tool_min={"gdt": 500}, tool_max={"gdt": 100})
    with pytest.raises(B.BudgetError, match="500-bean"):
        B.optimise(SMALL, 1000, tool_min={"beans": 10}, tool_max={"beans": 20})
    with pytest.raises(B.BudgetError, match="non-negative"):
        B.optimise(SMALL, -1)
    with pytest.raises(B.BudgetError, match="unknown tool"):
        B.optimise(SMALL, 100, tool_max={"tv": 1})


@pytest.mark.parametrize("ask, match", [
    (lambda: B.FixedBudget(-1), "non-negative"),
    (lambda: B.FixedBudget(float("nan")), "non-negative"),
    (lambda: B.FixedBudget(100, "fame"), "objective"),
    (lambda: B.FixedBudget(100, tool_max={"tv": 1}), "unknown tool"),
    (lambda: B.FixedBudget(1000, tool_min={"gdt": 500}, tool_max={"gdt": 100}), "above its maximum"),
    (lambda: B.ExtraBudget(-5), "extra budget"),
    (lambda: B.ReachGMV(0), "GMV target"),
    (lambda: B.ReachGMV(1e6, 100, tool_min={"gdt": 80, "coupons": 80}), "minimums add up"),
    (lambda: B.ROIFloor(0, 1000), "ROI floor"),
    (lambda: B.ROIFloor(5, -1), "non-negative"),
    (lambda: B.question_for("nope", 100), "mode"),
])
def test_a_question_checks_itself_before_any_scenario(ask, match):
    with pytest.raises(B.BudgetError, match=match):
        ask()


@pytest.mark.parametrize("question, same_as", [
    (B.FixedBudget(3000, "profit", up_to=True), lambda s: B.optimise(s, 3000, "profit", at_most=True)),
    (B.ExtraBudget(2000, tool_max={"coupons": 100}), lambda s: B.incremental(s, 2000, tool_max={"coupons": 100})),
    (B.ReachGMV(400_000, 20_000), lambda s: B.target_gmv(s, 400_000, max_budget=20_000)),
    (B.ROIFloor(8, 20_000), lambda s: B.max_gmv_at_roi(s, 8, 20_000)),
], ids=B.MODES)
def test_answer_is_the_one_entry_point_and_a_plan_is_named_by_its_question(question, same_as):
    scenario = SMALL.replace(gdt=500)
    plan = B.answer(scenario, question)
    assert plan.mode == question.MODE and plan.mode in B.MODES
    np.testing.assert_array_equal(plan.allocation, same_as(scenario).allocation)


@pytest.mark.parametrize("argv, mode, form", [
    (("--budget", "5000", "--objective", "profit", "--up-to"), "fixed",
     dict(amount=5000, objective="profit", up_to=True)),
    (("--add", "3000", "--gdt-max", "800"), "incremental", dict(amount=3000, tool_max={"gdt": 800})),
    (("--target-gmv", "1000000", "--budget", "50000"), "target_gmv", dict(amount=50000, target_gmv=1_000_000)),
    (("--target-gmv", "1000000"), "target", dict(amount=0, target_gmv=1_000_000)),
    (("--min-roi", "8", "--budget", "20000", "--beans-min", "100"), "roi",
     dict(amount=20000, min_roi=8, tool_min={"beans": 100})),
])
def test_the_cli_and_the_page_ask_the_same_question(argv, mode, form):
    # The page's form (views.budget_state.plan) and the CLI's flags build the same object; the
    # page's old mode names (target, roi) name the same questions.
    from planner.cli import build_parser
    from planner.cli.optimize import question

    from_flags = question(build_parser().parse_args(["optimize", LINK, *argv]))
    assert from_flags == B.question_for(mode, **form)
    assert from_flags.MODE == B.mode_name(mode)


def test_larger_budget_never_gives_a_lower_optimum():
    budgets = [0, 300, 1000, 2500, 6000, 15000, 40000, 100000]
    for objective, at_most in (("gmv", False), ("profit", True)):
        values = [objective_at(PAIR, B.optimise(PAIR, b, objective, at_most=at_most).allocation, objective)
                  for b in budgets]
        for lower, higher in itertools.pairwise(values):
            assert higher >= lower - 1e-6 * abs(lower)


@settings(max_examples=8, deadline=None)
@given(b1=st.floats(0, 60_000), extra=st.floats(50, 20_000))
def test_larger_budget_never_gives_a_lower_optimum_property(b1, extra):
    low = B.optimise(SMALL, b1, "gmv")
    high = B.optimise(SMALL, b1 + extra, "gmv")
    assert objective_at(SMALL, high.allocation, "gmv") >= objective_at(SMALL, low.allocation, "gmv") * (1 - 1e-6)


def test_profit_ceiling_spends_only_what_pays():
    forced = B.optimise(SMALL, 20_000, "profit")  # within what the room can absorb
    ceiling = B.optimise(SMALL, 20_000, "profit", at_most=True)
    assert forced.budget == pytest.approx(20_000)
    assert ceiling.budget < 20_000
    assert ceiling.after["profit"] > forced.after["profit"]
    assert any("spending less" in n.text("en") for n in forced.notes)


# --- the result is a scenario --------------------------------------------------------------------

def test_result_scenario_link_and_totals_match_the_allocation():
    plan = B.optimise(PAIR, 8000, "gmv")
    s = plan.scenario
    # to the whole 元 a share link writes (beans rounded up, so the last heating order is kept)
    assert (s.gdt, s.beans, s.coupons) == pytest.approx(tuple(plan.by_tool), abs=1)
    for k, shares in enumerate(s.split):
        if shares is not None:
            assert np.allclose(np.array(shares) * plan.by_tool[k], plan.allocation[:, k], rtol=1e-5, atol=1e-3)
    direct = totals(simulate(s))
    assert plan.after == direct
    via_split = B.Evaluator(PAIR).allocations(plan.allocation[None])
    assert via_split.gmv[0] == pytest.approx(direct["gmv"], rel=1e-4)  # totals to the whole 元
    again, notices = from_query(plan.query)
    assert notices == []
    assert again == s
    assert plan.before == totals(simulate(PAIR))
    doc = plan.to_dict()
    assert set(doc["allocation"]) == set(TOOLS)
    assert len(doc["allocation_by_account"]) == PAIR.accounts
    json.dumps(doc)  # JSON-ready


def test_outcome_agrees_with_report_summary():
    alloc = np.array([[[1000, 500, 200], [0, 300, 100]], [[0, 0, 0], [5000, 0, 50]]], dtype=float)
    out = B.Evaluator(PAIR).allocations(alloc)
    for d in range(2):
        s = summary(simulate(PAIR.replace(split=None), spend_split=alloc[d]))
        for key in ("gmv", "net_gmv", "profit", "spend", "pv"):
            assert getattr(out, key)[d] == pytest.approx(float(s[key][0]), rel=1e-12)


def test_incremental_holds_todays_split_and_adds_the_extra():
    today = Scenario(accounts=2, days=30, launch_every=0, gdt=1000, beans=500, coupons=200,
                     split=((0.7, 0.3), None, (0.0, 1.0)))
    held = B.current_allocation(today)
    plan = B.incremental(today, 3000, "gmv")
    assert np.all(plan.allocation >= held - 1e-6)
    assert plan.budget == pytest.approx(held.sum() + 3000, abs=1e-6)
    extra_beans = (plan.allocation[:, B.BEANS] - held[:, B.BEANS]) / plan.bean_step
    assert np.allclose(extra_beans, np.round(extra_beans), atol=1e-6)
    assert plan.before == totals(simulate(today))
    assert plan.after["gmv"] > plan.before["gmv"]


def test_incremental_with_even_split_over_launching_accounts_says_how_it_held_it():
    today = Scenario(accounts=3, days=30, launch_every=10, gdt=900)
    plan = B.incremental(today, 1000)
    assert any("1/N" in n.text("en") for n in plan.notes)
    assert np.all(plan.allocation[:, 0] >= 300 - 1e-6)


def test_target_gmv_finds_a_small_budget_that_reaches_it():
    base = totals(simulate(SMALL))["gmv"]
    target = 2.0 * base
    plan = B.target_gmv(SMALL, target)
    assert plan.reached
    assert plan.after["gmv"] >= target * (1 - 1e-9)
    cheaper = B.optimise(SMALL, plan.budget * 0.98, "gmv")
    assert cheaper.after["gmv"] < target
    out_of_reach = B.target_gmv(SMALL, 1e12)
    assert not out_of_reach.reached and "short of the target" in out_of_reach.notes[0].text("en")


def test_min_roi_keeps_the_floor_with_the_largest_budget():
    plan = B.max_gmv_at_roi(SMALL, 6.0, 50_000)
    assert plan.reached
    assert plan.after["roi"] >= 6.0 * (1 - 1e-6)
    more = B.optimise(SMALL, min(plan.budget * 1.05, 50_000), "gmv")
    assert more.after["roi"] < 6.0 or plan.budget == pytest.approx(50_000)


# --- goal seek -----------------------------------------------------------------------------------

def gmv_by(scenario: Scenario, day: int) -> float:
    return float(simulate(scenario).gmv[0, :day].sum())


GOALS = [("invites", 2.0, None), ("cvr", 2.5, None), ("aov", 1.5, 20), ("gdt", 2.0, None),
         ("beans", 1.6, None), ("coupons", 1.3, None), ("days", 2.0, None), ("fatigue", 1.05, None),
         ("pool", 0.6, None)]


@pytest.mark.parametrize("key,factor,day", GOALS)
@pytest.mark.parametrize("scenario", [Scenario(days=45), PAIR.replace(gdt=500, split=((0.2, 0.8), None, None))],
                         ids=["even-launching", "split"])
def test_goal_seek_answer_reaches_the_target_on_the_engine(key, factor, day, scenario):
    d = scenario.days if day is None else day
    target = factor * gmv_by(scenario, d)
    goal = B.goal_seek(scenario, key, target, day)
    assert goal.reached, goal.reason.text("en")
    assert goal.value is not None
    assert getattr(goal.scenario, key) == goal.value
    got = gmv_by(goal.scenario, goal.day)
    assert got == pytest.approx(goal.gmv, rel=1e-9)
    assert got >= target * (1 - 1e-9)
    if key == "beans":  # whole orders: GMV steps at each order, so check the answer is the smallest
        # (to the whole 元 a share link writes)
        assert gmv_by(scenario.replace(beans=goal.value - 1), goal.day) < target
    elif key != "days":  # days moves in whole days, which may overshoot more
        assert got <= target * 1.005
    again, notices = from_query(goal.query)
    assert notices == [] and again == goal.scenario


def test_goal_seek_says_plainly_when_the_range_cannot_reach_it():
    goal = B.goal_seek(SMALL, "invites", 1e12)
    assert goal.value is None and not goal.reached
    most = int(BY_KEY["invites"].max)
    assert "cannot reach" in goal.reason.text("en") and f"{most:,}" in goal.reason.text("en")
    assert goal.gmv == pytest.approx(gmv_by(SMALL.replace(invites=most), SMALL.days))
    flat = B.goal_seek(SMALL, "margin", 2 * gmv_by(SMALL, SMALL.days))
    assert flat.value is None and "does not depend" in flat.reason.text("en")
    doc = flat.to_dict()
    assert doc["value"] is None and doc["reason"]


def test_goal_seek_rejects_bad_input():
    with pytest.raises(B.BudgetError, match="unknown parameter"):
        B.goal_seek(SMALL, "nope", 1e6)
    with pytest.raises(B.BudgetError, match="positive"):
        B.goal_seek(SMALL, "cvr", -5)
    with pytest.raises(B.BudgetError, match="day must be"):
        B.goal_seek(SMALL, "cvr", 1e6, day=31)


# --- response curves -----------------------------------------------------------------------------

@pytest.mark.parametrize("scenario", [
    Scenario(days=40),  # even split over accounts launching at different days: the cpv route
    Scenario(days=40, accounts=2, launch_every=0, gdt=2000),  # all live: the spend_split route
    Scenario(days=40, accounts=3, launch_every=9, beans=800, split=(None, (0.5, 0.25, 0.25), None)),
], ids=["even-launching", "even-steady", "mixed"])
def test_response_curves_come_from_the_engine(scenario):
    curves = B.response_curves(scenario, points=9)
    for k, tool in enumerate(TOOLS):
        c = curves[tool]
        assert c.spend[c.current] == pytest.approx(getattr(scenario, tool))
        now = totals(simulate(scenario))
        assert c.gmv[c.current] == pytest.approx(now["gmv"], rel=1e-9)
        for i in (2, len(c.spend) - 1):
            direct = totals(simulate(scenario.replace(**{tool: float(c.spend[i])})))
            assert c.gmv[i] == pytest.approx(direct["gmv"], rel=1e-9)
            assert c.profit[i] == pytest.approx(direct["profit"], rel=1e-9, abs=1e-6)
            assert c.paid_viewers[i] == pytest.approx(direct["pv_by_source"][tool], rel=1e-9)
            assert c.spend_total[i] == pytest.approx(direct["spend"], rel=1e-9)
        assert np.all(np.diff(c.viewers) >= -1e-6) and np.all(np.diff(c.paid_viewers) >= -1e-9)
        assert np.all(np.diff(c.gmv) >= -1e-6 * c.gmv.max())
        # marginal ROI: the slope of GMV against spend actually spent; past the rooms' ceilings
        # nothing more is spent, and the marginal ROI is undefined (NaN), not a number
        with np.errstate(invalid="ignore", divide="ignore"):
            slope = np.diff(c.gmv) / np.diff(c.spend_total)
        spent_more = np.diff(c.spend_total) > 1e-9
        assert np.all(np.isnan(c.marginal_roi[:-1][~spent_more]))
        if tool != "beans":  # concave: the next 元 earns at least the chord to the next grid point
            assert np.all(c.marginal_roi[:-1][spent_more] >= slope[spent_more] * (1 - 1e-3))
        else:  # whole orders make GMV a staircase in beans; the marginal ROI is the next orders' own
            i = 1
            step = B.bean_step_yuan(scenario) * scenario.accounts
            here, there = (totals(simulate(scenario.replace(beans=float(x)))) for x in (c.spend[i], c.spend[i] + step))
            assert c.marginal_roi[i] == pytest.approx((there["gmv"] - here["gmv"]) / (there["spend"] - here["spend"]),
                                                      rel=1e-6)
        assert c.breakeven_roi == pytest.approx(1 / ((1 - scenario.returns) * scenario.margin))
        assert np.allclose(c.breakeven_gmv * (1 - scenario.returns) * scenario.margin, c.spend_total)
        del k


def test_payback_spend_is_where_marginal_roi_meets_break_even():
    c = B.response_curves(SMALL.replace(gdt_cpv=0.3), points=61)["gdt"]  # cheap enough to pay at first
    assert c.payback_spend is not None
    i = np.searchsorted(c.spend, c.payback_spend)
    assert c.marginal_roi[i - 1] >= c.breakeven_roi >= c.marginal_roi[i]
    # profit peaks around the payback spend
    assert abs(c.spend[int(np.argmax(c.profit))] - c.payback_spend) <= 2 * (c.spend[1] - c.spend[0])
    doc = c.to_dict()
    assert doc["tool"] == "gdt" and len(doc["gmv"]) == len(c.spend)


@settings(max_examples=15, deadline=None)
@given(scenarios(days=st.integers(7, 20), accounts=st.integers(1, 4)), st.data())
def test_tool_totals_evaluation_equals_the_engine_on_the_replaced_scenario(scenario, data):
    rows = np.array(data.draw(st.lists(st.lists(st.sampled_from([0.0, 50.0, 2500.0, 80_000.0]), min_size=3,
                                                max_size=3), min_size=1, max_size=3)))
    out = B.evaluate_tool_totals(scenario, rows)
    for d, row in enumerate(rows):
        direct = totals(simulate(scenario.replace(gdt=row[0], beans=row[1], coupons=row[2])))
        assert out.gmv[d] == pytest.approx(direct["gmv"], rel=1e-9, abs=1e-6)
        assert out.spend[d] == pytest.approx(direct["spend"], rel=1e-9, abs=1e-6)


# --- CLI -----------------------------------------------------------------------------------------

def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


LINK = "https://planner.example/?accounts=2&days=30&launch_every=5"


def test_cli_optimize_json(capsys):
    code, out, err = run(capsys, "optimize", LINK, "--budget", "10000", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert {"allocation", "allocation_by_account", "query", "totals", "before", "notes"} <= set(doc)
    assert set(doc["allocation"]) == set(TOOLS)
    assert sum(doc["allocation"].values()) == pytest.approx(10_000)
    assert [r["account"] for r in doc["allocation_by_account"]] == [0, 1]
    scenario, notices = from_query(doc["query"])
    assert notices == []
    assert doc["totals"] == totals(simulate(scenario))


@pytest.mark.parametrize("argv", [
    ("--budget", "5000", "--objective", "profit", "--up-to"),
    ("--add", "3000",),
    ("--target-gmv", "1000000", "--budget", "50000"),
    ("--min-roi", "8", "--budget", "20000"),
    ("--budget", "5000", "--gdt-min", "1000", "--coupons-max", "500"),
])
def test_cli_optimize_modes(capsys, argv):
    code, out, err = run(capsys, "optimize", LINK, *argv, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["query"].startswith("v=2&")
    code, out, err = run(capsys, "optimize", LINK, *argv, "--lang", "en")
    assert code == 0 and "Share query: v=2&" in out


def test_cli_goal_json_and_table(capsys):
    target = 1.5 * gmv_by(from_query(LINK)[0], 30)
    code, out, err = run(capsys, "goal", LINK, "--param", "invites", "--gmv", f"{target:.0f}", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["value"] is not None and doc["reached"] and doc["query"]
    code, out, err = run(capsys, "goal", LINK, "--param", "invites", "--gmv", "1e12", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["value"] is None and "cannot reach" in doc["reason"]
    code, out, _ = run(capsys, "goal", LINK, "--param", "cvr", "--gmv", f"{target:.0f}", "--day", "20")
    assert code == 0 and "第 20 天" in out


@pytest.mark.parametrize("argv", [
    ("optimize", LINK, "--budget", "-5"),
    ("optimize", LINK, "--budget", "nan"),
    ("optimize", LINK),
    ("optimize", "?accounts=abc", "--budget", "100"),
    ("optimize", LINK, "--budget", "100", "--gdt-min", "200"),
    ("optimize", LINK, "--budget", "100000", "--gdt-max", "0", "--beans-max", "0", "--coupons-max", "10"),
    ("optimize", LINK, "--budget", "100", "--add", "5"),
    ("optimize", LINK, "--add", "-5"),
    ("optimize", LINK, "--budget", "100", "--objective", "fame"),
    ("goal", LINK, "--param", "nope", "--gmv", "100"),
    ("goal", LINK, "--param", "cvr", "--gmv", "-1"),
    ("goal", LINK, "--param", "cvr", "--gmv", "100", "--day", "99"),
    ("goal", LINK, "--param", "days", "--gmv", "100", "--day", "9"),
    ("goal", LINK, "--gmv", "100"),
])
def test_cli_bad_input_exits_2_with_one_line(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("planner: error: ")


def test_response_curve_reaches_the_registry_maximum():
    scenario = Scenario(days=10, accounts=2, launch_every=3)  # the cost-per-viewer route
    c = B.response_curves(scenario, points=3, max_spend={"gdt": 1_000_000})["gdt"]
    assert c.spend[-1] == 1_000_000
    assert c.gmv[-1] == pytest.approx(totals(simulate(scenario.replace(gdt=1_000_000.0)))["gmv"], rel=1e-9)
