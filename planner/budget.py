"""投流 budget planner: response curves, an optimiser and goal seek, all evaluated on the engine.

Founders ask "where should the next 10,000 元 go, and is 投流 worth it at all". Everything here
answers with ``planner.engine.simulate`` itself as the model, batched through its draws axis:
one call evaluates a whole spend grid or hundreds of candidate allocations at once.

Response curves (``response_curves``)
    For each tool k, the scenario is re-run with the tool's daily spend S on a grid (its
    per-account pattern kept: the link's split shares, or the even split over live accounts),
    giving viewers, GMV, net GMV and profit against S. The marginal ROI is the engine's own
    finite difference ΔGMV / Δspend (GMV of the next 元 actually spent); the break-even line is
    where profit = net GMV × margin − spend = 0, i.e. GMV = spend / ((1 − returns) · margin), and
    the next 元 pays for itself while the marginal ROI ≥ 1 / ((1 − returns) · margin).

Optimiser (``optimise``, ``target_gmv``, ``max_gmv_at_roi``, ``incremental``)
    Variables x[a, k] ≥ 0: daily 元 of tool k spent on account a (the account heated, whoever
    pays), constant over the horizon and not spent before the account goes live. Maximise
    f(x) = α · GMV(x) − β · Σ_a L_a Σ_k x[a, k] (α = 1 − returns, β = 0: net GMV; α = (1 − returns)
    · margin, β = 1: profit; L_a = the account's live days) subject to Σ x = budget (or ≤ budget),
    per-tool bounds lo_k ≤ Σ_a x[a, k] ≤ hi_k, and beans in whole heating orders of 500 beans.
    Each tool's paid viewers saturate per account and day, φ_k(x) = cap_k · (1 − exp(−x · r_k /
    cap_k)), and GMV is close to linear in paid viewers, so the method is sequential
    separable approximation: at the current x the engine gives ∂GMV/∂φ[a, k] by a batched
    finite difference (one call, one draw per variable); the model f ≈ Σ w[a, k] · φ_k(x[a, k])
    − β L_a x[a, k] is maximised exactly by water-filling (marginal gain equal to one price per
    tool, bisected); a batched line search on the engine accepts the step. The snowball (captured
    buyers, weight, spill-over) couples days and accounts; re-linearising on the engine takes
    care of it. Beans are then snapped to whole orders and a batched local search moves single
    orders between accounts.

Goal seek (``goal_seek``)
    The value of one registry parameter at which GMV by day N reaches a target: a grid over the
    parameter's range evaluated in one batched call (``overrides`` through the draws axis), then
    bracketing refinement; or a plain statement that the range cannot reach it.

Money is in 元; spend is daily 元 unless a name says ``total`` (summed over the horizon).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import numpy as np

from . import tools
from .engine import N_TOOLS, TOOLS, launch_days, session_schedule, simulate
from .link import to_query
from .params import BY_KEY, SPLIT_KEYS, beans_for_yuan
from .report import totals
from .scenario import Scenario

OBJECTIVES: tuple[str, ...] = ("gmv", "profit")
BEANS = int(np.flatnonzero(tools.IN_ORDERS)[0])  # the tool bought in whole heating orders (beans); its row says so
# days × draws × accounts per engine call: bounds the engine's memory (~20 such float arrays).
MAX_CELLS = 600_000
STRUCTURAL = frozenset({"accounts", "days", "launch_every", "sessions_week"})
# The budget question as a share link carries it: the 投流 page binds its widgets to these keys
# (views.page_keys says what each may hold), and a reader of links that is not the page (the
# CLI) passes over them, naming them in ``link.from_query(..., other_keys=)``.
LINK_KEYS: tuple[str, ...] = ("mode", "budget", "objective", "up_to", "target_gmv", "min_roi",
                              *(f"{tool}_{end}" for tool in TOOLS for end in ("min", "max")),
                              "goal_param", "goal_gmv", "goal_day")


class BudgetError(ValueError):
    """A budget problem that cannot be solved as asked: one line saying why (``zh``: in Chinese)."""

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.zh = zh or message

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


@dataclass(frozen=True)
class Note:
    """A remark on a result, in both languages."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


# --- the scenario's paid-traffic constants ---------------------------------------------------

def bean_step_yuan(scenario: Scenario) -> float:
    """元 price of one heating order of 500 beans at the scenario's iOS share of top-ups."""
    return float(tools.yuan_per_order(scenario.ios_share))


def sessions(scenario: Scenario) -> np.ndarray:
    """(T, A) sessions each account holds each day."""
    return session_schedule(scenario.accounts, scenario.days, scenario.launch_every, scenario.sessions_week)


def live_days(scenario: Scenario) -> np.ndarray:
    """(A,) days each account streams within the horizon: the days its daily budget is spent on."""
    return (sessions(scenario) > 0).sum(axis=0).astype(float)


@dataclass(frozen=True)
class PaidCurves:
    """How an account's daily spend on each tool becomes paid viewers on a day it streams: the
    day's spend x is divided over its n sessions, each buying ``tools.viewers_for_spend(x / n)``
    up to the session's ceiling (cap × hours). ``per_day`` is each account's average sessions on
    a streaming day (1 below 7 sessions a week, up to 2). Arrays broadcast as (…, A, K)."""

    cpv: np.ndarray  # (K,) opening 元 per viewer
    ceiling: np.ndarray  # (K,) viewers one session can buy
    rise: np.ndarray  # (K,)
    per_day: np.ndarray  # (A, 1) sessions per streaming day

    def viewers(self, x):
        """Paid viewers a streaming day for daily spend x (…, A, K)."""
        return self.per_day * tools.viewers_for_spend(np.asarray(x) / self.per_day, self.cpv, self.ceiling, self.rise)

    def slope(self, x):
        """Paid viewers the next 元 of daily spend buys (0 once the room can absorb no more)."""
        return tools.marginal_viewers(np.asarray(x) / self.per_day, self.cpv, self.ceiling, self.rise)

    def spend_at(self, slope):
        """The daily spend at which the next 元 buys ``slope`` viewers (the inverse of ``slope``)."""
        return self.per_day * tools.spend_at_marginal(slope, self.cpv, self.ceiling, self.rise)

    @property
    def top(self) -> np.ndarray:
        """(A, K) daily spend that buys every session's ceiling; more is not spent."""
        return self.per_day * tools.max_spend(self.cpv, self.ceiling, self.rise)


def paid_curves(scenario: Scenario) -> PaidCurves:
    """The scenario's ``PaidCurves``."""
    cpv = np.array([tools.cost_per_viewer_yuan(t, getattr(scenario, f"{t.key}_cpv"), scenario.ios_share)
                    for t in tools.TOOLS])
    ceiling = np.array([getattr(scenario, f"{key}_cap") for key in TOOLS], dtype=float) * scenario.session_hours
    n = sessions(scenario)
    streaming = (n > 0).sum(axis=0)
    per_day = np.divide(n.sum(axis=0), streaming, out=np.ones(scenario.accounts), where=streaming > 0)
    return PaidCurves(cpv=cpv, ceiling=ceiling, rise=tools.RISES, per_day=per_day[:, None])


def _tool_totals(scenario: Scenario) -> np.ndarray:
    return np.array([getattr(scenario, key) for key in TOOLS], dtype=float)


