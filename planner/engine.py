"""The simulation engine (model v2): a scenario in, a day × account × source projection out.

State is carried in arrays of shape ``(draws, accounts)`` (the private domain, shared by the
matrix, in ``(draws, 1)``) and stepped over days; every parameter may differ per draw (Monte
Carlo, optimisers), given as ``overrides``. The app's 假设 Assumptions page states the same
equations. Names are the registry's keys (``planner.params``); constants are defined below.

Schedule
    Account a launches on day L_a = a · launch_every (the flagship, a = 0, on day 0). From its
    launch it holds n_a(t) = ⌈(k+1)·s/7⌉ − ⌈k·s/7⌉ sessions on day t, k = t − L_a, s =
    sessions_week: evenly spaced, the first on launch day (s = 7 daily, 14 twice a day, 0.25 one
    in four weeks). Each session lasts H = session_hours. Days without a session sell nothing
    live; the private domain, followers and buyers still change. Per-session quantities are the
    same for every session of a day; a day's totals are n_a times them.

    Viewers arrive over a session with diminishing returns: a session of h hours catches the
    share c(h) = 1 − exp(−h / 4 h) of what a day-long one would.

Private domain (私域), one for the whole matrix
    P people (``pool`` at the start), of whom C are past buyers (C₀ = buyer_share · pool). The
    flagship can invite all of P; each satellite a segment σ·P (σ = sat_share) overlapping it.
    Every launched account sends I = invites per session, s sessions a week, so a person in a's
    segment gets y_a invites a week (N launched accounts):

        y_a       = s · (I / (σ_a·P) + (N − 1) · I / P)
        first_a   = min(I · show / (1 + fatigue · y_a), σ_a·P)   first-degree viewers a session
        second_a  = first_a · share · per_share                  second-degree viewers (裂变)
        private_a = first_a + second_a

    A share C/P of first-degree viewers are past buyers. Opening an account adds no people.

Room quality and weight (接得住)
    q = 0.30·private/(private + 500) + 0.20·min(ctr/0.30, 1) + 0.15·min(dwell/10 min, 1)
        + 0.20·GPM/(GPM + 1000) + 0.15·min(interact/0.14, 1)          ∈ [0, 1]
        GPM = 1000 · cvr_eff · aov / visits_per_viewer   (public GMV per 1,000 watch PV)
    The weight w ∈ [0, 1] is how far the platform trusts the room to catch traffic. It learns
    the room's quality from the strangers it sends: each session
        w ← q + (1 − weight_speed · e)^n · (w − q),   e = public / (public + 1,000),
    so a room living on its private domain stays cold for weeks (DOMAIN: early rooms 70–80%
    private) and one full of strangers learns fast. The flagship starts at
    w = q · F₀/(F₀ + 10,000) (F₀ = followers: an established account is trusted, a new one is
    not); satellites start at 0.

Public recommendation (公域推荐), per session
    push     = 50 + 450 · w                          the platform's test wave (DOMAIN: 50–500)
    fans     = fan_show · F_a                        followers who come on the live notice
    content  = video_to_room · plays_a / 7 · c(H)    viewers led in by the account's short videos
               (plays_0 = video_plays, a satellite's sat_content · video_plays)
    hand-off = handoff · (warm_0 + plat_0) / (satellites streaming), to each satellite streaming
               on a day the flagship streams, from the flagship's public viewers before the
               audience's scaling (大号带小号; the flagship keeps its own viewers)
    seeds    = private + push + fans + content + hand-off     viewers the room brings itself
    λ        = 1 + (lev_cap − 1) · q²                 recommended per seed viewer, perfect catch
    rec      = w · λ · seeds · c(H) / c(3 h)          what the platform adds (私域撬动公域)
    The audience is shared and finite: K = audience · c(Σ_a n_a·H) people can watch the matrix
    today. The viewers an account reaches itself come first, warm_a = fans + content; the
    platform's fill what is left of K, plat_a = push + hand-off + rec + spill-in. With
    W = Σ_a n_a·warm_a and O = Σ_a n_a·plat_a:
        k_w = K·(1 − e^(−W/K)) / W,   k = K·(e^(−W/K) − e^(−(W+O)/K)) / O
        public_a = k_w · warm_a + k · plat_a
    (each part keeps its factor: k_w·fans, k_w·content, k·push, k·hand-off, k·rec).

Paid traffic (投流), per tool (``planner.tools``)
    A tool's daily budget is spent on the days the matrix streams: evenly over the accounts
    streaming that day; or, with a split, each account's share on the days it streams (not moved
    to another account on a day it is off); or ``spend_split``'s 元 on each day the account
    streams. An account's amount for the day is divided over the day's
    sessions. Beans are rounded down to whole 500-bean orders. A session buys
    paid = v(S) (``tools.viewers_for_spend``: opening price cpv, rising to cpv·(1 + rise) at the
    ceiling cap · H); money beyond what the room can absorb is not spent and is reported as
    ``unspent``. Coupons (the tool whose row is ``granted``, ``tools.GRANTED``) add granted
    viewers, coupon_free · min(private / 50, 1): the whole grant from 50 private viewers
    (DOMAIN), in proportion below, so that one private viewer fewer never costs a room its whole
    grant (a step would let a dearer order, with fewer buyers to capture, sell less). Spill-over:
    spill · paid viewers arrive as public viewers spread evenly over the day of the session and
    the next two (72 h), in the account's sessions on those days (else lost).

Conversion
    cvr_eff = cvr · (200 / aov)^aov_elasticity               a stranger's CVR at this order value
    cvr_p   = min(priv_mult · cvr_eff, 1)                    a private prospect's
    cvr_f   = min(fan_mult · cvr_eff, 1)                     a follower's, and a viewer from videos
    W       = 52 · s · Σ_a first_a / P                       sessions a person in P watches a year
    p_rep   = max(1 − (1 − repurchase)^min(1/W, 30/365), cvr_p)   a past buyer, per session watched:
              ``repurchase`` of past buyers buy again within 12 months; a need waits about a
              month for a session, then is met elsewhere
    buyers_private = (first·(1 − C/P) + second) · cvr_p + first·(C/P) · p_rep
    buyers_public  = (public − k_w·(fans + content)) · cvr_eff + k_w·(fans + content) · cvr_f
    buyers_tool    = paid_tool · min(prec_tool · cvr_eff, 1)
    GMV_source = buyers_source · aov = PV_source · CVR_source · aov

Dynamics (end of each day; n = the day's sessions, keep = 1 − churn)
    P ← P·keep + (P_max − P·keep) · (1 − exp(−capture · B / P_max)),  P_max = pool + audience,
        B = Σ_a n_a · (buyers_public + Σ buyers_tool + second · cvr_p)   (strangers who bought)
    C ← min((C + Σ_a n_a · first·(1 − C/P)·cvr_p) · keep + (P_new − P·keep), P_new)
    F ← F·keep + max(A − F·keep, 0) · (1 − exp(−(follow · n·(viewers − k_w·fans) + video_follow · plays/7) / A)),
        A = audience: new people follow, from the room and from videos (every day from launch),
        never more than the audience
    Stage of a session (DOMAIN's table): viewers of the whole session V ≥ 100,000 head, ≥ 10,000
    "10,000+"; else by viewers 2 h in, V₂ = E + (V − E)·c(min(2, H))/c(H), E = private + k·push:
    ≥ 1,000 out of cold start, ≥ 200 warming up, below 200 cold start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from . import tools
from .params import AOV_REFERENCE, COUPON_GRANT_MIN_PRIVATE, INITIAL_PUSH_MAX, INITIAL_PUSH_MIN, PARAMS
from .scenario import Scenario

TOOLS: tuple[str, ...] = tools.KEYS
SOURCES: tuple[str, ...] = ("private", "public", *TOOLS)  # named by planner.report.source_label
PRIVATE, PUBLIC = 0, 1  # the tools' sources follow, in the order of TOOLS
N_TOOLS = len(TOOLS)
IN_ORDERS = tools.IN_ORDERS  # the tools bought in whole orders (beans), as a mask over TOOLS

# Room-quality signals: weight in the score, and the value that scores full (or half, for the
# two saturating signals). All assumptions, shown on the assumptions page.
QUALITY_WEIGHTS = {"private": 0.30, "ctr": 0.20, "dwell": 0.15, "gpm": 0.20, "interact": 0.15}
PRIVATE_VOLUME_HALF = 500.0  # private viewers that score half on the volume signal
CTR_FULL = 0.30  # DOMAIN: 30 of 100 is a good live-square CTR
DWELL_FULL_MINUTES = 10.0  # DOMAIN: viewers stay 10–20 minutes
GPM_HALF = 1000.0  # 元 per 1,000 watch PV that scores half on the commerce signal
INTERACT_FULL = 0.14  # twice the reported 7% comment rate

HOURS_SCALE = 4.0  # h: a session of h hours catches 1 − exp(−h / 4) of a day-long one (assumption)
REFERENCE_HOURS = 3.0  # DOMAIN's leverage ratios describe ordinary 3–4 h sessions
EARLY_HOURS = 2.0  # the early stages are read two hours into a session (DOMAIN)
FOLLOWERS_HALF_TRUST = 10_000.0  # followers at which an account starts with half its quality as weight
STRANGERS_HALF_EVIDENCE = 1_000.0  # public viewers a session from which the platform learns at half speed
REPEAT_WINDOW_YEARS = 30 / 365  # a repeat need waits about a month for a live session, then is met elsewhere
SPILL_DAYS = 3  # natural plays within 72 h of a paid play
WEEKS_PER_YEAR = 52.0
DAYS_PER_WEEK = 7

# Stages (DOMAIN's table): the early ones by viewers two hours into a session, the later ones by
# viewers of the whole session. Their names are the catalogue's ``report.stage.<key>``.
STAGE_KEYS: tuple[str, ...] = ("cold_start", "warming_up", "out_of_cold_start", "ten_thousand", "head")
EARLY_STAGE_FROM = (200.0, 1_000.0)  # viewers at 2 h: warming up from 200, out of cold start from 1,000
SESSION_STAGE_FROM = (10_000.0, 100_000.0)  # viewers of the session: 10,000+, head from about 100,000
STRUCTURAL = ("accounts", "days", "launch_every", "sessions_week")  # they shape the schedule
# Per-account state histories a by-account projection keeps, (D, T, A) each.
# What simulate's loop logs each day (the state at its start), each session day, and each day
# the platform grants coupon viewers: the entries of each log's tuples.
_STATE_LOG = ("weight", "followers", "pool", "customers")
_SESSION_LOG = ("private", "public", "buyers_private", "buyers_public", "received", "kept", "kept_warm")
_GRANT_LOG = ("granted", "buyers_granted")
HISTORIES = ("weight", "quality", "leverage", "followers", "handoff", "push", "fans", "content", "recommended",
             "viewers_session", "viewers_2h")


def hours_share(hours):
    """c(h) = 1 − exp(−h / 4 h): the share of a day-long session's arrivals a session of h hours
    catches (concave, 0 at 0, 1 for ever-longer sessions)."""
    return -np.expm1(-np.asarray(hours, dtype=float) / HOURS_SCALE)


def stage_index(viewers_session, viewers_2h):
    """Stage index into STAGE_KEYS from a session's viewers (whole session, and 2 h in)."""
    viewers_session, viewers_2h = np.asarray(viewers_session), np.asarray(viewers_2h)
    early = (viewers_2h >= EARLY_STAGE_FROM[0]).astype(int) + (viewers_2h >= EARLY_STAGE_FROM[1])
    return np.where(viewers_session >= SESSION_STAGE_FROM[1], 4,
                    np.where(viewers_session >= SESSION_STAGE_FROM[0], 3, early))


