"""How the app names a traffic source, a parameter and a parameter group, in either language.

The words live elsewhere: parameter labels, units, help and notes in the registry
(``planner.params``), source names in ``planner.tools`` and the catalogue (``planner.report.source_label``), everything else in the catalogue
(``planner.text``). These functions only put them together for a control, a table or a chart.
"""

from __future__ import annotations

from planner import report
from planner.text import normalize_lang, t


def source_label(source: str, lang: str) -> str:
    """私域 / 公域推荐 / 广点通 / 微信豆 / 流量券, or Private / Public / Tencent Ads / Beans / Coupons."""
    if source == "total":
        return t("table.total", lang)
    return report.source_label(source, normalize_lang(lang))


def unit(p, lang: str) -> str:
    """A parameter's unit as shown to people: fractions shown as percentages say "%"."""
    u = p.unit(lang)
    return u.replace(t("unit.fraction", lang), "%") if p.percent else u


def param_label(p, lang: str) -> str:
    """A control's label: the parameter's name and its unit."""
    return t("app.label_with_unit", lang, label=p.label(lang), unit=unit(p, lang))


def param_help(p, lang: str) -> str:
    """A control's tooltip: what the parameter means, then whether it is a fact or an assumption
    and why. Most registry notes already start with the word (假设：…, Fact: "…"): it is not said
    twice."""
    kind = t("assumptions.fact" if p.source == "fact" else "assumptions.assumption", lang)
    note = p.note(lang)
    return f"{p.help(lang)}\n\n{note if note.startswith(kind) else f'{kind} · {note}'}"
