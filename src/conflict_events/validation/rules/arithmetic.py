"""CE2xx: breakdown arithmetic, on interval bounds, honouring coverage and distribution.

A claim's ``parts`` break its quantity down. Each part contributes its bounds once, or
``k`` times when its distribution is ``each`` over ``k`` regions. A part over several regions
whose distribution is ``unknown`` is read both ways: one count for the group (the *group*
reading) and the count for every region (the *per-region* reading); all such parts are read
the same way at once. A part without a quantity contributes "an unknown amount" (0 or more).
A distribution left out (``None``) reads as one count for the group. Nested parts are
subsets of their parent part and are never added to the parent's siblings.

**Outcomes of a launch.** A part with an ``outcome`` whose parent is a launch claim without
one is an *outcome part*: it says what became of the launched (destroyed, suppressed, not
reached, still airborne; hit or fell at locations). Outcome parts are not a breakdown of the
launched total by place or weapon, so CE201-CE205 and CE210 leave them out; CE211 and CE212
check them instead. The four outcomes that count weapons are exclusive (a weapon is destroyed,
suppressed, lost before its target or still in the air, once), so their lower bounds added
cannot exceed the launched total's upper bound (CE211). ``hit`` and ``fell`` count locations:
they are never added to weapons. A location hit takes at least one launched weapon, so the
locations hit cannot exceed the launched total (CE212); fragments of one weapon can fall at
several locations, so ``fell`` has no bound.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from conflict_events.model import (
    Claim,
    ClaimKind,
    Coverage,
    Distribution,
    Interval,
    Outcome,
    Share,
)
from conflict_events.validation._context import Context
from conflict_events.validation._examples import arithmetic as examples
from conflict_events.validation._format import (
    bounds_text,
    join,
    percent,
    said_count,
    terms,
)
from conflict_events.validation._registry import Hit, rule
from conflict_events.validation._result import Severity

__all__ = [
    "OUTCOME_KINDS",
    "Breakdown",
    "Part",
    "breakdown",
    "breakdown_parts",
    "contribution",
    "is_outcome_part",
]

_PER_REGION = "if grouped counts are per region"


class Part(NamedTuple):
    """One part of a breakdown and what it contributes under each reading."""

    position: int
    claim: Claim
    group: Interval
    """Its contribution when a count over several regions is one count for the group."""
    each: Interval
    """Its contribution when such a count is the count for every region."""
    ambiguous: bool
    """Whether the two readings differ (distribution ``unknown`` over several regions)."""

    @property
    def term(self) -> str:
        """How it appears in a written sum: ``34``, ``2 × 3`` (two each over three regions)."""
        p = self.claim
        k = len(p.regions)
        if k > 1 and p.distribution is Distribution.EACH:
            return f"{bounds_text(Interval.of(p.quantity))} × {k}"
        return bounds_text(self.group)


class Breakdown(NamedTuple):
    """A claim's total against the sum of its parts, under both readings."""

    total: Interval
    unit: str
    parts: tuple[Part, ...]
    group: Interval
    """The sum with every ambiguous part read as one count for its group."""
    each: Interval
    """The sum with every ambiguous part read as the count for each of its regions."""
    ambiguous: tuple[Part, ...]


def contribution(part: Claim) -> tuple[Interval, Interval]:
    """What a part adds to its parent's sum: ``(group reading, per-region reading)``.

    >>> from conflict_events import Claim, Quantity
    >>> nine = Claim(id="p", kind="interception", quantity=Quantity.exact(9),
    ...              regions=("RU-ORL", "RU-TAM", "RU-TUL"), distribution="unknown")
    >>> contribution(nine)
    (Interval(low=9, high=9), Interval(low=27, high=27))
    """
    b = Interval.of(part.quantity)
    k = len(part.regions)
    if k == 0 and part.distribution is Distribution.EACH:
        # "по три – над территориями …" with the regions not read: each of at least two
        at_least = Interval(low=b.times(2).low, high=None)
        return at_least, at_least
    if k > 1:
        if part.distribution is Distribution.EACH:
            scaled = b.times(k)
            return scaled, scaled
        if part.distribution is Distribution.UNKNOWN:
            return b, b.times(k)
    return b, b


