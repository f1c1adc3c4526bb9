"""The app on a phone inside WeChat: 390×844, touch, WeChat's in-app browser's user agent.

What a founder does with a link pasted into a WeChat group: sets an amount by typing it, and
reads the KPIs without opening the sidebar. The numbers are the CLI's for the same link.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from planner.link import from_query
from planner.scenario import Scenario
from tests.app.kpis import kpi_texts
from tests.app.test_browser import cli_totals
from tests.conftest_browser import PHONE_CONTEXT, PHONE_VIEWPORT, act_and_wait, goto_app, new_page

pytestmark = pytest.mark.browser

STRIP_LABELS = ("GMV", "退货后净成交", "投流后利润", "直播间ROI", "公域占比（UV）", "最高阶段")


@pytest.fixture
def phone(browser):
    page = new_page(browser, **PHONE_CONTEXT)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.context.close()
    assert not errors, f"uncaught errors in the page: {errors}"


def strip(page) -> dict[str, str]:
    """The phone's KPI strip as {label: value}."""
    out = {}
    for cell in page.locator(".kpi-strip .kpi-cell").all():
        out[cell.locator("span").inner_text().strip()] = cell.locator("b").inner_text().strip()
    return out


def in_view(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE_VIEWPORT["height"] and box["x"] >= 0 \
        and box["x"] + box["width"] <= PHONE_VIEWPORT["width"]


def sidebar_open(page) -> bool:
    return page.locator("[data-testid='stSidebar'][aria-expanded='true']").count() > 0


def test_typing_2000_yuan_of_beans_sets_the_link_and_the_kpis_in_view(server, phone):
    page = phone
    goto_app(page, f"{server.url}/?invites=5000&aov=300")
    assert not sidebar_open(page)
    beans = page.locator(".st-key-beans input")
    assert beans.count() == 1 and beans.is_visible()
    assert page.locator(".st-key-drag_beans").count() == 0  # no touch slider: too coarse on a phone
    beans.tap()
    beans.fill("2000")
    act_and_wait(page, lambda: beans.press("Enter"))

    query = parse_qs(urlsplit(page.url).query)
    assert float(query["beans"][-1]) == 2000
    scenario, notices = from_query(urlsplit(page.url).query)
    assert not notices and scenario == Scenario(invites=5000, aov=300, beans=2000)
    # What 2,000 元 buy: 20,000 beans on Android, 40 orders of 500.
    assert page.get_by_text("20,000 豆").first.is_visible()
    assert "40 个加热单" in page.get_by_text("20,000 豆").first.inner_text()

    expected = kpi_texts(cli_totals("invites=5000&aov=300&beans=2000"), "zh")
    page.wait_for_function("(gmv) => [...document.querySelectorAll('.kpi-strip b')].some((b) => b.innerText === gmv)",
                           arg=expected["GMV"], timeout=15_000)
    assert strip(page) == {label: expected[label] for label in STRIP_LABELS}
    # Read without opening anything: the strip is on screen next to the box just typed in.
    assert not sidebar_open(page)
    assert in_view(page.locator(".kpi-strip"))


def test_no_plotly_toolbar_and_tables_inside_the_screen(server, phone):
    page = phone
    goto_app(page, f"{server.url}/matrix?accounts=3&days=120")
    chart = page.locator("[data-testid='stPlotlyChart']").first
    chart.wait_for(timeout=60_000)
    chart.scroll_into_view_if_needed()
    chart.tap()
    page.wait_for_timeout(300)
    assert page.locator(".modebar-container .modebar-btn:visible").count() == 0
    # The page itself never scrolls sideways: wide content scrolls inside its own frame.
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE_VIEWPORT["width"]


TABLE_SCROLLS_JS = """() => [...document.querySelectorAll('[data-testid=stTable], [data-testid=stTable] *')].some((el) => {
  const x = getComputedStyle(el).overflowX;
  return (x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1;
})"""


def test_the_overview_table_scrolls_inside_its_frame(server, phone):
    page = phone
    goto_app(page, f"{server.url}/?beans=2000")
    page.locator("[data-testid='stTable']").first.wait_for()
    assert page.evaluate(TABLE_SCROLLS_JS), "the decomposition table neither fits nor scrolls in its frame"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"]
