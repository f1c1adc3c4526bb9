"""Command line: ``python -m planner report|params|presets|cases`` (and compare, calibrate, optimize,
goal).

Bad input (an unknown preset, a bad value in a link, a bad option) exits with code 2 and one
line on stderr naming the problem; ``--lenient`` instead uses the defaults, as the app does,
and lists what it replaced on stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import unicodedata

from . import budget, cases, fmt
from .engine import SOURCE_LABELS, SOURCES, simulate
from .link import from_query, to_query
from .messages import error_line, one_line
from .numbers import parse_number
from .params import GROUPS, PARAMS
from .presets import PRESETS
from .report import DAILY_COLUMNS, STAGE_KEYS, account_name, daily_table, report, stage_label
from .scenario import MAX_DRAWS, MAX_SEED
from .uncertainty import budget_notice, monte_carlo, percentiles

# Keys a link copied from the app carries that are the app's, not the scenario's: the 投流 page's
# question (budget.LINK_KEYS) and page=. The CLI reads such a link as the app does, passing
# over them without a word.
APP_LINK_KEYS: tuple[str, ...] = ("page", *budget.LINK_KEYS)


class UsageError(Exception):
    """Bad input from the user: reported as one line with exit code 2."""


# Where a link that looks like an option goes: argparse takes any argument that starts with "-"
# for an option (and, by default, any prefix of one: "--dr=5" for --draws).
LINK_HELP = ("a whole share link or just its query string; one that starts with '-' goes after '--' "
             "(report -- '-invites=5000') or begins with '?'")
EPILOG = ("Links: put a link that starts with '-' after '--' (python -m planner report --format json -- "
          "'-invites=5000') or begin it with '?'. Options are never abbreviated.")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and no abbreviations: "--dr=5" or "--la=en" given as a link
    must not be read silently as --draws or --lang."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("epilog", EPILOG)
        super().__init__(*args, **kwargs)

    def error(self, message):  # argparse would print usage and a second line
        if message.startswith("unrecognized arguments"):  # perhaps a link that looks like an option
            message += "; a link that starts with '-' goes after '--', or begin it with '?'"
        raise UsageError(message)


def _scenario(link: str | None, preset: str | None, lenient: bool):
    base = None
    if preset is not None:
        if preset not in PRESETS:
            raise UsageError(f"unknown preset {preset!r}; choose one of: {', '.join(PRESETS)}")
        base = PRESETS[preset].scenario
    scenario, notices = from_query(link or "", base=base, other_keys=APP_LINK_KEYS)
    if notices and not lenient:
        raise UsageError("; ".join(n.text("en") for n in notices) + " (use --lenient to accept)")
    for n in notices:
        print(f"planner: notice: {one_line(n.text('en'))}", file=sys.stderr)
    return scenario, notices




def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _row(cells, widths) -> str:
    """Cells padded to column widths by display width: the first left-aligned, the rest right."""
    out = []
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        gap = " " * max(width - _width(str(cell)), 0)
        out.append(f"{cell}{gap}" if i == 0 else f"{gap}{cell}")
    return "  ".join(out).rstrip()


def _table(doc: dict, lang: str) -> str:
    zh = lang == "zh"
    t = doc["totals"]
    lines = [
        ("GMV", fmt.money(t["gmv"], lang)),
        ("退货后净成交" if zh else "Net GMV", fmt.money(t["net_gmv"], lang)),
        ("投流后利润" if zh else "Profit after spend", fmt.money(t["profit"], lang)),
        ("投流消耗" if zh else "Paid spend", fmt.money(t["spend"], lang)),
        ("未花出预算" if zh else "Unspent budget", fmt.money(t["unspent"], lang)),
        ("投产比 ROI" if zh else "ROI", fmt.roi(t["roi"])),
        ("直播场次" if zh else "Sessions", fmt.count(t["sessions"], lang)),
        ("观看人数（UV，逐场累计）" if zh else "Viewers (UV, summed)", fmt.count(t["pv"], lang)),
        ("场均观看人数（UV）" if zh else "Viewers a session (UV)", fmt.count(t["viewers_per_session"], lang)),
        ("看播人次（PV）" if zh else "Watch PV", fmt.count(t["watch_pv"], lang)),
        ("成交人数" if zh else "Buyers", fmt.count(t["buyers"], lang)),
        ("UV价值（元/观看人数）" if zh else "GMV per viewer (UV)", fmt.price(t["gmv_per_viewer"], lang)),
        ("GPM（元/千次看播PV）" if zh else "GPM (per 1,000 watch PV)", fmt.money(t["gpm"], lang)),
        ("公域占比（UV）" if zh else "Public share (UV)", fmt.percent(t["public_share"])),
        ("最高阶段" if zh else "Stage reached", stage_label(t["stage_reached_index"], lang)),
    ]
    out = [_row(line, (26, 12)) for line in lines]
    out.append("")
    head = ("来源", "观看人数", "转化率", "GMV") if zh else ("Source", "Viewers", "CVR", "GMV")
    widths = (14, 10, 8, 14)
    out.append(_row(head, widths))
    for s in SOURCES:
        out.append(_row((SOURCE_LABELS[lang][s], fmt.count(t["pv_by_source"][s], lang),
                         fmt.percent(t["cvr_by_source"][s], 2), fmt.money(t["gmv_by_source"][s], lang)), widths))
    out.append("")
    head = ("账号", "开播日", "场次", "场均观看", "GMV", "公域占比", "最终阶段") if zh else (
        "Account", "Launch", "Sessions", "A session", "GMV", "Public", "Final stage")
    widths = (14, 8, 8, 10, 14, 10, 12)
    out.append(_row(head, widths))
    for a in doc["accounts"]:
        stage = a["final_stage"]
        idx = STAGE_KEYS.index(stage) if stage in STAGE_KEYS else -1
        # An account that does not launch within the horizon launches after its last day.
        launch = a["launch_day"] if a["launched"] else (f"第{len(doc['daily'])}天后" if zh else
                                                         f"after day {len(doc['daily'])}")
        out.append(_row((account_name(a["account"], lang), launch, fmt.count(a["sessions"], lang),
                         fmt.count(a["viewers_per_session"], lang), fmt.money(a["gmv"], lang),
                         fmt.percent(a["public_share"]), stage_label(idx, lang)), widths))
    out.append("")
    out.append(("分享链接参数: " if zh else "Share query: ") + doc["query"])
    return "\n".join(out) + "\n"


def csv_text(rows: list[dict], lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([zh if lang == "zh" else en for _, zh, en in DAILY_COLUMNS])
    for row in rows:
        writer.writerow([repr(float(row[key])) if isinstance(row[key], float) else row[key]
                         for key, _, _ in DAILY_COLUMNS])
    return buf.getvalue()


def cmd_report(args) -> str:
    scenario, notices = _scenario(args.link, args.preset, args.lenient)
    proj = simulate(scenario)
    doc = report(proj, notices)
    if args.draws is not None or args.seed is not None or scenario.ranges:
        over_budget = budget_notice(scenario, args.draws)
        if over_budget is not None:  # not a bad link: more than the planner computes at once
            print(f"planner: notice: {one_line(over_budget.text('en'))}", file=sys.stderr)
        doc["percentiles"] = percentiles(monte_carlo(scenario, args.draws, args.seed))
    if args.format == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if args.format == "csv":
        return csv_text(daily_table(proj), args.lang)
    return _table(doc, args.lang) + _percentile_lines(doc.get("percentiles"), args.lang)


def _percentile_lines(pct: dict | None, lang: str) -> str:
    """The Monte Carlo percentiles under the report table, when there are any."""
    if pct is None:
        return ""
    zh = lang == "zh"
    head = f"{pct['draws']} 次抽样（种子 {pct['seed']}）" if zh else f"{pct['draws']} draws (seed {pct['seed']})"
    names = {"gmv": "GMV", "net_gmv": "退货后净成交" if zh else "Net GMV", "profit": "投流后利润" if zh else "Profit"}
    widths = (24, 12, 12, 12)
    out = ["", _row((head, "P10", "P50", "P90"), widths)]
    out += [_row((name, *(fmt.money(pct[key][p], lang) for p in ("p10", "p50", "p90"))), widths)
            for key, name in names.items()]
    return "\n".join(out) + "\n"


def _int_in(lo: int, hi: int):
    """An argparse type: an integer from ``lo`` to ``hi``, read like every numeric field
    (``numbers.parse_number``: full-width digits too)."""
    def parse(text: str) -> int:
        value = parse_number(text)
        if value is None or not value.is_integer():
            raise argparse.ArgumentTypeError(f"{text!r} is not an integer")
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{text.strip()} is not within {lo}..{hi}")
        return int(value)
    return parse


def params_rows() -> list[dict]:
    return [
        {"key": p.key, "group": p.group, "label_zh": p.label_zh, "label_en": p.label_en,
         "unit_zh": p.unit_zh, "unit_en": p.unit_en, "default": p.default, "min": p.min,
         "max": p.max, "step": p.step, "integer": p.integer, "uncertain": p.uncertain, "source": p.source,
         "note_zh": p.note_zh, "note_en": p.note_en, "help_zh": p.help_zh, "help_en": p.help_en}
        for p in PARAMS
    ]


def cmd_params(args) -> str:
    if args.format == "json":
        return json.dumps(params_rows(), ensure_ascii=False, indent=2) + "\n"
    lang = args.lang
    out = [f"{'key':<14}{'default':>12}{'min':>10}{'max':>12}  {'source':<11}label (unit)"]
    for group, labels in GROUPS.items():
        out.append(f"# {labels[0] if lang == 'zh' else labels[1]}")
        for p in (p for p in PARAMS if p.group == group):
            out.append(f"{p.key:<14}{p.default:>12g}{p.min:>10g}{p.max:>12g}  {p.source:<11}"
                       f"{p.label(lang)} ({p.unit(lang)})")
    return "\n".join(out) + "\n"


def cmd_presets(args) -> str:
    if args.format == "json":
        rows = [{"name": p.name, "label_zh": p.label_zh, "label_en": p.label_en,
                 "story_zh": p.story_zh, "story_en": p.story_en, "query": to_query(p.scenario)}
                for p in PRESETS.values()]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    return "".join(f"{p.name:<18}{p.label(args.lang)}\n{'':<18}?{to_query(p.scenario)}\n" for p in PRESETS.values())


def cmd_cases(args) -> str:
    results = cases.evaluate_all()
    if args.format == "json":
        return json.dumps(cases.as_dicts(results), ensure_ascii=False, indent=2) + "\n"
    if args.format == "markdown":
        return cases.markdown(results, args.lang)
    zh = args.lang == "zh"
    widths = (36, 26, 16, 10, 6)
    head = ("案例", "报道", "模型", "模型/报道", "通过") if zh else ("Case", "Reported", "Model", "Ratio", "Pass")
    out = [_row(head, widths)]
    out += [_row((r["case"], r["reported"], r["model"], r["ratio"], ("是" if zh else "yes") if r["ok"] else
                  ("否" if zh else "NO")), widths) for r in cases.rows(results, args.lang)]
    return "\n".join(out) + "\n"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m planner", description="视频号直播 what-if planner")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    rep = sub.add_parser("report", help="project a scenario given as a share link or query string")
    rep.add_argument("link", nargs="?", help=LINK_HELP)
    rep.add_argument("--preset", choices=None, help="start from a named preset: " + ", ".join(PRESETS))
    rep.add_argument("--format", choices=("table", "json", "csv"), default="table")
    rep.add_argument("--lang", choices=("zh", "en"), default="zh")
    rep.add_argument("--lenient", action="store_true", help="use defaults for bad values, as the app does")
    rep.add_argument("--draws", type=_int_in(1, MAX_DRAWS), help="Monte Carlo draws over the link's ranges: "
                     "adds P10/P50/P90 as 'percentiles' (also when the link has ranges)")
    rep.add_argument("--seed", type=_int_in(0, MAX_SEED), help="random seed of the draws (default: the link's, or 0)")
    rep.set_defaults(run=cmd_report)
    par = sub.add_parser("params", help="list every parameter of the registry")
    par.add_argument("--format", choices=("table", "json"), default="table")
    par.add_argument("--lang", choices=("zh", "en"), default="zh")
    par.set_defaults(run=cmd_params)
    pre = sub.add_parser("presets", help="list the named presets and their share queries")
    pre.add_argument("--format", choices=("table", "json"), default="table")
    pre.add_argument("--lang", choices=("zh", "en"), default="zh")
    pre.set_defaults(run=cmd_presets)
    cas = sub.add_parser("cases", help="the model held against the reported cases in DOMAIN.md")
    cas.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    cas.add_argument("--lang", choices=("zh", "en"), default="zh")
    cas.set_defaults(run=cmd_cases)
    from .cli_compare import add_parser as add_compare  # cli_compare imports this module
    add_compare(sub)
    from .cli_calibrate import add_parser as add_calibrate  # cli_calibrate imports this module
    add_calibrate(sub)
    from .cli_budget import add_parsers as add_budget  # cli_budget imports this module
    add_budget(sub)
    return parser


def _fail(message: str, code: int) -> int:
    print(f"planner: error: {one_line(message)}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the command; bad input ends in one line on stderr and exit code 2, a bug in one line
    and exit code 1 (``PLANNER_DEBUG=1`` shows its traceback)."""
    try:
        args = build_parser().parse_args(argv)
        text = args.run(args)
    except UsageError as exc:
        return _fail(str(exc), 2)
    except ValueError as exc:  # the planner's own errors (planner.messages): one sentence each
        return _fail(error_line(exc, "en"), 2)
    except Exception as exc:
        if os.environ.get("PLANNER_DEBUG"):
            raise
        return _fail(f"internal error (a bug; PLANNER_DEBUG=1 shows where): {type(exc).__name__}: {exc}", 1)
    sys.stdout.write(text)
    return 0


