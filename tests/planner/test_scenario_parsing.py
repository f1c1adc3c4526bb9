"""How a link's text becomes numbers (planner.scenario): every numeric field, the same way.

Full-width digits typed with a Chinese IME (１２, ０．０２) read as ASCII ones everywhere: the
parameters, the spend split, the ranges, draws and seed (issue 12: ``draws``/``seed`` refused
them while parameters took them). Text that is not a plain decimal or scientific number
(``nan``, ``0x10``, ``1_000``, Arabic-Indic digits) is refused everywhere, with a notice.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from planner.link import from_query, to_query
from planner.numbers import parse_number

FULL_WIDTH = str.maketrans("0123456789.-+e", "０１２３４５６７８９．－＋ｅ")


def full_width(text: str) -> str:
    return text.translate(FULL_WIDTH)


@pytest.mark.parametrize("text, value", [
    ("12", 12.0), (" 0.02 ", 0.02), ("1e3", 1000.0), ("-0", 0.0), (".5", 0.5), ("+3.", 3.0),
    ("１２", 12.0), ("０．０２", 0.02), ("１ｅ３", 1000.0), ("－５", -5.0),
])
def test_numbers_read_after_nfkc(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", " ", "nan", "inf", "-inf", "1e309", "0x10", "1_000", "١٢", "1,2",
                                  "1.2.3", "e5", "true", "9" * 65,
                                  # NFKC would read these as plain digits: 3² as 32, ① as 1
                                  "3²", "2₁", "①", "½", "１²"])
def test_text_that_is_not_a_plain_number_is_refused(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("query", [
    "invites=5000&draws=2000&seed=7&cvr_range=0.01,0.03&accounts=2&gdt=100&gdt_split=0.25,0.75",
])
def test_every_numeric_field_reads_full_width_digits_like_ascii(query):
    ascii_scenario, ascii_notices = from_query(query)
    wide = "&".join(f"{k}={full_width(v)}" for k, v in (pair.split("=") for pair in query.split("&")))
    wide_scenario, wide_notices = from_query(wide)
    assert ascii_notices == [] and wide_notices == []
    assert wide_scenario == ascii_scenario
    assert (wide_scenario.draws, wide_scenario.seed) == (2000, 7)


@pytest.mark.parametrize("key", ["invites", "draws", "seed", "gdt_split", "cvr_range"])
def test_every_numeric_field_refuses_the_same_text(key):
    for text in ("1_000", "0x10", "١٢", "3²"):
        value = {"gdt_split": f"{text},1", "cvr_range": f"{text},0.03"}.get(key, text)
        _, notices = from_query(f"accounts=2&{key}={value}")
        assert [n.key for n in notices] == [key], (key, text)


def test_a_calibration_cell_reads_numbers_with_the_same_grammar():
    from planner.calibration.reader import parse_number as cell_number

    assert cell_number("１２") == 12.0 and cell_number("¥1,234") == 1234.0 and cell_number("1.2万") == 12_000.0
    for text in ("1_000", "0x10", "١٢", "nan", "3²", "①万"):
        assert cell_number(text) is None, text


# --- the per-account spend split -------------------------------------------------------------

OVERFLOW = "gdt=10000&gdt_split=1e308,1e308,1"


def test_a_split_whose_sum_overflows_gets_a_notice_and_the_even_split():
    scenario, notices = from_query(OVERFLOW)
    assert [n.key for n in notices] == ["gdt_split"]
    assert "finite" in notices[0].text("en")
    assert scenario.split is None and scenario.gdt == 10_000  # the spend is kept, spread evenly
    assert "gdt_split" not in to_query(scenario)


share_text = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["1e308", "1.7976931348623157e308", "1e-320", "0", "-0", "5e-324", "１", "1_0"]),
    st.integers(-5, 10**20).map(str),
)


@given(accounts=st.integers(1, 4), gdt=st.sampled_from(["0", "10000"]),
       shares=st.lists(share_text, min_size=1, max_size=5))
@example(accounts=3, gdt="10000", shares=["1e308", "1e308", "1"])
@example(accounts=2, gdt="10000", shares=["1.7976931348623157e308", "1.7976931348623157e308"])
def test_every_canonical_query_reads_back_to_the_same_scenario(accounts, gdt, shares):
    scenario, _ = from_query(f"accounts={accounts}&gdt={gdt}&gdt_split={','.join(shares)}")
    again, notices = from_query(to_query(scenario))
    assert notices == [] and again == scenario
    if scenario.split is not None and scenario.split[0] is not None:
        assert sum(scenario.split[0]) > 0.99  # the spend is split, never dropped
