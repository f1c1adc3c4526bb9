"""投流 Budget page: its strings and figures. Pure functions from ``planner.budget`` results to
``plotly.graph_objects.Figure`` and rows; no streamlit here, so everything is testable without a
server. Chinese first; the CJK font leads the layout font; axes carry their units; hover text
is pre-formatted with ``planner.fmt``.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from planner import fmt
from planner.budget import Curve, Goal, Plan
from planner.engine import SOURCE_LABELS, TOOLS, Projection
from planner.params import BY_KEY
from planner.report import account_name

from .charts import FONT_FAMILY, SOURCE_COLORS, tick_label
from .i18n import translator

PAGE_TITLE = ("投流预算", "投流 Budget")
BREAKEVEN_COLOR = "#E03131"
GMV_COLOR = "#1F6FEB"
PROFIT_COLOR = "#07C160"
MUTED = "#6C757D"

STRINGS: dict[str, tuple[str, str]] = {
    "title": ("投流预算", "投流 Budget (paid traffic)"),
    "caption": ("下一笔投流该投哪里、投流到底值不值：以下数字全部由同一个模型逐日模拟得出（含私域沉淀、权重、"
                "自然流量溢出）。预算按“元/天”计，在整个预测期内每天花出。",
                "Where should the next 元 of paid traffic go, and is it worth it at all? Every number "
                "below comes from the same day-by-day model (captured buyers, account weight, natural "
                "spill-over). Budgets are 元 a day, spent every day of the horizon."),
    "curves_title": ("响应曲线：每个工具多花一元能带来什么", "Response curves: what one more 元 on each tool buys"),
    "curves_caption": ("横轴是该工具每天的总消耗（其余参数保持当前值）。边际ROI = 下一元带来的GMV；红色虚线为保本线："
                       "利润 = 净成交 × 毛利率 − 投流消耗 = 0，即边际ROI ≥ {be} 时下一元才赚钱。",
                       "The x axis is the tool's daily spend (everything else as now). Marginal ROI = GMV of the "
                       "next 元; the red dashed line is break-even: profit = net GMV × margin − spend = 0, so "
                       "the next 元 pays only while the marginal ROI is at least {be}."),
    "curve_summary": ("当前 {now}/天：下一元带来 GMV {mroi} 元（保本 {be}）。{payback}",
                      "Now {now}/day: the next 元 brings {mroi} 元 GMV (break-even {be}). {payback}"),
    "payback_at": ("超过 {spend}/天 后，下一元不再赚钱。", "Beyond {spend}/day the next 元 no longer pays."),
    "payback_never_here": ("在图示范围内每一元都赚钱。", "Every 元 pays within the range shown."),
    "payback_zero": ("从第一元起就不赚钱。", "It does not pay from the first 元."),
    "row_viewers": ("观看人数（UV，预测期逐场累计）", "Viewers (UV, horizon total over sessions)"),
    "row_money": ("GMV 与利润（预测期合计，元）", "GMV and profit (horizon total, 元)"),
    "row_mroi": ("边际ROI（下一元带来的GMV）", "Marginal ROI (GMV of the next 元)"),
    "axis_spend": ("{tool}日消耗（元/天）", "{tool} daily spend (元/day)"),
    "axis_viewers": ("人（UV）", "viewers (UV)"),
    "axis_money": ("元", "元"),
    "axis_roi": ("GMV/元", "GMV per 元"),
    "trace_paid": ("{tool}观看", "{tool} viewers"),
    "trace_all": ("全部场观", "All viewers"),
    "trace_gmv": ("GMV", "GMV"),
    "trace_profit": ("投流后利润", "Profit after spend"),
    "trace_breakeven_gmv": ("保本GMV（利润=0）", "Break-even GMV (profit = 0)"),
    "trace_mroi": ("边际ROI", "Marginal ROI"),
    "trace_breakeven_roi": ("保本边际ROI", "Break-even marginal ROI"),
    "current": ("当前", "now"),
    "payback": ("保本点", "break-even"),
    "curve_title": ("{tool}：响应曲线", "{tool}: response curve"),
    "opt_title": ("预算优化：把钱分到工具和账号", "Optimiser: split the budget over tools and accounts"),
    "mode": ("问题", "Question"),
    "mode_fixed": ("固定预算怎么分", "How to split a fixed budget"),
    "mode_incremental": ("再加一笔钱投哪里", "Where the next 元 should go"),
    "mode_target_gmv": ("达到GMV目标最少要多少预算", "Smallest budget to reach a GMV target"),
    "mode_min_roi": ("ROI不低于下限时GMV最大", "Largest GMV with ROI at or above a floor"),
    "budget_fixed": ("每日预算（元/天）", "Daily budget (元/day)"),
    "budget_incremental": ("新增预算（元/天，在今天的分配之上）", "Extra budget (元/day, on top of today's split)"),
    "budget_ceiling": ("预算上限（元/天）", "Budget ceiling (元/day)"),
    "objective": ("优化目标", "Objective"),
    "objective_gmv": ("净成交（退货后GMV）", "Net GMV (after returns)"),
    "objective_profit": ("投流后利润", "Profit after spend"),
    "up_to": ("预算只是上限（不赚钱就少花）", "Budget is a ceiling (spend less if it does not pay)"),
    "target_gmv": ("GMV目标（预测期合计，元）", "GMV target (horizon total, 元)"),
    "min_roi": ("ROI下限（GMV÷投流消耗）", "ROI floor (GMV ÷ paid spend)"),
    "bounds": ("每个工具的上下限（元/天，留空=不限）", "Per-tool bounds (元/day; empty = none)"),
    "min_of": ("{tool}下限", "{tool} minimum"),
    "max_of": ("{tool}上限", "{tool} maximum"),
    "bean_step": ("微信豆按500豆一单加热：按当前iOS充值占比，每单 {step}。",
                  "Beans heat in orders of 500: at the current iOS share, one order costs {step}."),
    "result_title": ("优化结果", "Result"),
    "kpi_col": ("指标", "KPI"),
    "before": ("当前", "Before"),
    "after": ("优化后", "After"),
    "change": ("变化", "Change"),
    "alloc_title": ("分配（元/天，按被加热账号）", "Allocation (元/day, by account heated)"),
    "col_account": ("账号", "Account"),
    "col_launch": ("开播日", "Launch day"),
    "col_orders": ("微信豆加热单/天", "Bean orders/day"),
    "col_next": ("下一元边际ROI", "Next 元 marginal ROI"),
    "total": ("合计", "Total"),
    "apply": ("采用这个分配", "Use this allocation"),
    "apply_help": ("把侧边栏的广点通、微信豆、流量券日消耗改为优化结果，并把每个账号的份额写进链接。",
                   "Set the sidebar's Tencent Ads, beans and coupons spend to this result and write each "
                   "account's share into the link."),
    "applied": ("已采用：侧边栏和地址栏现在就是这个分配。", "Applied: the sidebar and the address bar now hold this allocation."),
    "not_reached": ("未达到：", "Not reached: "),
    "next_best": ("每天再多一元预算最该投：{account} · {tool}，预测期GMV再增加 {gain}（实际每花一元带来 {mroi} 元GMV）。",
                  "One more 元 a day is best spent on {account} · {tool}: {gain} more GMV over the horizon "
                  "({mroi} 元 GMV per 元 actually spent)."),
    "after_curves": ("优化后的响应曲线", "Response curves after optimising"),
    "alloc_chart": ("每个账号的日预算", "Daily budget per account"),
    "cum_chart": ("累计GMV：当前 vs 优化后", "Cumulative GMV: before vs after"),
    "axis_day": ("第几天", "Day"),
    "axis_yuan_day": ("元/天", "元/day"),
    "axis_cum_gmv": ("累计GMV（元）", "Cumulative GMV (元)"),
    "goal_title": ("单变量反推：要达到GMV目标，某个参数要到多少", "Goal seek: what one parameter must be to reach a GMV target"),
    "goal_param": ("参数", "Parameter"),
    "goal_gmv": ("GMV目标（元）", "GMV target (元)"),
    "goal_day": ("到第几天（留空=预测期末）", "By day (empty = end of horizon)"),
    "goal_found": ("{param} 需要 {value}（当前 {current}）。", "{param} needs to be {value} (now {current})."),
    "goal_apply": ("采用这个取值", "Use this value"),
    "goal_chart": ("第 {day} 天累计GMV 随 {param} 变化", "GMV by day {day} against {param}"),
    "goal_target": ("目标", "target"),
    "goal_answer": ("答案", "answer"),
    "error": ("无法计算：{msg}", "Cannot compute: {msg}"),
    "note": ("注：{text}", "Note: {text}"),
}

KPI_ROWS: tuple[tuple[str, str, str], ...] = (
    ("gmv", "GMV", "GMV"),
    ("net_gmv", "退货后净成交", "Net GMV"),
    ("profit", "投流后利润", "Profit after spend"),
    ("spend", "投流消耗（预测期合计）", "Paid spend (horizon)"),
    ("roi", "投产比 ROI", "ROI"),
    ("pv", "观看人数(UV)", "Viewers (UV)"),
)


bt = translator(STRINGS)  # the page's string ``key`` in ``lang`` with ``values`` filled in


def tool_name(tool: str, lang: str) -> str:
    return SOURCE_LABELS["zh" if lang == "zh" else "en"][tool]


def _layout(fig: go.Figure, title: str, height: int, legend: bool = True) -> go.Figure:
    fig.update_layout(
        template="plotly_white",
        font=dict(family=FONT_FAMILY, size=13, color="#1f2328"),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=13)),
        title=dict(text=title, x=0.0, xanchor="left", y=0.99, yanchor="top", font=dict(family=FONT_FAMILY, size=16)),
        height=height,
        margin=dict(l=80, r=30, t=100, b=60),
        showlegend=legend,
        legend=dict(orientation="h", x=0.0, xanchor="left", y=1.0, yanchor="bottom",
                    font=dict(family=FONT_FAMILY, size=12)),
        separators=".,",
    )
    fig.update_annotations(font=dict(family=FONT_FAMILY, size=13))
    return fig


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round ticks covering [min(lo, 0), hi]: 1, 2, 2.5 or 5 × a power of ten."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    span = hi - lo
    if not math.isfinite(span) or span <= 0:
        return [0.0, 1.0]
    raw = span / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    return [i * step for i in range(first, last + 1)]


def _axis(fig, values, lang: str, axis: str = "y", **where) -> None:
    finite = [float(v) for v in np.ravel(values) if math.isfinite(float(v))]
    ticks = _ticks(min(finite, default=0.0), max(finite, default=1.0))
    pad = 0.02 * (ticks[-1] - ticks[0])
    kw = dict(tickmode="array", tickvals=ticks, ticktext=[tick_label(v, lang) for v in ticks],
              range=[ticks[0] - (pad if ticks[0] < 0 else 0), ticks[-1] + pad], **where)
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(**kw)


def curve_figure(curve: Curve, lang: str) -> go.Figure:
    """Three panels over the tool's daily spend: viewers; GMV, profit and the break-even GMV;
    the marginal ROI and its break-even line. The scenario's own spend is marked on each."""
    tool = tool_name(curve.tool, lang)
    color = SOURCE_COLORS[curve.tool]
    x = curve.spend
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.09,
                        subplot_titles=[bt("row_viewers", lang), bt("row_money", lang), bt("row_mroi", lang)])
    spend_text = [fmt.money(v, lang) + ("/天" if lang == "zh" else "/day") for v in x]

    def line(y, name, row, col, dash=None, text=None, width=2.5):
        text = text if text is not None else [fmt.count(v, lang) for v in y]
        fig.add_trace(go.Scatter(
            x=x, y=y, name=name, mode="lines", line=dict(color=col, width=width, dash=dash),
            customdata=np.column_stack([spend_text, text]),
            hovertemplate="%{customdata[0]} · " + name + ": %{customdata[1]}<extra></extra>"), row=row, col=1)

    line(curve.paid_viewers, bt("trace_paid", lang, tool=tool), 1, color)
    line(curve.viewers, bt("trace_all", lang), 1, MUTED, width=1.5)
    money = [fmt.money(v, lang) for v in curve.gmv]
    line(curve.gmv, bt("trace_gmv", lang), 2, GMV_COLOR, text=money)
    line(curve.profit, bt("trace_profit", lang), 2, PROFIT_COLOR, text=[fmt.money(v, lang) for v in curve.profit])
    line(curve.breakeven_gmv, bt("trace_breakeven_gmv", lang), 2, BREAKEVEN_COLOR, dash="dash", width=1.5,
         text=[fmt.money(v, lang) for v in curve.breakeven_gmv])
    mroi = np.where(np.isfinite(curve.marginal_roi), curve.marginal_roi, np.nan)
    line(mroi, bt("trace_mroi", lang), 3, color, text=[fmt.roi(v) for v in mroi])
    if math.isfinite(curve.breakeven_roi):
        line(np.full_like(x, curve.breakeven_roi), bt("trace_breakeven_roi", lang), 3, BREAKEVEN_COLOR,
             dash="dash", width=1.5, text=[fmt.roi(curve.breakeven_roi)] * len(x))
    i = curve.current
    for row, y in ((1, curve.paid_viewers), (2, curve.gmv), (3, mroi)):
        fig.add_trace(go.Scatter(
            x=[x[i]], y=[y[i]], mode="markers", marker=dict(size=11, color="#111827", symbol="diamond"),
            name=bt("current", lang), showlegend=row == 1, legendgroup="current",
            hovertemplate=bt("current", lang) + ": " + spend_text[i] + "<extra></extra>"), row=row, col=1)
    for row in (1, 2, 3):
        fig.add_vline(x=x[i], line=dict(color="#111827", width=1, dash="dot"), row=row, col=1)
        if curve.payback_spend is not None and curve.payback_spend > 0:
            fig.add_vline(x=curve.payback_spend, line=dict(color=BREAKEVEN_COLOR, width=1, dash="dot"),
                          row=row, col=1)
    _axis(fig, np.concatenate([curve.paid_viewers, curve.viewers]), lang, row=1, col=1)
    _axis(fig, np.concatenate([curve.gmv, curve.profit, curve.breakeven_gmv[np.isfinite(curve.breakeven_gmv)]]),
          lang, row=2, col=1)
    _axis(fig, np.concatenate([mroi[np.isfinite(mroi)], [curve.breakeven_roi] if math.isfinite(curve.breakeven_roi)
                               else []]), lang, row=3, col=1)
    fig.update_yaxes(title_text=bt("axis_viewers", lang), row=1, col=1)
    fig.update_yaxes(title_text=bt("axis_money", lang), row=2, col=1)
    fig.update_yaxes(title_text=bt("axis_roi", lang), row=3, col=1)
    _axis(fig, x, lang, axis="x")
    fig.update_xaxes(title_text=bt("axis_spend", lang, tool=tool), row=3, col=1)
    for ann in fig.layout.annotations:  # subplot titles on the left, clear of the traces
        ann.update(x=0.0, xanchor="left")
    _layout(fig, bt("curve_title", lang, tool=tool), height=780)
    fig.update_layout(margin=dict(l=80, r=30, t=60, b=130),
                      legend=dict(orientation="h", x=0.0, xanchor="left", y=-0.1, yanchor="top"))
    return fig


