"""CE2xx: breakdown arithmetic, on interval bounds, honouring coverage and distribution.

A claim's ``parts`` break its quantity down. Each part contributes its bounds once, or
``k`` times when its distribution is ``each`` over ``k`` regions. A part over several regions
whose distribution is ``unknown`` is read both ways: one count for the group (the *group*
reading) and the count for every region (the *per-region* reading); all such parts are read
the same way at once. A part without a quantity contributes "an unknown amount" (0 or more).
A distribution left out (``None``) reads as one count for the group. Nested parts are
subsets of their parent part and are never added to the parent's siblings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from conflict_events.model import (
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Quantity,
    Share,
)
from conflict_events.validate._context import Context
from conflict_events.validate._examples import wrapped
from conflict_events.validate._format import (
    Bounds,
    add,
    bounds_text,
    gap,
    join,
    meets,
    of,
    percent,
    said_count,
    terms,
    times,
)
from conflict_events.validate._registry import Example, Hit, rule
from conflict_events.validate._result import Severity

__all__ = ["Breakdown", "Part", "breakdown", "contribution"]

_PER_REGION = "if grouped counts are per region"


class Part(NamedTuple):
    """One part of a breakdown and what it contributes under each reading."""

    position: int
    claim: Claim
    group: Bounds
    """Its contribution when a count over several regions is one count for the group."""
    each: Bounds
    """Its contribution when such a count is the count for every region."""
    ambiguous: bool
    """Whether the two readings differ (distribution ``unknown`` over several regions)."""

    @property
    def term(self) -> str:
        """How it appears in a written sum: ``34``, ``2 × 3`` (two each over three regions)."""
        p = self.claim
        k = len(p.regions)
        if k > 1 and p.distribution is Distribution.EACH:
            return f"{bounds_text(of(p.quantity))} × {k}"
        return bounds_text(self.group)


class Breakdown(NamedTuple):
    """A claim's total against the sum of its parts, under both readings."""

    total: Bounds
    unit: str
    parts: tuple[Part, ...]
    group: Bounds
    """The sum with every ambiguous part read as one count for its group."""
    each: Bounds
    """The sum with every ambiguous part read as the count for each of its regions."""
    ambiguous: tuple[Part, ...]


def contribution(part: Claim) -> tuple[Bounds, Bounds]:
    """What a part adds to its parent's sum: ``(group reading, per-region reading)``.

    >>> nine = Claim(id="p", kind="interception", quantity=Quantity.exact(9),
    ...              regions=("RU-ORL", "RU-TAM", "RU-TUL"), distribution="unknown")
    >>> contribution(nine)
    ((9, 9), (27, 27))
    """
    b = of(part.quantity)
    k = len(part.regions)
    if k > 1:
        if part.distribution is Distribution.EACH:
            scaled = times(b, k)
            return scaled, scaled
        if part.distribution is Distribution.UNKNOWN:
            return b, times(b, k)
    return b, b