def launch_days(accounts: int, launch_every: int) -> np.ndarray:
    """(A,) the day each account goes live: the flagship at 0, satellite k at k · interval."""
    return np.arange(accounts) * launch_every


def session_schedule(accounts: int, days: int, launch_every: int, sessions_week: float) -> np.ndarray:
    """(T, A) sessions each account holds each day: evenly spaced at ``sessions_week`` a week from
    its launch day (which always has one), 0 before launch."""
    k = np.arange(days)[:, None] - launch_days(accounts, launch_every)[None, :]
    per_day = sessions_week / DAYS_PER_WEEK
    # The tolerance keeps exact multiples (3.5 · 2 / 7 = 1) from rounding up by float noise.
    count = np.ceil((k + 1) * per_day - 1e-9) - np.ceil(k * per_day - 1e-9)
    return np.where(k >= 0, count, 0).astype(int)


def daily_allocation(scenario: Scenario, sessions: np.ndarray) -> np.ndarray:
    """(T, A, K) 元 each account may spend on each tool each day: the tool's daily budget over the
    accounts streaming that day, evenly or by the split's shares; nothing on days without a
    session (the budget is per streaming day)."""
    streaming = (sessions > 0).astype(float)
    out = np.zeros((*sessions.shape, N_TOOLS))
    for k, key in enumerate(TOOLS):
        shares = scenario.split[k] if scenario.split is not None else None
        if shares is None:
            weights = streaming
            total = weights.sum(axis=1, keepdims=True)
            out[:, :, k] = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
        else:
            out[:, :, k] = streaming * np.asarray(shares)
        out[:, :, k] *= getattr(scenario, key)
    return out