def curve_summary(curve: Curve, lang: str) -> str:
    """One sentence under a curve: the marginal ROI now and where the next 元 stops paying."""
    i = curve.current
    m = curve.marginal_roi[i]
    if curve.payback_spend is None:
        payback = bt("payback_never_here", lang)
    elif curve.payback_spend <= 0:
        payback = bt("payback_zero", lang)
    else:
        payback = bt("payback_at", lang, spend=fmt.money(curve.payback_spend, lang))
    return bt("curve_summary", lang, now=fmt.money(curve.spend[i], lang), mroi=fmt.roi(m),
              be=fmt.roi(curve.breakeven_roi), payback=payback)


def kpi_rows(plan: Plan, lang: str) -> list[dict[str, str]]:
    """Before, after and change of the headline KPIs, formatted."""
    def show(key, v):
        if v is None:
            return fmt.DASH
        if key == "roi":
            return fmt.roi(v)
        return fmt.count(v, lang) if key == "pv" else fmt.money(v, lang)

    rows = []
    for key, zh, en in KPI_ROWS:
        a, b = plan.before.get(key), plan.after.get(key)
        if a is None or b is None:
            change = fmt.DASH
        elif key == "roi":
            change = f"{b - a:+.2f}" if round(b - a, 2) else "0"
        elif abs(b - a) < 0.5:  # nothing to show but rounding noise
            change = "0"
        else:
            change = ("+" if b > a else "") + show(key, b - a)
        rows.append({bt("kpi_col", lang): zh if lang == "zh" else en, bt("before", lang): show(key, a),
                     bt("after", lang): show(key, b), bt("change", lang): change})
    return rows


