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

from .params import BY_KEY, DEFAULTS, PARAMS, SPLIT_DIGITS, SPLIT_KEYS, Param

QUERY_VERSION = 1
# Keys a link may carry that belong to the app or the codec, not the model.
APP_KEYS = frozenset({"v", "lang", "preset", "page"})
SPLIT_VALUES = frozenset(SPLIT_KEYS.values())
MAX_VALUE_CHARS = 40  # longer values are cut in notices so a hostile link can't flood the screen
MAX_PAIRS = 200  # a link with more key=value pairs is read only this far
MAX_NOTICES = 12  # more problems than this are summed up in one last notice
SUMMARY_KEY = "…"


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
    if self.split is not None:
        object.__setattr__(self, "split", normalise_split(self.split, self.accounts))


def normalise_split(split, accounts: int) -> tuple[tuple[float, ...] | None, ...] | None:
    """Per tool (gdt, beans, coupons) a tuple of per-account shares summing to 1, or None for
    the even split over live accounts; None altogether when no tool has a split.

    Raises ValueError with a one-line message when the shape or a value is wrong.
    """
    if len(split) != 3:
        raise ValueError("split must give shares for the three tools gdt, beans and coupons.")
    if all(shares is None for shares in split):
        return None
    out = []
    for tool, shares in zip(SPLIT_KEYS, split, strict=True):
        if shares is None:
            out.append(None)
            continue
        shares = tuple(float(x) for x in shares)
        if len(shares) != accounts:
            raise ValueError(f"{SPLIT_KEYS[tool]} needs {accounts} shares, one per account, got {len(shares)}.")
        if not all(math.isfinite(x) and x >= 0 for x in shares) or sum(shares) <= 0:
            raise ValueError(f"{SPLIT_KEYS[tool]} shares must be finite, non-negative and not all zero.")
        total = sum(shares)
        out.append(tuple(round(x / total, SPLIT_DIGITS) for x in shares))
    return tuple(out)


def _replace(self, **changes) -> Scenario:
    return dataclasses.replace(self, **changes)


def _to_query(self, lang: str | None = None) -> str:
    return to_query(self, lang=lang)


def _as_dict(self) -> dict[str, float]:
    """The registry parameters (the split, when set, is ``self.split``)."""
    return {p.key: getattr(self, p.key) for p in PARAMS}


