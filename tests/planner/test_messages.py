"""planner.messages: what every error line goes through before a person reads it."""

from __future__ import annotations

from planner.budget import BudgetError
from planner.calibration import FileProblems, Problem
from planner.messages import MAX_LINE_CHARS, error_line, escape_controls, one_line, shorten_numbers
from planner.text import PlannerError, message


def test_control_characters_are_written_as_escapes():
    assert escape_controls("a\nb\r\tc\x1b[31m\u202ed\u2028") == "a\\nb\\r\\tc\\x1b[31m\\u202ed\\u2028"
    assert escape_controls("品牌旗舰店 GMV 1.2万元") == "品牌旗舰店 GMV 1.2万元"
    assert escape_controls("\xa0\u3000") == "\\xa0\\u3000"  # not a visible argument: say what it is


def test_numbers_too_long_for_a_float_are_shortened():
    assert shorten_numbers("got " + "9" * 310) == "got 1e+310"
    assert shorten_numbers("the budget 100,000,000,000,000,001,097,906.00 元") == "the budget 1e+23 元"
    assert shorten_numbers("day 12345, budget 1,500,000.00") == "day 12345, budget 1,500,000.00"


def test_one_line_is_one_bounded_line():
    line = one_line("x\n" * 1000)
    assert "\n" not in line and len(line) <= MAX_LINE_CHARS


def test_error_line_speaks_the_errors_language():
    refused = BudgetError("budget.gmv_target_positive", gmv=-1.0)
    assert error_line(refused, "zh") == "GMV 目标必须是正数（元），收到 -1。"
    assert error_line(refused, "en") == "the GMV target must be a positive number of 元, got -1."
    totals_row = message("calibration.at", where=message("calibration.where.row", row=3),
                         problem=message("calibration.totals_row"))
    problems = FileProblems([Problem(totals_row, 3)])
    assert error_line(problems, "zh") == "第3行：合计行，已跳过"
    assert error_line(problems, "en") == "row 3: a totals row; skipped"
    assert error_line(PlannerError("compare.how_many", most=3, got=4), "zh") == "可比较1到3个方案，收到4个。"
    assert error_line(PlannerError("compare.how_many", most=3, got=4)) == "compare 1 to 3 scenarios, got 4."
    assert error_line(ValueError("gdt must be within 0..1e+06\nsecond line")) == \
        "gdt must be within 0..1e+06\\nsecond line"


def test_anything_but_a_planner_error_has_no_line_to_show():
    assert error_line(RuntimeError("/srv/app/planner/engine.py line 3")) is None
    assert error_line(KeyError("x")) is None
