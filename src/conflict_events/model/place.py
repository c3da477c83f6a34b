"""Places: countries, subdivisions, cities, sea areas and custom areas."""

from __future__ import annotations

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
    check_text,
    describe,
    fail,
)
from conflict_events.model._enums import coerce

__all__ = ["REGION_ID", "Region", "RegionKind", "is_region_id"]

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
    SUBDIVISION = "subdivision"
    CITY = "city"
    DISTRICT = "district"
    SEA = "sea"
    AREA = "area"
    OTHER = "other"


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
