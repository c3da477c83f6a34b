"""Small checks shared by the model classes; each returns a message or ``None``."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from enum import Enum
from types import SimpleNamespace
from typing import Any, ClassVar, NoReturn

import attrs

from conflict_events.errors import ModelError, Problem, field_of
from conflict_events.errors import describe as describe  # the model's modules use it from here


def fail(cls_name: str, problems: list[Problem]) -> NoReturn:
    """Raise the model error for ``problems``."""
    raise ModelError(cls_name, problems)


class _Unread:
    """Stands in for an unread field in :func:`run_check`: wrong for every check."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<unread>"


_UNREAD = _Unread()


def run_check(
    cls: type,
    check: Callable[[Any], list[Problem]],
    fields: Mapping[str, object],
    unread: Collection[str],
) -> list[Problem]:
    """Run a class's own ``check`` on field values, as its constructor would.

    Each value goes through its field's converter first, and a field left out takes its
    default. A required field left out, or one named in ``unread``, is unread: nothing is said
    about it, and the other fields are judged as far as they can be without it. A name that is
    not a field of ``cls`` is a problem of its own.
    """
    own = attrs.fields(cls)
    names = {f.name for f in own}
    problems = [
        Problem(str(name), f"{cls.__name__} has no field {name!r}")
        for name in fields
        if name not in names
    ]
    values: dict[str, object] = {}
    for f in own:
        if f.name in unread:
            values[f.name] = _UNREAD
        elif f.name in fields:
            value = fields[f.name]
            values[f.name] = value if f.converter is None else f.converter(value)
        else:
            values[f.name] = _UNREAD if f.default is attrs.NOTHING else f.default
    skipped = {name for name, value in values.items() if value is _UNREAD}
    found = check(SimpleNamespace(**values))
    return problems + [p for p in found if field_of(p.path) not in skipped]


class Checked:
    """A model class whose invariants are stated once, in the check :meth:`check_fields` runs."""

    __slots__ = ()

    _own_check: ClassVar[Callable[..., list[Problem]]]
    """The class's detailed check of an object (or a stand-in with the same attributes)."""

    @classmethod
    def check_fields(
        cls, fields: Mapping[str, object], *, unread: Collection[str] = ()
    ) -> list[Problem]:
        """Every invariant of this class that these field values break, each at its field.

        The constructor runs this same check and raises
        :class:`~conflict_events.errors.ModelError` with these problems, in this order. Values
        go through the fields' converters, and a field left out takes its default. A field
        named in ``unread`` (a loader passes those it could not read), or a required one left
        out, is unread: nothing is said of it, and the others are judged as far as they can be.

        >>> from conflict_events import Quantity
        >>> print(*Quantity.check_fields({"value": -3}))
        value: expected an integer >= 0, got -3
        >>> Quantity.check_fields({"value": 2.5, "unit": "km"})
        []
        """
        return run_check(cls, cls._own_check, fields, unread)


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
