"""The deployment of deploy/: two `streamlit run app.py` replicas behind Debian's nginx, started by
deploy/start.sh on loopback (CI installs nginx: scripts/system-deps.sh).

Checked through nginx: the security headers, gzip, /_stcore/metrics not public, the WebSocket
upgrade, sticky sessions (one visitor's cookie always reaches the same replica, visitors spread
over both: counted by each replica's own metrics), whole sessions in a real browser with a file
upload (an HTTP request beside the WebSocket, buffered by nginx, that Streamlit refuses unless it
reaches the replica holding the session; it first found nginx's workers unable to write their
temporary files), server.allowedHosts, and the loud warning when a production start has none. The load test through it (20 sessions × 60 s
on every page) is a benchmark: ``python benchmarks/load.py --deploy``.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import urllib.error
import urllib.request
import uuid

import pytest
import websockets

from benchmarks.load import Session
from planner.calibration import calibrate, read_sessions
from planner.text import t
from tests.conftest_browser import ROOT, Deployment, act_and_wait, goto_app, launch_chromium, new_page
from views import calibrate as cv

pytestmark = pytest.mark.deploy
SAMPLE = ROOT / "examples" / "past_sessions.csv"


@pytest.fixture(scope="module")
def deployment():
    if not (shutil.which("nginx") or shutil.which("/usr/sbin/nginx")):
        pytest.fail("nginx is not installed: bash scripts/system-deps.sh (or apt-get install -y nginx)")
    with Deployment(replicas=2) as running:
        yield running


def get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        return urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as exc:
        return exc


def connects(port: int) -> int:
    """How many WebSocket sessions a replica has accepted (its own metrics, on its own port)."""
    text = get(f"http://127.0.0.1:{port}/_stcore/metrics").read().decode()
    return int(re.search(r'session_events_total\{type="connect"\} (\d+)', text).group(1))


async def open_session(port: int, cookie: str | None = None, host: str = "127.0.0.1") -> int:
    """A whole first run of the overview through nginx; returns the errors it showed."""
    headers = {"Cookie": f"planner_replica={cookie}"} if cookie else {}
    async with websockets.connect(f"ws://{host}:{port}/_stcore/stream", subprotocols=["streamlit"],
                                  additional_headers=headers, max_size=None, open_timeout=30) as ws:
        session = Session(ws)
        _, errors = await session.rerun("lang=en")
        assert session.widgets, "the page drew no sliders"
        return errors


def test_security_headers_and_the_affinity_cookie(deployment):
    response = get(deployment.url + "/")
    assert response.status == 200
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert re.search(r"planner_replica=[0-9a-f]{32}; Path=/; HttpOnly", " ".join(response.headers.get_all("Set-Cookie")))


def test_scripts_are_gzipped(deployment):
    html = get(deployment.url + "/").read().decode()
    script = re.search(r'src="\.?/?(static/js/[^"]+\.js)"', html).group(1)
    response = get(f"{deployment.url}/{script}", {"Accept-Encoding": "gzip"})
    assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"


def test_a_link_preview_names_the_address_with_its_port(deployment):
    """nginx passes Host without the port (Streamlit's host check needs that) and the port in
    X-Forwarded-Host: a chat preview's og:url and og:image are addresses a phone can open."""
    page = get(deployment.url + "/?invites=5000").read().decode()
    assert f'content="{deployment.url}/?v=2&amp;invites=5000"' in page
    assert f'content="{deployment.url}/card.png?v=2&amp;invites=5000"' in page


def test_metrics_are_not_public(deployment):
    assert get(deployment.url + "/_stcore/metrics").status == 404
    assert get(f"http://127.0.0.1:{deployment.replica_ports[0]}/_stcore/metrics").status == 200  # the operator's


def test_a_visitor_stays_on_one_replica_and_visitors_spread(deployment):
    before = [connects(p) for p in deployment.replica_ports]
    cookie = uuid.uuid4().hex

    async def same_visitor():
        return await asyncio.gather(*(open_session(deployment.port, cookie) for _ in range(4)))

    assert asyncio.run(same_visitor()) == [0] * 4  # the WebSocket upgrade works through nginx
    after = [connects(p) for p in deployment.replica_ports]
    assert sorted(a - b for a, b in zip(after, before, strict=True)) == [0, 4]

    async def many_visitors():
        return await asyncio.gather(*(open_session(deployment.port, uuid.uuid4().hex) for _ in range(16)))

    assert asyncio.run(many_visitors()) == [0] * 16
    spread = [c - a for c, a in zip((connects(p) for p in deployment.replica_ports), after, strict=True)]
    assert sum(spread) == 16 and min(spread) > 0, spread


@pytest.mark.browser
def test_a_browser_session_with_an_upload_through_nginx(deployment):
    playwright_sync = pytest.importorskip("playwright.sync_api")
    line = cv.file_line(calibrate(read_sessions(SAMPLE.read_bytes(), SAMPLE.name)), SAMPLE.name, "zh")
    with playwright_sync.sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for _ in range(3):  # fresh visitors, each with its own replica
                page = new_page(browser)
                goto_app(page, f"{deployment.url}/calibrate")
                chooser = page.locator("[data-testid='stFileUploader'] input[type='file']").first
                act_and_wait(page, lambda chooser=chooser: chooser.set_input_files(str(SAMPLE)))
                # The fit is drawn only if the upload reached the replica that holds the session.
                page.get_by_role("button", name=t("calibrate.apply", "zh")).wait_for(timeout=60_000)
                page.get_by_text(line).wait_for()
                page.context.close()
        finally:
            browser.close()


def test_allowed_hosts_reach_the_replicas():
    with Deployment(replicas=1, allowed_hosts="localhost") as only_localhost:
        assert asyncio.run(open_session(only_localhost.port, host="localhost")) == 0
        with pytest.raises(websockets.InvalidStatus) as refused:
            asyncio.run(open_session(only_localhost.port, host="127.0.0.1"))
        assert refused.value.response.status_code == 403
        assert not any("WARNING" in line for line in only_localhost.output)


@pytest.mark.parametrize("hosts, warned", [(None, True), ("planner.example.com", False)])
def test_a_start_without_allowed_hosts_warns_loudly(tmp_path, hosts, warned):
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "PLANNER_RUN_DIR": str(tmp_path)}
    if hosts:
        env["PLANNER_ALLOWED_HOSTS"] = hosts
    done = subprocess.run(["bash", str(ROOT / "deploy" / "start.sh"), "--check"], capture_output=True, text=True,
                          timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert ("WARNING: PLANNER_ALLOWED_HOSTS is not set" in done.stderr) == warned
