"""CE6xx: what statements say about each other.

**Retellings.** A statement whose ``retells`` names another (in the same report or any
report validated with it) is compared with the original, claim by claim: the total, the
window, the regions, and the breakdown, region by region. Parts are matched by the regions
they name, not by position, so "nine over Orel, Tambov, and Tula" in a retelling meets the
original's "9 over Oryol", "9 over Tambov" and "9 over Tula". Every difference is one
finding; they are computed once per retelling and shared by CE601-CE607.

**Same source.** Two totals of one source that count the same thing (the same kind, counted
object, unit, actor and target party, and weapons, origins and targets equal or one's a subset
of the other's)
over overlapping windows must not contradict each other (CE608). When one counts everything
the other counts (its window, regions and weapons include the other's), the only
contradiction is the larger total being smaller; when both count the same, they must be able
to be equal; when neither includes the other, any two totals can be right. A window with
approximate bounds (filled in by a convention) is nested in no other and holds no other: it is
compared only with the same window. Claims of grain
``event`` (one event among many) are never compared as totals, and retellings are left to
CE601. A statement that a later one supersedes or retracts is no longer compared, and a
correction is not compared with what it corrects.

**Revisions.** A statement that ``supersedes`` or ``corrects`` another (found among the reports
validated together) is compared with it claim by claim (the same claim id, else the same kind,
counted object, outcome and weapons): CE609-CE611 say what changed in totals, outcomes and
windows, with both values; they are information, since a revision is meant to change
things. A revision names a statement of its own source (CE612); one that names a statement
found nowhere is CE105's.

CE608's candidates are found with a sweep over windows sorted by start, so the cost grows with
the overlapping pairs, not with every pair.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import NamedTuple

from conflict_events.model import (
    REVISION_FIELDS,
    Claim,
    Distribution,
    Grain,
    Interval,
    Modality,
    Outcome,
    Quantity,
    Report,
    Statement,
    TimeWindow,
)
from conflict_events.validation._context import Context
from conflict_events.validation._examples import statements as examples
from conflict_events.validation._format import bounds_text, join, moment
from conflict_events.validation._registry import Hit, Scope, rule
from conflict_events.validation._result import Severity

__all__ = ["retelling_differences"]

SINGLE, EACH, TOTAL, UNKNOWN = "single", "each", "total", "unknown"


class _Item(NamedTuple):
    """One part of a breakdown, as a retelling comparison sees it."""

    claim: Claim
    path: str
    regions: tuple[str, ...]
    mode: str
    """``single`` (one region or none), ``each``, ``total`` or ``unknown``."""
    amount: Interval
    """The part's own stated bounds (per region for ``each``)."""

    @property
    def definite(self) -> bool:
        """Whether the amount for each of its regions is known."""
        return self.mode in (SINGLE, EACH)


def _mode(claim: Claim) -> str:
    if len(claim.regions) <= 1:
        return SINGLE
    if claim.distribution is Distribution.EACH:
        return EACH
    if claim.distribution is Distribution.UNKNOWN:
        return UNKNOWN
    return TOTAL


def _items(claim: Claim, path: str) -> list[_Item]:
    prefix = f"{path}.parts" if path else "parts"
    return [
        _Item(p, f"{prefix}[{i}]", p.regions, _mode(p), Interval.of(p.quantity))
        for i, p in enumerate(claim.parts)
    ]


def _same(a: Interval, b: Interval) -> bool:
    return a.meets(b)


