"""CE5xx: what a claim counts against what its weapons are.

Weapons resolve against the report's own ``weapons`` table, then the built-in catalogue; an
id neither knows is CE102's business.
"""

from __future__ import annotations

from collections.abc import Iterable

from conflict_events.model import (
    Citation,
    Claim,
    ClaimKind,
    Counted,
    Quantity,
    Report,
    WeaponCategory,
    WeaponSystem,
)
from conflict_events.validate._context import Context
from conflict_events.validate._examples import in_report, wrap
from conflict_events.validate._format import Bounds, bounds_text, meets, of
from conflict_events.validate._registry import Example, Hit, rule
from conflict_events.validate._result import Severity

__all__ = ["COUNTS", "KM_PER"]

_MISSILES = frozenset({Counted.MISSILE, Counted.CRUISE_MISSILE, Counted.BALLISTIC_MISSILE})

COUNTS: dict[WeaponCategory, frozenset[Counted]] = {
    WeaponCategory.UAV: frozenset({Counted.UAV}),
    WeaponCategory.LOITERING_MUNITION: frozenset({Counted.UAV}),
    WeaponCategory.CRUISE_MISSILE: frozenset({Counted.MISSILE, Counted.CRUISE_MISSILE}),
    WeaponCategory.BALLISTIC_MISSILE: frozenset({Counted.MISSILE, Counted.BALLISTIC_MISSILE}),
    WeaponCategory.HYPERSONIC_MISSILE: _MISSILES,
    WeaponCategory.ANTI_SHIP_MISSILE: _MISSILES,
    WeaponCategory.GUIDED_MISSILE: _MISSILES | {Counted.ROCKET},
    WeaponCategory.GLIDE_BOMB: frozenset({Counted.GUIDED_BOMB}),
    WeaponCategory.MLRS: frozenset({Counted.ROCKET, Counted.MISSILE, Counted.BALLISTIC_MISSILE}),
    WeaponCategory.AIRCRAFT: frozenset({Counted.AIRCRAFT}),
    WeaponCategory.HELICOPTER: frozenset({Counted.HELICOPTER}),
    WeaponCategory.BALLOON: frozenset({Counted.BALLOON}),
    WeaponCategory.UNCREWED_SURFACE_VESSEL: frozenset({Counted.BOAT}),
}
"""What a claim may count when it names a weapon of each category (CE501).

Categories left out (artillery, air defence, other) are not checked, nor are counted objects
that are effects rather than weapons (people, buildings, vehicles, other).
"""

_CHECKED = frozenset().union(*COUNTS.values())

_PLURAL = {Counted.UAV: "drones", Counted.GUIDED_BOMB: "guided bombs"}

KM_PER: dict[str, float] = {"km": 1.0, "m": 0.001, "mi": 1.609344, "nmi": 1.852}
"""Distance units a capability claim may use, in kilometres (CE502)."""


def _in_km(b: Bounds, unit: str) -> Bounds:
    factor = KM_PER[unit]
    if factor == 1.0:
        return b
    return (b[0] * factor, None if b[1] is None else b[1] * factor)


def _oreshnik() -> WeaponSystem:
    return WeaponSystem(
        id="oreshnik",
        name="Oreshnik",
        category=WeaponCategory.BALLISTIC_MISSILE,
        range=Quantity.between(800, 5500, unit="km"),
        range_source=Citation(title="Example citation for the docs"),
    )


def _in_report(claim: Claim, weapon: WeaponSystem) -> Report:
    report = wrap(claim)
    return in_report(*report.statements, weapons=(weapon,))


def _example_counted() -> Report:
    claim = Claim(
        id="c:x",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(4),
        counted=Counted.UAV,
        weapons=("oreshnik",),
    )
    return _in_report(claim, _oreshnik())


def _example_range() -> Report:
    claim = Claim(
        id="c:range",
        kind=ClaimKind.CAPABILITY,
        quantity=Quantity.at_most(300, unit="km"),
        weapons=("oreshnik",),
    )
    return _in_report(claim, _oreshnik())


@rule(
    "CE501",
    Severity.ERROR,
    "What a claim counts agrees with the category of the weapons it names (drones are not "
    "missiles).",
    example=Example("four drones (counted uav) named as the Oreshnik missile", _example_counted),
)
def counted_matches_weapon(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A claim counting drones whose weapon is a missile, or the reverse."""
    counted = claim.counted
    if counted is None or not claim.weapons or counted not in _CHECKED:
        return ()
    hits: list[Hit] = []
    for w in claim.weapons:
        weapon = ctx.weapon(w)
        if weapon is None:
            continue
        allowed = COUNTS.get(weapon.category)
        if allowed is None or counted in allowed:
            continue
        category = weapon.category.value.replace("_", " ")
        what = _PLURAL.get(counted, counted.value.replace("_", " ") + "s")
        hits.append(
            Hit(
                path,
                f"the claim counts {what} but names {weapon.name} ({w}), a {category}.",
                (claim.id, w),
            )
        )
    return hits


@rule(
    "CE502",
    Severity.WARNING,
    "A stated range (a capability claim in km) meets the catalogue's published range.",
    example=Example("'Oreshnik, with a range of up to 300 km'", _example_range),
)
def capability_matches_catalogue(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A range claim outside the published figures for the weapon."""
    quantity = claim.quantity
    if claim.kind is not ClaimKind.CAPABILITY or quantity is None or not claim.weapons:
        return ()
    if quantity.unit not in KM_PER:
        return ()
    stated = _in_km(of(quantity), quantity.unit)
    hits: list[Hit] = []
    for w in claim.weapons:
        weapon = ctx.weapon(w)
        if weapon is None or weapon.range is None:
            continue
        published = of(weapon.range)
        if meets(stated, published):
            continue
        cited = f" ({weapon.range_source.title})" if weapon.range_source is not None else ""
        hits.append(
            Hit(
                path,
                f"the claim gives {weapon.name} a range of {quantity}, but the catalogue gives "
                f"{bounds_text(published, 'km')}{cited}.",
                (claim.id, w),
            )
        )
    return hits
