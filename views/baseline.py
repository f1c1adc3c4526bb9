"""The session's baseline: "设为基准 / Set as baseline" pins the current scenario, and the
overview's KPI changes, its decomposition table and the projection card compare against it.

Without a baseline there are no arrows: a change is only worth showing against something the
meeting chose (the last slider nudge is not that). The baseline lives in session state and in the
address bar as ``base=`` (``planner.baseline``: only what differs from the defaults), so a shared
link opens with the same baseline. ``views.state.begin`` reads the link's ``base=`` through
``views.page_keys`` (a bad one gets one notice and is dropped); ``sync`` keeps the address bar
holding it on every run, as Streamlit drops query keys that no widget is bound to when the user
switches pages.
"""

from __future__ import annotations

import streamlit as st

from planner import baseline
from planner.link import to_query
from planner.scenario import Scenario
from planner.text import t

BASELINE_KEY = baseline.BASELINE_KEY
_BASELINE = "_baseline"  # the base= text of the pinned scenario, or absent


def remember(values: list[str] | None) -> None:
    """On a session's first run: the link's (already validated) ``base=`` becomes the session's."""
    if values:
        st.session_state[_BASELINE] = values[-1]
    else:
        st.session_state.pop(_BASELINE, None)


def pinned() -> Scenario | None:
    """The baseline scenario, or None."""
    text = st.session_state.get(_BASELINE)
    if not text:
        return None
    scenario, _ = baseline.decode(text)
    return scenario


def query() -> str | None:
    """The baseline's canonical query (for the cached projection), or None."""
    scenario = pinned()
    return None if scenario is None else to_query(scenario)


def pin(scenario: Scenario) -> None:
    """Button callback: the scenario becomes the baseline."""
    st.session_state[_BASELINE] = baseline.encode(scenario)


def clear() -> None:
    """Button callback: no baseline."""
    st.session_state.pop(_BASELINE, None)


def sync() -> None:
    """Keep ``base=`` in the address bar exactly as the session holds it."""
    text = st.session_state.get(_BASELINE)
    if text and st.query_params.get(BASELINE_KEY) != text:
        st.query_params[BASELINE_KEY] = text
    elif not text and BASELINE_KEY in st.query_params:
        del st.query_params[BASELINE_KEY]


def buttons(current: Scenario, lang: str) -> None:
    """The set and clear buttons, and a line saying what the changes below compare with."""
    base = pinned()
    left, right, words = st.columns([1, 1, 4], vertical_alignment="center")
    left.button(t("baseline.set", lang), on_click=pin, args=(current,), key="baseline_set",
                help=t("baseline.set_help", lang), width="stretch",
                disabled=base is not None and baseline.same(base, current))
    right.button(t("baseline.clear", lang), on_click=clear, key="baseline_clear", width="stretch",
                 disabled=base is None)
    if base is None:
        words.caption(t("baseline.none", lang))
    elif baseline.same(base, current):
        words.caption(t("baseline.is_current", lang))
    else:
        words.caption(t("baseline.compared", lang))
