"""The budget questions people ask, as objects that check themselves, and one entry point.

``FixedBudget``   how to split a fixed daily budget (or, ``up_to``, at most that budget)
``ExtraBudget``   where an extra amount a day should go on top of today's spend
``ReachGMV``      the smallest daily budget whose best split reaches a GMV target
``ROIFloor``      the largest GMV whose plan keeps ROI at or above a floor, within a budget

Each fails at construction with a one-line ``BudgetError`` when it cannot be asked (a negative
budget, an unknown tool, bounds that cross); ``answer(scenario, question)`` answers any of them
with a ``Plan``. The CLI (``optimize``) and the budget page build the same objects, and a plan's
``mode`` is its question's ``MODE``: one set of names (``MODES``) for the CLI, ``Plan``, the page
and its links.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from ..engine import TOOLS, simulate
from ..params import BY_KEY
from ..report import totals
from ..scenario import Scenario
from .allocation import current_allocation, even_over_accounts, scenario_with
from .errors import BudgetError, Note
from .optimiser import OBJECTIVES, State, solve
from .plan import Plan, finish

MODES: tuple[str, ...] = ("fixed", "incremental", "target_gmv", "min_roi")
# The budget page named two modes differently before the names were one set; its links still
# carry them (mode=target, mode=roi) and must open the same question.
OLD_MODE_NAMES: dict[str, str] = {"target": "target_gmv", "roi": "min_roi"}


def mode_name(mode: str) -> str:
    """The current name of a mode, given its current or its old name."""
    return OLD_MODE_NAMES.get(mode, mode)


# --- checks every question makes on itself ----------------------------------------------------

def tool_bounds(tool_min: Mapping[str, float] | None,
                tool_max: Mapping[str, float] | None) -> tuple[np.ndarray, np.ndarray]:
    """(K,) lower and upper bounds on each tool's daily 元, within the registry's range."""
    tool_min, tool_max = dict(tool_min or {}), dict(tool_max or {})
    for key in (*tool_min, *tool_max):
        if key not in TOOLS:
            raise BudgetError(f"unknown tool {key!r}; tools are {', '.join(TOOLS)}.")
    lo = np.array([float(tool_min.get(t, 0.0)) for t in TOOLS])
    hi = np.array([float(tool_max.get(t, BY_KEY[t].max)) for t in TOOLS])
    for k, tool in enumerate(TOOLS):
        if not (math.isfinite(lo[k]) and math.isfinite(hi[k])) or lo[k] < 0 or hi[k] < 0:
            raise BudgetError(f"bounds for {tool} must be finite and non-negative.")
        if lo[k] > hi[k]:
            raise BudgetError(f"{tool}: minimum {lo[k]:g} 元/day is above its maximum {hi[k]:g}.",
                              f"{BY_KEY[tool].label_zh}：下限 {lo[k]:g} 元/天 高于上限 {hi[k]:g} 元/天。")
        hi[k] = min(hi[k], BY_KEY[tool].max)
        if lo[k] > hi[k]:
            raise BudgetError(f"{tool}: minimum {lo[k]:g} 元/day is above the registry's {hi[k]:g}.",
                              f"{BY_KEY[tool].label_zh}：下限 {lo[k]:g} 元/天 超出参数范围上限 {hi[k]:g}。")
    return lo, hi


def check_budget(budget: float, name: str = "budget") -> float:
    budget = float(budget)
    if not math.isfinite(budget) or budget < 0:
        raise BudgetError(f"{name} must be a finite, non-negative number of 元 a day, got {budget:g}.",
                          f"预算必须是不小于0的有限数（元/天），收到 {budget:g}。")
    return budget


def check_objective(objective: str) -> None:
    if objective not in OBJECTIVES:
        raise BudgetError(f"objective must be one of {', '.join(OBJECTIVES)}, got {objective!r}.")


def _ceiling(lo: np.ndarray, hi: np.ndarray, max_budget: float | None, name: str, above: str) -> float:
    """The largest daily budget a target question may spend: its own ceiling, within the tools'
    maximums; an error when the tools' minimums alone exceed it."""
    b_max = float(hi.sum()) if max_budget is None else min(check_budget(max_budget, name), float(hi.sum()))
    if float(lo.sum()) > b_max:
        zh_above = "高于预算上限。" if above == "the maximum budget" else f"高于预算 {b_max:,.2f} 元/天。"
        en_above = above if above == "the maximum budget" else f"the budget {b_max:,.2f}"
        raise BudgetError(f"the tools' minimums add up to {lo.sum():,.2f} 元/day, above {en_above}.",
                          f"各工具下限合计 {lo.sum():,.2f} 元/天，{zh_above}")
    return b_max


