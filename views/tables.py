"""Formatted tables, KPI cards and formula text for the pages. Pure: no streamlit import.

Numbers come from ``planner.breakdown`` and ``planner.report``, and are formatted with
``planner.fmt`` (万/亿 or K/M, 元, percentages, ``fmt.DASH`` for anything undefined). The
parameter and formula tables read the registry and the engine's constants, never retyped
numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from planner import breakdown, compare, engine, fmt
from planner.engine import Projection
from planner.params import (
    BEANS_PER_HEATING_ORDER,
    BEANS_PER_YUAN_ANDROID,
    BEANS_PER_YUAN_IOS,
    COUPON_GRANT_MIN_PRIVATE,
    FACT,
    GROUPS,
    INITIAL_PUSH_MAX,
    INITIAL_PUSH_MIN,
    PARAMS,
    Param,
)
from planner.report import account_name, stage_label
from planner.scenario import Scenario

from .i18n import source_label, t, unit

# --- values of parameters --------------------------------------------------------------

def _percent_digits(x: float) -> int:
    """Fewest decimals (up to 3) that show 100·x exactly: 0.015 → 1, 0.002 → 1, 0.6 → 0."""
    return next((d for d in range(4) if abs(round(100 * x, d) - 100 * x) < 1e-9), 3)


def param_value(p: Param, value: float, lang: str) -> str:
    """A parameter value as people read it: percentages for fractions, separators, no noise."""
    value = float(value)
    if p.percent:
        return fmt.percent(value, _percent_digits(value))
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def height_for(df: pd.DataFrame) -> int:
    """Pixels for ``st.dataframe`` to show every row without an inner scroll bar."""
    return ROW_PX * (len(df) + 1) + 3


ROW_PX = 35  # st.dataframe's row height


# --- overview ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Card:
    label: str
    value: str
    delta: str | None
    help: str


def _signed(text: str, x: float) -> str:
    return text if text.startswith("-") or x == 0 else "+" + text


def _delta_text(key: str, d, lang: str) -> str | None:
    if d is None or d == 0:
        return None
    if key in ("gmv", "net_gmv", "profit"):
        return _signed(fmt.money(d, lang), d)
    if key == "roi":
        return _signed(fmt.roi(d), d)
    if key == "public_share":
        pp = fmt.number(100 * d, 1)
        return _signed(pp + (" 个百分点" if lang == "zh" else " pp"), d)
    if key == "stage_reached_index":
        return _signed(f"{d:d}" + (" 级" if lang == "zh" else " stage(s)"), d)
    return None


def kpi_cards(kpis: dict, deltas: dict, lang: str) -> list[Card]:
    """The six headline cards, with their exact labels, values and deltas."""
    values = {
        "gmv": fmt.money(kpis["gmv"], lang),
        "net_gmv": fmt.money(kpis["net_gmv"], lang),
        "profit": fmt.money(kpis["profit"], lang),
        "roi": fmt.roi(kpis["roi"]),
        "public_share": fmt.percent(kpis["public_share"]),
        "stage_reached_index": stage_label(kpis["stage_reached_index"], lang),
    }
    labels = {"gmv": "kpi_gmv", "net_gmv": "kpi_net_gmv", "profit": "kpi_profit", "roi": "kpi_roi",
              "public_share": "kpi_public_share", "stage_reached_index": "kpi_stage"}
    cards = []
    for key in breakdown.KPI_KEYS:
        help_key = labels[key] + "_help"
        help_text = t(help_key, lang, spend=fmt.money(kpis["spend"], lang)) if key == "profit" else t(help_key, lang)
        cards.append(Card(t(labels[key], lang), values[key], _delta_text(key, deltas.get(key), lang), help_text))
    return cards


def overview_caption(scenario: Scenario, lang: str) -> str:
    by_key = {p.key: p for p in PARAMS}
    return t("overview_caption", lang, days=scenario.days, accounts=scenario.accounts,
             aov=fmt.money(scenario.aov, lang), cvr=param_value(by_key["cvr"], scenario.cvr, lang))


def decomposition_table(proj: Projection, lang: str, before: Projection | None = None) -> pd.DataFrame:
    """Per source and in total: PV × CVR × AOV = GMV, formatted. With ``before`` (the
    session's previous scenario), four more columns say how GMV changed and which factor moved
    it: ΔGMV split into the parts from PV, CVR and AOV (``planner.compare.decompose``; the parts
    add up to ΔGMV exactly)."""
    rows = breakdown.decomposition(proj)
    table = {
        t("col_source", lang): [source_label(r["source"], lang) for r in rows],
        t("col_pv", lang): [fmt.count(r["pv"], lang) for r in rows],
        t("col_cvr", lang): [fmt.percent(r["cvr"], 2) if r["pv"] > 0 else fmt.DASH for r in rows],
        t("col_aov", lang): [fmt.money(r["aov"], lang) for r in rows],
        t("col_buyers", lang): [fmt.count(r["buyers"], lang) for r in rows],
        t("col_gmv", lang): [fmt.money(r["gmv"], lang) for r in rows],
        t("col_gmv_share", lang): [fmt.percent(r["gmv_share"]) for r in rows],
    }
    if before is not None:
        d = compare.decompose(before, proj)
        part = {(p["source"], p["factor"]): p["value"] for p in d["parts"]}
        sources = [r["source"] for r in rows[:-1]]
        table[t("col_d_gmv", lang)] = [_signed_money(v, lang) for v in
                                       [d["by_source"][s] for s in sources] + [d["difference"]]]
        for column, factor in (("col_from_pv", "pv"), ("col_from_cvr", "cvr"), ("col_from_aov", "aov")):
            values = [part[(s, factor)] for s in sources] + [d["by_factor"][factor]]
            table[t(column, lang)] = [_signed_money(v, lang) for v in values]
    return pd.DataFrame(table)


def _signed_money(value: float, lang: str) -> str:
    """A change in 元 with its sign; less than half a 元 either way is no change."""
    return compare.kpi_text("gmv", 0.0 if abs(value) < 0.5 else value, lang, delta=True)


# --- matrix -----------------------------------------------------------------------------

def launch_text(proj: Projection, account: int, lang: str) -> str:
    """"Day 15", or "After day 90" for an account not live within the horizon (the engine's
    ``launch_day`` is 0 for such an account, as if it started on day 1)."""
    if not proj.live[:, account].any():
        return t("after_day_n", lang, n=proj.days)
    return t("day_n", lang, n=int(proj.launch_day[account]) + 1)


def accounts_table(proj: Projection, lang: str) -> pd.DataFrame:
    rows = breakdown.account_rows(proj)
    return pd.DataFrame({
        t("col_account", lang): [account_name(r["account"], lang) for r in rows],
        t("col_launch", lang): [launch_text(proj, r["account"], lang) for r in rows],
        t("col_best_stage", lang): [stage_label(r["best_stage"], lang) for r in rows],
        t("col_final_stage", lang): [stage_label(r["final_stage"], lang) for r in rows],
        t("col_public_share", lang): [fmt.percent(r["public_share"]) for r in rows],
        t("col_gmv", lang): [fmt.money(r["gmv"], lang) for r in rows],
        t("col_viewers", lang): [fmt.count(r["pv"], lang) for r in rows],
        t("col_handoff", lang): [fmt.count(r["handoff_received"], lang) if r["account"] else fmt.DASH
                                 for r in rows],
        t("col_final_pool", lang): [fmt.count(r["final_pool"], lang) for r in rows],
    })


def first_stage_table(proj: Projection, lang: str) -> pd.DataFrame:
    firsts = breakdown.first_day_at_stage(proj)
    data = {t("col_account", lang): [account_name(a, lang) for a in range(proj.accounts)]}
    for i in range(len(engine.STAGE_THRESHOLDS)):
        data[stage_label(i, lang)] = [t("day_n", lang, n=row[i]) if row[i] is not None else t("never", lang)
                                      for row in firsts]
    return pd.DataFrame(data)


def matrix_caption(scenario: Scenario, lang: str) -> str:
    if scenario.launch_every == 0:
        return t("matrix_caption_same", lang, accounts=scenario.accounts)
    return t("matrix_caption", lang, accounts=scenario.accounts, every=scenario.launch_every)


def stage_bands_text(lang: str) -> str:
    return "；".join(f"{stage_label(i, lang)} {_band(lo, hi, lang)}" for i, lo, hi in breakdown.stage_bands()) \
        if lang == "zh" else "; ".join(f"{stage_label(i, lang)} {_band(lo, hi, lang)}"
                                       for i, lo, hi in breakdown.stage_bands())


def _band(lo: float, hi: float | None, lang: str) -> str:
    if lo == 0 and hi is not None:
        return t("stage_range_first", lang, hi=f"{hi:,.0f}")
    if hi is None:
        return t("stage_range_last", lang, lo=f"{lo:,.0f}")
    return t("stage_range_mid", lang, lo=f"{lo:,.0f}", hi=f"{hi:,.0f}")


# --- assumptions ------------------------------------------------------------------------

def group_label(group: str, lang: str) -> str:
    zh, en = GROUPS[group]
    return zh if lang == "zh" else en


def params_table(group: str, scenario: Scenario, lang: str) -> pd.DataFrame:
    """Every parameter of ``group``: meaning, unit, default, current value, range, basis."""
    params = [p for p in PARAMS if p.group == group]
    current = scenario.as_dict()
    return pd.DataFrame({
        t("col_param", lang): [p.label(lang) for p in params],
        t("col_key", lang): [p.key for p in params],
        t("col_meaning", lang): [p.help(lang) for p in params],
        t("col_unit", lang): [unit(p, lang) for p in params],
        t("col_default", lang): [param_value(p, p.default, lang) for p in params],
        t("col_current", lang): [param_value(p, current[p.key], lang)
                                 + (t("changed_mark", lang) if current[p.key] != p.default else "")
                                 for p in params],
        t("col_range", lang): [f"{param_value(p, p.min, lang)} – {param_value(p, p.max, lang)}" for p in params],
        t("col_source_kind", lang): [t("fact" if p.source == FACT else "assumption", lang) for p in params],
        t("col_note", lang): [p.note(lang) for p in params],
    })


def quality_table(lang: str) -> pd.DataFrame:
    """The five room-quality signals: weight and how each scores, from the engine's constants."""
    w = engine.QUALITY_WEIGHTS
    rows = [
        ("sig_private", w["private"], t("scale_half", lang, half=f"{engine.PRIVATE_VOLUME_HALF:,.0f}")),
        ("sig_ctr", w["ctr"], t("scale_full", lang, full=fmt.percent(engine.CTR_FULL, 0))),
        ("sig_dwell", w["dwell"], t("scale_full", lang, full=f"{engine.DWELL_FULL_MINUTES:g} min")),
        ("sig_gpm", w["gpm"], t("scale_half", lang, half=f"{engine.GPM_HALF:,.0f} 元")),
        ("sig_interact", w["interact"], t("scale_full", lang, full=fmt.percent(engine.INTERACT_FULL, 0))),
    ]
    return pd.DataFrame({
        t("col_signal", lang): [t(k, lang) for k, _, _ in rows],
        t("col_weight", lang): [f"{v:.2f}" for _, v, _ in rows],
        t("col_scaling", lang): [s for _, _, s in rows],
    })


def stages_table(lang: str) -> pd.DataFrame:
    bands = breakdown.stage_bands()
    return pd.DataFrame({
        t("col_stage", lang): [stage_label(i, lang) for i, _, _ in bands],
        t("col_viewers_2h", lang): [_band(lo, hi, lang) for _, lo, hi in bands],
    })


def constants_lines(lang: str) -> list[str]:
    return [
        t("const_beans", lang, android=BEANS_PER_YUAN_ANDROID, ios=BEANS_PER_YUAN_IOS,
          order=BEANS_PER_HEATING_ORDER),
        t("const_push", lang, lo=INITIAL_PUSH_MIN, hi=INITIAL_PUSH_MAX),
        t("const_benchmark", lang, share=fmt.percent(breakdown.PUBLIC_SHARE_BENCHMARK, 0)),
    ]


def _tx(key: str) -> str:
    """A registry key as LaTeX text."""
    return r"\text{" + key.replace("_", r"\_") + "}"


def formulas(lang: str) -> list[tuple[str, str, list[str]]]:
    """(title, words, LaTeX lines) for each block of ``planner/engine.py``'s equations. Names
    in the formulas are the parameters' link keys; numbers are the engine's constants."""
    w = engine.QUALITY_WEIGHTS
    k = _tx
    quality = (
        rf"q = \begin{{aligned}} &{w['private']:.2f}\cdot\frac{{\text{{private}}}}"
        rf"{{\text{{private}} + {engine.PRIVATE_VOLUME_HALF:g}}}"
        rf" + {w['ctr']:.2f}\cdot\min\!\left(\frac{{{k('ctr')}}}{{{engine.CTR_FULL:g}}}, 1\right)"
        rf" + {w['dwell']:.2f}\cdot\min\!\left(\frac{{{k('dwell')}}}{{{engine.DWELL_FULL_MINUTES:g}}}, 1\right)\\"
        rf" &+ {w['gpm']:.2f}\cdot\frac{{\text{{GPM}}}}{{\text{{GPM}} + {engine.GPM_HALF:g}}}"
        rf" + {w['interact']:.2f}\cdot\min\!\left(\frac{{{k('interact')}}}{{{engine.INTERACT_FULL:g}}}, 1\right)"
        r"\end{aligned}"
    )
    return [
        (t("f_private_title", lang), t("f_private_words", lang), [
            rf"x_a = \frac{{I_a + {k('overlap')}\cdot\sum_{{b\neq a}} I_b}}{{P_a}},\qquad I_a = {k('invites')}",
            rf"\text{{show}}_a = \frac{{{k('show')}}}{{1 + {k('fatigue')}\cdot x_a}}",
            rf"v_{{1,a}} = \min(I_a\cdot \text{{show}}_a,\; P_a),\qquad "
            rf"v_{{2,a}} = v_{{1,a}}\cdot {k('share')}\cdot {k('per_share')}",
            r"\text{private}_a = v_{1,a} + v_{2,a}",
        ]),
        (t("f_quality_title", lang), t("f_quality_words", lang), [
            quality,
            rf"\text{{GPM}} = 1000\cdot {k('cvr')}\cdot {k('aov')}",
        ]),
        (t("f_public_title", lang), t("f_public_words", lang), [
            rf"L = 1 + ({k('lev_cap')} - 1)\cdot q",
            rf"\text{{push}} = {INITIAL_PUSH_MIN} + ({INITIAL_PUSH_MAX} - {INITIAL_PUSH_MIN})\cdot w",
            rf"\text{{public}} = \text{{push}} + w\cdot L\cdot\text{{private}} + {k('fan_show')}\cdot F"
            rf" + {k('spill')}\cdot\text{{paid}} + \text{{hand-off in}}",
        ]),
        (t("f_paid_title", lang), t("f_paid_words", lang, min_private=COUPON_GRANT_MIN_PRIVATE), [
            r"\text{paid}_k = \text{cap}_k\left(1 - e^{-S_k\, r_k / \text{cap}_k}\right),\qquad "
            r"r_k = \frac{1}{\text{cpv}_k}",
            rf"r_{{\text{{beans}}}} = \frac{{{BEANS_PER_YUAN_ANDROID}\,(1 - {k('ios_share')}) + "
            rf"{BEANS_PER_YUAN_IOS}\,{k('ios_share')}}}{{{BEANS_PER_YUAN_ANDROID}}}\cdot\frac{{1}}{{{k('beans_cpv')}}}",
            rf"\text{{coupons}} \mathrel{{+}}= {k('coupon_free')}\cdot"
            rf"[\text{{private}} \ge {COUPON_GRANT_MIN_PRIVATE}]",
        ]),
        (t("f_conv_title", lang), t("f_conv_words", lang), [
            rf"\text{{cvr}}_p = \min({k('cvr')}\cdot {k('priv_mult')},\, 1)",
            rf"\text{{buyers}}_{{\text{{private}}}} = (v_1 - C + v_2)\cdot\text{{cvr}}_p"
            rf" + C\cdot\max({k('repurchase')},\, \text{{cvr}}_p)",
            rf"\text{{buyers}}_{{\text{{public}}}} = \text{{public}}\cdot {k('cvr')},\qquad "
            rf"\text{{buyers}}_k = \text{{paid}}_k\cdot\min({k('cvr')}\cdot\text{{prec}}_k,\, 1)",
            rf"\text{{GMV}}_s = \text{{PV}}_s\times\text{{CVR}}_s\times {k('aov')}",
        ]),
        (t("f_dyn_title", lang), t("f_dyn_words", lang), [
            rf"P \leftarrow P\,(1 - {k('churn')}) + {k('capture')}\cdot(\text{{buyers}}_{{\text{{public}}}}"
            rf" + \textstyle\sum_k \text{{buyers}}_k + v_2\cdot\text{{cvr}}_p)",
            rf"F \leftarrow F\,(1 - {k('churn')}) + {k('follow')}\cdot\text{{PV}}",
            rf"w \leftarrow w + {k('weight_speed')}\cdot(q - w)",
        ]),
        (t("f_money_title", lang), "", [
            rf"\text{{net GMV}} = \text{{GMV}}\,(1 - {k('returns')}),\qquad "
            rf"\text{{profit}} = \text{{net GMV}}\cdot {k('margin')} - \text{{spend}}",
            r"\text{ROI} = \frac{\text{GMV}}{\text{spend}}" + (r"\quad(\text{无投流时不适用})" if lang == "zh"
                                                            else r"\quad(\text{undefined without spend})"),
        ]),
        (t("f_matrix_title", lang), t("f_matrix_words", lang), [
            rf"\text{{launch}}_k = k\cdot {k('launch_every')},\qquad P_{{k,0}} = {k('sat_pool')}\cdot {k('pool')},"
            rf"\qquad w_{{k,0}} = 0",
            rf"\text{{hand-off}}_k = {k('handoff')}\cdot\text{{public}}_0 / n_{{\text{{live satellites}}}}",
        ]),
    ]


def param_value_by_key(key: str, scenario: Scenario, lang: str) -> str:
    p = next(p for p in PARAMS if p.key == key)
    return param_value(p, getattr(scenario, key), lang)
