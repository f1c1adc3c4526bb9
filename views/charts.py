"""Figures: pure functions from a projection to a ``plotly.graph_objects.Figure``.

No streamlit here, so every figure can be built and checked without a server. Colours, fonts,
the layout and the 万/亿 or K/M ticks come from ``views.theme`` (the unit is in the axis
title); hover text is pre-formatted with ``planner.fmt``.

Figures are written as plain specs (lists, strings) and wrapped with ``theme.spec_figure``
(``go.Figure(spec, _validate=False)``): plotly's per-property validation and ``make_subplots`` cost about 0.4 s per
rerun for the overview alone, which a slider drag would feel. The tests check the specs.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.colors
import plotly.graph_objects as go

from planner import breakdown, fmt
from planner.engine import SOURCES, Projection
from planner.report import account_name, stage_label
from planner.text import t

from .i18n import source_label
from .theme import (
    FLAGSHIP_COLOR,
    FONT_FAMILY,
    GRID_COLOR,
    HANDOFF_COLOR,
    SATELLITE_COLOR,
    SOURCE_COLORS,
    TEXT_COLOR,
    account_line,
    axis_title,
    layout,
    nice_ticks,
    rgba,
    spec_figure,
    tick_text,
)

# Cell labels in a heatmap only when they fit.
MAX_HEATMAP_TEXT_WEEKS = 14
MAX_HEATMAP_TEXT_CELLS = 160
MAX_NAMED_WEEKS = 16  # beyond this, week ticks are bare numbers so they don't collide
NARROW_MAX_WEEK_TICKS = 6  # on a phone: at most this many week labels, and no cell text
NARROW_TITLE_SIZE = 13  # px: a phone's heatmap title, which must fit about 340 px

# --- shared helpers ------------------------------------------------------------------------

def chart_filename(page: str, chart: str, lang: str, day: str) -> str:
    """A meaningful PNG name: 视频号_总览_每日GMV_2025-01-31 / shipinhao_overview_daily-gmv_…;
    with ``chart=""`` just the page's: 视频号_投流_2025-01-31."""
    parts = (t("export.file_prefix", lang), t(f"export.part_{page}", lang),
             t(f"export.part_{chart}", lang) if chart else "", day)
    return "_".join(part for part in parts if part)


def plotly_config(filename: str, touch: bool = False) -> dict:
    """The config every chart is shown with: PNG at 2× under a meaningful name, no logo; on a
    phone (``touch``) no toolbar at all: it sits on the chart's title and its hover buttons
    cannot be aimed at with a finger (the page's download buttons remain)."""
    config = {
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
        "displaylogo": False,
    }
    if touch:
        config["displayModeBar"] = False
    return config


def date_axis(lang: str) -> dict:
    """A Plotly date axis's tick and hover formats in the page's language (3月8日 / Mar 8):
    Plotly's own date ticks are English month names whatever the page says."""
    return {"type": "date", "tickformat": t("chart.date_tick", lang), "hoverformat": t("chart.date_hover", lang)}


def _money(values, lang: str) -> list[str]:
    return [fmt.money(float(v), lang) for v in np.ravel(values)]


def _counts(values, lang: str) -> list[str]:
    return [fmt.count(float(v), lang) for v in np.ravel(values)]


def _day_labels(days, lang: str) -> list[str]:
    return [t("chart.day_hover", lang, day=int(d)) for d in days]


def _floats(values) -> list[float | None]:
    """Plain floats for the JSON spec; NaN becomes a gap (null)."""
    return [float(v) if math.isfinite(v) else None for v in np.ravel(np.asarray(values, dtype=float))]


def _scale(name: str) -> list[list]:
    """A sequential colour scale from light (0) to dark (max) as an explicit list: plotly.js's
    own "Greens"/"Blues" run the other way from plotly.py's, and specs here are not validated."""
    colors = getattr(plotly.colors.sequential, name)
    return [[i / (len(colors) - 1), c] for i, c in enumerate(colors)]


# --- matrix --------------------------------------------------------------------------------