@dataclass(frozen=True, eq=False)
class Projection:
    """What the engine returns. Arrays are indexed [draw, day, account, (source | tool)].

    ``pv`` and ``buyers`` are per source (``SOURCES``), summed over the day's sessions; ``pv``
    counts viewers (people) per session, so over several sessions it is person-sessions (场观).
    ``spend`` and ``unspent`` are per tool (``TOOLS``) in 元: what was spent, and what the day's
    budget could not buy (the room's ceiling, the remainder of a bean order; a budget within a
    ten-thousandth of whole orders buys them, ``tools.ORDER_TOLERANCE``). ``gmv`` = buyers ×
    aov, so GMV = PV × CVR × AOV holds per source by construction, with CVR = buyers / PV.
    """

    scenario: Scenario
    pv: np.ndarray  # (D, T, A, S) viewers
    buyers: np.ndarray  # (D, T, A, S)
    spend: np.ndarray  # (D, T, A, K) 元 spent
    unspent: np.ndarray  # (D, T, A, K) 元 of the day's budget not spent
    aov: np.ndarray  # (D,) 元
    cvr_public: np.ndarray  # (D,) public CVR at this AOV
    returns: np.ndarray  # (D,) share of GMV refunded
    margin: np.ndarray  # (D,) gross margin on net GMV
    visits_per_viewer: np.ndarray  # (D,) watch PV per viewer
    live: np.ndarray  # (T, A) bool: launched
    sessions: np.ndarray  # (T, A) sessions held
    session_hours: np.ndarray  # (D,)
    # Per-account histories (D, T, A); None when simulated with by_account=False.
    weight: np.ndarray | None = None  # account weight at the start of the day
    quality: np.ndarray | None = None  # room-quality score (0 without a session)
    leverage: np.ndarray | None = None  # λ, recommended viewers per seed viewer for a perfect catch
    followers: np.ndarray | None = None  # at the start of the day
    handoff: np.ndarray | None = None  # viewers received from the flagship (in pv public)
    push: np.ndarray | None = None  # the platform's test wave (in pv public)
    fans: np.ndarray | None = None  # followers who came (in pv public)
    content: np.ndarray | None = None  # viewers led in by short videos (in pv public)
    recommended: np.ndarray | None = None  # viewers the platform recommended (in pv public)
    viewers_session: np.ndarray | None = None  # viewers of one session (0 without a session)
    viewers_2h: np.ndarray | None = None  # viewers two hours into a session (0 without a session)
    stage: np.ndarray | None = None  # stage index of the account's latest session, -1 before launch
    pool: np.ndarray | None = None  # (D, T) the shared private domain at the start of the day
    customers: np.ndarray | None = None  # (D, T) past buyers in it
    best_stage: np.ndarray | None = None  # (D, A) kept instead when by_account=False

    @property
    def by_account(self) -> bool:
        """Whether the account axis is the matrix's accounts (False: summed into one)."""
        return self.best_stage is None

    @property
    def draws(self) -> int:
        return self.pv.shape[0]

    @property
    def days(self) -> int:
        return self.pv.shape[1]

    @property
    def accounts(self) -> int:
        return self.live.shape[1]

    @property
    def gmv(self) -> np.ndarray:
        """(D, T, A, S) 元."""
        return self.buyers * self.aov[:, None, None, None]

    @property
    def cvr(self) -> np.ndarray:
        """(D, T, A, S) buyers per viewer; 0 where a source had no viewers."""
        return np.divide(self.buyers, self.pv, out=np.zeros_like(self.pv), where=self.pv > 0)

    @property
    def launch_day(self) -> np.ndarray:
        """(A,) first live day of each account (0-based); ``days`` for one that never launches."""
        return np.where(self.live.any(axis=0), self.live.argmax(axis=0), self.days)

    @property
    def stage_reached(self) -> np.ndarray:
        """(D,) the best stage any account reached over the horizon."""
        best = self.best_stage if not self.by_account else self.stage.max(axis=1)
        return best.max(axis=1)


