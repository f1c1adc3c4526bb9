"""Session state: seeding the scenario from a share link, presets, notices, the cached model.

Every scenario control is a widget keyed by its registry key and bound to the URL
(``bind="query-params"``), so the address bar is always a live share link. Streamlit 1.67 seeds
a bound widget from the URL on a session's first run by its own rules, which differ from the
planner's codec (a fractional value for an integer slider is truncated where the codec rejects
it) and cannot see ``preset=``, ``v=`` or a repeated key. So ``begin()`` validates the raw link
with ``planner.link.from_query`` before any widget exists, writes the canonical form of the
validated scenario into the address bar when the link differs from it, and reruns once: the
widgets then seed from a link that holds exactly the validated numbers. (Setting session state
and rerunning after the widgets would not do: a script-initiated rerun does not move widget
state to "previous run", so Streamlit would not rewrite the address bar.)
"""

from __future__ import annotations

import dataclasses
import math
import threading
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from planner import breakdown, cases
from planner.engine import Projection, simulate
from planner.link import VERSION_KEY, Notice, format_value, from_query, query_pairs_of, round_value, to_query
from planner.link import bounded as bounded_notices
from planner.params import BY_KEY, DEFAULTS, PARAMS, SPLIT_KEYS
from planner.presets import PRESETS
from planner.scenario import Scenario
from planner.text import DEFAULT_LANG, LANGS, t

from . import baseline, charts, device, language, memo, page_keys, streamlit_shell
from .language import LANG_KEY, lang
from .streamlit_shell import STREAMLIT_MAX_QUERY_CHARS, STREAMLIT_MAX_QUERY_FIELDS

PARAM_KEYS: tuple[str, ...] = tuple(p.key for p in PARAMS)
PRESET_KEY = "_preset"
BOUND_KEYS = frozenset({*PARAM_KEYS, LANG_KEY})
# Keys of the pages' own settings (the budget page's budget=, mode=, …, and page=): the codec is
# told they are the app's, pages bind widgets to them, and the scenario sync leaves them alone.
PAGE_KEYS = page_keys.APP_KEYS
# Keys that messaging apps and trackers add to shared links (WeChat adds from= and
# isappinstalled= when a link is forwarded). They are not the planner's: ignore them quietly
# and leave them in the address bar.
FOREIGN_KEYS = frozenset({"from", "isappinstalled", "scene", "clicktime", "enterid", "nsukey",
                          "wxshare_count", "share_token", "embed", "embed_options"})
FOREIGN_PREFIXES = ("utm_",)
# Scenario fields that no widget carries (the per-account spend split, Monte Carlo ranges,
# draws, seed): kept from the link as they are, and kept in the address bar as the codec
# writes them.
EXTRA_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Scenario) if f.name not in {p.key for p in PARAMS})
FALLBACK_BASE_URL = "http://localhost:8501/"
# The link keys of those fields (gdt_split, cvr_range, draws, seed…): any key the codec owns
# that is not a parameter, v, lang or preset.
_EXTRA_LINK_KEYS = frozenset(k for p in PARAMS for k in (p.key + "_range",)) | frozenset(
    {"draws", "seed", *SPLIT_KEYS.values()})

# Streamlit drops a whole query string over its limits (views.streamlit_shell) before the script
# sees it, and the page would show the defaults without a word. The browser still holds the link:
# on a session's first run with an empty query, DROPPED_LINK_JS measures it and, when Streamlit would have
# dropped it, reloads the page with ?link_dropped=FIELDS,CHARS (and the link's lang), which
# begin() turns into a notice. The script is a constant: no text from a link is ever in it.
DROPPED_KEY = "link_dropped"
DROPPED_LINK_JS = f"""<script>
(() => {{
  const query = window.location.search.replace(/^\\?/, "");
  const fields = query ? query.split("&").length : 0;
  if (fields <= {STREAMLIT_MAX_QUERY_FIELDS} && query.length <= {STREAMLIT_MAX_QUERY_CHARS}) return;
  const lang = new URLSearchParams(query).get("lang");
  const url = new URL(window.location.href);
  url.search = "?{DROPPED_KEY}=" + fields + "," + query.length + (lang === "en" ? "&lang=en" : "");
  window.location.replace(url.toString());
}})();
</script>"""

_SEEDED = "_seeded"
_NOTICES = "_notices"
_DROPPED = "_dropped"  # (fields, characters) of a link Streamlit dropped
_EXTRAS = "_extras"
_SEED = "_seed"  # the validated scenario of the link the session was opened with
_EXTRAS_AT_SEED = "_extras_at_seed"  # its link-only fields (split, ranges, draws, seed)


