"""校准 Calibrate page: its strings, tables, figures, downloads and callbacks.

Everything is computed by ``planner.calibration``; here it is only formatted and drawn. Text
from the merchant's file (account names, the cells quoted in error messages) is never rendered
as Markdown or HTML: messages go to ``st.code``, names to dataframes and charts as plain text,
and downloads go through ``views.exports.safe_text`` so no cell starts a formula.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from openpyxl import Workbook

from planner import fmt
from planner.calibration import Calibration, FileProblems, calibrate, read_sessions, schema_rows
from planner.calibration.export import sessions_table
from planner.calibration.schema import BY_KEY as COLUMN
from planner.params import BY_KEY as PARAM
from planner.scenario import from_query

from . import memo, state
from .exports import BOM, safe_text
from .i18n import param_label, translator
from .theme import (
    BLUE,
    FONT_FAMILY,
    GREEN,
    GRID_COLOR,
    LINE_GREY,
    ORANGE,
    TEXT_COLOR,
    axis_title,
    nice_ticks,
    param_value,
    rgba,
    style,
    tick_text,
    value_axis,
)

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "examples" / "past_sessions.csv"
ACTUAL_COLOR, PROJECTED_COLOR, TEST_FILL = TEXT_COLOR, BLUE, rgba(ORANGE, 0.10)
TRAIN_COLOR, TEST_COLOR = GREEN, ORANGE
# Session-state keys of the page (none is bound to the URL: a file cannot be in a link).
SAMPLE_FLAG, UPLOAD_GEN, APPLIED = "_calibrate_sample", "_calibrate_upload_gen", "_calibrate_applied"

STRINGS: dict[str, tuple[str, str]] = {
    "title": ("用历史场次校准", "Calibrate from your past sessions"),
    "caption": ("上传后台导出的历史直播数据（CSV 或 Excel .xlsx），规划器用同一个模型逐日重演这些场次，"
                "用最小二乘拟合能被数据识别的参数，给出95%区间、拟合优度和回测误差；"
                "点“应用”把拟合结果变成当前场景（地址栏即分享链接）。",
                "Upload your back office's export of past live sessions (CSV or Excel .xlsx). The planner "
                "replays them day by day with the same model, fits the parameters the data can identify by "
                "least squares, and reports 95% intervals, fit quality and a back-test; “Apply” makes the fit "
                "the current scenario (the address bar is then its share link)."),
    "schema_title": ("文件格式：列名与单位", "File format: columns and units"),
    "schema_caption": ("表头可用中文或英文，单位写在括号里也可以（如“成交金额(元)”）；每行是一个账号一天的一场直播。"
                       "上限 {mb} MB、{rows} 行。文件中的公式不会被执行。",
                       "Headers may be Chinese or English, with units in brackets (成交金额(元)); one row per "
                       "account and day. Up to {mb} MB and {rows} rows. Formulas in a file are never run."),
    "upload": ("上传历史场次（CSV / XLSX）", "Upload past sessions (CSV / XLSX)"),
    "use_sample": ("使用示例文件", "Use the sample file"),
    "download_sample": ("下载示例文件", "Download the sample file"),
    "sample_caption": ("示例文件由模型从一个已知场景加2%噪声生成，4个账号、90天。",
                       "The sample was made by the model from a known scenario plus 2% noise: 4 accounts, "
                       "90 days."),
    "waiting": ("上传一个文件，或点“使用示例文件”。", "Upload a file, or click “Use the sample file”."),
    "file_line": ("{name}：{rows} 场，{accounts} 个账号，{first} 至 {last}",
                  "{name}: {rows} sessions, {accounts} account(s), {first} to {last}"),
    "bad_file": ("文件无法使用，发现 {n} 个问题（行号按表格软件显示的行号）：",
                 "The file cannot be used; {n} problem(s) found (rows as your spreadsheet numbers them):"),
    "notices": ("读取时的提示：", "Notes from reading the file:"),
    "params_title": ("拟合结果", "Fitted parameters"),
    "params_caption": ("“拟合”= 最小二乘估计（95%区间来自雅可比矩阵）；“取自文件”= 直接从数据读出；"
                       "“默认值”= 数据无法识别或没有对应列，保留默认值并说明原因。区间以保留默认值的参数为前提。",
                       "“fitted” = least-squares estimate (95% interval from the Jacobian); “from file” = read "
                       "straight from the data; “default” = not identifiable or no column, so the default is "
                       "kept, with the reason. Intervals assume the defaults kept are right."),
    "col_param": ("参数", "Parameter"),
    "col_value": ("取值", "Value"),
    "col_interval": ("95%区间", "95% interval"),
    "col_identifiable": ("可识别", "Identifiable"),
    "col_status": ("来源", "Source"),
    "col_default": ("默认值", "Default"),
    "col_note": ("说明", "Note"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "status_fitted": ("拟合", "fitted"),
    "status_data": ("取自文件", "from file"),
    "status_default": ("默认值", "default"),
    "apply": ("应用：把拟合结果设为当前场景", "Apply: make the fit the current scenario"),
    "apply_help": ("所有侧边栏参数改为拟合后的取值，地址栏随之变成分享链接。",
                   "Every sidebar parameter takes its fitted value; the address bar becomes the share link."),
    "applied": ("已应用：侧边栏和地址栏现在是拟合后的场景。", "Applied: the sidebar and the address bar now hold "
                "the fitted scenario."),
    "quality_title": ("拟合优度（逐场）", "Fit quality (per session)"),
    "col_series": ("数据列", "Column"),
    "backtest_title": ("回测：用前80%的天数拟合，预测其余天数", "Back-test: fit on the first 80% of days, "
                       "project the rest"),
    "backtest_caption": ("前 {train} 天拟合，后 {test} 天（{cutoff} 起）为预测；开播计划和日均投流按整份文件（计划中已知的决策）。",
                         "Fitted on the first {train} days, projected the last {test} (from {cutoff}); the "
                         "launch schedule and average spend come from the whole file (decisions a plan knows)."),
    "mape_gmv": ("回测MAPE：每日成交金额", "Back-test MAPE: daily GMV"),
    "mape_viewers": ("回测MAPE：每日场观", "Back-test MAPE: daily viewers"),
    "r2_gmv": ("拟合R²：逐场成交金额", "Fit R²: GMV per session"),
    "fig_gmv": ("每日成交金额：实际 vs 回测预测（MAPE {mape}）", "Daily GMV: actual vs back-test (MAPE {mape})"),
    "fig_viewers": ("每日场观：实际 vs 回测预测（MAPE {mape}）", "Daily viewers: actual vs back-test (MAPE {mape})"),
    "fig_residuals": ("残差：每日成交金额 (实际 − 预测) ÷ 预测", "Residuals: daily GMV (actual − projected) ÷ projected"),
    "trace_actual": ("实际", "Actual"),
    "trace_projected": ("模型（前80%拟合）", "Model (fitted on first 80%)"),
    "trace_train": ("拟合期", "Fit period"),
    "trace_test": ("回测期", "Back-test period"),
    "axis_date": ("日期", "Date"),
    "axis_gmv": ("成交金额（元/天）", "GMV (yuan/day)"),
    "axis_viewers": ("观看人数（UV，人/天）", "Viewers (UV per day)"),
    "axis_residual": ("相对误差（%）", "Relative error (%)"),
    "test_band": ("回测期", "back-test"),
    "downloads": ("下载逐场对比（实际 vs 拟合）", "Download the per-session comparison (actual vs fitted)"),
    "file_csv": ("视频号_校准_{date}.csv", "shipinhao_calibration_{date}.csv"),
    "file_xlsx": ("视频号_校准_{date}.xlsx", "shipinhao_calibration_{date}.xlsx"),
    "share_query": ("拟合场景的分享链接参数", "Share query of the fitted scenario"),
}


t = translator(STRINGS)


# --- the file and the fit (cached on the file's bytes) ---------------------------------------

@memo.cached(max_bytes=32 * 2**20, heavy=True)  # keyed by the file's digest, not its bytes
def run(data: bytes, name: str) -> tuple[Calibration | None, FileProblems | None]:
    """(calibration, None) or (None, the file's problems)."""
    try:
        sessions = read_sessions(data, name)
    except FileProblems as exc:
        return None, exc
    return calibrate(sessions), None


def sample_bytes() -> bytes:
    return SAMPLE_PATH.read_bytes()


def uploader_key() -> str:
    """A new key after "use the sample file" empties the uploader."""
    return f"calibrate_file_{st.session_state.get(UPLOAD_GEN, 0)}"


def use_sample() -> None:
    """Button callback: calibrate the sample file (and clear any uploaded file)."""
    st.session_state[SAMPLE_FLAG] = True
    st.session_state[UPLOAD_GEN] = st.session_state.get(UPLOAD_GEN, 0) + 1


def current_file(uploaded) -> tuple[str, bytes] | None:
    """The file to calibrate: the upload, else the sample once asked for, else nothing."""
    if uploaded is not None:
        st.session_state[SAMPLE_FLAG] = False
        return uploaded.name, uploaded.getvalue()
    if st.session_state.get(SAMPLE_FLAG):
        return SAMPLE_PATH.name, sample_bytes()
    return None


def apply(query: str) -> None:
    """Button callback: make the fitted scenario the current one. Every sidebar widget is keyed
    by its registry key and bound to the URL, so setting each key's session state (here, before
    the script runs) moves the sliders and rewrites the address bar; a per-account spend split
    goes to the link-only fields the app keeps beside the widgets."""
    scenario, _ = from_query(query)
    state.load_scenario(scenario)  # every registry key's session state, then the link-only fields
    st.session_state[APPLIED] = True


# --- tables --------------------------------------------------------------------------------

def problems_text(problems: FileProblems, lang: str) -> str:
    lines = [p.message(lang) for p in problems.problems]
    if problems.more:
        lines.append("…")
    return "\n".join(lines)


def file_line(cal: Calibration, name: str, lang: str) -> str:
    s = cal.sessions
    return t("file_line", lang, name=name, rows=len(s), accounts=len(s.account_names), first=s.date.min(),
             last=s.date.max())


def estimates_table(cal: Calibration, lang: str) -> pd.DataFrame:
    rows = []
    for e in cal.fit.estimates:
        p = PARAM[e.key]
        interval = (f"{param_value(p, e.low, lang)} – {param_value(p, e.high, lang)}"
                    if e.low is not None else "")
        rows.append({
            t("col_param", lang): param_label(p, lang),
            t("col_value", lang): param_value(p, e.value, lang),
            t("col_interval", lang): interval,
            t("col_identifiable", lang): t("yes" if e.identifiable else "no", lang),
            t("col_status", lang): t(f"status_{e.status}", lang),
            t("col_default", lang): param_value(p, e.default, lang),
            t("col_note", lang): e.note(lang),
        })
    return pd.DataFrame(rows)


def quality_table(cal: Calibration, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{t("col_series", lang): COLUMN[k].label(lang), "R²": fmt.number(q["r2"], 3),
                          "RMSE": fmt.number(q["rmse"], 1), "MAPE": fmt.percent(q["mape"])}
                         for k, q in cal.fit.quality.items()])


