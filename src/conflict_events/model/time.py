"""When something happened or was said: an interval of aware instants in a named zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum

import attrs

from conflict_events.errors import ModelError, Problem, TimeZoneError
from conflict_events.model._checks import check_enum, check_text, describe
from conflict_events.model._enums import coerce
from conflict_events.model._zones import (
    aware_problem,
    get_zone,
    is_zone_name,
    localize,
    offset_problem,
    zone_name,
)

__all__ = ["Precision", "TimeWindow", "ZoneLike"]

ZoneLike = str | tzinfo
"""A zone as an IANA name (``"Europe/Moscow"``), a pytz zone or a ``zoneinfo.ZoneInfo``."""


class Precision(Enum):
    """How finely the report stated the time."""

    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


def _to_precision(value: object) -> Precision:
    return coerce(Precision, value)


def _problems(w: TimeWindow) -> list[Problem]:
    problems: list[Problem] = []
    start, end, tz = w.start, w.end, w.tz
    for name, value in (("start", start), ("end", end)):
        p = aware_problem(name, value)
        if p:
            problems.append(p)
    if not is_zone_name(tz):
        problems.append(
            Problem("tz", f"expected an IANA time zone such as 'Europe/Moscow', got {describe(tz)}")
        )
    msg = check_enum(w.precision, Precision)
    if msg:
        problems.append(Problem("precision", msg))
    for name in ("label", "text"):
        msg = check_text(getattr(w, name))
        if msg:
            problems.append(Problem(name, msg))
    approximate: object = w.approximate
    if type(approximate) is not bool:
        problems.append(Problem("approximate", f"expected true or false, got {approximate!r}"))
    if problems:
        return problems
    if start > end:
        problems.append(
            Problem("start", f"start {start.isoformat()} is after end {end.isoformat()}")
        )
    for name, value in (("start", start), ("end", end)):
        p = offset_problem(name, value, tz)
        if p:
            problems.append(p)
    return problems


@attrs.frozen(kw_only=True)
class TimeWindow:
    """An interval of aware instants, the zone it was stated in, and how it was said.

    ``start == end`` is an instant (a bulletin issued at 23:30).

    >>> w = TimeWindow.between(datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23),
    ...                        tz="Europe/Moscow")
    >>> w.start.isoformat(), w.end.isoformat(), w.tz
    ('2025-10-31T20:00:00+03:00', '2025-10-31T23:00:00+03:00', 'Europe/Moscow')
    """

    start: datetime
    """The first instant (aware; its offset is the zone's at that instant)."""
    end: datetime
    """The last instant (aware, not before ``start``)."""
    tz: str
    """The IANA zone the report stated the time in, e.g. ``Europe/Moscow``."""
    precision: Precision = attrs.field(default=Precision.MINUTE, converter=_to_precision)
    """How finely the report stated it."""
    label: str | None = None
    """A named part of day or period: ``"evening"``, ``"overnight"``."""
    text: str | None = None
    """The phrase as written in the source: ``"during the evening of October 31st"``."""
    approximate: bool = False
    """Whether a convention, not the text, filled in the bounds."""

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            zone_trouble = any(p.path == "tz" or p.message.startswith("offset") for p in problems)
            raise (TimeZoneError if zone_trouble else ModelError)("TimeWindow", problems)

    @classmethod
    def between(
        cls,
        start: datetime,
        end: datetime,
        *,
        tz: ZoneLike | None = None,
        precision: Precision | str = Precision.MINUTE,
        label: str | None = None,
        text: str | None = None,
        approximate: bool = False,
    ) -> TimeWindow:
        """The window from ``start`` to ``end``.

        Naive datetimes are local times in ``tz``, localised strictly (a DST fold or gap is an
        error); aware ones must carry the zone's offset at that instant. Without ``tz`` the
        zone is taken from an aware ``start`` whose tzinfo names one (pytz or zoneinfo).

        >>> import zoneinfo
        >>> kyiv = zoneinfo.ZoneInfo("Europe/Kyiv")
        >>> TimeWindow.between(datetime(2025, 6, 1, 0, tzinfo=kyiv),
        ...                    datetime(2025, 6, 1, 6, tzinfo=kyiv)).tz
        'Europe/Kyiv'
        """
        if tz is None:
            tz = start.tzinfo
            if tz is None:
                raise TimeZoneError(
                    "TimeWindow",
                    [Problem("tz", "naive start and end need a zone: pass tz='Area/City'")],
                )
        name = zone_name(tz)
        return cls(
            start=_aware(start, name, "start"),
            end=_aware(end, name, "end"),
            tz=name,
            precision=precision,
            label=label,
            text=text,
            approximate=approximate,
        )

    @classmethod
    def at(
        cls, instant: datetime, *, tz: ZoneLike | None = None, text: str | None = None
    ) -> TimeWindow:
        """A single instant, to the minute: a bulletin posted at 23:30.

        >>> TimeWindow.at(datetime(2025, 10, 31, 23, 30), tz="Europe/Moscow").end.isoformat()
        '2025-10-31T23:30:00+03:00'
        """
        return cls.between(instant, instant, tz=tz, text=text)

    @classmethod
    def on_day(
        cls, day: date, *, tz: ZoneLike, text: str | None = None, approximate: bool = False
    ) -> TimeWindow:
        """The whole local calendar day, from 00:00 to 24:00 (the next day's 00:00).

        >>> w = TimeWindow.on_day(date(2025, 10, 31), tz="Europe/Moscow")
        >>> w.start.isoformat(), w.end.isoformat()
        ('2025-10-31T00:00:00+03:00', '2025-11-01T00:00:00+03:00')
        """
        start = datetime.combine(day, time())
        return cls.between(
            start,
            start + timedelta(days=1),
            tz=tz,
            precision=Precision.DAY,
            text=text,
            approximate=approximate,
        )

    @property
    def zone(self) -> tzinfo:
        """The pytz zone for :attr:`tz`."""
        return get_zone(self.tz)

    @property
    def duration(self) -> timedelta:
        """How long the window lasts.

        >>> TimeWindow.on_day(date(2025, 10, 31), tz="Europe/Moscow").duration
        datetime.timedelta(days=1)
        """
        return self.end - self.start

    def contains(self, other: TimeWindow | datetime) -> bool:
        """Whether an instant or a whole window lies within this one (bounds included).

        >>> day = TimeWindow.on_day(date(2025, 10, 31), tz="Europe/Moscow")
        >>> day.contains(TimeWindow.at(datetime(2025, 10, 31, 21), tz="Europe/Moscow"))
        True
        """
        if isinstance(other, TimeWindow):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end

    def overlaps(self, other: TimeWindow) -> bool:
        """Whether the two windows share an instant (touching ends count).

        >>> a = TimeWindow.on_day(date(2025, 10, 30), tz="Europe/Moscow")
        >>> b = TimeWindow.on_day(date(2025, 10, 31), tz="Europe/Moscow")
        >>> a.overlaps(b)
        True
        """
        return self.start <= other.end and other.start <= self.end


def _aware(value: datetime, name: str, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise TimeZoneError(
            "TimeWindow", [Problem(field, f"expected a datetime, got {describe(value)}")]
        )
    if value.tzinfo is None:
        return localize(value, name, field=field)
    return value
