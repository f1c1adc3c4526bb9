"""Sample export files made by a simple simulator that is NOT the planner's engine.

The engine (``planner.engine``) models private invites, show rates, the platform's leverage,
an account weight that learns, saturating audiences. A fit to files the engine made would only
show that least squares can invert the engine. The samples in ``examples/`` are made here
instead, by a deliberately different and much plainer mechanism, so that the calibration is
tested the way a merchant's file tests it: by data from a process it does not share.

The mechanism, per account and live session (one session a day at most):

- **Schedule.** An account streams on fixed weekdays (``weekdays``) from its launch, and skips
  a planned session with probability ``skip``. Sessions last ``hours`` ± 0.4 h (normal, clipped
  to 1.5–6 h, rounded to the minute).
- **Reach.** Expected organic viewers follow a logistic growth in days since launch,
  ``reach(t) = reach_start + (reach_end − reach_start) / (1 + exp(−(t − midpoint) / 8))``, times
  a weekend lift of 1.25, times (hours / 3)^0.5, times a satellite's share (``satellite_reach``
  of the flagship's). Each session draws a day effect, log-normal with σ 0.18; viewers are a
  Poisson draw around that.
- **Paid viewers.** Tencent Ads spend buys viewers at ``gdt_cpv`` 元 each and beans at
  ``beans_cpv`` (each ±15% a day); spend is drawn per day and written only to the spend files.
- **Private share.** The private domain brings a Beta-distributed share of the organic viewers
  (mean ``private_share``).
- **Buyers.** Public viewers buy with probability ``buyer_rate`` × a day effect (log-normal,
  σ 0.12); private viewers with ``private_mult`` times that. The generator's true buyer rate per
  viewer is its expected buyers over its expected viewers (``SimTruth.buyer_rate``).
- **Baskets.** Each buyer spends a Gamma amount (shape 2) with mean ``aov``, in 1 + Poisson(
  ``extra_orders``) orders; so ``aov`` is GMV per buyer and ``aov / (1 + extra_orders)`` the value
  per order. Refunds are a Binomial share ``returns`` of the buyers' baskets.
- **Everything else the back office shows** (peak online, heat, reservations, new followers,
  comments, likes, shares) is a Poisson draw proportional to viewers; the fit does not use them.

``write_examples(folder)`` writes one file per export shape (``SHAPES``) plus the spend files;
``python -m planner.calibration.simulator examples`` regenerates them, and
``benchmarks/calibration.py`` fits each and prints the fit against ``SimTruth``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class SimConfig:
    """The generator's knobs (see the module docstring for what each does)."""

    accounts: tuple[str, ...] = ("好物旗舰店",)
    start: dt.date = dt.date(2024, 3, 4)
    days: int = 84
    launch_every: int = 21  # days between accounts' first sessions
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0
    skip: float = 0.05
    hours: float = 3.0
    reach_start: float = 2_000.0
    reach_end: float = 9_000.0
    midpoint: float = 35.0  # day of fastest growth, counted from an account's launch
    satellite_reach: float = 0.45
    private_share: float = 0.25
    buyer_rate: float = 0.012
    private_mult: float = 2.5
    aov: float = 180.0
    extra_orders: float = 0.2
    returns: float = 0.12
    gdt_per_day: float = 0.0  # 元 a day over the matrix, on days with a session
    beans_per_day: float = 0.0
    gdt_cpv: float = 1.6
    beans_cpv: float = 0.55
    seed: int = 1


@dataclass(frozen=True)
class SimTruth:
    """What the generator knows and a fit should recover."""

    buyer_rate: float  # expected buyers ÷ expected viewers, over the whole file
    gmv_per_viewer: float  # buyer_rate × aov, 元
    aov: float  # GMV per buyer, 元
    order_value: float  # GMV per order, 元
    orders_per_buyer: float
    sessions_week: float  # per account
    session_hours: float
    private_share: float  # of all viewers
    returns: float


@dataclass(frozen=True)
class SimSession:
    account: str
    start: dt.datetime
    hours: float
    viewers: int
    private_viewers: int
    gdt_viewers: int
    beans_viewers: int
    buyers: int
    orders: int
    gmv: float  # 元
    refunds: float
    gdt_spend: float
    beans_spend: float
    invites: int
    peak_online: int
    heat: int
    reservations: int
    new_followers: int
    comments: int
    likes: int
    shares: int


@dataclass(frozen=True)
class Simulation:
    config: SimConfig
    sessions: tuple[SimSession, ...]
    truth: SimTruth
    bean_orders: tuple[tuple[dt.datetime, str, int, float], ...] = field(default=())  # time, account, beans, 元