class _Diff:
    """Collects the differences between a retelling and its original."""

    def __init__(self, ctx: Context, statement: Statement, original: Statement) -> None:
        self.ctx = ctx
        self.ids = (statement.id, original.id)
        self.found: list[Hit] = []

    # -- wording -------------------------------------------------------------------------

    def names(self, regions: Iterable[str]) -> str:
        return join(self.ctx.region_name(r) for r in regions)

    def amount(self, item: _Item, regions: Sequence[str] | None = None) -> str:
        text = bounds_text(item.amount)
        if item.mode == EACH:
            return f"{text} each"
        if item.mode == TOTAL and len(regions or item.regions) > 1:
            return f"{text} in all"
        return text

    def said(self, item: _Item) -> str:
        if item.claim.quote:
            return f"'{item.claim.quote}'"
        return f"{bounds_text(item.amount)} over {self.names(item.regions)}"

    def add(self, code: str, path: str, message: str, *ids: str) -> None:
        self.found.append(Hit(path, message, (*self.ids, *ids), code=code))

    # -- claims --------------------------------------------------------------------------

    def statements(self, retelling: Statement, path: str, original: Statement) -> None:
        prefix = f"{path}.claims" if path else "claims"
        used: set[int] = set()
        for i, claim in enumerate(retelling.claims):
            j = self.match(claim, original.claims, used)
            at = f"{prefix}[{i}]"
            if j is None:
                self.add(
                    "CE607",
                    at,
                    f"retelling adds a claim ({self.describe(claim)}) the original does not make.",
                    claim.id,
                )
                continue
            used.add(j)
            self.claims(claim, at, original.claims[j])
        for j, claim in enumerate(original.claims):
            if j not in used:
                self.add(
                    "CE606",
                    path or "claims",
                    f"retelling omits the claim {self.describe(claim)} given in the original.",
                    claim.id,
                )

    @staticmethod
    def match(claim: Claim, candidates: Sequence[Claim], used: set[int]) -> int | None:
        fallback: int | None = None
        for j, other in enumerate(candidates):
            if j in used or other.kind is not claim.kind:
                continue
            if other.counted is claim.counted:
                return j
            if fallback is None:
                fallback = j
        return fallback

    def describe(self, claim: Claim) -> str:
        parts = [claim.kind.value]
        if claim.quantity is not None:
            parts.append(str(claim.quantity))
        if claim.counted is not None:
            parts.append(claim.counted.value.replace("_", " "))
        if claim.regions:
            parts.append(f"over {self.names(claim.regions)}")
        return " ".join(parts)

    def claims(self, claim: Claim, path: str, original: Claim) -> None:
        self.total(claim, path, original)
        self.window(claim, path, original)
        self.regions(claim, path, original)
        self.breakdown(claim, path, original)

    def total(self, claim: Claim, path: str, original: Claim) -> None:
        mine, theirs = claim.quantity, original.quantity
        if mine is None and theirs is None:
            return
        if mine is None or theirs is None:
            given = f"gives no total where the original gives {theirs}"
            if mine is not None:
                given = f"gives a total of {mine} where the original gives none"
            self.add("CE601", path, f"retelling {given}.", claim.id, original.id)
            return
        if mine.unit == theirs.unit and _same(Interval.of(mine), Interval.of(theirs)):
            return
        self.add(
            "CE601",
            path,
            f"retelling gives a total of {mine} where the original gives {theirs}.",
            claim.id,
            original.id,
        )

    def window(self, claim: Claim, path: str, original: Claim) -> None:
        mine, theirs = claim.window, original.window
        if mine is None and theirs is None:
            return
        if mine is not None and theirs is not None:
            if mine.start == theirs.start and mine.end == theirs.end:
                return
            message = (
                f"retelling's window ({_window(mine)}) differs from the original's "
                f"({_window(theirs)})."
            )
        elif theirs is not None:
            message = f"retelling gives no window where the original gives {_window(theirs)}."
        else:
            assert mine is not None  # noqa: S101 - one of the two is set
            message = f"retelling gives a window ({_window(mine)}) the original does not."
        self.add("CE602", path, message, claim.id, original.id)

    def regions(self, claim: Claim, path: str, original: Claim) -> None:
        mine, theirs = claim.regions, original.regions
        if mine and theirs and set(mine) != set(theirs):
            self.add(
                "CE603",
                path,
                f"retelling names {self.names(mine)} where the original names "
                f"{self.names(theirs)}.",
                claim.id,
                original.id,
            )
        a, b = claim.region_count, original.region_count
        if a is not None and b is not None and a != b:
            self.add(
                "CE603",
                path,
                f"retelling says {a} regions where the original says {b}.",
                claim.id,
                original.id,
            )

    # -- breakdowns ----------------------------------------------------------------------

    def breakdown(self, claim: Claim, path: str, original: Claim) -> None:
        if not claim.parts and not original.parts:
            return
        mine, theirs = _items(claim, path), _items(original, "")
        self.unplaced(claim, path, mine, theirs)
        mine_at = _where(mine)
        theirs_at = _where(theirs)
        for item in theirs:
            missing = [r for r in item.regions if r not in mine_at]
            if missing:
                self.omitted(path, item, missing)
        for item in mine:
            extra = [r for r in item.regions if r not in theirs_at]
            if extra:
                names = self.names(extra)
                part_of = len(extra) < len(item.regions) and not item.definite
                amount = (
                    f"as part of {self.said(item)}" if part_of else f"({self.amount(item, extra)})"
                )
                self.add(
                    "CE607",
                    item.path,
                    f"retelling adds {names} {amount}, which the original does not give.",
                    item.claim.id,
                    *extra,
                )
        for group in _components(mine, theirs, mine_at, theirs_at):
            self.component(*group)

    def unplaced(self, claim: Claim, path: str, mine: list[_Item], theirs: list[_Item]) -> None:
        """Parts that name no region: matched in order, compared by amount."""
        a = [i for i in mine if not i.regions]
        b = [i for i in theirs if not i.regions]
        for x, y in zip(a, b, strict=False):
            if not _same(x.amount, y.amount):
                self.add(
                    "CE604",
                    x.path,
                    f"retelling gives {bounds_text(x.amount)} for a part naming no region where "
                    f"the original gives {bounds_text(y.amount)}.",
                    x.claim.id,
                    y.claim.id,
                )
        for y in b[len(a) :]:
            self.add(
                "CE606",
                path,
                f"retelling omits a part of {bounds_text(y.amount)} naming no region, given in "
                "the original.",
                y.claim.id,
            )
        for x in a[len(b) :]:
            self.add(
                "CE607",
                x.path,
                f"retelling adds a part of {bounds_text(x.amount)} naming no region, which the "
                "original does not give.",
                x.claim.id,
            )

    def omitted(self, path: str, item: _Item, missing: list[str]) -> None:
        names = self.names(missing)
        if item.mode == EACH and len(missing) == 1:
            amount = f"({bounds_text(item.amount)})"
        elif len(missing) == len(item.regions) or item.definite:
            amount = f"({self.amount(item, missing)})"
        else:
            amount = f"(part of {self.said(item)})"
        self.add(
            "CE606",
            path,
            f"retelling omits {names} {amount} given in the original.",
            item.claim.id,
            *missing,
        )

    def component(self, mine: list[_Item], theirs: list[_Item], shared: list[str]) -> None:
        if all(i.definite for i in mine) and all(i.definite for i in theirs):
            self.per_region(mine, theirs, shared)
        elif len(mine) == 1 and len(theirs) == 1:
            self.pair(mine[0], theirs[0])
        elif len(mine) == 1 and all(i.definite for i in theirs):
            self.grouped(mine[0], theirs, shared, retelling_groups=True)
        elif len(theirs) == 1 and all(i.definite for i in mine):
            self.grouped(theirs[0], mine, shared, retelling_groups=False)
        else:
            first = mine[0]
            self.add(
                "CE605",
                first.path,
                f"retelling groups {self.names(shared)} differently from the original "
                f"({join(self.said(i) for i in mine)} against "
                f"{join(self.said(i) for i in theirs)}).",
                *(i.claim.id for i in (*mine, *theirs)),
            )

    def per_region(self, mine: list[_Item], theirs: list[_Item], shared: list[str]) -> None:
        mine_at, theirs_at = _where(mine), _where(theirs)
        for r in shared:
            x, y = mine_at[r], theirs_at[r]
            if not _same(x.amount, y.amount):
                self.add(
                    "CE604",
                    x.path,
                    f"retelling gives {bounds_text(x.amount)} over {self.names([r])} where the "
                    f"original gives {bounds_text(y.amount)}.",
                    x.claim.id,
                    y.claim.id,
                    r,
                )
            elif x.mode == SINGLE and y.mode == SINGLE and x.regions and y.regions:
                self.breakdown(x.claim, x.path, y.claim)

    def pair(self, x: _Item, y: _Item) -> None:
        """One part each side over the same regions (at least one of them a group)."""
        if not _same(x.amount, y.amount):
            self.add(
                "CE604",
                x.path,
                f"retelling gives {self.amount(x)} over {self.names(x.regions)} where the "
                f"original gives {self.amount(y)}.",
                x.claim.id,
                y.claim.id,
            )
        if x.mode != y.mode:
            self.add(
                "CE605",
                x.path,
                f"retelling gives {self.said(x)} {_MODE[x.mode]} where the original gives "
                f"{bounds_text(y.amount)} {_MODE[y.mode]}.",
                x.claim.id,
                y.claim.id,
            )
        self.breakdown(x.claim, x.path, y.claim)

    def grouped(
        self, group: _Item, split: list[_Item], shared: list[str], *, retelling_groups: bool
    ) -> None:
        """One side counts the regions together, the other region by region."""
        at = _where(split)
        amounts = [at[r].amount for r in shared]
        listed = join(bounds_text(a) for a in amounts)
        total = Interval(0, 0)
        for a in amounts:
            total = total.plus(a)
        per_region = all(_same(a, group.amount) for a in amounts)
        in_all = _same(total, group.amount)
        names = self.names(shared)
        ids = (group.claim.id, *(i.claim.id for i in split))
        path = group.path if retelling_groups else split[0].path
        if group.mode == UNKNOWN and per_region:
            if retelling_groups:
                message = (
                    f"retelling drops 'each': {self.said(group)} where the original gives "
                    f"{bounds_text(group.amount)} for each of {names}."
                )
            else:
                message = (
                    f"retelling gives {listed} over {names} where the original leaves open "
                    f"whether {self.said(group)} is for each region."
                )
            self.add("CE605", path, message, *ids)
        elif in_all:
            if retelling_groups:
                message = (
                    f"retelling gives {self.said(group)} {_MODE[group.mode]} where the original "
                    f"gives {listed} over {names}."
                )
            else:
                message = (
                    f"retelling gives {listed} over {names} where the original gives "
                    f"{self.said(group)} {_MODE[group.mode]}."
                )
            self.add("CE605", path, message, *ids)
        elif retelling_groups:
            self.add(
                "CE604",
                path,
                f"retelling gives {self.said(group)} where the original gives {listed} over "
                f"{names} ({bounds_text(total)} in all).",
                *ids,
            )
        else:
            self.add(
                "CE604",
                path,
                f"retelling gives {listed} over {names} ({bounds_text(total)} in all) where the "
                f"original gives {self.said(group)}.",
                *ids,
            )


