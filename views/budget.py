"""投流 Budget page: its tables and figures (its words: ``planner.text``, ``budget_page.*``). Pure
functions from ``planner.budget`` results to ``plotly.graph_objects.Figure`` and rows; no
streamlit here, so everything is testable without a server. Chinese first; the CJK font leads
the layout font; axes carry their units; hover text is pre-formatted with ``planner.fmt``.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from planner import fmt, kpis
from planner.budget import Curve, Goal, Plan
from planner.engine import TOOLS, Projection
from planner.params import BY_KEY
from planner.report import account_name
from planner.text import t

from .i18n import source_label
from .theme import (
    BLUE,
    FONT_FAMILY,
    FONT_SIZE,
    GREEN,
    INK,
    MUTED,
    RED,
    SOURCE_COLORS,
    finite_span,
    layout,
    spec_figure,
    style,
)
from .theme import value_axis as _value_axis

BREAKEVEN_COLOR = RED
GMV_COLOR = BLUE
PROFIT_COLOR = GREEN


def tool_name(tool: str, lang: str) -> str:
    return source_label(tool, lang)


def _axis(values, lang: str) -> dict:
    """Round 万/K ticks over the finite ``values`` (and 0): an axis spec."""
    return _value_axis(*finite_span(np.ravel(values)), lang)


CURVE_ROWS, CURVE_ROW_GAP = 3, 0.09  # the curve's panels, one above the other; the gap between
# them as a share of the plot's height


def _row_domain(row: int) -> list[float]:
    """The vertical share of the plot that panel ``row`` (1 at the top) takes."""
    height = (1.0 - CURVE_ROW_GAP * (CURVE_ROWS - 1)) / CURVE_ROWS
    below = CURVE_ROWS - row
    bottom = sum([height] * below) + below * CURVE_ROW_GAP  # make_subplots' arithmetic, and like it
    return [bottom, min(1.0, bottom + height)]  # the top panel ends at 1.0, not 1.0000000000000002


def _row_axes(row: int) -> tuple[str, str]:
    """The x and y axes of panel ``row``, as traces and shapes name them ("x", "y" for the first)."""
    suffix = "" if row == 1 else str(row)
    return "x" + suffix, "y" + suffix


def _layout_key(axis: str) -> str:
    """The layout's name of a trace's axis: "x2" → "xaxis2"."""
    return axis[0] + "axis" + axis[1:]


def curve_figure(curve: Curve, lang: str) -> go.Figure:
    """Three panels over the tool's daily spend: viewers; GMV, profit and the break-even GMV;
    the marginal ROI and its break-even line. The scenario's own spend is marked on each.

    Written as a plain spec (``theme.spec_figure``), the panels laid out as ``make_subplots``
    with shared x axes lays them out: built trace by trace through Plotly's validation it took
    about 80 ms, and the 投流 page draws two on every slider move."""
    tool = tool_name(curve.tool, lang)
    color = SOURCE_COLORS[curve.tool]
    x = curve.spend
    spend_text = [t("budget_page.per_day", lang, money=fmt.money(v, lang)) for v in x]
    data: list[dict] = []

    def line(y, name, row, col, dash=None, text=None, width=2.5):
        text = text if text is not None else [fmt.count(v, lang) for v in y]
        xaxis, yaxis = _row_axes(row)
        data.append(dict(
            type="scatter", x=x, y=y, name=name, mode="lines",
            line=dict(color=col, width=width, **({"dash": dash} if dash else {})),
            customdata=np.column_stack([spend_text, text]),
            hovertemplate="%{customdata[0]} · " + name + ": %{customdata[1]}<extra></extra>", xaxis=xaxis, yaxis=yaxis))

    line(curve.paid_viewers, t("budget_page.trace_paid", lang, tool=tool), 1, color)
    line(curve.viewers, t("budget_page.trace_all", lang), 1, MUTED, width=1.5)
    money = [fmt.money(v, lang) for v in curve.gmv]
    line(curve.gmv, t("kpi.gmv", lang), 2, GMV_COLOR, text=money)
    line(curve.profit, t("kpi.profit", lang), 2, PROFIT_COLOR, text=[fmt.money(v, lang) for v in curve.profit])
    line(curve.breakeven_gmv, t("budget_page.trace_breakeven_gmv", lang), 2, BREAKEVEN_COLOR, dash="dash", width=1.5,
         text=[fmt.money(v, lang) for v in curve.breakeven_gmv])
    mroi = np.where(np.isfinite(curve.marginal_roi), curve.marginal_roi, np.nan)
    # The marginal ROI shares the tool's colour with its viewers (both are the tool's own), so it
    # is dotted, and the break-even ROI dash-dotted beside the break-even GMV's dashes: one look
    # per legend entry.
    line(mroi, t("budget_page.trace_mroi", lang), 3, color, dash="dot", text=[fmt.roi(v) for v in mroi])
    if math.isfinite(curve.breakeven_roi):
        line(np.full_like(x, curve.breakeven_roi), t("budget_page.trace_breakeven_roi", lang), 3, BREAKEVEN_COLOR,
             dash="dashdot", width=1.5, text=[fmt.roi(curve.breakeven_roi)] * len(x))
    i = curve.current
    for row, y in ((1, curve.paid_viewers), (2, curve.gmv), (3, mroi)):
        xaxis, yaxis = _row_axes(row)
        data.append(dict(
            type="scatter", x=[x[i]], y=[y[i]], mode="markers", marker=dict(size=11, color=INK, symbol="diamond"),
            name=t("budget_page.current", lang), showlegend=row == 1, legendgroup="current",
            hovertemplate=t("budget_page.current", lang) + ": " + spend_text[i] + "<extra></extra>",
            xaxis=xaxis, yaxis=yaxis))
    marks = [(x[i], INK)]  # the scenario's spend, and where the next 元 stops paying back
    if curve.payback_spend is not None and curve.payback_spend > 0:
        marks.append((curve.payback_spend, BREAKEVEN_COLOR))
    shapes = [dict(type="line", x0=at, x1=at, xref=_row_axes(row)[0], y0=0, y1=1, yref=_row_axes(row)[1] + " domain",
                   line=dict(color=mark_color, width=1, dash="dot"))
              for row in range(1, CURVE_ROWS + 1) for at, mark_color in marks]
    y_values = (np.concatenate([curve.paid_viewers, curve.viewers]),
                np.concatenate([curve.gmv, curve.profit, curve.breakeven_gmv[np.isfinite(curve.breakeven_gmv)]]),
                np.concatenate([mroi[np.isfinite(mroi)], [curve.breakeven_roi] if math.isfinite(curve.breakeven_roi)
                                else []]))
    y_titles = (t("budget_page.axis_viewers", lang), t("budget_page.axis_money", lang), t("budget_page.axis_roi", lang))
    row_titles = (t("budget_page.row_viewers", lang), t("budget_page.row_money", lang), t("budget_page.row_mroi", lang))
    spend_axis = _axis(x, lang)
    spec = layout(t("budget_page.curve_title", lang, tool=tool), height=780)
    spec.update(margin=dict(l=80, r=30, t=60, b=130), shapes=shapes,
                legend={**spec["legend"], "y": -0.1, "yanchor": "top"},
                # each panel's title on the left above it, clear of the traces, in the body font
                annotations=[dict(text=text, x=0.0, xanchor="left", xref="paper", y=_row_domain(row)[1], yanchor="bottom",
                                  yref="paper", showarrow=False, font=dict(family=FONT_FAMILY, size=FONT_SIZE))
                             for row, text in enumerate(row_titles, start=1)])
    last = _row_axes(CURVE_ROWS)[0]
    for row, (values, title) in enumerate(zip(y_values, y_titles, strict=True), start=1):
        xaxis, yaxis = _row_axes(row)
        shared = {} if row == CURVE_ROWS else {"matches": last, "showticklabels": False}
        spec[_layout_key(xaxis)] = dict(anchor=yaxis, domain=[0.0, 1.0], **shared, **spend_axis)
        spec[_layout_key(yaxis)] = dict(anchor=xaxis, domain=_row_domain(row), **_axis(values, lang),
                                        title=dict(text=title))
    spec[_layout_key(last)]["title"] = dict(text=t("budget_page.axis_spend", lang, tool=tool))
    return spec_figure(data, spec)


def curve_summary(curve: Curve, lang: str) -> str:
    """One sentence under a curve: the marginal ROI now and where the next 元 stops paying."""
    i = curve.current
    m = curve.marginal_roi[i]
    if curve.payback_spend is None:
        payback = t("budget_page.payback_never_here", lang)
    elif curve.payback_spend <= 0:
        payback = t("budget_page.payback_zero", lang)
    else:
        payback = t("budget_page.payback_at", lang, spend=fmt.money(curve.payback_spend, lang))
    return t("budget_page.curve_summary", lang, now=fmt.money(curve.spend[i], lang), mroi=fmt.roi(m),
              be=fmt.roi(curve.breakeven_roi), payback=payback)


def kpi_rows(plan: Plan, lang: str) -> list[dict[str, str]]:
    """Before, after and change of the headline KPIs (``planner.kpis.BUDGET``), formatted."""
    rows = []
    for key in kpis.BUDGET:
        a, b = plan.before.get(key), plan.after.get(key)
        rows.append({t("table.metric", lang): kpis.label(key, lang),
                     t("budget_page.before", lang): kpis.value_text(key, a, lang),
                     t("budget_page.after", lang): kpis.value_text(key, b, lang),
                     t("budget_page.change", lang): kpis.change_text(key, None if a is None or b is None else b - a,
                                                                     lang)})
    return rows


def allocation_rows(plan: Plan, lang: str) -> list[dict[str, str]]:
    """Per account (heated): daily 元 per tool, bean orders, the next 元's best marginal ROI."""
    doc = plan.to_dict()
    rows = []
    for r in doc["allocation_by_account"]:
        best = max((v for v in r["marginal_roi"].values() if v is not None), default=None)
        rows.append({
            t("table.account", lang): account_name(r["account"], lang),
            t("table.launch_day", lang): str(r["launch_day"]),
            **{tool_name(tool, lang): fmt.number(r[tool], 0) for tool in TOOLS},
            t("budget_page.col_orders", lang): fmt.number(r["bean_orders"], 0),
            t("budget_page.col_next", lang): fmt.roi(best),
        })
    rows.append({
        t("table.account", lang): t("table.total", lang), t("table.launch_day", lang): "",
        **{tool_name(tool, lang): fmt.number(doc["allocation"][tool], 0) for tool in TOOLS},
        t("budget_page.col_orders", lang): fmt.number(sum(r["bean_orders"] for r in doc["allocation_by_account"]), 0),
        t("budget_page.col_next", lang): "",
    })
    return rows


