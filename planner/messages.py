"""One line per problem: how the planner's errors reach a terminal or a page.

Every error the planner raises on purpose is a ``ValueError`` (``Scenario``'s own checks,
``text.PlannerError``, ``budget.BudgetError``, ``calibration.FileProblems``) whose message is one
sentence, held as a catalogue key and its values where the error has been converted. What
reaches a person passes through ``error_line``: the message in their language where the error
has one, control characters written out as escapes (a newline in a pasted argument must not
start a second line, an ANSI escape must not recolour a terminal), absurdly long numbers written
in scientific notation, and the whole cut to ``MAX_LINE_CHARS``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_LINE_CHARS = 400
MAX_NUMBER_DIGITS = 15  # a number echoed with more digits than a float holds is shortened
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LONG_NUMBER = re.compile(rf"[-+]?\d[\d,]{{{MAX_NUMBER_DIGITS},}}(?:\.\d+)?")


def escape_controls(text: str) -> str:
    """``text`` with every character that is not printable written as an escape (``\\n``,
    ``\\x1b``, ``\\u202e``, ``\\xa0``): controls move the cursor or split the line, format
    characters (bidirectional overrides) disguise it, and spaces other than the space make an
    argument invisible. Everything printable, Chinese included, is kept."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def _short_number(match: re.Match) -> str:
    try:
        text = format(Decimal(match.group().replace(",", "")), ".4e")
    except InvalidOperation:
        return match.group()
    return re.sub(r"\.?0+e", "e", text)


def shorten_numbers(text: str) -> str:
    """Numbers with more than ``MAX_NUMBER_DIGITS`` digits in scientific notation: a budget of
    1e308 is echoed as 1e+308, not as 309 digits."""
    return _LONG_NUMBER.sub(_short_number, text)


def one_line(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """``text`` made safe to show as one line: escaped, numbers shortened, cut to ``limit``."""
    text = shorten_numbers(escape_controls(str(text)))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_line(exc: BaseException, lang: str = "en") -> str | None:
    """The one-line message of an error the planner raised on purpose, in ``lang`` where the
    error has one (``text(lang)``, or ``summary(lang)`` for a file's problems); None for
    anything else, which is a bug and is not shown to a visitor."""
    if not isinstance(exc, ValueError):
        return None
    if hasattr(exc, "summary"):  # calibration.FileProblems
        text = exc.summary(lang)
    elif hasattr(exc, "text"):  # text.PlannerError, budget.BudgetError
        text = exc.text(lang)
    else:
        text = str(exc)
    return one_line(text)