def _unit_budgets(scenario: Scenario) -> Scenario:
    return scenario.replace(**{key: 1.0 for key in TOOLS})


def current_allocation(scenario: Scenario) -> np.ndarray | None:
    """(A, K) daily 元 per account and tool that the scenario spends on each day the account
    streams, when that is one constant per account (a split always is; the even split is when the
    same number of accounts stream on every streaming day); None when the even split moves money
    between accounts as satellites launch or schedules interleave."""
    n = sessions(scenario) > 0
    counts = n.sum(axis=1)
    steady = len(np.unique(counts[counts > 0])) <= 1
    out = np.zeros((scenario.accounts, N_TOOLS))
    tool_totals = _tool_totals(scenario)
    for k in range(N_TOOLS):
        shares = scenario.split[k] if scenario.split is not None else None
        if shares is not None:
            out[:, k] = np.asarray(shares) * tool_totals[k]
        elif not steady:
            return None
        else:
            out[:, k] = tool_totals[k] / max(int(counts.max()), 1) * n.any(axis=0)
    return out


def _even_over_accounts(scenario: Scenario) -> np.ndarray:
    """(A, K) the scenario's tool totals as fixed shares: its split, or 1/A per account."""
    A = scenario.accounts
    out = np.empty((A, N_TOOLS))
    tool_totals = _tool_totals(scenario)
    for k in range(N_TOOLS):
        shares = scenario.split[k] if scenario.split is not None else None
        out[:, k] = (np.asarray(shares) if shares is not None else np.full(A, 1.0 / A)) * tool_totals[k]
    return out


# --- evaluating many candidates on the engine ------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """Per-draw results of one batched evaluation, each of shape (D,); ``gmv_by_day`` (D, T) is
    cumulative GMV by the end of each day. Spend is the 元 actually spent over the horizon."""

    gmv: np.ndarray
    net_gmv: np.ndarray
    profit: np.ndarray
    spend: np.ndarray
    pv: np.ndarray
    paid_pv: np.ndarray  # (D, 3) viewers of each tool
    gmv_by_day: np.ndarray  # (D, T)

    @property
    def roi(self) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.spend > 0, self.gmv / np.where(self.spend > 0, self.spend, 1), np.nan)

    def objective(self, name: str) -> np.ndarray:
        return self.net_gmv if name == "gmv" else self.profit


def _outcome(proj, spend_by_day: np.ndarray | None = None) -> Outcome:
    """The figures ``planner.report.summary`` gives, for every draw, without per-account arrays.
    ``spend_by_day`` (D, T) replaces the projection's spend when the caller scaled it."""
    gmv_by_day = np.cumsum(proj.buyers.sum(axis=(2, 3)), axis=1) * proj.aov[:, None]
    gmv = gmv_by_day[:, -1]
    spend = (proj.spend.sum(axis=(1, 2, 3)) if spend_by_day is None else spend_by_day.sum(axis=1))
    net = gmv * (1 - proj.returns)
    spend = np.broadcast_to(spend, gmv.shape)
    return Outcome(gmv=gmv, net_gmv=net, profit=net * proj.margin - spend, spend=np.array(spend),
                   pv=proj.pv.sum(axis=(1, 2, 3)), paid_pv=proj.pv[..., 2:].sum(axis=(1, 2)),
                   gmv_by_day=gmv_by_day)


def _concat(parts: list[Outcome]) -> Outcome:
    if len(parts) == 1:
        return parts[0]
    return Outcome(*(np.concatenate([getattr(p, f) for p in parts]) for f in Outcome.__dataclass_fields__))


def _chunks(scenario: Scenario, draws: int):
    per = max(1, MAX_CELLS // (scenario.days * scenario.accounts))
    return [(i, min(i + per, draws)) for i in range(0, draws, per)]


class Evaluator:
    """Runs the engine on batches of allocations and counts the draws it used."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario.replace(split=None)  # spend comes from spend_split
        self.draws = 0
        self.calls = 0

    def allocations(self, alloc: np.ndarray) -> Outcome:
        """alloc (D, A, 3) daily 元 per account and tool, one allocation per draw."""
        alloc = np.maximum(np.asarray(alloc, dtype=float), 0.0)
        parts = []
        for i, j in _chunks(self.scenario, len(alloc)):
            proj = simulate(self.scenario, draws=j - i, spend_split=alloc[i:j], by_account=False)
            parts.append(_outcome(proj))
            self.calls += 1
        self.draws += len(alloc)
        return _concat(parts)


def evaluate_tool_totals(scenario: Scenario, tool_totals: np.ndarray,
                         overrides: Mapping[str, np.ndarray] | None = None) -> Outcome:
    """The scenario with each draw's daily tool totals (D, K) in place of its own, keeping its
    per-account spending rule: ``simulate(scenario.replace(gdt=…, beans=…, coupons=…))`` per draw,
    batched through the engine's draws axis (a tool's key in ``overrides`` is its daily budget)."""
    tool_totals = np.atleast_2d(np.asarray(tool_totals, dtype=float))
    D = len(tool_totals)
    overrides = dict(overrides or {})
    parts = []
    for i, j in _chunks(scenario, D):
        sub = {k: np.asarray(v, dtype=float).reshape(D)[i:j] for k, v in overrides.items()}
        sub.update({key: tool_totals[i:j, k] for k, key in enumerate(TOOLS)})
        parts.append(_outcome(simulate(scenario, draws=j - i, overrides=sub, by_account=False)))
    return _concat(parts)


# --- response curves -------------------------------------------------------------------------

@dataclass(frozen=True)
class Curve:
    """One tool's response to its daily spend, the rest of the scenario held. Arrays are (G,)
    over the spend grid; ``current`` indexes the scenario's own spend in it."""

    tool: str
    spend: np.ndarray  # the tool's daily spend for the matrix, 元/day
    spend_total: np.ndarray  # all paid spend actually spent over the horizon, 元
    paid_viewers: np.ndarray  # the tool's viewers over the horizon
    viewers: np.ndarray  # all viewers (场观) over the horizon
    gmv: np.ndarray  # 元 over the horizon
    net_gmv: np.ndarray
    profit: np.ndarray  # net GMV × margin − all paid spend
    marginal_roi: np.ndarray  # GMV of the next 元 spent on this tool (NaN if it cannot be spent)
    breakeven_gmv: np.ndarray  # GMV at which profit = 0 for that spend
    breakeven_roi: float  # marginal ROI at which the next 元 pays for itself: 1/((1−returns)·margin)
    current: int
    payback_spend: float | None  # daily spend where the marginal ROI falls to break-even

    @property
    def marginal_profit(self) -> np.ndarray:
        """Profit of the next 元 spent on this tool: marginal ROI / break-even ROI − 1."""
        return self.marginal_roi / self.breakeven_roi - 1.0 if math.isfinite(self.breakeven_roi) else (
            np.full_like(self.marginal_roi, -1.0))

    def to_dict(self) -> dict:
        def plain(a):
            return [None if not math.isfinite(x) else float(x) for x in np.asarray(a, dtype=float)]
        return {
            "tool": self.tool, "current": self.current, "current_spend": float(self.spend[self.current]),
            "breakeven_roi": _finite(self.breakeven_roi), "payback_spend": self.payback_spend,
            **{name: plain(getattr(self, name)) for name in (
                "spend", "spend_total", "paid_viewers", "viewers", "gmv", "net_gmv", "profit",
                "marginal_roi", "breakeven_gmv")},
        }


