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

TOLERANCE = (0.5, 2.0)  # the model lands within 0.5×–2× of the reported figure
MONTH_DAYS = 30


@dataclass(frozen=True)
class Case:
    """One reported figure and the scenario that describes it."""

    key: str
    title: tuple[str, str]  # (zh, en)
    source: str  # the sentence in DOMAIN.md (English, as written there)
    inputs: tuple[str, str]  # how the description became inputs, (zh, en)
    scenario: Scenario
    measure: str  # one of MEASURES
    reported: tuple[float, float]  # low, high (equal for a point); ``math.inf`` for "over X"
    unit: str  # "yuan" (a month's GMV), "yuan_per_viewer", "share"
    window: tuple[int, int] | None = None  # 1-based first and last day measured; None: the last 30
    viewers_per_session: float | None = None  # the room as described: followers are found to give it
    private_share: float | None = None  # and its private share of viewers: the private domain is found


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
_ROOM_WORDS = ("日播单号；找出使末月场均观看人数达到{v}的粉丝数，以及使私域观众占两成（好的直播间2:8）的私域规模；"
               "日更短视频；{rest}",
               "One account streaming daily; the followers that give {v_en} viewers a session in the last month "
               "are found, and a private domain that brings a fifth of them (good rooms reach 2:8); daily short "
               "videos; {rest_en}")


def _room(v: str, v_en: str, rest: str, rest_en: str) -> tuple[str, str]:
    return _ROOM_WORDS[0].format(v=v, rest=rest), _ROOM_WORDS[1].format(v_en=v_en, rest_en=rest_en)


