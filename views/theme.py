"""The app's look in one place: colours, fonts, the Plotly layout, round axis ticks and how
numbers read on them, and a parameter's value as people read it.

Pure: no streamlit import, so figures built with it can be checked without a server. Every
figure of the app (the pages' Plotly charts, the overview's ECharts options, the projection
card) takes its colours, fonts and ticks from here; a new chart should too.

Ticks are 1, 2, 2.5 or 5 × a power of ten, labelled in 万/亿 (Chinese) or K/M/B (English) with
the magnitudes of ``planner.fmt`` (hover text and tables use ``planner.fmt`` itself), so an
axis and the numbers beside it read alike.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import plotly.io as pio

from planner import fmt
from planner.engine import SOURCES
from planner.tools import TOOLS

# --- colours -------------------------------------------------------------------------------

GREEN = "#07C160"  # WeChat green: the private domain, the brand, gains and profit
BLUE = "#1F6FEB"  # the public domain (公域), GMV, the model's projection
RED = "#E03131"  # losses, break-even, the flagship's hand-off
ORANGE = "#F08C00"  # a third series beside green and blue (a third scenario, the back-test)
INK = "#111827"  # markers and reference lines drawn over the data ("now", the public share)
TEXT_COLOR = "#1f2328"
MUTED = "#6C757D"  # a series in the background (all viewers, "before")
GRID_COLOR = "#E9ECEF"
LINE_GREY = "#adb5bd"  # connectors and zero lines

# One colour per traffic source, in the engine's order: private and public here, each paid
# tool its own row's colour (``planner.tools``), so a new tool brings its colour with it.
SOURCE_COLORS: dict[str, str] = {"private": GREEN, "public": BLUE, **{tool.key: tool.colour for tool in TOOLS}}
assert tuple(SOURCE_COLORS) == SOURCES, "a traffic source without a colour"

ACCOUNT_COLORS = (GREEN, BLUE, ORANGE, "#9B59B6", RED, "#0CA678", "#C9A227", "#5C7CFA", "#D6336C", "#495057")
# A matrix may have more accounts than there are colours: the second round of colours is dashed,
# the third dotted, so no two accounts share a line in a legend.
ACCOUNT_DASHES = ("solid", "dash", "dot")


def account_line(account: int) -> tuple[str, str]:
    """(colour, dash) of account ``account``'s line: unique for up to 30 accounts."""
    colours = len(ACCOUNT_COLORS)
    return ACCOUNT_COLORS[account % colours], ACCOUNT_DASHES[(account // colours) % len(ACCOUNT_DASHES)]
FLAGSHIP_COLOR = "#0B7A3E"
SATELLITE_COLOR = MUTED
HANDOFF_COLOR = RED

# --- fonts ---------------------------------------------------------------------------------

# A CJK font first, everywhere: a Latin-first stack draws Chinese from whatever font the
# browser (or Kaleido's Chromium) falls back to, or as boxes. Noto Sans CJK is what Debian
# and the server have; PingFang and YaHei are macOS's and Windows'.
FONT_FAMILY = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
               'sans-serif')
MONO_FAMILY = '"Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace'
FONT_SIZE, TITLE_SIZE, LEGEND_SIZE = 13, 16, 12

# --- the Plotly layout ---------------------------------------------------------------------

HEIGHT = 420  # px, a chart's height unless it says otherwise
TEMPLATE = "plotly_white"
# Every figure starts from it as Plotly's default rather than naming it in each layout: a named
# template is validated and deep-copied on every assignment, and that was the largest single cost
# of a Ranges or Budget rerun (a fifth of the script's time; the same figure, 26 → 11 ms a layout).
pio.templates.default = TEMPLATE


def title(text: str, size: int = TITLE_SIZE) -> dict:
    """A chart title on the left, at the top (the legend sits under it)."""
    return dict(text=text, x=0.0, xanchor="left", y=0.98, yanchor="top",
                font=dict(family=FONT_FAMILY, size=size, color=TEXT_COLOR))


def axis_title(text: str) -> dict:
    return dict(text=text, font=dict(family=FONT_FAMILY, size=FONT_SIZE))


def layout(title_text: str, height: int = HEIGHT, legend: bool = True, **extra) -> dict:
    """The layout of every Plotly chart: white, the CJK font in text, hover and legend, the
    title on the left with a one-line legend under it; ``extra`` adds to it or overrides it."""
    spec = dict(
        font=dict(family=FONT_FAMILY, size=FONT_SIZE, color=TEXT_COLOR),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=FONT_SIZE)),
        title=title(title_text),
        height=height,
        margin=dict(l=70, r=30, t=90, b=60),
        showlegend=legend,
        legend=dict(orientation="h", x=0.0, xanchor="left", y=1.0, yanchor="bottom",
                    font=dict(family=FONT_FAMILY, size=LEGEND_SIZE)),
        separators=".,",
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    spec.update(extra)
    return spec


