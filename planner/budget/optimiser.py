"""The allocation optimiser: the best daily 元 per account and tool for one budget.

Variables x[a, k] ≥ 0: daily 元 of tool k spent on account a (the account heated, whoever pays),
constant over the horizon and not spent before the account goes live. Maximise
f(x) = α · GMV(x) − β · Σ_a L_a Σ_k x[a, k] (α = 1 − returns, β = 0: net GMV; α = (1 − returns)
· margin, β = 1: profit; L_a = the account's live days) subject to Σ x = budget (or ≤ budget),
per-tool bounds lo_k ≤ Σ_a x[a, k] ≤ hi_k, and beans in whole heating orders of 500 beans.
Each tool's paid viewers saturate per account and day, φ_k(x) = cap_k · (1 − exp(−x · r_k /
cap_k)), and GMV is close to linear in paid viewers, so the method is sequential separable
approximation: at the current x the engine gives ∂GMV/∂φ[a, k] by a batched finite difference
(one call, one draw per variable); the model f ≈ Σ w[a, k] · φ_k(x[a, k]) − β L_a x[a, k] is
maximised exactly by water-filling (marginal gain equal to one price per tool, bisected); a
batched line search on the engine accepts the step. The snowball (captured buyers, weight,
spill-over) couples days and accounts; re-linearising on the engine takes care of it. Beans are
then snapped to whole orders and a batched local search moves single orders between accounts.

``solve`` runs it for one budget; ``planner.budget.questions`` asks it the questions people ask.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..engine import N_TOOLS
from ..scenario import Scenario
from .errors import BudgetError
from .evaluate import Evaluator
from .spend import BEANS, PaidCurves, bean_step_yuan, live_days, paid_curves

OBJECTIVES: tuple[str, ...] = ("gmv", "profit")


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
class Problem:
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
class State:
    """The optimiser's current point, its value and the engine's linearisation there."""

    x: np.ndarray
    f: float
    gmv: float
    spend: float
    w: np.ndarray
    mroi: np.ndarray

    @classmethod
    def at(cls, prob: Problem, x: np.ndarray) -> State:
        return cls.of(prob.probe(x[None], at=(0,)), x, 0)

    @classmethod
    def of(cls, p: _Probe, x: np.ndarray, i: int) -> State:
        return cls(x, float(p.f[i]), float(p.gmv[i]), float(p.spend[i]), *p.lin[i])


LINE_STEPS = (1.0, 0.5, 0.25, 0.1)
# Single-order moves the bean search may make: the continuous optimum can sit several orders from
# the whole-order one, since within an order the engine leaves the remainder unspent.
MAX_ORDER_MOVES = 16
REL_TOL = 1e-6


def _ascend(prob: Problem, st: State, max_iter: int = 12, lb=None, ub=None) -> State:
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
        st = State.of(p, pts[best], best) if best in p.lin else State.at(prob, pts[best])
        if gain <= tol:
            break
    return st


def _bean_orders_bounds(prob: Problem, budget: float) -> tuple[int, int, bool]:
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


def _snap_beans(prob: Problem, st: State) -> tuple[State, bool]:
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
        raise BudgetError("budget.no_bean_order_fits")
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
        st = State.of(p, x, 0)
        if not moves:
            break
        best = int(np.argmax(p.f[1:]))
        if p.f[1 + best] <= st.f + 1e-9 * max(abs(st.f), 1.0):
            break
        n, x = np.array(moves[best]), cands[best]
    else:
        st = State.at(prob, x)
    return st, exact


def _bump(n: np.ndarray, a: int, d: int) -> np.ndarray:
    out = n.copy()
    out[a] += d
    return out



def solve(scenario: Scenario, budget: float, objective: str, lo, hi, lb=None, ub=None,
           at_most: bool = False, w_prior: np.ndarray | None = None, max_iter: int = 12):
    """The optimiser's core: returns (problem, final state, exact) — ``exact`` is False when
    whole bean orders leave part of the budget unallocated."""
    if objective not in OBJECTIVES:
        raise BudgetError("budget.unknown_objective", choices=", ".join(OBJECTIVES), objective=objective)
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
        raise BudgetError("budget.minimums_above_budget", low=float(lo_eff.sum()), budget=budget)
    unabsorbed = 0.0
    if not at_most and hi_eff.sum() < budget - 1e-9:
        if np.minimum(hi, asked_ub.sum(axis=0)).sum() < budget - 1e-9:  # the user's own maximums
            raise BudgetError("budget.maximums_below_budget", high=float(hi_eff.sum()), budget=budget)
        unabsorbed, budget = budget - float(hi_eff.sum()), float(hi_eff.sum())
    held_beans = lb[:, BEANS].sum()
    if lo_eff[BEANS] > held_beans + 1e-9 and (
            math.ceil((lo_eff[BEANS] - held_beans) / step - 1e-9) * step > hi_eff[BEANS] - held_beans + 1e-9):
        raise BudgetError("budget.no_bean_order_in_bounds", step=step)
    prob = Problem(scenario, objective, budget, lb, ub, lo, hi, at_most)
    prob.unabsorbed = unabsorbed
    # Start from the model with a rough prior (value per viewer ∝ live days): always feasible.
    prior = w_prior if w_prior is not None else prob.live[:, None] * np.ones(N_TOOLS)
    st = _ascend(prob, State.at(prob, prob.solve_model(prior)), max_iter=max_iter)
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

