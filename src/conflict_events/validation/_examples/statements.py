"""The examples of the CE6xx rules (statements): a case that makes each rule fire."""

from __future__ import annotations

from datetime import datetime

from conflict_events.model import (
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Outcome,
    Quantity,
    Report,
    Statement,
    StatementKind,
    TimeWindow,
)
from conflict_events.validation._examples import drones, in_report, msk
from conflict_events.validation._registry import Example


def _bulletin(
    id: str,
    total: int,
    parts: tuple[Claim, ...],
    *,
    retells: str | None = None,
    window: TimeWindow | None = None,
    **more: object,
) -> Statement:
    night = msk((2025, 10, 30, 23), (2025, 10, 31, 8), label="overnight")
    claim = Claim(
        id=f"c:{id}",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(total),
        counted=Counted.UAV,
        coverage=Coverage.COMPLETE,
        window=window or night,
        parts=parts,
        **more,  # type: ignore[arg-type]
    )
    return Statement(
        id=f"st:{id}",
        source="src:ru-mod",
        kind=StatementKind.REPORT if retells else StatementKind.BULLETIN,
        claims=(claim,),
        retells=retells,
    )


def _original() -> Statement:
    return _bulletin(
        "original",
        50,
        (
            drones("c:o-krs", 31, "RU-KRS"),
            drones("c:o-bry", 10, "RU-BRY"),
            drones("c:o-orl", 3, "RU-ORL"),
            drones("c:o-tam", 3, "RU-TAM"),
            drones("c:o-tul", 3, "RU-TUL"),
        ),
    )


def _report(*statements: Statement) -> Report:
    return in_report(*statements)


def _retold(total: int, *parts: Claim, window: TimeWindow | None = None) -> Report:
    retold = _bulletin("retold", total, parts, retells="st:original", window=window)
    return _report(_original(), retold)


def _example_total() -> Report:
    return _retold(
        40,
        drones("c:r-krs", 31, "RU-KRS"),
        drones("c:r-grp", 3, "RU-ORL", "RU-TAM", "RU-TUL", distribution=Distribution.EACH),
    )


def _example_window() -> Report:
    evening = msk((2025, 10, 31, 20), (2025, 10, 31, 23), label="evening")
    return _retold(
        50,
        drones("c:r-krs", 31, "RU-KRS"),
        drones("c:r-bry", 10, "RU-BRY"),
        drones("c:r-grp", 3, "RU-ORL", "RU-TAM", "RU-TUL", distribution=Distribution.EACH),
        window=evening,
    )


def _example_regions() -> Report:
    original = _bulletin("original", 3, (), regions=("RU-ORL", "RU-TAM", "RU-TUL"), region_count=3)
    retold = _bulletin(
        "retold", 3, (), regions=("RU-ORL", "RU-TAM"), region_count=2, retells="st:original"
    )
    return _report(original, retold)


def _example_counts() -> Report:
    return _retold(
        50,
        drones("c:r-krs", 21, "RU-KRS"),
        drones("c:r-bry", 10, "RU-BRY"),
        drones("c:r-grp", 3, "RU-ORL", "RU-TAM", "RU-TUL", distribution=Distribution.EACH),
    )


def _example_distribution() -> Report:
    return _retold(
        50,
        drones("c:r-krs", 31, "RU-KRS"),
        drones("c:r-bry", 10, "RU-BRY"),
        drones(
            "c:r-grp",
            3,
            "RU-ORL",
            "RU-TAM",
            "RU-TUL",
            distribution=Distribution.UNKNOWN,
            quote="three over Orel, Tambov, and Tula",
        ),
    )


def _example_omitted() -> Report:
    return _retold(
        50,
        drones("c:r-krs", 31, "RU-KRS"),
        drones("c:r-grp", 3, "RU-ORL", "RU-TAM", "RU-TUL", distribution=Distribution.EACH),
    )