def is_outcome_part(part: Claim, parent: Claim | None) -> bool:
    """Whether ``part`` says what became of its parent launch: an outcome, not a breakdown.

    >>> from conflict_events import Claim
    >>> launch = Claim(id="l", kind="launch")
    >>> is_outcome_part(Claim(id="d", kind="interception", outcome="destroyed"), launch)
    True
    """
    return (
        part.outcome is not None
        and parent is not None
        and parent.kind is ClaimKind.LAUNCH
        and parent.outcome is None
    )


def breakdown_parts(claim: Claim) -> list[tuple[int, Claim]]:
    """The parts that break the claim's total down, with their positions (no outcome parts).

    >>> from conflict_events import Claim
    >>> launch = Claim(id="l", kind="launch", parts=(
    ...     Claim(id="d", kind="launch", outcome="destroyed"), Claim(id="k", kind="launch")))
    >>> [p.id for _, p in breakdown_parts(launch)]
    ['k']
    """
    return [(i, p) for i, p in enumerate(claim.parts) if not is_outcome_part(p, claim)]


def _compute(claim: Claim) -> Breakdown | None:
    quantity = claim.quantity
    if quantity is None or not claim.parts:
        return None
    unit = quantity.unit
    group = each = Interval(0, 0)
    parts: list[Part] = []
    chosen = breakdown_parts(claim)
    if not chosen:
        return None
    for i, p in chosen:
        pq = p.quantity
        if pq is not None and pq.unit != unit:
            return None  # CE209 reports the unit; sums across units mean nothing
        g, e = contribution(p)
        parts.append(Part(i, p, g, e, g != e))
        group = group.plus(g)
        each = each.plus(e)
    return Breakdown(
        total=Interval.of(quantity),
        unit=unit,
        parts=tuple(parts),
        group=group,
        each=each,
        ambiguous=tuple(p for p in parts if p.ambiguous),
    )


_last: tuple[Claim | None, Breakdown | None] = (None, None)


def breakdown(claim: Claim) -> Breakdown | None:
    """The claim's total against its parts' sums; ``None`` without parts, total or one unit.

    Rules for one claim run one after another, so the last result is kept for the next (as
    one tuple, swapped whole, so threads validating at once never mix two claims up).

    >>> from conflict_events import Claim, Quantity
    >>> parts = (Claim(id="a", kind="other", quantity=Quantity.exact(34)),
    ...          Claim(id="b", kind="other", quantity=Quantity.exact(2)))
    >>> bd = breakdown(Claim(id="t", kind="other", quantity=Quantity.exact(38), parts=parts))
    >>> bd.total, bd.group
    (Interval(low=38, high=38), Interval(low=36, high=36))
    """
    global _last
    last = _last
    if last[0] is claim:
        return last[1]
    result = _compute(claim)
    _last = (claim, result)
    return result


def _fits(reading: Interval, total: Interval) -> bool:
    """Whether parts with these bounds can be a subset of the total."""
    return total.high is None or reading.low <= total.high


def _text(b: Interval, bd: Breakdown) -> str:
    return bounds_text(b, bd.unit)


def _sum_text(bd: Breakdown, *, each_too: bool = True) -> str:
    if bd.ambiguous:
        if each_too:
            return f"{_text(bd.group, bd)} (or {_text(bd.each, bd)} {_PER_REGION})"
        return _text(bd.group, bd)
    return _text(bd.group, bd) + terms([p.term for p in bd.parts])


def _said(part: Part, ctx: Context) -> str:
    claim = part.claim
    if claim.quote:
        return f"'{claim.quote}'"
    names = join(ctx.region_name(r) for r in claim.regions)
    return f"the {bounds_text(Interval.of(claim.quantity))} over {names}"


def _ids(claim: Claim, parts: Iterable[Part] = ()) -> tuple[str, ...]:
    return (claim.id, *(p.claim.id for p in parts))


# -- rules -------------------------------------------------------------------------------


