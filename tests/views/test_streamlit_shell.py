"""The Streamlit behaviour ``views/streamlit_shell.py`` relies on, pinned: if an upgrade changes
it, these fail first (and say whether the workaround can go or must change)."""

from __future__ import annotations

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.state import query_params as streamlit_query_params
from streamlit.testing.v1 import AppTest

from views import streamlit_shell
from views.streamlit_shell import APP_PATH, STREAMLIT_MAX_QUERY_CHARS, STREAMLIT_MAX_QUERY_FIELDS

MATRIX = "pages/matrix.py"


@pytest.fixture
def restore_mode():
    before = PagesManager.uses_pages_directory
    yield
    PagesManager.uses_pages_directory = before


def open_matrix() -> AppTest:
    at = AppTest.from_file(str(APP_PATH), default_timeout=120)
    at.run()
    at.switch_page(MATRIX)
    return at.run()


def test_a_pages_folder_beside_app_py_starts_the_legacy_mode(restore_mode):
    PagesManager.uses_pages_directory = None  # as in a fresh server process
    PagesManager(str(APP_PATH))
    assert streamlit_shell.legacy_pages_mode(), "Streamlit no longer reads pages/: ensure_shell can go"


def test_st_navigation_turns_the_legacy_mode_off(restore_mode):
    at = AppTest.from_file(str(APP_PATH), default_timeout=120).run()  # AppTest turns the mode on first
    assert not at.exception
    assert not streamlit_shell.legacy_pages_mode()


def test_in_the_legacy_mode_a_page_runs_without_app_py(monkeypatch, restore_mode):
    monkeypatch.setattr(streamlit_shell, "ensure_shell", lambda: None)
    at = open_matrix()
    assert not at.sidebar.slider, "Streamlit ran app.py before the page: ensure_shell can go"


def test_ensure_shell_gives_the_page_the_app_around_it(restore_mode):
    at = open_matrix()
    assert not at.exception and at.sidebar.slider  # the scenario sliders: app.py ran


def _widget_ids_script():
    import streamlit as st
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    from views.streamlit_shell import in_script_run, main_script_scope

    ctx = get_script_run_ctx()
    how = st.session_state.get("how", "main")
    if how == "main":  # made by the entry script itself
        st.slider("x", key="x")
    else:
        with ctx.run_with_active_hash("another page"):  # as when app.py runs as a legacy page
            if how == "scoped":
                with main_script_scope():
                    st.slider("x", key="x")
            else:
                st.slider("x", key="x")
    st.text(f"in a run: {in_script_run()}")


def test_widget_identity_follows_the_running_script_and_the_scope_restores_the_main_one():
    ids = {}
    for how in ("main", "scoped", "page"):
        at = AppTest.from_function(_widget_ids_script)
        at.session_state["how"] = how
        at.run()
        assert not at.exception
        ids[how] = at.slider(key="x").id
        assert at.text[0].value == "in a run: True"
    assert ids["scoped"] == ids["main"]
    assert ids["page"] != ids["main"], \
        "a widget's identity no longer depends on the running page: main_script_scope can go"


def test_outside_a_script_run_there_is_no_page_to_draw_on():
    assert not streamlit_shell.in_script_run()


def test_the_query_limits_are_streamlits():
    # A Streamlit upgrade that moves them fails here, not silently in a browser.
    assert STREAMLIT_MAX_QUERY_FIELDS == streamlit_query_params.CLIENT_STATE_QUERY_STRING_MAX_FIELDS
    assert STREAMLIT_MAX_QUERY_CHARS == streamlit_query_params.CLIENT_STATE_QUERY_STRING_MAX_LENGTH


def test_a_run_knows_whether_the_browsers_back_or_forward_started_it():
    """``is_history_navigation`` reads the flag Streamlit's front end sends with a Back/Forward
    rerun (``rerunScript.isHistoryNavigation``), carried on the run's context."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import ScriptRunContext

    assert "is_history_navigation" in ScriptRunContext.__dataclass_fields__
    assert not streamlit_shell.is_history_navigation()  # outside a run: no

