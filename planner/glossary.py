"""The glossary's terms and the numbers of their examples, computed from the current scenario.

The words a founder meets in the planner (撬动比, 接得住, P10/P50/P90, 弹性, 随机种子, Shapley,
MAPE, R², 可识别) each have a plain meaning in the catalogue (``glossary.<term>.*``); where an
example helps, it is worked with the planner's own numbers for the scenario on screen, from the
functions here (pure: no streamlit). The Monte Carlo terms take their numbers from
``planner.uncertainty`` (bands, sensitivity), which the app caches for the 区间 page.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .compare import decompose
from .engine import Projection, simulate
from .params import BY_KEY
from .scenario import Scenario

# The terms in the order a founder meets them: the model's own words first, then the bands, then
# the compare and calibrate pages'. ``pages`` names where each is met (catalogue keys: ``nav.*``, the sidebar).
TERMS: tuple[str, ...] = ("leverage", "catch", "percentiles", "elasticity", "seed", "shapley", "mape", "r2",
                          "identifiable")
PAGES: dict[str, tuple[str, ...]] = {
    "leverage": ("nav.assumptions", "glossary.sidebar"),
    "catch": ("nav.assumptions", "glossary.sidebar"),
    "percentiles": ("nav.ranges",),
    "elasticity": ("nav.ranges",),
    "seed": ("nav.ranges",),
    "shapley": ("nav.overview", "nav.compare"),
    "mape": ("nav.calibrate",),
    "r2": ("nav.calibrate",),
    "identifiable": ("nav.calibrate",),
}
FLAGSHIP = 0
INVITES_STEP_UP = 1.10  # the Shapley example: the same scenario with 10% more invites


@dataclass(frozen=True)
class Leverage:
    """The flagship over the horizon: viewers it brought itself (private domain, the test wave,
    followers, video viewers, hand-offs) and the strangers the platform recommended on top."""

    brought: float
    recommended: float

    @property
    def per_viewer(self) -> float:
        """Recommended viewers per viewer brought (0 when it brought none)."""
        return self.recommended / self.brought if self.brought > 0 else 0.0


def leverage(proj: Projection, draw: int = 0) -> Leverage:
    """The flagship's leverage as it happened in ``proj`` (by account). The engine's histories are
    per session; a day's viewers are its sessions' (``pv`` is summed over them)."""
    sessions = proj.sessions[:, FLAGSHIP]
    brought = proj.pv[draw, :, FLAGSHIP, 0].sum() + sum(
        (getattr(proj, part)[draw, :, FLAGSHIP] * sessions).sum() for part in ("push", "fans", "content", "handoff"))
    return Leverage(float(brought), float((proj.recommended[draw, :, FLAGSHIP] * sessions).sum()))


def weight_path(proj: Projection, draw: int = 0) -> tuple[float, float]:
    """The flagship's account weight (0–1, how far the platform trusts the room to catch) at the
    start of day 1 and of the last day."""
    w = proj.weight[draw, :, FLAGSHIP]
    return float(w[0]), float(w[-1])


def more_invites(scenario: Scenario) -> Scenario:
    """The scenario with INVITES_STEP_UP times the invites, on the slider's steps, within limits
    (at least one step more, so there is a change to split)."""
    p = BY_KEY["invites"]
    up = max(round(scenario.invites * INVITES_STEP_UP / p.step) * p.step, scenario.invites + p.step)
    return scenario.replace(invites=int(min(up, p.max)))


def shapley_example(proj: Projection) -> dict:
    """``planner.compare.decompose`` from the scenario to the same with more invites: the change
    in GMV and its parts from PV, CVR and AOV (they add up to the change)."""
    after = more_invites(proj.scenario)
    out = decompose(proj, simulate(after))
    out["invites_before"], out["invites_after"] = proj.scenario.invites, after.invites
    return out


def largest_elasticity(elasticities) -> tuple[str, float] | None:
    """The parameter whose 1% change moves GMV most (``uncertainty.Sensitivity.elasticities``
    are sorted so); None when none is finite."""
    for e in elasticities:
        if np.isfinite(e.elasticity) and e.elasticity != 0:
            return e.key, float(e.elasticity)
    return None
