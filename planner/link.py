"""The share-link codec: a scenario to a query string and back.

``to_query`` writes the canonical short form: ``v=2``, then only the parameters that differ
from that version's defaults, in registry order, then the split, the ranges, and draws and seed
when they differ from theirs. Each version's defaults are frozen as data
(``planner.link_versions``) and ``from_query`` reads a link on top of its own version's, so a
link keeps its meaning after a default changes. Every value is written, and read, at its
parameter's precision (``decimals``: whole 元, one digit finer than a fractional slider step),
so equal scenarios give equal strings, no float noise reaches a link, and
``to_query(from_query(q))`` is a fixed point. ``from_query`` reads a share link (or just its query
string, or a mapping) and never raises on bad input: every bad, unknown or repeated key becomes
a ``Notice`` naming the key, the value given, what is allowed and what was used instead, worded
in the catalogue (``planner.text``, keys ``link.*``).

The codec owns ``v``, ``lang``, ``preset``, the parameters, ``*_split``, ``*_range``, ``draws``
and ``seed``. A link may carry keys that belong to whoever reads it (the app's pages bind their
own widgets to the URL: ``budget=``, ``mode=``…); the reader names them in ``other_keys`` and
the codec passes over them without a word. It knows nothing else about the app.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from . import link_versions, migrate
from .numbers import parse_number
from .params import BY_KEY, PARAMS, SPLIT_KEYS, Param
from .presets import PRESETS
from .scenario import MAX_DRAWS, MAX_SEED, MIN_DRAWS, Scenario, normalise_split
from .text import Message, t

QUERY_VERSION = 2
VERSION_KEY, LANG_KEY, PRESET_KEY = "v", "lang", "preset"
SPLIT_VALUES = frozenset(SPLIT_KEYS.values())
# A Monte Carlo range is written ``cvr_range=lo,hi``.
RANGE_SUFFIX = "_range"
MAX_VALUE_CHARS = 40  # longer values are cut in notices so a hostile link can't flood the screen
MAX_PAIRS = 200  # a link with more key=value pairs is read only this far
MAX_NOTICES = 12  # more problems than this are summed up in one last notice
SUMMARY_KEY = "…"  # the key of a notice about the link as a whole


@dataclass(frozen=True)
class Listing(Message):
    """Several items said in one language: each put into words, joined by the catalogue text of
    ``key`` ("、" in Chinese and ", " in English for ``link.list_sep``). It is a ``Message``, so
    it can be a value of another message."""

    items: tuple = ()

    def text(self, lang: str) -> str:
        return t(self.key, lang).join(x.text(lang) if isinstance(x, Message) else str(x) for x in self.items)


def listing(items: Iterable, sep: str = "link.list_sep") -> Listing:
    return Listing(sep, items=tuple(items))


@dataclass(frozen=True)
class Notice:
    """One problem found in a link, and what the planner did about it.

    ``key`` and ``given`` are the key and value as the link has them; ``allowed`` says what the
    key may hold and ``used`` what was used instead ("" when the key was simply ignored), each a
    catalogue ``Message`` or text that needs no translation (a number, a key). ``sentence``, when
    set, is the whole notice (a v1 link, a summary of the link)."""

    key: str
    given: str
    allowed: Message | str = ""
    used: Message | str = ""
    sentence: Message | None = None

    def text(self, lang: str) -> str:
        if self.sentence is not None:
            return self.sentence.text(lang)
        values = {"name": shorten(self.key), "given": shorten(self.given), "allowed": self.allowed}
        if self.used:
            return t("link.replaced", lang, used=self.used, **values)
        return t("link.ignored", lang, **values)


def shorten(text: str) -> str:
    """``text`` safe to quote in one line: unprintable characters replaced, cut to MAX_VALUE_CHARS."""
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"


def number_between(low: str, high: str, integer: bool) -> Message:
    """"an integer from 1 to 20" / "1 到 20 之间的整数" (and the same for a number)."""
    return Message("link.number_between",
                   {"low": low, "high": high, "kind": Message("link.an_integer" if integer else "link.a_number")})


def one_of(options: Iterable[str]) -> Message:
    return Message("link.one_of", {"options": listing(options)})


def bounded(notices: list[Notice]) -> list[Notice]:
    """At most MAX_NOTICES notices: the rest are counted in a last one, so a hostile link
    cannot flood the page."""
    if len(notices) <= MAX_NOTICES:
        return notices
    rest = len(notices) - (MAX_NOTICES - 1)
    summary = Notice(SUMMARY_KEY, f"{rest} more", sentence=Message("link.more_notices", {"n": rest}))
    return [*notices[: MAX_NOTICES - 1], summary]


def decimals(p: Param) -> int:
    """Digits after the point that a value of ``p`` is written with: none for an integer or a
    parameter whose slider step is whole (money in 元, counts), else one more than the step
    has (0.0005 → 5, 0.05 → 3, 0.25 → 3, 0.5 → 2), so a typed value between two slider stops
    (a CVR of 0.625 %) is kept, while float noise (4411.764705882352, 0.6400000000001) is not."""
    step = float(p.step)
    if p.integer or step.is_integer():
        return 0
    text = f"{step:.12f}".rstrip("0")
    return len(text.split(".")[1]) + 1


def round_value(p: Param, value: float) -> int | float:
    """``value`` at ``p``'s precision (``decimals``): what a link writes and the app holds."""
    if p.integer:
        return int(round(value))
    rounded = round(float(value), decimals(p))
    return rounded + 0.0  # no -0.0


