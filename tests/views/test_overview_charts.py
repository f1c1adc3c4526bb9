"""views.overview: the overview's ECharts options, checked without a server."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import breakdown
from planner.engine import SOURCES, simulate
from planner.report import source_label
from planner.scenario import Scenario
from views import overview as oc
from views.charts import FONT_FAMILY, chart_filename

NAME = chart_filename("overview", "daily_gmv", "zh", "2025-01-31")


@pytest.fixture(scope="module")
def paid_matrix():
    return simulate(Scenario(accounts=4, launch_every=10, gdt=3000, beans=800, coupons=500, days=60))


def values(series: dict, size: float) -> np.ndarray:
    return np.asarray(series["data"], dtype=float) * size


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("build", [oc.daily_gmv, oc.traffic_mix])
def test_an_option_is_json_with_a_cjk_font_a_title_and_a_2x_camera(paid_matrix, build, lang):
    option = build(paid_matrix, lang, NAME)
    text = json.dumps(option, ensure_ascii=False, allow_nan=False)  # plain JSON: no NaN, no callbacks
    assert "Infinity" not in text and "function" not in text
    assert option["textStyle"]["fontFamily"] == FONT_FAMILY and FONT_FAMILY.startswith('"Noto Sans CJK SC"')
    assert option["title"]["text"]
    camera = option["toolbox"]["feature"]["saveAsImage"]
    assert camera == {**camera, "pixelRatio": 2, "name": NAME, "type": "png"}
    assert option["animation"] is False  # a redraw shows the new numbers at once
    assert len(option["xAxis"]["data"]) == paid_matrix.days
    assert option["xAxis"]["data"][0] == ("第1天" if lang == "zh" else "Day 1")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_daily_gmv_stacks_one_series_per_active_source_to_the_daily_total(paid_matrix, lang):
    option = oc.daily_gmv(paid_matrix, lang, NAME)
    d = breakdown.daily_series(paid_matrix)
    size, axis_name, number = oc.units(float(d["gmv_total"].max()), lang, "gmv")
    assert [s["name"] for s in option["series"]] == [source_label(s, lang) for s in SOURCES]
    assert {s["stack"] for s in option["series"]} == {"gmv"}
    stacked = sum(values(s, size) for s in option["series"])
    np.testing.assert_allclose(stacked, d["gmv_total"], rtol=1e-5, atol=size * 1e-5)
    assert option["yAxis"][0]["name"] == axis_name
    assert option["tooltip"]["valueFormatter"] == number


def test_daily_gmv_leaves_out_tools_without_spend():
    option = oc.daily_gmv(simulate(Scenario(gdt=0, beans=0, coupon_free=0, coupons=0)), "zh", NAME)
    assert [s["name"] for s in option["series"]] == ["私域", "公域推荐"]


def test_traffic_mix_has_the_share_on_a_second_axis_and_the_benchmark(paid_matrix):
    option = oc.traffic_mix(paid_matrix, "zh", NAME)
    d = breakdown.daily_series(paid_matrix)
    size, axis_name, _ = oc.units(float(d["pv_total"].max()), "zh", "pv")
    areas = [s for s in option["series"] if s.get("stack") == "pv"]
    assert [s["name"] for s in areas] == [source_label(s, "zh") for s in SOURCES]
    np.testing.assert_allclose(sum(values(s, size) for s in areas), d["pv_total"], rtol=1e-5, atol=size * 1e-5)
    share, bench = option["series"][-2:]
    assert share["yAxisIndex"] == 1 and bench["yAxisIndex"] == 1
    np.testing.assert_allclose(share["data"], 100 * d["public_share"], atol=1e-3)
    assert bench["data"] == [100 * breakdown.PUBLIC_SHARE_BENCHMARK] * paid_matrix.days
    assert option["yAxis"][1]["max"] == 100 and option["yAxis"][1]["name"] == "公域占比（%）"
    assert option["yAxis"][0]["name"] == axis_name


def test_units_read_as_people_write_them():
    assert oc.units(123, "zh", "gmv")[1:] == ("GMV（元/天）", "%,.0f 元")
    assert oc.units(2.5e5, "zh", "gmv")[1:] == ("GMV（万元/天）", "%,.2f 万元")
    assert oc.units(3e8, "zh", "pv")[1:] == ("观看人数（亿人/天）", "%,.2f 亿人")
    assert oc.units(2.5e5, "en", "gmv")[1:] == ("GMV (K yuan per day)", "%,.2f K yuan")
    assert oc.units(12, "en", "pv")[1:] == ("Viewers (UV per day)", "%,.0f viewers")
    assert oc.units(4.2e6, "en", "pv")[1:] == ("Viewers (UV, M per day)", "%,.2f M viewers")


@settings(max_examples=60)
@given(vmax=st.floats(min_value=0, max_value=1e13, allow_nan=False), lang=st.sampled_from(["zh", "en"]))
def test_the_unit_keeps_axis_numbers_short(vmax, lang):
    """The largest value reads between 1 and 9,999 (zh: 元, 万, 亿) or 1 and 999 (en: K, M),
    except beyond the biggest unit."""
    size, _, _ = oc.units(vmax, lang, "gmv")
    top, biggest = (1e4, 1e8) if lang == "zh" else (1e3, 1e6)
    if vmax >= 1:
        assert vmax / size >= 1
    assert vmax / size < top or size == biggest