def _column(scenario: Scenario, overrides: Mapping[str, np.ndarray], draws: int):
    """A getter for per-draw parameter values as (draws, 1) arrays."""

    def col(key: str) -> np.ndarray:
        if key in overrides:
            return np.asarray(overrides[key], dtype=float).reshape(draws, 1)
        return np.full((draws, 1), float(getattr(scenario, key)))

    return col


def _check_overrides(overrides: Mapping[str, np.ndarray]) -> None:
    for key in STRUCTURAL:
        if key in overrides:
            raise ValueError(f"{key} sets the shape of the projection and cannot vary by draw.")
    unknown = set(overrides) - {p.key for p in PARAMS}
    if unknown:
        raise ValueError(f"Unknown parameters in overrides: {sorted(unknown)}.")


def _allocation(scenario: Scenario, sessions: np.ndarray, spend_split, D: int, col, varied) -> np.ndarray:
    """(D or 1, T, A, K) 元 each account may spend per tool per day: the scenario's daily budgets
    (per draw where ``varied`` names tools given in the overrides) by its rule, or ``spend_split``."""
    T, A = sessions.shape
    if spend_split is None and not varied:
        return daily_allocation(scenario, sessions)[None]
    if spend_split is None:  # each draw's budgets, split by the scenario's rule
        unit = daily_allocation(scenario.replace(**{key: 1.0 for key in TOOLS}), sessions)
        budgets = np.concatenate([col(key) for key in TOOLS], axis=1)  # (D, K)
        return unit[None] * budgets[:, None, None, :]
    if varied:
        raise ValueError(f"spend comes from spend_split or from overrides of {', '.join(varied)}, not both.")
    split = np.asarray(spend_split, dtype=float)
    if split.shape not in ((A, N_TOOLS), (D, A, N_TOOLS)) or not np.all(np.isfinite(split)) or np.any(split < 0):
        raise ValueError(f"spend_split must be a finite, non-negative ({A}, {N_TOOLS}) or "
                         f"({D}, {A}, {N_TOOLS}) array.")
    split = split.reshape(-1, 1, A, N_TOOLS)
    return split * (sessions > 0)[None, :, :, None]


def _paid_on(allocation, sessions, cpv, ceiling, top, ios):
    """Per-session paid viewers and the day's spend per tool, (…, A, K), from the day's allocation
    (…, A, K) and sessions (…, A): divided over the day's sessions, beans in whole orders, capped
    by what the room can absorb in a session (``top``). ``cpv``, ``ceiling``, ``top`` and ``ios``
    broadcast against the allocation (per draw and tool)."""
    n = np.asarray(sessions, dtype=float)[..., None]
    per_session = allocation / np.maximum(n, 1.0)
    if IN_ORDERS.any():
        per_session = np.where(IN_ORDERS, tools.whole_orders_yuan(per_session, ios), per_session)
    session_spent = np.minimum(per_session, top)
    return tools.viewers_for_spend(session_spent, cpv, ceiling, tools.RISES), session_spent * n


def _purchases(allocation, sessions, col, hours, cvr_tool, D: int):
    """What the paid tools buy. Paid traffic depends only on a day's allocation and sessions, so
    each distinct day (a pattern) is bought once. Returns the pattern of each day (T,), each
    pattern's sessions (P, A), and per pattern (P, D, A, K): paid viewers a session, the day's
    spend, buyers a session and the day's budget left unspent (0 on a day without budget)."""
    T, A = sessions.shape
    if not allocation.any():  # nothing bought on any day: one pattern of zeros
        return (np.zeros(T, dtype=int), np.zeros((1, A)), *np.zeros((4, 1, D, A, N_TOOLS)))
    ios = col("ios_share")[:, :, None]
    tool_cpv = np.concatenate([tools.cost_per_viewer_yuan(tool, col(f"{tool.key}_cpv")[:, :, None], ios)
                               for tool in tools.TOOLS], axis=2)
    tool_ceiling = np.concatenate([col(f"{key}_cap")[:, :, None] for key in TOOLS], axis=2) * hours[:, :, None]
    tool_top = tools.max_spend(tool_cpv, tool_ceiling, tools.RISES)
    days_alike = np.concatenate([allocation.transpose(1, 0, 2, 3).reshape(T, -1), sessions], axis=1)
    index_of: dict[bytes, int] = {}
    pattern_of_day = np.array([index_of.setdefault(row.tobytes(), len(index_of)) for row in days_alike])
    patterns = days_alike[np.unique(pattern_of_day, return_index=True)[1]]
    paid_p, spent_p, bought_p, unspent_p = np.zeros((4, len(patterns), D, A, N_TOOLS))
    for p, row in enumerate(patterns):
        day_allocation = row[: allocation.shape[0] * A * N_TOOLS].reshape(allocation.shape[0], A, N_TOOLS)
        if day_allocation.any():
            paid_p[p], spent_p[p] = _paid_on(day_allocation, row[-A:], tool_cpv, tool_ceiling, tool_top, ios)
            np.multiply(paid_p[p], cvr_tool, out=bought_p[p])
            np.maximum(day_allocation - spent_p[p], 0.0, out=unspent_p[p])
    return pattern_of_day, patterns[:, -A:], paid_p, spent_p, bought_p, unspent_p


