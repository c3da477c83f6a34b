"""Rich display in notebooks: compact HTML tables for reports, statements and claims.

Importing the package attaches ``_repr_html_`` to the model classes, so Jupyter shows a table
instead of a repr. Every piece of text from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import escape
from typing import Any

import pytz

from conflict_events.errors import ModelError
from conflict_events.model import (
    Claim,
    Coverage,
    Distribution,
    Quantity,
    Report,
    Statement,
    TimeWindow,
)
from conflict_events.reference import region_name
from conflict_events.validation import Severity, ValidationResult

__all__ = [
    "breakdown_sum",
    "claim_html",
    "install",
    "plot_breakdown",
    "report_html",
    "result_html",
    "statement_html",
]

_STYLE = (
    "<style>"
    ".ce-table{border-collapse:collapse;font-size:0.9em}"
    ".ce-table th,.ce-table td{border:1px solid #ccc;padding:2px 6px;text-align:left;"
    "vertical-align:top}"
    ".ce-table th{background:#f4f4f4}"
    ".ce-part{color:#555}"
    ".ce-bad{color:#b00020;font-weight:bold}"
    "</style>"
)


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _when(window: TimeWindow | None) -> str:
    """The window as stated (local time, zone, precision), then in UTC."""
    if window is None:
        return ""
    start, end = window.start.astimezone(pytz.utc), window.end.astimezone(pytz.utc)
    if start == end:
        utc = f"{start:%Y-%m-%d %H:%M}"
    elif start.date() == end.date():
        utc = f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    else:
        utc = f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M}"
    return f"{_e(window)}<br><small>{_e(utc)} UTC</small>"


def _contribution(part: Claim) -> Quantity | None:
    """What a part adds to its parent's total, by its distribution over its regions."""
    q = part.quantity
    if q is None:
        return None
    k = max(len(part.regions), 1)
    if part.distribution is Distribution.EACH:
        return q.times(k)
    if part.distribution is Distribution.UNKNOWN and k > 1:
        return Quantity.from_bounds(q.interval.low, q.interval.times(k).high, unit=q.unit)
    return q


def breakdown_sum(claim: Claim) -> Quantity | None:
    """What a claim's direct parts add up to, as an interval over every reading of them.

    A part over ``k`` regions counts once when its distribution is ``total``, ``k`` times
    when it is ``each``, and anything between when it is ``unknown``.

    >>> from conflict_events import Claim, Quantity
    >>> part = Claim(id="p", kind="interception", quantity=Quantity.exact(9),
    ...              regions=("RU-ORL", "RU-TAM", "RU-TUL"), distribution="unknown")
    >>> print(breakdown_sum(Claim(id="c", kind="interception", parts=(part,))))
    9–27
    """
    amounts = [a for a in map(_contribution, claim.parts) if a is not None]
    if not amounts:
        return None
    return Quantity.total(amounts, unit=amounts[0].unit)


def _sum_check(claim: Claim) -> str:
    """The sum of the parts against the amount; a problem (units that do not add) as text."""
    q = claim.quantity
    try:
        parts = breakdown_sum(claim)
        if parts is None or q is None:
            return ""
        partial = claim.coverage is Coverage.PARTIAL
        upper = q.upper
        ok = (upper is None or parts.lower <= upper) if partial else q.meets(parts)
    except ModelError as exc:  # a display never raises: it shows the problem
        return f'<span class="ce-bad">{_e(exc.problems[0].message)}</span>'
    cls = "" if ok else ' class="ce-bad"'
    note = " (partial)" if partial else ""
    return f"<span{cls}>{_e(parts)}{note}</span>"


