"""Time zones by IANA name, localised strictly with pytz."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import pytz

from conflict_events.errors import (
    AmbiguousTimeError,
    ConflictEventsError,
    ModelError,
    NonExistentTimeError,
    Problem,
    TimeZoneError,
)


@functools.cache
def _zone_names() -> frozenset[str]:
    # Built from the list, not ``all_timezones_set``, which is lazy and can come out empty.
    return frozenset(pytz.all_timezones)


def is_zone_name(name: object) -> bool:
    """Whether ``name`` is an IANA zone name pytz knows.

    >>> is_zone_name("Europe/Moscow"), is_zone_name("MSK")
    (True, False)
    """
    return type(name) is str and name in _zone_names()


@functools.lru_cache(maxsize=512)
def get_zone(name: str) -> pytz.BaseTzInfo:
    """The pytz zone for an IANA name; :class:`TimeZoneError` when unknown."""
    if not is_zone_name(name):
        raise TimeZoneError("TimeWindow", [Problem("tz", f"unknown IANA time zone {name!r}")])
    return pytz.timezone(name)


def zone_name(tz: object) -> str:
    """The IANA name of a zone given as a name, a pytz zone or a ``zoneinfo.ZoneInfo``.

    >>> zone_name("Europe/Kyiv")
    'Europe/Kyiv'
    >>> zone_name(pytz.timezone("Europe/Moscow"))
    'Europe/Moscow'
    """
    name = tz if type(tz) is str else getattr(tz, "zone", None) or getattr(tz, "key", None)
    if not is_zone_name(name):
        shown = tz if type(tz) is str else type(tz).__name__
        raise TimeZoneError(
            "TimeWindow",
            [Problem("tz", f"expected an IANA time zone such as 'Europe/Moscow', got {shown!r}")],
        )
    assert isinstance(name, str)  # noqa: S101 - is_zone_name checked it
    return name


@contextmanager
def in_calendar(field: str) -> Iterator[None]:
    """Turn the range errors of :mod:`datetime` (years 1 to 9999) into the library's error.

    >>> from datetime import date, timedelta
    >>> try:
    ...     with in_calendar("end"):
    ...         date(9999, 12, 31) + timedelta(days=1)
    ... except ModelError as exc:
    ...     print(exc.problems[0].message)
    outside the calendar datetime holds (years 1 to 9999): date value out of range
    """
    try:
        yield
    except ConflictEventsError:
        raise
    except (OverflowError, ValueError) as exc:
        message = f"outside the calendar datetime holds (years 1 to 9999): {exc}"
        raise ModelError("TimeWindow", [Problem(field, message)]) from None


def localize(naive: datetime, name: str, *, field: str = "start") -> datetime:
    """Attach zone ``name`` to a naive local time; a DST fold or gap is an error, never a guess.

    >>> localize(datetime(2025, 10, 31, 20), "Europe/Moscow").isoformat()
    '2025-10-31T20:00:00+03:00'
    """
    if naive.tzinfo is not None:
        raise TimeZoneError(
            "TimeWindow", [Problem(field, f"expected a naive local time, got {naive.isoformat()}")]
        )
    zone = get_zone(name)
    try:
        return zone.localize(naive, is_dst=None)
    except pytz.AmbiguousTimeError:
        raise AmbiguousTimeError(
            "TimeWindow",
            [Problem(field, f"{naive.isoformat()} happens twice in {name} (clocks went back)")],
        ) from None
    except pytz.NonExistentTimeError:
        raise NonExistentTimeError(
            "TimeWindow",
            [Problem(field, f"{naive.isoformat()} never happens in {name} (clocks went forward)")],
        ) from None


def in_zone(instant: datetime, name: str) -> datetime:
    """The aware ``instant`` as local time in zone ``name``.

    It goes through UTC: ``astimezone`` into a value's own tzinfo object changes nothing, so
    pytz's bare zone (local mean time, from ``datetime(..., tzinfo=pytz.timezone(name))``)
    would otherwise pass for the zone's real offset.

    >>> import pytz
    >>> lmt = datetime(2025, 10, 31, 20, tzinfo=pytz.timezone("Europe/Moscow"))
    >>> in_zone(lmt, "Europe/Moscow").isoformat()
    '2025-10-31T20:30:00+03:00'
    """
    return instant.astimezone(timezone.utc).astimezone(get_zone(name))


@functools.lru_cache(maxsize=8192)
def zone_offset_at(name: str, instant: datetime) -> object:
    """The UTC offset zone ``name`` had at the aware ``instant`` (equal instants, one answer)."""
    return in_zone(instant, name).utcoffset()


def offset_problem(field: str, value: datetime, name: str) -> Problem | None:
    """A problem when ``value``'s offset is not zone ``name``'s offset at that instant."""
    try:
        expected = zone_offset_at(name, value)
    except OverflowError:  # within a day of year 1 or 9999: no offset can be computed
        return Problem(field, f"{value.isoformat()} is too close to the limits of the calendar")
    if value.utcoffset() == expected:
        return None
    return Problem(
        field,
        f"offset {value.isoformat()[19:] or 'UTC'} of {value.isoformat()} is not the offset of "
        f"{name} at that instant ({in_zone(value, name).isoformat()})",
    )


def aware_problem(field: str, value: object) -> Problem | None:
    """A problem when ``value`` is not an aware ``datetime``."""
    if not isinstance(value, datetime):
        return Problem(field, f"expected an aware datetime, got {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        return Problem(
            field,
            f"expected an aware datetime, got the naive {value.isoformat()} "
            "(give a zone; nothing is assumed)",
        )
    return None
