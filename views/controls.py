"""The sidebar: language, preset picker, share link and one URL-bound slider per parameter.

Every control is built from ``planner.params``: key (= URL key and session-state key), label
with unit, range, step, default and help (meaning, then fact or assumption). The headline
parameters are always visible; the rest sit in one expander per registry group.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from planner import breakdown, kpis
from planner.kpis import BY_KEY as KPI
from planner.link import to_query
from planner.params import BY_KEY, GROUPS, HEADLINE_KEYS, PARAMS, Param, group_label
from planner.presets import PRESETS
from planner.text import LANGS, t
from planner.tools import BY_KEY as TOOL_BY_KEY

from . import baseline, device, language, state, streamlit_shell, theme
from .i18n import param_help, param_label

# The registry puts ``accounts`` among the headline numbers of the CLI, but in the sidebar
# it belongs with the other matrix settings.
EXPANDER_OF: dict[str, str] = {"accounts": "matrix"}
# The grouped parameters, one expander each (on a phone, one expander for all of them).
GROUPED: tuple[tuple[str, tuple[Param, ...]], ...] = tuple(
    (group, params) for group in GROUPS
    if (params := tuple(p for p in PARAMS if p.key not in HEADLINE_KEYS and EXPANDER_OF.get(p.key, p.group) == group)))
# An expander's open state (its key). A closed group whose values are all at their defaults is
# not drawn at all: its 5–11 sliders were half of each run's time in the sidebar and most of a
# first open's time in the browser (``benchmarks/app_speed.py``), for controls nobody sees. A
# slider at its default is not in the link either, so a group not drawn loses nothing; one with
# a value off its default is drawn, closed, and its bound sliders carry the values in the link.
# Opening a group reruns the app to draw it. A group drawn in the last run whose values a preset,
# a reset or an apply has just changed is drawn once more, so its sliders take the new values:
# Streamlit keeps a slider's own last value for one it stops drawing, over one set for its key.
OPEN_PREFIX = "_open_"
_DRAWN = "_groups_drawn"  # group → its values when last drawn


def _decimals(step: float) -> int:
    """Digits after the point that a slider step needs (0.05 → 2, 0.25 → 2, 100 → 0): all of
    the step's own digits, so a quarter session a week reads 0.25, not 0.2."""
    if float(step).is_integer():
        return 0
    return len(f"{float(step):.12f}".rstrip("0").split(".")[1])


def slider_format(p: Param) -> str:
    """How the slider prints its value: percentages for fractions, thousands separators."""
    if p.percent:
        return "percent"
    if p.integer:
        return "%,d"
    return f"%,.{_decimals(p.step)}f"


def slider(p: Param, lang: str, container=None) -> float:
    """One scenario slider, keyed and URL-bound by the registry key.

    ``value=`` is the registry default even though session state holds the seeded value:
    Streamlit removes a bound parameter from the address bar when the widget equals its
    default, so the default must be the registry's or a shared address would lose a value.
    """
    where = container if container is not None else st
    if p.integer:
        bounds = dict(min_value=int(p.min), max_value=int(p.max), step=int(p.step), value=int(p.default))
    else:
        bounds = dict(min_value=float(p.min), max_value=float(p.max), step=float(p.step),
                      value=float(p.default))
    return where.slider(
        param_label(p, lang),
        key=p.key,
        bind="query-params",
        format=slider_format(p),
        help=param_help(p, lang),
        **bounds,
    )


def _beans_caption(yuan: float, lang: str, container) -> None:
    info = breakdown.beans_info(yuan)
    container.caption(t("sidebar.beans_caption", lang,
        android=f"{info['android_beans']:,.0f}",
        ios=f"{info['ios_beans']:,.0f}",
        android_orders=info["android_orders"],
        ios_orders=info["ios_orders"],
        per_order=info["beans_per_order"],
        a_rate=info["android_per_yuan"],
        i_rate=info["ios_per_yuan"],
    ))


def language_switch(container) -> str:
    """中文 / English, kept in the link as ``lang=zh``/``lang=en`` (``views.language`` says why
    the switch is bound by hand)."""
    language.prepare_switch()
    container.radio(
        t("sidebar.lang_label", "zh"),
        LANGS,
        key=language.LANG_SWITCH_KEY,
        horizontal=True,
        format_func=lambda code: t(f"sidebar.lang_{code}", code),
        on_change=language.switched,
    )
    language.keep_in_link()
    return state.lang()