def _finite(x) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


def _nice_ceiling(x: float) -> float:
    """The next 1, 2 or 5 × 10^n at or above x."""
    if x <= 0:
        return 1000.0
    mag = 10 ** math.floor(math.log10(x))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= x * (1 - 1e-12))


def default_max_spend(scenario: Scenario, tool: str) -> float:
    """A grid end that shows the whole bend: a little beyond the daily spend that buys every
    streaming account's ceiling (past it nothing more is spent), or 2.5 × today's spend, within
    the registry's range."""
    k = TOOLS.index(tool)
    streaming = live_days(scenario) > 0
    full = float(paid_curves(scenario).top[streaming, k].sum())
    top = max(1.25 * full, 2.5 * getattr(scenario, tool))
    return min(_nice_ceiling(top), BY_KEY[tool].max)


def response_curves(scenario: Scenario, points: int = 41,
                    max_spend: Mapping[str, float] | None = None) -> dict[str, Curve]:
    """Per tool, the engine's response to the tool's daily spend on a grid from 0 (the
    scenario's own spend included), with the marginal ROI by finite difference on the engine.
    All three tools, grid and differences, run in one batched evaluation."""
    if points < 2:
        raise BudgetError("a response curve needs at least 2 points.")
    max_spend = dict(max_spend or {})
    now = _tool_totals(scenario)
    grids, rows = {}, []
    for k, tool in enumerate(TOOLS):
        top = float(max_spend.get(tool) or default_max_spend(scenario, tool))
        grid = np.union1d(np.linspace(0.0, max(top, now[k]), points), [now[k]])
        step = max(1e-4 * grid[-1], 0.01)
        if tools.TOOLS[k].order_beans:  # whole orders: the next 元 must buy every account one more order
            step = max(step, bean_step_yuan(scenario) * scenario.accounts)
        grids[tool] = (grid, step)
        for x in np.concatenate([grid, grid + step]):
            row = now.copy()
            row[k] = x
            rows.append(row)
    out = evaluate_tool_totals(scenario, np.array(rows))
    margin_net = (1 - scenario.returns) * scenario.margin
    breakeven_roi = 1.0 / margin_net if margin_net > 0 else math.inf
    curves, at = {}, 0
    for tool in TOOLS:
        grid, step = grids[tool]
        G = len(grid)
        here, nxt = slice(at, at + G), slice(at + G, at + 2 * G)
        at += 2 * G
        d_spend = out.spend[nxt] - out.spend[here]
        with np.errstate(divide="ignore", invalid="ignore"):
            mroi = np.where(d_spend > 1e-9 * step, (out.gmv[nxt] - out.gmv[here]) / d_spend, np.nan)
        k = TOOLS.index(tool)
        curves[tool] = Curve(
            tool=tool, spend=grid, spend_total=out.spend[here], paid_viewers=out.paid_pv[here, k],
            viewers=out.pv[here], gmv=out.gmv[here], net_gmv=out.net_gmv[here], profit=out.profit[here],
            marginal_roi=mroi,
            breakeven_gmv=out.spend[here] / margin_net if margin_net > 0 else np.full(G, np.inf),
            breakeven_roi=breakeven_roi, current=int(np.searchsorted(grid, now[k])),
            payback_spend=_crossing(grid, mroi, breakeven_roi))
    return curves


def _crossing(x: np.ndarray, y: np.ndarray, level: float) -> float | None:
    """The first x where y falls to ``level`` (linear between grid points); 0 if y starts below,
    None if it never falls to it on the grid."""
    ok = np.isfinite(y)
    x, y = x[ok], y[ok]
    if not len(x) or not math.isfinite(level):
        return 0.0 if len(x) else None
    if y[0] <= level:
        return float(x[0])
    below = np.nonzero(y <= level)[0]
    if not len(below):
        return None
    i = below[0]
    t = (y[i - 1] - level) / (y[i - 1] - y[i])
    return float(x[i - 1] + t * (x[i] - x[i - 1]))


# --- the optimiser ---------------------------------------------------------------------------

def _waterfill(value, cost, curves: PaidCurves, lb, ub, lo, hi, budget, at_most=False, iters=48):
    """Maximise Σ value · φ(x) − cost · x (φ = ``curves.viewers``, so the marginal gain of x is
    value · φ'(x) − cost) over x (N, A, K) with lb ≤ x ≤ ub, lo_k ≤ Σ_a x[:, :, k] ≤ hi_k and
    Σ x = budget (≤ budget when ``at_most``), for N problems at once.

    KKT: every variable strictly inside its box has marginal gain ν_k, one price per tool, and
    every tool strictly inside its bounds has ν_k = λ, one price for the budget. Demand at price
    ν is x = φ'⁻¹((ν + cost) / value) (``curves.spend_at``) clipped to the box, non-increasing in
    ν: bisect λ for the budget, then ν_k for each tool's total, and interpolate the last bracket
    so the sums are exact. Returns x (N, A, K).
    """
    value = np.maximum(value, 0.0)
    N = value.shape[0]
    cost = np.broadcast_to(cost, value.shape)
    lo_eff = np.maximum(lo, lb.sum(axis=1))  # (N, K)
    hi_eff = np.maximum(np.minimum(hi, ub.sum(axis=1)), lo_eff)
    budget = np.broadcast_to(np.asarray(budget, dtype=float), (N,))
    opening = value / curves.cpv  # the marginal gain of the first 元, before its cost
    with np.errstate(divide="ignore", invalid="ignore"):

        def demand(nu):  # nu broadcastable to (N, A, K) → x (N, A, K)
            den = nu + cost
            slope = np.where(value > 0, den / np.where(value > 0, value, 1.0), np.inf)
            x = np.where(den > 0, curves.spend_at(slope), np.inf)
            return np.minimum(np.maximum(x, lb), ub)

        top = np.max(np.maximum(opening - cost, -cost).reshape(N, -1), axis=1) + 1.0
        bottom = -np.max(cost.reshape(N, -1), axis=1) - 1.0
        if at_most:  # a price just above 0: spend only where the model gains, never where indifferent
            bottom = np.maximum(bottom, 1e-9 * (np.max(opening.reshape(N, -1), axis=1) + 1.0))

        def totals_at(lam):  # lam (N,) → clipped tool totals (N, K)
            return np.minimum(np.maximum(demand(lam[:, None, None]).sum(axis=1), lo_eff), hi_eff)

        t_low, t_high = totals_at(top), totals_at(bottom)  # spend least, most
        target = np.minimum(np.maximum(budget, t_low.sum(axis=1)), t_high.sum(axis=1))
        a, b = bottom.copy(), top.copy()
        for _ in range(iters):
            mid = 0.5 * (a + b)
            over = totals_at(mid).sum(axis=1) >= target
            a, b = np.where(over, mid, a), np.where(over, b, mid)
        t_a, t_b = totals_at(a), totals_at(b)  # sums ≥ target, ≤ target
        gap = t_a.sum(axis=1) - t_b.sum(axis=1)
        theta = np.where(gap > 0, (target - t_b.sum(axis=1)) / np.where(gap > 0, gap, 1.0), 0.0)
        tool_target = t_b + theta[:, None] * (t_a - t_b)  # (N, K)

        K = value.shape[2]
        a = np.repeat(bottom[:, None, None], K, axis=2)  # per-tool prices (N, 1, K)
        b = np.repeat(top[:, None, None], K, axis=2)
        for _ in range(iters):
            mid = 0.5 * (a + b)
            over = demand(mid).sum(axis=1, keepdims=True) >= tool_target[:, None]
            a, b = np.where(over, mid, a), np.where(over, b, mid)
        x_a, x_b = demand(a), demand(b)
        gap = x_a.sum(axis=1) - x_b.sum(axis=1)
        theta = np.where(gap > 0, (tool_target - x_b.sum(axis=1)) / np.where(gap > 0, gap, 1.0), 0.0)
    return x_b + theta[:, None, :] * (x_a - x_b)


