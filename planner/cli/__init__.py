"""Command line: ``python -m planner report|params|presets|cases|compare|calibrate|optimize|goal``.

One module per command, each with ``add_parser(subparsers, lang)`` and ``run(args) -> str``; what
they share (errors, arguments, reading a scenario, tables, KPI rows) is in ``common``. This module
wires the commands into one parser and turns every failure into one line on stderr: bad input
exits with code 2, a bug with code 1 (``PLANNER_DEBUG=1`` shows its traceback).

Two languages are in play: a table's (``--lang``, Chinese by default) and that of ``--help``,
errors and notices (``--lang`` when given, else the environment's: ``common.environment_lang``).
"""

from __future__ import annotations

import os
import sys

from ..messages import error_line
from ..text import DEFAULT_LANG, t
from . import calibrate, cases, compare, goal, optimize, params, presets, report
from .common import Parser, UsageError, environment_lang, fail

COMMANDS = (report, params, presets, cases, compare, calibrate, optimize, goal)


def build_parser(lang: str | None = None) -> Parser:
    """The parser, its help and the errors of its argument types in ``lang`` (by default the
    environment's language)."""
    lang = lang or environment_lang()
    parser = Parser(prog="python -m planner", description=t("cli.help.description", lang), lang=lang)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.add_parser(sub, lang)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command and print its output; return the exit code."""
    lang = environment_lang()  # stderr's language until --lang is read
    try:
        args = build_parser(lang).parse_args(argv)
        lang = args.lang or lang
        args.lang = args.lang or DEFAULT_LANG  # a table's language: Chinese unless --lang says otherwise
        args.stderr_lang = lang
        text = args.run(args)
    except UsageError as exc:
        return fail(exc.text(lang), 2)
    except ValueError as exc:  # the planner's own errors (planner.messages): one sentence each
        return fail(error_line(exc, lang), 2)
    except Exception as exc:
        if os.environ.get("PLANNER_DEBUG"):
            raise
        return fail(t("cli.error.bug", lang, error=f"{type(exc).__name__}: {exc}"), 1)
    sys.stdout.write(text)
    return 0
