"""Terse builders for the validation tests."""

from __future__ import annotations

import importlib
from datetime import datetime
from typing import Any

import pytest

from conflict_events import (
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
from conflict_events.validation import ValidationResult, validate

MSK = "Europe/Moscow"
MOD = Source(id="src:ru-mod", name="Russian Ministry of Defence", kind=SourceKind.MINISTRY)


def drones(id: str, count: int | Quantity | None, *regions: str, **more: Any) -> Claim:
    """An interception claim counting drones."""
    quantity = Quantity.exact(count) if isinstance(count, int) else count
    return Claim(
        id=id,
        kind=more.pop("kind", ClaimKind.INTERCEPTION),
        quantity=quantity,
        counted=more.pop("counted", Counted.UAV),
        regions=regions,
        **more,
    )


def msk(start: tuple[int, ...], end: tuple[int, ...], **more: Any) -> TimeWindow:
    """A window in Moscow time from naive (year, month, day, hour[, minute]) tuples."""
    return TimeWindow.between(datetime(*start), datetime(*end), tz=MSK, **more)


def statement(id: str, *claims: Claim, **more: Any) -> Statement:
    """A bulletin of the Russian MoD."""
    return Statement(
        id=id,
        source=more.pop("source", MOD.id),
        kind=more.pop("kind", StatementKind.BULLETIN),
        claims=claims,
        **more,
    )


def report(*statements: Statement, **more: Any) -> Report:
    """A report with the MoD among its sources."""
    return Report(
        id=more.pop("id", "rep:test"),
        sources=more.pop("sources", (MOD,)),
        statements=statements,
        **more,
    )


def region(id: str, name: str, **more: Any) -> Region:
    """A region for a report's own table."""
    return Region(id=id, name=name, kind=more.pop("kind", RegionKind.SUBDIVISION), **more)


def codes(result: ValidationResult) -> list[str]:
    """The codes of the findings, in order."""
    return [f.code for f in result]


def only(obj: Any, code: str) -> ValidationResult:
    """Validate with one rule."""
    return validate(obj, select=[code])


def _catalogue(name: str) -> bool:
    try:
        module = importlib.import_module("conflict_events.reference")
    except ImportError:
        return False
    return hasattr(module, name)


needs_gazetteer = pytest.mark.skipif(
    not _catalogue("gazetteer"),
    reason="the built-in gazetteer (conflict_events.reference) is absent",
)
needs_weapons = pytest.mark.skipif(
    not _catalogue("weapons"), reason="the built-in weapons catalogue is absent"
)