@dataclass
class _Problem:
    """One optimisation: the engine, the objective and the constraints (daily 元)."""

    scenario: Scenario
    objective: str
    budget: float
    lb: np.ndarray  # (A, K) per-variable lower bounds (held spend in the incremental mode)
    ub: np.ndarray  # (A, K)
    lo: np.ndarray  # (K,) tool totals' bounds
    hi: np.ndarray
    at_most: bool = False
    unabsorbed: float = 0.0  # daily 元 of the budget beyond what the rooms can absorb
    evaluator: Evaluator = field(init=False)

    def __post_init__(self):
        s = self.scenario
        self.evaluator = Evaluator(s)
        self.curves = paid_curves(s)
        self.live = live_days(s)
        self.alpha = (1 - s.returns) * (s.margin if self.objective == "profit" else 1.0)
        shape = (s.accounts, N_TOOLS)
        self.cost = np.broadcast_to(self.live[:, None], shape).copy() if self.objective == "profit" else np.zeros(shape)
        self.step = bean_step_yuan(s)
        # Finite-difference step per account and tool, 元/day: wide enough that the engine's small
        # steps (the coupon grant at 50 private viewers, a whole bean order) don't pass for slopes,
        # and never past the spend that buys the whole ceiling.
        self.h = np.maximum(0.03 * self.curves.top, 1e-6)
        self.bumped = np.argwhere(np.broadcast_to(self.live[:, None] > 0, shape))

    def phi(self, x):
        """Paid viewers per account and streaming day for daily spend x (…, A, K)."""
        return self.curves.viewers(x)

    def free(self) -> np.ndarray:
        """(A, 3) variables that can move and can matter."""
        return (self.ub > self.lb + 1e-12) & (self.live[:, None] > 0)

    def probe(self, points: np.ndarray, at: tuple[int, ...] = ()) -> _Probe:
        """Evaluate candidate allocations (P, A, 3) and, at the candidates indexed by ``at``,
        forward differences for every live variable, all in one batched engine call."""
        a, k = self.bumped[:, 0], self.bumped[:, 1]
        n = len(a)
        batch = [points]
        for i in at:
            bumps = np.repeat(points[i][None], n, axis=0)
            bumps[np.arange(n), a, k] += self.h[a, k]
            batch.append(bumps)
        out = self.evaluator.allocations(np.concatenate(batch))
        P = len(points)
        probe = _Probe(f=out.objective(self.objective)[:P], gmv=out.gmv[:P], spend=out.spend[:P])
        for j, i in enumerate(at):
            x = points[i]
            d_gmv = out.gmv[P + j * n:P + (j + 1) * n] - out.gmv[i]
            d_phi = self.phi(x + self.h)[a, k] - self.phi(x)[a, k]  # 0 where x buys the whole ceiling
            w = np.zeros_like(x)
            w[a, k] = np.where(d_phi > 0, np.maximum(d_gmv, 0.0) / np.where(d_phi > 0, d_phi, 1.0), 0.0)
            mroi = np.full_like(x, np.nan)
            spent = out.spend[P + j * n:P + (j + 1) * n] - out.spend[i]  # what the bump really spent
            mroi[a, k] = np.where(spent > 1e-9, d_gmv / np.where(spent > 1e-9, spent, 1.0), np.nan)
            probe.lin[i] = (w, mroi)
        return probe

    def model_gain(self, w, x, y) -> float:
        """What the separable model expects from moving x to y."""
        return float(np.sum(self.alpha * w * (self.phi(y) - self.phi(x)) - self.cost * (y - x)))

    def solve_model(self, w, lb=None, ub=None, budget=None):
        """The separable model's optimum for value per paid viewer ``w`` (A, 3) or (N, A, 3)."""
        w = np.asarray(w)
        single = w.ndim == 2
        w = w[None] if single else w
        lb = self.lb if lb is None else lb
        ub = self.ub if ub is None else ub
        lb, ub = np.broadcast_to(lb, w.shape), np.broadcast_to(ub, w.shape)
        x = _waterfill(self.alpha * w, self.cost, self.curves, lb, ub, self.lo, self.hi,
                       self.budget if budget is None else budget, self.at_most)
        return x[0] if single else x


@dataclass
class _Probe:
    f: np.ndarray  # (P,) objective
    gmv: np.ndarray  # (P,)
    spend: np.ndarray  # (P,) 元 spent over the horizon
    lin: dict = field(default_factory=dict)  # candidate index → (w, mroi) there: GMV per extra
    # paid viewer-day and GMV per extra 元 spent, per account and tool


@dataclass
class _State:
    """The optimiser's current point, its value and the engine's linearisation there."""

    x: np.ndarray
    f: float
    gmv: float
    spend: float
    w: np.ndarray
    mroi: np.ndarray

    @classmethod
    def at(cls, prob: _Problem, x: np.ndarray) -> _State:
        return cls.of(prob.probe(x[None], at=(0,)), x, 0)

    @classmethod
    def of(cls, p: _Probe, x: np.ndarray, i: int) -> _State:
        return cls(x, float(p.f[i]), float(p.gmv[i]), float(p.spend[i]), *p.lin[i])


LINE_STEPS = (1.0, 0.5, 0.25, 0.1)
# Single-order moves the bean search may make: the continuous optimum can sit several orders from
# the whole-order one, since within an order the engine leaves the remainder unspent.
MAX_ORDER_MOVES = 16
REL_TOL = 1e-6


def _ascend(prob: _Problem, st: _State, max_iter: int = 12, lb=None, ub=None) -> _State:
    """Sequential separable approximation from the feasible state ``st``: solve the model,
    line-search toward its optimum on the engine, and measure the next model at the two likeliest
    steps in the same batched call."""
    for _ in range(max_iter):
        target = prob.solve_model(st.w, lb, ub)
        tol = REL_TOL * max(abs(st.f), 1.0)
        if prob.model_gain(st.w, st.x, target) <= tol:
            break
        pts = np.array([st.x + t * (target - st.x) for t in LINE_STEPS])
        p = prob.probe(pts, at=(0, 1))
        best = int(np.argmax(p.f))
        gain = p.f[best] - st.f
        if gain <= 0.01 * tol:
            break
        st = _State.of(p, pts[best], best) if best in p.lin else _State.at(prob, pts[best])
        if gain <= tol:
            break
    return st