def schema_table(lang: str) -> pd.DataFrame:
    return pd.DataFrame(schema_rows(lang))


# --- figures -------------------------------------------------------------------------------

def _layout(fig: go.Figure, title: str, y_title: str, ymax: float, lang: str) -> go.Figure:
    """The app's layout, dates along x, round ticks from 0 to ``ymax`` on y."""
    return style(fig, title, height=380,
                 xaxis=dict(title=axis_title(t("axis_date", lang)), gridcolor=GRID_COLOR),
                 yaxis=dict(title=axis_title(y_title), gridcolor=GRID_COLOR, **value_axis(0.0, ymax, lang)))


def backtest_figure(cal: Calibration, lang: str, series: str = "gmv") -> go.Figure:
    """Daily totals over accounts: actual vs the model fitted on the first 80% of days; the
    back-test period is shaded."""
    b = cal.backtest
    dates = [str(d) for d in b.dates]
    actual, projected = ((b.actual_gmv, b.projected_gmv) if series == "gmv" else
                         (b.actual_viewers, b.projected_viewers))
    mape = b.mape_gmv if series == "gmv" else b.mape_viewers
    show = (lambda x: fmt.money(x, lang)) if series == "gmv" else (lambda x: fmt.count(x, lang))
    fig = go.Figure()
    fig.add_vrect(x0=str(b.cutoff), x1=dates[-1], fillcolor=TEST_FILL, line_width=0,
                  annotation_text=t("test_band", lang), annotation_position="top left",
                  annotation_font=dict(family=FONT_FAMILY, size=12))
    fig.add_scatter(x=dates, y=actual, name=t("trace_actual", lang), mode="lines+markers",
                    line=dict(color=ACTUAL_COLOR, width=1.5), marker=dict(size=4),
                    customdata=[show(x) for x in actual], hovertemplate="%{x}<br>%{customdata}<extra></extra>")
    fig.add_scatter(x=dates, y=projected, name=t("trace_projected", lang), mode="lines",
                    line=dict(color=PROJECTED_COLOR, width=2.5),
                    customdata=[show(x) for x in projected], hovertemplate="%{x}<br>%{customdata}<extra></extra>")
    title = t("fig_gmv" if series == "gmv" else "fig_viewers", lang, mape=fmt.percent(mape))
    y_title = t("axis_gmv" if series == "gmv" else "axis_viewers", lang)
    return _layout(fig, title, y_title, float(max(np.max(actual), np.max(projected))) * 1.05, lang)


