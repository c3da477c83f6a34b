"""The examples of the CE4xx rules (geography): a case that makes each rule fire."""

from __future__ import annotations

from conflict_events.model import Claim, ClaimKind, Quantity
from conflict_events.validation._examples import wrapped
from conflict_events.validation._registry import Example


def _example_outside() -> Claim:
    return Claim(
        id="c:moscow",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(11),
        regions=("RU-MOS",),
        parts=(
            Claim(
                id="c:kursk",
                kind=ClaimKind.INTERCEPTION,
                quantity=Quantity.exact(6),
                regions=("RU-KRS",),
            ),
        ),
    )


def _example_disputed() -> Claim:
    return Claim(
        id="c:crimea", kind=ClaimKind.INTERCEPTION, quantity=Quantity.exact(2), regions=("UA-43",)
    )


CE401 = Example("11 over the Moscow Region, including six over Kursk", wrapped(_example_outside))

CE402 = Example("two drones over Crimea (UA-43)", wrapped(_example_disputed))
