"""Formatted tables, KPI cards and formula text for the pages. Pure: no streamlit import.

Numbers come from ``planner.breakdown`` and ``planner.report``, and are formatted with
``planner.fmt`` (万/亿 or K/M, 元, percentages, ``fmt.DASH`` for anything undefined). The
parameter and formula tables read the registry and the engine's constants, never retyped
numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from planner import breakdown, cases, compare, engine, fmt
from planner.engine import Projection
from planner.kpis import BY_KEY as KPI
from planner.kpis import change_text, shown_change, value_text
from planner.params import (
    AOV_REFERENCE,
    BEANS_PER_HEATING_ORDER,
    BEANS_PER_YUAN_ANDROID,
    BEANS_PER_YUAN_IOS,
    COUPON_GRANT_MIN_PRIVATE,
    FACT,
    INITIAL_PUSH_MAX,
    INITIAL_PUSH_MIN,
    PARAMS,
)
from planner.report import account_name, accounts_text, launch_schedule, stage_label
from planner.scenario import Scenario
from planner.text import t

from .i18n import source_label, unit


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
    delta_color: str = "normal"  # st.metric's: "inverse" where a rise is bad news (spend, unspent)


def kpi_cards(kpis: dict, deltas: dict, lang: str) -> list[Card]:
    """The overview's headline cards (``planner.kpis.OVERVIEW``): label, value, change against the
    baseline, labelled as such (none without a baseline, or where the KPI did not change) and
    tooltip."""
    cards = []
    for key in breakdown.KPI_KEYS:
        kpi = KPI[key]
        d = deltas.get(key)
        help_text = kpi.help(lang, spend=fmt.money(kpis["spend"], lang)) if key == "profit" else kpi.help(lang)
        moved = shown_change(key, d, lang)
        shown = None if moved is None else t("baseline.delta", lang, change=moved[0])
        cards.append(Card(kpi.label(lang), value_text(key, kpis[key], lang), shown, help_text,
                          "normal" if kpi.higher_is_better else "inverse"))
    return cards


def overview_caption(proj: Projection, lang: str) -> str:
    """The scenario in one line: horizon, accounts, schedule, AOV and the public CVR at that AOV
    (the engine's, not the link's 200 元 reference value)."""
    s = proj.scenario
    return t("overview.caption", lang, days=s.days, accounts=accounts_text(s, lang), sessions=f"{s.sessions_week:g}",
             hours=f"{s.session_hours:g}", aov=fmt.money(s.aov, lang), cvr=fmt.percent(float(proj.cvr_public[0]), 2))


def decomposition_table(proj: Projection, lang: str, before: Projection | None = None) -> pd.DataFrame:
    """Per source and in total: PV × CVR × AOV = GMV, formatted. With ``before`` (the
    baseline, ``views.baseline``), four more columns say how GMV changed and which factor moved
    it: ΔGMV split into the parts from PV, CVR and AOV (``planner.compare.decompose``; the parts
    add up to ΔGMV exactly)."""
    rows = breakdown.decomposition(proj)
    table = {
        t("overview.col_source", lang): [source_label(r["source"], lang) for r in rows],
        t("overview.col_pv", lang): [fmt.count(r["pv"], lang) for r in rows],
        t("overview.col_cvr", lang): [fmt.percent(r["cvr"], 2) if r["pv"] > 0 else fmt.DASH for r in rows],
        t("overview.col_aov", lang): [fmt.money(r["aov"], lang) for r in rows],
        t("overview.col_buyers", lang): [fmt.count(r["buyers"], lang) for r in rows],
        t("table.gmv", lang): [fmt.money(r["gmv"], lang) for r in rows],
        t("overview.col_gmv_share", lang): [fmt.percent(r["gmv_share"]) for r in rows],
    }
    if before is not None:
        d = compare.decompose(before, proj)
        part = {(p["source"], p["factor"]): p["value"] for p in d["parts"]}
        sources = [r["source"] for r in rows[:-1]]
        table[t("overview.col_d_gmv", lang)] = [_signed_money(v, lang) for v in
                                       [d["by_source"][s] for s in sources] + [d["difference"]]]
        for column, factor in (("overview.col_from_pv", "pv"), ("overview.col_from_cvr", "cvr"),
                               ("overview.col_from_aov", "aov")):
            values = [part[(s, factor)] for s in sources] + [d["by_factor"][factor]]
            table[t(column, lang)] = [_signed_money(v, lang) for v in values]
    return pd.DataFrame(table)


def _signed_money(value: float, lang: str) -> str:
    """A change in 元 with its sign; less than half a 元 either way is no change."""
    return change_text("gmv", value, lang)


# --- matrix -----------------------------------------------------------------------------

def launch_text(row: dict, days: int, lang: str) -> str:
    """An account's launch day, or "after day N" for one that does not launch within the horizon."""
    return t("matrix.day_n", lang, n=row["launch_day"]) if row["launched"] else t("matrix.after_day", lang, n=days)


