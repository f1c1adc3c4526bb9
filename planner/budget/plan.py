"""The answer to a budget question: a ``Plan`` (the allocation, what it does before and after,
the marginal ROI of every account and tool, and notes), and ``finish``, which builds one from
the optimiser's final state."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engine import TOOLS, launch_days, simulate
from ..link import to_query
from ..params import beans_for_yuan
from ..report import account_name, totals
from ..scenario import Scenario
from ..text import Message, message
from .allocation import scenario_with
from .evaluate import finite_or_none
from .optimiser import Problem, State
from .spend import BEANS, live_days


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
    notes: tuple[Message, ...] = ()
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

    def why_marginal_roi_differs(self, tolerance: float = 0.05) -> str | None:
        """Why the accounts a tool funds show different marginal ROIs after the optimisation, or
        None when they agree (within ``tolerance``, relative). ``"launch"``: they agree per 元 of
        *daily* budget (``marginal_gmv_per_budget_yuan``, what the optimiser equalises, as the
        budget is daily) and an account that launches later spends its daily 元 on fewer days, so
        each 元 it actually spends returns more. ``"granularity"``: they do not agree even per
        daily 元, which the optimiser leaves only where an account is held by its ceiling or a
        bound, or where beans come in whole orders of 500."""
        per_budget = self.marginal_gmv_per_budget_yuan()
        funded = (self.allocation > 0) & np.isfinite(self.marginal_roi) & (self.marginal_roi > 0)
        reason = None
        for k in range(self.allocation.shape[1]):
            rows = funded[:, k]
            if rows.sum() < 2:
                continue
            mroi, gain = self.marginal_roi[rows, k], per_budget[rows, k]
            if mroi.max() <= (1 + tolerance) * mroi.min():
                continue
            if gain.max() > (1 + tolerance) * gain.min():
                return "granularity"
            reason = "launch"
        return reason

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
                "marginal_roi": {tool: finite_or_none(self.marginal_roi[a, k]) for k, tool in enumerate(TOOLS)},
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
            "notes": [n.text("en") for n in self.notes],
            "engine": {"draws": self.engine_draws, "calls": self.engine_calls},
        }
        if self.base_allocation is not None:
            doc["held_allocation"] = {tool: float(v) for tool, v in
                                      zip(TOOLS, self.base_allocation.sum(axis=0), strict=True)}
        return doc



def finish(scenario: Scenario, prob: Problem, st: State, mode: str, requested: float,
            before: dict, notes: list[Message], reached=True, target=None, base=None, exact=True) -> Plan:
    x = st.x
    new = scenario_with(scenario, x)
    after = totals(simulate(new))
    if not exact:
        left = requested - float(x.sum()) if mode != "incremental" else requested - float(x.sum() - base.sum())
        notes.append(message("budget.note.unallocated", step=prob.step, left=left))
    if prob.unabsorbed > 0:
        notes.append(message("budget.note.unabsorbed", unabsorbed=prob.unabsorbed, budget=prob.budget))
    start = launch_days(scenario.accounts, scenario.launch_every)
    if any(start[a] > 0 and x[a].sum() > 0 for a in range(scenario.accounts)):
        notes.append(message("budget.note.satellite_launch"))
    if scenario.sessions_week < 7 and x.sum() > 0:
        notes.append(message("budget.note.streaming_days"))
    margin_net = (1 - scenario.returns) * scenario.margin
    finite = st.mroi[np.isfinite(st.mroi)]
    if (prob.objective == "profit" and not prob.at_most and finite.size and margin_net > 0
            and finite.max() * margin_net < 1):
        notes.append(message("budget.note.last_yuan_loses"))
    return Plan(mode=mode, objective=prob.objective, requested=requested, allocation=x, scenario=new,
                before=before, after=after, marginal_roi=st.mroi, reached=reached, target=target,
                notes=tuple(notes), engine_draws=prob.evaluator.draws, engine_calls=prob.evaluator.calls,
                bean_step=prob.step, base_allocation=base)

