"""Interval arithmetic on quantity bounds, and the wording shared by the rule messages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from conflict_events.model import Quantity
from conflict_events.model.quantity import Number

__all__ = [
    "Amount",
    "Bounds",
    "add",
    "bounds_text",
    "gap",
    "join",
    "meets",
    "moment",
    "number",
    "of",
    "percent",
    "said_count",
    "terms",
    "times",
]

Amount = int | float | Fraction
"""A bound: an integer count, or an exact fraction for decimal measures."""

Bounds = tuple[Amount, Amount | None]
"""A closed interval ``(low, high)``; ``high`` is ``None`` when unbounded above."""

UNKNOWN_BOUNDS: Bounds = (0, None)

_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)


def of(quantity: Quantity | None) -> Bounds:
    """The bounds of a quantity, exactly; no quantity at all admits any amount.

    Decimal measures become exact fractions (``0.1`` is one tenth), so that parts of
    0.1 + 0.2 km add up to a total of 0.3 km instead of 0.30000000000000004.

    >>> of(Quantity.exact(0.1, unit="km"))
    (Fraction(1, 10), Fraction(1, 10))
    """
    if quantity is None:
        return UNKNOWN_BOUNDS
    low, high = quantity.bounds
    if type(low) is int and (high is None or type(high) is int):
        return (low, high)
    return (_exact(low), None if high is None else _exact(high))


def _exact(value: Number) -> Amount:
    return Fraction(repr(value)) if type(value) is float else value


def add(a: Bounds, b: Bounds) -> Bounds:
    """Interval sum.

    >>> add((1, 2), (3, None))
    (4, None)
    """
    high = None if a[1] is None or b[1] is None else a[1] + b[1]
    return (a[0] + b[0], high)


def times(a: Bounds, factor: int) -> Bounds:
    """The interval scaled by a whole factor."""
    return (a[0] * factor, None if a[1] is None else a[1] * factor)


def meets(a: Bounds, b: Bounds) -> bool:
    """Whether two intervals share an amount.

    >>> meets((96, 96), (130, 130)), meets((0, None), (130, 130))
    (False, True)
    """
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def gap(a: Bounds, b: Bounds) -> Bounds:
    """How far apart two intervals that do not meet are: the least and the most distance.

    >>> gap((36, 36), (38, 38)), gap((140, 150), (130, 130))
    ((2, 2), (10, 20))
    """
    if a[1] is not None and a[1] < b[0]:
        return (b[0] - a[1], None if b[1] is None else b[1] - a[0])
    assert b[1] is not None  # noqa: S101 - only called on intervals that do not meet
    return (a[0] - b[1], None if a[1] is None else a[1] - b[0])


def number(value: Amount) -> str:
    """A figure as a person writes it: ``38``, ``2.5``.

    >>> number(38), number(2.5), number(500.0)
    ('38', '2.5', '500')
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return str(Decimal(value.numerator) / Decimal(value.denominator))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def bounds_text(b: Bounds, unit: str = "count") -> str:
    """An interval as words: ``38``, ``10–34``, ``at least 41``.

    >>> bounds_text((10, 34)), bounds_text((41, None)), bounds_text((500, 500), "km")
    ('10–34', 'at least 41', '500 km')
    """
    suffix = "" if unit == "count" else f" {unit}"
    low, high = b
    if high is None:
        return f"at least {number(low)}{suffix}" if low else f"an unknown amount{suffix}"
    if low == high:
        return f"{number(low)}{suffix}"
    return f"{number(low)}–{number(high)}{suffix}"


def join(items: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``.

    >>> join(["Oryol", "Tambov", "Tula"])
    'Oryol, Tambov and Tula'
    """
    names = list(items)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def percent(part: Amount, whole: Amount) -> str:
    """``part`` as a percentage of ``whole``, to a whole number unless that reads as 50 %.

    >>> percent(31, 130), percent(62, 125)
    ('24 %', '49.6 %')
    """
    share = 100 * part / whole
    rounded = int(share + 0.5)
    if rounded == 50 and share != 50:
        return f"{share:.1f} %"
    return f"{rounded} %"


def said_count(quantity: Quantity | None, quote: str | None) -> str:
    """A count the way the text said it: ``nine`` when the quote spells it out, else ``9``.

    >>> said_count(Quantity.exact(9), "nine over Orel, Tambov, and Tula")
    'nine'
    >>> said_count(Quantity.exact(9), None), said_count(Quantity.exact(9), "9 over Tula")
    ('9', '9')
    """
    text = bounds_text(of(quantity), "count" if quantity is None else quantity.unit)
    if quantity is None or quote is None or not quantity.is_exact:
        return text
    value = quantity.value
    if type(value) is int and value < len(_WORDS):
        word = _WORDS[value]
        if word in quote.lower().replace(",", " ").split():
            return word
    return text


def moment(instant: datetime) -> str:
    """An instant in its own offset, to the minute: ``2025-10-31 23:00 +03:00``.

    >>> from datetime import timedelta, timezone
    >>> moment(datetime(2025, 10, 31, 23, tzinfo=timezone(timedelta(hours=3))))
    '2025-10-31 23:00 +03:00'
    """
    offset = instant.strftime("%z")
    return f"{instant:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


def terms(items: Sequence[str], limit: int = 8) -> str:
    """`` (34 + 2)`` for a short sum, nothing for a long one."""
    if len(items) < 2 or len(items) > limit:
        return ""
    return f" ({' + '.join(items)})"
