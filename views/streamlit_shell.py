"""Every use of Streamlit's private API in the app, in one place, and why each is needed.

Streamlit 1.67 has no public way to do these things; ``tests/views/test_streamlit_shell.py``
pins the behaviour each relies on, so an upgrade that changes it fails there first.

1. **The legacy multipage mode** (``ensure_shell``, ``main_script_scope``). A folder named
   ``pages/`` next to ``app.py`` makes Streamlit start a server process in its legacy
   multipage mode (``PagesManager.uses_pages_directory``, set when the first session starts):
   a request for ``/matrix`` then runs ``pages/matrix.py`` alone, without ``app.py``'s sidebar,
   link validation and navigation, and a request for ``/`` runs ``app.py`` as one page among
   the others. ``st.navigation`` turns the mode off for the process, but only once ``app.py``
   has run; ``AppTest`` turns it on again before every run. The project names the folder
   ``pages/`` (Streamlit's own advice is to rename it; ``st.App``, the ASGI wrapper, serves
   the same script runner and changes nothing here), so:

   - ``ensure_shell`` (first line of every page) runs ``app.py`` itself when it finds the mode
     on, and stops: ``app.py`` routes back to the page with the mode off;
   - ``main_script_scope`` gives the sidebar's widgets the entry script's identity even when
     ``app.py`` runs as a page (or from ``ensure_shell``): a widget's identity includes the
     script that is running, so without it the sliders would get another identity on that one
     run, lose the user's first move and be bound to the URL as another page's parameters.

2. **Whether this thread is running a script** (``in_script_run``): ``views.memo`` draws a
   "waiting for a free slot" box only on a page; a computation started by a background thread
   (the reported cases warm up at import) has no page to draw on. ``st.runtime.exists()`` only
   says a server runs, not that this thread serves a session.

3. **Streamlit's limits on a query string** (``STREAMLIT_MAX_QUERY_FIELDS``/``_CHARS``): over
   them Streamlit drops the whole query before the script sees it
   (``streamlit.runtime.state.query_params``); ``views.state`` needs the numbers to tell the
   visitor. They are copies, checked against Streamlit's by the test.

4. **The file uploader's own words** (``uploader_words``). ``st.file_uploader`` writes "Upload"
   and "10MB per file • CSV, XLSX" in English whatever the page's language, and states
   Streamlit's hard cap (``server.maxUploadSize``), not the calibration's smaller one. A style
   rule scoped to one uploader's key replaces both with the catalogue's words, by the test ids
   of Streamlit's dropzone (``stFileUploaderDropzoneInstructions``, the dropzone's button);
   ``tests/app/test_calibrate_browser.py`` checks in a real browser what the visitor reads.

5. **Whether this run is the browser's Back or Forward** (``is_history_navigation``). Streamlit
   restores its bound widgets from the address bar's entry then; ``views.state.follow_address``
   does the same for what the script keeps there itself (``lang=``, ``base=``, the split and
   ranges), so Back after a language switch or a new baseline undoes it, as the entry it added
   says, instead of writing it straight back.
"""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

APP_PATH = Path(__file__).resolve().parent.parent / "app.py"
STREAMLIT_MAX_QUERY_FIELDS = 1000
STREAMLIT_MAX_QUERY_CHARS = 512 * 1024


def legacy_pages_mode() -> bool:
    """Whether Streamlit still runs this process in its legacy ``pages/`` mode."""
    from streamlit.runtime.pages_manager import PagesManager

    return bool(PagesManager.uses_pages_directory)


def ensure_shell() -> None:
    """Called first by every page: make sure ``app.py`` (sidebar, URL seeding, navigation) ran.

    In the legacy mode a page runs alone: it then runs ``app.py`` itself (which calls
    ``st.navigation``, turning the mode off, and routes back to this page) and stops.
    """
    if legacy_pages_mode():
        runpy.run_path(str(APP_PATH), run_name="__main__")
        st.stop()


@contextmanager
def main_script_scope() -> Iterator[None]:
    """Create the widgets made inside as the entry script's, whichever way this run started."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        yield
        return
    with ctx.run_with_active_hash(ctx.pages_manager.main_script_hash):
        yield


def bound_query_keys(keys) -> set[str]:
    """Which of ``keys`` a widget is bound to in the address bar now (``bind="query-params"``):
    Streamlit writes those itself and refuses a script's write; the others are the script's."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    with get_session_state().query_params() as qp:
        return {key for key in keys if qp.is_bound(key)}


def is_history_navigation() -> bool:
    """Whether this run was started by the browser's Back or Forward button (5.)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.is_history_navigation)


def in_script_run() -> bool:
    """Whether this thread runs a session's script (and so may draw on its page)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    return get_script_run_ctx() is not None


def _css_string(text: str) -> str:
    """A CSS string literal of the app's own text (never a visitor's): quotes, backslashes and
    line breaks escaped, so it cannot end the rule."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\\n\r<>' else c for c in text) + '"'


def uploader_words(key: str, button: str, instructions: str) -> None:
    """Show ``button`` and ``instructions`` in place of the uploader ``key``'s English words (4.)."""
    if not key.replace("_", "").isalnum():
        raise ValueError(f"not a widget key: {key!r}")
    scope = f".st-key-{key} [data-testid='stFileUploaderDropzone']"
    st.html(f"""<style>
{scope} [data-testid='stFileUploaderDropzoneInstructions'] span {{ font-size: 0; white-space: normal; }}
{scope} [data-testid='stFileUploaderDropzoneInstructions'] span::after {{
  content: {_css_string(instructions)}; font-size: 0.875rem; }}
{scope} button [data-testid='stMarkdownContainer'] p {{ font-size: 0; }}
{scope} button [data-testid='stMarkdownContainer'] p::after {{ content: {_css_string(button)}; font-size: 0.875rem; }}
</style>""")
