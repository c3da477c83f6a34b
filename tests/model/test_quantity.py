"""Quantity: its invariants, named constructors, interval view and interval arithmetic."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events import MAX_COUNT, Interval, ModelError, Qualifier, Quantity
from conflict_events.model.quantity import decimal_text
from conflict_events.testing import strategies as ces

counts = ces.quantities(units=("count",))
km = ces.quantities(units=("km",), places=3)
same_unit_pairs = st.sampled_from((counts, km)).flatmap(lambda q: st.tuples(q, q))


def _paths(err: pytest.ExceptionInfo[ModelError]) -> list[str]:
    return [p.path for p in err.value.problems]


# -- constructor invariants ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "paths", "fragment"),
    [
        ({"value": -3}, ["value"], "expected an integer >= 0, got -3"),
        ({"value": 2.5}, ["value"], "expected an integer >= 0, got 2.5"),
        ({"value": True}, ["value"], "got True"),
        ({"value": "12"}, ["value"], "got '12'"),
        ({"value": -0.5, "unit": "km"}, ["value"], "expected a finite number >= 0"),
        ({"value": math.nan, "unit": "km"}, ["value"], "got nan"),
        ({"value": math.inf, "unit": "km"}, ["value"], "got inf"),
        ({"value": 1, "unit": ""}, ["unit"], "expected a non-empty unit name"),
        ({"value": 1, "unit": " km"}, ["unit"], "expected a non-empty unit name"),
        ({"value": 1, "unit": 5}, ["unit"], "got 5"),
        ({"value": 1, "qualifier": "roughly"}, ["qualifier"], "got 'roughly'"),
        ({"value": 1, "qualifier": "unknown"}, ["value"], "an unknown quantity has no value"),
        ({"low": 1, "qualifier": "between"}, ["low"], "needs both low and high"),
        ({"qualifier": "about"}, ["value"], "a quantity qualified 'about' needs a value"),
        ({}, ["value"], "a quantity qualified 'exact' needs a value"),
        ({"value": 5, "low": 4}, ["low"], "qualified 'exact' takes no low/high bounds"),
        ({"value": 5, "high": 6, "qualifier": "at_least"}, ["high"], "takes no low/high"),
        ({"low": 5, "high": 3, "qualifier": "between"}, ["low"], "low (5) is greater than high"),
        ({"value": 3, "low": 4, "qualifier": "about"}, ["value"], "value (3) is below low (4)"),
        ({"value": 9, "high": 8, "qualifier": "about"}, ["value"], "value (9) is above high"),
        ({"value": 0, "qualifier": "less_than"}, ["value"], "nothing is less than 0"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_quantity_rejects_values_that_break_its_invariants(
    kwargs: dict[str, object], paths: list[str], fragment: str
) -> None:
    """Each broken invariant is a ModelError naming the field and the offending value."""
    with pytest.raises(ModelError) as err:
        Quantity(**kwargs)  # type: ignore[arg-type]
    assert _paths(err) == paths
    assert fragment in str(err.value)
    assert err.value.cls_name == "Quantity"
    assert err.value.field == paths[0]
    assert str(err.value).startswith("invalid Quantity: ")


def test_a_quantity_reports_every_broken_invariant_at_once() -> None:
    """A value below its bound with a qualifier that takes no bounds: both are listed."""
    with pytest.raises(ModelError) as err:
        Quantity(value=2.5, low=3, unit="km")
    assert _paths(err) == ["low", "value"]


def test_type_problems_are_reported_for_every_numeric_field() -> None:
    """Bad types in value, low and high are all reported, before any ordering check."""
    with pytest.raises(ModelError) as err:
        Quantity(value=-1, low="a", high=None, qualifier="nonsense", unit="")  # type: ignore[arg-type]
    assert _paths(err) == ["unit", "qualifier", "value", "low"]


def test_the_qualifier_is_accepted_as_its_wire_string() -> None:
    """``qualifier="about"`` is coerced to the enum member."""
    assert Quantity(value=4, qualifier="about").qualifier is Qualifier.ABOUT  # type: ignore[arg-type]


# -- named constructors and the interval view ---------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "qualifier", "bounds", "text"),
    [
        (Quantity.exact(38), Qualifier.EXACT, (38, 38), "38"),
        (Quantity.exact(2.5, unit="km"), Qualifier.EXACT, (2.5, 2.5), "2.5 km"),
        (Quantity.about(40), Qualifier.ABOUT, (40, 40), "about 40"),
        (Quantity.about(40, low=35, high=45), Qualifier.ABOUT, (35, 45), "about 40"),
        (Quantity.about(40, high=45), Qualifier.ABOUT, (40, 45), "about 40"),
        (Quantity.between(10, 12), Qualifier.BETWEEN, (10, 12), "10–12"),
        (Quantity.between(10, 12, value=11), Qualifier.BETWEEN, (10, 12), "10–12"),
        (Quantity.at_least(500, unit="km"), Qualifier.AT_LEAST, (500, None), "at least 500 km"),
        (Quantity.more_than(30), Qualifier.MORE_THAN, (31, None), "more than 30"),
        (Quantity.more_than(500, unit="km"), Qualifier.MORE_THAN, (500, None), "more than 500 km"),
        (Quantity.at_most(300), Qualifier.AT_MOST, (0, 300), "at most 300"),
        (Quantity.less_than(10), Qualifier.LESS_THAN, (0, 9), "less than 10"),
        (Quantity.less_than(500, unit="km"), Qualifier.LESS_THAN, (0, 500), "less than 500 km"),
        (Quantity.unknown(), Qualifier.UNKNOWN, (0, None), "unknown"),
        (Quantity.unknown(low=24), Qualifier.UNKNOWN, (24, None), "at least 24"),
        (Quantity.unknown(high=9), Qualifier.UNKNOWN, (0, 9), "0–9"),
        (Quantity.unknown(low=2, high=9, unit="km"), Qualifier.UNKNOWN, (2, 9), "2–9 km"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_named_constructors_give_the_qualifier_interval_and_reading(
    quantity: Quantity, qualifier: Qualifier, bounds: tuple[object, object], text: str
) -> None:
    """Each named constructor sets its qualifier; bounds and ``str`` read it back."""
    assert quantity.qualifier is qualifier
    assert quantity.bounds == bounds
    assert (quantity.lower, quantity.upper) == bounds
    assert str(quantity) == text
    assert quantity.is_exact == (bounds[0] == bounds[1])


def test_the_unit_defaults_to_count_and_counts_are_integers() -> None:
    """A plain quantity counts; a measure carries its unit."""
    assert Quantity.exact(3).is_count
    assert not Quantity.exact(3, unit="km").is_count
    with pytest.raises(ModelError):
        Quantity.exact(2.5)


@pytest.mark.parametrize(
    ("low", "high", "approximate", "expected"),
    [
        (0, None, False, Quantity.unknown()),
        (7, None, False, Quantity.at_least(7)),
        (7, None, True, Quantity.at_least(7)),
        (5, 5, False, Quantity.exact(5)),
        (5, 5, True, Quantity.about(5)),
        (96, 120, False, Quantity.between(96, 120)),
        (96, 120, True, Quantity.between(96, 120)),
    ],
)
def test_from_bounds_picks_the_plainest_quantity_for_an_interval(
    low: int, high: int | None, approximate: bool, expected: Quantity
) -> None:
    """An interval becomes unknown, at least, exact/about, or between."""
    assert Quantity.from_bounds(low, high, approximate=approximate) == expected


@pytest.mark.parametrize(
    ("quantity", "inside", "outside"),
    [
        (Quantity.exact(38), [38], [37, 39]),
        (Quantity.more_than(30), [31, 10**9], [30]),
        (Quantity.at_least(30), [30, 31], [29]),
        (Quantity.less_than(10), [0, 9], [10]),
        (Quantity.at_most(10), [0, 10], [11]),
        (Quantity.between(10, 12), [10, 11, 12], [9, 13]),
        (Quantity.unknown(), [0, 10**12], []),
        (Quantity.more_than(0.5, unit="km"), [0.5, 1000.0], [0.4]),
    ],
    ids=str,
)
def test_admits_follows_the_words(
    quantity: Quantity, inside: list[float], outside: list[float]
) -> None:
    """ "more than 30" drones admits 31 but not 30; "fewer than 10" admits 9 but not 10."""
    assert all(quantity.admits(x) for x in inside)
    assert not any(quantity.admits(x) for x in outside)


# -- interval arithmetic: properties -------------------------------------------------------


@given(ces.quantities())
def test_every_quantity_has_an_ordered_interval(q: Quantity) -> None:
    """``lower <= upper`` whenever there is an upper bound, and the value lies within."""
    low, high = q.bounds
    assert low >= 0
    assert high is None or low <= high
    if q.value is not None and q.qualifier in (Qualifier.EXACT, Qualifier.ABOUT):
        assert q.admits(q.value)


@given(same_unit_pairs)
def test_the_bounds_of_a_sum_are_the_sums_of_the_bounds(pair: tuple[Quantity, Quantity]) -> None:
    """Interval addition, exact: lows add, highs add, and an open end stays open."""
    a, b = pair
    (a_lo, a_hi), (b_lo, b_hi) = a.interval, b.interval
    high = None if a_hi is None or b_hi is None else a_hi + b_hi
    assert (a + b).interval == (a_lo + b_lo, high)
    assert (a + b).unit == a.unit


@given(same_unit_pairs)
def test_addition_is_commutative(pair: tuple[Quantity, Quantity]) -> None:
    """``a + b == b + a``, qualifier included."""
    a, b = pair
    assert a + b == b + a


@given(counts, counts, counts)
def test_addition_of_counts_is_associative(a: Quantity, b: Quantity, c: Quantity) -> None:
    """``(a + b) + c == a + (b + c)`` for counts (integer arithmetic is exact)."""
    assert (a + b) + c == a + (b + c)


def test_the_total_of_nothing_is_exactly_zero() -> None:
    """``Quantity.total([])`` is an exact 0, in the unit asked for."""
    assert Quantity.total([]) == Quantity.exact(0)
    assert Quantity.total([], unit="km") == Quantity.exact(0, unit="km")


@given(st.lists(counts, max_size=6))
def test_the_total_is_the_sum_and_sum_works(qs: list[Quantity]) -> None:
    """``total`` adds the bounds; Python's ``sum`` gives the same interval."""
    total = Quantity.total(qs)
    assert total.bounds[0] == sum(q.lower for q in qs)
    highs = [q.upper for q in qs]
    expected_high = None if None in highs else sum(h for h in highs if h is not None)
    assert total.bounds[1] == expected_high
    if qs:
        assert sum(qs).bounds == total.bounds  # type: ignore[attr-defined]


