"""视频号 live-commerce what-if planner: the model. Pure numpy; never imports the UI."""

from .engine import SOURCES, TOOLS, Projection, simulate
from .link import Notice, from_query, to_query
from .params import PARAMS
from .presets import PRESETS
from .scenario import Scenario

__all__ = ["PARAMS", "PRESETS", "SOURCES", "TOOLS", "Notice", "Projection", "Scenario",
           "from_query", "simulate", "to_query"]
