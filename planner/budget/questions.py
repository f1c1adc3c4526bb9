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
from ..text import message
from .allocation import current_allocation, even_over_accounts, scenario_with
from .errors import BudgetError, ParamName
from .optimiser import OBJECTIVES, State, solve
from .plan import Plan, finish

MODES: tuple[str, ...] = ("fixed", "incremental", "target_gmv", "min_roi")
# The budget question as a share link carries it: the 投流 page binds its widgets to these keys
# (views.page_keys says what each may hold), and a reader of links that is not the page (the
# CLI) passes over them, naming them in ``link.from_query(..., other_keys=)``.
LINK_KEYS: tuple[str, ...] = ("mode", "budget", "objective", "up_to", "target_gmv", "min_roi",
                              *(f"{tool}_{end}" for tool in TOOLS for end in ("min", "max")),
                              "goal_param", "goal_gmv", "goal_day")
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
            raise BudgetError("budget.unknown_tool", tool=key, tools=", ".join(TOOLS))
    lo = np.array([float(tool_min.get(t, 0.0)) for t in TOOLS])
    hi = np.array([float(tool_max.get(t, BY_KEY[t].max)) for t in TOOLS])
    for k, tool in enumerate(TOOLS):
        if not (math.isfinite(lo[k]) and math.isfinite(hi[k])) or lo[k] < 0 or hi[k] < 0:
            raise BudgetError("budget.bounds_not_finite", tool=ParamName(tool))
        if lo[k] > hi[k]:
            raise BudgetError("budget.min_above_max", tool=ParamName(tool), low=lo[k], high=hi[k])
        hi[k] = min(hi[k], BY_KEY[tool].max)
        if lo[k] > hi[k]:
            raise BudgetError("budget.min_above_registry", tool=ParamName(tool), low=lo[k], high=hi[k])
    return lo, hi


def check_budget(budget: float, name: str = "budget") -> float:
    """``budget`` as a float when it is a finite, non-negative daily 元 amount; ``name`` says which
    amount (``budget.name.*``: budget, extra, ceiling)."""
    budget = float(budget)
    if not math.isfinite(budget) or budget < 0:
        raise BudgetError("budget.not_a_budget", name=message(f"budget.name.{name}"), budget=budget)
    return budget


def check_objective(objective: str) -> None:
    if objective not in OBJECTIVES:
        raise BudgetError("budget.unknown_objective", choices=", ".join(OBJECTIVES), objective=objective)


def _ceiling(lo: np.ndarray, hi: np.ndarray, max_budget: float | None) -> float:
    """The largest daily budget a target question may spend: its own ceiling (None: none),
    within the tools' maximums; an error when the tools' minimums alone exceed it."""
    if max_budget is None:
        b_max = float(hi.sum())
        if float(lo.sum()) > b_max:
            raise BudgetError("budget.minimums_above_ceiling", low=float(lo.sum()))
        return b_max
    b_max = min(max_budget, float(hi.sum()))
    if float(lo.sum()) > b_max:
        raise BudgetError("budget.minimums_above_budget", low=float(lo.sum()), budget=b_max)
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
        object.__setattr__(self, "extra", check_budget(self.extra, "extra"))
        check_objective(self.objective)
        _ = self.bounds

    def answer(self, scenario: Scenario) -> Plan:
        lo, hi = self.bounds
        notes = []
        held = current_allocation(scenario)
        if held is None:
            held = even_over_accounts(scenario)
            notes.append(message("budget.note.even_split_held"))
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
            raise BudgetError("budget.gmv_target_positive", gmv=self.gmv)
        lo, hi = self.bounds
        if self.max_budget is not None:
            object.__setattr__(self, "max_budget", check_budget(self.max_budget, "ceiling"))
        _ceiling(lo, hi, self.max_budget)

    def answer(self, scenario: Scenario) -> Plan:
        lo, hi = self.bounds
        gmv = self.gmv
        b_min, b_max = float(lo.sum()), _ceiling(lo, hi, self.max_budget)
        before = totals(simulate(scenario))
        prob, st, exact = solve(scenario, b_min, "gmv", lo, hi)
        if st.gmv >= gmv:
            return finish(scenario, prob, st, self.MODE, b_min, before, [
                message("budget.note.minimum_reaches")],
                target=gmv, exact=exact)
        prob, st, exact = solve(scenario, b_max, "gmv", lo, hi, w_prior=st.w)
        if st.gmv < gmv:
            return finish(scenario, prob, st, self.MODE, b_max, before, [message(
                "budget.note.ceiling_short", budget=b_max, gmv=st.gmv, target=gmv)],
                reached=False, target=gmv, exact=exact)
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
            raise BudgetError("budget.roi_floor_positive", roi=self.min_roi)
        object.__setattr__(self, "max_budget", check_budget(self.max_budget))
        _ceiling(*self.bounds, self.max_budget)

    def answer(self, scenario: Scenario) -> Plan:
        lo, hi = self.bounds
        min_roi = self.min_roi
        b_min, b_max = float(lo.sum()), _ceiling(lo, hi, self.max_budget)
        before = totals(simulate(scenario))

        def roi_ok(st: State) -> bool:
            return not st.spend > 0 or st.gmv / st.spend >= min_roi

        prob, st, exact = solve(scenario, b_max, "gmv", lo, hi)
        if roi_ok(st):
            return finish(scenario, prob, st, self.MODE, b_max, before, [], target=min_roi, exact=exact)
        w = st.w
        prob, st, exact = solve(scenario, b_min, "gmv", lo, hi, w_prior=w)
        if not roi_ok(st):
            return finish(scenario, prob, st, self.MODE, b_min, before, [message(
                "budget.note.roi_below_at_minimum", roi=min_roi)],
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
    raise BudgetError("budget.unknown_mode", choices=", ".join(MODES), mode=mode)


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
