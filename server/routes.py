"""The planner's own HTTP routes beside Streamlit's, and the middleware around them, for ``st.App``
in ``app.py``.

- ``GET /snapshot?<query>``: the link as a plain HTML page (``server.snapshot``).
- ``GET /card.png?<query>``: the projection card of the link, the very PNG the overview's
  download button gives (``views.exports.card_png``, cached there on the canonical query, with
  the share link the app would print on it). Kaleido renders it in a worker thread, at most one
  card at a time (``views.card`` serialises renders), so the event loop keeps serving.
- ``GET /open?<query>``: the snapshot's button; remembers that this browser chose the full
  planner (a cookie, so a user-agent rule that guessed wrong cannot lock it out) and goes there.

Bad input never raises here: the link is read leniently (its problems are named on the page);
a failure of the renderer answers 503 with one line, a bug 500 with one line, and the traceback
goes to the server's log, never to the visitor.
"""

from __future__ import annotations

import hashlib
import logging

from anyio import CapacityLimiter, to_thread
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from planner.text import t

from .compression import StaticCompression
from .documents import SNAPSHOT_PATH, TRY_COOKIE, PageDocuments
from .fonts import CutFonts
from .snapshot import app_root, page, read_link

LOG = logging.getLogger("planner.server")
CARD_MAX_AGE_S = 3600  # the card prints the day it was made, so caches keep it an hour
# Worker threads for the model and the card: their own, so a burst of card requests cannot take
# the threads Streamlit serves its static files with.
_WORKERS = CapacityLimiter(2)
# The snapshot holds no script and loads only its own card.
SNAPSHOT_CSP = ("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; "
                "form-action 'none'; frame-ancestors 'self'")


async def snapshot(request: Request) -> Response:
    link = read_link(request.url.query)
    try:
        body = await to_thread.run_sync(page, link, app_root(request.scope), request.headers.get("user-agent"),
                                        limiter=_WORKERS)
    except Exception:
        LOG.exception("snapshot failed for %r", link.query)
        return PlainTextResponse(t("notice.page_bug", link.lang), status_code=500)
    return HTMLResponse(body, headers={"Content-Security-Policy": SNAPSHOT_CSP, "Cache-Control": "no-cache",
                                       "Vary": "User-Agent, Accept-Encoding"})


async def card_png(request: Request) -> Response:
    from views.exports import card_png as render_card  # imports Kaleido and Plotly: on first use

    link = read_link(request.url.query)
    share_url = f"{app_root(request.scope)}?{link.share_query}"
    try:
        png = await to_thread.run_sync(render_card, link.query, link.lang, share_url, limiter=_WORKERS)
    except Exception:
        LOG.exception("card.png failed for %r", link.query)
        return PlainTextResponse(t("snapshot.card_failed", link.lang), status_code=503,
                                 headers={"Retry-After": "30"})
    etag = '"' + hashlib.sha256(png).hexdigest()[:32] + '"'
    headers = {"Cache-Control": f"public, max-age={CARD_MAX_AGE_S}", "ETag": etag}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(png, media_type="image/png", headers=headers)


async def open_planner(request: Request) -> Response:
    link = read_link(request.url.query)
    response = RedirectResponse("/?" + link.share_query, status_code=303)
    response.set_cookie(TRY_COOKIE, "1", max_age=30 * 86400, httponly=True, samesite="lax")
    return response


def routes() -> list[Route]:
    return [
        Route(SNAPSHOT_PATH, snapshot, methods=["GET"]),
        Route("/card.png", card_png, methods=["GET"]),
        Route("/open", open_planner, methods=["GET"]),
    ]


def middleware() -> list[Middleware]:
    """Outermost first: the page documents (old-browser redirect, feature test, gzip), Streamlit's
    web fonts cut to what the app writes, brotli or gzip for its other static files. Streamlit's
    own middleware (gzip for its API) runs inside."""
    return [Middleware(PageDocuments), Middleware(CutFonts), Middleware(StaticCompression)]
