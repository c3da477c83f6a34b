"""Claims: single assertions of fact, with their breakdowns."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

import attrs

from conflict_events.errors import Problem
from conflict_events.model._checks import (
    Checked,
    as_tuple,
    check_all,
    check_enum,
    check_id,
    check_instance,
    check_text,
    describe,
    fail,
    is_id,
    is_text,
)
from conflict_events.model._enums import coerce, coerce_optional
from conflict_events.model.place import PlacePrecision, is_region_id
from conflict_events.model.quantity import Quantity
from conflict_events.model.time import TimeWindow
from conflict_events.model.weapon import is_slug

__all__ = [
    "Claim",
    "ClaimKind",
    "Counted",
    "Coverage",
    "Distribution",
    "Grain",
    "Modality",
    "Outcome",
    "Share",
    "Span",
]


class ClaimKind(Enum):
    """What a claim asserts."""

    INTERCEPTION = "interception"
    """Shot down, destroyed, suppressed by air defence or electronic warfare."""
    LAUNCH = "launch"
    """Launched or fired."""
    STRIKE = "strike"
    """Hit a target."""
    CASUALTIES = "casualties"
    """People killed or wounded."""
    DAMAGE = "damage"
    """Damage to buildings, infrastructure or equipment."""
    CAPABILITY = "capability"
    """A property of a weapon: "range exceeding 500 km"."""
    ATTACK = "attack"
    """An attack asserted without counts or outcome: "launched drone attacks"."""
    OTHER = "other"


class Modality(Enum):
    """How strongly the speaker commits to the claim."""

    ASSERTED = "asserted"
    DENIED = "denied"
    PROPOSED = "proposed"
    HYPOTHETICAL = "hypothetical"


class Distribution(Enum):
    """How a count given for several regions is spread over them."""

    TOTAL = "total"
    """One count for the whole group: "four more over Bryansk, Lipetsk and Oryol"."""
    EACH = "each"
    """The count for every region: "two each over Oryol and Kaluga"."""
    UNKNOWN = "unknown"
    """The text does not say: "nine over Orel, Tambov, and Tula"."""


class Grain(Enum):
    """Whether a claim's quantity totals its regions and window, or is one event among many."""

    AGGREGATE = "aggregate"
    """A total over its regions and window, as a bulletin gives: "38 drones over three
    regions this evening". Two totals of one source for overlapping places and times can
    contradict each other."""
    EVENT = "event"
    """One event among many, as a row of an event dataset (UCDP, ACLED) gives: other events in
    the same region and window add to it, so it is never compared with them as a rival total."""


class Coverage(Enum):
    """Whether a claim's parts should account for its whole total."""

    COMPLETE = "complete"
    """The parts add up to the total."""
    PARTIAL = "partial"
    """"including", "among them": the parts may add up to less."""
    UNKNOWN = "unknown"


class Share(Enum):
    """A share of the parent total the text asserts for a part."""

    MAJORITY = "majority"
    """More than half of the parent total."""
    LARGEST = "largest"
    """The largest of the parent's parts."""


class Outcome(Enum):
    """What became of what a launch claim launched: the claim is an outcome part of a launch.

    Four outcomes count weapons (:attr:`counts_weapons`): each launched weapon meets at most
    one of them, so together they cannot exceed the launched total. ``hit`` and ``fell``
    count *locations* (several weapons may hit one place; one weapon's fragments may fall at
    several), so they are never added to the weapons.

    >>> [o.value for o in Outcome if o.counts_weapons]
    ['destroyed', 'suppressed', 'not_reached', 'airborne']
    """

    DESTROYED = "destroyed"
    """Shot down or destroyed by air defence ("знищено", "збито")."""
    SUPPRESSED = "suppressed"
    """Suppressed by electronic warfare ("локаційно втрачені", "подавлено засобами РЕБ")."""
    NOT_REACHED = "not_reached"
    """Did not reach a target, for reasons not stated ("не долетіли до цілей")."""
    AIRBORNE = "airborne"
    """Still in the air when the report was written ("ще в повітрі")."""
    HIT = "hit"
    """Hits recorded at this many locations ("влучання на N локаціях")."""
    FELL = "fell"
    """Fragments fell at this many locations ("падіння уламків на M локаціях")."""

    @property
    def counts_weapons(self) -> bool:
        """Whether the outcome counts weapons (``True``) or locations (``hit``, ``fell``)."""
        return self is not Outcome.HIT and self is not Outcome.FELL


class Counted(Enum):
    """What a claim's quantity counts."""

    UAV = "uav"
    MISSILE = "missile"
    CRUISE_MISSILE = "cruise_missile"
    BALLISTIC_MISSILE = "ballistic_missile"
    GUIDED_BOMB = "guided_bomb"
    ROCKET = "rocket"
    AIRCRAFT = "aircraft"
    HELICOPTER = "helicopter"
    BOAT = "boat"
    BALLOON = "balloon"
    PERSON = "person"
    BUILDING = "building"
    VEHICLE = "vehicle"
    OTHER = "other"


