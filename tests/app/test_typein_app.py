"""Type-in numbers and the phone layout, with AppTest (the browser's side is in
tests/app/test_phone_browser.py).

Spend is a number box keyed and bound by the registry key, with a slider over the common range
beside it on a desktop; invites, CVR and AOV keep their bound slider with a type-in box below.
Whichever of the two is used, the scenario (and so the link and the KPIs) follows, and the other
shows the same value.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from planner.scenario import Scenario
from planner.text import t
from views import device
from views.controls import DRAG_PREFIX, OPEN_PREFIX, SPEND_SLIDER_MAX_YUAN, TYPED_PREFIX
from views.overview import CHARTS_OPEN

from .test_app import app, expected_kpis, shown_kpis


def scenario_of(at: AppTest) -> dict:
    return {key: float(value) for key, value in at.query_params.items() if key in Scenario.__dataclass_fields__}


def test_typing_a_spend_beyond_the_sliders_range_is_kept():
    at = app()
    at.number_input(key="gdt").set_value(80_000.0).run()
    assert not at.exception
    assert at.slider(key=DRAG_PREFIX + "gdt").value == SPEND_SLIDER_MAX_YUAN  # at its end
    assert shown_kpis(at) == expected_kpis(Scenario(gdt=80_000))


def test_dragging_the_spend_slider_sets_the_bound_box():
    at = app("beans=2000")
    assert at.slider(key=DRAG_PREFIX + "beans").value == 2000
    at.slider(key=DRAG_PREFIX + "beans").set_value(3500.0).run()
    assert at.number_input(key="beans").value == 3500
    assert shown_kpis(at) == expected_kpis(Scenario(beans=3500))


@pytest.mark.parametrize(("key", "typed", "value"), [("invites", 12_345, 12_345), ("cvr", 1.25, 0.0125),
                                                     ("aov", 345.0, 345.0)])
def test_typing_a_sliders_number_moves_the_slider(key, typed, value):
    at = app()
    at.number_input(key=TYPED_PREFIX + key).set_value(typed).run()
    assert not at.exception
    assert at.slider(key=key).value == pytest.approx(value)
    assert shown_kpis(at) == expected_kpis(Scenario(**{key: value}))


def test_a_link_and_a_slider_move_show_in_the_type_in_box():
    at = app("cvr=0.02")
    assert at.number_input(key=TYPED_PREFIX + "cvr").value == pytest.approx(2.0)  # in percent
    at.slider(key="invites").set_value(7000).run()
    assert at.number_input(key=TYPED_PREFIX + "invites").value == 7000


def test_a_phone_gets_the_headline_numbers_and_a_kpi_strip_in_the_main_column(monkeypatch):
    monkeypatch.setattr(device, "is_phone", lambda: True)
    at = app("invites=5000&beans=2000")
    main_keys = {getattr(w, "key", None) for w in at.main} - {None}
    assert {"invites", "cvr", "aov", "gdt", "beans", "coupons"} <= main_keys
    assert not {"days", "accounts"} & main_keys  # the other parameters' expander is closed, at defaults
    at.session_state[OPEN_PREFIX + "phone"] = True
    main_keys = {getattr(w, "key", None) for w in at.run().main} - {None}
    assert {"days", "accounts"} <= main_keys
    assert not [w for w in at.sidebar if getattr(w, "key", None) in main_keys]  # no key twice
    assert not [w for w in at.main if str(getattr(w, "key", "")).startswith(DRAG_PREFIX)]  # no touch sliders
    strip = next(h.proto.body for h in at.get("html") if 'class="kpi-strip"' in h.proto.body)
    gmv = expected_kpis(Scenario(invites=5000, beans=2000))["GMV"]
    assert f"<b>{gmv}</b>" in strip
    assert "kpi-change" not in strip  # no baseline, no changes


def test_the_phone_strip_shows_the_change_against_the_baseline(monkeypatch):
    from planner import breakdown, kpis
    from planner.link import to_query
    from planner.text import t

    monkeypatch.setattr(device, "is_phone", lambda: True)
    at = app("invites=5000&base=invites:3000")
    strip = next(h.proto.body for h in at.get("html") if 'class="kpi-strip"' in h.proto.body)
    now = breakdown.kpis(simulate_query(to_query(Scenario(invites=5000))))
    before = breakdown.kpis(simulate_query(to_query(Scenario(invites=3000))))
    gmv_change = kpis.change_text("gmv", now["gmv"] - before["gmv"], "zh")
    assert gmv_change.startswith("+") and f'<i class="kpi-change up">{gmv_change}</i>' in strip
    assert t("baseline.delta", "zh", change="") not in strip  # short: the strip has no room for the words


def simulate_query(query: str):
    from planner.engine import simulate
    from planner.link import from_query

    return simulate(from_query(query)[0])


def test_a_desktop_keeps_every_control_in_the_sidebar():
    at = app()
    assert not [w for w in at.main if getattr(w, "key", None) in {"invites", "gdt", "days"}]
    assert not [h for h in at.get("html") if 'class="kpi-strip"' in h.proto.body]


@pytest.mark.parametrize("page", ["pages/matrix.py", "pages/budget.py"])
def test_on_a_phone_other_pages_fold_the_headline_numbers_under_the_kpi_strip(monkeypatch, page):
    """The overview opens with the numbers to change; another page opens on its own content, the
    numbers one tap away in an expander (still the same bound widgets)."""
    from planner.text import t
    from tests import apptest_pages

    monkeypatch.setattr(device, "is_phone", lambda: True)
    overview = app("invites=5000")
    assert t("phone.headline_inputs", "zh") not in [e.label for e in overview.expander]
    at = apptest_pages.open_page(page, query={"invites": "5000"})
    folded = next(e for e in at.expander if e.label == t("phone.headline_inputs", "zh"))
    assert {"invites", "cvr", "aov", "gdt", "beans", "coupons"} <= {getattr(w, "key", None) for w in folded}
    assert at.slider(key="invites").value == 5000


def test_a_phone_draws_the_overviews_charts_only_once_they_are_unfolded(monkeypatch):
    """On a phone the two charts are folded below the numbers and not drawn (each slider move
    would redraw them); unfolded, both are drawn and follow the sliders. A desktop draws both."""
    assert len(app().get("echarts_chart")) == 2
    monkeypatch.setattr(device, "is_phone", lambda: True)
    at = app("invites=5000")
    assert not at.get("echarts_chart")
    assert [e for e in at.expander if e.label == t("overview.charts_folded", "zh")]
    at.session_state[CHARTS_OPEN] = True
    at.run()
    assert len(at.get("echarts_chart")) == 2
    at.slider(key="invites").set_value(6000).run()
    assert len(at.get("echarts_chart")) == 2 and not at.exception  # still unfolded after a move
