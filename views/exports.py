"""Downloads: the daily table as CSV (UTF-8 with BOM, so Excel shows Chinese) and as .xlsx,
and the projection card PNG. Pure: no streamlit import.

Both files carry the share link they came from (CSV: its first line; Excel: a hyperlink above
the header and on the Summary and Scenario sheets) and end in a totals row. Numbers are rounded
to what they mean (``planner.report.rounded``: whole people, money to 0.01 元, shares to 0.01
point). Headers come from ``planner.report.daily_headers`` in the chosen language. Cells are
numbers, except text we write ourselves; any text cell that a spreadsheet could read as a
formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from planner import kpis
from planner.engine import Projection, simulate
from planner.link import from_query, to_query
from planner.params import PARAMS
from planner.report import (
    COUNT,
    DAILY_KEYS,
    DAILY_KINDS,
    MONEY,
    MONEY_DECIMALS,
    PEOPLE,
    SHARE,
    SHARE_DECIMALS,
    daily_headers,
    daily_totals,
    rounded_daily_table,
)
from planner.report import totals as report_totals
from planner.text import t

from .i18n import param_label, unit

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel's number formats by the kind of column (planner.report.DAILY_KINDS). Money stays in 元
# in its cells (a sum, a pivot or a chart on them is in 元 too) and is shown as 元; Excel cannot
# show a value in 万 by a format alone (``0.00,,`` divides by a million, not ten thousand), so
# the 汇总 Summary sheet gives the totals a second column in 万, a value divided by 10,000.
NUMBER_FORMATS = {COUNT: "0", PEOPLE: "#,##0", MONEY: t("export.format_yuan", "zh"), SHARE: "0.0%"}
WAN_FORMAT = t("export.format_wan", "zh")
RATIO_FORMAT = "0.00"
HYPERLINK_FONT = Font(color="0563C1", underline="single")
# The Summary sheet: every total of the CLI's report but the stage (a name, on the card).
SUMMARY_KEYS = tuple(key for key in kpis.REPORT if kpis.BY_KEY[key].kind != kpis.STAGE)


def safe_text(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def headers(lang: str) -> list[str]:
    return [safe_text(header) for header in daily_headers(lang)]


def _cell(value) -> int | float | str:
    """A rounded value (``planner.report.rounded``), empty where undefined."""
    return "" if value is None else value


def rows(proj: Projection) -> list[list]:
    """The daily rows as files keep them: people whole, money to 0.01 元, shares to 0.01 point."""
    return [[_cell(row[key]) for key in DAILY_KEYS] for row in rounded_daily_table(proj)]


def totals_row(proj: Projection, lang: str) -> list:
    """The totals row under the days: 合计 / Total, then ``planner.report.daily_totals``."""
    totals = daily_totals(rounded_daily_table(proj))
    return [safe_text(t("export.total", lang)), *(_cell(totals[key]) for key in DAILY_KEYS[1:])]


def link_of(proj: Projection, share_url: str) -> str:
    """The link a file came from: the page's share link, or the canonical query when there is none."""
    return share_url or "?" + to_query(proj.scenario)


def daily_csv(proj: Projection, lang: str, share_url: str = "") -> bytes:
    """The daily table as CSV bytes: UTF-8 with a byte-order mark (so Excel reads Chinese), the
    share link on the first line (two cells: a label and the link), the header, one row a day,
    and a totals row. Numbers are rounded as ``planner.report.rounded`` says, written in the
    shortest form (no float noise)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([safe_text(t("export.link_label", lang)), safe_text(link_of(proj, share_url))])
    writer.writerow(headers(lang))
    writer.writerows(rows(proj))
    writer.writerow(totals_row(proj, lang))
    return (BOM + buf.getvalue()).encode("utf-8")


def _link_cell(cell, url: str) -> None:
    """A clickable link: the URL as the text and as the target. A URL that a spreadsheet would
    read as a formula is neither (text with a leading apostrophe, no hyperlink)."""
    cell.value = safe_text(url)
    if cell.value == url and url.startswith(("http://", "https://")):
        cell.hyperlink = url
        cell.font = HYPERLINK_FONT


def _link_row(sheet, label: str, url: str) -> None:
    """A sheet's last row: a blank row, then the label and the share link as a clickable cell."""
    sheet.append([])
    sheet.append([safe_text(label)])
    _link_cell(sheet.cell(row=sheet.max_row, column=2), url)


def _bold(row) -> None:
    for cell in row:
        cell.font = Font(bold=True)


