"""A slow, obvious reference implementation of model v2 in ``planner/engine.py``.

Plain floats, ``math`` and nested loops over draws, days and accounts; numpy is used only to
pack the results into arrays shaped like ``planner.engine.Projection``'s. Each block below
carries the equation from the module docstrings of ``planner/engine.py`` and
``planner/tools.py`` it implements, so the two can be read side by side. The tests check that
the vectorised engine agrees with this to 1e-9.

Constants are restated here from the domain notes (``shared/DOMAIN.md``) and the engine's
documented assumptions rather than imported, so that a changed constant in the engine shows
up as a disagreement instead of passing silently. Only names come from the code: the
parameter keys (``planner.params.PARAMS``) and the order of the tools (``planner.tools.KEYS``).

Where the docstrings leave a detail open, the choice made here is marked "Reading:".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from planner.params import PARAMS
from planner.tools import KEYS as TOOL_ORDER

# --- DOMAIN.md facts ---------------------------------------------------------------------------
BEANS_PER_YUAN_ANDROID = 10.0  # 1 元 buys 10 beans on Android and web ...
BEANS_PER_YUAN_IOS = 7.0  # ... and 7 on iOS
BEANS_PER_ORDER = 500.0  # heating orders come in steps of 500 beans
ORDER_TOLERANCE = 1e-4  # planner/tools.py: a budget within 1e-4 of n orders' worth buys n orders
PUSH_MIN, PUSH_MAX = 50.0, 500.0  # the platform's test wave: roughly 50–500 viewers
COUPON_GRANT_MIN_PRIVATE = 50.0  # coupons granted for bringing 50 or more private viewers
AOV_REFERENCE = 200.0  # the platform-wide order value the CVR is quoted at
# Stages: by viewers two hours into a session, warming up from 200, out of cold start from
# 1,000; by viewers of the whole session, 10,000+ from 10,000, head from 100,000.
EARLY_STAGE_FROM = (200.0, 1_000.0)
SESSION_STAGE_FROM = (10_000.0, 100_000.0)
SPILL_DAYS = 3  # natural plays within 72 h of a paid play: the session's day and the next two

# --- The engine's documented assumptions (its module docstring) --------------------------------
W_PRIVATE, W_CTR, W_DWELL, W_GPM, W_INTERACT = 0.30, 0.20, 0.15, 0.20, 0.15
PRIVATE_VOLUME_HALF = 500.0
CTR_FULL = 0.30
DWELL_FULL_MINUTES = 10.0
GPM_HALF = 1000.0
INTERACT_FULL = 0.14
HOURS_SCALE = 4.0  # c(h) = 1 − exp(−h / 4 h)
REFERENCE_HOURS = 3.0  # rec is scaled by c(H) / c(3 h)
EARLY_HOURS = 2.0  # V₂ is read 2 h into a session
FOLLOWERS_HALF_TRUST = 10_000.0  # the flagship starts at w = q · F₀ / (F₀ + 10,000)
STRANGERS_HALF_EVIDENCE = 1_000.0  # e = public / (public + 1,000)
REPEAT_WINDOW_YEARS = 30 / 365  # p_rep's exponent is min(1/W, 30/365)
WEEKS_PER_YEAR = 52.0
DAYS_PER_WEEK = 7

# --- The tools' table (planner/tools.py): rise, priced in beans, bought in whole orders --------
TOOL_TABLE = {
    "gdt": (2.0, False, False),
    "beans": (5 / 3, True, True),  # bids 0.3–0.8 元: 0.8 = 0.3 · (1 + 5/3)
    "coupons": (2.0, False, False),
}
assert set(TOOL_TABLE) == set(TOOL_ORDER), "restate the new tool's row here"
TOOLS = tuple(TOOL_ORDER)
SOURCES = ("private", "public", *TOOLS)

STRUCTURAL = ("accounts", "days", "launch_every", "sessions_week")  # they shape the schedule
SCHEDULE_TOLERANCE = Fraction(1, 10**9)  # as the engine's session_schedule
NOT_PER_DRAW = STRUCTURAL  # a tool's key may vary by draw: its daily budget, split by the scenario's rule

HISTORIES = ("weight", "quality", "leverage", "followers", "handoff", "push", "fans", "content",
             "recommended", "viewers_session", "viewers_2h")


@dataclass(frozen=True)
class ReferenceProjection:
    """The reference's results, with the same names, shapes and units as ``Projection``
    (by account; sum ``pv``, ``buyers``, ``spend``, ``unspent`` over axis 2 for the matrix)."""

    pv: np.ndarray  # (D, T, A, S) viewers, summed over the day's sessions
    buyers: np.ndarray  # (D, T, A, S)
    spend: np.ndarray  # (D, T, A, K) 元 spent
    unspent: np.ndarray  # (D, T, A, K) 元 of the day's budget not spent
    aov: np.ndarray  # (D,)
    cvr_public: np.ndarray  # (D,) cvr_eff
    returns: np.ndarray  # (D,)
    margin: np.ndarray  # (D,)
    visits_per_viewer: np.ndarray  # (D,)
    session_hours: np.ndarray  # (D,)
    live: np.ndarray  # (T, A) bool
    sessions: np.ndarray  # (T, A) int
    weight: np.ndarray  # (D, T, A) at the start of the day
    quality: np.ndarray  # (D, T, A), 0 without a session
    leverage: np.ndarray  # (D, T, A), 0 without a session
    followers: np.ndarray  # (D, T, A) at the start of the day
    handoff: np.ndarray  # (D, T, A) public viewers of each kind in one session, after k
    # (Reading: per session, as the docstring's "per session" equations define them; 0 without one)
    push: np.ndarray
    fans: np.ndarray
    content: np.ndarray
    recommended: np.ndarray
    viewers_session: np.ndarray  # (D, T, A) viewers of one session, 0 without a session
    viewers_2h: np.ndarray  # (D, T, A) viewers 2 h into a session, 0 without a session
    stage: np.ndarray  # (D, T, A) the latest session's stage, -1 before launch
    pool: np.ndarray  # (D, T) at the start of the day
    customers: np.ndarray  # (D, T) at the start of the day

    @property
    def best_stage(self) -> np.ndarray:
        """(D, A) what ``simulate(..., by_account=False)`` keeps of the stages."""
        return self.stage.max(axis=1)


def draw_values(scenario, overrides, d: int) -> dict[str, float]:
    """Every parameter's value in draw ``d``: the override if there is one, else the scenario's."""
    values = {}
    for p in PARAMS:
        if p.key in overrides:
            values[p.key] = float(overrides[p.key][d])
        else:
            values[p.key] = float(getattr(scenario, p.key))
    return values


def launch_day(account: int, launch_every: int) -> int:
    """L_a = a · launch_every: the flagship (a = 0) on day 0."""
    return account * launch_every


def sessions_on(day: int, account: int, launch_every: int, sessions_week: float) -> int:
    """n_a(t) = ⌈(k+1)·s/7⌉ − ⌈k·s/7⌉, k = t − L_a ≥ 0; 0 before launch.

    Computed in exact rational arithmetic on ``s`` as written (its shortest decimal, as a link
    writes it: 0.4 is 2/5, not the binary float just above it), so that k·s/7 landing on a whole
    number is not pushed over it by rounding; and, the engine's rule, a count within a billionth
    above a whole number is that number (0.25000000000000006 a week is a session every 28 days,
    not one on day 27).
    """
    k = day - launch_day(account, launch_every)
    if k < 0:
        return 0
    s = Fraction(repr(float(sessions_week)))
    return (math.ceil((k + 1) * s / DAYS_PER_WEEK - SCHEDULE_TOLERANCE)
            - math.ceil(k * s / DAYS_PER_WEEK - SCHEDULE_TOLERANCE))


def hours_share(hours: float) -> float:
    """c(h) = 1 − exp(−h / 4 h)."""
    return 1.0 - math.exp(-hours / HOURS_SCALE)


def viewers_for_spend(spend: float, cpv: float, ceiling: float, rise: float) -> float:
    """v(S) = 2·S / cpv / (1 + √(1 + 2·rise·S / (cpv·ceiling))), S ≤ S_max (planner/tools.py)."""
    if ceiling <= 0:
        return 0.0
    return 2.0 * spend / cpv / (1.0 + math.sqrt(1.0 + 2.0 * rise * spend / (cpv * ceiling)))


def daily_budget(scenario, spend_split, draw: int, day: int, account: int, tool: int,
                 sessions_today: list[int], total: float) -> float:
    """元 ``account`` may spend on ``tool`` on ``day``: nothing on a day it does not stream.

    ``spend_split`` ((accounts, K) 元, or one such allocation per draw) replaces the scenario's
    budgets. Otherwise the tool's daily budget ``total`` (the draw's, where the overrides vary it)
    goes evenly to the accounts streaming that day, or, with the scenario's per-account shares,
    each account's share on the days it streams (not moved to another account on a day it is off).
    """
    if sessions_today[account] == 0:
        return 0.0
    if spend_split is not None:
        per_draw = isinstance(spend_split[0][0], list)
        return (spend_split[draw] if per_draw else spend_split)[account][tool]
    shares = scenario.split[tool] if scenario.split is not None else None
    if shares is None:
        return total / sum(1 for a in range(scenario.accounts) if sessions_today[a] > 0)
    return total * shares[account]


def stage_of(viewers_session: float, viewers_2h: float) -> int:
    """V ≥ 100,000 head (4), ≥ 10,000 "10,000+" (3); else by V₂: ≥ 1,000 out of cold start
    (2), ≥ 200 warming up (1), cold start (0)."""
    if viewers_session >= SESSION_STAGE_FROM[1]:
        return 4
    if viewers_session >= SESSION_STAGE_FROM[0]:
        return 3
    if viewers_2h >= EARLY_STAGE_FROM[1]:
        return 2
    if viewers_2h >= EARLY_STAGE_FROM[0]:
        return 1
    return 0


def check_overrides(overrides) -> None:
    """Structural keys and spend cannot vary by draw."""
    for key in NOT_PER_DRAW:
        if key in overrides:
            raise ValueError(f"{key} cannot vary by draw")


def simulate_reference(scenario, draws: int = 1, overrides=None, spend_split=None) -> ReferenceProjection:
    """The model, one draw, one day, one account at a time."""
    overrides = dict(overrides or {})
    check_overrides(overrides)
    if spend_split is not None:
        spend_split = np.asarray(spend_split, dtype=float).tolist()  # nested lists of floats
    T, A, D, K = scenario.days, scenario.accounts, draws, len(TOOLS)
    s_week = float(scenario.sessions_week)

    # Schedule: L_a = a · launch_every; n_a(t) sessions on day t.
    sessions = [[sessions_on(t, a, scenario.launch_every, s_week) for a in range(A)] for t in range(T)]
    live = [[t >= launch_day(a, scenario.launch_every) for a in range(A)] for t in range(T)]

    pv = np.zeros((D, T, A, 2 + K))
    buyers = np.zeros((D, T, A, 2 + K))
    spend = np.zeros((D, T, A, K))
    unspent = np.zeros((D, T, A, K))
    hist = {name: np.zeros((D, T, A)) for name in HISTORIES}
    stage = np.full((D, T, A), -1, dtype=int)
    pool_hist = np.zeros((D, T))
    customers_hist = np.zeros((D, T))
    per_draw = {name: np.zeros(D) for name in
                ("aov", "cvr_public", "returns", "margin", "visits_per_viewer", "session_hours")}

    for d in range(D):
        v = draw_values(scenario, overrides, d)
        for name in ("aov", "returns", "margin", "visits_per_viewer", "session_hours"):
            per_draw[name][d] = v[name]
        H = v["session_hours"]
        c_H = hours_share(H)
        audience = v["audience"]
        keep = 1.0 - v["churn"]

        # Conversion, the same every day:
        #   cvr_eff = cvr · (200 / aov)^aov_elasticity
        #   cvr_p = min(priv_mult · cvr_eff, 1); cvr_f = min(fan_mult · cvr_eff, 1)
        #   buyers per tool viewer: min(prec_tool · cvr_eff, 1)
        cvr_eff = v["cvr"] * (AOV_REFERENCE / v["aov"]) ** v["aov_elasticity"]
        per_draw["cvr_public"][d] = cvr_eff
        cvr_p = min(v["priv_mult"] * cvr_eff, 1.0)
        cvr_f = min(v["fan_mult"] * cvr_eff, 1.0)
        cvr_tool = [min(v[f"{key}_prec"] * cvr_eff, 1.0) for key in TOOLS]

        # Room-quality signals that do not depend on the day:
        #   GPM = 1000 · cvr_eff · aov / visits_per_viewer
        #   q = 0.30·private/(private + 500) + 0.20·min(ctr/0.30, 1) + 0.15·min(dwell/10, 1)
        #       + 0.20·GPM/(GPM + 1000) + 0.15·min(interact/0.14, 1)
        gpm = 1000.0 * cvr_eff * v["aov"] / v["visits_per_viewer"]
        quality_static = (W_CTR * min(v["ctr"] / CTR_FULL, 1.0)
                          + W_DWELL * min(v["dwell"] / DWELL_FULL_MINUTES, 1.0)
                          + W_GPM * gpm / (gpm + GPM_HALF)
                          + W_INTERACT * min(v["interact"] / INTERACT_FULL, 1.0))

        # Each tool's price in 元, ceiling and most spend a session can absorb:
        #   beans' cpv is quoted at 10 beans per 元; 元 buy 10·(1 − ios) + 7·ios beans
        #   ceiling = cap · H;  S_max = cpv · ceiling · (1 + rise / 2)
        beans_per_yuan = BEANS_PER_YUAN_ANDROID * (1 - v["ios_share"]) + BEANS_PER_YUAN_IOS * v["ios_share"]
        yuan_per_order = BEANS_PER_ORDER / beans_per_yuan
        tool_cpv, tool_ceiling, tool_rise, tool_orders, tool_top = [], [], [], [], []
        for key in TOOLS:
            rise, in_beans, in_orders = TOOL_TABLE[key]
            cpv = v[f"{key}_cpv"] * BEANS_PER_YUAN_ANDROID / beans_per_yuan if in_beans else v[f"{key}_cpv"]
            ceiling = v[f"{key}_cap"] * H
            tool_cpv.append(cpv)
            tool_ceiling.append(ceiling)
            tool_rise.append(rise)
            tool_orders.append(in_orders)
            tool_top.append(cpv * ceiling * (1.0 + rise / 2.0))

        # Short videos: plays_0 = video_plays, a satellite's sat_content · video_plays.
        plays = [v["video_plays"] * (1.0 if a == 0 else v["sat_content"]) for a in range(A)]
        # σ_0 = 1 (the flagship reaches all of P), σ_a = sat_share.
        segment = [1.0 if a == 0 else v["sat_share"] for a in range(A)]

        # State at the start of day 0.
        P = v["pool"]
        C = v["buyer_share"] * v["pool"]  # C₀ = buyer_share · pool
        F = [v["followers"] if a == 0 else 0.0 for a in range(A)]  # satellites start at 0
        w = [0.0] * A  # the flagship's is set on day 0, from its first session's quality
        latest_stage = [-1] * A
        spill_to = [[0.0] * A for _ in range(T)]  # spill-over viewers arriving on day t for a

        for t in range(T):
            n = sessions[t]
            live_now = [a for a in range(A) if live[t][a]]
            N = len(live_now)

            # Private domain, per session:
            #   y_a = s · (I / (σ_a·P) + (N − 1) · I / P)
            #   first_a = min(I · show / (1 + fatigue · y_a), σ_a·P)
            #   second_a = first_a · share · per_share;  private_a = first_a + second_a
            # Reading: N counts the accounts launched by day t, and first_a is defined for every
            # launched account whether or not it streams that day (W below sums them all).
            invites = v["invites"]
            first = [0.0] * A
            second = [0.0] * A
            private = [0.0] * A
            for a in live_now:
                y = s_week * (invites / (segment[a] * P) + (N - 1) * invites / P)
                first[a] = min(invites * v["show"] / (1.0 + v["fatigue"] * y), segment[a] * P)
                second[a] = first[a] * v["share"] * v["per_share"]
                private[a] = first[a] + second[a]
            past = C / P  # share of first-degree viewers who are past buyers

            # Quality and λ of the day's sessions:
            #   q = 0.30·private/(private + 500) + (the static signals)
            #   λ = 1 + (lev_cap − 1) · q²
            quality = [0.0] * A
            leverage = [0.0] * A
            for a in range(A):
                if n[a] > 0:
                    quality[a] = W_PRIVATE * private[a] / (private[a] + PRIVATE_VOLUME_HALF) + quality_static
                    leverage[a] = 1.0 + (v["lev_cap"] - 1.0) * quality[a] ** 2

            # The flagship starts at w = q · F₀ / (F₀ + 10,000); satellites at 0.
            # Reading: q is the quality of the flagship's first session (day 0, its launch day).
            if t == 0:
                F0 = v["followers"]
                w[0] = quality[0] * F0 / (F0 + FOLLOWERS_HALF_TRUST)

            for a in range(A):
                hist["weight"][d, t, a] = w[a]
                hist["followers"][d, t, a] = F[a]
            pool_hist[d, t] = P
            customers_hist[d, t] = C

            # Paid traffic: the day's budget over the day's sessions; beans rounded down to whole
            # 500-bean orders per session; a session buys v(S) for S ≤ S_max, money beyond is
            # not spent. Coupons add coupon_free · min(private / 50, 1) granted viewers (per
            # session, counted in the coupons source). unspent = the day's budget − what was spent; on a
            # day without a session there is no budget, so nothing is unspent either.
            paid = [[0.0] * K for _ in range(A)]  # viewers per session
            for a in range(A):
                for k in range(K):
                    budget = daily_budget(scenario, spend_split, d, t, a, k, n, v[TOOLS[k]])
                    if n[a] == 0:
                        continue
                    per_session = budget / n[a]
                    if tool_orders[k]:
                        # Whole orders; a budget within a ten-thousandth of n orders' worth buys n
                        # orders (tools.whole_orders_yuan: split shares are kept to 6 digits), and
                        # may then cost that ten-thousandth more than the budget.
                        orders = math.floor(per_session / yuan_per_order * (1 + ORDER_TOLERANCE))
                        per_session = orders * yuan_per_order
                    spent = min(per_session, tool_top[k])
                    paid[a][k] = viewers_for_spend(spent, tool_cpv[k], tool_ceiling[k], tool_rise[k])
                    spend[d, t, a, k] = n[a] * spent
                    # Reading: unspent is never below 0, even when whole orders cost a hair more.
                    unspent[d, t, a, k] = max(budget - n[a] * spent, 0.0)
                if n[a] > 0:  # coupon_free · min(private / 50, 1)
                    paid[a][TOOLS.index("coupons")] += v["coupon_free"] * min(private[a] / COUPON_GRANT_MIN_PRIVATE, 1.0)

            # Spill-over: spill · paid viewers of a day arrive as public viewers, a third on that
            # day and on each of the next two, in the account's sessions on those days (else lost).
            # Reading: "paid viewers" are all the tools' viewers, granted coupons included.
            for a in range(A):
                day_paid = n[a] * sum(paid[a])
                for u in range(t, min(t + SPILL_DAYS, T)):
                    spill_to[u][a] += v["spill"] * day_paid / SPILL_DAYS

            # Public recommendation, per session (raw, before the audience's scaling):
            #   push = 50 + 450·w;  fans = fan_show · F_a;  content = video_to_room · plays_a/7 · c(H)
            #   hand-off = handoff · raw_0 / (satellites streaming), to each satellite streaming
            #              on a day the flagship streams
            #   seeds = private + push + fans + content + hand-off
            #   rec = w · λ · seeds · c(H) / c(3 h)
            #   raw_a = push + fans + content + hand-off + rec + spill-in
            push = [0.0] * A
            fans = [0.0] * A
            content = [0.0] * A
            handoff = [0.0] * A
            rec = [0.0] * A
            spill_in = [0.0] * A
            raw = [0.0] * A
            satellites_streaming = [a for a in range(1, A) if n[a] > 0]
            for a in range(A):  # the flagship first: the satellites' hand-off is a share of its raw
                if n[a] == 0:
                    continue
                push[a] = PUSH_MIN + (PUSH_MAX - PUSH_MIN) * w[a]
                fans[a] = v["fan_show"] * F[a]
                content[a] = v["video_to_room"] * plays[a] / DAYS_PER_WEEK * c_H
                if a > 0 and n[0] > 0:
                    # Reading: per satellite session, from the flagship's per-session raw_0,
                    # whatever the two accounts' session counts that day.
                    handoff[a] = v["handoff"] * raw[0] / len(satellites_streaming)
                seeds = private[a] + push[a] + fans[a] + content[a] + handoff[a]
                rec[a] = w[a] * leverage[a] * seeds * c_H / hours_share(REFERENCE_HOURS)
                spill_in[a] = spill_to[t][a] / n[a]
                raw[a] = push[a] + fans[a] + content[a] + handoff[a] + rec[a] + spill_in[a]

            # The audience is shared and finite: K = audience · c(Σ_a n_a·H). The viewers an
            # account reaches itself come first (warm = fans + content), the platform's fill what
            # is left (plat = push + hand-off + rec + spill-in):
            #   k_w = K·(1 − e^(−W/K)) / W,   k = K·(e^(−W/K) − e^(−(W+O)/K)) / O
            K_today = audience * hours_share(sum(n[a] * H for a in range(A)))
            W_total = sum(n[a] * (fans[a] + content[a]) for a in range(A))
            O_total = sum(n[a] * (raw[a] - fans[a] - content[a]) for a in range(A))
            warm_scale = K_today * -math.expm1(-W_total / K_today) / W_total if W_total > 0 else 1.0
            scale = (K_today * (math.exp(-W_total / K_today) - math.exp(-(W_total + O_total) / K_today)) / O_total
                     if O_total > 0 else 1.0)

            # public_a = k_w · warm_a + k · plat_a, per session; the histories keep each part after
            # its factor.
            public = [0.0] * A
            for a in range(A):
                if n[a] == 0:
                    continue
                public[a] = warm_scale * (fans[a] + content[a]) + scale * (raw[a] - fans[a] - content[a])
                for name, part, factor in (("handoff", handoff, scale), ("push", push, scale),
                                           ("fans", fans, warm_scale), ("content", content, warm_scale),
                                           ("recommended", rec, scale)):
                    hist[name][d, t, a] = factor * part[a]  # per session, like the equations
                hist["quality"][d, t, a] = quality[a]
                hist["leverage"][d, t, a] = leverage[a]

            # Past buyers, per session watched:
            #   W = 52 · s · Σ_a first_a / P
            #   p_rep = max(1 − (1 − repurchase)^min(1/W, 30/365), cvr_p)
            W = WEEKS_PER_YEAR * s_week * sum(first[a] for a in live_now) / P
            exponent = min(1.0 / W, REPEAT_WINDOW_YEARS) if W > 0 else REPEAT_WINDOW_YEARS
            p_rep = max(1.0 - (1.0 - v["repurchase"]) ** exponent, cvr_p)

            # Conversion, per session:
            #   buyers_private = (first·(1 − C/P) + second) · cvr_p + first·(C/P) · p_rep
            #   buyers_public  = (public − k_w·(fans + content)) · cvr_eff + k_w·(fans + content) · cvr_f
            #   buyers_tool    = paid_tool · min(prec_tool · cvr_eff, 1)
            strangers_bought = 0.0  # B = Σ_a n_a·(buyers_public + Σ buyers_tool + second·cvr_p)
            prospects_bought = 0.0  # Σ_a n_a · first·(1 − C/P)·cvr_p
            for a in range(A):
                if n[a] == 0:
                    continue
                liked = warm_scale * (fans[a] + content[a])
                b_private = (first[a] * (1.0 - past) + second[a]) * cvr_p + first[a] * past * p_rep
                b_public = (public[a] - liked) * cvr_eff + liked * cvr_f
                b_tools = [paid[a][k] * cvr_tool[k] for k in range(K)]
                pv[d, t, a] = [n[a] * x for x in (private[a], public[a], *paid[a])]
                buyers[d, t, a] = [n[a] * x for x in (b_private, b_public, *b_tools)]
                strangers_bought += n[a] * (b_public + sum(b_tools) + second[a] * cvr_p)
                prospects_bought += n[a] * first[a] * (1.0 - past) * cvr_p

            # Stage of a session: V the session's viewers;
            #   V₂ = E + (V − E) · c(min(2, H)) / c(H),  E = private + k·push
            viewers = [0.0] * A
            for a in range(A):
                if n[a] == 0:
                    continue
                viewers[a] = private[a] + public[a] + sum(paid[a])
                first_arrivals = private[a] + scale * push[a]
                early = first_arrivals + (viewers[a] - first_arrivals) * hours_share(min(EARLY_HOURS, H)) / c_H
                hist["viewers_session"][d, t, a] = viewers[a]
                hist["viewers_2h"][d, t, a] = early
                latest_stage[a] = stage_of(viewers[a], early)
            for a in live_now:
                stage[d, t, a] = latest_stage[a]

            # Dynamics, end of the day (keep = 1 − churn).
            # Weight, each session:  w ← q + (1 − weight_speed · e)^n · (w − q),
            #   e = public / (public + 1,000)
            # Reading: "public" is the whole of public_a (push, fans, content, hand-off, rec and
            # spill-in, after k), not the recommended part only.
            for a in range(A):
                if n[a] == 0:
                    continue
                e = public[a] / (public[a] + STRANGERS_HALF_EVIDENCE)
                w[a] = quality[a] + (1.0 - v["weight_speed"] * e) ** n[a] * (w[a] - quality[a])

            # Followers, every day from launch:
            #   F ← F·keep + max(A − F·keep, 0) · (1 − exp(−(follow · n·(viewers − k_w·fans)
            #        + video_follow · plays/7) / A))
            # (Followers above the audience, F₀ > audience, gain nothing; only churn lowers them.)
            for a in live_now:
                x = (v["follow"] * n[a] * (viewers[a] - warm_scale * fans[a])
                     + v["video_follow"] * plays[a] / DAYS_PER_WEEK)
                F[a] = F[a] * keep + max(audience - F[a] * keep, 0.0) * -math.expm1(-x / audience)

            # Private domain and its past buyers:
            #   P ← P_max − (P_max − P·keep) · exp(−capture · B / P_max),  P_max = pool + audience
            #   C ← min((C + Σ_a n_a·first·(1 − C/P)·cvr_p) · keep + (P_new − P·keep), P_new)
            # (P_new − P·keep, the people captured, written without the cancellation.)
            pool_max = v["pool"] + audience
            captured = (pool_max - P * keep) * -math.expm1(-v["capture"] * strangers_bought / pool_max)
            P_new = P * keep + captured
            C = min((C + prospects_bought) * keep + captured, P_new)
            P = P_new

    return ReferenceProjection(
        pv=pv, buyers=buyers, spend=spend, unspent=unspent,
        live=np.array(live, dtype=bool).reshape(T, A), sessions=np.array(sessions, dtype=int).reshape(T, A),
        stage=stage, pool=pool_hist, customers=customers_hist, **per_draw, **hist)