def preset_picker(lang: str, container) -> None:
    state.sync_preset_picker()
    options = ["", *PRESETS]
    container.selectbox(
        t("sidebar.preset_label", lang),
        options,
        key=state.PRESET_KEY,
        format_func=lambda name: PRESETS[name].label(lang) if name in PRESETS else t("sidebar.preset_none", lang),
        on_change=state.apply_preset,
        help=t("sidebar.preset_help", lang),
    )
    name = st.session_state.get(state.PRESET_KEY)
    if name in PRESETS:
        container.caption(PRESETS[name].story(lang))


def share_link(lang: str, container) -> None:
    """The short share link (``planner.link.to_query``) in a code block, whose copy button copies it."""
    url = state.share_url(state.scenario(), lang)
    with container.popover(t("sidebar.share_button", lang), width="stretch"):
        st.caption(t("sidebar.share_caption", lang))
        st.code(url, language=None, wrap_lines=True)


# Spend is typed in a number box bound to the link (any amount the registry allows); the slider
# beside it covers what most rooms spend a day, so one pixel of drag is tens of 元, not thousands.
SPEND_SLIDER_MAX_YUAN = 50_000
TYPED_PREFIX = "typed_"  # a slider's type-in box: key typed_<registry key>, not bound to the link
DRAG_PREFIX = "drag_"  # a spend box's slider: key drag_<registry key>, not bound to the link


def _is_spend(p: Param) -> bool:
    return p.key in TOOL_BY_KEY


def _shown(p: Param, value: float) -> float:
    """A value as its type-in box shows it: fractions as percentages (0.005 → 0.5)."""
    return round(100 * value, 10) if p.percent else value


def _from_shown(p: Param, shown: float) -> int | float:
    return state.clean_value(p.key, shown / 100 if p.percent else shown)


def _copy_to_registry_widget(p: Param, companion_key: str) -> None:
    """A companion's callback: its value becomes the scenario's (the bound widget's)."""
    st.session_state[p.key] = _from_shown(p, st.session_state[companion_key])


def _follow(companion_key: str, value: float) -> None:
    """Before a companion is drawn: it shows the bound widget's value (which a link, a preset or
    the other control may have changed)."""
    if st.session_state.get(companion_key) != value:
        st.session_state[companion_key] = value


def spend_box(p: Param, lang: str, container) -> float:
    """A paid tool's daily spend: a number box keyed and bound by the registry key, any amount
    of the registry's range."""
    return container.number_input(
        param_label(p, lang), min_value=float(p.min), max_value=float(p.max), step=float(p.step),
        value=float(p.default), format="%.0f", key=p.key, bind="query-params", help=param_help(p, lang))


def spend_drag(p: Param, value: float, lang: str, container) -> None:
    """The spend box's slider over 0–SPEND_SLIDER_MAX_YUAN (at its end for larger amounts)."""
    key = DRAG_PREFIX + p.key
    _follow(key, min(float(value), float(SPEND_SLIDER_MAX_YUAN)))
    container.slider(
        t("typein.spend_slider", lang, label=p.label(lang), span=f"{SPEND_SLIDER_MAX_YUAN:,}"),
        min_value=0.0, max_value=float(SPEND_SLIDER_MAX_YUAN), step=float(p.step), format="%,.0f",
        key=key, label_visibility="collapsed", on_change=_copy_to_registry_widget, args=(p, key))


def typed_box(p: Param, value: float, lang: str, container) -> None:
    """A slider's type-in box, in the slider's units (percent for fractions)."""
    key = TYPED_PREFIX + p.key
    if p.integer:
        bounds = dict(min_value=int(p.min), max_value=int(p.max), step=int(p.step), format="%d")
        _follow(key, int(value))
    else:
        digits = _decimals(_shown(p, p.step))
        bounds = dict(min_value=float(_shown(p, p.min)), max_value=float(_shown(p, p.max)),
                      step=float(_shown(p, p.step)), format=f"%.{digits}f")
        _follow(key, float(_shown(p, value)))
    container.number_input(t("typein.label", lang, label=param_label(p, lang)), key=key,
                           label_visibility="collapsed", on_change=_copy_to_registry_widget, args=(p, key),
                           **bounds)


