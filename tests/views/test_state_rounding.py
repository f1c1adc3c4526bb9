"""The app holds every value at the precision its share link writes: a widget value, read into
the scenario, is what a link carrying that value opens to, so the address bar and the numbers on
screen never disagree (issue 16: ``beans=4411.764705882352``, ``0.6400000000``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.link import format_value, from_query
from planner.params import PARAMS
from views import state


@st.composite
def widget_values(draw):
    p = draw(st.sampled_from(PARAMS))
    if p.integer:  # a slider of whole numbers never holds a fraction (and a link refuses one)
        return p, draw(st.integers(int(p.min), int(p.max)))
    return p, draw(st.floats(p.min, p.max, allow_nan=False, allow_infinity=False))


@given(widget_values())
def test_a_widget_value_is_held_as_its_link_reads_it(case):
    p, value = case
    held = state.clean_value(p.key, value)
    opened, notices = from_query({p.key: repr(value)})
    assert notices == []
    assert held == getattr(opened, p.key)
    assert format_value(p, held) == format_value(p, value)  # and the link writes it back unchanged
