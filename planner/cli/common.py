"""What every command of the CLI shares: its errors, its arguments, reading a scenario, its tables.

Commands import this module; it imports no command (``planner.cli`` wires them together).

Bad input (an unknown preset, a bad value in a link, a bad option) raises ``UsageError``: one
line on stderr naming the problem and exit code 2 (``fail``); ``--lenient`` instead uses the
defaults, as the app does, and lists what it replaced on stderr (``notice``).

Every word is in the catalogue (``cli.help.*``, ``cli.error.*``). Tables are in ``--lang``
(Chinese by default); ``--help``, errors and notices speak ``--lang`` when it is given and else
the environment's language (``environment_lang``: Chinese when the locale is Chinese). argparse's
own words (``usage:``, ``options:``, its messages about options) stay English.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Mapping

from .. import baseline, budget, compare, kpis
from ..link import from_query
from ..messages import one_line
from ..numbers import parse_number
from ..presets import PRESETS
from ..text import LANGS, t

# Keys a link copied from the app carries that are the app's, not the scenario's: the 投流 page's
# question (budget.LINK_KEYS), the baseline (base=), the 对比 page's picks and page=. The CLI
# reads such a link as the app does, passing over them without a word.
APP_LINK_KEYS: tuple[str, ...] = ("page", *budget.LINK_KEYS, *baseline.LINK_KEYS, *compare.LINK_KEYS)


def environment_lang(environ: Mapping[str, str] = os.environ) -> str:
    """The language the environment asks for: "zh" when the locale that names messages (the first
    set of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as POSIX orders them) starts with ``zh``, else
    "en"."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return "zh" if locale.startswith("zh") else "en"


