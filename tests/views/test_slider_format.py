"""A slider prints every stop it can stop at as that stop (0.25 sessions a week read 0.2)."""

import pytest

from planner.params import PARAMS
from views.controls import slider_format

PRINTF_PARAMS = [p for p in PARAMS if not p.percent]


@pytest.mark.parametrize("p", PRINTF_PARAMS, ids=lambda p: p.key)
def test_each_slider_stop_prints_as_itself(p):
    fmt = slider_format(p).replace(",", "")  # Streamlit's "%,.2f" is printf's "%.2f" with separators
    stops = max(1, min(200, round((p.max - p.min) / p.step)))
    for k in range(stops + 1):
        value = p.min + k * p.step
        assert float(fmt % value) == pytest.approx(value, abs=1e-9), (p.key, value, fmt % value)