def _compute(claim: Claim) -> Breakdown | None:
    quantity = claim.quantity
    if quantity is None or not claim.parts:
        return None
    unit = quantity.unit
    group: Bounds = (0, 0)
    each: Bounds = (0, 0)
    parts: list[Part] = []
    for i, p in enumerate(claim.parts):
        pq = p.quantity
        if pq is not None and pq.unit != unit:
            return None  # CE209 reports the unit; sums across units mean nothing
        g, e = contribution(p)
        parts.append(Part(i, p, g, e, g != e))
        group = add(group, g)
        each = add(each, e)
    return Breakdown(
        total=of(quantity),
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

    >>> parts = (Claim(id="a", kind="other", quantity=Quantity.exact(34)),
    ...          Claim(id="b", kind="other", quantity=Quantity.exact(2)))
    >>> bd = breakdown(Claim(id="t", kind="other", quantity=Quantity.exact(38), parts=parts))
    >>> bd.total, bd.group
    ((38, 38), (36, 36))
    """
    global _last
    last = _last
    if last[0] is claim:
        return last[1]
    result = _compute(claim)
    _last = (claim, result)
    return result


def _fits(reading: Bounds, total: Bounds) -> bool:
    """Whether parts with these bounds can be a subset of the total."""
    return total[1] is None or reading[0] <= total[1]


def _text(b: Bounds, bd: Breakdown) -> str:
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
    return f"the {bounds_text(of(claim.quantity))} over {names}"


def _ids(claim: Claim, parts: Iterable[Part] = ()) -> tuple[str, ...]:
    return (claim.id, *(p.claim.id for p in parts))


# -- examples for the docs ---------------------------------------------------------------


def _drones(id: str, count: int, *regions: str, **more: object) -> Claim:
    return Claim(
        id=id,
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(count),
        counted=Counted.UAV,
        regions=regions,
        **more,  # type: ignore[arg-type]
    )


def _example_short() -> Claim:
    return _drones(
        "c:total",
        38,
        coverage=Coverage.COMPLETE,
        parts=(_drones("c:bel", 34, "RU-BEL"), _drones("c:vor", 2, "RU-VOR")),
    )


def _example_exceeds() -> Claim:
    return _drones(
        "c:total",
        40,
        coverage=Coverage.PARTIAL,
        parts=(_drones("c:krs", 31, "RU-KRS"), _drones("c:vor", 21, "RU-VOR")),
    )


def _grouped(distribution: Distribution = Distribution.UNKNOWN) -> Claim:
    return _drones(
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
    return _drones(
        "c:night",
        total,
        coverage=coverage,
        parts=(_drones("c:krs", 31, "RU-KRS"), _drones("c:vor", 21, "RU-VOR"), _grouped()),
    )


def _example_partial() -> Claim:
    return _night(130, Coverage.PARTIAL)


def _example_only_each() -> Claim:
    return _night(79, Coverage.COMPLETE)


def _example_only_group() -> Claim:
    return _night(61, Coverage.COMPLETE)


def _example_majority() -> Claim:
    return _drones(
        "c:night",
        130,
        coverage=Coverage.PARTIAL,
        parts=(
            _drones("c:krs", 31, "RU-KRS", share=Share.MAJORITY, quote="The majority of these, 31"),
            _drones("c:vor", 21, "RU-VOR"),
        ),
    )


def _example_largest() -> Claim:
    return _drones(
        "c:evening",
        34,
        coverage=Coverage.COMPLETE,
        parts=(
            _drones("c:bel", 9, "RU-BEL", share=Share.LARGEST),
            _drones("c:sea", 14, "sea:black"),
            _drones("c:crimea", 11, "UA-43"),
        ),
    )


def _example_region_count() -> Claim:
    return _drones(
        "c:evening",
        38,
        "RU-BEL",
        "RU-VOR",
        "UA-43",
        "RU-KRS",
        region_count=3,
    )


def _example_differs() -> Claim:
    return _drones(
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
    return _drones(
        "c:moscow",
        11,
        "RU-MOS",
        parts=(_drones("c:capital", 16, "RU-MOS", quote="including 16 flying towards Moscow"),),
    )


# -- rules -------------------------------------------------------------------------------


@rule(
    "CE201",
    Severity.ERROR,
    "The parts of a complete breakdown add up to its total (under at least one reading).",
    example=Example(
        "38 drones, all of them over Belgorod (34) and Voronezh (2)", wrapped(_example_short)
    ),
)
def complete_breakdown_adds_up(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """The parts of a complete breakdown can add up to the total."""
    if claim.coverage is not Coverage.COMPLETE:
        return ()
    bd = breakdown(claim)
    if bd is None or meets(bd.group, bd.total) or meets(bd.each, bd.total):
        return ()
    difference = _text(gap(bd.group, bd.total), bd)
    if bd.ambiguous:
        difference += f" (or {_text(gap(bd.each, bd.total), bd)})"
    message = (
        f"the parts add up to {_sum_text(bd)} but the total is {_text(bd.total, bd)}, "
        f"a difference of {difference}."
    )
    return (Hit(path, message, _ids(claim)),)


@rule(
    "CE202",
    Severity.ERROR,
    "The parts of a breakdown that is not stated complete do not add up to more than its total.",
    example=Example(
        "40 drones, including 31 over Kursk and 21 over Voronezh", wrapped(_example_exceeds)
    ),
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
        f"by {_text(gap(bd.total, bd.group), bd)}."
    )
    return (Hit(path, message, _ids(claim)),)


@rule(
    "CE203",
    Severity.INFO,
    "A partial breakdown leaves part of its total unaccounted for: how much.",
    example=Example(
        "130 drones, including 31 over Kursk, 21 over Voronezh and nine over Orel, Tambov, "
        "and Tula",
        wrapped(_example_partial),
    ),
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
    low = min(0 if r[1] is None else max(0, total_low - r[1]) for r in fitting)
    high = None if total_high is None else max(total_high - r[0] for r in fitting)
    if (high is not None and high <= 0) or (high is None and low <= 0):
        return ()
    left = _text((low, high), bd)
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
    example=Example(
        "79 drones: 31 over Kursk, 21 over Voronezh, and nine over Orel, Tambov, and Tula",
        wrapped(_example_only_each),
    ),
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
    if meets(bd.group, bd.total) or not meets(bd.each, bd.total):
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
    example=Example(
        "61 drones: 31 over Kursk, 21 over Voronezh, and nine over Orel, Tambov, and Tula",
        wrapped(_example_only_group),
    ),
)
def reconciles_only_per_group(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A breakdown that adds up (or fits) only when 'nine over A, B and C' means nine in all."""
    bd = breakdown(claim)
    if bd is None or not bd.ambiguous:
        return ()
    if claim.coverage is Coverage.COMPLETE:
        only_group = meets(bd.group, bd.total) and not meets(bd.each, bd.total)
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


def _parent_total(claim: Claim, parent: Claim | None) -> Bounds | None:
    if parent is None or parent.quantity is None:
        return None
    if claim.quantity is not None and claim.quantity.unit != parent.quantity.unit:
        return None
    return of(parent.quantity)


@rule(
    "CE206",
    Severity.WARNING,
    "A part said to be the majority is more than half of its parent's total.",
    example=Example(
        "130 drones, 'the majority of these, 31' over Kursk", wrapped(_example_majority)
    ),
)
def majority_is_more_than_half(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """'The majority of these, 31' of 130 is not a majority."""
    if claim.share is not Share.MAJORITY:
        return ()
    total = _parent_total(claim, parent)
    if total is None or total[0] <= 0:
        return ()
    _, most = contribution(claim)
    if most[1] is None or most[1] * 2 > total[0]:
        return ()
    amount, whole = bounds_text(most), bounds_text(total)
    message = f"'majority' {amount} of {whole} is {percent(most[1], total[0])}, not more than half."
    assert parent is not None  # noqa: S101 - _parent_total returned bounds
    return (Hit(path, message, (claim.id, parent.id)),)


@rule(
    "CE207",
    Severity.WARNING,
    "A part said to be the largest is not smaller than any of its siblings.",
    example=Example(
        "34 drones: 'the largest number', 9, over Belgorod; 14 over the Black Sea",
        wrapped(_example_largest),
    ),
)
def largest_is_largest(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A sibling over one region (or with a count for each region) that is certainly larger."""
    if claim.share is not Share.LARGEST or parent is None:
        return ()
    mine = of(claim.quantity)[1]
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
        low = of(sibling.quantity)[0]
        if low > mine and (bigger is None or low > of(bigger.quantity)[0]):
            bigger = sibling
    if bigger is None:
        return ()
    where = join(ctx.region_name(r) for r in bigger.regions) or bigger.id
    share = ""
    total = _parent_total(claim, parent)
    if total is not None and total[0] > 0 and total[0] == total[1]:
        share = f" ({percent(mine, total[0])} of {bounds_text(total)})"
    message = (
        f"'largest' {bounds_text(of(claim.quantity))}{share} is smaller than "
        f"{bounds_text(of(bigger.quantity))} over {where}."
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
    example=Example(
        "38 drones 'across three regions' over Belgorod, Voronezh, Crimea and Kursk",
        wrapped(_example_region_count),
    ),
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


def _differences(claim: Claim, parent: Claim) -> list[str]:
    out: list[str] = []
    if claim.kind is not parent.kind:
        out.append(f"kind ({claim.kind.value}, not {parent.kind.value})")
    mine, theirs = claim.counted, parent.counted
    if mine is not None and theirs is not None and mine is not theirs:
        out.append(f"what it counts ({mine.value}, not {theirs.value})".replace("_", " "))
    if claim.weapons and parent.weapons:
        extra = [w for w in claim.weapons if w not in parent.weapons]
        if extra:
            out.append(f"weapon ({join(extra)}, not {join(parent.weapons)})")
    if claim.actor is not None and parent.actor is not None and claim.actor != parent.actor:
        out.append(f"actor ({claim.actor}, not {parent.actor})")
    if (
        claim.target_party is not None
        and parent.target_party is not None
        and claim.target_party != parent.target_party
    ):
        out.append(f"target party ({claim.target_party}, not {parent.target_party})")
    if (
        claim.quantity is not None
        and parent.quantity is not None
        and claim.quantity.unit != parent.quantity.unit
    ):
        out.append(f"unit ({claim.quantity.unit}, not {parent.quantity.unit})")
    return out


@rule(
    "CE209",
    Severity.ERROR,
    "A part asserts the same kind of thing as its parent: kind, counted object, weapon, "
    "actor, target party and unit.",
    example=Example(
        "40 drones intercepted, including 12 cruise missiles launched", wrapped(_example_differs)
    ),
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
    example=Example(
        "11 over the Moscow Region, including 16 flying towards Moscow",
        wrapped(_example_part_exceeds),
    ),
)
def part_within_parent(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """One part alone larger than the whole."""
    total = _parent_total(claim, parent)
    if total is None or total[1] is None:
        return ()
    least, _ = contribution(claim)
    if least[0] <= total[1]:
        return ()
    amount = bounds_text(least)
    k = len(claim.regions)
    if k > 1 and claim.distribution is Distribution.EACH:
        amount += f" ({bounds_text(of(claim.quantity))} for each of {k} regions)"
    message = (
        f"the part accounts for {amount}, more than its parent's total of {bounds_text(total)}."
    )
    assert parent is not None  # noqa: S101 - _parent_total returned bounds
    return (Hit(path, message, (claim.id, parent.id)),)
