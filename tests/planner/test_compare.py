"""Comparing scenarios (``planner.compare``) and ``python -m planner compare``."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import compare as C
from planner.cli import main
from planner.engine import SOURCES, simulate
from planner.link import to_query
from planner.presets import PRESETS
from planner.report import summary
from planner.scenario import Scenario

from . import strategies as S

SMALL = dict(days=st.integers(7, 30), accounts=st.integers(1, 4))
finite = st.floats(0, 1e6, allow_nan=False, allow_infinity=False)


def assert_adds_up(d: dict) -> None:
    # To float precision: rounding errors scale with the terms summed, not with the difference.
    scale = max(abs(d["gmv_a"]), abs(d["gmv_b"]), sum(abs(part["value"]) for part in d["parts"]), 1.0)
    total = sum(part["value"] for part in d["parts"])
    assert abs(total - d["difference"]) <= 1e-9 * scale
    assert abs(sum(d["by_factor"].values()) - d["difference"]) <= 1e-9 * scale
    assert abs(sum(d["by_source"].values()) - d["difference"]) <= 1e-9 * scale


@given(finite, finite, finite, finite, finite, finite)
def test_shapley_effects_add_up_to_the_change_of_the_product(x0, y0, z0, x1, y1, z1):
    effects = C.shapley3(x0, y0, z0, x1, y1, z1)
    scale = max(x * y * z for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)) + 1.0  # the terms summed
    assert abs(sum(float(e) for e in effects) - (x1 * y1 * z1 - x0 * y0 * z0)) <= 1e-12 * scale


def test_shapley_of_one_changed_factor_is_all_that_factor():
    dx, dy, dz = C.shapley3(2.0, 3.0, 5.0, 4.0, 3.0, 5.0)
    assert (dx, dy, dz) == (30.0, 0.0, 0.0)


@given(S.scenarios(**SMALL), S.scenarios(**SMALL))
def test_waterfall_parts_add_up_to_the_gmv_difference(a, b):
    pa, pb = simulate(a), simulate(b)
    d = C.decompose(pa, pb)
    assert len(d["parts"]) == len(SOURCES) * len(C.FACTORS)
    assert d["gmv_a"] == pytest.approx(summary(pa)["gmv"][0], rel=1e-12, abs=1e-6)
    assert d["gmv_b"] == pytest.approx(summary(pb)["gmv"][0], rel=1e-12, abs=1e-6)
    assert_adds_up(d)
    # Antisymmetric: B → A is A → B with every part negated.
    back = C.decompose(pb, pa)
    for fwd, rev in zip(d["parts"], back["parts"], strict=True):
        assert rev["value"] == pytest.approx(-fwd["value"], rel=1e-12, abs=1e-9)


@pytest.mark.parametrize("a, b", [(x, y) for x in PRESETS for y in PRESETS if x < y])
def test_waterfall_adds_up_between_presets(a, b):
    assert_adds_up(C.decompose(simulate(PRESETS[a].scenario), simulate(PRESETS[b].scenario)))


def test_identical_scenarios_have_no_parts():
    p = simulate(Scenario(days=20))
    d = C.decompose(p, p)
    assert d["difference"] == 0 and all(part["value"] == 0 for part in d["parts"])
    assert C.visible_parts(d) == []


def test_a_tool_switched_on_is_all_volume():
    a, b = simulate(Scenario(days=20)), simulate(Scenario(days=20, gdt=5_000))
    parts = {(p["source"], p["factor"]): p["value"] for p in C.decompose(a, b)["parts"]}
    assert parts[("gdt", "pv")] > 0
    assert parts[("gdt", "cvr")] == 0 and parts[("gdt", "aov")] == 0


def test_only_aov_changed_shows_an_aov_effect_equal_to_gmv_at_old_volume():
    # With the room-quality feedback switched off, and conversion not depending on the order value,
    # AOV moves nothing else: all of ΔGMV is AOV.
    flat = dict(days=20, lev_cap=1, weight_speed=0, capture=0, aov_elasticity=0)
    a, b = simulate(Scenario(**flat)), simulate(Scenario(**flat, aov=300))
    d = C.decompose(a, b)
    assert d["by_factor"]["aov"] == pytest.approx(d["difference"], rel=1e-12)
    assert abs(d["by_factor"]["pv"]) < 1e-6 and abs(d["by_factor"]["cvr"]) < 1e-6
    # With it (the default), a dearer order converts less: the CVR part is negative, the AOV part
    # larger than the whole change.
    elastic = {k: v for k, v in flat.items() if k != "aov_elasticity"}
    d = C.decompose(simulate(Scenario(**elastic)), simulate(Scenario(**elastic, aov=300)))
    assert d["by_factor"]["cvr"] < 0 < d["difference"] < d["by_factor"]["aov"]


def test_kpi_table_deltas_are_against_the_first_scenario():
    projs = [simulate(Scenario(days=20)), simulate(Scenario(days=20, aov=300)),
             simulate(Scenario(days=20, gdt=2_000))]
    rows = {r["key"]: r for r in C.kpi_table(projs)}
    gmv = rows["gmv"]
    assert gmv["deltas"][0] is None and gmv["deltas"][1] == gmv["values"][1] - gmv["values"][0]
    assert gmv["ratios"][2] == pytest.approx((gmv["values"][2] - gmv["values"][0]) / gmv["values"][0])
    assert rows["roi"]["values"][0] is None and rows["roi"]["deltas"][2] is None  # no spend, no ROI
    assert rows["spend"]["ratios"][2] is None  # from 0
    with pytest.raises(ValueError):
        C.kpi_table(projs + projs[:1])


def test_daily_gmv_overlays_different_horizons():
    d = C.daily_gmv([simulate(Scenario(days=10)), simulate(Scenario(days=20))])
    assert d["day"].tolist() == list(range(1, 21))
    assert [len(g) for g in d["gmv"]] == [10, 20]
    assert np.all(d["gmv"][1] >= 0)


# --- the CLI --------------------------------------------------------------------------------

def test_compare_json(capsys):
    a, b = to_query(Scenario(days=20)), "https://x.example/?days=20&aov=300&gdt=3000"
    assert main(["compare", a, b, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert set(doc) == {"a", "b", "deltas", "ratios", "waterfall"} and err == ""
    assert set(doc["a"]) == {"query", "notices", "kpis"}
    assert set(doc["a"]["kpis"]) == set(C.KPI_KEYS) == set(doc["deltas"])
    assert doc["deltas"]["gmv"] == pytest.approx(doc["b"]["kpis"]["gmv"] - doc["a"]["kpis"]["gmv"])
    w = doc["waterfall"]
    assert set(w) == {"gmv_a", "gmv_b", "difference", "parts", "by_factor", "by_source", "method"}
    assert_adds_up(w)
    assert w["gmv_b"] == pytest.approx(doc["b"]["kpis"]["gmv"])


@pytest.mark.parametrize("lang, words", [("zh", ["指标", "GMV 差异拆解", "广点通 · 场观"]),
                                         ("en", ["KPI", "GMV difference", "Tencent Ads · PV"])])
def test_compare_table(capsys, lang, words):
    assert main(["compare", "days=20", "days=20&gdt=3000", "--lang", lang]) == 0
    out = capsys.readouterr()[0]
    for w in words:
        assert w in out


@pytest.mark.parametrize("argv", [["days=20"], ["days=20", "aov=abc"], ["cvr_range=0.3,0.1", "days=20"],
                                  ["days=20", "days=20", "--format", "xml"], ["days=20", "days=20", "extra"]])
def test_compare_bad_input_exits_2_with_one_line(capsys, argv):
    assert main(["compare", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("planner: error:")


def test_compare_lenient_accepts_a_bad_link(capsys):
    assert main(["compare", "days=20", "days=20&aov=abc", "--lenient", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["b"]["notices"] and "aov=abc" in err


# --- different horizons: averages per day or per month, never extra days booked as viewers -------

@settings(max_examples=15, deadline=None)
@given(S.scenarios(**SMALL), st.integers(7, 30))
def test_per_month_the_parts_add_up_to_the_difference_of_monthly_averages(scenario, other_days):
    a = simulate(scenario)
    b = simulate(Scenario(**{**scenario.as_dict(), "days": other_days}, split=scenario.split))
    d = C.decompose(a, b, per_days=C.MONTH_DAYS)
    assert_adds_up(d)
    monthly = [summary(p)["gmv"] * C.MONTH_DAYS / p.days for p in (a, b)]
    assert d["gmv_a"] == pytest.approx(monthly[0], rel=1e-9, abs=1e-6)
    assert d["gmv_b"] == pytest.approx(monthly[1], rel=1e-9, abs=1e-6)
    # Nothing changed but the horizon: no part of the difference is conversion or order value.
    assert abs(d["by_factor"]["aov"]) <= 1e-6 * max(monthly + [1.0])


def test_the_same_scenario_over_twice_the_days_is_not_booked_as_a_month_of_viewers():
    a, b = simulate(Scenario(days=30)), simulate(Scenario(days=60))
    assert C.horizons_differ([a, b]) and not C.horizons_differ([a, a])
    second_month = summary(b)["gmv"] - summary(a)["gmv"]
    # Totals book the whole second month as a PV effect…
    assert C.decompose(a, b)["by_factor"]["pv"] == pytest.approx(second_month, rel=0.05)
    # …an average month books only how much the 60-day average month exceeds the first month.
    monthly = C.decompose(a, b, per_days=C.MONTH_DAYS)
    assert monthly["difference"] == pytest.approx(summary(b)["gmv"] / 2 - summary(a)["gmv"])
    assert monthly["by_factor"]["pv"] < 0.6 * second_month


def test_per_day_kpis_divide_totals_by_the_horizon_and_leave_ratios_alone():
    p = simulate(Scenario(days=60, gdt=2000.0))
    whole, per_day = C.kpis(p), C.kpis(p, per_days=1)
    for key in C.KPI_KEYS:
        if key in C.PER_DAY_KPIS:
            assert per_day[key] == pytest.approx(whole[key] / 60)
        else:
            assert per_day[key] == whole[key]
    rows = C.kpi_table([p, simulate(Scenario(days=30, gdt=2000.0))], per_days=C.MONTH_DAYS)
    assert next(r for r in rows if r["key"] == "gmv")["values"][0] == pytest.approx(whole["gmv"] / 2)
