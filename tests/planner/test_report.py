"""planner.report's words for the matrix: when the satellites go live, beside the account count
(issue 16: "2 accounts" means the second starts on day 15, which the sidebar hides)."""

from __future__ import annotations

from planner.engine import launch_days
from planner.report import account_name, accounts_text, launch_schedule
from planner.scenario import Scenario


def test_each_satellite_is_named_with_its_launch_day():
    s = Scenario(accounts=3, launch_every=14, days=90)
    assert launch_schedule(s, "zh") == "新号1 第15天、新号2 第29天开播"
    assert launch_schedule(s, "en") == "Satellite 1 from day 15, Satellite 2 from day 29"
    assert accounts_text(s, "zh") == "3个账号（新号1 第15天、新号2 第29天开播）"


def test_the_days_are_the_engines_launch_days():
    s = Scenario(accounts=4, launch_every=9, days=90)
    for a, day in enumerate(launch_days(s.accounts, s.launch_every)[1:], start=1):
        assert f"{account_name(a, 'en')} from day {day + 1}" in launch_schedule(s, "en")


def test_a_satellite_after_the_horizon_says_so():
    text = launch_schedule(Scenario(accounts=3, launch_every=40, days=60), "en")
    assert "Satellite 1 from day 41," in text and "Satellite 2 from day 81 (after the 60-day horizon)" in text


def test_a_long_matrix_keeps_the_first_and_the_last():
    text = launch_schedule(Scenario(accounts=20, launch_every=7, days=365), "zh")
    assert text.startswith("新号1 第8天、新号2 第15天、新号3 第22天、…、新号19 第134天")
    assert "新号4" not in text


def test_one_account_or_all_at_once():
    assert launch_schedule(Scenario(accounts=1), "zh") == "" and accounts_text(Scenario(accounts=1), "zh") == "1个账号"
    assert accounts_text(Scenario(accounts=4, launch_every=0), "en") == "4 accounts (all live from day 1)"
