"""The overview's two time series as ECharts options (``st.echarts_chart``), not Plotly.

Why: the overview is redrawn on every slider move. Streamlit draws Plotly through a 4.7 MB
bundle and remounts each chart whenever its figure changes, which cost ~1.5 s on a fresh load
and ~50 ms per chart per move here (``benchmarks/app_speed.py``). ECharts ships with
Streamlit (no new dependency), draws on a canvas, updates the chart it has, and was built
for Chinese text. The toolbox's camera saves a 2× PNG under the same meaningful file name as
every other chart. The other pages and the projection card keep Plotly.

Options are plain JSON (no JavaScript callbacks), so values are scaled to one unit per chart
(元, 万元 or 亿元; K or M in English), named on the axis and in the tooltip.
"""

from __future__ import annotations

import numpy as np

from planner import breakdown
from planner.engine import SOURCES, Projection
from planner.text import t

from .i18n import source_label
from .theme import FONT_FAMILY, GRID_COLOR, HANDOFF_COLOR, INK, SOURCE_COLORS, TEXT_COLOR, scale_for
from .theme import HEIGHT as HEIGHT  # the page draws both charts this tall

# On a phone the overview's charts are folded (pages/overview.py): the expander's key, open or not.
CHARTS_OPEN = "overview_charts_open"

# The overview's axes go up to 亿 in Chinese but stop at M in English (no "B yuan"): a day's
# GMV or viewers are far from a billion, and the tests pin it. Other charts' ticks use B.
LARGEST_SCALE = 1e8


def units(vmax: float, lang: str, kind: str) -> tuple[float, str, str]:
    """(scale, axis name, tooltip number format) for money ("gmv") or viewers ("pv") up to
    ``vmax``: (1e4, "GMV（万元/天）", "%,.2f 万元") / (1e3, "Viewers (K per day)", "%,.2f K viewers")."""
    size, unit = scale_for(vmax, lang, largest=LARGEST_SCALE)
    digits = 2 if size > 1 else 0
    # "{unit} yuan" without a unit is " yuan": strip the space it leaves
    noun = t("overview.money_noun" if kind == "gmv" else "overview.viewers_noun", lang, unit=unit).strip()
    if kind == "gmv":
        axis = t("overview.axis_gmv", lang, noun=noun)
    else:
        axis = t("overview.axis_pv_scaled", lang, unit=unit) if unit else t("overview.axis_pv", lang)
    return size, axis, f"%,.{digits}f {noun}"


def _scaled(values, size: float) -> list[float]:
    return [round(float(v) / size, 6) for v in np.ravel(values)]


def _base(title: str, filename: str, lang: str, days: list[int], y_name: str) -> dict:
    return {
        "animation": False,
        "backgroundColor": "#ffffff",
        "textStyle": {"fontFamily": FONT_FAMILY, "color": TEXT_COLOR},
        "title": {"text": title, "left": 0, "top": 0,
                  "textStyle": {"fontFamily": FONT_FAMILY, "fontSize": 16, "fontWeight": "normal",
                                "color": TEXT_COLOR}},
        "legend": {"left": 0, "top": 30, "textStyle": {"fontFamily": FONT_FAMILY}},
        "grid": {"left": 80, "right": 40, "top": 78, "bottom": 36},
        "tooltip": {"trigger": "axis", "confine": True},
        "toolbox": {"right": 8, "top": 0, "feature": {"saveAsImage": {
            "pixelRatio": 2, "name": filename, "type": "png",
            "title": t("chart.save_png", lang)}}},
        # Day names on the axis, so the tooltip's heading reads 第15天 / Day 15.
        "xAxis": {"type": "category", "data": [t("chart.day_hover", lang, day=d) for d in days],
                  "axisTick": {"alignWithLabel": True}},
        "yAxis": [_value_axis(y_name)],
    }


def _value_axis(name: str, **extra) -> dict:
    return {"type": "value", "name": name, "nameLocation": "middle", "nameGap": 58,
            "splitLine": {"lineStyle": {"color": GRID_COLOR}}, **extra}


def daily_gmv(proj: Projection, lang: str, filename: str) -> dict:
    """Daily GMV of the matrix, stacked by traffic source."""
    d = breakdown.daily_series(proj)
    gmv = d["gmv"]
    size, axis_name, number = units(float(d["gmv_total"].max(initial=0.0)), lang, "gmv")
    option = _base(t("overview.daily_gmv_title", lang), filename, lang, d["day"].tolist(), axis_name)
    option["tooltip"].update(axisPointer={"type": "shadow"}, valueFormatter=number)
    option["series"] = [
        {"type": "bar", "name": source_label(SOURCES[s], lang), "stack": "gmv", "barCategoryGap": "10%",
         "itemStyle": {"color": SOURCE_COLORS[SOURCES[s]]}, "data": _scaled(gmv[:, s], size)}
        for s in active_sources(gmv)
    ]
    return option


def traffic_mix(proj: Projection, lang: str, filename: str) -> dict:
    """Daily viewers per source as stacked areas, the public share on a second axis (0–100%),
    and the 80% benchmark of a mature room."""
    d = breakdown.daily_series(proj)
    days, pv = d["day"].tolist(), d["pv"]
    size, axis_name, number = units(float(d["pv_total"].max(initial=0.0)), lang, "pv")
    option = _base(t("overview.mix_title", lang), filename, lang, days, axis_name)
    option["grid"]["right"] = 80
    option["yAxis"].append(_value_axis(t("chart.axis_share", lang), min=0, max=100, interval=20, position="right",
                                       splitLine={"show": False}, axisLabel={"formatter": "{value}%"}))
    series = [
        {"type": "line", "name": source_label(SOURCES[s], lang), "stack": "pv", "symbol": "none",
         "lineStyle": {"width": 0.5, "color": SOURCE_COLORS[SOURCES[s]]},
         "itemStyle": {"color": SOURCE_COLORS[SOURCES[s]]},
         "areaStyle": {"color": SOURCE_COLORS[SOURCES[s]], "opacity": 1},
         "tooltip": {"valueFormatter": number}, "data": _scaled(pv[:, s], size)}
        for s in active_sources(pv)
    ]
    # No share on a day without a session (a gap, not a fall to 0%).
    share = [round(100 * float(v), 4) if total > 0 else None for v, total in zip(d["public_share"], d["pv_total"],
                                                                                strict=True)]
    bench = 100 * breakdown.PUBLIC_SHARE_BENCHMARK
    series += [
        # z above the areas: the lines run across them.
        {"type": "line", "name": t("chart.public_share", lang), "yAxisIndex": 1, "symbol": "none", "z": 4,
         "lineStyle": {"width": 2.5, "color": INK}, "itemStyle": {"color": INK},
         "tooltip": {"valueFormatter": "%.1f%%"}, "data": share},
        {"type": "line", "name": t("chart.benchmark", lang), "yAxisIndex": 1, "symbol": "none", "z": 4,
         "lineStyle": {"width": 1.5, "color": HANDOFF_COLOR, "type": "dashed"},
         "itemStyle": {"color": HANDOFF_COLOR}, "tooltip": {"valueFormatter": "%.0f%%"},
         "data": [bench] * len(days)},
    ]
    option["series"] = series
    return option


def active_sources(values: np.ndarray) -> list[int]:
    """Indices of the sources with any value; private and public are always kept."""
    return [s for s in range(len(SOURCES)) if s < 2 or float(np.abs(values[:, s]).sum()) > 0]
