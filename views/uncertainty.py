"""The 区间 Ranges page's strings, figures and tables. Pure: no streamlit import.

Numbers come from ``planner.uncertainty`` (bands, target chance, tornado, elasticities);
here they are only formatted and drawn. Figures take their look from ``views.theme``: the CJK
font first, units in the axis titles, 万/亿 or K/M ticks.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from planner import fmt
from planner.engine import SOURCES
from planner.params import BY_KEY
from planner.uncertainty import DEFAULT_SPAN, METRICS, Bands, Sensitivity

from . import charts
from .i18n import param_label, source_label, translator
from .i18n import t as app_t
from .theme import (
    FONT_FAMILY,
    GREEN,
    INK,
    RED,
    SOURCE_COLORS,
    param_value,
    rgba,
    style,
    tick_text,
    value_axis,
)

STRINGS: dict[str, tuple[str, str]] = {
    "nav_ranges": ("区间", "Ranges"),
    "nav_compare": ("对比", "Compare"),
    "ranges_title": ("区间与敏感性", "Ranges and sensitivity"),
    "ranges_intro": (
        "给不确定的参数设一个低–高区间，规划器按区间抽样 {draws} 次（三角分布，众数=当前滑块值，"
        "各参数相互独立，随机种子 {seed}），给出 P10 / P50 / P90。同一个链接（含种子和抽样次数）"
        "总是得到同样的区间。",
        "Give uncertain parameters a low–high range: the planner draws {draws} times from them "
        "(triangular distribution with its peak at the slider's value, parameters independent, "
        "seed {seed}) and shows P10 / P50 / P90. The same link (seed and draws included) always "
        "gives the same bands."),
    "ranges_settings": ("抽样设置", "Sampling"),
    "draws_label": ("抽样次数", "Draws"),
    "draws_help": ("蒙特卡洛抽样次数（1–10,000）；越多越稳，越慢。",
                   "Monte Carlo draws (1–10,000): more is steadier and slower."),
    "seed_label": ("随机种子", "Random seed"),
    "seed_help": ("同样的种子和区间得到同样的结果；换一个种子看抽样误差有多大。",
                  "The same seed and ranges give the same numbers; change it to see the sampling noise."),
    "ranged_label": ("设区间的参数", "Parameters with a range"),
    "ranged_placeholder": ("选择参数", "Choose parameters"),
    "ranged_help": ("只有不确定的参数（市场、平台和投流工具的表现）可以设区间；"
                    "投放金额、账号数和天数是决策，每次抽样都相同。",
                    "Only uncertain parameters (market, platform and paid-tool behaviour) take a "
                    "range; spend, accounts and days are decisions, the same in every draw."),
    "range_label": ("{label} 区间", "{label} range"),
    "no_ranges": ("还没有设区间：下面的区间图只有一条线。选上面的参数给它们设区间。",
                  "No ranges yet: the bands below collapse to one line. Pick parameters above to give them a range."),
    "bands_title": ("{metric}：P10–P90 区间（每天）", "{metric}: P10–P90 band (per day)"),
    "bands_cum_title": ("累计{metric}：P10–P90 区间", "Cumulative {metric}: P10–P90 band"),
    "band_p10_p90": ("P10–P90", "P10–P90"),
    "band_p50": ("P50（中位数）", "P50 (median)"),
    "band_point": ("点估计（滑块值）", "Point estimate (slider values)"),
    "bands_caption": ("每天单独取分位数：P50 曲线不是某一次抽样的轨迹。",
                      "Percentiles are taken day by day: the P50 line is not the path of one draw."),
    "metric_gmv": ("GMV", "GMV"),
    "metric_net_gmv": ("退货后净成交", "Net GMV"),
    "metric_profit": ("投流后利润", "Profit after spend"),
    "axis_money_day": ("{metric}（元/天）", "{metric} (yuan/day)"),
    "axis_money_cum": ("累计{metric}（元）", "Cumulative {metric} (yuan)"),
    "axis_mix": ("占当天场观（%）", "Share of the day's viewers (%)"),
    "axis_chance": ("达成概率（%）", "Chance (%)"),
    "axis_gmv_change": ("总 GMV 相对点估计的变化（元）", "Total GMV change from the point estimate (yuan)"),
    "axis_elasticity": ("弹性（GMV 变化% ÷ 参数变化%）", "Elasticity (% GMV per % parameter)"),
    "totals_title": ("预测期合计", "Over the horizon"),
    "col_metric": ("指标", "Metric"),
    "mix_fan_title": ("流量结构：各来源占比的 P10–P90 区间", "Traffic mix: P10–P90 of each source's share"),
    "target_title": ("GMV 目标达成概率", "Chance of reaching a GMV target"),
    "target_label": ("GMV 目标（元）", "GMV target (yuan)"),
    "target_day_label": ("截至第几天", "By day"),
    "target_result": ("到第 {day} 天累计 GMV 达到 {target} 的概率", "Chance cumulative GMV reaches {target} by day {day}"),
    "target_chart_title": ("累计 GMV 达到 {target} 的概率（按天）", "Chance cumulative GMV has reached {target}, by day"),
    "tornado_title": ("龙卷风图：每个参数在区间两端时的总 GMV", "Tornado: total GMV with each parameter at either end"),
    "tornado_caption": (
        "其余参数保持滑块值。已设区间的参数用其区间；未设区间的参数在滑块值 ±{span} 之间变动"
        "（不超出参数允许范围，值为 0 的参数不变）。按摆幅排序，显示前 {n} 个。",
        "Every other parameter stays at its slider value. A parameter with a range moves across it; "
        "one without moves ±{span} around its slider value (within its allowed limits; a parameter at "
        "0 does not move). Ranked by swing; the top {n} shown."),
    "tornado_low": ("低端", "Low end"),
    "tornado_high": ("高端", "High end"),
    "elasticity_title": ("弹性：参数变化 1% 时总 GMV 变化百分之几", "Elasticity: % change of total GMV per 1% change"),
    "elasticity_caption": ("在滑块值上下各 1% 做中心差分（一次引擎调用算完全部参数）。",
                           "Central finite difference at ±1% of the slider value (one engine call for every parameter)."),
    "col_param": ("参数", "Parameter"),
    "col_value": ("当前值", "Value"),
    "col_low": ("低端", "Low"),
    "col_high": ("高端", "High"),
    "col_gmv_low": ("低端时 GMV", "GMV at low"),
    "col_gmv_high": ("高端时 GMV", "GMV at high"),
    "col_swing": ("摆幅", "Swing"),
    "col_elasticity": ("弹性", "Elasticity"),
    "col_span": ("区间来源", "Span from"),
    "span_range": ("已设区间", "range set"),
    "span_default": ("默认 ±{span}", "default ±{span}"),
}

BAND_ALPHA = 0.22
TORNADO_TOP = 12


t = translator(STRINGS, fallback=app_t)  # this page's strings, then the app's


def metric_label(metric: str, lang: str) -> str:
    return t(f"metric_{metric}", lang)


def _day_text(days, lang: str) -> list[str]:
    return [app_t("day_hover", lang, day=int(d)) for d in days]


def fan_chart(b: Bands, metric: str, lang: str, cumulative: bool = False,
              point: np.ndarray | None = None) -> go.Figure:
    """P10–P90 band and P50 line of a daily (or cumulative) metric; the point projection dashed."""
    q = (b.cumulative if cumulative else b.daily)[metric]
    days, name = b.day, metric_label(metric, lang)
    color = SOURCE_COLORS["private"]
    hover = np.column_stack([_day_text(days, lang), *(charts._money(q[i], lang) for i in range(3))])
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=days, y=q[2], mode="lines", line=dict(width=0), hoverinfo="skip",
                             showlegend=False))
    fig.add_trace(go.Scatter(
        x=days, y=q[0], mode="lines", line=dict(width=0), fill="tonexty",
        fillcolor=rgba(color, BAND_ALPHA), name=t("band_p10_p90", lang), hoverinfo="skip"))
    fig.add_trace(go.Scatter(
        x=days, y=q[1], mode="lines", line=dict(color=color, width=2.5), name=t("band_p50", lang),
        customdata=hover,
        hovertemplate="%{customdata[0]}<br>P10 %{customdata[1]} · P50 %{customdata[2]} · "
                      "P90 %{customdata[3]}<extra></extra>"))
    if point is not None:
        fig.add_trace(go.Scatter(
            x=days, y=point, mode="lines", line=dict(color=INK, width=1.5, dash="dash"),
            name=t("band_point", lang), customdata=np.column_stack([_day_text(days, lang), charts._money(point, lang)]),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra>" + t("band_point", lang) + "</extra>"))
    fig.update_xaxes(title_text=app_t("axis_day", lang), range=[days[0], days[-1]])
    fig.update_yaxes(title_text=t("axis_money_cum" if cumulative else "axis_money_day", lang, metric=name))
    values = [q.min(initial=0.0), q.max(initial=0.0)] + ([] if point is None else [point.min(), point.max()])
    fig.update_yaxes(**value_axis(float(min(values)), float(max(values)), lang))
    title = t("bands_cum_title" if cumulative else "bands_title", lang, metric=name)
    return style(fig, title)


def mix_fan(b: Bands, lang: str) -> go.Figure:
    """Each source's share of the day's viewers: P50 line in the source's colour, P10–P90 band."""
    fig = go.Figure()
    days = b.day
    for s, source in enumerate(SOURCES):
        q = b.mix[:, :, s]
        if s >= 2 and q[2].max(initial=0.0) <= 0:
            continue  # a paid tool not used
        name, color = source_label(source, lang), SOURCE_COLORS[source]
        fig.add_trace(go.Scatter(x=days, y=q[2], mode="lines", line=dict(width=0), hoverinfo="skip",
                                 showlegend=False, legendgroup=source))
        fig.add_trace(go.Scatter(x=days, y=q[0], mode="lines", line=dict(width=0), fill="tonexty",
                                 fillcolor=rgba(color, BAND_ALPHA), hoverinfo="skip",
                                 showlegend=False, legendgroup=source))
        hover = np.column_stack([_day_text(days, lang), *([fmt.percent(v) for v in q[i]] for i in range(3))])
        fig.add_trace(go.Scatter(
            x=days, y=q[1], mode="lines", line=dict(color=color, width=2.2), name=name, legendgroup=source,
            customdata=hover,
            hovertemplate="%{customdata[0]} · " + name + "<br>P10 %{customdata[1]} · P50 %{customdata[2]} · "
                          "P90 %{customdata[3]}<extra></extra>"))
    ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    fig.update_xaxes(title_text=app_t("axis_day", lang), range=[days[0], days[-1]])
    fig.update_yaxes(title_text=t("axis_mix", lang), range=[0, 1.0001], tickmode="array", tickvals=ticks,
                     ticktext=tick_text(ticks, lang, "percent"))
    return style(fig, t("mix_fan_title", lang))


