"""What each part of the overview costs per slider move, next to the floor and empty apps.

    python benchmarks/overview_parts.py [--moves 4] [--rounds 4]

Issue 15 asks for the overview to settle within 2.5 × the empty app's time on the strict
measure of ``benchmarks/app_speed.py`` (a*): key press → the main area's last DOM change before
400 ms of quiet. This prints, for the overview as it is and with its parts taken away one after
another (the two charts, then the decomposition table, then the download buttons), that strict
time and the browser's own script time per move (Chrome's ``ScriptDuration``, read over the
moves), beside the floor app (``benchmarks/floor_app.py``: six sliders, the model, six KPI cards)
and the empty one (one slider, one metric). It says how far the page's content, and not the
planner's own code, keeps the overview from a target.

``--phone`` opens every app as WeChat on a phone does (390 × 844, touch, its user agent) with
the browser's CPU slowed 4 × (Chrome's CPU throttling, about a mid-range phone's speed against
this machine's core). A phone's overview folds its charts (``pages/overview.py``); one variant
unfolds them first.

A part is taken away by making its Streamlit calls draw nothing in that server only
(``benchmarks/without/sitecustomize.py``, chosen by ``PLANNER_BENCH_WITHOUT``): the page, the
model and everything else run as they are. The servers run side by side and each round moves
every app in turn, so a change in the machine's load weighs on all alike. Bounded: at most
``--rounds`` × ``--moves`` moves per app and app_speed's TOTAL_LIMIT_S in all; only loopback is contacted.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_speed import STRICT_RATIO_TARGET, TOTAL_LIMIT_S, Clock, SliderSession, machine  # noqa: E402

from planner.text import t  # noqa: E402
from tests.conftest_browser import PHONE_CONTEXT, StreamlitServer, act_and_wait, launch_chromium  # noqa: E402

WITHOUT_DIR = ROOT / "benchmarks" / "without"
# (name, script, parts drawn as nothing), the overview first and the empty app last
APPS: tuple[tuple[str, str, str], ...] = (
    ("overview", "app.py", ""),
    ("without the charts", "app.py", "charts"),
    ("without the charts and table", "app.py", "charts,table"),
    ("without the charts, table and downloads", "app.py", "charts,table,downloads"),
    ("floor app", "benchmarks/floor_app.py", ""),
    ("empty app", "benchmarks/empty_app.py", ""),
)
UNFOLDED = "overview, charts unfolded"
PHONE_APPS: tuple[tuple[str, str, str], ...] = (
    ("overview (charts folded)", "app.py", ""),
    (UNFOLDED, "app.py", ""),
    ("without the charts and table", "app.py", "charts,table"),
    ("empty app", "benchmarks/empty_app.py", ""),
)
PHONE_CPU_SLOWDOWN = 4


def browser_script_ms(cdp) -> float:
    """Chrome's running total of time spent running the page's JavaScript, in ms."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return 1000 * metrics["ScriptDuration"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moves", type=int, default=4, help="moves per app in each round")
    parser.add_argument("--rounds", type=int, default=4, help="rounds, every app moved in each")
    parser.add_argument("--phone", action="store_true",
                        help=f"as WeChat on a phone: 390 × 844, touch, its user agent, the CPU {PHONE_CPU_SLOWDOWN} × slower")
    args = parser.parse_args(argv)
    args.moves, args.rounds = max(1, min(args.moves, 20)), max(1, min(args.rounds, 10))

    from playwright.sync_api import sync_playwright

    clock = Clock(TOTAL_LIMIT_S)
    apps, context = (PHONE_APPS, PHONE_CONTEXT) if args.phone else (APPS, {})
    with contextlib.ExitStack() as stack, sync_playwright() as pw:
        servers = {name: stack.enter_context(StreamlitServer(
            script, env={"PYTHONPATH": str(WITHOUT_DIR), "PLANNER_BENCH_WITHOUT": without} if without else None))
            for name, script, without in apps}
        browser = launch_chromium(pw)
        try:
            sessions = {name: SliderSession(browser, server.url + "/", "invites", **context)
                        for name, server in servers.items()}
            cdp = {}
            for name, session in sessions.items():
                cdp[name] = session.page.context.new_cdp_session(session.page)
                if args.phone:
                    cdp[name].send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
                if name == UNFOLDED:
                    folded = session.page.get_by_text(t("overview.charts_folded", "zh"), exact=True)
                    act_and_wait(session.page, folded.click)
                    session.page.locator("[data-testid='stEChartsChart']").first.wait_for()
                session.strict_step()  # the first move loads what a move needs
                session.strict.clear()
                cdp[name].send("Performance.enable")
            script = dict.fromkeys(sessions, 0.0)
            for _ in range(args.rounds):
                for name, session in sessions.items():
                    clock.check()
                    before = browser_script_ms(cdp[name])
                    for _ in range(args.moves):
                        session.strict_step()
                    script[name] += browser_script_ms(cdp[name]) - before
            for session in sessions.values():
                session.close()
        finally:
            browser.close()

    moves = args.moves * args.rounds
    empty = statistics.median(sessions["empty app"].strict)
    print(f"Machine: {machine()}\n")
    where = (f"On a phone: 390 × 844, touch, WeChat's user agent, the browser's CPU {PHONE_CPU_SLOWDOWN} × slower. "
             if args.phone else "")
    print(f"{where}Strict measure (a*), median of {moves} moves in {args.rounds} rounds; target ≤ "
          f"{STRICT_RATIO_TARGET}× the empty app.\n")
    print("| app | strict (min–max) | × empty | browser script per move |")
    print("|---|---|---|---|")
    for name, session in sessions.items():
        times = session.strict
        median = statistics.median(times)
        print(f"| {name} | {median:,.0f} ms ({min(times):,.0f}–{max(times):,.0f}) | {median / empty:.2f}× "
              f"| {script[name] / moves:,.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
