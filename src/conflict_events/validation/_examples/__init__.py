"""Small reports for the rule examples: they define their own tables, so the findings the
catalogue shows read the same whatever the installed gazetteer says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from conflict_events.model import (
    Claim,
    ClaimKind,
    Counted,
    Quantity,
    Region,
    RegionKind,
    Report,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    TimeWindow,
)

__all__ = [
    "MSK",
    "REGIONS",
    "SOURCES",
    "drones",
    "in_report",
    "msk",
    "msk_at",
    "wrap",
    "wrapped",
]

MSK = "Europe/Moscow"


def _oblast(id: str, name: str) -> Region:
    return Region(id=id, name=name, kind=RegionKind.SUBDIVISION, country="RU", parent="RU")


REGIONS: tuple[Region, ...] = (
    _oblast("RU-BEL", "Belgorod"),
    _oblast("RU-BRY", "Bryansk"),
    _oblast("RU-KRS", "Kursk"),
    _oblast("RU-MOS", "Moscow Region"),
    _oblast("RU-ORL", "Oryol"),
    _oblast("RU-SAR", "Saratov"),
    _oblast("RU-TAM", "Tambov"),
    _oblast("RU-TUL", "Tula"),
    _oblast("RU-VOR", "Voronezh"),
    Region(
        id="UA-43",
        name="Crimea",
        kind=RegionKind.SUBDIVISION,
        country="UA",
        administered_by="RU",
        claimed_by=("UA", "RU"),
    ),
    Region(id="sea:black", name="Black Sea", kind=RegionKind.SEA),
    Region(id="UA-48", name="Mykolaiv", kind=RegionKind.SUBDIVISION, country="UA", parent="UA"),
    Region(id="UA-51", name="Odesa", kind=RegionKind.SUBDIVISION, country="UA", parent="UA"),
)
"""The places the examples name, with short English names."""

SOURCES = (
    Source(id="src:ru-mod", name="Russian Ministry of Defence", kind=SourceKind.MINISTRY),
    Source(id="src:ua-af", name="Ukrainian Air Force", kind=SourceKind.MILITARY),
)


def drones(id: str, count: int, *regions: str, **more: object) -> Claim:
    """An interception of ``count`` drones over ``regions``, with ``more`` fields."""
    return Claim(
        id=id,
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(count),
        counted=Counted.UAV,
        regions=regions,
        **more,  # type: ignore[arg-type]
    )


def in_report(*statements: Statement, **more: object) -> Report:
    """A report holding ``statements``, with the example tables."""
    fields: dict[str, object] = {"id": "rep:example", "regions": REGIONS, "sources": SOURCES}
    fields.update(more)
    return Report(statements=statements, **fields)  # type: ignore[arg-type]


def wrap(claim: Claim) -> Report:
    """A report with one bulletin holding ``claim``."""
    statement = Statement(
        id="st:example", source="src:ru-mod", kind=StatementKind.BULLETIN, claims=(claim,)
    )
    return in_report(statement)


def wrapped(build: Callable[[], Claim]) -> Callable[[], Report]:
    """``build`` followed by :func:`wrap`."""
    return lambda: wrap(build())


def _local(t: tuple[int, ...]) -> datetime:
    year, month, day, hour, *minute = t
    # A local time, localised strictly in the named zone by TimeWindow.
    return datetime(year, month, day, hour, minute[0] if minute else 0)  # noqa: DTZ001


def msk(start: tuple[int, ...], end: tuple[int, ...], **more: object) -> TimeWindow:
    """A window between two Moscow local times given as ``(year, month, day, hour[, minute])``."""
    return TimeWindow.between(_local(start), _local(end), tz=MSK, **more)  # type: ignore[arg-type]


def msk_at(instant: tuple[int, ...]) -> TimeWindow:
    """An instant in Moscow local time, given as ``(year, month, day, hour[, minute])``."""
    return TimeWindow.at(_local(instant), tz=MSK)
