"""The one table of paid-traffic tools (投流工具), and the one saturation curve they all follow.

Each row of ``TOOLS`` says everything the planner needs about a tool: its key (also the URL key
of its daily spend and the prefix of its ``_cpv`` / ``_cap`` / ``_prec`` parameters), its labels,
its colour, how 元 become viewers and what its defaults rest on. The registry
(``planner.params``) makes the tool's parameters from its row; the engine, the budget optimiser,
the reports and the charts iterate over the table. A new tool is one more row
(``tests/planner/test_fifth_tool.py`` adds one and runs the engine, the optimiser, the card and the CLI).
A rule only some tools follow is a field of the row, never a check of the tool's name: prices
quoted in beans (``priced_in_beans``), whole heating orders (``order_beans``), viewers the
platform also grants free (``granted``).

How 元 become viewers (``viewers_for_spend``)
    A tool sells a room's viewers by auction. The first viewers cost ``cpv`` 元 each; every extra
    viewer costs a little more, rising linearly to ``cpv · (1 + rise)`` at the most the tool can
    deliver to one room in a session, ``ceiling`` viewers (the tool's per-hour ceiling times the
    session's hours). Buying v viewers therefore costs

        cost(v) = cpv · (v + rise · v² / (2 · ceiling)),      0 ≤ v ≤ ceiling,

    and S 元 buy

        v(S) = 2 · S / cpv / (1 + √(1 + 2 · rise · S / (cpv · ceiling))),   S ≤ S_max,
        S_max = cpv · ceiling · (1 + rise / 2).

    Money beyond ``S_max`` is not spent: the room cannot absorb it (DOMAIN: merchants report that
    money "can't be spent"; unspent beans are refunded). The curve is concave, starts with slope
    1 / cpv and ends at the ceiling with a finite price, so "where does the next 元 go" always has
    an answer. All functions here are pure and broadcast over numpy arrays.

Beans are bought in 元 at 10 beans per 元 on Android and web and 7 on iOS, and heating orders
come in steps of 500 beans: a session's bean budget is rounded down to whole orders before it is
spent; what is left over stays with the merchant.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BEANS_PER_YUAN_ANDROID = 10  # DOMAIN: 1 元 buys 10 beans on Android and web ...
BEANS_PER_YUAN_IOS = 7  # ... and 7 on iOS
BEANS_PER_HEATING_ORDER = 500  # DOMAIN: heating orders are in steps of 500 beans


@dataclass(frozen=True)
class Tool:
    """One paid-traffic tool. Texts are (zh, en) pairs."""

    key: str
    label: tuple[str, str]  # short name, as a traffic source
    long_label: tuple[str, str]  # with the platform's own name, for controls
    colour: str
    spend_step: float  # slider step of the daily spend, 元
    spend_help: tuple[str, str]
    cpv: float  # opening cost per viewer, 元 (beans: at the Android price)
    cpv_range: tuple[float, float]
    cpv_source: str  # "fact" or "assumption" (planner.params.FACT / ASSUMPTION)
    cpv_note: tuple[str, str]
    ceiling: float  # viewers one account can buy per live hour
    ceiling_note: tuple[str, str]
    rise: float  # the marginal cost at the ceiling is cpv · (1 + rise)
    rise_note: tuple[str, str]
    precision: float  # buyers per viewer as a multiple of the public CVR
    precision_note: tuple[str, str]
    priced_in_beans: bool = False  # cpv is quoted at the Android bean price; 元 buy fewer beans on iOS
    order_beans: int = 0  # bought in whole orders of this many beans (0: any amount)
    # The platform also grants this tool's viewers free: ``coupon_free`` a session to a room that
    # brings COUPON_GRANT_MIN_PRIVATE private viewers; they count as this tool's viewers and buy
    # at its precision. One tool at most: the registry has one grant parameter.
    granted: bool = False

    def text(self, pair: tuple[str, str], lang: str) -> str:
        return pair[0] if lang == "zh" else pair[1]


TOOLS: tuple[Tool, ...] = (
    Tool(
        key="gdt",
        label=("广点通", "Tencent Ads"),
        long_label=("广点通日消耗", "Tencent Ads (广点通) spend"),
        colour="#F08C00",
        spend_step=100,
        spend_help=("整个矩阵每个开播日投在广点通（ADQ）的金额，平均分给当天开播的账号（或按分配比例）。",
                    "Spend on Tencent Ads (ADQ) for the whole matrix on each day it streams, split over "
                    "the accounts live that day (evenly, or by the split)."),
        cpv=1.2, cpv_range=(0.1, 20.0), cpv_source="assumption",
        cpv_note=("假设：广点通直播间无可靠公开CPM，作为输入。",
                  "Assumption: there is no reliable public CPM for live rooms; an input."),
        ceiling=5_000,
        ceiling_note=("假设；事实：商家反映投流“钱花不出去”。广点通覆盖腾讯全域流量，上限最高。",
                      "Assumption; fact: merchants report money \"can't be spent\". Tencent Ads buys across "
                      "all Tencent traffic, so its ceiling is the highest."),
        rise=2.0,
        rise_note=("假设：买到上限时边际成本升到起价的3倍。", "Assumption: at the ceiling a viewer costs 3× the opening price."),
        precision=1.0,
        precision_note=("假设：精准度取决于定向。", "Assumption: precision depends on targeting."),
    ),
    Tool(
        key="beans",
        label=("微信豆", "Beans"),
        long_label=("微信豆日消耗", "WeChat beans (微信豆) spend"),
        colour="#C9A227",
        spend_step=50,
        spend_help=("整个矩阵每个开播日用于直播间加热的微信豆金额（元）。加热单以500豆为单位，"
                    "凑不满一单的部分不买；直播间接不住的豆退回，不计消耗。",
                    "Yuan of beans spent heating live rooms on each day the matrix streams. Heating "
                    "orders come in 500-bean steps (a remainder is not bought); beans the room cannot "
                    "absorb are refunded and not counted as spend."),
        cpv=0.3, cpv_range=(0.1, 3.0), cpv_source="fact",
        cpv_note=("事实：加热出价约每个直播间观众0.3–0.8元；起价取低端0.3元（按安卓10豆/元计）。",
                  "Fact: \"Reported bids: roughly 0.3–0.8 元 per live-room viewer.\" The opening price is "
                  "the low end, 0.3 元 (at the Android 10 beans per 元)."),
        ceiling=2_000,
        ceiling_note=("假设：加热流量有限；未花完的豆退回（事实）。",
                      "Assumption: heating traffic is limited; unspent beans are refunded (fact)."),
        rise=5 / 3,
        rise_note=("由事实推得：出价区间0.3–0.8元，买到上限时边际成本为0.8元 = 0.3 ×（1 + 5/3）。",
                   "From the fact: bids run 0.3–0.8 元, so at the ceiling a viewer costs 0.8 元 = 0.3 · (1 + 5/3)."),
        precision=0.8,
        precision_note=("假设：加热观众来自直播推荐流，略逊于公域平均。",
                        "Assumption: heated viewers come from the live feed, a little below the public average."),
        priced_in_beans=True,
        order_beans=BEANS_PER_HEATING_ORDER,
    ),
    Tool(
        key="coupons",
        label=("流量券", "Coupons"),
        long_label=("流量券日消耗", "Live traffic coupons spend"),
        colour="#9B59B6",
        spend_step=100,
        spend_help=("整个矩阵每个开播日购买直播流量券的现金金额（平台赠送的另计）。",
                    "Cash spent on live traffic coupons for the matrix on each day it streams (platform "
                    "grants are counted separately)."),
        cpv=0.4, cpv_range=(0.05, 5.0), cpv_source="assumption",
        cpv_note=("假设：流量券无公开价格；常由平台奖励，现金成本可为零。",
                  "Assumption: coupons have no public price; the platform often grants them, so their "
                  "cash cost can be zero."),
        ceiling=1_000,
        ceiling_note=("假设：流量券最垂直、最新也最弱。", "Assumption: coupons are the most vertical, newest and weakest tool."),
        rise=2.0,
        rise_note=("假设：买到上限时边际成本升到起价的3倍。", "Assumption: at the ceiling a viewer costs 3× the opening price."),
        precision=0.6,
        precision_note=("假设；事实：商家反映流量券流量不精准，2023年初起有改善。",
                        "Assumption; fact: merchants found coupon traffic imprecise, improving from early 2023."),
        granted=True,
    ),
)

KEYS: tuple[str, ...] = tuple(tool.key for tool in TOOLS)
BY_KEY: dict[str, Tool] = {tool.key: tool for tool in TOOLS}
RISES = np.array([tool.rise for tool in TOOLS])
IN_ORDERS = np.array([bool(tool.order_beans) for tool in TOOLS])  # a mask over TOOLS: bought in whole orders
_GRANTED = [k for k, tool in enumerate(TOOLS) if tool.granted]
if len(_GRANTED) > 1:
    raise ValueError("at most one tool is granted free: the registry has one coupon_free parameter")
GRANTED: int | None = _GRANTED[0] if _GRANTED else None  # index into TOOLS of the tool granted free


def beans_per_yuan(ios_share):
    """Beans one 元 buys at a mix of top-ups: 10 on Android and web, 7 on iOS."""
    return BEANS_PER_YUAN_ANDROID * (1 - ios_share) + BEANS_PER_YUAN_IOS * ios_share


def yuan_per_order(ios_share):
    """元 price of one 500-bean heating order at the scenario's iOS share of top-ups."""
    return BEANS_PER_HEATING_ORDER / beans_per_yuan(ios_share)


