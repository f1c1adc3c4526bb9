"""The reader's language in this session, read by the pages and by ``views.memo`` (which must not
import ``views.state``: state caches its projections with memo).

The switch shows 中文 / English but the link says ``lang=zh``/``lang=en``. Streamlit 1.67 writes
a radio bound to the URL as its shown label (``RadioSerde.serialize`` returns
``format_func(value)``) and reads it back the same way, so a bound switch with readable labels
would write ``lang=English`` and no longer read ``lang=en``. The switch is therefore bound by
hand: its widget (``LANG_SWITCH_KEY``) is not bound, its choice is kept under ``LANG_KEY`` and
``keep_in_link`` writes ``lang=en`` into the address bar on every run (Streamlit drops unbound
query keys when the user changes pages).
"""

from __future__ import annotations

import streamlit as st

from planner.text import DEFAULT_LANG, LANGS, normalize_lang

LANG_KEY = "lang"  # the link's lang= and the session's choice
LANG_SWITCH_KEY = "lang_switch"  # the switch's widget key


def lang() -> str:
    """The language: the switch's choice, or on a session's first run the link's ``lang=``."""
    if LANG_KEY in st.session_state:
        return normalize_lang(st.session_state[LANG_KEY])
    return normalize_lang(st.query_params.get(LANG_KEY, DEFAULT_LANG))


def prepare_switch() -> None:
    """Before the switch is drawn: the session's language is set (from the link on its first run)
    and the switch shows it."""
    ss = st.session_state
    ss[LANG_KEY] = lang()
    if ss.get(LANG_SWITCH_KEY) not in LANGS:
        ss[LANG_SWITCH_KEY] = ss[LANG_KEY]


def follow(code: str) -> None:
    """Back or Forward (``views.state.follow_address``): the address bar's language becomes the
    session's, and the switch shows it (it is drawn after this)."""
    st.session_state[LANG_KEY] = st.session_state[LANG_SWITCH_KEY] = normalize_lang(code)


def switched() -> None:
    """The switch's callback: its choice becomes the session's language."""
    st.session_state[LANG_KEY] = normalize_lang(st.session_state[LANG_SWITCH_KEY])


def keep_in_link() -> None:
    """The address bar says ``lang=en`` in English and nothing in Chinese (the default)."""
    current = lang()
    if current != DEFAULT_LANG:
        if st.query_params.get(LANG_KEY) != current or len(st.query_params.get_all(LANG_KEY)) != 1:
            st.query_params[LANG_KEY] = current
    elif LANG_KEY in st.query_params:
        del st.query_params[LANG_KEY]
