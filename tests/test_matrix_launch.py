"""Accounts that do not go live within the horizon (issue 12): the matrix page and the CLI say
"after day N", not "day 1" beside a stage of "not live"."""

from __future__ import annotations

from planner.cli import main

from .apptest_pages import open_page

# Satellites every 30 days over 60 days: satellite 1 launches on day 31; 2, 3 and 4 never do.
LINK = {"accounts": "5", "launch_every": "30", "days": "60"}
QUERY = "accounts=5&launch_every=30&days=60"


def test_the_matrix_page_says_after_the_horizon():
    for lang, launched, later in (("zh", "第31天", "第60天后"), ("en", "Day 31", "After day 60")):
        at = open_page("pages/matrix.py", LINK, lang=lang)
        table = at.dataframe[0].value
        launch = list(table[table.columns[1]])
        assert launch == [launched.replace("31", "1"), launched, later, later, later], launch


def test_the_cli_table_says_after_the_horizon(capsys):
    assert main(["report", QUERY, "--lang", "en"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Satellite")]
    assert [row.split()[2] for row in rows] == ["31", "after", "after", "after"], rows
    assert all("after day 60" in row for row in rows[1:])
