"""Workbooks built by hand for the reader's tests: a sheet's XML streamed into a real workbook, so
a test can make a decompression bomb without holding it."""

from __future__ import annotations

import io
import zipfile

from .test_calibrate import small_rows, workbook_bytes

SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = b"</sheetData></worksheet>"


def with_sheet(book: bytes, chunks) -> bytes:
    """``book`` with its first sheet's XML replaced by the concatenated ``chunks`` (streamed, so a
    test can build a bomb without holding it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != SHEET:
                dst.writestr(info, src.read(info.filename))
                continue
            info = zipfile.ZipInfo(SHEET)
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk)
    return out.getvalue()


def header_row() -> bytes:
    cells = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in small_rows()[0])
    return f'<row r="1">{cells}</row>'.encode()


def one_huge_row(megabytes: int):
    yield SHEET_HEAD + header_row() + b'<row r="2">'
    block = b"<c><v>1</v></c>" * 65_536  # 1 MB
    for _ in range(megabytes):
        yield block
    yield b"</row>" + SHEET_TAIL


def bomb(unpacked_mb: int) -> bytes:
    """A workbook of the sample's header and one row of cells that unpacks to ``unpacked_mb`` MB
    from a few KB per MB."""
    return with_sheet(workbook_bytes(small_rows()), one_huge_row(unpacked_mb))