def totals_table(b: Bands, lang: str) -> pd.DataFrame:
    """P10 / P50 / P90 of GMV, net GMV and profit over the horizon."""
    return pd.DataFrame([
        {t("col_metric", lang): metric_label(m, lang),
         **{key: fmt.money(v, lang) for key, v in zip(("P10", "P50", "P90"), b.total[m], strict=True)}}
        for m in METRICS])


def nice_target(b: Bands) -> float:
    """A round default target near the median total GMV (two significant figures)."""
    x = float(b.total["gmv"][1])
    if not math.isfinite(x) or x <= 0:
        return 0.0
    magnitude = 10 ** (math.floor(math.log10(x)) - 1)
    return float(round(x / magnitude) * magnitude)


def target_chart(curve: np.ndarray, target: float, day: int, lang: str) -> go.Figure:
    """The chance, day by day, that cumulative GMV has reached the target; the chosen day marked."""
    days = np.arange(1, len(curve) + 1)
    color = SOURCE_COLORS["public"]
    fig = go.Figure(go.Scatter(
        x=days, y=curve, mode="lines", line=dict(color=color, width=2.5, shape="hv"), showlegend=False,
        customdata=np.column_stack([_day_text(days, lang), [fmt.percent(v) for v in curve]]),
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=[day], y=[curve[day - 1]], mode="markers+text", marker=dict(color=RED, size=10),
        text=[fmt.percent(curve[day - 1])], textposition="top left", showlegend=False, hoverinfo="skip",
        textfont=dict(family=FONT_FAMILY, size=13)))
    ticks = [0, 0.25, 0.5, 0.75, 1.0]
    fig.update_xaxes(title_text=app_t("axis_day", lang), range=[1, max(len(days), 2)])
    fig.update_yaxes(title_text=t("axis_chance", lang), range=[-0.02, 1.06], tickmode="array", tickvals=ticks,
                     ticktext=tick_text(ticks, lang, "percent"))
    return style(fig, t("target_chart_title", lang, target=fmt.money(target, lang)),
                          height=340, legend=False)