def mroi_note(plan: Plan, lang: str) -> str | None:
    """Why the table's marginal ROI differs by account after the split (``Plan.why_marginal_roi_differs``),
    or None when it does not."""
    reason = plan.why_marginal_roi_differs()
    if reason is None:
        return None
    if reason == "launch":
        days = t("app.list_separator", lang).join(
            t("budget_page.live_days_of", lang, account=account_name(r["account"], lang), days=r["live_days"])
            for r in plan.to_dict()["allocation_by_account"])
        return t("budget_page.mroi_launch", lang, days=days)
    return t("budget_page.mroi_granularity", lang, step=fmt.money(plan.bean_step, lang))


def next_best(plan: Plan, lang: str) -> str | None:
    """Where one more 元 a day returns most GMV over the horizon, by the engine at the result."""
    best = plan.next_best()
    if best is None:
        return None
    a, k, gain, m = best
    return t("budget_page.next_best", lang, account=account_name(a, lang), tool=tool_name(TOOLS[k], lang),
              gain=fmt.money(gain, lang), mroi=fmt.roi(m))


def largest_tool(plan: Plan) -> int:
    """The index in ``TOOLS`` of the tool the plan puts the most money on (the first on a tie)."""
    return int(np.argmax(plan.allocation.sum(axis=0)))


