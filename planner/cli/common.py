"""What every command of the CLI shares: its errors, its arguments, reading a scenario, its tables.

Commands import this module; it imports no command (``planner.cli`` wires them together).

Bad input (an unknown preset, a bad value in a link, a bad option) raises ``UsageError``: one
line on stderr naming the problem and exit code 2 (``fail``); ``--lenient`` instead uses the
defaults, as the app does, and lists what it replaced on stderr (``notice``).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from .. import budget, kpis
from ..link import from_query
from ..messages import one_line
from ..numbers import parse_number
from ..presets import PRESETS
from ..text import t

# Keys a link copied from the app carries that are the app's, not the scenario's: the 投流 page's
# question (budget.LINK_KEYS) and page=. The CLI reads such a link as the app does, passing
# over them without a word.
APP_LINK_KEYS: tuple[str, ...] = ("page", *budget.LINK_KEYS)


class UsageError(Exception):
    """Bad input from the user: reported as one line with exit code 2."""


# --- errors and notices: one line each on stderr ---------------------------------------------

def fail(message: str, code: int) -> int:
    """Print ``message`` as one ``planner: error:`` line on stderr and return the exit code."""
    print(f"planner: error: {one_line(message)}", file=sys.stderr)
    return code


def notice(message: str) -> None:
    """A remark on stderr that does not stop the command (a value --lenient replaced, a budget
    of draws cut down)."""
    print(f"planner: notice: {one_line(message)}", file=sys.stderr)


# --- the parser and the arguments every command shares ---------------------------------------

# Where a link that looks like an option goes: argparse takes any argument that starts with "-"
# for an option (and, by default, any prefix of one: "--dr=5" for --draws).
LINK_HELP = ("a whole share link or just its query string; one that starts with '-' goes after '--' "
             "(report -- '-invites=5000') or begins with '?'")
EPILOG = ("Links: put a link that starts with '-' after '--' (python -m planner report --format json -- "
          "'-invites=5000') or begin it with '?'. Options are never abbreviated.")


class Parser(argparse.ArgumentParser):
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


def add_link_arguments(parser: argparse.ArgumentParser) -> None:
    """The scenario a command reads: a link, optionally on top of a named preset."""
    parser.add_argument("link", nargs="?", help=LINK_HELP)
    parser.add_argument("--preset", help="start from a named preset: " + ", ".join(PRESETS))


def add_output_arguments(parser: argparse.ArgumentParser, formats: tuple[str, ...] = ("table", "json"),
                         lenient: bool = False) -> None:
    """``--format`` (the first of ``formats`` by default), ``--lang`` and, for commands that read
    links, ``--lenient``."""
    parser.add_argument("--format", choices=formats, default=formats[0])
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    if lenient:
        parser.add_argument("--lenient", action="store_true", help="use defaults for bad values, as the app does")


def int_in(lo: int, hi: int):
    """An argparse type: an integer from ``lo`` to ``hi``, read like every numeric field
    (``scenario.parse_number``: full-width digits too)."""
    def parse(text: str) -> int:
        value = parse_number(text)
        if value is None or not value.is_integer():
            raise argparse.ArgumentTypeError(f"{text!r} is not an integer")
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{text.strip()} is not within {lo}..{hi}")
        return int(value)
    return parse


def number(text: str) -> float:
    """A finite number (argparse type), read like every numeric field (``scenario.parse_number``)."""
    value = parse_number(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


# --- reading a scenario ---------------------------------------------------------------------

def read_scenario(link: str | None, preset: str | None, lenient: bool):
    """The scenario of a link (on top of ``preset``) and the link's notices. A notice is an error
    unless ``lenient``, when it is printed and the default used."""
    base = None
    if preset is not None:
        if preset not in PRESETS:
            raise UsageError(f"unknown preset {preset!r}; choose one of: {', '.join(PRESETS)}")
        base = PRESETS[preset].scenario
    scenario, notices = from_query(link or "", base=base, other_keys=APP_LINK_KEYS)
    if notices and not lenient:
        raise UsageError("; ".join(n.text("en") for n in notices) + " (use --lenient to accept)")
    for n in notices:
        notice(n.text("en"))
    return scenario, notices


def json_text(doc) -> str:
    """A command's JSON output: Chinese kept as is, indented."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def result_json(result, notices) -> str:
    """A plan's or a goal seek's ``to_dict()``, with the link's notices, as JSON."""
    doc = result.to_dict()
    doc["notices"] = [n.text("en") for n in notices]
    return json_text(doc)


# --- tables that line up in a terminal ------------------------------------------------------

def display_width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def row(cells, widths) -> str:
    """Cells padded to column widths by display width: the first left-aligned, the rest right."""
    out = []
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        gap = " " * max(width - display_width(str(cell)), 0)
        out.append(f"{cell}{gap}" if i == 0 else f"{gap}{cell}")
    return "  ".join(out).rstrip()


def fitted_widths(rows) -> list[int]:
    """Each column's width: its widest cell."""
    rows = list(rows)
    return [max(display_width(str(r[i])) for r in rows) for i in range(len(rows[0]))]


def share_query(query: str, lang: str) -> str:
    """The last line of every table: the scenario's share query."""
    return t("cli.share_query", lang, query=query)


def kpi_change(key: str, before, after, lang: str) -> str:
    """``after − before`` of a KPI, with a sign (a dash when either is undefined)."""
    return kpis.change_text(key, None if before is None or after is None else after - before, lang)
