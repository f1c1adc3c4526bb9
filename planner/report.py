"""Summaries of a projection: totals, per account, per day. Everything the app, the CLI and the
exports show is computed here, from the engine's arrays, and nowhere else.

``summary`` works on every draw at once (arrays of shape (draws,)); ``totals``, ``accounts``
and ``daily`` return plain Python for one draw, ready for JSON.
"""

from __future__ import annotations

import numpy as np

from . import tools
from .engine import SOURCES, STAGE_KEYS, TOOLS, Projection, launch_days
from .link import Notice, to_query
from .text import PlannerError, t


def _ratio(num, den):
    """num / den, with None (JSON null) where den is 0: an ROI with no spend is undefined."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    with np.errstate(over="ignore"):  # a vanishing spend gives an undefined ROI, not a warning
        out = np.divide(num, den, out=np.full(np.broadcast(num, den).shape, np.nan), where=den > 0)
    return np.where(np.isfinite(out), out, np.nan)


def _share(num, den):
    """num / den with 0 where den is 0 (a share of nothing is nothing)."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den > 0)


def _sessions(proj: Projection, axis: tuple[int, ...]) -> np.ndarray:
    """Sessions held, summed like ``summary`` sums (axis 1 days, 2 accounts), for every draw."""
    n = np.broadcast_to(proj.sessions, (proj.draws, *proj.sessions.shape)).astype(float)
    if not proj.by_account:
        n = n.sum(axis=2, keepdims=True)
    return n.sum(axis=axis)


def summary(proj: Projection, axis: tuple[int, ...] = (1, 2)) -> dict[str, np.ndarray]:
    """Totals over days and accounts (by default) for every draw.

    Keys: pv (viewers, person-sessions), buyers, gmv (each with a ``_by_source`` (…, S)
    companion), cvr_by_source, net_gmv, spend and unspent (with ``_by_tool`` (…, K)),
    gross_profit, profit, roi (the room's: all its GMV per 元 of spend), paid_roi (the paid tools' own:
    the GMV of the viewers they bring per 元 of spend), roi_by_tool, public_share, private_share, paid_share, sessions,
    viewers_per_session (UV of a session, averaged over sessions), gmv_per_viewer (UV价值, GMV
    per viewer), watch_pv (visits: viewers × visits per viewer) and gpm (GMV per 1,000 watch PV,
    the official 千次看播成交). Money in 元; ROI is GMV per 元 of spend (NaN without spend).
    """
    pv_src = proj.pv.sum(axis=axis)
    buyers_src = proj.buyers.sum(axis=axis)
    gmv_src = proj.gmv.sum(axis=axis)
    spend_tool = proj.spend.sum(axis=axis)
    unspent_tool = proj.unspent.sum(axis=axis)
    shape = gmv_src.shape[:-1]
    extra = (1,) * (len(shape) - 1)
    returns, margin = proj.returns.reshape(-1, *extra), proj.margin.reshape(-1, *extra)
    visits = proj.visits_per_viewer.reshape(-1, *extra)
    pv, gmv = pv_src.sum(-1), gmv_src.sum(-1)
    spend = spend_tool.sum(-1)
    net_gmv = gmv * (1 - returns)
    gross_profit = net_gmv * margin
    sessions = _sessions(proj, axis)
    watch_pv = pv * visits
    return {
        "pv": pv,
        "pv_by_source": pv_src,
        "buyers": buyers_src.sum(-1),
        "buyers_by_source": buyers_src,
        "gmv": gmv,
        "gmv_by_source": gmv_src,
        "cvr_by_source": _share(buyers_src, pv_src),
        "net_gmv": net_gmv,
        "spend": spend,
        "spend_by_tool": spend_tool,
        "unspent": unspent_tool.sum(-1),
        "unspent_by_tool": unspent_tool,
        "gross_profit": gross_profit,
        "profit": gross_profit - spend,
        "roi": _ratio(gmv, spend),
        "paid_roi": _ratio(gmv_src[..., 2:].sum(-1), spend),
        "roi_by_tool": _ratio(gmv_src[..., 2:], spend_tool),
        "public_share": _share(pv_src[..., 1], pv),
        "private_share": _share(pv_src[..., 0], pv),
        "paid_share": _share(pv_src[..., 2:].sum(-1), pv),
        "sessions": sessions,
        "viewers_per_session": _share(pv, sessions),
        "gmv_per_viewer": _share(gmv, pv),
        "watch_pv": watch_pv,
        "gpm": _share(1000.0 * gmv, watch_pv),
    }


def _num(x) -> float | None:
    x = float(x)
    return None if not np.isfinite(x) else x


def _by(names, values) -> dict[str, float | None]:
    return {name: _num(v) for name, v in zip(names, values, strict=True)}


