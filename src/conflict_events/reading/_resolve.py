"""Places, weapons and time phrases of a text, resolved through the lower layers.

Places go to :data:`conflict_events.reference.gazetteer`, weapons to
:data:`conflict_events.reference.weapons`, time phrases to :meth:`TimeWindow.parse` with the
moment of writing as reference. Look-ups are remembered (a bulletin names the same regions
day after day), failures included.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from conflict_events.errors import ConflictEventsError
from conflict_events.model import Counted, TimeWindow
from conflict_events.reference import gazetteer, weapons

__all__ = ["TimePhrase", "find_times", "region_id", "weapon_id", "window"]


@lru_cache(maxsize=4096)
def _lookup(name: str) -> str | None:
    # candidates, not lookup: a miss needs no suggestions here, and costs far less
    ids = gazetteer.candidates(name)
    return ids[0] if len(ids) == 1 else None


_COUNTRY_LEVEL = re.compile(r"^[A-Z]{2}$")


def region_id(words: tuple[str, ...], head: str | None) -> str | None:
    """The region a place's words name, trying the words with their shared head noun first.

    A longer phrase that does not resolve falls back to its last words: "Одинцовского района
    Московской области" is in the Moscow oblast, "полуострова Крым" is Crimea.

    >>> region_id(("Брянской",), "области"), region_id(("полуострова", "Крым"), None)
    ('RU-BRY', 'UA-43')
    """
    for k in range(len(words)):
        tail = words[k:]
        name = " ".join(tail)
        if head is not None and tail[-1].lower() != head:
            found = _lookup(f"{name} {head}")
            if found is not None:
                return found
        found = _lookup(name)
        if found is not None:
            return found
    return None


_PREFIXES: list[tuple[str, str]] = []


def _prefix_index() -> list[tuple[str, str]]:
    """Lower-case names and aliases of the conflict's regions and seas, built on first use."""
    if not _PREFIXES:
        for rid in gazetteer:
            if rid.startswith(("RU-", "UA-", "sea:")):
                region = gazetteer.get(rid)
                for name in (region.name, *region.aliases):
                    _PREFIXES.append((name.lower(), rid))
    return _PREFIXES


@lru_cache(maxsize=512)
def region_by_prefix(stub: str) -> str | None:
    """The one region of Russia, Ukraine or the seas whose names start with ``stub``, if one.

    For a name a snippet cut short ("над территорией Воронежс"); ``None`` when no region or
    several regions have such names.

    >>> region_by_prefix("Воронежс"), region_by_prefix("Ку")
    ('RU-VOR', None)
    """
    key = stub.lower()
    if len(key) < 3:
        return None
    ids = {rid for name, rid in _prefix_index() if name.startswith(key)}
    return ids.pop() if len(ids) == 1 else None


def is_country(region: str) -> bool:
    """Whether a region id is a whole country (``RU``), not a part of one."""
    return bool(_COUNTRY_LEVEL.match(region))


@lru_cache(maxsize=1024)
def weapon_id(name: str) -> str | None:
    """The catalogue id of a weapon or thing counted as written, or ``None``.

    >>> weapon_id("беспилотных летательных аппаратов")
    'uav'
    """
    try:
        return weapons.lookup(name).id
    except (ConflictEventsError, ValueError):
        return None


_CATEGORY_COUNTS = {
    "uav": Counted.UAV,
    "loitering_munition": Counted.UAV,
    "cruise_missile": Counted.CRUISE_MISSILE,
    "anti_ship_missile": Counted.CRUISE_MISSILE,
    "ballistic_missile": Counted.BALLISTIC_MISSILE,
    "hypersonic_missile": Counted.MISSILE,
    "guided_missile": Counted.MISSILE,
    "air_defence": Counted.MISSILE,
    "glide_bomb": Counted.GUIDED_BOMB,
    "mlrs": Counted.ROCKET,
    "balloon": Counted.BALLOON,
    "aircraft": Counted.AIRCRAFT,
    "helicopter": Counted.HELICOPTER,
}


@lru_cache(maxsize=1024)
def weapon_kind(name: str) -> tuple[str, Counted | None] | None:
    """The catalogue id of a named system and what a count of it counts, or ``None``.

    >>> weapon_kind("Точка-У")
    ('tochka-u', <Counted.BALLISTIC_MISSILE: 'ballistic_missile'>)
    """
    try:
        system = weapons.lookup(name)
    except (ConflictEventsError, ValueError):
        return None
    return system.id, _CATEGORY_COUNTS.get(system.category.value)


class TimePhrase:
    """A time phrase found in the working copy: where it is and the text to parse."""

    __slots__ = ("end", "phrase", "start")

    def __init__(self, start: int, end: int, phrase: str) -> None:
        self.start = start
        self.end = end
        self.phrase = phrase


