"""The pages' own link keys (the 投流 Budget page's budget=, mode=, goal_day=, …): what each may
hold, for the page's widgets and for reading a link.

Streamlit seeds a widget bound to the URL by its own rules and falls back to the widget's
default, without a word, when a value does not fit (budget=abc, up_to=yes, mode=nope). So
``views.state.begin`` reads these keys first, the way the codec reads the scenario's: numbers
through ``planner.numbers.parse_number`` (NFKC: full-width digits are digits) within the
widget's limits; a bad value is dropped from the address bar with a Notice saying what was
given, what is allowed and that the page's default is used.

Streamlit writes a radio or select box to the URL as its option's label, which is translated
(mode=再加一笔钱投哪里 in Chinese, mode=Where should the next budget go in English), so a link
made in one language lost its choice in the other. A choice is read here from its option key
(mode=incremental) or its label in either language, and written back as the label in the link's
language, which is what the widget reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner import baseline, budget
from planner.budget import MODES, mode_name
from planner.compare import LINK_KEYS as COMPARE_LINK_KEYS
from planner.compare import SLOT_KEYS, SLOT_LINK_KEYS, slot_options
from planner.link import Notice, number_between, one_of
from planner.numbers import parse_number
from planner.params import BY_KEY, PARAMS
from planner.presets import PRESETS
from planner.text import Message, t

from .i18n import param_label

OBJECTIVES: tuple[str, ...] = ("gmv", "profit")
# The page's keys are the budget question's (planner.budget.LINK_KEYS), so the CLI knows them too.
PAGE_KEYS: tuple[str, ...] = budget.LINK_KEYS
BOUND_TOOL_KEYS: tuple[str, ...] = tuple(key for key in PAGE_KEYS if key.endswith(("_min", "_max")))
# Every link key the app owns beyond the codec's: the pages' and page= (kept in the address bar).
# The app passes them to ``planner.link.from_query`` as ``other_keys``; the CLI passes the same
# (``planner.cli.common.APP_LINK_KEYS``), so a link copied from the app reads the same in a terminal.
APP_KEYS: frozenset[str] = frozenset({"page", *PAGE_KEYS, *baseline.LINK_KEYS, *COMPARE_LINK_KEYS})
# The keys ``views.state.begin`` checks before any widget exists (``read``): the budget page's,
# the baseline (``base=``, read by ``planner.baseline``) and the compare page's picks and links.
CHECKED_KEYS: frozenset[str] = frozenset({*PAGE_KEYS, *baseline.LINK_KEYS, *COMPARE_LINK_KEYS})
MAX_PASTED_LINK_CHARS = 8000  # a pasted share link: every parameter, splits and ranges fit many times over


@dataclass(frozen=True)
class NumberKey:
    """A number input's limits and default (None: empty until set)."""

    low: float
    high: float
    default: float | None = None
    integer: bool = False


NUMBERS: dict[str, NumberKey] = {
    "budget": NumberKey(0.0, 3_000_000.0, 10_000.0),
    "target_gmv": NumberKey(0.0, 1e12, 10_000_000.0),
    "min_roi": NumberKey(0.1, 1000.0, 5.0),
    **{key: NumberKey(0.0, 1_000_000.0) for key in BOUND_TOOL_KEYS},
    "goal_gmv": NumberKey(1.0, 1e12),  # empty until the user sets a target: goal seek answers only then
    "goal_day": NumberKey(1, 365, integer=True),
}
CHOICES: dict[str, tuple[str, ...]] = {"mode": MODES, "objective": OBJECTIVES,
                                       "goal_param": tuple(p.key for p in PARAMS),
                                       **{key: slot_options() for key in SLOT_KEYS.values()}}
FLAGS: tuple[str, ...] = ("up_to",)  # checkboxes: Streamlit writes true/false and reads either case


# The catalogue key of each option's label (the objective "profit" is the KPI of that name).
OPTION_TEXT: dict[tuple[str, str], str] = {
    **{("mode", mode): f"budget_page.mode_{mode}" for mode in MODES},
    ("objective", "gmv"): "budget_page.objective_gmv",
    ("objective", "profit"): "kpi.profit",
}


def label(key: str, option: str, lang: str) -> str:
    """What the page's widget shows for ``option`` of the choice ``key`` (its format_func)."""
    if key == "goal_param":
        return param_label(BY_KEY[option], lang)
    if key in SLOT_KEYS.values():
        return compare_option_label(option, lang)
    return t(OPTION_TEXT[key, option], lang)


def compare_option_label(option: str, lang: str) -> str:
    """What a compare slot's picker shows: nothing, a pasted link, or a preset by name."""
    if option in PRESETS:
        return t("compare_page.slot_preset", lang, name=PRESETS[option].label(lang))
    return t({"none": "compare_page.slot_none", "baseline": "compare_page.slot_baseline"}.get(
        option, "compare_page.slot_link"), lang)


def _number_text(value: float, integer: bool) -> str:
    return str(int(value)) if integer or float(value).is_integer() else repr(float(value))


def read(key: str, values: list[str], lang: str, version: str | None = None) -> tuple[list[str] | None, Notice | None]:
    """The link's value for a page key as the widget should read it (a choice as its label in
    ``lang``), or None (the widget's default) with a Notice saying why. ``version`` is the link's
    ``v=``: a baseline is read on that version's defaults and written on today's."""
    text = values[-1] if values else ""
    if key == baseline.BASELINE_KEY:
        scenario, notice = (baseline.decode(text, version) if len(values) == 1
                            else (None, baseline.bad_notice(text)))
        return (None, notice) if scenario is None else ([baseline.encode(scenario)], None)
    if key in SLOT_LINK_KEYS.values():  # what it holds is read (with its notices) where it is compared
        if len(values) == 1 and len(text) <= MAX_PASTED_LINK_CHARS:
            return values, None
        return None, Notice(key, text, Message("compare_page.link_too_long", {"most": MAX_PASTED_LINK_CHARS}),
                            Message("link.page_default"))
    if key in FLAGS:
        if len(values) == 1 and text.lower() in ("true", "false"):
            return values, None
        return None, Notice(key, text, Message("link.true_or_false"), Message("link.page_default"))
    if key in CHOICES:
        options = CHOICES[key]
        if key == "mode":  # links made before the mode names were one set say mode=target, mode=roi
            text = mode_name(text)
        for option in options if len(values) == 1 else ():
            if text == option or text in (label(key, option, "zh"), label(key, option, "en")):
                return [label(key, option, lang)], None
        return None, Notice(key, text, one_of(options), Message("link.page_default"))
    limits = NUMBERS[key]
    value = parse_number(text) if len(values) == 1 else None
    if value is not None and limits.low <= value <= limits.high and (not limits.integer or value.is_integer()):
        canonical = _number_text(value, limits.integer)
        return ([text] if text.strip() == canonical or text.isascii() else [canonical]), None
    low, high = _number_text(limits.low, limits.integer), _number_text(limits.high, limits.integer)
    return None, Notice(key, text, number_between(low, high, limits.integer), Message("link.page_default"))
