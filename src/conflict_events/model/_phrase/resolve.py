"""Resolving the words of a time phrase into the fields of a window.

The words (:mod:`.scan`) form one point ("during the evening of October 31st") or a range with
an optional shared prefix ("31 октября | с 20:00 | до 23:00 мск"). Each end then gets its zone,
its day and its clock time, by the rules in ``docs/time.md``: a date or zone written once
applies to the other end too, a clock time inside a named part of the day falls on the day
nearest that part, a range that crosses midnight moves the undated end a day, and what is still
missing comes from ``reference``. The result is plain fields (:class:`PhraseFields`), from which
:meth:`TimeWindow.parse` builds the window: this module knows nothing of ``TimeWindow``.

>>> found = read_phrase("с 23:00 мск 30 октября до 8:00 31 октября", reference=date(2025, 10, 31))
>>> found.start.isoformat(), found.end.isoformat()
('2025-10-30T23:00:00+03:00', '2025-10-31T08:00:00+03:00')
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, tzinfo

import attrs

from conflict_events.errors import (
    AmbiguousTimeError,
    ModelError,
    Problem,
    TimeParseError,
    TimeZoneError,
)
from conflict_events.model._checks import describe
from conflict_events.model._phrase.scan import is_day, make_clock, scan
from conflict_events.model._phrase.words import (
    DAY,
    Clock,
    Kind,
    Night,
    PDate,
    Rel,
    Token,
)
from conflict_events.model._precision import Precision
from conflict_events.model._zones import get_zone, localize, zone_name
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions, NightOf, ZoneName

__all__ = ["PhraseFields", "read_phrase"]


@attrs.frozen(kw_only=True)
class _Bound:
    """What one end of a range (or a lone point) resolved to."""

    lo: datetime
    hi: datetime
    precision: Precision
    approximate: bool = False


@attrs.define
class _Point:
    """What one part of a phrase says."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    full: date | None = None
    weekday: int | None = None
    clock: Clock | None = None
    bare: Token | None = None
    zone: ZoneName | None = None
    part: Token | None = None
    rel: Rel | None = None
    night_ends: bool = False
    this_year: bool = False
    day24: Token | None = None

    @property
    def has_day(self) -> bool:
        return self.full is not None or self.day is not None

    @property
    def is_empty(self) -> bool:
        return not (
            self.has_day
            or self.month is not None
            or self.year is not None
            or self.weekday is not None
            or self.clock is not None
            or self.bare is not None
            or self.part is not None
            or self.rel is not None
            or self.day24 is not None
            or self.this_year
        )


# --------------------------------------------------------------------------------------------
# The words

_META = re.compile(
    r"""\s*\[\s*(?P<precision>[a-z_]+)\s*
        (?:,\s*"(?P<label>(?:[^"\\]|\\.)*)"\s*)?
        (?:,\s*(?P<approximate>approximate)\s*)?
        \]\s*\Z""",
    re.VERBOSE | re.DOTALL,
)

_PRECISIONS = {p.value: p for p in Precision}


@attrs.frozen(kw_only=True)
class _Meta:
    precision: Precision
    label: str | None
    approximate: bool


def _split_meta(text: str) -> tuple[str, _Meta | None]:
    """Cut the ``[precision, "label", approximate]`` suffix that ``str(window)`` writes."""
    match = _META.search(text)
    if match is None or match["precision"] not in _PRECISIONS:
        return text, None
    label = match["label"]
    meta = _Meta(
        precision=_PRECISIONS[match["precision"]],
        label=None if label is None else re.sub(r"\\(.)", r"\1", label, flags=re.DOTALL),
        approximate=match["approximate"] is not None,
    )
    return text[: match.start()], meta


@attrs.frozen(kw_only=True)
class PhraseFields:
    """What a phrase says: the fields of a time window, for the window to be built from."""

    start: datetime
    end: datetime
    tz: str
    precision: Precision
    label: str | None
    text: str
    approximate: bool