def cost_per_viewer_yuan(tool: Tool, cpv, ios_share):
    """The opening price of a viewer in 元. Beans are quoted at the Android price of 10 beans per
    元; topped up on iOS, a 元 buys 7 beans, so the same bid costs more 元."""
    if tool.priced_in_beans:
        return cpv * BEANS_PER_YUAN_ANDROID / beans_per_yuan(ios_share)
    return cpv


def max_spend(cpv, ceiling, rise):
    """S_max = cpv · ceiling · (1 + rise / 2): 元 that buy the whole ceiling; more is not spent."""
    return cpv * ceiling * (1.0 + 0.5 * rise)


def viewers_for_spend(spend, cpv, ceiling, rise):
    """Viewers that ``spend`` 元 buy: v = 2S / cpv / (1 + √(1 + 2·rise·S / (cpv·ceiling))), with S
    capped at ``max_spend`` (then v = ceiling). Written so that rise → 0 is the straight line
    S / cpv; a ceiling of 0 buys nothing."""
    spend, cpv, ceiling, rise = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (spend, cpv, ceiling, rise)))
    spent = np.minimum(spend, max_spend(cpv, ceiling, rise))
    safe_ceiling = np.where(ceiling > 0, ceiling, 1.0)
    root = np.sqrt(1.0 + 2.0 * rise * spent / (cpv * safe_ceiling))
    return np.where(ceiling > 0, 2.0 * spent / cpv / (1.0 + root), 0.0)


