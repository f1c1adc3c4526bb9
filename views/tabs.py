"""Tabs of which only the open one is drawn.

Streamlit draws every tab's content on every run and lets the browser show one. A page whose
tabs each hold a Plotly figure paid for all of them on each slider move: the 投流 page built six
three-panel curves to show two, the 区间 page six fan charts to show two
(``python benchmarks/page_reruns.py``). With a key and ``on_change="rerun"`` Streamlit tells the
script which tab is open, so only that one is built; a click on another tab reruns the page.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def open_tab(labels: Sequence[str], key: str, default: int = 0) -> tuple[DeltaGenerator, int]:
    """Draw the tabs ``labels`` and return (the open tab's container, its index). The tab
    ``default`` is open until another is chosen; a new ``default`` opens again (Streamlit takes it
    as a new widget), so a tab that follows the numbers keeps following them."""
    tabs = st.tabs(list(labels), key=key, on_change="rerun", default=labels[default])
    index = next((i for i, tab in enumerate(tabs) if tab.open), 0)
    return tabs[index], index
