"""Presets are documented cases from DOMAIN.md: check each tells the story it claims."""

import pytest

from planner import PRESETS, from_query, simulate
from planner.report import totals

MONTH_DAYS = 30


def _totals(name):
    return totals(simulate(PRESETS[name].scenario))


def test_apparel_matrix_reaches_about_55_million_a_month_without_paid_traffic():
    preset = PRESETS["apparel_matrix"].scenario
    t = _totals("apparel_matrix")
    monthly = t["gmv"] / preset.days * MONTH_DAYS
    assert preset.accounts == 6
    assert t["spend"] == 0
    assert monthly == pytest.approx(55e6, rel=0.15)  # DOMAIN: about 55 million 元 a month
    assert t["public_share"] > 0.8  # a healthy mature room: over 80% public


def test_retail_chain_is_driven_by_a_huge_private_pool():
    preset = PRESETS["retail_guides"].scenario
    assert preset.pool >= 3_000_000  # DOMAIN: Watsons reaches about 3 million consumers
    assert _totals("retail_guides")["pv_by_source"]["private"] > 0


def test_coffee_funnel_builds_the_private_pool_more_than_it_sells():
    proj = simulate(PRESETS["coffee_funnel"].scenario)
    flagship_pool = proj.pool[0, :, 0]
    assert flagship_pool[-1] > flagship_pool[0]  # the room is a funnel into the private domain
    assert PRESETS["coffee_funnel"].scenario.aov < 100


def test_expert_account_sells_high_value_goods_with_paid_traffic():
    preset = PRESETS["expert_high_aov"].scenario
    t = _totals("expert_high_aov")
    assert preset.accounts == 1 and preset.aov >= 1000
    assert t["spend_by_tool"]["gdt"] > 0 and t["roi"] is not None


def test_cold_start_preset_starts_cold():
    proj = simulate(PRESETS["cold_start_beans"].scenario)
    assert proj.stage[0, 0, 0] == 0  # cold start on day one


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_is_a_link(name):
    preset = PRESETS[name]
    scenario, notices = from_query("?" + preset.query())
    assert notices == [] and scenario == preset.scenario
    assert preset.label("zh") and preset.label("en") and preset.story("zh") and preset.story("en")
