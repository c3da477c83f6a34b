"""CE1xx: references that point nowhere, and ids used twice.

Region and weapon ids resolve against the report's own ``regions`` and ``weapons`` tables,
then the built-in catalogues (the gazetteer, which holds every ISO 3166 code, and the weapons
catalogue). Source, actor and statement ids resolve only against the reports being validated,
so they are checked only when a report is validated, not a lone claim or statement.
Duplicate ids are found in one pass with a set, never by comparing pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from conflict_events.model import (
    Claim,
    Report,
    Statement,
)
from conflict_events.validation._context import Context
from conflict_events.validation._examples import references as examples
from conflict_events.validation._registry import Hit, Scope, rule
from conflict_events.validation._result import Severity

__all__: list[str] = []


def _iso_shaped(id: str) -> bool:
    return id[:2].isupper() and (len(id) == 2 or id[2] == "-")


# -- rules -------------------------------------------------------------------------------


_PLACE_FIELDS = (("regions", "region", ""), ("origins", "origin", " (an origin)"),
                 ("targets", "target", " (a target)"))  # fmt: skip


@rule(
    "CE101",
    Severity.ERROR,
    "Every region id a claim names (regions, origins, targets) is in the report's regions or "
    "the gazetteer.",
    example=examples.CE101,
)
def region_ids_resolve(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """Region ids that no table and no catalogue knows."""
    if not (claim.regions or claim.origins or claim.targets):
        return ()
    hits: list[Hit] = []
    for field, noun, role in _PLACE_FIELDS:
        for r in getattr(claim, field):
            if ctx.region(r) is not None:
                continue
            if _iso_shaped(r):
                what = f"{r}{role} is shaped like an ISO 3166 code but is not one"
            else:
                what = f"the {noun} {r} is not in the gazetteer"
            hits.append(Hit(path, f"{what}, and the report does not define it.", (claim.id, r)))
    return hits


@rule(
    "CE102",
    Severity.ERROR,
    "Every weapon id a claim names is in the report's weapons or the weapons catalogue.",
    example=examples.CE102,
)
def weapon_ids_resolve(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """Weapon ids that no table and no catalogue knows."""
    if not claim.weapons:
        return ()
    return [
        Hit(
            path,
            f"the weapon {w} is not in the weapons catalogue, and the report does not define it.",
            (claim.id, w),
        )
        for w in claim.weapons
        if ctx.weapon(w) is None
    ]


@rule(
    "CE103",
    Severity.ERROR,
    "Every source id (statement source, relay, report publisher) is in the report's sources.",
    scope=Scope.REPORT,
    example=examples.CE103,
)
def source_ids_resolve(report: Report, ctx: Context) -> Iterator[Hit]:
    """Speakers, relays and publishers the report does not list."""
    known = ctx.sources if ctx.sources is not None else frozenset()
    if report.publisher is not None and report.publisher not in known:
        yield Hit(
            "publisher",
            f"the publisher {report.publisher} is not among the report's sources.",
            (report.publisher,),
        )
    for i, statement in enumerate(report.statements):
        if statement.source not in known:
            yield Hit(
                f"statements[{i}].source",
                f"the source {statement.source} is not among the report's sources.",
                (statement.id, statement.source),
            )
        for j, relay in enumerate(statement.via):
            if relay not in known:
                yield Hit(
                    f"statements[{i}].via[{j}]",
                    f"the relay {relay} is not among the report's sources.",
                    (statement.id, relay),
                )


@rule(
    "CE104",
    Severity.ERROR,
    "Every actor id a claim names is in the report's actors.",
    example=examples.CE104,
)
def actor_ids_resolve(claim: Claim, parent: Claim | None, path: str, ctx: Context) -> Iterable[Hit]:
    """Actors the report does not list (checked only when a report is validated)."""
    actor = claim.actor
    if actor is None or ctx.actors is None or actor in ctx.actors:
        return ()
    return (Hit(path, f"the actor {actor} is not among the report's actors.", (claim.id, actor)),)


_LINKS = (
    ("retells", "retells"),
    ("responds_to", "responds to"),
    ("supersedes", "supersedes"),
    ("corrects", "corrects"),
    ("retracts", "retracts"),
)


@rule(
    "CE105",
    Severity.ERROR,
    "A statement that retells, responds to, supersedes, corrects or retracts another names one "
    "that exists among the reports validated together.",
    scope=Scope.STATEMENT,
    example=examples.CE105,
)
def statement_links_resolve(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """``retells``, ``responds_to`` and revision links that point nowhere."""
    if ctx.index is None or all(getattr(statement, field) is None for field, _ in _LINKS):
        return ()
    hits: list[Hit] = []
    for field, verb in _LINKS:
        target: str | None = getattr(statement, field)
        if target is not None and ctx.statement(target) is None:
            hits.append(
                Hit(
                    f"{path}.{field}" if path else field,
                    f"the statement {verb} {target}, which is in none of the reports validated.",
                    (statement.id, target),
                )
            )
    return hits


def _table_ids(report: Report) -> Iterator[tuple[str, str, str]]:
    """``(what, path, id)`` for every id a report defines."""
    for field in ("sources", "actors", "regions", "weapons"):
        for i, item in enumerate(getattr(report, field)):
            yield field, f"{field}[{i}]", item.id
    for i, statement in enumerate(report.statements):
        yield "statements", f"statements[{i}]", statement.id
    for path, claim in report.claims():
        yield "claims", path, claim.id


@rule(
    "CE106",
    Severity.ERROR,
    "Ids are unique within a report: each source, actor, region, weapon, statement and claim.",
    scope=Scope.REPORT,
    example=examples.CE106,
)
def ids_unique_in_report(report: Report, ctx: Context) -> Iterator[Hit]:
    """The second and later uses of an id, each pointing back at the first."""
    first: dict[tuple[str, str], str] = {}
    for what, path, id in _table_ids(report):
        key = (what, id)
        seen = first.get(key)
        if seen is None:
            first[key] = path
        else:
            yield Hit(path, f"the {what[:-1]} id {id} is used already at {seen}.", (id,))


@rule(
    "CE107",
    Severity.ERROR,
    "Report ids and statement ids are unique across the reports validated together.",
    scope=Scope.DATASET,
    example=examples.CE107,
)
def ids_unique_in_dataset(reports: Sequence[Report], ctx: Context) -> Iterator[Hit]:
    """The same report or statement id in two reports (repeats inside one report are CE106)."""
    report_seen: dict[str, int] = {}
    statement_seen: dict[str, tuple[int, str]] = {}
    for position, report in enumerate(reports):
        earlier = report_seen.setdefault(report.id, position)
        if earlier != position:
            yield Hit(
                "id",
                f"the report id {report.id} is used already by report {earlier + 1} of "
                f"{len(reports)}.",
                (report.id,),
                report.id,
            )
        for i, statement in enumerate(report.statements):
            where = statement_seen.setdefault(statement.id, (position, report.id))
            if where[0] != position:
                yield Hit(
                    f"statements[{i}]",
                    f"the statement id {statement.id} is used already in report {where[1]}.",
                    (statement.id, where[1]),
                    report.id,
                )


@rule(
    "CE108",
    Severity.WARNING,
    "Every id a statement is about names a statement, region, weapon, actor, source or claim.",
    scope=Scope.STATEMENT,
    example=examples.CE108,
)
def about_ids_resolve(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """``about`` ids that resolve to nothing (checked only when a report is validated)."""
    report = ctx.report
    if not statement.about or report is None:
        return ()
    hits: list[Hit] = []
    claims: set[str] | None = None
    for i, id in enumerate(statement.about):
        if (
            ctx.statement(id) is not None
            or ctx.region(id) is not None
            or ctx.weapon(id) is not None
            or (ctx.actors is not None and id in ctx.actors)
            or (ctx.sources is not None and id in ctx.sources)
        ):
            continue
        if claims is None:
            claims = {c.id for _, c in report.claims()}
        if id in claims:
            continue
        at = f"{path}.about[{i}]" if path else f"about[{i}]"
        hits.append(
            Hit(at, f"the statement is about {id}, which nothing in the reports defines.", (id,))
        )
    return hits
