"""CE3xx: time windows that contradict each other or the moment they were reported.

Three clocks are kept apart: when it happened (``Claim.window``), when the speaker said it
(``Statement.issued``) and when the document was published (``Report.published``). Only
asserted and denied claims report the past; proposed and hypothetical ones may look ahead and
are left out of the statement-level checks. An offset that is not the zone's at that instant
is already refused when a ``TimeWindow`` is built, so no rule is needed for it.

A window marked ``approximate`` has bounds a convention supplied (the default night,
"утром") rather than clock times the text writes, possibly cut at the moment of writing. Its
bounds are read as approximate: CE302 asks only that such a window had begun when the
statement was issued (its conventional end may lie after the issue), and CE301 asks only
that a part and its parent share an instant when either window is approximate. CE303 and
CE304 need no exception: a convention's width is within its precision, and CE304 only asks
for overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from conflict_events.model import (
    Claim,
    Modality,
    Precision,
    Report,
    Statement,
    TimeWindow,
)
from conflict_events.validation._context import Context
from conflict_events.validation._examples import time as examples
from conflict_events.validation._format import moment
from conflict_events.validation._registry import Hit, Scope, rule
from conflict_events.validation._result import Severity

__all__ = ["WIDEST"]

WIDEST: dict[Precision, timedelta | None] = {
    Precision.MINUTE: timedelta(days=3),
    Precision.HOUR: timedelta(days=3),
    Precision.PART_OF_DAY: timedelta(days=1),
    Precision.DAY: timedelta(days=31),
    Precision.WEEK: timedelta(days=92),
    Precision.MONTH: timedelta(days=366),
    Precision.YEAR: None,
}
"""The widest window each stated precision plausibly describes (CE303); wider is a warning."""

_REPORTED = (Modality.ASSERTED, Modality.DENIED)


def _window_text(w: TimeWindow) -> str:
    if w.start == w.end:
        return moment(w.start)
    return f"{moment(w.start)} to {moment(w.end)}"


def _duration_text(d: timedelta) -> str:
    hours = d.total_seconds() / 3600
    if hours >= 48:
        days = hours / 24
        return f"{days:.0f} days" if days == int(days) else f"{days:.1f} days"
    return f"{hours:.0f} hours" if hours == int(hours) else f"{hours:.1f} hours"


def _reported(statement: Statement) -> Iterator[tuple[int, Claim, TimeWindow]]:
    for i, claim in enumerate(statement.claims):
        if claim.window is not None and claim.modality in _REPORTED:
            yield i, claim, claim.window


# -- rules -------------------------------------------------------------------------------


@rule(
    "CE301",
    Severity.ERROR,
    "A part's window lies within its parent claim's window (when either window's bounds are "
    "approximate, a convention's: the two share an instant).",
    example=examples.CE301,
)
def part_window_within_parent(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A part is a subset of its parent, in time too."""
    if parent is None or claim.window is None or parent.window is None:
        return ()
    if parent.window.contains(claim.window):
        return ()
    approximate = claim.window.approximate or parent.window.approximate
    if approximate and parent.window.overlaps(claim.window):
        return ()
    relation = "does not overlap" if approximate else "is not within"
    message = (
        f"the part's window ({_window_text(claim.window)}) {relation} its parent's "
        f"({_window_text(parent.window)})."
    )
    return (Hit(path, message, (claim.id, parent.id)),)


def _bound(window: TimeWindow) -> datetime:
    """The instant a statement must follow: the end, or the start of an approximate window."""
    return window.start if window.approximate else window.end


