"""The baseline for ``benchmarks/app_speed.py``: an otherwise empty Streamlit app with the same
sidebar slider as the planner (the registry's ``invites``, bound to the URL) and one metric."""

import streamlit as st

from planner.params import BY_KEY

p = BY_KEY["invites"]
st.sidebar.slider(p.label_zh, int(p.min), int(p.max), int(p.default), int(p.step), key=p.key,
                  bind="query-params")
st.metric("GMV", st.session_state[p.key])
