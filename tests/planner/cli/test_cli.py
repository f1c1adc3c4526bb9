"""The command line: ``python -m planner report|params|presets``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from planner import fmt
from planner.cli import main
from planner.cli.common import display_width, environment_lang
from planner.engine import SOURCES, TOOLS, simulate
from planner.link import from_query, to_query
from planner.params import PARAMS
from planner.presets import PRESETS
from planner.report import DAILY_KEYS, STAGE_KEYS, daily_headers, summary
from planner.scenario import Scenario
from planner.text import t as words

ROOT = Path(__file__).resolve().parents[3]
# Spend on every tool and staggered launches, so no total is trivially zero.
LINK_QUERY = "gdt=5000&beans=1000&coupons=500&accounts=4&launch_every=10&days=30"
LINK = "https://planner.example/?" + LINK_QUERY


def cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli_process(*argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def approx(x):
    return pytest.approx(x, rel=1e-12, abs=1e-9)


# --- report --------------------------------------------------------------------------------------

def test_report_json_has_the_documented_shape_and_the_engines_numbers():
    done = cli_process("report", LINK, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    doc = json.loads(done.stdout)
    scenario, _ = from_query(LINK)
    proj = simulate(scenario)
    s = summary(proj)

    assert doc["query"] == to_query(scenario)
    t = doc["totals"]
    for key in ("pv", "buyers", "gmv", "net_gmv", "roi", "public_share"):
        assert t[key] == approx(float(s[key][0])), key
    assert list(t["pv_by_source"]) == list(SOURCES)
    assert list(t["spend_by_tool"]) == list(TOOLS)
    for k, source in enumerate(SOURCES):
        assert t["pv_by_source"][source] == approx(float(proj.pv[0, ..., k].sum()))
    for k, tool in enumerate(TOOLS):
        assert t["spend_by_tool"][tool] == approx(float(proj.spend[0, ..., k].sum()))
    assert t["roi"] == approx(t["gmv"] / sum(t["spend_by_tool"].values()))

    assert len(doc["accounts"]) == scenario.accounts
    for a, row in enumerate(doc["accounts"]):
        assert row["gmv"] == approx(float(proj.gmv[0, :, a].sum()))
        assert row["pv"] == approx(float(proj.pv[0, :, a].sum()))
        final = int(proj.stage[0, -1, a])
        assert row["final_stage"] == (STAGE_KEYS[final] if final >= 0 else "not_live")

    assert len(doc["daily"]) == scenario.days
    for t_, row in enumerate(doc["daily"]):
        for k, source in enumerate(SOURCES):
            assert row["pv_by_source"][source] == approx(float(proj.pv[0, t_, :, k].sum()))
            assert row["gmv_by_source"][source] == approx(float(proj.gmv[0, t_, :, k].sum()))


def test_report_without_spend_has_a_null_roi(capsys):
    code, out, _ = cli(capsys, "report", "--format", "json")
    assert code == 0
    totals = json.loads(out)["totals"]
    assert totals["spend"] == 0 and totals["roi"] is None  # an ROI without spend is undefined


def test_whole_link_and_bare_query_give_the_same_json(capsys):
    outputs = []
    for form in (LINK, LINK_QUERY, "?" + LINK_QUERY):
        code, out, err = cli(capsys, "report", form, "--format", "json")
        assert code == 0 and err == ""
        outputs.append(out)
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize("name", list(PRESETS))
def test_preset_option(capsys, name):
    code, out, _ = cli(capsys, "report", "--preset", name, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["query"] == to_query(PRESETS[name].scenario)
    assert doc["totals"]["gmv"] == approx(float(summary(simulate(PRESETS[name].scenario))["gmv"][0]))


def test_link_values_apply_over_the_preset(capsys):
    code, out, _ = cli(capsys, "report", "aov=50", "--preset", "coffee_funnel", "--format", "json")
    assert code == 0
    assert json.loads(out)["query"] == to_query(PRESETS["coffee_funnel"].scenario.replace(aov=50))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_is_the_daily_table(capsys, lang):
    code, out, _ = cli(capsys, "report", LINK, "--format", "csv", "--lang", lang)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == daily_headers(lang)
    scenario, _ = from_query(LINK)
    proj = simulate(scenario)
    assert len(rows) == 1 + scenario.days
    keys = list(DAILY_KEYS)
    for t, row in enumerate(rows[1:]):
        values = dict(zip(keys, row, strict=True))
        assert int(values["day"]) == t + 1
        assert int(values["accounts_live"]) == int(proj.live[t].sum())
        # Rounded as files keep them: whole viewers, GMV to 0.01 元 (no float noise).
        assert int(values["pv"]) == round(float(proj.pv[0, t].sum()))
        assert abs(float(values["gmv"]) - float(proj.gmv[0, t].sum())) <= 0.005
        assert len(values["gmv"].partition(".")[2]) <= 2
        for k, source in enumerate(SOURCES):
            assert int(values[f"pv_{source}"]) == round(float(proj.pv[0, t, :, k].sum()))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_shows_the_totals_and_the_share_query(capsys, lang):
    code, out, err = cli(capsys, "report", LINK, "--lang", lang)
    assert code == 0 and err == ""
    scenario, _ = from_query(LINK)
    gmv = float(summary(simulate(scenario))["gmv"][0])
    assert fmt.money(gmv, lang) in out
    assert ("分享链接参数: " if lang == "zh" else "Share query: ") + to_query(scenario) in out
    if lang == "zh":
        assert "旗舰号" in out
    else:
        assert "Flagship" in out


# --- bad input -----------------------------------------------------------------------------------

BAD_ARGS = [
    ["report", "cvr=abc"],  # a bad value in a query
    ["report", "https://planner.example/?accounts=2.5"],  # a bad value in a whole link
    ["report", "no_such_key=1"],
    ["report", "cvr=0.02&cvr=0.03"],
    ["report", "v=3"],  # a version from the future
    ["report", "preset=no_such_preset"],
    ["report", "--preset", "no_such_preset"],
    ["report", "--format", "xml"],
    ["report", "--lang", "fr"],
    ["report", "--no-such-option"],
    ["no_such_command"],
    [],
    ["params", "--format", "csv"],
]


@pytest.mark.parametrize("argv", BAD_ARGS, ids=lambda a: " ".join(a) or "(none)")
def test_bad_input_exits_2_with_one_line_on_stderr(capsys, argv):
    code, out, err = cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [["report", "cvr=nan&days=0"], ["report", "--preset", "nope"], ["nope"]])
def test_bad_input_in_a_real_process_exits_2_without_a_traceback(argv):
    done = cli_process(*argv)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_lenient_uses_the_defaults_and_lists_what_it_replaced(capsys):
    code, out, err = cli(capsys, "report", "cvr=abc&aov=300", "--lenient", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["query"] == to_query(Scenario(aov=300))
    assert any("cvr" in notice for notice in doc["notices"])
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("planner: notice:") and "cvr" in lines[0]


# --- params and presets --------------------------------------------------------------------------

def test_params_json_lists_every_registry_key(capsys):
    code, out, _ = cli(capsys, "params", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [row["key"] for row in rows] == [p.key for p in PARAMS]
    for row, p in zip(rows, PARAMS, strict=True):
        assert (row["default"], row["min"], row["max"], row["source"]) == (p.default, p.min, p.max, p.source)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_params_table_names_every_key(capsys, lang):
    code, out, _ = cli(capsys, "params", "--lang", lang)
    assert code == 0
    for p in PARAMS:
        assert p.key in out and p.label(lang) in out


def test_presets_json_gives_each_presets_query(capsys):
    code, out, _ = cli(capsys, "presets", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [row["name"] for row in rows] == list(PRESETS)
    for row in rows:
        assert from_query(row["query"]) == (PRESETS[row["name"]].scenario, [])


def test_json_never_contains_nan():
    done = cli_process("report", "--preset", "expert_high_aov", "--format", "json")
    assert done.returncode == 0
    json.loads(done.stdout, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert np.isfinite(json.loads(done.stdout)["totals"]["gmv"])


# --- every error in one line (issue 12) ------------------------------------------------------------

def test_an_ordinary_budget_gives_a_plan():
    done = cli_process("optimize", "", "--budget", "1500000", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert from_query(json.loads(done.stdout)["query"])[1] == []


def test_a_planner_error_is_one_escaped_line(capsys, monkeypatch):
    def refused(*_args, **_kwargs):
        raise ValueError("gdt must be within 0..1e+06,\ngot " + "9" * 400)

    monkeypatch.setattr("planner.cli.optimize.answer", refused)
    code, out, err = cli(capsys, "optimize", "", "--budget", "1000")
    assert (code, out) == (2, "")
    assert err == "planner: error: gdt must be within 0..1e+06,\\ngot 1e+400\n"


def test_a_bug_is_one_line_with_exit_code_1(capsys, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("planner.cli.optimize.answer", broken)
    monkeypatch.delenv("PLANNER_DEBUG", raising=False)
    code, out, err = cli(capsys, "optimize", "", "--budget", "1000")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "RuntimeError: boom" in err and "Traceback" not in err


# --- links that look like options, odd arguments (issue 12) ----------------------------------------

@pytest.mark.parametrize("link", ["--dr=5", "--la=en", "--form=csv", "--len"])
def test_a_prefix_of_an_option_is_not_taken_for_the_option(capsys, link):
    code, out, err = cli(capsys, "report", link)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "unrecognized arguments" in err and "'--'" in err


@pytest.mark.parametrize("link, key", [("-invites=5000", "-invites"), ("-=nan", "-"), ("--lenient", "--lenient"),
                                       ("-h", "-h")])
def test_any_link_is_read_after_double_dash_or_a_leading_question_mark(capsys, link, key):
    for argv in (["report", "--format", "json", "--", link], ["report", "?" + link, "--format", "json"]):
        code, out, err = cli(capsys, *argv)
        assert (code, out) == (2, ""), argv  # read as a link: its key is not a parameter
        assert err.startswith(f"planner: error: {key}=") and "not a planner parameter" in err, err
    code, out, err = cli(capsys, "report", "--lenient", "--format", "json", "--", link)
    assert code == 0 and json.loads(out)["query"] == to_query(Scenario())


def test_a_link_that_looks_like_an_option_is_told_where_to_go(capsys):
    code, _, err = cli(capsys, "report", "-invites=5000")
    assert code == 2 and "-invites=5000" in err and "'--'" in err and "'?'" in err


def test_help_says_where_such_links_go(capsys):
    for command in ("report", "optimize", "goal", "compare"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        help_text = " ".join(capsys.readouterr().out.split())
        assert "goes after '--'" in help_text and "never abbreviated" in help_text, command


@pytest.mark.parametrize("argv", [
    ["report", "--lang", "x\ny"],  # argparse quotes it
    ["report", "x=1", "a\nb"],  # argparse does not: "unrecognized arguments: a" and a second line "b"
    ["report", "a\nb=1\x1b[31m"],  # a notice quotes it
    ["report", "--no-such\u2028option"],
    ["goal", "", "--param", "in\rvites", "--gmv", "1000"],
])
def test_control_characters_in_arguments_never_make_a_second_line(capsys, argv):
    code, out, err = cli(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.endswith("\n") and err.count("\n") == 1 and "\r" not in err and "\x1b" not in err, repr(err)
    assert err[:-1].isprintable(), repr(err)


@pytest.mark.parametrize("argv", [
    ["optimize", "", "--budget", "1e308"],
    ["optimize", "", "--budget", "1" + "0" * 300],
    ["goal", "", "--param", "invites", "--gmv", "1000000", "--day", "9" * 310],
    ["report", "--draws", "9" * 310],
])
def test_numbers_echoed_in_errors_are_shortened(capsys, argv):
    code, _, err = cli(capsys, *argv)
    assert code == 2 and err.count("\n") == 1 and len(err) < 300, err


def test_calibrate_with_a_negative_seed_is_one_line():
    done = cli_process("calibrate", "examples/past_sessions.csv", "--seed", "-5")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "--seed" in done.stderr and "Traceback" not in done.stderr


def test_a_huge_incremental_budget_prints_no_numpy_warning():
    done = cli_process("optimize", "", "--add", "1e308")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Warning" not in done.stderr and "1e+308" in done.stderr


def test_full_width_numbers_in_options_read_like_ascii(capsys):
    code, out, _ = cli(capsys, "report", "cvr_range=0.01,0.03", "--draws", "２００", "--seed", "７",
                       "--format", "json")
    assert code == 0
    assert (json.loads(out)["percentiles"]["draws"], json.loads(out)["percentiles"]["seed"]) == (200, 7)


# --- the language of --help, errors and notices ----------------------------------------------------

COMMANDS = ("report", "params", "presets", "cases", "compare", "calibrate", "optimize", "goal")


@pytest.mark.parametrize("environ, lang", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "zh_TW"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),  # LC_ALL first, then LC_MESSAGES, then LANG
    ({"LANG": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # an empty variable is not set
])
def test_the_environment_names_a_language(environ, lang):
    assert environment_lang(environ) == lang


def _locale(monkeypatch, locale: str) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)


@pytest.mark.parametrize("locale, lang", [("zh_CN.UTF-8", "zh"), ("C.UTF-8", "en")])
def test_help_speaks_the_environments_language(capsys, monkeypatch, locale, lang):
    _locale(monkeypatch, locale)
    monkeypatch.setenv("COLUMNS", "80")
    other = "en" if lang == "zh" else "zh"
    for argv in ([], *([command] for command in COMMANDS)):
        with pytest.raises(SystemExit) as done:
            main([*argv, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert words("cli.help.help", lang) in out and words("cli.help.help", other) not in out, argv
        assert argv == [] or words("cli.help.format", lang) in out, argv
        # wrapped by the columns a line takes: a Chinese character takes two
        assert all(display_width(line) <= 78 for line in out.splitlines() if display_width(line) > len(line)), argv


def test_errors_and_notices_speak_lang_when_given_else_the_environments(capsys, monkeypatch):
    _, notices = from_query("cvr=abc")
    said = {lang: "planner: error: " + words("cli.error.link_notices", lang, notices=notices[0].text(lang)) + "\n"
            for lang in ("zh", "en")}
    _locale(monkeypatch, "zh_CN.UTF-8")
    assert cli(capsys, "report", "cvr=abc")[2] == said["zh"]
    assert cli(capsys, "report", "cvr=abc", "--lang", "en")[2] == said["en"]
    code, out, err = cli(capsys, "report", "cvr=abc", "--lenient", "--format", "json")
    assert code == 0 and err == f"planner: notice: {notices[0].text('zh')}\n"
    assert json.loads(out)["notices"] == [notices[0].text("en")]  # JSON is data: its notices stay English
    _locale(monkeypatch, "C.UTF-8")
    assert cli(capsys, "report", "cvr=abc")[2] == said["en"]
    assert cli(capsys, "report", "cvr=abc", "--lang", "zh")[2] == said["zh"]


def test_without_lang_errors_speak_the_environments_language(capsys, monkeypatch):
    _locale(monkeypatch, "zh_CN.UTF-8")
    code, _, err = cli(capsys, "report", "--draws", "x", "--lang", "en")  # argparse stops at --draws
    assert code == 2 and err == f"planner: error: {words('cli.error.usage', 'zh', message='argument --draws: ')}" \
        f"{words('cli.error.not_integer', 'zh', text='x')}\n"
    code, _, err = cli(capsys, "optimize", "", "--add", "5", "--budget", "3")  # read, then refused
    assert code == 2 and err == f"planner: error: {words('cli.error.add_alone', 'zh')}\n"
    code, _, err = cli(capsys, "optimize", "", "--budget", "100", "--gdt-min", "200")  # the planner's own
    assert code == 2 and err.startswith("planner: error: ") and display_width(err) > len(err), err


def test_tables_are_chinese_unless_lang_says_otherwise(capsys, monkeypatch):
    _locale(monkeypatch, "C.UTF-8")
    code, out, _ = cli(capsys, "report", LINK)
    assert code == 0 and words("cli.share_query", "zh", query="") in out
    _locale(monkeypatch, "zh_CN.UTF-8")
    code, out, _ = cli(capsys, "report", LINK, "--lang", "en")
    assert code == 0 and words("cli.share_query", "en", query="") in out
