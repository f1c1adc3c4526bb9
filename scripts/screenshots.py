"""Full-page screenshots of every page, in Chinese and English, for the default scenario and one
preset, plus the projection card, into docs/screenshots/.

    python scripts/screenshots.py [--out docs/screenshots] [--preset apparel_matrix] [--width 1440]
    python scripts/screenshots.py --width 390 --out /tmp/phone   # a phone's width, to look at

Starts ``streamlit run app.py`` on a free loopback port and drives Debian's Chromium. Streamlit
scrolls inside its main container, so each shot first grows the viewport to the content's
height, waits for the charts to redraw, then shoots. Look at every file afterwards: boxes
instead of Chinese characters, overlapping labels or empty charts are bugs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest_browser import (  # noqa: E402
    PHONE_CONTEXT,
    VIEWPORT,
    StreamlitServer,
    goto_app,
    launch_chromium,
    new_page,
)

PAGES = (("overview", ""), ("matrix", "matrix"), ("assumptions", "assumptions"))
# The planning pages built on the engine: shot once, for the default scenario in Chinese.
MORE_PAGES = (("budget", "budget"), ("uncertainty", "uncertainty"), ("compare", "compare"),
              ("calibrate", "calibrate"), ("glossary", "glossary"))
MAX_HEIGHT = 12_000  # px: a page taller than this is cut (and said so)

CHARTS_DRAWN_JS = """() => {
  const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const echarts = [...document.querySelectorAll('[data-testid="stEChartsChart"]')];
  return plots.every((c) => c.querySelector('.main-svg')) && echarts.every((c) => c.querySelector('canvas'));
}"""
CONTENT_HEIGHT_JS = """() => {
  // A collapsed sidebar (a phone's) is not drawn, but its squeezed content can be very tall.
  const open = document.querySelector('[data-testid="stSidebar"][aria-expanded="true"]');
  const parts = ['[data-testid="stMain"]', ...(open ? ['[data-testid="stSidebarContent"]', '[data-testid="stSidebar"]'] : [])];
  let h = document.documentElement.scrollHeight;
  for (const sel of parts) {
    const el = document.querySelector(sel);
    if (el) h = Math.max(h, el.scrollHeight);
  }
  return h;
}"""


def shoot(page, path: Path, viewport: dict) -> int:
    """Grow the viewport to the content, wait for the charts, save a full-page PNG."""
    page.wait_for_function(CHARTS_DRAWN_JS, timeout=30_000)
    height = viewport["height"]
    for _ in range(3):  # charts resize with the viewport, which can change the height again
        want = min(int(page.evaluate(CONTENT_HEIGHT_JS)) + 40, MAX_HEIGHT)
        if want <= height:
            break
        height = want
        page.set_viewport_size({"width": viewport["width"], "height": height})
        page.wait_for_timeout(400)
        page.wait_for_function(CHARTS_DRAWN_JS, timeout=30_000)
    page.wait_for_timeout(600)  # let the charts finish their transitions
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)
    return height


def _shrink(file: Path) -> None:
    """Keep the repository light: a page screenshot in 256 colours reads the same and is a
    fraction of the size."""
    from PIL import Image

    with Image.open(file) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(file, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--preset", default="apparel_matrix")
    parser.add_argument("--width", type=int, default=1440,
                        help="viewport width in px (600 or less: a phone in WeChat, with its user agent and touch)")
    parser.add_argument("--pages", nargs="*", help="only these pages (overview, matrix, budget, …)")
    args = parser.parse_args(argv)
    phone = args.width <= 600
    viewport = {"width": args.width, "height": VIEWPORT["height"] if not phone else 844}
    device = {k: v for k, v in PHONE_CONTEXT.items() if k != "viewport"} if phone else {}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    scenarios = (("default", ""), (args.preset, f"preset={args.preset}"))
    shots = [(lang, name, query, page_name, path) for lang in ("zh", "en") for name, query in scenarios
             for page_name, path in PAGES]
    shots += [("zh", "default", "", page_name, path) for page_name, path in MORE_PAGES]
    if args.pages:
        shots = [shot for shot in shots if shot[3] in args.pages]
    started = time.monotonic()
    written = []
    with StreamlitServer("app.py") as server, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for lang, name, query, page_name, path in shots:
                parts = [q for q in (query, "lang=en" if lang == "en" else "") if q]
                url = f"{server.url}/{path}" + ("?" + "&".join(parts) if parts else "")
                page = new_page(browser, **device)
                page.set_viewport_size(viewport)
                try:
                    goto_app(page, url, timeout_ms=60_000)
                    if page.locator("[data-testid='stException']").count():
                        print(f"!! {url}: the page shows an exception", file=sys.stderr)
                    file = out / f"{page_name}_{name}_{lang}.png"
                    height = shoot(page, file, viewport)
                    _shrink(file)
                    note = " (cut)" if height >= MAX_HEIGHT else ""
                    written.append(file)
                    print(f"{file}  {height}px tall{note}  ← {url}")
                finally:
                    page.context.close()

            # The projection card, downloaded through the overview's button like a user would.
            page = new_page(browser)
            try:
                goto_app(page, f"{server.url}/", timeout_ms=60_000)
                button = page.locator("[data-testid='stDownloadButton'] button").filter(has_text="下载预测图")
                button.scroll_into_view_if_needed()
                with page.expect_download(timeout=90_000) as info:
                    button.click()
                card = out / "card_zh.png"
                info.value.save_as(card)
                written.append(card)
                print(f"{card}  ← {info.value.suggested_filename}")
            finally:
                page.context.close()
        finally:
            browser.close()
    print(f"{len(written)} files in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
