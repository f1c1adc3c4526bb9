"""Compression for Streamlit's front end: each file compressed once per process and kept.

Streamlit's own gzip middleware compresses its API responses but deliberately serves ``/static/``
(about 26 MB of JavaScript, CSS and fonts; a first open of the overview fetches 5.1 MB of it)
uncompressed, because Starlette's GZipMiddleware would compress the same bytes again on every
request. Those files are content-hashed and immutable, so here each one is compressed once and
the compressed bytes are kept (bounded by ``max_bytes``) for every later client.

Two encodings, because the 1.5 MB budget for a first open needs brotli: gzip at level 9 leaves
the overview at 1.69 MB, brotli at quality 11 at about 1.4 MB (its fonts, 0.55 MB of WOFF2, do
not shrink). Brotli at quality 11 is slow (about 4 s of one core for the ECharts bundle, 19 s
for Plotly's), so it is never made while a visitor waits: the first request for a file gets gzip
(a tenth of a second, in a worker thread) and queues the brotli copy on one background thread;
requests after it get brotli. The brotli copies are also written to ``DISK_DIR``, so the next
process reads them instead of making them again, and serves brotli from its first request. A client that does not accept brotli (plain HTTP to a host that is
not ``localhost``: browsers offer ``br`` only to secure origins) gets gzip.

Only whole 200 responses to GET under the given prefixes are touched; a range request or a 304
passes through, and so does a response already encoded. One under ``MIN_SIZE`` or of a type
that does not shrink (images, WOFF2 fonts) is kept as Streamlit sent it: a first open of the overview asks for
about thirty such files (two fonts and two dozen small modules), and each had Streamlit read it
from disk in a worker thread again, beside the session's first run.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
from anyio import to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG = logging.getLogger("planner.server")
COMPRESSIBLE_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
                      "image/svg+xml", "application/wasm", "font/ttf", "font/otf", "application/manifest+json")
MIN_SIZE = 500  # bytes: below this the encoding's framing outweighs the saving
GZIP_LEVEL = 9
BROTLI_QUALITY = 11  # made in the background, once per file per process: the smallest output
GZIP, BROTLI = "gzip", "br"
IDENTITY = "identity"  # a file kept as Streamlit sent it: too small to shrink, or a type that does not
# Brotli copies are also kept on disk, so a restarted server (every test and benchmark server
# too) reads them instead of spending minutes of a core again while visitors wait for that core.
DISK_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "planner" / "brotli"


def accepted_encodings(headers: Headers) -> set[str]:
    """The encodings the request's Accept-Encoding allows (any not refused with ``q=0``)."""
    out = set()
    for part in headers.get("accept-encoding", "").lower().split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q=") and q[2:].strip().rstrip("0").rstrip(".") in ("", "0"):
            continue
        out.add(name.strip())
    if "*" in out:
        out |= {GZIP, BROTLI}
    return out


def accepts_gzip(headers: Headers) -> bool:
    return GZIP in accepted_encodings(headers)


def compressible(content_type: str) -> bool:
    return content_type.lower().startswith(COMPRESSIBLE_TYPES)


def _gzip(body: bytes) -> bytes:
    # mtime=0: the same file gives the same bytes in every process (and every replica)
    return gzip.compress(body, GZIP_LEVEL, mtime=0)


def _brotli(body: bytes) -> bytes:
    return brotli.compress(body, quality=BROTLI_QUALITY)


def _disk_path(key: tuple[str, str, str], body: bytes, disk_dir: Path) -> Path:
    """Where the brotli copy of ``body`` is kept: named by its path, validator and content."""
    digest = hashlib.sha256(f"{key[0]}\0{key[1]}\0{BROTLI_QUALITY}\0".encode() + body).hexdigest()
    return disk_dir / f"{digest}.br"


def brotli_on_disk(key: tuple[str, str, str], body: bytes, disk_dir: Path | None) -> bytes | None:
    """The brotli copy of ``body`` an earlier process kept in ``disk_dir``, or None."""
    if disk_dir is None:
        return None
    try:
        return _disk_path(key, body, disk_dir).read_bytes()
    except OSError:
        return None


def brotli_kept_on_disk(key: tuple[str, str, str], body: bytes, disk_dir: Path | None) -> bytes:
    """The brotli copy of ``body``, made, and written to ``disk_dir`` for the next process
    (atomically; a directory that cannot be written only costs the next process the work). The
    request path has already looked on disk (``brotli_on_disk``) before queueing this."""
    packed = _brotli(body)
    if disk_dir is None:
        return packed
    path = _disk_path(key, body, disk_dir)
    try:
        disk_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(packed)
        os.replace(tmp, path)
    except OSError as exc:
        LOG.info("brotli copy of %s not kept on disk: %s", key[0], exc)
    return packed


class CompressedCache:
    """Compressed bodies by (path, validator, encoding), least recently used out first, at most
    ``max_bytes`` in all. Thread-safe: the brotli worker stores into it."""

    def __init__(self, max_bytes: int, disk_dir: Path | None = DISK_DIR) -> None:
        self.max_bytes, self.disk_dir = max_bytes, disk_dir
        self._items: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._pending: set[tuple[str, str, str]] = set()
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brotli")

    def get(self, key: tuple[str, str, str]) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[str, str, str], value: bytes) -> None:
        with self._lock:
            if len(value) > self.max_bytes or key in self._items:
                return
            self._items[key] = value
            self._size += len(value)
            while self._size > self.max_bytes:
                _, old = self._items.popitem(last=False)
                self._size -= len(old)

    def make_later(self, key: tuple[str, str, str], body: bytes) -> None:
        """Queue the brotli copy of ``body`` on the background thread (once per key)."""
        with self._lock:
            if key in self._pending or key in self._items:
                return
            self._pending.add(key)

        def work() -> None:
            try:
                self.put(key, brotli_kept_on_disk(key, body, self.disk_dir))
            except Exception:  # the gzip copy still serves; say why brotli did not
                LOG.exception("brotli failed for %s", key[0])
            finally:
                with self._lock:
                    self._pending.discard(key)

        self._background.submit(work)


