"""视频号 live-commerce what-if planner: the model. Pure numpy; never imports the UI."""

from .engine import SOURCES, TOOLS, Projection, simulate
from .params import PARAMS
from .presets import PRESETS
from .scenario import Notice, Scenario, from_query, to_query

__all__ = ["PARAMS", "PRESETS", "SOURCES", "TOOLS", "Notice", "Projection", "Scenario",
           "from_query", "simulate", "to_query"]