Scenario = dataclasses.make_dataclass(
    "Scenario",
    [(p.key, int if p.integer else float, dataclasses.field(default=p.default)) for p in PARAMS]
    + [("split", tuple | None, dataclasses.field(default=None))],
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
    allowed_zh: str = ""  # the same in Chinese, where the words differ from the English
    used_zh: str = ""

    def message(self, lang: str = "en") -> str:
        given = _shorten(self.given)
        key = _shorten(self.key)
        if key == SUMMARY_KEY and not self.used:  # the count of problems not listed
            return (self.allowed_zh or self.allowed) if lang == "zh" else self.allowed
        if lang == "zh":
            allowed, used = self.allowed_zh or self.allowed, self.used_zh or self.used
            if used:
                return f"参数 {key}={given} 无效（允许：{allowed}），已改用 {used}。"
            return f"参数 {key}={given} 已忽略：{allowed}。"
        if self.used:
            return f"{key}={given} is not valid (allowed: {self.allowed}); used {self.used} instead."
        return f"{key}={given} was ignored: {self.allowed}."


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
    if len(pairs) > MAX_PAIRS:
        notices.append(Notice(SUMMARY_KEY, f"{len(pairs)} parameters", f"at most {MAX_PAIRS}",
                              f"the first {MAX_PAIRS}", allowed_zh=f"最多 {MAX_PAIRS} 个",
                              used_zh=f"前 {MAX_PAIRS} 个"))
        pairs = pairs[:MAX_PAIRS]
    seen: dict[str, str] = {}
    for key, value in pairs:
        if key in seen:
            notices.append(Notice(key, value, "each key once", f"the last value {_shorten(value)}",
                                  allowed_zh="每个参数只出现一次", used_zh=f"最后一个值 {_shorten(value)}"))
        seen[key] = value

    values = dict((base or Scenario()).as_dict())
    preset_name = seen.get("preset")
    if preset_name is not None:
        if preset_name in PRESETS:
            values.update(PRESETS[preset_name].scenario.as_dict())
        else:
            notices.append(Notice("preset", preset_name, "one of " + ", ".join(PRESETS), "the defaults",
                                  allowed_zh="以下之一：" + "、".join(PRESETS), used_zh="默认值"))

    version = seen.get("v")
    if version is not None and version.strip() != str(QUERY_VERSION):
        notices.append(Notice("v", version, f"version {QUERY_VERSION}", f"v={QUERY_VERSION} rules",
                              allowed_zh=f"版本 {QUERY_VERSION}", used_zh=f"v={QUERY_VERSION} 规则"))

    for key, text in seen.items():
        if key in APP_KEYS or key in SPLIT_VALUES:
            continue
        p = BY_KEY.get(key)
        if p is None:
            notices.append(Notice(key, text, "not a planner parameter", "", allowed_zh="不是规划参数"))
            continue
        value = parse_value(p, text)
        if value is None:
            notices.append(Notice(key, text, p.allowed(), format_value(p, values[key]),
                                  allowed_zh=p.allowed_zh()))
        else:
            values[key] = value
    split = _read_split(seen, values["accounts"], base.split if base else None, notices)
    return Scenario(**values, split=split), _bounded(notices)


def _bounded(notices: list[Notice]) -> list[Notice]:
    """At most MAX_NOTICES notices: the rest are counted in a last one, so a hostile link
    cannot flood the page."""
    if len(notices) <= MAX_NOTICES:
        return notices
    rest = len(notices) - (MAX_NOTICES - 1)
    summary = Notice(SUMMARY_KEY, f"{rest} more", f"{rest} more problems in the link are not listed.", "",
                     allowed_zh=f"链接中另有 {rest} 个问题未列出。")
    return [*notices[: MAX_NOTICES - 1], summary]


def _read_split(seen: dict[str, str], accounts: int, base_split, notices: list[Notice]):
    """The per-account spend split from ``*_split`` keys, or None (even split) with notices."""
    texts = {tool: seen.get(key) for tool, key in SPLIT_KEYS.items()}
    if all(t is None for t in texts.values()):
        try:
            return normalise_split(base_split, accounts) if base_split is not None else None
        except ValueError:
            return None  # the base's split was for another number of accounts
    split = []
    for tool, text in texts.items():
        if text is None:
            split.append(None)  # a tool without a split is spread evenly over live accounts
            continue
        try:
            parts = text.split(",")
            if len(parts) > 64:
                raise ValueError
            shares = tuple(float(x) for x in parts)
            normalise_split((shares, None, None), accounts)
            split.append(shares)
        except ValueError:
            notices.append(Notice(
                SPLIT_KEYS[tool], text, f"{accounts} comma-separated non-negative shares, one per account",
                "an even split over live accounts",
                allowed_zh=f"{accounts}个以逗号分隔的非负份额，每个账号一个", used_zh="在播账号平均分配"))
            split.append(None)
    return tuple(split)


def to_query(scenario: Scenario, lang: str | None = None) -> str:
    """The canonical, versioned query string: ``v=1`` then every parameter in registry order."""
    pairs = [("v", str(QUERY_VERSION))]
    pairs += [(p.key, format_value(p, getattr(scenario, p.key))) for p in PARAMS]
    if scenario.split is not None:
        pairs += [(key, ",".join(_share_text(x) for x in shares))
                  for key, shares in zip(SPLIT_KEYS.values(), scenario.split, strict=True)
                  if shares is not None]
    if lang:
        pairs.append(("lang", lang))
    return urlencode(pairs, safe=",")


def _share_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def changed_from_defaults(scenario: Scenario) -> dict[str, float]:
    """The parameters whose value differs from the registry default."""
    return {k: v for k, v in scenario.as_dict().items() if v != DEFAULTS[k]}
