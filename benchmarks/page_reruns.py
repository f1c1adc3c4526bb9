"""What one slider move costs the server on each page: the script's whole run, as Streamlit runs it
(through AppTest, in this process, no browser), after the page is open and warm.

    python benchmarks/page_reruns.py              # prints a Markdown table
    python benchmarks/page_reruns.py --moves 8

Each page is opened once, then the headline 私域邀约量 slider is moved ``--moves`` times to values
not seen before, so every move misses the scenario caches as a meeting's moves do. The figure is
the median run; "× overview" compares it with the overview measured the same way in the same
process. Under many sessions the server's cores are shared: a page whose move costs 1 s of a core
is what made the load test's reruns queue (``benchmarks/load.py``, the per-page table).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

# Every page of the app (a new page is measured without being listed here), the overview first: the
# ratios are to it.
PAGES = ("overview", *sorted(path.stem for path in (ROOT / "pages").glob("*.py") if path.stem != "overview"))
FIRST_INVITES = 6_000  # the moves go 6,000, 6,100, … 私域邀约 a session: values no cache has seen


def move_times(page: str, moves: int, start: int) -> list[float]:
    """Seconds of each of ``moves`` slider moves on ``page`` (after one warm-up move)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    times = []
    for i in range(moves + 1):
        at.slider(key="invites").set_value(start + 100 * i)
        began = time.perf_counter()
        at.run()
        if i:  # the first move also imports what only this page uses
            times.append(time.perf_counter() - began)
        if at.exception:
            raise SystemExit(f"{page}: the page failed: {at.exception[0].value}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=8, help="timed slider moves per page (default 8)")
    args = parser.parse_args()
    if args.moves < 1:
        parser.error(f"--moves must be at least 1, not {args.moves}")
    rows, started = [], time.perf_counter()
    for n, page in enumerate(PAGES):
        times = move_times(page, args.moves, FIRST_INVITES + 10_000 * n)
        rows.append((page, statistics.median(times), min(times), max(times)))
    overview = rows[0][1]
    print(f"One slider move per page, the server's script run through AppTest: median of {args.moves} moves; "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, Python {platform.python_version()}.\n")
    print("| page | median | min–max | × overview |\n|---|---:|---:|---:|")
    for page, median, low, high in sorted(rows, key=lambda r: -r[1]):
        print(f"| {page} | {median * 1e3:,.0f} ms | {low * 1e3:,.0f}–{high * 1e3:,.0f} ms | {median / overview:.2f}× |")
    print(f"\n(wall time {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
