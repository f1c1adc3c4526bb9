"""Data shaping for the app's pages: every number a page shows, computed here from a projection.

Pages format and render; they do no arithmetic. Everything here is pure numpy on one draw of a
``Projection`` (``draw=0`` by default) and returns plain arrays, lists and dicts keyed by the
engine's names (``SOURCES``, account indices, stage indices), never UI labels, so the model
package stays free of streamlit and plotly.

The identities the tests check:
    Σ_weeks weekly[a, w] = Σ_days daily[t, a]                 (weekly matrices lose nothing)
    GMV_s = PV_s × CVR_s × AOV for every source s             (decomposition rows)
    Σ_s GMV_s = GMV                                            (the total row)
"""

from __future__ import annotations

import math

import numpy as np

from .engine import EARLY_STAGE_FROM, SESSION_STAGE_FROM, SOURCES, STAGE_KEYS, Projection
from .kpis import OVERVIEW
from .params import (
    BEANS_PER_HEATING_ORDER,
    BEANS_PER_YUAN_ANDROID,
    BEANS_PER_YUAN_IOS,
    INITIAL_PUSH_MAX,
    INITIAL_PUSH_MIN,
    beans_for_yuan,
)
from .report import totals
from .text import PlannerError

DAYS_PER_WEEK = 7
PUBLIC_SHARE_BENCHMARK = 0.8  # DOMAIN: a healthy mature room gets over 80% from the public domain

# The headline numbers of the overview, in display order: money first, then what a viewer does.
KPI_KEYS: tuple[str, ...] = OVERVIEW


def _finite(x) -> float | None:
    """A plain float, or None for NaN/inf (shown as fmt.DASH)."""
    x = float(x)
    return x if math.isfinite(x) else None


# --- the headline -------------------------------------------------------------------------

def kpis(proj: Projection, draw: int = 0) -> dict[str, float | int | None]:
    """The overview's headline numbers, taken from ``report.totals`` so the app and the CLI
    agree: GMV, net GMV, profit after spend, spend and unspent budget (元), ROI (GMV per 元 of
    spend, None without spend), viewers per session (UV), GMV per viewer (UV价值, 元), GPM (元 per
    1,000 watch PV), public share of viewers, and the best stage index reached."""
    t = totals(proj, draw)
    return {key: t[key] for key in ("spend", *KPI_KEYS)}


def kpi_deltas(now: dict, before: dict | None) -> dict[str, float | int | None]:
    """Change of each KPI against an earlier scenario's KPIs; None where either side is
    undefined (no earlier scenario, an ROI without spend)."""
    out: dict[str, float | int | None] = {}
    for key in KPI_KEYS:
        a = now.get(key)
        b = None if before is None else before.get(key)
        out[key] = None if a is None or b is None else a - b
    return out


# --- GMV = PV × CVR × AOV per source -------------------------------------------------------

def decomposition(proj: Projection, draw: int = 0, account: int | None = None) -> list[dict]:
    """One row per source, plus a ``"total"`` row, over the horizon (and the whole matrix, or
    one ``account``): pv (viewers), cvr (buyers per viewer), aov (元), buyers, gmv (元) and
    gmv_share, with gmv = pv × cvr × aov exactly as the engine defines CVR = buyers / PV."""
    sel = (draw, slice(None)) if account is None else (draw, slice(None), account)
    pv = proj.pv[sel].reshape(-1, len(SOURCES)).sum(axis=0)
    buyers = proj.buyers[sel].reshape(-1, len(SOURCES)).sum(axis=0)
    aov = float(proj.aov[draw])
    total_pv, total_buyers = float(pv.sum()), float(buyers.sum())
    total_gmv = total_buyers * aov
    rows = []
    for s, source in enumerate(SOURCES):
        p, b = float(pv[s]), float(buyers[s])
        rows.append({
            "source": source,
            "pv": p,
            "cvr": b / p if p > 0 else 0.0,
            "aov": aov,
            "buyers": b,
            "gmv": b * aov,
            "gmv_share": b * aov / total_gmv if total_gmv > 0 else 0.0,
        })
    rows.append({
        "source": "total",
        "pv": total_pv,
        "cvr": total_buyers / total_pv if total_pv > 0 else 0.0,
        "aov": aov,
        "buyers": total_buyers,
        "gmv": total_gmv,
        "gmv_share": 1.0 if total_gmv > 0 else 0.0,
    })
    return rows


