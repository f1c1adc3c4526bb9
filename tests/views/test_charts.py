"""views.charts: pure figure builders, checked without a server."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from planner import breakdown
from planner.engine import simulate
from planner.scenario import Scenario
from views import charts

CJK_FIRST = '"Noto Sans CJK SC"'


@pytest.fixture(scope="module")
def paid_matrix():
    return simulate(Scenario(accounts=4, launch_every=10, gdt=3000, beans=800, coupons=500, days=60))


@pytest.fixture(scope="module")
def single():
    return simulate(Scenario(accounts=1))


def builders(proj):
    return {
        "heat_gmv": lambda lang: charts.weekly_heatmap(proj, "gmv", lang),
        "heat_pv": lambda lang: charts.weekly_heatmap(proj, "pv", lang),
        "sankey": lambda lang: charts.flow_sankey(proj, lang),
        "stages": lambda lang: charts.stage_chart(proj, lang),
    }


def _finite_numbers(obj) -> bool:
    """No NaN or inf anywhere a number is shown as text (labels, hover, ticks)."""
    text = json.dumps(obj, default=str)
    return "NaN" not in text.replace('"NaN"', "") and "Infinity" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["heat_gmv", "heat_pv", "sankey", "stages"])
def test_every_figure_has_data_and_a_cjk_font(paid_matrix, name, lang):
    fig = builders(paid_matrix)[name](lang)
    assert isinstance(fig, go.Figure)
    assert fig.data, f"{name} has no traces"
    assert fig.layout.font.family.startswith(CJK_FIRST)
    assert fig.layout.hoverlabel.font.family.startswith(CJK_FIRST)
    assert fig.layout.title.text
    # Each trace carries values (not an empty chart).
    for trace in fig.data:
        values = [getattr(trace, attr, None) for attr in ("y", "x", "z")]
        if isinstance(trace, go.Sankey):
            assert len(trace.link.value) > 0
        else:
            assert any(v is not None and len(v) > 0 for v in values)
    # Text shown to people never contains NaN or inf.
    for trace in fig.data:
        for attr in ("text", "customdata"):
            shown = getattr(trace, attr, None)
            if shown is not None:
                flat = np.asarray(shown, dtype=object).ravel()
                assert not any(str(x) in ("nan", "inf", "-inf", "NaN") for x in flat)


def test_heatmap_shapes_and_partial_week(paid_matrix):
    fig = charts.weekly_heatmap(paid_matrix, "gmv", "zh")
    heat = fig.data[0]
    assert np.asarray(heat.z).shape == (4, len(breakdown.week_bounds(60)))
    assert list(heat.y) == ["旗舰号", "新号1", "新号2", "新号3"]
    assert heat.x[-1].startswith("第9周")  # 60 days: the ninth week has 4 days
    assert "4天" in heat.x[-1]


def test_sankey_shows_the_handoff(paid_matrix):
    link = charts.flow_sankey(paid_matrix, "zh").data[0].link
    handoff = [c for c in link.customdata if c.startswith("旗舰号导流")]
    assert len(handoff) == 3  # to each satellite


def test_stage_chart_has_one_line_per_account(paid_matrix, single):
    assert [t.name for t in charts.stage_chart(paid_matrix, "en").data] == [
        "Flagship", "Satellite 1", "Satellite 2", "Satellite 3"]
    one = charts.stage_chart(single, "zh")
    assert len(one.data) == 1 and one.layout.showlegend is False
    assert one.layout.yaxis.type == "log"


def test_plotly_config_and_filename():
    name = charts.chart_filename("overview", "daily_gmv", "zh", "2025-01-31")
    assert name == "视频号_总览_每日GMV_2025-01-31"
    assert charts.chart_filename("matrix", "sankey", "en", "2025-01-31") == "shipinhao_matrix_flows-sankey_2025-01-31"
    cfg = charts.plotly_config(name)
    assert cfg["toImageButtonOptions"] == {"format": "png", "scale": 2, "filename": name}
    assert cfg["displaylogo"] is False


def test_figures_serialise_without_nan(paid_matrix):
    for build in builders(paid_matrix).values():
        fig = build("zh")
        # plotly writes NaN gaps (before a satellite launches) as null; nothing shown says NaN.
        for trace in fig.to_plotly_json()["data"]:
            for attr in ("text", "customdata", "hovertext"):
                if attr in trace:
                    assert _finite_numbers(trace[attr])


@pytest.mark.parametrize("days", [14, 60, 120, 365])
def test_a_phones_heatmap_has_no_cell_text_and_few_week_labels(days):
    proj = simulate(Scenario(accounts=3, days=days))
    wide = charts.weekly_heatmap(proj, "gmv", "zh").to_plotly_json()
    narrow = charts.weekly_heatmap(proj, "gmv", "zh", narrow=True).to_plotly_json()
    heat, axis = narrow["data"][0], narrow["layout"]["xaxis"]
    assert "texttemplate" not in heat and "text" not in heat
    assert 1 <= len(axis["tickvals"]) <= charts.NARROW_MAX_WEEK_TICKS
    assert set(axis["tickvals"]) <= set(heat["x"]) and axis["tickvals"][0] == heat["x"][0]
    assert axis["ticktext"] == [str(heat["x"].index(v) + 1) for v in axis["tickvals"]]  # week numbers
    assert heat["z"] == wide["data"][0]["z"] and heat["customdata"] == wide["data"][0]["customdata"]


def test_the_plotly_toolbar_is_off_on_a_phone_only():
    assert "displayModeBar" not in charts.plotly_config("x")
    assert charts.plotly_config("x", touch=True)["displayModeBar"] is False
    assert charts.plotly_config("x", touch=True)["toImageButtonOptions"]["filename"] == "x"


# --- legends: one look per series -------------------------------------------------------------

def legend_looks(fig) -> list[tuple[str, str | None, str]]:
    """(colour, dash, name) of every trace the legend lists."""
    looks = []
    for trace in fig.data:
        if trace.showlegend is False or not trace.name:
            continue
        line = getattr(trace, "line", None)
        colour = (line.color if line is not None and line.color else None) or getattr(trace.marker, "color", None)
        dash = (line.dash if line is not None else None) or "solid"
        mode = getattr(trace, "mode", None) or ""
        looks.append((str(colour), dash if "lines" in mode else "marker:" + str(getattr(trace.marker, "symbol", "")),
                      trace.name))
    return looks


def assert_one_look_per_series(fig) -> None:
    looks = legend_looks(fig)
    seen = {}
    for colour, dash, name in looks:
        assert (colour, dash) not in seen, f"{name} and {seen[(colour, dash)]} look the same in the legend"
        seen[(colour, dash)] = name


def test_every_account_of_a_big_matrix_has_its_own_line():
    fig = charts.stage_chart(simulate(Scenario(accounts=20, launch_every=1, days=40)), "zh")
    assert len(legend_looks(fig)) == 20
    assert_one_look_per_series(fig)


def test_the_budget_curves_give_each_series_its_own_look():
    from planner import budget
    from views import budget as bc

    curves = budget.response_curves(Scenario(gdt=2000.0, beans=1000.0, coupons=500.0))
    for tool in budget.TOOLS:
        for lang in ("zh", "en"):
            assert_one_look_per_series(bc.curve_figure(curves[tool], lang))


@pytest.mark.parametrize(("lang", "month_word"), [("zh", "月"), ("en", "Mar")])
def test_a_date_axis_ticks_in_the_pages_language(lang, month_word):
    """Rendered by Plotly itself (Kaleido): the tick labels a browser draws."""
    import re

    fig = go.Figure(go.Scatter(x=["2025-03-01", "2025-03-15", "2025-04-10"], y=[1, 2, 3]))
    fig.update_xaxes(**charts.date_axis(lang))
    svg = fig.to_image(format="svg").decode()
    ticks = re.findall(r'class="xtick"[^>]*>.*?<text[^>]*>(.*?)</text>', svg)
    assert ticks and all(month_word in tick for tick in ticks if tick.startswith(("3", "Mar")))
    english_months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    assert (lang == "en") == any(m in tick for tick in ticks for m in english_months)
