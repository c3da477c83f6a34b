"""Who speaks (sources) and who acts (actors)."""

from __future__ import annotations

from enum import Enum

import attrs

from conflict_events.errors import Problem
from conflict_events.model._checks import (
    Checked,
    check_enum,
    check_id,
    check_text,
    describe,
    fail,
)
from conflict_events.model._enums import coerce

__all__ = ["Actor", "ActorKind", "Source", "SourceKind"]

RELIABILITY_GRADES = "ABCDEF"
"""Admiralty source reliability: A completely reliable ... E unreliable, F cannot be judged."""


class SourceKind(Enum):
    """What sort of speaker a source is."""

    MINISTRY = "ministry"
    MILITARY = "military"
    GOVERNMENT = "government"
    HEAD_OF_STATE = "head_of_state"
    PARLIAMENT = "parliament"
    REGIONAL_AUTHORITY = "regional_authority"
    OFFICIAL = "official"
    OUTLET = "outlet"
    NEWS_AGENCY = "news_agency"
    MONITOR = "monitor"
    NGO = "ngo"
    INDIVIDUAL = "individual"
    OTHER = "other"


class ActorKind(Enum):
    """What sort of party acts."""

    STATE = "state"
    ARMED_FORCES = "armed_forces"
    AIR_DEFENCE = "air_defence"
    AIR_FORCE = "air_force"
    NAVY = "navy"
    ARMED_GROUP = "armed_group"
    OTHER = "other"


def _to_actor_kind(value: object) -> ActorKind:
    return coerce(ActorKind, value)


def _to_source_kind(value: object) -> SourceKind:
    return coerce(SourceKind, value)


def _common(obj: Source | Actor, kind_enum: type[Enum]) -> list[Problem]:
    problems: list[Problem] = []
    msg = check_id(obj.id)
    if msg:
        problems.append(Problem("id", msg))
    msg = check_id(obj.name)
    if msg:
        problems.append(Problem("name", msg))
    msg = check_enum(obj.kind, kind_enum)
    if msg:
        problems.append(Problem("kind", msg))
    msg = check_text(obj.party)
    if msg:
        problems.append(Problem("party", msg))
    return problems


def _source_problems(s: Source) -> list[Problem]:
    problems = _common(s, SourceKind)
    r = s.reliability
    if r is not None and (type(r) is not str or len(r) != 1 or r not in RELIABILITY_GRADES):
        problems.append(
            Problem("reliability", f"expected an Admiralty grade A-F, got {describe(r)}")
        )
    msg = check_text(s.url)
    if msg:
        problems.append(Problem("url", msg))
    return problems


def _actor_problems(a: Actor) -> list[Problem]:
    return _common(a, ActorKind)


@attrs.frozen(kw_only=True)
class Source(Checked):
    """A speaker: a ministry, a parliament, an outlet.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> Source(id="src:ru-mod", name="Russian Ministry of Defence", kind="ministry",
    ...        party="RU", reliability="F").reliability
    'F'
    """

    id: str
    """A stable id, conventionally ``src:...``."""
    name: str
    """The name in English."""
    kind: SourceKind = attrs.field(converter=_to_source_kind)
    """Ministry, parliament, outlet, ..."""
    party: str | None = None
    """Whose side the source speaks for (``RU``, ``UA``), if any."""
    reliability: str | None = None
    """Admiralty grade ``A``–``F``; ``F`` means reliability *cannot be judged*, not *low*."""
    url: str | None = None
    """Where the source publishes."""

    _own_check = staticmethod(_source_problems)

    def __attrs_post_init__(self) -> None:
        problems = _source_problems(self)
        if problems:
            fail("Source", problems)


@attrs.frozen(kw_only=True)
class Actor(Checked):
    """A party that acts: a military force, a state.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> Actor(id="act:ru-ad", name="Russian air defence", kind="air_defence", party="RU").party
    'RU'
    """

    id: str
    """A stable id, conventionally ``act:...``."""
    name: str
    """The name in English."""
    kind: ActorKind = attrs.field(converter=_to_actor_kind)
    """State, armed forces, air defence, ..."""
    party: str | None = None
    """Whose side it is on (``RU``, ``UA``)."""

    _own_check = staticmethod(_actor_problems)

    def __attrs_post_init__(self) -> None:
        problems = _actor_problems(self)
        if problems:
            fail("Actor", problems)
