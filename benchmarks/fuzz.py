"""The fuzz tests, run larger and randomised: what CI runs with 60 examples and a fixed seed
(the classes found so far are kept as @example and run every time), here with --examples each
and a fresh seed.

    python benchmarks/fuzz.py [--examples 1000] [--seed N]

Prints, per property: examples run, failing examples, time; and the seed, so a failure found
here can be replayed (``--seed``) and then kept as an @example in its test.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("tests/planner/test_fuzz_links.py", "tests/planner/calibration/test_fuzz_files.py",
         "tests/planner/budget/test_budget_properties.py", "tests/planner/test_scenario_parsing.py",
         "tests/app/test_heavy_links.py", "tests/planner/cli/test_cli.py")
STAT = re.compile(r"^(tests/\S+::\S+):\s*$|(\d+) passing examples?, (\d+) failing examples?|generate phase \(([\d.]+) seconds\)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    env = {**os.environ, "HYPOTHESIS_PROFILE": "fuzz", "HYPOTHESIS_MAX_EXAMPLES": str(args.examples)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                           "--hypothesis-show-statistics", f"--hypothesis-seed={seed}", *FILES],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - started
    rows, current = [], None
    for line in done.stdout.splitlines():
        match = STAT.search(line.strip())
        if not match:
            continue
        if match.group(1):
            current = [match.group(1), None, None, None]
            rows.append(current)
        elif match.group(4) and current is not None and current[3] is None:
            current[3] = float(match.group(4))
        elif match.group(2) and current is not None and current[1] is None:
            current[1], current[2] = int(match.group(2)), int(match.group(3))
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-500:]
    lines = [
        f"Fuzz tests, {args.examples:,} examples per property, seed {seed} (replay: "
        f"`python benchmarks/fuzz.py --examples {args.examples} --seed {seed}`); explicit @example cases run too.",
        "",
        "| property | examples | failing | time |",
        "|---|---:|---:|---:|",
        *[f"| `{name.split('::')[1]}` ({name.split('::')[0].removeprefix('tests/')}) | {n if n is not None else '—'} | "
          f"{f if f is not None else '—'} | {f'{secs:.1f} s' if secs is not None else '—'} |"
          for name, n, f, secs in rows],
        "",
        f"pytest: {summary} (wall {wall:.0f} s)",
    ]
    if done.returncode != 0:
        failed = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
        lines += ["", "Failures (add each as an @example once fixed):", *[f"- {line}" for line in failed[:20]]]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
