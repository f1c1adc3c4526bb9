"""planner.glossary: the terms and the numbers of their worked examples."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from planner import glossary
from planner.engine import simulate
from planner.params import BY_KEY
from planner.scenario import Scenario
from planner.text import CATALOGUE

from . import strategies as S

ISSUE_TERMS = {"leverage", "catch", "percentiles", "elasticity", "seed", "shapley", "mape", "r2", "identifiable"}


def test_every_term_the_issue_names_has_a_name_and_a_meaning_in_both_languages():
    assert set(glossary.TERMS) == ISSUE_TERMS
    for term in glossary.TERMS:
        for part in ("term", "meaning"):
            zh, en = CATALOGUE[f"glossary.{term}.{part}"]
            assert zh and en
        assert glossary.PAGES[term] and all(page in CATALOGUE for page in glossary.PAGES[term])


@settings(max_examples=25, deadline=None)
@given(S.scenarios(days=S.st.integers(7, 40), accounts=S.st.integers(1, 3)))
def test_the_leverage_example_splits_the_flagships_public_viewers(scenario):
    """What the room brought itself plus what was recommended is its private and public viewers,
    less what paid viewers (bought or granted coupons) spilled over (the spill-over is neither)."""
    proj = simulate(scenario)
    lev = glossary.leverage(proj)
    private_public = proj.pv[0, :, 0, :2].sum()
    assert lev.brought >= 0 and lev.recommended >= 0
    assert lev.brought + lev.recommended <= private_public * (1 + 1e-9) + 1e-6
    if scenario.spill == 0 or not proj.pv[0, :, 0, 2:].any():  # no spill-over
        assert lev.brought + lev.recommended == pytest.approx(private_public, rel=1e-9, abs=1e-6)
    assert lev.per_viewer == (lev.recommended / lev.brought if lev.brought else 0.0)


def test_weight_path_is_the_flagships_first_and_last_weight():
    proj = simulate(Scenario(days=30))
    first, last = glossary.weight_path(proj)
    assert (first, last) == (proj.weight[0, 0, 0], proj.weight[0, -1, 0])
    assert 0 <= first <= 1 and 0 <= last <= 1


@pytest.mark.parametrize("invites, want", [(2000, 2200), (0, 100), (1_000_000, 1_000_000), (50, 150)])
def test_more_invites_is_ten_percent_more_on_the_sliders_steps(invites, want):
    assert glossary.more_invites(Scenario(invites=invites)).invites == want


def test_the_shapley_example_parts_add_up_to_the_change():
    proj = simulate(Scenario(days=30))
    split = glossary.shapley_example(proj)
    assert (split["invites_before"], split["invites_after"]) == (2000, 2200)
    assert sum(split["by_factor"].values()) == pytest.approx(split["difference"], rel=1e-9)
    assert split["difference"] > 0  # more invites, more GMV


def test_largest_elasticity_skips_zero_and_undefined():
    from planner.uncertainty import Elasticity

    rows = (Elasticity("cvr", 1, float("nan")), Elasticity("aov", 1, 0.0), Elasticity("show", 0.08, 0.4))
    assert glossary.largest_elasticity(rows) == ("show", 0.4)
    assert glossary.largest_elasticity(rows[:2]) is None
    assert BY_KEY["show"].uncertain
