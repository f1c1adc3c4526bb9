"""What kind of screen the page is drawn for, as far as the server can tell.

Streamlit 1.67's ``st.context`` tells the request's headers (``User-Agent``) but not the
viewport's width, and a script cannot wait for the browser to report it before drawing. So the
layout is chosen from the user agent: a phone's browser (and WeChat's in-app browser, which says
``MicroMessenger``) gets the phone layout, anything else the desktop's sidebar. What the server
cannot know (a narrow desktop window, a touch laptop) is left to CSS media queries
(``views.theme.RESPONSIVE_CSS``).
"""

from __future__ import annotations

import re

import streamlit as st

# Phones say "Mobile" (WeChat's in-app browser too: "... Mobile Safari ... MicroMessenger/8"), so
# MicroMessenger alone is not a phone: WeChat's desktop client says it too, in a wide window.
# iPads ask for desktop pages (their user agent says Macintosh) and Android tablets leave out
# "Mobile": both get the sidebar, which fits them.
PHONE_AGENT = re.compile(r"Mobi|iPhone|iPod|Windows Phone", re.IGNORECASE)


def is_phone_agent(user_agent: str | None) -> bool:
    """Whether a ``User-Agent`` header is a phone's (WeChat's in-app browser included)."""
    return bool(user_agent) and PHONE_AGENT.search(user_agent) is not None


def is_phone() -> bool:
    """Whether this session's browser is a phone's. False outside a browser session (AppTest)."""
    return is_phone_agent(st.context.headers.get("User-Agent"))
