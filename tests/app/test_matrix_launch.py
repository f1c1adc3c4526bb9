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


# --- the launch schedule beside the account count (issue 16) ------------------------------------

SCHEDULE_ZH = "新号1 第15天、新号2 第29天开播"  # three accounts, a satellite every 14 days (the defaults)


def test_the_overview_caption_and_the_matrix_page_name_the_launch_days():
    overview = open_page("pages/overview.py", {}, lang="zh")
    assert any(SCHEDULE_ZH in c.value for c in overview.caption), [c.value for c in overview.caption]
    matrix = open_page("pages/matrix.py", {}, lang="zh")
    assert any(SCHEDULE_ZH in c.value for c in matrix.caption), [c.value for c in matrix.caption]


def test_the_card_names_the_launch_days():
    from planner.engine import simulate
    from planner.scenario import Scenario
    from views import card

    text = "\n".join(a.text for a in card.card_figure(simulate(Scenario()), "https://x.example/?v=2", "zh").layout.annotations)
    assert SCHEDULE_ZH in text
