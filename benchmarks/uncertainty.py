"""How long the uncertainty page's numbers take (``planner.uncertainty``), in this process.

    python benchmarks/uncertainty.py            # prints a Markdown table
    python benchmarks/uncertainty.py --strict   # exit 1 when a target is missed

Cases (each: the median of ``--repeats`` timed runs after one warm-up run):
(a) 1,000 draws of the default scenario (3 accounts, 90 days) with ranges on ten uncertain
    parameters: Monte Carlo plus the bands. Target < 300 ms.
(b) 10,000 draws of a 6-account, 90-day scenario (the apparel_matrix preset, with the same
    ranges): Monte Carlo plus the bands. Target < 3 s.
(c) The tornado and elasticities of every uncertain parameter (one engine call) for (a)'s and
    (b)'s scenarios, for information.
(d) (a) and (b) again with nothing set up: every uncertain parameter drawn from its default
    range (what the 区间 page and ``report --draws`` do by default), against the same draws with
    the ten ranges only (``defaults=False``), for information: the ratio is the cost of drawing
    every parameter.
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

from planner import uncertainty as U  # noqa: E402
from planner.params import BY_KEY  # noqa: E402
from planner.presets import PRESETS  # noqa: E402
from planner.scenario import UNCERTAIN_KEYS, Scenario  # noqa: E402

# ±30% around the point value on ten parameters, clipped to the registry's limits.
RANGED = ("cvr", "aov", "show", "fatigue", "lev_cap", "priv_mult", "capture", "repurchase", "ctr", "dwell")
SPAN = 0.3


def with_ranges(s: Scenario, draws: int) -> Scenario:
    ranges = {}
    for key in RANGED:
        p, x = BY_KEY[key], float(getattr(s, key))
        ranges[key] = (max(x * (1 - SPAN), p.min), min(x * (1 + SPAN), p.max))
    return s.replace(ranges=ranges, draws=draws, seed=1)


def timed(fn, repeats: int) -> float:
    fn()  # warm-up: imports, first allocations
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    default = with_ranges(Scenario(), 1_000)
    matrix = with_ranges(PRESETS["apparel_matrix"].scenario, 10_000)
    assert (matrix.accounts, matrix.days) == (6, 90)
    cases = [
        ("1,000 draws, default scenario (3 accounts × 90 days): Monte Carlo + bands",
         lambda: U.bands(U.monte_carlo(default)), 0.3),
        ("10,000 draws, 6 accounts × 90 days: Monte Carlo + bands",
         lambda: U.bands(U.monte_carlo(matrix)), 3.0),
        (f"tornado + elasticities, default scenario ({1 + 4 * len(UNCERTAIN_KEYS)} draws, one call)",
         lambda: U.sensitivity(default), None),
        (f"tornado + elasticities, 6 accounts × 90 days ({1 + 4 * len(UNCERTAIN_KEYS)} draws, one call)",
         lambda: U.sensitivity(matrix), None),
    ]
    bare = {"default": default.replace(ranges=()), "matrix": matrix.replace(ranges=())}
    pairs = [
        (f"1,000 draws, default scenario: every parameter at its default range ({len(UNCERTAIN_KEYS)}) "
         "vs the ten ranges only",
         lambda: U.bands(U.monte_carlo(bare["default"])), lambda: U.bands(U.monte_carlo(default, defaults=False))),
        ("10,000 draws, 6 accounts × 90 days: every parameter at its default range vs the ten ranges only",
         lambda: U.bands(U.monte_carlo(bare["matrix"])), lambda: U.bands(U.monte_carlo(matrix, defaults=False))),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {load} at the start; median of {args.repeats} runs after a warm-up.\n")
    print("| case | median | target | met |")
    print("|---|---:|---:|:---:|")
    missed = False
    for name, fn, target in cases:
        t = timed(fn, args.repeats)
        ok = target is None or t < target
        missed |= not ok
        target_text = "—" if target is None else f"< {target * 1000:,.0f} ms"
        print(f"| {name} | {t * 1000:,.0f} ms | {target_text} | {'—' if target is None else ('yes' if ok else 'NO')} |")
    print("\n| with nothing set up (information) | default ranges | ten ranges only | ratio |")
    print("|---|---:|---:|---:|")
    for name, every, ten in pairs:
        a, b = timed(every, args.repeats), timed(ten, args.repeats)
        print(f"| {name} | {a * 1000:,.0f} ms | {b * 1000:,.0f} ms | {a / b:.2f}× |")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
