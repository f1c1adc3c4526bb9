"""矩阵 Matrix: account × week heatmaps, per-account table, hand-off Sankey, stages over time."""

import streamlit as st

from planner.text import t
from views import charts, device, state, tables
from views.streamlit_shell import ensure_shell

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang


st.title(t("matrix.title", lang))
single = v.scenario.accounts == 1
if single:
    st.info(t("matrix.single", lang))
else:
    st.caption(tables.matrix_caption(v.scenario, lang))
    narrow = device.is_phone()  # no cell numbers, fewer week labels
    v.chart(charts.weekly_heatmap(v.proj, "gmv", lang, narrow), "matrix", "heat_gmv")
    v.chart(charts.weekly_heatmap(v.proj, "pv", lang, narrow), "matrix", "heat_pv")

st.subheader(t("matrix.accounts_title", lang))
accounts = tables.accounts_table(v.proj, lang)
st.dataframe(accounts, hide_index=True, width="stretch", height=tables.height_for(accounts))

if not single:
    v.chart(charts.flow_sankey(v.proj, lang), "matrix", "sankey")
    st.caption(t("matrix.sankey_caption", lang, share=tables.param_value_by_key("handoff", v.scenario, lang)))

v.chart(charts.stage_chart(v.proj, lang), "matrix", "stages")
st.caption(t("matrix.stage_caption", lang, bands=tables.stage_bands_text(lang)))
st.subheader(t("matrix.stage_first_title", lang))
firsts = tables.first_stage_table(v.proj, lang)
st.dataframe(firsts, hide_index=True, width="stretch", height=tables.height_for(firsts))
