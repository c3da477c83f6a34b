"""Statements (what a source said) and reports (the documents that carry them)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import Enum

import attrs

from conflict_events.errors import Problem
from conflict_events.model._checks import (
    Checked,
    as_tuple,
    check_all,
    check_enum,
    check_id,
    check_ids,
    check_instance,
    check_text,
    describe,
    fail,
    is_id,
    is_text,
)
from conflict_events.model._enums import coerce
from conflict_events.model.claim import Claim, Span
from conflict_events.model.place import Region
from conflict_events.model.source import Actor, Source
from conflict_events.model.time import TimeWindow
from conflict_events.model.weapon import WeaponSystem

__all__ = ["REVISION_FIELDS", "SCHEMA_VERSION", "Report", "Statement", "StatementKind"]

SCHEMA_VERSION = 2
"""The version of the wire format this library writes; separate from the package version.

Version 2 added outcomes, origins and targets, place precision, several actors and target
parties, PLOVER's event mode and context (claims), points (regions) and revisions (statements).
"""

REVISION_FIELDS: tuple[str, ...] = ("supersedes", "corrects", "retracts")
"""The fields of :class:`Statement` that name an earlier statement this one revises."""


class StatementKind(Enum):
    """What sort of utterance a statement is."""

    BULLETIN = "bulletin"
    ANNOUNCEMENT = "announcement"
    PROPOSAL = "proposal"
    ACCUSATION = "accusation"
    DENIAL = "denial"
    THREAT = "threat"
    ASSESSMENT = "assessment"
    REPORT = "report"
    OTHER = "other"


def _to_statement_kind(value: object) -> StatementKind:
    return coerce(StatementKind, value)


def _statement_problems(s: Statement) -> list[Problem]:
    problems: list[Problem] = []
    add = problems.append
    for name in ("id", "source"):
        msg = check_id(getattr(s, name))
        if msg:
            add(Problem(name, msg))
    msg = check_enum(s.kind, StatementKind)
    if msg:
        add(Problem("kind", msg))
    if s.issued is not None and type(s.issued) is not TimeWindow:
        add(Problem("issued", check_instance(s.issued, TimeWindow) or ""))
    msg = check_all(s.claims, Claim)
    if msg:
        add(Problem("claims", msg))
    for name in ("about", "via"):
        msg = check_ids(getattr(s, name))
        if msg:
            add(Problem(name, msg))
    for name in ("responds_to", "retells", "summary", "language", "url", "quote"):
        msg = check_text(getattr(s, name))
        if msg:
            add(Problem(name, msg))
    for name in REVISION_FIELDS:
        target = getattr(s, name)
        if target is None:
            continue
        msg = check_id(target)
        if msg:
            add(Problem(name, msg))
        elif target == s.id:
            add(Problem(name, f"a statement cannot revise itself ({target})"))
    if s.span is not None and type(s.span) is not Span:
        add(Problem("span", check_instance(s.span, Span) or ""))
    return problems


@attrs.frozen(kw_only=True)
class Statement(Checked):
    """One utterance of one source, holding the claims it makes.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> s = Statement(id="st:mod-evening", source="src:ru-mod", kind="bulletin")
    >>> s.kind, s.claims
    (<StatementKind.BULLETIN: 'bulletin'>, ())
    """

    id: str
    """A stable id, unique within its report."""
    source: str
    """The id of the speaker."""
    kind: StatementKind = attrs.field(converter=_to_statement_kind)
    """Bulletin, announcement, proposal, accusation, ..."""
    issued: TimeWindow | None = None
    """When the speaker said it (an instant, or a window when only that is known)."""
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=as_tuple)
    """What it asserts."""
    about: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """Ids of what the statement concerns (weapons, regions, actors, other statements)."""
    via: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    """The sources that relayed it, nearest last."""
    responds_to: str | None = None
    """The id of a statement this one answers."""
    retells: str | None = None
    """The id of the original statement this one retells."""
    supersedes: str | None = None
    """The id of an earlier statement this one replaces whole: a later version of it."""
    corrects: str | None = None
    """The id of an earlier statement this one corrects: its claims replace the ones they match."""
    retracts: str | None = None
    """The id of an earlier statement this one withdraws."""
    summary: str | None = None
    """A one-line summary in the analyst's words."""
    language: str | None = None
    """The language the statement was made in (BCP 47: ``ru``, ``uk``, ``en``)."""
    url: str | None = None
    """Where the statement itself was published."""
    quote: str | None = None
    """A few words of the source text that carry the statement."""
    span: Span | None = None
    """Where ``quote`` stands in the source text."""

    _own_check = staticmethod(_statement_problems)

    def __attrs_post_init__(self) -> None:
        if (
            is_id(self.id)
            and is_id(self.source)
            and type(self.kind) is StatementKind
            and (self.issued is None or type(self.issued) is TimeWindow)
            and type(self.claims) is tuple
            and all(type(c) is Claim for c in self.claims)
            and self.about == ()
            and self.via == ()
            and self.responds_to is None
            and self.retells is None
            and self.supersedes is None
            and self.corrects is None
            and self.retracts is None
            and self.span is None
            and all(is_text(v) for v in (self.summary, self.language, self.url, self.quote))
        ):
            return  # the common case, checked in one pass
        problems = _statement_problems(self)
        if problems:
            fail("Statement", problems)


