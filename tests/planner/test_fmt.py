"""planner.fmt: one formatter of a parameter's value, for every table, the card and the CLI."""

from __future__ import annotations

import pytest

from planner import fmt
from planner.params import BY_KEY, PARAMS


def test_param_value_units_and_percentages():
    assert fmt.param_value(BY_KEY["cvr"], 0.015, "zh") == "1.5%"
    assert fmt.param_value(BY_KEY["churn"], 0.002, "en", with_unit=True) == "0.2%"
    assert fmt.param_value(BY_KEY["aov"], 3000, "zh", with_unit=True) == "3,000元"
    assert fmt.param_value(BY_KEY["aov"], 3000, "en", with_unit=True) == "3,000 yuan"
    assert fmt.param_value(BY_KEY["aov"], 3000, "en") == "3,000"
    assert fmt.param_value(BY_KEY["aov_elasticity"], 0.3, "en", with_unit=True) == "0.3"
    assert fmt.param_value(BY_KEY["lev_cap"], 9, "zh", with_unit=True) == "9 (公域:引流)"
    assert fmt.param_value(BY_KEY["gdt_cpv"], 1.2 * 0.8, "en") == "0.96"  # float noise not shown


@pytest.mark.parametrize("p", PARAMS, ids=lambda p: p.key)
def test_param_value_shows_every_registry_value_exactly(p):
    """The default and both limits read back as the number they are (no rounding, no noise)."""
    for value in (p.default, p.min, p.max):
        text = fmt.param_value(p, value, "en").replace(",", "")
        shown = float(text.rstrip("%")) / (100 if p.percent else 1)
        assert shown == pytest.approx(float(value), rel=1e-12, abs=1e-12)
