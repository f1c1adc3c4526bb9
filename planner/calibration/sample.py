"""A sample past-sessions file, made by the engine from a known scenario plus noise.

``examples/past_sessions.csv`` is ``sample_csv()``; regenerate it with
``python -m planner.calibration.sample examples/past_sessions.csv``. The same seed always
gives the same file, so the calibration tests can check that the fit recovers
``SAMPLE_SCENARIO``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys

import numpy as np

from ..engine import PRIVATE, SOURCES, TOOLS, simulate
from ..scenario import Scenario
from ..tools import yuan_per_order
from .schema import BY_KEY

# Four accounts launched ten days apart, 90 days of daily sessions, Tencent Ads and beans, every
# parameter the fit may estimate away from its default and from the edges of its range. Beans are
# 12 heating orders a day, whole orders for 1, 2, 3 or 4 accounts streaming, so the file's bean
# spend is the daily budget itself.
SAMPLE_BEAN_ORDERS = 12
SAMPLE_SCENARIO = Scenario(
    accounts=4, launch_every=10, days=90, invites=3000, show=0.06, cvr=0.008, aov=260, priv_mult=10,
    lev_cap=6, followers=20_000, weight_speed=0.15, gdt=1500, beans=SAMPLE_BEAN_ORDERS * float(yuan_per_order(0.5)),
    gdt_cpv=1.5, beans_cpv=0.6, returns=0.08, session_hours=3,
)
SAMPLE_START = dt.date(2024, 3, 1)
SAMPLE_ACCOUNTS = ("品牌旗舰店", "品牌好物号", "品牌福利号", "品牌工厂店")
SAMPLE_SEED = 20240301
SAMPLE_NOISE = 0.02  # log-normal σ of each observed count and amount (see fit.MAX_REL_HALF_WIDTH)

# Columns of the sample, with the headers a Chinese back-office export would use.
SAMPLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "日期"), ("account", "账号"), ("viewers", "场观"), ("private_viewers", "私域观看"),
    ("invites", "邀约量"), ("buyers", "成交人数"), ("orders", "成交订单数"), ("gmv", "成交金额(元)"),
    ("gdt_spend", "广点通消耗(元)"), ("beans_spend", "微信豆消耗(元)"), ("gdt_viewers", "广点通观看"),
    ("beans_viewers", "微信豆观看"), ("refunds", "退款金额(元)"), ("session_hours", "直播时长(小时)"),
)


def sample_rows(scenario: Scenario = SAMPLE_SCENARIO, seed: int = SAMPLE_SEED, noise: float = SAMPLE_NOISE,
                start: dt.date = SAMPLE_START, names: tuple[str, ...] = SAMPLE_ACCOUNTS) -> list[dict]:
    """One dict per live account and day, keyed by schema column, as a merchant would export it."""
    rng = np.random.default_rng(seed)
    proj = simulate(scenario)
    pv, buyers = proj.pv[0], proj.buyers[0]  # (T, A, S)
    spend = proj.spend[0]  # (T, A, K) 元, as the engine spent it
    rows = []
    for t in range(scenario.days):
        for a in np.flatnonzero(proj.sessions[t]):
            e = np.exp(rng.normal(0.0, noise, 7))
            viewers = round(pv[t, a].sum() * e[0])
            n_buyers = round(buyers[t, a].sum() * e[1])
            gmv = round(buyers[t, a].sum() * scenario.aov * e[2], 2)
            rows.append({
                "date": (start + dt.timedelta(days=t)).isoformat(),
                "account": names[a] if a < len(names) else f"账号{a + 1}",
                "viewers": viewers,
                "private_viewers": min(round(pv[t, a, PRIVATE] * e[3]), viewers),
                "invites": scenario.invites,
                "buyers": n_buyers,
                "orders": round(n_buyers * rng.uniform(1.0, 1.3)),
                "gmv": gmv,
                "gdt_spend": round(float(spend[t, a, TOOLS.index("gdt")]), 2),
                "beans_spend": round(float(spend[t, a, TOOLS.index("beans")]), 2),
                "gdt_viewers": round(pv[t, a, SOURCES.index("gdt")] * e[4]),
                "beans_viewers": round(pv[t, a, SOURCES.index("beans")] * e[5]),
                "refunds": round(min(gmv * scenario.returns * e[6], gmv), 2),
                "session_hours": float(rng.choice([2.5, 3.0, 3.0, 3.5])),
            })
    return rows


def sample_csv(rows: list[dict] | None = None, lang: str = "zh") -> str:
    """The sample as CSV text with Chinese (or English) headers."""
    rows = sample_rows() if rows is None else rows
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([zh if lang == "zh" else BY_KEY[key].label_en for key, zh in SAMPLE_COLUMNS])
    for row in rows:
        writer.writerow([row[key] for key, _ in SAMPLE_COLUMNS])
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = sample_csv()
    if argv:
        with open(argv[0], "w", encoding="utf-8", newline="") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
