"""Read and check a merchant's table of past live sessions (CSV or .xlsx).

``read_sessions(data, filename)`` takes the file's bytes and returns ``Sessions`` or raises
``FileProblems`` listing every problem found (up to ``MAX_PROBLEMS``), each naming the row as
a spreadsheet shows it (the header is usually row 1), the column (letter and header) and what
was expected and found. Nothing in the file is ever evaluated: CSV cells are plain text, and
workbooks are opened with ``data_only=True`` so a formula cell gives its last saved value (or
nothing), never a computation. A problem holds a catalogue message (``planner.text``, keys
``calibration.*``), put into words in the reader's language when shown.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import math
import re
import unicodedata
import xml.parsers.expat
import zipfile
from dataclasses import dataclass, field

import numpy as np

from ..link import shorten as _shorten
from ..numbers import number_text
from ..numbers import parse_number as parse_plain_number
from ..text import Message, message, t
from ..tools import KEYS as TOOL_KEYS
from .schema import (
    BY_KEY,
    COLUMNS,
    DATE,
    HEADER_SEARCH_ROWS,
    MAX_BYTES,
    MAX_PROBLEMS,
    MAX_ROWS,
    NUMBER,
    TEXT,
    ColumnRef,
    column_for,
    header_unit,
)

MAX_COLUMNS = 64  # columns read from a sheet; exports have a few dozen at most
# What an upload may cost, checked before openpyxl reads a sheet: it builds every cell of a row
# at once (a 100 MB row took 3.3 GB), and a zip of a few hundred KB can unpack to that.
MAX_CELLS_PER_ROW = 16_384  # Excel's own number of columns
MAX_UNPACKED_BYTES = 40 * 1024 * 1024  # a 10,000-row export of 40 columns unpacks to about 20 MB
MAX_PART_BYTES = 4 * 1024 * 1024  # any part but the sheets and their strings (styles, themes…)
MAX_PACKING_RATIO = 100  # unpacked ÷ stored, for parts over RATIO_FROM_BYTES; real exports: 5–30
RATIO_FROM_BYTES = 1024 * 1024
MIN_DAYS = 10  # distinct dates needed to fit and to keep some days back for the back-test
MAX_SPAN_DAYS = 365  # the planner's longest horizon
MAX_ACCOUNTS = 20  # the planner's largest matrix
EXCEL_EPOCH, EXCEL_SERIALS = dt.date(1899, 12, 30), (20_000, 80_000)  # serial day numbers 1954–2119
EMPTY_MARKS = frozenset({"", "-", "--", "—", "–", "/", "n/a", "na"})
TOTAL_MARKS = frozenset({"合计", "总计", "汇总", "total", "totals", "sum"})
_SENTENCE_ENDS = ".。"  # the full stops of both languages, dropped where sentences are joined on one line


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, as a catalogue message (``what``, which names the row and
    column where it has them); row and column as a spreadsheet shows them."""

    what: Message
    row: int | None = None
    column: str | None = None  # the column key from the schema, when there is one

    def message(self, lang: str = "en") -> str:
        return self.what.text(lang)


class FileProblems(ValueError):
    """The file cannot be used; ``problems`` says every reason found (up to MAX_PROBLEMS)."""

    def __init__(self, problems: list[Problem], more: bool = False):
        self.problems = list(problems)
        self.more = more  # the reader stopped looking after MAX_PROBLEMS
        super().__init__(self.summary("en"))

    def __reduce__(self):  # pickle (the app caches results) by the problems, not the message
        return type(self), (self.problems, self.more)

    def summary(self, lang: str = "en", limit: int = 3) -> str:
        """One line: the first few problems and how many more."""
        shown = [p.message(lang).rstrip(_SENTENCE_ENDS) for p in self.problems[:limit]]
        rest = len(self.problems) - limit
        if rest > 0 or self.more:
            shown.append(t("calibration.more_problems", lang, n=f"{rest}+" if self.more else str(rest)))
        return t("calibration.problem_separator", lang).join(shown)


