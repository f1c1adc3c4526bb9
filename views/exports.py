"""Downloads: the daily table as CSV (UTF-8 with BOM, so Excel shows Chinese) and as .xlsx,
and the projection card PNG. Pure: no streamlit import.

Headers come from ``planner.report.daily_headers`` in the chosen language. Cells are numbers,
except text we write ourselves; any text cell that a spreadsheet could read as a formula
(starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import math
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from planner.engine import Projection, simulate
from planner.link import from_query, to_query
from planner.params import PARAMS
from planner.report import DAILY_KEYS, daily_headers, daily_table
from planner.text import t

from .i18n import param_label, unit

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SHARE_COLUMNS = frozenset({"public_share"})
COUNT_COLUMNS = frozenset({"day", "accounts_live"})


def safe_text(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def headers(lang: str) -> list[str]:
    return [safe_text(header) for header in daily_headers(lang)]


def _cell(key: str, value) -> int | float | str:
    """A number at full precision (so the columns sum to the CLI's totals; Excel formats them
    for display), empty for an undefined one."""
    if value is None:
        return ""
    value = float(value)
    if not math.isfinite(value):
        return ""
    if key in COUNT_COLUMNS:
        return int(value)
    return value


def rows(proj: Projection) -> list[list]:
    return [[_cell(key, row[key]) for key in DAILY_KEYS] for row in daily_table(proj)]


def daily_csv(proj: Projection, lang: str) -> bytes:
    """The daily table as CSV bytes: UTF-8 with a byte-order mark, one header row, one row a day.
    Floats are written in shortest round-trip form, as the CLI's ``--format csv`` does."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers(lang))
    writer.writerows([[repr(v) if isinstance(v, float) else v for v in row] for row in rows(proj)])
    return (BOM + buf.getvalue()).encode("utf-8")


def daily_xlsx(proj: Projection, lang: str, share_url: str = "") -> bytes:
    """The daily table as an .xlsx workbook; a second sheet lists the scenario and its link."""
    wb = Workbook()
    ws = wb.active
    ws.title = t("export.sheet_daily", lang)
    ws.append(headers(lang))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows(proj):
        ws.append(row)
    for j, key in enumerate(DAILY_KEYS, start=1):
        letter = get_column_letter(j)
        number_format = "0.0%" if key in SHARE_COLUMNS else "0" if key in COUNT_COLUMNS else "#,##0.00"
        for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
            cell.number_format = number_format
        ws.column_dimensions[letter].width = 16
    ws.freeze_panes = "B2"

    info = wb.create_sheet(t("export.sheet_scenario", lang))
    info.append([safe_text(t("table.param", lang)), safe_text(t("table.key", lang)),
                 safe_text(t("table.current", lang)), safe_text(t("table.unit", lang))])
    for cell in info[1]:
        cell.font = Font(bold=True)
    values = proj.scenario.as_dict()
    for p in PARAMS:
        info.append([safe_text(param_label(p, lang)), safe_text(p.key), values[p.key], safe_text(unit(p, lang))])
    info.append([])
    info.append([safe_text(t("sidebar.share_button", lang)), safe_text(share_url or "?" + to_query(proj.scenario))])
    info.column_dimensions["A"].width = 36
    info.column_dimensions["B"].width = 16

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


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