@rule(
    "CE201",
    Severity.ERROR,
    "The parts of a complete breakdown add up to its total (under at least one reading).",
    example=examples.CE201,
)
def complete_breakdown_adds_up(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """The parts of a complete breakdown can add up to the total."""
    if claim.coverage is not Coverage.COMPLETE:
        return ()
    bd = breakdown(claim)
    if bd is None or bd.group.meets(bd.total) or bd.each.meets(bd.total):
        return ()
    difference = _text(bd.group.gap(bd.total), bd)
    if bd.ambiguous:
        difference += f" (or {_text(bd.each.gap(bd.total), bd)})"
    message = (
        f"the parts add up to {_sum_text(bd)} but the total is {_text(bd.total, bd)}, "
        f"a difference of {difference}."
    )
    return (Hit(path, message, _ids(claim)),)


@rule(
    "CE202",
    Severity.ERROR,
    "The parts of a breakdown that is not stated complete do not add up to more than its total.",
    example=examples.CE202,
)
def parts_do_not_exceed_total(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """Parts never exceed the total, whatever the coverage says."""
    if claim.coverage is Coverage.COMPLETE:
        return ()
    bd = breakdown(claim)
    if bd is None or _fits(bd.group, bd.total):
        return ()
    which = (
        "the parts of the partial breakdown" if claim.coverage is Coverage.PARTIAL else "the parts"
    )
    message = (
        f"{which} add up to {_sum_text(bd)}, more than the total of {_text(bd.total, bd)} "
        f"by {_text(bd.total.gap(bd.group), bd)}."
    )
    return (Hit(path, message, _ids(claim)),)


@rule(
    "CE203",
    Severity.INFO,
    "A partial breakdown leaves part of its total unaccounted for: how much.",
    example=examples.CE203,
)
def partial_breakdown_unaccounted(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """How much of a partial breakdown's total its parts leave out."""
    if claim.coverage is not Coverage.PARTIAL:
        return ()
    bd = breakdown(claim)
    if bd is None:
        return ()
    total_low, total_high = bd.total
    readings = (bd.group, bd.each) if bd.ambiguous else (bd.group,)
    fitting = [r for r in readings if _fits(r, bd.total)]
    if not fitting:
        return ()  # CE202
    low = min(0 if r.high is None else max(0, total_low - r.high) for r in fitting)
    high = None if total_high is None else max(total_high - r.low for r in fitting)
    if (high is not None and high <= 0) or (high is None and low <= 0):
        return ()
    left = _text(Interval(low, high), bd)
    verb = "is" if (low, high) == (1, 1) else "are"
    message = (
        f"the partial breakdown of {_text(bd.total, bd)} adds up to "
        f"{_sum_text(bd, each_too=len(fitting) == 2)}, so {left} {verb} unaccounted for."
    )
    return (Hit(path, message, _ids(claim)),)


@rule(
    "CE204",
    Severity.WARNING,
    "A complete breakdown reconciles only if its unclear group counts are read as per region.",
    example=examples.CE204,
)
def reconciles_only_per_region(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A breakdown that adds up only when 'nine over A, B and C' means nine each."""
    if claim.coverage is not Coverage.COMPLETE:
        return ()
    bd = breakdown(claim)
    if bd is None or not bd.ambiguous:
        return ()
    if bd.group.meets(bd.total) or not bd.each.meets(bd.total):
        return ()
    readings = join(
        f"{_said(p, ctx)} means {said_count(p.claim.quantity, p.claim.quote)} each"
        for p in bd.ambiguous
    )
    counts = "it is one count" if len(bd.ambiguous) == 1 else "they are counts"
    message = (
        f"the breakdown of {_text(bd.total, bd)} reconciles only if {readings}: if {counts} "
        f"for the group, the parts add up to {_text(bd.group, bd)}."
    )
    return (Hit(path, message, _ids(claim, bd.ambiguous)),)


@rule(
    "CE205",
    Severity.WARNING,
    "A breakdown reconciles only if its unclear group counts are read as one count per group.",
    example=examples.CE205,
)
def reconciles_only_per_group(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A breakdown that adds up (or fits) only when 'nine over A, B and C' means nine in all."""
    bd = breakdown(claim)
    if bd is None or not bd.ambiguous:
        return ()
    if claim.coverage is Coverage.COMPLETE:
        only_group = bd.group.meets(bd.total) and not bd.each.meets(bd.total)
    else:
        only_group = _fits(bd.group, bd.total) and not _fits(bd.each, bd.total)
    if not only_group:
        return ()
    readings = join(f"{_said(p, ctx)} is one count for the group" for p in bd.ambiguous)
    counts = "it is" if len(bd.ambiguous) == 1 else "they are"
    message = (
        f"the breakdown of {_text(bd.total, bd)} reconciles only if {readings}: if {counts} "
        f"per region, the parts add up to {_text(bd.each, bd)}."
    )
    return (Hit(path, message, _ids(claim, bd.ambiguous)),)


def _parent_total(claim: Claim, parent: Claim | None) -> Interval | None:
    if parent is None or parent.quantity is None:
        return None
    if claim.quantity is not None and claim.quantity.unit != parent.quantity.unit:
        return None
    return Interval.of(parent.quantity)


@rule(
    "CE206",
    Severity.WARNING,
    "A part said to be the majority is more than half of its parent's total.",
    example=examples.CE206,
)
def majority_is_more_than_half(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """'The majority of these, 31' of 130 is not a majority."""
    if claim.share is not Share.MAJORITY:
        return ()
    total = _parent_total(claim, parent)
    if total is None or total.low <= 0:
        return ()
    _, most = contribution(claim)
    if most.high is None or most.high * 2 > total.low:
        return ()
    amount, whole = bounds_text(most), bounds_text(total)
    message = (
        f"'majority' {amount} of {whole} is {percent(most.high, total.low)}, not more than half."
    )
    assert parent is not None  # noqa: S101 - _parent_total returned bounds
    return (Hit(path, message, (claim.id, parent.id)),)


@rule(
    "CE207",
    Severity.WARNING,
    "A part said to be the largest is not smaller than any of its siblings.",
    example=examples.CE207,
)
def largest_is_largest(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A sibling over one region (or with a count for each region) that is certainly larger."""
    if claim.share is not Share.LARGEST or parent is None:
        return ()
    mine = Interval.of(claim.quantity).high
    if mine is None:
        return ()
    bigger: Claim | None = None
    for sibling in parent.parts:
        if sibling is claim or (claim.quantity is None) or sibling.quantity is None:
            continue
        if sibling.quantity.unit != claim.quantity.unit:
            continue
        if len(sibling.regions) > 1 and sibling.distribution is not Distribution.EACH:
            continue  # a group count says nothing certain about any one region
        low = Interval.of(sibling.quantity).low
        if low > mine and (bigger is None or low > Interval.of(bigger.quantity).low):
            bigger = sibling
    if bigger is None:
        return ()
    where = join(ctx.region_name(r) for r in bigger.regions) or bigger.id
    share = ""
    total = _parent_total(claim, parent)
    if total is not None and total.low > 0 and total.low == total.high:
        share = f" ({percent(mine, total.low)} of {bounds_text(total)})"
    message = (
        f"'largest' {bounds_text(Interval.of(claim.quantity))}{share} is smaller than "
        f"{bounds_text(Interval.of(bigger.quantity))} over {where}."
    )
    return (Hit(path, message, (claim.id, bigger.id)),)


def _named_regions(claim: Claim) -> dict[str, None]:
    """The regions a claim names, or when it names none, those its parts name (in order)."""
    if claim.regions:
        return dict.fromkeys(claim.regions)
    named: dict[str, None] = {}
    for part in claim.parts:
        named.update(_named_regions(part))
    return named


@rule(
    "CE208",
    Severity.WARNING,
    "A stated region count equals the number of distinct regions named (sea areas may be "
    "left out of the count; a breakdown not stated complete may name fewer).",
    example=examples.CE208,
)
def region_count_matches(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """'Across three regions' with four regions named."""
    stated = claim.region_count
    if stated is None:
        return ()
    named = _named_regions(claim)
    if not named:
        return ()
    land = [r for r in named if not ctx.is_sea(r)]
    if stated in (len(named), len(land)):
        return ()
    if claim.parts and claim.coverage is not Coverage.COMPLETE and stated > len(named):
        return ()  # "over eight regions, including ...": a partial breakdown names only some
    listed = f": {join(ctx.region_name(r) for r in named)}" if len(named) <= 10 else ""
    seas = f" ({len(land)} without sea areas)" if len(land) != len(named) else ""
    message = f"the claim says {stated} regions but names {len(named)}{seas}{listed}."
    return (Hit(path, message, (claim.id, *named)),)


OUTCOME_KINDS: dict[Outcome, frozenset[ClaimKind]] = {
    Outcome.DESTROYED: frozenset({ClaimKind.LAUNCH, ClaimKind.INTERCEPTION}),
    Outcome.SUPPRESSED: frozenset({ClaimKind.LAUNCH, ClaimKind.INTERCEPTION}),
    Outcome.NOT_REACHED: frozenset({ClaimKind.LAUNCH}),
    Outcome.AIRBORNE: frozenset({ClaimKind.LAUNCH}),
    Outcome.HIT: frozenset({ClaimKind.LAUNCH, ClaimKind.STRIKE, ClaimKind.DAMAGE}),
    Outcome.FELL: frozenset({ClaimKind.LAUNCH, ClaimKind.STRIKE, ClaimKind.DAMAGE}),
}
"""The kinds an outcome part of a launch may have: ``launch`` itself, or what the outcome is
(destroyed and suppressed are interceptions; hits and fallen fragments strikes or damage)."""


def _differences(claim: Claim, parent: Claim) -> list[str]:
    out: list[str] = []
    outcome = claim.outcome if is_outcome_part(claim, parent) else None
    if outcome is not None:
        if claim.kind not in OUTCOME_KINDS[outcome]:
            kinds = join(sorted(k.value for k in OUTCOME_KINDS[outcome]))
            out.append(f"kind ({claim.kind.value}, not {kinds} as a {outcome.value} outcome)")
    elif claim.kind is not parent.kind:
        out.append(f"kind ({claim.kind.value}, not {parent.kind.value})")
    mine_o, theirs_o = claim.outcome, parent.outcome
    if mine_o is not None and theirs_o is not None and mine_o is not theirs_o:
        out.append(f"outcome ({mine_o.value}, not {theirs_o.value})".replace("_", " "))
    mine, theirs = claim.counted, parent.counted
    if mine is not None and theirs is not None and mine is not theirs:
        out.append(f"what it counts ({mine.value}, not {theirs.value})".replace("_", " "))
    if claim.weapons and parent.weapons:
        extra = [w for w in claim.weapons if w not in parent.weapons]
        if extra:
            out.append(f"weapon ({join(extra)}, not {join(parent.weapons)})")
    if claim.other_actors or parent.other_actors:
        extra = [a for a in claim.actors if a not in parent.actors] if parent.actors else []
        if extra:
            out.append(f"actor ({join(extra)}, not {join(parent.actors)})")
    elif claim.actor is not None and parent.actor is not None and claim.actor != parent.actor:
        out.append(f"actor ({claim.actor}, not {parent.actor})")
    mine_t, theirs_t = claim.target_parties, parent.target_parties
    if mine_t and theirs_t:
        extra = [t for t in mine_t if t not in theirs_t]
        if extra:
            out.append(f"target party ({join(extra)}, not {join(theirs_t)})")
    if (
        claim.quantity is not None
        and parent.quantity is not None
        and claim.quantity.unit != parent.quantity.unit
        and (outcome is None or outcome.counts_weapons)
    ):
        out.append(f"unit ({claim.quantity.unit}, not {parent.quantity.unit})")
    return out


@rule(
    "CE209",
    Severity.ERROR,
    "A part asserts the same kind of thing as its parent: kind, counted object, outcome, "
    "weapon, actors, target parties and unit (an outcome part of a launch may be of its "
    "outcome's kind, and a count of locations).",
    example=examples.CE209,
)
def part_matches_parent(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A part of 'drones intercepted' that counts 'missiles launched'."""
    if parent is None:
        return ()
    differences = _differences(claim, parent)
    if not differences:
        return ()
    message = f"the part differs from its parent in {join(differences)}."
    return (Hit(path, message, (claim.id, parent.id)),)


@rule(
    "CE210",
    Severity.ERROR,
    "A part does not account for more than its parent's total.",
    example=examples.CE210,
)
def part_within_parent(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """One part alone larger than the whole (outcome parts are CE211's and CE212's)."""
    if is_outcome_part(claim, parent):
        return ()
    total = _parent_total(claim, parent)
    if total is None or total.high is None:
        return ()
    least, _ = contribution(claim)
    if least.low <= total.high:
        return ()
    amount = bounds_text(least)
    k = len(claim.regions)
    if k > 1 and claim.distribution is Distribution.EACH:
        amount += f" ({bounds_text(Interval.of(claim.quantity))} for each of {k} regions)"
    message = (
        f"the part accounts for {amount}, more than its parent's total of {bounds_text(total)}."
    )
    assert parent is not None  # noqa: S101 - _parent_total returned bounds
    return (Hit(path, message, (claim.id, parent.id)),)


def _outcome_parts(claim: Claim) -> list[Claim]:
    """The outcome parts of a launch claim with a total; empty for any other claim."""
    if claim.kind is not ClaimKind.LAUNCH or claim.quantity is None or claim.outcome is not None:
        return []
    unit = claim.quantity.unit
    return [
        p
        for p in claim.parts
        if p.outcome is not None
        and (p.quantity is None or p.quantity.unit == unit or not p.outcome.counts_weapons)
    ]


def _least(parts: list[Claim]) -> Interval:
    """The parts added up, each read as one count for its group (the smaller reading)."""
    least = Interval(0, 0)
    for p in parts:
        least = least.plus(contribution(p)[0])
    return least


def _outcome_term(part: Claim) -> str:
    assert part.outcome is not None  # noqa: S101 - an outcome part
    return f"{part.outcome.value.replace('_', ' ')} {bounds_text(contribution(part)[0])}"


@rule(
    "CE211",
    Severity.ERROR,
    "The outcomes of a launch that count weapons (destroyed, suppressed, not reached, "
    "airborne) together do not exceed the launched total.",
    example=examples.CE211,
)
def outcomes_within_launch(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """Destroyed 15 and not reached 11 of 16 launched: 26 outcomes for 16 weapons."""
    counted = [
        p for p in _outcome_parts(claim) if p.outcome is not None and p.outcome.counts_weapons
    ]
    if not counted:
        return ()
    assert claim.quantity is not None  # noqa: S101 - _outcome_parts needs a total
    total, least = Interval.of(claim.quantity), _least(counted)
    if total.high is None or least.low <= total.high:
        return ()
    unit = claim.quantity.unit
    over = f"the {bounds_text(total, unit)} launched by {bounds_text(total.gap(least), unit)}"
    if len(counted) == 1:
        message = f"the outcome {_outcome_term(counted[0])} is more than {over}."
    else:
        said = " + ".join(_outcome_term(p) for p in counted)
        message = f"the outcomes {said} add up to {bounds_text(least, unit)}, more than {over}."
    return (Hit(path, message, (claim.id, *(p.id for p in counted))),)


@rule(
    "CE212",
    Severity.WARNING,
    "The locations a launch hit are no more than the weapons launched: each takes at least one.",
    example=examples.CE212,
)
def hits_within_launch(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """Hits at 20 locations from 16 launched."""
    hits = [p for p in _outcome_parts(claim) if p.outcome is Outcome.HIT]
    if not hits:
        return ()
    assert claim.quantity is not None  # noqa: S101 - _outcome_parts needs a total
    total, least = Interval.of(claim.quantity), _least(hits)
    if total.high is None or least.low <= total.high:
        return ()
    message = (
        f"hits are recorded at {bounds_text(least)} locations but {bounds_text(total)} were "
        "launched, and each location hit takes at least one."
    )
    return (Hit(path, message, (claim.id, *(p.id for p in hits))),)
