"""视频号直播 what-if planner: the entry script. It routes; it does not compute.

    streamlit run app.py
"""

import streamlit as st

from views import controls, errors, state
from views import uncertainty as uv
from views.i18n import t

st.set_page_config(layout="wide", page_title="视频号直播规划 · Channels live planner")

lang = state.lang()
page = st.navigation([
    st.Page("pages/overview.py", title=t("nav_overview", lang), default=True),
    st.Page("pages/matrix.py", title=t("nav_matrix", lang), url_path="matrix"),
    st.Page("pages/assumptions.py", title=t("nav_assumptions", lang), url_path="assumptions"),
    st.Page("pages/budget.py", title=t("nav_budget", lang), url_path="budget"),
    st.Page("pages/uncertainty.py", title=uv.t("nav_ranges", lang), url_path="uncertainty"),
    st.Page("pages/compare.py", title=uv.t("nav_compare", lang), url_path="compare"),
    st.Page("pages/calibrate.py", title=t("nav_calibrate", lang), url_path="calibrate"),
])
with errors.one_line_errors(lang):  # a failure shows one line, never a traceback
    state.begin()  # a session's first run: validate the link; rerun once if it is not canonical
    controls.sidebar()  # language, preset, share link and every scenario slider, bound to the URL
    state.finish()
    state.show_notices(lang)
    st.set_page_config(page_title=f"{page.title} · {t('app_title', lang)}")
    page.run()
