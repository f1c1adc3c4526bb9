"""What a budget answer can say went wrong, and the remarks it carries."""

from __future__ import annotations

from dataclasses import dataclass


class BudgetError(ValueError):
    """A budget problem that cannot be solved as asked: one line saying why (``zh``: in Chinese)."""

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.zh = zh or message

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


@dataclass(frozen=True)
class Note:
    """A remark on a result, in both languages."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