@rule(
    "CE302",
    Severity.WARNING,
    "A statement is issued after the end of the window it reports, not before (after the "
    "start, when the window's bounds are approximate, a convention's).",
    scope=Scope.STATEMENT,
    example=examples.CE302,
)
def issued_after_window(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """A bulletin that says what happened before it could have finished happening."""
    issued = statement.issued
    if issued is None or not statement.claims:
        return ()
    latest: tuple[int, Claim, TimeWindow] | None = None
    for item in _reported(statement):
        if latest is None or _bound(item[2]) > _bound(latest[2]):
            latest = item
    if latest is None:
        return ()
    _, claim, window = latest
    bound = _bound(window)
    if issued.end > bound or (issued.end == bound and issued.start == bound):
        return ()
    if window.approximate and issued.end == bound:
        return ()
    if issued.start == issued.end:
        when = f"at {moment(issued.end)}"
    else:
        when = f"between {moment(issued.start)} and {moment(issued.end)}"
    what = f"the {window.label}" if window.label else "the window"
    if window.approximate:
        message = (
            f"the statement was issued {when}, before {what} it reports begins "
            f"({moment(bound)}; its bounds are conventional)."
        )
    else:
        relation = "before" if issued.end < bound else "no later than the moment"
        message = (
            f"the statement was issued {when}, {relation} {what} it reports ends ({moment(bound)})."
        )
    at = f"{path}.issued" if path else "issued"
    return (Hit(at, message, (statement.id, claim.id)),)


def _wall_span(window: TimeWindow) -> timedelta:
    """How long the window is on its zone's clock: 1-31 October is 31 days across a DST change."""
    start, end = window.local_start, window.local_end
    return end.replace(tzinfo=None) - start.replace(tzinfo=None)


@rule(
    "CE303",
    Severity.WARNING,
    "A window is not far wider than its stated precision suggests (minute or hour: 3 days; "
    "part of day: 1 day; day: 31 days; week: 92 days; month: 366 days).",
    example=examples.CE303,
)
def window_fits_precision(
    claim: Claim, parent: Claim | None, path: str, ctx: Context
) -> Iterable[Hit]:
    """A window coded with a fine precision but spanning days or months."""
    window = claim.window
    if window is None:
        return ()
    widest = WIDEST.get(window.precision)
    if widest is None:
        return ()
    span = _wall_span(window)
    if span <= widest:
        return ()
    precision = window.precision.value.replace("_", " ")
    message = (
        f"the window spans {_duration_text(span)}, far wider than its stated precision "
        f"({precision}) suggests (at most {_duration_text(widest)})."
    )
    return (Hit(f"{path}.window" if path else "window", message, (claim.id,)),)


@rule(
    "CE304",
    Severity.WARNING,
    "The windows of a statement's claims overlap the statement's period, the window of its "
    "first claim.",
    scope=Scope.STATEMENT,
    example=examples.CE304,
)
def claims_within_statement_period(statement: Statement, path: str, ctx: Context) -> Iterable[Hit]:
    """A claim about another period than the one the statement reports."""
    if len(statement.claims) < 2:
        return ()
    period: TimeWindow | None = None
    hits: list[Hit] = []
    prefix = f"{path}.claims" if path else "claims"
    for i, claim, window in _reported(statement):
        if period is None:
            period = window
            continue
        if window.overlaps(period):
            continue
        message = (
            f"the claim's window ({_window_text(window)}) does not overlap the statement's "
            f"period ({_window_text(period)}, the window of its first claim)."
        )
        hits.append(Hit(f"{prefix}[{i}]", message, (statement.id, claim.id)))
    return hits


def _after_publication(issued: TimeWindow, published: date | datetime) -> bool:
    if isinstance(published, datetime):
        return issued.start > published
    return issued.start.date() > published


@rule(
    "CE305",
    Severity.WARNING,
    "A statement is issued no later than the report that carries it was published.",
    scope=Scope.REPORT,
    example=examples.CE305,
)
def issued_before_published(report: Report, ctx: Context) -> Iterator[Hit]:
    """A report that quotes a statement made after the report came out."""
    published = report.published
    if published is None:
        return
    shown = published.isoformat() if not isinstance(published, datetime) else moment(published)
    for i, statement in enumerate(report.statements):
        issued = statement.issued
        if issued is not None and _after_publication(issued, published):
            yield Hit(
                f"statements[{i}].issued",
                f"the statement was issued at {moment(issued.start)} at the earliest, after the "
                f"report was published ({shown}).",
                (statement.id, report.id),
            )
