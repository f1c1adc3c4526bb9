"""A floor for ``benchmarks/app_speed.py``: the least an overview with our numbers can be.

The six headline sliders from the registry, bound to the URL as in the planner, the same
cached model call, and the six KPI cards with their deltas; nothing else (no navigation, no
grouped controls, no table, no charts, no downloads). It is not the planner: it shows how
much of the planner's redraw time the page's content costs, and how much Streamlit costs for
any page that runs our model and shows its numbers.
"""

import streamlit as st

from planner import breakdown
from planner.link import to_query
from planner.params import BY_KEY, HEADLINE_KEYS
from planner.scenario import Scenario
from views import tables
from views.controls import EXPANDER_OF, slider
from views.state import kpis_for

KEYS = [key for key in HEADLINE_KEYS if key not in EXPANDER_OF]  # the sidebar's always-visible six
for key in KEYS:
    slider(BY_KEY[key], "zh", st.sidebar)
query = to_query(Scenario(**{key: st.session_state[key] for key in KEYS}))
previous, st.session_state["_floor_query"] = st.session_state.get("_floor_query"), query
now = kpis_for(query)
before = kpis_for(previous) if previous and previous != query else None
cards = tables.kpi_cards(now, breakdown.kpi_deltas(now, before), "zh")
for row in (cards[:3], cards[3:]):
    for col, card in zip(st.columns(len(row)), row, strict=True):
        col.metric(card.label, card.value, card.delta, help=card.help, border=True)
