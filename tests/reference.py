"""A slow, obvious reference implementation of the model in ``planner/engine.py``.

Plain floats, ``math`` and nested loops over draws, days and accounts; numpy is used only to
pack the results into arrays shaped like ``planner.engine.Projection``'s. Each block below
carries the equation from the engine's module docstring it implements, so the two can be
read side by side. The tests check that the vectorised engine agrees with this to 1e-9.

Constants are restated here from the domain notes (``shared/DOMAIN.md``) and the engine's
documented assumptions rather than imported, so that a changed constant in the engine shows
up as a disagreement instead of passing silently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from planner.params import PARAMS

# DOMAIN.md facts.
BEANS_PER_YUAN_ANDROID = 10.0  # 1 元 buys 10 beans on Android and web ...
BEANS_PER_YUAN_IOS = 7.0  # ... and 7 on iOS
PUSH_MIN, PUSH_MAX = 50.0, 500.0  # the opening wave: roughly 50–500 viewers, more for more weight
COUPON_GRANT_MIN_PRIVATE = 50.0  # coupons granted for bringing 50 or more private viewers
# Stages read from viewers two hours into a session: cold start under 1,000, take-off from
# 1,000, growth from 10,000, head from 100,000.
STAGE_FROM = (1_000.0, 10_000.0, 100_000.0)

# The engine's documented room-quality assumptions (its docstring and QUALITY_WEIGHTS).
W_PRIVATE, W_CTR, W_DWELL, W_GPM, W_INTERACT = 0.30, 0.20, 0.15, 0.20, 0.15
PRIVATE_VOLUME_HALF = 500.0
CTR_FULL = 0.30
DWELL_FULL_MINUTES = 10.0
GPM_HALF = 3000.0
INTERACT_FULL = 0.14

TOOLS = ("gdt", "beans", "coupons")
NOT_PER_DRAW = ("accounts", "days", "launch_every", *TOOLS)  # shape, and spend (see spend_split)


@dataclass(frozen=True)
class ReferenceProjection:
    """The reference's results, with the same names, shapes and units as ``Projection``."""

    pv: np.ndarray  # (D, T, A, 5): private, public, gdt, beans, coupons
    buyers: np.ndarray  # (D, T, A, 5)
    spend: np.ndarray  # (D, T, A, 3) 元
    live: np.ndarray  # (T, A) bool
    weight: np.ndarray  # (D, T, A) at the start of the day
    quality: np.ndarray  # (D, T, A), 0 when not live
    leverage: np.ndarray  # (D, T, A), 0 when not live
    pool: np.ndarray  # (D, T, A) at the start of the day
    followers: np.ndarray  # (D, T, A) at the start of the day
    handoff: np.ndarray  # (D, T, A) viewers received from the flagship
    push: np.ndarray  # (D, T, A) the opening wave, 0 when not live
    stage: np.ndarray  # (D, T, A) stage index, -1 when not live
    aov: np.ndarray  # (D,)


def draw_values(scenario, overrides, d: int) -> dict[str, float]:
    """Every parameter's value in draw ``d``: the override if there is one, else the scenario's."""
    values = {}
    for p in PARAMS:
        if p.key in overrides:
            values[p.key] = float(overrides[p.key][d])
        else:
            values[p.key] = float(getattr(scenario, p.key))
    return values


def is_live(day: int, account: int, launch_every: int) -> bool:
    """The flagship (account 0) is live from day 0; satellite k from day k · launch_every."""
    return day >= account * launch_every


def daily_spend(scenario, spend_split, draw: int, day: int, account: int, tool: int) -> float:
    """元 spent on ``tool`` for ``account`` on ``day`` in ``draw``; nothing before it is live.

    In order of precedence: the ``spend_split`` argument ((accounts, 3) 元, or one such
    allocation per draw); the scenario's per-account shares of a tool's daily total; an even
    split of the total over the accounts live that day.
    """
    if not is_live(day, account, scenario.launch_every):
        return 0.0
    if spend_split is not None:
        per_draw = isinstance(spend_split[0][0], list)
        return (spend_split[draw] if per_draw else spend_split)[account][tool]
    total = float(getattr(scenario, TOOLS[tool]))
    shares = scenario.split[tool] if scenario.split is not None else None
    if shares is not None:
        return shares[account] * total
    live_now = sum(1 for a in range(scenario.accounts) if is_live(day, a, scenario.launch_every))
    return total / live_now