def _param_name(key: str, lang: str) -> str:
    return BY_KEY[key].label(lang)


def tornado(sens: Sensitivity, lang: str, top: int = TORNADO_TOP) -> go.Figure:
    """Horizontal bars of total GMV minus the point estimate, at each parameter's low and high end,
    the largest swing on top."""
    rows = [r for r in sens.tornado[:top]]
    names = [_param_name(r.key, lang) for r in rows]
    fig = go.Figure()
    for end, color in (("low", RED), ("high", GREEN)):
        change = [(r.at_low if end == "low" else r.at_high) - sens.base for r in rows]
        values = [param_value(BY_KEY[r.key], r.low if end == "low" else r.high, lang) for r in rows]
        gmv = [fmt.money(r.at_low if end == "low" else r.at_high, lang) for r in rows]
        label = t(f"tornado_{end}", lang)
        fig.add_trace(go.Bar(
            x=change, y=names, orientation="h", name=label, marker_color=color,
            customdata=np.column_stack([values, gmv, [fmt.money(c, lang) for c in change]]),
            hovertemplate="%{y} = %{customdata[0]}<br>GMV %{customdata[1]} (%{customdata[2]})<extra>"
                          + label + "</extra>"))
    fig.update_layout(barmode="overlay", bargap=0.25)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=t("axis_gmv_change", lang), zeroline=True, zerolinecolor=INK)
    changes = [v for r in rows for v in (r.at_low - sens.base, r.at_high - sens.base)] or [0.0]
    fig.update_xaxes(**value_axis(min(changes), max(changes), lang))
    fig = style(fig, t("tornado_title", lang), height=max(320, 110 + 30 * len(rows)))
    fig.update_layout(margin=dict(l=150, r=30, t=90, b=60))
    return fig


