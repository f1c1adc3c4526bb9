"""The baseline's link key (planner.baseline): compact, exact, and a bad one is dropped whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner import baseline
from planner.link import from_query, rounded, to_query
from planner.params import DEFAULTS, PARAMS
from planner.scenario import Scenario

from .strategies import scenarios


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_a_baseline_reads_back_as_the_same_scenario(scenario):
    text = baseline.encode(scenario)
    back, notice = baseline.decode(text)
    assert notice is None
    assert to_query(back) == to_query(Scenario(**scenario.as_dict(), split=scenario.split))
    assert baseline.encode(back) == text  # canonical: reading and writing again changes nothing


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_a_baseline_carries_only_what_differs_from_the_defaults(scenario):
    keys = {pair.split(":", 1)[0] for pair in baseline.encode(scenario).split(";")} - {"default"}
    at_link_precision = rounded(scenario)  # what a link can hold: 0.5 元 of coupons is 0
    changed = {p.key for p in PARAMS if getattr(at_link_precision, p.key) != DEFAULTS[p.key]}
    assert keys - {"gdt_split", "beans_split", "coupons_split"} == changed


def test_the_defaults_are_one_word_and_a_change_is_key_colon_value():
    assert baseline.encode(Scenario()) == "default"
    assert baseline.decode("default") == (Scenario(), None)
    assert baseline.encode(Scenario(invites=5000, gdt=2000.0)) == "invites:5000;gdt:2000"
    link_scenario, _ = from_query("invites=5000&gdt=2000")
    assert baseline.decode("invites:5000;gdt:2000")[0] == link_scenario


@given(st.sampled_from([
    "", "invites", "invites:", "invites:abc", "invites:-5", "invites:1e99", "nope:1", "invites:5000;invites:6000",
    "v:2", "lang:en", "preset:apparel_matrix", "cvr_range:0.01,0.02", "seed:3", "gdt_split:1,2,3,4,5,6,7",
    "invites:5000;;", "<script>alert(1)</script>", "invites:5000" + ";gdt:1" * 2000,
]))
def test_a_bad_baseline_is_dropped_with_one_notice_naming_the_key(text):
    scenario, notice = baseline.decode(text)
    assert scenario is None
    assert notice is not None and notice.key == "base"
    for lang in ("zh", "en"):
        line = notice.text(lang)
        assert "base=" in line and "\n" not in line and len(line) < 300


def test_a_baseline_is_read_on_its_links_version(monkeypatch):
    """A v2 link's base= keeps its v2 meaning after a later version changes a default: here the
    v2 table is made to differ from today's registry (AOV 150 then, 220 now)."""
    from planner import link_versions

    assert DEFAULTS["aov"] != 150
    v2 = {**link_versions.DEFAULTS_BY_VERSION[2], "aov": 150}
    monkeypatch.setitem(link_versions.DEFAULTS_BY_VERSION, 2, v2)
    monkeypatch.setattr("planner.link.QUERY_VERSION", 3)
    monkeypatch.setitem(link_versions.DEFAULTS_BY_VERSION, 3, dict(DEFAULTS))
    monkeypatch.setitem(link_versions.CODEC_DEFAULTS_BY_VERSION, 3, link_versions.CODEC_DEFAULTS_BY_VERSION[2])
    old, notice = baseline.decode("invites:5000", "2")
    assert notice is None and (old.invites, old.aov) == (5000, 150)
    assert "aov:150" in baseline.encode(old)  # written on today's defaults, it keeps its AOV
    today, _ = baseline.decode("invites:5000")
    assert (today.invites, today.aov) == (5000, DEFAULTS["aov"])


def test_a_v1_links_baseline_is_carried_over_like_the_link_without_a_notice_of_its_own():
    scenario, notice = baseline.decode("invites:5000", "1")
    link, _ = from_query("v=1&invites=5000")
    assert notice is None and scenario.as_dict() == link.as_dict()