def spec_figure(data: list[dict], spec: dict) -> go.Figure:
    """A figure from plain trace and layout specs, not validated property by property: Plotly's
    validation made a three-panel chart cost about 80 ms and the overview's old charts 0.4 s a
    rerun. The tests check the specs; the white template still comes in (Plotly's default)."""
    return go.Figure({"data": data, "layout": spec}, _validate=False)


def style(fig: go.Figure, title_text: str, height: int = HEIGHT, legend: bool = True, **extra) -> go.Figure:
    """``layout`` applied to a figure built trace by trace."""
    fig.update_layout(layout(title_text, height, legend, **extra))
    return fig


def rgba(hex_color: str, alpha: float) -> str:
    """``#RRGGBB`` at opacity ``alpha``, for bands and links drawn under other data."""
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


# --- ticks and number axes -----------------------------------------------------------------

TICK_COUNT = 5  # about this many steps between the lowest and the highest tick


def nice_ticks(hi: float, lo: float = 0.0, *, count: int = TICK_COUNT) -> list[float]:
    """Round ticks from at most ``min(lo, 0)`` to at least ``max(hi, 0)``: multiples of one step
    of 1, 2, 2.5 or 5 × a power of ten, about ``count`` steps in all. ``[0, 1]`` when there is
    nothing to cover (all zero, or not finite)."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    span = hi - lo
    if not math.isfinite(span) or span <= 0:
        return [0.0, 1.0]
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [i * step for i in range(first, last + 1)]


def scale_for(x: float, lang: str, largest: float = math.inf) -> tuple[float, str]:
    """The magnitude that numbers as large as ``x`` are written in, and its name:
    (1e4, "万") for 25,000 in Chinese, (1e3, "K") in English, (1, "") below 10,000 / 1,000.
    ``largest`` caps it (1e6: millions at most)."""
    for size, suffix in fmt.magnitudes(lang):
        if size <= largest and abs(x) >= size:
            return size, suffix
    return 1.0, ""


def tick_label(x: float, lang: str, kind: str = "count") -> str:
    """A short axis label, no trailing zeros (ticks are round): 2.5万, 1.5亿, 2,000 / 25K, 1.5M.
    ``kind="money"`` adds 元 (1.5万元), for an axis without a title to carry the unit;
    ``kind="percent"`` reads a fraction as a percentage (0.2 → 20%)."""
    if kind == "percent":
        return f"{round(100 * x, 6):g}%"
    size, suffix = scale_for(x, lang)
    text = f"{round(x / size, 6):,g}{suffix}"
    return fmt.yuan(text, lang) if kind == "money" else text


def tick_text(values, lang: str, kind: str = "count") -> list[str]:
    return [tick_label(float(v), lang, kind) for v in values]


def value_axis(lo: float, hi: float, lang: str, kind: str = "count", count: int = TICK_COUNT) -> dict:
    """A linear Plotly axis over [lo, hi] widened to include 0, with round ticks labelled by
    ``tick_label`` and 2% of room beyond the outer ticks (below 0 only when the axis goes
    negative). Pass it to ``update_xaxes`` / ``update_yaxes`` or put it in an axis spec."""
    ticks = nice_ticks(hi, lo, count=count)
    pad = 0.02 * (ticks[-1] - ticks[0])
    return dict(tickmode="array", tickvals=ticks, ticktext=tick_text(ticks, lang, kind),
                range=[ticks[0] - pad if ticks[0] < 0 else 0.0, ticks[-1] + pad])


def finite_span(values) -> tuple[float, float]:
    """(lowest, highest) of the finite values, (0, 1) when there are none."""
    finite = [float(v) for v in values if math.isfinite(float(v))]
    return min(finite, default=0.0), max(finite, default=1.0)


# --- the page in the browser: what only CSS can know (the screen's width and pointer) ---------

# Injected once per run by ``views.controls`` (a <style>-only st.html takes no space).
# - Plotly's toolbar appears on hover and covers chart titles on a touch screen, where its
#   buttons cannot be aimed at; every chart's camera is also in the download buttons and the
#   card. Hidden wherever there is no hover (phones, tablets).
# - A static table (st.table) wider than the screen scrolls inside its frame instead of being cut
#   (on a narrow screen its cells no longer wrap a character a line: it scrolls instead).
# - The phone's KPI strip (``views.controls.kpi_strip``) stays at the top while the numbers
#   below it are edited; three small cells a row.
# - A KPI card's value has one line height whatever its script: with the browser's "normal" a
#   value in Chinese (起量中, 25.4万元) stood 6 px taller than one in digits (5.23, 215), and
#   the cards of a row differed in height.
# - On a narrow screen Streamlit stacks columns one under the other: the KPI cards then take a
#   screen each. They go two a row there, with smaller numbers, and the page starts higher.
RESPONSIVE_CSS = f"""<style>
@media (hover: none) {{ .modebar-container {{ display: none !important; }} }}
[data-testid="stTable"] {{ overflow-x: auto; max-width: 100%; }}
.st-key-phone_kpis, [data-testid="stLayoutWrapper"]:has(> .st-key-phone_kpis) {{ position: sticky; top: 3.75rem;
  z-index: 5; background: #ffffff; }}
.st-key-phone_kpis {{ border-bottom: 1px solid {GRID_COLOR}; padding: 0.25rem 0; }}
.kpi-strip {{ display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.2rem 0.6rem;
  font-family: {FONT_FAMILY}; }}
.kpi-cell {{ display: flex; flex-direction: column; min-width: 0; }}
.kpi-cell span {{ font-size: 0.72rem; color: {MUTED}; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }}
.kpi-cell b {{ font-size: 1rem; color: {TEXT_COLOR}; white-space: nowrap; }}
.kpi-change {{ font-style: normal; font-size: 0.68rem; white-space: nowrap; }}
.kpi-change.up {{ color: #09ab3b; }}
.kpi-change.down {{ color: #ff2b2b; }}
[data-testid="stMetricValue"] {{ line-height: 1.3; }}
/* A row's KPI cards are as tall as its tallest: a card with no change vs the baseline (none to
   show, or an ROI the baseline does not have) would otherwise stand shorter than its neighbours. */
[data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] > [data-testid="stVerticalBlock"],
[data-testid="stElementContainer"]:has(> [data-testid="stMetric"]),
[data-testid="stMetric"] {{ height: 100%; }}
@media (max-width: 640px) {{
  [data-testid="stMainBlockContainer"] {{ padding-top: 3.5rem; }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) {{ flex-wrap: wrap; gap: 0.5rem; }}
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] {{
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important; }}
  [data-testid="stMetricValue"] {{ font-size: 1.4rem; }}
  [data-testid="stTable"] :is(th, td), [data-testid="stTable"] :is(th, td) * {{ white-space: nowrap !important; }}
}}
</style>"""
