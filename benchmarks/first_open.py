"""Bytes of a first open, per page, against one ``streamlit run app.py`` (app.py's st.App).

For each page: a first open in a fresh Chromium context with its cache disabled, counted from the
browser's network events (``tests/wire_bytes.py``: ``encodedDataLength``, what arrived on the
socket), once for the first visitor after the server started (gzip; brotli copies and the cut
font are made in the background after a file's first request) and once after the server has made
them. The decoded size is what the same responses hold uncompressed, i.e. what a server without
compression sends. Target (issue 15): the overview at most 1.5 MB over the wire. Pages are opened
in order on one server, so a later page's "first visitor" already finds the files it shares with
an earlier page (Plotly's bundle, say) compressed.

    python benchmarks/first_open.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.conftest_browser import StreamlitServer, launch_chromium  # noqa: E402
from tests.wire_bytes import first_open, wait_for_compact_copies  # noqa: E402

PAGES = {"overview": "/", "matrix": "/matrix", "budget": "/budget", "uncertainty": "/uncertainty"}
LINK = "invites=5000&cvr=0.03&aov=300&gdt=2000&accounts=2"
BUDGET_BYTES = 1_500_000


def mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated: " + ", ".join(PAGES))
    args = parser.parse_args()
    rows = []
    with StreamlitServer("app.py") as server, sync_playwright() as pw:
        browser = launch_chromium(pw)
        for name in args.pages.split(","):
            url = f"{server.url}{PAGES[name]}?{LINK}"
            cold = first_open(browser, url)
            ready = wait_for_compact_copies(cold.urls)
            warm = first_open(browser, url)
            rows.append((name, cold, warm, ready))
    print("| page | decoded (uncompressed) | first visitor after a start | every visitor after | "
          "after / decoded | responses | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, cold, warm, ready in rows:
        target = ""
        if name == "overview":
            target = ("PASS" if warm.http_bytes <= BUDGET_BYTES else "FAIL") + f" (≤ {mb(BUDGET_BYTES)})"
        note = "" if ready else " (copies not all ready)"
        print(f"| {name} | {mb(warm.decoded_bytes)} | {mb(cold.http_bytes)} | {mb(warm.http_bytes)}{note} | "
              f"{warm.http_bytes / warm.decoded_bytes:.2f} | {warm.requests} | {target} |")
    print("\nPages are opened in this order on one server: a later page's first visitor finds the files "
          "it shares with an earlier one already compressed.")


if __name__ == "__main__":
    main()
