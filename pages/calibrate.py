"""校准 Calibrate: upload past sessions, see the fit, its intervals and back-test, and apply it."""

from datetime import date

import streamlit as st

from planner import fmt
from planner.calibration import MAX_BYTES, MAX_ROWS
from views import calibrate as cv
from views import charts, state
from views.tables import height_for

state.ensure_shell()  # app.py first, even when Streamlit started this page alone
lang = state.lang()
today = date.today().isoformat()
config = charts.plotly_config(charts.chart_filename("calibrate", "", lang, today))


def text(key: str, **values) -> str:
    return cv.t(key, lang, **values)


st.title(text("title"))
st.caption(text("caption"))
with st.expander(text("schema_title")):
    st.caption(text("schema_caption", mb=MAX_BYTES // 1024 // 1024, rows=f"{MAX_ROWS:,}"))
    st.dataframe(cv.schema_table(lang), hide_index=True, width="stretch")

uploaded = st.file_uploader(text("upload"), type=["csv", "xlsx"], key=cv.uploader_key())
left, right = st.columns(2)
left.button(text("use_sample"), on_click=cv.use_sample, key="calibrate_use_sample", width="stretch")
right.download_button(text("download_sample"), cv.sample_bytes(), file_name=cv.SAMPLE_PATH.name,
                      mime="text/csv", key="calibrate_download_sample", width="stretch")
st.caption(text("sample_caption"))

source = cv.current_file(uploaded)
if source is None:
    st.info(text("waiting"))
    st.stop()
name, data = source
with st.spinner():
    cal, problems = cv.run(data, name)
if problems is not None:  # the file's own text is quoted: plain text only
    st.error(text("bad_file", n=len(problems.problems)))
    st.code(cv.problems_text(problems, lang), language=None, wrap_lines=True)
    st.stop()

st.text(cv.file_line(cal, name, lang))
if cal.notices:
    st.caption(text("notices"))
    st.code("\n".join(n.message(lang) for n in cal.notices), language=None, wrap_lines=True)

st.subheader(text("params_title"))
st.caption(text("params_caption"))
estimates = cv.estimates_table(cal, lang)
st.dataframe(estimates, hide_index=True, width="stretch", height=height_for(estimates),
             column_config={text("col_interval"): st.column_config.TextColumn(width="medium")})
st.button(text("apply"), on_click=cv.apply, args=(cal.query,), key="calibrate_apply", type="primary",
          help=text("apply_help"))
if st.session_state.pop(cv.APPLIED, False):
    st.success(text("applied"))
with st.expander(text("share_query")):
    st.code(cal.query, language=None, wrap_lines=True)

st.subheader(text("backtest_title"))
b = cal.backtest
st.caption(text("backtest_caption", train=b.train_days, test=b.test_days, cutoff=b.cutoff))
m1, m2, m3 = st.columns(3)
m1.metric(text("mape_gmv"), fmt.percent(b.mape_gmv))
m2.metric(text("mape_viewers"), fmt.percent(b.mape_viewers))
m3.metric(text("r2_gmv"), fmt.number(cal.fit.quality["gmv"]["r2"], 3))
st.plotly_chart(cv.backtest_figure(cal, lang, "gmv"), theme=None, config=config, key="calibrate_gmv")
st.plotly_chart(cv.backtest_figure(cal, lang, "viewers"), theme=None, config=config, key="calibrate_viewers")
st.plotly_chart(cv.residual_figure(cal, lang), theme=None, config=config, key="calibrate_residuals")

st.subheader(text("quality_title"))
st.dataframe(cv.quality_table(cal, lang), hide_index=True, width="stretch")
st.caption(text("downloads"))
d1, d2 = st.columns(2)
d1.download_button("CSV", cv.sessions_csv(cal, lang), file_name=cv.download_name("csv", lang, today),
                   mime="text/csv", key="calibrate_csv", width="stretch")
d2.download_button("Excel", cv.sessions_xlsx(cal, lang), file_name=cv.download_name("xlsx", lang, today),
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   key="calibrate_xlsx", width="stretch")