# --- over time -----------------------------------------------------------------------------

def daily_series(proj: Projection, draw: int = 0) -> dict[str, np.ndarray]:
    """Per day (1-based ``day``), summed over accounts: ``pv`` and ``gmv`` per source (T, 5),
    their totals (T,), the public share of viewers (T,), and accounts live (T,)."""
    pv = proj.pv[draw].sum(axis=1)  # (T, S)
    gmv = proj.gmv[draw].sum(axis=1)
    pv_total = pv.sum(axis=1)
    return {
        "day": np.arange(1, proj.days + 1),
        "pv": pv,
        "gmv": gmv,
        "pv_total": pv_total,
        "gmv_total": gmv.sum(axis=1),
        "public_share": np.divide(pv[:, 1], pv_total, out=np.zeros(proj.days), where=pv_total > 0),
        "accounts_live": proj.live.sum(axis=1),
    }


def week_bounds(days: int) -> list[tuple[int, int]]:
    """1-based (first day, last day) of each week of the horizon; the last may be partial."""
    return [(start + 1, min(start + DAYS_PER_WEEK, days)) for start in range(0, days, DAYS_PER_WEEK)]


def weekly_matrix(proj: Projection, what: str = "gmv", draw: int = 0) -> np.ndarray:
    """(accounts, weeks) totals of ``what`` ("gmv" in 元 or "pv" viewers) per account and week.
    Rows sum to each account's horizon total; columns to each week's matrix total."""
    if what == "gmv":
        daily = proj.gmv[draw].sum(axis=2)  # (T, A)
    elif what == "pv":
        daily = proj.pv[draw].sum(axis=2)
    else:
        raise PlannerError("breakdown.what", what=what)
    weeks = len(week_bounds(proj.days))
    padded = np.zeros((weeks * DAYS_PER_WEEK, proj.accounts))
    padded[: proj.days] = daily
    return padded.reshape(weeks, DAYS_PER_WEEK, proj.accounts).sum(axis=1).T


def session_viewers(proj: Projection, draw: int = 0, early: bool = False) -> np.ndarray:
    """(accounts, days) viewers of each account's session (``early``: two hours in); NaN on days
    without a session."""
    values = proj.viewers_2h if early else proj.viewers_session
    return np.where(proj.sessions > 0, values[draw], np.nan).T


def stage_timeline(proj: Projection, draw: int = 0) -> np.ndarray:
    """(accounts, days) stage index of each account's latest session, -1 before it goes live."""
    return proj.stage[draw].T.copy()


def stage_bands() -> list[tuple[int, str, float, float | None]]:
    """Each stage's (index, measure, lower bound, upper bound or None), as DOMAIN's table reads
    them: the early stages by viewers two hours in (``"2h"``), the later ones by viewers of the
    whole session (``"session"``)."""
    early = (0.0, *EARLY_STAGE_FROM)
    bands = [(i, "2h", lo, hi) for i, (lo, hi) in enumerate(zip(early, [*EARLY_STAGE_FROM, None], strict=True))]
    late = [(len(early) + i, "session", lo, hi)
            for i, (lo, hi) in enumerate(zip(SESSION_STAGE_FROM, [*SESSION_STAGE_FROM[1:], None], strict=True))]
    return bands + late


def first_day_at_stage(proj: Projection, draw: int = 0) -> list[list[int | None]]:
    """For each account, the first day (1-based) it reached each stage, None if never."""
    stage = proj.stage[draw]  # (T, A)
    out = []
    for a in range(proj.accounts):
        row = []
        for i in range(len(STAGE_KEYS)):
            hit = np.flatnonzero(stage[:, a] >= i)
            row.append(int(hit[0]) + 1 if hit.size else None)
        out.append(row)
    return out


# --- the matrix of accounts ----------------------------------------------------------------