def _opt_counted(value: object) -> Counted | None:
    return coerce_optional(Counted, value)


def _opt_outcome(value: object) -> Outcome | None:
    return coerce_optional(Outcome, value)


def _opt_place_precision(value: object) -> PlacePrecision | None:
    return coerce_optional(PlacePrecision, value)


def _opt_coverage(value: object) -> Coverage | None:
    return coerce_optional(Coverage, value)


def _opt_distribution(value: object) -> Distribution | None:
    return coerce_optional(Distribution, value)


def _to_grain(value: object) -> Grain:
    return coerce(Grain, value)


def _opt_share(value: object) -> Share | None:
    return coerce_optional(Share, value)


def _to_claim_kind(value: object) -> ClaimKind:
    return coerce(ClaimKind, value)


def _to_modality(value: object) -> Modality:
    return coerce(Modality, value)


def _span_problems(s: Span) -> list[Problem]:
    start, end = s.start, s.end
    if type(start) is not int or type(end) is not int or not 0 <= start < end:
        return [Problem("start", f"expected 0 <= start < end, got start={start!r}, end={end!r}")]
    return []


@attrs.frozen(kw_only=True)
class Span(Checked):
    """A half-open character range ``[start, end)`` in the source document's text.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> Span(start=0, end=5).length
    5
    """

    start: int
    """The index of the first character."""
    end: int
    """The index after the last character."""

    _own_check = staticmethod(_span_problems)

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if type(start) is not int or type(end) is not int or not 0 <= start < end:
            fail("Span", _span_problems(self))

    @property
    def length(self) -> int:
        """The number of characters covered."""
        return self.end - self.start

    def of(self, text: str) -> str:
        """The characters of ``text`` the span covers.

        >>> Span(start=4, end=9).of("The quick fox")
        'quick'
        """
        return text[self.start : self.end]


def _region_ids_problem(values: object) -> str | None:
    if type(values) is not tuple:
        return f"expected a list of region ids, got {describe(values)}"
    for i, v in enumerate(values):
        if not is_region_id(v):
            example = "such as 'RU-BEL' or 'sea:azov'"
            return f"item {i}: expected a region id {example}, got {describe(v)}"
    if len(set(values)) != len(values):
        return f"a region is named twice in {list(values)!r}"
    return None


def _weapon_ids_problem(values: object) -> str | None:
    if type(values) is not tuple:
        return f"expected a list of weapon ids, got {describe(values)}"
    for i, v in enumerate(values):
        if not is_slug(v):
            return f"item {i}: expected a weapon id such as 'shahed-136', got {describe(v)}"
    if len(set(values)) != len(values):
        return f"a weapon is named twice in {list(values)!r}"
    return None


def _others_problem(values: object, first: object, first_name: str) -> str | None:
    """The further names beside ``first``: no repeats, and only when ``first`` is given."""
    msg = _words_problem(values)
    if msg is not None or not values:
        return msg
    assert type(values) is tuple  # noqa: S101 - _words_problem checked it
    if first is None:
        return f"names {list(values)!r} but no {first_name} comes first"
    if first in values:
        return f"repeats the {first_name} {first!r}"
    return None


def _words_problem(values: object) -> str | None:
    """A list of non-empty words without repeats."""
    if type(values) is not tuple:
        return f"expected a list of words, got {describe(values)}"
    for i, v in enumerate(values):
        msg = check_text(v) if v is not None else "expected a non-empty string, got None"
        if msg:
            return f"item {i}: {msg}"
    if len(set(values)) != len(values):
        return f"a word is given twice in {list(values)!r}"
    return None


_VALID_REGION_IDS: set[str] = set()
_VALID_WEAPON_IDS: set[str] = set()
_CACHE_LIMIT = 1 << 16


def _ids_ok(values: tuple[object, ...], valid: set[str], check: Callable[[object], bool]) -> bool:
    """Every value a well-formed id (remembering the ones seen) and no repeats."""
    for v in values:
        if type(v) is not str:
            return False
        if v not in valid:
            if not check(v):
                return False
            if len(valid) < _CACHE_LIMIT:
                valid.add(v)
    return len(values) < 2 or len(set(values)) == len(values)


_optional_text = is_text


