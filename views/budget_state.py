"""投流 Budget page: the page's URL-bound keys, cached planner calls and the "apply" callbacks.

The page's own widgets are keyed by ``PAGE_KEYS`` and bound to the URL like the sidebar, so a
link reopens the same question. The optimiser and goal seek are cached on the scenario's
canonical query plus the page's inputs; errors (infeasible bounds…) come back as their message (a
catalogue key and values, ``planner.text.Message``, put into words by the page) instead of
exceptions, so a cached failure is as cheap as a cached answer.
"""

from __future__ import annotations

import streamlit as st

from planner import budget
from planner.link import from_query

from . import memo, page_keys, state

# The page's URL keys (views.page_keys: what each may hold; the app tells the codec they are its own,
# so a link that carries them is not flagged as having unknown parameters).
BOUND_TOOL_KEYS, PAGE_KEYS, MODES = page_keys.BOUND_TOOL_KEYS, page_keys.PAGE_KEYS, page_keys.MODES
APPLIED = "_budget_applied"


@memo.cached(max_bytes=16 * 2**20, heavy=True)
def curves(query: str) -> dict[str, budget.Curve]:
    scenario, _ = from_query(query)
    return budget.response_curves(scenario)


@memo.cached(max_bytes=16 * 2**20, heavy=True)
def plan(query: str, mode: str, objective: str, amount: float, up_to: bool, target_gmv: float | None,
         min_roi: float | None, bounds: tuple[tuple[str, float | None], ...]):
    """(plan, None) or (None, message): the answer to the question the page's inputs
    ask (``planner.budget.question_for``, the same question objects the CLI builds)."""
    scenario, _ = from_query(query)
    given = dict(bounds)
    lo = {t: given[f"{t}_min"] for t in budget.TOOLS if given.get(f"{t}_min") is not None}
    hi = {t: given[f"{t}_max"] for t in budget.TOOLS if given.get(f"{t}_max") is not None}
    try:
        question = budget.question_for(mode, amount, objective, up_to, target_gmv, min_roi, lo, hi)
        return budget.answer(scenario, question), None
    except budget.BudgetError as exc:
        return None, exc.message


@memo.cached(max_bytes=16 * 2**20, heavy=True)
def goal(query: str, key: str, gmv: float, day: int | None):
    """(goal, None) or (None, message)."""
    scenario, _ = from_query(query)
    try:
        return budget.goal_seek(scenario, key, gmv, day), None
    except budget.BudgetError as exc:
        return None, exc.message


def apply_scenario(query: str) -> None:
    """Button callback: make an optimised allocation the current scenario. The sidebar's spend
    widgets are keyed by registry key (``gdt``, ``beans``, ``coupons``); the per-account shares
    are a scenario field no widget carries, which ``state.load_extras`` keeps beside the widgets
    and writes to the address bar (``gdt_split``…), so the bar is the new share link."""
    scenario, _ = from_query(query)
    for tool in budget.TOOLS:
        # The plan is already at the link's precision (whole 元; beans rounded up to keep the last
        # 500-bean order: planner.budget.allocation), so no float noise reaches the address bar.
        st.session_state[tool] = state.clean_value(tool, getattr(scenario, tool))
    state.load_extras(scenario)
    st.session_state[APPLIED] = True


def apply_value(key: str, value: float) -> None:
    """Button callback: set one scenario widget to the goal seek's answer, at the precision its
    link writes (``state.clean_value``), so the address bar and the screen agree."""
    st.session_state[key] = state.clean_value(key, value)
