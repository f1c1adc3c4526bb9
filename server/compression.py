"""gzip for Streamlit's front end, compressed once per process and kept.

Streamlit's own gzip middleware compresses its API responses but deliberately serves ``/static/``
(about 26 MB of JavaScript, CSS and fonts; a first open fetches 4–5 MB of it) uncompressed,
because Starlette's GZipMiddleware compresses the same bytes again on every request. Those files
are content-hashed and immutable, so here each one is compressed once, on its first request, in a
worker thread, and the compressed bytes are kept (bounded by ``max_bytes``) and served to every
later client that accepts gzip. A first open then moves about a quarter of the bytes, and the CPU
cost is paid once per file per process, not once per visitor.

Only whole 200 responses to GET under the given prefixes are touched; a range request, a
304, a response already encoded or a type that does not shrink (images, fonts in WOFF2) passes
through as Streamlit sent it.
"""

from __future__ import annotations

import asyncio
import gzip
from collections import OrderedDict

from anyio import to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COMPRESSIBLE_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                      "image/svg+xml", "application/wasm", "font/ttf", "font/otf", "application/manifest+json")
MIN_SIZE = 500  # bytes: below this gzip's header outweighs the saving
LEVEL = 9  # paid once per file, so the smallest output


def accepts_gzip(headers: Headers) -> bool:
    """Whether the request's Accept-Encoding allows gzip (not refused with ``q=0``)."""
    for part in headers.get("accept-encoding", "").lower().split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() in ("gzip", "*"):
            q = params.strip()
            return not (q.startswith("q=") and q[2:].strip() in ("0", "0.0", "0.00", "0.000"))
    return False


def compressible(content_type: str) -> bool:
    return content_type.lower().startswith(COMPRESSIBLE_TYPES)


class CompressedCache:
    """Compressed bodies by (path, validator), least recently used first out, at most
    ``max_bytes`` of compressed bytes in all. One compression per key at a time."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._size = 0
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    async def get(self, key: tuple[str, str], body: bytes) -> bytes:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            return found
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            found = self._items.get(key)
            if found is None:
                found = await to_thread.run_sync(gzip.compress, body, LEVEL)
                self._put(key, found)
        self._locks.pop(key, None)
        return found

    def _put(self, key: tuple[str, str], value: bytes) -> None:
        if len(value) > self.max_bytes:
            return
        self._items[key] = value
        self._size += len(value)
        while self._size > self.max_bytes:
            _, old = self._items.popitem(last=False)
            self._size -= len(old)


class StaticGzip:
    """ASGI middleware: gzip, from ``CompressedCache``, for GET under ``prefixes``."""

    def __init__(self, app: ASGIApp, prefixes: tuple[str, ...] = ("/static/",),
                 max_bytes: int = 32 * 2**20) -> None:
        self.app, self.prefixes = app, prefixes
        self.cache = CompressedCache(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET"
                or not scope["path"].startswith(self.prefixes)):
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        if not accepts_gzip(request_headers) or "range" in request_headers:
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, keep)
        assert start is not None  # an ASGI app always starts its response
        body = b"".join(chunks)
        headers = MutableHeaders(raw=list(start["headers"]))
        if (start["status"] != 200 or "content-encoding" in headers or len(body) < MIN_SIZE
                or not compressible(headers.get("content-type", ""))):
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        validator = headers.get("etag") or headers.get("last-modified") or str(len(body))
        packed = await self.cache.get((scope["path"], validator), body)
        headers["content-encoding"] = "gzip"
        headers["content-length"] = str(len(packed))
        headers.add_vary_header("Accept-Encoding")
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": packed})
