"""Numbers for people: 万 and 亿 in Chinese, K and M in English, always with 元 for money."""

from __future__ import annotations

import math
from functools import cache

from .params import Param
from .text import LANGS, t

DASH = "—"  # shown for an undefined number (an ROI without spend), never NaN
@cache
def magnitudes(lang: str) -> tuple[tuple[float, str], ...]:
    """The magnitudes large numbers are written in, largest first: Chinese counts in 万 and 亿,
    English in thousands (the catalogue's ``fmt.scales``, written ``suffix=size``). Axis ticks
    use them too."""
    pairs = (step.split("=") for step in t("fmt.scales", lang).split())
    return tuple(sorted(((float(size), suffix) for suffix, size in pairs), reverse=True))


def _scaled(x: float, lang: str) -> str:
    sign = "-" if x < 0 else ""
    x = abs(x)
    for size, suffix in magnitudes(lang):
        if x >= size:
            value = x / size
            digits = 2 if value < 10 else 1 if value < 100 else 0
            return f"{sign}{value:,.{digits}f}{suffix}"
    return f"{sign}{x:,.0f}"


def yuan(amount: str, lang: str) -> str:
    """An amount already written as text, followed by 元 as the language writes it: 1.5万元 / 1.5M 元."""
    return t("fmt.yuan", lang, amount=amount)


def count(x: float | None, lang: str = "zh") -> str:
    """A count of people or orders: 1.2万 / 12.3K."""
    if x is None or not math.isfinite(x):
        return DASH
    return _scaled(float(x), lang)


def money(x: float | None, lang: str = "zh") -> str:
    """元 amounts: 12.3万元 / 123.4K 元."""
    if x is None or not math.isfinite(x):
        return DASH
    return yuan(_scaled(float(x), lang), lang)


def price(x: float | None, lang: str = "zh") -> str:
    """A small 元 amount per unit (GMV per viewer): 2.34元 / 2.34 元; large ones as ``money``."""
    if x is None or not math.isfinite(x):
        return DASH
    if abs(x) >= 100:
        return money(x, lang)
    return yuan(f"{float(x):.2f}", lang)


def percent(x: float | None, digits: int = 1) -> str:
    if x is None or not math.isfinite(x):
        return DASH
    return f"{100 * float(x):.{digits}f}%"


def roi(x: float | None) -> str:
    """GMV per 元 of spend, as the trade writes it (投产比 1:4.2 → 4.20)."""
    if x is None or not math.isfinite(x):
        return DASH
    return f"{float(x):.2f}"


def number(x: float | None, digits: int = 2) -> str:
    if x is None or not math.isfinite(x):
        return DASH
    return f"{float(x):,.{digits}f}"


# Units that only say what kind of number it is: nothing is written after the value.
PURE_NUMBER_UNITS = ("0–1", *(t(key, lang) for key in ("unit.fraction", "unit.elasticity") for lang in LANGS))


def _fewest_decimals(x: float, most: int = 3) -> int:
    """Fewest decimals (up to ``most``) that show ``x`` exactly: 1.5 → 1, 0.015 → 3, 3000 → 0."""
    return next((d for d in range(most + 1) if abs(round(x, d) - x) < 1e-9), most)


def param_value(p: Param, value: float, lang: str, with_unit: bool = False) -> str:
    """A parameter's value as people read it: a fraction as a percentage with the decimals it
    needs (1.5%, 0.2%), other numbers with separators and at most three decimals (3,000, 0.3).
    ``with_unit`` writes the unit after it (3,000元 / 3,000 yuan, a ratio in brackets:
    9 (公域:引流)); a table whose column names the unit leaves it out."""
    value = float(value)
    if p.percent:
        return percent(value, _fewest_decimals(100 * value))
    text = f"{value:,.{_fewest_decimals(value)}f}"
    unit = p.unit(lang)
    if not with_unit or unit in PURE_NUMBER_UNITS:
        return text
    if ":" in unit:
        return f"{text} ({unit})"
    return t("app.value_with_unit", lang, value=text, unit=unit)
