"""The words bulletins use: things counted, outcomes, region triggers and heads, markers.

Word classes are decided by the start of a lower-case word (Russian and Ukrainian inflect at
the end), or by the whole word for short ones. Everything here is data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflict_events.model import Counted

__all__ = [
    "HEADS",
    "MONTHS",
    "OUTCOME_STEMS",
    "THING_STEMS",
    "TRIGGERS",
    "head_singular",
    "outcome_of",
    "thing_of",
]

# Things counted: (stem, counted, singular forms). The first matching stem wins.
THING_STEMS: tuple[tuple[str, Counted], ...] = (
    ("бпла", Counted.UAV),
    ("беспилотник", Counted.UAV),
    ("беспилотн", Counted.UAV),
    ("безпілотник", Counted.UAV),
    ("безпілотн", Counted.UAV),
    ("дрон", Counted.UAV),
    ("drone", Counted.UAV),
    ("uav", Counted.UAV),
    ("ракет", Counted.MISSILE),
    ("missile", Counted.MISSILE),
    ("снаряд", Counted.ROCKET),
    ("rocket", Counted.ROCKET),
    ("авиабомб", Counted.GUIDED_BOMB),
    ("бомб", Counted.GUIDED_BOMB),
    ("авіабомб", Counted.GUIDED_BOMB),
    ("bomb", Counted.GUIDED_BOMB),
    ("самолет", Counted.AIRCRAFT),
    ("літак", Counted.AIRCRAFT),
    ("вертолет", Counted.HELICOPTER),
    ("шар", Counted.BALLOON),
    ("аэростат", Counted.BALLOON),
    ("balloon", Counted.BALLOON),
    ("засоб", Counted.OTHER),
    ("цілей", Counted.OTHER),
    ("цілі", Counted.OTHER),
    ("гелікоптер", Counted.HELICOPTER),
)
_NOT_THINGS = re.compile(
    r"^(?:ракетн|бомбардир|беспилотной|дронов-имитатор|самолетн|бомбил|ракетчик|дронами-)"
)
# Words that make a missile a cruise or ballistic one, or a rocket of a rocket launcher.
_MISSILE_KIND = (
    ("крылат", Counted.CRUISE_MISSILE),
    ("cruise", Counted.CRUISE_MISSILE),
    ("баллистическ", Counted.BALLISTIC_MISSILE),
    ("балістичн", Counted.BALLISTIC_MISSILE),
    ("ballistic", Counted.BALLISTIC_MISSILE),
    ("реактивн", Counted.ROCKET),
)
# Singular nouns: a thing counted with no numeral before it is one.
SINGULAR = frozenset(
    [
        "беспилотник",
        "аппарат",
        "ракета",
        "снаряд",
        "бомба",
        "авиабомба",
        "самолет",
        "вертолет",
        "безпілотник",
    ]
)

OUTCOME_STEMS: tuple[tuple[str, str], ...] = (
    ("уничтож", "destroyed"),
    ("сбит", "destroyed"),
    ("сбил", "destroyed"),
    ("знищ", "destroyed"),
    ("збит", "destroyed"),
    ("збил", "destroyed"),
    ("destroy", "destroyed"),
    ("shot", "destroyed"),
    ("neutrali", "destroyed"),
    ("downed", "destroyed"),
    ("перехвач", "intercepted"),
    ("перехопл", "intercepted"),
    ("intercept", "intercepted"),
    ("подавл", "suppressed"),
    ("локаційн", "suppressed"),
    ("знешкодж", "destroyed"),
    ("suppress", "suppressed"),
    ("jammed", "suppressed"),
    ("обнаруж", "detected"),
    ("выявл", "detected"),
    ("detect", "detected"),
)
# Whole words only, where a stem would catch too much.
_OUTCOME_WORDS = {"сбили": "destroyed", "down": "destroyed"}

# Words that open a place phrase, and the words that stand before a region's name.
TRIGGERS = frozenset({"над", "на", "в", "во", "по", "over", "in", "above"})
AREA_NOUNS = re.compile(
    r"^(?:территори|акватори|район|районами|регион|город|г$|столиц|полуостров|"
    r"над$|територі|акваторі|област)"
)
HEADS: dict[str, str] = {
    "области": "области",
    "областей": "области",
    "областях": "области",
    "областью": "области",
    "областями": "области",
    "облас": "области",
    "обл": "области",
    "края": "края",
    "краев": "края",
    "краем": "края",
    "краями": "края",
    "моря": "моря",
    "морей": "моря",
    "морем": "моря",
    "морями": "моря",
    "республики": "республики",
    "республик": "республики",
    "округа": "округа",
    "округов": "округа",
    "района": "района",
    "районов": "района",
    "областю": "області",
    "області": "області",
    "областей.": "області",
    "oblast": "oblast",
    "oblasts": "oblast",
    "region": "region",
    "regions": "region",
    "krai": "krai",
    "republic": "republic",
    "sea": "sea",
}


def head_singular(word: str) -> str | None:
    """The singular genitive of a region head noun ("областей" -> "области"), else ``None``.

    >>> head_singular("морей"), head_singular("Крым")
    ('моря', None)
    """
    return HEADS.get(word.lower())


MONTHS = frozenset(
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


@lru_cache(maxsize=8192)
def thing_of(word: str) -> Counted | None:
    """What a lower-case word counts, or ``None``.

    >>> thing_of("беспилотных"), thing_of("ракетный")
    (<Counted.UAV: 'uav'>, None)
    """
    if _NOT_THINGS.match(word):
        return None
    for stem, counted in THING_STEMS:
        if word.startswith(stem):
            return counted
    return None


def missile_kind(word: str) -> Counted | None:
    """The finer kind an adjective gives a missile ("крылатых" -> cruise), else ``None``."""
    for stem, counted in _MISSILE_KIND:
        if word.startswith(stem):
            return counted
    return None


@lru_cache(maxsize=8192)
def outcome_of(word: str) -> str | None:
    """The outcome a lower-case verb or participle says, or ``None``.

    >>> outcome_of("уничтожены"), outcome_of("подавлены"), outcome_of("обнаружено")
    ('destroyed', 'suppressed', 'detected')
    """
    found = _OUTCOME_WORDS.get(word)
    if found:
        return found
    for stem, outcome in OUTCOME_STEMS:
        if word.startswith(stem):
            return outcome
    return None
