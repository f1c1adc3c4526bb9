"""假设 Assumptions: every parameter with its basis (fact or assumption), and the model's formulas."""

import streamlit as st

from planner.params import GROUPS
from views import state, tables
from views.i18n import t
from views.streamlit_shell import ensure_shell

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang

st.title(t("assumptions_title", lang))
st.caption(t("assumptions_caption", lang))

for group in GROUPS:
    st.subheader(tables.group_label(group, lang))
    st.table(tables.params_table(group, v.scenario, lang).set_index(t("col_param", lang)))

st.header(t("formulas_title", lang))
st.caption(t("formulas_caption", lang))
for title, words, lines in tables.formulas(lang):
    st.subheader(title)
    if words:
        st.write(words)
    for line in lines:
        st.latex(line)
    if title == t("f_quality_title", lang):
        st.caption(t("f_quality_table", lang))
        st.table(tables.quality_table(lang).set_index(t("col_signal", lang)))

st.header(t("cases_title", lang))
st.caption(t("cases_caption", lang))
st.table(tables.cases_table(state.reported_cases(), lang), hide_index=True)

st.subheader(t("stages_title", lang))
st.table(tables.stages_table(lang).set_index(t("col_stage", lang)))
st.subheader(t("constants_title", lang))
for line in tables.constants_lines(lang):
    st.markdown("- " + line)
