"""Every user-facing string of the planner, app and CLI alike, Chinese first, with English.

One catalogue of namespaced keys (``kpi.profit``, ``notice.bad_value``, ``budget.title``), each
holding its Chinese and English side by side, and one lookup: ``t(key, lang, **values)``. The
model's errors and notes carry a key and values, never prose; whoever shows them (a page, a
terminal) looks the text up here in the reader's language. Parameter labels, units, help and
notes stay in the parameter registry (``planner.params``), next to the facts they describe.

The catalogue is written in sections, one per part of the product, merged into ``CATALOGUE``;
a key may live in one section only (checked at import).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"

Entry = tuple[str, str]  # (zh, en)

# --- the model: errors, notices and notes raised by planner/ (scenario, links, budget, calibration)
_MODEL: dict[str, Entry] = {
}

# --- the command line (planner/cli)
_CLI: dict[str, Entry] = {
}

# --- the app: shell, navigation, sidebar, notices shown by pages
_APP: dict[str, Entry] = {
}

# --- KPIs: names and the words around them (planner/kpis.py)
_KPI: dict[str, Entry] = {
}

# --- pages: one section per page
_PAGES: dict[str, Entry] = {
}

# --- the projection card and exports
_CARD: dict[str, Entry] = {
}

_SECTIONS: tuple[dict[str, Entry], ...] = (_MODEL, _CLI, _APP, _KPI, _PAGES, _CARD)


def _merge(sections: tuple[dict[str, Entry], ...]) -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for section in sections:
        twice = merged.keys() & section.keys()
        if twice:
            raise ValueError(f"text keys in two sections: {sorted(twice)}")
        merged.update(section)
    return merged


CATALOGUE: dict[str, Entry] = _merge(_SECTIONS)


def normalize_lang(lang: object) -> str:
    """``lang`` if the catalogue has it, else the default (Chinese)."""
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str, **values) -> str:
    """The text of ``key`` in ``lang`` ("zh" or "en"), with ``values`` filled in. A value that is
    itself a ``Message`` is put into words in the same language first."""
    zh, en = CATALOGUE[key]
    text = en if lang == "en" else zh
    if not values:
        return text
    return text.format(**{name: _in_words(value, lang) for name, value in values.items()})


def _in_words(value, lang: str):
    return value.text(lang) if isinstance(value, Message) else value


@dataclass(frozen=True)
class Message:
    """What the model says, before it is put into words: a catalogue key and its values. Errors,
    notices and notes carry one of these; the page or the terminal calls ``text(lang)``."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def message(key: str, **values) -> Message:
    return Message(key, values)


class PlannerError(ValueError):
    """An error the planner raises on purpose: one sentence, held as a key and its values so that
    each reader gets it in their language (``text(lang)``); ``str()`` is the English."""

    def __init__(self, key: str, **values):
        self.message = Message(key, values)
        super().__init__(self.message.text("en"))

    def text(self, lang: str) -> str:
        return self.message.text(lang)


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in ``text`` (for the test that both languages of a key
    take the same values)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}
