"""Model v2 held against every figure in ``shared/DOMAIN.md`` that a projection can be compared with.

Each case's inputs are set as the source describes the case (written beside the source sentence in
``planner/cases.py``, never tuned to the answer); the model must land within 0.5×–2× of the
reported figure (of the nearest end of a reported range). The same table is on the 假设 page and
in the README ("How the model compares with reported cases").
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from planner import cases
from planner.engine import PRIVATE, PUBLIC, simulate
from planner.link import to_query

README = Path(__file__).resolve().parents[2] / "README.md"
RESULTS = {r.case.key: r for r in cases.evaluate_all()}


@pytest.mark.parametrize("key", list(RESULTS))
def test_each_reported_case_lands_within_half_to_twice_the_reported_figure(key):
    r = RESULTS[key]
    assert np.isfinite(r.model) and r.model >= 0
    assert cases.TOLERANCE[0] <= r.ratio <= cases.TOLERANCE[1], (key, r.model, r.case.reported)


def test_every_case_is_a_link_and_names_its_source():
    for r in RESULTS.values():
        assert r.case.source and r.case.inputs.text("zh") and r.case.inputs.text("en")
        assert to_query(r.scenario).startswith("v=2&")


def test_rooms_described_by_their_size_have_that_size():
    # Where the source describes a room by its viewers a session (and DOMAIN's good rooms by their
    # 2:8 mix), the planner finds the inputs that give it; the case then measures its GMV.
    for r in RESULTS.values():
        c = r.case
        if not c.viewers_per_session:
            continue
        proj = simulate(r.scenario)
        assert cases.viewers_per_session(proj, c)[0] >= c.viewers_per_session * 0.999
        if c.private_share:
            pv = proj.pv[0, cases.window_of(c, proj.days)].sum(axis=(0, 1))
            assert pv[PRIVATE] / pv.sum() == pytest.approx(c.private_share, abs=0.05)


def test_the_stage_rule_gives_a_viewer_a_plausible_value():
    # DOMAIN: 10,000 viewers a session × ~30 sessions ≈ 1 million 元 → about 3 元 a viewer; the
    # head row 1.7–3.3 元 a viewer.
    per_viewer = {key: RESULTS[key].model / (RESULTS[key].case.viewers_per_session * 30)
                  for key in ("stage_10k", "stage_100k")}
    assert 1.5 <= per_viewer["stage_10k"] <= 6 and 1.0 <= per_viewer["stage_100k"] <= 5


def test_the_apparel_matrix_gets_its_viewers_from_videos_not_its_private_domain():
    proj = simulate(RESULTS["apparel_matrix"].scenario)
    third = proj.pv[0, 60:90].sum(axis=(0, 1))
    assert third[PUBLIC] > 10 * third[PRIVATE]


def test_the_readme_shows_the_table_the_model_computes_today():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- cases:start -->\n(.*?)<!-- cases:end -->", text, re.S)
    assert block, "README has no cases block"
    assert block.group(1) == cases.markdown(list(RESULTS.values()), "en"), \
        "stale: python scripts/update_readme_cases.py"