def _claim_rows(claim: Claim, depth: int = 0) -> Iterable[str]:
    q = claim.quantity
    amount = _e(q) if q is not None else ""
    check = _sum_check(claim)
    how = f" [{_e(claim.distribution.value)}]" if claim.distribution else ""
    indent = "&nbsp;&nbsp;" * depth
    row_class = ' class="ce-part"' if depth else ""
    yield (
        f"<tr{row_class}><td>{indent}{_e(claim.id)}</td>"
        f"<td>{_e(claim.modality.value)} {_e(claim.kind.value)}</td>"
        f"<td>{amount}{' ' + _e(claim.counted.value) if claim.counted else ''}</td>"
        f"<td>{check}</td>"
        f"<td>{_e(', '.join(claim.regions))}{how}</td>"
        f"<td>{_when(claim.window)}</td>"
        f"<td>{_e(claim.quote)}</td></tr>"
    )
    for part in claim.parts:
        yield from _claim_rows(part, depth + 1)


_CLAIM_HEAD = (
    "<tr><th>claim</th><th>what</th><th>amount</th><th>sum of parts</th>"
    "<th>regions</th><th>when (local / UTC)</th><th>quote</th></tr>"
)


def claim_html(claim: Claim) -> str:
    """An HTML table of a claim and its parts: amount against the sum of its parts."""
    rows = "".join(_claim_rows(claim))
    return f'{_STYLE}<table class="ce-table">{_CLAIM_HEAD}{rows}</table>'


def _statement_block(statement: Statement, names: dict[str, str]) -> str:
    source = names.get(statement.source, statement.source)
    head = (
        f"<tr><th colspan=7>{_e(source)} — {_e(statement.kind.value)}"
        f"{' · ' + _when(statement.issued) if statement.issued else ''}"
        f"{': ' + _e(statement.summary) if statement.summary else ''}</th></tr>"
    )
    rows = "".join(row for claim in statement.claims for row in _claim_rows(claim))
    return head + rows


def statement_html(statement: Statement) -> str:
    """An HTML table of who said what, when, with each claim and its parts."""
    body = _statement_block(statement, {})
    return f'{_STYLE}<table class="ce-table">{_CLAIM_HEAD}{body}</table>'


def report_html(report: Report) -> str:
    """An HTML summary of a report: its header, then each statement with its claims."""
    names = {s.id: s.name for s in report.sources}
    published = report.published
    when = published.isoformat() if published is not None else "date unknown"
    if isinstance(published, datetime):
        when = published.isoformat(timespec="minutes")
    title = f"<b>{_e(report.title)}</b><br>" if report.title else ""
    publisher = names.get(report.publisher or "", report.publisher or "publisher unknown")
    header = (
        f"<div>{title}<code>{_e(report.id)}</code> — published {_e(when)} by "
        f"{_e(publisher)} · {len(report.statements)} statements, "
        f"{len(report.claims())} claims</div>"
    )
    body = "".join(_statement_block(s, names) for s in report.statements)
    return f'{_STYLE}{header}<table class="ce-table">{_CLAIM_HEAD}{body}</table>'


_SEVERITY_COLOURS = {
    Severity.ERROR: "#b00020",
    Severity.WARNING: "#b36b00",
    Severity.INFO: "#1f5f99",
}


def result_html(result: ValidationResult) -> str:
    """An HTML table of validation findings: severity, code, where, what, ids involved."""
    counts = (
        f"{len(result.errors)} errors, {len(result.warnings)} warnings, "
        f"{len(result) - len(result.errors) - len(result.warnings)} infos"
    )
    if not len(result):
        return f"<div>No findings: {counts}.</div>"
    rows = []
    for f in result:
        colour = _SEVERITY_COLOURS[f.severity]
        where = f"{_e(f.report)}: " if f.report else ""
        rows.append(
            f'<tr><td style="color:{colour};font-weight:bold">{_e(f.severity.value)}</td>'
            f"<td>{_e(f.code)}</td><td>{where}<code>{_e(f.path)}</code></td>"
            f"<td>{_e(f.message)}</td><td>{_e(', '.join(f.ids))}</td></tr>"
        )
    head = "<tr><th>severity</th><th>code</th><th>where</th><th>finding</th><th>ids</th></tr>"
    return f'{_STYLE}<div>{counts}</div><table class="ce-table">{head}{"".join(rows)}</table>'