def rounded(scenario: Scenario) -> Scenario:
    """``scenario`` at the link's precision: every parameter and range end as ``round_value``
    gives it, i.e. the scenario its link opens to (``from_query(to_query(s)) == rounded(s)``)."""
    values = {p.key: min(max(round_value(p, getattr(scenario, p.key)), p.min), p.max) for p in PARAMS}
    ranges = tuple((key, round_value(BY_KEY[key], lo), round_value(BY_KEY[key], hi)) for key, lo, hi in scenario.ranges)
    return scenario.replace(**values, ranges=ranges)


def format_value(p: Param, value: float) -> str:
    """Canonical text of a value at ``p``'s precision: integers and whole numbers without a
    point, other numbers in shortest round-trip form (0.00625, never 0.006250000000000001)."""
    value = round_value(p, value)
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _share_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def parse_value(p: Param, text: str) -> float | None:
    """The number ``text`` stands for, at ``p``'s precision, if it is allowed for ``p``, else None."""
    value = parse_number(text)
    if value is None or not p.min <= value <= p.max:
        return None
    if p.integer:
        if not value.is_integer():
            return None
        return int(value)
    return min(max(round_value(p, value), p.min), p.max)


def version_defaults(version: int) -> tuple[dict[str, float], dict[str, int]]:
    """The parameter values and the (draws, seed) a link of ``version`` means when it omits
    them: the version's frozen table (``planner.link_versions``) over today's registry defaults
    (for parameters added since). A frozen value today's registry no longer allows gives way to
    today's default."""
    values = Scenario().as_dict()
    for key, value in link_versions.DEFAULTS_BY_VERSION[version].items():
        p = BY_KEY.get(key)
        if p is not None and p.min <= value <= p.max:
            values[key] = int(value) if p.integer else float(value)
    return values, dict(link_versions.CODEC_DEFAULTS_BY_VERSION[version])


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


def _is_codec_key(key: str) -> bool:
    """A key the codec reads by its own rules after the parameters (or, for ``v``, ``lang`` and
    ``preset``, before them)."""
    return (key in (VERSION_KEY, LANG_KEY, PRESET_KEY, "draws", "seed") or key in SPLIT_VALUES
            or key.endswith(RANGE_SUFFIX))


def from_query(
    link_or_query: str | Mapping[str, str | Iterable[str]] = "", base: Scenario | None = None,
    other_keys: Collection[str] = (),
) -> tuple[Scenario, list[Notice]]:
    """Read a scenario from a link; never raises on bad input.

    Start from ``base`` (or the preset named by ``preset=``, or the defaults of the link's version,
    ``version_defaults``: a link omits what equals them), then apply each
    known key. A bad value keeps the base value and adds a Notice; so does an unknown key or a
    repeated key (the last value wins). Keys in ``other_keys`` belong to the caller (a page's
    own settings) and are passed over without a word. Returns the scenario and the notices.
    """
    pairs = query_pairs(link_or_query)
    notices: list[Notice] = []
    if len(pairs) > MAX_PAIRS:
        notices.append(Notice(SUMMARY_KEY, f"{len(pairs)}",
                              sentence=Message("link.too_many_pairs", {"n": len(pairs), "max": MAX_PAIRS})))
        pairs = pairs[:MAX_PAIRS]
    seen: dict[str, str] = {}
    for key, value in pairs:
        if key in seen:
            notices.append(Notice(key, value, Message("link.each_key_once"),
                                  Message("link.last_value", {"value": shorten(value)})))
        seen[key] = value

    version = seen.get(VERSION_KEY)
    version_number = _version_number(version)
    values, codec_defaults = version_defaults(version_number or QUERY_VERSION)
    if base is not None:
        values = dict(base.as_dict())
        codec_defaults = {"draws": base.draws, "seed": base.seed}
    preset_name = seen.get(PRESET_KEY)
    if preset_name is not None:
        if preset_name in PRESETS:
            values.update(PRESETS[preset_name].scenario.as_dict())
        else:
            notices.append(Notice(PRESET_KEY, preset_name, one_of(PRESETS), Message("link.used_defaults")))

    if version is not None and version.strip() == "1":  # made with model v1: carry over what still holds
        rest, converted, dropped = migrate.v1_to_v2({k: x for k, x in seen.items() if k != VERSION_KEY})
        seen = {VERSION_KEY: version, **rest}
        notices.insert(0, Notice(VERSION_KEY, version, sentence=_v1_notice(converted, dropped)))
    elif version is not None and version_number is None:
        notices.append(Notice(VERSION_KEY, version, Message("link.version", {"version": QUERY_VERSION}),
                              Message("link.version_rules", {"version": QUERY_VERSION})))

    for key, text in seen.items():
        if key in other_keys or _is_codec_key(key):
            continue
        p = BY_KEY.get(key)
        if p is None:
            notices.append(Notice(key, text, Message("link.not_a_parameter")))
            continue
        value = parse_value(p, text)
        if value is None:
            notices.append(Notice(key, text, number_between(_share_text(p.min), _share_text(p.max), p.integer),
                                  format_value(p, values[key])))
        else:
            values[key] = value
    split = _read_split(seen, values["accounts"], base.split if base else None, notices)
    ranges = _read_ranges(seen, base.ranges if base else (), notices)
    draws = _read_int(seen, "draws", MIN_DRAWS, MAX_DRAWS, codec_defaults["draws"], notices)
    seed = _read_int(seen, "seed", 0, MAX_SEED, codec_defaults["seed"], notices)
    return Scenario(**values, split=split, ranges=ranges, draws=draws, seed=seed), bounded(notices)


