"""CE4xx: where a claim says it happened.

A region lies inside another when it is the same region or the other is one of its
ancestors through ``Region.parent`` (report table first, then the gazetteer). A region
no table knows is CE101's business, so these rules say nothing about it.
"""

from __future__ import annotations

from collections.abc import Iterable

from conflict_events.model import Claim
from conflict_events.validation._context import Context
from conflict_events.validation._examples import geography as examples
from conflict_events.validation._format import join
from conflict_events.validation._registry import Hit, rule
from conflict_events.validation._result import Severity

__all__: list[str] = []


def _outside(
    claim: Claim, parent: Claim | None, path: str, ctx: Context, field: str
) -> Iterable[Hit]:
    """The part's places in ``field`` that lie outside the parent's, when the parent names any."""
    if parent is None:
        return ()
    mine: tuple[str, ...] = getattr(claim, field)
    theirs: tuple[str, ...] = getattr(parent, field)
    if not mine or not theirs:
        return ()
    outside = [r for r in mine if ctx.within(r, theirs) is False]
    if not outside:
        return ()
    names = join(f"{ctx.region_name(r)} ({r})" for r in outside)
    inside = join(ctx.region_name(r) for r in theirs)
    verb = "is" if len(outside) == 1 else "are"
    if field == "regions":
        message = (
            f"the part names {names}, which {verb} not inside its parent's regions ({inside})."
        )
    else:
        noun = field[:-1] if len(outside) == 1 else field
        message = f"the part's {noun} {names} {verb} not inside its parent's {field} ({inside})."
    return (Hit(path, message, (claim.id, *outside)),)


@rule(
    "CE401",
    Severity.WARNING,
    "A part's regions lie inside its parent claim's regions, when the parent names any.",
    example=examples.CE401,
)
def part_regions_inside_parent(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A part over a region its parent does not cover."""
    return _outside(claim, parent, path, ctx, "regions")


@rule(
    "CE403",
    Severity.WARNING,
    "A part's origins lie inside its parent claim's origins, when the parent names any.",
    example=examples.CE403,
)
def part_origins_inside_parent(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A part launched from a place its parent's launch places do not cover."""
    return _outside(claim, parent, path, ctx, "origins")


@rule(
    "CE404",
    Severity.WARNING,
    "A part's targets lie inside its parent claim's targets, when the parent names any.",
    example=examples.CE404,
)
def part_targets_inside_parent(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A part aimed at a place its parent's targets do not cover."""
    return _outside(claim, parent, path, ctx, "targets")


@rule(
    "CE402",
    Severity.INFO,
    "A claim in a disputed region says so: who administers it and who claims it.",
    example=examples.CE402,
)
def disputed_region(claim: Claim, parent: Claim | None, path: str, ctx: Context) -> Iterable[Hit]:
    """Once per claim that names a disputed region its parent did not already name."""
    if not claim.regions:
        return ()
    hits: list[Hit] = []
    for r in claim.regions:
        if parent is not None and r in parent.regions:
            continue
        region = ctx.region(r)
        if region is None or not region.disputed:
            continue
        said: list[str] = []
        if region.administered_by is not None:
            said.append(f"administered by {region.administered_by}")
        if region.claimed_by:
            said.append(f"claimed by {join(region.claimed_by)}")
        status = f": {', '.join(said)}" if said else ""
        hits.append(Hit(path, f"{region.name} ({r}) is disputed{status}.", (claim.id, r)))
    return hits
