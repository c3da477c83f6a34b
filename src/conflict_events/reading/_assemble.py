"""From counted items to claims: totals, parts, groups, nested parts and second totals.

The rules, in the order they apply to the items of a text:

- an item with no outcome of its own takes its sentence's verb, else the previous item's;
  one with no thing counted takes the previous item's, else the text's ("с применением БПЛА");
- an item that only counts the attack ("атаку пятью беспилотниками") or what was detected
  ("обнаружено 42") is context, not a claim;
- an item with no place followed in its sentence by one that counts another thing or outcome
  ("четыре уничтожено и еще два перехвачено над акваторией") shares that one's places;
- an item with no place opens a total; later items of the same thing with a compatible outcome
  and a place are its parts ("уничтожены 47 ... 29 БПЛА над ..., восемь - над ...");
- items with places and no total before them make one claim with parts and no stated total
  when they follow one another in a list; otherwise each is a claim;
- "всего" opens a second total; "в том числе" after a part nests in it;
  "including" before parts makes the breakdown partial.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from conflict_events.model import Counted
from conflict_events.reading._scan import Item, Sentence

__all__ = ["Group", "group_items"]

_ALLOWS = {
    "launched": {"launched"},
    "destroyed": {"destroyed", "intercepted"},
    "intercepted": {"destroyed", "intercepted"},
    "suppressed": {"suppressed"},
    "destroyed_or_suppressed": {
        "destroyed",
        "intercepted",
        "suppressed",
        "destroyed_or_suppressed",
    },
}
_MISSILES = {Counted.MISSILE, Counted.CRUISE_MISSILE, Counted.BALLISTIC_MISSILE}


@dataclass(slots=True)
class Group:
    """A claim to be: its own item (``None`` for a list without a stated total) and its parts."""

    item: Item | None
    parts: list[Group] = field(default_factory=list)
    partial: bool = False
    second_total: bool = False

    @property
    def first(self) -> Item:
        """The first item the claim was read from."""
        if self.item is not None:
            return self.item
        return self.parts[0].first

    def last(self) -> Item:
        """The last item read into the claim, parts included."""
        if self.parts:
            return self.parts[-1].last()
        return self.first


def _same_thing(a: Counted | None, b: Counted | None) -> bool:
    if a is None or b is None or a is b or a is Counted.OTHER:
        return True  # "385 засобів": a count of means of attack covers every kind
    return a in _MISSILES and b in _MISSILES


def _same(a: Item, b: Item) -> bool:
    """Whether two counts count the same things (and the same named system, if named)."""
    if a.weapon is not None and b.weapon is not None and a.weapon != b.weapon:
        return False
    return _same_thing(a.thing, b.thing)


def _compatible(total: Item, part: Item) -> bool:
    return _same(total, part) and (part.outcome or "") in _ALLOWS.get(total.outcome or "", set())


@dataclass(slots=True)
class Sorted:
    """The items of a text sorted into claims and context."""

    groups: list[Group]
    context: list[Item]
    no_outcome: list[Item]
    measures: list[Item]


def group_items(
    sentences: list[Sentence], default_thing: Counted | None, *, launches: bool = False
) -> Sorted:
    """Sort the items of a text's sentences into claim groups; see the module's rules.

    With ``launches`` (an air force's launch report), the counts of the attack itself are
    launch claims, not context; a count in brackets there ("понад 50 із них") stays context.
    """
    items: list[Item] = []
    context: list[Item] = []
    no_outcome: list[Item] = []
    measures: list[Item] = []
    last_thing = default_thing
    carry: Item | None = None  # the last count with an outcome, for lists that run on
    for s in sentences:
        previous: Item | None = None
        verbless = s.outcome is None and not any(it.outcome for it in s.items)
        for it in s.items:
            if it.measure:
                continue
            if it.outcome is None and previous is not None and previous.outcome:
                it.outcome = previous.outcome
                it.verb_span = previous.outcome_span or previous.verb_span
            if (
                it.outcome is None
                and previous is None
                and verbless
                and carry is not None
                and not it.header
                and (it.places or it.each or it.lost_place or carry.parts_follow or it.bullet)
            ):
                it.outcome = carry.outcome  # "72 БПЛА над ..., 20 – над ...": the list runs on
                it.verb_span = carry.outcome_span or carry.verb_span
            if it.thing is None:
                it.thing = (previous.thing if previous else None) or s.thing or last_thing
            if launches and it.header and not it.bracketed and it.thing is not None:
                it.header, it.outcome = False, "launched"
            previous = it
            if it.outcome not in (None, "detected") and not it.header:
                carry = it
        _fill_back(s)
        previous = None
        own_place_seen = False
        for it in s.items:
            if it.measure:
                measures.append(it)
                continue
            if it.places and not it.inherited_places:
                own_place_seen = True
            if not it.places and s.places and not s.header and not own_place_seen:
                it.places, it.places_span = s.places, s.places_span
                it.inherited_places = True
            if it.region_count is None and s.region_count is not None and previous is None:
                it.region_count = s.region_count
            previous = it
            if it.outcome is None and s.outcome == "detected":
                it.outcome = "detected"
            if it.bracketed and not it.places:
                it.header = True  # "(44 із них – реактивні)": a subset said in passing
            if it.header or it.outcome == "detected" or s.cumulative:
                context.append(it)
                continue
            if it.outcome is None or it.thing is None:
                no_outcome.append(it)
                continue
            last_thing = it.thing
            items.append(it)
    for it in items:
        if it.every and it.count is None:
            attack = next((c for c in context if c.header and c.count is not None), None)
            if attack is not None:
                it.count, it.count_span = attack.count, attack.count_span
    items = [it for it in items if it.count is not None or it.thing_span is not None]
    items = _drop_headline(items, context)
    _share_places(items)
    return Sorted(_group(items), context, no_outcome, measures)


def _drop_headline(items: list[Item], context: list[Item]) -> list[Item]:
    """A headline that repeats a count the body gives ("ЗБИТО/ПОДАВЛЕНО 134 ...") is context."""
    if not items or items[0].sentence != 0:
        return items
    first = items[0]
    again = any(
        it.count == first.count and it.outcome == first.outcome and it.sentence > 0
        for it in items[1:]
    )
    if not again:
        return items
    first.header = True
    context.append(first)
    return items[1:]


def _fill_back(s: Sentence) -> None:
    """Counts before the sentence's verb take it: "семь ракет и четыре БПЛА были уничтожены"."""
    later: tuple[str, tuple[int, int] | None] | None = None
    for it in reversed(s.items):
        if it.header:
            continue
        if it.outcome is None and later is not None:
            it.outcome, it.verb_span = later
        elif it.outcome is not None:
            later = (it.outcome, it.outcome_span or it.verb_span)


def _share_places(items: list[Item]) -> None:
    for a, b in reversed(list(itertools.pairwise(items))):
        if (
            a.sentence == b.sentence
            and not a.places
            and b.places
            and not a.parts_follow
            and not b.each
            and (b.more or not _same(a, b) or a.thing is not b.thing or a.outcome != b.outcome)
        ):
            a.places, a.places_span, a.inherited_places = b.places, b.places_span, True


def _group(items: list[Item]) -> list[Group]:
    groups: list[Group] = []
    total: Group | None = None  # a claim with a stated total, taking parts
    listing: Group | None = None  # a claim of places one after another, taking parts
    for it in items:
        if it.total:
            g = Group(it, second_total=True)
            groups.append(g)
            total, listing = (g, None) if not it.places else (None, g)
            continue
        if it.nested:
            host = _nest_host(total, listing, it)
            if host is not None:
                host.parts.append(Group(it))
                host.partial = True
                continue
            it.nested = False
            if total is not None:
                total.partial = True  # "including nine over ...": a partial breakdown
        placed = bool(it.places) or it.each or it.lost_place
        listed = (
            total is not None
            and total.first.parts_follow
            and (it.sentence == total.first.sentence or it.bullet)
        )  # "атакував 479 засобами: - 472 БпЛА; - 3 ракетами": parts with no place
        if (
            total is not None
            and _compatible(total.first, it)
            and (placed or listed)
            and _continues(total, it)
        ):
            total.parts.append(Group(it))
            if _narrower(total.first, it):
                total.partial = True  # "N перехвачены, из которых M уничтожены": a subset
            continue
        if (
            listing is not None
            and listing.first.outcome == it.outcome
            and _same(listing.first, it)
            and placed
            and (it.sentence == listing.last().sentence or not _own_verb(it))
            and not it.more
        ):
            if listing.item is not None:  # the first place becomes a part of a list
                first = Group(listing.item)
                listing.item = None
                listing.parts.append(first)
            listing.parts.append(Group(it))
            continue
        g = Group(it)
        groups.append(g)
        if placed:
            total, listing = None, g
        else:
            total, listing = g, None
    return groups


def _narrower(total: Item, part: Item) -> bool:
    """Whether a part counts a narrower outcome than its total, after "из которых".

    "Перехвачены 27, из которых 20 уничтожены в воздухе": the destroyed ones are a subset of
    the intercepted ones, so the breakdown is partial, not complete.
    """
    return (
        total.parts_follow
        and total.outcome == "intercepted"
        and part.outcome is not None
        and part.outcome != total.outcome
    )


def _continues(total: Group, it: Item) -> bool:
    """Whether a count can be a part of an open total.

    Not once the parts account for the whole total. "Еще одна ракета" in a new sentence after
    a total with no breakdown is one more, beyond the total; after a breakdown that does not
    reach its total it is the breakdown going on.
    """
    whole = total.first.count
    accounted = sum(
        (p.first.count or 0) * (max(len(p.first.places), 1) if p.first.each else 1)
        for p in total.parts
    )
    if whole is not None and total.parts and accounted >= whole:
        return False  # the breakdown is whole: what follows is something else
    if not it.more or it.sentence == total.last().sentence:
        return True
    if not total.parts or whole is None:
        return False
    return accounted < whole


def _nest_host(total: Group | None, listing: Group | None, it: Item) -> Group | None:
    """The part a "в том числе" item nests in: the last part read, in the same sentence."""
    owner = total or listing
    if owner is None or not owner.parts:
        if (
            listing is not None
            and listing.item is not None
            and listing.first.sentence == it.sentence
        ):
            return listing
        return None
    last = owner.parts[-1]
    return last if last.first.sentence == it.sentence else None


def _own_verb(it: Item) -> bool:
    return it.outcome_span is not None
