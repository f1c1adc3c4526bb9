"""The scenario: a frozen, self-validating dataclass built from the registry, and its URL codec.

``Scenario`` has one field per entry of ``params.PARAMS``. It fails at construction with a
one-line message when a value is out of range. ``from_query`` reads a share link (or just its
query string) and never raises on bad input: every bad, unknown or repeated key becomes a
``Notice`` naming the key, the value given, what is allowed and what was used instead.
``to_query`` writes the canonical full snapshot, so equal scenarios give equal strings and a
link keeps its meaning after a default changes.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from .params import BY_KEY, DEFAULTS, PARAMS, Param

QUERY_VERSION = 1
# Keys a link may carry that belong to the app or the codec, not the model.
APP_KEYS = frozenset({"v", "lang", "preset", "page"})
MAX_VALUE_CHARS = 40  # longer values are cut in notices so a hostile link can't flood the screen


def _check(self) -> None:
    for p in PARAMS:
        value = getattr(self, p.key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{p.key} must be a number, got {type(value).__name__}.")
        if not math.isfinite(value):
            raise ValueError(f"{p.key} must be finite, got {value}.")
        if p.integer and not float(value).is_integer():
            raise ValueError(f"{p.key} must be an integer, got {value}.")
        if not p.min <= value <= p.max:
            raise ValueError(f"{p.key} must be within {p.min:g}..{p.max:g}, got {value:g}.")
        # Normalise numeric type so that equal scenarios compare and hash equal.
        object.__setattr__(self, p.key, int(value) if p.integer else float(value))


def _replace(self, **changes) -> Scenario:
    return dataclasses.replace(self, **changes)


def _to_query(self, lang: str | None = None) -> str:
    return to_query(self, lang=lang)


def _as_dict(self) -> dict[str, float]:
    return {p.key: getattr(self, p.key) for p in PARAMS}


Scenario = dataclasses.make_dataclass(
    "Scenario",
    [(p.key, int if p.integer else float, dataclasses.field(default=p.default)) for p in PARAMS],
    frozen=True,
    namespace={
        "__post_init__": _check,
        "__doc__": "A planning scenario: one value per registry parameter (see planner.params).",
        "replace": _replace,
        "to_query": _to_query,
        "as_dict": _as_dict,
    },
)
Scenario.__module__ = __name__  # so it pickles and prints as planner.scenario.Scenario


@dataclass(frozen=True)
class Notice:
    """One problem found in a link, and what the planner did about it."""

    key: str
    given: str
    allowed: str
    used: str  # what was used instead ("" when the key was simply ignored)

    def message(self, lang: str = "en") -> str:
        given = _shorten(self.given)
        if lang == "zh":
            if self.used:
                return f"参数 {self.key}={given} 无效（允许：{self.allowed}），已改用 {self.used}。"
            return f"参数 {self.key}={given} 已忽略：{self.allowed}。"
        if self.used:
            return f"{self.key}={given} is not valid (allowed: {self.allowed}); used {self.used} instead."
        return f"{self.key}={given} was ignored: {self.allowed}."


def _shorten(text: str) -> str:
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"


def format_value(p: Param, value: float) -> str:
    """Canonical text of a value: integers without a point, floats in shortest round-trip form."""
    if p.integer:
        return str(int(value))
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def parse_value(p: Param, text: str) -> float | None:
    """The number ``text`` stands for if it is allowed for ``p``, else None."""
    text = text.strip()
    if not text or len(text) > 64:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or not p.min <= value <= p.max:
        return None
    if p.integer:
        if not value.is_integer():
            return None
        return int(value)
    return value


def query_pairs(link_or_query: str | Mapping[str, str | Iterable[str]]) -> list[tuple[str, str]]:
    """The (key, value) pairs of a whole share link, a bare query string or a mapping."""
    if isinstance(link_or_query, Mapping):
        pairs = []
        for key, value in link_or_query.items():
            values = [value] if isinstance(value, str) else list(value)
            pairs.extend((str(key), str(v)) for v in values)
        return pairs
    text = str(link_or_query).strip()
    if "?" in text or "://" in text:
        text = urlsplit(text).query
    return parse_qsl(text.lstrip("?"), keep_blank_values=True)


def from_query(
    link_or_query: str | Mapping[str, str | Iterable[str]] = "", base: Scenario | None = None
) -> tuple[Scenario, list[Notice]]:
    """Read a scenario from a link; never raises on bad input.

    Start from ``base`` (or the preset named by ``preset=``, or the defaults), then apply each
    known key. A bad value keeps the base value and adds a Notice; so does an unknown key or a
    repeated key (the last value wins). Returns the scenario and the notices.
    """
    from .presets import PRESETS  # presets import this module

    pairs = query_pairs(link_or_query)
    notices: list[Notice] = []
    seen: dict[str, str] = {}
    for key, value in pairs:
        if key in seen:
            notices.append(Notice(key, value, "each key once", f"the last value {_shorten(value)}"))
        seen[key] = value

    values = dict((base or Scenario()).as_dict())
    preset_name = seen.get("preset")
    if preset_name is not None:
        if preset_name in PRESETS:
            values.update(PRESETS[preset_name].scenario.as_dict())
        else:
            notices.append(Notice("preset", preset_name, "one of " + ", ".join(PRESETS), "the defaults"))

    version = seen.get("v")
    if version is not None and version.strip() != str(QUERY_VERSION):
        notices.append(Notice("v", version, f"version {QUERY_VERSION}", f"v={QUERY_VERSION} rules"))

    for key, text in seen.items():
        if key in APP_KEYS:
            continue
        p = BY_KEY.get(key)
        if p is None:
            notices.append(Notice(key, text, "not a planner parameter", ""))
            continue
        value = parse_value(p, text)
        if value is None:
            notices.append(Notice(key, text, p.allowed(), format_value(p, values[key])))
        else:
            values[key] = value
    return Scenario(**values), notices


def to_query(scenario: Scenario, lang: str | None = None) -> str:
    """The canonical, versioned query string: ``v=1`` then every parameter in registry order."""
    pairs = [("v", str(QUERY_VERSION))]
    pairs += [(p.key, format_value(p, getattr(scenario, p.key))) for p in PARAMS]
    if lang:
        pairs.append(("lang", lang))
    return urlencode(pairs)


def changed_from_defaults(scenario: Scenario) -> dict[str, float]:
    """The parameters whose value differs from the registry default."""
    return {k: v for k, v in scenario.as_dict().items() if v != DEFAULTS[k]}
