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
import numbers
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from . import migrate
from .params import BY_KEY, DEFAULTS, PARAMS, SPLIT_DIGITS, SPLIT_KEYS, TOOL_KEYS, Param

QUERY_VERSION = 2
# Keys a link may carry that belong to the app or the codec, not the model.
APP_KEYS = frozenset({"v", "lang", "preset", "page", "mode", "budget", "objective", "up_to", "target_gmv", "min_roi", *(f"{tool}_{end}" for tool in TOOL_KEYS for end in ("min", "max")), "goal_param", "goal_gmv", "goal_day"})  # and the 投流 page's (views/budget_state.PAGE_KEYS)
SPLIT_VALUES = frozenset(SPLIT_KEYS.values())
# Monte Carlo over parameter ranges (planner.uncertainty): a range is written ``cvr_range=lo,hi``;
# ``draws`` and ``seed`` are codec fields, not registry parameters (the model never reads them).
RANGE_SUFFIX = "_range"
UNCERTAIN_KEYS: tuple[str, ...] = tuple(p.key for p in PARAMS if p.uncertain)
DEFAULT_DRAWS, MIN_DRAWS, MAX_DRAWS = 1_000, 1, 10_000
DEFAULT_SEED, MAX_SEED = 0, 2**32 - 1
MAX_VALUE_CHARS = 40  # longer values are cut in notices so a hostile link can't flood the screen
MAX_PAIRS = 200  # a link with more key=value pairs is read only this far
MAX_NOTICES = 12  # more problems than this are summed up in one last notice
SUMMARY_KEY = "…"


def _check(self) -> None:
    for p in PARAMS:
        value = getattr(self, p.key)
        if isinstance(value, bool) or not isinstance(value, numbers.Real):  # numpy scalars are numbers too
            raise ValueError(f"{p.key} must be a number, got {type(value).__name__}.")
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer too large for a float
            raise ValueError(f"{p.key} must be within {p.min:g}..{p.max:g}, got a number too large.") from None
        if not finite:
            raise ValueError(f"{p.key} must be finite, got {value}.")
        if p.integer and not float(value).is_integer():
            raise ValueError(f"{p.key} must be an integer, got {value}.")
        if not p.min <= value <= p.max:
            raise ValueError(f"{p.key} must be within {p.min:g}..{p.max:g}, got {value:g}.")
        # Normalise numeric type so that equal scenarios compare and hash equal.
        object.__setattr__(self, p.key, int(value) if p.integer else float(value))
    if self.split is not None:
        object.__setattr__(self, "split", normalise_split(self.split, self.accounts))
    object.__setattr__(self, "ranges", normalise_ranges(self.ranges))
    for name, lo, hi in (("draws", MIN_DRAWS, MAX_DRAWS), ("seed", 0, MAX_SEED)):
        value = getattr(self, name)
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not lo <= value <= hi:
            raise ValueError(f"{name} must be an integer within {lo}..{hi}, got {value!r}.")
        object.__setattr__(self, name, int(value))


def normalise_ranges(ranges) -> tuple[tuple[str, float, float], ...]:
    """``(key, low, high)`` triples in registry order, from triples or a ``{key: (low, high)}``
    mapping; ``()`` when there is none. Only uncertain parameters carry a range, within the
    parameter's limits, with low ≤ high (equal ends pin the parameter in every draw).

    Raises ValueError with a one-line message when a range is wrong.
    """
    items = ranges.items() if isinstance(ranges, Mapping) else [(k, (lo, hi)) for k, lo, hi in ranges]
    out = {}
    for key, (lo, hi) in items:
        p = BY_KEY.get(key)
        if p is None or not p.uncertain:
            raise ValueError(f"{key} cannot carry a range; uncertain parameters are: {', '.join(UNCERTAIN_KEYS)}.")
        if key in out:
            raise ValueError(f"{key} has two ranges.")
        if any(isinstance(x, bool) or not isinstance(x, numbers.Real) or not math.isfinite(x) for x in (lo, hi)):
            raise ValueError(f"{key} range ends must be finite numbers, got {lo!r}, {hi!r}.")
        if not p.min <= lo <= hi <= p.max:
            raise ValueError(f"{key} range must satisfy {p.min:g} <= low <= high <= {p.max:g}, got {lo:g}, {hi:g}.")
        if p.integer and not (float(lo).is_integer() and float(hi).is_integer()):
            raise ValueError(f"{key} range ends must be integers, got {lo:g}, {hi:g}.")
        out[key] = (int(lo), int(hi)) if p.integer else (float(lo), float(hi))
    return tuple((key, *out[key]) for key in UNCERTAIN_KEYS if key in out)


