"""Spend from a second file, joined onto the sessions by date and account.

A live-session export has no spend: Tencent Ads (广点通) spend is in the ads platform's report,
bean heating in the bean orders. ``read_spend(data, filename)`` reads such a file (CSV, .xlsx
or JSON, with the session reader's limits and checks) into daily amounts per tool, and
``join_spend(sessions, spend)`` adds them to the sessions as their spend columns:

- by date and account when both files name accounts (names compared without spaces, case or
  full-width differences); by date alone when either is one account;
- a file without an account column spreads a day's spend evenly over that day's sessions;
- spend on a day (or an account) without a session in the sessions file is not counted, and a
  notice says how much, so nothing is silently dropped;
- a session without a spend row on its day gets 0: the spend file covers what was spent.

Headers are those of the exports (the ads report's 消耗, the orders' 加热金额…, ``SPEND_HEADERS``);
units in brackets scale as in the sessions file (消耗(分) is read in 分).
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from dataclasses import dataclass

import numpy as np

from ..text import message
from ..tools import KEYS as TOOL_KEYS
from .reader import (
    HEADER_SEARCH_ROWS,
    MAX_PROBLEMS,
    TOTAL_MARKS,
    FileProblems,
    Problem,
    Sessions,
    _blank,
    _column_letter,
    _found,
    _problem,
    _rows,
    check_size,
    parse_date,
    parse_number,
)
from .schema import BY_KEY, COLUMNS, ColumnRef, header_unit, normalise_header

# Headers a spend file may carry besides the sessions schema's own names for these columns:
# the words of the ads platform's daily report and of the bean order list.
SPEND_HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("时间", "下单时间", "投放日期", "订单时间", "统计日期", "stat_date", "order_time"),
    "account": ("推广账号", "账户名称", "账户", "广告主", "advertiser"),
    "gdt_spend": ("消耗", "花费", "投放消耗", "实际消耗", "总消耗", "cost", "spend"),
    "beans_spend": ("加热金额", "微信豆金额", "订单金额", "加热花费", "bean spend"),
    "coupons_spend": ("流量券金额", "流量券花费"),
}
SPEND_KEYS: tuple[str, ...] = tuple(f"{tool}_spend" for tool in TOOL_KEYS if f"{tool}_spend" in BY_KEY)
_SPEND_ALIASES: dict[str, str] = {}
for _key in ("date", "account", *SPEND_KEYS):
    for _name in (*BY_KEY[_key].names(), *SPEND_HEADERS.get(_key, ())):
        _SPEND_ALIASES.setdefault(normalise_header(_name), _key)


def spend_column_for(header: str) -> str | None:
    return _SPEND_ALIASES.get(normalise_header(header))


@dataclass(frozen=True, eq=False)
class Spend:
    """Spend rows: date, account ("" when the file has none) and 元 per tool (``SPEND_KEYS``)."""

    date: np.ndarray  # (n,) datetime64[D]
    account: tuple[str, ...]
    amounts: dict[str, np.ndarray]  # spend key -> (n,) 元
    has_account: bool
    notices: tuple[Problem, ...] = ()


def read_spend(data: bytes, filename: str = "") -> Spend:
    """Read a spend file (Tencent Ads report, bean orders…). Raises FileProblems."""
    check_size(len(data))
    if not data.strip():
        raise FileProblems([_problem(None, None, "calibration.empty")])
    rows, _, _ = _rows(data, filename.casefold())
    header_at = next((i for i, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS])
                      if "date" in _keys(cells) and set(_keys(cells)) & set(SPEND_KEYS)), None)
    if header_at is None:
        raise FileProblems([_problem(None, None, "calibration.spend.no_header", rows=HEADER_SEARCH_ROWS)])
    header_row, header = rows[header_at]
    where: dict[str, int] = {}
    notices = []
    for j, cell in enumerate(header):
        key = spend_column_for(str(cell)) if cell is not None and str(cell).strip() else None
        if key is not None and key not in where:
            where[key] = j
        elif cell is not None and str(cell).strip():
            notices.append(_problem(header_row, (_column_letter(j), str(cell).strip()), "calibration.ignored_column"))
    scale = {key: header_unit(str(header[j]), key)[0] for key, j in where.items() if key in SPEND_KEYS}
    problems: list[Problem] = []
    dates, accounts, amounts = [], [], {key: [] for key in where if key in SPEND_KEYS}
    for number, cells in rows[header_at + 1:]:
        if _blank(cells):
            continue
        if len(problems) >= MAX_PROBLEMS:
            break

        def cell(key, cells=cells):
            j = where[key]
            return cells[j] if j < len(cells) else None

        def col(key):
            return _column_letter(where[key]), str(header[where[key]]).strip()

        date_cell = cell("date")
        if isinstance(date_cell, str) and date_cell.strip().casefold() in TOTAL_MARKS:
            continue
        date = parse_date(date_cell, in_text=True)
        if date is None:
            problems.append(_problem(number, col("date"), "calibration.expected_date", "date", found=_found(date_cell)))
            continue
        row_amounts = {}
        for key in amounts:
            value = parse_number(cell(key))
            if value is None or value < 0:
                problems.append(_problem(number, col(key), "calibration.expected_non_negative", key,
                                         column=ColumnRef(key), found=_found(cell(key))))
                value = math.nan
            row_amounts[key] = 0.0 if math.isnan(value) else value * scale[key]
        dates.append(date)
        accounts.append(str(cell("account") or "").strip() if "account" in where else "")
        for key, value in row_amounts.items():
            amounts[key].append(value)
    if problems:
        raise FileProblems(problems[:MAX_PROBLEMS], more=len(problems) > MAX_PROBLEMS)
    if not dates:
        raise FileProblems([_problem(None, None, "calibration.no_sessions")])
    return Spend(np.array(dates, dtype="datetime64[D]"), tuple(accounts),
                 {key: np.array(v, dtype=float) for key, v in amounts.items()}, "account" in where, tuple(notices))


def _keys(cells) -> list[str]:
    return [k for k in (spend_column_for(str(c)) for c in cells if c is not None and str(c).strip()) if k]


def _same_name(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def join_spend(sessions: Sessions, spend: Spend) -> Sessions:
    """The sessions with the spend file's tools as their spend columns (see the module docstring)."""
    names = [_same_name(n) for n in sessions.account_names]
    by_account = spend.has_account and len(sessions.account_names) > 1
    session_account = np.array([names[a] for a in sessions.account]) if by_account else None
    values = dict(sessions.values)
    notices = list(sessions.notices)
    for key, amount in spend.amounts.items():
        joined = np.zeros(len(sessions))
        unmatched, unmatched_days = 0.0, set()
        for date, account, yuan in zip(spend.date, spend.account, amount, strict=True):
            if yuan == 0:
                continue
            rows = sessions.date == date
            if by_account:
                rows &= session_account == _same_name(account)
            hit = np.flatnonzero(rows)
            if len(hit) == 0:
                unmatched += yuan
                unmatched_days.add(date)
                continue
            joined[hit] += yuan / len(hit)
        values[key] = joined
        if unmatched > 0:
            notices.append(Problem(message("calibration.spend.unmatched", column=ColumnRef(key), yuan=unmatched,
                                           days=len(unmatched_days))))
        notices.append(Problem(message("calibration.spend.joined", column=ColumnRef(key), yuan=float(joined.sum()),
                                       by=message("calibration.spend.by_account" if by_account else
                                                  "calibration.spend.by_date"))))
    notices += spend.notices
    columns = tuple(c.key for c in COLUMNS if c.key in sessions.columns or c.key in spend.amounts)
    return dataclasses.replace(sessions, values=values, columns=columns, notices=tuple(notices))



def read_with_spend(data: bytes, filename: str, spend_files: tuple[tuple[bytes, str], ...] = ()) -> Sessions:
    """Read a sessions file and join every spend file onto it. Raises FileProblems (a spend file's
    problems name that file)."""
    from .reader import read_sessions

    sessions = read_sessions(data, filename)
    for spend_data, spend_name in spend_files:
        try:
            spend = read_spend(spend_data, spend_name)
        except FileProblems as exc:
            raise FileProblems([Problem(message("calibration.spend.in_file", file=spend_name, problem=p.what),
                                        p.row, p.column) for p in exc.problems], exc.more) from None
        sessions = join_spend(sessions, spend)
    return sessions
