"""Short share links keep their meaning: each version's defaults are frozen (planner.link_versions),
stored real links open to the scenarios they were made for, and a typical link is short.

The stored links are held against full snapshots: every parameter written out, so what a
snapshot means does not depend on any default. A stored link that opens to anything else has
changed its meaning.
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import link, link_versions
from planner.cli import main
from planner.link import QUERY_VERSION, from_query, to_query
from planner.params import BY_KEY, DEFAULTS, HEADLINE_KEYS, PARAMS
from planner.presets import PRESETS
from planner.scenario import DEFAULT_DRAWS, DEFAULT_SEED, Scenario
from tests.planner import strategies as S
from tests.planner.test_migrate import V1_LINKS

# Every parameter of model v2 at its v2 default, written out (a full snapshot's common part).
_V2_REST = ("sessions_week=7&session_hours=3&show=0.08&fatigue=0.3&share=0.15&per_share=1.2&repurchase=0.6"
            "&video_follow=0.002&video_to_room=0.03&audience=10000000&fan_show=0.02&follow=0.03&ctr=0.12"
            "&dwell=10&interact=0.07&lev_cap=9&weight_speed=0.03&gdt_cpv=1.2&beans_cpv=0.3&coupons_cpv=0.4"
            "&gdt_cap=5000&beans_cap=2000&coupons_cap=1000&coupons_prec=0.6&spill=0.3&ios_share=0.5"
            "&coupon_free=0&priv_mult=8&aov_elasticity=0.5&visits_per_viewer=1.3&fan_mult=2&handoff=0.05"
            "&sat_share=0.3&sat_content=0.5&draws=1000&seed=0")


def _snapshot(**values) -> str:
    """A full snapshot: the values given over v2's defaults, as written out in ``_V2_REST`` and
    below (so the oracle does not read planner.link_versions)."""
    base = {"invites": 2000, "cvr": 0.005, "aov": 220, "gdt": 0, "beans": 0, "coupons": 0, "accounts": 3,
            "days": 90, "pool": 20000, "capture": 0.3, "churn": 0.002, "buyer_share": 0.2, "followers": 0,
            "video_plays": 10000, "gdt_prec": 1, "beans_prec": 0.8, "returns": 0.1, "margin": 0.4,
            "launch_every": 14}
    rest = dict(pair.split("=") for pair in _V2_REST.split("&"))
    both = {**base, **rest, **values}
    assert set(both) >= {p.key for p in PARAMS if p.key in link_versions.V2_DEFAULTS}
    return "&".join(f"{k}={v}" for k, v in both.items())


# (link as the planner wrote it, the scenario it was made for as a full snapshot)
STORED_LINKS = {
    "defaults": ("v=2", _snapshot()),
    "typical": ("v=2&invites=5000&cvr=0.008&aov=300&beans=2000&accounts=2",
                _snapshot(invites=5000, cvr=0.008, aov=300, beans=2000, accounts=2)),
    "ranges": ("v=2&invites=3000&gdt=2000&days=60&gdt_split=0.5,0.3,0.2&cvr_range=0.004,0.012&aov_range=180,260"
               "&seed=7",
               _snapshot(invites=3000, gdt=2000, days=60, seed=7)
               + "&gdt_split=0.5,0.3,0.2&cvr_range=0.004,0.012&aov_range=180,260"),
    "english": ("v=2&cvr=0.00625&coupons=1500&lang=en", _snapshot(cvr=0.00625, coupons=1500)),
    "preset apparel_matrix": (
        "v=2&invites=10000&accounts=6&pool=100000&buyer_share=0.5&video_plays=30000000&launch_every=12",
        _snapshot(invites=10000, accounts=6, pool=100000, buyer_share=0.5, video_plays=30000000, launch_every=12)),
    "preset store_chain": (
        "v=2&invites=30000&aov=200&accounts=4&days=120&pool=300000&buyer_share=0.6&followers=20000"
        "&video_plays=100000&launch_every=30",
        _snapshot(invites=30000, aov=200, accounts=4, days=120, pool=300000, buyer_share=0.6, followers=20000,
                  video_plays=100000, launch_every=30)),
    "preset retail_guides": (
        "v=2&invites=200000&aov=150&accounts=1&pool=3000000&buyer_share=0.6&followers=100000&video_plays=100000",
        _snapshot(invites=200000, aov=150, accounts=1, pool=3000000, buyer_share=0.6, followers=100000,
                  video_plays=100000)),
    "preset private_kol": (
        "v=2&invites=20000&aov=300&accounts=1&sessions_week=1&session_hours=4&pool=30000&buyer_share=0.4"
        "&followers=5000",
        _snapshot(invites=20000, aov=300, accounts=1, sessions_week=1, session_hours=4, pool=30000,
                  buyer_share=0.4, followers=5000)),
    "preset coffee_funnel": (
        "v=2&invites=1500&aov=40&days=180&session_hours=4&pool=5000&capture=0.6&churn=0.0005&margin=0.6"
        "&launch_every=30",
        _snapshot(invites=1500, aov=40, days=180, session_hours=4, pool=5000, capture=0.6, churn=0.0005,
                  margin=0.6, launch_every=30)),
    "preset expert_high_aov": (
        "v=2&invites=1500&aov=3000&gdt=2000&beans=1000&accounts=1&pool=8000&followers=50000&video_plays=1000000"
        "&gdt_prec=1.5&beans_prec=1.2&returns=0.15&margin=0.5",
        _snapshot(invites=1500, aov=3000, gdt=2000, beans=1000, accounts=1, pool=8000, followers=50000,
                  video_plays=1000000, gdt_prec=1.5, beans_prec=1.2, returns=0.15, margin=0.5)),
    "preset cold_start_beans": (
        "v=2&invites=400&aov=180&beans=500&accounts=1&days=60&pool=2000",
        _snapshot(invites=400, aov=180, beans=500, accounts=1, days=60, pool=2000)),
    # What the planner wrote before short links: every parameter, v=2.
    "long v2": ("v=2&" + _snapshot(invites=5000, gdt=2000).removesuffix("&draws=1000&seed=0"),
                _snapshot(invites=5000, gdt=2000)),
    # A v1 link (main's apparel preset before model v2): cvr and fatigue converted to v2's units at
    # the link's precision, v1-only keys dropped, what v1 did not have at v2's defaults.
    "v1 apparel_matrix": (V1_LINKS["apparel_matrix"],
                          _snapshot(invites=95000, cvr=0.02449, aov=300, accounts=6, pool=620000, show=0.06,
                                    fatigue=0.143, ctr=0.3, dwell=8, interact=0.1, beans_cpv=0.5,
                                    launch_every=0, handoff=0.08)),
}


@pytest.mark.parametrize("name", list(STORED_LINKS))
def test_a_stored_link_opens_to_the_scenario_it_was_made_for(name):
    stored, snapshot = STORED_LINKS[name]
    scenario, notices = from_query(stored)
    expected, none = from_query(snapshot)
    assert none == []
    assert scenario == expected
    assert [n.key for n in notices] == (["v"] if stored.startswith("v=1&") else [])


@pytest.mark.skipif(QUERY_VERSION != 2, reason="stored v2 links are rewritten in the current version's form")
@pytest.mark.parametrize("name", [name for name in STORED_LINKS if not name.startswith(("v1", "long"))])
def test_a_stored_v2_link_is_what_the_codec_writes(name):
    stored, _ = STORED_LINKS[name]
    scenario, _ = from_query(stored)
    lang = "en" if "lang=en" in stored else None
    assert to_query(scenario, lang=lang) == stored


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_is_among_the_stored_links(name):
    _, snapshot = STORED_LINKS[f"preset {name}"]
    assert from_query(snapshot)[0] == PRESETS[name].scenario


def test_the_current_versions_defaults_are_the_registrys():
    # Changing a default in planner.params changes what every short link means: add a new
    # version to planner.link_versions (and raise planner.link.QUERY_VERSION) instead.
    table = link_versions.DEFAULTS_BY_VERSION[QUERY_VERSION]
    assert dict(table) == {p.key: p.default for p in PARAMS}
    assert dict(link_versions.CODEC_DEFAULTS_BY_VERSION[QUERY_VERSION]) == {"draws": DEFAULT_DRAWS,
                                                                             "seed": DEFAULT_SEED}


def test_every_versions_defaults_are_allowed_today():
    # A frozen default today's registry no longer allows would silently give way to today's.
    for version, table in link_versions.DEFAULTS_BY_VERSION.items():
        for key, value in table.items():
            p = BY_KEY.get(key)
            assert p is not None and p.min <= value <= p.max, (version, key, value)


def test_a_link_keeps_its_meaning_when_a_new_version_changes_a_default(monkeypatch):
    v3 = {**link_versions.V2_DEFAULTS, "invites": 3000, "aov": 250}
    monkeypatch.setattr(link_versions, "DEFAULTS_BY_VERSION", {2: link_versions.V2_DEFAULTS, 3: v3})
    monkeypatch.setattr(link_versions, "CODEC_DEFAULTS_BY_VERSION",
                        {2: link_versions.V2_CODEC_DEFAULTS, 3: link_versions.V2_CODEC_DEFAULTS})
    monkeypatch.setattr(link, "QUERY_VERSION", 3)
    old, notices = from_query("v=2&gdt=2000")
    assert notices == [] and (old.invites, old.aov, old.gdt) == (2000, 220, 2000)
    assert to_query(old) == "v=3&invites=2000&aov=220&gdt=2000"  # rewritten against v3's defaults
    new, _ = from_query("v=3&gdt=2000")
    assert (new.invites, new.aov) == (3000, 250)
    assert from_query(to_query(old))[0] == old


def test_a_link_with_an_unknown_version_is_read_on_the_current_defaults_and_said_so():
    scenario, notices = from_query("v=9&gdt=2000")
    assert scenario == Scenario(gdt=2000) and [n.key for n in notices] == ["v"]


# --- short ------------------------------------------------------------------------------------

def test_a_typical_link_is_at_most_150_characters():
    scenario = Scenario(invites=5000, cvr=0.008, aov=300, beans=2000, accounts=2)
    url = "https://planner.example.com/?" + to_query(scenario, lang="en")
    assert len(url) <= 150, url


@given(st.lists(st.sampled_from([*HEADLINE_KEYS, "accounts", "days"]), min_size=5, max_size=5, unique=True)
       .flatmap(lambda keys: st.fixed_dictionaries({k: S.values(k) for k in keys})))
def test_any_five_headline_changes_fit_in_100_characters(changes):
    # room for a 50-character address in front (https://xxxxxxxx.example.com/planner/?)
    query = to_query(Scenario(**changes))
    assert len(query) <= 100, query
    assert len(query.split("&")) <= 6  # v and at most the five keys


def test_a_link_at_the_defaults_is_only_its_version():
    assert to_query(Scenario()) == f"v={QUERY_VERSION}"
    assert to_query(Scenario(), lang="en") == f"v={QUERY_VERSION}&lang=en"


@given(S.scenarios())
def test_keys_are_in_registry_order_and_each_differs_from_the_default(scenario):
    keys = [k for k, _ in (pair.split("=") for pair in to_query(scenario).split("&"))]
    assert keys[0] == "v"
    params = [k for k in keys if k in BY_KEY]
    order = [p.key for p in PARAMS]
    assert params == sorted(params, key=order.index)
    rounded = link.rounded(scenario)
    assert set(params) == {p.key for p in PARAMS if getattr(rounded, p.key) != DEFAULTS[p.key]}


# --- the same short form in the CLI -----------------------------------------------------------

def _cli_json(argv: list[str]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return json.loads(out.getvalue())


def test_the_cli_report_and_presets_write_the_short_form():
    doc = _cli_json(["report", "https://p.example/?invites=5000&cvr=0.008&beans=4411.764705882352",
                     "--format", "json"])
    assert doc["query"] == "v=2&invites=5000&cvr=0.008&beans=4412"
    presets = _cli_json(["presets", "--format", "json"])
    for entry in presets:
        stored, _ = STORED_LINKS[f"preset {entry['name']}"]
        assert entry["query"] == stored
