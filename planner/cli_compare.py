"""``python -m planner compare LINK_A LINK_B``: two scenarios side by side.

Prints both scenarios' KPIs, B − A for each, and the decomposition of the GMV difference into
PV, CVR and AOV effects per traffic source (``planner.compare.decompose``; the parts add up to
the difference). Bad input exits with code 2 and one line on stderr, as ``report`` does.
"""

from __future__ import annotations

import json

from . import fmt
from .cli import LINK_HELP, SOURCE_LABELS, _row, _scenario
from .compare import FACTORS, KPI_KEYS, decompose, kpi_table, kpi_text, visible_parts
from .engine import simulate
from .link import to_query

KPI_LABELS: dict[str, tuple[str, str]] = {
    "gmv": ("GMV", "GMV"),
    "net_gmv": ("退货后净成交", "Net GMV"),
    "profit": ("投流后利润", "Profit after spend"),
    "spend": ("投流消耗", "Paid spend"),
    "roi": ("投产比 ROI", "ROI"),
    "pv": ("观看人数(UV)", "Viewers (UV)"),
    "buyers": ("成交人数", "Buyers"),
    "public_share": ("公域占比", "Public share"),
    "stage_reached_index": ("最高阶段", "Stage reached"),
}
FACTOR_LABELS: dict[str, tuple[str, str]] = {"pv": ("场观", "PV"), "cvr": ("转化率", "CVR"), "aov": ("客单价", "AOV")}


def compare_doc(links: list[str], lenient: bool = False) -> dict:
    """The JSON document: each scenario's query, notices and KPIs; B − A; and the waterfall."""
    sides, projs = [], []
    for link in links:
        scenario, notices = _scenario(link, None, lenient)
        proj = simulate(scenario)
        projs.append(proj)
        sides.append({"query": to_query(scenario), "notices": [n.text("en") for n in notices]})
    rows = kpi_table(projs)
    for i, side in enumerate(sides):
        side["kpis"] = {row["key"]: row["values"][i] for row in rows}
    return {
        "a": sides[0],
        "b": sides[1],
        "deltas": {row["key"]: row["deltas"][1] for row in rows},
        "ratios": {row["key"]: row["ratios"][1] for row in rows},
        "waterfall": decompose(projs[0], projs[1]),
    }


def table(doc: dict, lang: str) -> str:
    zh = lang == "zh"
    i = 0 if zh else 1
    widths = (20, 14, 14, 14, 9)
    out = [_row(("指标" if zh else "KPI", "A", "B", "B − A", "变化" if zh else "change"), widths)]
    for key in KPI_KEYS:
        ratio = doc["ratios"][key]
        out.append(_row((KPI_LABELS[key][i], kpi_text(key, doc["a"]["kpis"][key], lang),
                         kpi_text(key, doc["b"]["kpis"][key], lang), kpi_text(key, doc["deltas"][key], lang, True),
                         fmt.DASH if ratio is None else f"{100 * ratio:+.1f}%"), widths))
    w = doc["waterfall"]
    out += ["", ("GMV 差异拆解（Shapley：各部分相加等于差异）" if zh else
                 "GMV difference by source and factor (Shapley: the parts add up to the difference)")]
    widths = (24, 14)
    out.append(_row(("A 的 GMV" if zh else "GMV of A", fmt.money(w["gmv_a"], lang)), widths))
    for part in visible_parts(w):
        name = f"{SOURCE_LABELS[lang][part['source']]} · {FACTOR_LABELS[part['factor']][i]}"
        out.append(_row((name, kpi_text("gmv", part["value"], lang, True)), widths))
    out.append(_row(("B 的 GMV" if zh else "GMV of B", fmt.money(w["gmv_b"], lang)), widths))
    out.append(_row(("差异" if zh else "Difference", kpi_text("gmv", w["difference"], lang, True)), widths))
    by_factor = "  ".join(f"{FACTOR_LABELS[f][i]} {kpi_text('gmv', w['by_factor'][f], lang, True)}" for f in FACTORS)
    out.append(("按因子：" if zh else "By factor: ") + by_factor)
    return "\n".join(out) + "\n"


def cmd_compare(args) -> str:
    doc = compare_doc([args.link_a, args.link_b], args.lenient)
    if args.format == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return table(doc, args.lang)


def add_parser(subparsers) -> None:
    """Register ``compare`` on the CLI's subparsers (``planner.cli.build_parser``)."""
    cmp = subparsers.add_parser("compare", help="compare two scenarios: KPIs, deltas and the GMV waterfall")
    cmp.add_argument("link_a", help="scenario A: " + LINK_HELP)
    cmp.add_argument("link_b", help="scenario B: " + LINK_HELP)
    cmp.add_argument("--format", choices=("table", "json"), default="table")
    cmp.add_argument("--lang", choices=("zh", "en"), default="zh")
    cmp.add_argument("--lenient", action="store_true", help="use defaults for bad values, as the app does")
    cmp.set_defaults(run=cmd_compare)
