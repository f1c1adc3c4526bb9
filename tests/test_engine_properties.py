"""Invariants of the engine (Hypothesis), and a few domain-sanity examples from DOMAIN.md."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from planner import engine
from planner.engine import BEANS, COUPONS, GDT, PRIVATE, PUBLIC, SOURCES, TOOLS, simulate, stage_of
from planner.params import BY_KEY, beans_for_yuan
from planner.report import summary
from planner.scenario import Scenario

from . import strategies as S

ARRAYS = ("pv", "buyers", "spend", "gmv", "cvr", "weight", "quality", "leverage", "pool", "followers",
          "handoff", "push", "viewers_2h", "aov", "returns", "margin", "session_hours")
SLACK = 1e-9  # relative slack for "never lower"
# DOMAIN: in the first minutes the platform pushes an initial wave of roughly 50–500 viewers.
INITIAL_PUSH_MIN, INITIAL_PUSH_MAX = 50.0, 500.0


def project(run):
    scenario, draws, overrides, spend_split = run
    return simulate(scenario, draws, overrides, spend_split)


def total_gmv(scenario, **kwargs) -> float:
    return float(summary(simulate(scenario, **kwargs))["gmv"][0])


# --- ranges --------------------------------------------------------------------------------------

@given(S.runs())
def test_outputs_are_finite_and_non_negative(run):
    proj = project(run)
    for name in ARRAYS:
        values = np.asarray(getattr(proj, name))
        assert np.all(np.isfinite(values)), name
        assert np.all(values >= 0), name
    assert np.all(proj.cvr <= 1 + 1e-12), "a source converted more buyers than it had viewers"
    assert np.all(proj.weight <= 1) and np.all(proj.quality <= 1)


@given(S.runs())
def test_leverage_is_between_one_and_the_ceiling_on_live_days(run):
    proj = project(run)
    live = np.broadcast_to(proj.live, proj.leverage.shape)
    lev = proj.leverage[live]
    lev_cap = np.broadcast_to(run[2].get("lev_cap", proj.scenario.lev_cap), (proj.draws,))
    ceiling = np.broadcast_to(lev_cap[:, None, None], proj.leverage.shape)[live]
    assert np.all(lev >= 1) and np.all(lev <= 9)
    assert np.all(lev <= ceiling)
    assert np.all(proj.leverage[~live] == 0)


@given(S.runs())
def test_initial_push_is_50_to_500_on_live_days_and_0_before_launch(run):
    proj = project(run)
    live = np.broadcast_to(proj.live, proj.push.shape)
    assert np.all(proj.push[live] >= INITIAL_PUSH_MIN)
    assert np.all(proj.push[live] <= INITIAL_PUSH_MAX)
    assert np.all(proj.push[~live] == 0)
    # DOMAIN: more for a higher account weight: push = 50 + 450 · weight.
    np.testing.assert_allclose(proj.push[live], 50 + 450 * proj.weight[live], rtol=1e-12)
    # Nothing at all happens to an account before it launches.
    assert np.all(proj.pv[~live] == 0) and np.all(proj.buyers[~live] == 0)


# --- identities ----------------------------------------------------------------------------------

@given(S.runs())
def test_traffic_shares_sum_to_one_where_there_are_viewers(run):
    proj = project(run)
    pv = proj.pv.sum(axis=-1)
    has = pv > 0
    shares = proj.pv[has] / pv[has][:, None]  # private, public and each paid tool
    np.testing.assert_allclose(shares.sum(axis=-1), 1.0, rtol=1e-12)
    for axis in ((1, 2), (1,), (2,)):
        s = summary(proj, axis=axis)
        has = s["pv"] > 0
        tool_shares = s["pv_by_source"][..., 2:] / np.where(has, s["pv"], 1)[..., None]
        np.testing.assert_allclose(s["paid_share"][has], tool_shares.sum(-1)[has], rtol=1e-12)
        total = s["public_share"] + s["private_share"] + s["paid_share"]
        np.testing.assert_allclose(total[has], 1.0, rtol=1e-12)
        assert np.all(total[~has] == 0)


@given(S.runs())
def test_gmv_is_pv_times_cvr_times_aov_per_source_and_in_total(run):
    proj = project(run)
    aov = proj.aov[:, None, None, None]
    has = proj.pv > 0
    np.testing.assert_allclose(proj.gmv[has], (proj.pv * proj.cvr * aov)[has], rtol=1e-12)
    assert np.all(proj.buyers[~has] == 0), "buyers from a source with no viewers"
    for axis in ((1, 2), (1,), (2,)):
        s = summary(proj, axis=axis)
        shape = (-1,) + (1,) * (s["gmv"].ndim - 1)
        by_source = s["pv_by_source"] * s["cvr_by_source"] * proj.aov.reshape(*shape, 1)
        np.testing.assert_allclose(s["gmv_by_source"], by_source, rtol=1e-9, atol=1e-6)
        np.testing.assert_allclose(s["gmv"], by_source.sum(-1), rtol=1e-9, atol=1e-6)
        np.testing.assert_allclose(s["net_gmv"], s["gmv"] * (1 - proj.returns.reshape(shape)), rtol=1e-12)


@given(S.scenarios(split=None), st.integers(1, 3))
def test_even_split_spends_each_tools_total_over_the_live_accounts_every_day(scenario, draws):
    proj = simulate(scenario, draws)
    totals = np.array([scenario.gdt, scenario.beans, scenario.coupons])
    for t in range(proj.days):
        live = proj.live[t]
        np.testing.assert_allclose(proj.spend[:, t, live], np.broadcast_to(
            totals / live.sum(), (draws, live.sum(), 3)), rtol=1e-12)
        assert np.all(proj.spend[:, t, ~live] == 0)


@given(S.scenarios().filter(lambda s: s.split is not None))
def test_scenario_split_spends_each_accounts_share_once_it_is_live(scenario):
    proj = simulate(scenario)
    totals = (scenario.gdt, scenario.beans, scenario.coupons)
    for k, shares in enumerate(scenario.split):
        if shares is None:
            continue
        want = np.where(proj.live, np.array(shares) * totals[k], 0.0)
        np.testing.assert_allclose(proj.spend[0, :, :, k], want, rtol=1e-12)


# --- monotonicity --------------------------------------------------------------------------------

RAISED = ("aov", "cvr", "invites", "gdt", "beans", "coupons")


@given(S.scenarios(), st.sampled_from(RAISED), st.floats(0, 1))
def test_raising_aov_cvr_invites_or_spend_never_lowers_gmv(scenario, key, fraction):
    p = BY_KEY[key]
    old = getattr(scenario, key)
    new = old + fraction * (p.max - old)
    new = int(round(new)) if p.integer else min(new, p.max)
    assume(new > old)
    before = total_gmv(scenario)
    after = total_gmv(scenario.replace(**{key: new}))
    assert after >= before * (1 - SLACK), f"raising {key} {old} -> {new} lowered GMV {before} -> {after}"


@given(S.scenarios(split=None).flatmap(lambda s: st.tuples(
    st.just(s), S.spend_splits(s.accounts), st.integers(0, s.accounts - 1), st.integers(0, 2),
    st.floats(0, 200_000))))
def test_raising_one_accounts_spend_never_lowers_gmv(case):
    scenario, split, account, tool, extra = case
    assume(extra > 0)
    raised = split.copy()
    raised[account, tool] += extra
    before = total_gmv(scenario, spend_split=split)
    after = total_gmv(scenario, spend_split=raised)
    assert after >= before * (1 - SLACK)


@given(S.scenarios(coupon_free=0), st.sampled_from(range(3)), st.floats(1, 1_000_000))
def test_paid_viewers_are_concave_and_non_decreasing_in_spend(scenario, tool, top):
    # One draw per point of a uniform spend grid on the flagship (live every day). Granted
    # coupon viewers are switched off: they are a step in private viewers, not in spend.
    grid = np.linspace(0.0, top, 41)
    split = np.zeros((grid.size, scenario.accounts, 3))
    split[:, 0, tool] = grid
    proj = simulate(scenario, grid.size, spend_split=split)
    paid = proj.pv[:, :, 0, 2 + tool]  # (grid, days)
    cap = getattr(scenario, f"{TOOLS[tool]}_cap")
    tol = 1e-9 * cap
    assert np.all(np.diff(paid, axis=0) >= -tol)
    assert np.all(np.diff(paid, n=2, axis=0) <= tol)
    assert np.all(paid <= cap)
    # At low spend each 元 buys 1 / cost-per-viewer viewers (beans: at the bought beans' rate).
    cpv = getattr(scenario, f"{TOOLS[tool]}_cpv")
    per_yuan = beans_for_yuan(1.0, scenario.ios_share) / 10 / cpv if TOOLS[tool] == "beans" else 1 / cpv
    small = cap * 1e-6 / per_yuan
    tiny = simulate(scenario, spend_split=np.pad([[small if k == tool else 0.0 for k in range(3)]],
                                                 ((0, scenario.accounts - 1), (0, 0))))
    np.testing.assert_allclose(tiny.pv[0, :, 0, 2 + tool], small * per_yuan, rtol=1e-5)


# --- stages --------------------------------------------------------------------------------------

def below(x: float) -> float:
    return float(np.nextafter(x, -np.inf))


@pytest.mark.parametrize(("viewers", "stage"), [
    (0.0, 0), (below(1_000), 0),  # cold start under 1,000 viewers two hours in
    (1_000.0, 1), (below(10_000), 1),  # take-off from 1,000
    (10_000.0, 2), (below(100_000), 2),  # growth from 10,000
    (100_000.0, 3), (1e12, 3),  # head from 100,000
])
def test_stage_of_matches_domain_thresholds(viewers, stage):
    assert stage_of(viewers) == stage
    assert engine.STAGES_EN[stage]  # every index names a stage


def test_stage_thresholds_are_the_domain_table():
    assert engine.STAGE_THRESHOLDS == (0.0, 1_000.0, 10_000.0, 100_000.0)
    assert len(engine.STAGES_ZH) == len(engine.STAGES_EN) == len(engine.STAGE_THRESHOLDS)


@given(S.runs())
def test_projection_stage_is_stage_of_viewers_two_hours_in(run):
    proj = project(run)
    prorate = np.minimum(2.0 / proj.session_hours, 1.0)[:, None, None]
    np.testing.assert_allclose(proj.viewers_2h, proj.pv.sum(-1) * prorate, rtol=1e-12)
    expected = np.vectorize(stage_of)(proj.viewers_2h)
    expected = np.where(proj.live[None], expected, -1)
    np.testing.assert_array_equal(proj.stage, expected)


# --- determinism and the draw axis ---------------------------------------------------------------

FIELDS = ("pv", "buyers", "spend", "weight", "quality", "leverage", "pool", "followers", "handoff",
          "push", "aov", "returns", "margin", "session_hours")


@given(S.runs())
def test_same_inputs_give_identical_numbers(run):
    a, b = project(run), project(run)
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


@given(S.scenarios(), st.integers(2, 8), st.booleans())
def test_n_identical_draws_are_n_copies_of_one(scenario, n, with_split):
    split = np.full((scenario.accounts, 3), 1_000.0) if with_split else None
    one = simulate(scenario, 1, spend_split=split)
    many = simulate(scenario, n, spend_split=None if split is None else np.broadcast_to(split, (n, *split.shape)))
    for name in FIELDS:
        got, want = getattr(many, name), getattr(one, name)
        np.testing.assert_allclose(got, np.broadcast_to(want, got.shape), rtol=1e-13, atol=0, err_msg=name)


@given(S.runs(max_draws=4))
def test_draw_i_equals_a_single_run_with_draw_is_values(run):
    scenario, draws, overrides, spend_split = run
    proj = simulate(scenario, draws, overrides, spend_split)
    for i in range(draws):
        single = scenario.replace(**{key: values[i] for key, values in overrides.items()})
        split_i = None if spend_split is None else (spend_split[i] if spend_split.ndim == 3 else spend_split)
        alone = simulate(single, 1, spend_split=split_i)
        for name in FIELDS:
            np.testing.assert_allclose(getattr(proj, name)[i], getattr(alone, name)[0], rtol=1e-13,
                                       atol=0, err_msg=f"{name} in draw {i}")


def test_a_big_run_gives_each_draw_the_numbers_of_a_single_run():
    # Big runs may take other code paths (e.g. paid viewers day by day to bound memory); the
    # numbers must not depend on how many draws share the call.
    scenario = Scenario(accounts=6, days=60, launch_every=5, gdt=30_000, beans=8_000, coupons=3_000)
    one = simulate(scenario)
    many = simulate(scenario, 1_000)
    for name in ("pv", "buyers", "spend", "pool", "weight"):
        got = getattr(many, name)
        np.testing.assert_allclose(got, np.broadcast_to(getattr(one, name), got.shape), rtol=1e-13, err_msg=name)
    summed = simulate(scenario, 1_000, by_account=False)
    np.testing.assert_allclose(summed.pv, many.pv.sum(axis=2, keepdims=True), rtol=1e-12)


def test_spend_cannot_be_overridden_per_draw():
    # Spend varies by draw only through spend_split; an override would be silently ignored.
    for tool in TOOLS:
        with pytest.raises(ValueError, match=tool):
            simulate(Scenario(), 2, {tool: np.array([0.0, 1_000.0])})


def test_shape_keys_and_unknown_keys_cannot_be_overridden():
    for key in ("accounts", "days", "launch_every", "no_such_key"):
        with pytest.raises(ValueError, match=key):
            simulate(Scenario(), 2, {key: np.array([1, 2])})


# --- domain sanity (DOMAIN.md) -------------------------------------------------------------------

def test_without_private_activity_an_account_still_gets_the_opening_push():
    proj = simulate(Scenario(invites=0, accounts=3, launch_every=5, days=20))
    live = proj.live
    assert np.all(proj.pv[0][live][:, PRIVATE] == 0)
    assert np.all(proj.push[0][live] >= INITIAL_PUSH_MIN)
    assert np.all(proj.push[0][live] <= INITIAL_PUSH_MAX)
    assert np.all(proj.pv[0][live][:, PUBLIC] >= proj.push[0][live])


def test_more_starting_weight_gives_a_bigger_day_0_push():
    pushes = [simulate(Scenario(weight0=w)).push[0, 0, 0] for w in np.linspace(0, 1, 11)]
    assert np.all(np.diff(pushes) > 0)
    assert pushes[0] == INITIAL_PUSH_MIN and pushes[-1] == INITIAL_PUSH_MAX


GOOD_ROOM = dict(ctr=0.3, dwell=10, interact=0.14, cvr=0.02, aov=300)  # DOMAIN's "good" signals
EARLY_ROOM = dict(weight0=0.0, ctr=0.05, dwell=2, interact=0.03, cvr=0.01, aov=100)  # cold, weak signals


def test_public_share_of_a_good_room_is_above_80_percent():
    # DOMAIN: a healthy mature room gets over 80% of its viewers from the public domain.
    proj = simulate(Scenario(accounts=1, days=30, weight0=0.7, **GOOD_ROOM))  # a mature account
    assert summary(proj)["public_share"][0] > 0.8
    assert np.all(proj.pv[0, :, 0, PUBLIC] / proj.pv[0, :, 0].sum(-1) > 0.8)


def test_public_share_of_an_early_stage_room_is_below_80_percent():
    proj = simulate(Scenario(accounts=1, days=7, **EARLY_ROOM))
    assert summary(proj)["public_share"][0] < 0.8
    assert np.all(proj.stage[0, :, 0] == 0), "the early room should still be in cold start"


def test_private_share_of_an_early_stage_room_is_70_to_80_percent():
    # DOMAIN: early-stage merchants get 70–80% of live viewers from their private domain. A cold
    # room has not earned the weight to catch the public traffic its private viewers draw.
    proj = simulate(Scenario(accounts=1, days=7, **EARLY_ROOM))
    first_days = proj.pv[0, :3].sum(axis=(0, 1))  # the first three sessions, by source
    assert 0.7 <= first_days[PRIVATE] / first_days.sum() <= 0.8


def test_platform_grants_coupon_viewers_from_50_private_viewers():
    # DOMAIN: coupons are granted e.g. for bringing 50 or more private viewers into a room.
    # With no fatigue and no shares, private viewers on day 0 are exactly invites × show.
    base = Scenario(accounts=1, show=0.1, fatigue=0, share=0, coupons=0, coupon_free=300)
    at = simulate(base.replace(invites=500))
    under = simulate(base.replace(invites=490))
    assert at.pv[0, 0, 0, PRIVATE] == 50 and under.pv[0, 0, 0, PRIVATE] < 50
    assert at.pv[0, 0, 0, COUPONS] == 300
    assert under.pv[0, 0, 0, COUPONS] == 0


def test_ios_beans_buy_fewer_viewers_than_android():
    # DOMAIN: 1 元 buys 10 beans on Android and 7 on iOS.
    base = Scenario(accounts=1, beans=200, beans_cap=1_000_000)
    android = simulate(base.replace(ios_share=0.0)).pv[0, 0, 0, BEANS]
    ios = simulate(base.replace(ios_share=1.0)).pv[0, 0, 0, BEANS]
    np.testing.assert_allclose(ios / android, 0.7, rtol=1e-3)


def test_flagship_hand_off_does_not_reduce_the_flagship():
    # DOMAIN: the flagship hands viewers to smaller accounts (大号带小号); its own count stays.
    base = Scenario(accounts=3, launch_every=0, days=7)
    without, with_ = simulate(base.replace(handoff=0.0)), simulate(base.replace(handoff=0.3))
    assert with_.pv[0, 0, 0, PUBLIC] == without.pv[0, 0, 0, PUBLIC]
    np.testing.assert_allclose(with_.handoff[0, 0, 1:], 0.3 * without.pv[0, 0, 0, PUBLIC] / 2, rtol=1e-12)
    assert with_.handoff[0, 0, 0] == 0


def test_sources_are_the_five_domain_sources():
    assert SOURCES == ("private", "public", "gdt", "beans", "coupons")
    assert (PRIVATE, PUBLIC, GDT, BEANS, COUPONS) == tuple(range(5))