_MODE = {
    SINGLE: "for one region",
    EACH: "for each region",
    TOTAL: "in all",
    UNKNOWN: "without saying whether for each region or in all",
}


def _where(items: Iterable[_Item]) -> dict[str, _Item]:
    out: dict[str, _Item] = {}
    for item in items:
        for r in item.regions:
            out.setdefault(r, item)
    return out


def _components(
    mine: list[_Item], theirs: list[_Item], mine_at: dict[str, _Item], theirs_at: dict[str, _Item]
) -> Iterator[tuple[list[_Item], list[_Item], list[str]]]:
    """Groups of shared regions tied together by a part on either side (union-find)."""
    shared = [r for r in theirs_at if r in mine_at]
    parent = {r: r for r in shared}

    def find(r: str) -> str:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    for item in (*mine, *theirs):
        inside = [r for r in item.regions if r in parent]
        for r in inside[1:]:
            a, b = find(inside[0]), find(r)
            if a != b:
                parent[b] = a
    groups: dict[str, list[str]] = {}
    for r in shared:
        groups.setdefault(find(r), []).append(r)
    for regions in groups.values():
        in_group = set(regions)
        yield (
            [i for i in mine if in_group.intersection(i.regions)],
            [i for i in theirs if in_group.intersection(i.regions)],
            regions,
        )


