"""The parameter registry, Scenario validation and the share-link codec."""

from __future__ import annotations

import math
from urllib.parse import parse_qsl, quote

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from planner import link as codec
from planner import scenario as model
from planner.cli.common import APP_LINK_KEYS
from planner.link import format_value, from_query, rounded, to_query
from planner.numbers import parse_number
from planner.params import ASSUMPTION, BY_KEY, DEFAULTS, FACT, GROUPS, HEADLINE_KEYS, PARAMS, SPLIT_KEYS
from planner.presets import PRESETS
from planner.scenario import Scenario

from . import strategies as S

# --- the registry --------------------------------------------------------------------------------

HEADLINE = ("invites", "cvr", "aov", "gdt", "beans", "coupons", "accounts", "days")


def test_keys_are_unique_identifiers():
    keys = [p.key for p in PARAMS]
    assert len(keys) == len(set(keys))
    assert all(k.isidentifier() and k.isascii() for k in keys)
    assert set(BY_KEY) == set(keys) == set(DEFAULTS)


def test_headline_keys_exist():
    assert set(HEADLINE) <= set(BY_KEY)
    assert set(HEADLINE_KEYS) <= set(BY_KEY)


def test_keys_do_not_collide_with_the_codec_or_the_scenario():
    reserved = {codec.VERSION_KEY, codec.LANG_KEY, codec.PRESET_KEY, *APP_LINK_KEYS} | set(SPLIT_KEYS.values()) | {"draws", "seed", "split", "ranges"}
    names = {name for name in dir(Scenario) if not name.startswith("_")} - set(BY_KEY)
    for p in PARAMS:
        assert p.key not in reserved and p.key not in names, p.key
        assert not p.key.endswith(codec.RANGE_SUFFIX), p.key


@pytest.mark.parametrize("p", PARAMS, ids=lambda p: p.key)
def test_param_is_well_formed(p):
    assert p.min <= p.default <= p.max
    assert p.min < p.max
    assert p.step > 0
    assert p.step <= p.max - p.min
    if p.integer:
        for x in (p.default, p.min, p.max, p.step):
            assert float(x).is_integer(), (p.key, x)
    if p.percent:
        assert 0 <= p.min and p.max <= 1, "a percent parameter is a fraction"
    for text in (p.label_zh, p.label_en, p.unit_zh, p.unit_en, p.help_zh, p.help_en, p.note_zh, p.note_en):
        assert isinstance(text, str) and text.strip(), p.key
    assert p.source in (FACT, ASSUMPTION)
    assert p.group in GROUPS


# --- validation ----------------------------------------------------------------------------------

def bad_values(p):
    below = p.min - max(p.step, 1.0)
    yield below
    yield p.max + max(p.step, 1.0)
    yield math.nan
    yield math.inf
    yield -math.inf
    yield str(p.default)
    yield None
    yield True
    if p.integer:
        yield p.min + 0.5


@pytest.mark.parametrize("p", PARAMS, ids=lambda p: p.key)
def test_bad_values_raise_a_one_line_value_error_naming_the_key(p):
    for value in bad_values(p):
        with pytest.raises(ValueError) as info:
            Scenario(**{p.key: value})
        message = str(info.value)
        assert "\n" not in message and message.startswith(p.key), (value, message)


def test_a_huge_integer_is_a_value_error_too():
    with pytest.raises(ValueError, match="invites"):
        Scenario(invites=10**400)


@pytest.mark.parametrize("p", PARAMS, ids=lambda p: p.key)
def test_numpy_numbers_are_accepted_and_normalised(p):
    # Optimisers and Monte Carlo hand back numpy scalars; they are numbers like any other.
    value = np.int64(p.default) if p.integer else np.float64(p.default)
    scenario = Scenario(**{p.key: value})
    assert scenario == Scenario() and hash(scenario) == hash(Scenario())
    assert type(getattr(scenario, p.key)) is (int if p.integer else float)


def test_every_default_and_every_bound_is_valid():
    Scenario()
    Scenario(**{p.key: p.min for p in PARAMS})
    Scenario(**{p.key: p.max for p in PARAMS})


