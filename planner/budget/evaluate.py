"""Evaluating many candidate spends at once: the engine batched through its draws axis, in
chunks that bound its memory."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..engine import TOOLS, simulate
from ..scenario import Scenario

# days × draws × accounts per engine call: bounds the engine's memory (~20 such float arrays).
MAX_CELLS = 600_000


def finite_or_none(x) -> float | None:
    """A float for JSON: None where it is not finite."""
    x = float(x)
    return x if math.isfinite(x) else None


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