def _looks_valid(c: Claim) -> bool:
    """A fast test that implies :func:`_problems` finds nothing; ``False`` means look closer."""
    rc, cred, regions, weapons, parts = c.region_count, c.credibility, c.regions, c.weapons, c.parts
    return (
        is_id(c.id)
        and type(c.kind) is ClaimKind
        and type(c.modality) is Modality
        and (c.quantity is None or type(c.quantity) is Quantity)
        and (c.counted is None or type(c.counted) is Counted)
        and (c.distribution is None or type(c.distribution) is Distribution)
        and type(c.grain) is Grain
        and (c.coverage is None or type(c.coverage) is Coverage)
        and (c.share is None or type(c.share) is Share)
        and (c.outcome is None or type(c.outcome) is Outcome)
        and type(regions) is tuple
        and (not regions or _ids_ok(regions, _VALID_REGION_IDS, is_region_id))
        and (c.origins == () or _ids_ok(c.origins, _VALID_REGION_IDS, is_region_id))
        and (c.targets == () or _ids_ok(c.targets, _VALID_REGION_IDS, is_region_id))
        and (c.place_precision is None or type(c.place_precision) is PlacePrecision)
        and _optional_text(c.event_mode)
        and (c.other_actors == () or _others_problem(c.other_actors, c.actor, "") is None)
        and (
            c.other_target_parties == ()
            or _others_problem(c.other_target_parties, c.target_party, "") is None
        )
        and (c.context == () or _words_problem(c.context) is None)
        and type(weapons) is tuple
        and (not weapons or _ids_ok(weapons, _VALID_WEAPON_IDS, is_slug))
        and _optional_text(c.actor)
        and _optional_text(c.target_party)
        and _optional_text(c.quote)
        and _optional_text(c.note)
        and (c.window is None or type(c.window) is TimeWindow)
        and type(parts) is tuple
        and all(type(p) is Claim for p in parts)
        and (rc is None or (type(rc) is int and rc >= 1))
        and (c.span is None or type(c.span) is Span)
        and (cred is None or (type(cred) is int and 1 <= cred <= 6))
    )


def _problems(c: Claim) -> list[Problem]:
    problems: list[Problem] = []
    add = problems.append
    msg = check_id(c.id)
    if msg:
        add(Problem("id", msg))
    msg = check_enum(c.kind, ClaimKind)
    if msg:
        add(Problem("kind", msg))
    msg = check_enum(c.modality, Modality)
    if msg:
        add(Problem("modality", msg))
    msg = check_enum(c.grain, Grain)
    if msg:
        add(Problem("grain", msg))
    if c.quantity is not None and type(c.quantity) is not Quantity:
        add(Problem("quantity", check_instance(c.quantity, Quantity) or ""))
    for name, enum in (
        ("counted", Counted),
        ("outcome", Outcome),
        ("distribution", Distribution),
        ("coverage", Coverage),
        ("share", Share),
        ("place_precision", PlacePrecision),
    ):
        msg = check_enum(getattr(c, name), enum, optional=True)
        if msg:
            add(Problem(name, msg))
    msg = _weapon_ids_problem(c.weapons)
    if msg:
        add(Problem("weapons", msg))
    for name in ("regions", "origins", "targets"):
        msg = _region_ids_problem(getattr(c, name))
        if msg:
            add(Problem(name, msg))
    for name in ("actor", "target_party", "event_mode", "quote", "note"):
        msg = check_text(getattr(c, name))
        if msg:
            add(Problem(name, msg))
    for name, first in (("other_actors", "actor"), ("other_target_parties", "target_party")):
        msg = _others_problem(getattr(c, name), getattr(c, first), first)
        if msg:
            add(Problem(name, msg))
    msg = _words_problem(c.context)
    if msg:
        add(Problem("context", msg))
    if c.window is not None and type(c.window) is not TimeWindow:
        add(Problem("window", check_instance(c.window, TimeWindow) or ""))
    if c.parts:
        msg = check_all(c.parts, Claim)
        if msg:
            add(Problem("parts", msg))
    elif type(c.parts) is not tuple:
        add(Problem("parts", f"expected a list of claims, got {describe(c.parts)}"))
    rc = c.region_count
    if rc is not None and (type(rc) is not int or rc < 1):
        add(Problem("region_count", f"expected an integer >= 1, got {describe(rc)}"))
    if c.span is not None and type(c.span) is not Span:
        add(Problem("span", check_instance(c.span, Span) or ""))
    cred = c.credibility
    if cred is not None and (type(cred) is not int or not 1 <= cred <= 6):
        add(Problem("credibility", f"expected an Admiralty grade 1-6, got {describe(cred)}"))
    return problems