def _window(w: TimeWindow) -> str:
    return f"{moment(w.start)} to {moment(w.end)}"


def retelling_differences(statement: Statement, path: str, ctx: Context) -> list[Hit]:
    """Every difference between a retelling and its original, each hit naming its code.

    Empty when the statement retells nothing or its original is not among the reports.
    """
    if statement.retells is None:
        return []
    located = ctx.statement(statement.retells)
    if located is None or located.statement is statement:
        return []
    diff = _Diff(ctx, statement, located.statement)
    diff.statements(statement, path, located.statement)
    return diff.found


# -- rules -------------------------------------------------------------------------------


@rule(
    "CE601",
    Severity.WARNING,
    "A retelling gives the same total as the original.",
    scope=Scope.STATEMENT,
    example=examples.CE601,
)
@rule(
    "CE602",
    Severity.WARNING,
    "A retelling gives the same window as the original.",
    scope=Scope.STATEMENT,
    example=examples.CE602,
)
@rule(
    "CE603",
    Severity.WARNING,
    "A retelling names the same regions, and the same region count, as the original.",
    scope=Scope.STATEMENT,
    example=examples.CE603,
)
@rule(
    "CE604",
    Severity.WARNING,
    "A retelling gives the same count for each region as the original.",
    scope=Scope.STATEMENT,
    example=examples.CE604,
)
@rule(
    "CE605",
    Severity.WARNING,
    "A retelling keeps the original's distribution: 'each' stays 'each', a group stays a group.",
    scope=Scope.STATEMENT,
    example=examples.CE605,
)
@rule(
    "CE606",
    Severity.WARNING,
    "A retelling omits no part (or claim) the original gives.",
    scope=Scope.STATEMENT,
    example=examples.CE606,
)
@rule(
    "CE607",
    Severity.WARNING,
    "A retelling adds no part (or claim) the original does not give.",
    scope=Scope.STATEMENT,
    example=examples.CE607,
)
def retelling_agrees(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """Totals, windows, regions, counts, groupings, omissions and additions that differ.

    One comparison of the retelling with its original decides CE601-CE607 at once.
    """
    return retelling_differences(statement, path, ctx)


class _Said(NamedTuple):
    start: datetime
    end: datetime
    approximate: bool
    regions: frozenset[str]
    weapons: frozenset[str]
    origins: frozenset[str]
    targets: frozenset[str]
    bounds: Interval
    quantity: Quantity
    claim: Claim
    statement: Statement
    path: str
    report: str | None


def _regions_of(claim: Claim) -> frozenset[str]:
    if claim.regions:
        return frozenset(claim.regions)
    return frozenset(r for part in claim.parts for r in part.regions)


def _replaced(reports: Sequence[Report]) -> set[str]:
    """The ids of statements a later one supersedes or retracts: no longer anyone's word."""
    return {
        target
        for report in reports
        for statement in report.statements
        for target in (statement.supersedes, statement.retracts)
        if target is not None
    }


def _revision_pair(a: Statement, b: Statement) -> bool:
    """Whether one of the two statements revises the other."""
    return any(getattr(a, f) == b.id or getattr(b, f) == a.id for f in REVISION_FIELDS)


def _candidates(reports: Sequence[Report]) -> dict[tuple[object, ...], list[_Said]]:
    """Asserted totals with a window and regions, grouped by what they count."""
    groups: dict[tuple[object, ...], list[_Said]] = {}
    replaced = _replaced(reports)
    for report in reports:
        for i, statement in enumerate(report.statements):
            if statement.retells is not None or statement.id in replaced:
                continue
            for j, claim in enumerate(statement.claims):
                window, quantity = claim.window, claim.quantity
                if window is None or quantity is None or claim.modality is not Modality.ASSERTED:
                    continue
                if claim.grain is Grain.EVENT:
                    continue  # one event among many is no rival total
                regions = _regions_of(claim)
                if not regions or window.start == window.end:
                    continue
                key = (
                    statement.source,
                    claim.kind,
                    claim.counted,
                    claim.outcome,
                    quantity.unit,
                    claim.actor,
                    claim.target_party,
                )
                groups.setdefault(key, []).append(
                    _Said(
                        window.start,
                        window.end,
                        window.approximate,
                        regions,
                        frozenset(claim.weapons),
                        frozenset(claim.origins),
                        frozenset(claim.targets),
                        quantity.interval,
                        quantity,
                        claim,
                        statement,
                        f"statements[{i}].claims[{j}]",
                        report.id,
                    )
                )
    return groups


def _weapons_include(outer: frozenset[str], inner: frozenset[str]) -> bool:
    """Whether what ``inner`` counts is among what ``outer`` counts (no weapons: any)."""
    return not outer or (bool(inner) and inner <= outer)


def _window_includes(outer: _Said, inner: _Said) -> bool:
    """Whether ``outer``'s window certainly includes ``inner``'s.

    Bounds a convention filled in (``approximate``) are not certain enough to nest one window
    in another: such windows are compared only with the same window.
    """
    if outer.start == inner.start and outer.end == inner.end:
        return True
    if outer.approximate or inner.approximate:
        return False
    return outer.start <= inner.start and inner.end <= outer.end


def _places_include(outer: frozenset[str], inner: frozenset[str], ctx: Context) -> bool:
    """Whether the places ``inner`` names are all in ``outer``'s (no places: anywhere)."""
    if not outer:
        return True
    return bool(inner) and all(r in outer or ctx.within(r, outer) for r in inner)


def _includes(outer: _Said, inner: _Said, ctx: Context) -> bool:
    """Whether ``outer`` counts everything ``inner`` counts.

    Its window, regions, weapons, the places launches came from (``origins``) and the places
    they were aimed at (``targets``): launches from Rostov are not among launches from Kursk.
    """
    if not _window_includes(outer, inner):
        return False
    if not _weapons_include(outer.weapons, inner.weapons):
        return False
    if not _places_include(outer.origins, inner.origins, ctx):
        return False
    if not _places_include(outer.targets, inner.targets, ctx):
        return False
    return all(r in outer.regions or ctx.within(r, outer.regions) for r in inner.regions)


def _scope(a: _Said, b: _Said) -> str:
    if a.origins != b.origins or a.targets != b.targets:
        return "window, regions, weapons and places of launch and aim"
    return "window and regions" if a.weapons == b.weapons else "window, regions and weapons"


def _contradiction(e: _Said, other: _Said, ctx: Context) -> str | None:
    """Why two totals of one source cannot both be right, or ``None`` when they can be."""
    e_in_other, other_in_e = _includes(other, e, ctx), _includes(e, other, ctx)
    source, mine, theirs, where = e.statement.source, e.quantity, other.quantity, other.statement.id
    if e_in_other and other_in_e:
        if e.bounds.meets(other.bounds):
            return None
        return (
            f"{source} claims {mine} here but {theirs} in {where} for the same {_scope(e, other)}."
        )
    if not (e_in_other or other_in_e):
        return None  # neither counts all the other counts: any two totals can be right
    outer, inner = (other, e) if e_in_other else (e, other)
    most = outer.bounds.high
    if most is None or inner.bounds.low <= most:
        return None
    than, where_to = ("more", "that include these") if e_in_other else ("less", "within these")
    return (
        f"{source} claims {mine} here, {than} than the {theirs} it claims in {where} for a "
        f"{_scope(e, other)} {where_to}."
    )


@rule(
    "CE608",
    Severity.WARNING,
    "Totals of one source for the same thing agree: a total whose window, regions and weapons "
    "include another's is not smaller.",
    scope=Scope.DATASET,
    example=examples.CE608,
)
def same_source_totals_agree(reports: Sequence[Report], ctx: Context) -> Iterator[Hit]:
    """A source contradicting itself about the total for one window, place and weapon."""
    for entries in _candidates(reports).values():
        if len(entries) < 2:
            continue
        entries.sort(key=lambda e: e.start)
        active: list[tuple[datetime, int, _Said]] = []
        for n, e in enumerate(entries):
            while active and active[0][0] <= e.start:
                heapq.heappop(active)
            for _, _, other in active:
                if other.statement is e.statement or _revision_pair(e.statement, other.statement):
                    continue
                message = _contradiction(e, other, ctx)
                if message is None:
                    continue
                yield Hit(
                    e.path,
                    message,
                    (e.claim.id, other.claim.id, e.statement.id, other.statement.id),
                    e.report,
                )
            heapq.heappush(active, (e.end, n, e))


# -- revisions ---------------------------------------------------------------------------


def _revised(statement: Statement, ctx: Context) -> list[tuple[str, Statement]]:
    """``(field, original)`` for each statement this one supersedes or corrects, when found."""
    out: list[tuple[str, Statement]] = []
    for field in ("supersedes", "corrects"):
        target: str | None = getattr(statement, field)
        if target is None:
            continue
        located = ctx.statement(target)
        if located is not None and located.statement is not statement:
            out.append((field, located.statement))
    return out


def _counterpart(claim: Claim, candidates: Sequence[Claim]) -> Claim | None:
    """The claim of the original a revised claim stands for: the same id, else the first of the
    same kind, counted object, outcome and weapons."""
    for other in candidates:
        if other.id == claim.id:
            return other
    for other in candidates:
        if (
            other.kind is claim.kind
            and other.counted is claim.counted
            and other.outcome is claim.outcome
            and set(other.weapons) == set(claim.weapons)
        ):
            return other
    return None


def _pairs(
    statement: Statement, path: str, original: Statement
) -> Iterator[tuple[str, Claim, Claim]]:
    prefix = f"{path}.claims" if path else "claims"
    for i, claim in enumerate(statement.claims):
        other = _counterpart(claim, original.claims)
        if other is not None:
            yield f"{prefix}[{i}]", claim, other


def _verb(field: str) -> str:
    return "correction" if field == "corrects" else "later version"


def _span_of(w: TimeWindow) -> str:
    return f"{moment(w.start)} – {moment(w.end)}"


def _quantity_text(q: Quantity | None) -> str:
    return "none" if q is None else str(q)


def _outcomes(claim: Claim) -> dict[object, Quantity | None]:
    return {p.outcome: p.quantity for p in claim.parts if p.outcome is not None}


def _revision_hits(
    statement: Statement, path: str, ctx: Context, change: Callable[[Claim, Claim], str | None]
) -> list[Hit]:
    """One hit for each claim of a revision whose ``change`` from its original is not ``None``."""
    hits: list[Hit] = []
    for field, original in _revised(statement, ctx):
        for at, claim, old in _pairs(statement, path, original):
            said = change(claim, old)
            if said is not None:
                message = f"the {_verb(field)} of {original.id} {said}."
                hits.append(Hit(at, message, (statement.id, original.id, claim.id, old.id)))
    return hits


def _total_change(claim: Claim, old: Claim) -> str | None:
    if claim.quantity == old.quantity:
        return None
    mine, theirs = _quantity_text(claim.quantity), _quantity_text(old.quantity)
    return f"changes the total of {old.id} from {theirs} to {mine}"


def _outcome_change(claim: Claim, old: Claim) -> str | None:
    mine, theirs = _outcomes(claim), _outcomes(old)
    changes: list[str] = []
    for outcome in Outcome:
        if outcome not in mine and outcome not in theirs:
            continue
        name = outcome.value.replace("_", " ")
        if outcome not in theirs:
            changes.append(f"adds {name} {_quantity_text(mine[outcome])}")
        elif outcome not in mine:
            changes.append(f"drops {name} {_quantity_text(theirs[outcome])}")
        elif mine[outcome] != theirs[outcome]:
            was, now = _quantity_text(theirs[outcome]), _quantity_text(mine[outcome])
            changes.append(f"changes {name} from {was} to {now}")
    return f"{join(changes)} for {old.id}" if changes else None


def _window_change(claim: Claim, old: Claim) -> str | None:
    mine, theirs = claim.window, old.window
    if mine is not None and theirs is not None:
        if mine.start == theirs.start and mine.end == theirs.end:
            return None
        return f"moves the window of {old.id} from {_span_of(theirs)} to {_span_of(mine)}"
    if theirs is not None:
        return f"drops the window of {old.id} ({_span_of(theirs)})"
    if mine is not None:
        return f"gives {old.id} a window ({_span_of(mine)})"
    return None


@rule(
    "CE609",
    Severity.INFO,
    "A correction or later version of a statement says what it changes in a total: both values.",
    scope=Scope.STATEMENT,
    example=examples.CE609,
)
def revision_changes_total(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """A total that a correction or supersession changes, old and new."""
    return _revision_hits(statement, path, ctx, _total_change)


@rule(
    "CE610",
    Severity.INFO,
    "A correction or later version of a statement says what it changes in the outcomes of a "
    "launch: both values.",
    scope=Scope.STATEMENT,
    example=examples.CE610,
)
def revision_changes_outcomes(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """An outcome (destroyed, not reached, ...) that a revision changes, adds or drops."""
    return _revision_hits(statement, path, ctx, _outcome_change)


@rule(
    "CE611",
    Severity.INFO,
    "A correction or later version of a statement says what it changes in a window: both values.",
    scope=Scope.STATEMENT,
    example=examples.CE611,
)
def revision_changes_window(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """A window that a revision moves, adds or drops."""
    return _revision_hits(statement, path, ctx, _window_change)


@rule(
    "CE612",
    Severity.WARNING,
    "A statement supersedes, corrects or retracts only statements of its own source (another "
    "source's answer is a response).",
    scope=Scope.STATEMENT,
    example=examples.CE612,
)
def revision_of_own_statement(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """A source 'correcting' what another source said."""
    hits: list[Hit] = []
    for field in REVISION_FIELDS:
        target: str | None = getattr(statement, field)
        located = None if target is None else ctx.statement(target)
        if located is None or located.statement.source == statement.source:
            continue
        other = located.statement
        message = (
            f"{statement.source} {field} {other.id}, a statement of {other.source}: a source "
            "revises only its own statements (use responds_to for an answer)."
        )
        at = f"{path}.{field}" if path else field
        hits.append(Hit(at, message, (statement.id, other.id)))
    return hits
