"""Places: countries, subdivisions, cities, sea areas and custom areas."""

from __future__ import annotations

import math
import re
from enum import Enum

import attrs

from conflict_events.errors import Problem
from conflict_events.model._checks import (
    Checked,
    as_tuple,
    check_enum,
    check_id,
    check_ids,
    check_instance,
    check_text,
    describe,
    fail,
)
from conflict_events.model._enums import coerce

__all__ = ["REGION_ID", "PlacePrecision", "Point", "Region", "RegionKind", "is_region_id"]

REGION_ID = re.compile(
    r"[A-Z]{2}"  # ISO 3166-1 alpha-2: RU
    r"|[A-Z]{2}-[A-Z0-9]{1,3}"  # ISO 3166-2: RU-BEL, UA-43
    r"|[a-z][a-z0-9]*:[a-z0-9]+(?:[-_.][a-z0-9]+)*"  # namespaced custom: sea:azov
)
"""The shape of a region id (matched whole): ``RU``, ``RU-BEL``, ``sea:azov``."""


def is_region_id(value: object) -> bool:
    """Whether ``value`` has the shape of a region id.

    >>> [is_region_id(v) for v in ("RU", "RU-BEL", "UA-43", "sea:azov", "Belgorod")]
    [True, True, True, True, False]
    """
    return type(value) is str and REGION_ID.fullmatch(value) is not None


class RegionKind(Enum):
    """What sort of place a region is."""

    COUNTRY = "country"
    """A state (ISO 3166-1)."""
    SUBDIVISION = "subdivision"
    """A first-level subdivision: an oblast, krai, republic (ISO 3166-2)."""
    CITY = "city"
    """A city, including one with the status of a subdivision (Kyiv, Sevastopol)."""
    TOWN = "town"
    """A town: Primorsko-Akhtarsk, Millerovo."""
    SETTLEMENT = "settlement"
    """A village or other small settlement: Chauda."""
    DISTRICT = "district"
    """A second-level division (a raion) or a district of a city."""
    AIRFIELD = "airfield"
    """An airfield or air base: Shatalovo, Engels."""
    SEA = "sea"
    """A sea or other water area."""
    AREA = "area"
    """Any other named area: a front sector, a border zone."""
    OTHER = "other"


class PlacePrecision(Enum):
    """How precisely a claim's places locate it, after UCDP GED's ``where_prec`` (1-7).

    >>> PlacePrecision.from_ucdp(4), PlacePrecision.PROVINCE.ucdp
    (<PlacePrecision.PROVINCE: 'province'>, 4)
    """

    EXACT = "exact"
    """1: the exact place (a town, a village, an airfield) is known."""
    NEAR = "near"
    """2: within about 25 km of a known place, or a part of a named area."""
    DISTRICT = "district"
    """3: only the second-level division (a raion) is known."""
    PROVINCE = "province"
    """4: only the first-level division (an oblast) is known."""
    LINEAR = "linear"
    """5: along a line, a border or a road, between places; or a larger area than a province."""
    COUNTRY = "country"
    """6: only the country is known."""
    INTERNATIONAL = "international"
    """7: international waters or airspace, or an area larger than a country."""

    @property
    def ucdp(self) -> int:
        """The UCDP GED ``where_prec`` code, 1 (exact) to 7 (international)."""
        return _UCDP_CODES[self]

    @classmethod
    def from_ucdp(cls, code: int) -> PlacePrecision:
        """The precision of UCDP GED ``where_prec`` ``code`` (1-7); anything else is an error.

        >>> PlacePrecision.from_ucdp(1)
        <PlacePrecision.EXACT: 'exact'>
        """
        if type(code) is int and 1 <= code <= len(_BY_UCDP):
            return _BY_UCDP[code - 1]
        raise ValueError(f"expected a UCDP where_prec code 1-7, got {describe(code)}")


_BY_UCDP: tuple[PlacePrecision, ...] = tuple(PlacePrecision)
_UCDP_CODES: dict[PlacePrecision, int] = {p: i for i, p in enumerate(_BY_UCDP, start=1)}


def _is_degrees(value: object, limit: int) -> bool:
    return (type(value) is float or type(value) is int) and (
        math.isfinite(value) and -limit <= value <= limit
    )


