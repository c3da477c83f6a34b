"""What the words of reports mean in hours and zones: named, documented, overridable.

A report says "during the evening" or "overnight" or "MSK"; a :class:`Conventions` object says
which hours and which zone that is. :data:`DEFAULT_CONVENTIONS` holds the defaults documented in
``docs/time.md``; pass your own to :meth:`TimeWindow.part_of_day`, :meth:`TimeWindow.overnight`
and :meth:`TimeWindow.parse` to read reports differently.

>>> str(DEFAULT_CONVENTIONS.part("evening"))
'evening: 18:00 – 24:00'
>>> str(DEFAULT_CONVENTIONS.part("overnight"))
'overnight: 23:00 the day before – 08:00'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import Enum

import attrs

from conflict_events.errors import LookupFailed, ModelError, Problem
from conflict_events.model._checks import describe
from conflict_events.model._enums import coerce
from conflict_events.model._zones import is_zone_name

__all__ = [
    "DEFAULT_CONVENTIONS",
    "DEFAULT_PARTS_OF_DAY",
    "DEFAULT_ZONE_NAMES",
    "Conventions",
    "DayPart",
    "NightOf",
    "ZoneName",
]

_DAY = timedelta(days=1)
_HOUR = timedelta(hours=1)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def _clock_offset(text: str, what: str) -> timedelta:
    match = _CLOCK.fullmatch(text)
    hours, minutes = (int(match[1]), int(match[2])) if match else (-1, -1)
    if not 0 <= hours <= 24 or not 0 <= minutes <= 59 or (hours == 24 and minutes):
        raise ModelError(
            "DayPart", [Problem(what, f"expected a clock time 'HH:MM' (00:00-24:00), got {text!r}")]
        )
    return timedelta(hours=hours, minutes=minutes)


def _show_offset(offset: timedelta) -> str:
    before = offset < timedelta(0)
    if before:
        offset += _DAY
    minutes = int(offset.total_seconds()) // 60
    shown = f"{minutes // 60:02d}:{minutes % 60:02d}"
    return f"{shown} the day before" if before else shown


def _to_words(value: object) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value  # type: ignore[return-value]  # left for the check to report


def _day_part_problems(part: DayPart) -> list[Problem]:
    problems: list[Problem] = []
    if type(part.label) is not str or not part.label.strip():
        problems.append(Problem("label", f"expected a non-empty label, got {describe(part.label)}"))
    for name in ("start", "end"):
        value = getattr(part, name)
        if type(value) is not timedelta:
            problems.append(Problem(name, f"expected a timedelta, got {describe(value)}"))
    for name in ("words", "hour_words"):
        words: object = getattr(part, name)
        if type(words) is not tuple or not all(type(w) is str and w.strip() for w in words):
            problems.append(Problem(name, f"expected a list of phrases, got {describe(words)}"))
    if problems:
        return problems
    if not -_DAY <= part.start < part.end <= 2 * _DAY:
        problems.append(
            Problem(
                "end",
                f"expected -1 day <= start < end <= 2 days, got start {part.start} and "
                f"end {part.end}",
            )
        )
    return problems


@attrs.frozen(kw_only=True)
class DayPart:
    """The hours a named part of the day covers, from the local midnight that begins its day.

    A negative ``start`` begins the day before: a night belongs to the morning it ends on.

    >>> DayPart.clock("evening", "18:00", "24:00").bounds(date(2025, 10, 31))
    (datetime.datetime(2025, 10, 31, 18, 0), datetime.datetime(2025, 11, 1, 0, 0))
    """

    label: str
    """The label windows get: ``"evening"``."""
    start: timedelta
    """Where it begins, from 00:00 of its day (``-1 hour`` is 23:00 the day before)."""
    end: timedelta
    """Where it ends, from 00:00 of its day (``24 hours`` is midnight at the end of the day)."""
    words: tuple[str, ...] = attrs.field(default=(), converter=_to_words)
    """The phrases :meth:`TimeWindow.parse` reads as this part, in any language."""
    hour_words: tuple[str, ...] = attrs.field(default=(), converter=_to_words)
    """Words that place an hour before them in this part ("8 утра", "11 вечера"); each also
    names the part on its own."""

    def __attrs_post_init__(self) -> None:
        problems = _day_part_problems(self)
        if problems:
            raise ModelError("DayPart", problems)

    @classmethod
    def clock(
        cls,
        label: str,
        start: str,
        end: str,
        *,
        words: Iterable[str] = (),
        hour_words: Iterable[str] = (),
    ) -> DayPart:
        """A part from clock times; an end at or before the start means it begins the day before.

        >>> str(DayPart.clock("overnight", "23:00", "07:00"))
        'overnight: 23:00 the day before – 07:00'
        """
        begin, finish = _clock_offset(start, "start"), _clock_offset(end, "end")
        if finish <= begin:
            begin -= _DAY
        return cls(
            label=label, start=begin, end=finish, words=tuple(words), hour_words=tuple(hour_words)
        )

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """The naive local start and end of this part on ``day``.

        >>> DayPart.clock("overnight", "23:00", "08:00").bounds(date(2025, 10, 31))[0]
        datetime.datetime(2025, 10, 30, 23, 0)
        """
        midnight = datetime.combine(day, time())
        return midnight + self.start, midnight + self.end

    def hour(self, hour: int) -> int:
        """The hour (0-23) a 12-hour ``hour`` is when a word of this part follows it.

        The half of the day that falls within the part's hours, or nearest them: "11 вечера"
        is 23:00, "2 ночи" 02:00, "3 дня" 15:00.

        >>> night = DEFAULT_CONVENTIONS.part("overnight")
        >>> DEFAULT_CONVENTIONS.part("evening").hour(11), night.hour(2), night.hour(11)
        (23, 2, 23)
        """
        start, end = self.start / _HOUR, self.end / _HOUR

        def distance(candidate: int) -> float:
            return min(
                max(start - x, x - end, 0) for x in (candidate - 24, candidate, candidate + 24)
            )

        return min((hour % 12, hour % 12 + 12), key=distance)

    def __str__(self) -> str:
        return f"{self.label}: {_show_offset(self.start)} – {_show_offset(self.end)}"


def _offset_problem(value: object) -> str | None:
    if value is None:
        return None
    if type(value) is not timedelta or not -timedelta(hours=24) < value < timedelta(hours=24):
        return f"expected a UTC offset as a timedelta within a day, or None, got {describe(value)}"
    return None


@attrs.frozen(kw_only=True)
class ZoneName:
    """A zone as reports write it (``"MSK"``, ``"Kyiv time"``), with the IANA zone it means.

    ``offset`` is the UTC offset the name itself implies ("EEST" is always +03:00), or ``None``
    when the name follows the zone's history ("MSK" was +04:00 from 2011 to 2014).

    >>> ZoneName(name="EEST", zone="Europe/Kyiv", offset=timedelta(hours=3)).zone
    'Europe/Kyiv'
    """

    name: str
    """The name as written; matched without regard to case."""
    zone: str
    """The IANA zone it means."""
    offset: timedelta | None = None
    """The UTC offset the name implies, or ``None``."""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if type(self.name) is not str or not self.name.strip():
            problems.append(
                Problem("name", f"expected a non-empty name, got {describe(self.name)}")
            )
        if not is_zone_name(self.zone):
            problems.append(Problem("zone", f"expected an IANA zone, got {describe(self.zone)}"))
        msg = _offset_problem(self.offset)
        if msg:
            problems.append(Problem("offset", msg))
        if problems:
            raise ModelError("ZoneName", problems)


class NightOf(Enum):
    """Which night an English "the night of 30 October" means."""

    BEGINNING = "beginning"
    """The night that begins on the evening of that day (plain English usage)."""
    ENDING = "ending"
    """The night that ends on the morning of that day (as the Russian "в ночь на 30 октября")."""


def _hours(
    label: str, start: float, end: float, words: str, phrases: Iterable[str], hour_words: str = ""
) -> DayPart:
    return DayPart(
        label=label,
        start=timedelta(hours=start),
        end=timedelta(hours=end),
        words=(*words.split(), *phrases),
        hour_words=tuple(hour_words.split()),
    )


DEFAULT_PARTS_OF_DAY: tuple[DayPart, ...] = (
    _hours(
        "morning",
        6,
        12,
        "morning утро утром вранці уранці зранку ранок",
        ("в утреннее время", "у ранковий час", "в ранковий час"),
        "утра ранку सुबह",
    ),
    _hours(
        "daytime",
        8,
        20,
        "day daytime днём днем вдень удень",
        ("в течение дня", "в дневное время", "протягом дня", "в денний час"),
    ),
    _hours(
        "afternoon",
        12,
        18,
        "afternoon пополудні",
        ("во второй половине дня", "после полудня", "по обіді", "після обіду"),
        "दोपहर",
    ),
    _hours(
        "evening",
        18,
        24,
        "evening вечер вечером ввечері увечері вечір",
        ("в вечернее время", "у вечірній час", "в вечірній час"),
        "вечера вечора शाम रात",
    ),
    _hours(
        "overnight",
        -1,
        8,
        "night overnight ночь ночью ніч вночі уночі",
        ("в ночное время", "у нічний час", "в нічний час"),
        "ночи ночі",
    ),
)
"""The default parts of the day and the words that name them; ``docs/time.md`` gives the
reason for each."""

_MOSCOW = "Europe/Moscow"
_KYIV = "Europe/Kyiv"

DEFAULT_ZONE_NAMES: tuple[ZoneName, ...] = (
    *(
        ZoneName(name=name, zone=_MOSCOW)
        for name in (
            "MSK",
            "Moscow time",
            "Moscow Standard Time",
            "мск",
            "по московскому времени",
            "московского времени",
            "московское время",
            "по Москве",
            "за московським часом",
            "за Москвою",
            "heure de Moscou",
            "Moskauer Zeit",
            "hora de Moscú",
            "hora de Moscu",
            "ora di Mosca",
            "czasu moskiewskiego",
            "po moskiewskiemu",
            "московско време",
            "莫斯科时间",
            "莫斯科時間",
            "मास्को समय",
            "मॉस्को समय",
        )
    ),
    ZoneName(name="MSD", zone=_MOSCOW, offset=timedelta(hours=4)),
    *(
        ZoneName(name=name, zone=_KYIV)
        for name in (
            "Kyiv time",
            "Kiev time",
            "по киевскому времени",
            "киевского времени",
            "по Киеву",
            "за київським часом",
            "київського часу",
            "за Києвом",
            "heure de Kyiv",
            "heure de Kiev",
            "Kyjiwer Zeit",
            "Kiewer Zeit",
            "hora de Kiev",
            "ora di Kiev",
            "czasu kijowskiego",
            "киевско време",
            "基辅时间",
            "基輔時間",
            "कीव समय",
        )
    ),
    ZoneName(name="EET", zone=_KYIV, offset=timedelta(hours=2)),
    ZoneName(name="EEST", zone=_KYIV, offset=timedelta(hours=3)),
    ZoneName(name="GMT", zone="GMT", offset=timedelta(0)),
    ZoneName(name="Greenwich Mean Time", zone="GMT", offset=timedelta(0)),
    ZoneName(name="по Гринвичу", zone="GMT", offset=timedelta(0)),
    ZoneName(name="за Гринвічем", zone="GMT", offset=timedelta(0)),
    ZoneName(name="UTC", zone="UTC", offset=timedelta(0)),
)
"""The zone names read by default; ``docs/time.md`` lists them."""


def _to_parts(value: object) -> tuple[DayPart, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value  # type: ignore[return-value]  # left for the check to report


def _to_zone_names(value: object) -> tuple[ZoneName, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value  # type: ignore[return-value]  # left for the check to report


def _to_night_of(value: object) -> NightOf:
    return coerce(NightOf, value)


def _conventions_problems(c: Conventions) -> list[Problem]:
    problems: list[Problem] = []
    parts: object = c.parts_of_day
    if type(parts) is not tuple or not all(type(p) is DayPart for p in parts):
        problems.append(Problem("parts_of_day", f"expected DayPart items, got {describe(parts)}"))
    else:
        labels = [p.label for p in parts]
        for label in sorted({x for x in labels if labels.count(x) > 1}):
            problems.append(Problem("parts_of_day", f"the label {label!r} is given twice"))
    names: object = c.zone_names
    if type(names) is not tuple or not all(type(z) is ZoneName for z in names):
        problems.append(Problem("zone_names", f"expected ZoneName items, got {describe(names)}"))
    else:
        folded = [z.name.casefold() for z in names]
        for name in sorted({x for x in folded if folded.count(x) > 1}):
            problems.append(Problem("zone_names", f"the name {name!r} is given twice"))
    tolerance: object = c.reference_tolerance
    if type(tolerance) is not timedelta or not timedelta(0) <= tolerance <= _DAY:
        problems.append(
            Problem(
                "reference_tolerance",
                f"expected a timedelta from 0 to 1 day, got {describe(tolerance)}",
            )
        )
    cut: object = c.cut_at_reference
    if type(cut) is not bool:
        problems.append(Problem("cut_at_reference", f"expected true or false, got {describe(cut)}"))
    if type(c.night_of) is not NightOf:
        problems.append(
            Problem("night_of", f"expected 'beginning' or 'ending', got {describe(c.night_of)}")
        )
    return problems


@attrs.frozen(kw_only=True)
class Conventions:
    """The hours each part of the day means, the zone each zone name means, and how to read nights.

    >>> mine = DEFAULT_CONVENTIONS.with_part("overnight", "23:00", "07:00")
    >>> str(mine.part("overnight")), str(DEFAULT_CONVENTIONS.part("overnight"))
    ('overnight: 23:00 the day before – 07:00', 'overnight: 23:00 the day before – 08:00')
    """

    parts_of_day: tuple[DayPart, ...] = attrs.field(
        default=DEFAULT_PARTS_OF_DAY, converter=_to_parts
    )
    """The named parts of the day, one per label."""
    zone_names: tuple[ZoneName, ...] = attrs.field(
        default=DEFAULT_ZONE_NAMES, converter=_to_zone_names
    )
    """The zone names reports use, each with its IANA zone."""
    night_of: NightOf = attrs.field(default=NightOf.BEGINNING, converter=_to_night_of)
    """Which night an English "the night of <date>" means."""
    reference_tolerance: timedelta = timedelta(hours=1)
    """How long after the reference an undated window may end: "с 20.00 до 23.00" posted at
    22:30 is that evening, posted at 21:30 the evening before."""
    cut_at_reference: bool = True
    """Whether a window whose end a convention or the calendar supplies (a part of the day, a
    day, "сутки") ends at the reference instant when it would end after it, marked approximate:
    a report cannot cover time after it was written."""

    def __attrs_post_init__(self) -> None:
        problems = _conventions_problems(self)
        if problems:
            raise ModelError("Conventions", problems)

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels of the parts of the day.

        >>> DEFAULT_CONVENTIONS.labels
        ('morning', 'daytime', 'afternoon', 'evening', 'overnight')
        """
        return tuple(p.label for p in self.parts_of_day)

    def find_part(self, label: str) -> DayPart | None:
        """The part of the day with ``label``, or ``None``.

        >>> DEFAULT_CONVENTIONS.find_part("dusk") is None
        True
        """
        for part in self.parts_of_day:
            if part.label == label:
                return part
        return None

    def part(self, label: str) -> DayPart:
        """The part of the day with ``label``; :class:`LookupFailed` when there is none.

        >>> DEFAULT_CONVENTIONS.part("morning").bounds(date(2025, 10, 31))[1]
        datetime.datetime(2025, 10, 31, 12, 0)
        """
        found = self.find_part(label)
        if found is None:
            raise LookupFailed(
                f"no part of the day {label!r} in the conventions; known: "
                + ", ".join(self.labels),
                suggestions=self.labels,
            )
        return found

    def zone(self, name: str) -> ZoneName | None:
        """The zone a name as written means, matched without regard to case, or ``None``.

        >>> DEFAULT_CONVENTIONS.zone("msk").zone
        'Europe/Moscow'
        """
        folded = name.casefold()
        for entry in self.zone_names:
            if entry.name.casefold() == folded:
                return entry
        return None

    def with_part(
        self, label: str, start: str, end: str, *, words: Iterable[str] = ()
    ) -> Conventions:
        """These conventions with the part ``label`` set to ``start``–``end`` (clock times).

        A part that is already there keeps its words; ``words`` are added to them.

        >>> mine = DEFAULT_CONVENTIONS.with_part("evening", "17:00", "23:00", words=["at dusk"])
        >>> mine.part("evening").start, mine.part("evening").words[-2:]
        (datetime.timedelta(seconds=61200), ('в вечірній час', 'at dusk'))
        """
        old = self.find_part(label)
        kept_words = old.words if old is not None else ()
        added = tuple(w for w in words if w not in kept_words)
        new = DayPart.clock(
            label,
            start,
            end,
            words=(*kept_words, *added),
            hour_words=old.hour_words if old is not None else (),
        )
        kept = tuple(p for p in self.parts_of_day if p.label != label)
        return attrs.evolve(self, parts_of_day=(*kept, new))

    def with_zone_name(
        self, name: str, zone: str, *, offset: timedelta | None = None
    ) -> Conventions:
        """These conventions with ``name`` meaning ``zone`` (and implying ``offset``, if given).

        >>> DEFAULT_CONVENTIONS.with_zone_name("CET", "Europe/Berlin").zone("cet").zone
        'Europe/Berlin'
        """
        new = ZoneName(name=name, zone=zone, offset=offset)
        folded = name.casefold()
        kept = tuple(z for z in self.zone_names if z.name.casefold() != folded)
        return attrs.evolve(self, zone_names=(*kept, new))


DEFAULT_CONVENTIONS = Conventions()
"""The conventions used unless you pass your own (see ``docs/time.md``)."""
