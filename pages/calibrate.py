"""校准 Calibrate: upload past sessions, see the fit, its intervals and back-test, and apply it."""

from datetime import date

import streamlit as st

from planner import fmt
from planner.calibration import MAX_BYTES, MAX_ROWS
from planner.text import t
from views import calibrate as cv
from views import charts, state
from views.streamlit_shell import ensure_shell, uploader_words
from views.tables import height_for

ensure_shell()  # app.py first, even when Streamlit started this page alone
lang = state.lang()
today = date.today().isoformat()
config = charts.plotly_config(charts.chart_filename("calibrate", "", lang, today))


st.title(t("calibrate.title", lang))
st.caption(t("calibrate.caption", lang))
with st.expander(t("calibrate.schema_title", lang)):
    st.caption(t("calibrate.schema_caption", lang, mb=MAX_BYTES // 1024 // 1024, rows=f"{MAX_ROWS:,}"))
    st.dataframe(cv.schema_table(lang), hide_index=True, width="stretch")

uploaded = st.file_uploader(t("calibrate.upload", lang), type=cv.UPLOAD_TYPES, key=cv.uploader_key())
spend_uploads = st.file_uploader(t("calibrate.upload_spend", lang), type=cv.UPLOAD_TYPES, accept_multiple_files=True,
                                 key=cv.spend_uploader_key())
for key in (cv.uploader_key(), cv.spend_uploader_key()):  # Streamlit's own words are English, its cap not ours
    uploader_words(key, t("calibrate.upload_button", lang),
                   t("calibrate.upload_instructions", lang, mb=MAX_BYTES // 1024 // 1024))
choice = st.selectbox(t("calibrate.sample_pick", lang), list(cv.SAMPLES), key=cv.SAMPLE_CHOICE,
                      format_func=lambda key: cv.sample_label(key, lang))
left, right = st.columns(2)
left.button(t("calibrate.use_sample", lang), on_click=cv.use_sample, key="calibrate_use_sample", width="stretch")
sample_name = cv.SAMPLES[choice][0]
right.download_button(t("calibrate.download_sample", lang), cv.sample_bytes(sample_name), file_name=sample_name,
                      key="calibrate_download_sample", width="stretch")
st.caption(t("calibrate.sample_caption", lang))

if st.session_state.pop(cv.UNDONE, False):
    st.success(t("calibrate.undone", lang))
source = cv.current_file(uploaded, spend_uploads)
if source is None:
    st.info(t("calibrate.waiting", lang))
    st.stop()
name, data, spend = source
with st.spinner():
    cal, problems = cv.run(data, name, spend)
if problems is not None:  # the file's own text is quoted: plain text only
    st.error(t("calibrate.bad_file", lang, n=len(problems.problems)))
    st.code(cv.problems_text(problems, lang), language=None, wrap_lines=True)
    st.stop()

st.text(cv.file_line(cal, name, lang))
if cal.notices:
    st.caption(t("calibrate.notices", lang))
    st.code("\n".join(n.message(lang) for n in cal.notices), language=None, wrap_lines=True)

if cal.fit.observed:
    st.subheader(t("calibrate.observed_title", lang))
    st.caption(t("calibrate.observed_caption", lang))
    st.dataframe(cv.observed_table(cal, lang), hide_index=True, width="stretch")

st.subheader(t("calibrate.params_title", lang))
st.caption(t("calibrate.params_caption", lang))
estimates = cv.estimates_table(cal, lang)
st.dataframe(estimates, hide_index=True, width="stretch", height=height_for(estimates),
             column_config={t("calibrate.col_interval", lang): st.column_config.TextColumn(width="medium")})

applied = st.session_state.pop(cv.APPLIED, None)
if applied:
    st.success(t("calibrate.applied_all" if applied == "all" else "calibrate.applied", lang))
changes = cv.applied_changes(cal, lang)
st.caption(t("calibrate.changes_title" if len(changes) else "calibrate.no_changes", lang))
if len(changes):
    st.dataframe(changes, hide_index=True, width="stretch")
b1, b2, b3 = st.columns(3)
b1.button(t("calibrate.apply", lang), on_click=cv.apply, args=(cal.values_to_apply(onto_plan=True),),
          key="calibrate_apply", type="primary", help=t("calibrate.apply_help", lang), width="stretch")
b2.button(t("calibrate.apply_all", lang), on_click=cv.apply,
          args=(cal.values_to_apply(onto_plan=False), True, cal.scenario.split), key="calibrate_apply_all",
          help=t("calibrate.apply_all_help", lang), width="stretch")
b3.button(t("calibrate.undo", lang), on_click=cv.undo, key="calibrate_undo", disabled=not cv.can_undo(),
          width="stretch")
with st.expander(t("calibrate.share_query", lang)):
    st.code(cal.query, language=None, wrap_lines=True)

st.subheader(t("calibrate.backtest_title", lang))
b = cal.backtest
st.caption(t("calibrate.backtest_caption", lang, train=b.train_days, test=b.test_days, cutoff=b.cutoff))
m1, m2, m3 = st.columns(3)
m1.metric(t("calibrate.mape_gmv", lang), fmt.percent(b.mape_gmv))
m2.metric(t("calibrate.mape_viewers", lang), fmt.percent(b.mape_viewers))
m3.metric(t("calibrate.r2_gmv", lang), fmt.number(cal.fit.quality["gmv"]["r2"], 3))
st.plotly_chart(cv.backtest_figure(cal, lang, "gmv"), theme=None, config=config, key="calibrate_gmv")
st.plotly_chart(cv.backtest_figure(cal, lang, "viewers"), theme=None, config=config, key="calibrate_viewers")
st.plotly_chart(cv.residual_figure(cal, lang), theme=None, config=config, key="calibrate_residuals")

st.subheader(t("calibrate.quality_title", lang))
st.dataframe(cv.quality_table(cal, lang), hide_index=True, width="stretch")
st.caption(t("calibrate.downloads", lang))
d1, d2 = st.columns(2)
d1.download_button("CSV", cv.sessions_csv(cal, lang), file_name=cv.download_name("csv", lang, today),
                   mime="text/csv", key="calibrate_csv", width="stretch")
d2.download_button("Excel", cv.sessions_xlsx(cal, lang), file_name=cv.download_name("xlsx", lang, today),
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   key="calibrate_xlsx", width="stretch")
