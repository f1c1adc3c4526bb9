"""The projection card: one PNG a founder can drop into a deck or forward in WeChat.

``card_figure`` is a pure function from a projection to a ``plotly.graph_objects.Figure``:
title and date, the six headline KPIs (``planner.report.totals`` formatted by
``planner.fmt``), daily GMV stacked by traffic source, the key assumptions (the headline
parameters and every non-default one, labelled from the registry), and the share link as text
and as a QR code. ``projection_card_png`` renders it on the server with Kaleido, at a fixed
``CARD_WIDTH`` × ``CARD_HEIGHT`` CSS px and ``CARD_SCALE`` device pixels per CSS px.

Kaleido drives a headless Chromium. Starting it costs seconds, so one Kaleido sync server is
started per process, on first use, and reused: later cards take a fraction of a second. The
server runs one render at a time and its reply queue is shared, so calls are serialised here.
MathJax is off and plotly.js is loaded from the plotly package, so nothing is fetched.

Plotly text understands a few HTML tags and entities; anything that came from a link (the
share URL) is escaped before it goes into the figure, so a hostile link prints as text.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import math
import os
import re
import shutil
import threading
import time

import kaleido
import plotly.graph_objects as go
import qrcode
import qrcode.constants
from qrcode.exceptions import DataOverflowError

from planner import fmt, kpis
from planner.engine import SOURCES, TOOLS, Projection
from planner.params import BY_KEY, HEADLINE_KEYS, PARAMS, SPLIT_KEYS
from planner.report import accounts_text, daily, source_label, totals
from planner.scenario import changed_from_defaults
from planner.text import normalize_lang, t

from .theme import FONT_FAMILY, MONO_FAMILY, SOURCE_COLORS, nice_ticks, tick_text
from .theme import GREEN as BRAND_GREEN

CARD_WIDTH = 960  # CSS px
CARD_HEIGHT = 1280  # CSS px: 3:4 portrait, reads well in a WeChat chat and on a slide
CARD_SCALE = 2  # device px per CSS px: the PNG is 1920 × 2560

# The card's own greys (its text, captions and KPI tiles); fonts and the sources' colours are
# the app's (``views.theme``).
INK, MUTED, TILE = "#1F2329", "#646A73", "#F4F6F8"
# A change vs the baseline: good news, bad news (darker than the theme's green and red, so 13 px
# text stays readable on the grey tile).
GOOD, BAD = "#1A7F37", "#C9302C"

# Keys always listed under "key assumptions"; any other parameter is listed when it differs
# from its default.
CARD_KEYS: tuple[str, ...] = (*HEADLINE_KEYS, "accounts", "days")

# Layout, in CSS px from the top-left corner.
_PAD = 40
_HEADER_H = 112
_KPI_TOP, _KPI_H, _KPI_GAP = 132, 96, 14
_CHART_TITLE_Y = 366
_CHART_TOP = 404
_CHART_TO_ASSUME = 62  # from the plot's bottom edge (ticks and axis title below it) to the next title
_ASSUME_TITLE_H, _ASSUME_ROW = 34, 24
_ASSUME_ROWS = 9  # at most, per column; fewer rows give the chart the height
_FOOTER_TOP = 1050
_QR_MAX = 200  # CSS px: the QR code's side at most
QR_MAX_BYTES = 2953  # what QR version 40 holds in byte mode at error correction L
_LINK_CHARS_PER_LINE = 78  # 13 px monospace in the space left of the QR code
_LINK_MAX_LINES = 6

def _esc(text: str) -> str:
    """Text safe for Plotly's HTML-like labels: ``< > &`` as entities, ``$`` too (MathJax)."""
    return html.escape(str(text), quote=False).replace("$", "&#36;")


def _x(px: float) -> float:
    return px / CARD_WIDTH


def _y(px: float) -> float:
    return 1.0 - px / CARD_HEIGHT


class _Layout:
    """Annotations, shapes and images collected as plain dicts: Plotly validates a figure once
    when it is built, but re-validates every annotation on each ``add_annotation``."""

    def __init__(self) -> None:
        self.annotations: list[dict] = []
        self.shapes: list[dict] = []
        self.images: list[dict] = []


