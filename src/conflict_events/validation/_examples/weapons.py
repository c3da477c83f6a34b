"""The examples of the CE5xx rules (weapons): a case that makes each rule fire."""

from __future__ import annotations

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
from conflict_events.validation._examples import in_report, wrap
from conflict_events.validation._registry import Example


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


CE501 = Example("four drones (counted uav) named as the Oreshnik missile", _example_counted)

CE502 = Example("'Oreshnik, with a range of up to 300 km'", _example_range)