def read_phrase(
    text: str,
    *,
    tz: str | tzinfo | None = None,
    reference: date | datetime | None = None,
    conventions: Conventions = DEFAULT_CONVENTIONS,
) -> PhraseFields:
    """Read one time phrase into the fields of a window (see :meth:`TimeWindow.parse`).

    >>> found = read_phrase("between 8 PM and 11 PM MSK", reference=date(2025, 10, 31))
    >>> found.start.isoformat(), found.end.isoformat(), found.tz, found.precision.value
    ('2025-10-31T20:00:00+03:00', '2025-10-31T23:00:00+03:00', 'Europe/Moscow', 'hour')
    """
    if type(text) is not str:
        raise TimeParseError(describe(text), "expected the phrase as a string")
    if reference is not None and not isinstance(reference, date):
        raise ModelError(
            "TimeWindow",
            [Problem("reference", f"expected a date or a datetime, got {describe(reference)}")],
        )
    fallback = None
    if tz is not None:
        name = zone_name(tz)
        fallback = ZoneName(name=name, zone=name)
    body, meta = _split_meta(text)
    reader = _Reader(text=text, conventions=conventions, fallback=fallback, reference=reference)
    try:
        start, end, window_tz, precision = reader.read(body)
    except TimeZoneError as err:
        problems = [Problem(p.path, f"{p.message}, reading {text!r}") for p in err.problems]
        raise type(err)("TimeWindow", problems) from None
    label = reader.label()
    approximate = reader.approximate
    if meta is not None:
        precision, label, approximate = meta.precision, meta.label, meta.approximate
    return PhraseFields(
        start=start,
        end=end,
        tz=window_tz,
        precision=precision,
        label=label,
        text=text,
        approximate=approximate,
    )


def _same_zone(a: ZoneName, b: ZoneName) -> bool:
    return a.zone == b.zone and a.offset == b.offset


