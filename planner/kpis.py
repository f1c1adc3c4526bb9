"""The KPIs: one row per headline number, and one way to show a value and a change.

Every KPI table (the overview's cards, the projection card, the compare page, the budget page,
and every table of the CLI) iterates ``KPIS`` (or one of the selections below, which name keys of it) and formats with
``value_text`` and ``change_text``; adding a KPI is a row here and its name in the catalogue
(``planner.text``, key ``kpi.<name>``). Values are those of ``planner.report.totals``: money in
元 (shown in 万/亿 in Chinese, K/M in English by ``planner.fmt``), shares as fractions, the stage
as its index. Pure: no streamlit, so the CLI can use it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import fmt
from .report import stage_label
from .text import t

MONEY, PRICE, RATIO, SHARE, COUNT, STAGE = "money", "price", "ratio", "share", "count", "stage"
KINDS: tuple[str, ...] = (MONEY, PRICE, RATIO, SHARE, COUNT, STAGE)


@dataclass(frozen=True)
class Kpi:
    """One headline number.

    ``key`` is its key in ``planner.report.totals``; ``kind`` says how it is shown: ``money``
    (元, 万/亿), ``price`` (a small 元 amount per unit, two decimals), ``ratio`` (GMV per 元 of
    spend, two decimals), ``share`` (a fraction shown as %; a change in percentage points),
    ``count`` (people, 万/亿), ``stage`` (an index into the stage table; a change in steps).
    ``name`` is its catalogue key; ``higher_is_better`` says which way an arrow is good news.
    """

    key: str
    kind: str
    name: str
    higher_is_better: bool = True

    def label(self, lang: str) -> str:
        return t(self.name, lang)

    def help(self, lang: str, **values) -> str:
        """The tooltip (``<name>_help``); the profit's takes ``spend``."""
        return t(self.name + "_help", lang, **values)


KPIS: tuple[Kpi, ...] = (
    Kpi("gmv", MONEY, "kpi.gmv"),
    Kpi("net_gmv", MONEY, "kpi.net_gmv"),
    Kpi("profit", MONEY, "kpi.profit"),
    Kpi("spend", MONEY, "kpi.spend", higher_is_better=False),
    Kpi("roi", RATIO, "kpi.roi"),  # the room's: all its GMV, private domain included, per 元 of spend
    Kpi("paid_roi", RATIO, "kpi.paid_roi"),  # the paid tools' own, as an ad platform reports it
    Kpi("unspent", MONEY, "kpi.unspent", higher_is_better=False),
    Kpi("sessions", COUNT, "kpi.sessions"),
    Kpi("pv", COUNT, "kpi.pv"),
    Kpi("buyers", COUNT, "kpi.buyers"),
    Kpi("viewers_per_session", COUNT, "kpi.viewers_per_session"),
    Kpi("watch_pv", COUNT, "kpi.watch_pv"),
    Kpi("gmv_per_viewer", PRICE, "kpi.gmv_per_viewer"),
    Kpi("gpm", MONEY, "kpi.gpm"),
    Kpi("public_share", SHARE, "kpi.public_share"),
    Kpi("stage_reached_index", STAGE, "kpi.stage"),
)
BY_KEY: dict[str, Kpi] = {k.key: k for k in KPIS}

# Which KPIs each table shows, in its order.
# The overview's cards in rows that fit a laptop's width: money, what it returns, the room.
OVERVIEW_ROWS: tuple[tuple[str, ...], ...] = (
    ("gmv", "net_gmv", "profit", "unspent"),
    ("roi", "paid_roi", "gmv_per_viewer", "gpm"),
    ("viewers_per_session", "public_share", "stage_reached_index"),
)
OVERVIEW: tuple[str, ...] = tuple(key for row in OVERVIEW_ROWS for key in row)
COMPARE: tuple[str, ...] = ("gmv", "net_gmv", "profit", "spend", "roi", "paid_roi", "pv", "buyers", "public_share",
                            "stage_reached_index")
BUDGET: tuple[str, ...] = ("gmv", "net_gmv", "profit", "spend", "roi", "paid_roi", "pv")
CARD: tuple[str, ...] = ("gmv", "net_gmv", "profit", "roi", "public_share", "stage_reached_index")
REPORT: tuple[str, ...] = ("gmv", "net_gmv", "profit", "spend", "unspent", "roi", "paid_roi", "sessions", "pv",
                           "viewers_per_session", "watch_pv", "buyers", "gmv_per_viewer", "gpm",
                           "public_share", "stage_reached_index")  # the CLI's report, every total
PERCENTILES: tuple[str, ...] = ("gmv", "net_gmv", "profit")  # the report's P10/P50/P90 rows


def label(key: str, lang: str) -> str:
    return BY_KEY[key].label(lang)


def value_text(key: str, value, lang: str) -> str:
    """A KPI's value as people read it: 12.3万元, 4.20, 81.2%, 1.2万, 万人场; ``fmt.DASH`` for an
    undefined one (an ROI without spend)."""
    if value is None:
        return fmt.DASH
    kind = BY_KEY[key].kind
    if kind == MONEY:
        return fmt.money(value, lang)
    if kind == PRICE:
        return fmt.price(value, lang)
    if kind == RATIO:
        return fmt.roi(value)
    if kind == SHARE:
        return fmt.percent(value)
    if kind == STAGE:
        return stage_label(int(value), lang)
    return fmt.count(value, lang)


def change_text(key: str, change, lang: str) -> str:
    """A change of a KPI, signed: +1.2万元, -0.35, +2.1 个百分点, +1 级; a change too small to show
    in the KPI's own format is shown as none (0元, 0.00), without a sign; ``fmt.DASH`` when
    undefined (either side without a value)."""
    if change is None:
        return fmt.DASH
    kind = BY_KEY[key].kind
    if kind == SHARE:
        text = fmt.number(100 * change, 1)
    elif kind == STAGE:
        text = str(change)
    else:
        text = value_text(key, change, lang)
    if not any(digit in text for digit in "123456789"):  # rounds to nothing: no change
        change = 0
        text = text.lstrip("-")
    sign = "+" if change > 0 else ""
    if kind == SHARE:
        return t("kpi.change_points", lang, value=sign + text)
    if kind == STAGE:
        return t("kpi.change_stages", lang, value=sign + text)
    return sign + text


def shown_change(key: str, change, lang: str) -> tuple[str, bool] | None:
    """A KPI's change as it is shown beside the KPI (the overview's cards, the phone's strip, the
    card's tiles): (``change_text``, whether it is good news: a rise, or a fall of what is better
    low), or None when there is none to show (undefined, or too small for the KPI's format)."""
    if change is None:
        return None
    text = change_text(key, change, lang)
    if not text.startswith(("+", "-")):
        return None
    return text, text.startswith("+") == BY_KEY[key].higher_is_better