def _example_added() -> Report:
    return _retold(
        50,
        drones("c:r-krs", 31, "RU-KRS"),
        drones("c:r-bry", 10, "RU-BRY"),
        drones("c:r-grp", 3, "RU-ORL", "RU-TAM", "RU-TUL", distribution=Distribution.EACH),
        drones("c:r-vor", 2, "RU-VOR"),
    )


def _example_same_source() -> Report:
    night = msk((2025, 10, 31, 1), (2025, 10, 31, 7), label="overnight")
    return _report(
        _original(),
        _bulletin("update", 60, (drones("c:u-krs", 60, "RU-KRS"),), window=night),
    )


def _launches(
    id: str,
    launched: int,
    destroyed: int,
    *,
    source: str = "src:ua-af",
    night: tuple[int, int] = (23, 8),
    **links: str,
) -> Report:
    """A report of one statement: ``launched`` drones, ``destroyed`` of them, over a night."""
    start, end = night
    # Local times, localised strictly in the named zone by TimeWindow.
    first = datetime(2026, 2, 6, start)  # noqa: DTZ001
    last = datetime(2026, 2, 7, end)  # noqa: DTZ001
    window = TimeWindow.between(first, last, tz="Europe/Kyiv")
    claim = Claim(
        id="c:launched",
        kind=ClaimKind.LAUNCH,
        quantity=Quantity.exact(launched),
        counted=Counted.UAV,
        weapons=("shahed-136",),
        window=window,
        parts=(
            Claim(
                id="c:destroyed",
                kind=ClaimKind.INTERCEPTION,
                outcome=Outcome.DESTROYED,
                quantity=Quantity.exact(destroyed),
                counted=Counted.UAV,
                weapons=("shahed-136",),
            ),
        ),
    )
    statement = Statement(
        id=f"st:{id}",
        source=source,
        kind=StatementKind.REPORT,
        claims=(claim,),
        **links,  # type: ignore[arg-type]
    )
    return in_report(statement, id=f"rep:{id}")


def _example_total_corrected() -> list[Report]:
    return [_launches("first", 16, 15), _launches("second", 18, 15, corrects="st:first")]


def _example_outcome_corrected() -> list[Report]:
    return [_launches("first", 2, 4), _launches("second", 2, 0, supersedes="st:first")]


def _example_window_corrected() -> list[Report]:
    return [
        _launches("first", 16, 15),
        _launches("second", 16, 15, night=(22, 8), corrects="st:first"),
    ]


def _example_other_source() -> list[Report]:
    return [
        _launches("first", 16, 15),
        _launches("second", 16, 16, source="src:ru-mod", corrects="st:first"),
    ]


CE609 = Example(
    "a correction saying 18 drones were launched where the first report said 16",
    _example_total_corrected,
)

CE610 = Example(
    "a later version saying none of two drones was destroyed where the first said four",
    _example_outcome_corrected,
)

CE611 = Example(
    "a correction moving the start of a night's launches from 23:00 to 22:00",
    _example_window_corrected,
)

CE612 = Example(
    "the Russian MoD 'correcting' a report of the Ukrainian Air Force", _example_other_source
)

CE601 = Example("a retelling of a 50-drone bulletin that says 40", _example_total)

CE602 = Example("a retelling that moves the night's interceptions to the evening", _example_window)

CE603 = Example("a retelling naming two of the original's three regions", _example_regions)

CE604 = Example("a retelling with 21 over Kursk where the original has 31", _example_counts)

CE605 = Example(
    "'three over Orel, Tambov, and Tula' where the original gives 3 for each",
    _example_distribution,
)

CE606 = Example("a retelling that drops the original's 'Bryansk 10'", _example_omitted)

CE607 = Example("a retelling that adds two drones over Voronezh", _example_added)

CE608 = Example(
    "the MoD claims 50 drones over five regions for 23:00-08:00, then 60 over Kursk alone for "
    "01:00-07:00",
    _example_same_source,
)
