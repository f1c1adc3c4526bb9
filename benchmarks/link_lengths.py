"""Share-link lengths: the short form (v= and what differs from the version's defaults) against
the full snapshot links held before (every parameter), for a typical five-key scenario and every
preset, with the QR code's side in modules (fewer modules scan at a smaller size).

Run: ``python benchmarks/link_lengths.py``. Issue 15 asks for at most 150 characters for a
typical link; ``tests/planner/test_link_versions.py`` holds that, this prints the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.link import QUERY_VERSION, format_value, to_query  # noqa: E402
from planner.params import PARAMS  # noqa: E402
from planner.presets import PRESETS  # noqa: E402
from planner.scenario import Scenario  # noqa: E402
from views.card import qr_matrix  # noqa: E402

BASE = "https://planner.example.com/?"


def full_snapshot(scenario: Scenario) -> str:
    """The link as the planner wrote it before short links: every parameter."""
    return f"v={QUERY_VERSION}&" + "&".join(f"{p.key}={format_value(p, getattr(scenario, p.key))}" for p in PARAMS)


def main() -> None:
    rows = [("typical (5 keys)", Scenario(invites=5000, cvr=0.008, aov=300, beans=2000, accounts=2))]
    rows += [(name, preset.scenario) for name, preset in PRESETS.items()]
    print(f"{'link':<18}{'full':>6}{'short':>7}{'ratio':>7}{'QR full':>9}{'QR short':>10}")
    for name, scenario in rows:
        full, short = BASE + full_snapshot(scenario), BASE + to_query(scenario)
        print(f"{name:<18}{len(full):>6}{len(short):>7}{len(short) / len(full):>7.2f}"
              f"{len(qr_matrix(full)):>9}{len(qr_matrix(short)):>10}")


if __name__ == "__main__":
    main()