def stage_of(viewers_2h: float) -> int:
    """0 cold start, 1 take-off, 2 growth, 3 head."""
    stage = 0
    for threshold in STAGE_FROM:
        if viewers_2h >= threshold:
            stage += 1
    return stage


def paid_viewers(spend_yuan: float, viewers_per_yuan: float, cap: float) -> float:
    """paid = cap · (1 − exp(−S · r / cap)): about S · r at low spend, never above cap."""
    return cap * (1.0 - math.exp(-spend_yuan * viewers_per_yuan / cap))


def simulate_reference(scenario, draws: int = 1, overrides=None, spend_split=None) -> ReferenceProjection:
    """The model, one draw, one day, one account at a time."""
    overrides = dict(overrides or {})
    for key in NOT_PER_DRAW:
        if key in overrides:
            raise ValueError(f"{key} cannot vary by draw")
    if spend_split is not None:
        spend_split = np.asarray(spend_split, dtype=float).tolist()  # nested lists of floats
    T, A, D = scenario.days, scenario.accounts, draws
    spend = np.zeros((D, T, A, 3))

    pv = np.zeros((D, T, A, 5))
    buyers = np.zeros((D, T, A, 5))
    hist = {name: np.zeros((D, T, A)) for name in
            ("weight", "quality", "leverage", "pool", "followers", "handoff", "push")}
    stage = np.full((D, T, A), -1)
    aov_out = np.zeros(D)

    for d in range(D):
        v = draw_values(scenario, overrides, d)
        aov_out[d] = v["aov"]

        # Conversion rates, the same every day.
        cvr = v["cvr"]
        cvr_private = min(cvr * v["priv_mult"], 1.0)
        cvr_tool = {tool: min(cvr * v[f"{tool}_prec"], 1.0) for tool in TOOLS}
        repurchase = max(v["repurchase"], cvr_private)  # a past buyer converts at least as well

        # Viewers bought per 元, per tool. Beans: 元 → beans at the Android/iOS mix, and the
        # cost per viewer is quoted at the Android price of 10 beans per 元.
        beans_per_yuan = BEANS_PER_YUAN_ANDROID * (1 - v["ios_share"]) + BEANS_PER_YUAN_IOS * v["ios_share"]
        viewers_per_yuan = {
            "gdt": 1.0 / v["gdt_cpv"],
            "beans": beans_per_yuan / BEANS_PER_YUAN_ANDROID / v["beans_cpv"],
            "coupons": 1.0 / v["coupons_cpv"],
        }

        # Room-quality signals that do not depend on the day.
        gpm = 1000.0 * cvr * v["aov"]  # GMV per 1,000 viewers
        quality_static = (W_CTR * min(v["ctr"] / CTR_FULL, 1.0)
                          + W_DWELL * min(v["dwell"] / DWELL_FULL_MINUTES, 1.0)
                          + W_GPM * gpm / (gpm + GPM_HALF)
                          + W_INTERACT * min(v["interact"] / INTERACT_FULL, 1.0))

        # State at the start of day 0.
        pool = [v["pool"] if a == 0 else v["pool"] * v["sat_pool"] for a in range(A)]
        customers = [0.0] * A
        followers = [0.0] * A
        weight = [v["weight0"] if a == 0 else 0.0 for a in range(A)]

        for t in range(T):
            live = [is_live(t, a, scenario.launch_every) for a in range(A)]
            invites = [v["invites"] if live[a] else 0.0 for a in range(A)]
            spend_today = [[daily_spend(scenario, spend_split, d, t, a, k) for k in range(3)] for a in range(A)]
            for a in range(A):
                spend[d, t, a] = spend_today[a]
                hist["weight"][d, t, a] = weight[a]
                hist["pool"][d, t, a] = pool[a]
                hist["followers"][d, t, a] = followers[a]

            # Everything each live account gets before the flagship's hand-off.
            day = [None] * A
            for a in range(A):
                if not live[a]:
                    continue
                # Private domain: x = (I_a + overlap · Σ_{b≠a} I_b) / P_a
                others = sum(invites[b] for b in range(A) if b != a)
                x = (invites[a] + v["overlap"] * others) / pool[a]
                show = v["show"] / (1 + v["fatigue"] * x)
                first = min(invites[a] * show, pool[a])
                returning = first * customers[a] / pool[a]  # past buyers among first-degree
                second = first * v["share"] * v["per_share"]
                private = first + second

                # Public recommendation.
                quality = quality_static + W_PRIVATE * private / (private + PRIVATE_VOLUME_HALF)
                leverage = 1 + (v["lev_cap"] - 1) * quality
                push = PUSH_MIN + (PUSH_MAX - PUSH_MIN) * weight[a]

                # Paid traffic, and free coupon viewers for a room with 50+ private viewers.
                paid = {tool: paid_viewers(spend_today[a][k], viewers_per_yuan[tool], v[f"{tool}_cap"])
                        for k, tool in enumerate(TOOLS)}
                if private >= COUPON_GRANT_MIN_PRIVATE:
                    paid["coupons"] += v["coupon_free"]
                paid_total = paid["gdt"] + paid["beans"] + paid["coupons"]

                caught = weight[a] * leverage * private  # the room keeps what it catches (接得住)
                public = (push + caught + v["fan_show"] * followers[a]
                          + v["spill"] * paid_total)
                day[a] = dict(first=first, returning=returning, second=second, private=private,
                              quality=quality, leverage=leverage, push=push, paid=paid,
                              paid_total=paid_total, public=public, received=0.0)

            # Hand-off: a share of the flagship's public viewers, split evenly over live satellites.
            satellites_live = [a for a in range(1, A) if live[a]]
            for a in satellites_live:
                day[a]["received"] = v["handoff"] * day[0]["public"] / len(satellites_live)
                day[a]["public"] += day[a]["received"]

            for a in range(A):
                if not live[a]:
                    continue  # nothing happens to an account before it launches
                s = day[a]
                # Conversion.
                prospect_buyers = (s["first"] - s["returning"]) * cvr_private
                buyers_private = (prospect_buyers + s["second"] * cvr_private
                                  + s["returning"] * repurchase)
                buyers_public = s["public"] * cvr
                buyers_paid = {tool: s["paid"][tool] * cvr_tool[tool] for tool in TOOLS}

                pv[d, t, a] = (s["private"], s["public"],
                               s["paid"]["gdt"], s["paid"]["beans"], s["paid"]["coupons"])
                buyers[d, t, a] = (buyers_private, buyers_public,
                                   buyers_paid["gdt"], buyers_paid["beans"], buyers_paid["coupons"])
                hist["quality"][d, t, a] = s["quality"]
                hist["leverage"][d, t, a] = s["leverage"]
                hist["handoff"][d, t, a] = s["received"]
                hist["push"][d, t, a] = s["push"]
                two_hours = min(2.0 / v["session_hours"], 1.0)  # share of the session's viewers by 2 h
                stage[d, t, a] = stage_of((s["private"] + s["public"] + s["paid_total"]) * two_hours)

                # Dynamics: buyers from public, paid and second-degree viewers are captured.
                captured = v["capture"] * (buyers_public + sum(buyers_paid.values())
                                           + s["second"] * cvr_private)
                keep = 1 - v["churn"]
                pool[a] = pool[a] * keep + captured
                customers[a] = (customers[a] + prospect_buyers) * keep + captured
                followers[a] = (followers[a] * keep
                                + v["follow"] * (s["private"] + s["public"] + s["paid_total"]))
                weight[a] = weight[a] + v["weight_speed"] * (s["quality"] - weight[a])

    live_arr = np.array([[is_live(t, a, scenario.launch_every) for a in range(A)] for t in range(T)],
                        dtype=bool).reshape(T, A)
    return ReferenceProjection(
        pv=pv, buyers=buyers, spend=spend, live=live_arr, stage=stage, aov=aov_out, **hist)
