"""planner.breakdown: the numbers the pages show, checked against identities of the engine."""

from __future__ import annotations

import math

import numpy as np
import pytest

from planner import breakdown, report
from planner.engine import EARLY_STAGE_FROM, SESSION_STAGE_FROM, SOURCES, STAGE_KEYS, simulate
from planner.params import BEANS_PER_HEATING_ORDER
from planner.presets import PRESETS
from planner.scenario import Scenario

SCENARIOS = {
    "defaults": Scenario(),
    "paid_matrix": Scenario(accounts=4, launch_every=10, gdt=3000, beans=800, coupons=500, days=60),
    "one_account_odd_days": Scenario(accounts=1, days=45),
    **{name: p.scenario for name, p in PRESETS.items()},
}


@pytest.fixture(scope="module", params=list(SCENARIOS), ids=list(SCENARIOS))
def proj(request):
    return simulate(SCENARIOS[request.param])


def test_weekly_matrices_sum_to_the_daily_totals(proj):
    for what, per_day in (("gmv", proj.gmv[0]), ("pv", proj.pv[0])):
        weekly = breakdown.weekly_matrix(proj, what)
        assert weekly.shape == (proj.accounts, len(breakdown.week_bounds(proj.days)))
        # Each account's weeks add up to its horizon total, and each week to its days.
        np.testing.assert_allclose(weekly.sum(axis=1), per_day.sum(axis=(0, 2)), rtol=1e-12)
        for w, (first, last) in enumerate(breakdown.week_bounds(proj.days)):
            np.testing.assert_allclose(weekly[:, w], per_day[first - 1:last].sum(axis=(0, 2)), rtol=1e-12)
        assert weekly.sum() == pytest.approx(per_day.sum(), rel=1e-12)


def test_week_bounds_cover_every_day_once():
    for days in (7, 8, 13, 14, 90, 365):
        bounds = breakdown.week_bounds(days)
        covered = [d for first, last in bounds for d in range(first, last + 1)]
        assert covered == list(range(1, days + 1))
        assert all(last - first + 1 <= breakdown.DAYS_PER_WEEK for first, last in bounds)


def test_weekly_matrix_rejects_unknown_measures(proj):
    with pytest.raises(ValueError, match="gmv"):
        breakdown.weekly_matrix(proj, "buyers")


def test_decomposition_rows_satisfy_gmv_equals_pv_cvr_aov(proj):
    rows = breakdown.decomposition(proj)
    assert [r["source"] for r in rows] == [*SOURCES, "total"]
    for r in rows:
        assert r["gmv"] == pytest.approx(r["pv"] * r["cvr"] * r["aov"], rel=1e-9, abs=1e-6)
        assert 0.0 <= r["cvr"] <= 1.0
    sources, total = rows[:-1], rows[-1]
    assert sum(r["gmv"] for r in sources) == pytest.approx(total["gmv"], rel=1e-12)
    assert sum(r["pv"] for r in sources) == pytest.approx(total["pv"], rel=1e-12)
    assert sum(r["gmv_share"] for r in sources) == pytest.approx(1.0)
    # …and agree with the report the CLI prints.
    t = report.totals(proj)
    assert total["gmv"] == pytest.approx(t["gmv"], rel=1e-12)
    for r in sources:
        assert r["pv"] == pytest.approx(t["pv_by_source"][r["source"]], rel=1e-12)


def test_decomposition_of_one_account_adds_up_to_the_matrix(proj):
    per_account = [breakdown.decomposition(proj, account=a)[-1]["gmv"] for a in range(proj.accounts)]
    assert sum(per_account) == pytest.approx(breakdown.decomposition(proj)[-1]["gmv"], rel=1e-12)


def test_a_source_without_viewers_has_zero_cvr_not_nan():
    rows = breakdown.decomposition(simulate(Scenario(gdt=0, beans=0)))
    paid = {r["source"]: r for r in rows if r["source"] in ("gdt", "beans")}
    assert all(r["pv"] == 0 and r["cvr"] == 0 and r["gmv"] == 0 for r in paid.values())


def test_kpis_match_the_report_and_deltas_subtract(proj):
    k = breakdown.kpis(proj)
    t = report.totals(proj)
    for key in breakdown.KPI_KEYS:
        assert k[key] == t[key]
    assert set(breakdown.KPI_KEYS) <= set(k)
    d = breakdown.kpi_deltas(k, k)
    assert all(v in (0, None) for v in d.values())
    assert breakdown.kpi_deltas(k, None) == dict.fromkeys(breakdown.KPI_KEYS)


def test_roi_delta_is_undefined_without_spend():
    no_spend = breakdown.kpis(simulate(Scenario()))
    spend = breakdown.kpis(simulate(Scenario(gdt=1000)))
    assert no_spend["roi"] is None
    assert spend["roi"] > 0
    deltas = breakdown.kpi_deltas(spend, no_spend)
    assert deltas["roi"] is None
    assert deltas["gmv"] == pytest.approx(spend["gmv"] - no_spend["gmv"])


