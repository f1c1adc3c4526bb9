"""The app in a real browser: what only a browser shows.

One ``streamlit run app.py`` server per module on a free loopback port, driven by Debian's
Chromium through Playwright's sync API (the harness is in ``tests/conftest_browser.py``).
Every assertion waits for the rerun its action caused to finish first, as Streamlit's own
e2e suite does. The numbers on the page are checked against the CLI's JSON for the same link,
formatted with the same ``planner.fmt`` functions. Run them alone with ``-m browser``.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from planner.link import from_query
from planner.report import DAILY_KEYS, daily_headers
from planner.text import t
from tests.app.kpis import KPI_LABELS, kpi_texts
from tests.conftest_browser import (
    ROOT,
    RUN_TIMEOUT_MS,
    act_and_wait,
    goto_app,
    metrics,
    slider_input,
    wait_for_rerun_after,
)

pytestmark = pytest.mark.browser

LINK = "invites=5000&cvr=0.03&aov=300&gdt=2000&accounts=2"
HOSTILE = "invites=abc&zzz=<script>alert(1)</script>&cvr=nan"
NAV = {"zh": ("总览", "矩阵", "假设"), "en": ("Overview", "Matrix", "Assumptions")}


# --- helpers ----------------------------------------------------------------------------------

def cli_totals(query: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "planner", "report", query, "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["totals"]


def expected_kpis(query: str, lang: str) -> dict[str, str]:
    return kpi_texts(cli_totals(query), lang)


def page_kpis(page, lang: str) -> dict[str, str]:
    # st.metric's component is loaded lazily: the run can be over before it is drawn.
    page.wait_for_function(
        "(labels) => { const shown = [...document.querySelectorAll('[data-testid=stMetricLabel]')]"
        ".map((e) => e.innerText.trim()); return labels.every((l) => shown.includes(l)); }",
        arg=list(KPI_LABELS[lang]), timeout=15_000)
    shown = metrics(page)
    missing = [label for label in KPI_LABELS[lang] if label not in shown]
    assert not missing, f"KPIs {missing} not on the page; metrics shown: {shown}"
    return {label: shown[label] for label in KPI_LABELS[lang]}


def query_of(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def model_query(url: str) -> str:
    """The query of a page URL without the app's own keys, for the CLI."""
    return "&".join(f"{k}={v}" for k, v in query_of(url).items() if k not in ("lang", "page"))


def assert_scenario(url: str, expected: dict[str, str]) -> None:
    q = query_of(url)
    for key, value in expected.items():
        assert q.get(key) == value, f"{key}={value} expected in {url}"


def nav_link(page, title: str):
    return page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first


def open_page(page, title: str, path_end: str) -> None:
    """Click the sidebar link ``title`` and wait until the address shows the page (its path ends
    in ``path_end``; "" for the overview) and its run has finished. A run of the page being left
    may still be finishing when the link is clicked (a busy machine), so the first finished run
    is not always the new page's."""
    def arrived(url: str) -> bool:
        path = urlsplit(url).path.rstrip("/")
        return path.endswith(path_end) if path_end else path in ("", "/")

    act_and_wait(page, lambda: nav_link(page, title).click())
    page.wait_for_url(arrived, timeout=RUN_TIMEOUT_MS)
    wait_for_rerun_after(page, 0)


def download(page, label: str):
    button = page.locator("[data-testid='stDownloadButton'] button").filter(has_text=label)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=90_000) as info:
        button.click()
    return info.value


LINK_PARAMS = dict(p.split("=") for p in LINK.split("&"))


# --- tests ------------------------------------------------------------------------------------

def test_share_link_shows_the_clis_numbers(server, page):
    goto_app(page, f"{server.url}/?{LINK}")
    assert page_kpis(page, "zh") == expected_kpis(LINK, "zh")
    assert_scenario(page.url, LINK_PARAMS)
    assert page.locator("[data-testid='stException']").count() == 0

    # The full share link (in a code block under 复制分享链接) reopens the same scenario.
    page.get_by_text("复制分享链接", exact=True).first.click()  # a popover: no rerun
    code = page.locator("[data-testid='stCode'] code").filter(has_text="v=2").first
    code.wait_for()
    share = code.inner_text().strip()
    shared, notices = from_query(share)
    assert not notices
    linked, _ = from_query(LINK)
    assert shared == linked
    assert share.startswith("http")


def test_keyboard_on_a_slider_moves_the_url_and_the_numbers(server, page):
    goto_app(page, f"{server.url}/?{LINK}")
    before = page_kpis(page, "zh")
    thumb = slider_input(page, "invites")
    assert thumb.input_value() == "5000"
    thumb.focus()
    act_and_wait(page, lambda: page.keyboard.press("ArrowRight"))
    assert thumb.input_value() == "5100"
    assert_scenario(page.url, {**LINK_PARAMS, "invites": "5100"})
    after = page_kpis(page, "zh")
    assert after != before
    assert after == expected_kpis(model_query(page.url), "zh")