def _bean_orders_bounds(prob: _Problem, budget: float) -> tuple[int, int, bool]:
    """The range of total heating orders (above the held beans) that keeps every bound, and
    whether the budget can then be met exactly."""
    s = prob.step
    lbB, ubB = prob.lb[:, BEANS], prob.ub[:, BEANS]
    held = lbB.sum()
    per_account = np.floor((ubB - lbB) / s + 1e-9)
    n_max = min(per_account.sum(), math.floor((prob.hi[BEANS] - held) / s + 1e-9))
    n_min = max(0, math.ceil((prob.lo[BEANS] - held) / s - 1e-9))
    others = [k for k in range(N_TOOLS) if k != BEANS]
    lo_c = sum(max(prob.lo[k], prob.lb[:, k].sum()) for k in others)
    hi_c = sum(min(prob.hi[k], prob.ub[:, k].sum()) for k in others)
    # The other tools take the rest of the budget: lo_c ≤ budget − beans ≤ hi_c.
    n_hi_budget = math.floor((budget - held - lo_c) / s + 1e-9)
    n_lo_budget = math.ceil((budget - held - hi_c) / s - 1e-9)
    exact_max = min(n_max, n_hi_budget)
    if prob.at_most:
        return int(n_min), int(exact_max), True
    exact_min = max(n_min, n_lo_budget)
    if exact_min <= exact_max:
        return int(exact_min), int(exact_max), True
    # No whole number of orders meets the budget exactly: spend as much of it as the steps allow.
    return int(n_min), int(max(min(n_max, n_hi_budget), n_min)), False


def _snap_beans(prob: _Problem, st: _State) -> tuple[_State, bool]:
    """Beans in whole heating orders: round, fix the count, re-spread the other tools, then move
    single orders (one more, one fewer, one from one account to another) while the engine says it
    helps, every candidate move in one batched call. Returns the state and whether the budget is
    met exactly."""
    s = prob.step
    lbB = prob.lb[:, BEANS]
    room = np.floor((prob.ub[:, BEANS] - lbB) / s + 1e-9)
    cont = (st.x[:, BEANS] - lbB) / s
    n = np.clip(np.round(cont), 0, room)
    n_min, n_max, exact = _bean_orders_bounds(prob, prob.budget)
    if n_min > n_max:
        raise BudgetError("no whole number of 500-bean heating orders fits the beans bounds and the budget.",
                          "微信豆按500豆整单加热，没有整单数能同时满足微信豆上下限和预算。")
    target = n_max if not exact else None
    while n.sum() > n_max:  # drop the orders rounded up the most
        n[int(np.argmin(np.where(n > 0, cont - n, np.inf)))] -= 1
    while n.sum() < max(n_min, target or 0):
        n[int(np.argmax(np.where(n < room, cont - n, -np.inf)))] += 1
    others = sum(min(prob.hi[k], prob.ub[:, k].sum()) for k in range(N_TOOLS) if k != BEANS)
    w = st.w

    def with_orders(orders):  # (N, A) → allocations (N, A, 3) with the other tools re-spread
        orders = np.atleast_2d(orders)
        beans = lbB + s * orders
        lb = np.repeat(prob.lb[None], len(orders), axis=0)
        ub = np.repeat(prob.ub[None], len(orders), axis=0)
        lb[:, :, BEANS] = ub[:, :, BEANS] = beans
        budget = prob.budget if exact else np.minimum(prob.budget, beans.sum(axis=1) + others)
        return prob.solve_model(np.repeat(w[None], len(orders), axis=0), lb, ub, budget)

    x = with_orders(n)[0]
    free_beans = prob.free()[:, BEANS]
    for _ in range(MAX_ORDER_MOVES):
        moves = []
        total = n.sum()
        if free_beans.any():
            for a in np.nonzero(free_beans)[0]:
                if n[a] < room[a] and total + 1 <= n_max:
                    moves.append(_bump(n, a, +1))
                if n[a] > 0 and total - 1 >= n_min:
                    moves.append(_bump(n, a, -1))
            at = x.copy()
            at[:, BEANS] = lbB + s * n
            value = w[:, BEANS] * prob.curves.slope(at)[:, BEANS]  # for pairing donors, takers
            donors = [a for a in np.argsort(value) if n[a] > 0][:5]
            takers = [a for a in np.argsort(-value) if n[a] < room[a] and free_beans[a]][:5]
            moves += [_bump(_bump(n, a, -1), b, +1) for a in donors for b in takers if a != b]
        cands = with_orders(np.array(moves)) if moves else np.empty((0, *x.shape))
        p = prob.probe(np.concatenate([x[None], cands]), at=(0,))
        st = _State.of(p, x, 0)
        if not moves:
            break
        best = int(np.argmax(p.f[1:]))
        if p.f[1 + best] <= st.f + 1e-9 * max(abs(st.f), 1.0):
            break
        n, x = np.array(moves[best]), cands[best]
    else:
        st = _State.at(prob, x)
    return st, exact


def _bump(n: np.ndarray, a: int, d: int) -> np.ndarray:
    out = n.copy()
    out[a] += d
    return out


@dataclass(frozen=True)
class Plan:
    """An optimised allocation and what it does."""

    mode: str  # fixed, target_gmv, min_roi, incremental
    objective: str  # gmv (net GMV) or profit
    requested: float  # the budget asked for (daily 元; the extra 元 in the incremental mode)
    allocation: np.ndarray  # (A, 3) daily 元 per account (heated) and tool
    scenario: Scenario  # the input scenario with this allocation (tool totals and split)
    before: dict  # planner.report.totals of the starting point
    after: dict  # planner.report.totals of ``scenario``
    marginal_roi: np.ndarray  # (A, 3) GMV of the next 元 spent per account and tool (NaN: not live)
    reached: bool = True  # target modes: whether the target or floor was met
    target: float | None = None  # the GMV target or the ROI floor
    notes: tuple[Note, ...] = ()
    engine_draws: int = 0
    engine_calls: int = 0
    bean_step: float = 0.0  # 元 per heating order of 500 beans
    base_allocation: np.ndarray | None = None  # incremental: the held allocation

    @property
    def by_tool(self) -> np.ndarray:
        """(K,) daily 元 per tool summed over accounts."""
        return self.allocation.sum(axis=0)

    @property
    def budget(self) -> float:
        """Daily 元 allocated."""
        return float(self.allocation.sum())

    @property
    def query(self) -> str:
        return to_query(self.scenario)

    def marginal_gmv_per_budget_yuan(self) -> np.ndarray:
        """(A, 3) GMV over the horizon from one more 元 of *daily* budget per account and tool: the
        marginal ROI × the account's live days. The optimiser equalises this across what it funds
        (the budget is daily), so its largest entry is where the next 元 a day should go."""
        return self.marginal_roi * live_days(self.scenario)[:, None]

    def next_best(self) -> tuple[int, int, float, float] | None:
        """(account, tool index, GMV over the horizon per extra daily 元, marginal ROI) of the
        best place for the next 元 a day, or None when nothing can be spent."""
        m = self.marginal_gmv_per_budget_yuan()
        if not np.isfinite(m).any():
            return None
        a, k = np.unravel_index(int(np.argmax(np.where(np.isfinite(m), m, -np.inf))), m.shape)
        return int(a), int(k), float(m[a, k]), float(self.marginal_roi[a, k])

    def bean_orders(self) -> np.ndarray:
        """(A,) heating orders of 500 beans a day per account."""
        return np.round(self.allocation[:, BEANS] / self.bean_step, 6) if self.bean_step else np.zeros(len(self.allocation))

    def to_dict(self) -> dict:
        from .report import account_name

        ios = self.scenario.ios_share
        live = live_days(self.scenario)
        rows = []
        for a, row in enumerate(self.allocation):
            rows.append({
                "account": a, "name": account_name(a, "en"),
                "launch_day": int(launch_days(self.scenario.accounts, self.scenario.launch_every)[a]) + 1,
                "live_days": int(live[a]),
                **{tool: float(row[k]) for k, tool in enumerate(TOOLS)},
                "beans_count": float(beans_for_yuan(row[BEANS], ios)),
                "bean_orders": float(self.bean_orders()[a]),
                "marginal_roi": {tool: _finite(self.marginal_roi[a, k]) for k, tool in enumerate(TOOLS)},
            })
        doc = {
            "mode": self.mode,
            "objective": self.objective,
            "budget_requested": self.requested,
            "budget": self.budget,
            "allocation": {tool: float(v) for tool, v in zip(TOOLS, self.by_tool, strict=True)},
            "allocation_by_account": rows,
            "bean_step_yuan": self.bean_step,
            "reached": self.reached,
            "target": self.target,
            "query": self.query,
            "before": self.before,
            "totals": self.after,
            "notes": [n.en for n in self.notes],
            "engine": {"draws": self.engine_draws, "calls": self.engine_calls},
        }
        if self.base_allocation is not None:
            doc["held_allocation"] = {tool: float(v) for tool, v in
                                      zip(TOOLS, self.base_allocation.sum(axis=0), strict=True)}
        return doc


