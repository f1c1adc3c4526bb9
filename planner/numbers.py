"""The one grammar for a number typed by a person: in a share link (the parameters, split shares,
range ends, draws and seed), a CLI option, an uploaded file's cell or a page's own link key.

NFKC first, so full-width digits typed with a Chinese IME (１２, ０．０２) are ASCII ones, then a
plain decimal or scientific number in ASCII. Python's ``float()`` would also take ``nan``,
``inf``, ``1_000`` and digits of any script; none of them is a number a person means here.
"""

from __future__ import annotations

import math
import re
import unicodedata

MAX_NUMBER_CHARS = 64
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?", re.IGNORECASE | re.ASCII)


def parse_number(text: str) -> float | None:
    """The finite number ``text`` stands for, or None for anything else."""
    text = unicodedata.normalize("NFKC", str(text)).strip()
    if not text or len(text) > MAX_NUMBER_CHARS or not _NUMBER_TEXT.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None