def simulate(
    scenario: Scenario,
    draws: int = 1,
    overrides: Mapping[str, np.ndarray] | None = None,
    spend_split: np.ndarray | None = None,
    by_account: bool = True,
) -> Projection:
    """Project ``scenario`` over its horizon.

    ``overrides`` maps parameter keys to per-draw values of shape (draws,) (the keys in
    ``STRUCTURAL`` cannot vary by draw; a tool's key varies its daily budget, split by the scenario's
    rule, so a response curve is one call). ``spend_split`` is an optional (accounts, K)
    array of 元 per account and tool on each day the account streams — or (draws, accounts, K),
    one allocation per draw, so an optimiser can evaluate many candidates in one call — that
    replaces the scenario's daily budgets and their split. Heating paid by one account for
    another is spend on the account heated.

    ``by_account=False`` keeps only what Monte Carlo and optimisers read: PV, buyers, spend and
    unspent per day and source summed over the matrix (an account axis of length 1) and each
    account's best stage, not the per-account state histories. The numbers are the same.
    """
    overrides = dict(overrides or {})
    _check_overrides(overrides)
    col = _column(scenario, overrides, draws)
    T, A, D = scenario.days, scenario.accounts, draws

    sessions = session_schedule(A, T, scenario.launch_every, scenario.sessions_week)  # (T, A)
    live = np.arange(T)[:, None] >= launch_days(A, scenario.launch_every)[None, :]
    varied = [key for key in TOOLS if key in overrides]
    allocation = _allocation(scenario, sessions, spend_split, D, col, varied)  # (D or 1, T, A, K)
    n_all, streaming_all, launched_all = sessions.astype(float), (sessions > 0).astype(float), live.astype(float)
    launched_count = live.sum(axis=1)

    def full(x):  # a (D, 1) constant as a contiguous (D, A) array: numpy is faster without broadcasting
        return np.ascontiguousarray(np.broadcast_to(x, (D, A)))

    # Per-draw constants.
    hours = col("session_hours")
    c_hours = hours_share(hours)
    hours_factor = full(c_hours / hours_share(REFERENCE_HOURS))
    early_share = hours_share(np.minimum(hours, EARLY_HOURS)) / c_hours
    aov, cvr = col("aov"), col("cvr")
    cvr_eff = cvr * (AOV_REFERENCE / aov) ** col("aov_elasticity")
    cvr_p = np.minimum(cvr_eff * col("priv_mult"), 1.0)
    cvr_tool = np.concatenate([np.minimum(cvr_eff * col(f"{key}_prec"), 1.0)[:, :, None] for key in TOOLS], axis=2)
    gpm = 1000.0 * cvr_eff * aov / col("visits_per_viewer")
    quality_static = full(
        QUALITY_WEIGHTS["ctr"] * np.minimum(col("ctr") / CTR_FULL, 1.0)
        + QUALITY_WEIGHTS["dwell"] * np.minimum(col("dwell") / DWELL_FULL_MINUTES, 1.0)
        + QUALITY_WEIGHTS["gpm"] * gpm / (gpm + GPM_HALF)
        + QUALITY_WEIGHTS["interact"] * np.minimum(col("interact") / INTERACT_FULL, 1.0))
    lev_span = full(col("lev_cap") - 1.0)
    invites = col("invites")
    reach = full(invites * col("show"))  # first-degree viewers a session before fatigue
    fatigue = full(col("fatigue"))
    segment = full(np.where(np.arange(A) == 0, 1.0, col("sat_share")))
    # Invites a person in each account's segment gets a week, times the pool: s·I·(1/σ_a + N − 1).
    week_invites = scenario.sessions_week * invites
    own_invites, others_invites = full(week_invites / segment), full(week_invites)
    private_gain = full(1.0 + col("share") * col("per_share"))
    keep = 1.0 - col("churn")
    audience, audience_full = col("audience"), full(col("audience"))
    pool_max = col("pool") + audience
    capture = col("capture")
    follow, fan_show = full(col("follow")), full(col("fan_show"))
    cvr_public, cvr_p_full = full(cvr_eff), full(cvr_p)
    warm_extra = full(np.minimum(cvr_eff * col("fan_mult"), 1.0) - cvr_eff)  # a follower's CVR above a stranger's
    repurchase_left = 1.0 - col("repurchase")
    learn = full(col("weight_speed"))
    handoff = col("handoff")
    plays = col("video_plays") * np.where(np.arange(A) == 0, 1.0, col("sat_content"))
    content_per_session = full(col("video_to_room") * plays / DAYS_PER_WEEK * c_hours)
    video_follows = full(col("video_follow") * plays / DAYS_PER_WEEK)  # new follows a day from videos
    followers0 = col("followers")
    coupon_free = full(col("coupon_free"))
    grants = tools.GRANTED is not None and bool(coupon_free.any())
    if grants:  # granted viewers buy at the granted tool's precision
        cvr_granted = full(cvr_tool[:, :, tools.GRANTED])
    spill = col("spill") / SPILL_DAYS
    spills = bool(spill.any()) and (bool(allocation.any()) or grants)
    weeks_year = WEEKS_PER_YEAR * scenario.sessions_week

    pattern_of_day, sessions_p, paid_p, spent_p, bought_p, unspent_p = _purchases(
        allocation, sessions, col, hours, cvr_tool, D)
    paid_sum_p = paid_p.sum(axis=3)  # (P, D, A) paid viewers a session, all tools
    paid_by_pattern = list(zip(paid_sum_p, bought_p.sum(axis=3), strict=True))

    # What the schedule says about each day, ahead of the loop. On a plain day every account holds
    # exactly one session, so the loop skips its multiplications by the day's sessions (they are 1).
    session_day = sessions.any(axis=1).tolist()
    several = (sessions > 1).any(axis=1).tolist()
    plain_day = (sessions == 1).all(axis=1).tolist()
    ceiling_day = audience[:, 0] * hours_share(hours[:, 0][None, :] * sessions.sum(axis=1)[:, None])  # (T, D)
    satellites_on = streaming_all[:, 1:].sum(axis=1)
    handoff_day = ((satellites_on > 0) & (streaming_all[:, 0] > 0) & bool(handoff.any())).tolist()
    # The share of the flagship's reach each account gets each day: its satellites split the hand-off.
    handoff_share = np.zeros((T, 1, A))
    np.divide(streaming_all[:, 1:], satellites_on[:, None], out=handoff_share[:, 0, 1:], where=satellites_on[:, None] > 0)
    handoff_by_draw = handoff if "handoff" in overrides else None
    if handoff_by_draw is None:
        handoff_share *= scenario.handoff
    # For each number of launched accounts: the fatigue from the invites a person in each account's
    # segment gets a week (times the pool), and each account's reachable part of the pool.
    fatigue_load = {N: fatigue * (own_invites + others_invites * (N - 1)) for N in set(launched_count.tolist())}
    reachable = {N: segment * (np.arange(A) < N) for N in fatigue_load}
    quality_full = quality_static + QUALITY_WEIGHTS["private"]  # q = this − 0.30·500 / (private + 500)
    least_watches = 1.0 / REPEAT_WINDOW_YEARS
    keep_full = full(keep)
    to_rate, pool_rate = -1.0 / audience_full, -1.0 / pool_max  # for _arrivals
    lever_span = lev_span * hours_factor  # λ·c(h)/c(3 h) = hours_factor + lever_span·q²
    # Constants of the loop as arrays of its shapes: numpy is slower with a Python float or broadcasting.
    ones, push_min, push_span = full(1.0), full(INITIAL_PUSH_MIN), full(INITIAL_PUSH_MAX - INITIAL_PUSH_MIN)
    volume_half, evidence_half = full(PRIVATE_VOLUME_HALF), full(STRANGERS_HALF_EVIDENCE)
    quality_dip = full(QUALITY_WEIGHTS["private"] * PRIVATE_VOLUME_HALF)
    zero_col, ones_col, weeks_year_col, least_watches = np.zeros((D, 1)), np.ones((D, 1)), np.full((D, 1), weeks_year), np.full((D, 1), least_watches)
    neg_ceiling_day, tiny = -ceiling_day[:, :, None], np.full((D, 1), 1e-300)

    # State at the start of day 0.
    pool = col("pool").copy()  # (D, 1): the matrix shares one private domain
    customers = pool * col("buyer_share")
    followers = np.zeros((D, A))
    followers[:, :1] = followers0
    weight = np.zeros((D, A))
    spill_next, spill_after = np.zeros((D, A)), np.zeros((D, A))  # spill-over due tomorrow, the day after
    top_viewers, top_viewers_2h = np.zeros((D, A)), np.zeros((D, A))
    zero = np.zeros((D, A))

    # What each day leaves behind, for the outputs after the loop: the state at the start of every
    # day, and what each session day made (per session). Lists, stacked once after the loop.
    # One tuple a day in each log (one append is quicker than one per name): _STATE_LOG,
    # _SESSION_LOG and _GRANT_LOG name their entries.
    state_log, session_log, grant_log = [], [], []
    if not by_account:
        out_own = np.zeros((T, 4, D))  # private, public viewers and their buyers, summed over the matrix
        out_granted = np.zeros((T, 2, D))  # granted coupon viewers and their buyers

    # Each day's rows as list items (quicker to take in the loop than an array's rows).
    # Column forms (A, 1) give dot products as (D, 1) columns without a reshape.
    days = zip(list(n_all), list(n_all[:, :, None]), list(streaming_all), list(launched_all),
               list(launched_all[:, :, None]), plain_day, pattern_of_day.tolist(), strict=True)
    for t, (n, n_col, streaming, on, on_col, plain, pattern) in enumerate(days):
        if by_account:
            state_log.append((weight, followers, pool, customers))
        if not session_day[t]:  # a day without a session: the pool and followers age, spill-over is lost
            pool, customers = pool * keep, customers * keep
            followers = _toward(followers * keep_full, audience_full, video_follows * on, to_rate, zero)
            spill_next, spill_after = spill_after, zero
            continue

        # Private domain: invites a week in each account's segment, with fatigue.
        launched = launched_count[t]
        first = pool * np.minimum(reach / (pool + fatigue_load[launched]), reachable[launched])
        private = first * private_gain
        second = private - first
        watches = weeks_year_col * first.dot(on_col) / pool  # sessions a person in the pool watches a year
        p_repeat = np.maximum(ones_col - repurchase_left ** (ones_col / np.maximum(watches, least_watches)), cvr_p)

        quality = quality_full - quality_dip / (private + volume_half)
        if t == 0:  # an established flagship starts with the trust its followers show
            weight = weight.copy()
            weight[:, :1] = quality[:, :1] * followers0 / (followers0 + FOLLOWERS_HALF_TRUST)
            if by_account:
                state_log[0] = (weight, *state_log[0][1:])

        # Paid viewers this session, and the spill-over arriving today.
        paid_session, buyers_paid_session = paid_by_pattern[pattern]
        if grants:  # coupon viewers the platform grants a room that brings 50+ private viewers
            granted = coupon_free * np.minimum(private / COUPON_GRANT_MIN_PRIVATE, 1.0)
            if not plain:
                granted *= streaming
            buyers_granted = granted * cvr_granted
            paid_session = paid_session + granted
            buyers_paid_session = buyers_paid_session + buyers_granted
        if spills:
            if plain:
                spill_new = spill * paid_session
                spill_today = spill_next + spill_new
            else:
                spill_new = spill * paid_session * n
                spill_today = (spill_next + spill_new) / np.maximum(n, 1.0)

        # Public recommendation: seeds levered by weight and quality, the flagship's hand-off.
        fans = fan_show * followers
        push = push_span * weight
        push += push_min
        if plain:
            warm = fans + content_per_session  # followers and viewers from the account's own videos
        else:
            fans *= streaming
            push *= streaming
            warm = fans + content_per_session * streaming
        own = push + warm
        lever = quality * quality
        lever *= lever_span
        lever += hours_factor
        lever *= weight
        reached = own + lever * (own + private)  # all but the private viewers, before any hand-off
        if spills:
            reached += spill_today
        if handoff_day[t]:  # the satellites get a share of the flagship's, levered as their own seeds
            received = reached[:, :1] * handoff_share[t]
            if handoff_by_draw is not None:
                received *= handoff_by_draw
            reached += received * (ones + lever)
        else:
            received = zero
        platform = reached - warm  # the viewers the platform sends
        # One finite audience: the viewers an account reaches itself come first, the platform's
        # fill what is left of it. Where a total is 0, so is every account's part, and its scale
        # does not matter.
        neg_ceiling = neg_ceiling_day[t]
        warm_total, platform_total = warm.dot(n_col), platform.dot(n_col)
        warm_kept = neg_ceiling * np.expm1(warm_total / neg_ceiling)
        all_kept = neg_ceiling * np.expm1((warm_total + platform_total) / neg_ceiling)
        kept_warm = warm_kept / np.maximum(warm_total, tiny)
        kept = (all_kept - warm_kept) / np.maximum(platform_total, tiny)
        warm = warm * kept_warm
        public = warm + platform * kept

        # Conversion.
        returning = first * (customers / pool)
        prospect_buyers = (first - returning) * cvr_p_full
        buyers_second = second * cvr_p_full
        buyers_private = prospect_buyers + buyers_second + returning * p_repeat
        buyers_public = public * cvr_public + warm * warm_extra

        # Dynamics: the private domain, its past buyers, followers and weight.
        strangers = (buyers_public + buyers_paid_session + buyers_second).dot(n_col)
        kept_pool = pool * keep
        captured = _arrivals(kept_pool, pool_max, capture * strangers, pool_rate, zero_col)
        new_pool = kept_pool + captured
        customers = np.minimum((customers + prospect_buyers.dot(n_col)) * keep + captured, new_pool)
        pool = new_pool
        viewers = private + public + paid_session
        if plain:
            follows = follow * (viewers - fans * kept_warm)
            follows += video_follows
            slow = learn * public
        else:
            follows = follow * (viewers - fans * kept_warm) * n + video_follows * on
            slow = learn * streaming * public
        followers = _toward(followers * keep_full, audience_full, follows, to_rate, zero)
        slow /= public + evidence_half
        slow = ones - slow
        if several[t]:
            slow = slow ** n
        weight = quality + slow * (weight - quality)
        if spills:
            spill_next, spill_after = spill_after + spill_new, spill_new

        if by_account:
            session_log.append((private, public, buyers_private, buyers_public, received, kept, kept_warm))
            if grants:
                grant_log.append((granted, buyers_granted))
        else:
            day = out_own[t]
            day[0], day[1], day[2], day[3] = private.dot(n), public.dot(n), buyers_private.dot(n), buyers_public.dot(n)
            if grants:
                out_granted[t, 0], out_granted[t, 1] = granted.dot(n), buyers_granted.dot(n)
            early = private + push * kept
            viewers_2h = early + (viewers - early) * early_share
            if not plain:
                viewers, viewers_2h = viewers * streaming, viewers_2h * streaming
            np.maximum(top_viewers, viewers, out=top_viewers)
            np.maximum(top_viewers_2h, viewers_2h, out=top_viewers_2h)

    # The outputs, from what each day left behind: arrays (D, T, A, ·) as Projection documents them.
    common = dict(
        scenario=scenario, aov=aov[:, 0], cvr_public=cvr_eff[:, 0], returns=col("returns")[:, 0],
        margin=col("margin")[:, 0], visits_per_viewer=col("visits_per_viewer")[:, 0], live=live,
        sessions=sessions, session_hours=hours[:, 0])
    granted_source = 2 + tools.GRANTED if grants else None  # the granted tool's place among the sources
    if not by_account:
        pv, buyers = np.empty((2, T, D, 2 + N_TOOLS))
        pv[:, :, :2], buyers[:, :, :2] = out_own[:, :2].transpose(0, 2, 1), out_own[:, 2:].transpose(0, 2, 1)
        pv[:, :, 2:] = np.einsum("pdak,pa->pdk", paid_p, sessions_p)[pattern_of_day]
        buyers[:, :, 2:] = np.einsum("pdak,pa->pdk", bought_p, sessions_p)[pattern_of_day]
        if grants:
            pv[:, :, granted_source] += out_granted[:, 0]
            buyers[:, :, granted_source] += out_granted[:, 1]
        spent, unspent = spent_p.sum(axis=2)[pattern_of_day], unspent_p.sum(axis=2)[pattern_of_day]  # (T, D, K)
        best = np.where(sessions.any(axis=0), stage_index(top_viewers, top_viewers_2h), -1)
        return Projection(**common, pv=pv.transpose(1, 0, 2)[:, :, None, :],
                          buyers=buyers.transpose(1, 0, 2)[:, :, None, :], spend=spent.transpose(1, 0, 2)[:, :, None, :],
                          unspent=unspent.transpose(1, 0, 2)[:, :, None, :], best_stage=best)

    def stacked(values):  # a list of (D, ·) arrays as one (len, D, ·) array (concatenate is quicker than stack)
        return np.concatenate(values).reshape(len(values), D, -1)

    k = {name: stacked(values) for name, values in _columns(state_log, _STATE_LOG).items()}  # each day's start
    kept_session = {**_columns(session_log, _SESSION_LOG), **_columns(grant_log, _GRANT_LOG)}
    session_index = np.flatnonzero(sessions.any(axis=1))
    for name, values in kept_session.items():  # per session, 0 on days without one
        if len(values) == T:
            k[name] = stacked(values)
        else:
            k[name] = np.zeros((T, D, 1 if name.startswith("kept") else A))
            if values:
                k[name][session_index] = stacked(values)
    kept_share, kept_warm_share = k["kept"], k["kept_warm"]
    n_day = n_all[:, None, :]  # (T, 1, A)
    pv, buyers = np.empty((2, T, D, A, 2 + N_TOOLS))
    np.multiply(k["private"], n_day, out=pv[..., 0])
    np.multiply(k["public"], n_day, out=pv[..., 1])
    np.multiply(paid_p[pattern_of_day], n_day[..., None], out=pv[..., 2:])
    np.multiply(k["buyers_private"], n_day, out=buyers[..., 0])
    np.multiply(k["buyers_public"], n_day, out=buyers[..., 1])
    np.multiply(bought_p[pattern_of_day], n_day[..., None], out=buyers[..., 2:])
    paid = paid_sum_p[pattern_of_day]  # (T, D, A) paid viewers a session
    if grants:
        pv[..., granted_source] += k["granted"] * n_day
        buyers[..., granted_source] += k["buyers_granted"] * n_day
        paid += k["granted"]
    # Each session's parts, as the loop computed them (per session; 0 on days without one).
    streaming = streaming_all[:, None, :]  # (T, 1, A)
    quality = (quality_full - quality_dip / (k["private"] + volume_half)) * streaming
    leverage = (1.0 + lev_span * quality * quality) * streaming
    push = (INITIAL_PUSH_MIN + push_span * k["weight"]) * streaming
    fans = fan_show * k["followers"] * streaming
    content = content_per_session * streaming
    seeds = k["private"] + push + fans + content + k["received"]
    recommended = k["weight"] * leverage * hours_factor * seeds
    viewers = (k["private"] + k["public"] + paid) * streaming
    early = k["private"] + push * kept_share
    viewers_2h = (early + (viewers - early) * early_share) * streaming
    histories = {
        "weight": k["weight"], "quality": quality, "leverage": leverage, "followers": k["followers"],
        "handoff": k["received"] * kept_share, "push": push * kept_share, "fans": fans * kept_warm_share,
        "content": content * kept_warm_share, "recommended": recommended * kept_share,
        "viewers_session": viewers, "viewers_2h": viewers_2h,
    }
    histories = {name: a.transpose(1, 0, 2) for name, a in histories.items()}
    return Projection(**common, pv=pv.transpose(1, 0, 2, 3), buyers=buyers.transpose(1, 0, 2, 3),
                      spend=spent_p[pattern_of_day].transpose(1, 0, 2, 3),
                      unspent=unspent_p[pattern_of_day].transpose(1, 0, 2, 3), **histories,
                      stage=_stage_history(histories, sessions), pool=k["pool"][:, :, 0].T, customers=k["customers"][:, :, 0].T)


