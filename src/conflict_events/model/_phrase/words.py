"""The words of time phrases and what each means: data, read by the scanner.

The words that name parts of the day live in
:data:`conflict_events.model.conventions.DEFAULT_PARTS_OF_DAY` (named, documented and
overridable); everything else a phrase may hold is listed here: months, weekdays, relative
words, range words, approximation words and the words that carry nothing.

>>> WORDS["октября"].kind, WORDS["октября"].value
(<Kind.MONTH: 'month'>, 10)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from enum import Enum

import attrs

from conflict_events.model._precision import Precision
from conflict_events.model.conventions import ZoneName

__all__ = [
    "ENGLISH_NIGHT",
    "FILLERS",
    "FOLD",
    "MERIDIEM",
    "MONTHS",
    "OVERNIGHT",
    "PHRASES",
    "WEEKDAYS",
    "WORDS",
    "Clock",
    "Kind",
    "Night",
    "PDate",
    "Rel",
    "Token",
]

DAY = timedelta(days=1)


class Kind(Enum):
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
    THIS_YEAR = "this year"
    """"т.г.", "с.г.": the year of the reference."""
    DAY24 = "24 hours"
    """"сутки", "доба": the 24 hours up to the reference (or a whole day when dated)."""
    OTHER = "other"
    """A word or sign outside time phrases (met only when scanning longer text)."""


class Rel(Enum):
    """What a relative word refers to."""

    PAST = "past"
    THIS = "this"
    TODAY = "today"
    YESTERDAY = "yesterday"
    EARLIER = "earlier the same day"
    SAME_DAY = "the same day"


class Night(Enum):
    """How a night word ties a night to a date."""

    ENGLISH = "english"
    """English "night": "the night of D" follows ``Conventions.night_of``."""
    ENDING = "ending"
    """"overnight", "ночью", "вночі": the night that ends on D."""


@attrs.frozen(kw_only=True)
class Clock:
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
        return moment + DAY if self.hour == 24 else moment


@attrs.frozen(kw_only=True)
class PDate:
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
class Token:
    """One word or group of words."""

    kind: Kind
    raw: str = ""
    value: int = 0
    ordinal: bool = False
    clock: Clock | None = None
    day: date | None = None
    zone: ZoneName | None = None
    label: str | None = None
    night: Night | None = None
    hour_word: bool = False
    """A word of a part of the day that places an hour before it ("8 утра")."""
    rel: Rel | None = None
    ends: PDate | None = None
    begins: PDate | None = None
    day_month: tuple[int, int] | None = None
    """A clock time written "DD.MM" that may also be a date ("02.10" after "23:00")."""
    start: int = 0
    """Where the word begins in the text scanned."""
    end: int = 0
    """Where it ends in the text scanned."""


def _words(kind: Kind, names: str, **fields: object) -> dict[str, Token]:
    return {name: Token(kind=kind, **fields) for name in names.split()}  # type: ignore[arg-type]


def _numbered(kind: Kind, groups: Sequence[str], start: int = 1) -> dict[str, Token]:
    table: dict[str, Token] = {}
    for number, names in enumerate(groups, start=start):
        table.update(_words(kind, names, value=number))
    return table


MONTHS = _numbered(
    Kind.MONTH,
    [
        "january jan январь января январе янв січень січня січні",
        "february feb февраль февраля феврале фев февр лютий лютого лютому",
        "march mar март марта марте березень березня березні",
        "april apr апрель апреля апреле апр квітень квітня квітні",
        "may май мая мае травень травня травні",
        "june jun июнь июня июне июн червень червня червні",
        "july jul июль июля июле июл липень липня липні",
        "august aug август августа августе авг серпень серпня серпні",
        "september sep sept сентябрь сентября сентябре сент вересень вересня вересні",
        "october oct октябрь октября октябре окт жовтень жовтня жовтні",
        "november nov ноябрь ноября ноябре нояб листопад листопада листопаді",
        "december dec декабрь декабря декабре дек грудень грудня грудні",
    ],
)

WEEKDAYS = _numbered(
    Kind.WEEKDAY,
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

OVERNIGHT = "overnight"
"""The label of the night: its words tie a night to the date it ends on."""

ENGLISH_NIGHT = frozenset({"night"})
"""Night words whose "the night of <date>" follows :attr:`Conventions.night_of`."""

WORDS: dict[str, Token] = {
    **MONTHS,
    **WEEKDAYS,
    **_words(
        Kind.REL,
        "preceding past last previous прошедшей прошедшую прошлой прошлую минувшей минувшую "
        "предыдущей предыдущую минулої минулу попередньої попередню прошедшие прошедших "
        "минувшие минувших последние последних минулі минулих останні останніх",
        rel=Rel.PAST,
    ),
    **_words(Kind.REL, "this этой эту сегодняшней цієї цю нинішньої", rel=Rel.THIS),
    **_words(Kind.REL, "today сегодня сьогодні", rel=Rel.TODAY),
    **_words(Kind.REL, "yesterday вчера вчора учора накануне напередодні", rel=Rel.YESTERDAY),
    **_words(Kind.FROM, "from between с со з із від между між entre de von zwischen 从"),
    **_words(Kind.TO, "to until till til through thru до по and и і та й et à bis und 至 到"),
    **_words(Kind.DAY24, "сутки суток сутках доба добу доби"),
    **_words(Kind.NA, "на проти into"),
    **_words(
        Kind.APPROX,
        "about around approximately roughly circa ca около примерно приблизительно приблизно "
        "близько орієнтовно",
    ),
    **_words(
        Kind.TIME, "midnight полночь полуночи опівночі північ", clock=Clock(hour=0, midnight=True)
    ),
    **_words(Kind.TIME, "noon midday полдень полудня полудень опівдні", clock=Clock(hour=12)),
}

FILLERS = frozenset(
    (
        *("the", "during", "in", "on", "at", "of", "over", "throughout", "for"),
        *("released", "issued", "reported", "o'clock"),
        *("в", "во", "у", "о", "об", "течение", "период", "промежуток", "за", "протягом"),
        *("года", "году", "год", "г", "року", "рік", "р"),
    )
)
"""Words that carry nothing once the rest is read: prepositions, articles, year markers."""

PHRASES: dict[str, Token] = {
    **{
        phrase: Token(kind=Kind.REL, rel=Rel.EARLIER)
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
        phrase: Token(kind=Kind.REL, rel=Rel.SAME_DAY)
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
        phrase: Token(kind=Kind.REL, rel=Rel.YESTERDAY)
        for phrase in (
            "the day before",
            "the previous day",
            "the preceding day",
            "днем ранее",
            "днём ранее",
            "за день до этого",
        )
    },
    "local time": Token(kind=Kind.LOCAL),
    "в районе": Token(kind=Kind.APPROX),
    "в районі": Token(kind=Kind.APPROX),
    **{
        phrase: Token(kind=Kind.THIS_YEAR)
        for phrase in ("т.г.", "т. г.", "с.г.", "с. г.", "текущего года", "этого года")
    },
    **{phrase: Token(kind=Kind.THIS_YEAR) for phrase in ("поточного року", "цього року")},
    **{phrase: Token(kind=Kind.DAY24) for phrase in ("24 hours", "24 часа", "24 години")},
    "से": Token(kind=Kind.TO),
    # "day and night": at all times, not a window; read as a word outside time phrases
    **{
        phrase: Token(kind=Kind.OTHER)
        for phrase in (
            "day and night",
            "днём и ночью",
            "днем и ночью",
            "день и ночь",
            "вдень і вночі",
            "вдень та вночі",
            "день і ніч",
        )
    },
}
"""Phrases of several words, and words the plain word pattern cannot cut out (Devanagari)."""

QUIET_PHRASES = ("तक", "में", "के", "बीच")
"""Words the word pattern cannot cut out that carry nothing ("तक", "until", closes a range)."""

MERIDIEM = r"(?:a\.\s?m\.|a\.?m(?!\w)|p\.\s?m\.|p\.?m(?!\w))"

FOLD = str.maketrans(
    {
        "—": "–",
        "‒": "–",
        "―": "–",
        "−": "-",
        "’": "'",
        "ʼ": "'",
        "ё": "е",
        "\u00a0": " ",
        "\u202f": " ",
        "\u00ad": "",
        "\u200b": "",
    }
)
"""Dashes, apostrophes and "ё" written one way; no-break spaces as spaces; soft hyphens and
zero-width spaces dropped."""
