"""views.charts: pure figure builders, checked without a server."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from planner import breakdown
from planner.engine import SOURCES, simulate
from planner.scenario import Scenario
from views import charts
from views.i18n import SOURCE_LABELS

CJK_FIRST = '"Noto Sans CJK SC"'


@pytest.fixture(scope="module")
def paid_matrix():
    return simulate(Scenario(accounts=4, launch_every=10, gdt=3000, beans=800, coupons=500, days=60))


@pytest.fixture(scope="module")
def single():
    return simulate(Scenario(accounts=1))


def builders(proj):
    return {
        "decomposition": lambda lang: charts.decomposition(proj, lang),
        "daily_gmv": lambda lang: charts.daily_gmv(proj, lang),
        "traffic_mix": lambda lang: charts.traffic_mix(proj, lang),
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
@pytest.mark.parametrize("name", ["decomposition", "daily_gmv", "traffic_mix", "heat_gmv", "heat_pv",
                                  "sankey", "stages"])
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_daily_gmv_has_one_stacked_trace_per_active_source(paid_matrix, lang):
    fig = charts.daily_gmv(paid_matrix, lang)
    names = [t.name for t in fig.data]
    assert names == [SOURCE_LABELS[lang][s] for s in SOURCES]
    assert fig.layout.barmode == "stack"
    d = breakdown.daily_series(paid_matrix)
    stacked = np.sum([np.asarray(t.y) for t in fig.data], axis=0)
    np.testing.assert_allclose(stacked, d["gmv_total"], rtol=1e-12)
    assert fig.layout.yaxis.title.text == ("GMV（元）" if lang == "zh" else "GMV (yuan)")
    assert fig.layout.xaxis.title.text


def test_daily_gmv_leaves_out_tools_without_spend():
    fig = charts.daily_gmv(simulate(Scenario(gdt=0, beans=0, coupon_free=0, coupons=0)), "zh")
    assert [t.name for t in fig.data] == ["私域", "公域推荐"]


def test_traffic_mix_has_share_on_a_second_axis_and_the_benchmark(paid_matrix):
    fig = charts.traffic_mix(paid_matrix, "zh")
    stacked = [t for t in fig.data if t.stackgroup]
    assert [t.name for t in stacked] == [SOURCE_LABELS["zh"][s] for s in SOURCES]
    share, bench = fig.data[-2], fig.data[-1]
    assert share.yaxis == "y2" and bench.yaxis == "y2"
    assert list(bench.y) == [breakdown.PUBLIC_SHARE_BENCHMARK] * 2
    assert max(share.y) <= 1.0
    assert fig.layout.yaxis2.title.text == "公域占比（%）"


def test_money_axis_ticks_use_wan_and_k(paid_matrix):
    zh = charts.daily_gmv(paid_matrix, "zh").layout.yaxis.ticktext
    en = charts.daily_gmv(paid_matrix, "en").layout.yaxis.ticktext
    assert any("万" in t for t in zh)
    assert any(t.endswith("K") for t in en)


@pytest.mark.parametrize("vmax", [0.0, 0.3, 7, 999, 12_345, 4.2e6, 1.67e8])
def test_nice_ticks_cover_the_maximum(vmax):
    ticks = charts.nice_ticks(vmax)
    assert ticks[0] == 0 and ticks[-1] >= vmax
    assert len(ticks) <= 12
    assert all(b > a for a, b in zip(ticks, ticks[1:], strict=False))


def test_tick_labels():
    assert charts.tick_label(25_000, "zh") == "2.5万"
    assert charts.tick_label(150_000_000, "zh") == "1.5亿"
    assert charts.tick_label(25_000, "en") == "25K"
    assert charts.tick_label(2_000, "zh") == "2,000"


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