@dataclass(frozen=True)
class _Bounded:
    """What every question shares: bounds on each tool's daily 元 summed over accounts (a key
    per tool; a missing key is 0 below and the registry's maximum above)."""

    tool_min: Mapping[str, float] = field(default_factory=dict, kw_only=True)
    tool_max: Mapping[str, float] = field(default_factory=dict, kw_only=True)

    def __post_init__(self):
        object.__setattr__(self, "tool_min", dict(self.tool_min or {}))
        object.__setattr__(self, "tool_max", dict(self.tool_max or {}))

    @property
    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        return tool_bounds(self.tool_min, self.tool_max)


# --- the questions ----------------------------------------------------------------------------

@dataclass(frozen=True)
class FixedBudget(_Bounded):
    """Split ``budget`` daily 元 over tools and accounts to maximise net GMV (``objective="gmv"``)
    or profit over the horizon. Beans are spent in whole orders of 500 beans; the allocation sums
    to the budget (when the bean step allows), or with ``up_to`` at most to it (for profit: spend
    only what pays)."""

    MODE: ClassVar[str] = "fixed"
    budget: float
    objective: str = "gmv"
    up_to: bool = False

    def __post_init__(self):
        super().__post_init__()
        object.__setattr__(self, "budget", check_budget(self.budget))
        check_objective(self.objective)
        _ = self.bounds

    def answer(self, scenario: Scenario) -> Plan:
        lo, hi = self.bounds
        prob, st, exact = solve(scenario, self.budget, self.objective, lo, hi, at_most=self.up_to)
        before = totals(simulate(scenario))
        return finish(scenario, prob, st, self.MODE, self.budget, before, [], exact=exact)


@dataclass(frozen=True)
class ExtraBudget(_Bounded):
    """Where the next ``extra`` 元 a day should go, holding today's allocation (each account's
    current daily spend per tool is a floor)."""

    MODE: ClassVar[str] = "incremental"
    extra: float
    objective: str = "gmv"

    def __post_init__(self):
        super().__post_init__()
        object.__setattr__(self, "extra", check_budget(self.extra, "the extra budget"))
        check_objective(self.objective)
        _ = self.bounds

    def answer(self, scenario: Scenario) -> Plan:
        lo, hi = self.bounds
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
        prob, st, exact = solve(scenario, float(held.sum()) + self.extra, self.objective, lo, hi_total, lb=held,
                                ub=held + min(self.extra, float(hi_total.sum())))
        return finish(scenario, prob, st, self.MODE, self.extra, before, notes, base=held, exact=exact)


@dataclass(frozen=True)
class ReachGMV(_Bounded):
    """The smallest daily budget whose best allocation (for net GMV) reaches ``gmv`` 元 of GMV over
    the horizon, spending at most ``max_budget`` a day (None: the tools' maximums)."""

    MODE: ClassVar[str] = "target_gmv"
    gmv: float
    max_budget: float | None = None

    def __post_init__(self):
        super().__post_init__()
        if not math.isfinite(self.gmv) or self.gmv <= 0:
            raise BudgetError(f"the GMV target must be a positive number of 元, got {self.gmv:g}.",
                              f"GMV 目标必须是正数（元），收到 {self.gmv:g}。")
        _ceiling(*self.bounds, self.max_budget, "the maximum budget", "the maximum budget")

    def answer(self, scenario: Scenario) -> Plan:
        lo, hi = self.bounds
        gmv = self.gmv
        b_min, b_max = float(lo.sum()), _ceiling(lo, hi, self.max_budget, "the maximum budget", "the maximum budget")
        before = totals(simulate(scenario))
        prob, st, exact = solve(scenario, b_min, "gmv", lo, hi)
        if st.gmv >= gmv:
            return finish(scenario, prob, st, self.MODE, b_min, before, [
                Note("最低预算已达到目标。", "The minimum budget already reaches the target.")],
                target=gmv, exact=exact)
        prob, st, exact = solve(scenario, b_max, "gmv", lo, hi, w_prior=st.w)
        if st.gmv < gmv:
            return finish(scenario, prob, st, self.MODE, b_max, before, [Note(
                f"预算上限 {b_max:,.0f} 元/天 也只能做到 GMV {st.gmv:,.0f} 元，达不到目标 {gmv:,.0f} 元。",
                f"Even the maximum budget of {b_max:,.0f} 元/day reaches only {st.gmv:,.0f} 元 GMV, short of "
                f"the target {gmv:,.0f} 元.")], reached=False, target=gmv, exact=exact)
        b, best = _bisect_budget(scenario, lo, hi, lambda s: s.gmv >= gmv, b_min, b_max, w=st.w)
        prob, st, exact = best or (prob, st, exact)
        return finish(scenario, prob, st, self.MODE, b, before, [], target=gmv, exact=exact)


