"""``python -m planner goal LINK --param KEY --gmv TARGET [--day N]``: goal seek.

The value of one parameter at which GMV by day N reaches the target, or a plain statement that
its range cannot. Prints a table or JSON; bad input exits with code 2 and one line on stderr.
"""

from __future__ import annotations

import argparse

from .. import fmt
from ..budget import BudgetError, goal_seek
from ..numbers import parse_number
from ..params import BY_KEY
from ..text import t
from .common import (
    UsageError,
    add_link_arguments,
    add_output_arguments,
    number,
    read_scenario,
    result_json,
    share_query,
)


def add_parser(subparsers) -> None:
    goal = subparsers.add_parser("goal", help="the value of one parameter that reaches a GMV target")
    add_link_arguments(goal)
    add_output_arguments(goal, lenient=True)
    goal.add_argument("--param", required=True, help="a registry key (see `params`), e.g. invites, cvr, gdt")
    goal.add_argument("--gmv", type=number, required=True, help="GMV target in 元")
    goal.add_argument("--day", type=day_number, help="reach it by this day (1-based; default: the horizon)")
    goal.set_defaults(run=run)


def day_number(text: str) -> int:
    """A whole day number (argparse type)."""
    value = parse_number(text)
    if value is None or not value.is_integer():
        raise argparse.ArgumentTypeError(f"not a whole day number: {text!r}")
    return int(value)


def run(args) -> str:
    scenario, notices = read_scenario(args.link, args.preset, args.lenient)
    if args.param not in BY_KEY:
        raise UsageError(f"unknown parameter {args.param!r}; see `python -m planner params`")
    if args.gmv <= 0:
        raise UsageError(f"--gmv must be a positive number of 元, got {args.gmv:g}")
    try:
        goal = goal_seek(scenario, args.param, args.gmv, args.day)
    except BudgetError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        return result_json(goal, notices)
    lang = args.lang
    p = BY_KEY[args.param]
    result = f"{goal.value:g}" if goal.value is not None else t("cli.goal.unreachable", lang)
    lines = [
        f"{p.label(lang)} ({p.key}, {p.unit(lang)})",
        t("cli.goal.current", lang, value=goal.current_value, day=goal.day, gmv=fmt.money(goal.current_gmv, lang)),
        t("cli.goal.target", lang, gmv=fmt.money(goal.target, lang)),
        t("cli.goal.result", lang, value=result),
        goal.reason.text(lang),
        share_query(goal.query, lang),
    ]
    return "\n".join(lines) + "\n"