def spend_for_viewers(viewers, cpv, ceiling, rise):
    """cost(v) = cpv · (v + rise · v² / (2 · ceiling)) for 0 ≤ v ≤ ceiling: the inverse of
    ``viewers_for_spend`` below the ceiling."""
    viewers, cpv, ceiling, rise = (np.asarray(x, dtype=float) for x in (viewers, cpv, ceiling, rise))
    v = np.clip(viewers, 0.0, ceiling)
    return cpv * (v + rise * v * v / (2.0 * np.where(ceiling > 0, ceiling, 1.0)))


def marginal_viewers(spend, cpv, ceiling, rise):
    """dv/dS, viewers the next 元 buys: 1 / (cpv · √(1 + 2·rise·S / (cpv·ceiling))) below
    ``max_spend``, 0 at and beyond it (the room cannot absorb more)."""
    spend, cpv, ceiling, rise = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (spend, cpv, ceiling, rise)))
    safe_ceiling = np.where(ceiling > 0, ceiling, 1.0)
    slope = 1.0 / (cpv * np.sqrt(1.0 + 2.0 * rise * np.maximum(spend, 0.0) / (cpv * safe_ceiling)))
    return np.where((spend < max_spend(cpv, ceiling, rise)) & (ceiling > 0), slope, 0.0)


def spend_at_marginal(slope, cpv, ceiling, rise):
    """The spend at which the next 元 buys ``slope`` viewers (the inverse of ``marginal_viewers``):
    S = cpv·ceiling / (2·rise) · (1 / (cpv·slope)² − 1), clipped to [0, max_spend]. A slope at or
    above the opening 1 / cpv gives 0; a slope of 0 or less gives ``max_spend``."""
    slope, cpv, ceiling, rise = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (slope, cpv, ceiling, rise)))
    top = max_spend(cpv, ceiling, rise)
    opening = cpv * slope  # 1 at the first viewer's price
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        spend = cpv * ceiling / (2.0 * rise) * (1.0 - opening) * (1.0 + opening) / np.square(opening)
    spend = np.where(opening >= 1.0, 0.0, np.where(slope > 0, spend, top))
    return np.clip(np.nan_to_num(spend, nan=0.0, posinf=top), 0.0, top)


def whole_orders_yuan(yuan, ios_share):
    """The part of ``yuan`` that buys whole 500-bean heating orders (the remainder is not bought)."""
    yuan = np.asarray(yuan, dtype=float)
    per_order = yuan_per_order(ios_share)
    # A budget within a ten-thousandth of n orders buys n orders: a share link keeps per-account
    # shares to 6 digits, and n orders' worth must not come back as n − 1 (the cost may then exceed
    # the budget by that ten-thousandth, under a cent an order).
    return np.floor(yuan / per_order * (1 + ORDER_TOLERANCE)) * per_order


ORDER_TOLERANCE = 1e-4
