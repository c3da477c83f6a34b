"""Numbers as reports state them: exact, approximate, bounded or unknown.

Arithmetic is interval arithmetic, and it is exact. A ``float`` field is read as the decimal
it prints as (``0.1`` is one tenth, as the report wrote it), so the bounds of a quantity are
integers or exact :class:`~fractions.Fraction` values (:attr:`Quantity.interval`), and sums,
multiples and comparisons are computed on those: ``0.1 km + 0.2 km`` is ``0.3 km`` and meets
``0.3 km``. A result goes back into a ``Quantity`` as an ``int`` when everything added was an
integer, and otherwise as the ``float`` that prints as the exact decimal result (so it is
written to the wire as that decimal and reads back unchanged). A result with more significant
digits than a float holds is a :class:`~conflict_events.errors.ModelError`, never rounded.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal, localcontext
from enum import Enum
from fractions import Fraction
from typing import NamedTuple, Union

import attrs

from conflict_events.errors import ModelError, Problem
from conflict_events.model._checks import Checked, check_enum, describe, fail
from conflict_events.model._enums import coerce

__all__ = ["Amount", "Interval", "Number", "Qualifier", "Quantity"]

Number = Union[int, float]  # noqa: UP007 - a runtime alias, usable on Python 3.10
"""A count is an ``int``; a measure (``km``) may be an ``int`` or a finite ``float``."""

Amount = Union[int, Fraction]  # noqa: UP007 - a runtime alias, usable on Python 3.10
"""An exact amount: an integer, or a fraction for a decimal measure (``0.1`` is one tenth)."""

COUNT = "count"


def exact_amount(value: Number) -> Amount:
    """A reported number as an exact amount: a float is read as the decimal it prints as.

    >>> exact_amount(0.1), exact_amount(38)
    (Fraction(1, 10), 38)
    """
    if isinstance(value, float):
        return Fraction(repr(value))
    return value


def decimal_text(amount: Amount) -> str:
    """An exact amount written out in full as a decimal: ``38``, ``0.3``, ``2.5``.

    >>> decimal_text(Fraction(3, 10)), decimal_text(Fraction(500)), decimal_text(7)
    ('0.3', '500', '7')
    """
    if isinstance(amount, int) or amount.denominator == 1:
        return str(int(amount))
    digits = len(str(amount.numerator)) + len(str(amount.denominator)) + 2
    with localcontext() as ctx:
        ctx.prec = digits  # enough for every finite decimal with this denominator
        text = str(Decimal(amount.numerator) / Decimal(amount.denominator))
    return text if "E" not in text else format(Decimal(text), "f")


class Interval(NamedTuple):
    """The closed interval of amounts a quantity admits, exactly; ``high`` ``None`` is open.

    This is the one interval arithmetic of the library: :class:`Quantity`'s ``+``,
    ``times`` and ``meets`` and every validation rule that adds or compares amounts use it.

    >>> Interval(1, 2).plus(Interval(3, None))
    Interval(low=4, high=None)
    >>> Quantity.exact(0.1, unit="km").interval.plus(Quantity.exact(0.2, unit="km").interval)
    Interval(low=Fraction(3, 10), high=Fraction(3, 10))
    """

    low: Amount
    """The smallest amount admitted."""
    high: Amount | None
    """The largest amount admitted, or ``None`` when unbounded above."""

    @staticmethod
    def of(quantity: Quantity | None) -> Interval:
        """The interval of ``quantity``; no quantity at all admits any amount.

        >>> Interval.of(None), Interval.of(Quantity.at_least(3))
        (Interval(low=0, high=None), Interval(low=3, high=None))
        """
        return ANY if quantity is None else quantity.interval

    def plus(self, other: Interval) -> Interval:
        """Interval sum: the lows add and the highs add; an open end stays open.

        >>> Interval(96, 96).plus(Interval(2, 4))
        Interval(low=98, high=100)
        """
        a_hi, b_hi = self.high, other.high
        high = None if a_hi is None or b_hi is None else a_hi + b_hi
        return _interval(Interval, (self.low + other.low, high))

    def times(self, factor: int | Fraction) -> Interval:
        """The interval scaled by ``factor`` (>= 0): nine *each* over three regions is 27.

        >>> Interval(9, 9).times(3), Interval(5, None).times(0)
        (Interval(low=27, high=27), Interval(low=0, high=0))
        """
        if not factor:  # nothing, however much each: even an open interval times 0 is 0
            return Interval(0, 0)
        return Interval(self.low * factor, None if self.high is None else self.high * factor)

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one amount.

        >>> Interval(96, 96).meets(Interval(130, 130)), Interval(0, None).meets(Interval(1, 1))
        (False, True)
        """
        a_hi, b_hi = self.high, other.high
        return (a_hi is None or other.low <= a_hi) and (b_hi is None or self.low <= b_hi)

    def admits(self, amount: Amount) -> bool:
        """Whether ``amount`` lies within the interval.

        >>> Interval(10, 12).admits(11), Interval(10, None).admits(9)
        (True, False)
        """
        return self.low <= amount and (self.high is None or amount <= self.high)

    def gap(self, other: Interval) -> Interval:
        """How far apart two intervals that do not meet are: the least and the most distance.

        >>> Interval(36, 36).gap(Interval(38, 38)), Interval(140, 150).gap(Interval(130, 130))
        (Interval(low=2, high=2), Interval(low=10, high=20))
        """
        if self.meets(other):
            return Interval(0, 0)
        if self.high is not None and self.high < other.low:
            return Interval(
                other.low - self.high, None if other.high is None else other.high - self.low
            )
        assert other.high is not None  # noqa: S101 - they do not meet, so one lies below
        return Interval(self.low - other.high, None if self.high is None else self.high - other.low)


