"""Uncertainty: Monte Carlo over parameter ranges, P10/P50/P90 bands, the chance of a GMV
target, and sensitivity (tornado and elasticities).

Ranges
    Every uncertain parameter (``Param.uncertain``) has a **default range** in the registry
    (``Param.default_range``: a reported range where DOMAIN.md gives one, else a documented
    assumption), so the bands are bands with nothing set up. A scenario's own range
    (``Scenario.ranges``, in a link ``cvr_range=0.01,0.03``) replaces the default for that
    parameter; a range with low = high pins it in every draw (``cvr_range=0.005,0.005`` switches
    its uncertainty off). The default range is quoted at the parameter's default (or at
    ``Param.range_at``) and **scales with the point value**: at a point x it is
    [low · x / at, high · x / at], clipped to the registry's limits (integers widened to whole
    numbers), so moving a slider moves its band with it and the point keeps its place inside; a
    parameter at 0 has no spread (nothing to be uncertain about).

    Each draw takes every parameter from a **triangular distribution** on [low, high] whose mode
    is the scenario's point value (clipped into the range): the point value stays the most likely
    one, the ends are possible but rare. Parameters are drawn **independently** of each other: row
    i of a (len(UNCERTAIN_KEYS), draws) matrix of uniforms from
    ``np.random.default_rng(scenario.seed)`` belongs to the i-th uncertain parameter in registry
    order, whether it has a range or not, so changing one range never reshuffles the others'
    draws, and the same scenario (seed and draws included) gives the same draws.

        x = low + √(u · (high − low) · (mode − low))           if u < (mode − low)/(high − low)
        x = high − √((1 − u) · (high − low) · (high − mode))   otherwise,   u ~ U[0, 1)

Bands
    P10, P50 and P90 are taken across draws separately for every day (a fan chart), for the
    daily and the cumulative series; they are not the path of one draw. The chance of a GMV
    target by day N is the share of draws whose cumulative GMV on day N reaches it.

Sensitivity
    Tornado: the metric (total GMV by default) with one uncertain parameter at the low and then
    the high end of its range (the scenario's, else its default range), every other parameter at
    its point value. A parameter whose range has no width at its point (a default range around 0)
    moves across ``DEFAULT_SPAN`` = ±20% of its point value instead, clipped to the registry's
    limits (so a parameter at 0, or at a limit, swings one way or not at all). Ranked by swing.

    Elasticity: % change of the metric per % change of the parameter, by central finite
    difference on the engine with steps of ±1% of the value (one-sided where a limit is hit):

        ε = (G(x⁺) − G(x⁻)) / (x⁺ − x⁻) · x / G(x)

    A parameter at 0 has elasticity 0. Every perturbation of the tornado and of the
    elasticities runs in ONE ``simulate`` call, one perturbation per draw.

All the engine calls use ``by_account=False`` (the matrix summed, which is all the bands read)
and are cut into chunks of about ``DRAW_ACCOUNTS_PER_CALL`` draws × accounts, which keeps the
engine's per-day arrays in cache: several times faster than one huge call, same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .engine import SOURCES, Projection, simulate
from .link import Notice
from .params import BY_KEY
from .report import summary
from .scenario import UNCERTAIN_KEYS, Scenario
from .text import Message, PlannerError

DISTRIBUTION = "triangular"
DEFAULT_SPAN = 0.20  # ± share of the point value a parameter without a range moves in the tornado
ELASTICITY_STEP = 0.01  # ± share of the value for the finite difference
PERCENTILES: tuple[int, ...] = (10, 50, 90)
PERCENTILE_KEYS: tuple[str, ...] = ("p10", "p50", "p90")
METRICS: tuple[str, ...] = ("gmv", "net_gmv", "profit")
DRAW_ACCOUNTS_PER_CALL = 12_000
# The compute budget of one Monte Carlo. The engine's work grows with draws × accounts × days,
# what a Monte Carlo keeps (eight float64 series per draw and day: 64 bytes) with draws × days.
# A link may ask for 10,000 draws of 20 accounts × 365 days (73 million cells: 15–24 s and
# 223 MiB on the app's server); above either limit the draws are cut to fit and
# ``budget_notice`` says so.
MAX_DRAW_ACCOUNT_DAYS = 5_400_000  # 10,000 draws of 6 accounts × 90 days: about 1 s on 2 cores
MAX_DRAW_DAYS = 1_000_000  # about 61 MiB kept per Monte Carlo


def triangular(u, low, mode, high) -> np.ndarray:
    """Inverse CDF of the triangular distribution on [low, high] with ``mode``, at ``u`` ∈ [0, 1).
    Broadcasts; low = high gives low exactly (numpy's own sampler refuses a zero width)."""
    u, low, mode, high = (np.asarray(a, dtype=float) for a in (u, low, mode, high))
    width = high - low
    mode_cdf = np.divide(mode - low, width, out=np.zeros(np.broadcast(mode, width).shape), where=width > 0)
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u < mode_cdf, left, right)


