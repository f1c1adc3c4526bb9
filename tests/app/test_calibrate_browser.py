"""The 校准 Calibrate page in a real browser: upload the sample file, replace the scenario with the
fit and see the address bar become its share link; the uploader's own words in the page's
language with the calibration's 5 MB limit; a GBK live list uploaded and applied onto a plan.

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

    chooser = page.locator("[data-testid='stFileUploader'] input[type='file']").first
    act_and_wait(page, lambda: chooser.set_input_files(str(SAMPLE)))
    apply = page.get_by_role("button", name=t("calibrate.apply_all", "zh"))
    apply.wait_for(timeout=60_000)
    page.locator("[data-testid='stPlotlyChart']").first.wait_for()
    shot(page, "calibrate_fitted_zh")

    act_and_wait(page, apply.click)
    page.get_by_text(t("calibrate.applied_all", "zh")).wait_for()
    page.wait_for_function("(before) => window.location.href !== before", arg=url_before)
    url = urlsplit(page.url)
    assert url.path.endswith("/calibrate")
    scenario, notices = from_query(url.query)
    assert notices == []
    assert scenario.as_dict() == expected.as_dict()
    shot(page, "calibrate_applied_zh")


def _uploader_words(page, index: int) -> tuple[str, str]:
    """What a visitor reads on the uploader: the button's word and the instructions (CSS content)."""
    zone = page.locator("[data-testid='stFileUploaderDropzone']").nth(index)
    return zone.evaluate("""z => {
        const after = el => getComputedStyle(el, '::after').content.replace(/^"|"$/g, '');
        const shown = el => getComputedStyle(el).fontSize !== '0px' ? el.textContent : after(el);
        return [shown(z.querySelector('button p')),
                shown(z.querySelector("[data-testid='stFileUploaderDropzoneInstructions'] span"))];
    }""")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_uploader_speaks_the_pages_language_and_states_our_limit(server, page, lang):
    goto_app(page, f"{server.url}/calibrate" + ("?lang=en" if lang == "en" else ""))
    page.locator("[data-testid='stFileUploaderDropzone']").first.wait_for(timeout=60_000)
    for index in (0, 1):  # the sessions and the spend files
        button, instructions = _uploader_words(page, index)
        assert button == t("calibrate.upload_button", lang)
        assert instructions == t("calibrate.upload_instructions", lang, mb=5)
        assert "10MB" not in instructions and "per file" not in instructions
    shot(page, f"calibrate_uploader_{lang}")


def test_a_gbk_live_list_is_uploaded_and_applied_onto_the_plan(server, page):
    plan = "days=30&accounts=1&beans=2000"
    goto_app(page, f"{server.url}/calibrate?{plan}")
    live_list = ROOT / "examples" / "assistant_live_list.csv"
    gbk = live_list.read_text(encoding="utf-8").encode("gbk")
    chooser = page.locator("[data-testid='stFileUploader'] input[type='file']").first
    act_and_wait(page, lambda: chooser.set_input_files(files=[{"name": "直播列表.csv", "mimeType": "text/csv",
                                                              "buffer": gbk}]))
    apply = page.get_by_role("button", name=t("calibrate.apply", "zh"), exact=True)
    apply.wait_for(timeout=60_000)
    page.get_by_text("直播列表.csv：56 场").wait_for()
    url_before = page.url
    act_and_wait(page, apply.click)
    page.get_by_text(t("calibrate.applied", "zh")).wait_for()
    page.wait_for_function("(before) => window.location.href !== before", arg=url_before)
    scenario, _ = from_query(urlsplit(page.url).query)
    assert (scenario.days, scenario.accounts, scenario.beans) == (30, 1, 2000)  # the plan stays
    expected = calibrate(read_sessions(gbk, "直播列表.csv"))
    assert scenario.aov == expected.estimate("aov").value and scenario.cvr == expected.estimate("cvr").value
    shot(page, "calibrate_applied_onto_plan_zh")

    undo = page.get_by_role("button", name=t("calibrate.undo", "zh"))
    url_applied = page.url
    act_and_wait(page, undo.click)
    page.get_by_text(t("calibrate.undone", "zh")).wait_for()
    page.wait_for_function("(before) => window.location.href !== before", arg=url_applied)
    restored, _ = from_query(urlsplit(page.url).query)
    assert restored == from_query(plan)[0]
