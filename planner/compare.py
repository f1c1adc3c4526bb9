"""Side-by-side comparison of scenarios: KPIs with deltas, daily GMV, and where a GMV
difference comes from.

The decomposition splits ΔGMV between two scenarios A and B by traffic source s and by factor
of GMV_s = PV_s × CVR_s × AOV, over the horizon and the whole matrix. For a product of three
factors x·y·z the Shapley value (each factor's change averaged over the 3! orders in which
the factors can change) is

    Δx-effect = Δx · [ (y₀z₀ + y₁z₁) / 3 + (y₀z₁ + y₁z₀) / 6 ]          (and likewise for y, z)

and the three effects add up to x₁y₁z₁ − x₀y₀z₀ exactly (as algebra; to float rounding in
the machine). Unlike a log-mean Divisia index it needs no logarithms, so a source with no
viewers in one scenario (a paid tool switched on) decomposes too: its CVR there is taken to
be the other scenario's, so all of its GMV counts as a PV effect (the tool brought viewers;
their conversion did not "change"). Summed over the five sources the 15 parts give
GMV_B − GMV_A.
"""

from __future__ import annotations

import numpy as np

from . import breakdown
from .engine import SOURCES, Projection
from .kpis import COMPARE
from .presets import PRESETS
from .report import totals
from .text import PlannerError

FACTORS: tuple[str, ...] = ("pv", "cvr", "aov")
KPI_KEYS: tuple[str, ...] = COMPARE  # the KPIs compared, in display order (planner.kpis)
MAX_SCENARIOS = 3
NO_RATIO = frozenset({"public_share", "stage_reached_index"})  # a share moves in points, a stage in steps
# The KPIs that add up over days (money, people): compared per day or per month when horizons differ.
# The others are ratios (ROI, shares) or a stage, the same whatever the horizon is divided by.
PER_DAY_KPIS = frozenset({"gmv", "net_gmv", "profit", "spend", "unspent", "pv", "buyers", "sessions", "watch_pv"})
MONTH_DAYS = 30  # "a month" when horizons differ: 30 days, as DOMAIN's monthly GMV figures read

# The compare page's picks in the link: what slot B and C hold (nothing, a pasted link, a preset
# by name) and the link pasted into each. The app binds its widgets to them; the CLI knows them
# as the app's (``planner.cli.common.APP_LINK_KEYS``), so a link copied from the page reads cleanly.
SLOTS: tuple[str, ...] = ("A", "B", "C")
NONE, LINK, BASELINE = "none", "link", "baseline"  # BASELINE: the pinned baseline (planner.baseline)
SLOT_KEYS: dict[str, str] = {slot: f"compare_{slot.lower()}" for slot in SLOTS[1:]}
SLOT_LINK_KEYS: dict[str, str] = {slot: f"compare_{slot.lower()}_link" for slot in SLOTS[1:]}
LINK_KEYS: tuple[str, ...] = (*SLOT_KEYS.values(), *SLOT_LINK_KEYS.values())


def slot_options() -> tuple[str, ...]:
    """What a comparison slot can hold: nothing, the baseline, a pasted link, or a preset (by name)."""
    return (NONE, BASELINE, LINK, *PRESETS)


