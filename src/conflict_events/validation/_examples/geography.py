"""The examples of the CE4xx rules (geography): a case that makes each rule fire."""

from __future__ import annotations

from conflict_events.model import Claim, ClaimKind, Counted, Quantity
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


def _launch(id: str, count: int, **more: object) -> Claim:
    return Claim(
        id=id,
        kind=ClaimKind.LAUNCH,
        quantity=Quantity.exact(count),
        counted=Counted.UAV,
        **more,  # type: ignore[arg-type]
    )


def _example_origin_outside() -> Claim:
    return _launch(
        "c:launched",
        40,
        origins=("RU-KRS", "RU-BRY"),
        parts=(_launch("c:from-saratov", 12, origins=("RU-SAR",)),),
    )


def _example_target_outside() -> Claim:
    return _launch(
        "c:launched",
        16,
        targets=("UA-48",),
        parts=(_launch("c:at-odesa", 5, targets=("UA-51",)),),
    )


CE401 = Example("11 over the Moscow Region, including six over Kursk", wrapped(_example_outside))

CE402 = Example("two drones over Crimea (UA-43)", wrapped(_example_disputed))

CE403 = Example(
    "40 drones launched from Kursk and Bryansk, 12 of them from Saratov",
    wrapped(_example_origin_outside),
)

CE404 = Example(
    "16 drones aimed at the Mykolaiv Region, five of them at the Odesa Region",
    wrapped(_example_target_outside),
)