_MONTH = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)"
)
_DATE = rf"\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}}\s*(?:г\.|года|року|р\.)?)?(?:\s+т\.\s?г\.)?"
_CLOCK = r"\d{1,2}[.:]\d{2}"
_TZ = r"(?:\s*\(?мск\)?)?"
_PART = r"(?:ночью|утром|днем|днём|вечером|вночі|вранці|ввечері|вдень)"
# Every phrase starts a word with a digit or one of these letters: the look-ahead lets the
# engine pass over other places at once.
_RU_TIME = re.compile(
    rf"(?<!\w)(?=[\dсзовупмднкбпч])(?:(?:(?:{_DATE}),?\s+)?(?:в\s+период\s+|у\s+період\s+)?(?:с|з|із|от|від)\s+{_CLOCK}{_TZ}(?:\s+(?:{_DATE}|\d{{2}}\.\d{{2}}))?"
    rf"\s+(?:до|по)\s+{_CLOCK}{_TZ}(?:\s+(?:{_DATE}|\d{{2}}\.\d{{2}}))?"
    rf"|(?:(?:{_DATE}|сегодня|сьогодні),?\s+)?(?:около|в районе|в|о|близько)\s+{_CLOCK}{_TZ}"
    rf"(?:\s+{_DATE})?"
    rf"|(?:(?:{_DATE}|сегодня),?\s+)?(?:около|в районе|в)\s+\d{{1,2}}\s+час\w*"
    rf"(?:\s+\d{{1,2}}\s+минут\w*)?{_TZ}"
    rf"|(?:сегодня|сьогодні|прошедшей|минувшей|минулої)\s+{_PART}"
    rf"|в\s+течение\s+(?:прошедшей|минувшей)\s+ночи|протягом\s+(?:минулої\s+)?ночі"
    rf"|протягом\s+дня\s+{_DATE}(?:\s*\((?:з|із)\s+{_CLOCK}\s+(?:до|по)\s+{_CLOCK}\))?"
    rf"|(?:в|у)\s+ночь\s+на\s+{_DATE}|(?:в|у)\s+ніч\s+на\s+{_DATE}"
    rf"|{_PART}\s+{_DATE}|{_DATE}\s+{_PART}"
    rf"|за\s+(?:прошедшую\s+|минувшую\s+)?ночь"
    rf"|(?:в\s+течение|за)\s+(?:прошедш\w+\s+|минувш\w+\s+)?сут(?:ок|ки)"
    rf"|{_DATE})"
)
_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_EN_DAY = (
    rf"(?:{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH})"
)
_EN_CLOCK = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|PM|AM)?"
_EN_TIME = re.compile(
    rf"(?<!\w)(?:(?:during|over|in|on)\s+the\s+(?:preceding\s+|previous\s+|past\s+)?"
    rf"(?:night|evening|morning|afternoon|day)(?:\s+of\s+{_EN_DAY})?"
    rf"|(?:between|from)\s+{_EN_CLOCK}\s+(?:and|to|until)\s+{_EN_CLOCK}"
    rf"(?:\s+(?:Moscow(?:\s+Standard)?\s+Time(?:\s+\(MSK\))?|MSK|GMT|UTC|Kyiv\s+time))?"
    rf"(?:\s+(?:on\s+)?{_EN_DAY})?"
    rf"|(?:earlier|later)\s+(?:on\s+)?(?:the\s+same|that)\s+day"
    rf"|overnight(?:\s+(?:on|into)\s+{_EN_DAY})?"
    rf"|(?:on\s+)?{_EN_DAY})",
    re.IGNORECASE,
)
_THIS_YEAR = re.compile(r"\s+т\.\s?г\.")
_HOURS = re.compile(r"(\d{1,2})\s+час\w*(?:\s+(\d{1,2})\s+минут\w*)?")
_PERIOD = re.compile(r"(?i)\b(?:в\s+период|у\s+період)\s+")
_CLOCK_TO = re.compile(r"(\d{1,2}[.:]\d{2}(?:\s*мск)?)\s+по\s+(\d{1,2}[.:]\d{2})")


def find_times(cased: str, *, english: bool = False) -> list[TimePhrase]:
    """The time phrases of a working copy, in order, longest match at each place.

    >>> [t.phrase for t in find_times("С 21.00 до 22.30 мск пресечены попытки")]
    ['С 21.00 до 22.30 мск']
    """
    pattern = _EN_TIME if english else _RU_TIME
    text = cased if english else cased.lower()
    out = []
    for m in pattern.finditer(text):
        phrase = cased[m.start() : m.end()]
        if not english and not re.search(r"\d|ноч|утр|днем|днём|вечер|сут|ніч|ранц|вечер", phrase):
            continue
        out.append(TimePhrase(m.start(), m.end(), phrase))
    return out


def window(phrase: str, *, tz: str, posted: date | datetime) -> TimeWindow:
    """The window a phrase stands for, written at ``posted``.

    Before the phrase reader sees it, "т.г." ("this year") and "в период" ("in the period")
    are dropped, a clock range's "по" ("through") is read as "до" ("until") and "11 часов 27
    минут" as "11:27".

    Raises the library's :class:`~conflict_events.errors.TimeParseError` when the phrase
    reader cannot read it.

    >>> from datetime import timezone
    >>> str(window("5 декабря т.г. около 6.00 мск", tz="Europe/Moscow",
    ...            posted=datetime(2023, 12, 5, 3, 46, tzinfo=timezone.utc)))
    '2023-12-05 06:00 MSK [minute, approximate]'
    """
    phrase = _THIS_YEAR.sub("", phrase)
    phrase = _PERIOD.sub("", phrase)
    phrase = _CLOCK_TO.sub(r"\1 до \2", phrase)
    phrase = _HOURS.sub(lambda m: f"{m[1]}:{m[2] or '00'}", phrase)
    return TimeWindow.parse(phrase, tz=tz, reference=posted)
