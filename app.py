"""视频号直播 what-if planner: the entry. It routes; it does not compute.

    streamlit run app.py

This one file is read two ways. ``streamlit run`` finds the ``st.App`` named ``app`` below and
serves it under uvicorn, which imports this file as the module ``app``: Streamlit plus the
planner's own routes and middleware (``server/``: gzip for the front end, ``/snapshot``,
``/card.png``, old browsers sent to the snapshot). Each session then runs this file as its script,
as ``__main__`` (AppTest does the same): the page config, the sidebar and the navigation.
"""

import streamlit as st

if __name__ != "__main__":  # imported by uvicorn: the ASGI app around Streamlit
    from server import routes

    app = st.App(__file__, routes=routes.routes(), middleware=routes.middleware())

else:  # a session's script run
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
        # language, preset, share link and every scenario slider, bound to the URL (on a phone, the
        # headline numbers open above the overview, folded above the other pages)
        controls.sidebar(inputs_open=page.url_path == "")
        state.finish()
        state.show_notices(lang)
        st.set_page_config(page_title=f"{page.title} · {t('app.title', lang)}")
        page.run()