def test_pages_reload_and_back_keep_the_scenario(server, page):
    goto_app(page, f"{server.url}/?{LINK}")
    expected = expected_kpis(LINK, "zh")

    open_page(page, NAV["zh"][1], "/matrix")
    assert_scenario(page.url, LINK_PARAMS)

    open_page(page, NAV["zh"][2], "/assumptions")
    assert_scenario(page.url, LINK_PARAMS)

    open_page(page, NAV["zh"][0], "")
    assert_scenario(page.url, LINK_PARAMS)
    assert page_kpis(page, "zh") == expected

    act_and_wait(page, lambda: page.reload(wait_until="domcontentloaded"))
    assert_scenario(page.url, LINK_PARAMS)
    assert page_kpis(page, "zh") == expected

    act_and_wait(page, lambda: page.go_back(wait_until="commit"))  # back to assumptions
    assert urlsplit(page.url).path.rstrip("/").endswith("/assumptions")
    assert_scenario(page.url, LINK_PARAMS)
    act_and_wait(page, lambda: page.go_back(wait_until="commit"))  # and to matrix
    assert urlsplit(page.url).path.rstrip("/").endswith("/matrix")
    assert_scenario(page.url, LINK_PARAMS)
    act_and_wait(page, lambda: page.go_forward(wait_until="commit"))
    act_and_wait(page, lambda: page.go_forward(wait_until="commit"))  # overview again
    assert_scenario(page.url, LINK_PARAMS)
    assert page_kpis(page, "zh") == expected


def test_back_undoes_a_language_switch_and_a_new_baseline_and_forward_redoes_them(server, page):
    """Each adds an entry to the browser's history (the script writes lang= or base=); Back now
    goes to that entry's language and baseline instead of the script writing them straight back."""
    goto_app(page, f"{server.url}/?{LINK}")
    english = page.locator(".st-key-lang_switch [role='radiogroup'] label").filter(has_text="English").first
    act_and_wait(page, lambda: english.click())
    act_and_wait(page, lambda: page.get_by_role("button", name=t("baseline.set", "en")).click())
    assert query_of(page.url).get("base") and page.get_by_text(t("baseline.is_current", "en")).is_visible()

    act_and_wait(page, lambda: page.go_back(wait_until="commit"))  # before the baseline, in English
    assert "base" not in query_of(page.url) and query_of(page.url).get("lang") == "en"
    assert page.get_by_text(t("baseline.none", "en")).is_visible()
    assert page.get_by_role("button", name=t("baseline.clear", "en")).is_disabled()
    act_and_wait(page, lambda: page.go_back(wait_until="commit"))  # before the switch: Chinese
    assert "lang" not in query_of(page.url)
    assert page.get_by_role("heading", name=t("overview.title", "zh")).is_visible()
    assert_scenario(page.url, LINK_PARAMS)
    assert page_kpis(page, "zh") == expected_kpis(LINK, "zh")

    act_and_wait(page, lambda: page.go_forward(wait_until="commit"))
    assert query_of(page.url).get("lang") == "en"
    assert page_kpis(page, "en") == expected_kpis(LINK, "en")
    act_and_wait(page, lambda: page.go_forward(wait_until="commit"))  # the baseline again
    assert query_of(page.url).get("base") and page.get_by_text(t("baseline.is_current", "en")).is_visible()


def test_language_switch_to_english(server, page):
    goto_app(page, f"{server.url}/?{LINK}")
    switch = page.locator(".st-key-lang_switch [role='radiogroup'] label")
    assert [label.inner_text().strip() for label in switch.all()] == ["中文", "English"]  # not zh / en
    radio = switch.filter(has_text="English").first
    act_and_wait(page, lambda: radio.click())
    assert query_of(page.url).get("lang") == "en"
    assert_scenario(page.url, LINK_PARAMS)
    assert page_kpis(page, "en") == expected_kpis(LINK, "en")
    for title in NAV["en"]:
        assert nav_link(page, title).is_visible()
    assert page.get_by_text("Copy share link", exact=True).first.is_visible()
    # The switch is bound to the link by hand (views.language): lang=en survives a change of page,
    # which drops the query keys no widget is bound to, and switching back removes it.
    open_page(page, "Matrix", "/matrix")
    page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'en'", timeout=15_000)
    assert_scenario(page.url, LINK_PARAMS)
    assert page.get_by_role("heading", name="Matrix").first.is_visible()
    act_and_wait(page, lambda: switch.filter(has_text="中文").first.click())
    assert "lang" not in query_of(page.url)
    assert nav_link(page, "矩阵").is_visible()


def test_download_projection_card(server, page):
    from PIL import Image

    from views.card import CARD_HEIGHT, CARD_SCALE, CARD_WIDTH

    goto_app(page, f"{server.url}/?{LINK}")
    png = download(page, "下载预测图").path().read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(png)) as img:
        assert img.format == "PNG"
        assert img.size == (CARD_WIDTH * CARD_SCALE, CARD_HEIGHT * CARD_SCALE)


