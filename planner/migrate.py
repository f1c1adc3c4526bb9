"""Links made with an earlier model keep their meaning where they still can.

A share link carries ``v=`` (``planner.link.QUERY_VERSION``). A ``v=1`` link was made with
model v1; model v2 changed what some parameters mean. ``v1_to_v2`` rewrites a v1 link's keys:

- **carried**: keys whose meaning did not change (``V1_CARRIED``) are kept as they are;
- **converted**: keys that mean the same thing in other units are rewritten (``V1_CONVERTED``):
  v1's ``cvr`` was the public CVR at the link's own order value, v2's is at a 200 元 order, so
  cvr₂ = cvr₁ · (aov / 200)^elasticity keeps the room's CVR; v1's ``fatigue`` counted invites a
  person got a day, v2's a week, so fatigue₂ = fatigue₁ / 7;
- **dropped**: keys with no v2 equivalent (``V1_DROPPED``) are left out, and v2's defaults stand
  in for them (v2's frozen defaults, ``planner.link_versions``, as for any key a link omits).

The planner then reads the rewritten link as a v2 link and says, in one notice, that the link was
made with the earlier model and which of its keys were converted or dropped
(``planner.link`` words it).
"""

from __future__ import annotations

from collections.abc import Mapping

from .link_versions import V2_DEFAULTS
from .params import AOV_REFERENCE, BY_KEY

# v1 keys that mean the same in v2 (their ``*_range`` keys too).
V1_CARRIED: frozenset[str] = frozenset({
    "invites", "aov", "gdt", "beans", "coupons", "accounts", "days", "launch_every", "pool", "show", "share",
    "per_share", "capture", "churn", "ctr", "dwell", "interact", "lev_cap", "follow", "fan_show",
    "session_hours", "gdt_cpv", "beans_cpv", "coupons_cpv", "gdt_prec", "beans_prec", "coupons_prec", "spill",
    "ios_share", "coupon_free", "priv_mult", "returns", "margin", "handoff",
})
# v1 keys rewritten into v2's units.
V1_CONVERTED: frozenset[str] = frozenset({"cvr", "fatigue"})
# v1 keys without a v2 equivalent, and the catalogue key (planner.text) that says why.
V1_DROPPED: dict[str, str] = {
    "weight0": "link.v1_why_weight0",
    "weight_speed": "link.v1_why_weight_speed",
    "repurchase": "link.v1_why_repurchase",
    "overlap": "link.v1_why_overlap",
    "sat_pool": "link.v1_why_sat_pool",
    "gdt_cap": "link.v1_why_caps",
    "beans_cap": "link.v1_why_caps",
    "coupons_cap": "link.v1_why_caps",
}
FATIGUE_DAYS = 7  # v1 counted invites a person got a day, v2 a week
RANGE_SUFFIX = "_range"


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value == value and abs(value) != float("inf") else None


def _text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _cvr_factor(seen: Mapping[str, str]) -> float:
    """(aov / 200)^elasticity at the link's AOV (v2's default AOV if the link has none or a bad
    one) and v2's default elasticity (v2's frozen defaults, ``planner.link_versions``, so a v1
    link keeps its meaning when today's defaults change): v1's CVR at that AOV is v2's CVR times this factor's inverse."""
    aov = _number(seen.get("aov", ""))
    p = BY_KEY["aov"]
    if aov is None or not p.min <= aov <= p.max:
        aov = V2_DEFAULTS["aov"]
    return (aov / AOV_REFERENCE) ** V2_DEFAULTS["aov_elasticity"]


def _convert(key: str, text: str, seen: Mapping[str, str]) -> str:
    """One v1 value (or ``low,high`` range) of a converted key in v2's units; text that is not a
    number is passed on unchanged, for the v2 reader to refuse with its usual notice."""
    factor = _cvr_factor(seen) if key == "cvr" else 1.0 / FATIGUE_DAYS
    parts = text.split(",")
    numbers = [_number(part) for part in parts]
    if None in numbers or len(parts) > 2:
        return text
    return ",".join(_text(round(x * factor, 12)) for x in numbers)


def v1_to_v2(seen: Mapping[str, str]) -> tuple[dict[str, str], list[str], list[str]]:
    """A v1 link's keys (``key → value`` text, ``v`` excluded) rewritten for v2, with the keys
    that were converted and the keys that were dropped. Keys the planner does not know from any
    version are passed on unchanged (the v2 reader reports them)."""
    out: dict[str, str] = {}
    converted: list[str] = []
    dropped: list[str] = []
    for name, text in seen.items():
        key = name[: -len(RANGE_SUFFIX)] if name.endswith(RANGE_SUFFIX) else name
        if key in V1_DROPPED:
            dropped.append(name)
        elif key in V1_CONVERTED:
            out[name] = _convert(key, text, seen)
            converted.append(name)
        else:
            out[name] = text
    return out, converted, dropped
