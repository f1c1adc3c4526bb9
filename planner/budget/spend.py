"""The scenario's paid traffic: how each account's daily 元 on each tool becomes paid viewers,
and how much of it a room can absorb (past a session's ceiling, money is not spent)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import tools
from ..engine import TOOLS, session_schedule
from ..scenario import Scenario

BEANS = int(np.flatnonzero(tools.IN_ORDERS)[0])  # the tool bought in whole heating orders (beans); its row says so


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


def tool_totals(scenario: Scenario) -> np.ndarray:
    return np.array([getattr(scenario, key) for key in TOOLS], dtype=float)


def unit_budgets(scenario: Scenario) -> Scenario:
    return scenario.replace(**{key: 1.0 for key in TOOLS})
