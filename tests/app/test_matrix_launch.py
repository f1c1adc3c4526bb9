"""Accounts that do not go live within the horizon (issue 12): the matrix page and the CLI table
say they launch after its last day, not on day 1 beside a stage of "not live". (Worded loosely on
purpose: what matters is that such an account is not shown launching on day 1.)"""

from __future__ import annotations

from planner.cli import main
from tests.apptest_pages import open_page

# Satellites every 30 days over 60 days: satellite 1 launches on day 31; 2, 3 and 4 never do.
LINK = {"accounts": "5", "launch_every": "30", "days": "60"}
QUERY = "accounts=5&launch_every=30&days=60"


def test_the_matrix_page_says_after_the_horizon():
    for lang in ("zh", "en"):
        at = open_page("pages/matrix.py", LINK, lang=lang)
        table = at.dataframe[0].value
        flagship, first, *never = list(table[table.columns[1]])
        assert "1" in flagship and "31" in first
        assert len(set(never)) == 1 and never[0] != flagship and "60" in never[0], never


def test_the_cli_table_says_after_the_horizon(capsys):
    assert main(["report", QUERY, "--lang", "en"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("Satellite")]
    launches = [row[2] for row in rows]  # "Satellite", "1", then the launch column
    assert launches[0] == "31"
    assert all(launch != "1" and "60" in " ".join(row) for launch, row in zip(launches[1:], rows[1:], strict=True))
