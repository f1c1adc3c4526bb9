"""Ranges, Monte Carlo bands, the chance of a target and sensitivity (``planner.uncertainty``),
and the ranges, draws and seed in the scenario and its link (``planner.scenario``)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import uncertainty as U
from planner.cli import main
from planner.engine import simulate
from planner.link import from_query, rounded, to_query
from planner.params import BY_KEY, PARAMS
from planner.presets import PRESETS
from planner.report import summary
from planner.scenario import DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, MAX_SEED, UNCERTAIN_KEYS, Scenario

from . import strategies as S

SMALL = dict(days=st.integers(7, 30), accounts=st.integers(1, 4))


@st.composite
def ranges(draw, scenario: Scenario, max_keys: int = 5) -> dict[str, tuple[float, float]]:
    """Valid ranges for a few uncertain parameters, around or away from the point value."""
    keys = draw(st.lists(st.sampled_from(UNCERTAIN_KEYS), max_size=max_keys, unique=True))
    out = {}
    for key in keys:
        a, b = draw(S.values(key)), draw(S.values(key))
        out[key] = (min(a, b), max(a, b))
    return out


@st.composite
def ranged_scenarios(draw, **fixed) -> Scenario:
    scenario = draw(S.scenarios(**{**SMALL, **fixed}))
    return scenario.replace(ranges=draw(ranges(scenario)), draws=draw(st.integers(1, 40)),
                            seed=draw(st.integers(0, MAX_SEED)))


def deterministic_daily(scenario: Scenario) -> dict[str, np.ndarray]:
    s = summary(simulate(scenario), axis=(2,))
    return {"gmv": s["gmv"][0], "net_gmv": s["net_gmv"][0], "profit": s["profit"][0], "pv": s["pv_by_source"][0]}


# --- the registry and the scenario ------------------------------------------------------------

def test_the_uncertain_parameters_include_the_market_and_the_tools():
    must = {"cvr", "aov", "show", "fatigue", "lev_cap", "priv_mult", "capture", "repurchase", "returns",
            "margin", "spill", "ctr", "dwell", "weight_speed"}
    must |= {f"{tool}_{what}" for tool in ("gdt", "beans", "coupons") for what in ("cpv", "cap", "prec")}
    assert must <= set(UNCERTAIN_KEYS)
    # Structure and spend are decisions, the same in every draw (the engine refuses them per draw).
    assert not {"accounts", "days", "launch_every", "gdt", "beans", "coupons"} & set(UNCERTAIN_KEYS)
    assert UNCERTAIN_KEYS == tuple(p.key for p in PARAMS if p.uncertain)


def test_default_scenario_has_no_ranges_and_its_link_is_unchanged():
    s = Scenario()
    assert s.ranges == () and s.draws == DEFAULT_DRAWS and s.seed == DEFAULT_SEED
    query = to_query(s)
    assert "_range" not in query and "draws=" not in query and "seed=" not in query


def test_ranges_are_normalised_to_registry_order_and_numbers():
    s = Scenario(ranges={"aov": (200, 300), "cvr": (0.01, 0.03), "gdt_cap": (10_000.0, 30_000.0)})
    assert s.ranges == (("cvr", 0.01, 0.03), ("aov", 200.0, 300.0), ("gdt_cap", 10_000, 30_000))
    assert isinstance(s.ranges[2][1], int)
    assert s.range_map()["aov"] == (200.0, 300.0)
    assert Scenario(ranges=s.ranges) == s  # triples are accepted too
    hash(s)


@pytest.mark.parametrize("ranges, words", [
    ({"cvr": (0.03, 0.01)}, "low <= high"),
    ({"cvr": (0.0, 0.01)}, f"{BY_KEY['cvr'].min:g}"),
    ({"invites": (1, 2)}, "cannot carry a range"),
    ({"nope": (1, 2)}, "cannot carry a range"),
    ({"gdt_cap": (100.5, 200)}, "integers"),
    ({"cvr": (float("nan"), 0.01)}, "finite"),
    ({"cvr": ("0.01", 0.02)}, "finite numbers"),
])
def test_bad_ranges_raise_a_one_line_value_error(ranges, words):
    with pytest.raises(ValueError, match=words) as err:
        Scenario(ranges=ranges)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("field, value", [("draws", 0), ("draws", MAX_DRAWS + 1), ("draws", 10.0),
                                          ("seed", -1), ("seed", MAX_SEED + 1), ("seed", True)])
def test_bad_draws_or_seed_raise(field, value):
    with pytest.raises(ValueError, match=field):
        Scenario(**{field: value})


# --- the link -------------------------------------------------------------------------------

def test_a_range_is_written_short_and_readable():
    s = Scenario(ranges={"cvr": (0.01, 0.03), "gdt_cap": (10_000, 30_000)}, draws=500, seed=7)
    query = to_query(s)
    assert query.endswith("&cvr_range=0.01,0.03&gdt_cap_range=10000,30000&draws=500&seed=7")
    assert from_query(query) == (s, [])
    assert from_query("https://x.example/app?" + query)[0] == s


def test_draws_and_seed_at_their_defaults_are_left_out_and_read_back_as_the_versions():
    # A link's version fixes what an absent draws= or seed= means (planner.link_versions), so a
    # ranged link reproduces its bands without carrying them.
    s = Scenario(ranges={"aov": (200, 260)})
    assert to_query(s) == "v=2&aov_range=200,260"
    back, _ = from_query(to_query(s))
    assert (back.draws, back.seed) == (DEFAULT_DRAWS, DEFAULT_SEED)
    assert to_query(s.replace(seed=7)) == "v=2&aov_range=200,260&seed=7"


@given(ranged_scenarios())
def test_ranges_draws_and_seed_round_trip_through_the_link(s):
    back, notices = from_query(to_query(s))
    assert notices == [] and back == rounded(s)
    assert to_query(back) == to_query(s)


@pytest.mark.parametrize("text", ["0.03,0.01", "0.0001,0.01", "0.01,0.5", "a,b", "0.01", "0.01,0.02,0.03",
                                  "", ",", "nan,0.02", "inf,inf", "0.01;0.02", "1e400,2"])
def test_a_bad_range_gives_a_notice_in_both_languages_and_no_range(text):
    s, notices = from_query({"cvr_range": text})
    assert s.ranges == ()
    assert [n.key for n in notices] == ["cvr_range"]
    zh, en = notices[0].text("zh"), notices[0].text("en")
    assert "cvr_range" in zh and "cvr_range" in en and zh != en
    assert "低 ≤ 高" in zh and "low ≤ high" in en


def test_a_bad_range_keeps_the_base_range():
    base = Scenario(ranges={"cvr": (0.01, 0.02)})
    s, notices = from_query({"cvr_range": "x"}, base=base)
    assert s.range_map() == {"cvr": (0.01, 0.02)} and len(notices) == 1
    assert "0.01,0.02" in notices[0].text("en")


@pytest.mark.parametrize("key", ["invites", "days", "gdt", "accounts"])
def test_a_range_on_a_decision_is_ignored_with_a_notice(key):
    s, notices = from_query({f"{key}_range": "1,2"})
    assert s == Scenario() and [n.key for n in notices] == [f"{key}_range"]
    assert "不是不确定参数" in notices[0].text("zh") and "not uncertain" in notices[0].text("en")


def test_unknown_range_key_is_ignored_with_a_notice():
    s, notices = from_query("nope_range=1,2")
    assert s == Scenario() and "not a planner parameter" in notices[0].text("en")


@pytest.mark.parametrize("key, text", [("draws", "0"), ("draws", "10001"), ("draws", "1.5"), ("draws", "-3"),
                                       ("draws", "abc"), ("seed", "-1"), ("seed", "4294967296"), ("seed", "x"),
                                       ("seed", "1_2"), ("seed", "١٢")])
def test_bad_draws_or_seed_in_a_link_give_a_notice(key, text):
    s, notices = from_query({key: text})
    assert (s.draws, s.seed) == (DEFAULT_DRAWS, DEFAULT_SEED)
    assert [n.key for n in notices] == [key]
    assert notices[0].text("zh") != notices[0].text("en")


@given(st.sampled_from([p.key for p in PARAMS] + ["nope", "", "draws"]), st.text(max_size=30),
       st.sampled_from(["", "draws", "seed"]), st.text(max_size=12))
def test_any_range_text_is_read_or_noticed_never_raised(key, text, other, other_text):
    query = {f"{key}_range": text}
    if other:
        query[other] = other_text
    s, notices = from_query(query)
    assert isinstance(s, Scenario)
    for n in notices:
        assert n.text("zh") and n.text("en")
    if not notices:
        assert from_query(to_query(s)) == (s, [])


# --- sampling -------------------------------------------------------------------------------

@given(st.floats(0, 1, exclude_max=True), st.floats(-1e3, 1e3), st.floats(0, 1), st.floats(0, 1e3))
def test_triangular_stays_in_its_range(u, low, where, width):
    high = low + width
    mode = low + where * width
    x = float(U.triangular(u, low, mode, high))
    assert low - 1e-9 * max(1, abs(low)) <= x <= high + 1e-9 * max(1, abs(high))


def test_triangular_zero_width_is_exact_and_the_mode_is_the_peak():
    assert U.triangular(np.linspace(0, 0.99, 7), 0.3, 0.3, 0.3).tolist() == [0.3] * 7
    u = np.random.default_rng(1).random(200_000)
    x = U.triangular(u, 0.0, 0.25, 1.0)
    assert x.min() >= 0 and x.max() <= 1
    assert abs(x.mean() - (0 + 0.25 + 1) / 3) < 0.003  # the triangular mean
    hist, edges = np.histogram(x, bins=20, range=(0, 1))
    assert edges[hist.argmax()] <= 0.25 <= edges[hist.argmax() + 1]


def test_draws_are_within_ranges_and_the_mode_is_the_point_value_clipped():
    s = Scenario(cvr=0.05, ranges={"cvr": (0.01, 0.03), "aov": (100, 400)}, draws=5000)
    values = U.sample(s, np.random.default_rng(3), defaults=False)
    assert set(values) == {"cvr", "aov"}
    assert values["cvr"].min() >= 0.01 and values["cvr"].max() <= 0.03
    assert values["cvr"].mean() > 0.02  # the mode is clipped to 0.03: the mass leans high
    assert values["aov"].shape == (5000,)


# --- Monte Carlo and bands ------------------------------------------------------------------

@given(S.scenarios(**SMALL), st.data())
def test_zero_width_ranges_give_the_deterministic_projection_in_every_draw(scenario, data):
    keys = data.draw(st.lists(st.sampled_from(UNCERTAIN_KEYS), min_size=1, max_size=8, unique=True))
    s = scenario.replace(ranges={k: (getattr(scenario, k),) * 2 for k in keys}, draws=7)
    mc = U.monte_carlo(s, defaults=False)
    point = deterministic_daily(scenario)
    for metric in ("gmv", "net_gmv", "profit", "pv"):
        got = getattr(mc, metric)
        assert got.shape[0] == 7
        np.testing.assert_allclose(got, np.broadcast_to(point[metric], got.shape), rtol=1e-12, atol=1e-9)


def test_a_zero_width_range_away_from_the_point_value_pins_the_parameter():
    s = Scenario(days=20, ranges={"aov": (300, 300)}, draws=3)
    np.testing.assert_allclose(U.monte_carlo(s, defaults=False).gmv, np.broadcast_to(
        deterministic_daily(Scenario(days=20, aov=300))["gmv"], (3, 20)), rtol=1e-12)


@given(ranged_scenarios())
def test_percentiles_are_ordered_everywhere(s):
    b = U.bands(U.monte_carlo(s))
    arrays = [*b.daily.values(), *b.cumulative.values(), *b.total.values(), b.mix]
    for a in arrays:
        assert np.all(a[0] <= a[1] + 1e-9 * np.abs(a[1])) and np.all(a[1] <= a[2] + 1e-9 * np.abs(a[2]))
    assert b.mix.min() >= 0 and b.mix.max() <= 1 + 1e-12


def test_same_seed_same_bands_and_another_seed_other_bands():
    s = Scenario(days=30, ranges={"cvr": (0.01, 0.03), "show": (0.05, 0.1)}, draws=200, seed=11)
    a, b = U.bands(U.monte_carlo(s)), U.bands(U.monte_carlo(s))
    c = U.bands(U.monte_carlo(s.replace(seed=12)))
    for metric in U.METRICS:
        np.testing.assert_array_equal(a.daily[metric], b.daily[metric])
        assert not np.array_equal(a.daily[metric], c.daily[metric])
    # The link carries what it takes to reproduce them.
    again, _ = from_query(to_query(s))
    np.testing.assert_array_equal(U.bands(U.monte_carlo(again)).total["gmv"], a.total["gmv"])


def test_chunking_does_not_change_the_numbers(monkeypatch):
    s = Scenario(days=20, accounts=3, ranges={"cvr": (0.01, 0.03), "aov": (150, 300)}, draws=50)
    whole = U.monte_carlo(s)
    monkeypatch.setattr(U, "DRAW_ACCOUNTS_PER_CALL", 7 * 3)  # chunks of 7 draws
    parts = U.monte_carlo(s)
    for metric in ("gmv", "net_gmv", "profit", "pv"):
        np.testing.assert_array_equal(getattr(whole, metric), getattr(parts, metric))


def test_monte_carlo_draws_and_seed_arguments_replace_the_scenarios():
    s = Scenario(days=10, ranges={"cvr": (0.01, 0.03)}, draws=5, seed=1)
    mc = U.monte_carlo(s, draws=9, seed=2)
    assert mc.draws == 9 and mc.scenario.seed == 2
    with pytest.raises(ValueError, match="draws"):
        U.monte_carlo(s, draws=0)


def test_bands_match_the_engine_draw_by_draw():
    s = Scenario(days=15, ranges={"aov": (150, 300)}, draws=9, seed=5)
    mc = U.monte_carlo(s)
    direct = summary(simulate(s, 9, mc.values), axis=(2,))
    np.testing.assert_allclose(mc.gmv, direct["gmv"], rtol=1e-12)
    np.testing.assert_allclose(U.bands(mc).total["gmv"], np.percentile(direct["gmv"].sum(axis=1), [10, 50, 90]),
                               rtol=1e-12)


def test_target_probability():
    s = Scenario(days=30, ranges={"cvr": (0.01, 0.03)}, draws=300)
    mc = U.monte_carlo(s)
    totals = mc.gmv.sum(axis=1)
    median = float(np.median(totals))
    assert U.target_probability(mc, 0.0) == 1.0
    assert U.target_probability(mc, float(totals.max()) * 1.01) == 0.0
    assert U.target_probability(mc, median) == pytest.approx((totals >= median).mean())
    curve = U.target_curve(mc, median)
    assert np.all(np.diff(curve) >= 0)  # GMV is never negative: the chance only grows with days
    assert U.target_probability(mc, median, day=10) == curve[9]
    targets = np.linspace(0, totals.max(), 9)
    chances = [U.target_probability(mc, x) for x in targets]
    assert chances == sorted(chances, reverse=True)
    with pytest.raises(ValueError, match="day"):
        U.target_probability(mc, median, day=31)


# --- sensitivity ----------------------------------------------------------------------------

def test_tornado_ranks_by_swing_and_uses_the_range_or_the_default_span():
    s = Scenario(days=30, ranges={"cvr": (0.01, 0.03)})
    sen = U.sensitivity(s)
    swings = [row.swing for row in sen.tornado]
    assert swings == sorted(swings, reverse=True)
    assert {row.key for row in sen.tornado} == set(UNCERTAIN_KEYS)
    by_key = {row.key: row for row in sen.tornado}
    assert (by_key["cvr"].low, by_key["cvr"].high, by_key["cvr"].basis) == (0.01, 0.03, U.SET)
    aov = by_key["aov"]
    assert (aov.low, aov.high, aov.basis) == (*BY_KEY["aov"].default_range, U.DEFAULT)
    lev = by_key["lev_cap"]  # its default range ends at its registry maximum: only the low side moves
    assert lev.high == BY_KEY["lev_cap"].max == lev.point
    free = by_key["coupon_free"]  # at 0 a default range has no width: ±20% of 0, no swing
    assert (free.low, free.high, free.basis, free.swing) == (0, 0, U.SPAN, 0)
    # Each bar is the engine with that one parameter moved.
    for row in (by_key["cvr"], aov):
        ends = [summary(simulate(s.replace(**{row.key: v})))["gmv"][0] for v in (row.low, row.high)]
        assert (row.at_low, row.at_high) == pytest.approx(ends, rel=1e-12)
    assert sen.base == pytest.approx(summary(simulate(s))["gmv"][0], rel=1e-12)


def test_sensitivity_is_one_engine_call(monkeypatch):
    calls = []
    real = U.simulate

    def counting(*args, **kwargs):
        calls.append(args[1] if len(args) > 1 else kwargs.get("draws"))
        return real(*args, **kwargs)

    monkeypatch.setattr(U, "simulate", counting)
    U.sensitivity(Scenario(days=10))
    assert calls == [1 + 4 * len(UNCERTAIN_KEYS)]


def test_elasticity_matches_a_direct_finite_difference():
    s = Scenario(days=30)
    sen = U.sensitivity(s)
    e = {row.key: row.elasticity for row in sen.elasticities}
    for key in ("cvr", "show", "fatigue"):
        x = getattr(s, key)
        up, down = (summary(simulate(s.replace(**{key: x * f})))["gmv"][0] for f in (1.01, 0.99))
        assert e[key] == pytest.approx((up - down) / (0.02 * x) * x / sen.base, rel=1e-9)
    assert e["fatigue"] < 0 < e["show"]  # fatigue costs viewers
    assert e["returns"] == e["margin"] == 0.0  # they act after GMV
    magnitudes = [abs(row.elasticity) for row in sen.elasticities]
    assert magnitudes == sorted(magnitudes, reverse=True)


def test_a_parameter_at_zero_has_elasticity_zero():
    e = {row.key: row.elasticity for row in U.sensitivity(Scenario(days=10, fatigue=0)).elasticities}
    assert e["fatigue"] == 0.0


@pytest.mark.parametrize("name", list(PRESETS))
def test_gmv_elasticity_to_aov_is_below_one_and_near_one_minus_the_conversion_elasticity(name):
    # AOV multiplies every buyer's GMV (elasticity 1), but a dearer order converts less, by
    # (200 / AOV)^aov_elasticity: GMV's elasticity to AOV is about 1 − aov_elasticity, a little more
    # where past buyers (who buy at the repurchase rate) or the GPM signal add to it, a little less
    # where fewer buyers are captured into the private domain.
    s = PRESETS[name].scenario.replace(days=min(PRESETS[name].scenario.days, 60))
    e = {row.key: row.elasticity for row in U.sensitivity(s, keys=("aov",)).elasticities}
    assert 1 - s.aov_elasticity - 0.05 <= e["aov"] <= 1.0


@given(S.scenarios(**SMALL))
def test_gmv_elasticity_to_aov_is_never_negative(scenario):
    # A dearer order never sells less (the engine's monotonicity, seen through the elasticity).
    sen = U.sensitivity(scenario, keys=("aov",))
    if sen.base > 0:
        assert sen.elasticities[0].elasticity >= -1e-7


@pytest.mark.parametrize("metric", ["net_gmv", "profit"])
def test_sensitivity_of_other_metrics(metric):
    sen = U.sensitivity(Scenario(days=10), metric=metric, keys=("margin", "returns"))
    e = {row.key: row.elasticity for row in sen.elasticities}
    if metric == "profit":
        assert e["margin"] == pytest.approx(1.0, rel=1e-9)  # no spend: profit = net GMV × margin
    else:
        assert e["margin"] == 0.0 and e["returns"] < 0
    with pytest.raises(ValueError, match="metric"):
        U.sensitivity(Scenario(), metric="pv")


# --- the CLI --------------------------------------------------------------------------------

def test_report_json_has_percentiles_with_draws(capsys):
    code = main(["report", "cvr_range=0.01,0.03&aov_range=180,300&days=30", "--draws", "300", "--seed", "4",
                 "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    doc = json.loads(out)
    pct = doc["percentiles"]
    assert (pct["draws"], pct["seed"], pct["distribution"]) == (300, 4, "triangular")
    assert pct["ranges_from_link"] == ["cvr", "aov"]
    assert (pct["ranges"]["cvr"], pct["ranges"]["aov"]) == ([0.01, 0.03], [180.0, 300.0])
    # Every other uncertain parameter is drawn from its default range.
    assert list(pct["ranges"]) == list(UNCERTAIN_KEYS)
    assert pct["ranges"]["show"] == list(BY_KEY["show"].default_range)
    for metric in ("gmv", "net_gmv", "profit"):
        assert set(pct[metric]) == {"p10", "p50", "p90"}
        assert pct[metric]["p10"] <= pct[metric]["p50"] <= pct[metric]["p90"]
    assert len(pct["daily"]) == 30 and pct["daily"][0]["day"] == 1
    assert set(pct["daily"][0]) == {"day", "gmv", "net_gmv", "profit"}
    # The same link and seed reproduce the same numbers.
    main(["report", "cvr_range=0.01,0.03&aov_range=180,300&days=30&draws=300&seed=4", "--format", "json"])
    assert json.loads(capsys.readouterr()[0])["percentiles"] == pct


def test_report_without_ranges_or_draws_has_no_percentiles(capsys):
    assert main(["report", "days=10", "--format", "json"]) == 0
    assert "percentiles" not in json.loads(capsys.readouterr()[0])


def test_report_table_shows_the_percentiles(capsys):
    assert main(["report", "cvr_range=0.01,0.03&days=10", "--lang", "en"]) == 0
    out = capsys.readouterr()[0]
    assert "1000 draws (seed 0)" in out and "P10" in out and "P90" in out


@pytest.mark.parametrize("argv", [["--draws", "0"], ["--draws", "10001"], ["--draws", "x"], ["--seed", "-1"],
                                  ["--seed", "1.5"], ["cvr_range=0.3,0.1"], ["draws=0"]])
def test_report_bad_draws_seed_or_range_exit_2_with_one_line(capsys, argv):
    link = [] if argv[0].startswith("--") else argv
    opts = argv if argv[0].startswith("--") else []
    assert main(["report", *(link or ["days=10"]), *opts]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("planner: error:")


# --- ranges by default (issue 16) --------------------------------------------------------------

def test_every_uncertain_parameter_has_a_documented_default_range_around_its_default():
    for p in PARAMS:
        if not p.uncertain:
            assert p.default_range is None
            continue
        low, high = p.default_range
        at = p.default if p.range_at is None else p.range_at
        assert p.min <= low <= at <= high <= p.max, p.key
        assert low < high, p.key  # a range to draw from, not a pinned value
        assert p.range_source in ("fact", "assumption") and p.range_note_zh and p.range_note_en, p.key
        if p.range_source == "fact":  # a reported range quotes its source
            assert "“" in p.range_note_zh and '"' in p.range_note_en, p.key


def test_reported_ranges_are_the_ones_domain_gives():
    assert BY_KEY["per_share"].default_range == (1.0, 1.5)  # "A share brings roughly 1–1.5 extra viewers"
    assert BY_KEY["beans_cpv"].default_range == (0.3, 0.8)  # "roughly 0.3–0.8 元 per live-room viewer"
    assert BY_KEY["lev_cap"].default_range == (4, 9)  # "Good rooms reach 2:8, some 1:9"


@given(st.sampled_from(UNCERTAIN_KEYS), st.data())
def test_a_default_range_holds_the_point_value_within_the_limits(key, data):
    p = BY_KEY[key]
    point = data.draw(S.values(key))
    low, high = U.default_range(key, point)
    assert p.min <= low <= point <= high <= p.max
    if p.integer:
        assert float(low).is_integer() and float(high).is_integer()
    at = p.default if p.range_at is None else p.range_at
    if point == at:
        assert (low, high) == p.default_range
    elif point > 1e-9 and p.min < low and high < p.max:  # unclipped: the same relative spread as at ``at``
        assert low / point == pytest.approx(p.default_range[0] / at, rel=1e-6, abs=1 / point if p.integer else 0)
        assert high / point == pytest.approx(p.default_range[1] / at, rel=1e-6, abs=1 / point if p.integer else 0)


def test_the_issue_link_gives_bands_not_one_line(capsys):
    """Issue 16: this printed P10 = P50 = P90."""
    assert main(["report", "?invites=3000&days=60&accounts=3", "--draws", "500", "--seed", "7", "--format", "json"]) == 0
    pct = json.loads(capsys.readouterr()[0])["percentiles"]
    for metric in ("gmv", "net_gmv", "profit"):
        assert pct[metric]["p10"] < pct[metric]["p50"] < pct[metric]["p90"]
    assert pct["gmv"]["p90"] > 1.3 * pct["gmv"]["p10"]
    assert pct["ranges_from_link"] == []


def test_the_table_says_where_the_ranges_come_from(capsys):
    assert main(["report", "?days=20&cvr_range=0.004,0.006", "--draws", "50", "--lang", "en"]) == 0
    out = capsys.readouterr()[0]
    assert f"Ranges from the link: 1; default ranges: {len(UNCERTAIN_KEYS) - 1}" in out


@given(ranged_scenarios())
def test_default_draws_stay_in_their_ranges_and_a_links_range_replaces_the_default(s):
    values = U.sample(s, np.random.default_rng(s.seed))
    used = U.effective_ranges(s)
    assert list(used) == list(UNCERTAIN_KEYS)
    own = s.range_map()
    for key, (low, high, basis) in used.items():
        assert basis == (U.SET if key in own else U.DEFAULT)
        if key in own:
            assert (low, high) == own[key]
        x = values.get(key, np.array([float(getattr(s, key))]))
        assert low - 1e-12 <= x.min() and x.max() <= high + 1e-12


def test_changing_one_range_leaves_the_other_parameters_draws_alone():
    s = Scenario(days=10, draws=50, seed=3)
    a = U.sample(s, np.random.default_rng(3))
    b = U.sample(s.replace(ranges={"cvr": (0.005, 0.005)}), np.random.default_rng(3))
    assert "cvr" in a and "cvr" not in b  # pinned at its point value: not drawn
    for key in set(a) - {"cvr"}:
        np.testing.assert_array_equal(a[key], b[key])


def test_a_zero_width_range_switches_one_parameters_uncertainty_off():
    base = Scenario(days=20, draws=200, seed=1)
    every = {k: (getattr(base, k),) * 2 for k in UNCERTAIN_KEYS}
    mc = U.monte_carlo(base.replace(ranges=every))
    np.testing.assert_allclose(mc.gmv, np.broadcast_to(deterministic_daily(base)["gmv"], mc.gmv.shape), rtol=1e-12)
    # One parameter left with its default range is all that varies.
    one = U.monte_carlo(base.replace(ranges={k: v for k, v in every.items() if k != "cvr"}))
    assert set(one.values) == {"cvr"}
    assert one.gmv.sum(axis=1).std() > 0


@pytest.mark.parametrize("x, how, want", [(1_234_567, "down", 1_200_000), (1_234_567, "nearest", 1_200_000),
                                          (1_234_567, "up", 1_300_000), (1_090_000, "nearest", 1_100_000),
                                          (1_200_000, "up", 1_200_000), (0.0, "up", 0.0), (987, "down", 980)])
def test_round_nice(x, how, want):
    assert U.round_nice(x, how) == want


def test_the_target_ladder_is_safe_middle_and_stretch():
    mc = U.monte_carlo(Scenario(days=30, draws=400, seed=2))
    ladder = U.target_ladder(mc)
    totals = mc.gmv.sum(axis=1)
    assert [r for r, _, _ in ladder] == ["safe", "middle", "stretch"]
    (_, safe, p_safe), (_, middle, p_mid), (_, stretch, p_stretch) = ladder
    assert safe < middle < stretch
    assert p_safe >= 0.9 and p_stretch <= 0.1 and p_safe > p_mid > p_stretch
    for _, target, chance in ladder:
        assert chance == (totals >= target).mean() == U.target_probability(mc, target)
    # Without spread there is one question: the figure itself.
    flat = U.monte_carlo(Scenario(days=30, draws=20), defaults=False)
    assert len(U.target_ladder(flat)) == 1
