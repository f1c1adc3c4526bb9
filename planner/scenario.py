"""The scenario: a frozen, self-validating dataclass built from the registry.

``Scenario`` has one field per entry of ``params.PARAMS``, plus the per-account spend split,
the Monte Carlo ranges, draws and seed. It fails at construction with a one-line
``PlannerError`` (a ValueError whose text is in the catalogue, ``scenario.*``) when a value is
wrong. Reading and writing share links is ``planner.link``'s job; this module knows no link.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Mapping

from .params import BY_KEY, DEFAULTS, PARAMS, SPLIT_DIGITS, SPLIT_KEYS
from .text import PlannerError

# Monte Carlo over parameter ranges (planner.uncertainty): ``draws`` and ``seed`` are scenario
# fields, not registry parameters (the model never reads them).
UNCERTAIN_KEYS: tuple[str, ...] = tuple(p.key for p in PARAMS if p.uncertain)
DEFAULT_DRAWS, MIN_DRAWS, MAX_DRAWS = 1_000, 1, 10_000
DEFAULT_SEED, MAX_SEED = 0, 2**32 - 1


def _check(self) -> None:
    for p in PARAMS:
        value = getattr(self, p.key)
        if isinstance(value, bool) or not isinstance(value, numbers.Real):  # numpy scalars are numbers too
            raise PlannerError("scenario.not_a_number", name=p.key, type=type(value).__name__)
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer too large for a float
            raise PlannerError("scenario.too_large", name=p.key, low=f"{p.min:g}", high=f"{p.max:g}") from None
        if not finite:
            raise PlannerError("scenario.not_finite", name=p.key, value=str(value))
        if p.integer and not float(value).is_integer():
            raise PlannerError("scenario.not_integer", name=p.key, value=str(value))
        if not p.min <= value <= p.max:
            raise PlannerError("scenario.out_of_range", name=p.key, low=f"{p.min:g}", high=f"{p.max:g}",
                               value=f"{value:g}")
        # Normalise numeric type so that equal scenarios compare and hash equal.
        object.__setattr__(self, p.key, int(value) if p.integer else float(value))
    if self.split is not None:
        object.__setattr__(self, "split", normalise_split(self.split, self.accounts))
    object.__setattr__(self, "ranges", normalise_ranges(self.ranges))
    for name, lo, hi in (("draws", MIN_DRAWS, MAX_DRAWS), ("seed", 0, MAX_SEED)):
        value = getattr(self, name)
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not lo <= value <= hi:
            raise PlannerError("scenario.integer_within", name=name, low=lo, high=hi, value=repr(value))
        object.__setattr__(self, name, int(value))


def normalise_ranges(ranges) -> tuple[tuple[str, float, float], ...]:
    """``(key, low, high)`` triples in registry order, from triples or a ``{key: (low, high)}``
    mapping; ``()`` when there is none. Only uncertain parameters carry a range, within the
    parameter's limits, with low ≤ high (equal ends pin the parameter in every draw).

    Raises PlannerError (a ValueError) when a range is wrong.
    """
    items = ranges.items() if isinstance(ranges, Mapping) else [(k, (lo, hi)) for k, lo, hi in ranges]
    out = {}
    for key, (lo, hi) in items:
        p = BY_KEY.get(key)
        if p is None or not p.uncertain:
            raise PlannerError("scenario.range_not_uncertain", name=key, keys=", ".join(UNCERTAIN_KEYS))
        if key in out:
            raise PlannerError("scenario.range_twice", name=key)
        if any(isinstance(x, bool) or not isinstance(x, numbers.Real) or not math.isfinite(x) for x in (lo, hi)):
            raise PlannerError("scenario.range_not_finite", name=key, low=repr(lo), high=repr(hi))
        if not p.min <= lo <= hi <= p.max:
            raise PlannerError("scenario.range_order", name=key, min=f"{p.min:g}", max=f"{p.max:g}", low=f"{lo:g}",
                               high=f"{hi:g}")
        if p.integer and not (float(lo).is_integer() and float(hi).is_integer()):
            raise PlannerError("scenario.range_not_integer", name=key, low=f"{lo:g}", high=f"{hi:g}")
        out[key] = (int(lo), int(hi)) if p.integer else (float(lo), float(hi))
    return tuple((key, *out[key]) for key in UNCERTAIN_KEYS if key in out)


def normalise_split(split, accounts: int) -> tuple[tuple[float, ...] | None, ...] | None:
    """Per tool (in the order of ``SPLIT_KEYS``) a tuple of per-account shares summing to 1, or None for
    the even split over live accounts; None altogether when no tool has a split.

    Raises PlannerError (a ValueError) when the shape or a value is wrong.
    """
    if len(split) != len(SPLIT_KEYS):
        raise PlannerError("scenario.split_tools", tools=", ".join(SPLIT_KEYS))
    if all(shares is None for shares in split):
        return None
    out = []
    for tool, shares in zip(SPLIT_KEYS, split, strict=True):
        if shares is None:
            out.append(None)
            continue
        shares = tuple(float(x) for x in shares)
        if len(shares) != accounts:
            raise PlannerError("scenario.split_count", name=SPLIT_KEYS[tool], n=accounts, got=len(shares))
        if not all(math.isfinite(x) and x >= 0 for x in shares) or sum(shares) <= 0:
            raise PlannerError("scenario.split_values", name=SPLIT_KEYS[tool])
        total = sum(shares)
        if not math.isfinite(total):  # 1e308,1e308: every share would divide to 0, spending nothing
            raise PlannerError("scenario.split_sum", name=SPLIT_KEYS[tool])
        if all(round(x, SPLIT_DIGITS) == x for x in shares) and abs(total - 1) <= accounts * 10.0**-SPLIT_DIGITS:
            out.append(shares)  # already normalised: dividing again could move the last digit
            continue
        out.append(tuple(round(x / total, SPLIT_DIGITS) for x in shares))
    return tuple(out)


def _replace(self, **changes) -> Scenario:
    return dataclasses.replace(self, **changes)


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
        "as_dict": _as_dict,
        "range_map": _range_map,
    },
)
Scenario.__module__ = __name__  # so it pickles and prints as planner.scenario.Scenario


def changed_from_defaults(scenario: Scenario) -> dict[str, float]:
    """The parameters whose value differs from the registry default."""
    return {k: v for k, v in scenario.as_dict().items() if v != DEFAULTS[k]}
