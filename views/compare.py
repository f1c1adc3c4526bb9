"""The 对比 Compare page's strings, figures and tables. Pure: no streamlit import.

Numbers come from ``planner.compare`` (KPIs and deltas, daily GMV, the Shapley waterfall of
the GMV difference); here they are only formatted and drawn.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from planner import fmt
from planner.compare import kpi_text, visible_parts
from planner.presets import PRESETS
from planner.scenario import Notice, Scenario, from_query

from . import charts
from .i18n import source_label, translator
from .theme import BLUE, FONT_FAMILY, GREEN, LINE_GREY, ORANGE, RED, style, value_axis
from .uncertainty import t as _t

STRINGS: dict[str, tuple[str, str]] = {
    "compare_title": ("场景对比", "Compare scenarios"),
    "compare_intro": ("最多三个场景并排：当前场景、任意粘贴的分享链接、任意预设。差值都相对于第一个（当前）场景。",
                      "Up to three scenarios side by side: the current one, any pasted share link, any "
                      "preset. Differences are against the first (current) scenario."),
    "slot_current": ("A · 当前场景", "A · Current scenario"),
    "slot_label": ("{slot} · 对比场景", "{slot} · Scenario to compare"),
    "slot_none": ("（不对比）", "(none)"),
    "slot_link": ("粘贴分享链接…", "Paste a share link…"),
    "slot_pasted": ("粘贴的链接", "the pasted link"),
    "slot_preset": ("预设：{name}", "Preset: {name}"),
    "link_label": ("{slot} 的分享链接", "Share link for {slot}"),
    "link_placeholder": ("粘贴完整链接或只粘贴 ? 后面的参数", "Paste a whole link or just the part after ?"),
    "link_empty": ("粘贴一个链接来对比。", "Paste a link to compare."),
    "link_notices": ("{slot} 的链接中有 {n} 个参数有问题，已按下面的方式处理：",
                     "{n} parameter(s) in {slot}'s link had a problem and were handled as below:"),
    "only_one": ("选一个预设或粘贴一个链接，与当前场景对比。", "Pick a preset or paste a link to compare with the current scenario."),
    "kpi_title": ("关键指标", "Key numbers"),
    "overlay_title": ("每日 GMV 对比", "Daily GMV compared"),
    "waterfall_title": ("GMV 差异拆解：{a} → {b}", "Where the GMV difference comes from: {a} → {b}"),
    "waterfall_caption": (
        "每个来源的 GMV = 场观 × 转化率 × 客单价。差异按 Shapley 方法（三个因子按所有先后顺序变化的平均）"
        "拆给每个来源的场观、转化率和客单价，各部分相加正好等于总差异。某来源在一侧没有场观时，"
        "它的 GMV 全部算作场观效应。",
        "Each source's GMV = PV × CVR × AOV. The difference is split by the Shapley method (each "
        "factor's change averaged over every order in which the three can change) into PV, CVR and "
        "AOV effects per source; the parts add up exactly to the difference. A source with no "
        "viewers on one side counts all of its GMV as a PV effect."),
    "factor_pv": ("场观", "PV"),
    "factor_cvr": ("转化率", "CVR"),
    "factor_aov": ("客单价", "AOV"),
    "gmv_of": ("{name} GMV", "{name} GMV"),
    "by_factor": ("按因子合计：场观 {pv} · 转化率 {cvr} · 客单价 {aov}", "By factor: PV {pv} · CVR {cvr} · AOV {aov}"),
    "delta_vs": ("{b} − {a}", "{b} − {a}"),
    "axis_effect": ("GMV（元）", "GMV (yuan)"),
    "kpi_spend": ("投流消耗", "Paid spend"),
    "kpi_pv": ("场观", "Viewers"),
    "kpi_buyers": ("成交人数", "Buyers"),
}
KPI_STRINGS = {"gmv": "kpi_gmv", "net_gmv": "kpi_net_gmv", "profit": "kpi_profit", "spend": "kpi_spend",
               "roi": "kpi_roi", "pv": "kpi_pv", "buyers": "kpi_buyers", "public_share": "kpi_public_share",
               "stage_reached_index": "kpi_stage"}
SCENARIO_COLORS = (GREEN, BLUE, ORANGE)
SLOTS = ("A", "B", "C")


t = translator(STRINGS, fallback=_t)  # this page's strings, then the Ranges page's, then the app's


def kpi_frame(rows: list[dict], names: list[str], lang: str) -> pd.DataFrame:
    """KPI rows (``planner.compare.kpi_table``) as a table: a column per scenario, then each
    later scenario's change against the first (and in %)."""
    out = []
    for row in rows:
        key = row["key"]
        item = {t("col_metric", lang): t(KPI_STRINGS[key], lang)}
        for name, value in zip(names, row["values"], strict=True):
            item[name] = kpi_text(key, value, lang)
        for i in range(1, len(names)):
            label = t("delta_vs", lang, a=names[0], b=names[i])
            ratio = row["ratios"][i]
            change = kpi_text(key, row["deltas"][i], lang, delta=True)
            item[label] = change if ratio is None else f"{change} ({100 * ratio:+.1f}%)"
        out.append(item)
    return pd.DataFrame(out)


