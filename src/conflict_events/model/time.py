"""When something happened or was said: an interval of aware instants in a named zone.

Windows are built in the report's own zone with named constructors (:meth:`TimeWindow.between`,
:meth:`TimeWindow.on_day`, :meth:`TimeWindow.part_of_day`, :meth:`TimeWindow.overnight`) or read
from the phrase itself with :meth:`TimeWindow.parse`; ``str()`` writes a window back in its zone
in a form ``parse`` reads. The hours behind "evening" and "overnight" come from
:mod:`conflict_events.model.conventions`.

>>> w = TimeWindow.parse("31 октября с 20:00 до 23:00 мск", reference=date(2025, 11, 1))
>>> str(w)
'2025-10-31 20:00–23:00 MSK'
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

import attrs
import pytz
from dateutil.relativedelta import relativedelta

from conflict_events.errors import ModelError, Problem, TimeZoneError
from conflict_events.model._checks import Checked, check_enum, check_text, describe, is_text
from conflict_events.model._enums import coerce
from conflict_events.model._phrase.resolve import read_phrase
from conflict_events.model._precision import Precision
from conflict_events.model._zones import (
    aware_problem,
    get_zone,
    is_zone_name,
    localize,
    offset_problem,
    zone_name,
    zone_offset_at,
)
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions

__all__ = ["Precision", "TimeWindow", "ZoneLike"]

ZoneLike = str | tzinfo
"""A zone as an IANA name (``"Europe/Moscow"``), a pytz zone or a ``zoneinfo.ZoneInfo``."""


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


def _looks_valid(w: TimeWindow) -> bool:
    """A fast test that implies :func:`_problems` finds nothing; ``False`` means look closer."""
    start, end, tz, label, text = w.start, w.end, w.tz, w.label, w.text
    if not (
        type(start) is datetime
        and type(end) is datetime
        and type(w.precision) is Precision
        and type(w.approximate) is bool
        and is_text(label)
        and is_text(text)
        and is_zone_name(tz)
    ):
        return False
    first, last = start.utcoffset(), end.utcoffset()
    if first is None or last is None or start > end:
        return False
    try:
        return zone_offset_at(tz, start) == first and zone_offset_at(tz, end) == last
    except OverflowError:  # at the limits of the calendar: the detailed check says so
        return False


@attrs.frozen(kw_only=True)
class TimeWindow(Checked):
    """An interval of aware instants, the zone it was stated in, and how it was said.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

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
    """Whether a convention, not the text, filled in the bounds (or cut them at the moment of
    writing), or the text says "about"."""

    _own_check = staticmethod(_problems)

    def __attrs_post_init__(self) -> None:
        if _looks_valid(self):
            return
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

    @classmethod
    def part_of_day(
        cls,
        day: date,
        label: str,
        *,
        tz: ZoneLike,
        conventions: Conventions = DEFAULT_CONVENTIONS,
        text: str | None = None,
    ) -> TimeWindow:
        """A named part of ``day`` ("evening"), its hours taken from ``conventions``; approximate.

        >>> str(TimeWindow.part_of_day(date(2025, 10, 31), "evening", tz="Europe/Moscow"))
        '2025-10-31 18:00–24:00 MSK [part_of_day, "evening", approximate]'
        """
        part = conventions.find_part(label)
        if part is None:
            raise ModelError(
                "TimeWindow",
                [
                    Problem(
                        "label",
                        f"no part of the day {label!r} in the conventions; known: "
                        + ", ".join(conventions.labels),
                    )
                ],
            )
        start, end = part.bounds(day)
        return cls.between(
            start,
            end,
            tz=tz,
            precision=Precision.PART_OF_DAY,
            label=label,
            text=text,
            approximate=True,
        )

    @classmethod
    def overnight(
        cls,
        *,
        ending_on: date,
        tz: ZoneLike,
        conventions: Conventions = DEFAULT_CONVENTIONS,
        text: str | None = None,
    ) -> TimeWindow:
        """The night that ends on the morning of ``ending_on`` (by default 23:00 – 08:00).

        >>> w = TimeWindow.overnight(ending_on=date(2025, 10, 31), tz="Europe/Moscow")
        >>> w.start.isoformat(), w.end.isoformat(), w.label, w.approximate
        ('2025-10-30T23:00:00+03:00', '2025-10-31T08:00:00+03:00', 'overnight', True)
        """
        return cls.part_of_day(ending_on, "overnight", tz=tz, conventions=conventions, text=text)

    @classmethod
    def night_before(
        cls,
        day: date,
        *,
        tz: ZoneLike,
        conventions: Conventions = DEFAULT_CONVENTIONS,
        text: str | None = None,
    ) -> TimeWindow:
        """The night before the morning of ``day``: ``overnight(ending_on=day)``.

        >>> TimeWindow.night_before(date(2025, 10, 31), tz="Europe/Moscow").start.day
        30
        """
        return cls.overnight(ending_on=day, tz=tz, conventions=conventions, text=text)

    @classmethod
    def in_month(
        cls, year: int, month: int, *, tz: ZoneLike, text: str | None = None
    ) -> TimeWindow:
        """The whole local calendar month.

        >>> str(TimeWindow.in_month(2025, 10, tz="Europe/Moscow"))
        '2025-10-01 00:00 – 2025-11-01 00:00 MSK [month]'
        """
        start = datetime(year, month, 1)  # noqa: DTZ001 - a naive local time, localised below
        return cls.between(
            start, start + relativedelta(months=1), tz=tz, precision=Precision.MONTH, text=text
        )

    @classmethod
    def in_year(cls, year: int, *, tz: ZoneLike, text: str | None = None) -> TimeWindow:
        """The whole local calendar year.

        >>> TimeWindow.in_year(2025, tz="Europe/Moscow").end.isoformat()
        '2026-01-01T00:00:00+03:00'
        """
        start = datetime(year, 1, 1)  # noqa: DTZ001 - a naive local time, localised below
        return cls.between(
            start, start + relativedelta(years=1), tz=tz, precision=Precision.YEAR, text=text
        )

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        tz: ZoneLike | None = None,
        reference: date | datetime | None = None,
        conventions: Conventions = DEFAULT_CONVENTIONS,
    ) -> TimeWindow:
        """Read a time phrase of a report (English, Russian or Ukrainian) into a window.

        A zone named in the text wins; ``tz`` is the zone when it names none. ``reference`` (the
        report's date or instant) resolves dates without a year, times without a date and
        phrases such as "the preceding night". :class:`TimeParseError` quotes what it cannot
        read; nothing is guessed. The rules are in ``docs/time.md``.

        >>> w = TimeWindow.parse("during the preceding night", tz="Europe/Moscow",
        ...                      reference=date(2025, 10, 31))
        >>> str(w)
        '2025-10-30 23:00 – 2025-10-31 08:00 MSK [part_of_day, "overnight", approximate]'
        >>> str(TimeWindow.parse("8 p.m. GMT Oct 30 to 5 a.m. GMT Oct 31",
        ...                      reference=date(2025, 10, 31)).in_tz("Europe/Moscow"))
        '2025-10-30 23:00 – 2025-10-31 08:00 MSK [hour]'
        """
        found = read_phrase(text, tz=tz, reference=reference, conventions=conventions)
        return cls(
            start=found.start,
            end=found.end,
            tz=found.tz,
            precision=found.precision,
            label=found.label,
            text=found.text,
            approximate=found.approximate,
        )

    @property
    def zone(self) -> tzinfo:
        """The pytz zone for :attr:`tz`."""
        return get_zone(self.tz)

    @property
    def local_start(self) -> datetime:
        """:attr:`start` on the clock of the window's zone.

        >>> TimeWindow.parse("2025-10-31 18:00 UTC").in_tz("Europe/Moscow").local_start.hour
        21
        """
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        """:attr:`end` on the clock of the window's zone.

        >>> TimeWindow.on_day(date(2025, 10, 31), tz="Europe/Moscow").local_end.day
        1
        """
        return self.end.astimezone(self.zone)

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

    def intersection(self, other: TimeWindow) -> TimeWindow | None:
        """The instants both windows share, in this window's zone, or ``None`` if they share none.

        Each bound keeps the precision and approximation of the window it comes from; the
        label survives when both windows have it; the text is dropped unless one window lies
        within the other, which is then returned (in this window's zone).

        >>> evening = TimeWindow.part_of_day(date(2025, 10, 31), "evening", tz="Europe/Moscow")
        >>> late = TimeWindow.parse("2025-10-31 22:00 – 2025-11-01 02:00 MSK")
        >>> str(evening.intersection(late))
        '2025-10-31 22:00–24:00 MSK [part_of_day, approximate]'
        """
        if not self.overlaps(other):
            return None
        first = self if self.start >= other.start else other
        last = self if self.end <= other.end else other
        if first is last:
            return first if first is self else first.in_tz(self.tz)
        zone = self.zone
        return TimeWindow(
            start=first.start.astimezone(zone),
            end=last.end.astimezone(zone),
            tz=self.tz,
            precision=first.precision.coarser(last.precision),
            label=self.label if self.label == other.label else None,
            approximate=first.approximate or last.approximate,
        )

    def in_tz(self, tz: ZoneLike) -> TimeWindow:
        """The same instants stated in another zone; everything else is kept.

        >>> w = TimeWindow.parse("8 p.m. GMT Oct 30 to 5 a.m. GMT Oct 31",
        ...                      reference=date(2025, 10, 31))
        >>> w.in_tz("Europe/Moscow").start.isoformat()
        '2025-10-30T23:00:00+03:00'
        """
        name = zone_name(tz)
        zone = get_zone(name)
        return attrs.evolve(
            self, start=self.start.astimezone(zone), end=self.end.astimezone(zone), tz=name
        )

    def to_utc(self) -> TimeWindow:
        """The same instants stated in UTC.

        >>> TimeWindow.on_day(date(2025, 10, 31), tz="Europe/Moscow").to_utc().start.isoformat()
        '2025-10-30T21:00:00+00:00'
        """
        return self.in_tz("UTC")

    def __str__(self) -> str:
        """The window on the clock of its own zone, in a form :meth:`parse` reads back.

        >>> str(TimeWindow.parse("с 23:00 мск 30 октября до 8:00 31 октября",
        ...                      reference=date(2025, 10, 31)))
        '2025-10-30 23:00 – 2025-10-31 08:00 MSK'
        """
        zone = self.zone
        start, end = self.start.astimezone(zone), self.end.astimezone(zone)
        start_zone, end_zone = _zone_label(start, self.tz), _zone_label(end, self.tz)
        start_text, end_text = _bound(start, self.tz, start_zone), _bound(end, self.tz, end_zone)
        if self.start == self.end:
            body = f"{start_text} {start_zone}"
        elif start_zone != end_zone:
            body = f"{start_text} {start_zone} – {end_text} {end_zone}"
        elif " " not in start_text or " " not in end_text:  # an offset settles a fold
            body = f"{start_text} – {end_text} {end_zone}"
        elif start.date() == end.date():
            body = f"{start_text}–{end_text[11:]} {end_zone}"
        elif end_text[11:] == "00:00" and end.date() - start.date() == timedelta(days=1):
            body = f"{start_text}–24:00 {end_zone}"
        else:
            body = f"{start_text} – {end_text} {end_zone}"
        return body + _meta(self)


