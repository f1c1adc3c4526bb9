"""区间 Ranges: low–high ranges on uncertain parameters, P10/P50/P90 fan charts, the chance of a
GMV target, the tornado and the elasticities."""

import streamlit as st

from planner import fmt, uncertainty
from planner.text import t
from views import ranges, state
from views import uncertainty as uv
from views.streamlit_shell import ensure_shell
from views.tabs import open_tab

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang


st.title(t("uncertainty_page.ranges_title", lang))
st.caption(t("uncertainty_page.ranges_intro", lang, draws=f"{uncertainty.draws_within_budget(v.scenario):,}",
                seed=v.scenario.seed))
over_budget = uncertainty.budget_notice(v.scenario)
if over_budget is not None:  # its text holds numbers only, none from the link
    st.warning(over_budget.text(lang))
with st.container(border=True):
    st.markdown(f"**{t('uncertainty_page.ranges_settings', lang)}**")
    ranges.controls(v.scenario, lang)
yours = len(v.scenario.ranges)
with st.expander(t("ranges.table_title", lang, set=yours, default=len(uncertainty.UNCERTAIN_KEYS) - yours)):
    st.dataframe(uv.ranges_table(v.scenario, lang), hide_index=True, width="stretch")

with st.spinner():
    mc = ranges.monte_carlo(v.query)
    b = ranges.bands(v.query)
point = uncertainty.point_series(v.proj)

st.subheader(t("uncertainty_page.totals_title", lang), help=t("glossary.percentiles.meaning", lang))
st.dataframe(uv.totals_table(b, lang), hide_index=True, width="stretch")

tab, index = open_tab([uv.metric_label(m, lang) for m in uncertainty.METRICS], "ranges_metric_tabs")
metric = uncertainty.METRICS[index]
with tab:
    v.chart(uv.fan_chart(b, metric, lang, point=point[metric]), "ranges", f"{metric}_daily")
    v.chart(uv.fan_chart(b, metric, lang, cumulative=True), "ranges", f"{metric}_cumulative")
st.caption(t("uncertainty_page.bands_caption", lang))
v.chart(uv.mix_fan(b, lang), "ranges", "mix")

st.subheader(t("ranges.ladder_title", lang))
st.caption(t("ranges.ladder_caption", lang))
st.dataframe(uv.ladder_table(uncertainty.target_ladder(mc, b), v.scenario.days, lang), hide_index=True, width="stretch")
st.subheader(t("uncertainty_page.target_title", lang))
c1, c2 = st.columns(2)
target = c1.number_input(t("uncertainty_page.target_label", lang), min_value=0.0, value=uv.nice_target(b), step=10_000.0,
                         format="%.0f", key="_target_gmv")
ranges.keep_target_day_within(v.scenario.days)
day = c2.slider(t("uncertainty_page.target_day_label", lang), 1, v.scenario.days, v.scenario.days, key=ranges.TARGET_DAY_KEY)
chance = uncertainty.target_probability(mc, target, day)
plainly = uv.chance_sentence(chance, mc.draws, lang)
if plainly is None:
    st.metric(t("uncertainty_page.target_result", lang, day=day, target=fmt.money(target, lang)), fmt.percent(chance))
else:  # 0% or 100% is an answer in words, not a bold figure
    st.info(t("ranges.target_answer", lang, answer=plainly,
              question=t("uncertainty_page.target_result", lang, day=day, target=fmt.money(target, lang))))
v.chart(uv.target_chart(uncertainty.target_curve(mc, target), target, day, lang), "ranges", "target")

sens = ranges.sensitivity(v.query)
st.caption(t("uncertainty_page.tornado_caption", lang, span=fmt.percent(uncertainty.DEFAULT_SPAN, 0), n=uv.TORNADO_TOP))
v.chart(uv.tornado(sens, lang), "ranges", "tornado")
st.caption(t("uncertainty_page.elasticity_caption", lang), help=t("glossary.elasticity.meaning", lang))
v.chart(uv.elasticity_chart(sens, lang), "ranges", "elasticity")
st.dataframe(uv.sensitivity_table(sens, lang), hide_index=True, width="stretch")
