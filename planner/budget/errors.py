"""What a budget answer can say went wrong, and how it names a parameter in its messages.

Errors and notes carry a catalogue key and values (``planner.text``), never prose: each reader
gets them in their language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..params import BY_KEY
from ..text import Message, PlannerError


class BudgetError(PlannerError):
    """A budget question that cannot be asked or answered as given: one line saying why
    (``BudgetError("budget.gmv_target_positive", gmv=-1.0)``; ``text(lang)``, ``str()`` in English)."""


@dataclass(frozen=True)
class ParamName(Message):
    """A parameter named in a message: its registry label in Chinese, its key in English (the
    name the CLI's --param and a share link use). ``key`` is the parameter's registry key."""

    def text(self, lang: str) -> str:
        return BY_KEY[self.key].label_zh if lang == "zh" else self.key


@dataclass(frozen=True)
class ParamUnit(Message):
    """A parameter's unit after a value in a message: " yuan/day" in English; nothing in Chinese,
    where the label already says what the number is and "0.05比例" would read wrong."""

    def text(self, lang: str) -> str:
        return "" if lang == "zh" else f" {BY_KEY[self.key].unit_en}"
