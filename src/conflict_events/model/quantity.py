"""Numbers as reports state them: exact, approximate, bounded or unknown."""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import Enum
from typing import Union

import attrs

from conflict_events.errors import ModelError, Problem
from conflict_events.model._checks import check_enum, describe, fail
from conflict_events.model._enums import coerce

__all__ = ["MAX_COUNT", "Number", "Qualifier", "Quantity"]

Number = Union[int, float]  # noqa: UP007 - a runtime alias, usable on Python 3.10
"""A count is an ``int``; a measure (``km``) may be an ``int`` or a finite ``float``."""

COUNT = "count"

MAX_COUNT = 2**53 - 1
"""The largest figure the model holds: 9,007,199,254,740,991, I-JSON's largest exact integer.

Every figure of a :class:`Quantity` (a count or a measure) and every whole number of a claim
(``region_count``, a span's offsets) is at most this. JSON readers that hold numbers as
doubles (JavaScript, pandas, Arrow ``float64``) keep such numbers exactly, the JSON Schema
states it as ``maximum``, and no arithmetic on such figures grows past what Python formats.
Sums and products of quantities may go past it (they are results, not stated figures).
"""


class Qualifier(Enum):
    """How a number was stated."""

    EXACT = "exact"
    """"38 drones": the value, nothing else."""
    ABOUT = "about"
    """"about 40", "some 40": the value, approximately; ``low``/``high`` may bound it."""
    BETWEEN = "between"
    """"10 to 12": ``low`` and ``high`` bound it; ``value`` may give a central figure."""
    AT_LEAST = "at_least"
    """"at least 500": the value is a lower bound."""
    MORE_THAN = "more_than"
    """"more than 500", "exceeding 500": the value is an exclusive lower bound."""
    AT_MOST = "at_most"
    """"up to 300": the value is an upper bound."""
    LESS_THAN = "less_than"
    """"fewer than 10": the value is an exclusive upper bound."""
    UNKNOWN = "unknown"
    """"dozens", "a number of": no figure; ``low``/``high`` may bound it."""


_BOUNDED = (Qualifier.ABOUT, Qualifier.BETWEEN, Qualifier.UNKNOWN)


def _is_number(value: object, unit: object) -> bool:
    if type(value) is int:
        return 0 <= value <= MAX_COUNT
    if type(value) is float and unit != COUNT:
        return 0 <= value <= MAX_COUNT
    return False


def _expected(unit: object, value: object) -> str:
    too_big = (type(value) is int and value > MAX_COUNT) or (
        type(value) is float and MAX_COUNT < value < math.inf
    )
    if too_big:
        return f"a figure of at most {MAX_COUNT} (2**53 - 1)"
    return "an integer >= 0" if unit == COUNT else "a finite number >= 0"


def _to_qualifier(value: object) -> Qualifier:
    return coerce(Qualifier, value)


def _problems(q: Quantity) -> list[Problem]:
    problems: list[Problem] = []
    unit = q.unit
    if type(unit) is not str or not unit or unit != unit.strip():
        problems.append(Problem("unit", f"expected a non-empty unit name, got {describe(unit)}"))
    msg = check_enum(q.qualifier, Qualifier)
    if msg:
        problems.append(Problem("qualifier", msg))
    for name in ("value", "low", "high"):
        v = getattr(q, name)
        if v is not None and not _is_number(v, unit):
            problems.append(Problem(name, f"expected {_expected(unit, v)}, got {describe(v)}"))
    if problems:
        return problems
    qual, value, low, high = q.qualifier, q.value, q.low, q.high
    if qual is Qualifier.UNKNOWN:
        if value is not None:
            problems.append(Problem("value", f"an unknown quantity has no value, got {value!r}"))
    elif qual is Qualifier.BETWEEN:
        if low is None or high is None:
            problems.append(Problem("low", "a 'between' quantity needs both low and high"))
    elif value is None:
        problems.append(Problem("value", f"a quantity qualified {qual.value!r} needs a value"))
    if qual not in _BOUNDED and (low is not None or high is not None):
        field = "low" if low is not None else "high"
        problems.append(
            Problem(field, f"a quantity qualified {qual.value!r} takes no low/high bounds")
        )
    if low is not None and high is not None and low > high:
        problems.append(Problem("low", f"low ({low!r}) is greater than high ({high!r})"))
    if value is not None:
        if low is not None and value < low:
            problems.append(Problem("value", f"value ({value!r}) is below low ({low!r})"))
        if high is not None and value > high:
            problems.append(Problem("value", f"value ({value!r}) is above high ({high!r})"))
        if qual is Qualifier.LESS_THAN and value == 0:
            problems.append(Problem("value", "nothing is less than 0"))
    return problems


