"""The vectorised engine equals the slow, obvious reference in ``tests/reference.py``."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given

from planner.engine import simulate
from planner.presets import PRESETS
from planner.scenario import Scenario

from . import strategies as S
from .reference import simulate_reference

FIELDS = ("pv", "buyers", "spend", "weight", "quality", "leverage", "pool", "followers", "handoff",
          "push", "aov", "live", "stage")
RTOL = 1e-9
ATOL = 1e-9  # viewers, 元 and scores; rounding noise on quantities that should be 0


def assert_same(engine, reference):
    for name in FIELDS:
        got, want = np.asarray(getattr(engine, name)), getattr(reference, name)
        assert got.shape == want.shape, name
        np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL, err_msg=name)


@given(S.runs())
def test_engine_equals_reference(run):
    scenario, draws, overrides, spend_split = run
    assert_same(simulate(scenario, draws, overrides, spend_split),
                simulate_reference(scenario, draws, overrides, spend_split))


@given(S.runs())
def test_engine_summed_over_the_matrix_equals_reference(run):
    # by_account=False keeps PV, buyers and spend summed over accounts and each account's best
    # stage: the same numbers as the per-account run, summed.
    scenario, draws, overrides, spend_split = run
    proj = simulate(scenario, draws, overrides, spend_split, by_account=False)
    ref = simulate_reference(scenario, draws, overrides, spend_split)
    for name in ("pv", "buyers", "spend"):
        want = getattr(ref, name).sum(axis=2, keepdims=True)
        np.testing.assert_allclose(getattr(proj, name), want, rtol=RTOL, atol=ATOL, err_msg=name)
    np.testing.assert_array_equal(proj.best_stage, ref.stage.max(axis=1))
    np.testing.assert_array_equal(proj.stage_reached, ref.stage.max(axis=(1, 2)))


@given(S.runs(split=True).filter(lambda run: run[1] > 1 and run[2]))
def test_engine_equals_reference_with_overrides_and_spend_split(run):
    # The case that exercises the most broadcasting: several draws, per-draw values and an
    # explicit (possibly per-draw) spend split.
    scenario, draws, overrides, spend_split = run
    assert_same(simulate(scenario, draws, overrides, spend_split),
                simulate_reference(scenario, draws, overrides, spend_split))


@given(S.scenarios(split=None).flatmap(
    lambda s: S.splits(s.accounts).filter(lambda x: x is not None).map(lambda x: s.replace(split=x))))
def test_engine_equals_reference_scenario_split(scenario):
    # The scenario's own per-account shares (Scenario.split) decide the spend.
    assert_same(simulate(scenario), simulate_reference(scenario))


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_equal_reference(name):
    scenario = PRESETS[name].scenario.replace(days=min(PRESETS[name].scenario.days, 60))
    assert_same(simulate(scenario), simulate_reference(scenario))


def test_default_scenario_with_spend_and_staggered_launches_equals_reference():
    scenario = Scenario(gdt=8_000, beans=2_000, coupons=1_000, accounts=5, launch_every=7, days=45)
    overrides = {"cvr": np.array([0.005, 0.02, 0.08]), "weight0": np.array([0.0, 0.5, 1.0]),
                 "handoff": np.array([0.0, 0.2, 0.5])}
    assert_same(simulate(scenario, 3, overrides), simulate_reference(scenario, 3, overrides))


def test_reference_refuses_what_the_engine_refuses():
    for key, value in (("days", 10), ("accounts", 2), ("launch_every", 1), ("gdt", 100)):
        with pytest.raises(ValueError):
            simulate(Scenario(), 2, {key: np.array([value, value])})
        with pytest.raises(ValueError):
            simulate_reference(Scenario(), 2, {key: np.array([value, value])})