def daily_xlsx(proj: Projection, lang: str, share_url: str = "") -> bytes:
    """The daily table as an .xlsx workbook.

    日报 Daily: the share link (a hyperlink) on row 1, the header on row 2 (frozen with the day
    column), one row a day, and a bold totals row; percentages formatted as percent, money as 元,
    people as whole numbers. 汇总 Summary: every total in 元 and in 万, rates as percent or ratio.
    场景 Scenario: every parameter's value, and the link again.
    """
    url = link_of(proj, share_url)
    wb = Workbook()
    ws = wb.active
    ws.title = t("export.sheet_daily", lang)
    ws.append([safe_text(t("export.link_label", lang))])
    _link_cell(ws.cell(row=1, column=2), url)
    ws.cell(row=1, column=1).font = Font(bold=True)
    ws.append(headers(lang))
    _bold(ws[2])
    for row in rows(proj):
        ws.append(row)
    ws.append(totals_row(proj, lang))
    _bold(ws[ws.max_row])
    for j, key in enumerate(DAILY_KEYS, start=1):
        number_format = NUMBER_FORMATS[DAILY_KINDS[key]]
        for (cell,) in ws.iter_rows(min_row=3, min_col=j, max_col=j):
            cell.number_format = number_format
        ws.column_dimensions[get_column_letter(j)].width = 16
    ws.freeze_panes = "B3"

    _summary_sheet(wb, proj, lang, url)

    info = wb.create_sheet(t("export.sheet_scenario", lang))
    info.append([safe_text(t("table.param", lang)), safe_text(t("table.key", lang)),
                 safe_text(t("table.current", lang)), safe_text(t("table.unit", lang))])
    _bold(info[1])
    values = proj.scenario.as_dict()
    for p in PARAMS:
        info.append([safe_text(param_label(p, lang)), safe_text(p.key), values[p.key], safe_text(unit(p, lang))])
        if p.percent:
            info.cell(row=info.max_row, column=3).number_format = "0.00%"
    _link_row(info, t("sidebar.share_button", lang), url)
    info.freeze_panes = "A2"
    info.column_dimensions["A"].width = 36
    info.column_dimensions["B"].width = 16

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _summary_sheet(wb: Workbook, proj: Projection, lang: str, url: str) -> None:
    """Totals over the horizon: label, value (元, %, ratio or count) and, for money, in 万."""
    sheet = wb.create_sheet(t("export.sheet_summary", lang))
    sheet.append([safe_text(t("table.metric", lang)), safe_text(t("export.col_value", lang)),
                  safe_text(t("export.col_wan", lang))])
    _bold(sheet[1])
    totals = report_totals(proj)
    for key in SUMMARY_KEYS:
        kind, value = kpis.BY_KEY[key].kind, totals[key]
        row = [safe_text(kpis.label(key, lang))]
        if value is None:  # an ROI without spend: undefined, left empty
            sheet.append(row)
            continue
        if kind in (kpis.MONEY, kpis.PRICE):
            sheet.append([*row, round(value, MONEY_DECIMALS), round(value / 10_000, 4) if kind == kpis.MONEY else None])
            sheet.cell(row=sheet.max_row, column=2).number_format = NUMBER_FORMATS[MONEY]
            sheet.cell(row=sheet.max_row, column=3).number_format = WAN_FORMAT
        elif kind == kpis.SHARE:
            sheet.append([*row, round(value, SHARE_DECIMALS)])
            sheet.cell(row=sheet.max_row, column=2).number_format = NUMBER_FORMATS[SHARE]
        elif kind == kpis.RATIO:
            sheet.append([*row, round(value, 4)])
            sheet.cell(row=sheet.max_row, column=2).number_format = RATIO_FORMAT
        else:
            sheet.append([*row, int(round(value))])
            sheet.cell(row=sheet.max_row, column=2).number_format = NUMBER_FORMATS[PEOPLE]
    _link_row(sheet, t("export.link_label", lang), url)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 20
    sheet.column_dimensions["C"].width = 16


def file_name(kind: str, lang: str, day: str) -> str:
    """视频号日报_2025-01-31.csv, shipinhao_daily_2025-01-31.xlsx, 视频号预测_….png"""
    return t(f"export.file_{kind}", lang, date=day)


@lru_cache(maxsize=16)
def card_png(query: str, lang: str, share_url: str, baseline_query: str | None = None) -> bytes:
    """The projection card PNG for a canonical scenario query (with its changes vs the baseline's,
    when one is pinned), cached on (query, lang, link, baseline).

    ``views.card`` (written separately) is imported here, on a download, not on every rerun.
    """
    from views.card import projection_card_png

    scenario, _ = from_query(query)
    baseline = simulate(from_query(baseline_query)[0]) if baseline_query else None
    return projection_card_png(simulate(scenario), share_url, lang, baseline=baseline)


def card_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("views.card") is not None
    except (ImportError, ValueError):
        return False