def _note(lay: _Layout, x_px: float, y_px: float, text: str, size: int, color: str = INK,
          anchor: str = "left", bold: bool = False, family: str | None = None) -> None:
    """A text annotation at (x_px, y_px) CSS px, y being the top of the text."""
    lay.annotations.append({
        "x": _x(x_px), "y": _y(y_px), "xref": "paper", "yref": "paper", "xanchor": anchor, "yanchor": "top",
        "text": f"<b>{text}</b>" if bold else text, "showarrow": False, "align": anchor,
        "font": {"size": size, "color": color, **({"family": family} if family else {})},
    })


def _rect(lay: _Layout, x0: float, y0: float, x1: float, y1: float, fill: str) -> None:
    lay.shapes.append({"type": "rect", "xref": "paper", "yref": "paper", "x0": _x(x0), "x1": _x(x1),
                       "y0": _y(y1), "y1": _y(y0), "fillcolor": fill, "line": {"width": 0}, "layer": "below"})


def assumption_items(proj: Projection, lang: str) -> tuple[list[tuple[str, str]], int]:
    """(label, value) rows for the card, and how many non-default rows did not fit.

    The headline parameters come first, then every other parameter that differs from its
    default, in registry order. A label ends in ``*`` when its value is not the default.
    """
    changed = changed_from_defaults(proj.scenario)
    keys = list(CARD_KEYS) + [p.key for p in PARAMS if p.key in changed and p.key not in CARD_KEYS]
    split = getattr(proj.scenario, "split", None) or (None,) * len(SPLIT_KEYS)
    keys += [key for key, shares in zip(SPLIT_KEYS.values(), split, strict=True) if shares is not None]
    capacity = 2 * _ASSUME_ROWS
    shown, hidden = keys, 0
    if len(keys) > capacity:
        shown, hidden = keys[: capacity - 1], len(keys) - (capacity - 1)
    rows = []
    for key in shown:
        if key in SPLIT_KEYS.values():
            rows.append(_split_row(proj, key, lang))
            continue
        p = BY_KEY[key]
        label = p.label(lang) + (" *" if key in changed else "")
        rows.append((label, fmt.param_value(p, getattr(proj.scenario, key), lang, with_unit=True)))
    return rows, hidden



def _baseline_change(key: str, total: dict, base_total: dict | None, lang: str) -> tuple[str, str] | None:
    """("+12.3万元", colour) for a KPI tile, or None without a baseline, an undefined side or a
    change too small to show. Green is good news (a rise, or a fall of what is better low). The
    words "vs baseline" are said once under the tiles: beside a long label they would not fit."""
    if base_total is None or total[key] is None or base_total[key] is None:
        return None
    shown = kpis.shown_change(key, total[key] - base_total[key], lang)
    if shown is None:
        return None
    change, good = shown
    return change, (GOOD if good else BAD)


