"""CE5xx: what a claim counts against what its weapons are.

Weapons resolve against the report's own ``weapons`` table, then the built-in catalogue; an
id neither knows is CE102's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from conflict_events.model import (
    Claim,
    ClaimKind,
    Counted,
    WeaponCategory,
)
from conflict_events.validation._context import Context
from conflict_events.validation._examples import weapons as examples
from conflict_events.validation._format import bounds_text
from conflict_events.validation._registry import Hit, rule
from conflict_events.validation._result import Severity

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

KM_PER: dict[str, Fraction] = {
    "km": Fraction(1),
    "m": Fraction("0.001"),
    "mi": Fraction("1.609344"),
    "nmi": Fraction("1.852"),
}
"""Distance units a capability claim may use, in kilometres, exactly (CE502)."""


@rule(
    "CE501",
    Severity.ERROR,
    "What a claim counts agrees with the category of the weapons it names (drones are not "
    "missiles).",
    example=examples.CE501,
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
    example=examples.CE502,
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
    stated = quantity.interval.times(KM_PER[quantity.unit])
    hits: list[Hit] = []
    for w in claim.weapons:
        weapon = ctx.weapon(w)
        if weapon is None or weapon.range is None:
            continue
        published = weapon.range.interval
        if stated.meets(published):
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
