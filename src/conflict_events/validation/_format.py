"""The wording shared by the rule messages: amounts, intervals, lists, instants.

The arithmetic itself is :class:`~conflict_events.model.Interval`'s, on ``Quantity``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from conflict_events.model import Interval, Quantity
from conflict_events.model.quantity import Amount, decimal_text

__all__ = [
    "bounds_text",
    "join",
    "moment",
    "number",
    "percent",
    "said_count",
    "terms",
]

_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)


def number(value: Amount) -> str:
    """A figure as a person writes it: ``38``, ``2.5``.

    >>> from fractions import Fraction
    >>> number(38), number(Fraction(5, 2)), number(Fraction(500))
    ('38', '2.5', '500')
    """
    return decimal_text(value)


def bounds_text(b: Interval, unit: str = "count") -> str:
    """An interval as words: ``38``, ``10–34``, ``at least 41``.

    >>> bounds_text(Interval(10, 34)), bounds_text(Interval(41, None))
    ('10–34', 'at least 41')
    >>> bounds_text(Interval(500, 500), "km")
    '500 km'
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
        return f"{float(share):.1f} %"
    return f"{rounded} %"


def said_count(quantity: Quantity | None, quote: str | None) -> str:
    """A count the way the text said it: ``nine`` when the quote spells it out, else ``9``.

    >>> said_count(Quantity.exact(9), "nine over Orel, Tambov, and Tula")
    'nine'
    >>> said_count(Quantity.exact(9), None), said_count(Quantity.exact(9), "9 over Tula")
    ('9', '9')
    >>> said_count(Quantity.exact(99), "ninety-nine over Tula")
    '99'
    """
    text = bounds_text(Interval.of(quantity), "count" if quantity is None else quantity.unit)
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
