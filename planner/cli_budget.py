"""``python -m planner optimize LINK …`` and ``python -m planner goal LINK …``: the 投流 budget planner.

optimize
    ``--budget N``: split N 元 a day over 广点通, 微信豆 and 流量券 and over the accounts, to
    maximise net GMV (``--objective gmv``) or profit (``--objective profit``; add ``--up-to`` to
    let it spend less when the last 元 loses money). ``--add N``: where the next N 元 a day
    should go, holding today's split. ``--target-gmv G``: the smallest budget reaching G 元 GMV
    (``--budget`` caps it). ``--min-roi X --budget N``: the largest GMV with ROI ≥ X within N.
    ``--gdt-min/--gdt-max`` (and beans, coupons) bound each tool's daily 元.
goal
    ``--param KEY --gmv TARGET [--day N]``: the value of one parameter at which GMV by day N
    reaches the target, or a plain statement that its range cannot.

Both print a table (``--format table``, Chinese or English) or JSON. Bad input exits with code 2
and one line on stderr, like ``report``.
"""

from __future__ import annotations

import argparse
import json

from . import fmt
from .budget import BudgetError, goal_seek, incremental, max_gmv_at_roi, optimise, target_gmv
from .cli import LINK_HELP, UsageError, _row, _scenario
from .compare import kpi_text
from .engine import SOURCE_LABELS, TOOLS
from .numbers import parse_number
from .params import BY_KEY
from .presets import PRESETS
from .report import account_name

TOOL_LABELS = SOURCE_LABELS  # the tools are the paid sources
KPIS: tuple[tuple[str, str, str], ...] = (
    ("gmv", "GMV", "GMV"),
    ("net_gmv", "退货后净成交", "Net GMV"),
    ("profit", "投流后利润", "Profit after spend"),
    ("spend", "投流消耗", "Paid spend"),
    ("roi", "投产比 ROI", "ROI"),
    ("pv", "观看人数(UV)", "Viewers (UV)"),
)


