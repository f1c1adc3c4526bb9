"""Load test: many concurrent sessions against the app: one `streamlit run app.py`, or the
deployment of deploy/ (replicas behind nginx) with --deploy.

    python benchmarks/load.py [--sessions 20] [--seconds 60] [--think 1,3] [--pages all] [--out FILE]
    python benchmarks/load.py --deploy [--replicas 2]     # through nginx: deploy/start.sh

Each session speaks Streamlit's own WebSocket protocol (the BackMsg/ForwardMsg protobufs the
browser sends), so the load is on the server, not on 20 browsers sharing two cores: it opens a
different share link, then keeps moving sliders (invites, cvr, aov and the three spends) and,
every few moves, goes to the next page (overview, matrix, assumptions, budget, ranges, compare,
calibrate: each session starts on another), waits for each rerun to finish and looks at the
result for a think time drawn from --think seconds (1–3 s: a person in a meeting drags, reads
the chart, drags again; 0.2,0.8 is a stress test of twenty people releasing sliders twice a
second). Bounded: every session stops after --seconds or --max-reruns, and only 127.0.0.1 is
contacted. Reports errors (exceptions or the app's one-line error shown, failed or timed-out
reruns: must be zero), p50/p95 rerun latency and the server's memory (RSS; with --deploy the
replicas' together) after one warm-up session (imports done) and at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from planner.text import t  # noqa: E402
from tests.conftest_browser import Deployment  # noqa: E402

# Every page, by its url path ("" is the overview); a session moves to the next every few moves.
PAGES = ("", "matrix", "assumptions", "budget", "uncertainty", "compare", "calibrate")
MOVES_PER_PAGE = 3
# What the app shows instead of a traceback when a page fails (views/errors.py): an error too.
FAILURE_ALERTS = frozenset(t(key, lang) for key in ("notice.page_error", "notice.page_bug") for lang in ("zh", "en"))
SLIDERS = {"invites": (500, 20_000, 100), "cvr": (0.005, 0.05, 0.001), "aov": (100, 600, 10),
           "gdt": (0, 20_000, 100), "beans": (0, 5_000, 50), "coupons": (0, 5_000, 100)}
RERUN_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    """A process's resident memory now (VmRSS) or at its peak so far (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(app: Path, port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=app.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


def share_link(i: int) -> str:
    """A different, valid share link for every session."""
    rng = random.Random(i)
    return (f"invites={rng.randrange(500, 20_000, 100)}&cvr={rng.randrange(5, 50) / 1000}"
            f"&aov={rng.randrange(100, 600, 10)}&gdt={rng.randrange(0, 20_000, 100)}"
            f"&accounts={rng.randint(1, 6)}&days={rng.choice((30, 60, 90, 180))}")


