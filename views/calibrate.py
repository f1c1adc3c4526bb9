"""校准 Calibrate page: its tables, figures, downloads and callbacks (its words: ``planner.text``,
``calibrate.*``).

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
from planner.calibration import Calibration, FileProblems, calibrate, schema_rows
from planner.calibration.export import sessions_table
from planner.calibration.schema import BY_KEY as COLUMN
from planner.calibration.spend import read_with_spend
from planner.link import from_query, to_query
from planner.params import BY_KEY as PARAM
from planner.text import t

from . import memo, state
from .charts import date_axis
from .exports import BOM, safe_text
from .i18n import param_label
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
    rgba,
    style,
    tick_text,
    value_axis,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SAMPLE_PATH = EXAMPLES / "past_sessions.csv"
# The sample files a visitor may try, by the catalogue key of their name (calibrate.sample.*):
# the engine's own round trip first (the fit should recover it), then the simulator's exports
# (planner/calibration/simulator.py), each shaped as one kind of back office writes it.
SAMPLES: dict[str, tuple[str, tuple[str, ...]]] = {  # key -> (sessions file, spend files)
    "engine": ("past_sessions.csv", ()),
    "assistant": ("assistant_live_list.csv", ()),
    "live_list": ("live_list_only.csv", ()),
    "third_party": ("third_party_sheet.csv", ()),
    "api": ("api_dump.json", ()),
    "template": ("template_sessions.csv", ()),
    "template_spend": ("template_sessions.csv", ("tencent_ads_report.csv", "bean_orders.csv")),
}
SAMPLE_CHOICE = "calibrate_sample_choice"
UPLOAD_TYPES = ["csv", "xlsx", "json"]
ACTUAL_COLOR, PROJECTED_COLOR, TEST_FILL = TEXT_COLOR, BLUE, rgba(ORANGE, 0.10)
TRAIN_COLOR, TEST_COLOR = GREEN, ORANGE
# Session-state keys of the page (none is bound to the URL: a file cannot be in a link).
SAMPLE_FLAG, UPLOAD_GEN, APPLIED = "_calibrate_sample", "_calibrate_upload_gen", "_calibrate_applied"
UNDO, UNDONE = "_calibrate_undo", "_calibrate_undone"  # the scenario before the last apply, as a query

# --- the file and the fit (cached on the file's bytes) ---------------------------------------

@memo.cached(max_bytes=32 * 2**20, heavy=True)  # keyed by the file's digest, not its bytes
def run(data: bytes, name: str, spend: tuple[tuple[bytes, str], ...] = ()) -> tuple[Calibration | None,
                                                                                   FileProblems | None]:
    """(calibration, None) or (None, the file's problems); ``spend`` files are joined first."""
    try:
        sessions = read_with_spend(data, name, spend)
    except FileProblems as exc:
        return None, exc
    return calibrate(sessions), None


def sample_bytes(name: str = SAMPLE_PATH.name) -> bytes:
    return (EXAMPLES / name).read_bytes()


def sample_choice() -> str:
    choice = st.session_state.get(SAMPLE_CHOICE)
    return choice if choice in SAMPLES else next(iter(SAMPLES))


def sample_label(key: str, lang: str) -> str:
    return t(f"calibrate.sample.{key}", lang)


def uploader_key() -> str:
    """A new key after "use the sample file" empties the uploader."""
    return f"calibrate_file_{st.session_state.get(UPLOAD_GEN, 0)}"


def spend_uploader_key() -> str:
    return f"calibrate_spend_{st.session_state.get(UPLOAD_GEN, 0)}"


def use_sample() -> None:
    """Button callback: calibrate the sample file (and clear any uploaded file)."""
    st.session_state[SAMPLE_FLAG] = True
    st.session_state[UPLOAD_GEN] = st.session_state.get(UPLOAD_GEN, 0) + 1


def current_file(uploaded, spend_uploads=()) -> tuple[str, bytes, tuple[tuple[bytes, str], ...]] | None:
    """The file to calibrate and its spend files: the upload, else the chosen sample once asked
    for, else nothing."""
    if uploaded is not None:
        st.session_state[SAMPLE_FLAG] = False
        return uploaded.name, uploaded.getvalue(), tuple((f.getvalue(), f.name) for f in spend_uploads or ())
    if st.session_state.get(SAMPLE_FLAG):
        name, spend = SAMPLES[sample_choice()]
        return name, sample_bytes(name), tuple((sample_bytes(f), f) for f in spend)
    return None


def apply(values: dict, replace_all: bool = False, fitted_split=None) -> None:
    """Button callback: write the fit into the current scenario, remembering it for undo.

    Onto the plan (the default), only ``values`` (``Calibration.values_to_apply``: what the file
    informed, not the plan's horizon, accounts, schedule, invites or spend) replace the current
    scenario's; with ``replace_all`` every value the file informed does, and the fitted per-account
    spend split too. Either way the rest stays as the user set it. Every sidebar widget is keyed by
    its registry key and bound to the URL, so setting each key's session state (here, before the
    script runs) moves the sliders and rewrites the address bar, as applying a preset does."""
    current = state.scenario()
    st.session_state[UNDO] = to_query(current)
    updated = current.replace(**values)
    if replace_all:
        try:
            updated = updated.replace(split=fitted_split)
        except ValueError:  # a split for another number of accounts: even split
            updated = updated.replace(split=None)
    state.load_scenario(updated)  # every registry key's session state, then the link-only fields
    st.session_state[APPLIED] = "all" if replace_all else "plan"


def undo() -> None:
    """Button callback: put back the scenario from before the last apply."""
    query = st.session_state.pop(UNDO, None)
    if query is not None:
        scenario, _ = from_query(query)
        state.load_scenario(scenario)
        st.session_state[UNDONE] = True


def can_undo() -> bool:
    return UNDO in st.session_state


def applied_changes(cal: Calibration, lang: str, replace_all: bool = False) -> pd.DataFrame:
    """What apply would change: parameter, now, after (only those that differ)."""
    current = state.scenario()
    rows = []
    for key, value in cal.values_to_apply(onto_plan=not replace_all).items():
        p = PARAM[key]
        before = getattr(current, key)
        if before != value:
            rows.append({t("table.param", lang): param_label(p, lang),
                         t("calibrate.col_now", lang): fmt.param_value(p, before, lang),
                         t("calibrate.col_after", lang): fmt.param_value(p, value, lang)})
    return pd.DataFrame(rows)


def observed_table(cal: Calibration, lang: str) -> pd.DataFrame:
    """The file's own ratios with their bootstrap intervals (no model)."""
    return pd.DataFrame([{t("calibrate.col_ratio", lang): t(f"cli.calibrate.observed.{name}", lang),
                          t("calibrate.col_value", lang): o.text(lang),
                          t("calibrate.col_interval", lang): f"{o.text(lang, o.low)} – "
                                                             f"{o.text(lang, o.high)}"}
                         for name, o in cal.fit.observed.items()])


# --- tables --------------------------------------------------------------------------------

def problems_text(problems: FileProblems, lang: str) -> str:
    lines = [p.message(lang) for p in problems.problems]
    if problems.more:
        lines.append("…")
    return "\n".join(lines)


def file_line(cal: Calibration, name: str, lang: str) -> str:
    s = cal.sessions
    return t("calibrate.file_line", lang, name=name, rows=len(s), accounts=len(s.account_names), first=s.date.min(),
             last=s.date.max())


def estimates_table(cal: Calibration, lang: str) -> pd.DataFrame:
    rows = []
    for e in cal.fit.estimates:
        p = PARAM[e.key]
        interval = (f"{fmt.param_value(p, e.low, lang)} – {fmt.param_value(p, e.high, lang)}"
                    if e.low is not None else "")
        rows.append({
            t("table.param", lang): param_label(p, lang),
            t("calibrate.col_value", lang): fmt.param_value(p, e.value, lang),
            t("calibrate.col_interval", lang): interval,
            t("calibrate.col_identifiable", lang): t("calibrate.yes" if e.identifiable else "calibrate.no", lang),
            t("calibrate.col_status", lang): t(f"calibrate.status_{e.status}", lang),
            t("table.default", lang): fmt.param_value(p, e.default, lang),
            t("calibrate.col_note", lang): e.note(lang),
        })
    return pd.DataFrame(rows)


def quality_table(cal: Calibration, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{t("calibrate.col_series", lang): COLUMN[k].label(lang), "R²": fmt.number(q["r2"], 3),
                          "RMSE": fmt.number(q["rmse"], 1), "MAPE": fmt.percent(q["mape"])}
                         for k, q in cal.fit.quality.items()])


