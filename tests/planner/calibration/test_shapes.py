"""Calibrate v2 on the exports merchants have (issue 14): every shape read in UTF-8 and GBK, the
file's own AOV and conversion within 10% of the generator's truth, a back-test, a missing column
named in both languages, spend from a second file, and a generator the calibration never saw."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math

import numpy as np
import pytest

from planner.calibration import FileProblems, calibrate, read_sessions
from planner.calibration.fit import PLAN_KEYS, observe
from planner.calibration.reader import parse_date, parse_duration
from planner.calibration.schema import header_unit
from planner.calibration.simulator import SHAPES, SPEND_FILES, sample_text, simulate_sessions, truth
from planner.calibration.spend import join_spend, read_spend, read_with_spend
from tests.planner.calibration.test_calibrate import ROOT

EXAMPLES = ROOT / "examples"
BUYER_SHAPES = [shape for shape in SHAPES if shape != "live_list"]  # the live list alone has no 成交人数


@pytest.fixture(scope="module")
def fits() -> dict:
    """Each shape's sample, read and calibrated once."""
    out = {}
    for shape, (name, _, _) in SHAPES.items():
        out[shape] = calibrate(read_sessions((EXAMPLES / name).read_bytes(), name))
    return out


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_committed_samples_are_what_the_simulator_makes(shape):
    name = SHAPES[shape][0]
    assert (EXAMPLES / name).read_text(encoding="utf-8") == sample_text(shape), (
        "python -m planner.calibration.simulator examples")
    truths = json.loads((EXAMPLES / "simulator_truth.json").read_text(encoding="utf-8"))
    assert truths[shape]["aov"] == pytest.approx(truth(shape).aov)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_shape_reads_the_same_in_utf8_and_gbk(shape, encoding):
    name = SHAPES[shape][0]
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    utf8 = read_sessions(text.encode("utf-8"), name)
    other = read_sessions(text.encode(encoding), name)
    assert other.columns == utf8.columns and other.account_names == utf8.account_names
    for key, values in utf8.values.items():
        np.testing.assert_array_equal(other.values[key], values)
    assert utf8.has("viewers") and utf8.has("gmv") and utf8.has("buyers") == (shape in BUYER_SHAPES)


@pytest.mark.parametrize("shape", BUYER_SHAPES)
def test_the_files_aov_and_conversion_are_within_10_percent_of_the_generators_truth(fits, shape):
    cal, real = fits[shape], truth(shape)
    observed = cal.fit.observed
    assert observed["aov"].value == pytest.approx(real.aov, rel=0.10)
    assert observed["buyer_rate"].value == pytest.approx(real.buyer_rate, rel=0.10)
    assert observed["order_value"].value == pytest.approx(real.order_value, rel=0.10)
    # The planner's aov is the file's GMV per buyer, with an interval holding it.
    aov = cal.estimate("aov")
    assert aov.status == "fitted" and aov.low <= aov.value <= aov.high
    assert aov.value == pytest.approx(real.aov, rel=0.10)
    # The public CVR reproduces the file's buyer rate through the model's mix of viewers.
    cvr = cal.estimate("cvr")
    assert cvr.status == "fitted" and cvr.low <= cvr.value <= cvr.high
    predicted = cal.fit.predicted
    live = np.isfinite(predicted["viewers"])
    model_rate = np.sum(predicted["buyers"][live]) / np.sum(predicted["viewers"][live])
    assert model_rate == pytest.approx(observed["buyer_rate"].value, rel=0.02)
    assert "buyers ÷ viewers" in cvr.note("en") and "成交人数÷观看人数" in cvr.note("zh")


@pytest.mark.parametrize("shape", list(SHAPES))
def test_sessions_a_week_and_hours_come_from_the_file(fits, shape):
    cal, real = fits[shape], truth(shape)
    assert cal.scenario.sessions_week == pytest.approx(real.sessions_week, rel=0.10)
    assert cal.scenario.session_hours == pytest.approx(real.session_hours, abs=0.5)
    assert cal.estimate("sessions_week").status == "data"


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_back_test_mape_is_computed_and_finite(fits, shape):
    b = fits[shape].backtest
    assert b.test_days >= 2 and math.isfinite(b.mape_gmv) and math.isfinite(b.mape_viewers)
    # Honest, not tuned: the simulator is not the engine. Far better than a fit that lost the
    # room's level (94% before followers were kept as the level).
    assert b.mape_gmv < 0.6