async def buffered(app: ASGIApp, scope: Scope, receive: Receive) -> tuple[Message, bytes] | None:
    """Run ``app`` for one HTTP request and keep its response: (the start message, the whole body),
    so a middleware can change or compress it before anything is sent. None when the response did
    not complete: a client that leaves mid-file (a page that navigates away while it loads, as a
    dropped link's reload does) makes Starlette's FileResponse stop streaming and return normally,
    and the cut-short body must never be kept and served to every later visitor as the file."""
    start: Message | None = None
    chunks: list[bytes] = []
    complete = False

    async def keep(message: Message) -> None:
        nonlocal start, complete
        if message["type"] == "http.response.start":
            start = message
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
            complete = not message.get("more_body", False)

    await app(scope, receive, keep)
    if start is None or not complete:
        return None
    return start, b"".join(chunks)


class StaticCompression:
    """ASGI middleware: brotli or gzip, from ``CompressedCache``, for GET under ``prefixes``."""

    def __init__(self, app: ASGIApp, prefixes: tuple[str, ...] = ("/static/",),
                 max_bytes: int = 48 * 2**20, disk_dir: Path | None = DISK_DIR) -> None:
        self.app, self.prefixes = app, prefixes
        self.cache = CompressedCache(max_bytes, disk_dir)
        # Per path, the response headers (without length and encoding) and the validator of the
        # file last sent compressed: enough to answer the next request from the cache.
        self._kept: dict[str, tuple[list[tuple[bytes, bytes]], str]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        accepted = accepted_encodings(request_headers)
        if not accepted & {GZIP, BROTLI} or "range" in request_headers:
            await self.app(scope, receive, send)
            return
        if await self._send_kept(scope["path"], accepted, request_headers, send):
            return
        response = await buffered(self.app, scope, receive)
        if response is None:  # the client left: nobody to answer, and nothing to keep
            return
        start, body = response
        headers = MutableHeaders(raw=list(start["headers"]))
        validator = headers.get("etag") or headers.get("last-modified") or str(len(body))
        if start["status"] != 200 or "content-encoding" in headers:
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        if len(body) < MIN_SIZE or not compressible(headers.get("content-type", "")):
            self._kept[scope["path"]] = (headers.raw, validator)
            self.cache.put((scope["path"], validator, IDENTITY), body)
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        encoding, packed = GZIP, None
        if BROTLI in accepted:
            key = (scope["path"], validator, BROTLI)
            packed = self.cache.get(key)
            if packed is None:  # kept on disk by an earlier process (read in a worker thread), or made later
                packed = await to_thread.run_sync(brotli_on_disk, key, body, self.cache.disk_dir)
                if packed is None:
                    self.cache.make_later(key, body)
                else:
                    self.cache.put(key, packed)
            if packed is not None:
                encoding = BROTLI
        if packed is None:
            if GZIP not in accepted:  # brotli only, and not made yet: send it as it is for now
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            key = (scope["path"], validator, GZIP)
            packed = self.cache.get(key)
            if packed is None:
                packed = await to_thread.run_sync(_gzip, body)
                self.cache.put(key, packed)
        # A range of the compressed body is not served (ranges get the file as it is), and the ETag
        # already names this immutable file: 70 bytes less on each of a first open's 90 files.
        for stale in ("accept-ranges", "last-modified", "content-length"):
            if stale in headers:
                del headers[stale]
        headers["vary"] = "Accept-Encoding"
        self._kept[scope["path"]] = (headers.raw, validator)
        headers["content-encoding"] = encoding
        headers["content-length"] = str(len(packed))
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": packed})

    async def _send_kept(self, path: str, accepted: set[str], request_headers: Headers, send: Send) -> bool:
        """Answer from what was kept for ``path`` without asking Streamlit for the file again (it
        read the whole file from disk on every request: a third of the server's time in a first
        open). The files under the prefixes are Streamlit's build, content-hashed and unchanged
        while the process runs. A request whose ETag matches gets 304; False when nothing is kept
        in an encoding the request accepts."""
        kept = self._kept.get(path)
        if kept is None:
            return False
        raw, validator = kept
        usable = accepted | {IDENTITY}  # a file kept as it came suits every client
        for encoding in (BROTLI, GZIP, IDENTITY):
            packed = self.cache.get((path, validator, encoding)) if encoding in usable else None
            if packed is not None:
                break
        else:
            return False
        headers = MutableHeaders(raw=list(raw))
        if validator in (request_headers.get("if-none-match") or "").split(", "):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(k, v) for k, v in headers.raw if k in (b"etag", b"cache-control", b"vary")]})
            await send({"type": "http.response.body", "body": b""})
            return True
        if encoding != IDENTITY:  # a plain file keeps the headers it came with (its own encoding, if any)
            headers["content-encoding"] = encoding
        headers["content-length"] = str(len(packed))
        await send({"type": "http.response.start", "status": 200, "headers": headers.raw})
        await send({"type": "http.response.body", "body": packed})
        return True
