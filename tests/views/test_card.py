"""The projection card: a real PNG of the promised size, real Chinese glyphs, a QR code that
carries the share link, and no way for a link to inject markup into the figure.

Rendering goes through Kaleido and the system Chromium; a card takes well under a second once
the module's first render has started the shared Kaleido server.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import subprocess
import sys
import threading
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as hst
from PIL import Image

from planner import fmt, kpis
from planner.engine import simulate
from planner.link import from_query, to_query
from planner.params import BY_KEY
from planner.report import daily, source_label, stage_label, totals
from planner.text import t
from views import card, theme

LINK_QUERY = "invites=5000&cvr=0.03&aov=300&gdt=2000&accounts=2"
TODAY = dt.date(2025, 3, 8)
HOSTILE = ("http://127.0.0.1:8501/?zzz=<script>alert(1)</script>&x=<b>bold</b><br>"
           "&y=<a href='javascript:alert(2)'>click</a>&amp;lt;&z=$\\alpha$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def share_url(query: str, lang: str) -> str:
    scenario, _ = from_query(query)
    return "http://127.0.0.1:8501/?" + to_query(scenario, lang=lang)


@pytest.fixture(scope="module")
def proj():
    scenario, notices = from_query(LINK_QUERY)
    assert not notices
    return simulate(scenario)


@pytest.fixture(scope="module")
def cards(proj) -> dict[str, bytes]:
    return {lang: card.projection_card_png(proj, share_url(LINK_QUERY, lang), lang, today=TODAY)
            for lang in ("zh", "en")}


def image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def texts(fig) -> str:
    """Every piece of text the figure will draw, joined."""
    parts = [a.text for a in fig.layout.annotations]
    parts += [t.name for t in fig.data]
    parts += list(fig.layout.yaxis.ticktext or ())
    parts.append(fig.layout.xaxis.title.text or "")
    return "\n".join(p for p in parts if p)


# --- the file ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_card_is_a_png_of_the_fixed_size(cards, lang):
    png = cards[lang]
    assert png[:8] == PNG_SIGNATURE
    with Image.open(io.BytesIO(png)) as img:
        assert img.format == "PNG"
        assert img.size == (card.CARD_WIDTH * card.CARD_SCALE, card.CARD_HEIGHT * card.CARD_SCALE)
    assert card.CARD_SCALE == 2


def test_languages_render_differently_and_titles_are_not_blank(cards):
    zh, en = (np.asarray(image(cards[lang])) for lang in ("zh", "en"))
    s = card.CARD_SCALE
    title = (slice(20 * s, 64 * s), slice(40 * s, 900 * s))  # white title on the green band
    for arr in (zh, en):
        white = (arr[title] > 230).all(axis=-1).mean()
        assert 0.02 < white < 0.6, "the title band should hold white text"
    assert not np.array_equal(zh[title], en[title])


def test_chinese_glyphs_are_real_not_tofu():
    """Two different Chinese strings of the same length must draw differently: a missing font
    draws every character as the same empty box, so the two pictures would be equal."""
    crops = []
    for text in ("私域撬动公域", "广点通微信豆"):
        fig = card.go.Figure()
        fig.add_annotation(x=0, y=1, xref="paper", yref="paper", xanchor="left", yanchor="top",
                           text=text, showarrow=False, font={"size": 40, "family": card.FONT_FAMILY})
        fig.update_layout(width=400, height=100, margin={"l": 0, "r": 0, "t": 0, "b": 0},
                          xaxis={"visible": False}, yaxis={"visible": False}, plot_bgcolor="white")
        arr = np.asarray(image(card.render_png(fig, width=400, height=100, scale=1)))
        ink = (arr < 128).all(axis=-1)
        assert ink.mean() > 0.02, f"{text!r} drew nothing"
        crops.append(ink)
    assert (crops[0] != crops[1]).mean() > 0.02


# --- what it says -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kpis_are_the_reports_numbers_formatted_by_fmt(proj, lang):
    t = totals(proj)
    fig = card.card_figure(proj, share_url(LINK_QUERY, lang), lang, today=TODAY)
    text = texts(fig)
    for value in (fmt.money(t["gmv"], lang), fmt.money(t["net_gmv"], lang), fmt.money(t["profit"], lang),
                  fmt.roi(t["roi"]), fmt.percent(t["public_share"]),
                  stage_label(t["stage_reached_index"], lang)):
        assert f"<b>{value}</b>" in text
    labels = (("GMV", "退货后净成交", "投流后利润", "直播间ROI", "公域占比", "最高阶段") if lang == "zh"
              else ("GMV", "Net GMV", "Profit after spend", "Room ROI", "Public share", "Stage reached"))
    for label in labels:
        assert label in text
    # Both ROIs, each labelled: the room's in its tile, the paid tools' own under it.
    assert t["paid_roi"] < t["roi"]
    assert (f"投流ROI {fmt.roi(t['paid_roi'])}（只算投流带来的GMV）" if lang == "zh"
            else f"Paid ROI {fmt.roi(t['paid_roi'])} (the paid viewers' GMV only)") in text
    assert (TODAY.isoformat() if lang == "en" else "2025年3月8日") in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_stacks_daily_gmv_by_source(lang):
    # Beans bought; Tencent Ads and coupons not, so those two are left out of the chart.
    scenario, _ = from_query("beans=500&accounts=2")
    proj = simulate(scenario)
    gmv = proj.gmv[0].sum(axis=1)  # (days, sources)
    assert gmv[:, 2].sum() == 0 and gmv[:, 3].sum() > 0
    fig = card.card_figure(proj, "", lang, today=TODAY)
    labels = {s: source_label(s, lang) for s in card.SOURCES}
    expected = [labels[s] for i, s in enumerate(card.SOURCES) if i < 2 or gmv[:, i].sum() > 0]
    assert [t.name for t in fig.data] == expected
    assert labels["beans"] in expected and labels["gdt"] not in expected
    assert {t.stackgroup for t in fig.data} == {"gmv"}
    stacked = np.sum([np.asarray(t.y) for t in fig.data], axis=0)
    np.testing.assert_allclose(stacked, gmv.sum(axis=1), rtol=1e-9)
    assert list(fig.data[0].x) == list(range(1, proj.days + 1))


def test_assumptions_list_headline_and_changed_parameters(proj):
    rows, hidden = card.assumption_items(proj, "zh")
    labels = [label for label, _ in rows]
    assert hidden == 0
    for key in card.CARD_KEYS:
        assert any(label.startswith(BY_KEY[key].label_zh) for label in labels)
    assert ("私域邀约量 *", "5,000人次/场") in rows
    assert (BY_KEY["cvr"].label_zh + " *", "3%") in rows
    assert ("广点通日消耗 *", "2,000元/天") in rows
    assert ("微信豆日消耗", "0元/天") in rows  # a headline key at its default: no star

    many, _ = from_query("preset=apparel_matrix&margin=0.3&returns=0.2&spill=1&churn=0.01&ctr=0.2&dwell=12"
                         "&fan_show=0.05")
    rows, hidden = card.assumption_items(simulate(many), "en")
    assert len(rows) + 1 == 2 * card._ASSUME_ROWS and hidden > 0  # the last row says how many more
    fig = card.card_figure(simulate(many), "", "en", today=TODAY)
    assert f"and {hidden} more" in texts(fig)


# --- the share link -----------------------------------------------------------------------

def _embedded_qr(fig) -> np.ndarray:
    (img,) = fig.layout.images
    prefix = "data:image/png;base64,"
    assert img.source.startswith(prefix)
    with Image.open(io.BytesIO(base64.b64decode(img.source[len(prefix):]))) as qr:
        return np.asarray(qr.convert("L")) < 128


def test_embedded_qr_image_is_the_links_qr_matrix(proj):
    import qrcode

    url = share_url(LINK_QUERY, "zh")
    dark = _embedded_qr(card.card_figure(proj, url, "zh", today=TODAY))
    # Error correction M while the code stays at version 20 or below, else L (the card's rule).
    for level in (qrcode.constants.ERROR_CORRECT_M, qrcode.constants.ERROR_CORRECT_L):
        reference = qrcode.QRCode(error_correction=level, border=4)
        reference.add_data(url.encode("utf-8"))
        reference.make(fit=True)
        if reference.version <= 20:
            break
    expected = np.array(reference.get_matrix(), dtype=bool)
    box = dark.shape[0] // expected.shape[0]
    assert dark.shape == (expected.shape[0] * box,) * 2
    np.testing.assert_array_equal(dark[box // 2::box, box // 2::box], expected)


def test_qr_code_on_the_rendered_card_decodes_to_the_link(cards):
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (PyPI wheel) decodes QR codes")
    url = share_url(LINK_QUERY, "zh")
    img = image(cards["zh"])
    decoded = [r.text for r in zxingcpp.read_barcodes(img.crop(card.qr_region(url)))]
    assert decoded == [url]
    assert [r.text for r in zxingcpp.read_barcodes(img)] == [url]  # and nothing else reads as one


# A short link as the app writes it (five changed keys, English), and a heavier one: a split, two
# ranges, a seed and the keys WeChat adds when a link is forwarded.
SHORT_LINKS = [
    "https://planner.example.com/?v=2&invites=5000&cvr=0.008&aov=300&beans=2000&accounts=2&lang=en",
    "https://planner.example.com/?v=2&invites=3000&gdt=2000&days=60&gdt_split=0.5,0.3,0.2"
    "&cvr_range=0.004,0.012&aov_range=180,260&seed=7&from=groupmessage&isappinstalled=0",
]


@pytest.mark.parametrize("url", SHORT_LINKS)
def test_qr_code_decodes_with_the_card_shown_at_35_percent(proj, url):
    # A card on a slide or in a phone screenshot is seen at about a third of its size: the QR
    # code of a short link must still scan (a full snapshot's, ~570 characters, did not).
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (PyPI wheel) decodes QR codes")
    img = image(card.projection_card_png(proj, url, "zh", today=TODAY))
    small = img.resize((round(img.width * 0.35), round(img.height * 0.35)), Image.BILINEAR)
    assert [r.text for r in zxingcpp.read_barcodes(small)] == [url]


def test_html_in_the_link_is_escaped(proj):
    fig = card.card_figure(proj, HOSTILE, "en", today=TODAY)
    text = texts(fig)
    for raw in ("<script", "</script", "<b>bold", "<a ", "javascript:alert(2)'>", "<br>&y", "$\\alpha$"):
        assert raw not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&amp;amp;lt;" in text  # an entity in the link is shown as typed, not decoded
    # The QR code carries the link as data, unchanged.
    assert card.qr_matrix(HOSTILE) is not None


def test_hostile_link_renders(proj):
    png = card.projection_card_png(proj, HOSTILE, "zh", today=TODAY)
    assert png[:8] == PNG_SIGNATURE


def test_a_link_too_long_for_a_qr_code_is_said_not_dropped(proj):
    url = "http://127.0.0.1:8501/?" + "x" * 5000
    fig = card.card_figure(proj, url, "zh", today=TODAY)
    assert not fig.layout.images
    text = texts(fig)
    assert "链接过长" in text
    assert "…" in text  # the link text is cut to a few lines


# --- the Kaleido server -----------------------------------------------------------------------

def test_server_is_started_once_and_reused(cards):
    import kaleido

    server = kaleido._global_server
    assert server.is_running()
    thread = server._thread
    card._ensure_server()
    card._ensure_server()
    assert server._thread is thread


def test_concurrent_renders_each_get_their_own_card(proj, cards):
    """Streamlit serves sessions from several threads; Kaleido's sync server shares one reply
    queue, so without the card's lock two threads could swap images."""
    results: dict[str, bytes] = {}

    def render(lang: str) -> None:
        results[lang] = card.projection_card_png(proj, share_url(LINK_QUERY, lang), lang, today=TODAY)

    threads = [threading.Thread(target=render, args=(lang,)) for lang in ("zh", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == cards


def test_card_module_does_not_import_streamlit():
    code = "import sys, views.card; assert 'streamlit' not in sys.modules, 'streamlit imported'"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr


def test_axis_ticks_are_round_money_from_the_theme(proj):
    # The card has no axis title, so its ticks carry 元 (views.theme pins how they read).
    fig = card.card_figure(proj, "", "zh", today=TODAY)
    peak = max(row["gmv"] or 0.0 for row in daily(proj))
    ticks = list(fig.layout.yaxis.tickvals)
    assert ticks == theme.nice_ticks(peak) and ticks[-1] >= peak
    assert list(fig.layout.yaxis.ticktext) == theme.tick_text(ticks, "zh", "money")
    assert all(text.endswith("元") for text in fig.layout.yaxis.ticktext)


def test_with_a_baseline_each_tile_says_its_change_vs_the_baseline(proj):
    base_scenario, _ = from_query("invites=3000&cvr=0.03&aov=300&gdt=2000&accounts=2")
    base = simulate(base_scenario)
    now, before = totals(proj), totals(base)
    for lang in ("zh", "en"):
        caption = t("baseline.card_caption", lang)
        plain = card.card_figure(proj, share_url(LINK_QUERY, lang), lang, today=TODAY)
        fig = card.card_figure(proj, share_url(LINK_QUERY, lang), lang, today=TODAY, baseline=base)
        change = kpis.change_text("gmv", now["gmv"] - before["gmv"], lang)
        assert change.startswith("+")
        assert caption not in texts(plain) and caption in texts(fig)
        assert len(fig.layout.annotations) == len(plain.layout.annotations) + 1 + sum(
            kpis.change_text(key, now[key] - before[key], lang).startswith(("+", "-"))
            for key in kpis.CARD if now[key] is not None and before[key] is not None)
        assert any(a.text == f"<b>{change}</b>" for a in fig.layout.annotations)
    # against itself nothing changed, so no tile claims a change
    same = card.card_figure(proj, share_url(LINK_QUERY, "zh"), "zh", today=TODAY, baseline=proj)
    plain = card.card_figure(proj, share_url(LINK_QUERY, "zh"), "zh", today=TODAY)
    assert len(same.layout.annotations) == len(plain.layout.annotations) + 1  # the caption only


@given(pairs=hst.lists(hst.tuples(hst.sampled_from(["invites", "gdt_split", "cvr_range", "base", "x" * 90]),
                                  hst.text("0123456789.,:;", min_size=1, max_size=30)), max_size=12))
def test_the_link_on_the_card_breaks_between_pairs(pairs):
    """Lines break before ? and &, so each key=value reads on one line; nothing is lost or added
    while the lines last, and a pair longer than a line is cut where it must be."""
    from views.card import _wrap

    url = "https://planner.example/?v=2" + "".join(f"&{k}={v}" for k, v in pairs)
    lines = _wrap(url, 40, 50)
    assert "".join(lines) == url and all(len(line) <= 40 for line in lines)
    for line, following in pairwise(lines):
        if len(line) < 40:  # a line ended early: at a pair's end, with the next pair on the next line
            assert following.startswith("&"), lines
    short = _wrap(url, 40, 2)
    assert len(short) <= 2 and (short == lines or short[-1].endswith("…"))
