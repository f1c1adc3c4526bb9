"""The 区间 Ranges page's figures and tables (its words: ``planner.text``, ``uncertainty_page.*``).
Pure: no streamlit import.

Numbers come from ``planner.uncertainty`` (bands, target chance, tornado, elasticities);
here they are only formatted and drawn. Figures take their look from ``views.theme``: the CJK
font first, units in the axis titles, 万/亿 or K/M ticks.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from planner import fmt, kpis
from planner.engine import SOURCES
from planner.params import BY_KEY
from planner.scenario import Scenario
from planner.text import t
from planner.uncertainty import (
    DEFAULT,
    DEFAULT_SPAN,
    METRICS,
    SET,
    Bands,
    Sensitivity,
    effective_ranges,
    round_nice,
)

from . import charts
from .i18n import param_label, source_label
from .theme import (
    FONT_FAMILY,
    GREEN,
    INK,
    RED,
    SOURCE_COLORS,
    layout,
    rgba,
    spec_figure,
    tick_text,
    value_axis,
)

BAND_ALPHA = 0.22
TORNADO_TOP = 12


def metric_label(metric: str, lang: str) -> str:
    return kpis.label(metric, lang)


def _day_text(days, lang: str) -> list[str]:
    return [t("chart.day_hover", lang, day=int(d)) for d in days]


def _scatter(**trace) -> dict:
    return dict(type="scatter", **trace)


def fan_chart(b: Bands, metric: str, lang: str, cumulative: bool = False,
              point: np.ndarray | None = None) -> go.Figure:
    """P10–P90 band and P50 line of a daily (or cumulative) metric; the point projection dashed."""
    q = (b.cumulative if cumulative else b.daily)[metric]
    days, name = b.day, metric_label(metric, lang)
    color = SOURCE_COLORS["private"]
    hover = np.column_stack([_day_text(days, lang), *(charts._money(q[i], lang) for i in range(3))])
    data = [
        _scatter(x=days, y=q[2], mode="lines", line=dict(width=0), hoverinfo="skip", showlegend=False),
        _scatter(x=days, y=q[0], mode="lines", line=dict(width=0), fill="tonexty",
                 fillcolor=rgba(color, BAND_ALPHA), name=t("uncertainty_page.band_p10_p90", lang), hoverinfo="skip"),
        _scatter(x=days, y=q[1], mode="lines", line=dict(color=color, width=2.5), name=t("uncertainty_page.band_p50", lang),
                 customdata=hover,
                 hovertemplate="%{customdata[0]}<br>P10 %{customdata[1]} · P50 %{customdata[2]} · "
                               "P90 %{customdata[3]}<extra></extra>")]
    if point is not None:
        data.append(_scatter(
            x=days, y=point, mode="lines", line=dict(color=INK, width=1.5, dash="dash"),
            name=t("uncertainty_page.band_point", lang), customdata=np.column_stack([_day_text(days, lang), charts._money(point, lang)]),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra>" + t("uncertainty_page.band_point", lang) + "</extra>"))
    values = [q.min(initial=0.0), q.max(initial=0.0)] + ([] if point is None else [point.min(), point.max()])
    title = t("uncertainty_page.bands_cum_title" if cumulative else "uncertainty_page.bands_title", lang,
              metric=name)
    spec = layout(title)
    spec["xaxis"] = dict(title=dict(text=t("chart.axis_day", lang)), range=[days[0], days[-1]])
    spec["yaxis"] = dict(title=dict(text=t("uncertainty_page.axis_money_cum" if cumulative else "uncertainty_page.axis_money_day",
                                           lang, metric=name)),
                         **value_axis(float(min(values)), float(max(values)), lang))
    return spec_figure(data, spec)


def mix_fan(b: Bands, lang: str) -> go.Figure:
    """Each source's share of the day's viewers: P50 line in the source's colour, P10–P90 band."""
    data = []
    days = b.day
    for s, source in enumerate(SOURCES):
        q = b.mix[:, :, s]
        if s >= 2 and q[2].max(initial=0.0) <= 0:
            continue  # a paid tool not used
        name, color = source_label(source, lang), SOURCE_COLORS[source]
        hover = np.column_stack([_day_text(days, lang), *([fmt.percent(v) for v in q[i]] for i in range(3))])
        data += [
            _scatter(x=days, y=q[2], mode="lines", line=dict(width=0), hoverinfo="skip", showlegend=False, legendgroup=source),
            _scatter(x=days, y=q[0], mode="lines", line=dict(width=0), fill="tonexty", fillcolor=rgba(color, BAND_ALPHA),
                     hoverinfo="skip", showlegend=False, legendgroup=source),
            _scatter(x=days, y=q[1], mode="lines", line=dict(color=color, width=2.2), name=name, legendgroup=source,
                     customdata=hover,
                     hovertemplate="%{customdata[0]} · " + name + "<br>P10 %{customdata[1]} · P50 %{customdata[2]} · "
                                   "P90 %{customdata[3]}<extra></extra>")]
    ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    spec = layout(t("uncertainty_page.mix_fan_title", lang))
    spec["xaxis"] = dict(title=dict(text=t("chart.axis_day", lang)), range=[days[0], days[-1]])
    spec["yaxis"] = dict(title=dict(text=t("uncertainty_page.axis_mix", lang)), range=[0, 1.0001], tickmode="array",
                         tickvals=ticks, ticktext=tick_text(ticks, lang, "percent"))
    return spec_figure(data, spec)


