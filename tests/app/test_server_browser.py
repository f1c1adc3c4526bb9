"""Serving in a real browser, against ``streamlit run app.py`` (which serves app.py's ``st.App``):
the bytes of a first open, ``/snapshot`` and ``/card.png``, browsers that cannot run Streamlit,
and WeChat's download hint.

The bytes are Chromium's own count (``tests/wire_bytes.py``): what arrived on the socket for
every response of a first open of the overview, in a fresh context with its cache disabled.
"""

from __future__ import annotations

import urllib.request

import pytest

from planner import kpis
from server.snapshot import read_link
from tests.app.test_server import LINK, cli_kpis
from tests.conftest_browser import goto_app, new_page
from tests.views.test_client import CURRENT, OLD
from tests.wire_bytes import first_open, wait_for_compact_copies

pytestmark = pytest.mark.browser

FIRST_OPEN_BUDGET = 1_500_000  # bytes over the wire for a first open of the overview


def test_a_first_open_of_the_overview_moves_at_most_1_5_mb(server, browser):
    cold = first_open(browser, server.url + "/?" + LINK)
    # The server makes its brotli copies and cut fonts in the background after a file's first
    # request; every visitor after that gets them.
    assert wait_for_compact_copies(cold.urls), "the server did not make its compact copies in time"
    warm = first_open(browser, server.url + "/?" + LINK)
    print(f"first open of the overview: {cold.http_bytes:,} B (first visitor since the server started), "
          f"{warm.http_bytes:,} B after ({warm.decoded_bytes:,} B decoded, {warm.requests} responses, "
          f"{warm.gzipped} compressed)")
    assert warm.http_bytes <= FIRST_OPEN_BUDGET
    assert cold.http_bytes < 0.4 * cold.decoded_bytes  # even the very first is compressed
    assert warm.decoded_bytes > 3 * warm.http_bytes


def test_the_snapshot_page_shows_the_clis_numbers_and_the_card(server, page):
    page.goto(f"{server.url}/snapshot?{LINK}", wait_until="load")
    rows = page.locator("table.kpis tr").all()
    assert [(r.locator("th").inner_text().strip(), r.locator("td").inner_text().strip()) for r in rows] == cli_kpis(LINK)
    assert len(rows) == len(kpis.REPORT)
    card = page.locator("img.card")
    card.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('img.card').complete", timeout=120_000)
    assert card.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1920, 2560]
    share = read_link(LINK).share_query
    assert page.locator("meta[property='og:image']").get_attribute("content") == f"{server.url}/card.png?{share}"
    assert page.title() == page.locator("meta[property='og:title']").get_attribute("content")
    page.locator("a.button").click()  # to the interactive planner, same scenario
    page.wait_for_url(f"{server.url}/?**", timeout=60_000)
    goto_app(page, page.url)
    assert read_link(page.url.partition("?")[2]).scenario == read_link(LINK).scenario


def test_card_png_is_the_overviews_download(server, page):
    goto_app(page, f"{server.url}/?{LINK}")
    button = page.locator("[data-testid='stDownloadButton'] button").filter(has_text="下载预测图")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as info:
        button.click()
    downloaded = open(info.value.path(), "rb").read()  # noqa: SIM115 - a temporary file of Playwright's
    share = read_link(LINK).share_query
    with urllib.request.urlopen(f"{server.url}/card.png?{share}", timeout=120) as resp:
        assert resp.headers["Content-Type"] == "image/png"
        assert "max-age" in resp.headers["Cache-Control"]
        served = resp.read()
    assert served[:8] == b"\x89PNG\r\n\x1a\n" and served == downloaded


def test_an_old_wechat_opens_the_snapshot_and_can_still_choose_the_planner(server, browser):
    page = new_page(browser, user_agent=OLD["Android XWEB on Chrome 86"], is_mobile=True, has_touch=True)
    try:
        page.goto(f"{server.url}/?{LINK}", wait_until="load")
        assert page.url == f"{server.url}/snapshot?{LINK}"
        hints = page.locator("p.hint").all_inner_texts()
        assert any("在浏览器打开" in h for h in hints) and any("长按" in h for h in hints)
        page.locator("a.button").click()  # "open anyway": remembered, not sent back
        page.wait_for_url(f"{server.url}/?**", timeout=60_000)
        goto_app(page, page.url)
        assert "/snapshot" not in page.url
    finally:
        page.context.close()


def test_a_browser_without_what_streamlit_needs_is_sent_to_the_snapshot(server, browser):
    page = new_page(browser)
    page.context.add_init_script("delete Promise.withResolvers;")  # as in Chrome < 119, Safari < 17.4
    try:
        page.goto(f"{server.url}/matrix?{LINK}", wait_until="domcontentloaded")
        page.wait_for_url(f"{server.url}/snapshot?**", timeout=60_000)
        assert page.url == f"{server.url}/snapshot?{LINK}"
        assert page.locator("table.kpis tr").count() == len(kpis.REPORT)
    finally:
        page.context.close()


def test_inside_a_current_wechat_the_planner_runs_and_says_to_open_the_browser_to_download(server, browser):
    page = new_page(browser, user_agent=CURRENT["Android XWEB on Chrome 130"], is_mobile=True, has_touch=True)
    try:
        goto_app(page, f"{server.url}/?{LINK}")
        assert "/snapshot" not in page.url
        hint = page.get_by_text("在浏览器打开以下载")
        hint.scroll_into_view_if_needed()
        assert hint.is_visible()
        card = page.locator("[data-testid='stLinkButton'] a").filter(has_text="打开预测图")
        assert card.get_attribute("href") == "/card.png?" + read_link(LINK).share_query
    finally:
        page.context.close()