def _columns(log: list[tuple], names: tuple[str, ...]) -> dict[str, tuple]:
    """A log of one tuple a day as {name: that name's entries, day by day}."""
    if not log:
        return dict.fromkeys(names, ())
    return dict(zip(names, zip(*log, strict=True), strict=True))


def _arrivals(x, ceiling, inflow, rate=None, zero=0.0):
    """How many new people ``inflow`` arrivals from a population of ``ceiling`` add to the ``x``
    already counted, each new only if not counted yet: max(ceiling − x, 0)·(1 − e^(−inflow/ceiling)),
    written so that a small inflow into a large ceiling keeps its digits. A count already above
    the ceiling (a flagship may start with more followers than the audience) gains nothing and
    loses nothing by it: only churn takes it down. ``rate`` is −1/ceiling and ``zero`` zeros of the
    result's shape, when the caller has them (the engine's loop: numpy is faster without a float)."""
    over = x - ceiling  # −(ceiling − x)
    np.minimum(over, zero, out=over)
    over *= np.expm1(inflow * (-1.0 / ceiling if rate is None else rate))  # (−gap)·(−(1 − e^(−r)))
    return over


def _toward(x, ceiling, inflow, rate=None, zero=0.0):
    """x after ``inflow`` arrivals from a population of ``ceiling`` (see ``_arrivals``)."""
    return x + _arrivals(x, ceiling, inflow, rate, zero)


def _stage_history(histories: dict[str, np.ndarray], sessions: np.ndarray) -> np.ndarray:
    """(D, T, A) the stage of each account's latest session, -1 before its first."""
    stage = stage_index(histories["viewers_session"], histories["viewers_2h"])
    T = sessions.shape[0]
    streaming = sessions > 0
    since_first = np.arange(T)[:, None] >= np.where(streaming.any(axis=0), streaming.argmax(axis=0), T)
    if (streaming == since_first).all():  # every account streams every day from its first session
        return np.where(since_first[None], stage, -1)
    latest = np.maximum.accumulate(np.where(streaming, np.arange(T)[:, None], -1), axis=0)  # (T, A)
    carried = np.take_along_axis(stage, np.maximum(latest, 0)[None], axis=1)
    return np.where(latest[None] >= 0, carried, -1)


def stage_of(viewers_session: float, viewers_2h: float) -> int:
    """Stage index for one session's viewers (whole session, and two hours in)."""
    return int(stage_index(viewers_session, viewers_2h))
