"""A visitor who leaves while the app loads must leave it whole for everyone after.

A fresh server keeps each of the front end's files the first time it sends one
(server/compression.py). A page that went away mid-load (a dropped link's reload does it on every
first open; a founder closing WeChat's tab does it too) cut those responses short, and the cut-short
files were kept and served to every later visitor: the app never finished loading, or a lazy part
of it (st.metric) never drew, until the server restarted. Only a real browser leaving mid-request
shows it; tests/app/test_server.py pins the middleware's side of it without one. Its own module:
the server must be fresh, with nothing kept yet."""

from __future__ import annotations

import time

import pytest

from tests.conftest_browser import goto_app, new_page

# Visitors leave at several points of a first open, each after this many requests for the front
# end's files: which file is being read at that moment varies from run to run.
LEAVE_AFTER = (1, 2, 4, 8, 16)


@pytest.mark.browser
def test_a_visitor_who_leaves_while_the_app_loads_leaves_it_whole_for_the_next(server, browser):
    for requests in LEAVE_AFTER:
        leaving = new_page(browser)
        asked: list[str] = []
        leaving.on("request", lambda request, asked=asked: asked.append(request.url) if "/static/" in request.url else None)
        leaving.goto(f"{server.url}/?lang=en", wait_until="commit")
        deadline = time.monotonic() + 30
        while len(asked) < requests and time.monotonic() < deadline:
            leaving.wait_for_timeout(2)
        leaving.context.close()  # mid-load: its requests for the front end's files are cut off
    page = new_page(browser)
    goto_app(page, f"{server.url}/?lang=en")
    page.locator("[data-testid='stMetricLabel']").filter(has_text="GMV").first.wait_for()
