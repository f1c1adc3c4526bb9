"""Benchmark: what a hostile calibration upload costs, against openpyxl reading the same file.

    python benchmarks/uploads.py [--before-mb 2]

The reader (planner/calibration/reader.py) checks a workbook's zip directory and streams each
sheet's XML with expat before openpyxl opens the book, so a decompression bomb is refused
without being unpacked. Printed per file: the time and peak Python memory (tracemalloc) of the
refusal, against the 1 s / 64 MiB target; and, for the ratio, what openpyxl alone costs to open
and read a smaller bomb of ``--before-mb`` MB (what the reader did before issue 12; the 100 MB
bomb would take minutes and gigabytes that way).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.calibration import FileProblems, read_sessions  # noqa: E402
from planner.calibration.reader import MAX_CELLS_PER_ROW  # noqa: E402
from tests.planner.calibration import workbooks  # noqa: E402
from tests.planner.calibration.test_calibrate import small_rows, to_csv, workbook_bytes  # noqa: E402

TARGET_SECONDS, TARGET_MIB = 1.0, 64.0
REPEATS = 5


def measured(fn, repeats: int = REPEATS) -> tuple[float, float, str]:
    """Median seconds and the largest peak MiB of ``repeats`` calls of ``fn``, and what it said."""
    times, peaks, said = [], [], ""
    for _ in range(repeats):
        tracemalloc.start()
        started = time.perf_counter()
        try:
            said = fn()
        finally:
            times.append(time.perf_counter() - started)
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
    return statistics.median(times), max(peaks), said


def fmt_mib(mib: float) -> str:
    return f"{mib:,.1f} MiB" if mib >= 1 else f"{mib * 1024:,.0f} KiB"


def refused(data: bytes, name: str):
    def read() -> str:
        try:
            read_sessions(data, name)
        except FileProblems as problems:
            return problems.summary("en")
        return "accepted"
    return read


def openpyxl_reads(data: bytes):
    """What the reader did before: openpyxl opens the book and walks its rows."""
    import io

    from openpyxl import load_workbook

    def read() -> str:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            cells = sum(len(row) for row in book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
        return f"{cells:,} cells read"
    return read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before-mb", type=int, default=2)
    args = parser.parse_args()

    wide_cells = b"".join(f"<c><v>{i * 7919 % 1_000_003}</v></c>".encode() for i in range(MAX_CELLS_PER_ROW + 10))
    wide = workbooks.with_sheet(workbook_bytes(small_rows()), [
        workbooks.SHEET_HEAD, workbooks.header_row(), b'<row r="2">', wide_cells, b"</row>", workbooks.SHEET_TAIL])
    rows = small_rows()
    files = [
        ("bomb: one row unpacking to 100 MB", workbooks.bomb(100), "bomb.xlsx"),
        ("bomb: one row unpacking to 12 MB", workbooks.bomb(12), "bomb.xlsx"),
        (f"a row of {MAX_CELLS_PER_ROW + 10:,} varied cells", wide, "wide.xlsx"),
        (f"a CSV row of {MAX_CELLS_PER_ROW + 10:,} cells", to_csv(rows[:3]) + b"," * (MAX_CELLS_PER_ROW + 10) + b"\n",
         "wide.csv"),
    ]
    print("# Hostile uploads\n")
    print(f"Median of {REPEATS} refusals each; peak Python memory by tracemalloc. Target: refused in under "
          f"{TARGET_SECONDS:g} s with under {TARGET_MIB:g} MiB.\n")
    print("| file | size | refused in | peak memory | target | said |")
    print("|---|---:|---:|---:|---|---|")
    missed = 0
    for label, data, name in files:
        seconds, mib, said = measured(refused(data, name))
        ok = seconds < TARGET_SECONDS and mib < TARGET_MIB and said != "accepted"
        missed += not ok
        print(f"| {label} | {len(data) / 1024:,.0f} KB | {seconds * 1000:,.1f} ms | {fmt_mib(mib)} | "
              f"{'pass' if ok else '**FAIL**'} | {said[:90]} |")

    before = workbooks.bomb(args.before_mb)
    now_s, now_mib, _ = measured(refused(before, "bomb.xlsx"))
    old_s, old_mib, read = measured(openpyxl_reads(before), repeats=1)  # slow: once
    print(f"\nBefore (openpyxl opening and reading a {args.before_mb} MB bomb, {len(before) / 1024:,.0f} KB, "
          f"{read}): {old_s:,.2f} s and {fmt_mib(old_mib)}; the reader refuses it in {now_s * 1000:,.1f} ms with "
          f"{fmt_mib(now_mib)}: {old_s / max(now_s, 1e-9):,.0f}× faster, {old_mib / max(now_mib, 1e-9):,.0f}× less memory. "
          "openpyxl grows with the bomb (about linearly), the reader does not.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