def test_without_spend_columns_the_result_says_the_file_is_silent_on_paid_traffic(fits):
    cal = fits["assistant"]
    for tool in ("gdt", "beans", "coupons"):
        e = cal.estimate(tool)
        assert e.status == "not_in_file" and not e.identifiable
        assert "says nothing about" in e.note("en") and "不说明" in e.note("zh")
    assert not set(cal.values_to_apply(onto_plan=False)) & {"gdt", "beans", "coupons"}


def test_apply_onto_the_plan_never_writes_the_plan(fits):
    for shape, cal in fits.items():
        assert not set(cal.values_to_apply(onto_plan=True)) & set(PLAN_KEYS)
        assert {"aov", "cvr"} <= set(cal.values_to_apply(onto_plan=True)) | ({"aov"} if shape == "live_list" else set())


def test_the_live_list_alone_gives_gmv_per_viewer_and_says_aov_and_conversion_cannot_be_told_apart(fits):
    cal, real = fits["live_list"], truth("live_list")
    per_viewer = cal.fit.observed["gmv_per_viewer"]
    assert per_viewer.value == pytest.approx(real.gmv_per_viewer, rel=0.10)
    assert "buyer_rate" not in cal.fit.observed and "aov" not in cal.fit.observed
    aov = cal.estimate("aov")
    assert aov.status == "default" and "成交人数" in aov.note("en") and "cannot be told apart" in aov.note("en")
    cvr = cal.estimate("cvr")  # set so the model's GMV per viewer is the file's, at the AOV kept
    assert cvr.status == "fitted" and not cvr.identifiable and "GMV ÷ viewers" in cvr.note("en")
    predicted = cal.fit.predicted
    live = np.isfinite(predicted["viewers"])
    assert np.sum(predicted["gmv"][live]) / np.sum(predicted["viewers"][live]) == pytest.approx(per_viewer.value,
                                                                                              rel=0.02)


def test_what_the_file_cannot_inform_keeps_its_value_and_says_why(fits):
    cal = fits["assistant"]  # no private viewers, no invites
    for key in ("invites", "pool", "priv_mult", "show", "lev_cap"):
        e = cal.estimate(key)
        assert e.status == "default" and e.note("en") and "私域观看" in e.note("zh")


@pytest.mark.parametrize("shape", ["assistant", "live_list", "third_party", "api"])
def test_a_missing_required_column_is_named_in_chinese_and_english(shape):
    name = SHAPES[shape][0]
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    for header in ("成交金额", "pay_amount_fen"):
        text = text.replace(header, "备注")
    with pytest.raises(FileProblems) as info:
        read_sessions(text.encode("gbk"), name)
    zh, en = info.value.summary("zh"), info.value.summary("en")
    assert "缺少必填列“成交金额”（GMV）" in zh
    assert "missing required column 成交金额 (GMV)" in en


# --- the readers' new pieces -----------------------------------------------------------------

@pytest.mark.parametrize(("cell", "hours"), [("3小时12分", 3.2), ("3小时12分钟", 3.2), ("3h12m", 3.2),
                                             ("192分钟", 3.2), ("03:12:00", 3.2), ("3:12", 3.2), ("2.5", 2.5),
                                             ("1小时5分30秒", 1 + 5 / 60 + 30 / 3600), (3, 3.0)])
def test_session_lengths_as_exports_write_them(cell, hours):
    assert parse_duration(cell) == pytest.approx(hours)


def test_a_length_that_is_not_one_is_refused():
    assert parse_duration("three hours") is None and parse_duration("3小时abc") is None
    assert math.isnan(parse_duration(""))


@pytest.mark.parametrize(("header", "key", "factor"), [
    ("成交金额（万）", "gmv", 1e4), ("成交金额(万元)", "gmv", 1e4), ("pay_amount_fen", "gmv", 0.01),
    ("退款金额(分)", "refunds", 0.01), ("直播时长(分钟)", "session_hours", 1 / 60), ("duration_sec", "session_hours", 1 / 3600),
    ("观看人数（万）", "viewers", 1e4), ("成交金额(元)", "gmv", 1.0), ("成交金额", "gmv", 1.0), ("gdt spend", "gdt_spend", 1.0)])
def test_units_named_by_a_header_scale_its_cells(header, key, factor):
    assert header_unit(header, key)[0] == pytest.approx(factor)


