"""The 术语表 Glossary page's entries: each term's name, plain meaning, an example worked with the
current scenario's numbers (``planner.glossary``, ``planner.uncertainty``) and the pages where it is
met. Pure: no streamlit import; the words are the catalogue's (``glossary.*``).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner import fmt, glossary
from planner.engine import Projection
from planner.params import BY_KEY
from planner.text import t
from planner.uncertainty import Bands, Sensitivity


@dataclass(frozen=True)
class Entry:
    key: str  # glossary.TERMS
    term: str
    meaning: str
    example: str  # empty when the term has none
    where: str


def _examples(proj: Projection, bands: Bands, sens: Sensitivity, lang: str) -> dict[str, str]:
    """The worked examples, in ``lang``, from the scenario's own numbers."""
    days = proj.scenario.days
    lev = glossary.leverage(proj)
    first, last = glossary.weight_path(proj)
    p10, p50, p90 = (fmt.money(x, lang) for x in bands.total["gmv"])
    split = glossary.shapley_example(proj)
    out = {
        "leverage": t("glossary.leverage.example", lang, days=days, brought=fmt.count(lev.brought, lang),
                      recommended=fmt.count(lev.recommended, lang), ratio=fmt.number(lev.per_viewer, 2)),
        "catch": t("glossary.catch.example", lang, first=fmt.number(first, 2), last=fmt.number(last, 2), days=days),
        "percentiles": t("glossary.percentiles.example", lang, days=days, p10=p10, p50=p50, p90=p90,
                         draws=f"{bands.draws:,}"),
        "seed": t("glossary.seed.example", lang, seed=proj.scenario.seed, draws=f"{bands.draws:,}"),
        "shapley": t("glossary.shapley.example", lang, before=f"{split['invites_before']:,}",
                     after=f"{split['invites_after']:,}", diff=fmt.money(split["difference"], lang),
                     **{factor: fmt.money(split["by_factor"][factor], lang) for factor in ("pv", "cvr", "aov")}),
    }
    largest = glossary.largest_elasticity(sens.elasticities)
    if largest is not None:
        key, value = largest
        out["elasticity"] = t("glossary.elasticity.example", lang, param=BY_KEY[key].label(lang),
                              value=fmt.number(value, 2))
    return out


def entries(proj: Projection, bands: Bands, sens: Sensitivity, lang: str) -> list[Entry]:
    """Every term of ``planner.glossary.TERMS`` with its meaning, example and pages."""
    examples = _examples(proj, bands, sens, lang)
    sep = t("glossary.pages_sep", lang)
    return [Entry(key, t(f"glossary.{key}.term", lang), t(f"glossary.{key}.meaning", lang),
                  t("glossary.example", lang, text=examples[key]) if key in examples else "",
                  t("glossary.where", lang, pages=sep.join(t(page, lang) for page in glossary.PAGES[key])))
            for key in glossary.TERMS]
