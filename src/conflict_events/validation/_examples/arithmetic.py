"""The examples of the CE2xx rules (arithmetic): a case that makes each rule fire."""

from __future__ import annotations

from conflict_events.model import (
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Outcome,
    Quantity,
    Share,
)
from conflict_events.validation._examples import drones, wrapped
from conflict_events.validation._registry import Example


def _example_short() -> Claim:
    return drones(
        "c:total",
        38,
        coverage=Coverage.COMPLETE,
        parts=(drones("c:bel", 34, "RU-BEL"), drones("c:vor", 2, "RU-VOR")),
    )


def _example_exceeds() -> Claim:
    return drones(
        "c:total",
        40,
        coverage=Coverage.PARTIAL,
        parts=(drones("c:krs", 31, "RU-KRS"), drones("c:vor", 21, "RU-VOR")),
    )


def _grouped(distribution: Distribution = Distribution.UNKNOWN) -> Claim:
    return drones(
        "c:orl-tam-tul",
        9,
        "RU-ORL",
        "RU-TAM",
        "RU-TUL",
        distribution=distribution,
        quote="nine over Orel, Tambov, and Tula",
    )


def _night(total: int, coverage: Coverage) -> Claim:
    """Kursk 31, Voronezh 21 and the unclear 'nine over Orel, Tambov, and Tula' of ``total``."""
    return drones(
        "c:night",
        total,
        coverage=coverage,
        parts=(drones("c:krs", 31, "RU-KRS"), drones("c:vor", 21, "RU-VOR"), _grouped()),
    )


def _example_partial() -> Claim:
    return _night(130, Coverage.PARTIAL)


def _example_only_each() -> Claim:
    return _night(79, Coverage.COMPLETE)


def _example_only_group() -> Claim:
    return _night(61, Coverage.COMPLETE)


def _example_majority() -> Claim:
    return drones(
        "c:night",
        130,
        coverage=Coverage.PARTIAL,
        parts=(
            drones("c:krs", 31, "RU-KRS", share=Share.MAJORITY, quote="The majority of these, 31"),
            drones("c:vor", 21, "RU-VOR"),
        ),
    )


def _example_largest() -> Claim:
    return drones(
        "c:evening",
        34,
        coverage=Coverage.COMPLETE,
        parts=(
            drones("c:bel", 9, "RU-BEL", share=Share.LARGEST),
            drones("c:sea", 14, "sea:black"),
            drones("c:crimea", 11, "UA-43"),
        ),
    )


def _example_region_count() -> Claim:
    return drones(
        "c:evening",
        38,
        "RU-BEL",
        "RU-VOR",
        "UA-43",
        "RU-KRS",
        region_count=3,
    )


def _example_differs() -> Claim:
    return drones(
        "c:night",
        40,
        coverage=Coverage.PARTIAL,
        parts=(
            Claim(
                id="c:launched",
                kind=ClaimKind.LAUNCH,
                quantity=Quantity.exact(12),
                counted=Counted.CRUISE_MISSILE,
                regions=("RU-SAR",),
            ),
        ),
    )


def _example_part_exceeds() -> Claim:
    return drones(
        "c:moscow",
        11,
        "RU-MOS",
        parts=(drones("c:capital", 16, "RU-MOS", quote="including 16 flying towards Moscow"),),
    )


def _launch(id: str, launched: int, *outcomes: tuple[str, int]) -> Claim:
    """``launched`` Shahed drones, with outcome parts ``(outcome, count)``."""
    return Claim(
        id=id,
        kind=ClaimKind.LAUNCH,
        quantity=Quantity.exact(launched),
        counted=Counted.UAV,
        weapons=("shahed-136",),
        parts=tuple(
            Claim(
                id=f"{id}:{outcome}",
                kind=ClaimKind.LAUNCH,
                outcome=Outcome(outcome),
                quantity=Quantity.exact(count),
                counted=Counted.UAV,
                weapons=("shahed-136",),
            )
            for outcome, count in outcomes
        ),
    )


def _example_outcomes() -> Claim:
    return _launch("c:launched", 16, ("destroyed", 15), ("not_reached", 11))


def _example_hits() -> Claim:
    return _launch("c:launched", 16, ("destroyed", 10), ("hit", 20))


CE201 = Example(
    "38 drones, all of them over Belgorod (34) and Voronezh (2)", wrapped(_example_short)
)

CE202 = Example(
    "40 drones, including 31 over Kursk and 21 over Voronezh", wrapped(_example_exceeds)
)

CE203 = Example(
    "130 drones, including 31 over Kursk, 21 over Voronezh and nine over Orel, Tambov, and Tula",
    wrapped(_example_partial),
)

CE204 = Example(
    "79 drones: 31 over Kursk, 21 over Voronezh, and nine over Orel, Tambov, and Tula",
    wrapped(_example_only_each),
)

CE205 = Example(
    "61 drones: 31 over Kursk, 21 over Voronezh, and nine over Orel, Tambov, and Tula",
    wrapped(_example_only_group),
)

CE206 = Example("130 drones, 'the majority of these, 31' over Kursk", wrapped(_example_majority))

CE207 = Example(
    "34 drones: 'the largest number', 9, over Belgorod; 14 over the Black Sea",
    wrapped(_example_largest),
)

CE208 = Example(
    "38 drones 'across three regions' over Belgorod, Voronezh, Crimea and Kursk",
    wrapped(_example_region_count),
)

CE209 = Example(
    "40 drones intercepted, including 12 cruise missiles launched", wrapped(_example_differs)
)

CE210 = Example(
    "11 over the Moscow Region, including 16 flying towards Moscow",
    wrapped(_example_part_exceeds),
)

CE211 = Example(
    "16 Shahed drones launched: 15 destroyed and 11 did not reach their targets",
    wrapped(_example_outcomes),
)

CE212 = Example(
    "16 Shahed drones launched: 10 destroyed, hits recorded at 20 locations",
    wrapped(_example_hits),
)
