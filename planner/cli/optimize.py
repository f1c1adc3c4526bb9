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

from .. import fmt, kpis
from ..budget import ExtraBudget, FixedBudget, ReachGMV, ROIFloor, answer
from ..engine import TOOLS
from ..report import account_name, source_label
from ..text import t
from .common import (
    UsageError,
    add_command,
    add_link_arguments,
    add_output_arguments,
    finite_number,
    kpi_change,
    read_scenario,
    result_json,
    row,
    share_query,
)


def add_parser(subparsers, lang: str) -> None:
    opt = add_command(subparsers, "optimize", lang)
    add_link_arguments(opt, lang)
    add_output_arguments(opt, lang, lenient=True)
    number = finite_number(lang)
    opt.add_argument("--budget", type=number, help=t("cli.help.budget", lang))
    opt.add_argument("--objective", choices=("gmv", "profit"), default="gmv", help=t("cli.help.objective", lang))
    opt.add_argument("--up-to", action="store_true", help=t("cli.help.up_to", lang))
    opt.add_argument("--add", type=number, metavar="N", help=t("cli.help.add", lang))
    opt.add_argument("--target-gmv", type=number, metavar="G", help=t("cli.help.target_gmv", lang))
    opt.add_argument("--min-roi", type=number, metavar="X", help=t("cli.help.min_roi", lang))
    for tool in TOOLS:
        opt.add_argument(f"--{tool}-min", type=number, metavar="YUAN", help=t("cli.help.tool_min", lang, tool=tool))
        opt.add_argument(f"--{tool}-max", type=number, metavar="YUAN", help=t("cli.help.tool_max", lang, tool=tool))
    opt.set_defaults(run=run)


def run(args) -> str:
    scenario, notices = read_scenario(args.link, args.preset, args.lenient, args.stderr_lang)
    plan = answer(scenario, question(args))  # a BudgetError is one line, in main
    if args.format == "json":
        return result_json(plan, notices)
    return plan_table(plan, args.lang)


def _bounds(args) -> tuple[dict, dict]:
    lo = {tool: getattr(args, f"{tool}_min") for tool in TOOLS if getattr(args, f"{tool}_min") is not None}
    hi = {tool: getattr(args, f"{tool}_max") for tool in TOOLS if getattr(args, f"{tool}_max") is not None}
    for name, value in [*((f"--{tool}-min", v) for tool, v in lo.items()),
                        *((f"--{tool}-max", v) for tool, v in hi.items())]:
        if value < 0:
            raise UsageError("cli.error.non_negative", option=name, value=value)
    return lo, hi


def question(args):
    """The budget question the flags ask (``planner.budget.questions``), checked by the CLI's own
    rules first (which flags go together) and then by the question itself."""
    bounds = dict(zip(("tool_min", "tool_max"), _bounds(args), strict=True))
    if args.budget is not None and args.budget < 0:
        raise UsageError("cli.error.non_negative", option="--budget", value=args.budget)
    if args.add is not None:
        if args.budget is not None or args.target_gmv is not None or args.min_roi is not None:
            raise UsageError("cli.error.add_alone")
        if args.add < 0:
            raise UsageError("cli.error.non_negative", option="--add", value=args.add)
        return ExtraBudget(args.add, args.objective, **bounds)
    if args.target_gmv is not None:
        if args.min_roi is not None:
            raise UsageError("cli.error.target_or_roi")
        return ReachGMV(args.target_gmv, args.budget, **bounds)
    if args.budget is None:
        raise UsageError("cli.error.needs_budget")
    if args.min_roi is not None:
        return ROIFloor(args.min_roi, args.budget, **bounds)
    return FixedBudget(args.budget, args.objective, args.up_to, **bounds)


def plan_table(plan, lang: str) -> str:
    out = [t("cli.optimize.title", lang, mode=t(f"cli.optimize.mode.{plan.mode}", lang),
             objective=t(f"cli.optimize.objective.{plan.objective}", lang), budget=fmt.money(plan.budget, lang))]
    if plan.target is not None:
        value = fmt.money(plan.target, lang) if plan.mode == "target_gmv" else fmt.roi(plan.target)
        reached = t("cli.optimize.reached" if plan.reached else "cli.optimize.not_reached", lang)
        out.append(t(f"cli.optimize.{plan.mode}", lang, value=value, reached=reached))
    out.append("")
    widths = (18, 14, 14, 14)
    out.append(row((t("table.metric", lang), t("cli.optimize.before", lang), t("cli.optimize.after", lang),
                    t("cli.optimize.change", lang)), widths))
    for key in kpis.BUDGET:
        a, b = plan.before.get(key), plan.after.get(key)
        out.append(row((kpis.label(key, lang), kpis.value_text(key, a, lang), kpis.value_text(key, b, lang),
                        kpi_change(key, a, b, lang)), widths))
    out.append("")
    head = [t("cli.account", lang),
            *(t("cli.optimize.tool_per_day", lang, tool=source_label(tool, lang)) for tool in TOOLS),
            t("cli.optimize.bean_orders", lang)]
    widths = (14, *(18 for _ in TOOLS), 12)
    out.append(row(head, widths))
    orders = plan.bean_orders()
    for a, alloc in enumerate(plan.allocation):
        out.append(row([account_name(a, lang)] + [fmt.number(v, 0) for v in alloc] + [fmt.number(orders[a], 0)],
                       widths))
    out.append(row([t("cli.optimize.total", lang)] + [fmt.number(v, 0) for v in plan.by_tool]
                   + [fmt.number(orders.sum(), 0)], widths))
    out.append("")
    best = plan.next_best()
    if best is not None:
        a, k, gain, m = best
        out.append(t("cli.optimize.next_best", lang, account=account_name(a, lang), tool=source_label(TOOLS[k], lang),
                     gain=fmt.money(gain, lang), mroi=m))
    out += [t("cli.optimize.note", lang, text=note) for note in plan.notes]
    out.append(share_query(plan.query, lang))
    return "\n".join(out) + "\n"
