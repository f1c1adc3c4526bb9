"""投流 budget planner: response curves, an optimiser and goal seek, all evaluated on the engine.

Founders ask "where should the next 10,000 元 go, and is 投流 worth it at all". Everything here
answers with ``planner.engine.simulate`` itself as the model, batched through its draws axis:
one call evaluates a whole spend grid or hundreds of candidate allocations at once.

One module per job, each depending only on those above it:

``spend``       the scenario's paid traffic: spend → paid viewers, and what a room can absorb
``evaluate``    many candidate spends in one batched engine call
``allocation``  a scenario's allocation today, and the scenario that spends a given one
``curves``      response curves per tool, with the marginal ROI and break-even
``optimiser``   the best allocation for one budget (``solve``)
``plan``        the answer: ``Plan``
``questions``   the questions people ask (a fixed budget, an extra amount, a GMV target, an ROI
                floor) and ``answer``
``goal``        goal seek: the value of one parameter that reaches a GMV target

Money is in 元; spend is daily 元 unless a name says ``total`` (summed over the horizon).
"""

from ..engine import TOOLS
from .allocation import current_allocation, even_over_accounts, link_values, scenario_with
from .curves import Curve, default_max_spend, response_curves
from .errors import BudgetError, ParamName, ParamUnit
from .evaluate import MAX_CELLS, Evaluator, Outcome, evaluate_tool_totals
from .goal import Goal, gmv_by_day, goal_seek
from .optimiser import OBJECTIVES
from .plan import Plan
from .questions import (
    LINK_KEYS,
    MODES,
    OLD_MODE_NAMES,
    ExtraBudget,
    FixedBudget,
    Question,
    ReachGMV,
    ROIFloor,
    answer,
    incremental,
    max_gmv_at_roi,
    mode_name,
    optimise,
    question_for,
    target_gmv,
)
from .spend import BEANS, PaidCurves, bean_step_yuan, live_days, paid_curves, sessions

__all__ = [
    "BEANS", "LINK_KEYS", "MAX_CELLS", "MODES", "OBJECTIVES", "OLD_MODE_NAMES", "TOOLS", "BudgetError", "Curve", "Evaluator",
    "ExtraBudget", "FixedBudget", "Goal", "Outcome", "PaidCurves", "ParamName", "ParamUnit", "Plan", "Question", "ROIFloor",
    "ReachGMV", "answer", "bean_step_yuan", "current_allocation", "default_max_spend", "evaluate_tool_totals",
    "even_over_accounts", "gmv_by_day", "goal_seek", "incremental", "link_values", "live_days", "max_gmv_at_roi",
    "mode_name", "optimise", "paid_curves", "question_for", "response_curves", "scenario_with", "sessions", "target_gmv",
]
