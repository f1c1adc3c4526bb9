"""Between a scenario and an allocation: the daily 元 per account and tool a scenario spends
today, and the scenario (tool totals and ``*_split`` shares) that spends a given allocation."""

from __future__ import annotations

import math
from urllib.parse import parse_qsl

import numpy as np

from ..engine import IN_ORDERS, N_TOOLS, TOOLS
from ..link import decimals, round_value, to_query
from ..params import BY_KEY, SPLIT_KEYS
from ..scenario import Scenario
from .spend import sessions, tool_totals, unit_budgets


def current_allocation(scenario: Scenario) -> np.ndarray | None:
    """(A, K) daily 元 per account and tool that the scenario spends on each day the account
    streams, when that is one constant per account (a split always is; the even split is when the
    same number of accounts stream on every streaming day); None when the even split moves money
    between accounts as satellites launch or schedules interleave."""
    n = sessions(scenario) > 0
    counts = n.sum(axis=1)
    steady = len(np.unique(counts[counts > 0])) <= 1
    out = np.zeros((scenario.accounts, N_TOOLS))
    daily = tool_totals(scenario)
    for k in range(N_TOOLS):
        shares = scenario.split[k] if scenario.split is not None else None
        if shares is not None:
            out[:, k] = np.asarray(shares) * daily[k]
        elif not steady:
            return None
        else:
            out[:, k] = daily[k] / max(int(counts.max()), 1) * n.any(axis=0)
    return out


def even_over_accounts(scenario: Scenario) -> np.ndarray:
    """(A, K) the scenario's tool totals as fixed shares: its split, or 1/A per account."""
    A = scenario.accounts
    out = np.empty((A, N_TOOLS))
    daily = tool_totals(scenario)
    for k in range(N_TOOLS):
        shares = scenario.split[k] if scenario.split is not None else None
        out[:, k] = (np.asarray(shares) if shares is not None else np.full(A, 1.0 / A)) * daily[k]
    return out



def _rounded_up(p, yuan: float) -> float:
    """``yuan`` rounded up to the precision a share link writes (``link.decimals``), within range."""
    q = 10 ** decimals(p)
    return float(min(math.ceil(round(yuan * q, 6)) / q, p.max))


def scenario_with(scenario: Scenario, allocation: np.ndarray) -> Scenario:
    """The scenario spending ``allocation`` (A, K): tool totals, and per-tool shares (None for a
    tool with no spend, or whose shares are what the even split over streaming accounts already
    does, so such a link stays without ``*_split``)."""
    by_tool = allocation.sum(axis=0)
    # The optimiser reaches a tool's registry maximum only up to the rounding of its sums
    # (1e6 + 2e-10 for a 1,500,000 元 budget): that is the maximum, not a value out of range.
    limits = np.array([BY_KEY[tool].max for tool in TOOLS])
    by_tool = np.where((by_tool > limits) & (by_tool <= limits * (1 + 1e-9)), limits, by_tool)
    even = current_allocation(unit_budgets(scenario).replace(split=None))
    split = []
    for k in range(N_TOOLS):
        shares = allocation[:, k] / by_tool[k] if by_tool[k] > 0 else None
        if shares is None or (even is not None and np.allclose(shares, even[:, k], rtol=0, atol=5e-7)):
            split.append(None)
        else:
            split.append(tuple(float(v) for v in shares))
    # Tool totals at the precision a share link writes (whole 元), so the plan's scenario is its
    # link's; a tool bought in whole orders (beans) is rounded up, or the last order would be lost.
    totals_yuan = {key: _rounded_up(BY_KEY[key], by_tool[k]) if IN_ORDERS[k] else float(round_value(BY_KEY[key], by_tool[k]))
                   for k, key in enumerate(TOOLS)}
    return scenario.replace(**totals_yuan, split=tuple(split))



def link_values(scenario: Scenario) -> dict[str, float | str | None]:
    """What a share link carries for the spend: ``gdt``, ``beans``, ``coupons`` (daily 元) and the
    ``*_split`` texts exactly as ``to_query`` writes them (None: the key is absent, even split)."""
    pairs = dict(parse_qsl(to_query(scenario)))
    out: dict[str, float | str | None] = {tool: float(getattr(scenario, tool)) for tool in TOOLS}
    out.update({key: pairs.get(key) for key in SPLIT_KEYS.values()})
    return out
