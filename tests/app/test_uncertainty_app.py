"""The 区间 Ranges and 对比 Compare pages under Streamlit's AppTest, and their figure builders."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from planner import compare, fmt, uncertainty
from planner.engine import simulate
from planner.link import from_query
from planner.params import BY_KEY, PARAMS
from planner.presets import PRESETS
from planner.scenario import Scenario
from planner.text import CATALOGUE, t
from tests.apptest_pages import open_page
from views import charts
from views import compare as compare_view
from views import uncertainty as uncertainty_view

RANGES, COMPARE = "pages/uncertainty.py", "pages/compare.py"
FONT = "Noto Sans CJK SC"


def charts_of(at: AppTest) -> list:
    return at.get("plotly_chart")


def text_of(at: AppTest) -> str:
    parts = [m.label + " " + m.value for m in at.metric]
    parts += [x.value for x in (*at.title, *at.subheader, *at.caption, *at.info, *at.warning, *at.markdown)]
    return "\n".join(parts)


# --- the pages render ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", [RANGES, COMPARE])
def test_page_renders_without_exception(page, lang):
    at = open_page(page, {"cvr_range": "0.01,0.03", "draws": "200"}, lang)
    assert charts_of(at)
    title = at.title[0].value
    assert title == (t("uncertainty_page.ranges_title", lang) if page == RANGES else
                     t("compare_page.compare_title", lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_only_the_open_metrics_fan_charts_are_drawn_and_another_tab_draws_its_own(lang):
    def fan_titles(at: AppTest) -> list[str]:
        return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in charts_of(at)][:3]

    at = open_page(RANGES, {"draws": "200"}, lang)
    gmv, net = (uncertainty_view.metric_label(m, lang) for m in ("gmv", "net_gmv"))
    assert [tab.label for tab in at.tabs] == [uncertainty_view.metric_label(m, lang) for m in uncertainty.METRICS]
    first = fan_titles(at)
    assert gmv in first[0] and gmv in first[1] and net not in " ".join(first[:2])
    assert len(charts_of(at)) == 6  # two fans of the open metric, the mix, the target, tornado, elasticity
    at.session_state["ranges_metric_tabs"] = net
    at.run()
    assert not at.exception and len(charts_of(at)) == 6
    now = fan_titles(at)
    assert net in now[0] and net in now[1] and now[2] == first[2]


def test_ranges_page_reads_ranges_draws_and_seed_from_the_link():
    at = open_page(RANGES, {"cvr_range": "0.01,0.03", "aov_range": "200,300", "draws": "300", "seed": "9"})
    assert at.number_input(key="_mc_draws").value == 300
    assert at.number_input(key="_mc_seed").value == 9
    assert at.multiselect(key="_mc_keys").value == ["cvr", "aov"]
    assert at.slider(key="_mc_range_cvr").value == (0.01, 0.03)
    assert at.slider(key="_mc_range_aov").value == (200.0, 300.0)
    # The probability of the target is the planner's, for this scenario's Monte Carlo.
    scenario, _ = from_query({"cvr_range": "0.01,0.03", "aov_range": "200,300", "draws": "300", "seed": "9"})
    mc = uncertainty.monte_carlo(scenario)
    target = at.number_input(key="_target_gmv").value
    expected = uncertainty.target_probability(mc, target, scenario.days)
    assert at.metric[0].value == f"{100 * expected:.1f}%"


def test_changing_a_range_widget_changes_the_scenario_and_the_address_bar():
    at = open_page(RANGES, {"cvr_range": "0.01,0.03", "draws": "200"})
    at.slider(key="_mc_range_cvr").set_value((0.012, 0.02)).run()
    assert not at.exception
    assert at.query_params["cvr_range"] == "0.012,0.02"
    at.number_input(key="_mc_seed").set_value(5).run()
    assert at.query_params["seed"] == "5"
    at.number_input(key="_mc_draws").set_value(400).run()
    assert at.query_params["draws"] == "400"


def test_adding_and_removing_a_ranged_parameter():
    at = open_page(RANGES, {"draws": "100"})
    at.multiselect(key="_mc_keys").set_value(["aov"]).run()
    assert not at.exception
    low, high = at.slider(key="_mc_range_aov").value
    assert (low, high) == (190.0, 250.0)  # the registry's default range of the AOV, to edit from
    assert at.query_params["aov_range"] == "190,250"
    at.multiselect(key="_mc_keys").set_value([]).run()
    assert "aov_range" not in at.query_params


def totals_cells(at: AppTest) -> list[str]:
    """P10, P50, P90 of GMV as the totals table shows them."""
    table = next(d.value for d in at.dataframe if "P10" in d.value.columns)
    return [table[p].iloc[0] for p in ("P10", "P50", "P90")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_no_ranges_set_the_bands_are_bands(lang):
    """Issue 16: a link with nothing set up opens on bands from the default ranges, not one line."""
    query = {"invites": "3000", "days": "60", "accounts": "3", "draws": "300", "seed": "7"}
    at = open_page(RANGES, query, lang)
    assert not at.exception and not at.info
    scenario, _ = from_query(query)
    b = uncertainty.bands(uncertainty.monte_carlo(scenario))
    low, mid, high = b.total["gmv"]
    assert low < mid < high and high > 1.2 * low
    assert totals_cells(at) == [fmt.money(x, lang) for x in (low, mid, high)]
    assert len(set(totals_cells(at))) == 3


def test_the_page_opens_on_targets_worth_asking_about():
    query = {"invites": "3000", "days": "60", "accounts": "3", "draws": "300", "seed": "7"}
    at = open_page(RANGES, query)
    scenario, _ = from_query(query)
    mc = uncertainty.monte_carlo(scenario)
    ladder = uncertainty.target_ladder(mc)
    assert [rung for rung, _, _ in ladder] == ["safe", "middle", "stretch"]
    column = t("ranges.col_target", "zh", day=60)
    table = next(d.value for d in at.dataframe if column in d.value.columns)
    assert list(table.iloc[:, 0]) == [fmt.money(x, "zh") for _, x, _ in ladder]
    chances = [c for _, _, c in ladder]
    assert chances[0] >= 0.9 and 0.2 < chances[1] < 0.8 and chances[2] <= 0.1
    # The target box starts at the middle rung: a chance between the ends, shown as a figure.
    assert at.number_input(key="_target_gmv").value == ladder[1][1]
    assert at.metric[0].value == fmt.percent(chances[1])


@pytest.mark.parametrize("times, key", [(100.0, "ranges.chance_none"), (0.0, "ranges.chance_all")])
def test_a_target_no_draw_or_every_draw_reaches_is_said_in_words(times, key):
    at = open_page(RANGES, {"days": "30", "draws": "200"})
    target = at.number_input(key="_target_gmv").value
    at.number_input(key="_target_gmv").set_value(target * times).run()
    assert not at.exception
    assert not at.metric  # no bold 0.0% or 100.0%
    assert t(key, "zh", draws="200") in at.info[0].value


def test_target_day_follows_a_shorter_horizon():
    at = open_page(RANGES, {"draws": "50", "days": "60"})
    assert at.slider(key="_target_day").value == 60
    at.slider(key="days").set_value(30).run()
    assert not at.exception
    assert at.slider(key="_target_day").value == 30


def test_a_bad_range_in_the_link_is_a_notice_shown_as_plain_text():
    at = open_page(RANGES, {"cvr_range": "0.3,**bold**", "draws": "100"})
    assert at.warning  # the notices' heading
    code = "\n".join(c.value for c in at.code)
    assert "cvr_range=0.3,**bold**" in code  # quoted as plain text, not rendered as Markdown
    assert at.multiselect(key="_mc_keys").value == []


def test_compare_with_a_preset_and_a_pasted_link():
    at = open_page(COMPARE)
    assert at.info  # only the current scenario so far
    at.selectbox(key="compare_b").set_value("apparel_matrix").run()
    at.selectbox(key="compare_c").set_value("link").run()
    at.text_input(key="compare_c_link").set_value("https://x.example/?aov=300&gdt=3000&cvr=abc").run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["指标", "A", "B", "C", "B − A", "C − A"]
    assert "B = 预设：" + PRESETS["apparel_matrix"].label("zh") in text_of(at)
    # The pasted link's problem is shown as plain text.
    assert any("cvr=abc" in c.value for c in at.code)
    assert len(charts_of(at)) == 3  # overlay and two waterfalls


def test_compare_link_with_markup_stays_plain_text():
    at = open_page(COMPARE)
    at.selectbox(key="compare_b").set_value("link").run()
    at.text_input(key="compare_b_link").set_value("aov=<img src=x onerror=alert(1)>&[x](javascript:1)=2").run()
    assert not at.exception
    assert all("<img" not in m.value for m in at.markdown)
    assert any("<img" in c.value for c in at.code)


# --- the figures (no server) -----------------------------------------------------------------

def _fonts(fig) -> list[str]:
    layout = fig.layout
    return [layout.font.family, layout.title.font.family]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_use_the_cjk_font_and_label_their_axes(lang):
    s = Scenario(days=30, ranges={"cvr": (0.01, 0.03)}, draws=50)
    mc = uncertainty.monte_carlo(s)
    b = uncertainty.bands(mc)
    sens = uncertainty.sensitivity(s)
    a, bb = simulate(s), simulate(PRESETS["expert_high_aov"].scenario)
    figs = [
        uncertainty_view.fan_chart(b, "gmv", lang, point=uncertainty.point_series(a)["gmv"]),
        uncertainty_view.fan_chart(b, "profit", lang, cumulative=True),
        uncertainty_view.mix_fan(b, lang),
        uncertainty_view.target_chart(uncertainty.target_curve(mc, 1e6), 1e6, 30, lang),
        uncertainty_view.tornado(sens, lang),
        uncertainty_view.elasticity_chart(sens, lang),
        compare_view.overlay_daily(compare.daily_gmv([a, bb]), ["A", "B"], lang),
        compare_view.waterfall(compare.decompose(a, bb), "A", "B", lang),
    ]
    for fig in figs:
        assert all(f.startswith(f'"{FONT}"') for f in _fonts(fig))
        assert fig.layout.title.text
        assert fig.layout.xaxis.title.text or fig.layout.yaxis.title.text
        # the 区间 page's figures are plain specs (theme.spec_figure): Plotly's validated build of
        # each must accept every property and change nothing
        assert json.loads(go.Figure(fig.to_dict()).to_json()) == json.loads(fig.to_json())


def test_waterfall_bars_end_at_b():
    a, b = simulate(Scenario(days=20)), simulate(Scenario(days=20, gdt=3000, aov=300))
    d = compare.decompose(a, b)
    fig = compare_view.waterfall(d, "A", "B", "en")
    y = list(fig.data[0].y)
    assert y[0] == d["gmv_a"] and y[-1] == d["gmv_b"]
    assert sum(y[:-1]) == pytest.approx(d["gmv_b"], rel=1e-9)


def test_tornado_shows_the_largest_swings_first():
    sens = uncertainty.sensitivity(Scenario(days=20))
    fig = uncertainty_view.tornado(sens, "en")
    names = list(fig.data[0].y)
    assert names[0] == "Public CVR" or len(names) == uncertainty_view.TORNADO_TOP
    swings = [abs(h - lo) for lo, h in zip(fig.data[0].x, fig.data[1].x, strict=True)]
    assert np.all(np.diff(swings) <= 1e-6)


def test_chart_filenames():
    assert charts.chart_filename("ranges", "tornado", "zh", "2025-01-31") == "视频号_区间_龙卷风图_2025-01-31"
    assert charts.chart_filename("compare", "", "en", "2025-01-31") == "shipinhao_compare_2025-01-31"


def test_strings_have_both_languages_and_do_not_shadow_each_other():
    # One catalogue: a key names one text, so the two pages' words cannot shadow each other.
    keys = [key for key in CATALOGUE if key.startswith(("uncertainty_page.", "compare_page."))]
    assert keys
    for key in keys:
        zh, en = CATALOGUE[key]
        assert zh and en, key


def test_the_assumptions_page_lists_each_default_range_and_its_standing():
    at = open_page("pages/assumptions.py", {"cvr": "0.01"})
    column = t("ranges.col_default_range", "zh")
    tables = [x.value for x in at.table if column in x.value.columns]
    assert len(tables) == len({p.group for p in PARAMS})
    rows = {name: row[column] for table in tables for name, row in table.iterrows()}
    # The registry's range as quoted (not the one scaled to this link's cvr), with its standing.
    assert rows[BY_KEY["cvr"].label("zh")] == "0.3% – 0.8%（假设）"
    assert rows[BY_KEY["per_share"].label("zh")] == "1 – 1.5（事实）"
    assert rows[BY_KEY["invites"].label("zh")] == ""  # a decision: no range
