"""The 校准 Calibrate page in a real browser: upload the sample file, apply the fit, and see the
address bar become the fitted scenario's share link.

A ``streamlit run app.py`` server on a free loopback port, Debian's Chromium through Playwright's
sync API, every action followed by a wait for the rerun it caused (``tests/conftest_browser.py``).
Set ``CALIBRATE_SCREENSHOTS=DIR`` to keep screenshots of the page. Run alone with ``-m browser``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from planner.calibration import calibrate, read_sessions
from planner.link import from_query
from planner.text import t
from tests.conftest_browser import ROOT, act_and_wait, goto_app

pytestmark = pytest.mark.browser

SAMPLE = ROOT / "examples" / "past_sessions.csv"
SHOTS = os.environ.get("CALIBRATE_SCREENSHOTS")




def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_upload_the_sample_apply_the_fit_and_the_url_changes(server, page):
    expected = calibrate(read_sessions(SAMPLE.read_bytes(), SAMPLE.name)).scenario
    goto_app(page, f"{server.url}/calibrate")
    assert page.get_by_text(t("calibrate.waiting", "zh")).is_visible()
    url_before = page.url
    assert from_query(urlsplit(url_before).query)[0] != expected

    chooser = page.locator("[data-testid='stFileUploader'] input[type='file']")
    act_and_wait(page, lambda: chooser.set_input_files(str(SAMPLE)))
    apply = page.get_by_role("button", name=t("calibrate.apply", "zh"))
    apply.wait_for(timeout=60_000)
    page.locator("[data-testid='stPlotlyChart']").first.wait_for()
    shot(page, "calibrate_fitted_zh")

    act_and_wait(page, apply.click)
    page.get_by_text(t("calibrate.applied", "zh")).wait_for()
    page.wait_for_function("(before) => window.location.href !== before", arg=url_before)
    url = urlsplit(page.url)
    assert url.path.endswith("/calibrate")
    scenario, notices = from_query(url.query)
    assert notices == []
    assert scenario.as_dict() == expected.as_dict()
    shot(page, "calibrate_applied_zh")
