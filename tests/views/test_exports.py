"""views.exports: the daily table as CSV (UTF-8 with BOM) and .xlsx, read back with csv and openpyxl:
the link they came from, rounding, number formats, the totals row, and safe text cells."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from planner import kpis
from planner.engine import simulate
from planner.link import to_query
from planner.params import PARAMS
from planner.report import DAILY_KEYS, DAILY_KINDS, daily_headers, daily_table, totals
from planner.scenario import Scenario
from planner.text import t
from views import exports

SCENARIO = Scenario(accounts=2, gdt=2000, days=30)


@pytest.fixture(scope="module")
def proj():
    return simulate(SCENARIO)


URL = "https://planner.example/?v=2&accounts=2&gdt=2000&days=30"


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_has_bom_link_header_one_row_a_day_and_totals(proj, lang):
    data = exports.daily_csv(proj, lang, URL)
    assert data.startswith(b"\xef\xbb\xbf")  # so Excel opens Chinese as UTF-8
    rows = read_csv(data)
    assert rows[0] == [t("export.link_label", lang), URL]  # the link it came from, first
    assert rows[1] == daily_headers(lang)
    assert len(rows) == 2 + SCENARIO.days + 1
    assert [int(r[0]) for r in rows[2:-1]] == list(range(1, SCENARIO.days + 1))
    assert rows[-1][0] == t("export.total", lang)


def test_csv_without_a_page_link_carries_the_canonical_query(proj):
    assert read_csv(exports.daily_csv(proj, "zh"))[0][1] == "?" + to_query(SCENARIO)


def test_csv_is_rounded_to_what_is_meaningful(proj):
    """Issue 16: no 13593.599999999999, no fractional buyers."""
    rows = read_csv(exports.daily_csv(proj, "zh", URL))
    table = daily_table(proj)
    for r, row in zip(rows[2:-1], table, strict=True):
        for key, text in zip(DAILY_KEYS, r, strict=True):
            kind = DAILY_KINDS[key]
            if kind in ("count", "people"):
                assert text.isdigit() and int(text) == round(row[key]), (key, text)
            elif kind == "money":
                assert len(text.partition(".")[2]) <= 2 and abs(float(text) - row[key]) <= 0.005, (key, text)
            else:  # a share, to 0.01 percentage point
                assert len(text.partition(".")[2]) <= 4 and abs(float(text) - row[key]) <= 5e-5, (key, text)


def test_csv_totals_sum_the_cells_and_recompute_the_share(proj):
    rows = read_csv(exports.daily_csv(proj, "en", URL))
    body, total = rows[2:-1], dict(zip(DAILY_KEYS, rows[-1], strict=True))
    col = {key: i for i, key in enumerate(DAILY_KEYS)}
    for key in ("sessions", "pv", "pv_public", "buyers"):
        assert int(total[key]) == sum(int(r[col[key]]) for r in body)
    for key in ("gmv", "gmv_private", "net_gmv", "spend", "profit"):
        assert float(total[key]) == pytest.approx(sum(float(r[col[key]]) for r in body), abs=0.006)
    # GMV agrees with the model's total to the rounding of the days, and the share is recomputed
    # from the totals, not summed or averaged over days.
    assert float(total["gmv"]) == pytest.approx(totals(proj)["gmv"], abs=0.005 * SCENARIO.days)
    assert float(total["public_share"]) == round(int(total["pv_public"]) / int(total["pv"]), 4)
    assert total["day"] == "Total" and total["accounts_live"] == ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_opens_and_matches_the_csv(proj, lang):
    wb = load_workbook(io.BytesIO(exports.daily_xlsx(proj, lang, URL)))
    ws = wb.worksheets[0]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[1] == daily_headers(lang)
    assert len(values) == 2 + SCENARIO.days + 1
    csv_rows = read_csv(exports.daily_csv(proj, lang, URL))
    for xl, text in zip(values[2:-1], csv_rows[2:-1], strict=True):
        assert [float(x) for x in xl] == [float(x) for x in text]
    assert values[-1][0] == t("export.total", lang)
    assert [x if x is not None else "" for x in values[-1][1:]] == [
        float(x) if x else "" for x in csv_rows[-1][1:]]
    info = wb[t("export.sheet_scenario", lang)]
    keys = [row[1] for row in info.iter_rows(min_row=2, values_only=True) if row and row[1]]
    assert [p.key for p in PARAMS] == keys[: len(PARAMS)]


def test_xlsx_formats_percent_money_and_people_and_freezes_the_header(proj):
    ws = load_workbook(io.BytesIO(exports.daily_xlsx(proj, "zh", URL))).worksheets[0]
    col = {key: i + 1 for i, key in enumerate(DAILY_KEYS)}
    for row in (3, 10, ws.max_row):  # a day and the totals row
        assert ws.cell(row=row, column=col["public_share"]).number_format == "0.0%"
        assert ws.cell(row=row, column=col["gmv"]).number_format == t("export.format_yuan", "zh")
        assert ws.cell(row=row, column=col["buyers"]).number_format == "#,##0"
        assert ws.cell(row=row, column=col["day"]).number_format == "0"
    assert 0 < ws.cell(row=3, column=col["public_share"]).value < 1  # a fraction Excel shows as %
    assert ws.freeze_panes == "B3"
    assert all(cell.font.bold for cell in ws[2]) and all(cell.font.bold for cell in ws[ws.max_row])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_link_is_a_clickable_hyperlink_on_every_sheet(proj, lang):
    wb = load_workbook(io.BytesIO(exports.daily_xlsx(proj, lang, URL)))
    links = [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row if cell.hyperlink]
    assert len(links) == 3  # daily (above the header), summary and scenario
    for cell in links:
        assert cell.value == URL and cell.hyperlink.target == URL
    daily = wb.worksheets[0]
    assert daily["A1"].value == t("export.link_label", lang) and daily["B1"].hyperlink.target == URL


def test_xlsx_summary_gives_money_in_yuan_and_wan_and_rates_as_percent(proj):
    wb = load_workbook(io.BytesIO(exports.daily_xlsx(proj, "zh", URL)))
    sheet = wb[t("export.sheet_summary", "zh")]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2) if row[0].value}
    want = totals(proj)
    gmv = rows[kpis.label("gmv", "zh")]
    assert gmv[1].value == round(want["gmv"], 2) and gmv[1].number_format == t("export.format_yuan", "zh")
    assert gmv[2].value == pytest.approx(want["gmv"] / 10_000, abs=1e-4) and gmv[2].number_format == t("export.format_wan", "zh")
    share = rows[kpis.label("public_share", "zh")]
    assert share[1].value == round(want["public_share"], 4) and share[1].number_format == "0.0%"
    roi = rows[kpis.label("roi", "zh")]
    assert roi[1].value == pytest.approx(want["roi"], abs=1e-4) and roi[1].number_format == "0.00"
    buyers = rows[kpis.label("buyers", "zh")]
    assert buyers[1].value == round(want["buyers"]) and buyers[1].number_format == "#,##0"


def test_xlsx_roi_without_spend_is_left_empty():
    wb = load_workbook(io.BytesIO(exports.daily_xlsx(simulate(Scenario(days=10)), "en", URL)))
    sheet = wb[t("export.sheet_summary", "en")]
    roi = next(row for row in sheet.iter_rows(values_only=True) if row[0] == kpis.label("roi", "en"))
    assert all(x is None for x in roi[1:])


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_formula_like_text_is_neutralised(text):
    safe = exports.safe_text(text)
    assert safe.startswith("'") and safe[1:] == text


def test_plain_text_is_left_alone():
    assert exports.safe_text("场观_私域") == "场观_私域"
    assert exports.safe_text("https://x/?v=1") == "https://x/?v=1"


@pytest.mark.parametrize("url", ['=HYPERLINK("http://evil")', "javascript:alert(1)"])
def test_hostile_share_url_cannot_become_a_formula_or_a_link(proj, url):
    wb = load_workbook(io.BytesIO(exports.daily_xlsx(proj, "zh", url)))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)
    assert not any(c.hyperlink for c in cells)  # only an http(s) link is made clickable
    assert exports.safe_text(url) in [c.value for c in cells]
    assert read_csv(exports.daily_csv(proj, "zh", url))[0][1] == exports.safe_text(url)


def test_file_names(proj):
    assert exports.file_name("csv", "zh", "2025-01-31") == "视频号日报_2025-01-31.csv"
    assert exports.file_name("xlsx", "en", "2025-01-31") == "shipinhao_daily_2025-01-31.xlsx"
    assert exports.file_name("card", "zh", "2025-01-31") == "视频号预测_2025-01-31.png"
