"""views.theme: the one home of colours, fonts, the Plotly layout, ticks and parameter values."""

from __future__ import annotations

import math
import re

import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import fmt
from planner.engine import SOURCES
from planner.tools import TOOLS
from views import theme

# --- colours and fonts ----------------------------------------------------------------------

def test_every_source_has_one_colour_and_each_tool_its_own_rows():
    assert tuple(theme.SOURCE_COLORS) == SOURCES
    for tool in TOOLS:
        assert theme.SOURCE_COLORS[tool.key] == tool.colour
    assert theme.SOURCE_COLORS["private"] == theme.GREEN and theme.SOURCE_COLORS["public"] == theme.BLUE
    assert len(set(theme.SOURCE_COLORS.values())) == len(SOURCES), "two sources drawn alike"


def test_the_font_stack_starts_with_a_cjk_font():
    assert theme.FONT_FAMILY.startswith('"Noto Sans CJK SC"')
    assert theme.FONT_FAMILY.endswith("sans-serif")


def test_the_layout_uses_the_cjk_font_everywhere_and_takes_overrides():
    fig = theme.style(go.Figure(), "标题", height=300, legend=False, margin=dict(l=10, r=10, t=10, b=10))
    layout = fig.layout
    for family in (layout.font.family, layout.hoverlabel.font.family, layout.title.font.family,
                   layout.legend.font.family):
        assert family == theme.FONT_FAMILY
    assert layout.title.text == "标题" and layout.height == 300 and layout.showlegend is False
    assert layout.margin.l == 10


def test_every_figure_reaches_the_browser_with_the_white_template():
    """plotly.js knows no template by name: the white one is sent whole in each figure's spec. It
    is Plotly's default from views.theme on (a named one was deep-copied on every layout)."""
    import plotly.io as pio

    from planner.budget import response_curves
    from planner.scenario import Scenario
    from views import budget

    white = pio.templates["plotly_white"].to_plotly_json()
    for fig in (theme.style(go.Figure(), "标题"), budget.curve_figure(response_curves(Scenario(), points=5)["gdt"], "zh")):
        spec = fig.to_plotly_json()["layout"]
        assert go.layout.Template(spec["template"]).to_plotly_json() == white and "plot_bgcolor" in spec


def test_rgba():
    assert theme.rgba("#07C160", 0.5) == "rgba(7,193,96,0.5)"


# --- ticks ------------------------------------------------------------------------------------

@pytest.mark.parametrize("vmax", [0.0, 0.3, 7, 999, 12_345, 4.2e6, 1.67e8])
def test_nice_ticks_cover_the_maximum(vmax):
    ticks = theme.nice_ticks(vmax)
    assert ticks[0] == 0 and ticks[-1] >= vmax
    assert len(ticks) <= 12
    assert all(b > a for a, b in zip(ticks, ticks[1:], strict=False))


def test_nice_ticks_are_round_steps():
    assert theme.nice_ticks(10.6e4) == [0, 2.5e4, 5e4, 7.5e4, 10e4, 12.5e4]
    assert theme.nice_ticks(0) == [0.0, 1.0]  # nothing to cover: still an axis
    assert theme.nice_ticks(math.nan) == [0.0, 1.0]


AXIS_ENDS = st.floats(-1e10, 1e10).filter(lambda x: x == 0 or abs(x) > 1e-6)


@given(lo=AXIS_ENDS, hi=AXIS_ENDS)
def test_nice_ticks_cover_both_ends_and_zero_with_one_step(lo, hi):
    ticks = theme.nice_ticks(hi, lo)
    step = ticks[1] - ticks[0]
    assert all(math.isclose(b - a, step) for a, b in zip(ticks, ticks[1:], strict=False))
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m) for m in (1, 2, 2.5, 5, 10))
    # Covered up to a billionth of a step (so float noise does not add a tick), 0 included.
    assert ticks[0] <= min(lo, 0.0) + 1e-9 * step and ticks[-1] >= max(hi, 0.0) - 1e-9 * step
    assert 0.0 in ticks
    assert len(ticks) <= 12


def test_tick_labels():
    assert theme.tick_label(25_000, "zh") == "2.5万"
    assert theme.tick_label(150_000_000, "zh") == "1.5亿"
    assert theme.tick_label(25_000, "en") == "25K"
    assert theme.tick_label(2_000, "zh") == "2,000"
    assert theme.tick_label(-50_000, "zh") == "-5万"
    assert theme.tick_label(2.5e9, "en") == "2.5B"


def test_money_ticks_read_like_fmt_money_without_trailing_zeros():
    assert theme.tick_label(15_000, "zh", "money") == "1.5万元"
    assert theme.tick_label(20_000, "zh", "money") == "2万元"
    assert theme.tick_label(5_000, "zh", "money") == "5,000元"
    assert theme.tick_label(1_500_000, "en", "money") == "1.5M 元"
    assert theme.tick_label(0, "en", "money") == "0 元"
    # A round tick reads as fmt.money would write it, less the zeros after the point.
    for x, zh, en in ((1.25e5, "12.5万元", "125K 元"), (7.5e7, "7,500万元", "75M 元"), (3e8, "3亿元", "300M 元")):
        assert _without_trailing_zeros(fmt.money(x, "zh")) == theme.tick_label(x, "zh", "money") == zh
        assert _without_trailing_zeros(fmt.money(x, "en")) == theme.tick_label(x, "en", "money") == en


def _without_trailing_zeros(text: str) -> str:
    number, point, rest = re.match(r"^(-?[\d,]+)(\.\d+)?(.*)$", text).groups()
    return number + (point or "").rstrip("0").rstrip(".") + rest


def test_percent_ticks():
    assert theme.tick_text([0, 0.25, -0.05, 1.0], "zh", "percent") == ["0%", "25%", "-5%", "100%"]


def test_scale_for_uses_fmts_magnitudes_and_can_stop_early():
    assert theme.scale_for(2.5e5, "zh") == (1e4, "万")
    assert theme.scale_for(3e9, "en") == (1e9, "B")
    assert theme.scale_for(3e9, "en", largest=1e8) == (1e6, "M")
    assert theme.scale_for(3e9, "zh", largest=1e8) == (1e8, "亿")
    assert theme.scale_for(999, "en") == (1.0, "")
    assert {suffix for _, suffix in fmt.magnitudes("zh")} == {"万", "亿"}


def test_value_axis_includes_zero_and_pads_only_where_it_goes():
    up = theme.value_axis(0.0, 10.6e4, "zh")
    assert up["tickvals"][0] == 0 and up["range"][0] == 0.0 and up["range"][1] > up["tickvals"][-1]
    assert up["ticktext"] == ["0", "2.5万", "5万", "7.5万", "10万", "12.5万"]
    both = theme.value_axis(-3e4, 8e4, "en")
    assert both["range"][0] < both["tickvals"][0] <= -3e4 and 0.0 in both["tickvals"]
    assert both["ticktext"][both["tickvals"].index(0.0)] == "0"


def test_finite_span():
    assert theme.finite_span([3.0, math.nan, -1.0, math.inf]) == (-1.0, 3.0)
    assert theme.finite_span([]) == (0.0, 1.0)