@given(counts, st.integers(0, 6))
def test_times_equals_repeated_addition(q: Quantity, n: int) -> None:
    """``q.times(n)`` is ``q + q + ... + q`` (n times); times 0 is exactly 0."""
    assert q.times(n) == Quantity.total([q] * n)


def test_times_zero_is_exactly_zero_even_for_an_open_interval() -> None:
    """Nothing over zero regions is 0, not "unknown": the open end is closed by the factor."""
    assert Quantity.at_least(5).times(0) == Quantity.exact(0)
    assert Quantity.unknown(unit="km").times(0) == Quantity.exact(0, unit="km")


@pytest.mark.parametrize("factor", [-1, 1.5, True, "2"], ids=repr)
def test_times_takes_only_a_whole_factor(factor: object) -> None:
    """A negative, fractional, boolean or string factor is a ModelError."""
    with pytest.raises(ModelError, match="expected a whole factor >= 0"):
        Quantity.exact(9).times(factor)  # type: ignore[arg-type]


@given(same_unit_pairs)
def test_meets_is_symmetric_and_agrees_with_the_intervals(pair: tuple[Quantity, Quantity]) -> None:
    """Two quantities meet exactly when their closed intervals share a point."""
    a, b = pair
    (a_lo, a_hi), (b_lo, b_hi) = a.bounds, b.bounds
    highs = [h for h in (a_hi, b_hi) if h is not None]
    overlap = not highs or max(a_lo, b_lo) <= min(highs)
    assert a.meets(b) == b.meets(a) == overlap


