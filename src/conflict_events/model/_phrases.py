"""Reading the time phrases of reports (English, Russian, Ukrainian) into time windows.

Reading goes in three steps, each strict:

1. **Words.** The phrase is cut into known words: clock times ("8 p.m.", "20.00", "23:30"),
   dates ("Oct 31st", "31 октября", "2025-10-31"), zone names (from the conventions), parts of
   the day, relative words ("preceding", "прошедшей"), range words ("from", "с", "до") and a
   short list of words that carry nothing ("during", "the", "в течение"). A word outside
   these lists is an error that names it: nothing is skipped unread.
2. **Shape.** The words form one point ("during the evening of October 31st") or a range with
   an optional shared prefix ("31 октября | с 20:00 | до 23:00 мск").
3. **Resolution.** Each end gets its zone, its day and its clock time, by the rules in
   ``docs/time.md``: a date or zone written once applies to the other end too, a clock time
   inside a named part of the day falls on the day nearest that part, a range that crosses
   midnight moves the undated end a day, and what is still missing comes from ``reference``.

>>> from datetime import date
>>> str(read_phrase("с 23:00 мск 30 октября до 8:00 31 октября", reference=date(2025, 10, 31)))
'2025-10-30 23:00 – 2025-10-31 08:00 MSK'
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from enum import Enum

import attrs
import pytz

from conflict_events.errors import (
    AmbiguousTimeError,
    ModelError,
    Problem,
    TimeParseError,
    TimeZoneError,
)
from conflict_events.model._checks import describe
from conflict_events.model._zones import get_zone, localize, zone_name
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions, NightOf, ZoneName
from conflict_events.model.time import Precision, TimeWindow, ZoneLike

__all__ = ["read_phrase"]

_DAY = timedelta(days=1)


class _K(Enum):
    """The kinds of words."""

    NUM = "number"
    YEAR = "year"
    TIME = "clock time"
    DATE = "date"
    MONTH = "month"
    WEEKDAY = "weekday"
    ZONE = "zone"
    LOCAL = "local time"
    PART = "part of the day"
    REL = "relative word"
    FROM = "range start"
    TO = "range end"
    NA = "night end"
    APPROX = "approximation"


class _Rel(Enum):
    """What a relative word refers to."""

    PAST = "past"
    THIS = "this"
    TODAY = "today"
    YESTERDAY = "yesterday"
    EARLIER = "earlier the same day"
    SAME_DAY = "the same day"


class _Night(Enum):
    """How a night word ties a night to a date."""

    ENGLISH = "english"
    """English "night": "the night of D" follows ``Conventions.night_of``."""
    ENDING = "ending"
    """"overnight", "ночью", "вночі": the night that ends on D."""


@attrs.frozen(kw_only=True)
class _Clock:
    """A clock time as written."""

    hour: int
    minute: int = 0
    second: int = 0
    micro: int = 0
    minutes_given: bool = False
    meridiem: str | None = None
    offset: timedelta | None = None
    midnight: bool = False
    """Written as a word ("midnight", "полночь"): at the end of a range it is 24:00."""

    @property
    def precision(self) -> Precision:
        return Precision.MINUTE if self.minutes_given else Precision.HOUR

    def naive(self, day: date) -> datetime:
        """The naive local time on ``day``; ``24:00`` is the next day's midnight."""
        clock = time(self.hour % 24, self.minute, self.second, self.micro)
        moment = datetime.combine(day, clock)
        return moment + _DAY if self.hour == 24 else moment