def accounts_table(proj: Projection, lang: str) -> pd.DataFrame:
    rows = breakdown.account_rows(proj)
    return pd.DataFrame({
        t("table.account", lang): [account_name(r["account"], lang) for r in rows],
        t("table.launch_day", lang): [launch_text(r, proj.days, lang) for r in rows],
        t("matrix.col_sessions", lang): [f"{r['sessions']:,}" for r in rows],
        t("matrix.col_per_session", lang): [fmt.count(r["viewers_per_session"], lang) if r["sessions"] else fmt.DASH
                                     for r in rows],
        t("matrix.col_best_stage", lang): [stage_label(r["best_stage"], lang) for r in rows],
        t("matrix.col_final_stage", lang): [stage_label(r["final_stage"], lang) for r in rows],
        t("matrix.col_public_share", lang): [fmt.percent(r["public_share"]) for r in rows],
        t("table.gmv", lang): [fmt.money(r["gmv"], lang) for r in rows],
        t("matrix.col_viewers", lang): [fmt.count(r["pv"], lang) for r in rows],
        t("matrix.col_handoff", lang): [fmt.count(r["handoff_received"], lang) if r["account"] else fmt.DASH
                                 for r in rows],
        t("matrix.col_final_followers", lang): [fmt.count(r["final_followers"], lang) for r in rows],
    })


def first_stage_table(proj: Projection, lang: str) -> pd.DataFrame:
    firsts = breakdown.first_day_at_stage(proj)
    data = {t("table.account", lang): [account_name(a, lang) for a in range(proj.accounts)]}
    for i in range(len(engine.STAGE_KEYS)):
        data[stage_label(i, lang)] = [t("matrix.day_n", lang, n=row[i]) if row[i] is not None else t("matrix.never", lang)
                                      for row in firsts]
    return pd.DataFrame(data)


def matrix_caption(scenario: Scenario, lang: str) -> str:
    if scenario.launch_every == 0:
        return t("matrix.caption_same", lang, accounts=scenario.accounts)
    return t("matrix.caption", lang, accounts=scenario.accounts, every=scenario.launch_every,
             schedule=launch_schedule(scenario, lang))


def stage_bands_text(lang: str) -> str:
    """Each stage with the measure it is read from and its band, in one line."""
    parts = [f"{stage_label(i, lang)} {t('matrix.stage_measure_' + measure, lang)} {_band(lo, hi, lang)}"
             for i, measure, lo, hi in breakdown.stage_bands()]
    return t("app.list_separator", lang).join(parts)


def _band(lo: float, hi: float | None, lang: str) -> str:
    if lo == 0 and hi is not None:
        return t("assumptions.stage_range_first", lang, hi=f"{hi:,.0f}")
    if hi is None:
        return t("assumptions.stage_range_last", lang, lo=f"{lo:,.0f}")
    return t("assumptions.stage_range_mid", lang, lo=f"{lo:,.0f}", hi=f"{hi:,.0f}")


# --- assumptions ------------------------------------------------------------------------

def default_range_text(p, lang: str) -> str:
    """An uncertain parameter's default range for the Monte Carlo and its standing: "0.3% – 0.8%
    （假设）"; quoted at another value than the default, it says at which; empty for a decision."""
    if p.default_range is None:
        return ""
    low, high = (fmt.param_value(p, x, lang) for x in p.default_range)
    kind = t("assumptions.fact" if p.range_source == FACT else "assumptions.assumption", lang)
    if p.range_at is None:
        return t("ranges.default_range", lang, low=low, high=high, kind=kind)
    return t("ranges.default_range_at", lang, low=low, high=high, kind=kind, at=fmt.param_value(p, p.range_at, lang))


