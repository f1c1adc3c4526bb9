"""What only a real browser shows of ranges by default and the exports: the 区间 page drawing a
band with nothing set up, and the Excel download carrying the page's share link as a hyperlink."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from planner import fmt, uncertainty
from planner.link import from_query
from planner.report import DAILY_KEYS
from planner.text import t
from tests.conftest_browser import act_and_wait, goto_app
from views import uncertainty as uncertainty_view

pytestmark = pytest.mark.browser

QUERY = "invites=3000&days=60&accounts=3&draws=300&seed=7"  # the link: no range set

# The P10–P90 band of the first fan chart: Plotly draws a filled area as a path under ``.fills``;
# its height on screen is the band's width.
BAND_HEIGHT_JS = """() => {
  const chart = document.querySelector('[data-testid="stPlotlyChart"]');
  const fills = chart ? [...chart.querySelectorAll('.fills path, path.js-fill')] : [];
  return Math.max(0, ...fills.map((p) => p.getBoundingClientRect().height));
}"""


def test_the_ranges_page_draws_bands_and_a_real_chance_with_nothing_set_up(server, page):
    goto_app(page, f"{server.url}/uncertainty?{QUERY}", timeout_ms=120_000)
    page.wait_for_function("() => document.querySelector('[data-testid=\"stPlotlyChart\"] .main-svg')",
                           timeout=60_000)
    assert page.evaluate(BAND_HEIGHT_JS) > 20  # a band, not a line
    scenario, _ = from_query(QUERY)
    mc = uncertainty.monte_carlo(scenario)
    _, target, chance = uncertainty.target_ladder(mc)[1]
    value = page.locator("[data-testid='stMetricValue']").first
    value.wait_for(timeout=60_000)
    assert value.inner_text().strip() == fmt.percent(chance)
    assert value.inner_text().strip() not in ("0.0%", "100.0%")
    label = page.locator("[data-testid='stMetricLabel']").first.inner_text()
    assert fmt.money(target, "zh") in label


def test_a_click_on_another_metrics_tab_draws_that_metrics_bands(server, page):
    """Only the open tab's fan charts are built (views.tabs): a click must bring the other's."""
    goto_app(page, f"{server.url}/uncertainty?{QUERY}", timeout_ms=120_000)
    titles = page.locator("[data-testid='stPlotlyChart'] .gtitle")
    titles.first.wait_for(timeout=60_000)
    net = uncertainty_view.metric_label("net_gmv", "zh")
    assert net not in titles.first.text_content()
    act_and_wait(page, lambda: page.get_by_role("tab", name=net).click())
    page.locator("[data-testid='stPlotlyChart'] .gtitle").filter(has_text=net).first.wait_for()
    assert page.get_by_role("tab", name=net).get_attribute("aria-selected") == "true"


def test_the_excel_download_links_back_to_the_page(server, page):
    goto_app(page, f"{server.url}/?{QUERY}", timeout_ms=120_000)
    button = page.locator("[data-testid='stDownloadButton'] button").filter(has_text=t("export.dl_xlsx", "zh"))
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=90_000) as info:
        button.click()
    wb = load_workbook(io.BytesIO(info.value.path().read_bytes()))
    daily = wb.worksheets[0]
    link = daily["B1"].hyperlink.target
    assert link.startswith(server.url) and daily["B1"].value == link
    assert from_query(link)[0] == from_query(QUERY)[0]  # the same scenario opens from it
    share = daily.cell(row=3, column=DAILY_KEYS.index("public_share") + 1)
    assert share.number_format == "0.0%" and 0 < share.value < 1
    assert daily.cell(row=daily.max_row, column=1).value == t("export.total", "zh")
