"""Streamlit's Source Sans and Source Code web fonts, cut to the characters this app writes with
them.

The variable Source Sans that Streamlit's page loads on every first open is 170 KB of WOFF2: Latin,
Greek, Cyrillic and Vietnamese. The planner writes Chinese (drawn by the system's CJK font, never
by Source Sans) and English, digits and a few signs (× ÷ − … → ≤ ¥ %), so the copy served here
keeps ``KEPT_CODEPOINTS`` (Latin with its extensions, punctuation, currency, letter-like signs,
arrows and mathematical operators) and every variation axis and layout feature: 72 KB. A character
outside it, in a name from an uploaded file say, is drawn by the next font of the page's stack,
as a Chinese character always is.

Cutting a font takes a few seconds of one core, so it is never done while a visitor waits: the
first request for a font gets Streamlit's whole file and queues the cut on a background thread;
later requests get the cut copy (kept for the life of the process).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from streamlit import file_util

LOG = logging.getLogger("planner.server")
FONT_PATH = re.compile(r"^/static/media/(Source(?:Sans|Code)VF-[A-Za-z]+\.ttf\.[A-Za-z0-9_-]+\.woff2)$")
KEPT_CODEPOINTS: tuple[range, ...] = (
    range(0x20, 0x250),  # Basic Latin, Latin-1, Latin Extended-A and -B
    range(0x2000, 0x2070),  # General Punctuation (– — ‘ ’ “ ” … ‰)
    range(0x20A0, 0x20C1),  # Currency Symbols
    range(0x2100, 0x2150),  # Letterlike Symbols (№ ™)
    range(0x2190, 0x2200),  # Arrows
    range(0x2200, 0x2300),  # Mathematical Operators (− × ≤ ≥ ≈)
)
CACHE_CONTROL = "public, immutable, max-age=31536000"  # as Streamlit's hashed assets


def cut(woff2: bytes) -> bytes:
    """``woff2`` keeping only ``KEPT_CODEPOINTS``, with its axes, features and names."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(io.BytesIO(woff2))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for block in KEPT_CODEPOINTS for c in block])
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


class CutFonts:
    """ASGI middleware: Streamlit's Source fonts as cut copies, once they are made."""

    def __init__(self, app: ASGIApp, static_dir: str | None = None) -> None:
        self.app = app
        self.static_dir = Path(static_dir or file_util.get_static_dir())
        self._cut: dict[str, bytes] = {}
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="font-cut")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = FONT_PATH.match(scope["path"]) if scope["type"] == "http" and scope["method"] == "GET" else None
        if match is None:
            await self.app(scope, receive, send)
            return
        name = match.group(1)
        with self._lock:
            body = self._cut.get(name)
        if body is None:
            self._make_later(name)
            await self.app(scope, receive, send)
            return
        etag = '"cut-' + hashlib.sha256(body).hexdigest()[:16] + '"'
        response = Response(body, media_type="font/woff2", headers={"Cache-Control": CACHE_CONTROL, "ETag": etag})
        await response(scope, receive, send)

    def _make_later(self, name: str) -> None:
        with self._lock:
            if name in self._pending:
                return
            self._pending.add(name)

        def work() -> None:
            try:
                body = cut((self.static_dir / "static" / "media" / name).read_bytes())
                with self._lock:
                    self._cut[name] = body
            except Exception:  # Streamlit's whole font still serves; say why it was not cut
                LOG.exception("could not cut the font %s", name)

        self._background.submit(work)
