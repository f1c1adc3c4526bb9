"""Numbers for people: 万 and 亿 in Chinese, K and M in English, always with 元 for money."""

from __future__ import annotations

import math
from functools import cache

from .text import t

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


def count(x: float | None, lang: str = "zh") -> str:
    """A count of people or orders: 1.2万 / 12.3K."""
    if x is None or not math.isfinite(x):
        return DASH
    return _scaled(float(x), lang)


def money(x: float | None, lang: str = "zh") -> str:
    """元 amounts: 12.3万元 / 123.4K 元."""
    if x is None or not math.isfinite(x):
        return DASH
    return t("fmt.yuan", lang, amount=_scaled(float(x), lang))


def price(x: float | None, lang: str = "zh") -> str:
    """A small 元 amount per unit (GMV per viewer): 2.34元 / 2.34 元; large ones as ``money``."""
    if x is None or not math.isfinite(x):
        return DASH
    if abs(x) >= 100:
        return money(x, lang)
    return t("fmt.yuan", lang, amount=f"{float(x):.2f}")


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
