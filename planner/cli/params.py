"""``python -m planner params``: every parameter of the registry, as a table or JSON."""

from __future__ import annotations

from ..params import GROUPS, PARAMS, group_label
from .common import add_output_arguments, json_text


def add_parser(subparsers) -> None:
    par = subparsers.add_parser("params", help="list every parameter of the registry")
    add_output_arguments(par)
    par.set_defaults(run=run)


def params_rows() -> list[dict]:
    """Each parameter's registry entry as a plain dict (the JSON output)."""
    return [
        {"key": p.key, "group": p.group, "label_zh": p.label_zh, "label_en": p.label_en,
         "unit_zh": p.unit_zh, "unit_en": p.unit_en, "default": p.default, "min": p.min,
         "max": p.max, "step": p.step, "integer": p.integer, "uncertain": p.uncertain, "source": p.source,
         "note_zh": p.note_zh, "note_en": p.note_en, "help_zh": p.help_zh, "help_en": p.help_en}
        for p in PARAMS
    ]


def run(args) -> str:
    if args.format == "json":
        return json_text(params_rows())
    lang = args.lang
    out = [f"{'key':<14}{'default':>12}{'min':>10}{'max':>12}  {'source':<11}label (unit)"]
    for group in GROUPS:
        out.append(f"# {group_label(group, lang)}")
        for p in (p for p in PARAMS if p.group == group):
            out.append(f"{p.key:<14}{p.default:>12g}{p.min:>10g}{p.max:>12g}  {p.source:<11}"
                       f"{p.label(lang)} ({p.unit(lang)})")
    return "\n".join(out) + "\n"