@attrs.frozen(kw_only=True)
class Quantity:
    """A number as reported, with the interval it stands for.

    >>> Quantity.exact(34)
    Quantity(value=34, low=None, high=None, qualifier=<Qualifier.EXACT: 'exact'>, unit='count')
    >>> Quantity.more_than(500, unit="km").bounds
    (500, None)
    >>> (Quantity.exact(34) + Quantity.exact(2) + Quantity.exact(2)).value
    38
    """

    value: Number | None = None
    """The figure stated; ``None`` for a range without a central figure or an unknown amount."""
    low: Number | None = None
    """Lower bound, for ``about``, ``between`` and ``unknown``."""
    high: Number | None = None
    """Upper bound, for ``about``, ``between`` and ``unknown``."""
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_to_qualifier)
    """How the number was stated."""
    unit: str = COUNT
    """What is counted or measured: ``"count"`` (an integer) or a unit such as ``"km"``."""

    def __attrs_post_init__(self) -> None:
        value = self.value
        if (
            self.qualifier is Qualifier.EXACT
            and type(value) is int
            and 0 <= value <= MAX_COUNT
            and self.low is None
            and self.high is None
            and self.unit == COUNT
            and type(self.unit) is str
        ):
            return  # the common case: an exact count
        problems = _problems(self)
        if problems:
            fail("Quantity", problems)

    # -- named constructors -------------------------------------------------------------

    @classmethod
    def exact(cls, value: Number, *, unit: str = COUNT) -> Quantity:
        """Exactly ``value``: "38 drones".

        >>> Quantity.exact(38).bounds
        (38, 38)
        """
        return cls(value=value, unit=unit)

    @classmethod
    def about(
        cls,
        value: Number,
        *,
        low: Number | None = None,
        high: Number | None = None,
        unit: str = COUNT,
    ) -> Quantity:
        """Approximately ``value``, optionally within ``low``..``high``: "about 40".

        >>> Quantity.about(40, low=35, high=45).bounds
        (35, 45)
        """
        return cls(value=value, low=low, high=high, qualifier=Qualifier.ABOUT, unit=unit)

    @classmethod
    def between(
        cls, low: Number, high: Number, *, value: Number | None = None, unit: str = COUNT
    ) -> Quantity:
        """Somewhere from ``low`` to ``high`` inclusive: "10 to 12".

        >>> Quantity.between(10, 12).bounds
        (10, 12)
        """
        return cls(value=value, low=low, high=high, qualifier=Qualifier.BETWEEN, unit=unit)

    @classmethod
    def at_least(cls, value: Number, *, unit: str = COUNT) -> Quantity:
        """``value`` or more: "at least 500 km".

        >>> Quantity.at_least(500, unit="km").bounds
        (500, None)
        """
        return cls(value=value, qualifier=Qualifier.AT_LEAST, unit=unit)

    @classmethod
    def more_than(cls, value: Number, *, unit: str = COUNT) -> Quantity:
        """Strictly more than ``value``: "exceeding 500 kilometres".

        >>> Quantity.more_than(30).bounds
        (31, None)
        """
        return cls(value=value, qualifier=Qualifier.MORE_THAN, unit=unit)

    @classmethod
    def at_most(cls, value: Number, *, unit: str = COUNT) -> Quantity:
        """``value`` or fewer: "up to 300 km".

        >>> Quantity.at_most(300, unit="km").bounds
        (0, 300)
        """
        return cls(value=value, qualifier=Qualifier.AT_MOST, unit=unit)

    @classmethod
    def less_than(cls, value: Number, *, unit: str = COUNT) -> Quantity:
        """Strictly fewer than ``value``: "fewer than 10".

        >>> Quantity.less_than(10).bounds
        (0, 9)
        """
        return cls(value=value, qualifier=Qualifier.LESS_THAN, unit=unit)

    @classmethod
    def unknown(
        cls, *, low: Number | None = None, high: Number | None = None, unit: str = COUNT
    ) -> Quantity:
        """No figure given, optionally bounded: "dozens" is ``unknown(low=24)``.

        >>> Quantity.unknown().bounds
        (0, None)
        """
        return cls(low=low, high=high, qualifier=Qualifier.UNKNOWN, unit=unit)

    # -- interval view ------------------------------------------------------------------

    @property
    def is_count(self) -> bool:
        """Whether this counts things (integer arithmetic) rather than measuring."""
        return self.unit == COUNT

    @property
    def lower(self) -> Number:
        """The smallest amount this quantity admits.

        >>> Quantity.about(40).lower
        40
        """
        return self.bounds[0]

    @property
    def upper(self) -> Number | None:
        """The largest amount this quantity admits, or ``None`` when unbounded above.

        >>> Quantity.at_least(3).upper is None
        True
        """
        return self.bounds[1]

    @property
    def bounds(self) -> tuple[Number, Number | None]:
        """The closed interval ``(lower, upper)`` this quantity admits; ``upper`` may be ``None``.

        ``about`` without explicit bounds is taken at its value; ``more_than`` and
        ``less_than`` on counts step to the next integer; on measures they keep the figure
        as a closed bound.

        >>> Quantity.about(40).bounds
        (40, 40)
        >>> Quantity.less_than(500, unit="km").bounds
        (0, 500)
        """
        qual, value = self.qualifier, self.value
        if qual is Qualifier.EXACT:
            assert value is not None  # noqa: S101 - guaranteed by the constructor
            return (value, value)
        if qual in _BOUNDED:
            low = self.low if self.low is not None else (value if value is not None else 0)
            high = self.high if self.high is not None else value
            return (low, high)
        assert value is not None  # noqa: S101 - guaranteed by the constructor
        step = 1 if self.is_count else 0
        if qual is Qualifier.AT_LEAST:
            return (value, None)
        if qual is Qualifier.MORE_THAN:
            return (value + step, None)
        if qual is Qualifier.AT_MOST:
            return (0, value)
        return (0, value - step)  # LESS_THAN

    @property
    def is_exact(self) -> bool:
        """Whether the interval is a single number."""
        low, high = self.bounds
        return low == high

    def admits(self, amount: Number) -> bool:
        """Whether ``amount`` lies within the bounds.

        >>> Quantity.between(10, 12).admits(11)
        True
        """
        low, high = self.bounds
        return low <= amount and (high is None or amount <= high)

    def meets(self, other: Quantity) -> bool:
        """Whether the two intervals share at least one amount.

        >>> Quantity.exact(130).meets(Quantity.at_least(96))
        True
        >>> Quantity.exact(130).meets(Quantity.between(96, 120))
        False
        """
        self._same_unit(other, "compare")
        (a_lo, a_hi), (b_lo, b_hi) = self.bounds, other.bounds
        return (a_hi is None or b_lo <= a_hi) and (b_hi is None or a_lo <= b_hi)

    # -- arithmetic ---------------------------------------------------------------------

    def _same_unit(self, other: Quantity, verb: str) -> None:
        if self.unit != other.unit:
            raise ModelError(
                "Quantity",
                [Problem("unit", f"cannot {verb} {self.unit!r} and {other.unit!r}")],
            )

    @classmethod
    def from_bounds(
        cls, low: Number, high: Number | None, *, unit: str = COUNT, approximate: bool = False
    ) -> Quantity:
        """The quantity for an interval: exact, about, between, at least, or unknown.

        This is how arithmetic builds its results, so bounds past
        :data:`~conflict_events.MAX_COUNT` (a sum of large figures) are kept as they are rather
        than refused.

        >>> print(Quantity.from_bounds(96, 120), Quantity.from_bounds(7, None))
        96–120 at least 7
        """
        if high is None:
            if low == 0:
                return cls(qualifier=Qualifier.UNKNOWN, unit=unit)
            return _result(cls, low, None, Qualifier.AT_LEAST, unit)
        if low == high:
            qual = Qualifier.ABOUT if approximate else Qualifier.EXACT
            return _result(cls, low, None, qual, unit)
        return _result(cls, None, (low, high), Qualifier.BETWEEN, unit)

    def __add__(self, other: object) -> Quantity:
        """Interval addition: the bounds add.

        >>> (Quantity.exact(31) + Quantity.at_least(10)).bounds
        (41, None)
        """
        if not isinstance(other, Quantity):
            return NotImplemented
        self._same_unit(other, "add")
        (a_lo, a_hi), (b_lo, b_hi) = self.bounds, other.bounds
        high = None if a_hi is None or b_hi is None else a_hi + b_hi
        approximate = Qualifier.ABOUT in (self.qualifier, other.qualifier)
        return Quantity.from_bounds(a_lo + b_lo, high, unit=self.unit, approximate=approximate)

    def __radd__(self, other: object) -> Quantity:
        """Lets ``sum(quantities)`` start from ``0``."""
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    def times(self, factor: int) -> Quantity:
        """The bounds multiplied by a whole number: nine *each* over three regions is 27.

        >>> Quantity.exact(9).times(3).value
        27
        """
        if type(factor) is not int or factor < 0:
            raise ModelError(
                "Quantity", [Problem("", f"expected a whole factor >= 0, got {describe(factor)}")]
            )
        if factor == 0:  # nothing, however much each: even an unbounded amount times 0 is 0
            return Quantity.exact(0, unit=self.unit)
        low, high = self.bounds
        return Quantity.from_bounds(
            low * factor,
            None if high is None else high * factor,
            unit=self.unit,
            approximate=self.qualifier is Qualifier.ABOUT,
        )

    @staticmethod
    def total(quantities: Iterable[Quantity], *, unit: str = COUNT) -> Quantity:
        """The interval sum of ``quantities`` (exactly 0 when there are none).

        >>> Quantity.total([Quantity.exact(34), Quantity.exact(2), Quantity.exact(2)]).value
        38
        """
        result = Quantity.exact(0, unit=unit)
        for q in quantities:
            result = result + q
        return result

    def __str__(self) -> str:
        """A short human reading: ``38``, ``about 40``, ``more than 500 km``, ``10–12``."""
        unit = "" if self.is_count else f" {self.unit}"
        qual = self.qualifier
        if qual is Qualifier.EXACT:
            return f"{self.value}{unit}"
        if qual is Qualifier.BETWEEN or (qual is Qualifier.UNKNOWN and self.high is not None):
            return f"{self.low if self.low is not None else 0}–{self.high}{unit}"
        if qual is Qualifier.UNKNOWN:
            return f"at least {self.low}{unit}" if self.low else "unknown"
        words = qual.value.replace("_", " ")
        return f"{words} {self.value}{unit}"


def _result(
    cls: type[Quantity],
    value: Number | None,
    bounds: tuple[Number, Number] | None,
    qualifier: Qualifier,
    unit: str,
) -> Quantity:
    """An arithmetic result: checked as any quantity, except that it may pass MAX_COUNT."""
    low, high = bounds if bounds is not None else (None, None)
    if all(v is None or v <= MAX_COUNT for v in (value, low, high)):
        return cls(value=value, low=low, high=high, qualifier=qualifier, unit=unit)
    result = object.__new__(cls)  # the bound is for stated figures; sums may exceed it
    for name, v in (("value", value), ("low", low), ("high", high)):
        object.__setattr__(result, name, v)
    object.__setattr__(result, "qualifier", qualifier)
    object.__setattr__(result, "unit", unit)
    return result