CASES: tuple[Case, ...] = (
    Case(
        "stage_10k", ("万人场 → 月销百万", "10,000 a session → a million a month"),
        "viewers of the whole session over 10,000: about 1,000,000 元 a month \"is no problem\"",
        _room("1万", "10,000", "客单价300元（常见的200–400元的中间）。", "AOV 300 元 (the middle of the ordinary 200–400)."),
        Scenario(**_ROOM, aov=300), "gmv_month", (1_000_000, 1_000_000), "yuan",
        viewers_per_session=10_000, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "stage_100k", ("头部：场均10万 → 月销500–1000万", "Head: 100,000 a session → 5–10 million a month"),
        "viewers of the whole session about 100,000: head account (头部), 5–10 million 元 a month",
        _room("10万", "100,000", "客单价300元。", "AOV 300 元."),
        Scenario(**_ROOM, aov=300), "gmv_month", (5_000_000, 10_000_000), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "uv_aov_200", ("UV价值（客单价200元）", "GMV per viewer at AOV 200"),
        "A model whose GMV per viewer (UV价值) at ordinary AOVs (200–400 元) sits far outside 1–5 元 is "
        "miscalibrated.",
        _room("1万", "10,000", "客单价200元。", "AOV 200 元."),
        Scenario(**_ROOM, aov=200), "gmv_per_viewer", (1.0, 5.0), "yuan_per_viewer",
        viewers_per_session=10_000, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "uv_aov_400", ("UV价值（客单价400元）", "GMV per viewer at AOV 400"),
        "A model whose GMV per viewer (UV价值) at ordinary AOVs (200–400 元) sits far outside 1–5 元 is "
        "miscalibrated.",
        _room("1万", "10,000", "客单价400元。", "AOV 400 元."),
        Scenario(**_ROOM, aov=400), "gmv_per_viewer", (1.0, 5.0), "yuan_per_viewer",
        viewers_per_session=10_000, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "store_single", ("企业品牌店播：单号", "Store-broadcast brand: one account"),
        "store-broadcast brand (企业品牌店播), a chain with many stores: flagship first, then a standard "
        "playbook copied to matrix accounts; private domain of store customers; a single account 1–3 million",
        ("单号；私域30万门店顾客（假设：几百家门店×每店约1000位企微顾客），60%买过；每场邀约3万；"
         "品牌号2万粉丝；日更短视频。",
         "One account; a private domain of 300,000 store customers (an assumption: a few hundred stores × "
         "about 1,000 WeCom customers each), 60% of whom have bought; 30,000 invites a session; a brand "
         "account with 20,000 followers; daily short videos."),
        Scenario(accounts=1, pool=300_000, buyer_share=0.6, invites=30_000, followers=20_000,
                 video_plays=100_000, days=90),
        "gmv_month", (1_000_000, 3_000_000), "yuan"),
    Case(
        "store_matrix", ("企业品牌店播：矩阵", "Store-broadcast brand: a matrix"),
        "store-broadcast brand (企业品牌店播): a matrix brand > 10 million",
        ("全国连锁（假设：100万门店顾客，60%买过）；旗舰号先开，标准打法每两周复制到一个新号，共8个号；"
         "每号每场邀约3万；其余同单号。取全部开播后的一个月。",
         "A national chain (an assumption: 1,000,000 store customers, 60% of whom have bought); the flagship "
         "first, the standard playbook copied to a new account every two weeks, 8 in all; 30,000 invites an "
         "account a session; the rest as for one account. The month after all have launched."),
        Scenario(accounts=8, launch_every=14, pool=1_000_000, buyer_share=0.6, invites=30_000, followers=20_000,
                 video_plays=100_000, days=150),
        "gmv_month", (10_000_000, math.inf), "yuan"),
    Case(
        "clearance_head", ("品牌撤柜：头部", "Brand clearance: head"),
        "clearance of brand stock (品牌撤柜): brand trust + scarcity; head > 10 million",
        _room("10万（头部）", "100,000 (a head)", "客单价取默认。", "the default AOV."),
        Scenario(**_ROOM), "gmv_month", (10_000_000, math.inf), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "clearance_waist", ("品牌撤柜：腰部", "Brand clearance: waist"),
        "clearance of brand stock (品牌撤柜): waist 3–5 million",
        _room("3万（腰部，假设）", "30,000 (a waist, an assumption)", "客单价取默认。", "the default AOV."),
        Scenario(**_ROOM), "gmv_month", (3_000_000, 5_000_000), "yuan",
        viewers_per_session=MID_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "stylist_head", ("穿搭师人设：头部", "Stylist-buyer persona: head"),
        "stylist-buyer persona (穿搭师): expertise content; head 7–10 million",
        _room("10万（头部）", "100,000 (a head)", "专业内容（强内容，周播放100万）；客单价取默认。",
              "expertise content (strong, 1 million plays a week); the default AOV."),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (7_000_000, 10_000_000), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "stylist_mid", ("穿搭师人设：中腰部", "Stylist-buyer persona: mid-tier"),
        "stylist-buyer persona (穿搭师): mid-tier 1–3 million",
        _room("3万（中腰部，假设）", "30,000 (a mid-tier, an assumption)", "专业内容；客单价取默认。",
              "expertise content; the default AOV."),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (1_000_000, 3_000_000), "yuan",
        viewers_per_session=MID_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "founder_head", ("创始人人设+源头工厂（美妆）：头部", "Founder persona + factory (beauty): head"),
        "founder persona + source factory (beauty): strong persona, factory prices; head > 10 million",
        _room("10万（头部）", "100,000 (a head)", "强人设内容；客单价取默认。", "strong persona content; the default AOV."),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (10_000_000, math.inf), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "founder_many", ("创始人人设+源头工厂（美妆）：多数号", "Founder persona + factory (beauty): many accounts"),
        "founder persona + source factory (beauty): \"many\" accounts > 1 million",
        _room("3万（中腰部，假设）", "30,000 (a mid-tier, an assumption)", "强人设内容；客单价取默认。",
              "strong persona content; the default AOV."),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (1_000_000, math.inf), "yuan",
        viewers_per_session=MID_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "education_head", ("教培：头部", "Education: head"),
        "education (教培): expertise content; 4–5 million for head accounts",
        _room("10万（头部）", "100,000 (a head)", "专业内容；客单价取默认。", "expertise content; the default AOV."),
        Scenario(**_ROOM | dict(video_plays=1_000_000)), "gmv_month", (4_000_000, 5_000_000), "yuan",
        viewers_per_session=HEAD_VIEWERS, private_share=GOOD_ROOM_PRIVATE),
    Case(
        "apparel_matrix", ("服装企业6个矩阵号，零投流", "Apparel company, 6 matrix accounts, no paid traffic"),
        "by mid-April 2023 it ran 6 matrix accounts and about 55 million 元 GMV a month without paid traffic. "
        "Its method: short videos that went viral ... led viewers into the live room, then the big account "
        "brought up the small ones",
        ("2月8日开播的新账号（0粉丝）；约两个月开出6个号（每12天一个）；爆款短视频（参考档位3000万/周）；"
         "不投流；私域取门店顾客量级（10万人，一半买过，每场邀约1万，假设）；客单价取默认；取第三个月。",
         "New accounts from 8 February (0 followers); 6 accounts in about two months (one every 12 days); "
         "viral short videos (the reference level, 30 million plays a week); no paid traffic; a private domain "
         "of store customers (100,000 people, half of whom have bought, 10,000 invites a session: an "
         "assumption); the default AOV; the third month."),
        PRESETS["apparel_matrix"].scenario,  # the preset is this case
        "gmv_month", (55_000_000, 55_000_000), "yuan", window=(61, 90)),
    Case(
        "early_private", ("未学会承接的直播间：私域占七到八成", "Rooms that have not learned to catch: 70–80% private"),
        "Some merchants today still get 70–80% of their live viewers from their private domain (rooms that "
        "have not learned to catch public traffic)",
        ("新账号（0粉丝、权重从0起）；有私域（5万人，每场邀约5000）；偶尔发短视频；第一个月。",
         "A new account (0 followers, its weight starting at 0); a private domain (50,000 people, 5,000 "
         "invites a session); occasional short videos; the first month."),
        Scenario(accounts=1, followers=0, pool=50_000, invites=5_000, days=30),
        "private_share", (0.70, 0.80), "share", window=(1, 30)),
    Case(
        "good_room_public", ("好的直播间：公域八成以上", "Good rooms: over 80% public"),
        "a healthy mature room gets over 80% from the public domain; good rooms reach 2:8",
        ("成熟账号（30万粉丝）；五个信号都好：广场点击率30%（“算好”）、停留15分钟、互动14%；"
         "私域5万人、每场邀约5000；日更短视频；日播一年，取最后一个月。",
         "A mature account (300,000 followers); good on all five signals: live-square CTR 30% (\"good\"), "
         "15 minutes' dwell, 14% interaction; a private domain of 50,000 with 5,000 invites a session; daily "
         "short videos; streaming daily for a year, the last month."),
        Scenario(accounts=1, followers=300_000, ctr=0.3, dwell=15, interact=0.14, pool=50_000, invites=5_000,
                 video_plays=100_000, days=365),
        "public_share", (0.80, 1.0), "share"),
    Case(
        "private_orders", ("20%私域观众贡献80–95%订单", "20% private viewers, 80–95% of orders"),
        "in one brand's room 20% of the viewers came from the private domain but produced 80–95% of the orders",
        ("品牌的直播间：找出使私域观众占两成的私域规模（场均1万观看，日播）；私域里一半是买过的顾客（假设）。",
         "A brand's room: the private domain that makes private viewers a fifth is found (10,000 viewers a "
         "session, daily); half of the private domain has bought before (an assumption)."),
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
        return fmt.price(value, lang) + ("/人" if lang == "zh" else "/viewer")
    return fmt.money(value, lang) + ("/月" if lang == "zh" else "/month")


def reported_text(case: Case, lang: str) -> str:
    """The reported figure: a point, a range, or "over X"."""
    low, high = case.reported
    if math.isinf(high):
        return ("超过 " if lang == "zh" else "over ") + figure_text(low, case.unit, lang)
    if high == low:
        return figure_text(low, case.unit, lang)
    return f"{figure_text(low, case.unit, lang)} – {figure_text(high, case.unit, lang)}"


def rows(results: list[Result], lang: str) -> list[dict]:
    """One row per case, as the CLI, the README and the 假设 page show it."""
    zh = lang == "zh"
    return [{"key": r.case.key, "case": r.case.title[0 if zh else 1], "reported": reported_text(r.case, lang),
             "model": figure_text(r.model, r.case.unit, lang), "ratio": f"{r.ratio:.2f}×",
             "ok": r.ok, "inputs": r.case.inputs[0 if zh else 1], "source": r.case.source} for r in results]


def as_dicts(results: list[Result]) -> list[dict]:
    """Plain numbers for JSON."""
    return [{"key": r.case.key, "source": r.case.source, "unit": r.case.unit, "reported_low": r.case.reported[0],
             "reported_high": None if math.isinf(r.case.reported[1]) else r.case.reported[1],
             "model": r.model, "ratio": r.ratio, "ok": r.ok, "inputs": r.case.inputs[1],
             "query": to_query(r.scenario)} for r in results]


def markdown(results: list[Result], lang: str = "en") -> str:
    """The table for the README."""
    zh = lang == "zh"
    head = ("案例", "报道", "模型", "模型/报道", "0.5–2倍内", "输入如何设置") if zh else (
        "Case", "Reported", "Model", "Model / reported", "Within 0.5–2×", "How the inputs were set")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows(results, lang):
        cells = (row["case"], row["reported"], row["model"], row["ratio"], "yes" if row["ok"] else "**no**",
                 row["inputs"])
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return "\n".join(lines) + "\n"