@dataclass(frozen=True, eq=False)
class Sessions:
    """The sessions of a file, one row per account and day, accounts in engine order.

    ``values`` holds every column the file had (canonical keys) as float arrays, NaN where an
    optional cell was empty. ``account`` indexes ``account_names``; the flagship (index 0) is
    the account that went live first. ``day`` counts days from the first date in the file.
    """

    account_names: tuple[str, ...]
    account: np.ndarray  # (n,) int
    date: np.ndarray  # (n,) datetime64[D]
    values: dict[str, np.ndarray]
    rows: np.ndarray  # (n,) spreadsheet row numbers
    columns: tuple[str, ...]  # canonical keys present, in schema order
    notices: tuple[Problem, ...] = field(default=())
    kind: str = "csv"  # "csv" or "xlsx"
    encoding: str = ""

    @property
    def day(self) -> np.ndarray:
        return (self.date - self.date.min()).astype(int)

    @property
    def span_days(self) -> int:
        return int(self.day.max()) + 1

    def __len__(self) -> int:
        return len(self.account)

    def has(self, key: str) -> bool:
        """The column is in the file and has at least one value."""
        return key in self.values and bool(np.isfinite(self.values[key]).any())

    def subset(self, mask: np.ndarray) -> Sessions:
        """The same file restricted to some rows (dates keep counting from the whole file's start)."""
        return Sessions(self.account_names, self.account[mask], self.date[mask],
                        {k: v[mask] for k, v in self.values.items()}, self.rows[mask], self.columns,
                        self.notices, self.kind, self.encoding)


# --- problems ------------------------------------------------------------------------------

def _problem(row: int | None, col: tuple[str, str] | None, text_key: str, column_key: str | None = None,
             **values) -> Problem:
    """The problem ``text_key`` (a catalogue key) with its ``values``, placed at ``row`` and
    ``col`` (letter, header) when given: 'row 5, column D (成交金额): …'. ``column_key`` is the
    schema's key of the column concerned."""
    what = message(text_key, **values)
    if row is not None:
        where = (message("calibration.where.row_column", row=row, letter=col[0], header=_shorten(col[1]))
                 if col is not None else message("calibration.where.row", row=row))
        what = message("calibration.at", where=where, problem=what)
    return Problem(what, row, column_key)


