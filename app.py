"""视频号直播 what-if planner: the entry script. It routes; it does not compute.

    streamlit run app.py
"""

import streamlit as st

from planner.text import DEFAULT_LANG, t
from views import controls, errors, state

st.set_page_config(layout="wide", page_title=t("app.browser_title", DEFAULT_LANG))

lang = state.lang()
page = st.navigation([
    st.Page("pages/overview.py", title=t("nav.overview", lang), default=True),
    st.Page("pages/matrix.py", title=t("nav.matrix", lang), url_path="matrix"),
    st.Page("pages/assumptions.py", title=t("nav.assumptions", lang), url_path="assumptions"),
    st.Page("pages/budget.py", title=t("nav.budget", lang), url_path="budget"),
    st.Page("pages/uncertainty.py", title=t("nav.ranges", lang), url_path="uncertainty"),
    st.Page("pages/compare.py", title=t("nav.compare", lang), url_path="compare"),
    st.Page("pages/calibrate.py", title=t("nav.calibrate", lang), url_path="calibrate"),
    st.Page("pages/glossary.py", title=t("nav.glossary", lang), url_path="glossary"),
])
with errors.one_line_errors(lang):  # a failure shows one line, never a traceback
    state.begin()  # a session's first run: validate the link; rerun once if it is not canonical
    controls.sidebar()  # language, preset, share link and every scenario slider, bound to the URL
    state.finish()
    state.show_notices(lang)
    st.set_page_config(page_title=f"{page.title} · {t('app.title', lang)}")
    page.run()