ANY = Interval(0, None)
"""The interval of an amount nothing is known about."""

_interval = tuple.__new__
"""Builds an ``Interval`` from a pair without the generated ``__new__`` (the hot paths)."""


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
        return value >= 0
    if type(value) is float and unit != COUNT:
        return value >= 0 and math.isfinite(value)
    return False


def _expected(unit: object) -> str:
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
            problems.append(Problem(name, f"expected {_expected(unit)}, got {describe(v)}"))
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


def _number(amount: Number | Fraction, unit: str) -> Number:
    """An exact result as a field value: ints stay ints, fractions become the exact float."""
    if not isinstance(amount, Fraction):
        return amount
    if unit == COUNT and amount.denominator == 1:
        return int(amount)
    as_float = float(amount)
    if Fraction(repr(as_float)) != amount:
        raise ModelError(
            "Quantity",
            [
                Problem(
                    "value",
                    f"the exact result {decimal_text(amount)} {unit} has more significant "
                    "digits than a float holds; it is not rounded",
                )
            ],
        )
    return as_float


@attrs.frozen(kw_only=True)
class Quantity(Checked):
    """A number as reported, with the interval it stands for.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> Quantity.exact(34)
    Quantity(value=34, low=None, high=None, qualifier=<Qualifier.EXACT: 'exact'>, unit='count')
    >>> Quantity.more_than(500, unit="km").bounds
    (500, None)
    >>> (Quantity.exact(34) + Quantity.exact(2) + Quantity.exact(2)).value
    38
    >>> print(Quantity.exact(0.1, unit="km") + Quantity.exact(0.2, unit="km"))
    0.3 km
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

    _own_check = staticmethod(_problems)

    def __attrs_post_init__(self) -> None:
        value = self.value
        if (
            self.qualifier is Qualifier.EXACT
            and type(value) is int
            and value >= 0
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
    def interval(self) -> Interval:
        """The bounds as exact amounts: integers, or fractions for decimal measures.

        >>> Quantity.exact(0.1, unit="km").interval
        Interval(low=Fraction(1, 10), high=Fraction(1, 10))
        >>> Quantity.more_than(30).interval
        Interval(low=31, high=None)
        """
        value = self.value
        if self.qualifier is Qualifier.EXACT and type(value) is int:
            return _interval(Interval, (value, value))  # the common case: an exact count
        low, high = self.bounds
        return Interval(exact_amount(low), None if high is None else exact_amount(high))

    @property
    def is_exact(self) -> bool:
        """Whether the interval is a single number."""
        low, high = self.bounds
        return low == high

    def admits(self, amount: Number) -> bool:
        """Whether ``amount`` (read as the decimal it prints as) lies within the bounds.

        >>> Quantity.between(10, 12).admits(11), Quantity.exact(0.3, unit="km").admits(0.3)
        (True, True)
        """
        return self.interval.admits(exact_amount(amount))

    def meets(self, other: Quantity) -> bool:
        """Whether the two intervals share at least one amount.

        >>> Quantity.exact(130).meets(Quantity.at_least(96))
        True
        >>> Quantity.exact(130).meets(Quantity.between(96, 120))
        False
        """
        self._same_unit(other, "compare")
        return self.interval.meets(other.interval)

    # -- arithmetic ---------------------------------------------------------------------

    def _same_unit(self, other: Quantity, verb: str) -> None:
        if self.unit != other.unit:
            raise ModelError(
                "Quantity",
                [Problem("unit", f"cannot {verb} {self.unit!r} and {other.unit!r}")],
            )

    @classmethod
    def from_bounds(
        cls,
        low: Number | Fraction,
        high: Number | Fraction | None,
        *,
        unit: str = COUNT,
        approximate: bool = False,
    ) -> Quantity:
        """The quantity for an interval: exact, about, between, at least, or unknown.

        Exact fractions (from :attr:`interval` arithmetic) become the float that prints as
        their decimal; one with more digits than a float holds is a ``ModelError``.

        >>> print(Quantity.from_bounds(96, 120), Quantity.from_bounds(7, None))
        96–120 at least 7
        >>> print(Quantity.from_bounds(Fraction(3, 10), Fraction(3, 10), unit="km"))
        0.3 km
        """
        low = _number(low, unit)
        high = None if high is None else _number(high, unit)
        if high is None:
            if low == 0:
                return cls(qualifier=Qualifier.UNKNOWN, unit=unit)
            return cls(value=low, qualifier=Qualifier.AT_LEAST, unit=unit)
        if low == high:
            qual = Qualifier.ABOUT if approximate else Qualifier.EXACT
            return cls(value=low, qualifier=qual, unit=unit)
        return cls(low=low, high=high, qualifier=Qualifier.BETWEEN, unit=unit)

    def __add__(self, other: object) -> Quantity:
        """Interval addition: the bounds add.

        >>> (Quantity.exact(31) + Quantity.at_least(10)).bounds
        (41, None)
        """
        if not isinstance(other, Quantity):
            return NotImplemented
        self._same_unit(other, "add")
        low, high = self.interval.plus(other.interval)
        approximate = Qualifier.ABOUT in (self.qualifier, other.qualifier)
        return Quantity.from_bounds(low, high, unit=self.unit, approximate=approximate)

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
        low, high = self.interval.times(factor)
        return Quantity.from_bounds(
            low, high, unit=self.unit, approximate=self.qualifier is Qualifier.ABOUT
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