def stage_label(index: int, lang: str) -> str:
    """The name of stage ``index`` (``engine.STAGE_KEYS``); a negative index: not live yet."""
    if index < 0:
        return t("report.not_live", lang)
    return t(f"report.stage.{STAGE_KEYS[index]}", lang)


def _plain(s: dict[str, np.ndarray], i) -> dict:
    """One draw's (or one account's) summary as plain Python for JSON."""
    out = {}
    for key, value in s.items():
        if key.endswith("_by_source"):
            out[key] = _by(SOURCES, value[i])
        elif key.endswith("_by_tool"):
            out[key] = _by(TOOLS, value[i])
        else:
            out[key] = _num(value[i])
    return out


def totals(proj: Projection, draw: int = 0) -> dict:
    """Totals over the horizon and the matrix for one draw, plus the best stage reached."""
    out = _plain(summary(proj), draw)
    out["aov"] = _num(proj.aov[draw])
    best = int(proj.stage_reached[draw])
    out["stage_reached"] = STAGE_KEYS[best]
    out["stage_reached_index"] = best
    return out


def source_label(source: str, lang: str) -> str:
    """A traffic source's name: 私域 / 公域推荐 / 广点通 … or Private / Public / Tencent Ads …. A
    paid tool's is its row's label (``planner.tools``), so a new tool brings its name with it;
    the two domains' are in the catalogue (``source.private``, ``source.public``)."""
    tool = tools.BY_KEY.get(source)
    return tool.text(tool.label, lang) if tool is not None else t(f"source.{source}", lang)


def account_name(index: int, lang: str) -> str:
    """The flagship (index 0), then the satellites by number."""
    if index == 0:
        return t("report.flagship", lang)
    return t("report.satellite", lang, n=index)


def launch_schedule(scenario, lang: str, most: int = 4) -> str:
    """When the satellites go live, in words: 新号1 第15天、新号2 第29天开播 / Satellite 1 from day
    15, Satellite 2 from day 29. The flagship is always live on day 1; a satellite that launches
    after the horizon says so; with more than ``most`` satellites the middle ones are left out
    (… between the first and the last). Empty for a single account."""
    if scenario.accounts == 1:
        return ""
    if scenario.launch_every == 0:
        return t("report.launch_all_day1", lang)
    items = []
    for a, day in enumerate(launch_days(scenario.accounts, scenario.launch_every)[1:], start=1):
        key = "report.launch_day" if day < scenario.days else "report.launch_after"
        items.append(t(key, lang, name=account_name(a, lang), day=int(day) + 1, days=scenario.days))
    if len(items) > most:
        items = [*items[: most - 1], t("report.launch_gap", lang), items[-1]]
    return t("report.launch_schedule", lang, items=t("report.list_sep", lang).join(items))


def accounts_text(scenario, lang: str) -> str:
    """The account count with when they go live: 3个账号（新号1 第15天、新号2 第29天开播）."""
    schedule = launch_schedule(scenario, lang)
    if not schedule:
        return t("report.accounts", lang, accounts=scenario.accounts)
    return t("report.accounts_schedule", lang, accounts=scenario.accounts, schedule=schedule)


def accounts(proj: Projection, draw: int = 0) -> list[dict]:
    """One entry per account: totals, launch day (1-based; ``launched`` False for one that does
    not launch within the horizon), final and best stage, final state."""
    if not proj.by_account:
        raise PlannerError("report.needs_by_account")
    s = summary(proj, axis=(1,))  # (D, A, …)
    stage = proj.stage[draw]
    rows = []
    for a in range(proj.accounts):
        launched = bool(proj.live[:, a].any())
        row = {"account": a, "name": account_name(a, "en"), "launch_day": int(proj.launch_day[a]) + 1,
               "launched": launched}
        row.update(_plain({k: v[draw] for k, v in s.items()}, a))
        final, best = int(stage[-1, a]), int(stage[:, a].max())
        row["final_stage"] = STAGE_KEYS[final] if final >= 0 else "not_live"
        row["best_stage"] = STAGE_KEYS[best] if best >= 0 else "not_live"
        row["final_weight"] = _num(proj.weight[draw, -1, a])
        row["final_followers"] = _num(proj.followers[draw, -1, a])
        row["handoff_received"] = _num(proj.handoff[draw, :, a].sum())
        rows.append(row)
    return rows


def daily(proj: Projection, draw: int = 0) -> list[dict]:
    """One entry per day (1-based), summed over accounts: PV and GMV per source, and more."""
    s = summary(proj, axis=(2,))  # (D, T, …)
    rows = []
    for day in range(proj.days):
        row = {"day": day + 1}
        row.update(_plain({k: v[draw] for k, v in s.items()}, day))
        row["accounts_live"] = int(proj.live[day].sum())
        row["accounts_streaming"] = int((proj.sessions[day] > 0).sum())
        rows.append(row)
    return rows


