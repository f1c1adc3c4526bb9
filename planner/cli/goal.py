"""``python -m planner goal LINK --param KEY --gmv TARGET [--day N]``: goal seek.

The value of one parameter at which GMV by day N reaches the target, or a plain statement that
its range cannot. Prints a table or JSON; bad input exits with code 2 and one line on stderr.
"""

from __future__ import annotations

import argparse

from .. import fmt
from ..budget import goal_seek
from ..numbers import parse_number
from ..params import BY_KEY
from ..text import t
from .common import (
    UsageError,
    add_command,
    add_link_arguments,
    add_output_arguments,
    finite_number,
    read_scenario,
    result_json,
    share_query,
)


def add_parser(subparsers, lang: str) -> None:
    goal = add_command(subparsers, "goal", lang)
    add_link_arguments(goal, lang)
    add_output_arguments(goal, lang, lenient=True)
    goal.add_argument("--param", required=True, help=t("cli.help.param", lang))
    goal.add_argument("--gmv", type=finite_number(lang), required=True, help=t("cli.help.gmv", lang))
    goal.add_argument("--day", type=day_number(lang), help=t("cli.help.day", lang))
    goal.set_defaults(run=run)


def day_number(lang: str):
    """An argparse type: a whole day number; what it refuses is said in ``lang``."""
    def parse(text: str) -> int:
        value = parse_number(text)
        if value is None or not value.is_integer():
            raise argparse.ArgumentTypeError(t("cli.error.not_day", lang, text=text))
        return int(value)
    return parse


def run(args) -> str:
    scenario, notices = read_scenario(args.link, args.preset, args.lenient, args.stderr_lang)
    if args.param not in BY_KEY:
        raise UsageError("cli.error.unknown_param", param=args.param)
    if args.gmv <= 0:
        raise UsageError("cli.error.gmv_positive", gmv=args.gmv)
    goal = goal_seek(scenario, args.param, args.gmv, args.day)  # a BudgetError is one line, in main
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
