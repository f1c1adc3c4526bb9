"""The one grammar for a number typed by a person: in a share link (the parameters, split shares,
range ends, draws and seed), a CLI option, an uploaded file's cell or a page's own link key.

NFKC first, so full-width digits typed with a Chinese IME (１２, ０．０２) are ASCII ones, then a
plain decimal or scientific number in ASCII. NFKC would also turn a superscript, subscript,
circled or fraction digit into a plain one (3² into 32, ① into 1); text with one of those is
not a number (``number_text``). Python's ``float()`` would also take ``nan``,
``inf``, ``1_000`` and digits of any script; none of them is a number a person means here.
"""

from __future__ import annotations

import math
import re
import unicodedata

MAX_NUMBER_CHARS = 64
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?", re.IGNORECASE | re.ASCII)


# Compatibility forms whose NFKC is a plain digit but whose meaning is not that digit.
_NOT_DIGITS = ("<super>", "<sub>", "<circle>", "<fraction>")


def number_text(text: str) -> str | None:
    """``text`` in NFKC, stripped, or None when it holds a superscript, subscript, circled or
    fraction character (which NFKC would read as a plain digit)."""
    text = str(text)
    if any(not c.isascii() and unicodedata.decomposition(c).startswith(_NOT_DIGITS) for c in text):
        return None
    return unicodedata.normalize("NFKC", text).strip()


def parse_number(text: str) -> float | None:
    """The finite number ``text`` stands for, or None for anything else."""
    text = number_text(text)
    if not text or len(text) > MAX_NUMBER_CHARS or not _NUMBER_TEXT.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None