def headline_control(p: Param, lang: str, container, phone: bool) -> None:
    """One headline number, settable by typing: spend as a bound number box (with a slider over
    the common range on a desktop), the others as a bound slider with a type-in box below."""
    if _is_spend(p):
        value = spend_box(p, lang, container)
        if not phone:  # a touch drag is too coarse to be worth the space on a phone
            spend_drag(p, value, lang, container)
    else:
        typed_box(p, slider(p, lang, container), lang, container)
    if _is_spend(p) and TOOL_BY_KEY[p.key].priced_in_beans:  # what the 元 buy in beans and orders
        _beans_caption(st.session_state[p.key], lang, container)


def kpi_strip(lang: str, container) -> None:
    """The phone's compact KPI strip: the card's KPIs of the scenario the controls show, in one
    small grid that stays in view while the numbers are edited. Labels come from the catalogue
    and values from the model (escaped all the same)."""
    values = state.kpis_for(to_query(state.scenario()))
    base_query = baseline.query()
    deltas = breakdown.kpi_deltas(values, state.kpis_for(base_query) if base_query else None)
    cells = "".join(
        f'<div class="kpi-cell"><span>{escape(KPI[key].label(lang))}</span>'
        f"<b>{escape(kpis.value_text(key, values[key], lang))}</b>{_strip_change(key, deltas[key], lang)}</div>"
        for key in kpis.CARD)
    container.html(f'<div class="kpi-strip" role="group" aria-label="{escape(t("phone.kpi_strip", lang))}">'
                   f"{cells}</div>")


def _strip_change(key: str, change, lang: str) -> str:
    """A strip cell's change against the baseline, green when it is good news (as the overview's
    cards colour it); nothing without a baseline or a change."""
    shown = kpis.shown_change(key, change, lang)
    if shown is None:
        return ""
    text, good = shown
    return f'<i class="kpi-change {"up" if good else "down"}">{escape(text)}</i>'


def sidebar(inputs_open: bool = True) -> str:
    """Build the controls (the sidebar; on a phone the headline numbers in the main column);
    return the language. ``inputs_open``: on a phone, whether the headline numbers are shown
    above the page (the overview) or folded into an expander, so another page opens on its own
    content under the KPI strip."""
    with streamlit_shell.main_script_scope():
        return _sidebar(inputs_open)


def _sidebar(inputs_open: bool) -> str:
    phone = device.is_phone()
    st.html(theme.RESPONSIVE_CSS)
    sb = st.sidebar
    lang = language_switch(sb)
    share_slot = sb.container()
    preset_picker(lang, sb)
    if phone:  # the numbers people change, and what they give, above the page
        strip = st.container(key="phone_kpis")  # sticky (views.theme): a child of the page itself
        top = st.container(key="phone_controls")
        headline = top if inputs_open else top.expander(t("phone.headline_inputs", lang))
    else:
        headline = sb
        sb.subheader(t("sidebar.scenario", lang))
    for key in HEADLINE_KEYS:
        headline_control(BY_KEY[key], lang, headline, phone)
    values = state.current_values()
    more = top.expander(t("phone.more_settings", lang), key=OPEN_PREFIX + "phone", on_change="rerun") if phone else None
    drawn = st.session_state.setdefault(_DRAWN, {})
    for group, params in GROUPED:
        if phone:
            box = more
        else:
            box = sb.expander(group_label(group, lang), key=OPEN_PREFIX + group, on_change="rerun")
        now = {p.key: values[p.key] for p in params}
        if not (box.open or any(now[p.key] != p.default for p in params) or drawn.get(group, now) != now):
            drawn.pop(group, None)  # closed, every value at its default: nothing to show or carry in the link
            continue
        drawn[group] = now
        if phone:
            more.markdown(f"**{group_label(group, lang)}**")
        for p in params:
            slider(p, lang, box)
    sb.button(t("sidebar.reset_button", lang), on_click=state.reset_defaults, width="stretch")
    share_link(lang, share_slot)
    if phone:
        kpi_strip(lang, strip)
    return lang
