"""Budget questions, each answered by the optimiser: a fixed budget, an extra amount on top of
today's spend, the smallest budget reaching a GMV target, the largest GMV above an ROI floor."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from ..engine import simulate
from ..report import totals
from ..scenario import Scenario
from .allocation import current_allocation, even_over_accounts, scenario_with
from .errors import BudgetError, Note
from .optimiser import State, check_budget, solve, tool_bounds
from .plan import Plan, finish


def optimise(scenario: Scenario, budget: float, objective: str = "gmv",
             tool_min: Mapping[str, float] | None = None, tool_max: Mapping[str, float] | None = None,
             at_most: bool = False) -> Plan:
    """Split a daily budget over tools and accounts to maximise net GMV or profit over the horizon.

    ``tool_min``/``tool_max`` bound each tool's daily 元 summed over accounts; beans are spent in
    whole orders of 500 beans. The allocation sums to the budget (when the bean step allows);
    with ``at_most`` the budget is a ceiling (for profit: spend only what pays).
    """
    budget = check_budget(budget)
    lo, hi = tool_bounds(scenario, tool_min, tool_max)
    prob, st, exact = solve(scenario, budget, objective, lo, hi, at_most=at_most)
    before = totals(simulate(scenario))
    return finish(scenario, prob, st, "fixed", budget, before, [], exact=exact)


def incremental(scenario: Scenario, extra: float, objective: str = "gmv",
                tool_min: Mapping[str, float] | None = None,
                tool_max: Mapping[str, float] | None = None) -> Plan:
    """Where the next ``extra`` 元 a day should go, holding today's allocation (each account's
    current daily spend per tool is a floor)."""
    extra = check_budget(extra, "the extra budget")
    lo, hi = tool_bounds(scenario, tool_min, tool_max)
    notes = []
    held = current_allocation(scenario)
    if held is None:
        held = even_over_accounts(scenario)
        notes.append(Note(
            "当前链接把投流平均分给当天在播账号（新号开播后重新分配），无法按固定份额保持；"
            "这里按每个账号1/N的固定份额保持今天的分配，“之前”指标按此计算。",
            "The link splits spend evenly over the accounts live each day (re-spread as satellites "
            "launch), which fixed shares cannot hold; today's split is held as 1/N per account, and "
            "'before' is computed that way."))
        before = totals(simulate(scenario_with(scenario, held)))
    else:
        before = totals(simulate(scenario))
    hi_total = np.maximum(hi, held.sum(axis=0))
    # No account can take more than the tools' maximums together (and held + 1e308 would
    # overflow the sums, with numpy warnings on the way).
    prob, st, exact = solve(scenario, float(held.sum()) + extra, objective, lo, hi_total, lb=held,
                             ub=held + min(extra, float(hi_total.sum())))
    return finish(scenario, prob, st, "incremental", extra, before, notes, base=held, exact=exact)


def _bisect_budget(scenario, lo, hi, ok, b_fail: float, b_pass: float, rel_tol: float = 2e-3,
                   w=None):
    """Bisect the daily budget between ``b_fail`` and ``b_pass`` (either may be the larger), each
    step a full optimisation warm-started from the last model; ``ok(state)`` says pass. Returns
    the passing budget nearest the boundary and its (problem, state, exact)."""
    best = None
    for _ in range(40):
        if abs(b_pass - b_fail) <= max(1.0, rel_tol * max(b_pass, b_fail)):
            break
        mid = 0.5 * (b_fail + b_pass)
        prob, st, exact = solve(scenario, mid, "gmv", lo, hi, w_prior=w, max_iter=8)
        w = st.w
        if ok(st):
            b_pass, best = mid, (prob, st, exact)
        else:
            b_fail = mid
    return b_pass, best


def target_gmv(scenario: Scenario, gmv: float, tool_min=None, tool_max=None,
               max_budget: float | None = None) -> Plan:
    """The smallest daily budget whose optimal allocation reaches a GMV target over the horizon."""
    if not math.isfinite(gmv) or gmv <= 0:
        raise BudgetError(f"the GMV target must be a positive number of 元, got {gmv:g}.",
                          f"GMV 目标必须是正数（元），收到 {gmv:g}。")
    lo, hi = tool_bounds(scenario, tool_min, tool_max)
    b_max = float(hi.sum()) if max_budget is None else min(check_budget(max_budget, "the maximum budget"),
                                                           float(hi.sum()))
    b_min = float(lo.sum())
    if b_min > b_max:
        raise BudgetError(f"the tools' minimums add up to {b_min:,.2f} 元/day, above the maximum budget.",
                          f"各工具下限合计 {b_min:,.2f} 元/天，高于预算上限。")
    before = totals(simulate(scenario))
    prob, st, exact = solve(scenario, b_min, "gmv", lo, hi)
    if st.gmv >= gmv:
        return finish(scenario, prob, st, "target_gmv", b_min, before, [
            Note("最低预算已达到目标。", "The minimum budget already reaches the target.")],
            target=gmv, exact=exact)
    prob, st, exact = solve(scenario, b_max, "gmv", lo, hi, w_prior=st.w)
    if st.gmv < gmv:
        return finish(scenario, prob, st, "target_gmv", b_max, before, [Note(
            f"预算上限 {b_max:,.0f} 元/天 也只能做到 GMV {st.gmv:,.0f} 元，达不到目标 {gmv:,.0f} 元。",
            f"Even the maximum budget of {b_max:,.0f} 元/day reaches only {st.gmv:,.0f} 元 GMV, short of "
            f"the target {gmv:,.0f} 元.")], reached=False, target=gmv, exact=exact)
    b, best = _bisect_budget(scenario, lo, hi, lambda s: s.gmv >= gmv, b_min, b_max, w=st.w)
    prob, st, exact = best or (prob, st, exact)
    return finish(scenario, prob, st, "target_gmv", b, before, [], target=gmv, exact=exact)


def max_gmv_at_roi(scenario: Scenario, min_roi: float, max_budget: float, tool_min=None,
                   tool_max=None) -> Plan:
    """The largest GMV whose plan keeps ROI (GMV ÷ spend over the horizon, as in the report) at or
    above a floor, with the daily budget at most ``max_budget``. ROI falls as the budget grows,
    so this is the largest budget that keeps the floor."""
    if not math.isfinite(min_roi) or min_roi <= 0:
        raise BudgetError(f"the ROI floor must be a positive number, got {min_roi:g}.",
                          f"ROI 下限必须是正数，收到 {min_roi:g}。")
    max_budget = check_budget(max_budget)
    lo, hi = tool_bounds(scenario, tool_min, tool_max)
    b_max = min(max_budget, float(hi.sum()))
    b_min = float(lo.sum())
    if b_min > b_max:
        raise BudgetError(f"the tools' minimums add up to {b_min:,.2f} 元/day, above the budget {b_max:,.2f}.",
                          f"各工具下限合计 {b_min:,.2f} 元/天，高于预算 {b_max:,.2f} 元/天。")
    before = totals(simulate(scenario))

    def roi_ok(st: State) -> bool:
        return not st.spend > 0 or st.gmv / st.spend >= min_roi

    prob, st, exact = solve(scenario, b_max, "gmv", lo, hi)
    if roi_ok(st):
        return finish(scenario, prob, st, "min_roi", b_max, before, [], target=min_roi, exact=exact)
    w = st.w
    prob, st, exact = solve(scenario, b_min, "gmv", lo, hi, w_prior=w)
    if not roi_ok(st):
        return finish(scenario, prob, st, "min_roi", b_min, before, [Note(
            f"即使只花最低预算，ROI 也低于 {min_roi:g}。", f"Even the minimum budget gives an ROI below {min_roi:g}.")],
            reached=False, target=min_roi, exact=exact)
    b, best = _bisect_budget(scenario, lo, hi, roi_ok, b_max, b_min, w=w)
    prob, st, exact = best or (prob, st, exact)
    return finish(scenario, prob, st, "min_roi", b, before, [], target=min_roi, exact=exact)