def is_foreign(key: str) -> bool:
    """A key a messaging app or tracker added (``from=``, ``utm_…``): not the planner's."""
    return key in FOREIGN_KEYS or key.startswith(FOREIGN_PREFIXES)


def read_link(raw: dict[str, list[str]]) -> tuple[Scenario, list[Notice], str]:
    """A raw link as the app reads it, for a session's first run and for the server's snapshot
    alike: the scenario and what was wrong with it (foreign keys passed over, the pages' own keys
    known), and its language (English only when ``lang=en`` is given once)."""
    scenario, notices = from_query({k: v for k, v in raw.items() if not is_foreign(k)}, other_keys=PAGE_KEYS)
    given = raw.get(LANG_KEY, [])
    return scenario, notices, given[0] if len(given) == 1 and given[0] in LANGS else DEFAULT_LANG


def _raw_query() -> dict[str, list[str]]:
    qp = st.query_params
    return {key: qp.get_all(key) for key in qp}


def _address_pairs(scen: Scenario) -> list[tuple[str, str]]:
    """The codec's short form as the address bar holds it: without ``v`` when that is all there
    is (the bare address is the defaults too, and a first open without a query must keep its
    empty query: DROPPED_LINK_JS reads it to find a link Streamlit dropped)."""
    pairs = query_pairs_of(scen)
    return [] if len(pairs) == 1 else pairs


def _extra_pairs(scen: Scenario) -> dict[str, str]:
    """The link keys no widget carries that the script keeps in the address bar: the split, ranges,
    draws and seed when set. Not ``v``: ``begin()`` writes it with the canonical link, and after that
    the script leaves it alone. Streamlit may drop an unbound key on a page switch, and each key
    the script writes back is one more browser-history entry (its front end pushes every query
    change), so Back would need two presses per page. A link without ``v`` is read as the current
    version; the share box, the card's QR and the CLI always write it."""
    return {k: v for k, v in _address_pairs(scen) if k not in BY_KEY and k != VERSION_KEY}


