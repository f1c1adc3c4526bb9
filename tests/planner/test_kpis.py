"""planner.kpis: one row per KPI, one formatter for a value and one for a change, and every KPI
table of the app built from them."""

from __future__ import annotations

import pytest

from planner import compare, fmt, kpis
from planner.cli import main
from planner.engine import simulate
from planner.kpis import BUDGET, COMPARE, OVERVIEW, REPORT, label
from planner.link import from_query
from planner.report import totals
from planner.scenario import Scenario
from planner.text import CATALOGUE, t
from views import card, tables
from views import compare as compare_view

SELECTIONS = {"overview": kpis.OVERVIEW, "compare": kpis.COMPARE, "budget": kpis.BUDGET, "card": kpis.CARD}
CHANGES = (-123_456.7, -2.0, -0.6, -0.4, -0.004, -1e-9, 0, 1e-9, 0.004, 0.4, 0.6, 2.0, 123_456.7)


@pytest.fixture(scope="module")
def projections():
    return simulate(Scenario(days=20)), simulate(Scenario(days=20, gdt=2000, invites=5000))


def test_every_kpi_has_a_kind_and_a_name_in_both_languages():
    assert len(kpis.BY_KEY) == len(kpis.KPIS)
    for kpi in kpis.KPIS:
        assert kpi.kind in kpis.KINDS, kpi
        zh, en = CATALOGUE[kpi.name]
        assert zh and en and kpi.label("zh") == zh and kpi.label("en") == en


@pytest.mark.parametrize("table", SELECTIONS)
def test_each_table_names_known_kpis_once(table):
    keys = SELECTIONS[table]
    assert len(set(keys)) == len(keys)
    assert set(keys) <= set(kpis.BY_KEY)


def test_the_overviews_kpis_have_a_tooltip():
    for key in kpis.OVERVIEW:
        assert kpis.BY_KEY[key].help("zh", spend="1元") and kpis.BY_KEY[key].help("en", spend="1 元")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_kpi_of_a_projection_has_a_value_text(projections, lang):
    total = totals(projections[0])
    for key in kpis.BY_KEY:
        text = kpis.value_text(key, total[key], lang)
        assert text and text != fmt.DASH or total[key] is None, key
    assert kpis.value_text("gmv", total["gmv"], lang) == fmt.money(total["gmv"], lang)
    assert kpis.value_text("roi", None, lang) == fmt.DASH


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("key", list(kpis.BY_KEY))
def test_a_change_has_a_sign_only_when_it_shows(key, lang):
    kind = kpis.BY_KEY[key].kind
    values = [int(c) for c in CHANGES if float(c).is_integer()] if kind == kpis.STAGE else CHANGES
    zero = kpis.change_text(key, 0, lang)
    assert not zero.startswith(("+", "-"))
    assert kpis.change_text(key, None, lang) == fmt.DASH
    for change in values:
        text = kpis.change_text(key, change, lang)
        if text == zero:  # too small to show: shown as none, whichever its sign
            continue
        assert text.startswith("+" if change > 0 else "-"), (change, text)
        assert kpis.change_text(key, -change, lang)[1:] == text[1:]  # the size does not depend on the sign


def test_a_change_too_small_to_show_is_none():
    assert kpis.change_text("gmv", 0.4, "zh") == kpis.change_text("gmv", -0.4, "zh") == "0元"
    assert kpis.change_text("roi", 0.004, "en") == "0.00"
    assert kpis.change_text("public_share", -0.00001, "zh") == "0.0 个百分点"
    assert kpis.change_text("gmv", 12_345.6, "zh") == "+1.23万元"
    assert kpis.change_text("public_share", 0.0123, "en") == "+1.2 pp"
    assert kpis.change_text("stage_reached_index", -1, "en") == "-1 stage(s)"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_kpi_table_labels_and_formats_through_planner_kpis(projections, lang):
    """One name per KPI: the overview's cards, the compare table and the card say the same."""
    a, b = projections
    now, before = totals(b), totals(a)
    cards = tables.kpi_cards(now, {k: now[k] - before[k] for k in ("gmv", "profit")}, lang)
    assert [c.label for c in cards] == [kpis.label(k, lang) for k in kpis.OVERVIEW]
    assert [c.value for c in cards] == [kpis.value_text(k, now[k], lang) for k in kpis.OVERVIEW]
    assert cards[0].delta == t("baseline.delta", lang, change=kpis.change_text("gmv", now["gmv"] - before["gmv"], lang))

    frame = compare_view.kpi_frame(compare.kpi_table([a, b]), ["A", "B"], lang)
    assert list(frame[t("table.metric", lang)]) == [kpis.label(k, lang) for k in kpis.COMPARE]

    fig = card.card_figure(b, "", lang)
    shown = {ann.text for ann in fig.layout.annotations}
    for key in kpis.CARD:
        assert kpis.label(key, lang) in shown
        assert f"<b>{kpis.value_text(key, now[key], lang)}</b>" in shown


# --- two ROIs (issue 16): the room's and the paid tools' own ------------------------------------

def test_the_rooms_roi_counts_all_its_gmv_the_paid_roi_only_the_paid_viewers():
    proj = simulate(from_query("invites=5000&gdt=2000&beans=1000&coupons=200")[0])
    total = totals(proj)
    paid_gmv = float(proj.gmv[0][..., 2:].sum())  # the sources after private and public are the tools
    assert total["roi"] == pytest.approx(total["gmv"] / total["spend"])
    assert total["paid_roi"] == pytest.approx(paid_gmv / total["spend"])
    assert 0 < total["paid_roi"] < total["roi"]  # the private domain and recommendation are not the ads'
    assert totals(simulate(from_query("gdt=0&beans=0&coupons=0")[0]))["paid_roi"] is None  # no spend: undefined


def test_every_kpi_table_shows_both_rois_each_labelled():
    for table in (OVERVIEW, COMPARE, BUDGET, REPORT):
        assert "roi" in table and "paid_roi" in table
    for lang in ("zh", "en"):
        assert label("roi", lang) != label("paid_roi", lang)


def test_the_cli_report_prints_both_rois(capsys):
    assert main(["report", "invites=5000&gdt=2000", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert label("roi", "en") in out and label("paid_roi", "en") in out
