"""Heavy links: the heaviest share link, four seeds at once, against one `streamlit run app.py`.

    python benchmarks/heavy_links.py [--sessions 4] [--app PATH] [--out FILE]

The heaviest link a visitor can send (tests/heavy_link.py): 20 accounts × 365 days, a range on
every uncertain parameter, 10,000 draws. Each session opens it on the 区间 Ranges page with its
own seed, all at once, over Streamlit's WebSocket protocol (as benchmarks/load.py does), and
waits for the page to finish. Printed: each session's time, whether its page said it was
waiting for a heavy-computation slot, errors, and the server's memory after warm-up, at the end
and at its peak (VmHWM) against the 1 GiB target. ``--app`` runs another checkout's app.py (for a
before/after comparison).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.load import Session, free_port, rss_mib, start_server  # noqa: E402
from planner.link import to_query  # noqa: E402
from planner.text import t  # noqa: E402
from tests.heavy_link import heaviest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_MIB = 1024
WAITING = t("notice.heavy_waiting", "en", n=0).split(";")[0].split("0")[0]  # "The server is running "


async def open_heavy(port: int, seed: int, out: list) -> None:
    query = to_query(heaviest(seed)) + "&lang=en"
    started = time.perf_counter()
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=None, open_timeout=30) as ws:
            session = Session(ws)
            _, errors = await session.rerun(query, page="uncertainty", timeout_s=600)
            waited = any(a.startswith(WAITING) for a in session.alerts)
            out.append((seed, time.perf_counter() - started, errors, waited, ""))
    except (TimeoutError, OSError, websockets.WebSocketException) as exc:
        out.append((seed, time.perf_counter() - started, 1, False, f"{type(exc).__name__}: {exc}"))


async def all_at_once(port: int, sessions: int) -> list:
    out: list = []
    await asyncio.gather(*(open_heavy(port, seed, out) for seed in range(1, sessions + 1)))
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--app", default=str(ROOT / "app.py"))
    parser.add_argument("--out", default=None, help="also write the Markdown report here")
    args = parser.parse_args()
    port = free_port()
    server = start_server(Path(args.app), port)
    try:
        warm: list = []
        asyncio.run(open_heavy_default(port, warm))
        rss_start = rss_mib(server.pid)
        started = time.perf_counter()
        results = asyncio.run(all_at_once(port, args.sessions))
        wall = time.perf_counter() - started
        rss_end, rss_peak = rss_mib(server.pid), rss_mib(server.pid, "VmHWM")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    errors = sum(r[2] for r in results)
    ok = rss_peak < TARGET_MIB and errors == 0
    lines = [
        f"The heaviest link (20 accounts × 365 days, every range, 10,000 draws) with {args.sessions} seeds at "
        f"once on the Ranges page of one `streamlit run {Path(args.app).relative_to(Path(args.app).parents[1])}` "
        f"({os.cpu_count()} cores, Python {platform.python_version()}).",
        "",
        "| session (seed) | time to finished page | waited for a slot | errors |",
        "|---|---|---|---|",
        *[f"| {seed} | {seconds:.1f} s | {'yes' if waited else 'no'} | {errs}{' ' + msg if msg else ''} |"
          for seed, seconds, errs, waited, msg in results],
        "",
        "| measure | value | target | result |",
        "|---|---|---|---|",
        f"| server RSS after warm-up → end | {rss_start:.0f} MiB → {rss_end:.0f} MiB | | |",
        f"| server peak RSS (VmHWM) | {rss_peak:.0f} MiB ({rss_peak / TARGET_MIB:.2f} × 1 GiB) | < {TARGET_MIB} MiB | "
        f"{'PASS' if rss_peak < TARGET_MIB else 'FAIL'} |",
        f"| errors | {errors} | 0 | {'PASS' if errors == 0 else 'FAIL'} |",
        f"| wall time, all sessions | {wall:.1f} s | | |",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0 if ok else 1


async def open_heavy_default(port: int, out: list) -> None:
    """A warm-up: the default link on the Ranges page (imports, first run)."""
    async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, open_timeout=30) as ws:
        out.append(await Session(ws).rerun("lang=en", page="uncertainty", timeout_s=120))


if __name__ == "__main__":
    sys.exit(main())