def test_daily_series_sum_to_totals(proj):
    d = breakdown.daily_series(proj)
    assert d["day"].tolist() == list(range(1, proj.days + 1))
    assert d["gmv"].shape == (proj.days, len(SOURCES))
    assert d["gmv_total"].sum() == pytest.approx(report.totals(proj)["gmv"], rel=1e-12)
    np.testing.assert_allclose(d["pv"].sum(axis=1), d["pv_total"])
    assert np.all((d["public_share"] >= 0) & (d["public_share"] <= 1))
    assert np.all(np.isfinite(d["public_share"]))
    # A day without a session has no viewers at all, so its share is 0, not NaN.
    assert np.all(d["pv_total"][~proj.sessions.any(axis=1)] == 0)


def test_account_rows_match_the_reports_accounts(proj):
    rows = breakdown.account_rows(proj)
    reported = report.accounts(proj)
    assert len(rows) == proj.accounts
    for mine, theirs in zip(rows, reported, strict=True):
        assert mine["launch_day"] == theirs["launch_day"]
        assert mine["launched"] == theirs["launched"]
        assert mine["sessions"] == theirs["sessions"] == int(proj.sessions[:, mine["account"]].sum())
        assert mine["viewers_per_session"] == pytest.approx(theirs["viewers_per_session"], rel=1e-12)
        assert mine["gmv"] == pytest.approx(theirs["gmv"], rel=1e-12)
        assert mine["pv"] == pytest.approx(theirs["pv"], rel=1e-12)
        assert report.STAGE_KEYS[mine["best_stage"]] == theirs["best_stage"]
        assert 0 <= mine["public_share"] <= 1


def test_flows_account_for_every_viewer(proj):
    flows = breakdown.flows(proj)
    into = np.zeros(proj.accounts)
    for f in flows:
        assert f["value"] > 0
        into[f["dst"]] += f["value"]
        if f["kind"] == "handoff":
            assert f["src"] == 0 and f["dst"] > 0
    # Sources (net of the hand-off) plus the hand-off received = each account's viewers.
    np.testing.assert_allclose(into, proj.pv[0].sum(axis=(0, 2)), rtol=1e-9)


def test_single_account_has_no_handoff():
    flows = breakdown.flows(simulate(Scenario(accounts=1)))
    assert flows and all(f["kind"] == "source" for f in flows)


def test_stage_timeline_and_first_days(proj):
    stage = breakdown.stage_timeline(proj)
    assert stage.shape == (proj.accounts, proj.days)
    live = proj.live.T
    assert np.all(stage[~live] == -1) and np.all(stage[live] >= 0)
    held = proj.sessions.T > 0
    for early in (False, True):
        viewers = breakdown.session_viewers(proj, early=early)
        assert np.all(np.isnan(viewers[~held])) and np.all(np.isfinite(viewers[held]))
    assert np.all(breakdown.session_viewers(proj, early=True)[held] <= breakdown.session_viewers(proj)[held] + 1e-9)
    for a, firsts in enumerate(breakdown.first_day_at_stage(proj)):
        assert firsts[0] == int(proj.launch_day[a]) + 1
        reached = [d for d in firsts if d is not None]
        assert reached == sorted(reached)


def test_stage_bands_follow_the_engine_thresholds():
    # DOMAIN's table: the early stages by viewers two hours in, the later ones by the whole session.
    bands = breakdown.stage_bands()
    assert [i for i, _, _, _ in bands] == list(range(len(STAGE_KEYS)))
    early = [b for b in bands if b[1] == "2h"]
    late = [b for b in bands if b[1] == "session"]
    assert [lo for _, _, lo, _ in early] == [0.0, *EARLY_STAGE_FROM]
    assert [lo for _, _, lo, _ in late] == list(SESSION_STAGE_FROM)
    for group in (early, late):
        assert group[-1][3] is None
        assert all(hi == nxt for (_, _, _, hi), (_, _, nxt, _) in zip(group, group[1:], strict=False))


@pytest.mark.parametrize("yuan", [0, 50, 51, 100, 999.5, 1_000_000])
def test_beans_info(yuan):
    info = breakdown.beans_info(yuan)
    assert info["android_beans"] == pytest.approx(yuan * info["android_per_yuan"])
    assert info["ios_beans"] == pytest.approx(yuan * info["ios_per_yuan"])
    assert info["android_orders"] == math.floor(info["android_beans"] / BEANS_PER_HEATING_ORDER)
    assert info["ios_orders"] <= info["android_orders"]


def test_flow_summary_groups_satellites_and_keeps_every_viewer(proj):
    summary = breakdown.flow_summary(proj)
    detail = breakdown.flows(proj)
    total = sum(f["value"] for f in detail)
    into_middle = sum(f["value"] for f in summary if f["kind"] == "source")
    handoff = sum(f["value"] for f in summary if f["kind"] == "handoff")
    assert into_middle + handoff == pytest.approx(total, rel=1e-12)
    own = sum(f["value"] for f in summary if f["kind"] == "own")
    into_sats = sum(f["value"] for f in summary if f["kind"] == "source" and f["dst"] == "satellites")
    assert own == pytest.approx(into_sats, rel=1e-12)
    if proj.accounts == 1:
        assert all(f["dst"] == 0 for f in summary)
