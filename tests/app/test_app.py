"""The app with streamlit.testing.v1.AppTest: one test per behaviour.

Widgets are found by their registry key; links are given as ``at.query_params`` before the
first run. Expected numbers come from ``planner`` itself (``from_query`` → ``simulate`` →
``report.totals``), formatted with ``planner.fmt``, so the app must show what the CLI prints.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from planner import compare, kpis
from planner.engine import simulate
from planner.link import from_query, to_query
from planner.params import DEFAULTS, HEADLINE_KEYS, PARAMS
from planner.presets import PRESETS
from planner.report import totals
from planner.scenario import Scenario
from planner.tools import BY_KEY as TOOLS_BY_KEY
from views.controls import GROUPED, OPEN_PREFIX
from views.theme import RESPONSIVE_CSS

from .kpis import KPI_LABELS, kpi_texts

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ("pages/overview.py", "pages/matrix.py", "pages/assumptions.py")
TIMEOUT = 60
INJECTION = {
    "invites": "**bold**",
    "aov": "[x](javascript:alert(1))",
    "cvr": "<img src=x onerror=alert(1)>",
}


def app(query: dict[str, str] | str | None = None, url: str = "https://planner.example.com/") -> AppTest:
    """An AppTest opened on ``query`` (a mapping or a query string), run once."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.context = {"url": url}
    pairs = parse_qsl(query, keep_blank_values=True) if isinstance(query, str) else list((query or {}).items())
    for key, value in pairs:
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def expected_kpis(scenario: Scenario, lang: str = "zh") -> dict[str, str]:
    return kpi_texts(totals(simulate(scenario)), lang)