def camera_icon(canvas, corner: int = 60) -> tuple[float, float]:
    """Where the toolbox's camera is drawn: the middle of the non-white pixels in the canvas's
    top-right corner (the chart's title and legend are on the left)."""
    from PIL import Image

    box = canvas.bounding_box()
    shot = canvas.page.screenshot(clip={"x": box["x"] + box["width"] - corner, "y": box["y"],
                                        "width": corner, "height": corner})
    with Image.open(io.BytesIO(shot)) as img:
        gray = img.convert("L")
        inked = [(x, y) for x in range(gray.width) for y in range(gray.height) if gray.getpixel((x, y)) < 200]
    assert inked, "no camera icon in the chart's top-right corner"
    xs, ys = zip(*inked, strict=True)
    scale = gray.width / corner
    return (box["width"] - corner + (min(xs) + max(xs)) / 2 / scale, (min(ys) + max(ys)) / 2 / scale)


def test_each_overview_charts_camera_saves_a_2x_png_named_after_it(server, page):
    """The ECharts toolbox camera (top right of each chart) downloads the chart as a PNG at
    twice its size on screen, under the chart's meaningful name."""
    from datetime import date

    from PIL import Image

    from views.charts import chart_filename

    goto_app(page, f"{server.url}/?{LINK}")
    charts = page.locator("[data-testid='stEChartsChart']")
    charts.nth(1).locator("canvas").first.wait_for()
    assert charts.count() == 2
    for i, name in enumerate(("daily_gmv", "traffic_mix")):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        canvas = chart.locator("canvas").first
        box = canvas.bounding_box()
        x, y = camera_icon(canvas)
        with page.expect_download(timeout=30_000) as info:
            canvas.click(position={"x": x, "y": y})
        dl = info.value
        assert dl.suggested_filename == chart_filename("overview", name, "zh", date.today().isoformat()) + ".png"
        with Image.open(dl.path()) as img:
            assert img.format == "PNG"
            assert img.size == (round(2 * box["width"]), round(2 * box["height"]))
            colours = img.convert("RGB").getcolors(maxcolors=1 << 20)
            assert colours is not None and len(colours) > 20  # drawn, not blank


def test_download_daily_csv(server, page):
    goto_app(page, f"{server.url}/?{LINK}")
    dl = download(page, "下载日报 CSV")
    assert dl.suggested_filename.endswith(".csv")
    text = dl.path().read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    # The link it came from on the first line: the page's own share link, which opens the same scenario.
    assert rows[0][0] == t("export.link_label", "zh") and rows[0][1].startswith(server.url)
    assert from_query(rows[0][1])[0] == from_query(LINK)[0]
    assert rows[1] == daily_headers("zh")
    body, total = rows[2:-1], rows[-1]
    days = from_query(LINK)[0].days
    assert len(body) == days
    assert [int(r[0]) for r in body] == list(range(1, days + 1))
    gmv_col = DAILY_KEYS.index("gmv")
    assert total[0] == t("export.total", "zh")
    assert float(total[gmv_col]) == pytest.approx(sum(float(r[gmv_col]) for r in body), abs=0.01)
    assert float(total[gmv_col]) == pytest.approx(cli_totals(LINK)["gmv"], abs=0.005 * days)  # cells to 0.01 元


def test_hostile_link_is_named_and_inert(server, page):
    goto_app(page, f"{server.url}/?{HOSTILE}")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stMain'] [data-testid='stAlert']").first.is_visible()
    # The notices: visible text naming each bad key (the script tag shown as text).
    blocks = page.locator("[data-testid='stMain'] :is([data-testid='stAlert'], [data-testid='stCode'], "
                          "[data-testid='stMarkdownContainer'])")
    text = "\n".join(b.inner_text() for b in blocks.all() if b.is_visible())
    for key in ("invites=abc", "zzz=<script>alert(1)</script>", "cvr=nan"):
        assert key in text, f"no visible notice names {key!r}"
    assert page.dialogs == []
    injected = page.evaluate(
        "() => [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert(1)')).length")
    assert injected == 0
    # The app still shows the numbers for the defaults it fell back to.
    assert page_kpis(page, "zh") == expected_kpis("", "zh")


@pytest.mark.parametrize("baseline", ["", "&base=invites:3000"])
def test_the_kpi_cards_of_a_row_are_equally_tall(server, page, baseline):
    """最高阶段 (a value in Chinese) stood taller than its neighbours (values in digits); with a
    baseline, a card with no change to show (未花出预算, an ROI the baseline lacks) stood shorter."""
    goto_app(page, f"{server.url}/?{LINK}{baseline}")
    page_kpis(page, "zh")
    rows = page.evaluate("() => [...document.querySelectorAll('[data-testid=stHorizontalBlock]')]"
                         ".filter((r) => r.querySelector('[data-testid=stMetric]'))"
                         ".map((r) => [...r.querySelectorAll('[data-testid=stMetric]')]"
                         ".map((m) => Math.round(m.getBoundingClientRect().height)))")
    assert sum(len(row) for row in rows) == len(KPI_LABELS["zh"])
    assert all(max(row) - min(row) <= 1 for row in rows), rows
    if baseline:
        assert page.get_by_text("较基准").first.is_visible()