def allocation_rows(plan: Plan, lang: str) -> list[dict[str, str]]:
    """Per account (heated): daily 元 per tool, bean orders, the next 元's best marginal ROI."""
    doc = plan.to_dict()
    rows = []
    for r in doc["allocation_by_account"]:
        best = max((v for v in r["marginal_roi"].values() if v is not None), default=None)
        rows.append({
            bt("col_account", lang): account_name(r["account"], lang),
            bt("col_launch", lang): str(r["launch_day"]),
            **{tool_name(t, lang): fmt.number(r[t], 0) for t in TOOLS},
            bt("col_orders", lang): fmt.number(r["bean_orders"], 0),
            bt("col_next", lang): fmt.roi(best),
        })
    rows.append({
        bt("col_account", lang): bt("total", lang), bt("col_launch", lang): "",
        **{tool_name(t, lang): fmt.number(doc["allocation"][t], 0) for t in TOOLS},
        bt("col_orders", lang): fmt.number(sum(r["bean_orders"] for r in doc["allocation_by_account"]), 0),
        bt("col_next", lang): "",
    })
    return rows


def next_best(plan: Plan, lang: str) -> str | None:
    """Where one more 元 a day returns most GMV over the horizon, by the engine at the result."""
    best = plan.next_best()
    if best is None:
        return None
    a, k, gain, m = best
    return bt("next_best", lang, account=account_name(a, lang), tool=tool_name(TOOLS[k], lang),
              gain=fmt.money(gain, lang), mroi=fmt.roi(m))


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
    fig.update_yaxes(title_text=bt("axis_yuan_day", lang))
    _axis(fig, plan.allocation.sum(axis=1), lang)
    return _layout(fig, bt("alloc_chart", lang), height=380)


