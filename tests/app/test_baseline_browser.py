"""In a real browser: the baseline and the compare page's picks live in the address bar, so
the link reopens the same comparison; the budget page's "apply" writes whole 元 to the link and
keeps the per-account split on screen."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from planner import kpis
from planner.engine import simulate
from planner.report import totals
from planner.scenario import Scenario
from tests.conftest_browser import act_and_wait, goto_app, slider_input

pytestmark = pytest.mark.browser

SLOW_MS = 120_000  # a loaded machine: the optimiser and the first projection take a while


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def metric_delta(page, label: str) -> str:
    card = page.locator("[data-testid='stMetric']").filter(
        has=page.locator("[data-testid='stMetricLabel']", has_text=label)).first
    delta = card.locator("[data-testid='stMetricDelta']")
    return delta.inner_text().strip() if delta.count() else ""


def test_a_baseline_set_in_the_browser_is_in_the_link_and_reopens_with_its_changes(server, page):
    goto_app(page, server.url + "/?invites=5000", SLOW_MS)
    assert metric_delta(page, "退货后净成交") == ""
    act_and_wait(page, lambda: page.get_by_role("button", name="设为基准").click(), SLOW_MS)
    assert query_of(page)["base"] == ["invites:5000"]
    thumb = slider_input(page, "invites")
    act_and_wait(page, lambda: (thumb.focus(), thumb.press("PageUp")), SLOW_MS)  # one big step up
    moved = int(query_of(page)["invites"][0])
    assert moved > 5000 and query_of(page)["base"] == ["invites:5000"]
    want = totals(simulate(Scenario(invites=moved)))["net_gmv"] - totals(simulate(Scenario(invites=5000)))["net_gmv"]
    assert metric_delta(page, "退货后净成交") == kpis.change_text("net_gmv", want, "zh") + "（较基准）"
    # The same link in a new page: the same baseline, the same change.
    link = page.url
    other = page.context.new_page()
    goto_app(other, link, SLOW_MS)
    assert metric_delta(other, "退货后净成交") == kpis.change_text("net_gmv", want, "zh") + "（较基准）"
    # Another page keeps it in the address bar.
    act_and_wait(other, lambda: other.get_by_role("link", name="矩阵").click(), SLOW_MS)
    assert query_of(other)["base"] == ["invites:5000"]
    other.close()


def test_the_compare_picks_go_into_the_link_and_come_back_from_it(server, page):
    goto_app(page, server.url + "/compare?days=60", SLOW_MS)
    page.locator(".st-key-compare_b").click()  # opens the list: no rerun yet
    act_and_wait(page, lambda: page.get_by_role("option", name="粘贴分享链接…").click(), SLOW_MS)
    field = page.locator(".st-key-compare_b_link input")
    act_and_wait(page, lambda: (field.fill("?invites=4000&days=30"), field.press("Enter")), SLOW_MS)
    query = query_of(page)
    assert query["compare_b"] == ["粘贴分享链接…"] and query["compare_b_link"] == ["?invites=4000&days=30"]
    other = page.context.new_page()
    goto_app(other, page.url, SLOW_MS)
    assert other.locator(".st-key-compare_b_link input").input_value() == "?invites=4000&days=30"
    warning = other.locator("[data-testid='stAlert']").first.inner_text()
    assert "A 60 天" in warning and "B 30 天" in warning
    other.close()


def test_applying_an_optimal_split_writes_whole_yuan_and_keeps_the_split_on_screen(server, page):
    goto_app(page, server.url + "/budget?gdt=2000&beans=1500", SLOW_MS)
    act_and_wait(page, lambda: page.get_by_role("button", name="采用这个分配").first.click(), SLOW_MS)
    query = query_of(page)
    for tool in ("gdt", "beans", "coupons"):
        for value in query.get(tool, []):
            assert float(value).is_integer(), (tool, value)
    assert "beans_split" in query
    split_table = page.locator("[data-testid='stDataFrame']").nth(1)  # drawn on a canvas: no text to read
    assert split_table.is_visible() and split_table.bounding_box()["height"] > 100  # a row per account
    assert page.get_by_text("为什么各账号的边际ROI不同").is_visible()


def test_a_page_keys_notice_goes_once_its_widget_is_set(server, page):
    goto_app(page, server.url + "/budget?budget=abc", SLOW_MS)
    notices = page.locator("[data-testid='stCode']")
    assert "budget=abc" in notices.first.inner_text()
    field = page.locator(".st-key-budget input")
    act_and_wait(page, lambda: (field.fill("20000"), field.press("Enter")), SLOW_MS)
    assert query_of(page)["budget"] == ["20000"]
    assert "budget=abc" not in page.locator("body").inner_text()
