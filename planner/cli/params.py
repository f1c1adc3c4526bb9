"""``python -m planner params``: every parameter of the registry, as a table or JSON."""

from __future__ import annotations

from ..params import GROUPS, PARAMS, Param, group_label
from ..text import t
from .common import add_command, add_output_arguments, json_text, pad


def add_parser(subparsers, lang: str) -> None:
    par = add_command(subparsers, "params", lang)
    add_output_arguments(par, lang)
    par.set_defaults(run=run)


def params_rows() -> list[dict]:
    """Each parameter's registry entry as a plain dict (the JSON output)."""
    return [
        {"key": p.key, "group": p.group, "label_zh": p.label_zh, "label_en": p.label_en,
         "unit_zh": p.unit_zh, "unit_en": p.unit_en, "default": p.default, "min": p.min,
         "max": p.max, "step": p.step, "integer": p.integer, "uncertain": p.uncertain, "source": p.source,
         "note_zh": p.note_zh, "note_en": p.note_en, "help_zh": p.help_zh, "help_en": p.help_en,
         "default_range": list(p.default_range) if p.default_range else None,
         "range_at": p.default if p.range_at is None else p.range_at, "range_source": p.range_source or None,
         "range_note_zh": p.range_note_zh, "range_note_en": p.range_note_en}
        for p in PARAMS
    ]


def _line(key, default, low, high, source, likely, label) -> str:
    return (f"{pad(key, 14)}{pad(default, 12, right=True)}{pad(low, 10, right=True)}{pad(high, 12, right=True)}  "
            f"{pad(source, 11)}{pad(likely, 30)}{label}")


def range_text(p: Param, lang: str) -> str:
    """The default range as the Monte Carlo reads it, with its standing: "0.003–0.008 假设";
    quoted at another value than the default, it says at which; empty for a certain parameter."""
    if p.default_range is None:
        return ""
    low, high = (f"{x:g}" for x in p.default_range)
    text = f"{low}–{high}" if p.range_at is None else t("cli.params.range_at", lang, low=low, high=high,
                                                          at=f"{p.range_at:g}")
    return f"{text} {t(f'cli.params.{p.range_source}', lang)}"


def run(args) -> str:
    if args.format == "json":
        return json_text(params_rows())
    lang = args.lang
    out = [_line(*(t(f"cli.params.{column}", lang)
                   for column in ("key", "default", "min", "max", "source", "range", "label")))]
    for group in GROUPS:
        out.append(f"# {group_label(group, lang)}")
        for p in (p for p in PARAMS if p.group == group):
            out.append(_line(p.key, f"{p.default:g}", f"{p.min:g}", f"{p.max:g}", t(f"cli.params.{p.source}", lang),
                             range_text(p, lang), f"{p.label(lang)} ({p.unit(lang)})"))
    return "\n".join(out) + "\n"
