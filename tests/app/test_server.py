"""Serving (server/), without a browser: the compression of Streamlit's files, the page document's
feature test and old-WeChat redirect, and the snapshot page's numbers and escaping.

The middleware is driven directly through ASGI around a small Starlette app; the snapshot page is
compared with what ``python -m planner report --lenient`` prints for the same link.
"""

from __future__ import annotations

import asyncio
import gzip
import subprocess
import sys
import time
from html.parser import HTMLParser

import brotli
import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from planner import kpis
from server.compression import StaticCompression
from server.documents import FEATURE_TEST_SCRIPT, TRY_COOKIE, PageDocuments
from server.snapshot import page, read_link
from tests.conftest_browser import ROOT
from tests.views.test_client import CURRENT, OLD

BASE = "https://planner.example/"
LINK = "invites=5000&cvr=0.03&aov=300&gdt=2000&accounts=2"
HOSTILE = "invites=abc&zzz=<script>alert(1)</script>&cvr=nan&aov=\"><img src=x onerror=alert(1)>"
SCRIPT = b"const answer = 42; // " + b"the planner's front end, " * 400  # compressible, > MIN_SIZE


def call(app, path: str, headers: dict[str, str] | None = None, query: str = "",
         leaves: bool = False) -> tuple[int, dict[str, str], bytes]:
    """One GET through an ASGI app: (status, headers with lower-case names, body). A client that
    ``leaves`` disconnects as soon as its request is sent (status None when nothing was sent)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query.encode(),
             "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
             "server": ("testserver", 80), "client": ("127.0.0.1", 1234)}
    out: dict = {"status": None, "headers": {}, "body": b""}

    async def run() -> None:
        done = asyncio.Event()
        requested = False

        async def receive():
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            if not leaves:
                await done.wait()  # as a server does: the client goes once the response is complete
            return {"type": "http.disconnect"}

        async def send(message):
            record(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                done.set()

        await app(scope, receive, send)

    def record(message):
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
            out["headers"] = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    asyncio.run(asyncio.wait_for(run(), 60))
    return out["status"], out["headers"], out["body"]


# --- compression of Streamlit's static files --------------------------------------------------

@pytest.fixture
def static_app(tmp_path):
    (tmp_path / "index.js").write_bytes(SCRIPT)
    (tmp_path / "tiny.js").write_bytes(b"x=1")
    (tmp_path / "image.png").write_bytes(b"\x89PNG" + bytes(range(256)) * 8)
    inner = Starlette(routes=[Mount("/static", StaticFiles(directory=tmp_path)),
                              Route("/other.js", lambda request: HTMLResponse(SCRIPT.decode()))])
    return StaticCompression(Counted(inner), disk_dir=tmp_path / "brotli")


class Counted:
    """An ASGI app that counts the requests it is asked to answer."""

    def __init__(self, app) -> None:
        self.app, self.calls = app, 0

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        await self.app(scope, receive, send)


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    """The body as it was before its Content-Encoding."""
    unpack = {"gzip": gzip.decompress, "br": brotli.decompress}.get(headers.get("content-encoding"), bytes)
    return unpack(body)


def until_brotli(app, path: str) -> tuple[int, dict[str, str], bytes]:
    deadline = time.monotonic() + 60
    while True:  # brotli is made on a background thread after the first request
        status, headers, body = call(app, path, {"Accept-Encoding": "gzip, deflate, br"})
        if headers.get("content-encoding") == "br" or time.monotonic() > deadline:
            return status, headers, body
        time.sleep(0.1)


def test_a_static_file_is_gzipped_at_once_then_served_with_brotli_made_in_the_background(static_app):
    status, headers, body = call(static_app, "/static/index.js", {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == SCRIPT and int(headers["content-length"]) == len(body) < len(SCRIPT) / 4
    status, headers, body = until_brotli(static_app, "/static/index.js")
    assert headers["content-encoding"] == "br" and brotli.decompress(body) == SCRIPT
    assert int(headers["content-length"]) == len(body)
    assert "accept-ranges" not in headers and "etag" in headers and headers["vary"] == "Accept-Encoding"
    status, headers, body = call(static_app, "/static/index.js", {"Accept-Encoding": "gzip"})
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == SCRIPT  # gzip-only clients


def test_a_file_sent_once_is_answered_from_memory_and_revalidated_with_its_etag(static_app):
    accept = {"Accept-Encoding": "gzip"}
    _, first, packed = call(static_app, "/static/index.js", accept)
    asked = static_app.app.calls
    for _ in range(3):
        status, headers, body = call(static_app, "/static/index.js", accept)
        assert (status, body, headers["etag"], headers["content-encoding"]) == (200, packed, first["etag"], "gzip")
        assert headers.get("cache-control") == first.get("cache-control") and int(headers["content-length"]) == len(body)
    status, headers, body = call(static_app, "/static/index.js", {**accept, "If-None-Match": first["etag"]})
    assert (status, body, headers["etag"]) == (304, b"", first["etag"])
    assert static_app.app.calls == asked  # Streamlit was not asked to read the file again
    status, headers, body = call(static_app, "/static/index.js", {**accept, "If-None-Match": '"another"'})
    assert status == 200 and gzip.decompress(body) == SCRIPT


def test_brotli_copies_are_kept_on_disk_for_the_next_server(static_app, tmp_path):
    until_brotli(static_app, "/static/index.js")
    kept = list((tmp_path / "brotli").glob("*.br"))
    assert len(kept) == 1 and brotli.decompress(kept[0].read_bytes()) == SCRIPT
    kept[0].write_bytes(brotli.compress(b"read from disk, not made again"))
    inner = Starlette(routes=[Mount("/static", StaticFiles(directory=tmp_path))])
    restarted = StaticCompression(inner, disk_dir=tmp_path / "brotli")
    _, headers, body = call(restarted, "/static/index.js", {"Accept-Encoding": "gzip, br"})
    # the first visitor after the restart already gets brotli, read from disk, not made again
    assert headers["content-encoding"] == "br" and brotli.decompress(body) == b"read from disk, not made again"


def test_a_disk_that_cannot_be_written_only_costs_the_next_server_the_work(tmp_path):
    from server.compression import brotli_kept_on_disk

    not_a_dir = tmp_path / "file"
    not_a_dir.write_bytes(b"")
    assert brotli.decompress(brotli_kept_on_disk(("/static/x.js", "v", "br"), SCRIPT, not_a_dir)) == SCRIPT


@pytest.mark.parametrize("headers", [
    {}, {"Accept-Encoding": "identity"}, {"Accept-Encoding": "gzip;q=0, br;q=0.0"},
    {"Accept-Encoding": "gzip, br", "Range": "bytes=0-99"},
], ids=["no Accept-Encoding", "identity", "refused with q=0", "a range"])
def test_what_the_client_did_not_ask_to_compress_passes_through(static_app, headers):
    status, out, body = call(static_app, "/static/index.js", headers)
    assert "content-encoding" not in out
    assert body == (SCRIPT[:100] if "Range" in headers else SCRIPT)
    assert status == (206 if "Range" in headers else 200)


@pytest.mark.parametrize("path", ["/static/tiny.js", "/static/image.png", "/other.js", "/static/missing.js"])
def test_small_binary_missing_and_other_paths_pass_through(static_app, path):
    status, headers, body = call(static_app, path, {"Accept-Encoding": "gzip, br"})
    assert "content-encoding" not in headers
    assert status == (404 if "missing" in path else 200)


@pytest.mark.parametrize("path", ["/static/tiny.js", "/static/image.png"])
def test_a_small_or_binary_file_is_kept_as_it_came_and_answered_from_memory(static_app, path, tmp_path):
    accept = {"Accept-Encoding": "gzip, br"}
    status, first, original = call(static_app, path, accept)
    assert status == 200 and original == (tmp_path / path.rsplit("/", 1)[1]).read_bytes()
    asked = static_app.app.calls
    for _ in range(3):
        status, headers, body = call(static_app, path, accept)
        assert (status, body, headers["etag"]) == (200, original, first["etag"])
        assert "content-encoding" not in headers and int(headers["content-length"]) == len(body)
        assert headers["content-type"] == first["content-type"]
    status, headers, body = call(static_app, path, {**accept, "If-None-Match": first["etag"]})
    assert (status, body) == (304, b"")
    assert static_app.app.calls == asked  # Streamlit was not asked to read the file again


class LeavesMidway:
    """Streamlit's FileResponse as a client that leaves sees it: the first part of the file, then,
    on ``http.disconnect``, the stream stops and the app returns normally (Starlette cancels it)."""

    def __init__(self, app) -> None:
        self.app, self.left = app, 0

    async def __call__(self, scope, receive, send) -> None:
        if self.left:
            await self.app(scope, receive, send)
            return
        self.left += 1
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/javascript"), (b"etag", b'"same-file"')]})
        await send({"type": "http.response.body", "body": SCRIPT[:600], "more_body": True})
        assert (await receive())["type"] == "http.request" and (await receive())["type"] == "http.disconnect"


def test_a_file_cut_short_by_a_client_that_left_is_never_kept_or_served(tmp_path):
    """A page that navigates away while it loads (a dropped link's reload does, on a fresh server)
    once left a cut-short chunk of the front end kept and served to every later visitor: a lazy
    component (st.metric) then never drew."""
    (tmp_path / "index.js").write_bytes(SCRIPT)
    inner = LeavesMidway(Starlette(routes=[Mount("/static", StaticFiles(directory=tmp_path))]))
    app = StaticCompression(inner, disk_dir=tmp_path / "brotli")
    accept = {"Accept-Encoding": "gzip, br"}
    assert call(app, "/static/index.js", accept, leaves=True)[0] is None  # nobody to answer
    for _ in range(2):  # the next visitor gets the whole file, and so does the one after (from memory)
        status, headers, body = call(app, "/static/index.js", accept)
        assert status == 200 and decoded(headers, body) == SCRIPT
    assert not list((tmp_path / "brotli").glob("*.br")) or all(
        brotli.decompress(p.read_bytes()) == SCRIPT for p in (tmp_path / "brotli").glob("*.br"))


@pytest.mark.parametrize("path", ["/static/index.js", "/static/tiny.js", "/static/image.png"])
def test_a_client_that_leaves_at_once_costs_nothing_and_the_next_gets_the_file(static_app, path, tmp_path):
    """Starlette's own FileResponse, its client gone before the first byte (no exception, nothing kept)."""
    accept = {"Accept-Encoding": "gzip, br"}
    call(static_app, path, accept, leaves=True)
    status, headers, body = call(static_app, path, accept)
    whole = (tmp_path / path.rsplit("/", 1)[1]).read_bytes()
    assert status == 200 and decoded(headers, body) == whole


# --- the page document ----------------------------------------------------------------------

DOCUMENT = "<!DOCTYPE html><html><head><title>Streamlit</title></head><body><div id=root></div></body></html>"


@pytest.fixture
def documents():
    async def index(request):  # Streamlit answers every page path with its index.html
        return HTMLResponse(DOCUMENT)

    inner = Starlette(routes=[Route("/{path:path}", index)])
    return PageDocuments(inner)


@pytest.mark.parametrize("path,query", [("/", LINK), ("/matrix", ""), ("/budget", HOSTILE)])
def test_every_page_document_runs_the_feature_test_before_anything_else(documents, path, query):
    status, headers, body = call(documents, path, {"Accept-Encoding": "gzip, br"}, query=query)
    html = gzip.decompress(body)
    assert status == 200 and headers["content-encoding"] == "gzip" and int(headers["content-length"]) == len(body)
    assert html.startswith(b"<!DOCTYPE html><html><head>" + FEATURE_TEST_SCRIPT + b"<title>")
    assert b"alert" not in html and b"<img" not in html  # the link's own text is never written into it
    assert "User-Agent" in headers["vary"] and "Accept-Encoding" in headers["vary"]


@pytest.mark.parametrize("query", [LINK, HOSTILE + "&lang=en"], ids=["a link", "a hostile link"])
def test_a_page_document_previews_the_links_projection_in_a_chat(documents, query):
    _, _, body = call(documents, "/", {"Host": "planner.example"}, query=query)
    doc = Parsed(body.decode())
    link = read_link(query)
    title = Parsed(page(link, "http://planner.example/", None)).meta["og:title"]
    assert doc.meta["og:title"] == title and f"<title>{title}</title>".encode() in body
    assert doc.meta["og:image"] == f"http://planner.example/card.png?{link.share_query}"
    assert doc.meta["og:url"] == f"http://planner.example/?{link.share_query}"
    assert doc.scripts == 1  # the feature test, and nothing else added


def test_the_feature_test_tests_what_streamlit_needs_and_keeps_the_query():
    script = FEATURE_TEST_SCRIPT.decode()
    for needed in ("Object.hasOwn", "Promise.withResolvers", "structuredClone"):
        assert f"typeof {needed}" in script
    assert "window.location.replace('./snapshot' + window.location.search)" in script


@pytest.mark.parametrize("ua", OLD.values(), ids=OLD.keys())
def test_an_old_wechat_is_sent_to_the_snapshot_with_the_same_query(documents, ua):
    status, headers, _ = call(documents, "/", {"User-Agent": ua}, query=LINK)
    assert status == 302 and headers["location"] == "/snapshot?" + LINK
    assert headers["cache-control"] == "no-store"
    status, _, _ = call(documents, "/", {"User-Agent": ua, "Cookie": f"{TRY_COOKIE}=1"}, query=LINK)
    assert status == 200  # chose the full planner on the snapshot page


@pytest.mark.parametrize("ua", CURRENT.values(), ids=CURRENT.keys())
def test_a_current_wechat_gets_the_planner(documents, ua):
    status, _, body = call(documents, "/", {"User-Agent": ua}, query=LINK)
    assert status == 200 and FEATURE_TEST_SCRIPT in body


@pytest.mark.parametrize("path", ["/_stcore/health", "/static/js/index.js", "/snapshot", "/card.png"])
def test_other_paths_are_not_documents(documents, path):
    _, _, body = call(documents, path, {"User-Agent": OLD["iPhone iOS 16.6"], "Accept-Encoding": "gzip"})
    assert body == DOCUMENT.encode()  # neither redirected, changed nor compressed


def test_a_client_that_leaves_before_the_document_is_whole_gets_nothing_and_breaks_nothing(documents):
    app = PageDocuments(LeavesMidway(documents.app))
    assert call(app, "/", {"Accept-Encoding": "gzip"}, leaves=True)[0] is None
    status, _, body = call(app, "/", {"Accept-Encoding": "gzip"})
    assert status == 200 and FEATURE_TEST_SCRIPT in gzip.decompress(body)


# --- the snapshot page ------------------------------------------------------------------------

class Parsed(HTMLParser):
    """The parts of a snapshot page a test reads: meta tags, table rows, paragraphs by class,
    links, images and scripts."""

    def __init__(self, text: str):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.tables: list[list[tuple[str, str]]] = []
        self.paragraphs: dict[str, list[str]] = {}
        self.links: list[str] = []
        self.images: list[str] = []
        self.scripts = 0
        self._cell: list[str] | None = None
        self._row: list[str] = []
        self._para: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta[a.get("property") or a.get("name") or "charset"] = a.get("content") or ""
        elif tag == "table":
            self.tables.append([])
        elif tag in ("th", "td"):
            self._cell = []
        elif tag == "p":
            self._para = a.get("class") or ""
            self.paragraphs.setdefault(self._para, []).append("")
        elif tag == "a":
            self.links.append(a["href"])
        elif tag == "img":
            self.images.append(a["src"])
        elif tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr":
            self.tables[-1].append(tuple(self._row))
            self._row = []
        elif tag == "p":
            self._para = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._para is not None:
            self.paragraphs[self._para][-1] += data


def cli_kpis(link: str) -> list[tuple[str, str]]:
    """(label, value) of the KPI lines ``python -m planner report --lenient LINK`` prints."""
    done = subprocess.run([sys.executable, "-m", "planner", "report", "--lenient", "--", link],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()[: len(kpis.REPORT)]
    return [tuple(line.rsplit(None, 1)) for line in lines]


@pytest.mark.parametrize("link", [LINK, HOSTILE, ""], ids=["a link", "a hostile link", "no link"])
def test_the_snapshot_shows_the_numbers_the_cli_prints_for_the_link(link):
    doc = Parsed(page(read_link(link), BASE, None))
    assert [(label.strip(), value) for label, value in doc.tables[0]] == cli_kpis(link)


def test_a_hostile_link_is_shown_as_text_with_one_notice_and_no_markup():
    text = page(read_link(HOSTILE), BASE, None)
    doc = Parsed(text)
    assert doc.scripts == 0 and "<script>alert" not in text and "<img src=x" not in text
    assert doc.images == [f"/card.png?{read_link(HOSTILE).share_query}"]  # the only image: the card
    notices = doc.paragraphs["notice"]
    assert len(notices) == 1 and "\n" not in notices[0]
    for given in ("abc", "<script>alert(1)</script>", "nan"):
        assert given in notices[0]  # named, as text
    assert read_link(HOSTILE).scenario == read_link("").scenario  # the defaults were used


def test_the_snapshot_has_open_graph_tags_for_a_chat_preview():
    link = read_link(LINK + "&lang=en")
    doc = Parsed(page(link, BASE, None))
    gmv = dict(doc.tables[0])["GMV"]
    assert doc.meta["og:title"] == f"Live-commerce projection: GMV {gmv} in 90 days"
    assert doc.meta["og:image"] == f"{BASE}card.png?{link.share_query}" and "lang=en" in link.share_query
    assert doc.meta["og:url"] == f"{BASE}?{link.share_query}"
    assert (doc.meta["og:image:width"], doc.meta["og:image:height"]) == ("1920", "2560")
    assert "Private invites 5,000" in doc.meta["og:description"]  # the first key assumption, unmarked
    assert f"/open?{link.share_query}" in doc.links


def test_inside_wechat_the_snapshot_says_how_to_save_and_where_to_open():
    plain = Parsed(page(read_link(LINK), BASE, CURRENT["iPhone iOS 17.4"])).paragraphs["hint"]
    assert plain == ["长按预测图可保存到手机或转发。"]
    old = Parsed(page(read_link(LINK), BASE, OLD["iPhone iOS 16.6"])).paragraphs["hint"]
    assert len(old) == 2 and "在浏览器打开" in old[0]
    assert "hint" not in Parsed(page(read_link(LINK), BASE, None)).paragraphs


@pytest.mark.parametrize("peer, forwarded, want", [
    ("127.0.0.1", None, "http://planner.example/"),
    ("127.0.0.1", "planner.example:8443", "http://planner.example:8443/"),  # nginx's X-Forwarded-Host
    ("::1", "planner.example:8443", "http://planner.example:8443/"),
    ("203.0.113.9", "evil.example:8443", "http://planner.example/"),  # only a loopback proxy is believed
    ("127.0.0.1", "evil.example/<x>", "http://planner.example/"),  # only a plain host[:port]
], ids=["no proxy", "nginx", "nginx over IPv6", "not from loopback", "not a host"])
def test_the_apps_root_is_the_address_the_visitor_used(peer, forwarded, want):
    from server.snapshot import app_root

    headers = [(b"host", b"planner.example")] + ([(b"x-forwarded-host", forwarded.encode())] if forwarded else [])
    scope = {"type": "http", "scheme": "http", "server": ("planner.example", 80), "path": "/", "root_path": "",
             "headers": headers, "client": (peer, 40000), "query_string": b""}
    assert app_root(scope) == want