def normalise_split(split, accounts: int) -> tuple[tuple[float, ...] | None, ...] | None:
    """Per tool (in the order of ``SPLIT_KEYS``) a tuple of per-account shares summing to 1, or None for
    the even split over live accounts; None altogether when no tool has a split.

    Raises ValueError with a one-line message when the shape or a value is wrong.
    """
    if len(split) != len(SPLIT_KEYS):
        raise ValueError(f"split must give shares for the tools {', '.join(SPLIT_KEYS)}.")
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
        if not math.isfinite(total):  # 1e308,1e308: every share would divide to 0, spending nothing
            raise ValueError(f"{SPLIT_KEYS[tool]} shares must add up to a finite number.")
        if all(round(x, SPLIT_DIGITS) == x for x in shares) and abs(total - 1) <= accounts * 10.0**-SPLIT_DIGITS:
            out.append(shares)  # already normalised: dividing again could move the last digit
            continue
        out.append(tuple(round(x / total, SPLIT_DIGITS) for x in shares))
    return tuple(out)


def _replace(self, **changes) -> Scenario:
    return dataclasses.replace(self, **changes)


def _to_query(self, lang: str | None = None) -> str:
    return to_query(self, lang=lang)


def _as_dict(self) -> dict[str, float]:
    """The registry parameters (the split, when set, is ``self.split``; ranges ``self.ranges``)."""
    return {p.key: getattr(self, p.key) for p in PARAMS}


def _range_map(self) -> dict[str, tuple[float, float]]:
    """``{key: (low, high)}`` for the parameters that carry a range."""
    return {key: (lo, hi) for key, lo, hi in self.ranges}


