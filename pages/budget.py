"""投流 Budget: response curves per tool, the budget optimiser (with "apply"), and goal seek."""

import streamlit as st

from planner import fmt
from planner.budget import TOOLS, bean_step_yuan
from planner.params import PARAMS
from views import budget_charts as bc
from views import budget_state as bs
from views import charts, page_keys, state

state.ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang
config = charts.plotly_config(charts.chart_filename("budget", "", lang, v.today))


def text(key: str, **values) -> str:
    return bc.bt(key, lang, **values)


st.title(text("title"))
st.caption(text("caption"))

# --- response curves ------------------------------------------------------------------------
st.subheader(text("curves_title"))
curves = bs.curves(v.query)
st.caption(text("curves_caption", be=fmt.roi(curves["gdt"].breakeven_roi)))
for tab, tool in zip(st.tabs([bc.tool_name(t, lang) for t in TOOLS]), TOOLS, strict=True):
    with tab:
        st.plotly_chart(bc.curve_figure(curves[tool], lang), theme=None, config=config, key=f"curve_{tool}")
        st.caption(bc.curve_summary(curves[tool], lang))

# --- optimiser ------------------------------------------------------------------------------
st.subheader(text("opt_title"))
mode = st.radio(text("mode"), bs.MODES, format_func=lambda m: page_keys.label("mode", m, lang), key="mode",
                bind="query-params", horizontal=True)
c1, c2, c3 = st.columns(3)
amount_label = {"fixed": "budget_fixed", "incremental": "budget_incremental"}.get(mode, "budget_ceiling")
limits = page_keys.NUMBERS  # the same limits views.state reads a link's values with
amount = c1.number_input(text(amount_label), min_value=limits["budget"].low, max_value=limits["budget"].high,
                         value=limits["budget"].default, step=1_000.0, format="%.0f", key="budget",
                         bind="query-params")
objective = c2.radio(text("objective"), page_keys.OBJECTIVES, format_func=lambda o: page_keys.label("objective", o, lang),
                     key="objective", bind="query-params", disabled=mode in ("target_gmv", "min_roi"))
up_to = c2.checkbox(text("up_to"), key="up_to", bind="query-params", disabled=mode != "fixed")
target_gmv = c3.number_input(text("target_gmv"), min_value=limits["target_gmv"].low,
                             max_value=limits["target_gmv"].high, value=limits["target_gmv"].default,
                             step=1_000_000.0, format="%.0f", key="target_gmv", bind="query-params",
                             disabled=mode != "target_gmv")
min_roi = c3.number_input(text("min_roi"), min_value=limits["min_roi"].low, max_value=limits["min_roi"].high,
                          value=limits["min_roi"].default, step=0.5, format="%.2f", key="min_roi",
                          bind="query-params", disabled=mode != "min_roi")
with st.expander(text("bounds")):
    bounds = {}
    for col, tool in zip(st.columns(3), TOOLS, strict=True):
        name = bc.tool_name(tool, lang)
        for side in ("min", "max"):
            key = f"{tool}_{side}"
            bounds[key] = col.number_input(
                text(f"{side}_of", tool=name), min_value=limits[key].low, max_value=limits[key].high, value=None,
                step=100.0, format="%.0f", key=key, bind="query-params")
    st.caption(text("bean_step", step=fmt.money(bean_step_yuan(v.scenario), lang)))

with st.spinner():
    result, error = bs.plan(v.query, mode, objective, float(amount or 0.0), bool(up_to), target_gmv, min_roi,
                            tuple(sorted(bounds.items())))
if error is not None:
    st.error(text("error", msg=error[0 if lang == "zh" else 1]))
else:
    st.markdown(f"**{text('result_title')}**")
    if not result.reached:
        st.warning(text("not_reached") + " ".join(n.text(lang) for n in result.notes))
    st.dataframe(bc.kpi_rows(result, lang), hide_index=True, width="stretch")
    st.markdown(f"**{text('alloc_title')}**")
    st.dataframe(bc.allocation_rows(result, lang), hide_index=True, width="stretch")
    best = bc.next_best(result, lang)
    if best:
        st.caption(best)
    for note in result.notes if result.reached else ():
        st.caption(text("note", text=note.text(lang)))
    st.button(text("apply"), on_click=bs.apply_scenario, args=(result.query,), key="apply_budget",
              type="primary", help=text("apply_help"))
    if st.session_state.pop(bs.APPLIED, False):
        st.success(text("applied"))
    left, right = st.columns(2)
    with left:
        st.plotly_chart(bc.allocation_figure(result, lang), theme=None, config=config, key="alloc_chart")
    with right:
        st.plotly_chart(bc.cumulative_figure(v.proj, state.project(result.query), lang), theme=None,
                        config=config, key="cum_chart")
    st.markdown(f"**{text('after_curves')}**")
    after_curves = bs.curves(result.query)
    for tab, tool in zip(st.tabs([bc.tool_name(t, lang) for t in TOOLS]), TOOLS, strict=True):
        with tab:
            st.plotly_chart(bc.curve_figure(after_curves[tool], lang), theme=None, config=config,
                            key=f"after_curve_{tool}")
            st.caption(bc.curve_summary(after_curves[tool], lang))

# --- goal seek ------------------------------------------------------------------------------
st.subheader(text("goal_title"))
keys = [p.key for p in PARAMS]
g1, g2, g3 = st.columns(3)
param = g1.selectbox(text("goal_param"), keys, index=keys.index("invites"),
                     format_func=lambda k: page_keys.label("goal_param", k, lang), key="goal_param",
                     bind="query-params")
goal_gmv = g2.number_input(text("goal_gmv"), min_value=limits["goal_gmv"].low, max_value=limits["goal_gmv"].high,
                           value=limits["goal_gmv"].default, step=1_000_000.0, format="%.0f", key="goal_gmv",
                           bind="query-params")
goal_day = g3.number_input(text("goal_day"), min_value=int(limits["goal_day"].low),
                           max_value=int(limits["goal_day"].high), value=None, step=1, key="goal_day",
                           bind="query-params")
with st.spinner():
    found, error = bs.goal(v.query, param, float(goal_gmv), None if goal_day is None else int(goal_day))
if error is not None:
    st.error(text("error", msg=error[0 if lang == "zh" else 1]))
else:
    if found.value is not None:
        st.success(found.reason.text(lang))
        st.button(text("goal_apply"), on_click=bs.apply_value, args=(found.key, found.value), key="apply_goal")
    else:
        st.warning(found.reason.text(lang))
    st.plotly_chart(bc.goal_figure(found, lang), theme=None, config=config, key="goal_chart")