@given(ces.quantities(), st.one_of(st.integers(0, 2**65), st.floats(0, 2e9)))
def test_admits_exactly_the_amounts_within_the_bounds(q: Quantity, x: float) -> None:
    """``admits(x)`` iff ``lower <= x <= upper``; for counts it agrees with meeting ``exact(x)``."""
    low, high = q.bounds
    assert q.admits(x) == (low <= x and (high is None or x <= high))
    if q.is_count and isinstance(x, int) and x <= MAX_COUNT:  # past it, exact(x) is refused
        assert q.admits(x) == q.meets(Quantity.exact(x))


def test_quantities_of_different_units_neither_add_nor_compare() -> None:
    """Counts and kilometres do not mix: a ModelError at ``unit``."""
    with pytest.raises(ModelError, match="cannot add 'count' and 'km'") as err:
        Quantity.exact(1) + Quantity.exact(1, unit="km")
    assert err.value.field == "unit"
    with pytest.raises(ModelError, match="cannot compare"):
        Quantity.exact(1).meets(Quantity.exact(1, unit="km"))


def test_adding_a_plain_number_is_a_type_error() -> None:
    """Only ``0 + q`` (for ``sum``) is defined; ``q + 1`` and ``1 + q`` are not."""
    q = Quantity.exact(3)
    assert 0 + q is q
    with pytest.raises(TypeError):
        q + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        1 + q  # type: ignore[operator]


