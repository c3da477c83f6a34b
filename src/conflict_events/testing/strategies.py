"""Hypothesis strategies that generate valid model objects, for property tests.

Every strategy generates only objects the constructors accept; text includes Cyrillic and
other non-ASCII characters, and datetimes carry microseconds, so a lossy round trip fails.
Needs the ``hypothesis`` extra: ``pip install conflict-events[hypothesis]``.

>>> from hypothesis import given, settings
>>> import conflict_events as ce
>>> from conflict_events.testing import strategies as ces
>>> @settings(max_examples=5, database=None, deadline=None)
... @given(ces.quantities())
... def check(q):
...     assert ce.loads(ce.Quantity, ce.dumps(q)) == q
>>> check()
"""

from __future__ import annotations

import hashlib
import string
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar, cast

import pytz
from hypothesis import strategies as st

from conflict_events.model import (
    MODEL_CLASSES,
    REVISION_FIELDS,
    Actor,
    ActorKind,
    Citation,
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Grain,
    Modality,
    Model,
    Outcome,
    PlacePrecision,
    Point,
    Precision,
    Qualifier,
    Quantity,
    Region,
    RegionKind,
    Report,
    Share,
    Source,
    SourceKind,
    Span,
    Statement,
    StatementKind,
    TimeWindow,
    WeaponCategory,
    WeaponSystem,
)

__all__ = [
    "ZONES",
    "Model",
    "actors",
    "aware_datetimes",
    "citations",
    "claims",
    "for_type",
    "ids",
    "model_objects",
    "points",
    "quantities",
    "region_ids",
    "regions",
    "reports",
    "sources",
    "spans",
    "statements",
    "texts",
    "time_windows",
    "weapon_ids",
    "weapon_systems",
]

T = TypeVar("T")

ZONES: tuple[str, ...] = (
    "Europe/Moscow",
    "Europe/Kyiv",
    "UTC",
    "America/New_York",
    "Europe/Kaliningrad",
    "Asia/Kathmandu",
)
"""The zones :func:`time_windows` draws from: DST and no DST, historical changes, a +05:45."""

_UTC = timezone.utc
_FIRST = datetime(1980, 1, 1)  # noqa: DTZ001 - hypothesis takes naive bounds; read as UTC
_LAST = datetime(2037, 12, 31)  # noqa: DTZ001 - as above; pytz's rules are tabulated to 2037

_EDGES: tuple[datetime, ...] = (
    datetime(2011, 3, 26, 23, tzinfo=_UTC),  # Moscow moves to permanent UTC+4
    datetime(2012, 6, 15, 12, tzinfo=_UTC),  # Moscow at UTC+4
    datetime(2014, 10, 25, 22, tzinfo=_UTC),  # Moscow goes back to UTC+3
    datetime(2025, 3, 30, 1, tzinfo=_UTC),  # EU (Kyiv) clocks go forward
    datetime(2025, 10, 26, 1, tzinfo=_UTC),  # EU (Kyiv) clocks go back
    datetime(2025, 3, 9, 7, tzinfo=_UTC),  # New York clocks go forward
    datetime(2025, 11, 2, 6, tzinfo=_UTC),  # New York clocks go back
)
"""UTC instants where some zone's offset changes; :func:`time_windows` samples near them."""

_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐ"
_MIXED = _CYRILLIC + string.ascii_letters + string.digits + " -.,:'\"«»–\n\t"
_ANY_CHAR = st.characters(codec="utf-8")  # every code point but the surrogates
_WORDS = (
    "Belgorod",
    "Белгородская область",
    "Київ",
    "Орёл",
    "беспилотник",
    "Шахед-136",
    "ПВО",
    "Oreshnik",
)

