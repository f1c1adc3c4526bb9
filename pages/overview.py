"""总览 Overview: headline KPIs, GMV = PV × CVR × AOV per source, daily GMV, traffic mix, downloads."""

import streamlit as st

from planner import breakdown, kpis
from planner.text import t
from views import baseline, client, device, exports, overview, state, tables
from views.streamlit_shell import ensure_shell

ensure_shell()  # app.py first, even when Streamlit started this page alone
v = state.view()
lang = v.lang


st.title(t("overview.title", lang))
st.caption(tables.overview_caption(v.proj, lang))

baseline.buttons(v.scenario, lang)  # 设为基准: the changes below compare with a pinned scenario
now = state.kpis_for(v.query)
before = state.kpis_for(v.baseline_query) if v.baseline_query else None
cards = tables.kpi_cards(now, breakdown.kpi_deltas(now, before), lang)
card_of = dict(zip(kpis.OVERVIEW, cards, strict=True))
for keys in kpis.OVERVIEW_ROWS:  # rows that fit a laptop: money, what it returns, the room
    for col, card in zip(st.columns(len(keys)), (card_of[key] for key in keys), strict=True):
        col.metric(card.label, card.value, card.delta, help=card.help, border=True, delta_color=card.delta_color)

st.subheader(t("overview.decomp_title", lang))
base_proj = state.project(v.baseline_query) if v.baseline_query else None
st.caption(t("overview.decomp_delta_caption" if base_proj else "overview.decomp_caption", lang))
# One static table (cheap to redraw) says it all: the factors per source and, against the
# baseline, which factor moved GMV. A bar chart beside it repeated the same numbers at a sixth
# of the overview's redraw time.
st.table(tables.decomposition_table(v.proj, lang, base_proj), hide_index=True)


def charts() -> None:
    v.echart(overview.daily_gmv, "overview", "daily_gmv", overview.HEIGHT)
    v.echart(overview.traffic_mix, "overview", "traffic_mix", overview.HEIGHT)
    st.caption(t("overview.mix_caption", lang))


# On a phone the two charts are folded and drawn only once unfolded: far below the numbers on a
# narrow screen, they took about half a second of a phone-class CPU on every slider move
# (``python benchmarks/overview_parts.py --phone``), and their 1.1 MB of ECharts on a first open.
if device.is_phone():
    folded = st.expander(t("overview.charts_folded", lang), key=overview.CHARTS_OPEN, on_change="rerun")
    if folded.open:
        with folded:
            charts()
else:
    charts()

st.subheader(t("overview.downloads_title", lang))
if client.is_wechat(st.context.headers.get("User-Agent")):  # WeChat does not save files made by a page
    st.info(t("serving.download_in_browser", lang))
    st.link_button(t("serving.card_image", lang), "/card.png?" + v.share_url.partition("?")[2])
c1, c2, c3 = st.columns(3)
with c1:
    if exports.card_available():
        query, share_url, base_query = v.query, v.share_url, v.baseline_query
        st.download_button(
            t("export.dl_card", lang), data=lambda: exports.card_png(query, lang, share_url, base_query),
            file_name=exports.file_name("card", lang, v.today), mime="image/png",
            on_click="ignore", width="stretch", key="dl_card")
    else:
        st.button(t("export.dl_card", lang), disabled=True, help=t("export.dl_card_missing", lang), width="stretch",
                  key="dl_card")
proj = v.proj
c2.download_button(
    t("export.dl_csv", lang), data=lambda: exports.daily_csv(proj, lang, v.share_url),
    file_name=exports.file_name("csv", lang, v.today), mime="text/csv",
    on_click="ignore", width="stretch", key="dl_csv")
c3.download_button(
    t("export.dl_xlsx", lang), data=lambda: exports.daily_xlsx(proj, lang, v.share_url),
    file_name=exports.file_name("xlsx", lang, v.today),
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore", width="stretch", key="dl_xlsx")
