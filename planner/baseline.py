"""The baseline a meeting compares against, carried in a share link as one compact key.

``base=`` holds the baseline's parameters that differ from the registry's defaults (and its
per-account spend split, which changes the projection), as ``key:value`` pairs joined by ``;``:

    base=invites:5000;gdt:2000;gdt_split:0.6,0.4

The values are the codec's canonical text (``planner.link.format_value``). Against the defaults,
not the current scenario, so the key does not change while the sliders move: the share link stays
short (it carries only what the baseline changed) and reads the same after any slider move. A
baseline equal to the defaults is ``base=default``. Monte Carlo ranges, draws and seed are not
part of a baseline: the KPIs it is compared on are the point projection's.

``decode`` reads the key with the codec's own rules (``planner.link.from_query``): a value that
the codec would flag (an unknown key, a number out of range, a repeated key, anything that is
not ``key:value``) makes the whole baseline unusable, and it is dropped with one Notice. Pure: no
streamlit.
"""

from __future__ import annotations

from .link import MAX_VALUE_CHARS, VERSION_KEY, Notice, format_value, from_query, rounded
from .params import BY_KEY, DEFAULTS, PARAMS, SPLIT_KEYS
from .scenario import Scenario
from .text import Message

BASELINE_KEY = "base"
LINK_KEYS: tuple[str, ...] = (BASELINE_KEY,)  # the app's link keys this module owns (for the CLI too)
DEFAULT_TOKEN = "default"  # a baseline equal to the defaults
PAIR_SEP, VALUE_SEP = ";", ":"
_SPLIT_LINK_KEYS = frozenset(SPLIT_KEYS.values())
MAX_BASE_CHARS = 4000  # far more than every parameter and three 20-account splits need


def encode(scenario: Scenario) -> str:
    """The ``base=`` value of a scenario: its non-default parameters and its split, at the link's
    precision (a value that rounds to its default is not written: 0.5 元 of coupons is 0)."""
    scenario = rounded(scenario)
    pairs = [(p.key, format_value(p, getattr(scenario, p.key))) for p in PARAMS
             if getattr(scenario, p.key) != DEFAULTS[p.key]]
    if scenario.split is not None:
        pairs += [(key, ",".join(_share_text(x) for x in shares))
                  for key, shares in zip(SPLIT_KEYS.values(), scenario.split, strict=True) if shares is not None]
    if not pairs:
        return DEFAULT_TOKEN
    return PAIR_SEP.join(f"{key}{VALUE_SEP}{value}" for key, value in pairs)


def _share_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def decode(text: str, version: str | None = None) -> tuple[Scenario | None, Notice | None]:
    """The baseline a ``base=`` value holds, or (None, one Notice) when any part of it is bad.

    ``version`` is the ``v=`` of the link it came in: its values differ from that version's
    defaults (a v2 link's ``base=`` keeps its meaning after v3 changes a default), read as the
    link is (a v1 link's are carried over to v2). What is wrong with the version itself is the
    link's notice, not the baseline's. ``encode`` writes against today's defaults."""
    text = text.strip()
    if text == DEFAULT_TOKEN:
        return Scenario(), None
    pairs = [part.partition(VALUE_SEP) for part in text.split(PAIR_SEP)] if text else []
    ok = (0 < len(text) <= MAX_BASE_CHARS and pairs
          and all(sep and (key in BY_KEY or key in _SPLIT_LINK_KEYS) for key, sep, _ in pairs))
    if ok:
        query = {key: [value for k, _, value in pairs if k == key] for key, _, _ in pairs}
        if version is not None:
            query[VERSION_KEY] = [version]
        scenario, notices = from_query(query)
        notices = [n for n in notices if n.key != VERSION_KEY]
        if not notices and len({key for key, _, _ in pairs}) == len(pairs):
            return Scenario(**scenario.as_dict(), split=scenario.split), None
    return None, bad_notice(text)


def bad_notice(text: str) -> Notice:
    return Notice(BASELINE_KEY, text[: MAX_VALUE_CHARS + 1], Message("baseline.allowed"), Message("baseline.dropped"))


def same(a: Scenario, b: Scenario) -> bool:
    """Whether two scenarios project the same point figures (what a baseline carries)."""
    return encode(a) == encode(b)