def scenario_with(scenario: Scenario, allocation: np.ndarray) -> Scenario:
    """The scenario spending ``allocation`` (A, K): tool totals, and per-tool shares (None for a
    tool with no spend, or whose shares are what the even split over streaming accounts already
    does, so such a link stays without ``*_split``)."""
    by_tool = allocation.sum(axis=0)
    # The optimiser reaches a tool's registry maximum only up to the rounding of its sums
    # (1e6 + 2e-10 for a 1,500,000 元 budget): that is the maximum, not a value out of range.
    limits = np.array([BY_KEY[tool].max for tool in TOOLS])
    by_tool = np.where((by_tool > limits) & (by_tool <= limits * (1 + 1e-9)), limits, by_tool)
    even = current_allocation(_unit_budgets(scenario).replace(split=None))
    split = []
    for k in range(N_TOOLS):
        shares = allocation[:, k] / by_tool[k] if by_tool[k] > 0 else None
        if shares is None or (even is not None and np.allclose(shares, even[:, k], rtol=0, atol=5e-7)):
            split.append(None)
        else:
            split.append(tuple(float(v) for v in shares))
    return scenario.replace(**{key: float(by_tool[k]) for k, key in enumerate(TOOLS)}, split=tuple(split))


def _tool_bounds(scenario: Scenario, tool_min, tool_max) -> tuple[np.ndarray, np.ndarray]:
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


def _check_budget(budget: float, name: str = "budget") -> float:
    budget = float(budget)
    if not math.isfinite(budget) or budget < 0:
        raise BudgetError(f"{name} must be a finite, non-negative number of 元 a day, got {budget:g}.",
                          f"预算必须是不小于0的有限数（元/天），收到 {budget:g}。")
    return budget


def _solve(scenario: Scenario, budget: float, objective: str, lo, hi, lb=None, ub=None,
           at_most: bool = False, w_prior: np.ndarray | None = None, max_iter: int = 12):
    """The optimiser's core: returns (problem, final state, exact) — ``exact`` is False when
    whole bean orders leave part of the budget unallocated."""
    if objective not in OBJECTIVES:
        raise BudgetError(f"objective must be one of {', '.join(OBJECTIVES)}, got {objective!r}.")
    A = scenario.accounts
    lb = np.zeros((A, N_TOOLS)) if lb is None else lb
    ub = np.broadcast_to(np.minimum(hi, budget), (A, N_TOOLS)).copy() if ub is None else ub
    step = bean_step_yuan(scenario)
    # Money beyond what a room can absorb is not spent: a plan never puts it there (beans: in the
    # whole orders the ceiling allows).
    absorbable = paid_curves(scenario).top
    absorbable[:, BEANS] = np.floor(absorbable[:, BEANS] / step + 1e-9) * step
    asked_ub = np.maximum(ub, lb)
    ub = np.maximum(np.minimum(ub, absorbable), lb)
    lo_eff = np.maximum(lo, lb.sum(axis=0))
    hi_eff = np.minimum(hi, ub.sum(axis=0))
    if lo_eff.sum() > budget + 1e-9:
        raise BudgetError(f"the tools' minimums add up to {lo_eff.sum():,.2f} 元/day, above the budget "
                          f"{budget:,.2f} 元/day.",
                          f"各工具下限合计 {lo_eff.sum():,.2f} 元/天，高于预算 {budget:,.2f} 元/天。")
    unabsorbed = 0.0
    if not at_most and hi_eff.sum() < budget - 1e-9:
        if np.minimum(hi, asked_ub.sum(axis=0)).sum() < budget - 1e-9:  # the user's own maximums
            raise BudgetError(f"the tools' maximums add up to {hi_eff.sum():,.2f} 元/day, below the budget "
                              f"{budget:,.2f} 元/day.",
                              f"各工具上限合计 {hi_eff.sum():,.2f} 元/天，低于预算 {budget:,.2f} 元/天。")
        unabsorbed, budget = budget - float(hi_eff.sum()), float(hi_eff.sum())
    held_beans = lb[:, BEANS].sum()
    if lo_eff[BEANS] > held_beans + 1e-9 and (
            math.ceil((lo_eff[BEANS] - held_beans) / step - 1e-9) * step > hi_eff[BEANS] - held_beans + 1e-9):
        raise BudgetError(f"no whole number of 500-bean orders ({step:,.2f} 元 each) lies within the "
                          f"beans bounds.",
                          f"微信豆上下限之间放不下整数个500豆加热单（每单 {step:,.2f} 元）。")
    prob = _Problem(scenario, objective, budget, lb, ub, lo, hi, at_most)
    prob.unabsorbed = unabsorbed
    # Start from the model with a rough prior (value per viewer ∝ live days): always feasible.
    prior = w_prior if w_prior is not None else prob.live[:, None] * np.ones(N_TOOLS)
    st = _ascend(prob, _State.at(prob, prob.solve_model(prior)), max_iter=max_iter)
    exact = True
    off_step = np.abs(np.remainder(st.x[:, BEANS] - lb[:, BEANS] + step / 2, step) - step / 2) > 1e-6
    if prob.free()[:, BEANS].any() or off_step.any():
        st, exact = _snap_beans(prob, st)
        if not exact:
            prob.budget = float(min(budget, st.x[:, BEANS].sum() + sum(
                hi_eff[k] for k in range(N_TOOLS) if k != BEANS)))
        # Polish the other tools with the orders held.
        hold_lb, hold_ub = prob.lb.copy(), prob.ub.copy()
        hold_lb[:, BEANS] = hold_ub[:, BEANS] = st.x[:, BEANS]
        st = _ascend(prob, st, max_iter=3, lb=hold_lb, ub=hold_ub)
    return prob, st, exact