def canonical_query(scen: Scenario, lang_: str, keep: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """What the address bar holds for a scenario: the codec's short form (``v=2`` and each
    parameter that differs from the version's defaults, which are the sliders' ``value=``, so a
    bound widget at its default leaves the URL as the codec would), ``lang=en``, and the keys of
    ``keep`` that are not the planner's (``page``, WeChat's ``from=``…)."""
    out = {k: [v] for k, v in _address_pairs(scen)}
    if lang_ != DEFAULT_LANG:
        out[LANG_KEY] = [lang_]
    for key, values in (keep or {}).items():
        if is_foreign(key) or key in PAGE_KEYS:
            out[key] = values
    return out


def begin() -> None:
    """On the first run of a session, before any widget exists: read the link.

    The raw query is validated with ``from_query`` (the CLI's rules); its notices are kept for
    the session. If the address bar does not already hold exactly the canonical form of the
    validated scenario (a bad, repeated or fractional-integer value, ``preset=``, ``v=``, an
    unknown key), the canonical form is written there (no widget is bound yet, so that is
    allowed) and the script reruns once. The widgets then seed themselves from a link that
    holds exactly the validated numbers, so they always show what
    ``python -m planner report --lenient LINK`` prints, and the address bar is a live share link.
    """
    ss = st.session_state
    if _SEEDED in ss:
        if streamlit_shell.is_history_navigation():
            follow_address()
        return
    link = _raw_query()
    if not link:  # perhaps a link Streamlit dropped: the browser checks (DROPPED_LINK_JS)
        st.html(DROPPED_LINK_JS, unsafe_allow_javascript=True)
    ss[_DROPPED] = _dropped_link(link.get(DROPPED_KEY, []))
    scenario, notices, lang_, raw = _take_link(link)
    ss[_SEEDED] = True
    ss[_NOTICES] = notices
    ss[_EXTRAS_AT_SEED] = dict(ss[_EXTRAS])
    ss[_SEED] = scenario.as_dict()
    preset = raw.get("preset", [""])[-1]
    if preset in PRESETS:  # show it in the picker (with its story) while the values match it
        ss[PRESET_KEY] = preset
    want = canonical_query(scenario, lang_, keep=raw)
    if want == link:
        return
    if {k: v for k, v in link.items() if k != VERSION_KEY} == {k: v for k, v in want.items() if k != VERSION_KEY}:
        return  # only v= differs: the link reads as it is, and writing v= would add a history entry (_extra_pairs)
    st.query_params.from_dict(want)
    st.rerun()


def follow_address() -> None:
    """Back or Forward: the address bar's entry wins, as Streamlit makes it win for the bound
    sliders. The language, the baseline, the link-only fields (split, ranges, draws, seed) and the
    parameters of groups not drawn (which no widget is bound to) become the entry's. Each of
    those entries was added by a script write (a language switch, 设为基准, a preset), so Back
    undoes that change; before, the script wrote the session's value straight back and Back
    seemed to do nothing. The entry was read when the session opened it, so it brings no notices."""
    scenario, _, lang_, _ = _take_link(_raw_query())
    language.follow(lang_)
    bound = streamlit_shell.bound_query_keys(PARAM_KEYS)
    for key, value in scenario.as_dict().items():
        if key not in bound:  # a bound slider is restored by Streamlit itself
            st.session_state[key] = clean_value(key, value)


def _take_link(link: dict[str, list[str]]) -> tuple[Scenario, list[Notice], str, dict[str, list[str]]]:
    """A link as the session takes it (on its first run, and on Back or Forward): its baseline and
    link-only fields become the session's. Returns the scenario, the link's notices (bounded), its
    language and its keys with the pages' own read as their widgets read them."""
    raw = {k: v for k, v in link.items() if k != DROPPED_KEY}
    scenario, notices, lang_ = read_link(raw)
    raw, page_notices = _read_page_keys(raw, lang_)
    baseline.remember(raw.get(baseline.BASELINE_KEY))
    st.session_state[_EXTRAS] = _extras_of(scenario)
    return scenario, bounded_notices([*notices, *page_notices]), lang_, raw


def _extras_of(scen: Scenario) -> dict:
    """The scenario's link-only fields (``EXTRA_FIELDS``: split, ranges, draws, seed)."""
    return {name: getattr(scen, name) for name in EXTRA_FIELDS}


def _read_page_keys(raw: dict[str, list[str]], lang_: str) -> tuple[dict[str, list[str]], list[Notice]]:
    """The link with the pages' own keys read as their widgets should read them (views.page_keys),
    and a Notice for each bad one, which is dropped so the widget shows its default."""
    out, notices = {}, []
    version = raw.get(VERSION_KEY, [None])[-1]
    for key, values in raw.items():
        if key in page_keys.CHECKED_KEYS:
            values, notice = page_keys.read(key, values, lang_, version)
            if notice is not None:
                notices.append(notice)
            if values is None:
                continue
        out[key] = values
    return out, notices


def _dropped_link(values: list[str]) -> tuple[int, int] | None:
    """(fields, characters) from ``link_dropped=FIELDS,CHARS``, or None (also for a forged value)."""
    parts = values[-1].split(",") if len(values) == 1 else []
    if len(parts) == 2 and all(p.isascii() and p.isdigit() and len(p) <= 9 for p in parts):
        return int(parts[0]), int(parts[1])
    return None


def clean_value(key: str, value) -> int | float:
    """A widget value as the scenario takes it: clamped to the registry's range, at the precision
    the link writes (``planner.link.round_value``: a slider at 0.016 may report
    0.016000000000000004, an optimiser 4411.764705882352 元), so the numbers on screen are the
    numbers of the address bar's link."""
    p = BY_KEY[key]
    try:
        value = float(value)
    except (TypeError, ValueError):
        value = float(p.default)
    if not math.isfinite(value):
        value = float(p.default)
    clamped = min(max(round_value(p, value), p.min), p.max)
    return int(clamped) if p.integer else float(clamped)


def current_values() -> dict[str, int | float]:
    """Every parameter's value now: its widget's (Streamlit keeps a bound widget's value while it
    is not drawn, as ``views.controls`` does for a closed group), or before the widget was ever
    drawn, the value the link gave it (or a preset or an apply put in session state)."""
    ss = st.session_state
    seed = ss.get(_SEED, DEFAULTS)
    return {k: clean_value(k, ss[k]) if k in ss else seed[k] for k in PARAM_KEYS}


def scenario() -> Scenario:
    """The scenario the widgets show now, with what the link carried beyond the widgets. A
    per-account spend split that no longer fits the number of accounts is dropped (even split)."""
    values = current_values()
    extras = dict(st.session_state.get(_EXTRAS, {}))
    try:
        return Scenario(**values, **extras)
    except ValueError:
        extras.pop("split", None)
        try:
            return Scenario(**values, **extras)
        except ValueError:
            return Scenario(**values)


def finish() -> None:
    """Run after the scenario widgets: forget link-only fields the widgets made invalid, keep the
    baseline in the address bar."""
    _sync_extras()
    baseline.sync()


def _sync_extras() -> None:
    """Forget link-only fields the widgets have made invalid (a split for another number of
    accounts), and keep the address bar holding the ones in use: Streamlit drops query keys no
    widget is bound to when the user switches pages, and the bar must stay a full share link."""
    ss = st.session_state
    stored = ss.get(_EXTRAS)
    if not stored:
        return
    now = scenario()
    used = _extras_of(now)
    if used != stored:
        ss[_EXTRAS] = used
    _write_extras(now)


def _write_extras(scen: Scenario) -> None:
    """The address bar's link-only keys become exactly the scenario's (set only what differs;
    ``v`` is left as it is: ``_extra_pairs``)."""
    script_keys = [key for key in st.query_params
                   if key not in BOUND_KEYS and not is_foreign(key) and key not in PAGE_KEYS and key != VERSION_KEY]
    _address_holds(_extra_pairs(scen), script_keys)


def _address_holds(want: dict[str, str], managed) -> None:
    """The address bar's keys of ``managed`` and ``want`` hold exactly ``want``: a managed key not
    in ``want`` is taken out, and the values of ``want`` that differ are written, in one update."""
    for key in managed:
        if key not in want and key in st.query_params:
            del st.query_params[key]
    changed = {key: text for key, text in want.items() if st.query_params.get(key) != text}
    if changed:
        st.query_params.update(changed)


def notices() -> list[Notice]:
    """The problems found in the link this session was opened with that still hold: a notice
    goes once the user has changed what it is about, and then stays gone (``_still_applies``)."""
    ss = st.session_state
    found = ss.get(_NOTICES, [])
    if not found:
        return []
    now = scenario()
    kept = [n for n in found if _still_applies(n, now)]
    if len(kept) != len(found):
        ss[_NOTICES] = kept
    return list(kept)


def _still_applies(notice: Notice, now: Scenario) -> bool:
    """Whether a link's notice is still about what the page shows. A parameter's holds while the
    parameter keeps the value used instead of the bad one; a link-only field's (a split, a range,
    draws, seed) while those fields are as the link left them; a page key's while its widget is
    at the page's default (Streamlit keeps a bound widget's non-default value in the address
    bar); the baseline's until one is set; any other (an unknown key, the link as a whole) while
    the scenario is the one the link opened."""
    ss = st.session_state
    seed = ss.get(_SEED, DEFAULTS)
    key = notice.key
    if key in BY_KEY:
        return getattr(now, key) == seed[key]
    if key in _EXTRA_LINK_KEYS:
        return _extras_of(now) == ss.get(_EXTRAS_AT_SEED)
    if key == baseline.BASELINE_KEY:
        return baseline.pinned() is None
    if key in page_keys.CHECKED_KEYS:
        return key not in st.query_params
    return now.as_dict() == seed


# --- presets and reset (widget callbacks: they run before the script, so they may set
# the widgets' session state) -----------------------------------------------------------

def load_scenario(scen: Scenario) -> None:
    """Put a whole scenario into the widgets, at the link's precision (a fitted CVR of
    0.01234567 becomes 0.01235, as its link says), and the link-only fields into the address bar."""
    ss = st.session_state
    for key, value in scen.as_dict().items():
        ss[key] = clean_value(key, value)
    _link_unbound_parameters()
    load_extras(scen)


def _link_unbound_parameters() -> None:
    """The address bar's value of each parameter whose slider is not drawn now (a closed group,
    ``views.controls.OPEN_PREFIX``): a bound slider writes its new value there itself, but one
    drawn for the first time with a value set here does not. Off its default it is written, at
    its default it is taken out, as a bound slider does."""
    values = current_values()
    bound = streamlit_shell.bound_query_keys(PARAM_KEYS)
    unbound = [p for p in PARAMS if p.key not in bound]
    _address_holds({p.key: format_value(p, values[p.key]) for p in unbound if values[p.key] != p.default},
                   [p.key for p in unbound])


def load_extras(scen: Scenario) -> None:
    """Make the scenario's link-only fields (``EXTRA_FIELDS``: split, ranges, draws, seed) the
    session's, in session state and in the address bar; the widgets are left alone."""
    st.session_state[_EXTRAS] = _extras_of(scen)
    _write_extras(scen)


def apply_preset() -> None:
    name = st.session_state.get(PRESET_KEY)
    if name in PRESETS:
        load_scenario(PRESETS[name].scenario)


def reset_defaults() -> None:
    load_scenario(Scenario())
    st.session_state[PRESET_KEY] = ""


def sync_preset_picker() -> None:
    """Show "—" in the preset picker once the scenario no longer equals the chosen preset.
    Called before the picker is created, so setting its state is allowed."""
    name = st.session_state.get(PRESET_KEY)
    if name in PRESETS and scenario().as_dict() != PRESETS[name].scenario.as_dict():
        st.session_state[PRESET_KEY] = ""


# --- the model, cached on the canonical query ------------------------------------------

@memo.cached(max_bytes=64 * 2**20)  # a 20-account, 365-day projection holds about 1 MiB
def project(query: str) -> Projection:
    """The projection of the scenario ``query`` (a canonical ``to_query`` string). Cached: a
    rerun with the same scenario reuses it. Callers must not modify the arrays."""
    scenario, _ = from_query(query)
    return simulate(scenario)


@memo.cached(max_bytes=4 * 2**20)
def kpis_for(query: str) -> dict:
    return breakdown.kpis(project(query))


def reported_cases() -> list:
    """The model held against the reported cases (``planner.cases``): the same for every link, so
    computed once per server and shared. A thread starts on it when this module is first imported
    (with the server's first page), so the 假设 page finds it ready instead of waiting a second or
    two for it."""
    return cases.evaluate_all_once()


threading.Thread(target=cases.evaluate_all_once, name="reported-cases", daemon=True).start()


# --- what the pages read ----------------------------------------------------------------

@dataclass(frozen=True)
class View:
    scenario: Scenario
    query: str  # canonical, without lang
    lang: str
    proj: Projection
    share_url: str
    baseline_query: str | None  # the pinned baseline's canonical query (views.baseline), or None

    @property
    def today(self) -> str:
        return date.today().isoformat()

    def chart(self, fig, page: str, name: str) -> None:
        """Show a Plotly figure whose camera button saves a 2× PNG named after the page and chart."""
        st.plotly_chart(fig, theme=None, config=charts.plotly_config(self.chart_name(page, name), device.is_phone()))

    def echart(self, build, page: str, name: str, height: int) -> None:
        """Show an ECharts option ``build(proj, lang, filename)``, whose camera saves a 2× PNG
        named like the Plotly charts' (see ``views.overview`` for why ECharts)."""
        option = build(self.proj, self.lang, self.chart_name(page, name))
        st.echarts_chart(option, height=height, theme=None, key=f"echart_{page}_{name}")

    def chart_name(self, page: str, name: str) -> str:
        return charts.chart_filename(page, name, self.lang, self.today)


def base_url() -> str:
    """The app's address without its query: from the browser (``st.context.url``)."""
    url = st.context.url or FALLBACK_BASE_URL
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return FALLBACK_BASE_URL
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))