def test_the_live_lists_title_and_start_time_give_the_date():
    assert parse_date("春季上新专场 2024-03-01 19:32", in_text=True) == dt.date(2024, 3, 1)
    assert parse_date("春季上新专场 2024-03-01 19:32") is None  # only the live list's column searches


def test_tolerant_headers_full_width_and_spaces():
    text = (EXAMPLES / "assistant_live_list.csv").read_text(encoding="utf-8")
    text = text.replace("观看人数", " 观看人数 （人） ").replace("成交金额", "成交金额（元）", 1)
    sessions = read_sessions(text.encode("utf-8"), "x.csv")
    assert sessions.has("viewers") and sessions.has("gmv")


def test_unmatched_headers_are_listed():
    sessions = read_sessions((EXAMPLES / "third_party_sheet.csv").read_bytes(), "third_party_sheet.csv")
    messages = [n.message("en") for n in sessions.notices]
    assert any("read in 万元, converted to yuan" in m for m in messages)
    assert any("totals row" in m for m in messages)
    api = read_sessions((EXAMPLES / "api_dump.json").read_bytes(), "api_dump.json")
    assert api.kind == "json" and "max_online" not in " ".join(n.message("en") for n in api.notices)


def test_a_json_without_records_is_one_clear_problem():
    with pytest.raises(FileProblems) as info:
        read_sessions(b'{"errcode": 0, "data": {}}', "x.json")
    assert "no list of session records" in str(info.value)
    with pytest.raises(FileProblems) as info:
        read_sessions(b'{"data": [', "x.json")
    assert "JSON text is malformed" in str(info.value)


def test_the_newest_first_live_list_reads_like_oldest_first():
    text = (EXAMPLES / "assistant_live_list.csv").read_text(encoding="utf-8")
    head, *rows = text.splitlines()
    newest, oldest = (read_sessions("\n".join([head, *r]).encode(), "x.csv") for r in (rows, rows[::-1]))
    np.testing.assert_array_equal(newest.date, oldest.date)
    np.testing.assert_array_equal(newest.values["gmv"], oldest.values["gmv"])


# --- spend from a second file ------------------------------------------------------------------

def _without_spend(sessions):
    import dataclasses

    values = {k: v for k, v in sessions.values.items() if not k.endswith("_spend")}
    return dataclasses.replace(sessions, values=values, columns=tuple(c for c in sessions.columns if c in values
                                                                       or c in ("date", "account")))


def test_spend_files_joined_by_date_and_account_give_the_templates_own_spend():
    name = SHAPES["template"][0]
    full = read_sessions((EXAMPLES / name).read_bytes(), name)
    joined = _without_spend(full)
    assert not joined.has("gdt_spend")
    for key in SPEND_FILES:
        spend_name = SPEND_FILES[key][0]
        joined = join_spend(joined, read_spend((EXAMPLES / spend_name).read_bytes(), spend_name))
    for key in ("gdt_spend", "beans_spend"):
        np.testing.assert_allclose(joined.values[key], full.values[key], atol=0.005)
    assert any("matched by date and account" in n.message("en") for n in joined.notices)


def test_spend_without_an_account_is_split_over_the_days_sessions_and_strays_are_reported():
    name = SHAPES["template"][0]
    sessions = _without_spend(read_sessions((EXAMPLES / name).read_bytes(), name))
    day = str(sessions.date[sessions.account == 1][0])  # both accounts stream this day
    report = f"日期,消耗(元)\n{day},1000\n2020-01-01,50\n".encode("gbk")
    joined = join_spend(sessions, read_spend(report, "ads.csv"))
    on_day = joined.values["gdt_spend"][sessions.date == np.datetime64(day)]
    assert on_day.sum() == pytest.approx(1000) and np.allclose(on_day, on_day[0])
    assert any("50.00 yuan" in n.message("en") and "not counted" in n.message("en") for n in joined.notices)


def test_a_spend_files_problem_names_the_file():
    name = SHAPES["assistant"][0]
    with pytest.raises(FileProblems) as info:
        read_with_spend((EXAMPLES / name).read_bytes(), name, ((b"a,b\n1,2\n", "ads.csv"),))
    assert "spend file ads.csv" in str(info.value)


# --- a generator the calibration has never seen ---------------------------------------------------

