"""区间 Ranges: low–high ranges on uncertain parameters, P10/P50/P90 fan charts, the chance of a
GMV target, the tornado and the elasticities."""

import streamlit as st

from planner import fmt, uncertainty
from views import ranges, state
from views import uncertainty as uv

state.ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang


st.title(uv.t("ranges_title", lang))
st.caption(uv.t("ranges_intro", lang, draws=f"{uncertainty.draws_within_budget(v.scenario):,}",
                seed=v.scenario.seed))
over_budget = uncertainty.budget_notice(v.scenario)
if over_budget is not None:  # its text holds numbers only, none from the link
    st.warning(over_budget.message(lang))
with st.container(border=True):
    st.markdown(f"**{uv.t('ranges_settings', lang)}**")
    ranges.controls(v.scenario, lang)
if not v.scenario.ranges:
    st.info(uv.t("no_ranges", lang))

with st.spinner():
    mc = ranges.monte_carlo(v.query)
    b = ranges.bands(v.query)
point = uncertainty.point_series(v.proj)

st.subheader(uv.t("totals_title", lang))
st.dataframe(uv.totals_table(b, lang), hide_index=True, width="stretch")

tabs = st.tabs([uv.metric_label(m, lang) for m in uncertainty.METRICS])
for tab, metric in zip(tabs, uncertainty.METRICS, strict=True):
    with tab:
        v.chart(uv.fan_chart(b, metric, lang, point=point[metric]), "ranges", f"{metric}_daily")
        v.chart(uv.fan_chart(b, metric, lang, cumulative=True), "ranges", f"{metric}_cumulative")
st.caption(uv.t("bands_caption", lang))
v.chart(uv.mix_fan(b, lang), "ranges", "mix")

st.subheader(uv.t("target_title", lang))
c1, c2 = st.columns(2)
target = c1.number_input(uv.t("target_label", lang), min_value=0.0, value=uv.nice_target(b), step=10_000.0,
                         format="%.0f", key="_target_gmv")
ranges.keep_target_day_within(v.scenario.days)
day = c2.slider(uv.t("target_day_label", lang), 1, v.scenario.days, v.scenario.days, key=ranges.TARGET_DAY_KEY)
chance = uncertainty.target_probability(mc, target, day)
st.metric(uv.t("target_result", lang, day=day, target=fmt.money(target, lang)), fmt.percent(chance))
v.chart(uv.target_chart(uncertainty.target_curve(mc, target), target, day, lang), "ranges", "target")

sens = ranges.sensitivity(v.query)
st.caption(uv.t("tornado_caption", lang, span=fmt.percent(uncertainty.DEFAULT_SPAN, 0), n=uv.TORNADO_TOP))
v.chart(uv.tornado(sens, lang), "ranges", "tornado")
st.caption(uv.t("elasticity_caption", lang))
v.chart(uv.elasticity_chart(sens, lang), "ranges", "elasticity")
st.dataframe(uv.sensitivity_table(sens, lang), hide_index=True, width="stretch")