@dataclass(frozen=True)
class ROIFloor(_Bounded):
    """The largest GMV whose plan keeps ROI (GMV ÷ spend over the horizon, as in the report) at
    or above ``min_roi``, with the daily budget at most ``max_budget``. ROI falls as the budget
    grows, so this is the largest budget that keeps the floor."""

    MODE: ClassVar[str] = "min_roi"
    min_roi: float
    max_budget: float

    def __post_init__(self):
        super().__post_init__()
        if not math.isfinite(self.min_roi) or self.min_roi <= 0:
            raise BudgetError(f"the ROI floor must be a positive number, got {self.min_roi:g}.",
                              f"ROI 下限必须是正数，收到 {self.min_roi:g}。")
        object.__setattr__(self, "max_budget", check_budget(self.max_budget))
        _ceiling(*self.bounds, self.max_budget, "budget", "the budget")

    def answer(self, scenario: Scenario) -> Plan:
        lo, hi = self.bounds
        min_roi = self.min_roi
        b_min, b_max = float(lo.sum()), _ceiling(lo, hi, self.max_budget, "budget", "the budget")
        before = totals(simulate(scenario))

        def roi_ok(st: State) -> bool:
            return not st.spend > 0 or st.gmv / st.spend >= min_roi

        prob, st, exact = solve(scenario, b_max, "gmv", lo, hi)
        if roi_ok(st):
            return finish(scenario, prob, st, self.MODE, b_max, before, [], target=min_roi, exact=exact)
        w = st.w
        prob, st, exact = solve(scenario, b_min, "gmv", lo, hi, w_prior=w)
        if not roi_ok(st):
            return finish(scenario, prob, st, self.MODE, b_min, before, [Note(
                f"即使只花最低预算，ROI 也低于 {min_roi:g}。", f"Even the minimum budget gives an ROI below {min_roi:g}.")],
                reached=False, target=min_roi, exact=exact)
        b, best = _bisect_budget(scenario, lo, hi, roi_ok, b_max, b_min, w=w)
        prob, st, exact = best or (prob, st, exact)
        return finish(scenario, prob, st, self.MODE, b, before, [], target=min_roi, exact=exact)


Question = FixedBudget | ExtraBudget | ReachGMV | ROIFloor


def answer(scenario: Scenario, question: Question) -> Plan:
    """The plan that answers ``question`` for ``scenario``."""
    return question.answer(scenario)


def question_for(mode: str, amount: float, objective: str = "gmv", up_to: bool = False,
                 target_gmv: float | None = None, min_roi: float | None = None,
                 tool_min: Mapping[str, float] | None = None,
                 tool_max: Mapping[str, float] | None = None) -> Question:
    """The question a form asks (the budget page: a mode, one amount and the other inputs):
    ``amount`` is the budget, the extra amount, or the ceiling of a target (0: none for a GMV
    target). ``mode`` may be an old name (``target``, ``roi``)."""
    bounds = {"tool_min": tool_min, "tool_max": tool_max}
    mode = mode_name(mode)
    if mode == ExtraBudget.MODE:
        return ExtraBudget(amount, objective, **bounds)
    if mode == ReachGMV.MODE:
        return ReachGMV(target_gmv or 0.0, max_budget=amount or None, **bounds)
    if mode == ROIFloor.MODE:
        return ROIFloor(min_roi or 0.0, amount, **bounds)
    if mode == FixedBudget.MODE:
        return FixedBudget(amount, objective, up_to, **bounds)
    raise BudgetError(f"mode must be one of {', '.join(MODES)}, got {mode!r}.")


# --- the same questions as functions -------------------------------------------------------------

def optimise(scenario: Scenario, budget: float, objective: str = "gmv",
             tool_min: Mapping[str, float] | None = None, tool_max: Mapping[str, float] | None = None,
             at_most: bool = False) -> Plan:
    """``FixedBudget(budget, objective, at_most)`` answered for ``scenario``."""
    return FixedBudget(budget, objective, at_most, tool_min=tool_min, tool_max=tool_max).answer(scenario)


def incremental(scenario: Scenario, extra: float, objective: str = "gmv",
                tool_min: Mapping[str, float] | None = None,
                tool_max: Mapping[str, float] | None = None) -> Plan:
    """``ExtraBudget(extra, objective)`` answered for ``scenario``."""
    return ExtraBudget(extra, objective, tool_min=tool_min, tool_max=tool_max).answer(scenario)


def target_gmv(scenario: Scenario, gmv: float, tool_min=None, tool_max=None,
               max_budget: float | None = None) -> Plan:
    """``ReachGMV(gmv, max_budget)`` answered for ``scenario``."""
    return ReachGMV(gmv, max_budget, tool_min=tool_min, tool_max=tool_max).answer(scenario)


def max_gmv_at_roi(scenario: Scenario, min_roi: float, max_budget: float, tool_min=None,
                   tool_max=None) -> Plan:
    """``ROIFloor(min_roi, max_budget)`` answered for ``scenario``."""
    return ROIFloor(min_roi, max_budget, tool_min=tool_min, tool_max=tool_max).answer(scenario)


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
