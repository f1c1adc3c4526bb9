"""``python -m planner compare LINK_A LINK_B``: two scenarios side by side.

Prints both scenarios' KPIs, B − A for each, and the decomposition of the GMV difference into
PV, CVR and AOV effects per traffic source (``planner.compare.decompose``; the parts add up to
the difference). Bad input exits with code 2 and one line on stderr, as ``report`` does.
"""

from __future__ import annotations

from .. import fmt, kpis
from ..compare import FACTORS, KPI_KEYS, decompose, kpi_table, visible_parts
from ..engine import simulate
from ..link import to_query
from ..report import source_label
from ..text import t
from .common import add_command, add_output_arguments, json_text, read_scenario, row


def add_parser(subparsers, lang: str) -> None:
    cmp = add_command(subparsers, "compare", lang)
    for side in ("A", "B"):
        cmp.add_argument(f"link_{side.lower()}", help=t("cli.help.compare_link", lang, side=side,
                                                         link=t("cli.help.link", lang)))
    add_output_arguments(cmp, lang, lenient=True)
    cmp.set_defaults(run=run)


def run(args) -> str:
    doc = compare_doc([args.link_a, args.link_b], args.lenient, args.stderr_lang)
    if args.format == "json":
        return json_text(doc)
    return table(doc, args.lang)


def compare_doc(links: list[str], lenient: bool = False, lang: str = "en") -> dict:
    """The JSON document: each scenario's query, notices and KPIs; B − A; and the waterfall.
    ``lang`` is that of the notices printed on stderr (the document's are English)."""
    sides, projs = [], []
    for link in links:
        scenario, notices = read_scenario(link, None, lenient, lang)
        proj = simulate(scenario)
        projs.append(proj)
        sides.append({"query": to_query(scenario), "notices": [n.text("en") for n in notices]})
    rows = kpi_table(projs)
    for i, side in enumerate(sides):
        side["kpis"] = {r["key"]: r["values"][i] for r in rows}
    return {
        "a": sides[0],
        "b": sides[1],
        "deltas": {r["key"]: r["deltas"][1] for r in rows},
        "ratios": {r["key"]: r["ratios"][1] for r in rows},
        "waterfall": decompose(projs[0], projs[1]),
    }


def table(doc: dict, lang: str) -> str:
    widths = (20, 14, 14, 14, 9)
    out = [row((t("table.metric", lang), "A", "B", "B − A", t("cli.compare.change", lang)), widths)]
    for key in KPI_KEYS:
        ratio = doc["ratios"][key]
        out.append(row((kpis.label(key, lang), kpis.value_text(key, doc["a"]["kpis"][key], lang),
                        kpis.value_text(key, doc["b"]["kpis"][key], lang), kpis.change_text(key, doc["deltas"][key], lang),
                        fmt.DASH if ratio is None else f"{100 * ratio:+.1f}%"), widths))
    w = doc["waterfall"]
    out += ["", t("cli.compare.waterfall", lang)]
    widths = (24, 14)
    out.append(row((t("cli.compare.gmv_of", lang, side="A"), fmt.money(w["gmv_a"], lang)), widths))
    for part in visible_parts(w):
        name = f"{source_label(part['source'], lang)} · {t('cli.compare.factor.' + part['factor'], lang)}"
        out.append(row((name, kpis.change_text("gmv", part["value"], lang)), widths))
    out.append(row((t("cli.compare.gmv_of", lang, side="B"), fmt.money(w["gmv_b"], lang)), widths))
    out.append(row((t("cli.compare.difference", lang), kpis.change_text("gmv", w["difference"], lang)), widths))
    by_factor = "  ".join(f"{t('cli.compare.factor.' + f, lang)} {kpis.change_text('gmv', w['by_factor'][f], lang)}"
                          for f in FACTORS)
    out.append(t("cli.compare.by_factor", lang, parts=by_factor))
    return "\n".join(out) + "\n"