def totals_table(b: Bands, lang: str) -> pd.DataFrame:
    """P10 / P50 / P90 of GMV, net GMV and profit over the horizon."""
    return pd.DataFrame([
        {t("table.metric", lang): metric_label(m, lang),
         **{key: fmt.money(v, lang) for key, v in zip(("P10", "P50", "P90"), b.total[m], strict=True)}}
        for m in METRICS])


def nice_target(b: Bands) -> float:
    """The target box's first value: the median total GMV as a round figure (two significant
    figures), the middle rung of ``uncertainty.target_ladder``."""
    return round_nice(float(b.total["gmv"][1]))


def chance_text(chance: float, lang: str) -> str:
    """A chance as a percentage, or in words at the ends (0 and 100% are answers, not figures)."""
    if chance <= 0:
        return t("ranges.chance_never_text", lang)
    if chance >= 1:
        return t("ranges.chance_always_text", lang)
    return fmt.percent(chance)


def chance_sentence(chance: float, draws: int, lang: str) -> str | None:
    """A plain sentence when no draw or every draw reaches the target; None otherwise."""
    if chance <= 0:
        return t("ranges.chance_none", lang, draws=f"{draws:,}")
    if chance >= 1:
        return t("ranges.chance_all", lang, draws=f"{draws:,}")
    return None


def ladder_table(ladder: list[tuple[str, float, float]], day: int, lang: str) -> pd.DataFrame:
    """The targets worth asking about (``uncertainty.target_ladder``): target, chance, reading."""
    return pd.DataFrame([{t("ranges.col_target", lang, day=day): fmt.money(target, lang),
                          t("ranges.col_chance", lang): chance_text(chance, lang),
                          t("ranges.col_reading", lang): t(f"ranges.rung_{rung}", lang)}
                         for rung, target, chance in ladder])


def ranges_table(scenario: Scenario, lang: str) -> pd.DataFrame:
    """Every uncertain parameter with the range the Monte Carlo draws it from: yours (from the
    link) or its default (a reported range or an assumption), and why."""
    rows = []
    for key, (low, high, basis) in effective_ranges(scenario).items():
        p = BY_KEY[key]
        if basis == SET:
            source, why = t("ranges.from_set", lang), ""
        else:
            source, why = t(f"ranges.from_default_{p.range_source}", lang), p.range_note(lang)
        if low == high:
            source = f"{source} · {t('ranges.pinned', lang)}"
        rows.append({t("table.param", lang): param_label(p, lang),
                     t("uncertainty_page.col_value", lang): fmt.param_value(p, getattr(scenario, key), lang),
                     t("uncertainty_page.col_low", lang): fmt.param_value(p, low, lang),
                     t("uncertainty_page.col_high", lang): fmt.param_value(p, high, lang),
                     t("ranges.col_from", lang): source, t("ranges.col_why", lang): why})
    return pd.DataFrame(rows)


