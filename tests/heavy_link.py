"""The heaviest link a visitor can send (issue 12), for the tests and benchmarks/heavy_links.py:
20 accounts × 365 days, a ±20% range on every uncertain parameter and 10,000 draws."""

from __future__ import annotations

from planner.params import BY_KEY
from planner.scenario import MAX_DRAWS, UNCERTAIN_KEYS, Scenario


def heaviest(seed: int = 0, draws: int = MAX_DRAWS) -> Scenario:
    s = Scenario(accounts=20, days=365, draws=draws, seed=seed)
    ranges = {}
    for key in UNCERTAIN_KEYS:
        p, x = BY_KEY[key], getattr(s, key)
        lo, hi = max(p.min, x * 0.8), min(p.max, x * 1.2)
        ranges[key] = (int(lo), int(hi)) if p.integer else (lo, hi)
    return s.replace(ranges=ranges)
