"""对比 Compare: up to three scenarios side by side (the current one, the baseline, a pasted share link, a preset):
KPIs with deltas, daily GMV overlaid, and the GMV difference split into PV, CVR and AOV effects."""

import streamlit as st

from planner import compare
from planner.link import to_query
from planner.text import t
from views import baseline, state
from views import compare as cv
from views.streamlit_shell import ensure_shell

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang


st.title(t("compare_page.compare_title", lang))
st.caption(t("compare_page.compare_intro", lang))

names, projs, held = ["A"], [v.proj], [cv.slot_name("A", "current", lang)]
st.markdown(f"**{t('compare_page.slot_current', lang)}**")
for col, slot in zip(st.columns(2), cv.SLOTS[1:], strict=True):
    with col:  # the picks and pasted links are bound to the URL: the address bar reopens this comparison
        option = st.selectbox(t("compare_page.slot_label", lang, slot=slot), cv.slot_options(), key=cv.SLOT_KEYS[slot],
                              format_func=lambda o: cv.option_label(o, lang), bind="query-params")
        link = ""
        if option == cv.LINK:
            link = st.text_input(t("compare_page.link_label", lang, slot=slot), key=cv.SLOT_LINK_KEYS[slot],
                                 placeholder=t("compare_page.link_placeholder", lang), bind="query-params")
            if not link.strip():
                st.caption(t("compare_page.link_empty", lang))
        scenario, notices = cv.resolve(option, link, baseline.pinned())
        if option == cv.BASELINE and scenario is None:
            st.caption(t("compare_page.no_baseline", lang))
        if notices:  # they quote the pasted text: plain text only, never Markdown or HTML
            st.warning(t("compare_page.link_notices", lang, slot=slot, n=len(notices)))
            st.code("\n".join(n.text(lang) for n in notices), language=None, wrap_lines=True)
        if scenario is not None:
            names.append(slot)
            held.append(cv.slot_name(slot, option, lang))
            projs.append(state.project(to_query(scenario)))

if len(projs) == 1:
    st.info(t("compare_page.only_one", lang))
st.caption(" · ".join(held))
# Different horizons: totals would book the extra days as viewers, so compare averages instead.
per_days = compare.MONTH_DAYS if compare.horizons_differ(projs) else None
if per_days:
    st.warning(cv.horizon_warning(projs, names, lang))

st.subheader(t("compare_page.kpi_title_month" if per_days else "compare_page.kpi_title", lang, month=per_days))
st.dataframe(cv.kpi_frame(compare.kpi_table(projs, per_days), names, lang, per_days), hide_index=True, width="stretch")
if per_days:
    st.caption(cv.per_day_text(projs, names, lang))
v.chart(cv.overlay_daily(compare.daily_gmv(projs), names, lang), "compare", "overlay")

for name, proj in zip(names[1:], projs[1:], strict=True):
    decomposition = compare.decompose(projs[0], proj, per_days=per_days)
    v.chart(cv.waterfall(decomposition, names[0], name, lang), "compare", "waterfall")
    st.caption(cv.by_factor_text(decomposition, lang))
st.caption(t("compare_page.waterfall_caption_month" if per_days else "compare_page.waterfall_caption", lang,
             month=per_days))
