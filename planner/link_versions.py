"""Each share-link version's defaults, frozen as data.

A share link carries only the parameters that differ from its version's defaults, plus ``v=``
(``planner.link``). So that a link keeps its meaning after a default changes, every version's
defaults are written out here as a literal, never read from the registry: a link made with
``v=2`` is read on top of ``DEFAULTS_BY_VERSION[2]`` whatever ``planner.params`` says today.

Changing a default in ``planner.params`` therefore needs a new version: add ``V3_DEFAULTS``
(today's registry defaults) to ``DEFAULTS_BY_VERSION``, raise ``planner.link.QUERY_VERSION`` to
3, and leave ``V2_DEFAULTS`` as it is. ``tests/planner/test_link_versions.py`` fails when the
registry's defaults and the current version's table disagree. A parameter added after a version
(absent from its table) takes the registry's default when a link of that version is read.
"""

from __future__ import annotations

from collections.abc import Mapping

# Model v2's defaults, as the registry held them when short links began (November 2026).
V2_DEFAULTS: Mapping[str, float] = {
    "invites": 2000,
    "cvr": 0.005,
    "aov": 220,
    "gdt": 0,
    "beans": 0,
    "coupons": 0,
    "accounts": 3,
    "days": 90,
    "sessions_week": 7,
    "session_hours": 3,
    "pool": 20000,
    "show": 0.08,
    "fatigue": 0.3,
    "share": 0.15,
    "per_share": 1.2,
    "capture": 0.3,
    "churn": 0.002,
    "repurchase": 0.6,
    "buyer_share": 0.2,
    "followers": 0,
    "video_plays": 10000,
    "video_follow": 0.002,
    "video_to_room": 0.03,
    "audience": 10000000,
    "fan_show": 0.02,
    "follow": 0.03,
    "ctr": 0.12,
    "dwell": 10,
    "interact": 0.07,
    "lev_cap": 9,
    "weight_speed": 0.03,
    "gdt_cpv": 1.2,
    "beans_cpv": 0.3,
    "coupons_cpv": 0.4,
    "gdt_cap": 5000,
    "beans_cap": 2000,
    "coupons_cap": 1000,
    "gdt_prec": 1,
    "beans_prec": 0.8,
    "coupons_prec": 0.6,
    "spill": 0.3,
    "ios_share": 0.5,
    "coupon_free": 0,
    "priv_mult": 8,
    "aov_elasticity": 0.5,
    "visits_per_viewer": 1.3,
    "fan_mult": 2,
    "returns": 0.1,
    "margin": 0.4,
    "launch_every": 14,
    "handoff": 0.05,
    "sat_share": 0.3,
    "sat_content": 0.5,
}
# The Monte Carlo fields a link omits when they are at their defaults (planner.scenario).
V2_CODEC_DEFAULTS: Mapping[str, int] = {"draws": 1000, "seed": 0}

DEFAULTS_BY_VERSION: Mapping[int, Mapping[str, float]] = {2: V2_DEFAULTS}
CODEC_DEFAULTS_BY_VERSION: Mapping[int, Mapping[str, int]] = {2: V2_CODEC_DEFAULTS}

