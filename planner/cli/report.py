"""``python -m planner report LINK``: project a scenario given as a share link or query string.

Prints the totals, the traffic sources, the accounts and the share query (``--format table``),
the whole report as JSON, or the daily table as CSV. ``--draws``/``--seed`` (or ranges in the
link) add the Monte Carlo P10/P50/P90 of GMV, net GMV and profit: every uncertain parameter
is drawn from its default range (``python -m planner params``) unless the link gives its own.
"""

from __future__ import annotations

import csv
import io

from .. import fmt, kpis
from ..engine import SOURCES, simulate
from ..report import (
    DAILY_KEYS,
    STAGE_KEYS,
    account_name,
    daily_headers,
    report,
    rounded_daily_table,
    source_label,
    stage_label,
)
from ..scenario import MAX_DRAWS, MAX_SEED
from ..text import t
from ..uncertainty import budget_notice, monte_carlo, percentiles
from .common import (
    add_command,
    add_link_arguments,
    add_output_arguments,
    int_in,
    json_text,
    notice,
    read_scenario,
    row,
    share_query,
)


def add_parser(subparsers, lang: str) -> None:
    rep = add_command(subparsers, "report", lang)
    add_link_arguments(rep, lang)
    add_output_arguments(rep, lang, ("table", "json", "csv"), lenient=True)
    rep.add_argument("--draws", type=int_in(1, MAX_DRAWS, lang), help=t("cli.help.draws", lang))
    rep.add_argument("--seed", type=int_in(0, MAX_SEED, lang), help=t("cli.help.draws_seed", lang))
    rep.set_defaults(run=run)


def run(args) -> str:
    scenario, notices = read_scenario(args.link, args.preset, args.lenient, args.stderr_lang)
    proj = simulate(scenario)
    doc = report(proj, notices)
    if args.draws is not None or args.seed is not None or scenario.ranges:
        over_budget = budget_notice(scenario, args.draws)
        if over_budget is not None:  # not a bad link: more than the planner computes at once
            notice(over_budget.text(args.stderr_lang))
        doc["percentiles"] = percentiles(monte_carlo(scenario, args.draws, args.seed))
    if args.format == "json":
        return json_text(doc)
    if args.format == "csv":
        return csv_text(rounded_daily_table(proj), args.lang)
    return table(doc, args.lang) + percentile_lines(doc.get("percentiles"), args.lang)


def table(doc: dict, lang: str) -> str:
    """The report as a terminal reads it: totals, sources, accounts and the share query."""
    totals = doc["totals"]
    out = [row((kpis.label(key, lang), kpis.value_text(key, totals[key], lang)), (26, 12))
           for key in kpis.REPORT]
    out.append("")
    head = (t("cli.report.source", lang), t("cli.report.viewers", lang), t("cli.report.cvr", lang), "GMV")
    widths = (14, 10, 8, 14)
    out.append(row(head, widths))
    for s in SOURCES:
        out.append(row((source_label(s, lang), fmt.count(totals["pv_by_source"][s], lang),
                        fmt.percent(totals["cvr_by_source"][s], 2), fmt.money(totals["gmv_by_source"][s], lang)),
                       widths))
    out.append("")
    head = (t("cli.account", lang), t("cli.report.launch", lang), t("cli.report.sessions", lang),
            t("cli.report.a_session", lang), "GMV", t("cli.report.public", lang), t("cli.report.final_stage", lang))
    widths = (14, 8, 8, 10, 14, 10, 12)
    out.append(row(head, widths))
    for a in doc["accounts"]:
        stage = a["final_stage"]
        idx = STAGE_KEYS.index(stage) if stage in STAGE_KEYS else -1
        # An account that does not launch within the horizon launches after its last day.
        launch = a["launch_day"] if a["launched"] else t("cli.report.after_day", lang, day=len(doc["daily"]))
        out.append(row((account_name(a["account"], lang), launch, fmt.count(a["sessions"], lang),
                        fmt.count(a["viewers_per_session"], lang), fmt.money(a["gmv"], lang),
                        fmt.percent(a["public_share"]), stage_label(idx, lang)), widths))
    out.append("")
    out.append(share_query(doc["query"], lang))
    return "\n".join(out) + "\n"


def percentile_lines(pct: dict | None, lang: str) -> str:
    """The Monte Carlo percentiles under the report table, when there are any."""
    if pct is None:
        return ""
    head = t("cli.report.draws", lang, draws=pct["draws"], seed=pct["seed"])
    widths = (24, 12, 12, 12)
    out = ["", row((head, "P10", "P50", "P90"), widths)]
    out += [row((kpis.label(key, lang), *(kpis.value_text(key, pct[key][p], lang) for p in ("p10", "p50", "p90"))), widths)
            for key in kpis.PERCENTILES]
    from_link = len(pct["ranges_from_link"])
    out.append(t("cli.report.ranges_used", lang, set=from_link, default=len(pct["ranges"]) - from_link))
    return "\n".join(out) + "\n"


def csv_text(rows: list[dict], lang: str) -> str:
    """The daily table as CSV: headers in ``lang``, one row a day, numbers rounded as files keep
    them (``planner.report.rounded``: whole people, money to 0.01 元) and written in the shortest
    form. A table for programs: no link line and no totals row (the JSON has the query and totals)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(daily_headers(lang))
    for r in rows:
        writer.writerow(["" if r[key] is None else r[key] for key in DAILY_KEYS])
    return buf.getvalue()