# --- round trip ----------------------------------------------------------------------------------

@st.composite
def codec_scenarios(draw):
    """A valid scenario with, sometimes, a spend split, parameter ranges, draws and seed."""
    scenario = draw(S.scenarios())
    keys = draw(st.lists(st.sampled_from(model.UNCERTAIN_KEYS), max_size=4, unique=True)) \
        if model.UNCERTAIN_KEYS else []
    ranges = {}
    for key in keys:
        lo, hi = sorted((draw(S.values(key)), draw(S.values(key))))
        ranges[key] = (lo, hi)
    draws = draw(st.sampled_from([model.DEFAULT_DRAWS, model.MIN_DRAWS, model.MAX_DRAWS])
                 | st.integers(model.MIN_DRAWS, model.MAX_DRAWS))
    seed = draw(st.sampled_from([model.DEFAULT_SEED, model.MAX_SEED]) | st.integers(0, model.MAX_SEED))
    return scenario.replace(ranges=ranges, draws=draws, seed=seed)


@given(codec_scenarios())
def test_to_query_then_from_query_round_trips(scenario):
    # A link holds each value at its parameter's precision: it opens to the scenario so rounded,
    # which writes the same link again.
    query = to_query(scenario)
    back, notices = from_query(query)
    assert notices == []
    assert back == rounded(scenario)
    assert to_query(back) == query
    assert from_query(to_query(scenario, lang="en"))[0] == back


@given(codec_scenarios())
def test_scenario_is_stable_under_replace(scenario):
    # Rebuilding a scenario (any replace re-validates it) must not move any value, or a link
    # would change when a page touches an unrelated slider.
    again = scenario.replace(cvr=scenario.cvr)
    assert again == scenario and to_query(again) == to_query(scenario)


@example((3, [1.0, 1.0, 4.0]))  # (1/6, 1/6, 2/3), rounded to 6 digits once, must stay put
@given(st.integers(1, 20).flatmap(lambda n: st.tuples(st.just(n), S.shares(n))))
def test_spend_split_normalisation_is_idempotent(case):
    accounts, shares = case
    once = Scenario(accounts=accounts, gdt=1_000, split=(shares, None, shares))
    assert Scenario(accounts=accounts, gdt=1_000, split=once.split) == once
    assert from_query(to_query(once)) == (once, [])
    for normalised in once.split[0], once.split[2]:
        assert sum(normalised) == pytest.approx(1.0, abs=accounts * 1e-6)


@given(S.scenarios(split=None))
def test_equal_scenarios_give_equal_strings(scenario):
    # The same values typed differently: integers as floats and integral floats as ints.
    retyped = {}
    for p in PARAMS:
        value = getattr(scenario, p.key)
        retyped[p.key] = float(value) if p.integer else (int(value) if float(value).is_integer() else value)
    twin = Scenario(**retyped)
    assert twin == scenario and hash(twin) == hash(scenario)
    assert to_query(twin) == to_query(scenario) == to_query(scenario)


@given(codec_scenarios())
def test_whole_links_and_bare_queries_read_the_same(scenario):
    query = to_query(scenario)
    forms = [query, "?" + query, "https://planner.example/?" + query,
             "https://planner.example/app/page?" + query + "#top", "planner.example/?" + query,
             "  " + query + "\n", dict(parse_qsl(query))]
    for form in forms:
        assert from_query(form) == (rounded(scenario), []), form if isinstance(form, str) else "mapping"


@pytest.mark.parametrize("name", list(PRESETS))
def test_preset_query_reproduces_the_preset(name):
    preset = PRESETS[name]
    assert from_query(to_query(preset.scenario)) == (preset.scenario, [])
    assert from_query("preset=" + name) == (preset.scenario, [])
    assert from_query(f"https://planner.example/?preset={name}&aov=50") == (preset.scenario.replace(aov=50), [])


# --- bad links -----------------------------------------------------------------------------------

