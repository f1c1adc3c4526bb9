"""Goal seek: the value of one registry parameter at which GMV by day N reaches a target.

A grid over the parameter's range evaluated in one batched call (``overrides`` through the
draws axis), then bracketing refinement; or a plain statement that the range cannot reach it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..engine import TOOLS
from ..link import decimals, round_value, to_query
from ..params import BY_KEY
from ..scenario import Scenario
from ..text import Message, message
from .errors import BudgetError, ParamName, ParamUnit
from .evaluate import evaluate_tool_totals
from .spend import tool_totals

STRUCTURAL = frozenset({"accounts", "days", "launch_every", "sessions_week"})


@dataclass(frozen=True)
class Goal:
    """The value of one parameter at which GMV by ``day`` reaches ``target``, or why not."""

    key: str
    target: float
    day: int
    value: float | None  # None: the parameter's range cannot reach the target
    gmv: float  # GMV by ``day`` at ``value`` (or at the best end of the range when unreachable)
    reached: bool
    current_value: float
    current_gmv: float
    scenario: Scenario  # with ``value`` (unchanged when unreachable)
    reason: Message
    grid: np.ndarray  # the values evaluated on the first pass, for a chart
    grid_gmv: np.ndarray
    best_value: float  # the end of the range with the most GMV (the one reported when unreachable)

    @property
    def query(self) -> str:
        return to_query(self.scenario)

    def to_dict(self) -> dict:
        return {
            "param": self.key, "target_gmv": self.target, "day": self.day,
            "value": self.value, "gmv": self.gmv, "reached": self.reached,
            "reason": None if self.reached and self.value is not None else self.reason.text("en"),
            "message": self.reason.text("en"),
            "current_value": self.current_value, "current_gmv": self.current_gmv,
            "best_value": self.best_value,
            "query": self.query,
        }


def _with_value(scenario: Scenario, key: str, value) -> Scenario:
    if key == "accounts" and scenario.split is not None and int(value) != scenario.accounts:
        return scenario.replace(accounts=int(value), split=None)
    return scenario.replace(**{key: value})


def gmv_by_day(scenario: Scenario, key: str, values: np.ndarray, day: int | None) -> np.ndarray:
    """GMV by the end of ``day`` (1-based; None: the horizon) for each value of parameter ``key``,
    batched through the draws axis wherever the engine allows."""
    values = np.asarray(values, dtype=float)
    p = BY_KEY[key]
    if p.integer:
        values = np.round(values)
    if key == "days":  # the engine is causal: one run at the longest horizon gives every shorter one
        cum = evaluate_tool_totals(scenario.replace(days=int(values.max())),
                                   tool_totals(scenario)[None]).gmv_by_day[0]
        return cum[values.astype(int) - 1]
    d = scenario.days if day is None else day
    if key in STRUCTURAL:
        return np.array([evaluate_tool_totals(s, tool_totals(s)[None]).gmv_by_day[0, d - 1]
                         for s in (_with_value(scenario, key, int(v)) for v in values)])
    rows = np.repeat(tool_totals(scenario)[None], len(values), axis=0)
    overrides = {}
    if key in TOOLS:
        rows[:, TOOLS.index(key)] = values
    else:
        overrides[key] = values
    return evaluate_tool_totals(scenario, rows, overrides).gmv_by_day[:, d - 1]


def _grid(lo: float, hi: float, integer: bool) -> np.ndarray:
    u = np.union1d(np.linspace(0, 1, 25), np.geomspace(1e-4, 1, 17))
    g = lo + (hi - lo) * u
    if integer:
        g = np.unique(np.round(g))
    return np.unique(np.concatenate([g, [lo, hi]]))


def _resolution(p) -> float:
    """How finely the answer is sought: the precision a share link writes it at (link.decimals)."""
    return 1.0 if p.integer else 10.0 ** -decimals(p)


def goal_seek(scenario: Scenario, key: str, gmv: float, day: int | None = None) -> Goal:
    """The value of parameter ``key`` at which GMV by ``day`` (default: the horizon) reaches ``gmv``.

    GMV is evaluated on a grid over the parameter's whole range (one batched engine call), then
    the first bracket where it crosses the target (searching outward from the current value) is
    refined with batched grids until the value is known to the parameter's resolution. For a
    parameter GMV grows with (invites, cvr, aov, spend…) that is the smallest value reaching the
    target; for one it falls with (fatigue, churn…) the largest. Integer parameters get integers.
    """
    p = BY_KEY.get(key)
    if p is None:
        raise BudgetError("budget.goal.unknown_param", param=key)
    if not math.isfinite(gmv) or gmv <= 0:
        raise BudgetError("budget.gmv_target_positive", gmv=gmv)
    if key == "days":
        if day is not None:
            raise BudgetError("budget.goal.days_with_day")
        d = None
    else:
        d = scenario.days if day is None else int(day)
        if not 1 <= d <= scenario.days:
            raise BudgetError("budget.goal.day_range", days=scenario.days, day=day)
    lo, hi = float(p.min), float(p.max)
    current = float(getattr(scenario, key))
    grid = _grid(lo, hi, p.integer)
    values = gmv_by_day(scenario, key, np.concatenate([grid, [current]]), d)
    g, current_gmv = values[:-1], float(values[-1])
    day_out = d if key != "days" else int(current)
    best_i = int(np.argmax(g))
    words = {"param": ParamName(key), "unit": ParamUnit(key), "target": gmv}

    def done(value, gmv_at, reached, note):
        scen = _with_value(scenario, key, value) if value is not None else scenario
        day_at = d if key != "days" else int(value if value is not None else current)
        return Goal(key, float(gmv), day_at, value, float(gmv_at), reached, current, current_gmv, scen,
                    note, grid, g, float(grid[best_i]))

    if g.max() < gmv:
        if g.max() - g.min() <= 1e-9 * max(abs(g.max()), 1.0):
            return done(None, float(g[best_i]), False, message(
                "budget.goal.flat", day=day_out, gmv=float(g[best_i]), param=words["param"], target=gmv))
        return done(None, float(g[best_i]), False, message(
            "budget.goal.out_of_range", value=_shown(p, grid[best_i]), day=day_out, gmv=float(g[best_i]), **words))
    ok = g >= gmv
    if ok.all():
        end = 0 if g[-1] >= g[0] else len(grid) - 1
        value = _as_value(p, grid[end])
        return done(value, float(g[end]), True, message(
            "budget.goal.all_reach", end=message("budget.goal.minimum" if end == 0 else "budget.goal.maximum"),
            value=_shown(p, value), unit=words["unit"], gmv=float(g[end])))
    # Brackets [i, i+1] where reaching changes; take the one nearest the current value.
    changes = np.nonzero(ok[1:] != ok[:-1])[0]
    i = int(changes[np.argmin(np.abs(0.5 * (grid[changes] + grid[changes + 1]) - current))])
    a, b = grid[i], grid[i + 1]  # exactly one of them reaches
    reach_high = bool(ok[i + 1])
    res = _resolution(p)
    for _ in range(12):
        if b - a <= res:
            break
        inner = np.linspace(a, b, 18)[1:-1]
        if p.integer:
            inner = np.unique(np.round(inner))
            inner = inner[(inner > a) & (inner < b)]
            if not len(inner):
                break
        vals = gmv_by_day(scenario, key, inner, d)
        pts = np.concatenate([[a], inner, [b]])
        reach = np.concatenate([[not reach_high], vals >= gmv, [reach_high]])
        j = int(np.nonzero(reach[1:] != reach[:-1])[0][0 if reach_high else -1])
        a, b = pts[j], pts[j + 1]
    value = _as_value(p, b if reach_high else a, up=reach_high)
    # At the link's precision the crossing may fall between a and b: the value next to the other
    # end, if it still reaches, is the smallest (largest) that does.
    nearer = _as_value(p, a if reach_high else b, up=reach_high)
    both = gmv_by_day(scenario, key, np.array([value, nearer]), d)
    at = float(both[0])
    if nearer != value and both[1] >= gmv:
        value, at = nearer, float(both[1])
    return done(value, at, True, message(
        "budget.goal.reached", value=_shown(p, value), gmv=at, day=day_out if key != "days" else int(value),
        direction=message("budget.goal.smallest" if reach_high else "budget.goal.largest"), **words))


def _shown(p, x: float) -> str:
    """A parameter value in a message: integers with separators (1,000,000), others to 6 digits."""
    return f"{int(round(x)):,}" if p.integer else f"{float(x):.6g}"


def _as_value(p, x: float, up: bool = True):
    """A value as the scenario takes it: an integer, or a float rounded toward the reaching side
    at the precision its share link writes (link.decimals), kept within the range, so the answer
    applied in the app is the answer reached."""
    if p.integer:
        return int(round(x))
    q = 10 ** decimals(p)
    v = round_value(p, (math.ceil(round(x * q, 6)) if up else math.floor(round(x * q, 6))) / q)
    return float(min(max(v, p.min), p.max))