def account_rows(proj: Projection, draw: int = 0) -> list[dict]:
    """One row per account: launch day (1-based; ``launched`` False for one that does not launch
    within the horizon), sessions, best and final stage index (-1 = not live), public share of
    its viewers, GMV (元), viewers, viewers per session, buyers, hand-off viewers received and
    its followers at the end."""
    pv = proj.pv[draw]  # (T, A, S)
    stage = proj.stage[draw]
    rows = []
    for a in range(proj.accounts):
        total_pv = float(pv[:, a].sum())
        sessions = int(proj.sessions[:, a].sum())
        rows.append({
            "account": a,
            "launch_day": int(proj.launch_day[a]) + 1,
            "launched": bool(proj.live[:, a].any()),
            "sessions": sessions,
            "best_stage": int(stage[:, a].max()),
            "final_stage": int(stage[-1, a]),
            "public_share": float(pv[:, a, 1].sum()) / total_pv if total_pv > 0 else 0.0,
            "gmv": float(proj.gmv[draw][:, a].sum()),
            "pv": total_pv,
            "viewers_per_session": total_pv / sessions if sessions else 0.0,
            "buyers": float(proj.buyers[draw][:, a].sum()),
            "handoff_received": float(proj.handoff[draw][:, a].sum()),
            "final_followers": float(proj.followers[draw, -1, a]),
        })
    return rows


def flows(proj: Projection, draw: int = 0) -> list[dict]:
    """Viewer flows over the horizon for a Sankey: each source into each account
    (``kind="source"``, the flagship's hand-off taken out of the satellites' public viewers),
    and the flagship into each satellite (``kind="handoff"``). ``src``/``dst`` are a source
    name or an account index. Zero flows are left out."""
    pv = proj.pv[draw].sum(axis=0)  # (A, S)
    received = proj.handoff[draw].sum(axis=0)  # (A,)
    out = []
    for a in range(proj.accounts):
        for s, source in enumerate(SOURCES):
            value = float(pv[a, s]) - (float(received[a]) if s == 1 else 0.0)
            if value > 0:
                out.append({"kind": "source", "src": source, "dst": a, "value": value})
    for a in range(1, proj.accounts):
        if received[a] > 0:
            out.append({"kind": "handoff", "src": 0, "dst": a, "value": float(received[a])})
    return out


def flow_summary(proj: Projection, draw: int = 0) -> list[dict]:
    """The flows of ``flows`` grouped so that a Sankey stays readable for any number of
    accounts: each source into the flagship and into the satellites together
    (``"satellites"``, net of the hand-off), then the satellites' own viewers and the
    flagship's hand-off into each satellite. ``src``/``dst`` are a source name,
    ``"satellites"`` or an account index; values are viewers over the horizon; zeros are left
    out. With one account there are only the sources into the flagship."""
    by_pair: dict[tuple, float] = {}
    own = np.zeros(proj.accounts)
    handoff = np.zeros(proj.accounts)
    for f in flows(proj, draw):
        if f["kind"] == "handoff":
            handoff[f["dst"]] += f["value"]
        elif f["dst"] == 0:
            by_pair[(f["src"], 0)] = by_pair.get((f["src"], 0), 0.0) + f["value"]
        else:
            by_pair[(f["src"], "satellites")] = by_pair.get((f["src"], "satellites"), 0.0) + f["value"]
            own[f["dst"]] += f["value"]
    out = [{"kind": "source", "src": src, "dst": dst, "value": v} for (src, dst), v in by_pair.items() if v > 0]
    for a in range(1, proj.accounts):
        if own[a] > 0:
            out.append({"kind": "own", "src": "satellites", "dst": a, "value": float(own[a])})
        if handoff[a] > 0:
            out.append({"kind": "handoff", "src": 0, "dst": a, "value": float(handoff[a])})
    return out


# --- paid tools ----------------------------------------------------------------------------

def beans_info(yuan_per_day: float) -> dict[str, float | int]:
    """What ``yuan_per_day`` of WeChat beans buys: beans on Android/web (10 per 元) and on iOS
    (7 per 元), and how many whole 500-bean heating orders each makes."""
    android = beans_for_yuan(yuan_per_day, 0.0)
    ios = beans_for_yuan(yuan_per_day, 1.0)
    return {
        "android_beans": android,
        "ios_beans": ios,
        "android_orders": int(android // BEANS_PER_HEATING_ORDER),
        "ios_orders": int(ios // BEANS_PER_HEATING_ORDER),
        "beans_per_order": BEANS_PER_HEATING_ORDER,
        "android_per_yuan": BEANS_PER_YUAN_ANDROID,
        "ios_per_yuan": BEANS_PER_YUAN_IOS,
    }


def push_range() -> tuple[int, int]:
    """The platform's opening wave for weight 0 and weight 1 (viewers)."""
    return INITIAL_PUSH_MIN, INITIAL_PUSH_MAX


def finite_or_none(x) -> float | None:
    """Public helper for pages and exports: NaN/inf become None (shown as a dash)."""
    return _finite(x)
