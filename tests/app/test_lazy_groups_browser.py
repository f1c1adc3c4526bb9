"""Closed groups at their defaults are not drawn (views.controls.OPEN_PREFIX): in a real browser,
the link still carries every value, and Back and reload still give the same scenario."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from planner.link import to_query
from planner.params import DEFAULTS, HEADLINE_KEYS, group_label
from planner.presets import PRESETS
from tests.app.test_browser import expected_kpis, page_kpis
from tests.conftest_browser import act_and_wait, goto_app, slider_input

pytestmark = pytest.mark.browser

HORIZON = group_label("horizon", "zh")


def address_query(page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(page.url).query, keep_blank_values=True))


def sidebar_sliders(page) -> int:
    return page.locator("[data-testid='stSidebar'] [data-testid='stSlider']").count()


def test_a_group_opened_changed_and_closed_keeps_its_value_in_the_link(server, page):
    goto_app(page, f"{server.url}/?invites=5000")
    closed = sidebar_sliders(page)
    assert closed <= 12  # the headline sliders only: no group is open or off its defaults
    act_and_wait(page, lambda: page.get_by_text(HORIZON, exact=True).click())  # open: it reruns to draw
    assert sidebar_sliders(page) == closed + 3
    days = slider_input(page, "days")
    days.focus()
    act_and_wait(page, lambda: page.keyboard.press("ArrowRight"))
    value = address_query(page)["days"]
    act_and_wait(page, lambda: page.get_by_text(HORIZON, exact=True).click())  # closed again
    invites = slider_input(page, "invites")
    invites.focus()
    act_and_wait(page, lambda: page.keyboard.press("ArrowRight"))
    query = address_query(page)
    assert query["days"] == value and query["invites"] == "5100"  # the closed group's value stayed
    link = "&".join(f"{k}={v}" for k, v in query.items())
    assert page_kpis(page, "zh") == expected_kpis(link, "zh")
    goto_app(page, page.url)  # the address bar, opened again, is the same scenario
    assert address_query(page) == query and page_kpis(page, "zh") == expected_kpis(link, "zh")


@pytest.mark.parametrize("name", ["store_chain", "coffee_funnel"])
def test_a_preset_chosen_in_the_picker_puts_its_grouped_values_in_the_link(server, page, name):
    """A preset sets parameters of groups that were closed and not drawn: they are drawn (closed)
    with the preset's values, and the address bar is the preset's link."""
    goto_app(page, f"{server.url}/")
    preset = PRESETS[name]
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first.click()
    act_and_wait(page, lambda: page.get_by_role("option", name=preset.label("zh")).click())
    want = dict(parse_qsl(to_query(preset.scenario)))
    grouped = {k for k, v in preset.scenario.as_dict().items() if k not in HEADLINE_KEYS and v != DEFAULTS[k]}
    assert grouped and grouped <= set(address_query(page))
    assert {k: v for k, v in address_query(page).items() if k != "v"} == {k: v for k, v in want.items() if k != "v"}
    assert page_kpis(page, "zh") == expected_kpis(to_query(preset.scenario), "zh")



def test_back_after_a_preset_returns_to_the_scenario_before_it_through_consistent_steps(server, page):
    """A preset's writes add entries to the browser's history (the grouped values in one, then each
    headline slider it moved). Each Back shows exactly the numbers of its entry's link, grouped
    values included, whether their group is drawn or not, until the scenario before the preset;
    Forward goes the same way to the preset."""
    goto_app(page, f"{server.url}/?invites=5000")
    before = address_query(page)
    preset = PRESETS["store_chain"]
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first.click()
    act_and_wait(page, lambda: page.get_by_role("option", name=preset.label("zh")).click())
    chosen = address_query(page)
    steps = 0
    while address_query(page) != before:
        assert steps < 4, f"Back {steps} times and still not before the preset: {page.url}"
        act_and_wait(page, lambda: page.go_back(wait_until="commit"))
        steps += 1
        link = urlsplit(page.url).query
        assert page_kpis(page, "zh") == expected_kpis(link, "zh"), f"after Back {steps}: {link}"
    assert steps >= 1
    for _ in range(steps):
        act_and_wait(page, lambda: page.go_forward(wait_until="commit"))
    assert address_query(page) == chosen
    assert page_kpis(page, "zh") == expected_kpis(to_query(preset.scenario), "zh")