SET, DEFAULT = "set", "default"  # where a range comes from: the scenario (its link) or the registry


def default_range(key: str, point: float) -> tuple[float, float]:
    """The registry's default range of ``key`` around the point value ``point``: the quoted
    [low, high] scaled by point / at (``at`` the value it is quoted at, the default unless
    ``Param.range_at``), clipped to the parameter's limits; integers widen to whole numbers.
    Exactly the quoted range at ``at``; (point, point) for a parameter without one."""
    p = BY_KEY[key]
    if p.default_range is None:
        return float(point), float(point)
    low, high = p.default_range
    at = p.default if p.range_at is None else p.range_at
    if point == at or at == 0:
        return (low, high) if point == at else (float(point), float(point))
    # min/max with the point: a vanishing point (5e-324) must not round its range off itself
    low, high = max(min(low * point / at, point), p.min), min(max(high * point / at, point), p.max)
    if p.integer:
        low, high = max(int(np.floor(low)), int(p.min)), min(int(np.ceil(high)), int(p.max))
    return low, high


def effective_ranges(scenario: Scenario, defaults: bool = True) -> dict[str, tuple[float, float, str]]:
    """``{key: (low, high, SET or DEFAULT)}`` in registry order: the scenario's own ranges, and for
    every other uncertain parameter its default range (``defaults=False``: the scenario's only)."""
    own = scenario.range_map()
    out = {}
    for key in UNCERTAIN_KEYS:
        if key in own:
            out[key] = (*own[key], SET)
        elif defaults:
            out[key] = (*default_range(key, float(getattr(scenario, key))), DEFAULT)
    return out


def sample(scenario: Scenario, rng: np.random.Generator, draws: int | None = None,
           defaults: bool = True) -> dict[str, np.ndarray]:
    """Per-draw values, shape (draws,), of every parameter whose range has a width or pins it
    away from its point value (``effective_ranges``); the others keep their point value."""
    draws = scenario.draws if draws is None else draws
    u = rng.random((len(UNCERTAIN_KEYS), draws))
    ranges = effective_ranges(scenario, defaults)
    out = {}
    for row, key in zip(u, UNCERTAIN_KEYS, strict=True):
        if key not in ranges:
            continue
        low, high, _ = ranges[key]
        point = float(getattr(scenario, key))
        if low == high == point:
            continue  # nothing varies: the engine's point value, without a per-draw array
        mode = min(max(point, low), high)
        out[key] = triangular(row, low, mode, high)
    return out


@dataclass(frozen=True, eq=False)
class MonteCarlo:
    """Per-draw, per-day series of the whole matrix. Arrays are (draws, days[, source]); money in 元."""

    scenario: Scenario
    values: dict[str, np.ndarray]  # the drawn parameter values, (draws,) each
    gmv: np.ndarray  # (D, T)
    net_gmv: np.ndarray  # (D, T)
    profit: np.ndarray  # (D, T) net GMV × margin − spend
    pv: np.ndarray  # (D, T, 5) viewers per source
    ranges: Mapping[str, tuple[float, float, str]] | None = None  # effective_ranges drawn from (None: given overrides)

    @property
    def draws(self) -> int:
        return self.gmv.shape[0]

    @property
    def days(self) -> int:
        return self.gmv.shape[1]

    def series(self, metric: str) -> np.ndarray:
        """(D, T) daily values of ``metric`` (one of METRICS)."""
        if metric not in METRICS:
            raise PlannerError("uncertainty.metric", metrics=", ".join(METRICS), metric=metric)
        return getattr(self, metric)