def cumulative_figure(before: Projection, after: Projection, lang: str) -> go.Figure:
    """Cumulative GMV by day of the scenario as it is and with the optimised allocation."""
    fig = go.Figure()
    top = 0.0
    for proj, key, color, dash in ((before, "before", MUTED, "dash"), (after, "after", GMV_COLOR, None)):
        cum = np.cumsum(proj.gmv[0].sum(axis=(1, 2)))
        top = max(top, float(cum[-1]))
        days = np.arange(1, len(cum) + 1)
        name = bt(key, lang)
        fig.add_trace(go.Scatter(
            x=days, y=cum, name=name, mode="lines", line=dict(color=color, width=2.5, dash=dash),
            customdata=[fmt.money(v, lang) for v in cum],
            hovertemplate=bt("axis_day", lang) + " %{x} · " + name + ": %{customdata}<extra></extra>"))
    fig.update_xaxes(title_text=bt("axis_day", lang))
    fig.update_yaxes(title_text=bt("axis_cum_gmv", lang))
    _axis(fig, [0, top], lang)
    return _layout(fig, bt("cum_chart", lang), height=380)


def goal_figure(goal: Goal, lang: str) -> go.Figure:
    """GMV by the target day over the parameter's range, the target, the answer and today's value."""
    p = BY_KEY[goal.key]
    label = p.label(lang)

    def value_text(v):
        return fmt.percent(v, 2) if p.percent else (f"{v:,.0f}" if p.integer else f"{v:,.4g}")

    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=goal.grid, y=goal.grid_gmv, mode="lines+markers", name="GMV", line=dict(color=GMV_COLOR, width=2.5),
        marker=dict(size=5), customdata=np.column_stack([[value_text(v) for v in goal.grid],
                                                          [fmt.money(v, lang) for v in goal.grid_gmv]]),
        hovertemplate=label + " %{customdata[0]}: %{customdata[1]}<extra></extra>"))
    fig.add_hline(y=goal.target, line=dict(color=BREAKEVEN_COLOR, width=1.5, dash="dash"),
                  annotation_text=bt("goal_target", lang) + " " + fmt.money(goal.target, lang),
                  annotation_position="top left")
    fig.add_trace(go.Scatter(x=[goal.current_value], y=[goal.current_gmv], mode="markers", name=bt("current", lang),
                             marker=dict(size=11, color="#111827", symbol="diamond"),
                             hovertemplate=bt("current", lang) + ": " + value_text(goal.current_value)
                             + "<extra></extra>"))
    if goal.value is not None:
        fig.add_trace(go.Scatter(x=[goal.value], y=[goal.gmv], mode="markers", name=bt("goal_answer", lang),
                                 marker=dict(size=13, color=PROFIT_COLOR, symbol="star"),
                                 hovertemplate=bt("goal_answer", lang) + ": " + value_text(goal.value)
                                 + "<extra></extra>"))
    unit = p.unit(lang)
    if p.percent:
        fig.update_xaxes(tickformat=".1%")
        unit = "%"
    else:
        _axis(fig, goal.grid, lang, axis="x")
    fig.update_xaxes(title_text=f"{label}（{unit}）" if lang == "zh" else f"{label} ({unit})")
    fig.update_yaxes(title_text=bt("axis_money", lang))
    _axis(fig, np.concatenate([goal.grid_gmv, [goal.target]]), lang)
    return _layout(fig, bt("goal_chart", lang, day=goal.day, param=label), height=400)
