"""``python -m planner cases``: the model held against the reported cases in DOMAIN.md."""

from __future__ import annotations

from .. import cases
from ..text import t
from .common import add_command, add_output_arguments, json_text, row


def add_parser(subparsers, lang: str) -> None:
    cas = add_command(subparsers, "cases", lang)
    add_output_arguments(cas, lang, ("table", "json", "markdown"))
    cas.set_defaults(run=run)


def run(args) -> str:
    results = cases.evaluate_all()
    if args.format == "json":
        return json_text(cases.as_dicts(results))
    if args.format == "markdown":
        return cases.markdown(results, args.lang)
    lang = args.lang
    widths = (36, 26, 16, 10, 6)
    head = tuple(t(f"cli.cases.{key}", lang) for key in ("case", "reported", "model", "ratio", "pass"))
    out = [row(head, widths)]
    out += [row((r["case"], r["reported"], r["model"], r["ratio"], t("cli.yes" if r["ok"] else "cli.cases.failed", lang)),
                widths) for r in cases.rows(results, lang)]
    return "\n".join(out) + "\n"