def _point_problems(p: Point) -> list[Problem]:
    problems: list[Problem] = []
    for name, limit in (("lat", 90), ("lon", 180)):
        value = getattr(p, name)
        if not _is_degrees(value, limit):
            problems.append(
                Problem(name, f"expected degrees from -{limit} to {limit}, got {describe(value)}")
            )
    return problems


@attrs.frozen(kw_only=True)
class Point(Checked):
    """A point on the Earth: latitude and longitude in decimal degrees (WGS 84).

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> Point(lat=47.97, lon=33.39)
    Point(lat=47.97, lon=33.39)
    """

    lat: float
    """Latitude, -90 (south) to 90 (north)."""
    lon: float
    """Longitude, -180 (west) to 180 (east)."""

    _own_check = staticmethod(_point_problems)

    def __attrs_post_init__(self) -> None:
        if not (_is_degrees(self.lat, 90) and _is_degrees(self.lon, 180)):
            fail("Point", _point_problems(self))


def _to_region_kind(value: object) -> RegionKind:
    return coerce(RegionKind, value)


def _problems(r: Region) -> list[Problem]:
    problems: list[Problem] = []
    if not is_region_id(r.id):
        problems.append(
            Problem(
                "id",
                "expected an ISO 3166-1 code ('RU'), an ISO 3166-2 code ('RU-BEL') or a "
                f"namespaced id ('sea:azov'), got {describe(r.id)}",
            )
        )
    msg = check_id(r.name)
    if msg:
        problems.append(Problem("name", msg))
    msg = check_enum(r.kind, RegionKind)
    if msg:
        problems.append(Problem("kind", msg))
    for name in ("country", "parent"):
        value = getattr(r, name)
        if value is not None and not is_region_id(value):
            problems.append(Problem(name, f"expected a region id or null, got {describe(value)}"))
    if r.parent is not None and r.parent == r.id:
        problems.append(Problem("parent", f"a region cannot be its own parent ({r.id})"))
    if type(r.aliases) is not tuple or any(not isinstance(a, str) or not a for a in r.aliases):
        problems.append(Problem("aliases", f"expected non-empty names, got {describe(r.aliases)}"))
    msg = check_text(r.administered_by)
    if msg:
        problems.append(Problem("administered_by", msg))
    msg = check_ids(r.claimed_by)
    if msg:
        problems.append(Problem("claimed_by", msg))
    if r.point is not None and type(r.point) is not Point:
        problems.append(Problem("point", check_instance(r.point, Point) or ""))
    return problems


@attrs.frozen(kw_only=True)
class Region(Checked):
    """A place a claim is about, by a stable id.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> Region(id="RU-BEL", name="Belgorod Oblast", kind="subdivision", country="RU").kind
    <RegionKind.SUBDIVISION: 'subdivision'>
    """

    id: str
    """ISO 3166-2 (``RU-BEL``), ISO 3166-1 (``RU``) or namespaced (``sea:azov``)."""
    name: str
    """The canonical English name."""
    kind: RegionKind = attrs.field(converter=_to_region_kind)
    """Country, subdivision, city, sea area, ..."""
    country: str | None = None
    """The ISO 3166-1 code of the country the id is coded under (``UA`` for ``UA-43``)."""
    parent: str | None = None
    """The id of the enclosing region, when there is one."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Other names the region goes by, in any language and case form."""
    administered_by: str | None = None
    """The party that administers the region in fact, where that differs or is disputed."""
    claimed_by: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """The parties that claim the region, where its status is disputed."""
    point: Point | None = None
    """A point that stands for the place: its centre, or the place itself for an airfield."""

    _own_check = staticmethod(_problems)

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            fail("Region", problems)

    @property
    def disputed(self) -> bool:
        """Whether more than one party claims the region or another party administers it.

        >>> Region(id="UA-43", name="Crimea", kind="subdivision", country="UA",
        ...        administered_by="RU", claimed_by=("UA", "RU")).disputed
        True
        """
        parties = set(self.claimed_by)
        if self.administered_by is not None and self.country is not None:
            parties |= {self.administered_by, self.country}
        return len(parties) > 1