def target_chart(curve: np.ndarray, target: float, day: int, lang: str) -> go.Figure:
    """The chance, day by day, that cumulative GMV has reached the target; the chosen day marked."""
    days = np.arange(1, len(curve) + 1)
    color = SOURCE_COLORS["public"]
    data = [
        _scatter(x=days, y=curve, mode="lines", line=dict(color=color, width=2.5, shape="hv"), showlegend=False,
                 customdata=np.column_stack([_day_text(days, lang), [fmt.percent(v) for v in curve]]),
                 hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>"),
        _scatter(x=[day], y=[curve[day - 1]], mode="markers+text", marker=dict(color=RED, size=10),
                 text=[fmt.percent(curve[day - 1])], textposition="top left", showlegend=False, hoverinfo="skip",
                 textfont=dict(family=FONT_FAMILY, size=13))]
    ticks = [0, 0.25, 0.5, 0.75, 1.0]
    spec = layout(t("uncertainty_page.target_chart_title", lang, target=fmt.money(target, lang)), height=340, legend=False)
    spec["xaxis"] = dict(title=dict(text=t("chart.axis_day", lang)), range=[1, max(len(days), 2)])
    spec["yaxis"] = dict(title=dict(text=t("uncertainty_page.axis_chance", lang)), range=[-0.02, 1.06], tickmode="array",
                         tickvals=ticks, ticktext=tick_text(ticks, lang, "percent"))
    return spec_figure(data, spec)


def _param_name(key: str, lang: str) -> str:
    return BY_KEY[key].label(lang)


def tornado(sens: Sensitivity, lang: str, top: int = TORNADO_TOP) -> go.Figure:
    """Horizontal bars of total GMV minus the point estimate, at each parameter's low and high end,
    the largest swing on top."""
    rows = [r for r in sens.tornado[:top]]
    names = [_param_name(r.key, lang) for r in rows]
    data = []
    for end, color in (("low", RED), ("high", GREEN)):
        change = [(r.at_low if end == "low" else r.at_high) - sens.base for r in rows]
        values = [fmt.param_value(BY_KEY[r.key], r.low if end == "low" else r.high, lang) for r in rows]
        gmv = [fmt.money(r.at_low if end == "low" else r.at_high, lang) for r in rows]
        label = t(f"uncertainty_page.tornado_{end}", lang)
        data.append(dict(
            type="bar", x=change, y=names, orientation="h", name=label, marker=dict(color=color),
            customdata=np.column_stack([values, gmv, [fmt.money(c, lang) for c in change]]),
            hovertemplate="%{y} = %{customdata[0]}<br>GMV %{customdata[1]} (%{customdata[2]})<extra>"
                          + label + "</extra>"))
    changes = [v for r in rows for v in (r.at_low - sens.base, r.at_high - sens.base)] or [0.0]
    spec = layout(t("uncertainty_page.tornado_title", lang), height=max(320, 110 + 30 * len(rows)),
                  barmode="overlay", bargap=0.25, margin=dict(l=150, r=30, t=90, b=60))
    spec["xaxis"] = dict(title=dict(text=t("uncertainty_page.axis_gmv_change", lang)), zeroline=True, zerolinecolor=INK,
                         **value_axis(min(changes), max(changes), lang))
    spec["yaxis"] = dict(autorange="reversed")
    return spec_figure(data, spec)


def elasticity_chart(sens: Sensitivity, lang: str, top: int = 15) -> go.Figure:
    """The largest elasticities (by magnitude), positive green, negative red."""
    rows = [e for e in sens.elasticities if math.isfinite(e.elasticity) and e.elasticity != 0][:top]
    names = [_param_name(e.key, lang) for e in rows]
    values = [e.elasticity for e in rows]
    data = [dict(
        type="bar", x=values, y=names, orientation="h", marker=dict(color=[GREEN if v > 0 else RED for v in values]),
        text=[f"{v:+.2f}" for v in values], textposition="outside", cliponaxis=False, showlegend=False,
        hovertemplate="%{y}: %{x:+.3f}<extra></extra>")]
    reach = max([abs(v) for v in values] + [0.1]) * 1.25
    spec = layout(t("uncertainty_page.elasticity_title", lang), height=max(320, 110 + 28 * len(rows)), legend=False,
                  margin=dict(l=150, r=40, t=70, b=60))
    spec["xaxis"] = dict(title=dict(text=t("uncertainty_page.axis_elasticity", lang)),
                         range=[-reach if min(values + [0]) < 0 else 0, reach], zeroline=True, zerolinecolor=INK)
    spec["yaxis"] = dict(autorange="reversed")
    return spec_figure(data, spec)


def sensitivity_table(sens: Sensitivity, lang: str) -> pd.DataFrame:
    """Every uncertain parameter in tornado order: its value, span, GMV at either end, swing and elasticity."""
    elasticity = {e.key: e.elasticity for e in sens.elasticities}
    span = fmt.percent(DEFAULT_SPAN, 0)
    rows = []
    for r in sens.tornado:
        p = BY_KEY[r.key]
        rows.append({
            t("table.param", lang): param_label(p, lang),
            t("uncertainty_page.col_value", lang): fmt.param_value(p, r.point, lang),
            t("uncertainty_page.col_low", lang): fmt.param_value(p, r.low, lang),
            t("uncertainty_page.col_high", lang): fmt.param_value(p, r.high, lang),
            t("uncertainty_page.col_gmv_low", lang): fmt.money(r.at_low, lang),
            t("uncertainty_page.col_gmv_high", lang): fmt.money(r.at_high, lang),
            t("uncertainty_page.col_swing", lang): fmt.money(r.swing, lang),
            t("uncertainty_page.col_elasticity", lang): fmt.number(elasticity[r.key], 3),
            t("uncertainty_page.col_span", lang): (t("uncertainty_page.span_range", lang) if r.basis == SET
                                                   else t("ranges.span_default_range", lang) if r.basis == DEFAULT
                                                   else t("uncertainty_page.span_default", lang, span=span)),
        })
    return pd.DataFrame(rows)
