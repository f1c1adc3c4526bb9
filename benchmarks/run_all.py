"""Run every benchmark of the project and write one Markdown report.

    python benchmarks/run_all.py                    # writes benchmarks/RESULTS.md
    python benchmarks/run_all.py --update-readme    # and puts it into README.md's performance section
    python benchmarks/run_all.py --quick            # fewer repeats, for a look (not for the README)

Each benchmark runs in its own process, one after the other, so none measures another's
imports or memory. The report starts with the machine it was measured on. Benchmarks print
their own targets and pass/fail; this script only gathers them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README_START, README_END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"

# (title, command, quick command); commands run from the repository root.
BENCHMARKS = (
    ("Engine: vectorised vs reference, default scenario, scaling", ["benchmarks/engine.py"],
     ["benchmarks/engine.py"]),
    ("Monte Carlo, tornado and elasticities", ["benchmarks/uncertainty.py"],
     ["benchmarks/uncertainty.py", "--repeats", "2"]),
    ("Budget optimiser against scipy", ["benchmarks/budget.py"], ["benchmarks/budget.py"]),
    ("App: slider rerun and cold load against an empty Streamlit app; projection card export",
     ["benchmarks/app_speed.py"], ["benchmarks/app_speed.py", "--changes", "10", "--loads", "3",
                                   "--cards", "2"]),
    ("The overview's parts: what each costs per slider move (strict measure), beside the floor and empty apps",
     ["benchmarks/overview_parts.py"], ["benchmarks/overview_parts.py", "--rounds", "2"]),
    ("The overview on a phone: WeChat at 390 × 844 with the CPU 4 × slower, charts folded and unfolded",
     ["benchmarks/overview_parts.py", "--phone"], ["benchmarks/overview_parts.py", "--phone", "--rounds", "2"]),
    ("One slider move on each page: the server's script run", ["benchmarks/page_reruns.py"],
     ["benchmarks/page_reruns.py", "--moves", "3"]),
    ("Many users: 20 concurrent sessions for 60 s, 1–3 s between moves", ["benchmarks/load.py"],
     ["benchmarks/load.py", "--seconds", "15"]),
    ("Stress: 20 sessions for 60 s, 0.2–0.8 s between moves (information)",
     ["benchmarks/load.py", "--think", "0.2,0.8"], ["benchmarks/load.py", "--seconds", "15", "--think", "0.2,0.8"]),
    ("Heavy links: the heaviest link with four seeds at once, server memory under 1 GiB",
     ["benchmarks/heavy_links.py"], ["benchmarks/heavy_links.py"]),
    ("First open: bytes over the wire per page, with the server's compression (target: overview ≤ 1.5 MB)",
     ["benchmarks/first_open.py"], ["benchmarks/first_open.py", "--pages", "overview"]),
    ("Hostile uploads: decompression bombs and over-wide rows refused, against openpyxl reading them",
     ["benchmarks/uploads.py"], ["benchmarks/uploads.py"]),
    ("Fuzz tests, larger and randomised (CI runs 60 examples with a fixed seed)",
     ["benchmarks/fuzz.py", "--examples", "500"], ["benchmarks/fuzz.py", "--examples", "100"]),
)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024**2:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores ({cpu}){mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; load average at start {load}")


def run(command: list[str]) -> tuple[str, float, int]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, *command], cwd=ROOT, capture_output=True, text=True,
                          timeout=1200)
    out = proc.stdout.strip()
    if proc.returncode != 0 and proc.stderr.strip():
        out += "\n\n```\n" + "\n".join(proc.stderr.strip().splitlines()[-15:]) + "\n```"
    return out, time.perf_counter() - started, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--update-readme", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args()
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    parts = [f"Measured {stamp} on {machine()}. Reproduce with `python benchmarks/run_all.py`."]
    worst = 0
    for title, full, quick in BENCHMARKS:
        command = quick if args.quick else full
        print(f"running {' '.join(command)} …", file=sys.stderr, flush=True)
        out, seconds, code = run(command)
        worst = max(worst, code)
        status = "" if code == 0 else f" (exit code {code}: a target was missed or it failed)"
        parts.append(f"### {title}\n\n`python {' '.join(command)}` — {seconds:.0f} s{status}\n\n{out}")
    report = "\n\n".join(parts) + "\n"
    Path(args.out).write_text(report, encoding="utf-8")
    print(report)
    if args.update_readme:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        body = f"{README_START}\n{report}{README_END}"
        pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.S)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no {README_START} … {README_END} section")
        readme.write_text(pattern.sub(lambda _: body, text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