def _split_row(proj: Projection, key: str, lang: str) -> tuple[str, str]:
    """A per-account spend split as "50 / 30 / 20%" (cut with … past 30 characters)."""
    tool = next(tool for tool, k in SPLIT_KEYS.items() if k == key)
    shares = proj.scenario.split[list(SPLIT_KEYS).index(tool)]
    text = " / ".join(f"{100 * x:.0f}" for x in shares) + "%"
    return t("card.split", lang, tool=source_label(tool, lang)), text if len(text) <= 30 else text[:29] + "…"


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Cut a link into lines of at most ``width`` characters, at most ``max_lines`` (the last one
    ends … when cut short). Lines break before a ``?`` or ``&``, so each ``key=value`` stays on
    one line and can be read off a slide; a pair longer than a line is cut where it must be."""
    lines: list[str] = []
    for piece in re.split(r"(?=[?&])", text):
        if lines and len(lines[-1]) + len(piece) <= width:
            lines[-1] += piece
            continue
        if lines and len(piece) > width:  # longer than any line: fill this one, then whole lines
            room = width - len(lines[-1])
            lines[-1], piece = lines[-1] + piece[:room], piece[room:]
        lines += [piece[i:i + width] for i in range(0, len(piece), width)]
    lines = lines or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines


def qr_matrix(data: str) -> list[list[bool]] | None:
    """The QR code modules for ``data`` (quiet zone included), or None when it cannot fit.

    Error correction M (15 %) while the code stays small enough to scan off a phone screen,
    else L; None past QR version 40.
    """
    payload = data.encode("utf-8")
    if len(payload) > QR_MAX_BYTES:
        return None
    for level in (qrcode.constants.ERROR_CORRECT_M, qrcode.constants.ERROR_CORRECT_L):
        qr = qrcode.QRCode(error_correction=level, border=4)
        qr.add_data(payload)
        try:
            qr.make(fit=True)
        except (DataOverflowError, ValueError):  # qrcode 8 raises ValueError past version 40
            continue
        if qr.version <= 20 or level == qrcode.constants.ERROR_CORRECT_L:
            return qr.get_matrix()
    return None


def _qr_png(matrix: list[list[bool]], box_px: int) -> bytes:
    """The QR matrix as a black-on-white PNG, ``box_px`` device pixels per module."""
    from PIL import Image

    n = len(matrix)
    img = Image.new("1", (n, n), 1)
    img.putdata([0 if dark else 1 for row in matrix for dark in row])
    img = img.resize((n * box_px, n * box_px), Image.NEAREST)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def qr_box(matrix: list[list[bool]]) -> tuple[int, float]:
    """(device px per module, side in CSS px) so modules land on whole device pixels."""
    n = len(matrix)
    box_px = max(1, (_QR_MAX * CARD_SCALE) // n)
    return box_px, n * box_px / CARD_SCALE


def card_figure(proj: Projection, share_url: str, lang: str, today: dt.date | None = None,
                baseline: Projection | None = None) -> go.Figure:
    """The card as a Plotly figure (pure: no rendering). ``today`` defaults to the local date.
    With a ``baseline`` (the pinned scenario, ``views.baseline``), each KPI tile also says its
    change vs the baseline, labelled as such."""
    lang = normalize_lang(lang)
    today = today or dt.date.today()
    total = totals(proj)
    base_total = totals(baseline) if baseline is not None else None
    scenario = proj.scenario
    lay = _Layout()
    traces = []

    # Header band: title, horizon, matrix size and date.
    _rect(lay, 0, 0, CARD_WIDTH, _HEADER_H, BRAND_GREEN)
    date_text = t("card.date", lang, year=today.year, month=today.month, day=today.day)
    _note(lay, _PAD, 24, _esc(t("card.title", lang)), 30, "#FFFFFF", bold=True)
    _note(lay, _PAD, 70, _esc(t("card.subtitle", lang, days=scenario.days, accounts=accounts_text(scenario, lang),
                                date=date_text)), 17, "#FFFFFF")

    # KPI tiles: 3 × 2, each a label, the value and a line of context.
    notes = {  # a line of context under each KPI of planner.kpis.CARD
        "gmv": t("card.pv_buyers", lang, pv=fmt.count(total["pv"], lang), buyers=fmt.count(total["buyers"], lang)),
        "net_gmv": t("card.returns_note", lang, returns=fmt.percent(scenario.returns, 0)),
        "profit": t("card.spend_note", lang, spend=fmt.money(total["spend"], lang)),
        "roi": t("card.roi_note", lang, paid=kpis.value_text("paid_roi", total["paid_roi"], lang)),
        "public_share": t("card.private_note", lang, private=fmt.percent(total["private_share"])),
        "stage_reached_index": t("card.stage_note", lang),
    }
    tile_w = (CARD_WIDTH - 2 * _PAD - 2 * _KPI_GAP) / 3
    for i, key in enumerate(kpis.CARD):
        label, value, note = kpis.label(key, lang), kpis.value_text(key, total[key], lang), notes[key]
        col, row = i % 3, i // 3
        x0 = _PAD + col * (tile_w + _KPI_GAP)
        y0 = _KPI_TOP + row * (_KPI_H + _KPI_GAP)
        _rect(lay, x0, y0, x0 + tile_w, y0 + _KPI_H, TILE)
        _note(lay, x0 + 16, y0 + 10, _esc(label), 15, MUTED)
        _note(lay, x0 + 16, y0 + 32, _esc(value), 28, INK, bold=True)
        _note(lay, x0 + 16, y0 + 72, _esc(note), 12, MUTED)
        change = _baseline_change(key, total, base_total, lang)
        if change is not None:
            text, color = change
            _note(lay, x0 + tile_w - 12, y0 + 10, _esc(text), 14, color, anchor="right", bold=True)
    if base_total is not None:  # one line says what the coloured changes are measured from
        tiles_bottom = _KPI_TOP + 2 * _KPI_H + _KPI_GAP
        _note(lay, CARD_WIDTH - _PAD, tiles_bottom + 4, _esc(t("baseline.card_caption", lang)), 12, MUTED,
              anchor="right")

    # Daily GMV stacked by source; paid tools that bought nothing are left out of the legend.
    days = daily(proj)
    x = [row["day"] for row in days]
    for s in SOURCES:
        y = [row["gmv_by_source"][s] or 0.0 for row in days]
        if s in TOOLS and not any(y):
            continue
        traces.append({
            "type": "scatter", "x": x, "y": y, "name": source_label(s, lang), "stackgroup": "gmv",
            "mode": "lines", "line": {"width": 0.5, "color": SOURCE_COLORS[s]},
            "fillcolor": SOURCE_COLORS[s], "hoverinfo": "skip",
        })
    # The assumptions sit just above the footer; the chart takes the height they leave.
    items, hidden = assumption_items(proj, lang)
    rows_used = max(1, math.ceil((len(items) + bool(hidden)) / 2))  # fill both columns evenly
    assume_top = _FOOTER_TOP - 26 - rows_used * _ASSUME_ROW
    assume_title_y = assume_top - _ASSUME_TITLE_H
    chart_bottom = assume_title_y - _CHART_TO_ASSUME
    peak = max((row["gmv"] or 0.0 for row in days), default=0.0)
    ticks = nice_ticks(peak)
    _note(lay, _PAD, _CHART_TITLE_Y, _esc(t("card.chart", lang)), 19, INK, bold=True)
    axes = dict(
        xaxis={"domain": [_x(_PAD + 70), _x(CARD_WIDTH - _PAD)], "range": [1, max(x[-1], 2)],
               "title": {"text": _esc(t("chart.axis_day", lang)), "standoff": 6, "font": {"size": 13, "color": MUTED}},
               "showgrid": False, "ticks": "outside", "tickfont": {"size": 12, "color": MUTED},
               "linecolor": "#C9CDD4"},
        yaxis={"domain": [_y(chart_bottom), _y(_CHART_TOP)], "range": [0, ticks[-1]],
               "tickvals": ticks, "ticktext": [_esc(v) for v in tick_text(ticks, lang, "money")],
               "tickfont": {"size": 12, "color": MUTED}, "gridcolor": "#E5E6EB", "zeroline": False},
        legend={"orientation": "h", "x": _x(CARD_WIDTH - _PAD), "xanchor": "right",
                "y": _y(_CHART_TITLE_Y - 4), "yanchor": "top", "font": {"size": 13, "color": INK},
                "bgcolor": "rgba(0,0,0,0)", "traceorder": "normal"},
    )

    # Key assumptions in two columns: label on the left, value on the right of each column.
    _note(lay, _PAD, assume_title_y, _esc(t("card.assumptions", lang)), 19, INK, bold=True)
    _note(lay, CARD_WIDTH - _PAD, assume_title_y + 4, _esc(t("card.changed", lang)), 13, MUTED, anchor="right")
    col_w = (CARD_WIDTH - 2 * _PAD - 40) / 2
    for i, (label, value) in enumerate(items):
        col, row = i // rows_used, i % rows_used
        x0 = _PAD + col * (col_w + 40)
        y0 = assume_top + row * _ASSUME_ROW
        _note(lay, x0, y0, _esc(label), 14, MUTED)
        _note(lay, x0 + col_w, y0, _esc(value), 14, INK, anchor="right", bold=True)
    if hidden:
        i = len(items)
        x0 = _PAD + (i // rows_used) * (col_w + 40)
        _note(lay, x0, assume_top + (i % rows_used) * _ASSUME_ROW, _esc(t("card.more", lang, n=hidden)),
              13, MUTED)

    # Footer: the share link as text and as a QR code, and what the card is.
    lay.shapes.append({"type": "line", "xref": "paper", "yref": "paper", "x0": _x(_PAD),
                       "x1": _x(CARD_WIDTH - _PAD), "y0": _y(_FOOTER_TOP), "y1": _y(_FOOTER_TOP),
                       "line": {"color": "#E5E6EB", "width": 1}})
    matrix = qr_matrix(share_url) if share_url else None
    _note(lay, _PAD, _FOOTER_TOP + 16, _esc(t("card.link" if matrix or not share_url else "card.no_qr", lang)),
          15, INK, bold=True)
    lines = _wrap(share_url, _LINK_CHARS_PER_LINE, _LINK_MAX_LINES)
    _note(lay, _PAD, _FOOTER_TOP + 44, "<br>".join(_esc(line) for line in lines), 13, "#245BDB",
          family=MONO_FAMILY)
    _note(lay, _PAD, CARD_HEIGHT - 34, _esc(t("card.disclaimer", lang)), 12, MUTED)
    if matrix:
        box_px, side = qr_box(matrix)
        png = _qr_png(matrix, box_px)
        lay.images.append({
            "source": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
            "xref": "paper", "yref": "paper", "x": _x(CARD_WIDTH - _PAD - side), "y": _y(_FOOTER_TOP + 14),
            "sizex": _x(side), "sizey": side / CARD_HEIGHT, "xanchor": "left", "yanchor": "top",
            "sizing": "stretch", "layer": "above",
        })

    return go.Figure(data=traces, layout={
        **axes, "annotations": lay.annotations, "shapes": lay.shapes, "images": lay.images,
        "width": CARD_WIDTH, "height": CARD_HEIGHT, "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF", "showlegend": True,
        "font": {"family": FONT_FAMILY, "color": INK}, "hovermode": False,
    })


def qr_region(share_url: str) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) device px of the QR code on the card, or None without one."""
    matrix = qr_matrix(share_url) if share_url else None
    if not matrix:
        return None
    _, side = qr_box(matrix)
    left, top = CARD_WIDTH - _PAD - side, _FOOTER_TOP + 14
    return (round(left * CARD_SCALE), round(top * CARD_SCALE),
            round((left + side) * CARD_SCALE), round((top + side) * CARD_SCALE))