def share_url(scen: Scenario, lang_: str) -> str:
    """The share link: the codec's short form (``v=2`` and what differs from its defaults), and
    ``lang=en`` when in English."""
    return base_url() + "?" + to_query(scen, lang="en" if lang_ == "en" else None)


def view() -> View:
    """The current scenario, language, cached projection and share link, for a page."""
    scen = scenario()
    query = to_query(scen)
    lang_ = lang()
    proj = project(query)
    return View(scen, query, lang_, proj, share_url(scen, lang_), baseline.query())


def show_notices(lang_: str) -> None:
    """The link's problems as a visible warning at the top of the page. The messages quote
    text from the URL, so they are shown as plain text (``st.code``), never as Markdown or
    HTML: ``**x**``, ``[x](javascript:…)`` or ``<img onerror=…>`` in a link stay inert."""
    dropped = st.session_state.get(_DROPPED)
    if dropped:
        fields, chars = dropped
        st.warning(t("notice.link_dropped", lang_, fields=f"{fields:,}", kib=f"{chars / 1024:,.0f}",
                     max_fields=f"{STREAMLIT_MAX_QUERY_FIELDS:,}", max_kib=f"{STREAMLIT_MAX_QUERY_CHARS // 1024:,}"))
    found = notices()
    if not found:
        return
    st.warning(t("notice.link_problems", lang_, n=len(found)))
    st.code("\n".join(n.text(lang_) for n in found), language=None, wrap_lines=True)

