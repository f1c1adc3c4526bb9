"""planner.tools: the table of paid tools and the one saturation curve the engine, the optimiser and
the tests use (pure, broadcasting functions, checked as PyMC-Marketing checks its transformers)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import tools
from planner.params import BY_KEY, PARAMS

money = st.floats(0, 1e7, allow_nan=False)
cpv = st.floats(0.05, 20, allow_nan=False)
ceiling = st.floats(1, 1e7, allow_nan=False)
rise = st.floats(0, 5, allow_nan=False)


@given(money, cpv, ceiling, rise)
def test_zero_in_zero_out_and_never_past_the_ceiling(spend, c, cap, r):
    assert tools.viewers_for_spend(0.0, c, cap, r) == 0
    v = float(tools.viewers_for_spend(spend, c, cap, r))
    assert 0 <= v <= cap * (1 + 1e-12)
    assert v <= spend / c * (1 + 1e-12)  # the first viewer is the cheapest


@given(st.lists(money, min_size=3, max_size=20), cpv, ceiling, rise)
def test_viewers_rise_and_bend_with_spend(spends, c, cap, r):
    s = np.sort(np.array(spends))
    v = tools.viewers_for_spend(s, c, cap, r)
    assert np.all(np.diff(v) >= -1e-9 * cap)
    slopes = tools.marginal_viewers(s, c, cap, r)
    assert np.all(np.diff(slopes) <= 1e-12)  # concave: each 元 buys no more than the one before


@given(cpv, ceiling, rise.filter(lambda r: r > 1e-6), st.floats(0, 1))
def test_cost_and_viewers_are_inverses_below_the_ceiling(c, cap, r, u):
    viewers = u * cap
    spend = tools.spend_for_viewers(viewers, c, cap, r)
    assert float(tools.viewers_for_spend(spend, c, cap, r)) == pytest.approx(viewers, rel=1e-9, abs=1e-9 * cap)
    assert spend <= tools.max_spend(c, cap, r) * (1 + 1e-12)


@given(cpv, ceiling, rise.filter(lambda r: r > 1e-6), st.floats(0, 1))
def test_spend_at_marginal_inverts_the_marginal(c, cap, r, u):
    # The spend at which the next 元 buys a given number of viewers buys exactly that many next.
    # (Checked this way round: with almost no rise the curve is almost straight, and the spend for
    # a slope is ill-conditioned, while the slope at a spend is not.)
    least = 1 / (c * (1 + r))  # the next 元's viewers at the ceiling, where a room takes its last
    slope = least + (0.0005 + 0.999 * u) * (1 / c - least)
    spend = tools.spend_at_marginal(slope, c, cap, r)
    assert float(tools.marginal_viewers(spend, c, cap, r)) == pytest.approx(slope, rel=1e-9)
    assert tools.spend_at_marginal(1.0 / c, c, cap, r) == pytest.approx(0, abs=1e-6 * tools.max_spend(c, cap, r))
    assert tools.spend_at_marginal(0.0, c, cap, r) == pytest.approx(tools.max_spend(c, cap, r))


def test_money_beyond_the_ceiling_buys_nothing_more_and_the_last_viewer_costs_the_top_bid():
    c, cap, r = 0.3, 6_000, 5 / 3
    top = tools.max_spend(c, cap, r)
    assert tools.viewers_for_spend(top, c, cap, r) == pytest.approx(cap)
    assert tools.viewers_for_spend(10 * top, c, cap, r) == pytest.approx(cap)
    assert tools.marginal_viewers(top, c, cap, r) == 0
    # DOMAIN: bids of 0.3–0.8 元 a viewer: 0.3 for the first, 0.8 for the last one the room takes.
    assert 1 / tools.marginal_viewers(0.0, c, cap, r) == pytest.approx(0.3)
    assert 1 / tools.marginal_viewers(top * (1 - 1e-9), c, cap, r) == pytest.approx(0.8, rel=1e-4)


def test_a_straight_line_without_a_rise():
    assert tools.viewers_for_spend(120.0, 1.2, 1_000, 0.0) == pytest.approx(100.0)
    assert tools.viewers_for_spend(1e6, 1.2, 1_000, 0.0) == pytest.approx(1_000)


def test_functions_broadcast_over_batch_axes():
    spend = np.linspace(0, 5_000, 12).reshape(3, 4, 1)
    c = np.array([1.2, 0.3, 0.4])
    v = tools.viewers_for_spend(spend, c, 2_000, tools.RISES)
    assert v.shape == (3, 4, 3)
    for k in range(3):
        loop = [float(tools.viewers_for_spend(x, c[k], 2_000, tools.RISES[k])) for x in spend.ravel()]
        np.testing.assert_allclose(v[..., k].ravel(), loop, rtol=1e-14)


def test_whole_heating_orders():
    # DOMAIN: heating orders are in steps of 500 beans; 1 元 buys 10 beans on Android, 7 on iOS.
    assert tools.yuan_per_order(0.0) == pytest.approx(50.0)
    assert tools.yuan_per_order(1.0) == pytest.approx(500 / 7)
    np.testing.assert_allclose(tools.whole_orders_yuan(np.array([0, 49.99, 50, 149.9, 150.0]), 0.0),
                               [0, 0, 50, 100, 150])
    # Within a ten-thousandth of n orders buys n: a link's shares are kept to 6 digits.
    assert tools.whole_orders_yuan(99.999, 0.0) == pytest.approx(100.0)


def test_a_beans_bid_costs_more_yuan_when_topped_up_on_ios():
    beans = tools.BY_KEY["beans"]
    assert tools.cost_per_viewer_yuan(beans, 0.3, 0.0) == pytest.approx(0.3)
    assert tools.cost_per_viewer_yuan(beans, 0.3, 1.0) == pytest.approx(0.3 * 10 / 7)
    assert tools.cost_per_viewer_yuan(tools.BY_KEY["gdt"], 1.2, 1.0) == 1.2


def test_each_tool_is_one_row_and_its_parameters_come_from_it():
    keys = [p.key for p in PARAMS]
    for tool in tools.TOOLS:
        assert tool.key in keys and f"{tool.key}_split" not in keys  # spend is a headline parameter
        for suffix, value in (("_cpv", tool.cpv), ("_cap", tool.ceiling), ("_prec", tool.precision)):
            assert BY_KEY[tool.key + suffix].default == value
        assert tool.label[0] and tool.label[1] and tool.colour.startswith("#") and tool.rise >= 0
    assert len({tool.colour for tool in tools.TOOLS}) == len(tools.TOOLS)