def _version_number(text: str | None) -> int | None:
    """The version a ``v=`` value names when its defaults are known (``v=1`` links are migrated
    to v2 and read on v2's), else None."""
    if text is None:
        return None
    text = text.strip()
    if text == "1":
        return 2
    number = int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else None
    return number if number in link_versions.DEFAULTS_BY_VERSION else None


def _v1_notice(converted: list[str], dropped: list[str]) -> Message:
    """The one notice a v1 link gets: made with the earlier model, which keys were converted to
    v2's units and which were dropped, and why."""
    parts: list[Message] = [Message("link.v1_intro")]
    if converted:
        parts.append(Message("link.v1_converted", {"keys": listing(converted)}))
    if dropped:
        why = [Message("link.v1_dropped_item",
                       {"name": name, "why": Message(migrate.V1_DROPPED[name.removesuffix(RANGE_SUFFIX)])})
               for name in dropped]
        parts.append(Message("link.v1_dropped", {"items": listing(why, sep="link.reason_sep")}))
    return listing(parts, sep="link.sentence_sep")


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
            notices.append(Notice(name, text, Message("link.not_a_parameter") if p is None
                                  else Message("link.range_not_uncertain", {"name": key})))
            continue
        parts = text.split(",")
        ends = [parse_value(p, part) for part in parts] if len(parts) == 2 else [None]
        if None in ends or ends[0] > ends[1]:
            old = ranges.get(key)
            used = f"{format_value(p, old[0])},{format_value(p, old[1])}" if old else Message("link.no_range")
            kind = Message("link.integers" if p.integer else "link.numbers")
            allowed = Message("link.range_ends", {"low": _share_text(p.min), "high": _share_text(p.max), "kind": kind})
            notices.append(Notice(name, text, allowed, used))
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
    notices.append(Notice(key, text, number_between(str(lo), str(hi), integer=True), str(default)))
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
            notices.append(Notice(SPLIT_KEYS[tool], text, Message("link.split_shares", {"n": accounts}),
                                  Message("link.even_split")))
            split.append(None)
    return tuple(split)


def query_pairs_of(scenario: Scenario, lang: str | None = None) -> list[tuple[str, str]]:
    """The canonical short form as (key, value) pairs: ``v``, the parameters that differ from
    the current version's defaults (registry order), the spend split, the ranges, draws and seed
    when they differ from the version's, and ``lang`` when given."""
    defaults, codec_defaults = version_defaults(QUERY_VERSION)
    pairs = [(VERSION_KEY, str(QUERY_VERSION))]
    for p in PARAMS:
        text = format_value(p, getattr(scenario, p.key))
        if text != format_value(p, defaults[p.key]):
            pairs.append((p.key, text))
    if scenario.split is not None:
        pairs += [(key, ",".join(_share_text(x) for x in shares))
                  for key, shares in zip(SPLIT_KEYS.values(), scenario.split, strict=True)
                  if shares is not None]
    pairs += [(key + RANGE_SUFFIX, f"{format_value(BY_KEY[key], lo)},{format_value(BY_KEY[key], hi)}")
              for key, lo, hi in scenario.ranges]
    pairs += [(name, str(getattr(scenario, name))) for name in ("draws", "seed")
              if getattr(scenario, name) != codec_defaults[name]]
    if lang:
        pairs.append((LANG_KEY, lang))
    return pairs


def to_query(scenario: Scenario, lang: str | None = None) -> str:
    """The canonical share query (``query_pairs_of``): ``v=2&invites=5000&gdt=2000`` for a
    scenario that differs from the defaults in two parameters, ``v=2`` for the defaults."""
    return urlencode(query_pairs_of(scenario, lang), safe=",")
