"""views.exports: the daily table as CSV (UTF-8 with BOM) and .xlsx, and safe text cells."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from planner.engine import simulate
from planner.params import PARAMS
from planner.report import DAILY_KEYS, daily_headers, daily_table, totals
from planner.scenario import Scenario
from views import exports

SCENARIO = Scenario(accounts=2, gdt=2000, days=30)


@pytest.fixture(scope="module")
def proj():
    return simulate(SCENARIO)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_has_bom_header_and_one_row_a_day(proj, lang):
    data = exports.daily_csv(proj, lang)
    assert data.startswith(b"\xef\xbb\xbf")  # so Excel opens Chinese as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == daily_headers(lang)
    assert len(rows) == 1 + SCENARIO.days
    assert [int(r[0]) for r in rows[1:]] == list(range(1, SCENARIO.days + 1))


def test_csv_numbers_sum_to_the_totals(proj):
    rows = list(csv.reader(io.StringIO(exports.daily_csv(proj, "zh").decode("utf-8-sig"))))
    keys = list(DAILY_KEYS)
    gmv = sum(float(r[keys.index("gmv")]) for r in rows[1:])
    assert gmv == pytest.approx(totals(proj)["gmv"], rel=1e-12)
    table = daily_table(proj)
    for key in keys:
        assert [float(r[keys.index(key)]) for r in rows[1:]] == pytest.approx([row[key] for row in table])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_opens_and_matches_the_csv(proj, lang):
    wb = load_workbook(io.BytesIO(exports.daily_xlsx(proj, lang, "https://example.com/?v=1")))
    ws = wb.worksheets[0]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[0] == daily_headers(lang)
    assert len(values) == 1 + SCENARIO.days
    csv_rows = list(csv.reader(io.StringIO(exports.daily_csv(proj, lang).decode("utf-8-sig"))))
    for xl, text in zip(values[1:], csv_rows[1:], strict=True):
        assert [float(x) for x in xl] == pytest.approx([float(x) for x in text])
    info = wb.worksheets[1]
    keys = [row[1] for row in info.iter_rows(min_row=2, values_only=True) if row and row[1]]
    assert [p.key for p in PARAMS] == keys[: len(PARAMS)]
    assert any("https://example.com/?v=1" in str(c) for row in info.iter_rows(values_only=True) for c in row)


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_formula_like_text_is_neutralised(text):
    safe = exports.safe_text(text)
    assert safe.startswith("'") and safe[1:] == text


def test_plain_text_is_left_alone():
    assert exports.safe_text("场观_私域") == "场观_私域"
    assert exports.safe_text("https://x/?v=1") == "https://x/?v=1"


def test_hostile_share_url_cannot_become_a_formula(proj):
    wb = load_workbook(io.BytesIO(exports.daily_xlsx(proj, "zh", '=HYPERLINK("http://evil")')))
    cells = [c for row in wb.worksheets[1].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert not any(c.startswith("=") for c in cells)
    assert "'=HYPERLINK(\"http://evil\")" in cells


def test_file_names(proj):
    assert exports.file_name("csv", "zh", "2025-01-31") == "视频号日报_2025-01-31.csv"
    assert exports.file_name("xlsx", "en", "2025-01-31") == "shipinhao_daily_2025-01-31.xlsx"
    assert exports.file_name("card", "zh", "2025-01-31") == "视频号预测_2025-01-31.png"
