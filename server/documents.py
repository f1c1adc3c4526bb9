"""The app's HTML document (Streamlit's index.html, served for every page path): sends browsers
that cannot run Streamlit to the server-rendered snapshot, and compresses it.

Two ways a browser is sent to ``/snapshot`` with the same query:

- On the server, a WeChat whose engine is too old (``views.client.cannot_run_streamlit``): a
  redirect before any of Streamlit's 1.5 MB is sent. A visitor who chose to try the full planner
  anyway (the snapshot's button, through ``/open``) carries ``TRY_COOKIE`` and is not redirected.
- In the page, any browser: ``FEATURE_TEST_SCRIPT``, inserted first in ``<head>``, runs before
  Streamlit's bundle and tests the functions it needs. The script is a constant: nothing from a
  link is ever written into it (it reads ``location.search`` at run time).

The document also gets the link's title and Open Graph tags (``server.snapshot.open_graph``), so
a share link pasted into a chat previews the projection, not "Streamlit". They are made from the
scenario the link validates to (its canonical query and the registry's labels), escaped; a link
the codec cannot read previews the defaults. A failure there leaves the tags out, never the page.

Streamlit serves this document uncompressed; it is a few KB, so it is compressed per request.
"""

from __future__ import annotations

import gzip
import html
import logging

from anyio import to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from views.client import FEATURE_TEST_JS, cannot_run_streamlit

from .compression import accepts_gzip, buffered
from .snapshot import app_root, open_graph, preview, read_link

LOG = logging.getLogger("planner.server")

SNAPSHOT_PATH = "/snapshot"
TRY_COOKIE = "planner_full"
# Paths that are never a page document: Streamlit's API, assets, media and components, and ours.
NOT_DOCUMENTS = ("/_stcore/", "/static/", "/media/", "/component/", "/bidi-components/", "/app/static/",
                 SNAPSHOT_PATH, "/card.png", "/open", "/favicon.png", "/manifest.json")
FEATURE_TEST_SCRIPT = (
    "<script>/* planner: browsers that cannot run Streamlit get the snapshot page */"
    f"if (!({FEATURE_TEST_JS})) {{ window.location.replace('.{SNAPSHOT_PATH}' + window.location.search); }}"
    "</script>"
).encode()


def with_feature_test(document: bytes) -> bytes:
    """``document`` with ``FEATURE_TEST_SCRIPT`` as the first thing in its ``<head>``."""
    head = document.find(b"<head>")
    if head < 0:
        return FEATURE_TEST_SCRIPT + document
    at = head + len(b"<head>")
    return document[:at] + FEATURE_TEST_SCRIPT + document[at:]


def with_preview(document: bytes, query_string: str, base_url: str) -> bytes:
    """``document`` titled after the link, with its Open Graph tags last in ``<head>``."""
    link = read_link(query_string)
    title, _ = preview(link)
    tags = open_graph(link, base_url).encode()
    document = document.replace(b"<title>Streamlit</title>", b"<title>" + html.escape(title).encode() + b"</title>", 1)
    end = document.find(b"</head>")
    return document if end < 0 else document[:end] + tags + b"\n" + document[end:]


def _is_document_request(scope: Scope) -> bool:
    return scope["type"] == "http" and scope["method"] == "GET" and not scope["path"].startswith(NOT_DOCUMENTS)


class PageDocuments:
    """ASGI middleware for the page documents (see the module's docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_document_request(scope):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if cannot_run_streamlit(headers.get("user-agent")) and f"{TRY_COOKIE}=1" not in headers.get("cookie", ""):
            query = scope.get("query_string", b"").decode("latin-1")
            target = SNAPSHOT_PATH + ("?" + query if query else "")
            redirect = RedirectResponse(target, status_code=302,
                                        headers={"Cache-Control": "no-store", "Vary": "User-Agent"})
            await redirect(scope, receive, send)
            return
        # Ask Streamlit for the document uncompressed: it is changed below, then compressed here.
        plain_scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]}
        response = await buffered(self.app, plain_scope, receive)
        if response is None:  # the client left before the document was whole
            return
        start, body = response
        out = MutableHeaders(raw=list(start["headers"]))
        if start["status"] == 200 and out.get("content-type", "").startswith("text/html"):
            body = with_feature_test(body)
            query = scope.get("query_string", b"").decode("latin-1")
            try:
                body = await to_thread.run_sync(with_preview, body, query, app_root(scope))
            except Exception:  # the page still works without its preview
                LOG.exception("no link preview for %r", query)
            for stale in ("etag", "last-modified"):  # they describe Streamlit's file, not this body
                if stale in out:
                    del out[stale]
            if accepts_gzip(headers):
                body = gzip.compress(body, 6)
                out["content-encoding"] = "gzip"
            out["vary"] = "Accept-Encoding, User-Agent"
            out["content-length"] = str(len(body))
        await send({**start, "headers": out.raw})
        await send({"type": "http.response.body", "body": body})