def elasticity_chart(sens: Sensitivity, lang: str, top: int = 15) -> go.Figure:
    """The largest elasticities (by magnitude), positive green, negative red."""
    rows = [e for e in sens.elasticities if math.isfinite(e.elasticity) and e.elasticity != 0][:top]
    names = [_param_name(e.key, lang) for e in rows]
    values = [e.elasticity for e in rows]
    fig = go.Figure(go.Bar(
        x=values, y=names, orientation="h", marker_color=[GREEN if v > 0 else RED for v in values],
        text=[f"{v:+.2f}" for v in values], textposition="outside", cliponaxis=False, showlegend=False,
        hovertemplate="%{y}: %{x:+.3f}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    reach = max([abs(v) for v in values] + [0.1]) * 1.25
    fig.update_xaxes(title_text=t("axis_elasticity", lang), range=[-reach if min(values + [0]) < 0 else 0, reach],
                     zeroline=True, zerolinecolor=INK)
    fig = style(fig, t("elasticity_title", lang), height=max(320, 110 + 28 * len(rows)), legend=False)
    fig.update_layout(margin=dict(l=150, r=40, t=70, b=60))
    return fig


def sensitivity_table(sens: Sensitivity, lang: str) -> pd.DataFrame:
    """Every uncertain parameter in tornado order: its value, span, GMV at either end, swing and elasticity."""
    elasticity = {e.key: e.elasticity for e in sens.elasticities}
    span = fmt.percent(DEFAULT_SPAN, 0)
    rows = []
    for r in sens.tornado:
        p = BY_KEY[r.key]
        rows.append({
            t("col_param", lang): param_label(p, lang),
            t("col_value", lang): param_value(p, r.point, lang),
            t("col_low", lang): param_value(p, r.low, lang),
            t("col_high", lang): param_value(p, r.high, lang),
            t("col_gmv_low", lang): fmt.money(r.at_low, lang),
            t("col_gmv_high", lang): fmt.money(r.at_high, lang),
            t("col_swing", lang): fmt.money(r.swing, lang),
            t("col_elasticity", lang): fmt.number(elasticity[r.key], 3),
            t("col_span", lang): t("span_range", lang) if r.from_range else t("span_default", lang, span=span),
        })
    return pd.DataFrame(rows)