def allocation_figure(plan: Plan, lang: str) -> go.Figure:
    """Daily 元 per account heated, stacked by tool."""
    names = [account_name(a, lang) for a in range(len(plan.allocation))]
    fig = go.Figure()
    for k, tool in enumerate(TOOLS):
        y = plan.allocation[:, k]
        if not np.any(y > 0):
            continue
        name = tool_name(tool, lang)
        text = [fmt.money(v, lang) for v in y]
        fig.add_trace(go.Bar(x=names, y=y, name=name, marker_color=SOURCE_COLORS[tool], customdata=text,
                             hovertemplate="%{x} · " + name + ": %{customdata}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=t("budget_page.axis_yuan_day", lang))
    fig.update_yaxes(**_axis(plan.allocation.sum(axis=1), lang))
    return style(fig, t("budget_page.alloc_chart", lang), height=380)


def cumulative_figure(before: Projection, after: Projection, lang: str) -> go.Figure:
    """Cumulative GMV by day of the scenario as it is and with the optimised allocation."""
    fig = go.Figure()
    top = 0.0
    for proj, key, color, dash in ((before, "budget_page.before", MUTED, "dash"),
                                      (after, "budget_page.after", GMV_COLOR, None)):
        cum = np.cumsum(proj.gmv[0].sum(axis=(1, 2)))
        top = max(top, float(cum[-1]))
        days = np.arange(1, len(cum) + 1)
        name = t(key, lang)
        fig.add_trace(go.Scatter(
            x=days, y=cum, name=name, mode="lines", line=dict(color=color, width=2.5, dash=dash),
            customdata=[fmt.money(v, lang) for v in cum],
            hovertemplate=t("chart.day_hover", lang, day="%{x}") + " · " + name + ": %{customdata}<extra></extra>"))
    fig.update_xaxes(title_text=t("chart.axis_day", lang))
    fig.update_yaxes(title_text=t("budget_page.axis_cum_gmv", lang))
    fig.update_yaxes(**_axis([0, top], lang))
    return style(fig, t("budget_page.cum_chart", lang), height=380)


def goal_figure(goal: Goal, lang: str) -> go.Figure:
    """GMV by the target day over the parameter's range, the target, the answer and today's value."""
    p = BY_KEY[goal.key]
    label = p.label(lang)

    def value_text(v):
        return fmt.param_value(p, v, lang)  # without its unit: the axis title has it

    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=goal.grid, y=goal.grid_gmv, mode="lines+markers", name="GMV", line=dict(color=GMV_COLOR, width=2.5),
        marker=dict(size=5), customdata=np.column_stack([[value_text(v) for v in goal.grid],
                                                          [fmt.money(v, lang) for v in goal.grid_gmv]]),
        hovertemplate=label + " %{customdata[0]}: %{customdata[1]}<extra></extra>"))
    fig.add_hline(y=goal.target, line=dict(color=BREAKEVEN_COLOR, width=1.5, dash="dash"),
                  annotation_text=t("budget_page.goal_target", lang) + " " + fmt.money(goal.target, lang),
                  annotation_position="top left")
    fig.add_trace(go.Scatter(x=[goal.current_value], y=[goal.current_gmv], mode="markers", name=t("budget_page.current", lang),
                             marker=dict(size=11, color=INK, symbol="diamond"),
                             hovertemplate=t("budget_page.current", lang) + ": " + value_text(goal.current_value)
                             + "<extra></extra>"))
    if goal.value is not None:
        fig.add_trace(go.Scatter(x=[goal.value], y=[goal.gmv], mode="markers", name=t("budget_page.goal_answer", lang),
                                 marker=dict(size=13, color=PROFIT_COLOR, symbol="star"),
                                 hovertemplate=t("budget_page.goal_answer", lang) + ": " + value_text(goal.value)
                                 + "<extra></extra>"))
    unit = p.unit(lang)
    if p.percent:
        fig.update_xaxes(tickformat=".1%")
        unit = "%"
    else:
        fig.update_xaxes(**_axis(goal.grid, lang))
    fig.update_xaxes(title_text=t("app.label_with_unit", lang, label=label, unit=unit))
    fig.update_yaxes(title_text=t("budget_page.axis_money", lang))
    fig.update_yaxes(**_axis(np.concatenate([goal.grid_gmv, [goal.target]]), lang))
    style(fig, t("budget_page.goal_chart", lang, day=goal.day, param=label), height=400)
    fig.update_annotations(font=dict(family=FONT_FAMILY, size=FONT_SIZE))  # the target's label in the body font
    return fig
