"""Response curves: each tool's spend against viewers, GMV and profit, with the marginal ROI.

For each tool k, the scenario is re-run with the tool's daily spend S on a grid (its per-account
pattern kept: the link's split shares, or the even split over live accounts), giving viewers,
GMV, net GMV and profit against S. The marginal ROI is the engine's own finite difference
ΔGMV / Δspend (GMV of the next 元 actually spent); the break-even line is where profit = net GMV
× margin − spend = 0, i.e. GMV = spend / ((1 − returns) · margin), and the next 元 pays for
itself while the marginal ROI ≥ 1 / ((1 − returns) · margin).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .. import tools
from ..engine import TOOLS
from ..params import BY_KEY
from ..scenario import Scenario
from .errors import BudgetError
from .evaluate import evaluate_tool_totals, finite_or_none
from .spend import bean_step_yuan, live_days, paid_curves, tool_totals


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
            "breakeven_roi": finite_or_none(self.breakeven_roi), "payback_spend": self.payback_spend,
            **{name: plain(getattr(self, name)) for name in (
                "spend", "spend_total", "paid_viewers", "viewers", "gmv", "net_gmv", "profit",
                "marginal_roi", "breakeven_gmv")},
        }


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
        raise BudgetError("budget.curve_points")
    max_spend = dict(max_spend or {})
    now = tool_totals(scenario)
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

