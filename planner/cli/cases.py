"""``python -m planner cases``: the model held against the reported cases in DOMAIN.md."""

from __future__ import annotations

from .. import cases
from .common import add_output_arguments, json_text, row


def add_parser(subparsers) -> None:
    cas = subparsers.add_parser("cases", help="the model held against the reported cases in DOMAIN.md")
    add_output_arguments(cas, ("table", "json", "markdown"))
    cas.set_defaults(run=run)


def run(args) -> str:
    results = cases.evaluate_all()
    if args.format == "json":
        return json_text(cases.as_dicts(results))
    if args.format == "markdown":
        return cases.markdown(results, args.lang)
    zh = args.lang == "zh"
    widths = (36, 26, 16, 10, 6)
    head = ("案例", "报道", "模型", "模型/报道", "通过") if zh else ("Case", "Reported", "Model", "Ratio", "Pass")
    out = [row(head, widths)]
    out += [row((r["case"], r["reported"], r["model"], r["ratio"], ("是" if zh else "yes") if r["ok"] else
                 ("否" if zh else "NO")), widths) for r in cases.rows(results, args.lang)]
    return "\n".join(out) + "\n"