def residual_figure(cal: Calibration, lang: str) -> go.Figure:
    """(actual − projected) ÷ projected of daily GMV, coloured by fit and back-test period."""
    b = cal.backtest
    rel = b.residual_gmv
    fig = go.Figure()
    for name, mask, color in (("trace_train", b.in_train, TRAIN_COLOR), ("trace_test", ~b.in_train, TEST_COLOR)):
        values = [float(x) if np.isfinite(x) else None for x in rel[mask]]
        fig.add_bar(x=[str(d) for d in b.dates[mask]], y=values, name=t(name, lang), marker_color=color,
                    customdata=[fmt.percent(x) for x in rel[mask]],
                    hovertemplate="%{x}<br>%{customdata}<extra></extra>")
    span = float(np.nanmax(np.abs(rel))) if np.isfinite(rel).any() else 0.1
    fig = _layout(fig, t("fig_residuals", lang), t("axis_residual", lang), span, lang)
    ticks = nice_ticks(span, -span, count=10)  # the step of five from 0 to span, on both sides of 0
    fig.update_yaxes(tickvals=ticks, ticktext=tick_text(ticks, lang, "percent"),
                     range=[ticks[0] * 1.05, ticks[-1] * 1.05], zeroline=True, zerolinecolor=LINE_GREY)
    return fig


# --- downloads -----------------------------------------------------------------------------

def _safe(row: list) -> list:
    return ["" if v is None else safe_text(v) if isinstance(v, str) else v for v in row]


def sessions_csv(cal: Calibration, lang: str) -> bytes:
    """The per-session comparison as CSV: UTF-8 with a BOM (Excel shows Chinese), inert text."""
    header, rows = sessions_table(cal, lang)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(_safe(r) for r in [header, *rows])
    return (BOM + buf.getvalue()).encode("utf-8")


def sessions_xlsx(cal: Calibration, lang: str) -> bytes:
    """The same as an .xlsx workbook (openpyxl would write "=…" text as a formula: safe_text)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    header, rows = sessions_table(cal, lang)
    book = Workbook()
    sheet = book.active
    sheet.title = "校准" if lang == "zh" else "Calibration"
    for row in [header, *rows]:
        sheet.append(_safe([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def download_name(kind: str, lang: str, day: str) -> str:
    return t(f"file_{kind}", lang, date=day)
