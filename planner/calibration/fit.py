"""Fit the engine's parameters to a merchant's past sessions, and back-test the fit.

The fit runs the engine itself: for a parameter vector θ the engine projects every account
and day of the file, and the residuals compare its outputs with the file's, per session::

    r_s,i = w_s · (log(model_s,i(θ) + c_s) − log(data_s,i + c_s))

for each observed series s, following the trade's GMV = PV × CVR × AOV: viewers (PV), CVR =
buyers / viewers, AOV = GMV / buyers, and where the file has them private viewers, paid viewers
by tool and the return rate refunds / GMV. Ratios rather than buyers and GMV keep the factors
apart: a room whose traffic the engine cannot reach still gets its CVR and AOV right. c_s is
1% of the series' median (so zeros are allowed) and w_s = 1/σ_s, σ_s the series' residual
spread after a first, unweighted fit. ``scipy.optimize.least_squares``
minimises Σ r² over θ mapped to the unit box [0, 1]^p (log scale for the positive, wide
parameters), so every fitted value stays inside the registry's range. Jacobians are forward
differences taken in ONE vectorised engine call (one draw per parameter), and the starting
points of the multi-start are scored in one call too.

Intervals are 95% Wald intervals from cov = s² (JᵀJ)⁻¹ in the unit box, mapped back (so they
are asymmetric on log scale and clipped to the registry range). A parameter whose interval is
wider than ±``MAX_REL_HALF_WIDTH`` of its value, or that the data do not move at all, is not
identifiable: it keeps its default and the fit is redone without it.

What the file says without the engine (``observe``): ratios of its column sums, each with a
95% interval from resampling sessions (buyers ÷ viewers, GMV ÷ buyers, GMV ÷ orders, …). ``aov``
and ``returns`` are set from them directly (GMV ÷ buyers is what the engine's aov means: it
counts buyers). ``cvr`` is then set so that the fitted scenario, replaying the file's sessions,
converts exactly the file's buyers ÷ viewers (or, without a buyers column, gives its GMV per
viewer at the AOV kept): the engine's ``cvr`` is the public rate at a 200 元 order, and private,
follower and paid viewers convert at multiples of it, so the file's overall rate is not the
parameter. The k-th session of an account in the file is compared with the k-th session the
engine schedules for it (``engine_days``), at the file's sessions a week.

What is read straight from the file rather than fitted: the number of accounts and their
launch interval, the horizon, sessions a week, the daily spend per tool (only where the file
has the column: a tool without one is "not_in_file", taken as 0 in the fit and never applied),
invites per session and session length. Each tool's spend becomes one daily amount, split either evenly over the live accounts
or by a fixed share per account (``gdt_split`` …), whichever matches the file better: both are
what a share link can say, so the applied link reproduces the fit. Day-to-day changes in spend
are averaged away.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import least_squares

from .. import fmt
from ..engine import PRIVATE, SOURCES, TOOLS, session_schedule, simulate
from ..link import round_value, rounded, to_query
from ..params import BY_KEY as PARAM
from ..scenario import Scenario
from ..text import Message, message
from .reader import Problem, Sessions
from .schema import BY_KEY as COLUMN
from .schema import ColumnRef

# The tools a file can report viewers of (the schema has a ``<tool>_viewers`` column): their
# opening prices can be fitted. A tool without such columns is read as no spend.
FITTED_TOOLS: tuple[str, ...] = tuple(tool for tool in TOOLS if f"{tool}_viewers" in COLUMN)
# Parameters the fit may estimate, and those estimated on log scale (positive, wide ranges).
FIT_KEYS: tuple[str, ...] = ("cvr", "priv_mult", "aov", "invites", "show", "pool", "lev_cap", "followers",
                             "follow", "weight_speed", *(f"{tool}_cpv" for tool in FITTED_TOOLS), "returns")
LOG_KEYS = frozenset({"cvr", "priv_mult", "aov", "invites", "show", "pool", "followers",
                      *(f"{tool}_cpv" for tool in FITTED_TOOLS)})
# Inside the registry's range; a log scale needs a floor above 0.
FIT_BOUNDS = {"invites": (10, 1_000_000), "followers": (10, 50_000_000)}
# The plan: what a founder decides rather than what the room is like. "Apply onto the plan" writes
# every fitted or file-read parameter but these (and no spend the file does not have).
PLAN_KEYS: tuple[str, ...] = ("days", "accounts", "launch_every", *TOOLS, "invites", "sessions_week",
                              "session_hours")
# Parameters that set how many viewers a session has: the fit keeps at least one of them.
REACH_KEYS = frozenset({"followers", "follow", "lev_cap", "weight_speed", "invites", "pool", "show"})
# Observed columns the fit reproduces (fit quality is reported for each), in order.
SERIES: tuple[str, ...] = ("viewers", "private_viewers", "buyers", "gmv",
                           *(f"{tool}_viewers" for tool in FITTED_TOOLS), "refunds")
# The residual series: name -> (numerator column, denominator column or None).
RESIDUALS: dict[str, tuple[str, str | None]] = {
    "viewers": ("viewers", None), "cvr": ("buyers", "viewers"), "aov": ("gmv", "buyers"),
    "private_viewers": ("private_viewers", None),
    **{f"{tool}_viewers": (f"{tool}_viewers", None) for tool in FITTED_TOOLS},
    "return_rate": ("refunds", "gmv"),
}

# A 95% interval wider than ±10% of the value: not identifiable. Strict on purpose: a looser
# bar lets weakly identified values (the flagship's starting weight, read from a few first
# days) through with errors of 20–35% on 5%-noise data; such values are shown in the note.
MAX_REL_HALF_WIDTH = 0.10
Z95 = 1.959963984540054
LIMIT_U = 1e-4  # a value this close to an end of its range (on the unit scale) is at the limit
TRAIN_SHARE = 0.8
N_STARTS = 24  # random starting points scored in one engine call
N_LOCAL = 2  # best starting points refined by least squares
SIGNIFICANT = 4  # digits kept in fitted values (the intervals are far wider)


@dataclass(frozen=True)
class Estimate:
    """One parameter after calibration.

    ``status`` is "fitted" (estimated from the file), "data" (read from the file), "default"
    (kept at the registry default; ``note`` says why) or "not_in_file" (a paid tool's spend when
    the file has no column for it: the fit takes it as 0, and applying the fit keeps the plan's). ``low``/``high`` bound the 95%
    interval of a fitted value (None otherwise).
    """

    key: str
    value: float
    default: float
    status: str
    identifiable: bool
    low: float | None = None
    high: float | None = None
    why: Message | None = None  # the note: how the value was read, or why it was not fitted

    def note(self, lang: str) -> str:
        return "" if self.why is None else self.why.text(lang)

    def as_dict(self) -> dict:
        p = PARAM[self.key]
        return {"key": self.key, "label_zh": p.label_zh, "label_en": p.label_en, "unit_en": p.unit_en,
                "value": self.value, "low": self.low, "high": self.high, "default": self.default,
                "status": self.status, "identifiable": self.identifiable, "note": self.note("en"),
                "note_zh": self.note("zh")}


@dataclass(frozen=True, eq=False)
class FitResult:
    """A fit of the engine to some sessions: the scenario and its per-session outputs."""

    scenario: Scenario
    estimates: tuple[Estimate, ...]
    predicted: dict[str, np.ndarray]  # series -> (n,) model value per session (NaN where not live)
    quality: dict[str, dict[str, float | None]]  # series -> r2, rmse, mape
    cost: float  # Σ r² of the weighted residuals at the optimum
    observed: dict = field(default_factory=dict)  # name -> Observed: the file's own ratios


@dataclass(frozen=True, eq=False)
class Backtest:
    """Fit on the first ``TRAIN_SHARE`` of days, project the rest; daily totals over accounts."""

    train_days: int
    test_days: int
    cutoff: np.datetime64  # first date of the test period
    dates: np.ndarray  # (t,) every date in the file
    actual_gmv: np.ndarray
    projected_gmv: np.ndarray
    actual_viewers: np.ndarray
    projected_viewers: np.ndarray
    mape_gmv: float
    mape_viewers: float
    fit: FitResult

    @property
    def in_train(self) -> np.ndarray:
        return self.dates < self.cutoff

    @property
    def residual_gmv(self) -> np.ndarray:
        """(actual − projected) ÷ projected daily GMV; NaN where nothing was projected."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(self.projected_gmv > 0, self.actual_gmv / self.projected_gmv - 1.0, np.nan)


@dataclass(frozen=True, eq=False)
class Calibration:
    sessions: Sessions
    fit: FitResult
    backtest: Backtest
    notices: tuple[Problem, ...] = field(default=())

    @property
    def scenario(self) -> Scenario:
        return self.fit.scenario

    @property
    def query(self) -> str:
        return to_query(self.fit.scenario)

    def values_to_apply(self, onto_plan: bool = True) -> dict[str, float]:
        """The parameters "apply" writes: everything the file informed (fitted or read), except,
        onto the plan, the plan's own decisions (``PLAN_KEYS``); spend the file has no column for
        is never written."""
        return {e.key: e.value for e in self.fit.estimates if e.status in ("fitted", "data")
                and not (onto_plan and e.key in PLAN_KEYS)}

    def estimate(self, key: str) -> Estimate:
        return next(e for e in self.fit.estimates if e.key == key)

    def as_dict(self) -> dict:
        """The CLI's JSON document."""
        s, b = self.sessions, self.backtest
        return {
            "rows": len(s),
            "accounts": list(s.account_names),
            "first_date": str(s.date.min()),
            "last_date": str(s.date.max()),
            "columns": list(s.columns),
            "params": [e.as_dict() for e in self.fit.estimates],
            "observed": {name: o.as_dict() for name, o in self.fit.observed.items()},
            "plan_keys": list(PLAN_KEYS),
            "fit": {"quality": self.fit.quality, "r2_gmv": self.fit.quality["gmv"]["r2"],
                    "rmse_gmv": self.fit.quality["gmv"]["rmse"]},
            "backtest": {"train_days": b.train_days, "test_days": b.test_days, "test_from": str(b.cutoff),
                         "mape": {"gmv": _num(b.mape_gmv), "viewers": _num(b.mape_viewers)},
                         "daily": [{"date": str(d), "train": bool(t), "gmv": _num(ag), "gmv_projected": _num(pg),
                                    "viewers": _num(av), "viewers_projected": _num(pv)}
                                   for d, t, ag, pg, av, pv in zip(b.dates, b.in_train, b.actual_gmv,
                                                                   b.projected_gmv, b.actual_viewers,
                                                                   b.projected_viewers, strict=True)]},
            "notices": [n.message("en") for n in self.notices],
            "query": self.query,
        }


def _num(x) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


# --- the parts of a scenario read from the file ----------------------------------------------

def structure(sessions: Sessions, base: Scenario | None = None) -> tuple[Scenario, list[Problem], dict]:
    """The scenario's data-given values: accounts, launch interval, horizon, spend, invites, hours.

    Returns the scenario, notices, and {key: note (a catalogue message)} for each value read.
    """
    base = base or Scenario()
    day, acct = sessions.day, sessions.account
    A = len(sessions.account_names)
    first = np.array([day[acct == a].min() for a in range(A)])
    k = np.arange(A)
    launch_every = int(np.clip(round(float((k * first).sum() / (k * k).sum())), 0, 180)) if A > 1 else base.launch_every
    notes, notices = {}, []
    notes["accounts"] = message("calibration.note.accounts", accounts=A)
    notes["days"] = message("calibration.note.days", days=sessions.span_days)
    if A > 1:
        notes["launch_every"] = message("calibration.note.launch_every")
        off = np.abs(first - k * launch_every)
        for a in np.flatnonzero(off > 1):
            notices.append(Problem(message("calibration.note.launched_off_grid", account=sessions.account_names[a],
                                           day=int(first[a]) + 1, planned=int(k[a] * launch_every) + 1)))
    values = {"accounts": A, "launch_every": launch_every, "days": int(np.clip(sessions.span_days, 7, 365))}
    # Spend: either one daily amount split evenly over the accounts live that day, or a fixed
    # share per account (``*_split``), whichever reproduces the file's per-session spend better.
    dates, inverse = np.unique(sessions.date, return_inverse=True)
    n_live = (np.arange(values["days"])[:, None] >= k * launch_every).sum(axis=1)
    split = []
    for tool in TOOLS:
        spend = sessions.values.get(f"{tool}_spend")
        if spend is None or not np.isfinite(spend).any():
            values[tool] = 0.0
            split.append(None)
            notes[tool] = message("calibration.note.no_spend_column")
            continue
        x = np.nan_to_num(spend)
        even_total = float(np.bincount(inverse, weights=x, minlength=len(dates)).mean())
        per_account = np.array([x[acct == a].mean() for a in range(A)])
        even_error = np.sum((x - even_total / n_live[day]) ** 2)
        if A > 1 and per_account.sum() > 0 and np.sum((x - per_account[acct]) ** 2) < even_error:
            total, shares = float(per_account.sum()), tuple(per_account / per_account.sum())
            split.append(shares)
            pct = " / ".join(f"{share:.0%}" for share in shares)
            notes[tool] = message("calibration.note.spend_split", shares=pct)
        else:
            total = even_total
            split.append(None)
            notes[tool] = message("calibration.note.spend_even")
        values[tool] = float(np.clip(round(total, 2), PARAM[tool].min, PARAM[tool].max))
    values["split"] = tuple(split) if any(x is not None for x in split) else None
    if sessions.has("invites"):
        inv = sessions.values["invites"]
        values["invites"] = int(np.clip(round(float(np.nanmean(inv))), 0, PARAM["invites"].max))
        notes["invites"] = message("calibration.note.invites")
    weekly = sessions_per_week(sessions)
    if weekly is not None:
        p = PARAM["sessions_week"]
        values["sessions_week"] = float(np.clip(round(weekly / p.step) * p.step, p.min, p.max))
        notes["sessions_week"] = message("calibration.note.sessions_week")
    if sessions.has("session_hours"):
        hours = float(np.nanmedian(sessions.values["session_hours"]))
        values["session_hours"] = float(np.clip(round(hours * 2) / 2, PARAM["session_hours"].min,
                                                PARAM["session_hours"].max))
        notes["session_hours"] = message("calibration.note.session_hours")
    return rounded(base.replace(**values)), notices, notes  # at its share link's precision


def engine_days(scenario: Scenario, sessions: Sessions) -> tuple[np.ndarray, np.ndarray]:
    """(n,) the engine's day for each session of the file, and whether the engine holds it.

    The k-th session of an account in the file is the k-th session the engine schedules for it
    (``sessions_week`` evenly spaced from launch): a file that streams on weekdays and the
    engine's evenly spaced week hold the same sessions, a day or two apart, so each session is
    compared with its counterpart rather than with a day the engine does not stream."""
    schedule = session_schedule(scenario.accounts, scenario.days, scenario.launch_every, scenario.sessions_week)
    day = np.zeros(len(sessions), dtype=int)
    live = np.zeros(len(sessions), dtype=bool)
    for a in range(scenario.accounts):
        rows = np.flatnonzero(sessions.account == a)
        rows = rows[np.argsort(sessions.date[rows], kind="stable")]
        held = np.flatnonzero(schedule[:, a] > 0)
        n = min(len(rows), len(held))
        day[rows[:n]], live[rows[:n]] = held[:n], True
    return day, live


def sessions_per_week(sessions: Sessions) -> float | None:
    """Sessions a week per account: each account's sessions over the days from its first to its
    last, the median over accounts with two or more; None when no account has two."""
    rates = []
    for a in range(len(sessions.account_names)):
        dates = sessions.date[sessions.account == a]
        if len(dates) >= 2:
            span = int((dates.max() - dates.min()).astype(int)) + 1
            rates.append(len(dates) / span * 7)
    return float(np.median(rates)) if rates else None


def candidates(sessions: Sessions) -> tuple[list[str], dict[str, Message]]:
    """The parameters this file can inform, and for the others why not."""
    has = sessions.has
    why: dict[str, Message] = {}

    def need(key, column):
        why[key] = message("calibration.note.no_column", column=ColumnRef(column))

    if has("invites"):
        why["invites"] = message("calibration.note.invites_read")
    elif has("private_viewers"):
        why["show"] = message("calibration.note.show_as_invites")
    if not has("private_viewers"):
        need("priv_mult", "private_viewers")
        need("show", "private_viewers")
        # Without private viewers the file's reach is one series: the private domain (invites,
        # its size) cannot be told from the public reach, which followers, the room's catch and
        # how fast it learns describe. The private domain stays the plan's.
        if not has("invites"):
            need("invites", "private_viewers")
        need("pool", "private_viewers")
        need("lev_cap", "private_viewers")  # how far private viewers lever the public: needs them
    for tool in FITTED_TOOLS:
        if not has(f"{tool}_viewers"):
            need(f"{tool}_cpv", f"{tool}_viewers")
        elif not has(f"{tool}_spend") or np.nansum(sessions.values[f"{tool}_spend"]) <= 0:
            why[f"{tool}_cpv"] = message("calibration.note.no_spend", column=ColumnRef(f"{tool}_spend"))
    if not has("refunds"):
        need("returns", "refunds")
    if not has("buyers"):  # the live list alone: GMV per viewer is AOV × conversion, not either
        why["aov"] = message("calibration.note.no_buyers_aov", column=ColumnRef("buyers"))
        why["cvr"] = message("calibration.note.no_buyers_aov", column=ColumnRef("buyers"))
    return [k for k in FIT_KEYS if k not in why], why


# --- the objective ---------------------------------------------------------------------------

class _Objective:
    """Residuals of the engine against the sessions, for many parameter vectors at once."""

    def __init__(self, scenario: Scenario, sessions: Sessions, keys: list[str],
                 spread: dict[str, float] | None = None):
        self.scenario, self.keys = scenario, list(keys)
        self.day, self.live = engine_days(scenario, sessions)
        self.acct = sessions.account
        self.series, self.weights = [], {}
        values = sessions.values
        for s, (num, den) in RESIDUALS.items():
            if num not in values or (den is not None and den not in values):
                continue
            ok = np.isfinite(values[num]) & self.live
            if den is not None:
                ok &= np.isfinite(values[den]) & (values[den] > 0)
            rows = np.flatnonzero(ok)
            if len(rows) == 0:
                continue
            d = values[num][rows] / (1.0 if den is None else values[den][rows])
            positive = d[d > 0]
            offset = 0.01 * float(np.median(positive)) if len(positive) else 1.0
            self.series.append((s, rows, np.log(d + offset), offset))
            self.weights[s] = 1.0 / (spread or {}).get(s, 1.0)
        self.lo = np.array([FIT_BOUNDS.get(k, (PARAM[k].min, PARAM[k].max))[0] for k in self.keys], dtype=float)
        self.hi = np.array([FIT_BOUNDS.get(k, (PARAM[k].min, PARAM[k].max))[1] for k in self.keys], dtype=float)
        self.log = np.array([k in LOG_KEYS for k in self.keys])

    @property
    def n(self) -> int:
        return sum(len(rows) for _, rows, _, _ in self.series)

    def to_native(self, u: np.ndarray) -> np.ndarray:
        u = np.clip(u, 0.0, 1.0)
        lin = self.lo + u * (self.hi - self.lo)
        with np.errstate(divide="ignore", invalid="ignore"):  # log(0) for linear keys, unused
            logv = np.exp(np.log(self.lo) + u * (np.log(self.hi) - np.log(self.lo)))
        return np.where(self.log, logv, lin)

    def to_unit(self, x: np.ndarray) -> np.ndarray:
        x = np.clip(x, self.lo, self.hi)
        with np.errstate(divide="ignore", invalid="ignore"):
            ulog = (np.log(x) - np.log(self.lo)) / (np.log(self.hi) - np.log(self.lo))
        return np.where(self.log, ulog, (x - self.lo) / (self.hi - self.lo))

    def predict(self, X: np.ndarray, scenario: Scenario | None = None) -> dict[str, np.ndarray]:
        """Model value of every series for every session: {series: (D, n)}; X is (D, p) native."""
        X = np.atleast_2d(X)
        D = X.shape[0]
        overrides = {k: X[:, i] for i, k in enumerate(self.keys)}
        proj = simulate(scenario or self.scenario, draws=D, overrides=overrides)
        pv = proj.pv[:, self.day, self.acct, :]  # (D, n, S)
        buyers = proj.buyers[:, self.day, self.acct, :].sum(-1)
        gmv = buyers * proj.aov[:, None]
        return {"viewers": pv.sum(-1), "private_viewers": pv[..., PRIVATE], "buyers": buyers, "gmv": gmv,
                **{f"{tool}_viewers": pv[..., SOURCES.index(tool)] for tool in FITTED_TOOLS},
                "refunds": gmv * proj.returns[:, None]}

    def residuals(self, U: np.ndarray) -> np.ndarray:
        """(D, N) weighted log residuals for unit-box vectors U (D, p)."""
        pred = self.predict(self.to_native(np.atleast_2d(U)))
        parts = []
        for s, rows, logd, offset in self.series:
            num, den = RESIDUALS[s]
            model = np.maximum(pred[num][:, rows], 0.0)
            if den is not None:
                model = model / np.maximum(pred[den][:, rows], 1e-9)
            parts.append(self.weights[s] * (np.log(model + offset) - logd))
        return np.concatenate(parts, axis=1)

    def jacobian(self, u: np.ndarray, h: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
        """Residuals at u and their forward-difference Jacobian, in one engine call."""
        step = np.where(u + h <= 1.0, h, -h)
        U = np.vstack([u, u + np.diag(step)])
        R = self.residuals(U)
        return R[0], ((R[1:] - R[0]) / step[:, None]).T

    def series_spread(self, r: np.ndarray) -> dict[str, float]:
        out, i = {}, 0
        for s, rows, _, _ in self.series:
            part = r[i:i + len(rows)] / self.weights[s]
            out[s] = max(float(np.sqrt(np.mean(part ** 2))), 1e-3)
            i += len(rows)
        return out


def _least_squares(obj: _Objective, u0: np.ndarray):
    cache = {}

    def fun(u):
        key = u.tobytes()
        if key not in cache:
            cache.clear()
            cache[key] = obj.jacobian(u)
        return cache[key][0]

    def jac(u):
        fun(u)
        return cache[u.tobytes()][1]

    # lsmr, not the exact solver: an SVD of the tall Jacobian each step costs ~5× more time in
    # threaded BLAS on a busy machine, for the same optimum.
    return least_squares(fun, np.clip(u0, 0, 1), jac=jac, bounds=(0.0, 1.0), x_scale="jac", method="trf",
                         tr_solver="lsmr", max_nfev=200)


def _standard_errors(J: np.ndarray, s2: float) -> np.ndarray:
    """Standard errors from s²(JᵀJ)⁻¹; inf for parameters on a (near) null direction of J."""
    p = J.shape[1]
    se = np.full(p, np.inf)
    norms = np.linalg.norm(J, axis=0)
    keep = list(np.flatnonzero(norms > 1e-10 * max(float(norms.max()), 1e-300)))
    while keep:
        Js = J[:, keep] / norms[keep]
        w, V = np.linalg.eigh(Js.T @ Js)
        if w[0] > 1e-10 * max(w[-1], 1e-300):
            cov = np.linalg.inv(Js.T @ Js)
            se[keep] = np.sqrt(s2 * np.diag(cov)) / norms[keep]
            break
        keep.pop(int(np.argmax(np.abs(V[:, 0]))))  # the parameter the data cannot tell apart
    return se


def _round(key: str, value: float) -> float:
    p = PARAM[key]
    if p.integer:
        return int(min(max(round(value), p.min), p.max))
    if value != 0:
        value = round(value, SIGNIFICANT - 1 - math.floor(math.log10(abs(value))))
    value = round_value(p, value)  # and no finer than its share link writes it, so the link is the fit
    return float(min(max(value, p.min), p.max))


def _fit_once(scenario: Scenario, sessions: Sessions, keys: list[str], rng: np.random.Generator,
              u_start: np.ndarray | None = None, spread: dict[str, float] | None = None):
    """Least squares from the best of many starts (or from ``u_start``): the objective and optimum."""
    obj = _Objective(scenario, sessions, keys, spread)
    p = len(keys)
    if p == 0:
        return obj, np.zeros(0)
    if u_start is None:
        starts = np.vstack([obj.to_unit(np.array([getattr(scenario, k) for k in keys], dtype=float)),
                            rng.random((N_STARTS, p))])
        cost = np.sum(obj.residuals(starts) ** 2, axis=1)
        cost = np.where(np.isfinite(cost), cost, np.inf)
        firsts = starts[np.argsort(cost)[:N_LOCAL]]
    else:
        firsts = u_start[None]
    best = min((_least_squares(obj, u0) for u0 in firsts), key=lambda r: r.cost)
    return obj, best.x


def fit(sessions: Sessions, base: Scenario | None = None, seed: int = 0) -> FitResult:
    """Fit the identifiable parameters of the engine to ``sessions`` (see the module docstring)."""
    scenario, _, data_notes = structure(sessions, base)
    return _fit(sessions, scenario, data_notes, seed)


def _fit(sessions: Sessions, scenario: Scenario, data_notes: dict, seed: int) -> FitResult:
    rng = np.random.default_rng(seed)
    keys, why_not = candidates(sessions)
    # AOV and the return rate are ratios of the file's own sums: read them straight (with a
    # bootstrap interval), not through the engine, so no other parameter can pull them.
    observed = observe(sessions, seed=seed)
    direct = {key: observed[name] for key, name in DIRECT.items() if name in observed and key in keys}
    scenario = scenario.replace(**{key: _round(key, o.value) for key, o in direct.items()})
    keys = [k for k in keys if k not in direct]

    # 1: unweighted fit from many starts; 2: refit weighted by each series' residual spread,
    # dropping, one at a time, any parameter whose interval says the data cannot identify it.
    # The noise scale s² is the full model's: dropping a parameter must not widen the others'
    # intervals through a worse fit (that would cascade). A value pressed against a limit of its
    # range stays there, flagged: the file asks for more than the model allows, and the default
    # would be further off.
    obj, u = _fit_once(scenario, sessions, keys, rng)
    spread = obj.series_spread(obj.jacobian(u)[0]) if keys else {}
    dropped: dict[str, Message] = {}
    kept_wide = None
    se, s2 = np.zeros(0), None
    for _ in range(len(keys) + 1):
        obj, u = _fit_once(scenario, sessions, keys, rng, u_start=u, spread=spread)
        if not keys:
            break
        r, J = obj.jacobian(u)
        if s2 is None:
            s2 = float(r @ r) / max(obj.n - len(keys), 1)
        se = _standard_errors(J, s2)
        width = _rel_half_width(obj, u, se)
        if "cvr" in keys:  # its level is set from the file's buyer rate below, with that rate's interval
            width[keys.index("cvr")] = np.where(np.isfinite(width[keys.index("cvr")]), 0.0, np.inf)
        at_limit = (u <= LIMIT_U) | (u >= 1 - LIMIT_U)
        wide = ~((width <= MAX_REL_HALF_WIDTH) | (at_limit & np.isfinite(width)))
        pinned = [k for i, k in enumerate(keys) if k in REACH_KEYS and width[i] <= MAX_REL_HALF_WIDTH
                  and not at_limit[i]]
        level = keys.index("followers") if "followers" in keys else None
        if not pinned and level is not None and np.isfinite(width[level]):
            # When nothing else pins the file's level of viewers, followers stay, flagged, however
            # wide their interval: without them the planner would project a room the file never was.
            wide[level] = False
            kept_wide = "followers" if width[level] > MAX_REL_HALF_WIDTH else None
        if not wide.any():
            break
        # Followers set the level of a file's viewers; any other wide parameter goes first.
        others = wide & (np.array(keys) != "followers")
        worst = int(np.argmax(np.where(others if others.any() else wide, width, -np.inf)))
        key = keys[worst]
        if np.isfinite(width[worst]):
            v, lo, hi = (_round(key, float(obj.to_native(x)[worst])) for x in (u, u - Z95 * se, u + Z95 * se))
            dropped[key] = message("calibration.note.too_wide", value=v, low=lo, high=hi, limit=MAX_REL_HALF_WIDTH)
        else:
            dropped[key] = message("calibration.note.confounded")
        keys = keys[:worst] + keys[worst + 1:]  # refit without it, at its default
        u = np.delete(u, worst)
        se = np.delete(se, worst)

    values = {k: _round(k, v) for k, v in zip(keys, obj.to_native(u), strict=True)}
    lows, highs = obj.to_native(u - Z95 * se), obj.to_native(u + Z95 * se)
    fitted = scenario.replace(**values)
    mapped_cvr = None
    # The CVR at which the model converts the file's buyers ÷ viewers; a file without buyers (the
    # live list alone) gives only GMV ÷ viewers, which the CVR then matches at the AOV kept.
    rate_name = "buyer_rate" if sessions.has("buyers") else "gmv_per_viewer"
    if rate_name in observed and ("cvr" in values or rate_name == "gmv_per_viewer"):
        mapped_cvr = _cvr_for_rate(fitted, sessions, observed[rate_name], "buyers" if sessions.has("buyers") else "gmv")
        values["cvr"] = mapped_cvr[0]
        fitted = fitted.replace(cvr=mapped_cvr[0])
    estimates = []
    for p in PARAM.values():
        if p.key in direct:
            o = direct[p.key]
            low, high = _round(p.key, o.low), _round(p.key, o.high)
            half = max(high - o.value, o.value - low) / o.value if o.value > 0 else math.inf
            estimates.append(Estimate(p.key, getattr(fitted, p.key), p.default, "fitted", half <= MAX_REL_HALF_WIDTH,
                                      low, high, _direct_note(p.key, observed)))
        elif p.key == "cvr" and mapped_cvr is not None:
            value, low, high = mapped_cvr
            o = observed[rate_name]
            half = max(o.high - o.value, o.value - o.low) / o.value
            note = message("calibration.note.cvr_from_rate" if rate_name == "buyer_rate" else "calibration.note.cvr_from_gmv",
                           rate=o.value, low=o.low, high=o.high, aov=fitted.aov, cvr=value)
            estimates.append(Estimate("cvr", value, p.default, "fitted",
                                      half <= MAX_REL_HALF_WIDTH and rate_name == "buyer_rate", low, high, note))
        elif p.key in values:
            i = keys.index(p.key)
            note = None
            if p.key == "invites":  # only fitted when the file has no invites column
                note = message("calibration.note.invites_for_show", show=fitted.show)
            if p.key == kept_wide:
                note = message("calibration.note.level_kept", limit=MAX_REL_HALF_WIDTH)
            if u[i] <= LIMIT_U or u[i] >= 1 - LIMIT_U:
                note = message("calibration.note.at_lower_limit" if u[i] <= LIMIT_U else "calibration.note.at_upper_limit")
            estimates.append(Estimate(p.key, values[p.key], p.default, "fitted", note is None,
                                      _round(p.key, lows[i]), _round(p.key, highs[i]), note))
        elif p.key in data_notes and p.key in TOOLS and not sessions.has(f"{p.key}_spend"):
            # The file says nothing about this paid traffic: the fit reads its viewers as unpaid,
            # and applying the fit keeps the plan's spend.
            estimates.append(Estimate(p.key, getattr(fitted, p.key), p.default, "not_in_file", False,
                                      why=message("calibration.note.no_spend_column", column=ColumnRef(f"{p.key}_spend"))))
        elif p.key in data_notes:
            estimates.append(Estimate(p.key, getattr(fitted, p.key), p.default, "data", True,
                                      why=message("calibration.note.from_file", what=data_notes[p.key])))
        elif p.key in FIT_KEYS:
            why = dropped.get(p.key) or why_not[p.key]
            estimates.append(Estimate(p.key, p.default, p.default, "default", False,
                                      why=message("calibration.note.kept_default", why=why)))
    final = _Objective(fitted, sessions, [])
    predicted = {s: v[0] for s, v in final.predict(np.zeros((1, 0))).items()}
    for v in predicted.values():
        v[~final.live] = np.nan
    return FitResult(fitted, tuple(estimates), predicted, _quality(sessions, predicted),
                     float(np.sum(final.residuals(np.zeros((1, 0))) ** 2)), observed)


def _cvr_for_rate(scenario: Scenario, sessions: Sessions, rate: Observed, numerator: str = "buyers",
                  ) -> tuple[float, float, float]:
    """The public CVR (at a 200 元 order) at which the scenario's sessions convert the file's share
    of viewers (Σ buyers ÷ Σ viewers; or, with ``numerator`` "gmv", give its GMV per viewer), and
    at the ends of that ratio's interval. The engine's buyers are nearly proportional to ``cvr``
    (past buyers repurchase at their own rate), so a few proportional steps, all three values in
    one engine call each, converge."""
    obj = _Objective(scenario, sessions, ["cvr"])
    p = PARAM["cvr"]
    target = np.array([rate.value, rate.low, rate.high])
    cvr = np.full(3, float(scenario.cvr))
    for _ in range(6):
        pred = obj.predict(cvr[:, None])
        model = pred[numerator][:, obj.live].sum(axis=1) / np.maximum(pred["viewers"][:, obj.live].sum(axis=1), 1e-9)
        cvr = np.clip(cvr * target / np.maximum(model, 1e-12), p.min, p.max)
    value, low, high = (_round("cvr", float(x)) for x in cvr)
    return value, min(low, high), max(low, high)


def _direct_note(key: str, observed: dict[str, Observed]) -> Message:
    if key == "aov":
        o = observed["aov"]
        if "order_value" in observed:
            return message("calibration.note.aov_orders", aov=o.value, per_order=observed["order_value"].value,
                           orders=observed["orders_per_buyer"].value)
        return message("calibration.note.aov", aov=o.value)
    return message("calibration.note.return_rate", rate=observed["return_rate"].value)


@dataclass(frozen=True)
class Observed:
    """A ratio of two of the file's columns summed over its sessions (``OBSERVED``), with a 95%
    interval from a bootstrap over sessions (resampling whole sessions, ``BOOTSTRAP_DRAWS``)."""

    key: str
    value: float
    low: float
    high: float
    sessions: int

    def as_dict(self) -> dict:
        return {"value": self.value, "low": self.low, "high": self.high, "sessions": self.sessions}

    def text(self, lang: str, value: float | None = None) -> str:
        """The ratio (or ``value``, an end of its interval) in its unit: a share as a percent,
        money in 元, else a plain number."""
        x = self.value if value is None else value
        if self.key in PERCENT_RATIOS:
            return fmt.percent(x, 2)
        if self.key in YUAN_RATIOS:
            return fmt.price(x, lang)
        return fmt.number(x, 2)


# What the file says without any model: name -> (numerator column, denominator column).
OBSERVED: dict[str, tuple[str, str]] = {
    "buyer_rate": ("buyers", "viewers"),  # 成交人数 ÷ 观看人数
    "aov": ("gmv", "buyers"),  # 客单价: 成交金额 ÷ 成交人数, what the planner's aov means
    "order_value": ("gmv", "orders"),  # 成交金额 ÷ 成交订单数
    "orders_per_buyer": ("orders", "buyers"),
    "gmv_per_viewer": ("gmv", "viewers"),
    "private_share": ("private_viewers", "viewers"),
    "return_rate": ("refunds", "gmv"),
}
PERCENT_RATIOS = frozenset({"buyer_rate", "private_share", "return_rate"})
YUAN_RATIOS = frozenset({"aov", "order_value", "gmv_per_viewer"})
# Parameters set straight from an observed ratio.
DIRECT: dict[str, str] = {"aov": "aov", "returns": "return_rate"}
BOOTSTRAP_DRAWS = 400


def observe(sessions: Sessions, seed: int = 0) -> dict[str, Observed]:
    """Every ``OBSERVED`` ratio the file has both columns for (and a positive denominator)."""
    rng = np.random.default_rng(seed)
    out = {}
    for name, (num, den) in OBSERVED.items():
        if not (sessions.has(num) and sessions.has(den)):
            continue
        x, y = sessions.values[num], sessions.values[den]
        ok = np.isfinite(x) & np.isfinite(y)
        x, y = x[ok], y[ok]
        if len(x) < 2 or y.sum() <= 0:
            continue
        pick = rng.integers(0, len(x), (BOOTSTRAP_DRAWS, len(x)))
        with np.errstate(divide="ignore", invalid="ignore"):
            draws = x[pick].sum(axis=1) / y[pick].sum(axis=1)
        draws = draws[np.isfinite(draws)]
        low, high = np.percentile(draws, [2.5, 97.5]) if len(draws) else (math.nan, math.nan)
        out[name] = Observed(name, float(x.sum() / y.sum()), float(low), float(high), len(x))
    return out


def _rel_half_width(obj: _Objective, u: np.ndarray, se: np.ndarray) -> np.ndarray:
    """Half the 95% interval relative to the value (log scale: the factor − 1), before the
    interval is clipped to the registry range: a value pressed against a limit is no better known."""
    half_u = Z95 * se
    x = obj.to_native(u)
    with np.errstate(over="ignore", invalid="ignore"):
        log_w = np.expm1(half_u * (np.log(obj.hi) - np.log(np.where(obj.log, obj.lo, 1.0))))
        lin_w = half_u * (obj.hi - obj.lo) / np.maximum(np.abs(x), 0.1 * (obj.hi - obj.lo))
    w = np.where(obj.log, log_w, lin_w)
    return np.where(np.isfinite(w), w, np.inf)


def _quality(sessions: Sessions, predicted: dict[str, np.ndarray]) -> dict[str, dict[str, float | None]]:
    """Per series, over sessions: R², RMSE (in the series' unit) and MAPE."""
    out = {}
    for s in SERIES:
        data = sessions.values.get(s)
        if data is None or s not in predicted:
            continue
        ok = np.isfinite(data) & np.isfinite(predicted[s])
        if not ok.any():
            continue
        d, m = data[ok], predicted[s][ok]
        ss_tot = float(np.sum((d - d.mean()) ** 2))
        ss_res = float(np.sum((d - m) ** 2))
        pos = d > 0
        out[s] = {"r2": _num(1 - ss_res / ss_tot) if ss_tot > 0 else None,
                  "rmse": _num(math.sqrt(ss_res / len(d))),
                  "mape": _num(np.mean(np.abs(m[pos] - d[pos]) / d[pos])) if pos.any() else None}
    return out


# --- the back-test and the whole calibration -----------------------------------------------------

def _daily(sessions: Sessions, values: np.ndarray, dates: np.ndarray) -> np.ndarray:
    idx = np.searchsorted(dates, sessions.date)
    return np.bincount(idx, weights=np.nan_to_num(values), minlength=len(dates))


def _mape(actual: np.ndarray, projected: np.ndarray) -> float:
    ok = actual > 0
    return float(np.mean(np.abs(projected[ok] - actual[ok]) / actual[ok])) if ok.any() else math.nan


def backtest(sessions: Sessions, base: Scenario | None = None, seed: int = 0,
             train_share: float = TRAIN_SHARE) -> Backtest:
    """Fit on the first ``train_share`` of the file's dates and project the rest.

    The projection keeps the whole file's launch schedule and average spend (decisions a plan
    knows in advance); every estimated parameter comes from the training days only.
    """
    scenario, _, data_notes = structure(sessions, base)
    return _backtest(sessions, scenario, data_notes, seed, train_share)


def _backtest(sessions: Sessions, scenario: Scenario, data_notes: dict, seed: int,
              train_share: float = TRAIN_SHARE) -> Backtest:
    dates = np.unique(sessions.date)
    n_train = min(max(math.ceil(train_share * len(dates)), 2), len(dates) - 1)
    cutoff = dates[n_train]
    result = _fit(sessions.subset(sessions.date < cutoff), scenario, data_notes, seed)
    obj = _Objective(result.scenario, sessions, [])
    pred = obj.predict(np.zeros((1, 0)))
    gmv_p, viewers_p = (np.where(obj.live, pred[s][0], 0.0) for s in ("gmv", "viewers"))
    actual_gmv = _daily(sessions, sessions.values["gmv"], dates)
    actual_viewers = _daily(sessions, sessions.values["viewers"], dates)
    projected_gmv, projected_viewers = _daily(sessions, gmv_p, dates), _daily(sessions, viewers_p, dates)
    test = dates >= cutoff
    return Backtest(n_train, int(test.sum()), cutoff, dates, actual_gmv, projected_gmv, actual_viewers,
                    projected_viewers, _mape(actual_gmv[test], projected_gmv[test]),
                    _mape(actual_viewers[test], projected_viewers[test]), result)


def calibrate(sessions: Sessions, base: Scenario | None = None, seed: int = 0) -> Calibration:
    """Fit the whole file, back-test on its last days, and collect every notice."""
    scenario, notices, data_notes = structure(sessions, base)
    return Calibration(sessions, _fit(sessions, scenario, data_notes, seed),
                       _backtest(sessions, scenario, data_notes, seed), (*sessions.notices, *notices))
