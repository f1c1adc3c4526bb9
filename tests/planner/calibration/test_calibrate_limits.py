"""The reader's limits on what an upload may cost (planner/calibration/reader.py, issue 12).

A workbook is a zip: 207 KB can unpack to 100 MB of one row of cells, which openpyxl held as
3.3 GB for 48 s before its error. The reader now checks what the parts unpack to, and how many
cells a row has, before openpyxl reads a sheet: a refused book is never handed to openpyxl and
never unpacked into memory. (How fast and how small the refusal is, against openpyxl reading the
same bomb, is measured in benchmarks/uploads.py.) Blank rows, or rows with only formatting,
below the data (a common export) do not count toward the row limit.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from planner.calibration import MAX_ROWS, FileProblems, read_sessions
from planner.calibration.reader import MAX_CELLS_PER_ROW, MAX_UNPACKED_BYTES

from . import workbooks
from .test_calibrate import small_rows, to_csv, workbook_bytes
from .workbooks import SHEET_HEAD, SHEET_TAIL, header_row, with_sheet


def refusal(data: bytes, name: str = "bomb.xlsx") -> str:
    """The one-line refusal of ``data``, checking openpyxl was never asked to open it."""
    import openpyxl

    def must_not_open(*args, **kwargs):
        raise AssertionError("openpyxl opened a book the reader should have refused first")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(openpyxl, "load_workbook", must_not_open)
        with pytest.raises(FileProblems) as info:
            read_sessions(data, name)
    return info.value.summary("en")


@pytest.fixture(scope="module")
def book() -> bytes:
    return workbook_bytes(small_rows())


def test_a_decompression_bomb_is_refused_before_openpyxl_opens_it():
    bomb = workbooks.bomb(100)
    assert len(bomb) < 400_000  # a few hundred KB that unpack to 100 MB
    line = refusal(bomb)
    assert "MB" in line and "unpack" in line


def test_a_part_that_unpacks_far_beyond_its_size_is_refused():
    bomb = workbooks.bomb(12)  # under the size limit, but 12 MB from ~25 KB
    assert "times" in refusal(bomb)


def test_a_row_with_more_cells_than_a_sheet_has_columns_is_refused(book):
    # Varied values compress like real data, so only the count of cells gives it away.
    cells = b"".join(f"<c><v>{i * 7919 % 1_000_003}</v></c>".encode() for i in range(MAX_CELLS_PER_ROW + 10))
    data = with_sheet(book, [SHEET_HEAD, header_row(), b'<row r="2">', cells, b"</row>", SHEET_TAIL])
    line = refusal(data)
    assert "row 2" in line and f"{MAX_CELLS_PER_ROW:,}" in line


def test_the_limits_leave_room_for_a_full_real_export():
    assert MAX_UNPACKED_BYTES >= 20 * 2**20  # 10,000 rows × 40 columns of sheet XML


def test_styled_empty_rows_below_the_data_do_not_count():
    wb = Workbook()
    ws = wb.active
    for row in small_rows():
        ws.append(row)
    grey = PatternFill("solid", fgColor="DDDDDD")
    first_blank = ws.max_row + 1
    for r in range(first_blank, first_blank + MAX_ROWS + 500):  # an export's formatted, empty rows
        ws.cell(row=r, column=1).fill = grey
        ws.row_dimensions[r].height = 18
    buf = io.BytesIO()
    wb.save(buf)
    sessions = read_sessions(buf.getvalue(), "export.xlsx")
    assert len(sessions) == len(small_rows()) - 1


def test_blank_csv_rows_below_the_data_do_not_count():
    rows = small_rows()
    data = to_csv(rows + [[""] * len(rows[0])] * (MAX_ROWS + 500))
    assert len(read_sessions(data, "export.csv")) == len(rows) - 1


def test_a_csv_row_with_too_many_cells_is_refused():
    rows = small_rows()
    data = to_csv(rows[:3]) + b"," * (MAX_CELLS_PER_ROW + 10) + b"\n"
    line = refusal(data, "wide.csv")
    assert "row 4" in line and f"{MAX_CELLS_PER_ROW:,}" in line


def test_too_many_rows_of_sessions_are_still_refused_in_a_workbook():
    rows = small_rows()
    line = refusal(workbook_bytes(rows[:1] + [rows[1]] * (MAX_ROWS + 20)))
    assert f"more than {MAX_ROWS:,} rows" in line