def test_an_approximate_part_makes_an_approximate_total() -> None:
    """About 40 plus exactly 2 is about 42; a range plus a number stays a range."""
    assert Quantity.about(40) + Quantity.exact(2) == Quantity.about(42)
    assert Quantity.exact(31) + Quantity.at_least(10) == Quantity.at_least(41)
    assert Quantity.between(1, 2) + Quantity.exact(2) == Quantity.between(3, 4)


# -- exact arithmetic on decimals -----------------------------------------------------------


def test_decimals_are_read_as_written_and_stay_exact() -> None:
    """A float field is the decimal it prints as; sums and multiples of decimals are exact."""
    tenth = Quantity.exact(0.1, unit="km")
    assert tenth.interval == Interval(Fraction(1, 10), Fraction(1, 10))
    assert tenth + Quantity.exact(0.2, unit="km") == Quantity.exact(0.3, unit="km")
    assert tenth.times(3) == Quantity.exact(0.3, unit="km")
    assert Quantity.exact(0.5, unit="km") + Quantity.exact(0.5, unit="km") == Quantity.exact(
        1.0, unit="km"
    )
    assert Quantity.exact(0.3, unit="km").admits(0.3)
    assert not Quantity.exact(0.3, unit="km").admits(0.1 + 0.2)  # 0.30000000000000004


def test_from_bounds_takes_exact_fractions() -> None:
    """A fraction becomes the float that prints as it; a whole one for a count, an int."""
    assert Quantity.from_bounds(Fraction(3, 10), None, unit="km") == Quantity.at_least(
        0.3, unit="km"
    )
    assert Quantity.from_bounds(Fraction(4), Fraction(4)) == Quantity.exact(4)
    with pytest.raises(ModelError, match="more significant digits than a float holds") as err:
        Quantity.from_bounds(Fraction(1, 3), None, unit="km")
    assert _paths(err) == ["value"]


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (7, "7"),
        (Fraction(500), "500"),
        (Fraction(5, 2), "2.5"),
        (Fraction(1, 10**10), "0.0000000001"),
        (Fraction(123456789, 1000), "123456.789"),
    ],
)
def test_decimal_text_writes_an_exact_amount_in_full(amount: Fraction | int, text: str) -> None:
    """No exponent, no rounding."""
    assert decimal_text(amount) == text


def test_an_interval_gap_is_zero_for_intervals_that_meet() -> None:
    """``gap`` measures the distance between intervals; meeting ones are 0 apart."""
    assert Interval(1, 5).gap(Interval(3, None)) == Interval(0, 0)
    assert Interval(10, None).gap(Interval(2, 4)) == Interval(6, None)
    assert Interval.of(None) == Interval(0, None)