def weekly_heatmap(proj: Projection, what: str, lang: str, narrow: bool = False) -> go.Figure:
    """Account × week heatmap of GMV (``what="gmv"``, 元) or viewers (``"pv"``). ``narrow`` (a
    phone's width): no numbers in the cells, which run together there, and at most
    NARROW_MAX_WEEK_TICKS week labels; the hover still names every cell."""
    z = breakdown.weekly_matrix(proj, what)
    weeks = breakdown.week_bounds(proj.days)
    accounts = [account_name(a, lang) for a in range(proj.accounts)]
    if len(weeks) > MAX_NAMED_WEEKS:  # a long horizon: week numbers only, the axis says 周 / Week
        x = [str(i + 1) for i in range(len(weeks))]
    else:
        x = [t("chart.week_label", lang, n=i + 1) if hi - lo + 1 == breakdown.DAYS_PER_WEEK
             else t("chart.week_label_partial", lang, n=i + 1, days=hi - lo + 1) for i, (lo, hi) in enumerate(weeks)]
    full = _money if what == "gmv" else _counts
    week_text = [t("chart.week_hover", lang, n=i + 1, first=lo, last=hi) for i, (lo, hi) in enumerate(weeks)]
    customdata = [[[week_text[w], v] for w, v in enumerate(full(row, lang))] for row in z]
    show_text = not narrow and len(weeks) <= MAX_HEATMAP_TEXT_WEEKS and z.size <= MAX_HEATMAP_TEXT_CELLS
    zmax = float(z.max(initial=0.0))
    ticks = nice_ticks(zmax, count=4)
    unit = t("chart.unit_yuan" if what == "gmv" else "chart.unit_viewers", lang)
    heat = dict(
        type="heatmap", z=[_floats(row) for row in z], x=x, y=accounts,
        colorscale=_scale("Greens" if what == "gmv" else "Blues"), zmin=0, zmax=max(zmax, 1.0),
        customdata=customdata, hovertemplate="%{y} · %{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        colorbar=dict(tickmode="array", tickvals=ticks, ticktext=tick_text(ticks, lang, "count"),
                      title=dict(text=unit, font=dict(family=FONT_FAMILY)), thickness=14),
        xgap=1, ygap=1,
    )
    if show_text:
        heat.update(text=[_counts(row, lang) for row in z], texttemplate="%{text}",
                    textfont=dict(family=FONT_FAMILY, size=11))
    title = t("matrix.heat_gmv_title" if what == "gmv" else "matrix.heat_pv_title", lang)
    xaxis = dict(title=axis_title(t("chart.axis_week", lang)), showgrid=False, tickangle=0, type="category")
    margin = dict(l=90, r=30, t=60, b=60)
    if narrow:
        every = math.ceil(len(weeks) / NARROW_MAX_WEEK_TICKS)
        shown = list(range(0, len(weeks), every))
        xaxis.update(tickmode="array", tickvals=[x[i] for i in shown], ticktext=[str(i + 1) for i in shown])
        heat["colorbar"].update(thickness=10)
        margin = dict(l=8, r=8, t=60, b=50)  # the y axis widens it to fit the account names
    spec = layout(title, height=max(260, 120 + 34 * proj.accounts), legend=False, margin=margin,
                  xaxis=xaxis, yaxis=dict(autorange="reversed", showgrid=False, automargin=True))
    if narrow:  # a long title ("Weekly viewers per account (UV, summed over sessions)") fits 390 px
        spec["title"]["font"]["size"] = NARROW_TITLE_SIZE
    return spec_figure([heat], spec)


def flow_sankey(proj: Projection, lang: str) -> go.Figure:
    """Where viewers come from: each source into the flagship and into the satellites, then
    into each satellite its own viewers and the flagship's hand-off (大号带小号).

    Sources on the left, the flagship and the satellites together in the middle, each
    satellite on the right, so the picture stays readable for twenty accounts."""
    flows = breakdown.flow_summary(proj)
    sources = [s for s in SOURCES if any(f["kind"] == "source" and f["src"] == s for f in flows)]
    satellites = list(range(1, proj.accounts))
    nodes = [*sources, 0, "satellites", *satellites]
    index = {("src", s): i for i, s in enumerate(sources)}
    index[("acc", 0)] = len(sources)
    index[("sat", "all")] = len(sources) + 1
    for k, a in enumerate(satellites):
        index[("acc", a)] = len(sources) + 2 + k
    labels = ([source_label(s, lang) for s in sources] + [account_name(0, lang), t("chart.satellites_node", lang)]
              + [account_name(a, lang) for a in satellites])
    colors = ([SOURCE_COLORS[s] for s in sources] + [FLAGSHIP_COLOR, SATELLITE_COLOR]
              + [SATELLITE_COLOR] * len(satellites))
    x = [0.001] * len(sources) + [0.4, 0.4] + [0.999] * len(satellites)

    def node(ref) -> int:
        if ref in sources:
            return index[("src", ref)]
        if ref == "satellites":
            return index[("sat", "all")]
        return index[("acc", ref)]

    src, dst, value, link_colors, hover = [], [], [], [], []
    for f in flows:
        i, j = node(f["src"]), node(f["dst"])
        if f["kind"] == "source":
            color = rgba(SOURCE_COLORS[f["src"]], 0.35)
        elif f["kind"] == "handoff":
            color = rgba(HANDOFF_COLOR, 0.7)
        else:
            color = rgba(SATELLITE_COLOR, 0.25)
        src.append(i)
        dst.append(j)
        value.append(float(f["value"]))
        link_colors.append(color)
        kind = t("chart.handoff_node", lang) + " · " if f["kind"] == "handoff" else ""
        hover.append(f"{kind}{labels[i]} → {labels[j]}: {fmt.count(f['value'], lang)}")
    inflow, outflow = [0.0] * len(nodes), [0.0] * len(nodes)
    for i, j, v in zip(src, dst, value, strict=True):
        outflow[i] += v
        inflow[j] += v
    node_hover = [f"{labels[i]}: {fmt.count(max(inflow[i], outflow[i]), lang)}" for i in range(len(nodes))]
    # Drop the satellites' node when there are none (one account).
    keep = [i for i in range(len(nodes)) if inflow[i] or outflow[i] or nodes[i] == 0]
    remap = {old: new for new, old in enumerate(keep)}
    sankey = dict(
        type="sankey", arrangement="perpendicular",
        node=dict(label=[labels[i] for i in keep], color=[colors[i] for i in keep], pad=14, thickness=16,
                  x=[x[i] for i in keep], customdata=[node_hover[i] for i in keep],
                  hovertemplate="%{customdata}<extra></extra>"),
        link=dict(source=[remap[i] for i in src], target=[remap[j] for j in dst], value=value,
                  color=link_colors, customdata=hover, hovertemplate="%{customdata}<extra></extra>"),
        textfont=dict(family=FONT_FAMILY, size=13, color=TEXT_COLOR),
    )
    spec = layout(t("matrix.sankey_title", lang), height=max(380, 120 + 30 * proj.accounts), legend=False,
                     margin=dict(l=20, r=20, t=60, b=20))
    return spec_figure([sankey], spec)