# --- rendering ---------------------------------------------------------------------------

RENDER_TIMEOUT_S = 60.0  # one card; the first call also starts Chromium
_lock = threading.Lock()


def _server_thread() -> threading.Thread | None:
    # Kaleido keeps its server's thread private; if it died (Chromium failed to start or
    # crashed) a call would wait forever, so look at it before and while waiting.
    return getattr(getattr(kaleido, "_global_server", None), "_thread", None)


def _ensure_server() -> None:
    """Start Kaleido's sync server once per process (idempotent; callers hold ``_lock``)."""
    thread = _server_thread()
    if thread is not None and not thread.is_alive():
        kaleido.stop_sync_server(silence_warnings=True)
    browser = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    kwargs = {"path": browser} if browser else {}
    kaleido.start_sync_server(mathjax=False, timeout=RENDER_TIMEOUT_S, silence_warnings=True, **kwargs)


def render_png(fig: go.Figure, width: int = CARD_WIDTH, height: int = CARD_HEIGHT,
               scale: int = CARD_SCALE) -> bytes:
    """PNG bytes of ``fig`` at ``width`` × ``height`` CSS px × ``scale``, via the shared server."""
    opts = {"format": "png", "width": width, "height": height, "scale": scale}
    spec = fig.to_dict()
    with _lock:
        _ensure_server()
        result: dict[str, object] = {}

        def call() -> None:
            try:
                result["png"] = kaleido.calc_fig_sync(spec, opts=opts)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                result["error"] = exc

        worker = threading.Thread(target=call, name="card-render", daemon=True)
        worker.start()
        deadline = time.monotonic() + RENDER_TIMEOUT_S + 30
        while worker.is_alive():
            worker.join(0.1)
            server = _server_thread()
            if worker.is_alive() and (time.monotonic() > deadline or server is None or not server.is_alive()):
                raise RuntimeError("Kaleido did not render the projection card (is Chromium installed?).")
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["png"]  # type: ignore[return-value]


def projection_card_png(proj: Projection, share_url: str, lang: str, today: dt.date | None = None,
                        baseline: Projection | None = None) -> bytes:
    """The projection card as PNG bytes, exactly (CARD_WIDTH·CARD_SCALE) × (CARD_HEIGHT·CARD_SCALE)."""
    return render_png(card_figure(proj, share_url, lang, today, baseline))
