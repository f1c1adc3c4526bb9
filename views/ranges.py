"""The Ranges page's widgets (draws, seed, which parameters carry a range, one range slider
each) and the cached Monte Carlo and sensitivity.

The scenario's ranges, draws and seed are fields no sidebar widget carries: ``views.state``
keeps them from the link (``EXTRA_FIELDS``) in session state and in the address bar, as the
codec writes them (``cvr_range=0.01,0.03&draws=1000&seed=0``), and builds every page's
scenario with them. The widgets here are not bound to the URL by Streamlit (a bound range
slider would write ``?cvr_range=0.01&cvr_range=0.03``, not the codec's form): their
``on_change`` callback puts the new settings into the scenario through ``state``'s loader
before the script runs, so the sidebar's share link and the address bar are current.
"""

from __future__ import annotations

import math

import streamlit as st

from planner import uncertainty
from planner.link import from_query
from planner.params import BY_KEY
from planner.scenario import MAX_DRAWS, MAX_SEED, MIN_DRAWS, UNCERTAIN_KEYS, Scenario
from planner.text import t

from . import memo, state
from .controls import slider_format
from .i18n import param_help, param_label

DRAWS_KEY, SEED_KEY, KEYS_KEY = "_mc_draws", "_mc_seed", "_mc_keys"
RANGE_WIDGET = "_mc_range_"  # + parameter key


# --- widgets ----------------------------------------------------------------------------

def default_range(key: str, point: float) -> tuple[float, float]:
    """A new range: the parameter's default range around the point value
    (``uncertainty.default_range``, else ±20%), on the slider's steps, within the limits; the
    whole allowed range when that would be empty (a value of 0)."""
    p = BY_KEY[key]
    low, high, _ = uncertainty.swing_span(Scenario(**{key: point}), key)
    low, high = math.floor(low / p.step + 1e-9) * p.step, math.ceil(high / p.step - 1e-9) * p.step
    if high <= low:
        low, high = p.min, p.max
    return state.clean_value(key, low), state.clean_value(key, high)


def slider_bounds(key: str, point: float, high: float) -> tuple[float, float]:
    """The range slider's ends: the registry's limits, but no higher than 3 × the larger of the
    point value and the range's high end when the limit is 10 times that or more (an AOV range
    of 180–300 on a 10–20,000 slider could not be set by hand). It grows as the high end does."""
    p = BY_KEY[key]
    ref = max(float(point), float(high))
    if ref <= 0 or p.max < 10 * ref:
        return p.min, p.max
    return p.min, state.clean_value(key, math.ceil(3 * ref / p.step) * p.step)


def _store() -> None:
    """Widget callback: the widgets' ranges, draws and seed go into the scenario (session state
    and address bar) before the script runs."""
    ss = st.session_state
    now = state.scenario()
    ranges = {}
    for key in ss.get(KEYS_KEY, []):
        low, high = ss.get(RANGE_WIDGET + key) or default_range(key, getattr(now, key))
        ranges[key] = (state.clean_value(key, low), state.clean_value(key, high))
    state.load_extras(now.replace(ranges=ranges, draws=int(ss[DRAWS_KEY]), seed=int(ss[SEED_KEY])))


def controls(scenario: Scenario, lang: str) -> None:
    """Draws, seed, which parameters carry a range, and one range slider for each. The widgets
    show ``scenario``'s settings: the callbacks have already put any change into it, and a
    preset or a reset may have replaced them since."""
    ss = st.session_state
    have = scenario.range_map()
    ss[DRAWS_KEY], ss[SEED_KEY], ss[KEYS_KEY] = scenario.draws, scenario.seed, list(have)
    for key, value in have.items():
        ss[RANGE_WIDGET + key] = value
    c1, c2 = st.columns(2)
    c1.number_input(t("uncertainty_page.draws_label", lang), min_value=MIN_DRAWS, max_value=MAX_DRAWS, step=100, key=DRAWS_KEY,
                    help=t("uncertainty_page.draws_help", lang), on_change=_store)
    c2.number_input(t("uncertainty_page.seed_label", lang), min_value=0, max_value=MAX_SEED, step=1, key=SEED_KEY,
                    help=t("glossary.seed.meaning", lang), on_change=_store)
    st.multiselect(t("uncertainty_page.ranged_label", lang), UNCERTAIN_KEYS, key=KEYS_KEY, help=t("uncertainty_page.ranged_help", lang),
                   format_func=lambda key: BY_KEY[key].label(lang), on_change=_store,
                   placeholder=t("uncertainty_page.ranged_placeholder", lang))
    columns = st.columns(2)
    for i, key in enumerate(k for k in UNCERTAIN_KEYS if k in ss[KEYS_KEY]):
        p = BY_KEY[key]
        kind = int if p.integer else float
        low, high = slider_bounds(key, getattr(scenario, key), have[key][1])
        columns[i % 2].slider(
            t("uncertainty_page.range_label", lang, label=param_label(p, lang)), min_value=kind(low), max_value=kind(high),
            step=kind(p.step), key=RANGE_WIDGET + key, format=slider_format(p), help=param_help(p, lang), on_change=_store)


TARGET_DAY_KEY = "_target_day"


def keep_target_day_within(days: int) -> None:
    """Before the target-day slider exists: a horizon shortened since keeps the day on it."""
    if st.session_state.get(TARGET_DAY_KEY, 0) > days:
        st.session_state[TARGET_DAY_KEY] = days


# --- the model, cached on the canonical query ---------------------------------------------

# The Monte Carlo is the planner's largest result: at most 61 MiB within its compute budget
# (planner.uncertainty.MAX_DRAW_DAYS), so this keeps at least two of the heaviest.
@memo.cached(max_bytes=128 * 2**20, heavy=True)
def monte_carlo(query: str) -> uncertainty.MonteCarlo:
    """The Monte Carlo of the scenario ``query`` (canonical ``to_query``). Callers must not
    modify the arrays."""
    return uncertainty.monte_carlo(from_query(query)[0])


@memo.cached(max_bytes=8 * 2**20, heavy=True)  # its scratch arrays are as big as the Monte Carlo
def bands(query: str) -> uncertainty.Bands:
    return uncertainty.bands(monte_carlo(query))


@memo.cached(max_bytes=8 * 2**20, heavy=True)
def sensitivity(query: str) -> uncertainty.Sensitivity:
    return uncertainty.sensitivity(from_query(query)[0])
