"""The arithmetic rules use Quantity's interval arithmetic: the two always agree."""

from __future__ import annotations

from fractions import Fraction

import pytest
from _make import codes
from hypothesis import given
from hypothesis import strategies as st

from conflict_events import (
    Claim,
    ClaimKind,
    Coverage,
    Distribution,
    Interval,
    ModelError,
    Quantity,
    dumps,
    loads,
)
from conflict_events.testing import strategies as ces
from conflict_events.validation import validate

REGIONS = ("RU-ORL", "RU-TAM", "RU-TUL", "RU-KRS")


def _of(unit: str) -> st.SearchStrategy[Quantity]:
    return ces.quantities(units=(unit,), places=3)


triples = st.sampled_from(("count", "km")).flatmap(
    lambda unit: st.tuples(_of(unit), _of(unit), _of(unit))
)


def _claim(total: Quantity, a: Quantity, b: Quantity, coverage: Coverage, k: int = 1) -> Claim:
    """``total`` broken down into ``a`` (for each of ``k`` regions) and ``b``."""
    each = Distribution.EACH if k > 1 else None
    first = Claim(
        id="a", kind=ClaimKind.INTERCEPTION, quantity=a, regions=REGIONS[:k], distribution=each
    )
    second = Claim(id="b", kind=ClaimKind.INTERCEPTION, quantity=b)
    return Claim(
        id="t",
        kind=ClaimKind.INTERCEPTION,
        quantity=total,
        coverage=coverage,
        parts=(first, second),
    )


@given(triples, st.integers(1, 4))
def test_a_complete_breakdown_fails_exactly_when_quantity_says_the_sum_misses_the_total(
    quantities: tuple[Quantity, Quantity, Quantity], k: int
) -> None:
    """CE201 fires iff ``a.times(k) + b`` does not meet the total."""
    total, a, b = quantities
    fired = codes(validate(_claim(total, a, b, Coverage.COMPLETE, k), select="CE201"))
    assert fired == ([] if (a.times(k) + b).meets(total) else ["CE201"])


@given(triples, st.integers(1, 4))
def test_parts_exceed_a_total_exactly_when_quantity_says_their_sum_lies_above_it(
    quantities: tuple[Quantity, Quantity, Quantity], k: int
) -> None:
    """CE202 fires iff the least the parts add up to is more than the most the total admits."""
    total, a, b = quantities
    fired = codes(validate(_claim(total, a, b, Coverage.PARTIAL, k), select="CE202"))
    high = total.interval.high
    above = high is not None and (a.times(k) + b).interval.low > high
    assert fired == (["CE202"] if above else [])


@given(st.tuples(_of("count"), _of("km"), _of("km")))
def test_quantities_of_other_units_neither_add_nor_make_an_arithmetic_finding(
    quantities: tuple[Quantity, Quantity, Quantity],
) -> None:
    """Kilometres do not add to a count: Quantity refuses, and the rules leave it to CE209."""
    total, a, b = quantities
    with pytest.raises(ModelError, match="cannot add"):
        total + a
    result = validate(_claim(total, a, b, Coverage.COMPLETE))
    assert {f.code for f in result} == {"CE209"}


# -- 0.1 + 0.2 km --------------------------------------------------------------------------


def km(value: float) -> Quantity:
    return Quantity.exact(value, unit="km")


def test_a_tenth_and_two_tenths_of_a_kilometre_are_three_tenths() -> None:
    """0.1 km + 0.2 km is 0.3 km, meets 0.3 km, prints and round-trips as 0.3 km."""
    total = km(0.1) + km(0.2)
    assert total == km(0.3)
    assert total.meets(km(0.3))
    assert str(total) == "0.3 km"
    assert total.interval == Interval(Fraction(3, 10), Fraction(3, 10))
    assert '"value":0.3' in dumps(total).replace(" ", "")
    assert loads(Quantity, dumps(total)) == total


def test_the_rules_agree_that_a_tenth_and_two_tenths_make_three_tenths() -> None:
    """A complete breakdown of 0.3 km into 0.1 and 0.2 km adds up; into 0.1 and 0.1 it does not."""
    assert codes(validate(_claim(km(0.3), km(0.1), km(0.2), Coverage.COMPLETE))) == []
    short = validate(_claim(km(0.3), km(0.1), km(0.1), Coverage.COMPLETE))
    assert [f.message for f in short] == [
        "the parts add up to 0.2 km (0.1 + 0.1) but the total is 0.3 km, a difference of 0.1 km."
    ]


def test_a_sum_a_float_cannot_hold_is_an_error_not_a_rounding() -> None:
    """The exact sum 1.5462001343728939 km has 17 digits: Quantity refuses to round it."""
    with pytest.raises(ModelError, match=r"exact result 1\.5462001343728939 km"):
        km(1) + km(0.5462001343728939)
    # Validation never converts back to a float, so it neither raises nor rounds: the float
    # nearest the sum prints as 1.546200134372894, a different decimal, 1e-16 km away.
    claim = _claim(km(1.5462001343728939), km(1), km(0.5462001343728939), Coverage.COMPLETE)
    assert [f.message for f in validate(claim)] == [
        "the parts add up to 1.5462001343728939 km (1 + 0.5462001343728939) but the total is "
        "1.546200134372894 km, a difference of 0.0000000000000001 km."
    ]
