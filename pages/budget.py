"""投流 Budget: response curves per tool, the budget optimiser (with "apply"), and goal seek."""

import streamlit as st

from planner import fmt
from planner.budget import TOOLS, bean_step_yuan
from planner.params import PARAMS
from planner.text import t
from views import budget as bc
from views import budget_state as bs
from views import charts, page_keys, state
from views.streamlit_shell import ensure_shell
from views.tabs import open_tab

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang
config = charts.plotly_config(charts.chart_filename("budget", "", lang, v.today))


st.title(t("budget_page.title", lang))
st.caption(t("budget_page.caption", lang))

# --- response curves ------------------------------------------------------------------------
st.subheader(t("budget_page.curves_title", lang))


def curve_tabs(curves: dict, key: str, first: int = 0) -> None:
    """A tab per tool, only the open one's curve drawn (a three-panel figure each); ``first``
    is open until another is chosen."""
    tab, index = open_tab([bc.tool_name(tool, lang) for tool in TOOLS], f"{key}_tabs", first)
    tool = TOOLS[index]
    with tab:
        st.plotly_chart(bc.curve_figure(curves[tool], lang), theme=None, config=config, key=f"{key}_{tool}")
        st.caption(bc.curve_summary(curves[tool], lang))


curves = bs.curves(v.query)
st.caption(t("budget_page.curves_caption", lang, be=fmt.roi(curves["gdt"].breakeven_roi)))
curve_tabs(curves, "curve")

# --- optimiser ------------------------------------------------------------------------------
st.subheader(t("budget_page.opt_title", lang))
mode = st.radio(t("budget_page.mode", lang), bs.MODES, format_func=lambda m: page_keys.label("mode", m, lang), key="mode",
                bind="query-params", horizontal=True)
c1, c2, c3 = st.columns(3)
amount_label = {"fixed": "budget_page.budget_fixed", "incremental": "budget_page.budget_incremental"}.get(
    mode, "budget_page.budget_ceiling")
limits = page_keys.NUMBERS  # the same limits views.state reads a link's values with
amount = c1.number_input(t(amount_label, lang), min_value=limits["budget"].low, max_value=limits["budget"].high,
                         value=limits["budget"].default, step=1_000.0, format="%.0f", key="budget",
                         bind="query-params")
objective = c2.radio(t("budget_page.objective", lang), page_keys.OBJECTIVES, format_func=lambda o: page_keys.label("objective", o, lang),
                     key="objective", bind="query-params", disabled=mode in ("target_gmv", "min_roi"))
up_to = c2.checkbox(t("budget_page.up_to", lang), key="up_to", bind="query-params", disabled=mode != "fixed")
target_gmv = c3.number_input(t("budget_page.target_gmv", lang), min_value=limits["target_gmv"].low,
                             max_value=limits["target_gmv"].high, value=limits["target_gmv"].default,
                             step=1_000_000.0, format="%.0f", key="target_gmv", bind="query-params",
                             disabled=mode != "target_gmv")
min_roi = c3.number_input(t("budget_page.min_roi", lang), min_value=limits["min_roi"].low, max_value=limits["min_roi"].high,
                          value=limits["min_roi"].default, step=0.5, format="%.2f", key="min_roi",
                          bind="query-params", disabled=mode != "min_roi")
with st.expander(t("budget_page.bounds", lang)):
    bounds = {}
    for col, tool in zip(st.columns(len(TOOLS)), TOOLS, strict=True):
        name = bc.tool_name(tool, lang)
        for side in ("min", "max"):
            key = f"{tool}_{side}"
            bounds[key] = col.number_input(
                t(f"budget_page.{side}_of", lang, tool=name), min_value=limits[key].low, max_value=limits[key].high, value=None,
                step=100.0, format="%.0f", key=key, bind="query-params")
    st.caption(t("budget_page.bean_step", lang, step=fmt.money(bean_step_yuan(v.scenario), lang)))

with st.spinner():
    result, error = bs.plan(v.query, mode, objective, float(amount or 0.0), bool(up_to), target_gmv, min_roi,
                            tuple(sorted(bounds.items())))
if error is not None:
    st.error(t("budget_page.error", lang, msg=error.text(lang)))
else:
    st.markdown(f"**{t('budget_page.result_title', lang)}**")
    if not result.reached:
        st.warning(t("budget_page.not_reached", lang) + " ".join(n.text(lang) for n in result.notes))
    st.dataframe(bc.kpi_rows(result, lang), hide_index=True, width="stretch")
    st.markdown(f"**{t('budget_page.alloc_title', lang)}**")
    st.dataframe(bc.allocation_rows(result, lang), hide_index=True, width="stretch")
    for line in (bc.mroi_note(result, lang), bc.next_best(result, lang)):
        if line:
            st.caption(line)
    for note in result.notes if result.reached else ():
        st.caption(t("budget_page.note", lang, text=note.text(lang)))
    st.button(t("budget_page.apply", lang), on_click=bs.apply_scenario, args=(result.query,), key="apply_budget",
              type="primary", help=t("budget_page.apply_help", lang))
    if st.session_state.pop(bs.APPLIED, False):
        st.success(t("budget_page.applied", lang))
    left, right = st.columns(2)
    with left:
        st.plotly_chart(bc.allocation_figure(result, lang), theme=None, config=config, key="alloc_chart")
    with right:
        st.plotly_chart(bc.cumulative_figure(v.proj, state.project(result.query), lang), theme=None,
                        config=config, key="cum_chart")
    st.markdown(f"**{t('budget_page.after_curves', lang)}**")
    # after the plan, the tool it puts the most money on first (not 广点通 when it spends nothing there)
    curve_tabs(bs.curves(result.query), "after_curve", bc.largest_tool(result))

# --- goal seek ------------------------------------------------------------------------------
st.subheader(t("budget_page.goal_title", lang))
keys = [p.key for p in PARAMS]
g1, g2, g3 = st.columns(3)
param = g1.selectbox(t("budget_page.goal_param", lang), keys, index=keys.index("invites"),
                     format_func=lambda k: page_keys.label("goal_param", k, lang), key="goal_param",
                     bind="query-params")
goal_gmv = g2.number_input(t("budget_page.goal_gmv", lang), min_value=limits["goal_gmv"].low, max_value=limits["goal_gmv"].high,
                           value=None, step=1_000_000.0, format="%.0f", key="goal_gmv", bind="query-params",
                           placeholder=t("budget_page.goal_gmv_placeholder", lang))
goal_day = g3.number_input(t("budget_page.goal_day", lang), min_value=int(limits["goal_day"].low),
                           max_value=int(limits["goal_day"].high), value=None, step=1, key="goal_day",
                           bind="query-params")
if goal_gmv is None:  # no question asked yet: no answer to a target nobody set
    st.caption(t("budget_page.goal_ask", lang))
else:
    with st.spinner():
        found, error = bs.goal(v.query, param, float(goal_gmv), None if goal_day is None else int(goal_day))
    if error is not None:
        st.error(t("budget_page.error", lang, msg=error.text(lang)))
    else:
        if found.value is not None:
            st.success(found.reason.text(lang))
            st.button(t("budget_page.goal_apply", lang), on_click=bs.apply_value, args=(found.key, found.value),
                      key="apply_goal")
        else:
            st.warning(found.reason.text(lang))
        st.plotly_chart(bc.goal_figure(found, lang), theme=None, config=config, key="goal_chart")