def schema_table(lang: str) -> pd.DataFrame:
    return pd.DataFrame(schema_rows(lang))


# --- figures -------------------------------------------------------------------------------

def _layout(fig: go.Figure, title: str, y_title: str, ymax: float, lang: str) -> go.Figure:
    """The app's layout, dates along x, round ticks from 0 to ``ymax`` on y."""
    return style(fig, title, height=380,
                 xaxis=dict(title=axis_title(t("calibrate.axis_date", lang)), gridcolor=GRID_COLOR, **date_axis(lang)),
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
                  annotation_text=t("calibrate.test_band", lang), annotation_position="top left",
                  annotation_font=dict(family=FONT_FAMILY, size=12))
    fig.add_scatter(x=dates, y=actual, name=t("calibrate.trace_actual", lang), mode="lines+markers",
                    line=dict(color=ACTUAL_COLOR, width=1.5), marker=dict(size=4),
                    customdata=[show(x) for x in actual], hovertemplate="%{x}<br>%{customdata}<extra></extra>")
    fig.add_scatter(x=dates, y=projected, name=t("calibrate.trace_projected", lang), mode="lines",
                    line=dict(color=PROJECTED_COLOR, width=2.5),
                    customdata=[show(x) for x in projected], hovertemplate="%{x}<br>%{customdata}<extra></extra>")
    title = t("calibrate.fig_gmv" if series == "gmv" else "calibrate.fig_viewers", lang, mape=fmt.percent(mape))
    y_title = t("calibrate.axis_gmv" if series == "gmv" else "calibrate.axis_viewers", lang)
    return _layout(fig, title, y_title, float(max(np.max(actual), np.max(projected))) * 1.05, lang)


def residual_figure(cal: Calibration, lang: str) -> go.Figure:
    """(actual − projected) ÷ projected of daily GMV, coloured by fit and back-test period."""
    b = cal.backtest
    rel = b.residual_gmv
    fig = go.Figure()
    for name, mask, color in (("calibrate.trace_train", b.in_train, TRAIN_COLOR),
                               ("calibrate.trace_test", ~b.in_train, TEST_COLOR)):
        values = [float(x) if np.isfinite(x) else None for x in rel[mask]]
        fig.add_bar(x=[str(d) for d in b.dates[mask]], y=values, name=t(name, lang), marker_color=color,
                    customdata=[fmt.percent(x) for x in rel[mask]],
                    hovertemplate="%{x}<br>%{customdata}<extra></extra>")
    span = float(np.nanmax(np.abs(rel))) if np.isfinite(rel).any() else 0.1
    fig = _layout(fig, t("calibrate.fig_residuals", lang), t("calibrate.axis_residual", lang), span, lang)
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
    sheet.title = t("calibrate.sheet", lang)
    for row in [header, *rows]:
        sheet.append(_safe([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def download_name(kind: str, lang: str, day: str) -> str:
    return t(f"calibrate.file_{kind}", lang, date=day)