def params_table(group: str, scenario: Scenario, lang: str) -> pd.DataFrame:
    """Every parameter of ``group``: meaning, unit, default, current value, range, basis."""
    params = [p for p in PARAMS if p.group == group]
    current = scenario.as_dict()
    return pd.DataFrame({
        t("table.param", lang): [p.label(lang) for p in params],
        t("table.key", lang): [p.key for p in params],
        t("assumptions.col_meaning", lang): [p.help(lang) for p in params],
        t("table.unit", lang): [unit(p, lang) for p in params],
        t("table.default", lang): [fmt.param_value(p, p.default, lang) for p in params],
        t("table.current", lang): [fmt.param_value(p, current[p.key], lang)
                                 + (t("assumptions.changed_mark", lang) if current[p.key] != p.default else "")
                                 for p in params],
        t("assumptions.col_range", lang): [f"{fmt.param_value(p, p.min, lang)} – {fmt.param_value(p, p.max, lang)}" for p in params],
        t("ranges.col_default_range", lang): [default_range_text(p, lang) for p in params],
        t("assumptions.col_source_kind", lang): [t("assumptions.fact" if p.source == FACT else "assumptions.assumption", lang) for p in params],
        t("assumptions.col_note", lang): [p.note(lang) for p in params],
    })


def quality_table(lang: str) -> pd.DataFrame:
    """The five room-quality signals: weight and how each scores, from the engine's constants."""
    w = engine.QUALITY_WEIGHTS
    rows = [
        ("assumptions.sig_private", w["private"], t("assumptions.scale_half", lang, half=f"{engine.PRIVATE_VOLUME_HALF:,.0f}")),
        ("assumptions.sig_ctr", w["ctr"], t("assumptions.scale_full", lang, full=fmt.percent(engine.CTR_FULL, 0))),
        ("assumptions.sig_dwell", w["dwell"], t("assumptions.scale_full", lang, full=t("assumptions.minutes", lang, n=f"{engine.DWELL_FULL_MINUTES:g}"))),
        ("assumptions.sig_gpm", w["gpm"], t("assumptions.scale_half", lang, half=fmt.yuan(f"{engine.GPM_HALF:,.0f}", lang))),
        ("assumptions.sig_interact", w["interact"], t("assumptions.scale_full", lang, full=fmt.percent(engine.INTERACT_FULL, 0))),
    ]
    return pd.DataFrame({
        t("assumptions.col_signal", lang): [t(k, lang) for k, _, _ in rows],
        t("assumptions.col_weight", lang): [f"{v:.2f}" for _, v, _ in rows],
        t("assumptions.col_scaling", lang): [s for _, _, s in rows],
    })


def stages_table(lang: str) -> pd.DataFrame:
    bands = breakdown.stage_bands()
    return pd.DataFrame({
        t("assumptions.col_stage", lang): [stage_label(i, lang) for i, _, _, _ in bands],
        t("assumptions.col_stage_measure", lang): [t("matrix.stage_measure_" + measure, lang) for _, measure, _, _ in bands],
        t("assumptions.col_viewers_2h", lang): [_band(lo, hi, lang) for _, _, lo, hi in bands],
    })


