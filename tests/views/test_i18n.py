"""views.i18n: the words around a control (issue 16: a tooltip read "假设 · 假设：…")."""

from __future__ import annotations

import pytest

from planner.params import PARAMS
from planner.text import t
from views.i18n import param_help


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tooltip_says_fact_or_assumption_once(lang):
    for p in PARAMS:
        kind = t("assumptions.fact" if p.source == "fact" else "assumptions.assumption", lang)
        words = param_help(p, lang).split("\n\n", 1)[1]
        assert words.startswith(kind), (p.key, words)
        assert not words.startswith(f"{kind} · {kind}") and not words[len(kind):].lstrip(" ·：:").startswith(kind), \
            (p.key, words)
        assert p.note(lang) in words