BAD_TEXT = ["", " ", "nan", "NaN", "inf", "-inf", "+inf", "Infinity", "1e309", "-1e309", "1e300", "-1e300",
            "-1", "9" * 400, "abc", "0x10", "1,5", "三", "0.02元", "🙂", "\x00", "0.02\x00", "\x07", "\x1b[31m",
            "0." + "1" * 5000, "true", "None"]


def assert_one_notice(notices, key, used=None):
    named = [n for n in notices if n.key == key]
    assert len(named) == 1, (key, notices)
    if used is not None:
        assert named[0].used == used
    for lang in ("en", "zh"):
        text = named[0].text(lang)
        assert "\n" not in text and text.isprintable(), text
        assert key in text
        assert len(text) < 400


@pytest.mark.parametrize("key", ["cvr", "aov", "accounts", "days", "invites", "launch_every"])
@pytest.mark.parametrize("text", BAD_TEXT, ids=lambda t: repr(t[:12]))
def test_bad_value_gives_a_notice_and_keeps_the_default(key, text):
    p = BY_KEY[key]
    scenario, notices = from_query(f"{key}={quote(text, safe='')}")
    assert scenario == Scenario()
    assert_one_notice(notices, key, used=format_value(p, p.default))


@pytest.mark.parametrize("key", ["cvr", "accounts"])
def test_bad_value_keeps_the_base_value(key):
    base = Scenario(cvr=0.05, accounts=5)
    scenario, notices = from_query(f"{key}=oops", base=base)
    assert scenario == base
    assert_one_notice(notices, key, used=format_value(BY_KEY[key], getattr(base, key)))


@pytest.mark.parametrize("key", [p.key for p in PARAMS if p.integer])
def test_non_integer_for_an_integer_key_gives_a_notice(key):
    p = BY_KEY[key]
    scenario, notices = from_query(f"{key}={p.min + 0.5}")
    assert getattr(scenario, key) == p.default
    assert_one_notice(notices, key)


@pytest.mark.parametrize("key", [p.key for p in PARAMS])
def test_out_of_range_values_give_a_notice(key):
    p = BY_KEY[key]
    for value in (p.min - max(p.step, 1.0), p.max + max(p.step, 1.0), -1e308, 1e308):
        scenario, notices = from_query(f"{key}={value!r}")
        assert scenario == Scenario()
        assert_one_notice(notices, key)


def test_unknown_key_gives_a_notice_and_changes_nothing():
    scenario, notices = from_query("no_such_key=1&cvr=0.02")
    assert scenario == Scenario(cvr=0.02)
    assert_one_notice(notices, "no_such_key", used="")


def test_repeated_key_gives_a_notice_and_the_last_value_wins():
    scenario, notices = from_query("cvr=0.02&aov=300&cvr=0.03")
    assert scenario == Scenario(cvr=0.03, aov=300)
    assert_one_notice(notices, "cvr")


@pytest.mark.parametrize("version", ["0", "3", "abc", "", "1.0", "999999999999"])
def test_old_or_unknown_version_gives_a_notice_and_reads_by_current_rules(version):
    scenario, notices = from_query(f"v={version}&cvr=0.02")
    assert scenario == Scenario(cvr=0.02)
    assert_one_notice(notices, "v")


def test_current_version_gives_no_notice():
    assert from_query(f"v={codec.QUERY_VERSION}&cvr=0.02") == (Scenario(cvr=0.02), [])


def test_unknown_preset_gives_a_notice_and_the_defaults():
    scenario, notices = from_query("preset=no_such_preset")
    assert scenario == Scenario()
    assert_one_notice(notices, "preset")


@given(st.sampled_from([p.key for p in PARAMS]), st.text(max_size=80))
def test_any_text_for_a_key_is_read_or_noticed_never_raised(key, text):
    p = BY_KEY[key]
    scenario, notices = from_query({key: text})
    value = getattr(scenario, key)
    if notices:
        assert_one_notice(notices, key)
        assert value == p.default
    else:
        assert value == codec.round_value(p, parse_number(text))  # what the text says, at its precision
        assert p.min <= value <= p.max
