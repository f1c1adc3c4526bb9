"""术语表 Glossary: the planner's words in plain terms, with examples from the current scenario."""

import streamlit as st

from planner.text import t
from views import glossary, ranges, state
from views.streamlit_shell import ensure_shell

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang

st.title(t("glossary.title", lang))
st.caption(t("glossary.caption", lang))
with st.spinner():  # the bands and elasticities are the 区间 page's, cached on the same link
    items = glossary.entries(v.proj, ranges.bands(v.query), ranges.sensitivity(v.query), lang)
for item in items:
    st.subheader(item.term, anchor=item.key)
    st.markdown(item.meaning)
    if item.example:
        st.caption(item.example)
    st.caption(item.where)