class Session:
    def __init__(self, ws):
        self.ws = ws
        self.widgets: dict[str, tuple[str, str]] = {}  # key -> (widget id, proto field)
        self.states: dict[str, object] = {}  # widget id -> WidgetState value set so far
        self.alerts: list[str] = []  # the text of every st.info/warning/error the app sent

    async def rerun(self, query: str, page: str = "", timeout_s: float = RERUN_TIMEOUT_S) -> tuple[float, int]:
        """Ask for a rerun (of ``page``, a url path such as "matrix"; "" for the default) with the
        widget values set so far; return (seconds, errors)."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        kinds = {widget_id: kind for widget_id, kind in self.widgets.values()}
        for widget_id, value in self.states.items():
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            if kinds.get(widget_id) == "number_input":  # a spend box (views.controls): one number
                state.double_value = value[0]
            else:
                state.double_array_value.data.extend(value)
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        errors = 0
        while True:
            data = await asyncio.wait_for(self.ws.recv(), timeout_s)
            fwd = ForwardMsg.FromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                etype = element.WhichOneof("type")
                if etype == "exception":
                    errors += 1
                elif etype == "alert":
                    self.alerts.append(element.alert.body)
                    errors += element.alert.body in FAILURE_ALERTS
                elif etype == "slider" and element.slider.query_param_key:
                    self.widgets[element.slider.query_param_key] = (element.slider.id, "slider")
                elif etype == "number_input" and element.number_input.query_param_key:
                    self.widgets[element.number_input.query_param_key] = (element.number_input.id, "number_input")
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    errors += 1
                if fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return time.perf_counter() - started, errors


async def run_session(i: int, port: int, seconds: float, max_reruns: int, think: tuple[float, float],
                      out: dict, pages: tuple[str, ...] = ("",)) -> None:
    rng = random.Random(1000 + i)
    query = share_link(i)
    page = i % len(pages)
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=None, open_timeout=30) as ws:
            session = Session(ws)
            out["pages"].add(pages[page] or "overview")
            first, errors = await session.rerun(query, pages[page])
            out["first_load"].append(first)
            out["errors"] += errors
            deadline = time.monotonic() + seconds
            reruns = 0
            while time.monotonic() < deadline and reruns < max_reruns:
                if reruns and reruns % MOVES_PER_PAGE == 0:
                    page = (page + 1) % len(pages)
                    out["pages"].add(pages[page] or "overview")
                movable = [k for k in SLIDERS if k in session.widgets]
                if not movable:
                    out["errors"] += 1
                    out["messages"].append(f"session {i}: no bound sliders found")
                    return
                key = rng.choice(movable)
                lo, hi, step = SLIDERS[key]
                value = round(lo + step * rng.randrange(int((hi - lo) / step) + 1), 6)
                session.states[session.widgets[key][0]] = [value]
                seconds_taken, errors = await session.rerun(query, pages[page])
                out["latency"].append(seconds_taken)
                out["by_page"].setdefault(pages[page] or "overview", []).append(seconds_taken)
                out["errors"] += errors
                reruns += 1
                await asyncio.sleep(rng.uniform(*think))  # a person looks, then drags again
    except (TimeoutError, OSError, websockets.WebSocketException) as exc:
        out["errors"] += 1
        out["messages"].append(f"session {i}: {type(exc).__name__}: {exc}")


def new_results() -> dict:
    return {"latency": [], "first_load": [], "errors": 0, "messages": [], "pages": set(), "by_page": {}}


async def main_async(args) -> dict:
    out = new_results()
    await asyncio.gather(*(run_session(i, args.port, args.seconds, args.max_reruns, args.think, out, args.pages)
                           for i in range(args.sessions)))
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-reruns", type=int, default=400, help="per session, a hard bound")
    parser.add_argument("--think", type=lambda s: tuple(float(x) for x in s.split(",")), default=(1.0, 3.0),
                        help="seconds between a rerun's end and the next slider move: LOW,HIGH")
    parser.add_argument("--pages", default="all", help="'all' (every page in turn) or 'overview'")
    parser.add_argument("--app", default=str(ROOT / "app.py"))
    parser.add_argument("--deploy", action="store_true", help="through nginx and replicas: deploy/start.sh")
    parser.add_argument("--replicas", type=int, default=2, help="with --deploy")
    parser.add_argument("--out", default=None, help="also write the Markdown report here")
    args = parser.parse_args()
    args.pages = PAGES if args.pages == "all" else ("",)
    if args.deploy:
        deployment = Deployment(replicas=args.replicas).start()
        args.port, pids, stop = deployment.port, deployment.replica_pids(), deployment.stop
        target = f"{args.replicas} `streamlit run app.py` replicas behind nginx (deploy/start.sh)"
    else:
        args.port = free_port()
        server = start_server(Path(args.app), args.port)
        pids, stop = [server.pid], lambda: _stop_server(server)
        target = "one `streamlit run app.py`"
    try:
        warm = new_results()
        for i in range(max(2, args.replicas if args.deploy else 1) * 2):  # imports, caches, every replica
            asyncio.run(run_session(10_000 + i, args.port, 2.0, 3, (0.1, 0.2), warm, args.pages))
        rss_start = sum(rss_mib(pid) for pid in pids)
        started = time.perf_counter()
        out = asyncio.run(main_async(args))
        wall = time.perf_counter() - started
        rss_each = [rss_mib(pid) for pid in pids]
    finally:
        stop()
    lat = out["latency"]
    memory = f"{rss_start:.0f} MiB → {sum(rss_each):.0f} MiB"
    if len(pids) > 1:
        memory += " (" + " + ".join(f"{x:.0f}" for x in rss_each) + " MiB)"
    visited = "all" if len(args.pages) > 1 else "overview"
    lines = [
        f"Load test: {args.sessions} concurrent sessions × {args.seconds:.0f} s against {target} on loopback "
        f"({os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}).",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| sessions | {args.sessions} | ≥ 20 |",
        f"| pages | {visited} ({len(out['pages'])} visited) | |",
        f"| think time between moves | {args.think[0]:g}–{args.think[1]:g} s | |",
        f"| reruns (slider moves and page changes) | {len(lat)} | |",
        f"| errors | {out['errors']} | 0 |",
        f"| first load p50 / p95 | {pct(out['first_load'], 50):.3f} s / {pct(out['first_load'], 95):.3f} s | |",
        f"| rerun latency p50 | {pct(lat, 50):.3f} s | |",
        f"| rerun latency p95 | {pct(lat, 95):.3f} s | < 1 s |",
        f"| server RSS after warm-up → end | {memory} | bounded by the caches |",
        f"| wall time | {wall:.1f} s | |",
    ]
    if len(out["by_page"]) > 1:
        lines += ["", "| page | reruns | p50 | p95 |", "|---|---|---|---|"]
        lines += [f"| {page} | {len(xs)} | {pct(xs, 50):.3f} s | {pct(xs, 95):.3f} s |"
                  for page, xs in sorted(out["by_page"].items(), key=lambda kv: -pct(kv[1], 95))]
    if out["messages"]:
        lines += ["", "Errors:", *[f"- {m}" for m in out["messages"][:20]]]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report, encoding="utf-8")
    return 0 if out["errors"] == 0 else 1


def _stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