def shown_kpis(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def control(at: AppTest, key: str):
    """The widget keyed by a registry key: a paid tool's spend is a number box (typed, any
    amount), every other parameter a slider."""
    return at.number_input(key=key) if key in TOOLS_BY_KEY else at.slider(key=key)


def open_every_group(at: AppTest) -> AppTest:
    """Open every group's expander and rerun: a closed group whose values are all at their
    defaults is not drawn (``views.controls.OPEN_PREFIX``)."""
    for group, _ in GROUPED:
        at.session_state[OPEN_PREFIX + group] = True
    return at.run()


def widget_values(at: AppTest) -> dict[str, float]:
    """Every parameter's widget value, with every group open."""
    open_every_group(at)
    return {p.key: control(at, p.key).value for p in PARAMS}


def all_text(at: AppTest) -> list[tuple[str, str]]:
    """(element type, text) of every element that renders Markdown or HTML."""
    out = []
    for kind in ("markdown", "caption", "warning", "info", "error", "success", "title", "header",
                 "subheader", "latex"):
        for el in getattr(at, kind):
            out.append((kind, str(el.value)))
    return out


# --- smoke ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_runs_in_both_languages(lang):
    at = app({"lang": lang, "accounts": "3", "gdt": "1000"})
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.title, page
    # The navigation titles follow the language.
    titles = {"zh": ("总览", "矩阵", "假设与公式"), "en": ("Overview", "Matrix", "Assumptions and formulas")}
    at.switch_page("pages/overview.py").run()
    assert at.title[0].value == titles[lang][0]


def test_matrix_with_one_account_says_so_plainly():
    at = app({"accounts": "1"})
    at.switch_page("pages/matrix.py").run()
    assert not at.exception
    assert any("1 个账号" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 1  # the stage chart only: no empty heatmaps or Sankey
    at = app({"accounts": "4"})
    at.switch_page("pages/matrix.py").run()
    assert not at.info
    assert len(at.get("plotly_chart")) == 4


# --- numbers -------------------------------------------------------------------------------

def test_default_kpis_equal_the_planner():
    at = app()
    assert shown_kpis(at) == expected_kpis(Scenario())
    assert not at.warning


def test_a_slider_change_changes_the_kpis():
    at = app()
    before = shown_kpis(at)
    at.slider(key="invites").set_value(6000).run()
    assert not at.exception
    after = shown_kpis(at)
    assert after != before
    assert after == expected_kpis(Scenario(invites=6000))
    # Without a baseline there is nothing a change is measured against: no arrows.
    assert all(not m.delta for m in at.metric)


def test_against_a_baseline_the_decomposition_says_which_factor_moved_gmv():
    at = app()
    assert "较基准GMV变化" not in at.table[0].value.columns  # nothing to compare with yet
    at.button(key="baseline_set").click().run()
    at.slider(key="invites").set_value(6000).run()
    table = at.table[0].value
    total = table.iloc[-1]
    d = compare.decompose(simulate(Scenario()), simulate(Scenario(invites=6000)))
    assert total["较基准GMV变化"] == kpis.change_text("gmv", d["difference"], "zh")
    assert next(m for m in at.metric if m.label == "GMV").delta == total["较基准GMV变化"] + "（较基准）"
    assert total["其中：场观"].startswith("+")
    assert total["其中：客单价"] == "0元"  # AOV did not move, so no part of ΔGMV is AOV's
    at.slider(key="aov").set_value(260).run()
    assert at.table[0].value.iloc[-1]["其中：客单价"].startswith("+")


def test_a_links_parameters_set_the_widgets_and_the_kpis():
    link = "invites=5000&cvr=0.03&aov=300&gdt=2000&accounts=2&ctr=0.25&days=60"
    at = app(link)
    scenario, notices = from_query(link)
    assert not notices
    values = widget_values(at)
    assert values == scenario.as_dict()
    assert shown_kpis(at) == expected_kpis(scenario)
    assert not at.warning


def test_a_bad_link_shows_a_notice_naming_each_key_and_uses_the_defaults():
    link = "invites=abc&cvr=nan&aov=-5&days=inf&zzz=1"
    at = app(link)
    scenario, notices = from_query(link)
    assert scenario.as_dict() == DEFAULTS
    assert at.warning, "no visible warning"
    shown = "\n".join(c.value for c in at.code)
    for key in ("invites=abc", "cvr=nan", "aov=-5", "days=inf", "zzz=1"):
        assert key in shown
    for n in notices:
        assert n.text("zh") in shown
    assert widget_values(at) == DEFAULTS
    assert shown_kpis(at) == expected_kpis(Scenario())
    # The notice stays at the top of every page for the session.
    at.switch_page("pages/matrix.py").run()
    assert at.warning and "invites=abc" in "\n".join(c.value for c in at.code)


def test_a_notice_goes_once_the_user_has_changed_what_it_is_about():
    at = app("invites=abc&aov=-5&zzz=1")
    shown = "\n".join(c.value for c in at.code)
    assert all(key in shown for key in ("invites=abc", "aov=-5", "zzz=1"))
    at.slider(key="invites").set_value(6000).run()
    shown = "\n".join(c.value for c in at.code)
    assert "invites=abc" not in shown and "aov=-5" in shown
    assert "zzz=1" not in shown  # about the link as opened, and the scenario is no longer that link's
    at.slider(key="invites").set_value(DEFAULTS["invites"]).run()  # back to the value used: still gone
    assert "invites=abc" not in "\n".join(c.value for c in at.code)
    at.slider(key="aov").set_value(260).run()
    assert not at.warning
    at.switch_page("pages/matrix.py").run()
    assert not at.warning


def test_a_fractional_integer_is_rejected_like_the_cli_not_truncated():
    # Streamlit alone would truncate 150.5 to 150; the codec rejects it and uses the default.
    at = app("invites=150.5")
    assert at.slider(key="invites").value == DEFAULTS["invites"]
    assert shown_kpis(at) == expected_kpis(Scenario())
    assert "invites=150.5" in "\n".join(c.value for c in at.code)
    # The address bar no longer holds the rejected value.
    assert "invites" not in at.query_params


def test_a_link_with_a_preset_and_overrides():
    link = "preset=coffee_funnel&aov=55&v=2"
    at = app(link)
    scenario, notices = from_query(link)
    assert not notices
    assert widget_values(at) == scenario.as_dict()
    assert shown_kpis(at) == expected_kpis(scenario)
    # preset= is gone from the address bar, its values that differ from the defaults are there
    # instead, with the link's version.
    assert "preset" not in at.query_params and at.query_params["v"] == "2"
    assert at.query_params["aov"] == "55" and at.query_params["capture"] == "0.6"
    # The picker shows the preset only while the numbers are the preset's.
    assert at.selectbox(key="_preset").value == ""
    plain = app("preset=coffee_funnel")
    assert plain.selectbox(key="_preset").value == "coffee_funnel"


def test_wechat_tracking_keys_are_ignored_quietly():
    at = app("invites=3000&from=groupmessage&isappinstalled=0")
    assert not at.warning
    assert shown_kpis(at) == expected_kpis(Scenario(invites=3000))


def test_markdown_and_html_in_a_link_render_only_as_plain_text():
    at = app({**INJECTION, "**k**": "1"})
    code = "\n".join(c.value for c in at.code)
    for key, value in INJECTION.items():
        assert f"{key}={value}" in code  # shown verbatim, as plain text
    assert "**k**=1" in code
    for kind, text in all_text(at):
        for payload in (*INJECTION.values(), "**k**", "javascript:", "<img"):
            assert payload not in text, f"{payload!r} reached a {kind} element"
    # The only HTML is the app's constant stylesheet (views.theme): nothing from the link.
    assert [h.proto.body for h in at.get("html")] == [RESPONSIVE_CSS]
    assert shown_kpis(at) == expected_kpis(Scenario())


# --- presets, language, sharing -----------------------------------------------------------

@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_loads(name):
    at = app()
    at.selectbox(key="_preset").set_value(name).run()
    assert not at.exception
    preset = PRESETS[name].scenario
    assert widget_values(at) == preset.as_dict()
    assert shown_kpis(at) == expected_kpis(preset)
    assert any(PRESETS[name].story("zh") == c.value for c in at.caption)
    # Moving a slider afterwards keeps the other preset values and clears the picker.
    at.slider(key="days").set_value(30).run()
    assert at.selectbox(key="_preset").value == ""
    assert shown_kpis(at) == expected_kpis(preset.replace(days=30))


def test_reset_restores_the_defaults():
    at = app("invites=9000&accounts=5")
    at.button[-1].click().run()  # 恢复默认值, the last button in the sidebar
    assert shown_kpis(at) == expected_kpis(Scenario())
    at.run()  # the matrix group, back at its defaults and closed, is no longer drawn
    assert "accounts" not in {getattr(w, "key", None) for w in at.sidebar}
    assert widget_values(at) == DEFAULTS  # and opened again, it shows the defaults
    assert shown_kpis(at) == expected_kpis(Scenario())


def test_a_closed_group_at_its_defaults_is_not_drawn_and_one_off_them_is():
    at = app("lev_cap=6")
    keys = {getattr(w, "key", None) for w in at.sidebar}
    lev_group = next(g for g, params in GROUPED if "lev_cap" in {p.key for p in params})
    for group, params in GROUPED:  # every expander is there, closed; only lev_cap's has its sliders
        assert {p.key for p in params} <= keys if group == lev_group else not {p.key for p in params} & keys
    assert at.slider(key="lev_cap").value == 6
    at.session_state[OPEN_PREFIX + "horizon"] = True
    at.run()
    assert at.slider(key="days").value == DEFAULTS["days"]
    at.slider(key="days").set_value(60).run()
    at.session_state[OPEN_PREFIX + "horizon"] = False
    at.run()  # closed, but off its default: still drawn, so its bound slider keeps days=60 in the link
    assert at.slider(key="days").value == 60  # (the link itself: test_lazy_groups_browser.py)
    assert shown_kpis(at) == expected_kpis(Scenario(lev_cap=6, days=60))


def test_language_switch_changes_the_labels():
    at = app("invites=5000")
    assert tuple(shown_kpis(at)) == KPI_LABELS["zh"]
    assert at.slider(key="invites").label == "私域邀约量（人次/场）"
    at.radio(key="lang_switch").set_value("en").run()
    assert not at.exception
    assert shown_kpis(at) == expected_kpis(Scenario(invites=5000), "en")
    assert at.slider(key="invites").label == "Private invites (invites/session)"
    assert at.title[0].value == "Overview"


def test_every_control_has_its_unit_and_help():
    at = open_every_group(app())
    for p in PARAMS:
        s = control(at, p.key)
        assert s.label.startswith(p.label_zh) and s.label.endswith("）")
        assert p.help_zh in s.help and p.note_zh in s.help
    registry_keyed = [w.key for w in at.sidebar if getattr(w, "key", None) in HEADLINE_KEYS]
    assert registry_keyed == list(HEADLINE_KEYS)


def test_beans_show_their_bean_count():
    at = app("beans=500")
    caption = next(c.value for c in at.caption if "豆" in c.value)
    assert "5,000 豆" in caption and "10 个加热单" in caption and "3,500 豆" in caption and "7 个加热单" in caption


def test_the_share_link_is_short_and_reopens_the_same_numbers():
    at = app("invites=5000&gdt=2000&accounts=2&lang=en")
    link = next(c.value for c in at.code if "v=2" in c.value)
    # v= and what differs from that version's defaults, in registry order
    assert link == "https://planner.example.com/?v=2&invites=5000&gdt=2000&accounts=2&lang=en"
    scenario, notices = from_query(link)
    assert not notices
    assert to_query(scenario, "en") == link.split("?", 1)[1]
    # The address bar holds the same keys; its v= only when the app rewrote the link (views.state._extra_pairs)
    assert {k: v for k, v in at.query_params.items() if k != "v"} == {"invites": "5000", "gdt": "2000",
                                                                      "accounts": "2", "lang": "en"}
    again = app(link.split("?", 1)[1])
    assert shown_kpis(again) == shown_kpis(at) == expected_kpis(scenario, "en")


def test_float_noise_in_a_link_is_rounded_alike_in_the_address_bar_the_widgets_and_the_kpis():
    at = app("beans=4411.764705882352&show=0.06400000000001&cvr=0.00625")
    scenario, notices = from_query("beans=4412&show=0.064&cvr=0.00625")
    assert not notices
    assert widget_values(at) == scenario.as_dict()
    assert (at.query_params["beans"], at.query_params["show"], at.query_params["cvr"]) == ("4412", "0.064", "0.00625")
    link = next(c.value for c in at.code if "v=2" in c.value)
    assert link.split("?", 1)[1] == to_query(scenario) == "v=2&cvr=0.00625&beans=4412&show=0.064"
    assert shown_kpis(at) == expected_kpis(scenario)


def test_downloads_are_offered():
    at = app()
    labels = [b.label for b in at.get("download_button")]
    assert {"下载日报 CSV", "下载日报 Excel"} <= set(labels)


def test_link_only_keys_return_to_the_address_bar_after_a_page_switch():
    # A split and a range have no slider. The browser drops query keys that no widget is bound
    # to when the user switches pages (emulated here by deleting them); the app puts them back,
    # so the address bar stays a full share link.
    at = app("gdt=3000&gdt_split=2,1,1&cvr_range=0.01,0.02")
    at.switch_page("pages/matrix.py")
    for key in ("gdt_split", "cvr_range", "draws", "seed"):
        if key in at.query_params:
            del at.query_params[key]
    at.run()
    assert not at.exception
    assert at.query_params["gdt_split"] == "0.5,0.25,0.25"
    assert at.query_params["cvr_range"] == "0.01,0.02"


def test_the_bare_address_stays_bare_and_a_change_brings_a_short_link():
    # At the defaults the address keeps its empty query (the dropped-link check reads it); once
    # the scenario differs, the bar holds what differs and the share box the short link with its version.
    at = app()
    assert dict(at.query_params) == {}
    at.slider(key="invites").set_value(5000).run()
    assert not at.exception
    assert any(c.value.endswith("?v=2&invites=5000") for c in at.code)  # (a browser's bar: test_short_links_browser)