class UsageError(Exception):
    """Bad input from the user, reported as one line with exit code 2: a catalogue key and its
    values, put into words in the reader's language by ``text(lang)`` (``str()`` is the English).
    A value may be a function of the language (a link's notices, a file's problems)."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **{name: value(lang) if callable(value) else value
                                    for name, value in self.values.items()})


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

# argparse wraps help by characters, but a Chinese character takes two columns of a terminal. So
# the parser takes help as written (RawTextHelpFormatter) and ``wrap`` breaks it by columns where
# argparse would: lines of the terminal's width less 2, an option's help from column 24.
HELP_POSITION = 24  # argparse's max_help_position
# Chinese breaks between any two characters, but not after an opening bracket or before a closing
# one. A token: a wide character with its brackets, a word, or spaces, each with the spaces after it.
_WIDE = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"  # CJK, full-width forms
_OPENING = "（《「『“"
_CLOSING = "，。；：、）》」』！？”"
_TOKEN = re.compile(rf"[{_OPENING}]*[{_WIDE}][{_CLOSING}]*\s*|[^\s{_WIDE}]+\s*|\s+")


def help_widths() -> tuple[int, int]:
    """(columns of a help line, columns of an option's help), as argparse reckons them."""
    width = shutil.get_terminal_size().columns - 2
    return width, max(width - min(HELP_POSITION, max(width - 20, 4)), 11)


def wrap(text: str, columns: int) -> str:
    """``text`` in lines of at most ``columns`` terminal columns, broken between words and between
    Chinese characters; as argparse wraps it (``textwrap``) when every character is narrow."""
    text = " ".join(text.split())
    if display_width(text) == len(text):
        return "\n".join(textwrap.wrap(text, columns))
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if line.strip() and display_width(line + token.rstrip()) > columns:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return "\n".join([*lines, line.rstrip()])


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors, no abbreviations ("--dr=5" or "--la=en" given as a link must
    not be read silently as --draws or --lang) and its help in ``lang``, wrapped by ``wrap``."""

    def __init__(self, *args, lang: str = "en", **kwargs):
        width, self.help_width = help_widths()
        kwargs.setdefault("allow_abbrev", False)
        kwargs["formatter_class"] = argparse.RawTextHelpFormatter
        if kwargs.get("description"):
            kwargs["description"] = wrap(kwargs["description"], width)
        kwargs.setdefault("epilog", wrap(t("cli.help.epilog", lang), width))
        kwargs["add_help"] = False  # -h is added below, its help in ``lang``
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help=t("cli.help.help", lang))

    def add_argument(self, *args, **kwargs):
        if kwargs.get("help"):
            kwargs["help"] = wrap(kwargs["help"], self.help_width)
        return super().add_argument(*args, **kwargs)

    def error(self, message):  # argparse would print usage and a second line
        if message.startswith("unrecognized arguments"):  # perhaps a link that looks like an option
            raise UsageError("cli.error.unrecognized", message=message)
        raise UsageError("cli.error.usage", message=message)


def add_command(subparsers, name: str, lang: str) -> Parser:
    """The parser of the command ``name``, listed with its help ``cli.help.<name>`` in ``lang``."""
    return subparsers.add_parser(name, help=wrap(t(f"cli.help.{name}", lang), help_widths()[1]), lang=lang)


def add_link_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """The scenario a command reads: a link, optionally on top of a named preset. argparse takes
    any argument that starts with "-" for an option, so the help says where such a link goes."""
    parser.add_argument("link", nargs="?", help=t("cli.help.link", lang))
    parser.add_argument("--preset", help=t("cli.help.preset", lang, presets=", ".join(PRESETS)))


def add_output_arguments(parser: argparse.ArgumentParser, lang: str, formats: tuple[str, ...] = ("table", "json"),
                         lenient: bool = False) -> None:
    """``--format`` (the first of ``formats`` by default), ``--lang`` and, for commands that read
    links, ``--lenient``. ``--lang`` is None unless given: ``planner.cli.main`` tells a table's
    language (Chinese by default) from that of errors (the environment's by default)."""
    parser.add_argument("--format", choices=formats, default=formats[0], help=t("cli.help.format", lang))
    parser.add_argument("--lang", choices=LANGS, default=None, help=t("cli.help.lang", lang))
    if lenient:
        parser.add_argument("--lenient", action="store_true", help=t("cli.help.lenient", lang))


def int_in(lo: int, hi: int, lang: str):
    """An argparse type: an integer from ``lo`` to ``hi``, read like every numeric field
    (``scenario.parse_number``: full-width digits too); what it refuses is said in ``lang``."""
    def parse(text: str) -> int:
        value = parse_number(text)
        if value is None or not value.is_integer():
            raise argparse.ArgumentTypeError(t("cli.error.not_integer", lang, text=text))
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(t("cli.error.not_within", lang, text=text.strip(), low=lo, high=hi))
        return int(value)
    return parse


def finite_number(lang: str):
    """An argparse type: a finite number, read like every numeric field (``scenario.parse_number``);
    what it refuses is said in ``lang``."""
    def parse(text: str) -> float:
        value = parse_number(text)
        if value is None:
            raise argparse.ArgumentTypeError(t("cli.error.not_number", lang, text=text))
        return value
    return parse


# --- reading a scenario ---------------------------------------------------------------------

def read_scenario(link: str | None, preset: str | None, lenient: bool, lang: str = "en"):
    """The scenario of a link (on top of ``preset``) and the link's notices. A notice is an error
    unless ``lenient``, when it is printed (in ``lang``) and the default used."""
    base = None
    if preset is not None:
        if preset not in PRESETS:
            raise UsageError("cli.error.unknown_preset", preset=preset, presets=", ".join(PRESETS))
        base = PRESETS[preset].scenario
    scenario, notices = from_query(link or "", base=base, other_keys=APP_LINK_KEYS)
    if notices and not lenient:
        raise UsageError("cli.error.link_notices",
                         notices=lambda said_in: t("cli.error.notice_sep", said_in).join(n.text(said_in) for n in notices))
    for n in notices:
        notice(n.text(lang))
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


def pad(cell, width: int, right: bool = False) -> str:
    """``cell`` padded with spaces to ``width`` columns by display width, on the left if ``right``."""
    gap = " " * max(width - display_width(str(cell)), 0)
    return f"{gap}{cell}" if right else f"{cell}{gap}"


def row(cells, widths) -> str:
    """Cells padded to column widths by display width: the first left-aligned, the rest right."""
    return "  ".join(pad(cell, width, right=i > 0)
                     for i, (cell, width) in enumerate(zip(cells, widths, strict=True))).rstrip()


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