def simulate_sessions(config: SimConfig = SimConfig()) -> Simulation:
    """Draw the sessions of ``config`` (reproducible: one ``numpy`` generator seeded from it)."""
    rng = np.random.default_rng(config.seed)
    c = config
    sessions, bean_orders = [], []
    expected_viewers = expected_buyers = 0.0
    held = 0
    for i, name in enumerate(c.accounts):
        launch = i * c.launch_every
        for t in range(launch, c.days):
            day = c.start + dt.timedelta(days=t)
            if day.weekday() not in c.weekdays or rng.random() < c.skip:
                continue
            held += 1
            hours = round(float(np.clip(rng.normal(c.hours, 0.4), 1.5, 6.0)) * 60) / 60
            age = t - launch
            reach = c.reach_start + (c.reach_end - c.reach_start) / (1 + math.exp(-(age - c.midpoint) / 8))
            reach *= (1.25 if day.weekday() >= 5 else 1.0) * math.sqrt(hours / 3) * (c.satellite_reach if i else 1.0)
            organic = int(rng.poisson(reach * rng.lognormal(-0.18 ** 2 / 2, 0.18)))
            live_accounts = sum(1 for k in range(len(c.accounts)) if t >= k * c.launch_every)
            gdt_spend = round(c.gdt_per_day / live_accounts * rng.uniform(0.7, 1.3), 2) if c.gdt_per_day else 0.0
            beans_spend = 0.0
            if c.beans_per_day:  # whole orders of 500 beans at 10 beans a 元 (50 元 an order)
                n_orders = max(int(rng.poisson(c.beans_per_day / live_accounts / 50)), 0)
                beans_spend = 50.0 * n_orders
                when = dt.datetime.combine(day, dt.time(19, 0))
                bean_orders += [(when + dt.timedelta(minutes=int(rng.integers(0, 120))), name, 500, 50.0)
                                for _ in range(n_orders)]
            gdt_viewers = int(rng.poisson(gdt_spend / (c.gdt_cpv * rng.uniform(0.85, 1.15)))) if gdt_spend else 0
            beans_viewers = int(rng.poisson(beans_spend / (c.beans_cpv * rng.uniform(0.85, 1.15)))) if beans_spend else 0
            private = int(rng.binomial(organic, rng.beta(40 * c.private_share, 40 * (1 - c.private_share))))
            public = organic - private + gdt_viewers + beans_viewers
            rate = c.buyer_rate * rng.lognormal(-0.12 ** 2 / 2, 0.12)
            buyers = int(rng.binomial(public, min(rate, 1.0)) + rng.binomial(private, min(rate * c.private_mult, 1.0)))
            viewers = organic + gdt_viewers + beans_viewers
            expected_viewers += viewers
            expected_buyers += c.buyer_rate * (public + c.private_mult * private)
            orders = buyers + int(rng.poisson(c.extra_orders * buyers))
            baskets = rng.gamma(2.0, c.aov / 2.0, buyers)
            gmv = round(float(baskets.sum()), 2)
            refunds = round(float(baskets[rng.random(buyers) < c.returns].sum()), 2)
            start = dt.datetime.combine(day, dt.time(19, int(rng.integers(0, 45))))
            sessions.append(SimSession(
                account=name, start=start, hours=hours, viewers=viewers, private_viewers=private,
                gdt_viewers=gdt_viewers, beans_viewers=beans_viewers, buyers=buyers, orders=orders, gmv=gmv,
                refunds=refunds, gdt_spend=gdt_spend, beans_spend=beans_spend,
                invites=int(rng.poisson(private / 0.08)) if private else 0,
                peak_online=int(rng.poisson(viewers * 0.06)), heat=int(rng.poisson(viewers * 4.2)),
                reservations=int(rng.poisson(private * 0.7)), new_followers=int(rng.poisson((viewers - private) * 0.03)),
                comments=int(rng.poisson(viewers * 0.08)), likes=int(rng.poisson(viewers * 1.9)),
                shares=int(rng.poisson(viewers * 0.01))))
    weeks = sum((c.days - i * c.launch_every) for i in range(len(c.accounts))) / 7
    truth = SimTruth(
        buyer_rate=expected_buyers / expected_viewers,
        gmv_per_viewer=expected_buyers / expected_viewers * c.aov,
        aov=c.aov,
        order_value=c.aov / (1 + c.extra_orders),
        orders_per_buyer=1 + c.extra_orders,
        sessions_week=len(c.weekdays) * (1 - c.skip) if weeks else 0.0,
        session_hours=c.hours,
        private_share=c.private_share * sum(s.viewers - s.gdt_viewers - s.beans_viewers for s in sessions)
        / max(sum(s.viewers for s in sessions), 1),
        returns=c.returns)
    return Simulation(c, tuple(sessions), truth, tuple(bean_orders))


