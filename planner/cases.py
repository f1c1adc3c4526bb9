"""Reported cases the model is held against: each figure in ``shared/DOMAIN.md`` that a projection
can be compared with, with its inputs set as the source describes the case.

A case is the source's sentence, a scenario built from the case's description (what the source
does not say keeps the registry's default, and every choice is written beside it in ``inputs``),
the window of the projection the figure describes, the measurement, and the reported figure (a
point or a range). Where the source describes a room by its viewers ("a room with 10,000 viewers
a session"), the planner finds the followers that give the room that many viewers and measures
what the figure is about (its GMV): the viewers are the case's description, the GMV is the answer.
Nothing here is tuned to the answer.

The result of a case is the model's figure beside the reported one and their ratio: the model
over the reported figure, or over the nearest end of a reported range (1 inside it). A model
version passes a case when the ratio is within 0.5–2. The tests, the 假设 page, the CLI
(``python -m planner cases``) and the README all read ``evaluate()``.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np

from . import fmt
from .engine import Projection, simulate
from .link import to_query
from .presets import PRESETS
from .scenario import Scenario
from .text import Message, message, t

TOLERANCE = (0.5, 2.0)  # the model lands within 0.5×–2× of the reported figure
MONTH_DAYS = 30


@dataclass(frozen=True)
class Case:
    """One reported figure and the scenario that describes it. Its title is the catalogue's
    ``cases.<key>.title``; ``source`` is data (DOMAIN's sentence, quoted as written there), so it
    stays here, in the one language it was written in."""

    key: str
    source: str  # the sentence in DOMAIN.md (English, as written there)
    inputs: Message  # how the description became inputs
    scenario: Scenario
    measure: str  # one of MEASURES
    reported: tuple[float, float]  # low, high (equal for a point); ``math.inf`` for "over X"
    unit: str  # "yuan" (a month's GMV), "yuan_per_viewer", "share"
    window: tuple[int, int] | None = None  # 1-based first and last day measured; None: the last 30
    viewers_per_session: float | None = None  # the room as described: followers are found to give it
    private_share: float | None = None  # and its private share of viewers: the private domain is found

    def title(self, lang: str) -> str:
        return t(f"cases.{self.key}.title", lang)


@dataclass(frozen=True)
class Result:
    case: Case
    scenario: Scenario  # the scenario measured (with the followers found, if the case sets viewers)
    model: float
    ratio: float  # model / reported (nearest end of a range; 1 inside it)

    @property
    def ok(self) -> bool:
        return TOLERANCE[0] <= self.ratio <= TOLERANCE[1]


def window_of(case: Case, days: int) -> slice:
    """The days (0-based slice) a case measures: its window, or the last 30."""
    first, last = case.window or (days - MONTH_DAYS + 1, days)
    return slice(first - 1, last)


def _measure(proj: Projection, case: Case) -> float:
    days = window_of(case, proj.days)
    pv = proj.pv[0, days].sum(axis=(0, 1))  # per source
    buyers = proj.buyers[0, days].sum(axis=(0, 1))
    gmv = float(proj.gmv[0, days].sum())
    if case.measure == "gmv_month":
        return gmv * MONTH_DAYS / (days.stop - days.start)
    if case.measure == "gmv_per_viewer":
        return gmv / float(pv.sum())
    if case.measure == "private_share":
        return float(pv[0] / pv.sum())
    if case.measure == "public_share":
        return float(pv[1] / pv.sum())
    if case.measure == "private_order_share":
        return float(buyers[0] / buyers.sum())
    raise ValueError(f"unknown measure {case.measure!r}")


MEASURES = ("gmv_month", "gmv_per_viewer", "private_share", "public_share", "private_order_share")


def viewers_per_session(proj: Projection, case: Case) -> np.ndarray:
    """(D,) viewers a session in the case's window."""
    days = window_of(case, proj.days)
    return proj.pv[:, days].sum(axis=(1, 2, 3)) / max(proj.sessions[days].sum(), 1)


def private_per_session(proj: Projection, case: Case) -> np.ndarray:
    """(D,) private viewers a session in the case's window."""
    days = window_of(case, proj.days)
    return proj.pv[:, days, :, 0].sum(axis=(1, 2)) / max(proj.sessions[days].sum(), 1)


GRID = 33  # values a batched search tries at once
ROUNDS = 4  # narrowing rounds: a relative precision of about (1/32)^4 on a log scale


def _search(scenario: Scenario, values, measure, target: float, lo: float, hi: float) -> float:
    """The smallest value in [lo, hi] (searched on a log scale) at which ``measure`` reaches
    ``target``, the measure growing with the value. ``values(v)`` maps an array of candidates to
    per-draw overrides, so each round is one batched engine call."""
    lo, hi = math.log(max(lo, 1.0)), math.log(hi)
    for _ in range(ROUNDS):
        grid = np.linspace(lo, hi, GRID)
        reached = measure(simulate(scenario, GRID, overrides=values(np.exp(grid)), by_account=False)) >= target
        i = int(np.argmax(reached)) if reached.any() else GRID - 1
        lo, hi = grid[max(i - 1, 0)], grid[i]
    return float(np.exp(hi))


def _private_domain(invites: np.ndarray) -> dict[str, np.ndarray]:
    """A private domain that sends ``invites`` a session and reaches each person about once a week
    (a pool of seven times the invites): how big a brand's private domain is, in one number."""
    invites = np.round(invites)
    return {"invites": invites, "pool": np.maximum(7 * invites, 100)}


def _described(case: Case) -> Scenario:
    """The case's scenario with the followers (and, for a room described by its private share, the
    private domain) that give the room the viewers a session and the share the source describes:
    first the private domain that brings its share of the viewers, then the followers that bring
    the rest; twice, as each moves the other a little."""
    scenario = case.scenario
    for _ in range(2 if case.private_share else 1):
        if case.private_share:
            invites = _search(scenario, _private_domain, lambda p: private_per_session(p, case),
                              case.private_share * case.viewers_per_session, 100.0, 1_000_000.0)
            domain = _private_domain(np.array([invites]))
            scenario = scenario.replace(invites=int(domain["invites"][0]), pool=int(domain["pool"][0]))
        followers = _search(scenario, lambda f: {"followers": np.round(f)}, lambda p: viewers_per_session(p, case),
                            case.viewers_per_session, 0.0, 50_000_000.0)
        scenario = scenario.replace(followers=int(round(followers)))
    return scenario


def ratio(model: float, reported: tuple[float, float]) -> float:
    low, high = reported
    if model < low:
        return model / low
    if model > high:
        return model / high
    return 1.0


def evaluate(case: Case) -> Result:
    scenario = _described(case) if case.viewers_per_session else case.scenario
    model = _measure(simulate(scenario), case)
    return Result(case, scenario, model, ratio(model, case.reported))


def evaluate_all() -> list[Result]:
    return [evaluate(case) for case in CASES]


_computed: list[Result] = []
_computing = threading.Lock()


def evaluate_all_once() -> list[Result]:
    """``evaluate_all()``, computed once per process and shared (the cases do not depend on any
    link): the first caller computes, any other waits for it."""
    with _computing:
        if not _computed:
            _computed.extend(evaluate_all())
    return _computed


# --- the cases -------------------------------------------------------------------------------

# A room the source describes by its size: an account streaming daily (about 30 sessions a month,
# as DOMAIN's reading of the stage table assumes), with the followers that give it that many
# viewers a session and, as DOMAIN's good rooms ("good rooms reach 2:8"), a private domain that
# brings a fifth of them; daily short videos. What the source does not say keeps its default.
GOOD_ROOM_PRIVATE = 0.2
_ROOM = dict(accounts=1, sessions_week=7, days=90, video_plays=100_000)
# Tiers, where a source names one: a head (头部) room has about 100,000 viewers a session (DOMAIN's
# stage table); a waist (腰部) or mid-tier room, which the table does not define, about 30,000 (an
# assumption: between its 10,000 and 100,000 rows, on a log scale).
HEAD_VIEWERS = 100_000
MID_VIEWERS = 30_000


def _room(viewers: str, rest: Message) -> Message:
    """How a room described by its viewers a session became inputs (``cases.room``): ``viewers``
    names its size (``cases.room.<size>``), ``rest`` what the source adds."""
    return message("cases.room", viewers=message(f"cases.room.{viewers}"), rest=rest)


CASES: tuple[Case, ...] = (
    Case(
        "stage_10k",
        "viewers of the whole session over 10,000: about 1,000,000 元 a month \"is no problem\"",
        _room("10k", message("cases.aov.middle")),
        Scenario(**_ROOM, aov=300), "gmv_month", (1_000_000, 1_000_000), "yuan",
        viewers_per_session=10_000, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "stage_100k",
        "viewers of the whole session about 100,000: head account (头部), 5–10 million 元 a month",
        _room("100k", message("cases.aov", aov=300)),
        Scenario(**_ROOM, aov=300), "gmv_month", (5_000_000, 10_000_000), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "uv_aov_200",
        "A model whose GMV per viewer (UV价值) at ordinary AOVs (200–400 元) sits far outside 1–5 元 is "
        "miscalibrated.",
        _room("10k", message("cases.aov", aov=200)),
        Scenario(**_ROOM, aov=200), "gmv_per_viewer", (1.0, 5.0), "yuan_per_viewer",
        viewers_per_session=10_000, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "uv_aov_400",
        "A model whose GMV per viewer (UV价值) at ordinary AOVs (200–400 元) sits far outside 1–5 元 is "
        "miscalibrated.",
        _room("10k", message("cases.aov", aov=400)),
        Scenario(**_ROOM, aov=400), "gmv_per_viewer", (1.0, 5.0), "yuan_per_viewer",
        viewers_per_session=10_000, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "store_single",
        "store-broadcast brand (企业品牌店播), a chain with many stores: flagship first, then a standard "
        "playbook copied to matrix accounts; private domain of store customers; a single account 1–3 million",
        message("cases.store_single.inputs"),
        Scenario(accounts=1, pool=300_000, buyer_share=0.6, invites=30_000, followers=20_000,
                 video_plays=100_000, days=90),
        "gmv_month", (1_000_000, 3_000_000), "yuan"),
    Case(
        "store_matrix",
        "store-broadcast brand (企业品牌店播): a matrix brand > 10 million",
        message("cases.store_matrix.inputs"),
        Scenario(accounts=8, launch_every=14, pool=1_000_000, buyer_share=0.6, invites=30_000, followers=20_000,
                 video_plays=100_000, days=150),
        "gmv_month", (10_000_000, math.inf), "yuan"),
    Case(
        "clearance_head",
        "clearance of brand stock (品牌撤柜): brand trust + scarcity; head > 10 million",
        _room("head", message("cases.aov.default")),
        Scenario(**_ROOM), "gmv_month", (10_000_000, math.inf), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "clearance_waist",
        "clearance of brand stock (品牌撤柜): waist 3–5 million",
        _room("waist", message("cases.aov.default")),
        Scenario(**_ROOM), "gmv_month", (3_000_000, 5_000_000), "yuan",
        viewers_per_session=MID_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "stylist_head",
        "stylist-buyer persona (穿搭师): expertise content; head 7–10 million",
        _room("head", message("cases.content.strong")),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (7_000_000, 10_000_000), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "stylist_mid",
        "stylist-buyer persona (穿搭师): mid-tier 1–3 million",
        _room("mid", message("cases.content.expertise")),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (1_000_000, 3_000_000), "yuan",
        viewers_per_session=MID_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "founder_head",
        "founder persona + source factory (beauty): strong persona, factory prices; head > 10 million",
        _room("head", message("cases.content.persona")),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (10_000_000, math.inf), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "founder_many",
        "founder persona + source factory (beauty): \"many\" accounts > 1 million",
        _room("mid", message("cases.content.persona")),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (1_000_000, math.inf), "yuan",
        viewers_per_session=MID_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "education_head",
        "education (教培): expertise content; 4–5 million for head accounts",
        _room("head", message("cases.content.expertise")),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (4_000_000, 5_000_000), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "apparel_matrix",
        "by mid-April 2023 it ran 6 matrix accounts and about 55 million 元 GMV a month without paid traffic. "
        "Its method: short videos that went viral ... led viewers into the live room, then the big account "
        "brought up the small ones",
        message("cases.apparel_matrix.inputs"),
        PRESETS["apparel_matrix"].scenario,  # the preset is this case
        "gmv_month", (55_000_000, 55_000_000), "yuan", window=(61, 90)),
    Case(
        "early_private",
        "Some merchants today still get 70–80% of their live viewers from their private domain (rooms that "
        "have not learned to catch public traffic)",
        message("cases.early_private.inputs"),
        Scenario(accounts=1, followers=0, pool=50_000, invites=5_000, days=30),
        "private_share", (0.70, 0.80), "share", window=(1, 30)),
    Case(
        "good_room_public",
        "a healthy mature room gets over 80% from the public domain; good rooms reach 2:8",
        message("cases.good_room_public.inputs"),
        Scenario(accounts=1, followers=300_000, ctr=0.3, dwell=15, interact=0.14, pool=50_000, invites=5_000,
                 video_plays=100_000, days=365),
        "public_share", (0.80, 1.0), "share"),
    Case(
        "private_orders",
        "in one brand's room 20% of the viewers came from the private domain but produced 80–95% of the orders",
        message("cases.private_orders.inputs"),
        Scenario(**_ROOM, buyer_share=0.5), "private_order_share", (0.80, 0.95), "share",
        viewers_per_session=10_000, private_share=GOOD_ROOM_PRIVATE),
)

BY_KEY: dict[str, Case] = {case.key: case for case in CASES}


def figure_text(value: float | None, unit: str, lang: str) -> str:
    """A case's figure as people read it: a month's GMV in 万/亿 (K/M), 元 per viewer, a share."""
    if value is None:
        return fmt.DASH
    if unit == "share":
        return fmt.percent(value, 0)
    if unit == "yuan_per_viewer":
        return t("cases.per_viewer", lang, price=fmt.price(value, lang))
    return t("cases.per_month", lang, money=fmt.money(value, lang))


def reported_text(case: Case, lang: str) -> str:
    """The reported figure: a point, a range, or "over X"."""
    low, high = case.reported
    if math.isinf(high):
        return t("cases.over", lang, figure=figure_text(low, case.unit, lang))
    if high == low:
        return figure_text(low, case.unit, lang)
    return f"{figure_text(low, case.unit, lang)} – {figure_text(high, case.unit, lang)}"


def rows(results: list[Result], lang: str) -> list[dict]:
    """One row per case, as the CLI, the README and the 假设 page show it."""
    return [{"key": r.case.key, "case": r.case.title(lang), "reported": reported_text(r.case, lang),
             "model": figure_text(r.model, r.case.unit, lang), "ratio": f"{r.ratio:.2f}×",
             "ok": r.ok, "inputs": r.case.inputs.text(lang), "source": r.case.source} for r in results]


def as_dicts(results: list[Result]) -> list[dict]:
    """Plain numbers for JSON."""
    return [{"key": r.case.key, "source": r.case.source, "unit": r.case.unit, "reported_low": r.case.reported[0],
             "reported_high": None if math.isinf(r.case.reported[1]) else r.case.reported[1],
             "model": r.model, "ratio": r.ratio, "ok": r.ok, "inputs": r.case.inputs.text("en"),
             "query": to_query(r.scenario)} for r in results]


def markdown(results: list[Result], lang: str = "en") -> str:
    """The table for the README."""
    head = [t(f"cases.column.{column}", lang) for column in ("case", "reported", "model", "ratio", "ok", "inputs")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows(results, lang):
        cells = (row["case"], row["reported"], row["model"], row["ratio"], t("cases.markdown.yes" if row["ok"] else "cases.markdown.no", lang),
                 row["inputs"])
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return "\n".join(lines) + "\n"
