"""The sidebar: language, preset picker, share link and one URL-bound slider per parameter.

Every control is built from ``planner.params``: key (= URL key and session-state key), label
with unit, range, step, default and help (meaning, then fact or assumption). The headline
parameters are always visible; the rest sit in one expander per registry group.
"""

from __future__ import annotations

import math

import streamlit as st

from planner import breakdown
from planner.params import GROUPS, HEADLINE_KEYS, PARAMS, Param, group_label
from planner.presets import PRESETS
from planner.text import LANGS, t
from planner.tools import BY_KEY as TOOL_BY_KEY

from . import state, streamlit_shell
from .i18n import param_help, param_label

# The registry puts ``accounts`` among the headline numbers of the CLI, but in the sidebar
# it belongs with the other matrix settings.
EXPANDER_OF: dict[str, str] = {"accounts": "matrix"}


def _decimals(step: float) -> int:
    """Digits after the point that a slider step needs (0.05 → 2, 100 → 0)."""
    if float(step).is_integer():
        return 0
    return max(0, -math.floor(math.log10(step) + 1e-9))


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
    container.radio(
        t("sidebar.lang_label", "zh"),
        LANGS,
        key=state.LANG_KEY,
        bind="query-params",
        horizontal=True,
        captions=[t("sidebar.lang_zh", "zh"), t("sidebar.lang_en", "en")],
        index=0,
    )
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


def sidebar() -> str:
    """Build the sidebar; return the language."""
    with streamlit_shell.main_script_scope():
        return _sidebar()


def _sidebar() -> str:
    sb = st.sidebar
    lang = language_switch(sb)
    share_slot = sb.container()
    preset_picker(lang, sb)
    sb.subheader(t("sidebar.scenario", lang))
    for key in HEADLINE_KEYS:
        p = next(p for p in PARAMS if p.key == key)
        slider(p, lang, sb)
        if key in TOOL_BY_KEY and TOOL_BY_KEY[key].priced_in_beans:  # what the 元 buy in beans and orders
            _beans_caption(st.session_state[key], lang, sb)
    for group in GROUPS:
        params = [p for p in PARAMS if p.key not in HEADLINE_KEYS
                  and EXPANDER_OF.get(p.key, p.group) == group]
        if not params:
            continue
        with sb.expander(group_label(group, lang)):
            for p in params:
                slider(p, lang)
    sb.button(t("sidebar.reset_button", lang), on_click=state.reset_defaults, width="stretch")
    share_link(lang, share_slot)
    return lang
