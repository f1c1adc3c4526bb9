"""The 投流 Budget page's own link keys (budget=, mode=, goal_day=, …) read like the scenario's
(issue 12: Streamlit's bound widgets fell back to their default without a word for budget=abc,
up_to=yes or mode=nope). A bad value gets a notice naming it; a full-width number reads like an
ASCII one; a good link is left alone."""

from __future__ import annotations

import pytest

from planner import compare
from planner.text import t
from tests.apptest_pages import open_page
from views import page_keys

BUDGET = "pages/budget.py"


def shown(at) -> str:
    return "\n".join(c.value for c in at.code)


@pytest.mark.parametrize("key, text", [("budget", "abc"), ("budget", "-5"), ("budget", "1e308"),
                                       ("budget", "nan"), ("goal_day", "1.5"), ("goal_day", "400"),
                                       ("min_roi", "0"), ("gdt_max", "1_000"), ("up_to", "yes"),
                                       ("mode", "nope"), ("objective", "revenue"), ("goal_param", "zzz")])
def test_a_bad_page_value_is_named_not_silently_replaced(key, text):
    at = open_page(BUDGET, {key: text})
    assert at.warning, "no notice"
    assert f"{key}={text}" in shown(at)
    assert key not in at.query_params  # the address bar holds what is used: the page's default


def link_notices(at) -> list[str]:
    title = t("notice.link_problems", "zh", n=1)[:8]
    return [w.value for w in at.warning if w.value.startswith(title)]


def test_full_width_page_numbers_read_like_ascii():
    at = open_page(BUDGET, {"budget": "１５０００００", "goal_day": "３０"})
    assert link_notices(at) == []
    assert at.number_input(key="budget").value == 1_500_000
    assert at.number_input(key="goal_day").value == 30
    assert at.query_params["budget"] == "1500000"


def test_good_page_values_are_kept_as_given():
    link = {"budget": "20000", "up_to": "True", "goal_day": "30", "gdt_max": "500"}
    at = open_page(BUDGET, link)
    assert link_notices(at) == []
    assert {k: at.query_params[k] for k in link} == link


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("given", ["key", "zh", "en"])
def test_a_choice_reads_from_its_key_or_its_label_in_either_language(lang, given):
    # Streamlit reads a radio from its label in the page's language only.
    option = {"mode": "incremental", "objective": "profit", "goal_param": "cvr"}
    link = {key: value if given == "key" else page_keys.label(key, value, given) for key, value in option.items()}
    state_link = {**link, "lang": lang}
    from views import state

    raw, notices = state._read_page_keys({k: [v] for k, v in state_link.items()}, lang)
    assert notices == []
    assert {k: raw[k] for k in option} == {k: [page_keys.label(k, v, lang)] for k, v in option.items()}


@pytest.mark.parametrize("old, current", [("target", "target_gmv"), ("roi", "min_roi")])
def test_a_link_with_the_pages_old_mode_name_opens_the_same_question(old, current):
    # The page once called two modes target and roi; the CLI and Plan call them target_gmv and
    # min_roi, the one set of names now. A link that says mode=target still asks for a GMV target.
    from views import state

    raw, notices = state._read_page_keys({"mode": [old]}, "en")
    assert notices == []
    assert raw["mode"] == [page_keys.label("mode", current, "en")]
    at = open_page(BUDGET, {"mode": old, "budget": "20000", "target_gmv": "3000000", "min_roi": "6"})
    assert at.radio(key="mode").value == current
    assert not at.error, [e.value for e in at.error]


def test_the_page_widgets_use_the_same_limits():
    for key, limits in page_keys.NUMBERS.items():
        assert limits.low < limits.high, key
    compare_picks = set(compare.SLOT_KEYS.values())  # the 对比 page's slot pickers
    assert set(page_keys.CHOICES) | set(page_keys.NUMBERS) | set(page_keys.FLAGS) == set(page_keys.PAGE_KEYS) | compare_picks


# --- the app's keys, told to the codec by the app and by the CLI --------------------------------

def app_link() -> dict[str, str]:
    """A link as the app writes it: a scenario value, every key the app owns, and lang=."""
    values = {"budget": "20000", "target_gmv": "5000000", "min_roi": "5", "goal_gmv": "5000000",
              "goal_day": "30", "up_to": "true", "mode": "incremental", "objective": "profit",
              "goal_param": "cvr", "page": "budget", "lang": "en", "cvr": "0.02", "base": "invites:5000;gdt:2000",
              "compare_b": "link", "compare_b_link": "https://planner.example/?invites=4000&aov=300",
              "compare_c": "apparel_matrix", "compare_c_link": ""}
    values.update({key: "500" for key in page_keys.BOUND_TOOL_KEYS})
    assert set(page_keys.APP_KEYS) <= set(values)
    return values


def test_the_cli_passes_over_the_same_keys_as_the_app():
    from planner.cli.common import APP_LINK_KEYS

    assert set(APP_LINK_KEYS) == set(page_keys.APP_KEYS)


def test_a_link_copied_from_the_app_reads_the_same_in_the_cli(capsys):
    import json
    from urllib.parse import urlencode

    from planner.cli import main
    from planner.link import from_query, to_query

    link = "https://planner.example/budget?" + urlencode(app_link())
    scenario, notices = from_query(link, other_keys=page_keys.APP_KEYS)
    assert notices == [] and scenario.cvr == 0.02
    assert main(["report", "--format", "json", "--", link]) == 0  # strict: any notice would exit 2
    out, err = capsys.readouterr()
    assert err == "" and json.loads(out)["query"] == to_query(scenario)


def test_a_link_with_every_app_key_opens_without_a_notice():
    at = open_page(BUDGET, app_link())
    assert link_notices(at) == [] and not at.exception