def _other_generator(seed: int) -> tuple[bytes, float, float]:
    """A different process again: reach a random walk with weekly seasonality, conversion falling
    with the audience's size, baskets log-normal, orders = buyers (no repeat orders), dates as
    2024年3月1日, a session every other day, written in GBK with English-and-Chinese headers.
    Returns the file, the true GMV per buyer and the true buyers per viewer."""
    rng = np.random.default_rng(seed)
    aov, base_rate = rng.uniform(80, 600), rng.uniform(0.004, 0.03)
    rows = [["直播日期", "账号名称", "观看人数(人)", "支付人数", "支付金额(元)", "时长"]]
    reach, buyers_sum, viewers_sum = rng.uniform(500, 20_000), 0.0, 0.0
    start = dt.date(2024, 1, 1)
    for k in range(60):
        day = start + dt.timedelta(days=2 * k)
        reach *= math.exp(rng.normal(0.01, 0.08))
        viewers = int(rng.poisson(reach * (1.3 if day.weekday() >= 5 else 1.0)))
        rate = base_rate * (reach / 5_000) ** -0.1
        buyers = int(rng.binomial(viewers, min(rate, 1.0)))
        buyers_sum, viewers_sum = buyers_sum + rate * viewers, viewers_sum + viewers
        gmv = float(rng.lognormal(math.log(aov) - 0.5 ** 2 / 2, 0.5, buyers).sum())
        rows.append([f"{day.year}年{day.month}月{day.day}日", "测试号", viewers, buyers, f"{gmv:.2f}",
                     f"{rng.integers(2, 5)}小时"])
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("gbk"), aov, buyers_sum / viewers_sum


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_a_generator_never_seen_gets_its_aov_and_conversion_within_10_percent(seed):
    data, aov, rate = _other_generator(seed)
    sessions = read_sessions(data, "other.csv")
    observed = observe(sessions)
    assert observed["aov"].value == pytest.approx(aov, rel=0.10)
    assert observed["buyer_rate"].value == pytest.approx(rate, rel=0.10)
    assert observed["aov"].low <= aov <= observed["aov"].high or abs(observed["aov"].value / aov - 1) < 0.05
    cal = calibrate(sessions)
    assert cal.scenario.sessions_week == pytest.approx(3.5, abs=0.25)
    assert math.isfinite(cal.backtest.mape_gmv)


def test_the_simulator_is_reproducible_and_not_the_engine():
    a, b = simulate_sessions(SHAPES["assistant"][1]), simulate_sessions(SHAPES["assistant"][1])
    assert a.sessions == b.sessions
    import planner.calibration.simulator as simulator

    source = open(simulator.__file__, encoding="utf-8").read()
    assert "engine" not in source.split('"""', 2)[2]  # no import of, or call into, the engine


# --- properties -----------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(hours=st.integers(0, 23), minutes=st.integers(0, 59), seconds=st.integers(0, 59))
def test_any_length_written_as_the_exports_write_it_reads_back(hours, minutes, seconds):
    exact = hours + minutes / 60 + seconds / 3600
    assert parse_duration(f"{hours}小时{minutes}分{seconds}秒") == pytest.approx(exact)
    assert parse_duration(f"{hours:02d}:{minutes:02d}:{seconds:02d}") == pytest.approx(exact)
    assert parse_duration(str(hours * 3600 + minutes * 60 + seconds), 1 / 3600) == pytest.approx(exact)


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(-5, 90), st.sampled_from(["品牌旗舰店", "品牌好物号", "别的号", ""]),
                               st.floats(0, 5_000, allow_nan=False).map(lambda x: round(x, 2))),
                     min_size=1, max_size=30),
       with_account=st.booleans())
def test_joined_spend_plus_what_is_reported_unmatched_is_all_the_spend(rows, with_account):
    name = SHAPES["template"][0]
    sessions = _without_spend(read_sessions((EXAMPLES / name).read_bytes(), name))
    first = sessions.date.min().item()
    lines = ["日期,推广账号,消耗(元)" if with_account else "日期,消耗(元)"]
    for day, account, yuan in rows:
        date = (first + dt.timedelta(days=day)).isoformat()
        lines.append(f"{date},{account},{yuan}" if with_account else f"{date},{yuan}")
    joined = join_spend(sessions, read_spend("\n".join(lines).encode("gbk"), "ads.csv"))
    unmatched = sum(float(n.what.values["yuan"]) for n in joined.notices
                    if n.what.key == "calibration.spend.unmatched")
    total = sum(yuan for _, _, yuan in rows)
    assert joined.values["gdt_spend"].sum() + unmatched == pytest.approx(total, abs=0.01)
    assert np.all(joined.values["gdt_spend"] >= 0)