def overlay_daily(daily: dict, names: list[str], lang: str) -> go.Figure:
    """Each scenario's daily GMV as a line (``planner.compare.daily_gmv``)."""
    fig = go.Figure()
    top = 0.0
    for i, (name, gmv) in enumerate(zip(names, daily["gmv"], strict=True)):
        days = np.arange(1, len(gmv) + 1)
        top = max(top, float(gmv.max(initial=0.0)))
        fig.add_trace(go.Scatter(
            x=days, y=gmv, mode="lines", name=name, line=dict(color=SCENARIO_COLORS[i], width=2.5 if i == 0 else 2),
            customdata=np.column_stack([[t("day_hover", lang, day=int(d)) for d in days], charts._money(gmv, lang)]),
            hovertemplate=name + " · %{customdata[0]}: %{customdata[1]}<extra></extra>"))
    fig.update_xaxes(title_text=t("axis_day", lang), range=[1, max(len(daily["day"]), 2)])
    fig.update_yaxes(title_text=t("axis_money_day", lang, metric="GMV"))
    fig.update_yaxes(**value_axis(0.0, top, lang))
    fig = style(fig, t("overlay_title", lang))
    fig.update_layout(hovermode="x unified")
    return fig


def part_label(part: dict, lang: str) -> str:
    return f"{source_label(part['source'], lang)} · {t('factor_' + part['factor'], lang)}"


def waterfall(decomposition: dict, name_a: str, name_b: str, lang: str) -> go.Figure:
    """A's GMV, then each source's PV, CVR and AOV effect, then B's GMV (``planner.compare.decompose``)."""
    parts = visible_parts(decomposition)
    x = [t("gmv_of", lang, name=name_a), *(part_label(p, lang) for p in parts), t("gmv_of", lang, name=name_b)]
    y = [decomposition["gmv_a"], *(p["value"] for p in parts), decomposition["gmv_b"]]
    text = [fmt.money(y[0], lang), *(kpi_text("gmv", p["value"], lang, delta=True) for p in parts),
            fmt.money(y[-1], lang)]
    fig = go.Figure(go.Waterfall(
        x=x, y=y, measure=["absolute", *(["relative"] * len(parts)), "total"], text=text,
        textposition="outside", cliponaxis=False, connector=dict(line=dict(color=LINE_GREY, width=1)),
        increasing=dict(marker=dict(color=GREEN)), decreasing=dict(marker=dict(color=RED)),
        totals=dict(marker=dict(color=BLUE)), customdata=text,
        hovertemplate="%{x}: %{customdata}<extra></extra>", textfont=dict(family=FONT_FAMILY, size=11)))
    running = np.cumsum([y[0], *y[1:-1]])
    fig.update_yaxes(**value_axis(float(min(running.min(), 0.0)), float(max(running.max(), y[-1])) * 1.08, lang))
    fig.update_yaxes(title_text=t("axis_effect", lang))
    fig.update_xaxes(tickangle=-35 if len(x) > 6 else 0)
    fig = style(fig, t("waterfall_title", lang, a=name_a, b=name_b), height=460, legend=False)
    fig.update_layout(margin=dict(l=70, r=30, t=70, b=120))
    return fig


def by_factor_text(decomposition: dict, lang: str) -> str:
    f = decomposition["by_factor"]
    return t("by_factor", lang, **{k: kpi_text("gmv", v, lang, delta=True) for k, v in f.items()})


# --- choosing what to compare ------------------------------------------------------------------

NONE, LINK = "none", "link"


def slot_options() -> list[str]:
    """What a comparison slot can hold: nothing, a pasted link, or a preset (by name)."""
    return [NONE, LINK, *PRESETS]


def option_label(option: str, lang: str) -> str:
    if option == NONE:
        return t("slot_none", lang)
    if option == LINK:
        return t("slot_link", lang)
    return t("slot_preset", lang, name=PRESETS[option].label(lang))


def resolve(option: str, link: str = "") -> tuple[Scenario | None, list[Notice]]:
    """The scenario a slot holds, and the problems found in a pasted link (``from_query``:
    never raises). None for an empty slot or an empty link."""
    if option == LINK:
        return from_query(link) if link.strip() else (None, [])
    if option in PRESETS:
        return PRESETS[option].scenario, []
    return None, []


def slot_name(slot: str, option: str, lang: str) -> str:
    """What a slot holds, for the caption under the pickers: "A = 当前场景", "B = 预设：…"."""
    if option == "current":
        what = t("slot_current", lang).split("·", 1)[-1].strip()
    else:
        what = option_label(option, lang) if option != LINK else t("slot_pasted", lang)
    return f"{slot} = {what}"