def stage_chart(proj: Projection, lang: str) -> go.Figure:
    """Viewers of each account's sessions (log scale), with the whole-session thresholds of the
    later stages; the hover gives viewers two hours in and the session's stage, from which the
    early stages are read."""
    viewers = breakdown.session_viewers(proj)  # (A, T), NaN on days without a session
    early = breakdown.session_viewers(proj, early=True)
    stage = breakdown.stage_timeline(proj)
    days = list(range(1, proj.days + 1))
    day_text = _day_labels(days, lang)
    finite = viewers[np.isfinite(viewers)]
    lo = max(10.0, 10 ** math.floor(math.log10(max(float(finite.min(initial=50.0)), 1.0))))
    hi = 10 ** math.ceil(math.log10(max(float(finite.max(initial=1000.0)), 1000.0) * 1.5))
    shapes, annotations = [], []
    for i, measure, lower, _ in breakdown.stage_bands():
        if measure != "session" or not lo < lower < hi:
            continue
        shapes.append(dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=lower, y1=lower,
                           line=dict(color="#868e96", width=1, dash="dash"), layer="below"))
        annotations.append(dict(x=1.0, xref="paper", xanchor="right", yanchor="bottom", y=math.log10(lower),
                                yref="y", text=stage_label(i, lang), showarrow=False,
                                font=dict(family=FONT_FAMILY, size=12, color="#495057")))
    data = []
    for a in range(proj.accounts):
        name = account_name(a, lang)
        stages = [stage_label(int(s), lang) for s in stage[a]]
        data.append(dict(
            type="scatter", x=days, y=_floats(viewers[a]), name=name, mode="lines+markers",
            marker=dict(size=4), connectgaps=True,
            line=dict(color=account_line(a)[0], dash=account_line(a)[1], width=3 if a == 0 else 1.8),
            customdata=[list(row) for row in zip(day_text, _counts(viewers[a], lang), _counts(early[a], lang),
                                                 stages, strict=True)],
            hovertemplate=name + " · %{customdata[0]}: %{customdata[1]} · "
                          + t("matrix.stage_measure_2h", lang) + " %{customdata[2]} · %{customdata[3]}<extra></extra>",
        ))
    decades = [10 ** k for k in range(int(round(math.log10(lo))), int(round(math.log10(hi))) + 1)]
    spec = layout(
        t("matrix.stage_title", lang), legend=proj.accounts > 1, shapes=shapes, annotations=annotations,
        xaxis=dict(title=axis_title(t("chart.axis_day", lang)), range=[1, max(proj.days, 2)], gridcolor=GRID_COLOR),
        yaxis=dict(type="log", range=[math.log10(lo), math.log10(hi)],
                   title=axis_title(t("chart.axis_viewers_session", lang)), tickmode="array", tickvals=decades,
                   ticktext=tick_text(decades, lang, "count"), gridcolor=GRID_COLOR),
    )
    return spec_figure(data, spec)
