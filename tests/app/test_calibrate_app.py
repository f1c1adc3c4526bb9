"""The 校准 Calibrate page under Streamlit's AppTest, its figures and its downloads (no server)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from planner.calibration import COLUMNS, MAX_BYTES, calibrate, read_sessions
from planner.link import from_query
from planner.params import PARAMS
from planner.scenario import Scenario
from planner.text import t
from tests import apptest_pages
from views import calibrate as cv

from .test_app import open_every_group

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/calibrate.py"
FONT = "Noto Sans CJK SC"
SAMPLE = (ROOT / "examples" / "past_sessions.csv").read_bytes()


@pytest.fixture(scope="module")
def sample_cal():
    return calibrate(read_sessions(SAMPLE, "past_sessions.csv"))


def open_page(lang: str = "zh") -> AppTest:
    return apptest_pages.open_page(PAGE, lang=lang)


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def registry_state(at: AppTest) -> dict:
    """Every parameter's slider value, with every group open (a closed group at its defaults is
    not drawn)."""
    open_every_group(at)
    return {p.key: at.session_state[p.key] for p in PARAMS}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders_and_waits_for_a_file(lang):
    at = open_page(lang)
    assert at.title[0].value == t("calibrate.title", lang)
    assert at.info[0].value == t("calibrate.waiting", lang)
    schema = at.dataframe[0].value
    assert len(schema) == len(COLUMNS)
    assert not at.get("plotly_chart") and not at.error


def test_the_sample_button_shows_the_fit_and_replace_all_makes_it_the_scenario(sample_cal):
    at = open_page()
    before = registry_state(at)
    assert Scenario(**before) == Scenario()
    at.button(key="calibrate_use_sample").click().run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if t("calibrate.col_status", "zh") in d.value.columns)
    assert len(table) == len(sample_cal.fit.estimates)
    # The sample has no coupons spend column: "not in file", never written.
    assert set(table[t("calibrate.col_status", "zh")]) == {"拟合", "取自文件", "默认值", "文件未提供"}
    charts = at.get("plotly_chart")
    assert len(charts) == 3
    for chart in charts:
        config = json.loads(chart.proto.config)
        assert config["toImageButtonOptions"] == {"format": "png", "scale": 2,
                                                  "filename": f"视频号_校准_{date.today().isoformat()}"}
        assert json.loads(chart.proto.spec)["layout"]["font"]["family"].startswith(f'"{FONT}"')
    assert registry_state(at) == before  # nothing changes until "apply"

    at.button(key="calibrate_apply_all").click().run()
    assert not at.exception
    assert at.success[0].value == t("calibrate.applied_all", "zh")
    after = registry_state(at)
    # On the default plan, replacing everything gives the fitted scenario itself.
    assert after == sample_cal.scenario.as_dict()
    assert after != before
    # The sliders are bound to the URL: the address bar now says what the fit says.
    link, _ = from_query(dict(at.query_params))
    assert link.as_dict() == sample_cal.scenario.as_dict()


# A founder's plan: 30 days, one account, 2,000 元 of beans a day, three sessions a week.
PLAN = {"days": "30", "accounts": "1", "beans": "2000", "sessions_week": "3", "invites": "800"}


def test_apply_onto_the_plan_keeps_horizon_spend_accounts_and_schedule_and_undo_restores_it(sample_cal):
    at = apptest_pages.open_page(PAGE, query=PLAN)
    plan = registry_state(at)
    assert (plan["days"], plan["accounts"], plan["beans"], plan["sessions_week"]) == (30, 1, 2000, 3)
    at.button(key="calibrate_use_sample").click().run()
    assert at.button(key="calibrate_undo").disabled  # nothing to undo yet
    at.button(key="calibrate_apply").click().run()
    assert not at.exception
    assert at.success[0].value == t("calibrate.applied", "zh")
    after = registry_state(at)
    for key in ("days", "accounts", "beans", "gdt", "coupons", "sessions_week", "session_hours", "invites",
                "launch_every"):
        assert after[key] == plan[key], key  # the plan stays
    fitted = sample_cal.values_to_apply(onto_plan=True)
    assert {"cvr", "aov", "followers", "returns"} <= set(fitted)
    for key, value in fitted.items():
        assert after[key] == value, key  # the fit is in
    untouched = {e.key for e in sample_cal.fit.estimates if e.status in ("default", "not_in_file")}
    for key in untouched:
        assert after[key] == plan[key], key
    link, _ = from_query(dict(at.query_params))
    assert link.as_dict() == after  # the address bar follows

    at.button(key="calibrate_undo").click().run()
    assert not at.exception
    assert at.success[0].value == t("calibrate.undone", "zh")
    assert registry_state(at) == plan
    assert from_query(dict(at.query_params))[0].as_dict() == plan
    assert at.button(key="calibrate_undo").disabled


def test_the_table_of_changes_lists_what_apply_onto_the_plan_changes(sample_cal):
    at = apptest_pages.open_page(PAGE, query=PLAN, lang="en")
    at.button(key="calibrate_use_sample").click().run()
    changes = next(d.value for d in at.dataframe if t("calibrate.col_after", "en") in d.value.columns)
    labels = set(changes[t("table.param", "en")])
    assert any("AOV" in label or "order value" in label.lower() for label in labels)
    assert not any("Horizon" in label for label in labels)


def test_a_gbk_live_list_is_read_and_its_ratios_shown():
    text = (ROOT / "examples" / "assistant_live_list.csv").read_text(encoding="utf-8")
    at = upload(open_page(), "直播列表.csv", text.encode("gbk"))
    assert "直播列表.csv：56 场" in at.text[0].value
    observed = next(d.value for d in at.dataframe if t("calibrate.col_ratio", "zh") in d.value.columns)
    assert t("cli.calibrate.observed.buyer_rate", "zh") in set(observed[t("calibrate.col_ratio", "zh")])
    table = next(d.value for d in at.dataframe if t("calibrate.col_status", "zh") in d.value.columns)
    assert "文件未提供" in set(table[t("calibrate.col_status", "zh")])  # no spend columns: said so


def test_a_sample_with_spend_files_joins_them():
    at = open_page("en")
    at.selectbox(key=cv.SAMPLE_CHOICE).set_value("template_spend").run()
    at.button(key="calibrate_use_sample").click().run()
    assert not at.exception and not at.error
    assert "Joined" in at.code[0].value and "Tencent Ads spend" in at.code[0].value


def test_an_uploaded_file_is_fitted_like_the_sample():
    at = upload(open_page("en"), "mine.csv", SAMPLE)
    assert "mine.csv: 300 sessions, 4 account(s)" in at.text[0].value
    assert len(at.get("plotly_chart")) == 3


def test_a_bad_file_lists_its_problems_as_plain_text_and_changes_nothing():
    at = open_page()
    before = registry_state(at)
    lines = SAMPLE.decode("utf-8").splitlines()
    cells = lines[4].split(",")
    cells[7] = "<img src=x onerror=alert(1)>**bold**"  # GMV of the sheet's 5th row
    lines[4] = ",".join(cells)
    at = upload(at, "bad.csv", "\n".join(lines).encode("utf-8"))
    assert at.error[0].value == t("calibrate.bad_file", "zh", n=1)
    assert "第5行，H列（成交金额(元)）" in at.code[0].value
    assert "<img src=x onerror=alert(1)>**bold**" in at.code[0].value  # shown, inert
    assert not any("onerror" in m.value for m in at.markdown)
    assert not at.get("plotly_chart")
    assert registry_state(at) == before
    at.run()  # a rerun reads the cached result back
    assert not at.exception and "第5行" in at.code[0].value


def test_a_file_over_the_size_limit_is_refused():
    at = upload(open_page("en"), "big.csv", b"x" * (MAX_BYTES + 1))
    assert "the limit is 5 MB" in at.code[0].value


def test_a_missing_column_is_named():
    lines = SAMPLE.decode("utf-8").splitlines()
    at = upload(open_page("en"), "x.csv", "\n".join(line.rsplit(",", 7)[0] for line in lines).encode())
    problems = at.code[0].value.splitlines()
    assert len(problems) == 1  # GMV; the spend columns are optional
    assert "row 1: missing required column 成交金额 (GMV)" in problems[0]


# --- figures and downloads, without a server -------------------------------------------------------

def test_figures(sample_cal):
    fig = cv.backtest_figure(sample_cal, "zh", "gmv")
    assert [tr.name for tr in fig.data] == ["实际", "模型（前80%拟合）"]
    assert len(fig.data[0].x) == len(sample_cal.backtest.dates)
    assert "MAPE" in fig.layout.title.text and fig.layout.font.family.startswith(f'"{FONT}"')
    res = cv.residual_figure(sample_cal, "en")
    assert [tr.name for tr in res.data] == ["Fit period", "Back-test period"]
    assert len(res.data[1].x) == sample_cal.backtest.test_days
    # Dates along x in the page's language (Plotly's own ticks are English month names).
    assert fig.layout.xaxis.tickformat == t("chart.date_tick", "zh") and res.layout.xaxis.tickformat == "%b %-d"


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)"])
def test_downloads_neutralise_formula_like_account_names(sample_cal, name):
    s = sample_cal.sessions
    renamed = replace(sample_cal, sessions=replace(s, account_names=(name, *s.account_names[1:])))
    rows = list(csv.reader(io.StringIO(cv.sessions_csv(renamed, "en").decode("utf-8-sig"))))
    accounts = [r[1] for r in rows[1:]]
    assert f"'{name}" in accounts
    assert not any(a.startswith(("=", "+", "-", "@")) for a in accounts)
    sheet = load_workbook(io.BytesIO(cv.sessions_xlsx(renamed, "zh"))).active
    names = {c.value for c in sheet["B"][1:]}
    assert "'" + name in names and all(c.data_type == "s" for c in sheet["B"])
