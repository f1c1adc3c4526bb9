"""``python -m planner presets``: the named presets and their share queries."""

from __future__ import annotations

from ..link import to_query
from ..presets import PRESETS
from .common import add_command, add_output_arguments, json_text


def add_parser(subparsers, lang: str) -> None:
    pre = add_command(subparsers, "presets", lang)
    add_output_arguments(pre, lang)
    pre.set_defaults(run=run)


def run(args) -> str:
    if args.format == "json":
        return json_text([{"name": p.name, "label_zh": p.label("zh"), "label_en": p.label("en"),
                           "story_zh": p.story("zh"), "story_en": p.story("en"), "query": to_query(p.scenario)}
                          for p in PRESETS.values()])
    return "".join(f"{p.name:<18}{p.label(args.lang)}\n{'':<18}?{to_query(p.scenario)}\n" for p in PRESETS.values())
