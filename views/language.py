"""The reader's language in this session, read by the pages and by ``views.memo`` (which must not
import ``views.state``: state caches its projections with memo)."""

from __future__ import annotations

import streamlit as st

from planner.text import DEFAULT_LANG, normalize_lang

LANG_KEY = "lang"  # the language switch's widget key and the link's lang=


def lang() -> str:
    """The language: the switch's value, or on a session's first run the link's ``lang=``."""
    if LANG_KEY in st.session_state:
        return normalize_lang(st.session_state[LANG_KEY])
    return normalize_lang(st.query_params.get(LANG_KEY, DEFAULT_LANG))