# Strategies are built once, here, and reused: building them inside a draw costs time.


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def _distinct(
    strategy: st.SearchStrategy[T], max_size: int = 3
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


def _several(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def texts(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Non-empty text of any Unicode characters but surrogates, often Cyrillic."""
    return st.one_of(
        st.sampled_from(_WORDS),
        st.text(_MIXED, min_size=1, max_size=max_size),
        st.text(_ANY_CHAR, min_size=1, max_size=max_size),
    )


def ids() -> st.SearchStrategy[str]:
    """Non-empty strings without surrounding whitespace: what every ``id`` field accepts."""
    return st.one_of(
        st.sampled_from(("src:ru-mod", "c:вечер-1", "st:ksfo", "RU")),
        *(
            st.text(a, min_size=1, max_size=16).map(str.strip).filter(bool)
            for a in (_MIXED, _ANY_CHAR)
        ),
    )


_TEXT = texts()
_OPT_TEXT = _optional(_TEXT)
_ID = ids()
_OPT_ID = _optional(_ID)
_BOOL = st.booleans()


# -- quantities --------------------------------------------------------------------------

_INTS: st.SearchStrategy[int | float] = st.one_of(st.integers(0, 1000), st.integers(0, 2**64))
_MEASURES = st.one_of(_INTS, st.floats(0.0, 1e9, allow_nan=False, allow_infinity=False))
_TRIPLES: dict[str, st.SearchStrategy[list[int | float]]] = {
    "count": st.lists(_INTS, min_size=3, max_size=3),
    "measure": st.lists(_MEASURES, min_size=3, max_size=3),
}
"""Three numbers, sorted after drawing into low <= value <= high: integers for counts."""


def _decimals(places: int) -> st.SearchStrategy[list[int | float]]:
    """Three measures as reports write them: whole numbers, or decimals of few places."""
    whole = st.integers(0, 10**11)
    number = st.one_of(
        whole,
        st.builds(lambda n, k: float(f"{n}e-{k}"), whole, st.integers(1, max(places, 1))),
    )
    return st.lists(number if places else whole, min_size=3, max_size=3)


_VALUE_ONLY = (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.AT_MOST)


@st.composite
def _quantity(
    draw: st.DrawFn,
    units: st.SearchStrategy[str],
    qualifiers: st.SearchStrategy[Qualifier],
    places: int | None,
) -> Quantity:
    unit = draw(units)
    qualifier = draw(qualifiers)
    if unit == "count":
        triple = _TRIPLES["count"]
    else:
        triple = _TRIPLES["measure"] if places is None else _decimals(places)
    low, mid, high = sorted(draw(triple))
    if qualifier in _VALUE_ONLY:
        return Quantity(value=mid, qualifier=qualifier, unit=unit)
    if qualifier is Qualifier.LESS_THAN:
        return Quantity(value=mid or 1, qualifier=qualifier, unit=unit)
    keep_low, keep_high = draw(_BOOL), draw(_BOOL)
    if qualifier is Qualifier.BETWEEN:
        value = mid if keep_low else None
        return Quantity(value=value, low=low, high=high, qualifier=qualifier, unit=unit)
    return Quantity(
        value=mid if qualifier is Qualifier.ABOUT else None,
        low=low if keep_low else None,
        high=high if keep_high else None,
        qualifier=qualifier,
        unit=unit,
    )


def quantities(
    *,
    units: tuple[str, ...] = ("count", "km"),
    qualifiers: tuple[Qualifier, ...] | None = None,
    places: int | None = None,
) -> st.SearchStrategy[Quantity]:
    """Quantities with every qualifier, counting (integers) or measuring in ``km`` (floats too).

    With ``places``, measures are decimals as reports write them (up to 10^11, with at most
    ``places`` decimal places), so that their sums and multiples are exact floats too;
    without it, measures are any finite floats up to 10^9.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(quantities(units=("km",), places=2))
    ... def sums_exactly(q):
    ...     assert (q + q).interval == q.interval.times(2)
    >>> sums_exactly()
    """
    chosen = tuple(Qualifier) if qualifiers is None else qualifiers
    return _quantity(st.sampled_from(units), st.sampled_from(chosen), places)


# -- time --------------------------------------------------------------------------------

_HOURS_6 = 6 * 3600 * 10**6
_SPAN = (_LAST - _FIRST) // timedelta(microseconds=1)
_NEAR_EDGE = st.integers(-_HOURS_6, _HOURS_6)
_ANYWHEN = st.integers(0, _SPAN)
_LENGTH = st.one_of(st.just(0), st.integers(0, 40 * 86400 * 10**6))
_EDGE = st.sampled_from(_EDGES)


def _styled(draw: st.DrawFn, local: datetime) -> datetime:
    """The same instant with its pytz tzinfo, or with a fixed offset as a loaded one has."""
    if draw(_BOOL):
        return local
    return local.replace(tzinfo=timezone(cast(timedelta, local.utcoffset())))


def _draw_instant(draw: st.DrawFn, zone: str) -> datetime:
    # Whole microseconds drawn as one integer: far cheaper than drawing each calendar field.
    if draw(_BOOL):
        utc = draw(_EDGE) + timedelta(microseconds=draw(_NEAR_EDGE))
    else:
        utc = _FIRST.replace(tzinfo=_UTC) + timedelta(microseconds=draw(_ANYWHEN))
    if draw(_BOOL):
        utc -= timedelta(seconds=utc.second, microseconds=utc.microsecond)
    return _styled(draw, utc.astimezone(pytz.timezone(zone)))


@st.composite
def _instant(draw: st.DrawFn, zone: str) -> datetime:
    return _draw_instant(draw, zone)


def aware_datetimes(*, zone: str = "Europe/Moscow") -> st.SearchStrategy[datetime]:
    """Aware datetimes with microseconds carrying ``zone``'s offset at their instant."""
    return _instant(zone)


_PRECISION = st.sampled_from(Precision)


@st.composite
def _time_window(draw: st.DrawFn, zones: st.SearchStrategy[str]) -> TimeWindow:
    tz = draw(zones)
    start = _draw_instant(draw, tz)
    length = timedelta(microseconds=draw(_LENGTH))
    end = _styled(draw, (start + length).astimezone(pytz.timezone(tz)))
    return TimeWindow(
        start=start,
        end=end,
        tz=tz,
        precision=draw(_PRECISION),
        label=draw(_OPT_TEXT),
        text=draw(_OPT_TEXT),
        approximate=draw(_BOOL),
    )


def time_windows(*, zones: tuple[str, ...] = ZONES) -> st.SearchStrategy[TimeWindow]:
    """Time windows in ``zones``, often across DST changes and Moscow's 2011-2014 UTC+4."""
    return _time_window(st.sampled_from(zones))


# -- places and weapons ------------------------------------------------------------------

_UPPER = string.ascii_uppercase
_ALNUM = string.ascii_lowercase + string.digits
_WORD = st.text(_ALNUM, min_size=1, max_size=8)
_WORDS_3 = st.lists(_WORD, min_size=1, max_size=3)
_SEPARATOR = st.sampled_from("-_.")
_HEAD = st.tuples(st.sampled_from(string.ascii_lowercase), st.text(_ALNUM, max_size=7))


def _draw_slug(draw: st.DrawFn) -> str:
    """Lower-case words and digits joined by ``-``, ``_`` or ``.``."""
    words = draw(_WORDS_3)
    slug = words[0]
    for word in words[1:]:
        slug += draw(_SEPARATOR) + word
    return slug


@st.composite
def _slug(draw: st.DrawFn) -> str:
    return _draw_slug(draw)


@st.composite
def _namespaced(draw: st.DrawFn) -> str:
    return "".join(draw(_HEAD)) + ":" + _draw_slug(draw)


def region_ids() -> st.SearchStrategy[str]:
    """Region ids: ISO 3166-1 (``RU``), ISO 3166-2 (``RU-BEL``) and namespaced (``sea:azov``)."""
    alpha2 = st.text(_UPPER, min_size=2, max_size=2)
    return st.one_of(
        st.sampled_from(("RU", "UA", "RU-BEL", "RU-MOS", "UA-43", "UA-40", "sea:azov")),
        alpha2,
        st.builds("{}-{}".format, alpha2, st.text(_UPPER + string.digits, min_size=1, max_size=3)),
        _namespaced(),
    )


_REGION_ID = region_ids()
_OPT_REGION_ID = _optional(_REGION_ID)
_REGION_IDS = _distinct(_REGION_ID)


def points() -> st.SearchStrategy[Point]:
    """Points anywhere on the Earth, the poles and the antimeridian included."""
    return st.builds(
        Point,
        lat=st.floats(-90, 90, allow_nan=False),
        lon=st.floats(-180, 180, allow_nan=False),
    )


_REGION_KIND = st.sampled_from(RegionKind)
_ALIASES = _several(_TEXT)
_CLAIMANTS = _distinct(_ID)
_OPT_POINT = _optional(points())


@st.composite
def _region(draw: st.DrawFn) -> Region:
    rid = draw(_REGION_ID)
    parent = draw(_OPT_REGION_ID)
    return Region(
        id=rid,
        name=draw(_ID),
        kind=draw(_REGION_KIND),
        country=draw(_OPT_REGION_ID),
        parent=None if parent == rid else parent,
        aliases=draw(_ALIASES),
        administered_by=draw(_OPT_TEXT),
        claimed_by=draw(_CLAIMANTS),
        point=draw(_OPT_POINT),
    )


def regions() -> st.SearchStrategy[Region]:
    """Regions, disputed ones among them."""
    return _region()


def weapon_ids() -> st.SearchStrategy[str]:
    """Weapon slugs such as ``shahed-136``."""
    return st.one_of(
        st.sampled_from(("shahed-136", "oreshnik", "kh-101", "iskander-m", "s-400")), _slug()
    )


def citations() -> st.SearchStrategy[Citation]:
    """Citations of published figures."""
    return st.builds(Citation, title=_ID, url=_OPT_TEXT, accessed=_OPT_TEXT)


def weapon_systems() -> st.SearchStrategy[WeaponSystem]:
    """Weapon systems, with ranges in km and their sources."""
    return st.builds(
        WeaponSystem,
        id=weapon_ids(),
        name=_ID,
        category=st.sampled_from(WeaponCategory),
        origin=_OPT_TEXT,
        aliases=_ALIASES,
        range=_optional(quantities(units=("km",))),
        range_source=_optional(citations()),
    )


# -- who ---------------------------------------------------------------------------------


def sources() -> st.SearchStrategy[Source]:
    """Sources, with Admiralty reliability grades A-F."""
    return st.builds(
        Source,
        id=_ID,
        name=_ID,
        kind=st.sampled_from(SourceKind),
        party=_OPT_TEXT,
        reliability=_optional(st.sampled_from("ABCDEF")),
        url=_OPT_TEXT,
    )


def actors() -> st.SearchStrategy[Actor]:
    """Actors."""
    return st.builds(Actor, id=_ID, name=_ID, kind=st.sampled_from(ActorKind), party=_OPT_TEXT)


# -- claims, statements, reports ---------------------------------------------------------

_OFFSET = st.integers(0, 10**6)
_WIDTH = st.integers(1, 10**4)


@st.composite
def _span(draw: st.DrawFn) -> Span:
    start = draw(_OFFSET)
    return Span(start=start, end=start + draw(_WIDTH))


def spans() -> st.SearchStrategy[Span]:
    """Non-empty character spans."""
    return _span()


# Items of list fields that hold free text leave out ";", which joins a list in a table cell.
_LIST_TEXT = _TEXT.filter(lambda t: ";" not in t)
_PARTIES = _distinct(_LIST_TEXT)


def _claim(*, actors: tuple[str, ...], parties: tuple[str, ...], **fields: object) -> Claim:
    """A claim whose first actor (and target party) is ``actor`` and the rest ``other_*``."""
    return Claim(
        actor=actors[0] if actors else None,
        other_actors=actors[1:],
        target_party=parties[0] if parties else None,
        other_target_parties=parties[1:],
        **fields,  # type: ignore[arg-type]
    )


_CLAIM_FIELDS: dict[str, st.SearchStrategy[object]] = {
    "id": _ID,
    "kind": st.sampled_from(ClaimKind),
    "modality": st.sampled_from(Modality),
    "quantity": _optional(quantities()),
    "counted": _optional(st.sampled_from(Counted)),
    "outcome": _optional(st.sampled_from(Outcome)),
    "weapons": _distinct(weapon_ids()),
    "actors": _PARTIES,
    "parties": _PARTIES,
    "regions": _REGION_IDS,
    "origins": _REGION_IDS,
    "targets": _REGION_IDS,
    "place_precision": _optional(st.sampled_from(PlacePrecision)),
    "event_mode": _OPT_TEXT,
    "context": _distinct(_LIST_TEXT),
    "distribution": _optional(st.sampled_from(Distribution)),
    "grain": st.sampled_from(Grain),
    "window": _optional(time_windows()),
    "coverage": _optional(st.sampled_from(Coverage)),
    "share": _optional(st.sampled_from(Share)),
    "region_count": _optional(st.integers(1, 100)),
    "quote": _OPT_TEXT,
    "span": _optional(spans()),
    "credibility": _optional(st.integers(1, 6)),
    "note": _OPT_TEXT,
}


def claims(*, max_depth: int = 2, max_parts: int = 2) -> st.SearchStrategy[Claim]:
    """Claims with every optional field, their parts nested up to ``max_depth`` levels."""
    if max_depth > 0:
        parts = _several(claims(max_depth=max_depth - 1, max_parts=max_parts), max_parts)
    else:
        parts = st.just(())
    return st.builds(_claim, parts=parts, **_CLAIM_FIELDS)


def _statement(**fields: object) -> Statement:
    """A statement, its revision links that would name itself dropped."""
    for name in REVISION_FIELDS:
        if fields[name] == fields["id"]:
            fields[name] = None
    return Statement(**fields)  # type: ignore[arg-type]


def statements(*, max_claims: int = 2, max_depth: int = 1) -> st.SearchStrategy[Statement]:
    """Statements holding up to ``max_claims`` claims, nested ``max_depth`` levels."""
    return st.builds(
        _statement,
        id=_ID,
        source=_ID,
        kind=st.sampled_from(StatementKind),
        issued=_optional(time_windows()),
        claims=_several(claims(max_depth=max_depth), max_claims),
        about=_distinct(_ID),
        via=_distinct(_ID),
        responds_to=_OPT_ID,
        retells=_OPT_ID,
        supersedes=_OPT_ID,
        corrects=_OPT_ID,
        retracts=_OPT_ID,
        summary=_OPT_TEXT,
        language=_optional(st.sampled_from(("ru", "uk", "en", "ru-Latn"))),
        url=_OPT_TEXT,
        quote=_OPT_TEXT,
        span=_optional(spans()),
    )


def _published() -> st.SearchStrategy[date | datetime | None]:
    offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
    return st.one_of(
        st.none(),
        st.dates(_FIRST.date(), _LAST.date()),
        st.datetimes(_FIRST, _LAST, timezones=offsets),
        aware_datetimes(zone="Europe/Kyiv"),
    )


def reports(*, max_statements: int = 2) -> st.SearchStrategy[Report]:
    """Reports with sources, actors, regions, weapons and up to ``max_statements`` statements."""
    return st.builds(
        Report,
        id=_ID,
        title=_OPT_TEXT,
        url=_OPT_TEXT,
        published=_published(),
        publisher=_OPT_ID,
        language=_optional(st.sampled_from(("ru", "uk", "en"))),
        sources=_several(sources(), 2),
        actors=_several(actors(), 2),
        regions=_several(regions(), 2),
        weapons=_several(weapon_systems(), 2),
        statements=_several(statements(), max_statements),
        text_sha256=_optional(st.binary(max_size=8).map(lambda b: hashlib.sha256(b).hexdigest())),
    )


_BY_TYPE: dict[type, st.SearchStrategy[Model]] = {}


def for_type(cls: type[T]) -> st.SearchStrategy[T]:
    """The strategy for a model class: ``for_type(Claim)`` is ``claims()``."""
    if not _BY_TYPE:
        _BY_TYPE.update(
            {
                Quantity: quantities(),
                TimeWindow: time_windows(),
                Point: points(),
                Region: regions(),
                Citation: citations(),
                WeaponSystem: weapon_systems(),
                Source: sources(),
                Actor: actors(),
                Span: spans(),
                Claim: claims(),
                Statement: statements(),
                Report: reports(),
            }
        )
    strategy = _BY_TYPE.get(cls)
    if strategy is None:
        raise TypeError(f"no strategy for {cls!r}: expected a model class")
    return cast("st.SearchStrategy[T]", strategy)


def model_objects() -> st.SearchStrategy[Model]:
    """Objects of any model class."""
    return st.one_of([for_type(cls) for cls in MODEL_CLASSES])