def report(proj: Projection, notices: list[Notice] | None = None, draw: int = 0) -> dict:
    """The CLI's JSON document for one projection."""
    return {
        "query": to_query(proj.scenario),
        "notices": [n.text("en") for n in notices or []],
        "totals": totals(proj, draw),
        "accounts": accounts(proj, draw),
        "daily": daily(proj, draw),
    }


# Columns of the daily table (CSV, Excel, CLI csv), in order; headers are ``report.daily.*``.
DAILY_KEYS: tuple[str, ...] = (
    "day", "accounts_live", "sessions", *[f"pv_{s}" for s in SOURCES], "pv", *[f"gmv_{s}" for s in SOURCES],
    "gmv", "buyers", "net_gmv", "spend", "unspent", "profit", "public_share",
)


def daily_header(key: str, lang: str) -> str:
    """The header of one daily column. A per-source column names its source in Chinese, and by
    its key in English (a stable CSV header: ``viewers UV gdt``)."""
    for measure in ("pv", "gmv"):
        source = key.removeprefix(f"{measure}_")
        if source in SOURCES:
            return t(f"report.daily.{measure}_source", lang, source=source_label(source, "zh") if lang == "zh" else source)
    return t(f"report.daily.{key}", lang)


def daily_headers(lang: str) -> list[str]:
    """The daily table's headers in ``lang``, in DAILY_KEYS order."""
    return [daily_header(key, lang) for key in DAILY_KEYS]


def daily_table(proj: Projection, draw: int = 0) -> list[dict[str, float]]:
    """Flat daily rows keyed by DAILY_KEYS, for CSV and Excel."""
    flat = []
    for row in daily(proj, draw):
        item = {"day": row["day"], "accounts_live": row["accounts_live"], "sessions": row["sessions"]}
        for s in SOURCES:
            item[f"pv_{s}"] = row["pv_by_source"][s]
        item["pv"] = row["pv"]
        for s in SOURCES:
            item[f"gmv_{s}"] = row["gmv_by_source"][s]
        for k in ("gmv", "buyers", "net_gmv", "spend", "unspent", "profit", "public_share"):
            item[k] = row[k]
        flat.append(item)
    return flat


# How each daily column is kept in a file people open (CSV, Excel, the CLI's csv): whole numbers
# of days, accounts and sessions; whole people (a model's 16.87 buyers is 17 buyers, to the
# reader); money to the fen (0.01 元, which also drops float noise such as 13593.599999999999);
# shares to 0.01 percentage point.
COUNT, PEOPLE, MONEY, SHARE = "count", "people", "money", "share"
DAILY_KINDS: dict[str, str] = {
    **{key: COUNT for key in ("day", "accounts_live", "sessions")},
    **{key: PEOPLE for key in DAILY_KEYS if key.startswith("pv")}, "buyers": PEOPLE,
    **{key: MONEY for key in DAILY_KEYS if key.startswith("gmv")},
    **{key: MONEY for key in ("net_gmv", "spend", "unspent", "profit")},
    "public_share": SHARE,
}
MONEY_DECIMALS, SHARE_DECIMALS = 2, 4


def rounded(key: str, value) -> int | float | None:
    """A daily value as files keep it (``DAILY_KINDS``); None for an undefined one."""
    if value is None or not np.isfinite(float(value)):
        return None
    kind = DAILY_KINDS[key]
    if kind in (COUNT, PEOPLE):
        return int(round(float(value)))
    return round(float(value), MONEY_DECIMALS if kind == MONEY else SHARE_DECIMALS) + 0.0  # no -0.0


def rounded_daily_table(proj: Projection, draw: int = 0) -> list[dict[str, int | float | None]]:
    """``daily_table`` rounded as files keep it (``rounded``)."""
    return [{key: rounded(key, row[key]) for key in DAILY_KEYS} for row in daily_table(proj, draw)]


def daily_totals(rows: list[dict]) -> dict[str, int | float | None]:
    """The totals row of a (rounded) daily table: sums where a sum means something (sessions,
    people, money: the sum of the cells shown, so a spreadsheet's SUM agrees), the public share
    recomputed from the totals (public viewers / viewers, not a sum or an average of the days'
    shares), and None for the day and the accounts live (a count of accounts a day does not add up)."""
    out: dict[str, int | float | None] = {}
    for key in DAILY_KEYS:
        kind = DAILY_KINDS[key]
        if key in ("day", "accounts_live"):
            out[key] = None
        elif kind == SHARE:
            continue
        else:
            total = sum(row[key] or 0 for row in rows)
            out[key] = rounded(key, total)
    out["public_share"] = rounded("public_share", out["pv_public"] / out["pv"]) if out["pv"] else None
    return {key: out[key] for key in DAILY_KEYS}
