"""Command line: ``python -m planner report|params|presets|cases|compare|calibrate|optimize|goal``.

One module per command, each with ``add_parser(subparsers)`` and ``run(args) -> str``; what they
share (errors, arguments, reading a scenario, tables, KPI rows) is in ``common``. This module
wires the commands into one parser and turns every failure into one line on stderr: bad input
exits with code 2, a bug with code 1 (``PLANNER_DEBUG=1`` shows its traceback).
"""

from __future__ import annotations

import os
import sys

from ..messages import error_line
from . import calibrate, cases, compare, goal, optimize, params, presets, report
from .common import Parser, UsageError, fail

COMMANDS = (report, params, presets, cases, compare, calibrate, optimize, goal)


def build_parser() -> Parser:
    parser = Parser(prog="python -m planner", description="视频号直播 what-if planner")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command and print its output; return the exit code."""
    try:
        args = build_parser().parse_args(argv)
        text = args.run(args)
    except UsageError as exc:
        return fail(str(exc), 2)
    except ValueError as exc:  # the planner's own errors (planner.messages): one sentence each
        return fail(error_line(exc, "en"), 2)
    except Exception as exc:
        if os.environ.get("PLANNER_DEBUG"):
            raise
        return fail(f"internal error (a bug; PLANNER_DEBUG=1 shows where): {type(exc).__name__}: {exc}", 1)
    sys.stdout.write(text)
    return 0