def install() -> None:
    """Attach ``_repr_html_`` to the model classes (done when the package is imported)."""
    setattr(Claim, "_repr_html_", claim_html)  # noqa: B010 - attached from outside the model
    setattr(Statement, "_repr_html_", statement_html)  # noqa: B010
    setattr(Report, "_repr_html_", report_html)  # noqa: B010
    setattr(ValidationResult, "_repr_html_", result_html)  # noqa: B010


def _plain(text: str) -> str:
    """``text`` as matplotlib draws it literally: a ``$`` does not start mathtext."""
    return text.replace("$", r"\$")


def _region_name(region_id: str) -> str:
    """A region's name with its id (``Kursk Oblast (RU-KRS)``), or the id alone if unknown."""
    name = region_name(region_id)
    return region_id if name == region_id else f"{name} ({region_id})"


_MARKS = {Distribution.EACH: "each", Distribution.TOTAL: "total", Distribution.UNKNOWN: "?"}


def _bar(part: Claim) -> tuple[str, Quantity, str]:
    """A part's label, what it adds to the total, and the text on its bar."""
    q = part.quantity
    amount = _contribution(part)
    assert q is not None  # noqa: S101 - parts with a quantity only
    assert amount is not None  # noqa: S101
    label = "\n".join(_region_name(r) for r in part.regions) or part.id
    text = str(amount)
    if len(part.regions) > 1 and part.distribution is not None:
        label += f" ({_MARKS[part.distribution]})"
        if part.distribution is Distribution.EACH:
            text = f"{amount} ({q} each)"
        elif part.distribution is Distribution.UNKNOWN:
            text = f"{amount} (?)"
    return label, amount, text


def plot_breakdown(claim: Claim, *, ax: Any = None, path: str | None = None) -> Any:
    """A bar chart of a claim's parts by region; returns the matplotlib Axes.

    One bar per part, of what the part adds to the total: a part of 5 *each* over two regions
    is a bar of 10 marked ``10 (5 each)``; a count whose spread over its regions is unknown
    reaches from its lowest to its highest reading (an error bar) and is drawn in red. Bars
    are labelled with region names and ids (``Kursk Oblast (RU-KRS)``). The title gives the
    claim's amount against the sum of its parts. Text from the data is drawn literally (a
    ``$`` is not mathtext).

    With ``ax`` the chart is drawn into it. With ``path`` (and no ``ax``) it is drawn on a
    figure of its own, outside pyplot, and saved there: matplotlib's backend, its open figures
    and its settings stay as they were. With neither, pyplot makes the figure, so a notebook
    shows it. Needs the ``plot`` extra (``pip install conflict-events[plot]``).
    """
    size = (max(4.0, 1.4 * len(claim.parts) + 2), 4.5)
    try:
        if ax is None and path is not None:
            from matplotlib.figure import Figure

            ax = Figure(figsize=size).add_subplot()
        elif ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=size)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plot_breakdown needs matplotlib: pip install 'conflict-events[plot]'"
        ) from exc
    labels, lows, spans, colours, texts = [], [], [], [], []
    bars = [_bar(p) for p in claim.parts if p.quantity is not None]
    try:
        summed = str(breakdown_sum(claim))
    except ModelError as exc:  # parts in different units: each drawn, the title says why
        summed = f"nothing ({exc.problems[0].message})"
    for label, amount, text in bars:
        low, high = amount.bounds
        labels.append(_plain(label))
        lows.append(low)
        spans.append(0 if high is None else high - low)
        colours.append("#2c7fb8" if high == low else "#c0392b")
        texts.append(_plain(text))
    positions = range(len(bars))
    container = ax.bar(
        positions, lows, color=colours, yerr=[[0] * len(bars), spans], capsize=4 if bars else 0
    )
    ax.bar_label(container, labels=texts, fontsize=8, padding=2)
    ax.set_xticks(positions, labels, rotation=30, ha="right", fontsize=8)
    ax.set_ylabel(_plain(claim.quantity.unit if claim.quantity else "count"))
    total = f"{claim.quantity}" if claim.quantity is not None else "no total"
    ax.set_title(_plain(f"{claim.id}: {total} stated, parts add up to {summed}"))
    ax.figure.tight_layout()
    if path is not None:
        ax.figure.savefig(path, dpi=100)
    return ax