def evaluate(scenario: Scenario, overrides: Mapping[str, np.ndarray], draws: int,
             ranges: Mapping[str, tuple[float, float, str]] | None = None) -> MonteCarlo:
    """Run the engine for ``draws`` draws with per-draw ``overrides``, in cache-sized chunks."""
    chunk = max(1, DRAW_ACCOUNTS_PER_CALL // scenario.accounts)
    gmv, net, profit = (np.empty((draws, scenario.days)) for _ in range(3))
    pv = np.empty((draws, scenario.days, len(SOURCES)))
    for start in range(0, draws, chunk):
        part = slice(start, min(start + chunk, draws))
        proj = simulate(scenario, part.stop - start, {k: v[part] for k, v in overrides.items()},
                        by_account=False)
        s = summary(proj, axis=(2,))  # (d, T, …): summed over the matrix
        gmv[part], net[part], profit[part], pv[part] = s["gmv"], s["net_gmv"], s["profit"], s["pv_by_source"]
    return MonteCarlo(scenario, dict(overrides), gmv, net, profit, pv, ranges)


def draws_within_budget(scenario: Scenario, draws: int | None = None) -> int:
    """The draws a Monte Carlo of ``scenario`` runs: ``draws`` (the scenario's by default), cut
    to the compute budget (MAX_DRAW_ACCOUNT_DAYS, MAX_DRAW_DAYS), at least 1."""
    draws = scenario.draws if draws is None else draws
    fit = min(MAX_DRAW_ACCOUNT_DAYS // (scenario.accounts * scenario.days), MAX_DRAW_DAYS // scenario.days)
    return max(1, min(draws, fit))


def budget_notice(scenario: Scenario, draws: int | None = None) -> Notice | None:
    """A Notice when the draws asked for are more than the compute budget allows, saying what
    was used instead; None when they fit."""
    asked = scenario.draws if draws is None else draws
    used = draws_within_budget(scenario, asked)
    if used == asked:
        return None
    allowed = Message("link.draws_budget", {"used": f"{used:,}", "accounts": scenario.accounts,
                                            "days": scenario.days, "max_account_days": f"{MAX_DRAW_ACCOUNT_DAYS:,}",
                                            "max_days": f"{MAX_DRAW_DAYS:,}"})
    return Notice("draws", str(asked), allowed, Message("link.draws_used", {"used": f"{used:,}"}))


def monte_carlo(scenario: Scenario, draws: int | None = None, seed: int | None = None,
                defaults: bool = True) -> MonteCarlo:
    """Monte Carlo over the scenario's ranges and, for every other uncertain parameter, its
    default range (``defaults=False``: the scenario's ranges only); ``draws`` and ``seed``, when
    given, replace the scenario's (and are checked like them: draws 1..10,000). The draws are cut
    to the compute budget (``draws_within_budget``; ``budget_notice`` says so): the result's
    ``draws`` and ``scenario.draws`` are the draws run."""
    scenario = scenario.replace(draws=scenario.draws if draws is None else draws,
                                seed=scenario.seed if seed is None else seed)
    scenario = scenario.replace(draws=draws_within_budget(scenario))
    values = sample(scenario, np.random.default_rng(scenario.seed), defaults=defaults)
    return evaluate(scenario, values, scenario.draws, effective_ranges(scenario, defaults))


def point_series(proj: Projection, draw: int = 0) -> dict[str, np.ndarray]:
    """(T,) daily values of each metric of one draw of a projection (the point estimate, drawn
    beside the bands)."""
    s = summary(proj, axis=(2,))
    return {metric: s[metric][draw] for metric in METRICS}


def _pct(a: np.ndarray, axis: int = 0, overwrite: bool = False) -> np.ndarray:
    """(3, …) P10, P50, P90 of ``a`` along ``axis`` (the draws); ``overwrite`` lets numpy
    partition a scratch array in place instead of copying it."""
    return np.percentile(a, PERCENTILES, axis=axis, overwrite_input=overwrite)


@dataclass(frozen=True)
class Bands:
    """P10/P50/P90 (first axis, in PERCENTILE_KEYS order) of each metric across draws."""

    day: np.ndarray  # (T,) 1-based
    daily: dict[str, np.ndarray]  # metric -> (3, T)
    cumulative: dict[str, np.ndarray]  # metric -> (3, T), percentiles of the running totals
    total: dict[str, np.ndarray]  # metric -> (3,), over the horizon
    mix: np.ndarray  # (3, T, 5) share of each source in the day's viewers
    draws: int


def bands(mc: MonteCarlo) -> Bands:
    """The fan charts' numbers: percentiles per day of every metric and of the traffic mix."""
    daily, cumulative, total = {}, {}, {}
    for metric in METRICS:
        series = mc.series(metric)
        running = np.cumsum(series, axis=1)  # scratch: partitioned in place below
        daily[metric], total[metric] = _pct(series), _pct(running[:, -1])
        cumulative[metric] = _pct(running, overwrite=True)
    # Shares laid out (T, 5, draws), so the percentiles run along contiguous memory. A day
    # without viewers has every share 0 (0 / 1).
    pv = np.moveaxis(mc.pv, 0, -1)
    pv_total = pv.sum(axis=1, keepdims=True)
    share = np.divide(pv, np.where(pv_total > 0, pv_total, 1.0), out=np.empty(pv.shape))
    return Bands(np.arange(1, mc.days + 1), daily, cumulative, total,
                 _pct(share, axis=-1, overwrite=True), mc.draws)


def _check_day(mc: MonteCarlo, day: int | None) -> int:
    day = mc.days if day is None else int(day)
    if not 1 <= day <= mc.days:
        raise PlannerError("uncertainty.day", days=mc.days, day=day)
    return day


def target_curve(mc: MonteCarlo, target_yuan: float, metric: str = "gmv") -> np.ndarray:
    """(T,) the chance, day by day, that the cumulative ``metric`` has reached ``target_yuan``."""
    running = np.cumsum(mc.series(metric), axis=1)
    return (running >= float(target_yuan)).mean(axis=0)


def target_probability(mc: MonteCarlo, target_yuan: float, day: int | None = None, metric: str = "gmv") -> float:
    """The chance that the cumulative ``metric`` reaches ``target_yuan`` by ``day`` (1-based;
    the end of the horizon by default): the share of draws that do."""
    return float(target_curve(mc, target_yuan, metric)[_check_day(mc, day) - 1])


def round_nice(x: float, how: str = "nearest", figures: int = 2) -> float:
    """``x`` to ``figures`` significant figures, rounded ``how`` ("nearest", "down" or "up"): the
    kind of round figure a founder writes as a target (1,234,567 → 1,200,000). 0 for x ≤ 0."""
    x = float(x)
    if not math.isfinite(x) or x <= 0:
        return 0.0
    unit = 10.0 ** (math.floor(math.log10(x)) - figures + 1)
    scaled = x / unit
    whole = {"nearest": round, "down": math.floor, "up": math.ceil}[how](round(scaled, 9))
    return float(whole * unit)


LADDER: tuple[tuple[str, int, str], ...] = (("safe", 0, "down"), ("middle", 1, "nearest"), ("stretch", 2, "up"))


def target_ladder(mc: MonteCarlo, b: Bands | None = None, metric: str = "gmv") -> list[tuple[str, float, float]]:
    """The targets worth asking about, with their chance by the end of the horizon: ``(rung,
    target, chance)`` for a safe target (the P10 of the total rounded down to a round figure, so
    at least 90% of draws reach it), the middle one (the P50 rounded: about even odds) and a
    stretch (the P90 rounded up: at most 10%). Rungs that round to the same figure are given once;
    without spread (P10 = P90) only the middle one."""
    b = bands(mc) if b is None else b
    totals = np.cumsum(mc.series(metric), axis=1)[:, -1]
    out, seen = [], set()
    spread = b.total[metric][2] > b.total[metric][0]
    for rung, i, how in (LADDER if spread else LADDER[1:2]):
        target = round_nice(b.total[metric][i], how)
        if target in seen or target <= 0:
            continue
        seen.add(target)
        out.append((rung, target, float((totals >= target).mean())))
    return out


# --- sensitivity ---------------------------------------------------------------------------

SPAN = "span"  # a tornado bar's ends from ±DEFAULT_SPAN, not from a range


def swing_span(scenario: Scenario, key: str, span: float = DEFAULT_SPAN) -> tuple[float, float, str]:
    """(low, high, basis): the scenario's range (basis SET), else the default range (DEFAULT) when it
    has a width at the point value, else ±``span`` of the point value clipped to the registry's
    limits (SPAN)."""
    ranges = scenario.range_map()
    if key in ranges:
        low, high = ranges[key]
        return float(low), float(high), SET
    x = float(getattr(scenario, key))
    if BY_KEY[key].uncertain:
        low, high = default_range(key, x)
        if high > low:
            return float(low), float(high), DEFAULT
    p = BY_KEY[key]
    return max(x * (1 - span), p.min), min(x * (1 + span), p.max), SPAN


@dataclass(frozen=True)
class Swing:
    """One bar of the tornado: the metric with ``key`` at ``low`` and at ``high``."""

    key: str
    point: float
    low: float
    high: float
    at_low: float  # the metric with the parameter at ``low`` (元)
    at_high: float
    basis: str  # SET (the scenario's range), DEFAULT (the registry's default range) or SPAN (±DEFAULT_SPAN)

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


@dataclass(frozen=True)
class Elasticity:
    key: str
    point: float
    elasticity: float  # % change of the metric per % change of the parameter; NaN if the metric is 0


@dataclass(frozen=True)
class Sensitivity:
    metric: str
    base: float  # the metric at the point values (元)
    tornado: tuple[Swing, ...]  # by swing, largest first
    elasticities: tuple[Elasticity, ...]  # by |elasticity|, largest first


def sensitivity(scenario: Scenario, metric: str = "gmv", keys: tuple[str, ...] = UNCERTAIN_KEYS,
                span: float = DEFAULT_SPAN, step: float = ELASTICITY_STEP) -> Sensitivity:
    """Tornado and elasticities of the total ``metric`` over the horizon, for every uncertain
    parameter in ``keys``, from one engine call with 1 + 4·len(keys) draws: the base, then
    per key its low and high end and its −step and +step perturbations."""
    if metric not in METRICS:
        raise PlannerError("uncertainty.metric", metrics=", ".join(METRICS), metric=metric)
    n = len(keys)
    draws = 1 + 4 * n
    overrides = {key: np.full(draws, float(getattr(scenario, key))) for key in keys}
    spans, steps = [], []
    for i, key in enumerate(keys):
        p, x = BY_KEY[key], float(getattr(scenario, key))
        low, high, basis = swing_span(scenario, key, span)
        down, up = max(x * (1 - step), p.min), min(x * (1 + step), p.max)
        overrides[key][1 + 4 * i: 5 + 4 * i] = low, high, down, up
        spans.append((low, high, basis))
        steps.append((down, up))
    values = summary(simulate(scenario, draws, overrides, by_account=False))[metric]
    base = float(values[0])
    tornado, elasticities = [], []
    for i, key in enumerate(keys):
        x = float(getattr(scenario, key))
        at_low, at_high, at_down, at_up = (float(v) for v in values[1 + 4 * i: 5 + 4 * i])
        low, high, basis = spans[i]
        tornado.append(Swing(key, x, low, high, at_low, at_high, basis))
        down, up = steps[i]
        if up == down:
            e = 0.0
        elif base == 0:
            e = float("nan")
        else:
            e = (at_up - at_down) / (up - down) * x / base
        elasticities.append(Elasticity(key, x, e))
    order = {key: i for i, key in enumerate(keys)}
    tornado.sort(key=lambda s: (-s.swing, order[s.key]))
    elasticities.sort(key=lambda e: (-abs(e.elasticity) if np.isfinite(e.elasticity) else 0.0, order[e.key]))
    return Sensitivity(metric, base, tuple(tornado), tuple(elasticities))


# --- plain Python for JSON ---------------------------------------------------------------

def _p(values) -> dict[str, float]:
    return {k: float(v) for k, v in zip(PERCENTILE_KEYS, values, strict=True)}


def percentiles(mc: MonteCarlo) -> dict:
    """The CLI's ``percentiles`` document: the Monte Carlo settings, P10/P50/P90 of each metric
    over the horizon, and the same per day (each day's own percentiles)."""
    b = bands(mc)
    used = effective_ranges(mc.scenario) if mc.ranges is None else mc.ranges
    doc = {
        "draws": mc.draws,
        "seed": mc.scenario.seed,
        "distribution": DISTRIBUTION,
        "ranges": {key: [lo, hi] for key, (lo, hi, _) in used.items()},
        "ranges_from_link": [key for key, (_, _, basis) in used.items() if basis == SET],
    }
    doc.update({metric: _p(b.total[metric]) for metric in METRICS})
    doc["daily"] = [
        {"day": int(day), **{metric: _p(b.daily[metric][:, t]) for metric in METRICS}}
        for t, day in enumerate(b.day)
    ]
    return doc

