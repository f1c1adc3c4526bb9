"""Shared Hypothesis strategies, all read from the parameter registry.

``values(key)`` draws a valid value for one parameter: its bounds and default are drawn
often (0 spend, 0 fatigue, launch_every 0, ...), values on the slider grid for the keys in
``GRID``, anything in between otherwise.
``scenarios()`` draws a whole valid Scenario (with or without per-account spend shares)
with the horizon and matrix kept small enough for the slow reference; ``overrides(draws)``
draws per-draw values; ``spend_splits`` draws a per-account, per-tool daily spend, shared by
all draws or one per draw. The tools, and so the number of columns of a spend split and of
entries of a Scenario.split, come from ``planner.tools.KEYS``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from planner.params import BY_KEY, PARAMS
from planner.scenario import Scenario
from planner.tools import KEYS as TOOL_KEYS

# Smaller than the registry allows, so a reference run stays in the milliseconds.
MAX_DAYS = 40
MAX_ACCOUNTS = 6
MAX_DRAWS = 4
N_TOOLS = len(TOOL_KEYS)
# accounts, days, launch_every and sessions_week shape the schedule and cannot vary by draw.
STRUCTURAL = frozenset({"accounts", "days", "launch_every", "sessions_week"})
# Spend never comes from overrides: it varies by draw only through simulate's spend_split.
SPEND = frozenset(TOOL_KEYS)
PER_DRAW_KEYS = tuple(p.key for p in PARAMS if p.key not in STRUCTURAL | SPEND)
LIMITS = {"days": (7, MAX_DAYS), "accounts": (1, MAX_ACCOUNTS), "launch_every": (0, MAX_DAYS)}
# Keys whose slider grid is drawn often too (a link carries grid values; sessions_week on it makes
# k · s / 7 land exactly on whole numbers, where a schedule can be off by one).
GRID = {"sessions_week": 0.25}


def bounds(key: str) -> tuple[float, float]:
    p = BY_KEY[key]
    return LIMITS.get(key, (p.min, p.max))


def values(key: str) -> st.SearchStrategy:
    """A valid value of ``key``: an edge, the default, or anything in range."""
    p = BY_KEY[key]
    lo, hi = bounds(key)
    special = [lo, hi] + ([p.default] if lo <= p.default <= hi else [])
    if p.integer:
        special = [int(x) for x in special]
        return st.sampled_from(special) | st.integers(int(lo), int(hi))
    anything = st.sampled_from([float(x) for x in special]) | st.floats(
        lo, hi, allow_nan=False, allow_infinity=False)
    if key in GRID:
        step = GRID[key]
        return st.integers(0, int((hi - lo) / step)).map(lambda i: lo + i * step) | anything
    return anything


def shares(accounts: int) -> st.SearchStrategy:
    """One tool's per-account shares of its daily spend: non-negative, not all zero."""
    share = st.sampled_from([0.0, 1.0]) | st.floats(0, 1, allow_nan=False)
    return st.lists(share, min_size=accounts, max_size=accounts).filter(lambda xs: sum(xs) > 0)


def splits(accounts: int) -> st.SearchStrategy:
    """A Scenario.split: None (even split) or, per tool, None or per-account shares."""
    per_tool = st.none() | shares(accounts)
    return st.none() | st.tuples(*[per_tool] * N_TOOLS)


@st.composite
def scenarios(draw, **fixed) -> Scenario:
    """A valid Scenario; keyword arguments pin parameters (values or strategies)."""
    kwargs = {}
    for p in PARAMS:
        if p.key in fixed:
            given = fixed[p.key]
            kwargs[p.key] = draw(given) if isinstance(given, st.SearchStrategy) else given
        else:
            kwargs[p.key] = draw(values(p.key))
    split = fixed.get("split", splits(kwargs["accounts"]))
    kwargs["split"] = draw(split) if isinstance(split, st.SearchStrategy) else split
    return Scenario(**kwargs)


@st.composite
def overrides(draw, draws: int, keys=PER_DRAW_KEYS, max_keys: int = 6) -> dict[str, np.ndarray]:
    """Per-draw values, shape (draws,), for a few parameters that may vary by draw."""
    chosen = draw(st.lists(st.sampled_from(keys), max_size=max_keys, unique=True))
    return {key: np.array(draw(st.lists(values(key), min_size=draws, max_size=draws)), dtype=float)
            for key in chosen}


def spend_splits(accounts: int, draws: int | None = None, max_yuan: float = 50_000.0) -> st.SearchStrategy:
    """(accounts, K) daily 元 per account and tool (K = len(planner.tools.KEYS)), zeros included;
    (draws, accounts, K) if ``draws`` is given, one allocation per draw."""
    yuan = st.sampled_from([0.0, max_yuan]) | st.floats(0, max_yuan, allow_nan=False)
    one = st.lists(st.lists(yuan, min_size=N_TOOLS, max_size=N_TOOLS), min_size=accounts, max_size=accounts)
    if draws is not None:
        one = st.lists(one, min_size=draws, max_size=draws)
    return one.map(lambda rows: np.array(rows, dtype=float))


@st.composite
def runs(draw, max_draws: int = MAX_DRAWS, split: bool | None = None):
    """(scenario, draws, overrides, spend_split): everything ``simulate`` accepts."""
    scenario = draw(scenarios())
    n = draw(st.integers(1, max_draws))
    over = draw(overrides(n))
    use_split = draw(st.booleans()) if split is None else split
    spend_split = None
    if use_split:
        per_draw = draw(st.booleans())
        spend_split = draw(spend_splits(scenario.accounts, n if per_draw else None))
    else:  # without a spend_split, a tool's daily budget may vary by draw
        over |= draw(overrides(n, keys=tuple(sorted(SPEND)), max_keys=N_TOOLS))
    return scenario, n, over, spend_split
