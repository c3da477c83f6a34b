"""Helpers for the reading tests: read a synthetic post and look at its claims."""

from __future__ import annotations

from datetime import datetime, timezone

from conflict_events import Claim, Reading, read_bulletin

POSTED = datetime(2025, 5, 4, 5, 30, tzinfo=timezone.utc)
"""08:30 Moscow time: after the night, before the morning ends."""


def read(text: str, posted: datetime = POSTED) -> Reading:
    """Read a synthetic post."""
    return read_bulletin(text, posted=posted)


def claims(text: str, posted: datetime = POSTED) -> tuple[Claim, ...]:
    """The claims of a synthetic bulletin (it must read as one)."""
    reading = read(text, posted)
    assert reading.statement is not None, reading
    return reading.statement.claims


def shape(claim: Claim) -> tuple[object, ...]:
    """A claim as (count, regions, distribution, coverage, parts) for comparing."""
    return (
        claim.quantity.value if claim.quantity is not None else None,
        claim.regions,
        claim.distribution.value if claim.distribution else None,
        claim.coverage.value if claim.coverage else None,
        [shape(p) for p in claim.parts],
    )