def _number(text: str) -> float:
    """A finite number (argparse type), read like every numeric field (``numbers.parse_number``)."""
    value = parse_number(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _day(text: str) -> int:
    value = parse_number(text)
    if value is None or not value.is_integer():
        raise argparse.ArgumentTypeError(f"not a whole day number: {text!r}")
    return int(value)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("link", nargs="?", help=LINK_HELP)
    p.add_argument("--preset", help="start from a named preset: " + ", ".join(PRESETS))
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--lenient", action="store_true", help="use defaults for bad values, as the app does")


def add_parsers(subparsers) -> None:
    """Register ``optimize`` and ``goal`` on the CLI's subparsers."""
    opt = subparsers.add_parser("optimize", help="split a daily 投流 budget over tools and accounts")
    _common(opt)
    opt.add_argument("--budget", type=_number, help="daily budget in 元 (a ceiling with --target-gmv, --min-roi)")
    opt.add_argument("--objective", choices=("gmv", "profit"), default="gmv",
                     help="maximise net GMV (default) or profit over the horizon")
    opt.add_argument("--up-to", action="store_true", help="the budget is a ceiling: spend less if that is better")
    opt.add_argument("--add", type=_number, metavar="N", help="incremental: where the next N 元 a day should go")
    opt.add_argument("--target-gmv", type=_number, metavar="G", help="the smallest budget reaching G 元 GMV")
    opt.add_argument("--min-roi", type=_number, metavar="X", help="the largest GMV with ROI ≥ X (needs --budget)")
    for tool in TOOLS:
        opt.add_argument(f"--{tool}-min", type=_number, metavar="YUAN", help=f"minimum daily 元 on {tool}")
        opt.add_argument(f"--{tool}-max", type=_number, metavar="YUAN", help=f"maximum daily 元 on {tool}")
    opt.set_defaults(run=cmd_optimize)

    goal = subparsers.add_parser("goal", help="the value of one parameter that reaches a GMV target")
    _common(goal)
    goal.add_argument("--param", required=True, help="a registry key (see `params`), e.g. invites, cvr, gdt")
    goal.add_argument("--gmv", type=_number, required=True, help="GMV target in 元")
    goal.add_argument("--day", type=_day, help="reach it by this day (1-based; default: the horizon)")
    goal.set_defaults(run=cmd_goal)


def _bounds(args) -> tuple[dict, dict]:
    lo = {t: getattr(args, f"{t}_min") for t in TOOLS if getattr(args, f"{t}_min") is not None}
    hi = {t: getattr(args, f"{t}_max") for t in TOOLS if getattr(args, f"{t}_max") is not None}
    for name, value in [*(("--" + t + "-min", v) for t, v in lo.items()),
                        *(("--" + t + "-max", v) for t, v in hi.items())]:
        if value < 0:
            raise UsageError(f"{name} must be non-negative, got {value:g}")
    return lo, hi


def _plan(args):
    scenario, notices = _scenario(args.link, args.preset, args.lenient)
    lo, hi = _bounds(args)
    if args.budget is not None and args.budget < 0:
        raise UsageError(f"--budget must be non-negative, got {args.budget:g}")
    if args.add is not None:
        if args.budget is not None or args.target_gmv is not None or args.min_roi is not None:
            raise UsageError("--add (incremental) cannot be combined with --budget, --target-gmv or --min-roi")
        if args.add < 0:
            raise UsageError(f"--add must be non-negative, got {args.add:g}")
        return incremental(scenario, args.add, args.objective, lo, hi), notices
    if args.target_gmv is not None:
        if args.min_roi is not None:
            raise UsageError("choose one of --target-gmv and --min-roi")
        return target_gmv(scenario, args.target_gmv, lo, hi, max_budget=args.budget), notices
    if args.budget is None:
        raise UsageError("give --budget N (or --add N, or --target-gmv G)")
    if args.min_roi is not None:
        return max_gmv_at_roi(scenario, args.min_roi, args.budget, lo, hi), notices
    return optimise(scenario, args.budget, args.objective, lo, hi, at_most=args.up_to), notices


def cmd_optimize(args) -> str:
    try:
        plan, notices = _plan(args)
    except BudgetError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        return _json(plan, notices)
    return _plan_table(plan, args.lang)


def _delta(key: str, a, b, lang: str) -> str:
    return kpi_text(key, None if a is None or b is None else b - a, lang, delta=True)


def _json(result, notices) -> str:
    """A plan's or a goal seek's ``to_dict()``, with the link's notices, as JSON."""
    doc = result.to_dict()
    doc["notices"] = [n.text("en") for n in notices]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _plan_table(plan, lang: str) -> str:
    zh = lang == "zh"
    mode = {"fixed": ("固定预算", "Fixed budget"), "incremental": ("增量预算", "Incremental budget"),
            "target_gmv": ("达到GMV目标的最低预算", "Smallest budget reaching the GMV target"),
            "min_roi": ("ROI不低于下限的最大GMV", "Largest GMV with ROI at or above the floor")}[plan.mode]
    objective = {"gmv": ("净成交", "net GMV"), "profit": ("利润", "profit")}[plan.objective]
    out = [f"{mode[0] if zh else mode[1]} · {'目标' if zh else 'objective'}: {objective[0] if zh else objective[1]}"
           f" · {'每日预算' if zh else 'daily budget'} {fmt.money(plan.budget, lang)}"]
    if plan.target is not None:
        label = ("目标" if zh else "target") if plan.mode == "target_gmv" else ("ROI下限" if zh else "ROI floor")
        value = fmt.money(plan.target, lang) if plan.mode == "target_gmv" else fmt.roi(plan.target)
        reached = ("已达到" if zh else "reached") if plan.reached else ("未达到" if zh else "not reached")
        out.append(f"{label}: {value} ({reached})")
    out.append("")
    widths = (18, 14, 14, 14)
    out.append(_row(("指标" if zh else "KPI", "之前" if zh else "Before", "之后" if zh else "After",
                     "变化" if zh else "Change"), widths))
    for key, label_zh, label_en in KPIS:
        a, b = plan.before.get(key), plan.after.get(key)
        out.append(_row((label_zh if zh else label_en, kpi_text(key, a, lang), kpi_text(key, b, lang),
                         _delta(key, a, b, lang)), widths))
    out.append("")
    head = ["账号" if zh else "Account"] + [TOOL_LABELS[lang][t] + ("(元/天)" if zh else " (元/day)") for t in TOOLS]
    head.append("加热单" if zh else "Bean orders")
    widths = (14, *(18 for _ in TOOLS), 12)
    out.append(_row(head, widths))
    orders = plan.bean_orders()
    for a, row in enumerate(plan.allocation):
        out.append(_row([account_name(a, lang)] + [fmt.number(v, 0) for v in row] + [fmt.number(orders[a], 0)],
                        widths))
    out.append(_row(["合计" if zh else "Total"] + [fmt.number(v, 0) for v in plan.by_tool]
                    + [fmt.number(orders.sum(), 0)], widths))
    out.append("")
    best = plan.next_best()
    if best is not None:
        a, k, gain, m = best
        out.append(("下一元/天预算最该投: " if zh else "Next 元/day is best spent on: ")
                   + f"{account_name(a, lang)} · {TOOL_LABELS[lang][TOOLS[k]]} "
                   + (f"(预测期GMV +{fmt.money(gain, lang)}, 边际ROI {m:.2f})" if zh else
                      f"(+{fmt.money(gain, lang)} GMV over the horizon, marginal ROI {m:.2f})"))
    for note in plan.notes:
        out.append(("注: " if zh else "Note: ") + note.text(lang))
    out.append(("分享链接参数: " if zh else "Share query: ") + plan.query)
    return "\n".join(out) + "\n"


def cmd_goal(args) -> str:
    scenario, notices = _scenario(args.link, args.preset, args.lenient)
    if args.param not in BY_KEY:
        raise UsageError(f"unknown parameter {args.param!r}; see `python -m planner params`")
    if args.gmv <= 0:
        raise UsageError(f"--gmv must be a positive number of 元, got {args.gmv:g}")
    try:
        goal = goal_seek(scenario, args.param, args.gmv, args.day)
    except BudgetError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        return _json(goal, notices)
    zh = args.lang == "zh"
    p = BY_KEY[args.param]
    lines = [
        f"{p.label(args.lang)} ({p.key}, {p.unit(args.lang)})",
        ("当前值: " if zh else "Current value: ") + f"{goal.current_value:g} → "
        + (f"第 {goal.day} 天累计 GMV " if zh else f"GMV by day {goal.day}: ") + fmt.money(goal.current_gmv, args.lang),
        ("目标: " if zh else "Target: ") + fmt.money(goal.target, args.lang),
        ("结果: " if zh else "Result: ") + (f"{goal.value:g}" if goal.value is not None else
                                            ("达不到" if zh else "cannot be reached")),
        goal.reason.text(args.lang),
        ("分享链接参数: " if zh else "Share query: ") + goal.query,
    ]
    return "\n".join(lines) + "\n"
