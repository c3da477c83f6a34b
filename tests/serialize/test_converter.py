"""The converter's leaves are strict: a value is never coerced to another type."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

import pytest

from conflict_events.serialize._converter import WireError, converter, make_converter


@pytest.mark.parametrize(
    ("value", "tp", "expected"),
    [
        ("Орёл", str, "Орёл"),
        (3, int, 3),
        (False, bool, False),
        (2.5, float, 2.5),
        (2, float, 2.0),
        (None, str | None, None),
        ("x", str | None, "x"),
        (None, int | None, None),
        (7, int | None, 7),
        (4, int | float, 4),
        (4.5, int | float, 4.5),
        ("2025-10-31", date | datetime, date(2025, 10, 31)),
    ],
    ids=repr,
)
def test_values_of_the_right_type_pass_through(value: object, tp: object, expected: object) -> None:
    """Each leaf type takes exactly its JSON counterpart (an integer is a valid float)."""
    result = converter.structure(value, tp)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "tp", "message"),
    [
        (5, str, "expected a string, got 5"),
        ("12", int, "expected an integer, got '12'"),
        (True, int, "expected an integer, got True"),
        (12.0, int, "expected an integer, got 12.0"),
        (1, bool, "expected true or false, got 1"),
        ("true", bool, "expected true or false, got 'true'"),
        ("2.5", float, "expected a number, got '2.5'"),
        (math.nan, float, "expected a number, got nan"),
        (True, float, "expected a number, got True"),
        (5, str | None, "expected a string or null, got 5"),
        ("5", int | None, "expected an integer or null, got '5'"),
        (math.inf, int | float, "expected a number, got inf"),
        ([], int | float, "expected a number, got []"),
        (20251031, datetime, "expected an ISO 8601 date-time string, got 20251031"),
    ],
    ids=repr,
)
def test_values_of_another_type_are_rejected_not_coerced(
    value: object, tp: object, message: str
) -> None:
    """``"12"`` is not 12, ``True`` is not 1, 12.0 is not 12, NaN is not a number."""
    with pytest.raises(WireError, match="^" + re.escape(message)):
        converter.structure(value, tp)


def test_make_converter_builds_an_equivalent_converter() -> None:
    """The factory gives a fresh converter with the same rules."""
    fresh = make_converter()
    assert fresh is not converter
    with pytest.raises(WireError):
        fresh.structure("12", int)
