"""假设 Assumptions: every parameter with its basis (fact or assumption), and the model's formulas."""

import streamlit as st

from planner.params import GROUPS, group_label
from planner.text import t
from views import state, tables
from views.streamlit_shell import ensure_shell

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang

st.title(t("assumptions.title", lang))
st.caption(t("assumptions.caption", lang))

for group in GROUPS:
    st.subheader(group_label(group, lang))
    st.table(tables.params_table(group, v.scenario, lang).set_index(t("table.param", lang)))

st.header(t("assumptions.formulas_title", lang))
st.caption(t("assumptions.formulas_caption", lang))
for title, words, lines in tables.formulas(lang):
    st.subheader(title)
    if words:
        st.write(words)
    for line in lines:
        st.latex(line)
    if title == t("assumptions.f_quality_title", lang):
        st.caption(t("assumptions.f_quality_table", lang))
        st.table(tables.quality_table(lang).set_index(t("assumptions.col_signal", lang)))

st.header(t("assumptions.cases_title", lang))
st.caption(t("assumptions.cases_caption", lang))
st.table(tables.cases_table(state.reported_cases(), lang), hide_index=True)

st.subheader(t("assumptions.stages_title", lang))
st.table(tables.stages_table(lang).set_index(t("assumptions.col_stage", lang)))
st.subheader(t("assumptions.constants_title", lang))
for line in tables.constants_lines(lang):
    st.markdown("- " + line)