def _finish(scenario: Scenario, prob: _Problem, st: _State, mode: str, requested: float,
            before: dict, notes: list[Note], reached=True, target=None, base=None, exact=True) -> Plan:
    x = st.x
    new = scenario_with(scenario, x)
    after = totals(simulate(new))
    if not exact:
        left = requested - float(x.sum()) if mode != "incremental" else requested - float(x.sum() - base.sum())
        notes.append(Note(
            f"微信豆只能按500豆整单加热（每单{prob.step:,.2f}元），其余工具已到上限：预算中有 "
            f"{left:,.2f} 元/天未分配。",
            f"Beans come in whole 500-bean orders ({prob.step:,.2f} 元 each) and the other tools are at "
            f"their maximums: {left:,.2f} 元/day of the budget is left unallocated."))
    if prob.unabsorbed > 0:
        notes.append(Note(
            f"直播间每场能接住的投流有上限：预算中 {prob.unabsorbed:,.2f} 元/天 超出各账号各工具的上限，花不出去，"
            f"计划只分配能花出的 {prob.budget:,.2f} 元/天。",
            f"Rooms can absorb only so much paid traffic a session: {prob.unabsorbed:,.2f} 元/day of the budget is "
            f"beyond every account's and tool's ceiling and could not be spent, so the plan allocates the "
            f"{prob.budget:,.2f} 元/day that can."))
    start = launch_days(scenario.accounts, scenario.launch_every)
    if any(start[a] > 0 and x[a].sum() > 0 for a in range(scenario.accounts)):
        notes.append(Note(
            "分给新号的预算从它开播当天起才花出，开播前不计消耗。",
            "Budget allocated to a satellite is spent only from its launch day; nothing before."))
    if scenario.sessions_week < 7 and x.sum() > 0:
        notes.append(Note(
            "每个账号的日预算只在它开播的日子花出；不开播的日子不花。",
            "An account's daily budget is spent only on the days it streams; nothing on the others."))
    margin_net = (1 - scenario.returns) * scenario.margin
    finite = st.mroi[np.isfinite(st.mroi)]
    if (prob.objective == "profit" and not prob.at_most and finite.size and margin_net > 0
            and finite.max() * margin_net < 1):
        notes.append(Note(
            "最后一元的投流已不赚钱（边际ROI低于保本线）：少花一些利润会更高，可把预算作为上限。",
            "The last 元 no longer pays for itself (marginal ROI below break-even): spending less "
            "would raise profit; try the budget as a ceiling."))
    return Plan(mode=mode, objective=prob.objective, requested=requested, allocation=x, scenario=new,
                before=before, after=after, marginal_roi=st.mroi, reached=reached, target=target,
                notes=tuple(notes), engine_draws=prob.evaluator.draws, engine_calls=prob.evaluator.calls,
                bean_step=prob.step, base_allocation=base)


def optimise(scenario: Scenario, budget: float, objective: str = "gmv",
             tool_min: Mapping[str, float] | None = None, tool_max: Mapping[str, float] | None = None,
             at_most: bool = False) -> Plan:
    """Split a daily budget over tools and accounts to maximise net GMV or profit over the horizon.

    ``tool_min``/``tool_max`` bound each tool's daily 元 summed over accounts; beans are spent in
    whole orders of 500 beans. The allocation sums to the budget (when the bean step allows);
    with ``at_most`` the budget is a ceiling (for profit: spend only what pays).
    """
    budget = _check_budget(budget)
    lo, hi = _tool_bounds(scenario, tool_min, tool_max)
    prob, st, exact = _solve(scenario, budget, objective, lo, hi, at_most=at_most)
    before = totals(simulate(scenario))
    return _finish(scenario, prob, st, "fixed", budget, before, [], exact=exact)


def incremental(scenario: Scenario, extra: float, objective: str = "gmv",
                tool_min: Mapping[str, float] | None = None,
                tool_max: Mapping[str, float] | None = None) -> Plan:
    """Where the next ``extra`` 元 a day should go, holding today's allocation (each account's
    current daily spend per tool is a floor)."""
    extra = _check_budget(extra, "the extra budget")
    lo, hi = _tool_bounds(scenario, tool_min, tool_max)
    notes = []
    held = current_allocation(scenario)
    if held is None:
        held = _even_over_accounts(scenario)
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
    prob, st, exact = _solve(scenario, float(held.sum()) + extra, objective, lo, hi_total, lb=held,
                             ub=held + min(extra, float(hi_total.sum())))
    return _finish(scenario, prob, st, "incremental", extra, before, notes, base=held, exact=exact)


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
        prob, st, exact = _solve(scenario, mid, "gmv", lo, hi, w_prior=w, max_iter=8)
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
    lo, hi = _tool_bounds(scenario, tool_min, tool_max)
    b_max = float(hi.sum()) if max_budget is None else min(_check_budget(max_budget, "the maximum budget"),
                                                           float(hi.sum()))
    b_min = float(lo.sum())
    if b_min > b_max:
        raise BudgetError(f"the tools' minimums add up to {b_min:,.2f} 元/day, above the maximum budget.",
                          f"各工具下限合计 {b_min:,.2f} 元/天，高于预算上限。")
    before = totals(simulate(scenario))
    prob, st, exact = _solve(scenario, b_min, "gmv", lo, hi)
    if st.gmv >= gmv:
        return _finish(scenario, prob, st, "target_gmv", b_min, before, [
            Note("最低预算已达到目标。", "The minimum budget already reaches the target.")],
            target=gmv, exact=exact)
    prob, st, exact = _solve(scenario, b_max, "gmv", lo, hi, w_prior=st.w)
    if st.gmv < gmv:
        return _finish(scenario, prob, st, "target_gmv", b_max, before, [Note(
            f"预算上限 {b_max:,.0f} 元/天 也只能做到 GMV {st.gmv:,.0f} 元，达不到目标 {gmv:,.0f} 元。",
            f"Even the maximum budget of {b_max:,.0f} 元/day reaches only {st.gmv:,.0f} 元 GMV, short of "
            f"the target {gmv:,.0f} 元.")], reached=False, target=gmv, exact=exact)
    b, best = _bisect_budget(scenario, lo, hi, lambda s: s.gmv >= gmv, b_min, b_max, w=st.w)
    prob, st, exact = best or (prob, st, exact)
    return _finish(scenario, prob, st, "target_gmv", b, before, [], target=gmv, exact=exact)