def _found(value) -> Message:
    """What a cell holds, for 'expected …, found …'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return message("calibration.found.empty")
    return message("calibration.found.text", text=_shorten(str(value)))


# --- bytes to rows of cells ------------------------------------------------------------

def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding used: UTF-8 (with or without BOM), UTF-16, GBK."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]  # Excel's "Unicode text" export
    else:
        candidates = ["utf-8", "gbk", "gb18030"]
    error = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            error = error or exc
            continue
        if "\x00" in text:  # binary data that happened to decode
            break
        return text, encoding
    if error is None:
        raise FileProblems([_problem(None, None, "calibration.not_text")])
    raise FileProblems([_problem(None, None, "calibration.not_text_at", byte=data[error.start], position=error.start)])


# Rows kept by the readers: the header may sit below a few title rows; one more than the limit
# is enough to say the file has too many.
MAX_KEPT_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS + 1


def _too_many_rows() -> FileProblems:
    return FileProblems([_problem(None, None, "calibration.too_many_rows", limit=MAX_ROWS)])


def _too_many_cells(row: int, cells: int) -> FileProblems:
    return FileProblems([_problem(row, None, "calibration.too_many_cells", cells=cells, limit=MAX_CELLS_PER_ROW)])


def _csv_rows(data: bytes) -> tuple[list[tuple[int, list]], str]:
    """The non-blank records of a CSV file with their row numbers, and the encoding."""
    text, encoding = _decode(data)
    sample = "\n".join(text[:65536].splitlines()[:HEADER_SEARCH_ROWS + 5])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
    except csv.Error:
        delimiter = ","
    rows = []
    number = 0
    try:
        # Spreadsheet row numbers count records (a quoted cell may span lines) and blank lines;
        # blank rows are not kept, so empty lines below the data do not count toward the limit.
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1):
            if len(cells) > MAX_CELLS_PER_ROW:
                raise _too_many_cells(number, len(cells))
            if not _blank(cells):
                rows.append((number, cells[:MAX_COLUMNS]))
                if len(rows) > MAX_KEPT_ROWS:
                    break
    except csv.Error as exc:
        raise FileProblems([_problem(number + 1, None, "calibration.bad_csv", error=str(exc))]) from None
    return rows, encoding


def _rows(data: bytes, name: str) -> tuple[list[tuple[int, list]], str, str]:
    """(rows of cells with their row numbers, kind, encoding) of a workbook, a JSON dump or CSV."""
    if data.startswith(b"PK\x03\x04") or name.endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(data), "xlsx", ""
    if name.endswith(".json") or data.lstrip(codecs.BOM_UTF8 + b" \t\r\n")[:1] in (b"[", b"{"):
        rows, encoding = _json_rows(data)
        return rows, "json", encoding
    rows, encoding = _csv_rows(data)
    return rows, "csv", encoding


def _json_rows(data: bytes) -> tuple[list[tuple[int, list]], str]:
    """An API dump: a list of records, or an object holding one (``{"data": {"list": [...]}}``).
    The header is every field the records have, in the order first seen; record k is row k + 1
    (the header is row 1), so problems name rows as a table of the dump would."""
    text, encoding = _decode(data)
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise FileProblems([_problem(None, None, "calibration.bad_json", error=_shorten(str(exc)))]) from None
    records = _records_in(document)
    if records is None:
        raise FileProblems([_problem(None, None, "calibration.no_records")])
    if len(records) > MAX_KEPT_ROWS:
        raise _too_many_rows()
    fields: dict[str, None] = {}
    for record in records:
        for key in record:
            if len(fields) >= MAX_COLUMNS:
                break
            fields.setdefault(str(key), None)
    head = list(fields)
    rows = [(1, list(head))]
    for number, record in enumerate(records, 2):
        cells = [_json_cell(record.get(key)) for key in head]
        if not _blank(cells):
            rows.append((number, cells))
    return rows, encoding


def _records_in(document, depth: int = 0) -> list[dict] | None:
    """The first list of objects in a JSON document, looking at most three objects deep."""
    if isinstance(document, list):
        return document if document and all(isinstance(r, dict) for r in document) else None
    if isinstance(document, dict) and depth < 3:
        for value in document.values():
            found = _records_in(value, depth + 1)
            if found is not None:
                return found
    return None


def _json_cell(value):
    """A JSON value as a cell: numbers and text as they are, anything nested as its text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False)[:200]


def _not_a_workbook(exc: Exception) -> FileProblems:
    return FileProblems([_problem(None, None, "calibration.not_a_workbook", error=_shorten(str(exc)))])


