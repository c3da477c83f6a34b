"""Weapons and weapon classes, with their published figures."""

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
    check_instance,
    check_text,
    describe,
    fail,
)
from conflict_events.model._enums import coerce
from conflict_events.model.quantity import Quantity

__all__ = ["SLUG", "Citation", "WeaponCategory", "WeaponSystem", "is_slug"]

SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
"""The shape of a weapon id (matched whole): ``shahed-136``, ``kh-101``."""


def is_slug(value: object) -> bool:
    """Whether ``value`` is a weapon id: lower-case words joined by ``-``, ``_`` or ``.``.

    >>> is_slug("shahed-136"), is_slug("Shahed 136")
    (True, False)
    """
    return type(value) is str and SLUG.fullmatch(value) is not None


class WeaponCategory(Enum):
    """The class of a weapon, as reports distinguish them."""

    UAV = "uav"
    LOITERING_MUNITION = "loitering_munition"
    CRUISE_MISSILE = "cruise_missile"
    BALLISTIC_MISSILE = "ballistic_missile"
    HYPERSONIC_MISSILE = "hypersonic_missile"
    ANTI_SHIP_MISSILE = "anti_ship_missile"
    GUIDED_MISSILE = "guided_missile"
    GLIDE_BOMB = "glide_bomb"
    MLRS = "mlrs"
    ARTILLERY = "artillery"
    AIR_DEFENCE = "air_defence"
    AIRCRAFT = "aircraft"
    HELICOPTER = "helicopter"
    BALLOON = "balloon"
    UNCREWED_SURFACE_VESSEL = "uncrewed_surface_vessel"
    OTHER = "other"

    @property
    def is_missile(self) -> bool:
        """Whether this is a kind of missile."""
        return self.value.endswith("_missile")

    @property
    def is_drone(self) -> bool:
        """Whether this is an uncrewed aerial vehicle or loitering munition."""
        return self in (WeaponCategory.UAV, WeaponCategory.LOITERING_MUNITION)


def _to_weapon_category(value: object) -> WeaponCategory:
    return coerce(WeaponCategory, value)


def _citation_problems(c: Citation) -> list[Problem]:
    problems = []
    msg = check_id(c.title)
    if msg:
        problems.append(Problem("title", msg))
    for name in ("url", "accessed"):
        msg = check_text(getattr(c, name))
        if msg:
            problems.append(Problem(name, msg))
    return problems


@attrs.frozen(kw_only=True)
class Citation(Checked):
    """Where a published figure comes from.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> Citation(title="Ministry briefing", url="https://example.org/b").title
    'Ministry briefing'
    """

    title: str
    """The title of the source document."""
    url: str | None = None
    """Its address."""
    accessed: str | None = None
    """When it was read (ISO date), if recorded."""

    _own_check = staticmethod(_citation_problems)

    def __attrs_post_init__(self) -> None:
        problems = _citation_problems(self)
        if problems:
            fail("Citation", problems)


def _problems(w: WeaponSystem) -> list[Problem]:
    problems: list[Problem] = []
    if not is_slug(w.id):
        problems.append(
            Problem("id", f"expected a lower-case slug such as 'shahed-136', got {describe(w.id)}")
        )
    msg = check_id(w.name)
    if msg:
        problems.append(Problem("name", msg))
    msg = check_enum(w.category, WeaponCategory)
    if msg:
        problems.append(Problem("category", msg))
    msg = check_text(w.origin)
    if msg:
        problems.append(Problem("origin", msg))
    if type(w.aliases) is not tuple or any(not isinstance(a, str) or not a for a in w.aliases):
        problems.append(Problem("aliases", f"expected non-empty names, got {describe(w.aliases)}"))
    msg = check_instance(w.range, Quantity, optional=True)
    if msg:
        problems.append(Problem("range", msg))
    elif w.range is not None and w.range.unit != "km":
        problems.append(Problem("range.unit", f"expected 'km', got {w.range.unit!r}"))
    msg = check_instance(w.range_source, Citation, optional=True)
    if msg:
        problems.append(Problem("range_source", msg))
    return problems


@attrs.frozen(kw_only=True)
class WeaponSystem(Checked):
    """A weapon or weapon class that claims count or name.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> WeaponSystem(id="oreshnik", name="Oreshnik", category="ballistic_missile",
    ...              range=Quantity.more_than(500, unit="km")).range.bounds
    (500, None)
    """

    id: str
    """A slug: ``oreshnik``, ``shahed-136``."""
    name: str
    """The common English name."""
    category: WeaponCategory = attrs.field(converter=_to_weapon_category)
    """Drone, cruise missile, ballistic missile, ..."""
    origin: str | None = None
    """Who makes it: an ISO 3166-1 code or a party name."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Other names, in any language: ``Geran-2`` for the Shahed-136."""
    range: Quantity | None = None
    """The range, in km, as its source states it."""
    range_source: Citation | None = None
    """Where the range figure comes from."""

    _own_check = staticmethod(_problems)

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            fail("WeaponSystem", problems)