def _zone_label(local: datetime, tz: str) -> str:
    """The abbreviation of ``local`` when the default conventions read it back as ``tz``."""
    abbreviation = local.tzname() or ""
    entry = DEFAULT_CONVENTIONS.zone(abbreviation)
    if (
        entry is not None
        and entry.zone == tz
        and (entry.offset is None or entry.offset == local.utcoffset())
    ):
        return entry.name
    return tz


def _bound(local: datetime, tz: str, label: str) -> str:
    """``YYYY-MM-DD HH:MM`` (seconds if any); ``YYYY-MM-DDTHH:MM+HH:MM`` for a time that
    happens twice in ``tz`` when ``label`` does not say which."""
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if local.second or local.microsecond:
        clock += f":{local.second:02d}"
    if local.microsecond:
        clock += f".{local.microsecond:06d}"
    day = local.date().isoformat()
    entry = DEFAULT_CONVENTIONS.zone(label)
    if entry is None or entry.offset is None:
        try:
            get_zone(tz).localize(local.replace(tzinfo=None), is_dst=None)
        except pytz.AmbiguousTimeError:
            return f"{day}T{clock}{_offset_text(local.utcoffset() or timedelta(0))}"
    return f"{day} {clock}"


def _offset_text(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def _meta(w: TimeWindow) -> str:
    """`` [precision, "label", approximate]`` when any differs from a plain minute window."""
    if w.precision is Precision.MINUTE and w.label is None and not w.approximate:
        return ""
    parts = [w.precision.value]
    if w.label is not None:
        escaped = w.label.replace("\\", "\\\\").replace('"', '\\"')
        parts.append(f'"{escaped}"')
    if w.approximate:
        parts.append("approximate")
    return " [" + ", ".join(parts) + "]"


def _aware(value: datetime, name: str, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise TimeZoneError(
            "TimeWindow", [Problem(field, f"expected a datetime, got {describe(value)}")]
        )
    if value.tzinfo is None:
        return localize(value, name, field=field)
    return value
