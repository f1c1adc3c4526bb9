"""``python -m planner optimize LINK …``: the 投流 budget optimiser.

``--budget N``: split N 元 a day over 广点通, 微信豆 and 流量券 and over the accounts, to maximise
net GMV (``--objective gmv``) or profit (``--objective profit``; add ``--up-to`` to let it spend
less when the last 元 loses money). ``--add N``: where the next N 元 a day should go, holding
today's split. ``--target-gmv G``: the smallest budget reaching G 元 GMV (``--budget`` caps it).
``--min-roi X --budget N``: the largest GMV with ROI ≥ X within N. ``--gdt-min/--gdt-max`` (and
beans, coupons) bound each tool's daily 元.

Prints a table (``--format table``, Chinese or English) or JSON. Bad input exits with code 2 and
one line on stderr, like ``report``.
"""

from __future__ import annotations

from .. import fmt
from ..budget import BudgetError, ExtraBudget, FixedBudget, ReachGMV, ROIFloor, answer
from ..engine import SOURCE_LABELS, TOOLS
from ..report import account_name
from .common import (
    PLAN_KPIS,
    UsageError,
    add_link_arguments,
    add_output_arguments,
    kpi_cell,
    kpi_change,
    kpi_label,
    number,
    read_scenario,
    result_json,
    row,
)

TOOL_LABELS = SOURCE_LABELS  # the tools are the paid sources


def add_parser(subparsers) -> None:
    opt = subparsers.add_parser("optimize", help="split a daily 投流 budget over tools and accounts")
    add_link_arguments(opt)
    add_output_arguments(opt, lenient=True)
    opt.add_argument("--budget", type=number, help="daily budget in 元 (a ceiling with --target-gmv, --min-roi)")
    opt.add_argument("--objective", choices=("gmv", "profit"), default="gmv",
                     help="maximise net GMV (default) or profit over the horizon")
    opt.add_argument("--up-to", action="store_true", help="the budget is a ceiling: spend less if that is better")
    opt.add_argument("--add", type=number, metavar="N", help="incremental: where the next N 元 a day should go")
    opt.add_argument("--target-gmv", type=number, metavar="G", help="the smallest budget reaching G 元 GMV")
    opt.add_argument("--min-roi", type=number, metavar="X", help="the largest GMV with ROI ≥ X (needs --budget)")
    for tool in TOOLS:
        opt.add_argument(f"--{tool}-min", type=number, metavar="YUAN", help=f"minimum daily 元 on {tool}")
        opt.add_argument(f"--{tool}-max", type=number, metavar="YUAN", help=f"maximum daily 元 on {tool}")
    opt.set_defaults(run=run)


def run(args) -> str:
    scenario, notices = read_scenario(args.link, args.preset, args.lenient)
    try:
        plan = answer(scenario, question(args))
    except BudgetError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        return result_json(plan, notices)
    return plan_table(plan, args.lang)


def _bounds(args) -> tuple[dict, dict]:
    lo = {t: getattr(args, f"{t}_min") for t in TOOLS if getattr(args, f"{t}_min") is not None}
    hi = {t: getattr(args, f"{t}_max") for t in TOOLS if getattr(args, f"{t}_max") is not None}
    for name, value in [*(("--" + t + "-min", v) for t, v in lo.items()),
                        *(("--" + t + "-max", v) for t, v in hi.items())]:
        if value < 0:
            raise UsageError(f"{name} must be non-negative, got {value:g}")
    return lo, hi


def question(args):
    """The budget question the flags ask (``planner.budget.questions``), checked by the CLI's own
    rules first (which flags go together) and then by the question itself."""
    bounds = dict(zip(("tool_min", "tool_max"), _bounds(args), strict=True))
    if args.budget is not None and args.budget < 0:
        raise UsageError(f"--budget must be non-negative, got {args.budget:g}")
    if args.add is not None:
        if args.budget is not None or args.target_gmv is not None or args.min_roi is not None:
            raise UsageError("--add (incremental) cannot be combined with --budget, --target-gmv or --min-roi")
        if args.add < 0:
            raise UsageError(f"--add must be non-negative, got {args.add:g}")
        return ExtraBudget(args.add, args.objective, **bounds)
    if args.target_gmv is not None:
        if args.min_roi is not None:
            raise UsageError("choose one of --target-gmv and --min-roi")
        return ReachGMV(args.target_gmv, args.budget, **bounds)
    if args.budget is None:
        raise UsageError("give --budget N (or --add N, or --target-gmv G)")
    if args.min_roi is not None:
        return ROIFloor(args.min_roi, args.budget, **bounds)
    return FixedBudget(args.budget, args.objective, args.up_to, **bounds)


def plan_table(plan, lang: str) -> str:
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
    out.append(row(("指标" if zh else "KPI", "之前" if zh else "Before", "之后" if zh else "After",
                    "变化" if zh else "Change"), widths))
    for key in PLAN_KPIS:
        a, b = plan.before.get(key), plan.after.get(key)
        out.append(row((kpi_label(key, lang), kpi_cell(key, a, lang), kpi_cell(key, b, lang),
                        kpi_change(key, a, b, lang)), widths))
    out.append("")
    head = ["账号" if zh else "Account"] + [TOOL_LABELS[lang][t] + ("(元/天)" if zh else " (元/day)") for t in TOOLS]
    head.append("加热单" if zh else "Bean orders")
    widths = (14, 18, 18, 18, 12)
    out.append(row(head, widths))
    orders = plan.bean_orders()
    for a, alloc in enumerate(plan.allocation):
        out.append(row([account_name(a, lang)] + [fmt.number(v, 0) for v in alloc] + [fmt.number(orders[a], 0)],
                       widths))
    out.append(row(["合计" if zh else "Total"] + [fmt.number(v, 0) for v in plan.by_tool]
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
