"""The 对比 Compare page's figures and tables (its words: ``planner.text``, ``compare_page.*``).
Pure: no streamlit import.

Numbers come from ``planner.compare`` (KPIs and deltas, daily GMV, the Shapley waterfall of
the GMV difference); here they are only formatted and drawn.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from planner import compare, fmt, kpis
from planner.compare import visible_parts
from planner.link import Notice, from_query
from planner.presets import PRESETS
from planner.scenario import Scenario
from planner.text import t

from . import charts, page_keys
from .i18n import source_label
from .theme import BLUE, FONT_FAMILY, GREEN, LINE_GREY, ORANGE, RED, style, value_axis

SCENARIO_COLORS = (GREEN, BLUE, ORANGE)
SLOTS = compare.SLOTS


def kpi_frame(rows: list[dict], names: list[str], lang: str, per_days: int | None = None) -> pd.DataFrame:
    """KPI rows (``planner.compare.kpi_table``) as a table: a column per scenario, then each
    later scenario's change against the first (and in %). With ``per_days`` (averages, horizons
    differ) the spend is not labelled as the horizon's total."""
    out = []
    for row in rows:
        key = row["key"]
        name = t("compare_page.spend_average", lang) if per_days and key == "spend" else kpis.label(key, lang)
        item = {t("table.metric", lang): name}
        for name, value in zip(names, row["values"], strict=True):
            item[name] = kpis.value_text(key, value, lang)
        for i in range(1, len(names)):
            label = t("compare_page.delta_vs", lang, a=names[0], b=names[i])
            ratio = row["ratios"][i]
            change = kpis.change_text(key, row["deltas"][i], lang)
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
            customdata=np.column_stack([[t("chart.day_hover", lang, day=int(d)) for d in days], charts._money(gmv, lang)]),
            hovertemplate=name + " · %{customdata[0]}: %{customdata[1]}<extra></extra>"))
    fig.update_xaxes(title_text=t("chart.axis_day", lang), range=[1, max(len(daily["day"]), 2)])
    fig.update_yaxes(title_text=t("uncertainty_page.axis_money_day", lang, metric="GMV"))
    fig.update_yaxes(**value_axis(0.0, top, lang))
    fig = style(fig, t("compare_page.overlay_title", lang))
    fig.update_layout(hovermode="x unified")
    return fig


def part_label(part: dict, lang: str) -> str:
    return f"{source_label(part['source'], lang)} · {t('compare_page.factor_' + part['factor'], lang)}"


def waterfall(decomposition: dict, name_a: str, name_b: str, lang: str) -> go.Figure:
    """A's GMV, then each source's PV, CVR and AOV effect, then B's GMV (``planner.compare.decompose``)."""
    parts = visible_parts(decomposition)
    x = [t("compare_page.gmv_of", lang, name=name_a), *(part_label(p, lang) for p in parts), t("compare_page.gmv_of", lang, name=name_b)]
    y = [decomposition["gmv_a"], *(p["value"] for p in parts), decomposition["gmv_b"]]
    text = [fmt.money(y[0], lang), *(kpis.change_text("gmv", p["value"], lang) for p in parts),
            fmt.money(y[-1], lang)]
    fig = go.Figure(go.Waterfall(
        x=x, y=y, measure=["absolute", *(["relative"] * len(parts)), "total"], text=text,
        textposition="outside", cliponaxis=False, connector=dict(line=dict(color=LINE_GREY, width=1)),
        increasing=dict(marker=dict(color=GREEN)), decreasing=dict(marker=dict(color=RED)),
        totals=dict(marker=dict(color=BLUE)), customdata=text,
        hovertemplate="%{x}: %{customdata}<extra></extra>", textfont=dict(family=FONT_FAMILY, size=11)))
    running = np.cumsum([y[0], *y[1:-1]])
    fig.update_yaxes(**value_axis(float(min(running.min(), 0.0)), float(max(running.max(), y[-1])) * 1.08, lang))
    fig.update_yaxes(title_text=t("compare_page.axis_effect", lang))
    fig.update_xaxes(tickangle=-35 if len(x) > 6 else 0)
    fig = style(fig, t("compare_page.waterfall_title", lang, a=name_a, b=name_b), height=460, legend=False)
    fig.update_layout(margin=dict(l=70, r=30, t=70, b=120))
    return fig


def horizon_warning(projs: list, names: list[str], lang: str) -> str:
    """The line that says the horizons differ and what is compared instead of totals."""
    horizons = t("app.list_separator", lang).join(
        t("compare_page.horizon_of", lang, name=name, days=p.days) for name, p in zip(names, projs, strict=True))
    return t("compare_page.horizons_differ", lang, horizons=horizons, month=compare.MONTH_DAYS)


def per_day_text(projs: list, names: list[str], lang: str) -> str:
    """Each scenario's GMV per day, averaged over its own horizon."""
    parts = [t("compare_page.per_day_of", lang, name=name,
               gmv=fmt.money(compare.kpis(p, per_days=1)["gmv"], lang)) for name, p in zip(names, projs, strict=True)]
    return t("compare_page.per_day", lang, parts=t("app.list_separator", lang).join(parts))


def by_factor_text(decomposition: dict, lang: str) -> str:
    f = decomposition["by_factor"]
    return t("compare_page.by_factor", lang, **{k: kpis.change_text("gmv", v, lang) for k, v in f.items()})


# --- choosing what to compare ------------------------------------------------------------------

NONE, LINK, BASELINE = compare.NONE, compare.LINK, compare.BASELINE
SLOT_KEYS, SLOT_LINK_KEYS = compare.SLOT_KEYS, compare.SLOT_LINK_KEYS  # the pickers' and links' URL keys


def slot_options() -> list[str]:
    """What a comparison slot can hold: nothing, the baseline, a pasted link, or a preset (by name)."""
    return list(compare.slot_options())


def option_label(option: str, lang: str) -> str:
    return page_keys.compare_option_label(option, lang)


def resolve(option: str, link: str = "", baseline: Scenario | None = None) -> tuple[Scenario | None, list[Notice]]:
    """The scenario a slot holds, and the problems found in a pasted link (``from_query``:
    never raises). None for an empty slot, an empty link, or the baseline when none is pinned."""
    if option == BASELINE:
        return baseline, []
    if option == LINK:
        return from_query(link, other_keys=page_keys.APP_KEYS) if link.strip() else (None, [])
    if option in PRESETS:
        return PRESETS[option].scenario, []
    return None, []


def slot_name(slot: str, option: str, lang: str) -> str:
    """What a slot holds, for the caption under the pickers: "A = 当前场景", "B = 预设：…"."""
    if option == "current":
        what = t("compare_page.slot_current", lang).split("·", 1)[-1].strip()
    else:
        what = option_label(option, lang) if option != LINK else t("compare_page.slot_pasted", lang)
    return f"{slot} = {what}"