def _check_unpacked_sizes(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose parts unpack to too much, or far more than they are stored in
    (a decompression bomb), from the sizes in the zip's directory: nothing is unpacked. zipfile
    never returns more than a part's stated size, so a part that lies about it fails its CRC."""
    parts = archive.infolist()
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED_BYTES:
        mb, limit = total / 2**20, MAX_UNPACKED_BYTES // 2**20
        raise FileProblems([_problem(None, None, "calibration.unpacks_too_big", mb=mb, limit=limit)])
    for p in parts:
        bulky = not p.filename.startswith(("xl/worksheets/", "xl/sharedStrings"))
        if bulky and p.file_size > MAX_PART_BYTES:
            raise FileProblems([_problem(None, None, "calibration.part_too_big", part=_shorten(p.filename),
                                         mb=p.file_size / 2**20, limit=MAX_PART_BYTES // 2**20)])
        ratio = p.file_size / max(p.compress_size, 1)
        if p.file_size > RATIO_FROM_BYTES and ratio > MAX_PACKING_RATIO:
            raise FileProblems([_problem(None, None, "calibration.packed_too_tight", part=_shorten(p.filename),
                                         ratio=ratio, limit=MAX_PACKING_RATIO)])


def _last_row_with_values(stream) -> int:
    """One pass over a worksheet's XML with expat (constant memory, no tree; openpyxl would
    build every cell of a row): refuse a row with more than MAX_CELLS_PER_ROW cells or more
    than MAX_KEPT_ROWS rows holding values, and return the number of the last row holding a
    value (0 if none), so rows of mere formatting below the data are never read."""
    row = cells = kept = last = 0
    has_value = False

    def end_of_row():
        nonlocal kept, last
        if has_value:
            kept, last = kept + 1, row
            if kept > MAX_KEPT_ROWS:
                raise _too_many_rows()

    def start(name, attrs):
        nonlocal row, cells, has_value
        local = name.rsplit(" ", 1)[-1]  # the namespace is separated by a space
        if local == "c":
            cells += 1
            if cells > MAX_CELLS_PER_ROW:
                raise _too_many_cells(row, cells)
        elif local in ("v", "is"):  # a value, or an inline string
            has_value = True
        elif local == "row":
            end_of_row()
            given = attrs.get("r", "")
            row = int(given) if given.isdigit() and len(given) < 8 else row + 1
            cells, has_value = 0, False

    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    try:
        parser.ParseFile(stream)
    except xml.parsers.expat.ExpatError as exc:
        raise _not_a_workbook(exc) from None
    end_of_row()
    return last


def _xlsx_rows(data: bytes) -> list[tuple[int, list]]:
    """The non-blank rows of a workbook's first sheet with their row numbers."""
    from openpyxl import load_workbook  # only workbooks need it

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_unpacked_sizes(archive)
        last = {}  # every sheet is checked before openpyxl opens any (it reads each to size it)
        for part in archive.namelist():
            if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                with archive.open(part) as stream:
                    last[part] = _last_row_with_values(stream)
        # data_only: a formula cell gives its cached value (or None), never a computation.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, RuntimeError) as exc:
        if isinstance(exc, FileProblems):
            raise
        raise _not_a_workbook(exc) from None
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # some exporters write wrong dimensions; read what is there
        # openpyxl keeps the sheet's part name only privately; tests/planner/calibration/test_calibrate_limits.py
        # reads workbooks through here, so a change shows at once.
        max_row = last.get(sheet._worksheet_path.lstrip("/"), 0)
        if max_row == 0:
            return []
        rows = []
        cells_by_row = sheet.iter_rows(min_row=1, max_row=max_row, max_col=MAX_COLUMNS, values_only=True)
        for number, cells in enumerate(cells_by_row, 1):
            if not _blank(cells):
                rows.append((number, list(cells)))
        return rows
    finally:
        book.close()


def _blank(cells: list) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


# --- cells to values ---------------------------------------------------------------------

_NUMBER_JUNK = re.compile(r"[,\s¥元人单次]")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_IN_TEXT = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_CLOCK = re.compile(r"^(\d{1,3}):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(小时|时|hours?|hrs|hr|h|分钟|分|minutes?|mins|min|m|秒|seconds?|secs|sec|s)")
_DURATION_HOURS = {"小时": 1.0, "时": 1.0, "h": 1.0, "hr": 1.0, "hrs": 1.0, "hour": 1.0, "hours": 1.0,
                   "分钟": 1 / 60, "分": 1 / 60, "min": 1 / 60, "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60,
                   "m": 1 / 60, "秒": 1 / 3600, "s": 1 / 3600, "sec": 1 / 3600, "secs": 1 / 3600,
                   "second": 1 / 3600, "seconds": 1 / 3600}


def parse_number(value) -> float | None:
    """A non-strict reading of a number cell: 1,234.5 / ¥1,234 / 1.2万 / 3亿. None if not a number.

    Empty marks ("", "-", "—") give NaN. Booleans and non-finite values are not numbers.
    """
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = number_text(value)
    if text is None:
        return None
    if text.casefold() in EMPTY_MARKS:
        return math.nan
    scale = 1.0
    if text.endswith("万"):
        text, scale = text[:-1], 1e4
    elif text.endswith("亿"):
        text, scale = text[:-1], 1e8
    number = parse_plain_number(_NUMBER_JUNK.sub("", text))  # the grammar of every numeric field
    if number is None:
        return None
    number *= scale
    return number if math.isfinite(number) else None


def parse_duration(value, scale: float = 1.0) -> float | None:
    """A session length in hours: a number (times ``scale``, the header's unit), 3小时12分,
    3h12m, 192分钟, or a clock 03:12 / 03:12:00. NaN if empty, None if not a length."""
    if isinstance(value, dt.time):
        return value.hour + value.minute / 60 + value.second / 3600
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 3600
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().casefold()
        clock = _CLOCK.match(text)
        if clock:
            h, m, sec = clock.groups()
            return int(h) + int(m) / 60 + float(sec or 0) / 3600
        parts = _DURATION_PART.findall(text)
        if parts and not _DURATION_PART.sub("", text).strip():
            return sum(float(n) * _DURATION_HOURS[unit] for n, unit in parts)
    number = parse_number(value)
    return number if number is None else number * scale


def parse_date(value, in_text: bool = False) -> dt.date | None:
    """A date cell: a workbook date, 2024-03-01, 2024/3/1, 2024.03.01, 2024年3月1日, 20240301.
    ``in_text``: the first such date anywhere in the cell (the live list's 直播信息 holds the
    title and the start time)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        if EXCEL_SERIALS[0] <= value <= EXCEL_SERIALS[1]:  # a workbook date cell without a date format
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        value = str(int(value))
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    match = _DATE.match(text) or _DATE_COMPACT.match(text) or (_DATE_IN_TEXT.search(text) if in_text else None)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


# --- the reader ----------------------------------------------------------------------------

def _find_header(rows: list[tuple[int, list]]) -> int | None:
    """Index in ``rows`` of the header: the first of the top rows naming two or more known columns."""
    seen = 0
    for i, (_, cells) in enumerate(rows):
        if _blank(cells):
            continue
        known = {column_for(str(c)) for c in cells if c is not None and str(c).strip()} - {None}
        if len(known) >= 2:
            return i
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    return None


def _unit_row(rows: list[tuple[int, list]], h: int) -> int | None:
    """The row below the header when it holds only units, such as (人) or 万元 (third-party
    sheets' second header row); None otherwise."""
    if h + 1 >= len(rows):
        return None
    cells = [str(c).strip() for c in rows[h + 1][1] if c is not None and str(c).strip()]
    header = rows[h][1]
    if not cells:
        return None
    units = 0
    for j, cell in enumerate(rows[h + 1][1]):
        key = column_for(str(header[j])) if j < len(header) and header[j] is not None else None
        if key is None or cell is None or not str(cell).strip():
            continue
        if header_unit(f"({_unbracketed(cell)})", key)[1] == "":
            return None
        units += 1
    return rows[h + 1][0] if units else None


def _unbracketed(cell) -> str:
    return unicodedata.normalize("NFKC", str(cell)).strip().strip("()")


def _with_units(header: list, units: list) -> list:
    """Header cells with the units row's cell in brackets after each: 成交金额 + 万元 → 成交金额(万元)."""
    out = list(header)
    for j, unit in enumerate(units):
        if j < len(out) and out[j] is not None and unit is not None and str(unit).strip():
            out[j] = f"{out[j]}({_unbracketed(unit)})"
    return out


def check_size(n_bytes: int) -> None:
    """Raise FileProblems if a file of ``n_bytes`` is over the limit (callers check before reading)."""
    if n_bytes > MAX_BYTES:
        mb, limit = n_bytes / 1024 / 1024, MAX_BYTES // 1024 // 1024
        raise FileProblems([_problem(None, None, "calibration.too_big", mb=mb, limit=limit)])


def read_sessions(data: bytes, filename: str = "") -> Sessions:
    """Parse and check a past-sessions file given as bytes. Raises FileProblems."""
    check_size(len(data))
    if not data.strip():
        raise FileProblems([_problem(None, None, "calibration.empty")])
    name = filename.casefold()
    if data.startswith(b"\xd0\xcf\x11\xe0") or name.endswith(".xls"):
        raise FileProblems([_problem(None, None, "calibration.old_excel")])
    rows, kind, encoding = _rows(data, name)

    if not rows:  # the readers keep only rows that are not blank
        raise FileProblems([_problem(None, None, "calibration.empty")])
    h = _find_header(rows)
    if h is None:
        first = next(cells for _, cells in rows if not _blank(cells))
        found = _shorten(", ".join(str(c) for c in first if c is not None))
        raise FileProblems([_problem(None, None, "calibration.no_header", rows=HEADER_SEARCH_ROWS, found=found)])
    header_row, header = rows[h]
    unit_row = _unit_row(rows, h)
    if unit_row is not None:  # a second header row of units below the names: (人) (万元)
        header = _with_units(header, rows[h + 1][1])
        rows = rows[:h + 1] + rows[h + 2:]

    problems: list[Problem] = []
    notices: list[Problem] = []
    where: dict[str, int] = {}  # canonical key -> cell index
    for j, cell in enumerate(header):
        if cell is None or not str(cell).strip():
            continue
        col = (_column_letter(j), str(cell).strip())
        key = column_for(str(cell))
        if key is None:
            notices.append(_problem(header_row, col, "calibration.ignored_column"))
        elif key in where:
            first = (_column_letter(where[key]), str(header[where[key]]).strip())
            problems.append(_problem(header_row, col, "calibration.duplicate_column", key, letter=first[0],
                                     header=_shorten(first[1]), column=ColumnRef(key)))
        else:
            where[key] = j
    if "live_info" in where:  # the live list's 直播信息: the date is read from it when no date column
        live_info = where.pop("live_info")
        if "date" not in where:
            where["date"] = live_info
        else:
            notices.append(_problem(header_row, (_column_letter(live_info), str(header[live_info]).strip()),
                                    "calibration.ignored_column"))
    scale = {}  # canonical key -> factor to the column's unit, from the header ("成交金额（万）")
    for key, j in where.items():
        factor, unit = header_unit(str(header[j]), key)
        if BY_KEY[key].kind == NUMBER and factor != 1.0:
            scale[key] = factor
            notices.append(_problem(header_row, (_column_letter(j), str(header[j]).strip()), "calibration.scaled_column",
                                    key, unit=unit, column=ColumnRef(key)))
    for c in COLUMNS:
        if c.required and c.key not in where:
            problems.append(_problem(header_row, None, "calibration.missing_column", c.key, column=ColumnRef(c.key)))
    if problems:
        raise FileProblems(problems)

    def col_of(key):
        return (_column_letter(where[key]), str(header[where[key]]).strip())

    records = []  # (row number, {key: value})
    more = False
    body = rows[h + 1:]
    if len(body) > MAX_ROWS or len(rows) > MAX_KEPT_ROWS:  # the readers stop there
        raise _too_many_rows()
    for number, cells in body:
        if len(problems) >= MAX_PROBLEMS:
            more = True
            break

        def cell(key, cells=cells):
            j = where[key]
            return cells[j] if j < len(cells) else None

        date_cell = cell("date")
        date_in_text = column_for(str(header[where["date"]])) == "live_info"
        if isinstance(date_cell, str) and date_cell.strip().casefold() in TOTAL_MARKS:
            notices.append(_problem(number, None, "calibration.totals_row"))
            continue
        record = {}
        for key in where:
            c, value = BY_KEY[key], cell(key)
            if c.kind == DATE:
                parsed = parse_date(value, in_text=date_in_text)
                if parsed is None:
                    problems.append(_problem(number, col_of(key), "calibration.expected_date", key,
                                             found=_found(value)))
                record[key] = parsed
            elif c.kind == TEXT:
                text = "" if value is None else str(value).strip()
                if not text:
                    problems.append(_problem(number, col_of(key), "calibration.expected_account", key,
                                             found=_found(value)))
                record[key] = text
            elif c.kind == NUMBER:
                if key == "session_hours":
                    parsed = parse_duration(value, scale.get(key, 1.0))
                else:
                    parsed = parse_number(value)
                    if parsed is not None and key in scale:
                        parsed *= scale[key]
                if parsed is None or (math.isnan(parsed) and c.required):
                    problems.append(_problem(number, col_of(key), "calibration.expected_number", key,
                                             column=ColumnRef(key), found=_found(value)))
                elif parsed < 0:
                    problems.append(_problem(number, col_of(key), "calibration.expected_non_negative", key,
                                             column=ColumnRef(key), found=_found(value)))
                record[key] = parsed
        problems += _row_checks(number, record, col_of)
        records.append((number, record))

    if not records and not problems:
        raise FileProblems([_problem(None, None, "calibration.no_sessions")])
    problems += _order_checks(records, col_of, "account" in where)
    if problems:
        raise FileProblems(problems[:MAX_PROBLEMS], more=more or len(problems) > MAX_PROBLEMS)
    return _build(records, tuple(c.key for c in COLUMNS if c.key in where), notices, kind, encoding)


def _ok(x) -> bool:
    return isinstance(x, float) and math.isfinite(x) and x >= 0


def _row_checks(number: int, record: dict, col_of) -> list[Problem]:
    """Values that cannot all be true of one session."""
    out = []
    viewers = record.get("viewers")
    # Counts no larger than the session's viewers: private viewers, buyers, each tool's viewers.
    for key in ("private_viewers", "buyers", *(f"{tool}_viewers" for tool in TOOL_KEYS if f"{tool}_viewers" in BY_KEY)):
        part = record.get(key)
        if _ok(viewers) and _ok(part) and part > viewers:
            out.append(_problem(number, col_of(key), "calibration.more_than_viewers", key, column=ColumnRef(key),
                                part=part, viewers=viewers))
    gmv, refunds = record.get("gmv"), record.get("refunds")
    if _ok(gmv) and _ok(refunds) and refunds > gmv:
        out.append(_problem(number, col_of("refunds"), "calibration.refunds_over_gmv", "refunds",
                            refunds=refunds, gmv=gmv))
    return out


def _order_checks(records, col_of, has_account: bool) -> list[Problem]:
    """Each account's dates must go one way, one session a day; and the file must fit the planner.
    A live list shows the newest session first: when the first account's dates go backward, the
    file is read from its last row up."""
    out = []
    last: dict[str, tuple[dt.date, int]] = {}
    dates = []
    dated = [(r.get("account", ""), r.get("date")) for _, r in records if isinstance(r.get("date"), dt.date)]
    first_account = [d for a, d in dated if a == dated[0][0]] if dated else []
    newest_first = len(first_account) >= 2 and first_account[1] < first_account[0]
    for number, record in (reversed(records) if newest_first else records):
        date, account = record.get("date"), record.get("account", "")
        if not isinstance(date, dt.date):
            continue
        dates.append(date)
        if account in last and date <= last[account][0]:
            prev, prev_row = last[account]
            who = message("calibration.of_account", account=_shorten(account)) if has_account else ""
            out.append(_problem(number, col_of("date"), "calibration.same_day" if date == prev else "calibration.earlier_day",
                                "date", who=who, date=date.isoformat(), prev=prev.isoformat(), prev_row=prev_row))
        else:
            last[account] = (date, number)
    if out:
        return out
    if dates:
        span = (max(dates) - min(dates)).days + 1
        if span > MAX_SPAN_DAYS:
            out.append(_problem(None, None, "calibration.span_too_long", "date", span=span, limit=MAX_SPAN_DAYS))
        if len(set(dates)) < MIN_DAYS:
            out.append(_problem(None, None, "calibration.too_few_dates", "date", dates=len(set(dates)), limit=MIN_DAYS))
    if len(last) > MAX_ACCOUNTS:
        out.append(_problem(None, None, "calibration.too_many_accounts", "account", accounts=len(last),
                            limit=MAX_ACCOUNTS))
    return out


def _build(records, columns, notices, kind, encoding) -> Sessions:
    records = sorted(records, key=lambda r: r[1]["date"])  # oldest first, whatever the file's order
    names = [r.get("account", "") for _, r in records]
    dates = np.array([r["date"] for _, r in records], dtype="datetime64[D]")
    viewers = np.array([r["viewers"] for _, r in records])
    # Engine order: the account that went live first is the flagship; ties go to the bigger one.
    order = sorted(set(names), key=lambda a: (min(d for d, n in zip(dates, names, strict=True) if n == a),
                                             -sum(v for v, n in zip(viewers, names, strict=True) if n == a), a))
    index = {a: i for i, a in enumerate(order)}
    values = {key: np.array([r[key] for _, r in records], dtype=float)
              for key in columns if BY_KEY[key].kind == NUMBER}
    return Sessions(
        account_names=tuple(order),
        account=np.array([index[n] for n in names], dtype=int),
        date=dates,
        values=values,
        rows=np.array([n for n, _ in records], dtype=int),
        columns=columns,
        notices=tuple(notices),
        kind=kind,
        encoding=encoding,
    )