Scenario = dataclasses.make_dataclass(
    "Scenario",
    [(p.key, int if p.integer else float, dataclasses.field(default=p.default)) for p in PARAMS]
    + [("split", tuple | None, dataclasses.field(default=None)),
       ("ranges", tuple, dataclasses.field(default=())),
       ("draws", int, dataclasses.field(default=DEFAULT_DRAWS)),
       ("seed", int, dataclasses.field(default=DEFAULT_SEED))],
    frozen=True,
    namespace={
        "__post_init__": _check,
        "__doc__": "A planning scenario: one value per registry parameter (see planner.params).",
        "replace": _replace,
        "to_query": _to_query,
        "as_dict": _as_dict,
        "range_map": _range_map,
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
    text_en: str = ""  # a whole sentence instead, when the notice is not about one bad value
    text_zh: str = ""

    def message(self, lang: str = "en") -> str:
        if self.text_en:
            return (self.text_zh or self.text_en) if lang == "zh" else self.text_en
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


MAX_NUMBER_CHARS = 64
# A plain decimal or scientific number in ASCII: no nan/inf, no 0x10, no 1_000 (Python's float()
# takes the last three, and digits of any script).
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?", re.IGNORECASE | re.ASCII)


def parse_number(text: str) -> float | None:
    """The finite number ``text`` stands for, read the same way for every numeric field (the
    parameters, split shares, range ends, draws and seed; the CLI's options): NFKC first, so
    full-width digits typed with a Chinese IME (１２, ０．０２) are ASCII ones, then a plain
    decimal or scientific number. None for anything else."""
    text = unicodedata.normalize("NFKC", str(text)).strip()
    if not text or len(text) > MAX_NUMBER_CHARS or not _NUMBER_TEXT.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def parse_value(p: Param, text: str) -> float | None:
    """The number ``text`` stands for if it is allowed for ``p``, else None."""
    value = parse_number(text)
    if value is None or not p.min <= value <= p.max:
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
            many = isinstance(value, Iterable) and not isinstance(value, str | bytes)
            pairs.extend((str(key), str(v)) for v in (value if many else [value]))
        return pairs
    text = str(link_or_query).strip().split("#", 1)[0]
    head = text.split("=", 1)[0]
    if "?" in head or "://" in head:  # a whole link (not a value that holds "?" or "://")
        text = text.split("?", 1)[1] if "?" in text else ""
    return parse_qsl(text, keep_blank_values=True)


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
    if version is not None and version.strip() == "1":  # made with model v1: carry over what still holds
        rest, converted, dropped = migrate.v1_to_v2({k: x for k, x in seen.items() if k != "v"})
        seen = {"v": version, **rest}
        en, zh = migrate.notice_text(converted, dropped)
        notices.insert(0, Notice("v", version, "", "", text_en=en, text_zh=zh))
    elif version is not None and version.strip() != str(QUERY_VERSION):
        notices.append(Notice("v", version, f"version {QUERY_VERSION}", f"v={QUERY_VERSION} rules",
                              allowed_zh=f"版本 {QUERY_VERSION}", used_zh=f"v={QUERY_VERSION} 规则"))

    for key, text in seen.items():
        if key in APP_KEYS or key in SPLIT_VALUES or key in ("draws", "seed") or key.endswith(RANGE_SUFFIX):
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
    ranges = _read_ranges(seen, base.ranges if base else (), notices)
    draws = _read_int(seen, "draws", MIN_DRAWS, MAX_DRAWS, base.draws if base else DEFAULT_DRAWS, notices)
    seed = _read_int(seen, "seed", 0, MAX_SEED, base.seed if base else DEFAULT_SEED, notices)
    return Scenario(**values, split=split, ranges=ranges, draws=draws, seed=seed), _bounded(notices)


def _bounded(notices: list[Notice]) -> list[Notice]:
    """At most MAX_NOTICES notices: the rest are counted in a last one, so a hostile link
    cannot flood the page."""
    if len(notices) <= MAX_NOTICES:
        return notices
    rest = len(notices) - (MAX_NOTICES - 1)
    summary = Notice(SUMMARY_KEY, f"{rest} more", f"{rest} more problems in the link are not listed.", "",
                     allowed_zh=f"链接中另有 {rest} 个问题未列出。")
    return [*notices[: MAX_NOTICES - 1], summary]


def _read_ranges(seen: dict[str, str], base_ranges, notices: list[Notice]) -> dict[str, tuple]:
    """The ranges from ``*_range`` keys over those of the base; a bad one keeps the base's range
    for that key (or none) and adds a Notice."""
    ranges = {key: (lo, hi) for key, lo, hi in base_ranges}
    for name, text in seen.items():
        if not name.endswith(RANGE_SUFFIX):
            continue
        key = name[: -len(RANGE_SUFFIX)]
        p = BY_KEY.get(key)
        if p is None or not p.uncertain:
            notices.append(Notice(
                name, text, "not a planner parameter" if p is None else f"{key} is not uncertain and has no range",
                "", allowed_zh="不是规划参数" if p is None else f"{key} 不是不确定参数，不能设区间"))
            continue
        parts = text.split(",")
        ends = [parse_value(p, part) for part in parts] if len(parts) == 2 else [None]
        if None in ends or ends[0] > ends[1]:
            old = ranges.get(key)
            used = f"{format_value(p, old[0])},{format_value(p, old[1])}" if old else ""
            kind, kind_zh = ("integers", "整数") if p.integer else ("numbers", "数值")
            lo, hi = _share_text(p.min), _share_text(p.max)
            notices.append(Notice(
                name, text, f"low,high: two {kind} from {lo} to {hi} with low ≤ high",
                used or "no range (the point value)",
                allowed_zh=f"低,高：{lo} 到 {hi} 之间的两个{kind_zh}，且低 ≤ 高", used_zh=used or "不设区间（用点值）"))
            continue
        ranges[key] = tuple(ends)
    return ranges


def _read_int(seen: dict[str, str], key: str, lo: int, hi: int, default: int, notices: list[Notice]) -> int:
    """An integer codec field (draws, seed) from the link, or ``default`` with a Notice."""
    text = seen.get(key)
    if text is None:
        return default
    value = parse_number(text)
    if value is not None and value.is_integer() and lo <= value <= hi:
        return int(value)
    notices.append(Notice(key, text, f"an integer from {lo} to {hi}", str(default),
                          allowed_zh=f"{lo} 到 {hi} 之间的整数"))
    return default


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
            shares = tuple(parse_number(x) for x in parts)
            if None in shares:
                raise ValueError
            normalise_split((shares,) + (None,) * (len(SPLIT_KEYS) - 1), accounts)  # checks these shares
            split.append(shares)
        except ValueError:
            notices.append(Notice(
                SPLIT_KEYS[tool], text,
                f"{accounts} comma-separated non-negative shares, one per account, with a finite sum",
                "an even split over live accounts",
                allowed_zh=f"{accounts}个以逗号分隔的非负份额，每个账号一个，总和为有限数", used_zh="在播账号平均分配"))
            split.append(None)
    return tuple(split)


def to_query(scenario: Scenario, lang: str | None = None) -> str:
    """The canonical, versioned query string: ``v=2``, every parameter in registry order, the
    spend split and the ranges (``cvr_range=0.01,0.03``) when set, then ``draws`` and ``seed``
    whenever there are ranges or either differs from its default, so a link reproduces its bands."""
    pairs = [("v", str(QUERY_VERSION))]
    pairs += [(p.key, format_value(p, getattr(scenario, p.key))) for p in PARAMS]
    if scenario.split is not None:
        pairs += [(key, ",".join(_share_text(x) for x in shares))
                  for key, shares in zip(SPLIT_KEYS.values(), scenario.split, strict=True)
                  if shares is not None]
    pairs += [(key + RANGE_SUFFIX, f"{format_value(BY_KEY[key], lo)},{format_value(BY_KEY[key], hi)}")
              for key, lo, hi in scenario.ranges]
    if scenario.ranges or (scenario.draws, scenario.seed) != (DEFAULT_DRAWS, DEFAULT_SEED):
        pairs += [("draws", str(scenario.draws)), ("seed", str(scenario.seed))]
    if lang:
        pairs.append(("lang", lang))
    return urlencode(pairs, safe=",")


def _share_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def changed_from_defaults(scenario: Scenario) -> dict[str, float]:
    """The parameters whose value differs from the registry default."""
    return {k: v for k, v in scenario.as_dict().items() if v != DEFAULTS[k]}
