"""Links made with model v1 (the share queries of main's presets before model v2, stored as they
were) open under v2 with one notice, their parameters carried over where they still mean the same
thing, converted where v2 counts them in other units, and dropped where v2 has no equivalent."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from planner import migrate
from planner.link import QUERY_VERSION, from_query, round_value, to_query
from planner.link_versions import V2_DEFAULTS
from planner.params import AOV_REFERENCE, BY_KEY
from planner.scenario import Scenario

# ``python -m planner presets`` on main before model v2 (and the default scenario's query).
V1_LINKS = {
    "default": (
        "v=1&invites=2000&cvr=0.015&aov=220&gdt=0&beans=0&coupons=0&accounts=3&days=90&pool=20000&show=0."
        "08&fatigue=1&share=0.15&per_share=1.2&capture=0.3&churn=0.002&repurchase=0.6&weight0=0.3&ctr=0.1"
        "2&dwell=3&interact=0.07&lev_cap=9&weight_speed=0.1&follow=0.03&fan_show=0.02&session_hours=3&gdt"
        "_cpv=1.2&beans_cpv=0.5&coupons_cpv=0.4&gdt_cap=20000&beans_cap=10000&coupons_cap=5000&gdt_prec=1"
        "&beans_prec=0.8&coupons_prec=0.6&spill=0.3&ios_share=0.5&coupon_free=0&priv_mult=8&returns=0.1&m"
        "argin=0.4&launch_every=14&handoff=0.05&overlap=0.7&sat_pool=0.2"
    ),
    "apparel_matrix": (
        "v=1&invites=95000&cvr=0.02&aov=300&gdt=0&beans=0&coupons=0&accounts=6&days=90&pool=620000&show=0"
        ".06&fatigue=1&share=0.15&per_share=1.2&capture=0.3&churn=0.002&repurchase=0.6&weight0=0.7&ctr=0."
        "3&dwell=8&interact=0.1&lev_cap=9&weight_speed=0.1&follow=0.03&fan_show=0.02&session_hours=3&gdt_"
        "cpv=1.2&beans_cpv=0.5&coupons_cpv=0.4&gdt_cap=20000&beans_cap=10000&coupons_cap=5000&gdt_prec=1&"
        "beans_prec=0.8&coupons_prec=0.6&spill=0.3&ios_share=0.5&coupon_free=0&priv_mult=8&returns=0.1&ma"
        "rgin=0.4&launch_every=0&handoff=0.08&overlap=0.5&sat_pool=0.5"
    ),
    "retail_guides": (
        "v=1&invites=200000&cvr=0.015&aov=150&gdt=0&beans=0&coupons=0&accounts=1&days=90&pool=3000000&sho"
        "w=0.03&fatigue=1.5&share=0.15&per_share=1.2&capture=0.2&churn=0.002&repurchase=0.6&weight0=0.6&c"
        "tr=0.12&dwell=3&interact=0.07&lev_cap=9&weight_speed=0.1&follow=0.03&fan_show=0.02&session_hours"
        "=3&gdt_cpv=1.2&beans_cpv=0.5&coupons_cpv=0.4&gdt_cap=20000&beans_cap=10000&coupons_cap=5000&gdt_"
        "prec=1&beans_prec=0.8&coupons_prec=0.6&spill=0.3&ios_share=0.5&coupon_free=0&priv_mult=6&returns"
        "=0.1&margin=0.4&launch_every=14&handoff=0.05&overlap=0.7&sat_pool=0.2"
    ),
    "coffee_funnel": (
        "v=1&invites=1500&cvr=0.05&aov=40&gdt=0&beans=0&coupons=300&accounts=3&days=180&pool=5000&show=0."
        "1&fatigue=1&share=0.15&per_share=1.2&capture=0.6&churn=0.001&repurchase=0.7&weight0=0.3&ctr=0.12"
        "&dwell=3&interact=0.07&lev_cap=9&weight_speed=0.1&follow=0.03&fan_show=0.02&session_hours=3&gdt_"
        "cpv=1.2&beans_cpv=0.5&coupons_cpv=0.3&gdt_cap=20000&beans_cap=10000&coupons_cap=5000&gdt_prec=1&"
        "beans_prec=0.8&coupons_prec=0.6&spill=0.3&ios_share=0.5&coupon_free=0&priv_mult=4&returns=0.1&ma"
        "rgin=0.6&launch_every=30&handoff=0.05&overlap=0.7&sat_pool=0.2"
    ),
    "expert_high_aov": (
        "v=1&invites=1500&cvr=0.003&aov=3000&gdt=2000&beans=1000&coupons=0&accounts=1&days=90&pool=8000&s"
        "how=0.08&fatigue=1&share=0.15&per_share=1.2&capture=0.3&churn=0.002&repurchase=0.6&weight0=0.4&c"
        "tr=0.12&dwell=3&interact=0.07&lev_cap=9&weight_speed=0.1&follow=0.03&fan_show=0.02&session_hours"
        "=3&gdt_cpv=1.2&beans_cpv=0.5&coupons_cpv=0.4&gdt_cap=20000&beans_cap=10000&coupons_cap=5000&gdt_"
        "prec=1.5&beans_prec=1.2&coupons_prec=0.6&spill=0.3&ios_share=0.5&coupon_free=0&priv_mult=12&retu"
        "rns=0.15&margin=0.5&launch_every=14&handoff=0.05&overlap=0.7&sat_pool=0.2"
    ),
    "cold_start_beans": (
        "v=1&invites=400&cvr=0.015&aov=180&gdt=0&beans=500&coupons=0&accounts=1&days=60&pool=2000&show=0."
        "08&fatigue=1&share=0.15&per_share=1.2&capture=0.3&churn=0.002&repurchase=0.6&weight0=0&ctr=0.12&"
        "dwell=3&interact=0.07&lev_cap=9&weight_speed=0.1&follow=0.03&fan_show=0.02&session_hours=3&gdt_c"
        "pv=1.2&beans_cpv=0.5&coupons_cpv=0.4&gdt_cap=20000&beans_cap=10000&coupons_cap=5000&gdt_prec=1&b"
        "eans_prec=0.8&coupons_prec=0.6&spill=0.3&ios_share=0.5&coupon_free=0&priv_mult=8&returns=0.1&mar"
        "gin=0.4&launch_every=14&handoff=0.05&overlap=0.7&sat_pool=0.2"
    ),
}
# Every key a v1 link could carry (model v1's registry).
V1_KEYS = frozenset(key for key, _ in parse_qsl(V1_LINKS["default"])) - {"v"}


def test_every_v1_key_is_carried_converted_or_dropped():
    assert V1_KEYS == migrate.V1_CARRIED | migrate.V1_CONVERTED | set(migrate.V1_DROPPED)
    assert not migrate.V1_CARRIED & migrate.V1_CONVERTED and not migrate.V1_CARRIED & set(migrate.V1_DROPPED)
    assert all(key in BY_KEY for key in migrate.V1_CARRIED | migrate.V1_CONVERTED)


@pytest.mark.parametrize("name", list(V1_LINKS))
def test_a_v1_link_opens_with_one_notice_naming_what_was_converted_and_dropped(name):
    v1 = dict(parse_qsl(V1_LINKS[name]))
    scenario, notices = from_query(V1_LINKS[name])
    assert len(notices) == 1 and notices[0].key == "v"
    for lang in ("en", "zh"):
        text = notices[0].text(lang)
        assert "\n" not in text
        for key in migrate.V1_DROPPED:
            assert key in text
        assert "cvr" in text and "fatigue" in text
    assert "earlier model" in notices[0].text("en") and "旧版模型" in notices[0].text("zh")
    # Carried keys keep their values, to the digit.
    for key in migrate.V1_CARRIED:
        p = BY_KEY[key]
        assert getattr(scenario, key) == (int(v1[key]) if p.integer else float(v1[key])), key
    # cvr keeps the room's own CVR at the link's order value; fatigue counts invites a week.
    aov = float(v1["aov"])
    expected_cvr = float(v1["cvr"]) * (aov / AOV_REFERENCE) ** V2_DEFAULTS["aov_elasticity"]
    # Both at the precision a link writes (a CVR to 0.001 %, planner.link.decimals).
    assert scenario.cvr == round_value(BY_KEY["cvr"], expected_cvr)
    room_cvr = scenario.cvr * (AOV_REFERENCE / aov) ** scenario.aov_elasticity
    assert room_cvr == pytest.approx(float(v1["cvr"]), abs=1e-5)
    assert scenario.fatigue == round_value(BY_KEY["fatigue"], float(v1["fatigue"]) / 7)
    # What v2 added keeps v2's default (frozen in planner.link_versions).
    for key in ("sessions_week", "followers", "video_plays", "audience", "sat_share"):
        assert getattr(scenario, key) == V2_DEFAULTS[key]
    # Written again, the link is a v2 link that reads back without a word.
    again, quiet = from_query(to_query(scenario))
    assert to_query(scenario).startswith(f"v={QUERY_VERSION}&") and quiet == [] and again == scenario


def test_v1_ranges_follow_their_keys():
    scenario, notices = from_query("v=1&aov=200&cvr_range=0.01,0.03&repurchase_range=0.2,0.8&show_range=0.05,0.1")
    assert scenario.range_map() == {"cvr": (0.01, 0.03), "show": (0.05, 0.1)}
    assert "repurchase_range" in notices[0].text("en")


def test_a_v1_value_that_is_not_a_number_gets_the_usual_notice():
    scenario, notices = from_query("v=1&cvr=abc&weight0=0.5")
    assert scenario == Scenario()
    assert [n.key for n in notices] == ["v", "cvr"]


def test_a_link_without_a_version_is_read_as_the_current_one():
    assert from_query("cvr=0.02") == (Scenario(cvr=0.02), [])
