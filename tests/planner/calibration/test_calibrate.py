"""Calibration from past sessions: the reader's checks, the fit, the back-test, exports, the CLI."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from planner.calibration import (
    COLUMNS,
    MAX_BYTES,
    MAX_ROWS,
    FileProblems,
    calibrate,
    fit,
    read_sessions,
    schema_markdown,
)
from planner.calibration.fit import FIT_KEYS, MAX_REL_HALF_WIDTH, structure
from planner.calibration.sample import SAMPLE_COLUMNS, SAMPLE_SCENARIO, sample_csv, sample_rows
from planner.calibration.schema import column_for
from planner.cli import main
from planner.link import from_query, to_query
from planner.params import BY_KEY as PARAM
from planner.scenario import Scenario

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_FILE = ROOT / "examples" / "past_sessions.csv"
HEADERS = [zh for _, zh in SAMPLE_COLUMNS]
COL = {key: i for i, (key, _) in enumerate(SAMPLE_COLUMNS)}
# A small file for tests that only need a valid file: one account, 20 days.
SMALL = Scenario(accounts=1, days=20, invites=3000, show=0.06, cvr=0.012, aov=260, gdt=800, beans=300)


@pytest.fixture(scope="module")
def sample_text() -> str:
    return sample_csv()


@pytest.fixture(scope="module")
def sample_cal():
    return calibrate(read_sessions(SAMPLE_FILE.read_bytes(), SAMPLE_FILE.name))


def table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def to_csv(rows: list[list]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def small_rows() -> list[list]:
    return table(sample_csv(sample_rows(SMALL, seed=7)))


def problems_of(data: bytes, name: str = "f.csv") -> list:
    with pytest.raises(FileProblems) as info:
        read_sessions(data, name)
    assert str(info.value)  # one line for the CLI
    return info.value.problems


def workbook_bytes(rows: list[list], title_rows: int = 0) -> bytes:
    book = Workbook()
    ws = book.active
    for _ in range(title_rows):
        ws.append(["视频号直播数据导出"])
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


# --- the sample and the fit ------------------------------------------------------------------------

def test_the_committed_sample_is_what_the_generator_makes(sample_text):
    same = SAMPLE_FILE.read_text(encoding="utf-8") == sample_text  # no string diff: it is long
    assert same, "the engine changed: python -m planner.calibration.sample examples/past_sessions.csv"
    assert sample_csv() == sample_text  # seeded: the same file every time


def test_the_fit_recovers_every_identifiable_parameter_within_10_percent(sample_cal):
    fitted = [e for e in sample_cal.fit.estimates if e.status == "fitted"]
    assert {e.key for e in fitted} == {"cvr", "aov", "show", "pool", "followers", "lev_cap", "weight_speed",
                                       "priv_mult", "gdt_cpv", "beans_cpv", "returns"}
    for e in fitted:
        assert e.identifiable, e
        truth = getattr(SAMPLE_SCENARIO, e.key)
        assert e.value == pytest.approx(truth, rel=0.10), e.key
        assert e.low <= e.value <= e.high, e.key
        assert PARAM[e.key].min <= e.low and e.high <= PARAM[e.key].max, e.key


def test_what_the_data_cannot_identify_keeps_its_default_and_says_why(sample_cal):
    by_key = {e.key: e for e in sample_cal.fit.estimates}
    assert set(FIT_KEYS) <= set(by_key)
    coupons = by_key["coupons_cpv"]  # the sample has no coupon viewers column
    assert (coupons.status, coupons.identifiable, coupons.value) == ("default", False, PARAM["coupons_cpv"].default)
    assert "流量券观看" in coupons.note("en") and "保留默认值" in coupons.note("zh")
    for e in by_key.values():
        if e.status == "default":
            assert not e.identifiable and e.value == PARAM[e.key].default and e.note("en")
            assert getattr(sample_cal.scenario, e.key) == PARAM[e.key].default
    # Twenty days of one account cannot pin the leverage ceiling: flagged, with what the file suggests.
    small = {e.key: e for e in calibrate(read_sessions(sample_csv(sample_rows(SMALL, seed=7)).encode())).fit.estimates}
    lev_cap = small["lev_cap"]
    assert lev_cap.status == "default" and not lev_cap.identifiable and f"±{MAX_REL_HALF_WIDTH:.0%}" in lev_cap.note("en")
    assert "the file suggests" in lev_cap.note("en") and "文件提示" in lev_cap.note("zh")


def test_values_read_from_the_file(sample_cal):
    s = sample_cal.scenario
    assert (s.accounts, s.launch_every, s.days, s.invites) == (4, 10, 90, 3000)
    assert (s.gdt, s.coupons, s.session_hours) == (1500, 0, 3)
    # the file's spend, to the whole 元 its share link writes (planner.link.decimals)
    assert s.beans == round(SAMPLE_SCENARIO.beans)
    assert sample_cal.sessions.account_names[0] == "品牌旗舰店"  # the first live account is the flagship


def test_spend_split_by_account_is_read_from_the_file():
    split = ((0.5, 0.3, 0.1, 0.1), None, None)
    rows = sample_rows(SAMPLE_SCENARIO.replace(split=split, days=40))
    scenario, _, notes = structure(read_sessions(sample_csv(rows).encode()))
    assert scenario.split == split and scenario.gdt == 1500
    assert scenario.beans == round(SAMPLE_SCENARIO.beans)
    assert "50% / 30% / 10% / 10%" in notes["gdt"].text("en") and "evenly" in notes["beans"].text("en")
    assert "gdt_split=0.5,0.3,0.1,0.1" in to_query(scenario)


def test_backtest_projects_the_last_fifth_within_15_percent(sample_cal):
    b = sample_cal.backtest
    assert (b.train_days, b.test_days) == (72, 18)
    assert b.mape_gmv < 0.15 and b.mape_viewers < 0.15
    assert b.in_train.sum() == 72 and not b.in_train[-1]
    # The back-test's fit saw only the training days, and its values differ from the full fit's.
    assert b.fit.scenario != sample_cal.scenario
    assert sample_cal.fit.quality["gmv"]["r2"] > 0.9


def test_the_fitted_scenario_is_its_share_link(sample_cal):
    again, notices = from_query(sample_cal.query)
    assert notices == []
    assert again == sample_cal.scenario


def test_json_document_is_plain_json(sample_cal):
    doc = json.loads(json.dumps(sample_cal.as_dict(), allow_nan=False))
    assert doc["backtest"]["mape"]["gmv"] < 0.15
    assert doc["query"].startswith("v=2&")


def test_without_private_viewers_or_invites_the_fit_says_what_it_cannot_tell():
    rows = small_rows()
    keep = [i for i, h in enumerate(rows[0]) if h not in ("私域观看", "邀约量", "广点通观看", "微信豆观看", "退款金额(元)")]
    cal = calibrate(read_sessions(to_csv([[r[i] for i in keep] for r in rows])))
    by_key = {e.key: e for e in cal.fit.estimates}
    for key, column in (("priv_mult", "私域观看"), ("show", "私域观看"), ("gdt_cpv", "广点通观看"),
                        ("returns", "退款金额")):
        assert by_key[key].status == "default" and column in by_key[key].note("zh"), key
    invites = cal.estimate("invites")  # the level of private traffic, not a count the file gives
    assert not invites.identifiable and (invites.status == "default" or "invites × show" in invites.note("en"))


def test_without_invites_the_private_level_is_fitted_as_invites_and_not_called_identifiable():
    rows = small_rows()
    drop = rows[0].index("邀约量")
    cal = calibrate(read_sessions(to_csv([r[:drop] + r[drop + 1:] for r in rows])))
    invites, show = cal.estimate("invites"), cal.estimate("show")
    assert invites.status == "fitted" and not invites.identifiable and "invites × show" in invites.note("en")
    assert show.status == "default" and "邀约量" in show.note("zh")
    # What is identified is the product: it matches the truth's.
    assert invites.value * show.value == pytest.approx(SMALL.invites * SMALL.show, rel=0.1)


def test_a_room_bigger_than_the_defaults_still_gets_its_cvr_and_aov():
    rng = np.random.default_rng(1)
    rows = [["日期", "场观", "成交人数", "成交金额", "广点通消耗", "微信豆消耗"]]
    for d in range(20):
        viewers = round(50_000 * rng.uniform(0.9, 1.1))
        rows.append([f"2024-01-{d + 1:02d}", viewers, round(viewers * 0.02), round(viewers * 0.02) * 150, 0, 0])
    result = fit(read_sessions(to_csv(rows)))
    aov = next(e for e in result.estimates if e.key == "aov")
    assert aov.value == pytest.approx(150, rel=0.01) and aov.identifiable
    assert result.quality["viewers"]["mape"] < 0.15  # the level is reached (by invites and pool)
    proj_cvr = result.predicted["buyers"].sum() / result.predicted["viewers"].sum()
    assert proj_cvr == pytest.approx(0.02, rel=0.05)  # the blended CVR, private viewers included


# --- encodings and formats ---------------------------------------------------------------------------

def _same(a, b):
    assert a.account_names == b.account_names
    assert np.array_equal(a.date, b.date) and np.array_equal(a.account, b.account)
    assert a.values.keys() == b.values.keys()
    for key in a.values:
        np.testing.assert_array_equal(a.values[key], b.values[key])


def test_gbk_and_bom_files_parse_the_same_as_utf8(sample_text):
    utf8 = read_sessions(sample_text.encode("utf-8"), "a.csv")
    _same(utf8, read_sessions(codecs.BOM_UTF8 + sample_text.encode("utf-8"), "a.csv"))
    gbk = read_sessions(sample_text.encode("gbk"), "a.csv")
    _same(utf8, gbk)
    assert gbk.encoding == "gbk"
    _same(utf8, read_sessions(sample_text.replace(",", "\t").encode("utf-16"), "a.txt"))  # Excel "Unicode text"


def test_xlsx_parses_the_same_as_csv(sample_text):
    rows = table(sample_text)
    typed = [rows[0]] + [[dt.date.fromisoformat(r[0]), r[1], *(float(x) for x in r[2:])] for r in rows[1:]]
    from_xlsx = read_sessions(workbook_bytes(typed, title_rows=1), "导出.xlsx")
    _same(read_sessions(sample_text.encode(), "a.csv"), from_xlsx)
    assert from_xlsx.kind == "xlsx" and from_xlsx.rows[0] == 3  # a title row, then the header


def test_english_headers_units_and_chinese_number_formats():
    rows = small_rows()
    header = ["Date", "Account", "Viewers", "Private viewers", "invites", "Buyers", "orders", "GMV (yuan)",
              "GDT spend", "beans", "gdt viewers", "beans viewers", "Refunds", "session hours"]
    assert [column_for(h) for h in header] == [k for k, _ in SAMPLE_COLUMNS]
    rows[1][COL["gmv"]] = "¥1,234.5"
    rows[2][COL["viewers"]] = "1.2万"
    rows[3][COL["date"]] = rows[3][COL["date"]].replace("-", "/")
    s = read_sessions(to_csv([header] + rows[1:]))
    assert s.values["gmv"][0] == 1234.5 and s.values["viewers"][1] == 12000


def test_a_totals_row_is_skipped_with_a_notice():
    rows = small_rows()
    rows.append(["合计", "", "99999", "", "", "", "", "", "", "", "", "", "", ""])
    s = read_sessions(to_csv(rows))
    assert len(s) == len(rows) - 2
    assert any(n.row == len(rows) and "totals" in n.message("en") for n in s.notices)


# --- bad files: one specific message each, naming row and column -------------------------------------

def test_missing_required_column_is_named():
    rows = small_rows()
    drop = COL["gmv"]
    (p,) = problems_of(to_csv([r[:drop] + r[drop + 1:] for r in rows]))
    assert p.column == "gmv" and p.row == 1
    assert "missing required column 成交金额 (GMV)" in p.message("en") and "缺少必填列“成交金额”" in p.message("zh")


def test_text_in_a_number_column_names_row_and_column():
    rows = small_rows()
    rows[4][COL["gmv"]] = "abc"  # the 5th row of the sheet
    (p,) = problems_of(to_csv(rows))
    assert (p.row, p.column) == (5, "gmv")
    assert p.message("en") == "row 5, column H (成交金额(元)): expected a number (yuan), found 'abc'."
    assert p.message("zh") == "第5行，H列（成交金额(元)）：应为数字（元），实际为“abc”。"


def test_negative_gmv_and_every_problem_is_collected():
    rows = small_rows()
    rows[6][COL["gmv"]] = "-5"
    rows[8][COL["viewers"]] = ""  # a required column (buyers is optional: the live list has none)
    rows[9][COL["date"]] = "yesterday"
    problems = problems_of(to_csv(rows))
    assert [(p.row, p.column) for p in problems] == [(7, "gmv"), (9, "viewers"), (10, "date")]
    assert "expected a number ≥ 0 (yuan), found '-5'" in problems[0].message("en")
    assert "found an empty cell" in problems[1].message("en")
    assert "expected a date like 2024-03-01, found 'yesterday'" in problems[2].message("en")


def test_problems_survive_pickling():  # the app caches them
    with pytest.raises(FileProblems) as info:
        read_sessions(b"")
    again = pickle.loads(pickle.dumps(info.value))
    assert again.problems == info.value.problems and str(again) == str(info.value)


def test_problems_stop_at_the_limit():
    rows = small_rows()
    for r in rows[1:]:
        r[COL["gmv"]] = "x"
    with pytest.raises(FileProblems) as info:
        read_sessions(to_csv(rows))
    assert len(info.value.problems) == 20 and "more problem" in str(info.value)


def test_dates_out_of_order_within_an_account():
    rows = small_rows()
    rows[5][COL["date"]], rows[6][COL["date"]] = rows[6][COL["date"]], rows[5][COL["date"]]
    problems = problems_of(to_csv(rows))
    assert [(p.row, p.column) for p in problems] == [(7, "date")]
    assert "must go forward" in problems[0].message("en") and "row 6" in problems[0].message("en") and "品牌旗舰店" in problems[0].message("en")


def test_two_accounts_may_share_a_date_but_one_account_may_not_repeat_it():
    rows = small_rows()
    rows.insert(3, [rows[2][0], "另一个号", *rows[2][2:]])
    read_sessions(to_csv(rows))  # another account on the same day is fine
    rows[3][1] = rows[2][1]
    (p,) = problems_of(to_csv(rows))
    assert p.row == 4 and "same day" in p.message("en")


def test_impossible_combinations_in_a_row():
    rows = small_rows()
    rows[2][COL["private_viewers"]] = str(int(rows[2][COL["viewers"]]) + 1)
    rows[3][COL["refunds"]] = str(float(rows[3][COL["gmv"]]) * 2)
    problems = problems_of(to_csv(rows))
    assert [(p.row, p.column) for p in problems] == [(3, "private_viewers"), (4, "refunds")]


def test_file_over_the_size_limit():
    (p,) = problems_of(b"x" * (MAX_BYTES + 1))
    assert "limit is 5 MB" in p.message("en")


def test_file_over_the_row_cap():
    rows = small_rows()
    data = to_csv(rows[:1] + [rows[1]] * (MAX_ROWS + 1))
    assert len(data) < MAX_BYTES
    (p,) = problems_of(data)
    assert f"more than {MAX_ROWS:,} rows" in p.message("en")


@pytest.mark.parametrize("data", [b"", b"  \n\n", codecs.BOM_UTF8])
def test_empty_file(data):
    (p,) = problems_of(data)
    assert "empty" in p.message("en")


def test_header_only_and_no_header():
    (p,) = problems_of(to_csv(small_rows()[:1]))
    assert "no sessions" in p.message("en")
    (p,) = problems_of(b"a,b,c\n1,2,3\n")
    assert "No header row" in p.message("en") and "'a, b, c'" in p.message("en")


def test_undecodable_file():
    (p,) = problems_of(bytes(range(128, 256)) * 4)
    assert "neither UTF-8 nor GBK" in p.message("en")


def test_broken_and_old_workbooks():
    (p,) = problems_of(b"PK\x03\x04 not really a zip", "a.xlsx")
    assert "not a readable .xlsx" in p.message("en")
    (p,) = problems_of(b"\xd0\xcf\x11\xe0" + b"\0" * 100, "a.xls")
    assert ".xls" in p.message("en")


def test_too_few_days_and_too_many_accounts():
    rows = small_rows()
    (p,) = problems_of(to_csv(rows[:6]))
    assert "at least 10" in p.message("en")
    many = rows[:11] + [[r[0], f"号{i}", *r[2:]] for i in range(21) for r in rows[1:2]]
    problems = problems_of(to_csv(many))
    assert any("at most 20" in p.message("en") for p in problems)


# --- nothing is evaluated; exports are inert ---------------------------------------------------------

def test_formula_looking_csv_cells_are_text_never_evaluated():
    rows = small_rows()
    rows[2][COL["gmv"]] = "=1+1"
    (p,) = problems_of(to_csv(rows))
    assert "found '=1+1'" in p.message("en")
    rows = small_rows()
    for r in rows[1:]:
        r[COL["account"]] = "=HYPERLINK(\"http://x\",\"y\")"
    assert read_sessions(to_csv(rows)).account_names == ('=HYPERLINK("http://x","y")',)


def test_xlsx_formulas_are_never_computed():
    rows = [small_rows()[0]]
    body = small_rows()[1:]
    rows += [[dt.date.fromisoformat(r[0]), r[1], *(float(x) for x in r[2:])] for r in body]
    rows[3][COL["gmv"]] = "=SUM(C2:C3)"  # openpyxl writes it as a formula with no cached value
    (p,) = problems_of(workbook_bytes(rows), "a.xlsx")
    assert (p.row, p.column) == (4, "gmv") and "found an empty cell" in p.message("en")


# --- the schema table is the one source ------------------------------------------------------------

def test_schema_aliases_are_unambiguous_and_readme_shows_the_table():
    for c in COLUMNS:
        for name in c.names():
            assert column_for(name) == c.key
            assert column_for(f" {name}（元）") == c.key
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert schema_markdown("en") in readme


# --- the command line ------------------------------------------------------------------------------

def test_cli_calibrate_json(capsys):
    code = main(["calibrate", str(SAMPLE_FILE), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert {"params", "fit", "backtest", "query"} <= set(doc)
    assert doc["backtest"]["mape"]["gmv"] < 0.15
    cvr = next(p for p in doc["params"] if p["key"] == "cvr")
    assert cvr["identifiable"] and cvr["low"] <= cvr["value"] <= cvr["high"]
    assert from_query(doc["query"])[1] == []


def test_cli_bad_file_exits_2_with_one_line(tmp_path, capsys):
    rows = small_rows()
    drop = COL["gmv"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(to_csv([r[:drop] + r[drop + 1:] for r in rows]))
    assert main(["calibrate", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "missing required column 成交金额" in err
    assert main(["calibrate", str(tmp_path / "nope.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_table_in_english(capsys):
    assert main(["calibrate", str(SAMPLE_FILE), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "MAPE daily GMV" in out and "Share query: v=2&" in out and "kept the default" in out


def test_cli_process_error_is_one_line_without_traceback(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "planner", "calibrate", str(empty)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr and "empty" in done.stderr
