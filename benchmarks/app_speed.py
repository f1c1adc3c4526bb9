"""How fast the planner feels, next to an empty Streamlit app with the same slider.

    python benchmarks/app_speed.py            # prints a Markdown table
    python benchmarks/app_speed.py --strict   # exit 1 when a target is missed

Both apps are served by ``streamlit run`` on 127.0.0.1 and driven by headless Chromium
(/usr/bin/chromium through Playwright). Measured in the page's own clock (performance.now()):

(a) slider change → redrawn: from the keydown on the ``invites`` slider thumb (ArrowRight, one
    step, a new value every time so no cache can answer) until the rerun it caused has finished,
    no element is stale and two animation frames have passed; median over ``--changes``. The
    run's start and end are read from the app's own WebSocket messages, which also splits the
    time into: key → run started, the script's run on the server, finished → painted.
(a*) the strict measure of issue 15: from the key press until the main area (not the sidebar,
    where the slider itself moves) has had no DOM change for 400 ms, the time to its last
    change; median of 8 moves (``--moves`` 4 per app in each of 2 rounds, the apps alternating).
    Anything that redraws late (a chart that remounts, a component that loads lazily, a table
    that re-lays out) counts, which (a)'s "run finished and painted" does not see.
(b) page load → KPIs visible: from navigation start in a fresh browser context (new session,
    empty HTTP cache) until the first run has finished and the first ``st.metric`` is visible;
    median over ``--loads``. The very first load after the server starts (module imports) is
    shown too, for information.
(b″) the same with a warm HTTP cache: a new page (a new Streamlit session) in a browser
    context that has opened the app before, as when a colleague opens a second link; information.
(c) projection card export (``views.card.projection_card_png``) in this process: the first
    call, which starts Kaleido's Chromium, and the median of the calls after it.

A third app, ``benchmarks/floor_app.py``, is measured beside them for information: the six
headline sliders, the same cached model call and the six KPI cards, nothing else. It is the
least an overview with our numbers can cost on Streamlit, and says how much of our time is the
page's content (charts, table, grouped controls) and how much is any page that runs the model.

The servers run side by side and the measurements alternate between the apps, so a machine
whose load changes during the run (a shared CI box) weighs on all alike.

Targets: (a*) at most 2.5 × the empty app (issue 15; stretch 1.5 ×), (a) and (b) at most 1.5 ×. (c) has no target from the brief; ours are
10 s cold and 1 s warm. Every loop is bounded in count and time; only loopback is contacted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest_browser import (  # noqa: E402
    StreamlitServer,
    launch_chromium,
    new_page,
    runs_started,
    slider_input,
)

RATIO_TARGET = 1.5
STRICT_RATIO_TARGET = 2.5  # issue 15: ≤ 2.5× the empty app on the strict measure (stretch 1.5×)
CARD_COLD_TARGET_S = 10.0
CARD_WARM_TARGET_S = 1.0
TOTAL_LIMIT_S = 600  # the whole benchmark gives up after this
STEP_TIMEOUT_MS = 30_000

KEY_CLOCK_JS = """
() => {
  if (!window.__keyAt) {
    window.__keyAt = 0;
    document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, true);
  }
}
"""
# Resolves with performance.now() once the run that started after `before` has finished,
# nothing is stale, and two frames have been painted.
REDRAWN_JS = """
async ([before, sel]) => {
  const deadline = performance.now() + 30000;
  const done = () => {
    const st = window.__stRuns;
    return st && st.started > before && !st.running && document.querySelector(sel)
      && !document.querySelector('[data-stale="true"]');
  };
  while (!done()) {
    if (performance.now() > deadline) throw new Error('no rerun finished within 30 s');
    await new Promise((r) => requestAnimationFrame(r));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now();
}
"""
LOADED_JS = """
async (sel) => {
  const deadline = performance.now() + 60000;
  const done = () => {
    const st = window.__stRuns;
    const metric = document.querySelector('[data-testid="stMetric"]');
    return st && st.started > 0 && !st.running && document.querySelector(sel)
      && metric && metric.getBoundingClientRect().height > 0;
  };
  while (!done()) {
    if (performance.now() > deadline) throw new Error('the app did not finish loading within 60 s');
    await new Promise((r) => requestAnimationFrame(r));
  }
  return performance.now();
}
"""
# The strict measure of issue 15: every DOM change in the main area (not the sidebar, where the
# slider itself moves) is timed; a move has settled once the main area has not changed for
# SETTLE_MS, and its time is from the key press to the last change before that.
SETTLE_MS = 400
MAIN_CHANGES_JS = """
() => {
  if (window.__mainObserver) return;
  window.__mainLast = 0;
  const main = document.querySelector('[data-testid="stMain"]');
  window.__mainObserver = new MutationObserver(() => { window.__mainLast = performance.now(); });
  window.__mainObserver.observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
}
"""
SETTLED_JS = """
async ([keyAt, settle]) => {
  const deadline = performance.now() + 30000;
  while (true) {
    const now = performance.now();
    if (now > deadline) throw new Error('the main area did not settle within 30 s');
    const last = window.__mainLast;
    if (last > keyAt && now - last >= settle && window.__stRuns && !window.__stRuns.running) return last - keyAt;
    await new Promise((r) => setTimeout(r, 20));
  }
}
"""
APP_IDLE = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"


class OutOfTime(RuntimeError):
    pass


class Clock:
    def __init__(self, limit_s: float):
        self.deadline = time.monotonic() + limit_s

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise OutOfTime(f"benchmark exceeded {TOTAL_LIMIT_S} s")


def machine() -> str:
    """The machine (shared with run_all.py), plus the Streamlit and Chromium that were measured."""
    from run_all import machine as describe  # benchmarks/ is on sys.path when run as a script

    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        chromium = "chromium ?"
    import streamlit

    return f"{describe()}; streamlit {streamlit.__version__}; {chromium}"


def print_phases(results: dict, key: str, intro: str, heads: tuple[str, ...]) -> None:
    """A table of each app's median time per phase of ``results[app][key]``."""
    print(f"\n{intro}\n")
    print("| app | " + " | ".join(heads) + " |")
    print("|---" * (len(heads) + 1) + "|")
    for name, label in (("ours", "our app"), ("floor", "floor app"), ("empty", "empty app")):
        cols = zip(*results[name][key], strict=True)
        print(f"| {label} | " + " | ".join(ms(statistics.median(c)) for c in cols) + " |")


def load_once(browser, url: str, phases: list | None = None, context=None) -> float:
    """Navigation start → first run finished and a KPI visible, in ms, in a fresh context (or
    in a new page of ``context``, whose HTTP cache is warm); appends (navigation → first run
    started, first run started → runs finished, finished → KPI visible) to ``phases``."""
    page = context.new_page() if context is not None else new_page(browser)
    try:
        page.goto(url, wait_until="commit", timeout=60_000)
        shown_at = float(page.evaluate(LOADED_JS, APP_IDLE))
        first_at, done_at = (float(x) for x in page.evaluate("() => [window.__stRuns.firstAt, window.__stRuns.doneAt]"))
        if phases is not None:
            phases.append((first_at, done_at - first_at, shown_at - done_at))
        return shown_at
    finally:
        page.close() if context is not None else page.context.close()


class SliderSession:
    """One open page of an app whose ``key`` slider is moved one step right at a time (``context``:
    the browser context's options, e.g. a phone's)."""

    def __init__(self, browser, url: str, key: str, **context):
        self.key = key
        self.page = new_page(browser, **context)
        self.page.goto(url, wait_until="commit", timeout=60_000)
        self.page.evaluate(LOADED_JS, APP_IDLE)
        self.page.evaluate(KEY_CLOCK_JS)
        self.thumb = slider_input(self.page, key)
        self.thumb.focus()
        self.start = int(self.thumb.input_value())
        self.times: list[float] = []
        self.strict: list[float] = []
        self.phases: list[tuple[float, float, float]] = []

    def step(self) -> None:
        """One change: ms from keydown to redrawn, and its phases (key → run started,
        run started → script finished, finished → painted)."""
        page = self.page
        self.thumb.focus()
        before = runs_started(page)
        page.keyboard.press("ArrowRight")
        done_at = float(page.evaluate(REDRAWN_JS, [before, APP_IDLE]))
        marks = page.evaluate("() => [window.__keyAt, window.__stRuns.startedAt, window.__stRuns.doneAt]")
        key_at, started_at, finished_at = (float(x) for x in marks)
        self.times.append(done_at - key_at)
        self.phases.append((started_at - key_at, finished_at - started_at, done_at - finished_at))

    def strict_step(self) -> None:
        """One change, timed strictly: key press → the main area's last DOM change before it
        stayed unchanged for SETTLE_MS."""
        page = self.page
        page.evaluate(MAIN_CHANGES_JS)
        self.thumb.focus()
        page.wait_for_timeout(50)
        page.keyboard.press("ArrowRight")
        key_at = float(page.evaluate("() => window.__keyAt"))
        self.strict.append(float(page.evaluate(SETTLED_JS, [key_at, SETTLE_MS])))

    def close(self) -> None:
        end = int(self.thumb.input_value())
        url = self.page.url
        self.page.context.close()
        if end <= self.start:
            raise RuntimeError(f"the slider did not move ({self.start} → {end})")
        if f"{self.key}={end}" not in url:
            raise RuntimeError(f"the URL did not follow the slider: {url}")


def measure_card(calls: int, clock: Clock) -> tuple[float, list[float]]:
    """(first call, later calls) of projection_card_png in seconds."""
    from planner.engine import simulate
    from planner.link import from_query, to_query
    from views.card import projection_card_png

    scenario, _ = from_query("invites=5000&cvr=0.03&aov=300&gdt=2000&accounts=2")
    url = "http://127.0.0.1:8501/?" + to_query(scenario, lang="zh")
    times = []
    for i in range(calls + 1):
        clock.check()
        proj = simulate(scenario.replace(invites=5000 + 100 * i))
        t0 = time.perf_counter()
        png = projection_card_png(proj, url, "zh")
        times.append(time.perf_counter() - t0)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return times[0], times[1:]


def ms(x: float) -> str:
    return f"{x:,.0f} ms"


def spread(xs: list[float]) -> str:
    return f"{ms(statistics.median(xs))} ({ms(min(xs))}–{ms(max(xs))})"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", default="app.py", help="the app script, relative to the repo")
    parser.add_argument("--baseline", default="benchmarks/empty_app.py")
    parser.add_argument("--floor", default="benchmarks/floor_app.py", help="the KPI-only floor app")
    parser.add_argument("--changes", type=int, default=12, help="slider changes per app (>= 10)")
    parser.add_argument("--moves", type=int, default=4, help="strict moves per app in each of 2 rounds")
    parser.add_argument("--loads", type=int, default=5, help="fresh page loads per app")
    parser.add_argument("--cards", type=int, default=5, help="warm card exports")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    args.changes = max(10, min(args.changes, 100))
    args.loads = max(1, min(args.loads, 20))
    args.cards = max(1, min(args.cards, 20))
    if not (ROOT / args.app).exists():
        print(f"{args.app} does not exist yet: nothing to measure.", file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    clock = Clock(TOTAL_LIMIT_S)
    names = ("ours", "floor", "empty")
    results: dict[str, dict] = {name: {"loads": [], "warm": [], "slider": [], "strict": [], "phases": [],
                                       "load_phases": []}
                                for name in names}
    # Both servers run at once and the measurements alternate between them, so a change in
    # the machine's load during the run weighs on both apps alike.
    with (StreamlitServer(args.app) as ours, StreamlitServer(args.floor) as floor,
          StreamlitServer(args.baseline) as empty, sync_playwright() as pw):
        urls = {"ours": ours.url + "/", "floor": floor.url + "/", "empty": empty.url + "/"}
        browser = launch_chromium(pw)
        try:
            for name in names:  # the first load after a server starts pays for its imports
                results[name]["first"] = load_once(browser, urls[name])
            for _ in range(args.loads):
                for name in names:
                    clock.check()
                    results[name]["loads"].append(load_once(browser, urls[name], results[name]["load_phases"]))
            warm = {name: new_page(browser).context for name in names}  # one context per app
            for name in names:
                load_once(browser, urls[name], context=warm[name])  # fills its HTTP cache
            for _ in range(args.loads):
                for name in names:
                    clock.check()
                    results[name]["warm"].append(load_once(browser, urls[name], context=warm[name]))
            for context in warm.values():
                context.close()
            sessions = {name: SliderSession(browser, urls[name], "invites") for name in names}
            for _ in range(args.changes):
                for name in names:
                    clock.check()
                    sessions[name].step()
            for _ in range(2):  # the strict measure: 2 rounds, the apps alternating, --moves each
                for name in names:
                    for _ in range(args.moves):
                        clock.check()
                        sessions[name].strict_step()
            for name in names:
                results[name]["strict"] = sessions[name].strict
                results[name]["slider"] = sessions[name].times
                results[name]["phases"] = sessions[name].phases
                sessions[name].close()
        finally:
            browser.close()
    card_cold, card_warm = measure_card(args.cards, clock)

    ours, floor, empty = results["ours"], results["floor"], results["empty"]

    def ratio(app: dict, key: str) -> float:
        return statistics.median(app[key]) / statistics.median(empty[key])

    slider_ratio, load_ratio = ratio(ours, "slider"), ratio(ours, "loads")
    strict_ratio = ratio(ours, "strict")
    first_ratio = ours["first"] / empty["first"]
    warm = statistics.median(card_warm)
    rows = [
        (f"(a*) strict: key press → the main area's last DOM change before {SETTLE_MS} ms of quiet, "
         f"median of {2 * args.moves} in 2 alternating rounds (min–max)",
         spread(ours["strict"]), spread(empty["strict"]), f"{strict_ratio:.2f}×", f"≤ {STRICT_RATIO_TARGET}×",
         verdict(strict_ratio <= STRICT_RATIO_TARGET)),
        ("floor app: (a*) strict (information)",
         spread(floor["strict"]), spread(empty["strict"]), f"{ratio(floor, 'strict'):.2f}×", "—", "info"),
        (f"(a) slider change → overview redrawn, median of {args.changes} (min–max)",
         spread(ours["slider"]), spread(empty["slider"]), f"{slider_ratio:.2f}×", f"≤ {RATIO_TARGET}×",
         verdict(slider_ratio <= RATIO_TARGET)),
        (f"(b) page load → KPIs visible, fresh session, median of {args.loads} (min–max)",
         spread(ours["loads"]), spread(empty["loads"]), f"{load_ratio:.2f}×", f"≤ {RATIO_TARGET}×",
         verdict(load_ratio <= RATIO_TARGET)),
        ("(b′) first load after the server started (imports; information)",
         ms(ours["first"]), ms(empty["first"]), f"{first_ratio:.2f}×", "—", "info"),
        (f"(b″) page load → KPIs visible, warm HTTP cache, new session, median of {args.loads} (information)",
         spread(ours["warm"]), spread(empty["warm"]), f"{ratio(ours, 'warm'):.2f}×", "—", "info"),
        ("floor app (six sliders, the model, six KPI cards): (a) slider change (information)",
         spread(floor["slider"]), spread(empty["slider"]), f"{ratio(floor, 'slider'):.2f}×", "—", "info"),
        ("floor app: (b) page load, fresh session (information)",
         spread(floor["loads"]), spread(empty["loads"]), f"{ratio(floor, 'loads'):.2f}×", "—", "info"),
        ("(c) card export, first call (starts Kaleido + Chromium)",
         f"{card_cold:.2f} s", "—", "—", f"≤ {CARD_COLD_TARGET_S:.0f} s (ours)",
         verdict(card_cold <= CARD_COLD_TARGET_S)),
        (f"(c) card export, warm, median of {args.cards} (min–max)",
         f"{warm:.2f} s ({min(card_warm):.2f}–{max(card_warm):.2f} s)", "—", "—",
         f"≤ {CARD_WARM_TARGET_S:.0f} s (ours)", verdict(warm <= CARD_WARM_TARGET_S)),
    ]
    print(f"Machine: {machine()}\n")
    print("| measure | our app | empty app | ratio | target | result |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print_phases(results, "phases",
                 "Where a slider change's time goes (medians): key → run started (widget debounce, "
                 "WebSocket) · run started → script finished (server) · finished → painted (browser):",
                 ("key → run started", "script run", "finished → painted"))
    print_phases(results, "load_phases",
                 "Where a fresh page load's time goes (medians): navigation → first run started (HTML, "
                 "JavaScript, WebSocket) · first run started → runs finished (server, including any "
                 "st.rerun) · finished → KPI visible (browser):",
                 ("navigation → run started", "runs", "finished → KPI visible"))
    failed = [row[0] for row in rows if row[-1] == "FAIL"]
    targets = [row for row in rows if row[-1] != "info"]
    print(f"\nTargets met: {len(targets) - len(failed)} of {len(targets)}"
          + (f"; missed: {'; '.join(failed)}" if failed else "") + ".")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
