"""Benchmark: the 投流 budget optimiser against scipy.optimize on the same problem.

    python benchmarks/budget.py

Problem: 3 tools × 10 accounts × 90 days (default scenario, a satellite every 7 days), a daily
budget split over every (account, tool), objective net GMV or profit over the horizon, with the
engine itself as the objective. ``planner.budget.optimise`` keeps beans in whole 500-bean orders;
scipy solves the continuous relaxation (no bean step), so it has more freedom, not less.
scipy runs SLSQP and trust-constr with a batched Jacobian (all forward differences in one engine
call, as the planner does) on every problem, and SLSQP with scipy's own finite differences (one
engine call per variable) on the first; ``--full`` runs both scipy methods both ways everywhere
(several minutes). Prints a Markdown table. Times are medians of a few runs on this machine.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, minimize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner import budget as B  # noqa: E402
from planner.scenario import Scenario  # noqa: E402

SCENARIO = Scenario(accounts=10, days=90, launch_every=7)
CASES = [("gmv", 50_000.0), ("profit", 50_000.0), ("gmv", 5_000.0)]
REPEATS = 5


def timed(fn, repeats=REPEATS):
    """Median wall-clock and CPU seconds of ``repeats`` calls (CPU time is less sensitive to
    other processes on a shared machine), and the last result."""
    wall, cpu, result = [], [], None
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return (statistics.median(wall), statistics.median(cpu)), result


class Counted:
    """The engine as scipy's objective: −objective(x) scaled to about 1, counting calls."""

    def __init__(self, objective: str, scale: float):
        self.ev = B.Evaluator(SCENARIO)
        self.objective = objective
        self.scale = scale
        self.A = SCENARIO.accounts

    def f(self, v):
        out = self.ev.allocations(np.maximum(v, 0).reshape(1, self.A, 3))
        return -float(out.objective(self.objective)[0]) / self.scale

    def jac_batched(self, v, h=1.0):
        x = np.maximum(v, 0)
        pts = np.repeat(x[None], len(x) + 1, axis=0)
        pts[np.arange(1, len(x) + 1), np.arange(len(x))] += h
        f = self.ev.allocations(pts.reshape(-1, self.A, 3)).objective(self.objective)
        return -(f[1:] - f[0]) / h / self.scale


def run_scipy(method: str, objective: str, budget: float, batched: bool):
    n = SCENARIO.accounts * 3
    probe = B.Evaluator(SCENARIO).allocations(np.full((1, SCENARIO.accounts, 3), budget / n))
    scale = abs(float(probe.objective(objective)[0])) or 1.0
    c = Counted(objective, scale)
    x0 = np.full(n, budget / n)
    cons = LinearConstraint(np.ones((1, n)), budget, budget)
    bounds = Bounds(np.zeros(n), np.full(n, budget))
    opts = {"maxiter": 200} if method == "SLSQP" else {"maxiter": 300, "gtol": 1e-8, "xtol": 1e-10}
    if method == "SLSQP":
        opts["ftol"] = 1e-10
    res = minimize(c.f, x0, method=method, jac=c.jac_batched if batched else None,
                   constraints=[cons], bounds=bounds, options=opts)
    x = np.clip(res.x, 0, None)
    x *= budget / x.sum()  # put it back on the budget exactly
    value = float(B.Evaluator(SCENARIO).allocations(x.reshape(1, SCENARIO.accounts, 3)).objective(objective)[0])
    return value, c.ev.calls, c.ev.draws


def main() -> None:
    full = "--full" in sys.argv[1:]
    warnings.filterwarnings("ignore", message="delta_grad == 0.0")  # trust-constr's quasi-Newton note
    rows = []
    for case, (objective, budget) in enumerate(CASES):
        seconds, plan = timed(lambda objective=objective, budget=budget: B.optimise(SCENARIO, budget, objective))
        ours = float(B.Evaluator(SCENARIO).allocations(plan.allocation[None]).objective(objective)[0])
        results = [("**planner.budget.optimise** (bean orders)", seconds, ours, plan.engine_calls, plan.engine_draws)]
        for method in ("SLSQP", "trust-constr"):
            for batched in (False, True):
                if not batched and not full and (case > 0 or method != "SLSQP"):
                    continue
                reps = 1 if not batched else 3
                sec, (value, calls, draws) = timed(
                    lambda m=method, b=batched, o=objective, u=budget: run_scipy(m, o, u, b), repeats=reps)
                label = f"scipy {method} ({'batched Jacobian' if batched else 'own finite differences'})"
                results.append((label, sec, value, calls, draws))
        best = max(r[2] for r in results)
        for label, sec, value, calls, draws in results:
            rows.append((f"{objective}, {budget:,.0f} 元/day", label, sec, value, (value - best) / abs(best),
                         calls, draws))
    print(f"Budget optimiser: {SCENARIO.accounts} accounts × 3 tools × {SCENARIO.days} days "
          f"(a satellite every {SCENARIO.launch_every} days); {os.cpu_count()} CPUs, load "
          f"{os.getloadavg()[0]:.2f}; median of {REPEATS} runs for planner, 1–3 for scipy.\n")
    print("| problem | method | wall (ms) | CPU (ms) | objective (元) | vs best | engine calls | engine draws |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for problem, label, (wall, cpu), value, gap, calls, draws in rows:
        print(f"| {problem} | {label} | {wall * 1000:,.0f} | {cpu * 1000:,.0f} | {value:,.0f} | {gap:+.4%} | "
              f"{calls} | {draws} |")


if __name__ == "__main__":
    main()