@attrs.define
class _Reader:
    """Reads one phrase; holds what the reading found along the way."""

    text: str
    conventions: Conventions
    fallback: ZoneName | None
    reference: date | datetime | None
    approximate: bool = False
    labels: list[str] = attrs.Factory(list)

    def error(self, reason: str) -> TimeParseError:
        return TimeParseError(self.text, reason)

    def label(self) -> str | None:
        distinct = set(self.labels)
        return distinct.pop() if len(distinct) == 1 else None

    # -- shape ----------------------------------------------------------------------------

    def read(self, body: str) -> tuple[datetime, datetime, str, Precision]:
        try:
            tokens = scan(body, self.conventions)
        except TimeParseError as err:
            raise self.error(err.reason) from None
        if not tokens:
            raise self.error("it has no date or time in it")
        starts = [i for i, t in enumerate(tokens) if t.kind is Kind.FROM]
        ends = [i for i, t in enumerate(tokens) if t.kind in (Kind.TO, Kind.NA)]
        if len(ends) > 1 or len(starts) > 1:
            raise self.error("it has more than one range in it")
        if not ends:
            if starts:
                return self.since(tokens, starts[0])
            return self.single(self.point(tokens))
        to = ends[0]
        if tokens[to].kind is Kind.NA:
            raise self.error(
                f"{tokens[to].raw!r} must follow a night, as in 'в ночь на 31 октября'"
            )
        if starts:
            if starts[0] > to:
                raise self.error(f"{tokens[starts[0]].raw!r} comes after the end of the range")
            prefix, first = tokens[: starts[0]], tokens[starts[0] + 1 : to]
        else:
            prefix, first = [], tokens[:to]
        last = tokens[to + 1 :]
        if not first or not last:
            raise self.error("a range needs both a start and an end")
        return self.range(self.point(prefix), self.point(first), self.point(last))

    def point(self, tokens: list[Token]) -> _Point:
        """What a run of words says about one moment or span."""
        p = _Point()
        used: set[int] = set()
        months = [i for i, t in enumerate(tokens) if t.kind is Kind.MONTH]
        if len(months) > 1:
            raise self.error(f"{tokens[months[0]].raw!r} and {tokens[months[1]].raw!r} in one date")
        for i in months:
            p.month = tokens[i].value
            used.add(i)
            for j in (i + 1, i - 1):
                if 0 <= j < len(tokens) and is_day(tokens[j]) and j not in used:
                    p.day = tokens[j].value
                    used.add(j)
                    break
        for i, t in enumerate(tokens):
            if i not in used:
                self.take(p, t)
        if p.part is not None and p.part.ends is not None:
            ends = p.part.ends
            if ends.weekday is not None:  # "в ночь на субботу [1 ноября]": the date may follow
                if p.weekday is not None:
                    raise self.error(f"{p.part.raw!r} already names its day")
                p.weekday = ends.weekday
            elif p.has_day or p.month is not None or p.year is not None:
                raise self.error(f"{p.part.raw!r} already names its date")
            else:
                p.day, p.month, p.year, p.full = ends.day, ends.month, ends.year, ends.full
            p.night_ends = True
        if p.full is not None and (p.day is not None or p.month is not None or p.year):
            raise self.error("it gives two dates for one moment")
        return p

    def take(self, p: _Point, t: Token) -> None:
        """Add one word to a point."""
        if t.kind is Kind.YEAR:
            if p.year is not None:
                raise self.error(f"two years, {p.year} and {t.value}, for one moment")
            p.year = t.value
        elif t.kind is Kind.DATE:
            if p.full is not None:
                raise self.error(f"two dates, {p.full} and {t.raw!r}, for one moment")
            p.full = t.day
        elif t.kind is Kind.WEEKDAY:
            p.weekday = t.value
        elif t.kind is Kind.TIME:
            if t.clock is None or (p.clock is not None and t.day_month is not None):
                self.take_day_month(p, t)
                return
            if p.clock is not None:
                raise self.error(f"two clock times for one moment, the second {t.raw!r}")
            p.clock = t.clock
        elif t.kind is Kind.NUM:
            if p.bare is not None:
                raise self.error(f"{p.bare.raw!r} and {t.raw!r} are neither a date nor a time")
            p.bare = t
        elif t.kind in (Kind.ZONE, Kind.LOCAL):
            zone = t.zone if t.kind is Kind.ZONE else self.fallback
            if zone is None:
                raise self.error(f"{t.raw!r} needs the zone: pass tz=")
            if p.zone is not None and not _same_zone(p.zone, zone):
                raise self.error(f"two zones, {p.zone.name!r} and {t.raw!r}, for one moment")
            p.zone = zone
        elif t.kind is Kind.PART:
            if p.part is not None and p.part.label != t.label:
                raise self.error(
                    f"two parts of the day, {p.part.raw!r} and {t.raw!r}, for one moment"
                )
            p.part = t
            self.labels.append(t.label or "")
        elif t.kind is Kind.REL:
            if p.rel is not None:
                raise self.error(f"two relative words for one moment, the second {t.raw!r}")
            p.rel = t.rel
        elif t.kind is Kind.THIS_YEAR:
            p.this_year = True
        elif t.kind is Kind.DAY24:
            p.day24 = t
        else:  # Kind.APPROX; range words never reach a point
            self.approximate = True

    def take_day_month(self, p: _Point, t: Token) -> None:
        """ "02.10" after a clock time ("с 23:00 мск 02.10"), or one no clock can be: a date."""
        if t.day_month is None or p.has_day or p.month is not None:
            raise self.error(f"{t.raw!r} is neither a clock time nor a date here")
        p.day, p.month = t.day_month

    # -- resolution -----------------------------------------------------------------------

    def since(self, tokens: list[Token], at: int) -> tuple[datetime, datetime, str, Precision]:
        """ "с 29 сентября": a range with no end runs to the reference instant, approximate."""
        opener = tokens[at].raw
        p = self.point(tokens[at + 1 :])
        if at or p.is_empty or self.reference is None:
            raise self.error(f"{opener!r} opens a range that never ends")
        zone = self.zone_of(p.zone)
        self.this_year(p, zone)
        start = self.bound(p, zone, "start")
        if start is None:
            assert p.clock is not None  # noqa: S101 - bound() returns None for no other point
            moment = self.undated(p.clock, zone, "start")
            start = _Bound(lo=moment, hi=moment, precision=p.clock.precision)
        instant = self.ref_instant(zone)
        end = instant or self.local(datetime.combine(self.ref_day(zone) + DAY, time()), zone, "end")
        if start.lo > end:
            raise self.error(f"it starts ({start.lo.isoformat()}) after the reference")
        self.approximate = True
        return start.lo, end, zone.zone, start.precision

    def single(self, p: _Point) -> tuple[datetime, datetime, str, Precision]:
        zone = self.zone_of(p.zone)
        if p.bare is not None:
            raise self.error(f"{p.bare.raw!r} is neither a day nor an hour here")
        self.this_year(p, zone)
        bound = self.bound(p, zone, "start")
        if bound is None:  # a clock time and nothing else
            assert p.clock is not None  # noqa: S101 - bound() returns None for no other point
            moment = self.undated(p.clock, zone, "start")
            bound = _Bound(lo=moment, hi=moment, precision=p.clock.precision)
        if bound.approximate:
            self.approximate = True
        start, end = self.cut(bound.lo, bound.hi, bound.precision, zone)
        return start, end, zone.zone, bound.precision

    def range(
        self, prefix: _Point, a: _Point, b: _Point
    ) -> tuple[datetime, datetime, str, Precision]:
        if prefix.clock is not None or prefix.bare is not None:
            raise self.error("a clock time before the range belongs inside it")
        self.settle_numbers(a, b)
        self.share_meridiem(a, b)
        own_date = b.full is not None or (a.has_day and b.has_day)
        if b.clock is not None and (b.clock.midnight or (_is_midnight(b.clock) and not own_date)):
            # A range that ends at midnight ("to midnight", "до 00:00", "to 12 a.m.") ends
            # with its day, at 24:00, also when the date is written once for both ends ("с
            # 18:00 до 00:00 30 октября"); an end with a date of its own ("с 20.00 24 мая до
            # 0.00 25 мая", an ISO "2025-10-27 00:00") ends at that date's midnight.
            b.clock = attrs.evolve(b.clock, hour=24)
        if Rel.EARLIER in (prefix.rel, a.rel, b.rel):
            raise self.error("'earlier the same day' stands alone, not in a range")
        alone = a.day24 or b.day24 or prefix.day24
        if alone is not None:
            raise self.error(f"{alone.raw!r} stands alone, not in a range")
        za = a.zone or prefix.zone or b.zone or self.zone_of(None)
        zb = b.zone or prefix.zone or a.zone or za
        for side in (prefix, a, b):
            self.this_year(side, za)
        for side in (a, b):
            if side.year is None and side.month is not None and prefix.year is not None:
                side.year = prefix.year
        _settle_years(a, b)
        last = self.bound(b, zb, "end")
        first = self.bound(a, za, "start", not_after=_local_day(last.lo, zb) if last else None)
        frame = None
        prefix_day = None
        if not prefix.is_empty:
            zp = prefix.zone or za
            if prefix.part is not None:
                frame = self.part_bounds(prefix, zp)
            else:
                prefix_day = self.day_of(prefix, zp)
        if first is None and frame is not None:
            first = self.placed(a, za, frame, "start")
        if last is None and frame is not None:
            last = self.placed(b, zb, frame, "end")
        if first is None and prefix_day is not None:
            assert a.clock is not None  # noqa: S101 - a point with nothing but a clock
            moment = self.at(prefix_day, a.clock, za, "start")
            first = _Bound(lo=moment, hi=moment, precision=a.clock.precision)
        if first is None and last is None:
            assert b.clock is not None  # noqa: S101 - a point with nothing but a clock
            moment = self.undated(b.clock, zb, "end")
            last = _Bound(lo=moment, hi=moment, precision=b.clock.precision)
        if first is None:
            assert last is not None  # noqa: S101 - resolved just above
            first = self.beside(a, za, last.lo, "start", later=False)
        if last is None:
            last = self.beside(b, zb, first.lo, "end", later=True)
        if first.lo > last.lo:
            raise self.error(
                f"it ends ({last.hi.isoformat()}) before it starts ({first.lo.isoformat()})"
            )
        if first.approximate or last.approximate:
            self.approximate = True
        start, end = self.cut(first.lo, last.hi, last.precision, zb)
        end = end.astimezone(get_zone(za.zone))
        return start, end, za.zone, first.precision.coarser(last.precision)

    def share_meridiem(self, a: _Point, b: _Point) -> None:
        """ "between 8:00 and 11:00 pm": an a.m. or p.m. written at one end applies to the
        other's 12-hour clock time too, when that keeps the range ordered and within 12 hours."""
        first, last = a.clock, b.clock
        if first is None or last is None or a.has_day or b.has_day:
            return
        if (first.meridiem is None) == (last.meridiem is None):
            return
        bare, meridiem = (
            (first, last.meridiem) if first.meridiem is None else (last, first.meridiem)
        )
        if bare.midnight or not 1 <= bare.hour <= 12:
            return
        hour = bare.hour % 12 + (12 if meridiem == "pm" else 0)
        start, end = (hour, last.hour) if bare is first else (first.hour, hour)
        if start < end <= start + 12:
            shared = attrs.evolve(bare, hour=hour, meridiem=meridiem)
            if bare is first:
                a.clock = shared
            else:
                b.clock = shared

    def this_year(self, p: _Point, zone: ZoneName) -> None:
        """ "т.г.": the year of the reference, in the zone of the phrase."""
        if p.this_year and p.year is None and p.full is None:
            p.year = self.ref_day(zone, what="т.г.").year

    def undated(self, clock: Clock, zone: ZoneName, field: str) -> datetime:
        """A clock time with no date: on the reference's day, or the day before when that
        would end more than the tolerance after the reference instant."""
        day = self.ref_day(zone)
        moment = self.at(day, clock, zone, field)
        instant = self.ref_instant(zone)
        if instant is not None and moment > instant + self.conventions.reference_tolerance:
            moment = self.at(day - DAY, clock, zone, field)
        return moment

    def cut(
        self, start: datetime, end: datetime, precision: Precision, zone: ZoneName
    ) -> tuple[datetime, datetime]:
        """A window whose end a convention or the calendar gave (not a clock time), cut so that
        it ends no later than the reference instant; it is then approximate.

        A window that would begin after the reference on the reference's own day ("утром",
        posted at 05:00) runs from that day's midnight to the reference. A window on a later
        day is left as written (an announcement of what is to come).
        """
        if precision in (Precision.MINUTE, Precision.HOUR) or not self.conventions.cut_at_reference:
            return start, end
        instant = self.ref_instant(zone)
        if instant is None or end <= instant:
            return start, end
        if start > instant:
            if start.astimezone(instant.tzinfo).date() != instant.date():
                return start, end
            start = self.local(datetime.combine(instant.date(), time()), zone, "start")
        self.approximate = True
        return start, instant

    def settle_numbers(self, a: _Point, b: _Point) -> None:
        """A bare number is an hour beside a clock time ("8-11 PM"), else a day ("Oct 30-31")."""
        for side, other in ((a, b), (b, a)):
            token = side.bare
            if token is None:
                continue
            if side.clock is not None or side.has_day:
                raise self.error(f"{token.raw!r} is neither a day nor an hour here")
            meridiem = other.clock.meridiem if other.clock is not None else None
            if other.clock is not None and not token.ordinal and token.value <= 24:
                if meridiem is not None and 1 <= token.value <= 12:
                    # "11-1 AM" is 23:00-01:00, not 11:00-01:00: the half of the day that
                    # keeps the range within twelve hours of the other end.
                    meridiem = _nearer_meridiem(token.value, other.clock.hour, before=side is a)
                side.clock = make_clock(self.text, token.raw, token.value, meridiem=meridiem)
            elif other.has_day and 1 <= token.value <= 31:  # "Oct 30-31": the other's month
                side.day = token.value
                side.month = other.month if other.full is None else other.full.month
                side.year = other.year if other.full is None else other.full.year
            else:
                raise self.error(f"{token.raw!r} is neither a day nor an hour here")
            side.bare = None

    def zone_of(self, zone: ZoneName | None) -> ZoneName:
        if zone is not None:
            return zone
        if self.fallback is None:
            raise self.error("it names no zone: pass tz= (the zone the report states times in)")
        return self.fallback

    def bound(
        self, p: _Point, zone: ZoneName, field: str, *, not_after: date | None = None
    ) -> _Bound | None:
        """What a point resolves to on its own; ``None`` for a bare clock time."""
        if p.rel is Rel.EARLIER:
            return self.earlier(p, zone)
        if p.day24 is not None:
            return self.day24(p, zone)
        if p.rel in (Rel.PAST, Rel.THIS) and p.part is None:
            raise self.error(
                "'past', 'last' and 'this' need a part of the day, as in 'the past night'"
            )
        if p.clock is not None:
            if p.part is not None:
                return self.placed(p, zone, self.part_bounds(p, zone), field)
            day = self.day_of(p, zone, not_after=not_after)
            if day is None:
                return None
            moment = self.at(day, p.clock, zone, field)
            return _Bound(lo=moment, hi=moment, precision=p.clock.precision)
        if p.part is not None:
            lo, hi = self.part_bounds(p, zone)
            return _Bound(lo=lo, hi=hi, precision=Precision.PART_OF_DAY, approximate=True)
        day = self.day_of(p, zone, not_after=not_after)
        if day is not None:
            lo = self.local(datetime.combine(day, time()), zone, "start")
            hi = self.local(datetime.combine(day + DAY, time()), zone, "end")
            return _Bound(lo=lo, hi=hi, precision=Precision.DAY)
        if p.month is not None:
            year = p.year if p.year is not None else self.month_year(p.month, zone, not_after)
            lo_naive = datetime.combine(date(year, p.month, 1), time())
            hi_naive = datetime.combine(date(year + p.month // 12, p.month % 12 + 1, 1), time())
            return _Bound(
                lo=self.local(lo_naive, zone, "start"),
                hi=self.local(hi_naive, zone, "end"),
                precision=Precision.MONTH,
            )
        if p.year is not None:
            lo = self.local(datetime.combine(date(p.year, 1, 1), time()), zone, "start")
            hi = self.local(datetime.combine(date(p.year + 1, 1, 1), time()), zone, "end")
            return _Bound(lo=lo, hi=hi, precision=Precision.YEAR)
        raise self.error("it has no date or time in it")

    def day24(self, p: _Point, zone: ZoneName) -> _Bound:
        """ "сутки": the day a date names, else the 24 hours up to the reference instant (the
        reference's day when it is a date), approximate."""
        day = self.day_of(attrs.evolve(p, rel=None, day24=None), zone)
        if day is None:
            instant = self.ref_instant(zone)
            if instant is not None:
                return _Bound(
                    lo=(instant - DAY).astimezone(get_zone(zone.zone)),
                    hi=instant,
                    precision=Precision.DAY,
                    approximate=True,
                )
            day = self.ref_day(zone, what=p.day24.raw if p.day24 else "")
            approximate = True
        else:
            approximate = False
        lo = self.local(datetime.combine(day, time()), zone, "start")
        hi = self.local(datetime.combine(day + DAY, time()), zone, "end")
        return _Bound(lo=lo, hi=hi, precision=Precision.DAY, approximate=approximate)

    def earlier(self, p: _Point, zone: ZoneName) -> _Bound:
        """For "earlier on the same day": from the reference's midnight to the reference."""
        if not attrs.evolve(p, rel=None).is_empty:
            raise self.error("'earlier the same day' stands alone, without a date or a time")
        day = self.ref_day(zone)
        lo = self.local(datetime.combine(day, time()), zone, "start")
        moment = self.ref_instant(zone)
        hi = moment or self.local(datetime.combine(day + DAY, time()), zone, "end")
        return _Bound(lo=lo, hi=hi, precision=Precision.DAY)

    def day_of(self, p: _Point, zone: ZoneName, *, not_after: date | None = None) -> date | None:
        """The calendar day a point names, or ``None`` when it names none."""
        if p.full is not None:
            day = p.full
        elif p.day is not None:
            assert p.month is not None  # noqa: S101 - a day is only ever read with its month
            day = self.complete(p.day, p.month, p.year, zone, not_after)
        elif p.month is not None or p.year is not None:
            return None
        elif p.rel in (Rel.TODAY, Rel.SAME_DAY):
            day = self.ref_day(zone)
        elif p.rel is Rel.YESTERDAY:
            day = self.ref_day(zone) - DAY
        elif p.weekday is not None:
            limit = not_after or self.ref_day(zone)
            return limit - timedelta(days=(limit.weekday() - p.weekday) % 7)
        else:
            return None
        if p.weekday is not None and day.weekday() != p.weekday:
            raise self.error(
                f"{day.isoformat()} is a {calendar.day_name[day.weekday()]}, "
                f"not a {calendar.day_name[p.weekday]}"
            )
        if p.rel in (Rel.TODAY, Rel.YESTERDAY) and (p.full is not None or p.day is not None):
            expected = self.ref_day(zone) - (DAY if p.rel is Rel.YESTERDAY else timedelta(0))
            if day != expected:
                raise self.error(f"{day.isoformat()} is not {p.rel.value} ({expected.isoformat()})")
        return day

    def complete(
        self, day: int, month: int, year: int | None, zone: ZoneName, not_after: date | None
    ) -> date:
        """The date, its missing year the latest that puts it on or before ``not_after``."""
        if year is not None:
            try:
                return date(year, month, day)
            except ValueError:
                raise self.error(
                    f"{day} {calendar.month_name[month]} {year} is not a date"
                ) from None
        limit = not_after or self.ref_day(zone, what=f"{day} {calendar.month_name[month]}")
        for candidate_year in range(limit.year, limit.year - 9, -1):
            try:
                candidate = date(candidate_year, month, day)
            except ValueError:
                continue
            if candidate <= limit:
                return candidate
        raise self.error(f"{day} {calendar.month_name[month]} is not a date")

    def month_year(self, month: int, zone: ZoneName, not_after: date | None) -> int:
        limit = not_after or self.ref_day(zone, what=calendar.month_name[month])
        return limit.year if month <= limit.month else limit.year - 1

    def part_bounds(self, p: _Point, zone: ZoneName) -> tuple[datetime, datetime]:
        """The hours of the part of the day a point names, from the conventions."""
        assert p.part is not None  # noqa: S101 - callers check
        label = p.part.label or ""
        part = self.conventions.find_part(label)
        if part is None:
            raise self.error(f"the conventions have no part of the day {label!r}")
        day = self.day_of(p, zone)
        if p.part.night is not None:
            if p.rel is Rel.YESTERDAY:
                raise self.error(
                    "'yesterday night' may mean either night: say 'the past night' or give "
                    "the dates"
                )
            if day is None:
                day = self.ref_day(zone, what=p.part.raw)
            elif (
                p.part.night is Night.ENGLISH
                and not p.night_ends
                and self.conventions.night_of is NightOf.BEGINNING
            ):
                day += DAY
            if p.part.begins is not None:
                self.check_night(p.part.begins, day)
        elif day is None:
            day = self.ref_day(zone, what=p.part.raw)
            if p.rel is Rel.PAST:
                day -= DAY
        lo, hi = part.bounds(day)
        return self.local(lo, zone, "start"), self.local(hi, zone, "end")

    def check_night(self, begins: PDate, ends: date) -> None:
        first = ends - DAY
        if begins.full is not None:
            ok = begins.full == first
        elif begins.weekday is not None:
            ok = begins.weekday == first.weekday()
        else:
            ok = begins.day == first.day and begins.month in (None, first.month)
            ok = ok and begins.year in (None, first.year)
        if not ok:
            raise self.error(
                f"a night that ends on {ends.isoformat()} begins on {first.isoformat()}"
            )

    def placed(
        self, p: _Point, zone: ZoneName, frame: tuple[datetime, datetime], field: str
    ) -> _Bound:
        """A clock time on the day that puts it nearest the part of the day around it."""
        assert p.clock is not None  # noqa: S101 - only clock times are placed
        clock = p.clock
        pytz_zone = get_zone(zone.zone)
        lo = frame[0].astimezone(pytz_zone).replace(tzinfo=None)
        hi = frame[1].astimezone(pytz_zone).replace(tzinfo=None)

        def distance(day: date) -> timedelta:
            moment = clock.naive(day)
            return max(lo - moment, moment - hi, timedelta(0))

        days = [lo.date() + timedelta(days=n) for n in range(-1, (hi.date() - lo.date()).days + 2)]
        best = min(days, key=distance)
        moment = self.at(best, clock, zone, field)
        return _Bound(lo=moment, hi=moment, precision=clock.precision)

    def beside(
        self, p: _Point, zone: ZoneName, anchor: datetime, field: str, *, later: bool
    ) -> _Bound:
        """An undated clock time on the other end's day, or the next (previous) if it crosses."""
        assert p.clock is not None  # noqa: S101 - only undated clock times get here
        clock = p.clock
        local = anchor.astimezone(get_zone(zone.zone)).replace(tzinfo=None)
        day = local.date()
        same = clock.naive(day)
        # The same clock time at both ends ("00:00 to 24:00", "from 8 pm to 8 pm") spans a
        # whole day, never nothing.
        if same <= local if later else same >= local:
            day += DAY if later else -DAY
        moment = self.at(day, clock, zone, field)
        return _Bound(lo=moment, hi=moment, precision=clock.precision)

    # -- zones and the reference ------------------------------------------------------------

    def at(self, day: date, clock: Clock, zone: ZoneName, field: str) -> datetime:
        return self.local(clock.naive(day), zone, field, clock.offset)

    def local(
        self, naive: datetime, zone: ZoneName, field: str, offset: timedelta | None = None
    ) -> datetime:
        """Localise strictly; an offset the text implies settles a fold and must match."""
        wanted = offset if offset is not None else zone.offset
        try:
            moment = localize(naive, zone.zone, field=field)
        except AmbiguousTimeError:
            if wanted is None:
                raise
            pytz_zone = get_zone(zone.zone)
            for is_dst in (True, False):
                candidate = pytz_zone.localize(naive, is_dst=is_dst)
                if candidate.utcoffset() == wanted:
                    return candidate
            moment = pytz_zone.localize(naive, is_dst=False)
        if wanted is not None and moment.utcoffset() != wanted:
            raise TimeZoneError(
                "TimeWindow",
                [
                    Problem(
                        field,
                        f"{zone.name!r} means UTC{_show(wanted)} but {zone.zone} was at "
                        f"UTC{_show(moment.utcoffset())} at {naive.isoformat()}",
                    )
                ],
            )
        return moment

    def ref_day(self, zone: ZoneName, *, what: str = "") -> date:
        """The reference's calendar day in ``zone``."""
        reference = self.reference
        if reference is None:
            subject = f"{what!r} has" if what else "it has"
            raise self.error(f"{subject} no full date: pass reference= (the report's date)")
        if isinstance(reference, datetime):
            if reference.tzinfo is None:
                return reference.date()
            return reference.astimezone(get_zone(zone.zone)).date()
        return reference

    def ref_instant(self, zone: ZoneName) -> datetime | None:
        reference = self.reference
        if not isinstance(reference, datetime):
            return None
        if reference.tzinfo is None:
            return self.local(reference, zone, "end")
        return reference.astimezone(get_zone(zone.zone))


def _show(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta(0)).total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _local_day(moment: datetime, zone: ZoneName) -> date:
    return moment.astimezone(get_zone(zone.zone)).date()


def _settle_years(a: _Point, b: _Point) -> None:
    """A year written on one end only: the other end takes it, or the year next to it."""
    year_a = a.year if a.year is not None else (a.full.year if a.full else None)
    year_b = b.year if b.year is not None else (b.full.year if b.full else None)
    key_a = (a.month or 0, a.day or 0) if a.full is None else (a.full.month, a.full.day)
    key_b = (b.month or 0, b.day or 0) if b.full is None else (b.full.month, b.full.day)
    if a.month is not None and a.year is None and year_b is not None:
        a.year = year_b if key_a <= key_b else year_b - 1
    if b.month is not None and b.year is None and year_a is not None:
        b.year = year_a if key_b >= key_a else year_a + 1


def _is_midnight(clock: Clock) -> bool:
    return clock.hour == 0 and clock.minute == 0 and clock.second == 0 and clock.micro == 0


def _nearer_meridiem(hour: int, other_hour: int, *, before: bool) -> str:
    """The meridiem that puts a 12-hour ``hour`` within twelve hours of ``other_hour`` (0-24),
    before it or after it.

    >>> _nearer_meridiem(11, 1, before=True), _nearer_meridiem(11, 12, before=True)
    ('pm', 'am')
    """
    best = "am"
    for meridiem in ("am", "pm"):
        h = hour % 12 + (12 if meridiem == "pm" else 0)
        span = (other_hour - h) % 24 if before else (h - other_hour) % 24
        if 0 < span <= 12:
            best = meridiem
    return best
