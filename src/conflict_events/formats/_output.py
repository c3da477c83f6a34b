"""What the writers share: a file written whole or not at all, and the claims of reports."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from conflict_events.model import Claim, Report, Statement

__all__ = ["atomic_text", "report_claims"]


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """Write UTF-8 text beside ``path`` and move it into place only when complete.

    A failure part-way (a bad report in the middle of the input) leaves no half-written file
    and keeps any earlier file at ``path`` as it was.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_text(target) as out:
    ...     _ = out.write("done")
    >>> target.read_text(encoding="utf-8")
    'done'
    """
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def report_claims(
    reports: Iterable[Report],
) -> Iterator[tuple[Report, Statement, str | None, Claim]]:
    """Every claim of every report (nested parts included), depth first, with its statement
    and the id of the claim it is a part of.

    >>> from conflict_events import Claim, Statement
    >>> part = Claim(id="c:part", kind="interception")
    >>> report = Report(id="r", statements=(Statement(id="s", source="src:x", kind="bulletin",
    ...     claims=(Claim(id="c:top", kind="interception", parts=(part,)),)),))
    >>> [(s.id, parent, c.id) for _, s, parent, c in report_claims([report])]
    [('s', None, 'c:top'), ('s', 'c:top', 'c:part')]
    """
    for report in reports:
        if not isinstance(report, Report):
            raise TypeError(f"expected a Report, got {type(report).__name__}")
        for statement in report.statements:
            for top in statement.claims:
                stack: list[tuple[str | None, Claim]] = [(None, top)]
                while stack:
                    parent, claim = stack.pop()
                    yield report, statement, parent, claim
                    stack.extend((claim.id, p) for p in reversed(claim.parts))
