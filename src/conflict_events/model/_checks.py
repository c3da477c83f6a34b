"""Small checks shared by the model classes; each returns a message or ``None``."""

from __future__ import annotations

from enum import Enum
from typing import NoReturn

from conflict_events.errors import ModelError, Problem


def fail(cls_name: str, problems: list[Problem]) -> NoReturn:
    """Raise the model error for ``problems``."""
    raise ModelError(cls_name, problems)


def describe(value: object) -> str:
    """A short rendering of a bad value for a message (a huge integer by its digit count).

    >>> describe(10**5000)
    'an integer of 5001 digits'
    """
    if type(value) is int and value.bit_length() > 200:
        digits = len(str(abs(value))) if value.bit_length() < 14_000 else _digits(abs(value))
        return f"{'a negative' if value < 0 else 'an'} integer of {digits} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _digits(value: int) -> int:
    """The number of decimal digits of ``value`` > 0, without formatting it."""
    digits = int(value.bit_length() * 0.30102999566398120) + 1
    return digits if value >= 10 ** (digits - 1) else digits - 1


def is_id(value: object) -> bool:
    """Whether ``value`` is a non-empty string without surrounding whitespace.

    >>> is_id("src:ru-mod"), is_id(" src"), is_id("")
    (True, False, False)
    """
    return (
        type(value) is str
        and value != ""
        and not value[0].isspace()
        and not value[-1].isspace()
        and (value.isascii() or encodable(value))
    )


def check_id(value: object) -> str | None:
    """A non-empty string without surrounding whitespace."""
    if is_id(value):
        return None
    return f"expected a non-empty string without surrounding whitespace, got {describe(value)}"


def encodable(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8: no lone surrogates such as ``\\ud800``.

    >>> encodable("Белгород"), encodable("a\\ud800b")
    (True, False)
    """
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_text(value: object) -> bool:
    """Whether ``value`` is ``None`` or a non-empty string UTF-8 can encode."""
    return value is None or (
        type(value) is str and value != "" and (value.isascii() or encodable(value))
    )


def check_text(value: object) -> str | None:
    """An optional non-empty string."""
    if is_text(value):
        return None
    if type(value) is str and value:
        return f"expected text UTF-8 can encode, got a lone surrogate in {describe(value)}"
    return f"expected a non-empty string or null, got {describe(value)}"


def check_ids(values: tuple[object, ...]) -> str | None:
    """A tuple of ids, without repeats."""
    if type(values) is not tuple:
        return f"expected a list of ids, got {describe(values)}"
    for i, value in enumerate(values):
        msg = check_id(value)
        if msg is not None:
            return f"item {i}: {msg}"
    if len(set(values)) != len(values):
        seen: set[object] = set()
        dupes = [v for v in values if v in seen or seen.add(v)]  # type: ignore[func-returns-value]
        return f"expected distinct ids, got {describe(dupes[0])} more than once"
    return None


def check_enum(value: object, enum: type[Enum], *, optional: bool = False) -> str | None:
    """A member of ``enum``."""
    if isinstance(value, enum) or (optional and value is None):
        return None
    allowed = ", ".join(repr(m.value) for m in enum)
    return f"expected one of {allowed}, got {describe(value)}"


def check_instance(value: object, cls: type, *, optional: bool = False) -> str | None:
    """An instance of ``cls``."""
    if isinstance(value, cls) or (optional and value is None):
        return None
    return f"expected a {cls.__name__}, got {describe(value)}"


def check_all(values: tuple[object, ...], cls: type) -> str | None:
    """Every item an instance of ``cls``."""
    if type(values) is not tuple:
        return f"expected a list of {cls.__name__}, got {describe(values)}"
    for i, value in enumerate(values):
        if not isinstance(value, cls):
            return f"item {i}: expected a {cls.__name__}, got {describe(value)}"
    return None


def as_tuple(value: object) -> tuple[object, ...]:
    """Coerce a list or other iterable (not a string) to a tuple; leave anything else for the check.

    >>> as_tuple(["a", "b"])
    ('a', 'b')
    >>> as_tuple("ab")
    'ab'
    """
    if type(value) is tuple:
        return value
    if isinstance(value, (list, set, frozenset)) or (
        hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict))
    ):
        return tuple(value)
    return value  # type: ignore[return-value]
