"""Coercion of wire strings to enum members at construction."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)

_BY_VALUE: dict[type[Enum], dict[object, Enum]] = {}


def coerce(enum: type[E], value: object) -> E:
    """A member of ``enum`` given as itself or its value; anything else is left for the check.

    >>> from conflict_events.model.quantity import Qualifier
    >>> coerce(Qualifier, "about")
    <Qualifier.ABOUT: 'about'>
    >>> coerce(Qualifier, "roughly")
    'roughly'
    """
    if type(value) is enum:
        return value
    if type(value) is str:
        table = _BY_VALUE.get(enum)
        if table is None:
            table = _BY_VALUE[enum] = {m.value: m for m in enum}
        member = table.get(value)
        if member is not None:
            return member  # type: ignore[return-value]
    return value  # type: ignore[return-value]


def coerce_optional(enum: type[E], value: object) -> E | None:
    """Like :func:`coerce`, letting ``None`` through."""
    return None if value is None else coerce(enum, value)
