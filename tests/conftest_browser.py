"""Shared harness for driving the app in a real browser: the browser tests, the speed benchmark
and the screenshot script all use it. Not a pytest plugin: plain functions, imported.

- ``StreamlitServer`` runs ``streamlit run`` headless on a free loopback port and waits for
  ``/_stcore/health``, as Streamlit's own ``e2e_playwright`` suite does.
- ``launch_chromium`` starts Debian's Chromium through Playwright (never ``playwright
  install``), with the flags that keep it from reaching for the (closed) network.
- ``new_page`` opens a page with ``RUN_TRACKER_JS`` installed: it counts the app's script runs
  from the messages the server sends, so a test can wait for *the* rerun its action caused
  rather than for a state the page may already be in; then, as Streamlit's own e2e suite does,
  for ``[data-testid=stApp]`` to say ``data-test-script-state="notRunning"``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_READY = ROOT / ".app-ready"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VIEWPORT = {"width": 1366, "height": 900}
# A phone inside WeChat (WeChat 8 on Android: Chrome's engine with WeChat's own tokens), as a
# founder opens a link pasted into a group: new_page(browser, **PHONE_CONTEXT). Its XWEB kernel is a
# current Chromium (132): an older one (< 119) cannot run Streamlit and is sent to /snapshot
# (views.client), which tests/app/test_server_browser.py drives.
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/132.0.6834.163 Mobile Safari/537.36 XWEB/1320089 "
             "MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 "
             "Weixin NetType/WIFI Language/zh_CN ABI/arm64")
PHONE_VIEWPORT = {"width": 390, "height": 844}
PHONE_CONTEXT = {"viewport": PHONE_VIEWPORT, "user_agent": WECHAT_UA, "has_touch": True, "is_mobile": True,
                 "device_scale_factor": 2}
RUN_TIMEOUT_MS = 30_000

# Counts script runs from the app's own messages. Streamlit's ForwardMsg (protobuf) starts a
# run with ``new_session`` (field 4) and ends it with ``script_finished`` (field 6, an enum);
# a run stopped by ``st.rerun()`` ends FINISHED_EARLY_FOR_RERUN (2) and another run follows, so
# it does not count as done. Frames are read as they arrive, before the app handles them.
# (The ``data-test-script-state`` attribute cannot count runs: React may batch a fast run's
# running → notRunning into one render, and the attribute never flips.)
RUN_TRACKER_JS = """
(() => {
  const st = window.__stRuns = {started: 0, done: 0, running: false, firstAt: 0, startedAt: 0, doneAt: 0};
  const EARLY_FOR_RERUN = 2;
  const topFields = (buf) => {  // [[field, varint value or null], ...] of the top level
    const b = new Uint8Array(buf);
    const out = [];
    let i = 0;
    const varint = () => {
      let x = 0, s = 0, c;
      do { c = b[i++]; x += (c & 0x7f) * 2 ** s; s += 7; } while ((c & 0x80) && i < b.length);
      return x;
    };
    while (i < b.length) {
      const tag = varint(), wire = tag & 7, field = Math.floor(tag / 8);
      if (wire === 0) { out.push([field, varint()]); continue; }
      out.push([field, null]);
      if (wire === 2) { const n = varint(); i += n; }  // not `i += varint()`: i is read first
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else break;
    }
    return out;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (ev) => {
        if (!(ev.data instanceof ArrayBuffer)) return;
        for (const [field, value] of topFields(ev.data)) {
          if (field === 4) {
            if (!st.started) st.firstAt = performance.now();
            if (!st.running) st.startedAt = performance.now();
            st.started++; st.running = true;
          }
          if (field === 6 && value !== EARLY_FOR_RERUN) { st.running = false; st.done++; st.doneAt = performance.now(); }
        }
      });
    }
  };
})();
"""

APP_IDLE = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_group(proc: subprocess.Popen | None, timeout_s: float) -> None:
    """End a process we started in its own session, and its children: SIGTERM to its process
    group (by its id), SIGKILL if it is still there after ``timeout_s``."""
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


class StreamlitServer:
    """``streamlit run SCRIPT`` on 127.0.0.1:<free port>, in its own process group; ``env`` is
    added to its environment (its PYTHONPATH goes before the repository's)."""

    def __init__(self, script: str | Path = "app.py", port: int | None = None, cwd: Path = ROOT,
                 env: dict[str, str] | None = None):
        self.script, self.cwd, self.extra_env = str(script), cwd, dict(env or {})
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)  # noqa: SIM115

    def start(self, timeout_s: float = 60) -> StreamlitServer:
        path = os.pathsep.join(filter(None, [self.extra_env.get("PYTHONPATH"), str(ROOT)]))
        env = {**os.environ, **self.extra_env, "PYTHONPATH": path, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", self.script, "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=self.cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log_text()}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200 and resp.read().strip() == b"ok":
                        return self
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy in {timeout_s:.0f} s:\n{self.log_text()}")

    def log_text(self, tail: int = 4000) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-tail:]

    def stop(self) -> None:
        """End the server we started (its process group, by id), then remove the log."""
        stop_group(self.proc, timeout_s=10)
        self.log.close()
        with contextlib.suppress(OSError):
            os.unlink(self.log.name)

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class Deployment:
    """``deploy/start.sh``: ``replicas`` × ``streamlit run app.py`` behind Debian's nginx, on free
    loopback ports, in its own process group (as deployed: see README "Deploying")."""

    def __init__(self, replicas: int = 2, allowed_hosts: str | None = "127.0.0.1,localhost"):
        self.replicas, self.allowed_hosts = replicas, allowed_hosts
        self.port = free_port()
        # The script numbers the replicas' ports from the first: a free port and the ones after
        # it (taken while free; another program could take one in between, then start fails).
        first = free_port()
        self.replica_ports = list(range(first, first + replicas))
        self.url = f"http://127.0.0.1:{self.port}"
        self.run_dir = Path(tempfile.mkdtemp(prefix="planner-deploy-"))
        self.proc: subprocess.Popen | None = None
        self.output: list[str] = []

    def start(self, timeout_s: float = 120) -> Deployment:
        env = {**os.environ, "PLANNER_PORT": str(self.port), "PLANNER_REPLICAS": str(self.replicas),
               "PLANNER_REPLICA_PORT": str(self.replica_ports[0]), "PLANNER_RUN_DIR": str(self.run_dir)}
        env.pop("PLANNER_ALLOWED_HOSTS", None)
        if self.allowed_hosts is not None:
            env["PLANNER_ALLOWED_HOSTS"] = self.allowed_hosts
        self.proc = subprocess.Popen(["bash", str(ROOT / "deploy" / "start.sh")], env=env, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError("deploy/start.sh exited:\n" + "".join(self.output))
            self.output.append(line)
            if line.startswith("ready: "):
                return self
        self.stop()
        raise RuntimeError(f"deploy/start.sh was not ready in {timeout_s:.0f} s:\n" + "".join(self.output))

    def replica_pids(self) -> list[int]:
        return [int(p.read_text()) for p in sorted(self.run_dir.glob("replica-*.pid"))]

    def stop(self) -> None:
        """End the script we started (its process group, by id: nginx and the replicas), then
        remove its run directory (configuration, logs, pid files)."""
        stop_group(self.proc, timeout_s=30)
        shutil.rmtree(self.run_dir, ignore_errors=True)

    def __enter__(self) -> Deployment:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def new_page(browser, **context_options):
    """A page in a fresh context (own cookies and storage) with the run tracker installed."""
    context = browser.new_context(**{"viewport": VIEWPORT, "accept_downloads": True, **context_options})
    context.set_default_timeout(RUN_TIMEOUT_MS)
    context.add_init_script(RUN_TRACKER_JS)
    return context.new_page()


def wait_for_app_run(page, timeout_ms: int = RUN_TIMEOUT_MS, settle_ms: int = 150) -> None:
    """Wait until the app is connected and its script is not running (Streamlit's e2e pattern)."""
    page.wait_for_timeout(settle_ms)  # some widgets debounce before they ask for a rerun
    page.locator(APP_IDLE).wait_for(state="attached", timeout=timeout_ms)


def runs_started(page) -> int:
    return int(page.evaluate("() => window.__stRuns ? window.__stRuns.started : 0"))


_SETTLED_JS = """([before, token, sel]) => {
    const st = window.__stRuns;
    if (!st) return false;
    const base = window.__stToken === token ? before : 0;  // a new document counts from 0
    return st.started > base && !st.running && !!document.querySelector(sel)
      && !document.querySelector('[data-stale="true"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"]');
}"""


def wait_for_rerun_after(page, started_before: int, timeout_ms: int = RUN_TIMEOUT_MS, token: str = "") -> None:
    """Wait for a run that started after ``started_before`` runs to finish, with no run
    pending and nothing stale on the page."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            page.wait_for_function(_SETTLED_JS, arg=[started_before, token, APP_IDLE],
                                   timeout=max(1, int((deadline - time.monotonic()) * 1000)))
            return
        except Exception as exc:  # a navigation destroys the context the function polls in
            if "context was destroyed" not in str(exc) or time.monotonic() > deadline:
                raise


def act_and_wait(page, action, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Do ``action`` (a click, a key, a navigation) and wait for the rerun it causes.

    Works across a full page load too: the token set before the action is gone afterwards,
    so runs are then counted from zero.
    """
    token = uuid.uuid4().hex
    before = int(page.evaluate(
        "(t) => { window.__stToken = t; return window.__stRuns ? window.__stRuns.started : 0; }", token))
    action()
    wait_for_rerun_after(page, before, timeout_ms, token)


def goto_app(page, url: str, timeout_ms: int = 60_000) -> None:
    """Open ``url`` and wait for the app's first run (and any rerun it asks for) to finish."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    wait_for_rerun_after(page, 0, timeout_ms)


def slider_input(page, key: str):
    """The keyboard-focusable thumb of the slider whose widget key is ``key``.

    Streamlit puts ``st-key-<key>`` on a keyed widget's container; the slider thumb is a
    visually hidden ``input[type=range]`` (React Aria).
    """
    return page.locator(f".st-key-{key} input[type='range']")


def metrics(page) -> dict[str, str]:
    """Every ``st.metric`` on the page as {label: value}."""
    out = {}
    for m in page.locator("[data-testid='stMetric']").all():
        label = m.locator("[data-testid='stMetricLabel']").inner_text().strip()
        out[label] = m.locator("[data-testid='stMetricValue']").inner_text().strip()
    return out


def wait_for_app_ready_marker(timeout_s: float = 3600, poll_s: float = 60) -> bool:
    """Poll for the app's ``.app-ready`` marker (bounded); True once it is there."""
    deadline = time.monotonic() + timeout_s
    while not APP_READY.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(min(poll_s, max(0.0, deadline - time.monotonic())))
    return True
