"""The 术语表 Glossary page: under AppTest (every term, examples with the scenario's own numbers)
and in a real browser (reachable from every page's navigation)."""

from __future__ import annotations

import pytest

from planner import fmt, glossary, uncertainty
from planner.link import from_query
from planner.text import t
from tests.apptest_pages import open_page

GLOSSARY = "pages/glossary.py"
QUERY = {"invites": "3000", "days": "60", "draws": "200", "seed": "5"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_term_is_explained_in_either_language(lang):
    at = open_page(GLOSSARY, QUERY, lang)
    assert at.title[0].value == t("glossary.title", lang)
    terms = [t(f"glossary.{term}.term", lang) for term in glossary.TERMS]
    assert [h.value for h in at.subheader if h.value in terms] == terms  # in order (the sidebar has its own)
    shown = [m.value for m in at.markdown]
    for term in glossary.TERMS:
        assert t(f"glossary.{term}.meaning", lang) in shown


def test_the_examples_use_the_scenarios_own_numbers():
    at = open_page(GLOSSARY, QUERY)
    captions = "\n".join(c.value for c in at.caption)
    scenario, _ = from_query(QUERY)
    b = uncertainty.bands(uncertainty.monte_carlo(scenario))
    p10, p50, p90 = (fmt.money(x, "zh") for x in b.total["gmv"])
    assert t("glossary.percentiles.example", "zh", days=60, p10=p10, p50=p50, p90=p90, draws="200") in captions
    assert t("glossary.seed.example", "zh", seed=5, draws="200") in captions
    assert "3,000" in captions and "3,300" in captions  # the Shapley example: these invites, 10% more


def test_an_example_follows_the_sidebar():
    at = open_page(GLOSSARY, QUERY)
    before = [c.value for c in at.caption]
    at.slider(key="invites").set_value(5000).run()
    assert not at.exception
    after = [c.value for c in at.caption]
    assert before != after and any("5,000" in c for c in after)


@pytest.mark.parametrize("page", ["pages/uncertainty.py"])
def test_the_ranges_page_explains_its_terms_in_tooltips(page):
    at = open_page(page, {"draws": "100", "days": "30"})
    assert any(h.help == t("glossary.percentiles.meaning", "zh") for h in at.subheader)
    assert at.number_input(key="_mc_seed").help == t("glossary.seed.meaning", "zh")


# --- a real browser: the glossary is in every page's navigation --------------------------------

PAGES = {"": "总览", "matrix": "矩阵", "assumptions": "假设", "budget": "投流预算", "uncertainty": "区间",
         "compare": "对比", "calibrate": "校准"}


@pytest.mark.browser
def test_the_glossary_is_reachable_from_every_page(server, page):
    from tests.conftest_browser import act_and_wait, goto_app, wait_for_rerun_after

    for path in PAGES:
        goto_app(page, f"{server.url}/{path}?days=30&draws=50")
        link = page.locator("[data-testid='stSidebarNav'] a").filter(has_text=t("nav.glossary", "zh")).first
        act_and_wait(page, lambda link=link: link.click())
        page.wait_for_url(lambda url: url.split("?")[0].rstrip("/").endswith("/glossary"), timeout=120_000)
        wait_for_rerun_after(page, 0)
        title = page.locator("h1").filter(has_text=t("glossary.title", "zh")).first
        title.wait_for(timeout=120_000)
        assert title.is_visible(), f"no glossary after the link on /{path}"
