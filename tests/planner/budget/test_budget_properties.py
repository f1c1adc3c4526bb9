"""Properties of the 投流 budget planner over ordinary inputs: any number of accounts, any daily
budget the page accepts, either objective, every mode. Each ends in a plan whose scenario is
valid and whose share query reads back to it, or in a ``BudgetError`` with one line, never in
another exception (issue 12: a 1,500,000 元 budget once crashed the optimiser because a tool's
total landed a rounding error above its slider maximum)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from planner import budget as B
from planner.link import from_query
from planner.scenario import Scenario

MODES = ("fixed", "up_to", "incremental", "target_gmv", "min_roi")
PAGE_MAX_BUDGET = 3_000_000.0  # the budget page's number input allows up to this


def run_mode(scenario: Scenario, mode: str, amount: float, objective: str):
    """The question behind each of the budget page's and the CLI's modes, as the page builds it
    (the GMV target scales with the amount, so some are reachable)."""
    question = B.question_for("fixed" if mode == "up_to" else mode, amount, objective, up_to=mode == "up_to",
                              target_gmv=1_000.0 + 50 * amount, min_roi=5.0)
    return B.answer(scenario, question)


@given(accounts=st.integers(1, 20),
       amount=st.one_of(st.sampled_from([0.0, 1_000.0, 10_000.0, 1_500_000.0, PAGE_MAX_BUDGET]),
                        st.floats(0, PAGE_MAX_BUDGET)),
       objective=st.sampled_from(["gmv", "profit"]),
       mode=st.sampled_from(MODES))
@example(accounts=3, amount=1_500_000.0, objective="gmv", mode="fixed")  # gdt landed at 1e6 + 2e-10
@example(accounts=5, amount=1_500_000.0, objective="gmv", mode="up_to")
@example(accounts=10, amount=3_000_000.0, objective="profit", mode="fixed")
@example(accounts=20, amount=3_000_000.0, objective="profit", mode="fixed")
def test_any_budget_ends_in_a_valid_plan_or_one_line(accounts, amount, objective, mode):
    scenario = Scenario(accounts=accounts)
    try:
        plan = run_mode(scenario, mode, amount, objective)
    except B.BudgetError as exc:
        for lang in ("zh", "en"):
            assert exc.text(lang) and "\n" not in exc.text(lang)
        return
    again, notices = from_query(plan.query)
    assert notices == [] and again == plan.scenario