# --- the export shapes -------------------------------------------------------------------------
# Each writes the sessions the way one kind of export lays them out (headers as those exports
# write them: these are data a file carries, so they are Chinese where the exports are).

def _csv(rows: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _hm(hours: float) -> str:
    minutes = round(hours * 60)
    return f"{minutes // 60}小时{minutes % 60}分"


def assistant_export(sim: Simulation) -> str:
    """视频号助手: the live list (直播信息 = title and start time, 直播时长 as 3小时12分, …) joined
    with each session page's fields; one account, no spend columns."""
    head = ["直播信息", "直播时长", "观看人数", "最高在线", "总热度", "成交金额", "预约人数", "新增关注", "评论",
            "点赞", "分享", "成交人数", "成交订单数", "退款金额"]
    rows = [[f"{_TITLES[i % len(_TITLES)]} {s.start:%Y-%m-%d %H:%M}", _hm(s.hours), s.viewers, s.peak_online, s.heat,
             f"{s.gmv:.2f}", s.reservations, s.new_followers, s.comments, s.likes, s.shares, s.buyers, s.orders,
             f"{s.refunds:.2f}"] for i, s in enumerate(reversed(sim.sessions))]  # newest first, as the list shows
    return _csv([head, *rows])


def live_list(sim: Simulation) -> str:
    """视频号助手's live list alone: 直播信息, 直播时长, 观看人数, 最高在线, 总热度, 成交金额; no
    buyers, orders or spend (the session page's fields are not in it)."""
    head = ["直播信息", "直播时长", "观看人数", "最高在线", "总热度", "成交金额"]
    rows = [[f"{_TITLES[i % len(_TITLES)]} {s.start:%Y-%m-%d %H:%M}", _hm(s.hours), s.viewers, s.peak_online, s.heat,
             f"{s.gmv:.2f}"] for i, s in enumerate(reversed(sim.sessions))]
    return _csv([head, *rows])


_TITLES = ("春季上新专场", "工厂直发福利", "会员日返场", "周末宠粉夜", "爆款清仓")


def third_party_sheet(sim: Simulation) -> str:
    """A third-party data tool's sheet: a title, a row of groups over two header rows (names, then
    units: money in 万, length in minutes), every account, and a totals row."""
    names = ["日期", "账号", "直播时长", "观看人数", "成交人数", "成交订单数", "成交金额", "退款金额", "点赞"]
    units = ["", "", "分钟", "人", "人", "单", "万元", "万元", "次"]
    groups = ["基础信息", "", "", "流量", "成交", "", "", "", "互动"]
    rows = [["直播数据明细（导出）"] + [""] * 8, groups, names, units]
    for s in sorted(sim.sessions, key=lambda s: (s.start.date(), s.account)):
        rows.append([f"{s.start:%Y/%m/%d}", s.account, round(s.hours * 60), s.viewers, s.buyers, s.orders,
                     f"{s.gmv / 1e4:.4f}", f"{s.refunds / 1e4:.4f}", s.likes])
    rows.append(["合计", "", "", sum(s.viewers for s in sim.sessions), sum(s.buyers for s in sim.sessions),
                 sum(s.orders for s in sim.sessions), f"{sum(s.gmv for s in sim.sessions) / 1e4:.4f}",
                 f"{sum(s.refunds for s in sim.sessions) / 1e4:.4f}", ""])
    return _csv(rows)


def api_dump(sim: Simulation) -> str:
    """An API dump: JSON records with snake_case fields, money in 分, lengths in seconds."""
    records = [{"finder_nickname": s.account, "live_start_time": s.start.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                "duration_sec": round(s.hours * 3600), "watch_uv": s.viewers, "max_online": s.peak_online,
                "pay_uv": s.buyers, "pay_order_cnt": s.orders, "pay_amount_fen": round(s.gmv * 100),
                "refund_amount_fen": round(s.refunds * 100), "like_cnt": s.likes, "comment_cnt": s.comments,
                "share_cnt": s.shares, "new_follow_cnt": s.new_followers} for s in sim.sessions]
    return json.dumps({"errcode": 0, "data": {"list": records}}, ensure_ascii=False, indent=1) + "\n"


def template_file(sim: Simulation) -> str:
    """The planner's own template (README), with spend, paid and private viewers and invites."""
    head = ["日期", "账号", "场观", "私域观看", "邀约量", "成交人数", "成交订单数", "成交金额(元)", "广点通消耗(元)",
            "微信豆消耗(元)", "广点通观看", "微信豆观看", "退款金额(元)", "直播时长(小时)"]
    rows = [[f"{s.start:%Y-%m-%d}", s.account, s.viewers, s.private_viewers, s.invites, s.buyers, s.orders,
             f"{s.gmv:.2f}", f"{s.gdt_spend:.2f}", f"{s.beans_spend:.2f}", s.gdt_viewers, s.beans_viewers,
             f"{s.refunds:.2f}", round(s.hours, 2)] for s in sim.sessions]
    return _csv([head, *rows])


def ads_report(sim: Simulation) -> str:
    """A Tencent Ads (广点通) daily report: date, account, spend, impressions, clicks."""
    head = ["日期", "推广账号", "消耗(元)", "曝光次数", "点击次数"]
    rows = [[f"{s.start:%Y-%m-%d}", s.account, f"{s.gdt_spend:.2f}", s.gdt_viewers * 23, s.gdt_viewers]
            for s in sim.sessions if s.gdt_spend > 0]
    return _csv([head, *rows])


def bean_orders_file(sim: Simulation) -> str:
    """微信豆 heating orders: one row per order of 500 beans."""
    head = ["下单时间", "视频号", "微信豆数量", "加热金额(元)", "加热时长"]
    rows = [[f"{when:%Y-%m-%d %H:%M}", account, beans, f"{yuan:.2f}", "2小时"]
            for when, account, beans, yuan in sim.bean_orders]
    return _csv([head, *rows])


# The sample of each shape: (file name, generator configuration, writer, what the file is).
ONE_ACCOUNT = SimConfig()
MATRIX = SimConfig(accounts=("好物旗舰店", "好物福利号"), days=90, launch_every=21, weekdays=(0, 2, 3, 4, 5, 6),
                   reach_start=3_000, reach_end=14_000, buyer_rate=0.009, aov=260, private_share=0.15, seed=2)
API = SimConfig(accounts=("品牌直播间", "品牌工厂店", "品牌折扣号"), days=120, launch_every=28,
                weekdays=(0, 1, 2, 3, 4, 5, 6), skip=0.1, hours=4.0, reach_start=5_000, reach_end=30_000,
                buyer_rate=0.006, aov=420, extra_orders=0.1, returns=0.2, seed=3)
TEMPLATE = SimConfig(accounts=("品牌旗舰店", "品牌好物号"), days=75, launch_every=14, weekdays=(0, 1, 2, 3, 4, 5),
                     reach_start=1_500, reach_end=6_000, buyer_rate=0.015, aov=150, gdt_per_day=1_500,
                     beans_per_day=600, seed=4)
SHAPES: dict[str, tuple[str, SimConfig, object]] = {
    "assistant": ("assistant_live_list.csv", ONE_ACCOUNT, assistant_export),
    "live_list": ("live_list_only.csv", SimConfig(seed=5), live_list),
    "third_party": ("third_party_sheet.csv", MATRIX, third_party_sheet),
    "api": ("api_dump.json", API, api_dump),
    "template": ("template_sessions.csv", TEMPLATE, template_file),
}
# Spend files for the template's sessions, to join by date and account.
SPEND_FILES: dict[str, tuple[str, SimConfig, object]] = {
    "ads_report": ("tencent_ads_report.csv", TEMPLATE, ads_report),
    "bean_orders": ("bean_orders.csv", TEMPLATE, bean_orders_file),
}


def sample_text(shape: str) -> str:
    name, config, writer = {**SHAPES, **SPEND_FILES}[shape]
    return writer(simulate_sessions(config))


def truth(shape: str) -> SimTruth:
    return simulate_sessions({**SHAPES, **SPEND_FILES}[shape][1]).truth


def write_examples(folder: Path) -> list[Path]:
    """Write every shape's sample and the spend files, and ``simulator_truth.json`` beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for shape, (name, _, _) in {**SHAPES, **SPEND_FILES}.items():
        path = folder / name
        path.write_text(sample_text(shape), encoding="utf-8", newline="")
        written.append(path)
    truths = {shape: asdict(simulate_sessions(config).truth) for shape, (_, config, _) in SHAPES.items()}
    path = folder / "simulator_truth.json"
    path.write_text(json.dumps(truths, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [*written, path]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for path in write_examples(Path(argv[0] if argv else "examples")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