def _report_problems(r: Report) -> list[Problem]:
    problems: list[Problem] = []
    add = problems.append
    msg = check_id(r.id)
    if msg:
        add(Problem("id", msg))
    for name in ("title", "url", "publisher", "language", "text_sha256"):
        msg = check_text(getattr(r, name))
        if msg:
            add(Problem(name, msg))
    pub: object = r.published
    if pub is not None:
        if not isinstance(pub, date):
            add(Problem("published", f"expected a date or an aware datetime, got {describe(pub)}"))
        elif isinstance(pub, datetime):
            offset = pub.utcoffset()
            if offset is None:
                add(
                    Problem(
                        "published",
                        f"expected an aware datetime, got the naive {pub.isoformat()} "
                        "(give an offset or use a date)",
                    )
                )
            elif offset % timedelta(minutes=1):
                add(
                    Problem(
                        "published",
                        f"expected a UTC offset in whole minutes, got {pub.isoformat()}",
                    )
                )
    for name, cls in (
        ("sources", Source),
        ("actors", Actor),
        ("regions", Region),
        ("weapons", WeaponSystem),
        ("statements", Statement),
    ):
        msg = check_all(getattr(r, name), cls)
        if msg:
            add(Problem(name, msg))
    v = r.schema_version
    if type(v) is not int or v != SCHEMA_VERSION:
        add(
            Problem(
                "schema_version",
                f"expected {SCHEMA_VERSION} (this library's wire format), got {describe(v)}",
            )
        )
    return problems


@attrs.frozen(kw_only=True)
class Report(Checked):
    """One document and everything it defines: the unit of exchange.

    :meth:`check_fields` is its one check of its own invariants; the constructor runs it and
    raises :class:`~conflict_events.errors.ModelError` with what it finds.

    >>> r = Report(id="rep:ksfo-2025-10-31", published=date(2025, 10, 31),
    ...            publisher="src:ksfo")
    >>> r.schema_version
    2
    """

    id: str
    """A stable id."""
    title: str | None = None
    """The document's title or headline."""
    url: str | None = None
    """Where it was published."""
    published: date | datetime | None = None
    """When it was published: a date, or an aware datetime when the time is known."""
    publisher: str | None = None
    """The id of the source that published the document."""
    language: str | None = None
    """The document's language (BCP 47)."""
    sources: tuple[Source, ...] = attrs.field(default=(), converter=as_tuple)
    """The speakers, relays and publisher the document names."""
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=as_tuple)
    """The parties that act in it."""
    regions: tuple[Region, ...] = attrs.field(default=(), converter=as_tuple)
    """Places it defines itself (built-in gazetteer entries need not be repeated)."""
    weapons: tuple[WeaponSystem, ...] = attrs.field(default=(), converter=as_tuple)
    """Weapons it defines itself (built-in catalogue entries need not be repeated)."""
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=as_tuple)
    """What was said, by whom."""
    text_sha256: str | None = None
    """The SHA-256 (hex) of the document text that claim spans index into."""
    schema_version: int = SCHEMA_VERSION
    """The wire-format version."""

    _own_check = staticmethod(_report_problems)

    def __attrs_post_init__(self) -> None:
        problems = _report_problems(self)
        if problems:
            fail("Report", problems)

    def claims(self) -> list[tuple[str, Claim]]:
        """Every claim, nested parts included, with its path in the report.

        >>> Report(id="r").claims()
        []
        """
        out: list[tuple[str, Claim]] = []
        for i, statement in enumerate(self.statements):
            for j, claim in enumerate(statement.claims):
                base = f"statements[{i}].claims[{j}]"
                for sub, c in claim.walk():
                    out.append((f"{base}.{sub}" if sub else base, c))
        return out