def constants_lines(lang: str) -> list[str]:
    return [
        t("assumptions.const_beans", lang, android=BEANS_PER_YUAN_ANDROID, ios=BEANS_PER_YUAN_IOS,
          order=BEANS_PER_HEATING_ORDER),
        t("assumptions.const_push", lang, lo=INITIAL_PUSH_MIN, hi=INITIAL_PUSH_MAX),
        t("assumptions.const_aov_ref", lang, aov=AOV_REFERENCE),
        t("assumptions.const_hours", lang, tau=f"{engine.HOURS_SCALE:g}", ref=f"{engine.REFERENCE_HOURS:g}"),
        t("assumptions.const_trust", lang, half=f"{engine.FOLLOWERS_HALF_TRUST:,.0f}",
          evidence=f"{engine.STRANGERS_HALF_EVIDENCE:,.0f}"),
        t("assumptions.const_repeat", lang, days=f"{engine.REPEAT_WINDOW_YEARS * 365:.0f}"),
        t("assumptions.const_benchmark", lang, share=fmt.percent(breakdown.PUBLIC_SHARE_BENCHMARK, 0)),
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
    tau, ref = f"{engine.HOURS_SCALE:g}", f"{engine.REFERENCE_HOURS:g}"
    return [
        (t("assumptions.f_schedule_title", lang), t("assumptions.f_schedule_words", lang), [
            rf"L_a = a\cdot {k('launch_every')},\qquad n_a(t) = \left\lceil\tfrac{{(k+1)\,s}}{{7}}\right\rceil"
            rf" - \left\lceil\tfrac{{k\,s}}{{7}}\right\rceil,\quad k = t - L_a,\quad s = {k('sessions_week')}",
            rf"c(h) = 1 - e^{{-h/{tau}}},\qquad H = {k('session_hours')}",
        ]),
        (t("assumptions.f_private_title", lang), t("assumptions.f_private_words", lang), [
            rf"y_a = s\cdot\left(\frac{{I}}{{\sigma_a P}} + \frac{{(N-1)\,I}}{{P}}\right),\qquad I = {k('invites')},"
            rf"\ \sigma_0 = 1,\ \sigma_{{a>0}} = {k('sat_share')}",
            rf"\text{{first}}_a = \min\!\left(\frac{{I\cdot {k('show')}}}{{1 + {k('fatigue')}\cdot y_a}},\ \sigma_a P\right),"
            rf"\qquad \text{{private}}_a = \text{{first}}_a\,(1 + {k('share')}\cdot {k('per_share')})",
            rf"P_0 = {k('pool')},\qquad C_0 = {k('buyer_share')}\cdot P_0",
        ]),
        (t("assumptions.f_quality_title", lang), t("assumptions.f_quality_words", lang), [
            quality,
            rf"\text{{GPM}} = \frac{{1000\cdot\text{{cvr}}_{{\text{{eff}}}}\cdot {k('aov')}}}{{{k('visits_per_viewer')}}}",
            rf"w \leftarrow q + \left(1 - {k('weight_speed')}\cdot\frac{{\text{{public}}}}"
            rf"{{\text{{public}} + {engine.STRANGERS_HALF_EVIDENCE:g}}}\right)^{{n}}(w - q),\qquad"
            rf" w_{{0,0}} = q\cdot\frac{{F_0}}{{F_0 + {engine.FOLLOWERS_HALF_TRUST:g}}}",
        ]),
        (t("assumptions.f_public_title", lang), t("assumptions.f_public_words", lang), [
            rf"\text{{push}} = {INITIAL_PUSH_MIN} + ({INITIAL_PUSH_MAX} - {INITIAL_PUSH_MIN})\cdot w,\qquad"
            rf" \text{{fans}} = {k('fan_show')}\cdot F,\qquad"
            rf" \text{{content}} = {k('video_to_room')}\cdot\frac{{{k('video_plays')}}}{{7}}\cdot c(H)",
            rf"\lambda = 1 + ({k('lev_cap')} - 1)\,q^2,\qquad"
            rf" \text{{rec}} = w\,\lambda\,\frac{{c(H)}}{{c({ref})}}\cdot(\text{{private}} + \text{{push}}"
            rf" + \text{{fans}} + \text{{content}} + \text{{hand-off}})",
            rf"\text{{public}}_a = k_w\,(\text{{fans}} + \text{{content}}) + k\,(\text{{push}} + \text{{hand-off}}"
            rf" + \text{{rec}} + \text{{spill}}),\quad K = {k('audience')}\cdot c\!\left(\textstyle\sum_a n_a H\right)",
            r"k_w = \frac{K\,(1 - e^{-W/K})}{W},\qquad k = \frac{K\,(e^{-W/K} - e^{-(W+O)/K})}{O}",
        ]),
        (t("assumptions.f_paid_title", lang), t("assumptions.f_paid_words", lang, min_private=COUPON_GRANT_MIN_PRIVATE), [
            r"v(S) = \frac{2S/\text{cpv}}{1 + \sqrt{1 + 2\,\text{rise}\,S/(\text{cpv}\cdot\text{cap}\cdot H)}},"
            r"\qquad S \le S_{\max} = \text{cpv}\cdot\text{cap}\cdot H\,(1 + \text{rise}/2)",
            r"\text{unspent} = S - \min(S, S_{\max})",
            rf"\text{{cpv}}_{{\text{{beans}}}} = {k('beans_cpv')}\cdot\frac{{{BEANS_PER_YUAN_ANDROID}}}"
            rf"{{{BEANS_PER_YUAN_ANDROID}\,(1 - {k('ios_share')}) + {BEANS_PER_YUAN_IOS}\,{k('ios_share')}}}",
            rf"\text{{coupons}} \mathrel{{+}}= {k('coupon_free')}\cdot\min\!\left("
            rf"\frac{{\text{{private}}}}{{{COUPON_GRANT_MIN_PRIVATE}}}, 1\right)",
        ]),
        (t("assumptions.f_conv_title", lang), t("assumptions.f_conv_words", lang), [
            rf"\text{{cvr}}_{{\text{{eff}}}} = {k('cvr')}\cdot\left(\frac{{{AOV_REFERENCE}}}{{{k('aov')}}}\right)"
            rf"^{{{k('aov_elasticity')}}},\qquad \text{{cvr}}_p = \min({k('priv_mult')}\cdot\text{{cvr}}_{{\text{{eff}}}}, 1)",
            rf"p_{{\text{{rep}}}} = \max\!\left(1 - (1 - {k('repurchase')})^{{\min(1/W,\ {engine.REPEAT_WINDOW_YEARS * 365:.0f}/365)}},"
            r"\ \text{cvr}_p\right)",
            r"\text{buyers}_{\text{private}} = (\text{first}\,(1 - C/P) + \text{second})\,\text{cvr}_p"
            r" + \text{first}\,(C/P)\,p_{\text{rep}}",
            rf"\text{{buyers}}_{{\text{{public}}}} = (\text{{public}} - \text{{warm}})\,\text{{cvr}}_{{\text{{eff}}}}"
            rf" + \text{{warm}}\cdot\min({k('fan_mult')}\cdot\text{{cvr}}_{{\text{{eff}}}}, 1)",
            rf"\text{{GMV}}_s = \text{{PV}}_s\times\text{{CVR}}_s\times {k('aov')}",
        ]),
        (t("assumptions.f_dyn_title", lang), t("assumptions.f_dyn_words", lang), [
            rf"P \leftarrow P_{{\max}} - (P_{{\max}} - P\,(1 - {k('churn')}))\,e^{{-{k('capture')}\cdot B/P_{{\max}}}},"
            rf"\quad P_{{\max}} = {k('pool')} + {k('audience')}",
            rf"F \leftarrow A - (A - F\,(1 - {k('churn')}))\,e^{{-({k('follow')}\cdot\text{{new viewers}}"
            rf" + {k('video_follow')}\cdot {k('video_plays')}/7)/A}},\quad A = {k('audience')}",
        ]),
        (t("assumptions.f_money_title", lang), "", [
            rf"\text{{net GMV}} = \text{{GMV}}\,(1 - {k('returns')}),\qquad "
            rf"\text{{profit}} = \text{{net GMV}}\cdot {k('margin')} - \text{{spend}}",
            r"\text{room ROI} = \frac{\text{GMV}}{\text{spend}}\quad(\text{" + t("assumptions.roi_undefined", lang) + "})",
            r"\text{paid ROI} = \frac{\sum_{\text{paid tools}} \text{GMV}}{\text{spend}}",
        ]),
        (t("assumptions.f_matrix_title", lang), t("assumptions.f_matrix_words", lang), [
            rf"\text{{hand-off}}_a = {k('handoff')}\cdot(\text{{warm}}_0 + \text{{plat}}_0)"
            rf" / n_{{\text{{satellites streaming}}}},\qquad"
            rf" \text{{plays}}_{{a>0}} = {k('sat_content')}\cdot {k('video_plays')}",
        ]),
    ]


def cases_table(results, lang: str) -> pd.DataFrame:
    """The reported cases beside the model (``planner.cases``): what was reported, what the model
    gives with the inputs set as the source describes the case, and their ratio."""
    rows = cases.rows(results, lang)
    return pd.DataFrame({
        t("assumptions.col_case", lang): [r["case"] for r in rows],
        t("assumptions.col_reported", lang): [r["reported"] for r in rows],
        t("assumptions.col_model", lang): [r["model"] for r in rows],
        t("assumptions.col_ratio", lang): [r["ratio"] for r in rows],
        t("assumptions.col_pass", lang): ["✓" if r["ok"] else "✗" for r in rows],
        t("assumptions.col_inputs", lang): [r["inputs"] for r in rows],
    })


def param_value_by_key(key: str, scenario: Scenario, lang: str) -> str:
    p = next(p for p in PARAMS if p.key == key)
    return fmt.param_value(p, getattr(scenario, key), lang)
