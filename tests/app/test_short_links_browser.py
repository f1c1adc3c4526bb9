"""Short share links in a real browser (issue 15): a short link opens with the CLI's numbers, on a
desktop and on a phone inside WeChat; the address bar and the sidebar's share link hold the same
short form; float noise in a link is rounded alike in the address bar and on screen."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from planner.link import from_query, to_query
from tests.app.test_browser import expected_kpis, page_kpis
from tests.conftest_browser import RUN_TIMEOUT_MS, RUN_TRACKER_JS, act_and_wait, goto_app, slider_input

pytestmark = pytest.mark.browser

SHORT = "v=2&invites=5000&cvr=0.008&aov=300&beans=2000&accounts=2"
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/120.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64")


def address_query(page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(page.url).query, keep_blank_values=True))


def share_link(page) -> str:
    page.get_by_text("复制分享链接", exact=True).first.click()  # a popover: no rerun
    code = page.locator("[data-testid='stCode'] code").filter(has_text="v=2").first
    code.wait_for()
    return code.inner_text().strip()


def test_a_short_link_shows_the_clis_numbers_and_stays_short(server, page):
    goto_app(page, f"{server.url}/?{SHORT}")
    assert page_kpis(page, "zh") == expected_kpis(SHORT, "zh")
    assert address_query(page) == dict(parse_qsl(SHORT))  # v= kept, nothing added
    assert share_link(page) == f"{server.url}/?{SHORT}"
    # A slider move keeps the bar a short link with its version.
    thumb = slider_input(page, "invites")
    thumb.focus()
    act_and_wait(page, lambda: page.keyboard.press("ArrowRight"))
    assert address_query(page) == {**dict(parse_qsl(SHORT)), "invites": "5100"}
    moved = "&".join(f"{k}={v}" for k, v in address_query(page).items())
    assert page_kpis(page, "zh") == expected_kpis(moved, "zh")


def test_a_fractional_slider_writes_its_value_without_float_noise(server, page):
    goto_app(page, f"{server.url}/?{SHORT}")
    # 0.008 + 3 × 0.0005, then down 7 steps: 0.006 (sums of 0.0005 in binary are not exact)
    for key, steps, want in (("cvr", ["ArrowRight"] * 3, "0.0095"), ("cvr", ["ArrowLeft"] * 7, "0.006")):
        thumb = slider_input(page, key)
        thumb.focus()
        for press in steps:
            act_and_wait(page, lambda press=press: page.keyboard.press(press))
        assert address_query(page)[key] == want
    moved = "&".join(f"{k}={v}" for k, v in address_query(page).items())
    # the bar holds the canonical short link's keys and values (Streamlit orders them its own way)
    assert dict(parse_qsl(to_query(from_query(moved)[0]))) == address_query(page)
    assert page_kpis(page, "zh") == expected_kpis(moved, "zh")


def test_float_noise_in_a_link_is_rounded_in_the_bar_and_on_screen(server, page):
    goto_app(page, f"{server.url}/?beans=4411.764705882352&show=0.06400000000001")
    rounded = "v=2&beans=4412&show=0.064"
    assert address_query(page) == dict(parse_qsl(rounded))
    assert to_query(from_query(rounded)[0]) == rounded
    assert page_kpis(page, "zh") == expected_kpis(rounded, "zh")


def test_a_short_link_on_a_phone_in_wechat_shows_the_clis_numbers(server, browser):
    context = browser.new_context(user_agent=WECHAT_UA, has_touch=True, is_mobile=True,
                                  viewport={"width": 390, "height": 844})
    context.set_default_timeout(RUN_TIMEOUT_MS)
    context.add_init_script(RUN_TRACKER_JS)  # as tests.conftest_browser.new_page, at a phone's size
    phone = context.new_page()
    try:
        goto_app(phone, f"{server.url}/?{SHORT}")
        assert page_kpis(phone, "zh") == expected_kpis(SHORT, "zh")
        assert address_query(phone) == dict(parse_qsl(SHORT))
    finally:
        phone.context.close()
