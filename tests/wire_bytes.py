"""Bytes a page moves over the wire on a first open, read from Chromium's own network events
(DevTools protocol: ``Network.loadingFinished``'s ``encodedDataLength`` is what arrived on the
socket for a response, headers and compressed body; the decoded size is beside it). WebSocket
frames (the app's messages after the page loaded) are counted apart, by payload. Shared by the
serving tests (tests/app/test_server_browser.py) and ``benchmarks/first_open.py``."""

from __future__ import annotations

import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from tests.conftest_browser import goto_app, new_page

LARGEST = 5


@dataclass
class Wire:
    http_bytes: int = 0  # over the wire, as received (compressed where the server compressed)
    decoded_bytes: int = 0  # the same responses' bodies after decoding
    requests: int = 0
    gzipped: int = 0  # responses that came with Content-Encoding gzip/br
    websocket_payload: int = 0  # the app's messages after load (payload as the page received it)
    largest: list[tuple[int, str]] = field(default_factory=list)  # (bytes, url), the five largest
    urls: list[str] = field(default_factory=list)  # every response's address


def first_open(browser, url: str, settle_ms: int = 1500, **context_options) -> Wire:
    """Open ``url`` in a fresh context (empty cache), wait for the app's first run to finish and
    ``settle_ms`` more (charts fetch their code when they draw), and count what arrived."""
    page = new_page(browser, **context_options)
    try:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        urls: dict[str, str] = {}
        encodings: dict[str, str] = {}
        sizes: dict[str, tuple[int, int]] = {}
        ws = [0]

        def on_response(event):
            urls[event["requestId"]] = event["response"]["url"]
            headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
            encodings[event["requestId"]] = headers.get("content-encoding", "")

        def on_data(event):
            got, dec = sizes.get(event["requestId"], (0, 0))
            sizes[event["requestId"]] = (got, dec + event.get("dataLength", 0))

        def on_finished(event):
            _, dec = sizes.get(event["requestId"], (0, 0))
            sizes[event["requestId"]] = (int(event["encodedDataLength"]), dec)

        cdp.on("Network.responseReceived", on_response)
        cdp.on("Network.dataReceived", on_data)
        cdp.on("Network.loadingFinished", on_finished)
        cdp.on("Network.webSocketFrameReceived", lambda e: ws.__setitem__(0, ws[0] + len(e["response"]["payloadData"])))
        goto_app(page, url)
        page.wait_for_timeout(settle_ms)
        wire = Wire(websocket_payload=ws[0])
        for request_id, (got, dec) in sizes.items():
            wire.http_bytes += got
            wire.decoded_bytes += dec
            wire.requests += 1
            wire.gzipped += encodings.get(request_id, "") in ("gzip", "br")
            wire.largest.append((got, urls.get(request_id, "?")))
            wire.urls.append(urls.get(request_id, "?"))
        wire.largest = sorted(wire.largest, reverse=True)[:LARGEST]
        return wire
    finally:
        page.context.close()


def wait_for_compact_copies(urls: list[str], timeout_s: float = 240) -> bool:
    """Wait until the server serves its compact copies of ``urls``' static files (brotli for what
    compresses, the cut fonts), which it makes in the background after a file's first request
    (server/compression.py, server/fonts.py). True when all are ready within ``timeout_s``."""
    from server.compression import MIN_SIZE, compressible
    from server.fonts import FONT_PATH

    waiting = {u for u in urls if "/static/" in u}
    deadline = time.monotonic() + timeout_s
    while waiting and time.monotonic() < deadline:
        for url in sorted(waiting):
            req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate, br"})
            with urllib.request.urlopen(req, timeout=30) as resp:
                body = resp.read()
                encoding = resp.headers.get("Content-Encoding", "")
                etag = resp.headers.get("ETag", "")
                kind = resp.headers.get("Content-Type", "")
            path = urllib.parse.urlsplit(url).path
            if FONT_PATH.match(path):
                ready = etag.startswith('"cut-')
            else:
                ready = encoding == "br" or not compressible(kind) or (not encoding and len(body) < MIN_SIZE)
            if ready:
                waiting.discard(url)
        if waiting:
            time.sleep(1)
    return not waiting