def shapley3(x0, y0, z0, x1, y1, z1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The Shapley effects of x, y and z on Δ(x·y·z); broadcasts."""
    x0, y0, z0, x1, y1, z1 = (np.asarray(a, dtype=float) for a in (x0, y0, z0, x1, y1, z1))

    def effect(d, a0, b0, a1, b1):  # the change d of one factor, the other two a and b
        return d * ((a0 * b0 + a1 * b1) / 3.0 + (a0 * b1 + a1 * b0) / 6.0)

    return (effect(x1 - x0, y0, z0, y1, z1), effect(y1 - y0, x0, z0, x1, z1),
            effect(z1 - z0, x0, y0, x1, y1))


def factors(proj: Projection, draw: int = 0, per_days: int | None = None) -> dict[str, np.ndarray]:
    """(5,) PV, CVR, AOV and GMV per source over the horizon (``breakdown.decomposition``), or
    averaged per ``per_days`` days of it (PV and GMV scaled by per_days / days; CVR and AOV are
    ratios and do not change)."""
    rows = [r for r in breakdown.decomposition(proj, draw) if r["source"] != "total"]
    out = {key: np.array([r[key] for r in rows]) for key in (*FACTORS, "gmv")}
    if per_days is not None:
        scale = per_days / proj.days
        out["pv"], out["gmv"] = out["pv"] * scale, out["gmv"] * scale
    return out


def horizons_differ(projs: list[Projection]) -> bool:
    """Whether the scenarios run over different numbers of days (then totals are not comparable:
    a longer horizon is not more viewers)."""
    return len({p.days for p in projs}) > 1


def decompose(a: Projection, b: Projection, draw: int = 0, per_days: int | None = None) -> dict:
    """ΔGMV from scenario A to B split by source and factor (Shapley, see the module docstring).

    With ``per_days`` (``MONTH_DAYS`` when the horizons differ) each side is the average over
    that many days of its own horizon, so a longer horizon is not booked as viewers.

    Returns ``gmv_a``, ``gmv_b``, ``difference`` (= gmv_b − gmv_a, 元), ``parts`` (one dict per
    source and factor: ``source``, ``factor``, ``value`` 元, in SOURCES × FACTORS order),
    ``by_factor`` and ``by_source`` (sums of the parts) and ``method``.
    """
    fa, fb = factors(a, draw, per_days), factors(b, draw, per_days)
    pv0, pv1 = fa["pv"], fb["pv"]
    # A source without viewers has no CVR of its own: use the other side's (see docstring).
    cvr0 = np.where(pv0 > 0, fa["cvr"], fb["cvr"])
    cvr1 = np.where(pv1 > 0, fb["cvr"], fa["cvr"])
    effects = shapley3(pv0, cvr0, fa["aov"], pv1, cvr1, fb["aov"])
    parts = [{"source": source, "factor": factor, "value": float(effects[f][s])}
             for s, source in enumerate(SOURCES) for f, factor in enumerate(FACTORS)]
    gmv_a = float(np.sum(pv0 * cvr0 * fa["aov"]))
    gmv_b = float(np.sum(pv1 * cvr1 * fb["aov"]))
    return {
        "gmv_a": gmv_a,
        "gmv_b": gmv_b,
        "difference": gmv_b - gmv_a,
        "parts": parts,
        "by_factor": {factor: float(effects[f].sum()) for f, factor in enumerate(FACTORS)},
        "by_source": {source: float(sum(e[s] for e in effects)) for s, source in enumerate(SOURCES)},
        "method": "shapley",
    }


def visible_parts(decomposition: dict, min_yuan: float = 0.5) -> list[dict]:
    """The parts worth a bar or a line: those that round to at least ``min_yuan`` 元 (a factor
    that did not change gives an effect of float noise, not exactly 0)."""
    return [part for part in decomposition["parts"] if abs(part["value"]) >= min_yuan]


def kpis(proj: Projection, draw: int = 0, per_days: int | None = None) -> dict[str, float | int | None]:
    """The compared KPIs of one projection (money in 元, ROI None without spend); with
    ``per_days``, the totals (``PER_DAY_KPIS``) are averages over that many days of the horizon."""
    kpis_of_draw = totals(proj, draw)
    scale = 1.0 if per_days is None else per_days / proj.days
    return {key: kpis_of_draw[key] * scale if key in PER_DAY_KPIS and kpis_of_draw[key] is not None
            else kpis_of_draw[key] for key in KPI_KEYS}


def kpi_table(projs: list[Projection], per_days: int | None = None) -> list[dict]:
    """One row per KPI: ``values`` per scenario, and ``deltas`` and ``ratios`` against the
    first scenario (None for the first, and where either side is undefined or the base is 0).
    With ``per_days``, totals are averages over that many days (``kpis``)."""
    if not 1 <= len(projs) <= MAX_SCENARIOS:
        raise PlannerError("compare.how_many", most=MAX_SCENARIOS, got=len(projs))
    all_kpis = [kpis(p, per_days=per_days) for p in projs]
    rows = []
    for key in KPI_KEYS:
        values = [k[key] for k in all_kpis]
        base = values[0]
        deltas, ratios = [None], [None]
        for v in values[1:]:
            ok = v is not None and base is not None
            deltas.append(v - base if ok else None)
            ratios.append((v - base) / abs(base) if ok and base != 0 and key not in NO_RATIO else None)
        rows.append({"key": key, "values": values, "deltas": deltas, "ratios": ratios})
    return rows


def daily_gmv(projs: list[Projection]) -> dict[str, np.ndarray | list[np.ndarray]]:
    """Day numbers (1-based, for the longest horizon) and each scenario's daily GMV (元)."""
    series = [breakdown.daily_series(p)["gmv_total"] for p in projs]
    return {"day": np.arange(1, max(len(s) for s in series) + 1), "gmv": series}
