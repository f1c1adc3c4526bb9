"""What a visitor sees when a page fails: one short line, never a traceback or a server path.

``.streamlit/config.toml`` sets ``client.showErrorDetails = "none"``, so an exception Streamlit
itself catches (in a widget callback, say) shows only its generic sentence. Around the pages,
``one_line_errors`` does better: an error the planner raised on purpose (a ``ValueError`` with
one sentence, ``planner.messages.error_line``) is shown as that sentence, and anything else as
a short apology; the full traceback goes to the server's log only.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

import streamlit as st

from planner.messages import error_line
from planner.text import t

_LOG = logging.getLogger("planner.app")


@contextmanager
def one_line_errors(lang: str):
    """Run a page; if it raises, say so in one line (Streamlit's st.stop and st.rerun are not
    exceptions of this kind and pass through)."""
    try:
        yield
    except Exception as exc:
        _LOG.exception("a page failed")
        line = error_line(exc, lang)
        st.error(t("notice.page_error" if line else "notice.page_bug", lang))
        if line:  # it may quote the link or a file: plain text, never Markdown or HTML
            st.code(line, language=None, wrap_lines=True)