@attrs.frozen(kw_only=True)
class _PDate:
    """A date as far as it was written."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    full: date | None = None
    weekday: int | None = None

    @property
    def day_only(self) -> bool:
        return self.day is not None and self.month is None and self.full is None


@attrs.frozen(kw_only=True)
class _Tok:
    """One word or group of words."""

    kind: _K
    raw: str = ""
    value: int = 0
    ordinal: bool = False
    clock: _Clock | None = None
    day: date | None = None
    zone: ZoneName | None = None
    label: str | None = None
    night: _Night | None = None
    meridiem: str | None = None
    rel: _Rel | None = None
    ends: _PDate | None = None
    begins: _PDate | None = None


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
    clock: _Clock | None = None
    bare: _Tok | None = None
    zone: ZoneName | None = None
    part: _Tok | None = None
    rel: _Rel | None = None
    night_ends: bool = False

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
        )


# --------------------------------------------------------------------------------------------
# The words


def _words(kind: _K, names: str, **fields: object) -> dict[str, _Tok]:
    return {name: _Tok(kind=kind, **fields) for name in names.split()}  # type: ignore[arg-type]


def _numbered(kind: _K, groups: Sequence[str], start: int = 1) -> dict[str, _Tok]:
    table: dict[str, _Tok] = {}
    for number, names in enumerate(groups, start=start):
        table.update(_words(kind, names, value=number))
    return table


_MONTHS = _numbered(
    _K.MONTH,
    [
        "january jan январь января январе січень січня січні",
        "february feb февраль февраля феврале лютий лютого лютому",
        "march mar март марта марте березень березня березні",
        "april apr апрель апреля апреле квітень квітня квітні",
        "may май мая мае травень травня травні",
        "june jun июнь июня июне червень червня червні",
        "july jul июль июля июле липень липня липні",
        "august aug август августа августе серпень серпня серпні",
        "september sep sept сентябрь сентября сентябре вересень вересня вересні",
        "october oct октябрь октября октябре жовтень жовтня жовтні",
        "november nov ноябрь ноября ноябре листопад листопада листопаді",
        "december dec декабрь декабря декабре грудень грудня грудні",
    ],
)

_WEEKDAYS = _numbered(
    _K.WEEKDAY,
    [
        "monday mon понедельник понедельника понеділок понеділка",
        "tuesday tue tues вторник вторника вівторок вівторка",
        "wednesday wed среда среду среды середа середу середи",
        "thursday thu thurs четверг четверга четвер",
        "friday fri пятница пятницу пятницы п'ятниця п'ятницю п'ятниці",
        "saturday sat суббота субботу субботы субота суботу суботи",
        "sunday sun воскресенье воскресенья неділя неділю неділі",
    ],
    start=0,
)

_OVERNIGHT = "overnight"

_PART_WORDS: dict[str, _Tok] = {
    **_words(_K.PART, "morning утро утром вранці уранці зранку ранок", label="morning"),
    **_words(_K.PART, "утра ранку", label="morning", meridiem="am"),
    **_words(_K.PART, "day daytime днём днем вдень удень", label="daytime"),
    **_words(_K.PART, "дня", label="daytime", meridiem="pm"),
    **_words(_K.PART, "afternoon пополудні", label="afternoon"),
    **_words(_K.PART, "evening вечер вечером ввечері увечері вечір", label="evening"),
    **_words(_K.PART, "вечера вечора", label="evening", meridiem="pm"),
    **_words(_K.PART, "night", label=_OVERNIGHT, night=_Night.ENGLISH),
    **_words(
        _K.PART, "overnight ночь ночью ніч вночі уночі", label=_OVERNIGHT, night=_Night.ENDING
    ),
    **_words(_K.PART, "ночи ночі", label=_OVERNIGHT, night=_Night.ENDING, meridiem="am"),
}

_WORDS: dict[str, _Tok] = {
    **_MONTHS,
    **_WEEKDAYS,
    **_PART_WORDS,
    **_words(
        _K.REL,
        "preceding past last previous прошедшей прошедшую прошлой прошлую минувшей минувшую "
        "предыдущей предыдущую минулої минулу попередньої попередню",
        rel=_Rel.PAST,
    ),
    **_words(_K.REL, "this этой эту сегодняшней цієї цю нинішньої", rel=_Rel.THIS),
    **_words(_K.REL, "today сегодня сьогодні", rel=_Rel.TODAY),
    **_words(_K.REL, "yesterday вчера вчора учора накануне напередодні", rel=_Rel.YESTERDAY),
    **_words(_K.FROM, "from between с со з із від между між"),
    **_words(_K.TO, "to until till til through thru до and и і та й"),
    **_words(_K.NA, "на проти into"),
    **_words(
        _K.APPROX,
        "about around approximately roughly circa ca около примерно приблизительно приблизно "
        "близько орієнтовно",
    ),
    **_words(
        _K.TIME, "midnight полночь полуночи опівночі північ", clock=_Clock(hour=0, midnight=True)
    ),
    **_words(_K.TIME, "noon midday полдень полудня полудень опівдні", clock=_Clock(hour=12)),
}

_FILLERS = frozenset(
    (
        *("the", "during", "in", "on", "at", "of", "over", "throughout", "for"),
        *("released", "issued", "reported", "o'clock"),
        *("в", "во", "у", "о", "об", "течение", "период", "промежуток", "за", "протягом"),
        *("года", "году", "год", "г", "року", "рік", "р"),
    )
)
"""Words that carry nothing once the rest is read: prepositions, articles, year markers."""

_PHRASES: dict[str, _Tok] = {
    **{
        phrase: _Tok(kind=_K.REL, rel=_Rel.EARLIER)
        for phrase in (
            "earlier on the same day",
            "earlier the same day",
            "earlier on that day",
            "earlier that day",
            "earlier in the day",
            "earlier today",
            "ранее в тот же день",
            "ранее в этот же день",
            "ранее в этот день",
            "ранее в тот день",
            "ранее сегодня",
            "раніше того ж дня",
            "раніше цього ж дня",
            "раніше того дня",
            "раніше сьогодні",
        )
    },
    **{
        phrase: _Tok(kind=_K.REL, rel=_Rel.SAME_DAY)
        for phrase in (
            "on the same day",
            "the same day",
            "that day",
            "в тот же день",
            "в этот же день",
            "того же дня",
            "того ж дня",
            "цього ж дня",
            "в той же день",
        )
    },
    **{
        phrase: _Tok(kind=_K.REL, rel=_Rel.YESTERDAY)
        for phrase in (
            "the day before",
            "the previous day",
            "the preceding day",
            "днем ранее",
            "днём ранее",
            "за день до этого",
        )
    },
    **{
        phrase: _Tok(kind=_K.PART, label="daytime")
        for phrase in ("в течение дня", "в дневное время", "протягом дня", "в денний час")
    },
    **{
        phrase: _Tok(kind=_K.PART, label="afternoon")
        for phrase in ("во второй половине дня", "после полудня", "по обіді", "після обіду")
    },
    **{
        phrase: _Tok(kind=_K.PART, label="evening")
        for phrase in ("в вечернее время", "у вечірній час", "в вечірній час")
    },
    **{
        phrase: _Tok(kind=_K.PART, label="morning")
        for phrase in ("в утреннее время", "у ранковий час", "в ранковий час")
    },
    **{
        phrase: _Tok(kind=_K.PART, label=_OVERNIGHT, night=_Night.ENDING)
        for phrase in ("в ночное время", "у нічний час", "в нічний час")
    },
    "local time": _Tok(kind=_K.LOCAL),
}

_MERIDIEM = r"(?:a\.\s?m\.|a\.?m(?!\w)|p\.\s?m\.|p\.?m(?!\w))"

_DASHES = str.maketrans({"—": "–", "‒": "–", "―": "–", "−": "-", "’": "'", "ʼ": "'", "ё": "е"})


@functools.cache
def _iana_names() -> dict[str, str]:
    return {name.casefold(): name for name in pytz.all_timezones}


def _phrase_pattern(phrases: Sequence[str]) -> str:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return rf"(?<!\w)(?:{alternatives})(?!\w)"


@attrs.frozen
class _Lexicon:
    """The scanner and phrase table for one set of conventions."""

    pattern: re.Pattern[str]
    phrases: dict[str, _Tok]


@functools.lru_cache(maxsize=16)
def _lexicon(conventions: Conventions) -> _Lexicon:
    phrases = dict(_PHRASES)
    for part in conventions.parts_of_day:
        night = _Night.ENDING if part.label == _OVERNIGHT else None
        for word in part.words:
            key = " ".join(word.casefold().translate(_DASHES).split())
            phrases[key] = _Tok(kind=_K.PART, label=part.label, night=night)
    for entry in conventions.zone_names:
        key = " ".join(entry.name.casefold().translate(_DASHES).split())
        phrases[key] = _Tok(kind=_K.ZONE, zone=entry)
    pattern = rf"""
        (?P<utc>(?<!\w)(?:utc|gmt)\s?(?P<usign>[+-])\s?(?P<uh>\d{{1,2}})(?::?(?P<um>\d{{2}}))?(?!\d))
      | (?P<iana>(?<!\w)[a-z][a-z_]*(?:/[a-z0-9_+\-]+)+)
      | (?P<phrase>{_phrase_pattern(list(phrases))})
      | (?P<isotime>(?<!\d)(?P<idate>\d{{4}}-\d{{2}}-\d{{2}})t
            (?P<ih>\d{{2}}):(?P<im>\d{{2}})(?::(?P<is>\d{{2}})(?:\.(?P<if>\d{{1,6}}))?)?
            (?P<ioff>[+-]\d{{2}}:\d{{2}}(?::\d{{2}})?)?(?![\d:]))
      | (?P<iso>(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?!\d))
      | (?P<dotted>(?<!\d)\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}})(?![\d:]))
      | (?P<time>(?<!\d)(?P<th>\d{{1,2}})[:.](?P<tm>\d{{2}})
            (?::(?P<ts>\d{{2}})(?:\.(?P<tf>\d{{1,6}}))?)?
            (?:\s*(?P<tmer>{_MERIDIEM}))?)
      | (?P<hmer>(?<!\d)(?P<hh>\d{{1,2}})\s*(?P<hm>{_MERIDIEM}))
      | (?P<hword>(?<!\d)(?P<hw>\d{{1,2}})\s*(?:ч|час|часа|часов|год|години|годину)(?!\w)\.?)
      | (?P<ord>(?<!\d)(?P<od>\d{{1,2}})(?:st|nd|rd|th)(?!\w))
      | (?P<num>\d+)
      | (?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)
      | (?P<dash>[–-])
      | (?P<slash>/)
      | (?P<punct>[,;:.()"«»!?])
      | (?P<space>\s+)
    """
    return _Lexicon(re.compile(pattern, re.VERBOSE), phrases)


# --------------------------------------------------------------------------------------------
# The reader


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


def read_phrase(
    text: str,
    *,
    tz: ZoneLike | None = None,
    reference: date | datetime | None = None,
    conventions: Conventions = DEFAULT_CONVENTIONS,
) -> TimeWindow:
    """Read one time phrase into a window (see :meth:`TimeWindow.parse`).

    >>> read_phrase("between 8 PM and 11 PM MSK", reference=date(2025, 10, 31)).precision
    <Precision.HOUR: 'hour'>
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
    return TimeWindow(
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

    # -- words ----------------------------------------------------------------------------

    def tokens(self, body: str) -> list[_Tok]:
        """The words of ``body``, fillers dropped, meridiems and nights joined up."""
        lexicon = _lexicon(self.conventions)
        folded = body.casefold().translate(_DASHES).replace("\u00a0", " ")
        tokens: list[_Tok] = []
        pos = 0
        while pos < len(folded):
            match = lexicon.pattern.match(folded, pos)
            if match is None:
                raise self.error(f"{folded[pos]!r} at position {pos} is not part of a time phrase")
            pos = match.end()
            tokens.extend(self.token(match, lexicon))
        return self.join_nights(self.join_meridiems(tokens))

    def token(self, match: re.Match[str], lexicon: _Lexicon) -> list[_Tok]:
        """The words ``match`` found: none for one that carries nothing."""
        if match.lastgroup == "isotime":
            return self.iso_date_time(match)
        found = self.one_token(match, lexicon)
        return [] if found is None else [found]

    def one_token(self, match: re.Match[str], lexicon: _Lexicon) -> _Tok | None:
        group = match.lastgroup
        raw = match[0]
        handlers: dict[str, Callable[[re.Match[str], str], _Tok | None]] = {
            "utc": self.utc_offset_zone,
            "iana": self.iana_zone,
            "iso": self.iso_date,
            "dotted": self.dotted_date,
            "time": self.clock_time,
            "hmer": self.hour_meridiem,
            "hword": self.hour_word,
        }
        handler = handlers.get(group or "")
        if handler is not None:
            return handler(match, raw)
        if group == "phrase":
            found = lexicon.phrases[" ".join(raw.split())]
            return attrs.evolve(found, raw=raw)
        if group == "ord":
            return _Tok(kind=_K.NUM, raw=raw, value=int(match["od"]), ordinal=True)
        if group == "num":
            value = int(raw)
            kind = _K.YEAR if len(raw) == 4 and 1000 <= value <= 2999 else _K.NUM
            return _Tok(kind=kind, raw=raw, value=value)
        if group == "word":
            return self.word(raw)
        if group in ("dash", "slash"):
            return _Tok(kind=_K.TO, raw=raw)
        return None  # punctuation and spaces

    def word(self, raw: str) -> _Tok | None:
        known = _WORDS.get(raw)
        if known is not None:
            return attrs.evolve(known, raw=raw)
        if raw in _FILLERS:
            return None
        iana = _iana_names().get(raw)
        if iana is not None:
            return _Tok(kind=_K.ZONE, raw=raw, zone=ZoneName(name=iana, zone=iana))
        raise self.error(f"{raw!r} is not a word of time phrases this reader knows")

    def utc_offset_zone(self, match: re.Match[str], raw: str) -> _Tok:
        hours, minutes = int(match["uh"]), int(match["um"] or 0)
        if minutes or hours > 14:
            raise self.error(f"{raw!r}: only whole-hour offsets up to 14 hours name a zone")
        sign = match["usign"]
        zone = "UTC" if hours == 0 else f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"
        offset = timedelta(hours=hours) * (1 if sign == "+" else -1)
        return _Tok(kind=_K.ZONE, raw=raw, zone=ZoneName(name=raw, zone=zone, offset=offset))

    def iana_zone(self, match: re.Match[str], raw: str) -> _Tok:
        name = _iana_names().get(raw)
        if name is None:
            raise self.error(f"{raw!r} is not an IANA time zone")
        return _Tok(kind=_K.ZONE, raw=raw, zone=ZoneName(name=name, zone=name))

    def iso_date(self, match: re.Match[str], raw: str) -> _Tok:
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise self.error(f"{raw!r} is not a date") from None
        return _Tok(kind=_K.DATE, raw=raw, day=day)

    def dotted_date(self, match: re.Match[str], raw: str) -> _Tok:
        day, month, year = (int(x) for x in raw.split("."))
        if year < 100:
            raise self.error(f"{raw!r}: write the year in full (two-digit years are not read)")
        try:
            return _Tok(kind=_K.DATE, raw=raw, day=date(year, month, day))
        except ValueError:
            raise self.error(f"{raw!r} is not a date") from None

    def iso_date_time(self, match: re.Match[str]) -> list[_Tok]:
        """``2014-10-26T01:30+04:00``: a date and a clock time, the offset settling a fold."""
        raw = match[0]
        offset = None
        if match["ioff"]:
            sign = -1 if match["ioff"][0] == "-" else 1
            parts = [int(x) for x in match["ioff"][1:].split(":")]
            offset = sign * timedelta(hours=parts[0], minutes=parts[1], seconds=sum(parts[2:]))
        clock = self.make_clock(
            raw,
            int(match["ih"]),
            int(match["im"]),
            int(match["is"] or 0),
            int((match["if"] or "0").ljust(6, "0")),
            minutes_given=True,
            offset=offset,
        )
        day = self.iso_date(match, match["idate"])
        return [day, _Tok(kind=_K.TIME, raw=raw, clock=clock)]

    def clock_time(self, match: re.Match[str], raw: str) -> _Tok:
        clock = self.make_clock(
            raw,
            int(match["th"]),
            int(match["tm"]),
            int(match["ts"] or 0),
            int((match["tf"] or "0").ljust(6, "0")),
            minutes_given=True,
            meridiem=_meridiem(match["tmer"]),
        )
        return _Tok(kind=_K.TIME, raw=raw, clock=clock)

    def hour_meridiem(self, match: re.Match[str], raw: str) -> _Tok:
        clock = self.make_clock(raw, int(match["hh"]), meridiem=_meridiem(match["hm"]))
        return _Tok(kind=_K.TIME, raw=raw, clock=clock)

    def hour_word(self, match: re.Match[str], raw: str) -> _Tok:
        return _Tok(kind=_K.TIME, raw=raw, clock=self.make_clock(raw, int(match["hw"])))

    def make_clock(
        self,
        raw: str,
        hour: int,
        minute: int = 0,
        second: int = 0,
        micro: int = 0,
        *,
        minutes_given: bool = False,
        meridiem: str | None = None,
        offset: timedelta | None = None,
    ) -> _Clock:
        if meridiem is not None:
            if not 1 <= hour <= 12:
                raise self.error(f"{raw!r} is not a time on the 12-hour clock")
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        if hour > 24 or minute > 59 or second > 59 or (hour == 24 and (minute or second or micro)):
            raise self.error(f"{raw!r} is not a clock time")
        return _Clock(
            hour=hour,
            minute=minute,
            second=second,
            micro=micro,
            minutes_given=minutes_given,
            meridiem=meridiem,
            offset=offset,
        )

    def join_meridiems(self, tokens: list[_Tok]) -> list[_Tok]:
        """ "8 утра", "11 вечера", "2 ночи": a number and a part-of-day word make a time."""
        joined: list[_Tok] = []
        for token in tokens:
            before = joined[-1] if joined else None
            if token.meridiem is not None and before is not None:
                hour = None
                if before.kind is _K.NUM and not before.ordinal:
                    hour = before.value
                elif before.kind is _K.TIME and before.clock and before.clock.meridiem is None:
                    hour = before.clock.hour
                if hour is not None and 1 <= hour <= 12:
                    old = before.clock or _Clock(hour=hour)
                    raw = f"{before.raw} {token.raw}"
                    clock = self.make_clock(
                        raw,
                        hour,
                        old.minute,
                        old.second,
                        old.micro,
                        minutes_given=old.minutes_given,
                        meridiem=token.meridiem,
                        offset=old.offset,
                    )
                    joined[-1] = _Tok(kind=_K.TIME, raw=raw, clock=clock)
                    continue
            joined.append(token)
        return joined

    def join_nights(self, tokens: list[_Tok]) -> list[_Tok]:
        """A night word and the dates that name it become one word.

        "в ночь на 31 октября", "в ночь с 30 на 31 октября", "the night of October 30 to
        31", "overnight into Oct 31".
        """
        out: list[_Tok] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.night is not None and token.ends is None:
                joined = self.night_dates(tokens, i)
                if joined is not None:
                    night, i = joined
                    out.append(night)
                    continue
            out.append(token)
            i += 1
        return out

    def night_dates(self, tokens: list[_Tok], i: int) -> tuple[_Tok, int] | None:
        night = tokens[i]
        j = i + 1
        if j < len(tokens) and tokens[j].kind in (_K.NA, _K.TO):
            last = _date_group(tokens, j + 1)
            if last is None:
                return None
            ends, k = last
            if ends.day_only:
                raise self.error("the night's date has no month")
            return attrs.evolve(night, ends=ends), k
        if j < len(tokens) and tokens[j].kind is _K.FROM:
            j += 1
        first = _date_group(tokens, j)
        if first is None or first[1] >= len(tokens):
            return None
        begins, k = first
        if tokens[k].kind not in (_K.NA, _K.TO):
            return None
        last = _date_group(tokens, k + 1)
        if last is None:
            return None
        ends, m = last
        if ends.day_only:  # "30 to 31 October" has the month on the end; "October 30 to 31" not
            month, year = begins.month, begins.year
            if begins.full is not None:
                month, year = begins.full.month, begins.full.year
            if month is None:
                raise self.error("the night's dates have no month")
            ends = attrs.evolve(ends, month=month, year=ends.year if ends.year else year)
        raw = " ".join(t.raw for t in tokens[i:m])
        return attrs.evolve(night, raw=raw, ends=ends, begins=begins), m

    # -- shape ----------------------------------------------------------------------------

    def read(self, body: str) -> tuple[datetime, datetime, str, Precision]:
        tokens = self.tokens(body)
        if not tokens:
            raise self.error("it has no date or time in it")
        starts = [i for i, t in enumerate(tokens) if t.kind is _K.FROM]
        ends = [i for i, t in enumerate(tokens) if t.kind in (_K.TO, _K.NA)]
        if len(ends) > 1 or len(starts) > 1:
            raise self.error("it has more than one range in it")
        if not ends:
            if starts:
                raise self.error(f"{tokens[starts[0]].raw!r} opens a range that never ends")
            return self.single(self.point(tokens))
        to = ends[0]
        if tokens[to].kind is _K.NA:
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

    def point(self, tokens: list[_Tok]) -> _Point:
        """What a run of words says about one moment or span."""
        p = _Point()
        used: set[int] = set()
        months = [i for i, t in enumerate(tokens) if t.kind is _K.MONTH]
        if len(months) > 1:
            raise self.error(f"{tokens[months[0]].raw!r} and {tokens[months[1]].raw!r} in one date")
        for i in months:
            p.month = tokens[i].value
            used.add(i)
            for j in (i + 1, i - 1):
                if 0 <= j < len(tokens) and _is_day(tokens[j]) and j not in used:
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

    def take(self, p: _Point, t: _Tok) -> None:
        """Add one word to a point."""
        if t.kind is _K.YEAR:
            if p.year is not None:
                raise self.error(f"two years, {p.year} and {t.value}, for one moment")
            p.year = t.value
        elif t.kind is _K.DATE:
            if p.full is not None:
                raise self.error(f"two dates, {p.full} and {t.raw!r}, for one moment")
            p.full = t.day
        elif t.kind is _K.WEEKDAY:
            p.weekday = t.value
        elif t.kind is _K.TIME:
            if p.clock is not None:
                raise self.error(f"two clock times for one moment, the second {t.raw!r}")
            p.clock = t.clock
        elif t.kind is _K.NUM:
            if p.bare is not None:
                raise self.error(f"{p.bare.raw!r} and {t.raw!r} are neither a date nor a time")
            p.bare = t
        elif t.kind in (_K.ZONE, _K.LOCAL):
            zone = t.zone if t.kind is _K.ZONE else self.fallback
            if zone is None:
                raise self.error(f"{t.raw!r} needs the zone: pass tz=")
            if p.zone is not None and not _same_zone(p.zone, zone):
                raise self.error(f"two zones, {p.zone.name!r} and {t.raw!r}, for one moment")
            p.zone = zone
        elif t.kind is _K.PART:
            if p.part is not None and p.part.label != t.label:
                raise self.error(
                    f"two parts of the day, {p.part.raw!r} and {t.raw!r}, for one moment"
                )
            p.part = t
            self.labels.append(t.label or "")
        elif t.kind is _K.REL:
            if p.rel is not None:
                raise self.error(f"two relative words for one moment, the second {t.raw!r}")
            p.rel = t.rel
        else:  # _K.APPROX; range words never reach a point
            self.approximate = True

    # -- resolution -----------------------------------------------------------------------

    def single(self, p: _Point) -> tuple[datetime, datetime, str, Precision]:
        zone = self.zone_of(p.zone)
        if p.bare is not None:
            raise self.error(f"{p.bare.raw!r} is neither a day nor an hour here")
        bound = self.bound(p, zone, "start")
        if bound is None:  # a clock time and nothing else
            assert p.clock is not None  # noqa: S101 - bound() returns None for no other point
            moment = self.at(self.ref_day(zone), p.clock, zone, "start")
            bound = _Bound(lo=moment, hi=moment, precision=p.clock.precision)
        if bound.approximate:
            self.approximate = True
        return bound.lo, bound.hi, zone.zone, bound.precision

    def range(
        self, prefix: _Point, a: _Point, b: _Point
    ) -> tuple[datetime, datetime, str, Precision]:
        if prefix.clock is not None or prefix.bare is not None:
            raise self.error("a clock time before the range belongs inside it")
        self.settle_numbers(a, b)
        if b.clock is not None and (b.clock.midnight or (_is_midnight(b.clock) and b.full is None)):
            # A range that ends at midnight ("to midnight", "до 00:00", "to 12 a.m.") ends
            # with its day, at 24:00; an ISO date-time ("2025-10-27 00:00") is that instant.
            b.clock = attrs.evolve(b.clock, hour=24)
        if _Rel.EARLIER in (prefix.rel, a.rel, b.rel):
            raise self.error("'earlier the same day' stands alone, not in a range")
        for side in (a, b):
            if side.year is None and side.month is not None and prefix.year is not None:
                side.year = prefix.year
        _settle_years(a, b)
        za = a.zone or prefix.zone or b.zone or self.zone_of(None)
        zb = b.zone or prefix.zone or a.zone or za
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
            moment = self.at(self.ref_day(zb), b.clock, zb, "end")
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
        end = last.hi.astimezone(get_zone(za.zone))
        return first.lo, end, za.zone, first.precision.coarser(last.precision)

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
                side.clock = self.make_clock(token.raw, token.value, meridiem=meridiem)
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
        if p.rel is _Rel.EARLIER:
            return self.earlier(p, zone)
        if p.rel in (_Rel.PAST, _Rel.THIS) and p.part is None:
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
            hi = self.local(datetime.combine(day + _DAY, time()), zone, "end")
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

    def earlier(self, p: _Point, zone: ZoneName) -> _Bound:
        """For "earlier on the same day": from the reference's midnight to the reference."""
        if not attrs.evolve(p, rel=None).is_empty:
            raise self.error("'earlier the same day' stands alone, without a date or a time")
        day = self.ref_day(zone)
        lo = self.local(datetime.combine(day, time()), zone, "start")
        moment = self.ref_instant(zone)
        hi = moment or self.local(datetime.combine(day + _DAY, time()), zone, "end")
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
        elif p.rel in (_Rel.TODAY, _Rel.SAME_DAY):
            day = self.ref_day(zone)
        elif p.rel is _Rel.YESTERDAY:
            day = self.ref_day(zone) - _DAY
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
        if p.rel in (_Rel.TODAY, _Rel.YESTERDAY) and (p.full is not None or p.day is not None):
            expected = self.ref_day(zone) - (_DAY if p.rel is _Rel.YESTERDAY else timedelta(0))
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
            if p.rel is _Rel.YESTERDAY:
                raise self.error(
                    "'yesterday night' may mean either night: say 'the past night' or give "
                    "the dates"
                )
            if day is None:
                day = self.ref_day(zone, what=p.part.raw)
            elif (
                p.part.night is _Night.ENGLISH
                and not p.night_ends
                and self.conventions.night_of is NightOf.BEGINNING
            ):
                day += _DAY
            if p.part.begins is not None:
                self.check_night(p.part.begins, day)
        elif day is None:
            day = self.ref_day(zone, what=p.part.raw)
            if p.rel is _Rel.PAST:
                day -= _DAY
        lo, hi = part.bounds(day)
        return self.local(lo, zone, "start"), self.local(hi, zone, "end")

    def check_night(self, begins: _PDate, ends: date) -> None:
        first = ends - _DAY
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
            day += _DAY if later else -_DAY
        moment = self.at(day, clock, zone, field)
        return _Bound(lo=moment, hi=moment, precision=clock.precision)

    # -- zones and the reference ------------------------------------------------------------

    def at(self, day: date, clock: _Clock, zone: ZoneName, field: str) -> datetime:
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


def _is_day(token: _Tok) -> bool:
    return token.kind is _K.NUM and 1 <= token.value <= 31


def _meridiem(text: str | None) -> str | None:
    if not text:
        return None
    return "am" if text.startswith("a") else "pm"


def _show(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta(0)).total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _local_day(moment: datetime, zone: ZoneName) -> date:
    return moment.astimezone(get_zone(zone.zone)).date()


def _date_group(tokens: list[_Tok], i: int) -> tuple[_PDate, int] | None:
    """A date at ``tokens[i]``: "31 октября [2025]", "Oct 31 [2025]", "2025-10-31" or "30"."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind is _K.DATE:
        return _PDate(full=token.day), i + 1
    if token.kind is _K.WEEKDAY:
        return _PDate(weekday=token.value), i + 1
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    month: int | None = None
    if _is_day(token) and nxt is not None and nxt.kind is _K.MONTH:
        day, month, j = token.value, nxt.value, i + 2
    elif token.kind is _K.MONTH and nxt is not None and _is_day(nxt):
        day, month, j = nxt.value, token.value, i + 2
    elif _is_day(token):
        day, j = token.value, i + 1
    else:
        return None
    if j < len(tokens) and tokens[j].kind is _K.YEAR:
        return _PDate(day=day, month=month, year=tokens[j].value), j + 1
    return _PDate(day=day, month=month), j


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


def _is_midnight(clock: _Clock) -> bool:
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