@attrs.frozen(kw_only=True)
class Claim(Checked):
    """One assertion of fact by a statement's speaker, with its breakdown into parts.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> total = Claim(
    ...     id="c:total", kind="interception", quantity=Quantity.exact(38), counted="uav",
    ...     regions=("RU-BEL", "RU-VOR", "UA-43"), region_count=3, coverage="complete",
    ...     parts=(
    ...         Claim(id="c:bel", kind="interception", quantity=Quantity.exact(34),
    ...               counted="uav", regions=("RU-BEL",)),
    ...     ),
    ... )
    >>> total.parts[0].quantity.value
    34
    """

    id: str
    """A stable id, unique within its report."""
    kind: ClaimKind = attrs.field(converter=_to_claim_kind)
    """What is asserted: interception, launch, strike, capability, ..."""
    modality: Modality = attrs.field(default=Modality.ASSERTED, converter=_to_modality)
    """Asserted, denied, proposed or hypothetical."""
    quantity: Quantity | None = None
    """How many, or how much (a range in km for a capability)."""
    counted: Counted | None = attrs.field(default=None, converter=_opt_counted)
    """What the quantity counts: drones, missiles, people, ..."""
    weapons: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Weapon ids; several when the text cannot tell them apart ("Kh-101/Kh-555")."""
    outcome: Outcome | None = attrs.field(default=None, converter=_opt_outcome)
    """For an outcome part of a launch: what became of the launched (destroyed, hit, ...)."""
    actor: str | None = None
    """The id of who did it (the air defence that intercepted, the force that launched)."""
    other_actors: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Further actors, after ``actor``, when a coding names several (PLOVER's sources)."""
    target_party: str | None = None
    """Whose assets or territory were targeted (``UA``, ``RU``)."""
    other_target_parties: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Further target parties, after ``target_party``, when a coding names several."""
    regions: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Region ids where it happened."""
    origins: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Region ids of where it came from: launch places (an airfield, a town, a sea area)."""
    targets: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Region ids of where it was aimed: a city, an oblast, a country."""
    place_precision: PlacePrecision | None = attrs.field(
        default=None, converter=_opt_place_precision
    )
    """How precisely the places locate it (UCDP's ``where_prec``): exact, near, district, ..."""
    event_mode: str | None = None
    """How it was done, in a coding's own vocabulary (PLOVER's mode: ``aerial``, ...)."""
    context: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """What it was about, in a coding's own vocabulary (PLOVER's context: ``military``)."""
    distribution: Distribution | None = attrs.field(default=None, converter=_opt_distribution)
    """For a count over several regions: one count for the group, each, or not said."""
    grain: Grain = attrs.field(default=Grain.AGGREGATE, converter=_to_grain)
    """A total over the regions and window (the default), or one event among many."""
    window: TimeWindow | None = None
    """When it happened."""
    parts: tuple[Claim, ...] = attrs.field(default=(), converter=as_tuple)
    """The breakdown of the quantity (34 + 2 + 2 of 38); parts may nest."""
    coverage: Coverage | None = attrs.field(default=None, converter=_opt_coverage)
    """Whether the parts should add up to the whole quantity."""
    share: Share | None = attrs.field(default=None, converter=_opt_share)
    """A share of the parent's total this part is said to be: "the majority of these, 31"."""
    region_count: int | None = None
    """A stated number of regions: "across three regions"."""
    quote: str | None = None
    """A few words of the source text that make the claim."""
    span: Span | None = None
    """Where ``quote`` stands in the source text."""
    credibility: int | None = None
    """Admiralty information credibility ``1``–``6``; ``6`` means *cannot be judged*."""
    note: str | None = None
    """An analyst's remark."""

    _own_check = staticmethod(_problems)

    def __attrs_post_init__(self) -> None:
        if _looks_valid(self):
            return
        problems = _problems(self)
        if problems:
            fail("Claim", problems)

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor: ``actor`` first, then ``other_actors``.

        >>> Claim(id="c", kind="other", actor="RUS", other_actors=("BLR",)).actors
        ('RUS', 'BLR')
        """
        return self.other_actors if self.actor is None else (self.actor, *self.other_actors)

    @property
    def target_parties(self) -> tuple[str, ...]:
        """Every target party: ``target_party`` first, then ``other_target_parties``.

        >>> Claim(id="c", kind="other").target_parties
        ()
        """
        first = self.target_party
        return self.other_target_parties if first is None else (first, *self.other_target_parties)

    def walk(self) -> list[tuple[str, Claim]]:
        """This claim and every nested part, depth first, with paths relative to this claim.

        >>> c = Claim(id="a", kind="other", parts=(Claim(id="b", kind="other"),))
        >>> [(path, claim.id) for path, claim in c.walk()]
        [('', 'a'), ('parts[0]', 'b')]
        """
        out: list[tuple[str, Claim]] = []
        stack: list[tuple[str, Claim]] = [("", self)]
        while stack:
            path, claim = stack.pop()
            out.append((path, claim))
            prefix = f"{path}.parts" if path else "parts"
            for i in range(len(claim.parts) - 1, -1, -1):
                stack.append((f"{prefix}[{i}]", claim.parts[i]))
        return out
