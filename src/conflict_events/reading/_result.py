"""What reading a text gives: its kind, its statement, the marks read and the spans left unread."""

from __future__ import annotations

from enum import Enum

import attrs

from conflict_events.model import Span, Statement

__all__ = ["Mark", "Reading", "ReadingKind", "Unread"]


class ReadingKind(Enum):
    """What a text is, as far as reading bulletins goes."""

    AIR_DEFENCE_BULLETIN = "air_defence_bulletin"
    """Air defence or electronic warfare destroyed, intercepted or suppressed things counted."""
    LAUNCH_REPORT = "launch_report"
    """The Ukrainian Air Force's shape: launched by type, shot down or suppressed, lost."""
    DIGEST = "digest"
    """A digest of the day's posts ("Главное за день")."""
    SUMMARY = "summary"
    """A summary: the daily one of the war ("Сводка") or a week's or month's results."""
    OTHER = "other"
    """Anything else: front-line reports, videos, announcements."""


@attrs.frozen(kw_only=True)
class Mark:
    """One thing read from the text, where it stands, and which claim it went to.

    >>> m = Mark(path="claims[0]", what="count", span=Span(start=0, end=4), text="пять")
    >>> m.what, m.span.of("пять БПЛА")
    ('count', 'пять')
    """

    path: str
    """The claim it belongs to, relative to the statement (``claims[0].parts[1]``)."""
    what: str
    """``count``, ``region``, ``window``, ``thing``, ``outcome`` or ``issued``."""
    span: Span
    """Where it stands in the original text."""
    text: str
    """The original text at ``span``."""
    value: str | None = None
    """What it was read as: a region id, an outcome, a counted thing."""


@attrs.frozen(kw_only=True)
class Unread:
    """A span that looks like a count, a place or a time but was not read into a claim.

    >>> u = Unread(what="place", span=Span(start=0, end=5), text="Новой", reason="no region")
    >>> str(u)
    "place 'Новой' at 0-5: no region"
    """

    what: str
    """``count``, ``place`` or ``time``."""
    span: Span
    """Where it stands in the original text."""
    text: str
    """The original text at ``span``."""
    reason: str
    """Why it was not read."""
    shape: str = ""
    """The words around it with numbers and names masked, to group alike cases."""

    def __str__(self) -> str:
        return f"{self.what} {self.text!r} at {self.span.start}-{self.span.end}: {self.reason}"


@attrs.frozen(kw_only=True)
class Reading:
    """The result of reading one post: what it is, its statement, what was read and left.

    >>> from datetime import datetime, timezone
    >>> from conflict_events import read_bulletin
    >>> r = read_bulletin("Средствами ПВО сбиты два БПЛА над Курской областью.",
    ...                   posted=datetime(2024, 5, 1, 5, 0, tzinfo=timezone.utc))
    >>> r.kind.value, r.statement.claims[0].quantity.value, r.unread
    ('air_defence_bulletin', 2, ())
    """

    text: str
    """The text as given; every span indexes into it."""
    kind: ReadingKind
    """What the text is."""
    statement: Statement | None = None
    """The bulletin's statement, or ``None`` when the text is not a bulletin."""
    marks: tuple[Mark, ...] = ()
    """Every count, region, window, thing and outcome read, with its span."""
    unread: tuple[Unread, ...] = ()
    """Spans that look like counts, places or times but were not read."""

    @property
    def unread_counts(self) -> tuple[Unread, ...]:
        """The unread spans that look like counts."""
        return tuple(u for u in self.unread if u.what == "count")

    def marks_of(self, path: str) -> tuple[Mark, ...]:
        """The marks of the claim at ``path`` (not of its parts)."""
        return tuple(m for m in self.marks if m.path == path)