def max_gmv_at_roi(scenario: Scenario, min_roi: float, max_budget: float, tool_min=None,
                   tool_max=None) -> Plan:
    """The largest GMV whose plan keeps ROI (GMV ÷ spend over the horizon, as in the report) at or
    above a floor, with the daily budget at most ``max_budget``. ROI falls as the budget grows,
    so this is the largest budget that keeps the floor."""
    if not math.isfinite(min_roi) or min_roi <= 0:
        raise BudgetError(f"the ROI floor must be a positive number, got {min_roi:g}.",
                          f"ROI 下限必须是正数，收到 {min_roi:g}。")
    max_budget = _check_budget(max_budget)
    lo, hi = _tool_bounds(scenario, tool_min, tool_max)
    b_max = min(max_budget, float(hi.sum()))
    b_min = float(lo.sum())
    if b_min > b_max:
        raise BudgetError(f"the tools' minimums add up to {b_min:,.2f} 元/day, above the budget {b_max:,.2f}.",
                          f"各工具下限合计 {b_min:,.2f} 元/天，高于预算 {b_max:,.2f} 元/天。")
    before = totals(simulate(scenario))

    def roi_ok(st: _State) -> bool:
        return not st.spend > 0 or st.gmv / st.spend >= min_roi

    prob, st, exact = _solve(scenario, b_max, "gmv", lo, hi)
    if roi_ok(st):
        return _finish(scenario, prob, st, "min_roi", b_max, before, [], target=min_roi, exact=exact)
    w = st.w
    prob, st, exact = _solve(scenario, b_min, "gmv", lo, hi, w_prior=w)
    if not roi_ok(st):
        return _finish(scenario, prob, st, "min_roi", b_min, before, [Note(
            f"即使只花最低预算，ROI 也低于 {min_roi:g}。", f"Even the minimum budget gives an ROI below {min_roi:g}.")],
            reached=False, target=min_roi, exact=exact)
    b, best = _bisect_budget(scenario, lo, hi, roi_ok, b_max, b_min, w=w)
    prob, st, exact = best or (prob, st, exact)
    return _finish(scenario, prob, st, "min_roi", b, before, [], target=min_roi, exact=exact)


# --- goal seek -------------------------------------------------------------------------------

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
    reason: Note
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
            "reason": None if self.reached and self.value is not None else self.reason.en,
            "message": self.reason.en,
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
                                   _tool_totals(scenario)[None]).gmv_by_day[0]
        return cum[values.astype(int) - 1]
    d = scenario.days if day is None else day
    if key in STRUCTURAL:
        return np.array([evaluate_tool_totals(s, _tool_totals(s)[None]).gmv_by_day[0, d - 1]
                         for s in (_with_value(scenario, key, int(v)) for v in values)])
    rows = np.repeat(_tool_totals(scenario)[None], len(values), axis=0)
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
    return 1.0 if p.integer else max(p.step * 1e-4, (p.max - p.min) * 1e-12)


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
        raise BudgetError(f"unknown parameter {key!r}; see `python -m planner params`.")
    if not math.isfinite(gmv) or gmv <= 0:
        raise BudgetError(f"the GMV target must be a positive number of 元, got {gmv:g}.",
                          f"GMV 目标必须是正数（元），收到 {gmv:g}。")
    if key == "days":
        if day is not None:
            raise BudgetError("with --param days the target day is the horizon itself; drop --day.")
        d = None
    else:
        d = scenario.days if day is None else int(day)
        if not 1 <= d <= scenario.days:
            raise BudgetError(f"day must be within 1..{scenario.days} (the horizon), got {day}.",
                              f"天数必须在 1 到 {scenario.days}（预测天数）之间，收到 {day}。")
    lo, hi = float(p.min), float(p.max)
    current = float(getattr(scenario, key))
    grid = _grid(lo, hi, p.integer)
    values = gmv_by_day(scenario, key, np.concatenate([grid, [current]]), d)
    g, current_gmv = values[:-1], float(values[-1])
    day_out = d if key != "days" else int(current)
    best_i = int(np.argmax(g))
    unit = f" {p.unit_en}"

    def done(value, gmv_at, reached, note):
        scen = _with_value(scenario, key, value) if value is not None else scenario
        day_at = d if key != "days" else int(value if value is not None else current)
        return Goal(key, float(gmv), day_at, value, float(gmv_at), reached, current, current_gmv, scen,
                    note, grid, g, float(grid[best_i]))

    if g.max() < gmv:
        if g.max() - g.min() <= 1e-9 * max(abs(g.max()), 1.0):
            return done(None, float(g[best_i]), False, Note(
                f"第 {day_out} 天累计 GMV 不随{p.label_zh}变化（{g[best_i]:,.0f} 元），达不到目标 {gmv:,.0f} 元。",
                f"GMV by day {day_out} does not depend on {key} ({g[best_i]:,.0f} 元); it cannot reach "
                f"the target {gmv:,.0f} 元."))
        return done(None, float(g[best_i]), False, Note(
            f"{p.label_zh}在取值范围内达不到目标：范围内最好的取值 {_shown(p, grid[best_i])} 时，第 {day_out} 天累计 GMV "
            f"为 {g[best_i]:,.0f} 元，低于目标 {gmv:,.0f} 元。",
            f"{key} cannot reach the target within its range: at its best, {_shown(p, grid[best_i])}{unit}, GMV by "
            f"day {day_out} is {g[best_i]:,.0f} 元, below the target {gmv:,.0f} 元."))
    ok = g >= gmv
    if ok.all():
        end = 0 if g[-1] >= g[0] else len(grid) - 1
        value = _as_value(p, grid[end])
        return done(value, float(g[end]), True, Note(
            f"整个取值范围都能达到目标；{'最小' if end == 0 else '最大'}值 {_shown(p, value)} 时 GMV 为 {g[end]:,.0f} 元。",
            f"The whole range reaches the target; at its {'minimum' if end == 0 else 'maximum'}, {_shown(p, value)}"
            f"{unit}, GMV is {g[end]:,.0f} 元."))
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
    at = float(gmv_by_day(scenario, key, np.array([value]), d)[0])
    direction_zh = "最小" if reach_high else "最大"
    return done(value, at, True, Note(
        f"{p.label_zh} 取 {_shown(p, value)}（{direction_zh}达标值）时，第 {day_out if key != 'days' else int(value)} "
        f"天累计 GMV 为 {at:,.0f} 元，达到目标 {gmv:,.0f} 元。",
        f"{key} = {_shown(p, value)}{unit} (the {'smallest' if reach_high else 'largest'} value that reaches it) gives "
        f"{at:,.0f} 元 GMV by day {day_out if key != 'days' else int(value)}, reaching the target {gmv:,.0f} 元."))


def _shown(p, x: float) -> str:
    """A parameter value in a message: integers with separators (1,000,000), others to 6 digits."""
    return f"{int(round(x)):,}" if p.integer else f"{float(x):.6g}"


def _as_value(p, x: float, up: bool = True):
    """A value as the scenario takes it: an integer, or a float rounded toward the reaching side
    to 6 significant digits so the link stays short, kept within the range."""
    if p.integer:
        return int(round(x))
    if x == 0:
        return 0.0
    digits = 6 - int(math.floor(math.log10(abs(x)))) - 1
    q = 10.0 ** digits
    v = (math.ceil(x * q) if up else math.floor(x * q)) / q
    return float(min(max(v, p.min), p.max))


def link_values(scenario: Scenario) -> dict[str, float | str | None]:
    """What a share link carries for the spend: ``gdt``, ``beans``, ``coupons`` (daily 元) and the
    ``*_split`` texts exactly as ``to_query`` writes them (None: the key is absent, even split)."""
    pairs = dict(parse_qsl(to_query(scenario)))
    out: dict[str, float | str | None] = {tool: float(getattr(scenario, tool)) for tool in TOOLS}
    out.update({key: pairs.get(key) for key in SPLIT_KEYS.values()})
    return out
