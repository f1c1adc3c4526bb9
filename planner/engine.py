"""The simulation engine: a scenario in, a day × account × source projection out.

State is carried in arrays of shape ``(draws, accounts)`` and stepped over days; every
parameter may differ per draw (Monte Carlo, optimisers), given as ``overrides``. The
equations, per live account ``a`` on day ``t`` (the app's 假设 Assumptions page says the same in
words):

Private domain (私域)
    x_a      = (I_a + overlap · Σ_{b≠a} I_b) / P_a          invites per pool member today
    show_a   = show / (1 + fatigue · x_a)                    show rate after fatigue
    v1_a     = min(I_a · show_a, P_a)                        first-degree viewers
    v2_a     = v1_a · share · per_share                      second-degree viewers (裂变)
    private  = v1 + v2;  of v1 a share C/P are past buyers (customers)

Public recommendation (公域推荐)
    quality  = Σ_i weight_i · signal_i ∈ [0, 1], signals: private volume priv/(priv+500),
               CTR/0.30, dwell/10 min, GPM/(GPM+3000) with GPM = 1000·cvr·aov, interaction/0.14
               (each capped at 1)
    leverage = 1 + (lev_cap − 1) · quality ∈ [1, 9]           public viewers offered per private viewer
    push     = 50 + 450 · weight                               the opening wave
    public   = push + weight · leverage · private + fan_show · followers + spill · paid + hand-off in
               The platform offers ``leverage`` public viewers per private one; the room keeps the
               share it "catches" (接得住), which is the account weight it has earned. So a cold room
               (weight near 0) lives on its private domain (DOMAIN: 70–80% private early on) and a
               mature room passes the 80% public benchmark.

Paid traffic (投流), per tool k with spend S (元/day for this account)
    paid_k   = cap_k · (1 − exp(−S · r_k / cap_k))            concave, saturating at cap_k
               r_k = 1/cpv_k viewers per 元; for beans r = (beans per 元 / 10) / cpv
    coupons also get ``coupon_free`` granted viewers when private ≥ 50

Conversion
    buyers_private = (v1 − customers + v2) · cvr_p + customers · max(repurchase, cvr_p),
                     cvr_p = min(cvr · priv_mult, 1): a past buyer converts at least as well as
                     a prospect, so more customers never lower private buyers
    buyers_public  = public · cvr;  buyers_k = paid_k · min(cvr · prec_k, 1)
    GMV_source = buyers_source · aov = PV_source · CVR_source · aov

Dynamics (state for tomorrow)
    P ← P · (1 − churn) + capture · (buyers from public, paid and second-degree viewers)
    C ← (C + first-degree prospect buyers) · (1 − churn) + the same captured buyers
    F ← F · (1 − churn) + follow · PV
    weight ← weight + weight_speed · (quality − weight)

Matrix: account 0 is the flagship, live from day 0 with ``weight0`` and ``pool``; satellite k
goes live on day k · launch_every with weight 0 and a pool of ``sat_pool · pool``. A share
``handoff`` of the flagship's own public viewers is sent on to the live satellites, split
evenly. Spend is split evenly over live accounts unless a per-account split is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .params import (
    BEANS_PER_YUAN_ANDROID,
    BEANS_PER_YUAN_IOS,
    COUPON_GRANT_MIN_PRIVATE,
    INITIAL_PUSH_MAX,
    INITIAL_PUSH_MIN,
    PARAMS,
)
from .scenario import Scenario

SOURCES: tuple[str, ...] = ("private", "public", "gdt", "beans", "coupons")
SOURCE_LABELS: dict[str, dict[str, str]] = {  # the sources' names, as the CLI, exports and app show them
    "zh": dict(zip(SOURCES, ("私域", "公域推荐", "广点通", "微信豆", "流量券"), strict=True)),
    "en": dict(zip(SOURCES, ("Private", "Public", "Tencent Ads", "Beans", "Coupons"), strict=True)),
}
TOOLS: tuple[str, ...] = ("gdt", "beans", "coupons")
PRIVATE, PUBLIC, GDT, BEANS, COUPONS = range(5)

# Room-quality signals: weight in the score, and the value that scores full (or half, for
# the two saturating signals). All assumptions, shown on the assumptions page.
QUALITY_WEIGHTS = {"private": 0.30, "ctr": 0.20, "dwell": 0.15, "gpm": 0.20, "interact": 0.15}
PRIVATE_VOLUME_HALF = 500.0  # private viewers that score half on the volume signal
CTR_FULL = 0.30  # DOMAIN: 30 of 100 is a good live-square CTR
DWELL_FULL_MINUTES = 10.0  # DOMAIN: viewers stay 10–20 minutes
GPM_HALF = 3000.0  # 元 per 1,000 viewers that scores half on the commerce signal
INTERACT_FULL = 0.14  # twice the reported 7% comment rate

# Stages by viewers two hours into a session (DOMAIN table): lower bounds.
STAGE_THRESHOLDS = (0.0, 1_000.0, 10_000.0, 100_000.0)
STAGES_ZH = ("冷启动", "起号", "成长", "头部")
STAGES_EN = ("Cold start", "Take-off", "Growth", "Head")


@dataclass(frozen=True, eq=False)
class Projection:
    """What the engine returns. Arrays are indexed [draw, day, account, (source)].

    ``pv`` and ``buyers`` are per source (``SOURCES``); ``spend`` is per tool (``TOOLS``) in
    元 (a read-only broadcast view when it does not vary by draw). ``gmv`` = buyers × aov, so GMV = PV × CVR × AOV holds per
    source by construction, with CVR = buyers / PV.
    """

    scenario: Scenario
    pv: np.ndarray  # (D, T, A, 5) viewers
    buyers: np.ndarray  # (D, T, A, 5)
    spend: np.ndarray  # (D, T, A, 3) 元
    aov: np.ndarray  # (D,) 元
    returns: np.ndarray  # (D,) share of GMV refunded
    margin: np.ndarray  # (D,) gross margin on net GMV
    live: np.ndarray  # (T, A) bool
    session_hours: np.ndarray  # (D,)
    # Per-account state histories, (D, T, A); None when simulated with by_account=False.
    weight: np.ndarray | None = None  # account weight at the start of the day
    quality: np.ndarray | None = None  # room-quality score
    leverage: np.ndarray | None = None  # public viewers per private viewer
    pool: np.ndarray | None = None  # private pool at the start of the day
    followers: np.ndarray | None = None  # followers at the start of the day
    handoff: np.ndarray | None = None  # viewers received from the flagship (in pv public)
    push: np.ndarray | None = None  # the platform's opening wave, 50–500 by weight (in pv public)
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
        """(D, T, A, 5) 元."""
        return self.buyers * self.aov[:, None, None, None]

    @property
    def cvr(self) -> np.ndarray:
        """(D, T, A, 5) buyers per viewer; 0 where a source had no viewers."""
        return np.divide(self.buyers, self.pv, out=np.zeros_like(self.pv), where=self.pv > 0)

    @property
    def launch_day(self) -> np.ndarray:
        """(A,) first live day of each account."""
        return self.live.argmax(axis=0)

    @property
    def viewers_2h(self) -> np.ndarray:
        """(D, T, A) viewers two hours into each session, prorated by session length."""
        share = np.minimum(2.0 / self.session_hours, 1.0)
        return self.pv.sum(axis=3) * share[:, None, None]

    @property
    def stage(self) -> np.ndarray:
        """(D, T, A) stage index into STAGES_*, -1 before an account is live."""
        if not self.by_account:
            raise ValueError("stage by day needs by_account=True; best_stage holds the best reached.")
        stage = np.searchsorted(STAGE_THRESHOLDS, self.viewers_2h, side="right") - 1
        return np.where(self.live[None], stage, -1)

    @property
    def stage_reached(self) -> np.ndarray:
        """(D,) the best stage any account reached over the horizon."""
        best = self.best_stage if not self.by_account else self.stage.max(axis=1)
        return best.max(axis=1)


def stage_of(viewers_2h: float) -> int:
    """Stage index for viewers two hours into a session (DOMAIN's table)."""
    return int(np.searchsorted(STAGE_THRESHOLDS, viewers_2h, side="right") - 1)


def launch_days(accounts: int, launch_every: int) -> np.ndarray:
    """(A,) the day each account goes live: the flagship at 0, satellite k at k · interval."""
    return np.arange(accounts) * launch_every


def even_spend(scenario: Scenario, live: np.ndarray) -> np.ndarray:
    """(T, A, 3) the scenario's daily spend per tool split evenly over the live accounts."""
    per_tool = np.array([scenario.gdt, scenario.beans, scenario.coupons], dtype=float)
    share = live / live.sum(axis=1, keepdims=True)
    return share[:, :, None] * per_tool


def split_spend(scenario: Scenario, live: np.ndarray) -> np.ndarray:
    """(T, A, 3) daily spend per tool by the scenario's per-account shares; a tool without
    shares is split evenly over live accounts, and a share is spent only once its account is live."""
    spend = even_spend(scenario, live)
    totals = (scenario.gdt, scenario.beans, scenario.coupons)
    for k, shares in enumerate(scenario.split):
        if shares is not None:
            spend[:, :, k] = live * np.asarray(shares) * totals[k]
    return spend


def _column(scenario: Scenario, overrides: Mapping[str, np.ndarray], draws: int):
    """A getter for per-draw parameter values as (draws, 1) arrays."""

    def col(key: str) -> np.ndarray:
        if key in overrides:
            return np.asarray(overrides[key], dtype=float).reshape(draws, 1)
        return np.full((draws, 1), float(getattr(scenario, key)))

    return col


def simulate(
    scenario: Scenario,
    draws: int = 1,
    overrides: Mapping[str, np.ndarray] | None = None,
    spend_split: np.ndarray | None = None,
    by_account: bool = True,
) -> Projection:
    """Project ``scenario`` over its horizon.

    ``overrides`` maps parameter keys to per-draw values of shape (draws,) (the structural keys
    ``accounts``, ``days`` and ``launch_every`` cannot vary by draw). ``spend_split`` is an
    optional (accounts, 3) array of daily 元 per account and tool — or (draws, accounts, 3), one
    allocation per draw, so an optimiser can evaluate many candidates in one call — that
    replaces the even split of the scenario's spend; an account's spend before it goes live is
    not spent. Heating paid by one account for another is spend on the account heated.

    ``by_account=False`` keeps only what Monte Carlo and optimisers read: PV, buyers and spend
    per day and source summed over the matrix (an account axis of length 1) and each account's
    best stage, not the per-account state histories. Big runs are bound by writing memory, not
    by arithmetic, so this makes them several times faster; the numbers are the same.
    """
    overrides = dict(overrides or {})
    for key in ("accounts", "days", "launch_every"):
        if key in overrides:
            raise ValueError(f"{key} sets the shape of the projection and cannot vary by draw.")
    for key in TOOLS:  # spend comes from the scenario or spend_split; an override would be ignored
        if key in overrides:
            raise ValueError(f"{key} is spend: vary it by draw with a (draws, accounts, 3) spend_split.")
    unknown = set(overrides) - {p.key for p in PARAMS}
    if unknown:
        raise ValueError(f"Unknown parameters in overrides: {sorted(unknown)}.")
    col = _column(scenario, overrides, draws)
    T, A, D = scenario.days, scenario.accounts, draws

    live = np.arange(T)[:, None] >= launch_days(A, scenario.launch_every)[None, :]  # (T, A)
    livef = live.astype(float)
    if spend_split is None and scenario.split is not None:
        spend = np.broadcast_to(split_spend(scenario, live), (D, T, A, 3))
    elif spend_split is None:
        spend = np.broadcast_to(even_spend(scenario, live), (D, T, A, 3))
    else:
        split = np.asarray(spend_split, dtype=float)
        if split.shape not in ((A, 3), (D, A, 3)) or not np.all(np.isfinite(split)) or np.any(split < 0):
            raise ValueError(f"spend_split must be a finite, non-negative ({A}, 3) or ({D}, {A}, 3) array.")
        split = np.broadcast_to(split, (D, A, 3))
        spend = split[:, None, :, :] * livef[None, :, :, None]

    # Paid viewers depend only on spend and per-draw costs: cap · (1 − exp(−spend · r / cap)).
    ios = col("ios_share")
    beans_per_yuan = BEANS_PER_YUAN_ANDROID * (1 - ios) + BEANS_PER_YUAN_IOS * ios
    per_yuan_over_cap = [
        1.0 / col("gdt_cpv") / col("gdt_cap"),
        beans_per_yuan / BEANS_PER_YUAN_ANDROID / col("beans_cpv") / col("beans_cap"),
        1.0 / col("coupons_cpv") / col("coupons_cap"),
    ]
    caps = [col(f"{tool}_cap") for tool in TOOLS]

    def paid_on(day_spend: np.ndarray, k: int) -> np.ndarray:  # day_spend (D, A, 3)
        return caps[k] * -np.expm1(-day_spend[..., k] * per_yuan_over_cap[k])

    # Small runs pay per numpy call, so compute paid viewers for all days at once; big runs pay
    # per byte written, so compute them day by day instead of holding (3, T, D, A) in memory.
    paid_all = None
    if T * D * A <= 200_000:
        spend_tda = spend.transpose(1, 0, 2, 3)
        paid_all = [paid_on(spend_tda, k) for k in range(3)]

    cvr, aov = col("cvr"), col("aov")
    cvr_private = np.minimum(cvr * col("priv_mult"), 1.0)
    cvr_gdt, cvr_beans, cvr_coupons = (np.minimum(cvr * col(f"{tool}_prec"), 1.0) for tool in TOOLS)
    repurchase = np.maximum(col("repurchase"), cvr_private)
    quality_static = (
        QUALITY_WEIGHTS["ctr"] * np.minimum(col("ctr") / CTR_FULL, 1.0)
        + QUALITY_WEIGHTS["dwell"] * np.minimum(col("dwell") / DWELL_FULL_MINUTES, 1.0)
        + QUALITY_WEIGHTS["gpm"] * (gpm := 1000.0 * cvr * aov) / (gpm + GPM_HALF)
        + QUALITY_WEIGHTS["interact"] * np.minimum(col("interact") / INTERACT_FULL, 1.0)
    )
    lev_span = col("lev_cap") - 1.0
    invites, overlap, show, fatigue = col("invites"), col("overlap"), col("show"), col("fatigue")
    share_gain = col("share") * col("per_share")
    spill, fan_show, coupon_free = col("spill"), col("fan_show"), col("coupon_free")
    capture, churn, follow, weight_speed = col("capture"), col("churn"), col("follow"), col("weight_speed")
    handoff = col("handoff")
    push_span = INITIAL_PUSH_MAX - INITIAL_PUSH_MIN

    # State at the start of day 0.
    pool = np.broadcast_to(col("pool") * np.where(np.arange(A) == 0, 1.0, col("sat_pool")), (D, A)).copy()
    customers = np.zeros((D, A))
    fans = np.zeros((D, A))
    weight = np.zeros((D, A))
    weight[:, :1] = col("weight0")

    acc = A if by_account else 1
    out_pv = np.empty((T, 5, D, acc))
    out_buyers = np.empty((T, 5, D, acc))
    hist = np.empty((7, T, D, A)) if by_account else None  # weight, quality, leverage, pool, fans, handoff, push
    best_pv = np.zeros((D, A))
    n_live = live.sum(axis=1)
    n_satellites_live = live[:, 1:].sum(axis=1)
    no_handoff = np.zeros((D, A))

    for t in range(T):
        on = livef[t]
        if by_account:
            hist[0, t], hist[3, t], hist[4, t] = weight, pool, fans
        inv = invites * on
        others = invites * n_live[t] - inv  # invites the other live accounts send today
        first = np.minimum(inv * show / (1.0 + fatigue * (inv + overlap * others) / pool), pool)
        returning = first * (customers / pool)
        second = first * share_gain
        private = first + second
        quality = quality_static + QUALITY_WEIGHTS["private"] * private / (private + PRIVATE_VOLUME_HALF)
        leverage = 1.0 + lev_span * quality
        if paid_all is None:
            day_spend = spend[:, t]
            gdt, beans, coupons = (paid_on(day_spend, k) for k in range(3))
        else:
            gdt, beans, coupons = paid_all[0][t], paid_all[1][t], paid_all[2][t]
        coupons = coupons + coupon_free * (private >= COUPON_GRANT_MIN_PRIVATE)
        paid_total = gdt + beans + coupons
        push = (INITIAL_PUSH_MIN + push_span * weight) * on
        public = push + weight * leverage * private + fan_show * fans + spill * paid_total
        received = no_handoff
        if n_satellites_live[t]:
            received = np.zeros((D, A))
            received[:, 1:] = handoff * public[:, :1] * (on[1:] / n_satellites_live[t])
            public = public + received

        prospect_buyers = (first - returning) * cvr_private
        second_buyers = second * cvr_private
        buyers_private = prospect_buyers + second_buyers + returning * repurchase
        buyers_public = public * cvr
        buyers_gdt, buyers_beans, buyers_coupons = gdt * cvr_gdt, beans * cvr_beans, coupons * cvr_coupons
        # Second-degree viewers are not in the pool yet: their buyers are captured like strangers.
        captured = capture * (buyers_public + buyers_gdt + buyers_beans + buyers_coupons + second_buyers)
        keep = 1.0 - churn * on
        pool = pool * keep + captured
        customers = (customers + prospect_buyers) * keep + captured
        pv_total = private + public + paid_total
        fans = fans * keep + follow * pv_total
        weight = weight + weight_speed * (quality - weight) * on

        pv_day, buyers_day = out_pv[t], out_buyers[t]
        if by_account:
            pv_day[0], pv_day[1], pv_day[2], pv_day[3], pv_day[4] = private, public, gdt, beans, coupons
            buyers_day[0], buyers_day[1] = buyers_private, buyers_public
            buyers_day[2], buyers_day[3], buyers_day[4] = buyers_gdt, buyers_beans, buyers_coupons
            hist[1, t], hist[2, t], hist[5, t], hist[6, t] = quality * on, leverage * on, received, push
        else:
            for k, a in enumerate((private, public, gdt, beans, coupons)):
                a.sum(axis=1, keepdims=True, out=pv_day[k])
            for k, a in enumerate((buyers_private, buyers_public, buyers_gdt, buyers_beans, buyers_coupons)):
                a.sum(axis=1, keepdims=True, out=buyers_day[k])
            np.maximum(best_pv, pv_total, out=best_pv)

    def dtas(a):  # (T, S, D, A) -> (D, T, A, S)
        return a.transpose(2, 0, 3, 1)

    def dta(a):  # (T, D, A) -> (D, T, A)
        return a.transpose(1, 0, 2)

    session_hours = col("session_hours")[:, 0]
    common = dict(scenario=scenario, pv=dtas(out_pv), buyers=dtas(out_buyers), aov=aov[:, 0],
                  returns=col("returns")[:, 0], margin=col("margin")[:, 0], live=live,
                  session_hours=session_hours)
    if not by_account:
        share_2h = np.minimum(2.0 / session_hours, 1.0)[:, None]
        best = np.searchsorted(STAGE_THRESHOLDS, best_pv * share_2h, side="right") - 1
        return Projection(**common, spend=spend.sum(axis=2, keepdims=True),
                          best_stage=np.where(live.any(axis=0)[None], best, -1))
    return Projection(
        **common,
        spend=spend,
        weight=dta(hist[0]),
        quality=dta(hist[1]),
        leverage=dta(hist[2]),
        pool=dta(hist[3]),
        followers=dta(hist[4]),
        handoff=dta(hist[5]),
        push=dta(hist[6]),
    )
