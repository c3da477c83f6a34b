"""Assertions for users' own test suites."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from conflict_events.errors import StructureError
from conflict_events.model import Claim, Report, Statement
from conflict_events.serialize import dumps, from_dict, iter_jsonl, loads, to_dict
from conflict_events.testing._diff import model_diff
from conflict_events.validation import Finding, Severity, validate

__all__ = ["assert_round_trip", "assert_valid"]

FailOn = Literal["error", "warning", "info"]
Validatable = Report | Statement | Claim | Iterable[Report]
_RANK = {severity: rank for rank, severity in enumerate(Severity)}  # the gravest first
_SEVERITIES: dict[object, Severity] = {s.value: s for s in Severity}


def _load(path: Path, cls: type[Report]) -> list[Report]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        reader = iter_jsonl(cls, path, on_error="collect")
        reports = list(reader)
        if reader.errors:
            lines = [f"  line {e.line}: {p}" for e in reader.errors for p in e.problems]
            raise AssertionError(
                f"{path}: {len(reader.errors)} lines do not load:\n" + "\n".join(lines)
            )
        return reports
    try:
        return [loads(cls, path.read_text(encoding="utf-8"))]
    except StructureError as exc:
        raise AssertionError(f"{path}: {exc}") from None


def assert_valid(
    obj_or_path: Validatable | str | os.PathLike[str],
    *,
    fail_on: FailOn = "error",
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> None:
    """Fail the test when validation finds anything at or above ``fail_on``.

    ``obj_or_path`` is a model object, an iterable of reports, or the path of a JSON report
    or a JSON Lines file of reports. The assertion message lists every finding, the failing
    ones first, one per line with its code, severity and path.

    >>> from conflict_events import Claim, Quantity
    >>> assert_valid(Claim(id="c", kind="interception", quantity=Quantity.exact(3)))
    >>> bad = Claim(id="c", kind="interception", quantity=Quantity.exact(38), coverage="complete",
    ...             parts=(Claim(id="p", kind="interception", quantity=Quantity.exact(34)),))
    >>> assert_valid(bad)
    Traceback (most recent call last):
      ...
    AssertionError: 1 finding at or above 'error':
      CE201 error: the parts add up to 34 but the total is 38, a difference of 4.
    """
    if fail_on not in _SEVERITIES:
        raise ValueError(f"fail_on must be 'error', 'warning' or 'info', got {fail_on!r}")
    limit = _RANK[_SEVERITIES[fail_on]]
    target: Validatable
    if isinstance(obj_or_path, (str, os.PathLike)):
        target = _load(Path(obj_or_path), Report)
    else:
        target = obj_or_path
    result = validate(target, select=select, ignore=ignore)
    failing = [f for f in result if _RANK[f.severity] <= limit]
    if not failing:
        return
    others = [f for f in result if f not in failing]
    noun = "finding" if len(failing) == 1 else "findings"
    lines = [f"{len(failing)} {noun} at or above {fail_on!r}:"]
    lines += [f"  {_line(f)}" for f in failing]
    if others:
        lines.append(f"and {len(others)} below it:")
        lines += [f"  {_line(f)}" for f in others]
    raise AssertionError("\n".join(lines))


def _line(finding: Finding) -> str:
    report = f"[{finding.report}] " if finding.report else ""
    return f"{report}{finding}"


def assert_round_trip(obj: object) -> None:
    """Fail the test unless ``obj`` survives the wire format unchanged, every way.

    Checks ``from_dict(to_dict(obj))``, ``loads(dumps(obj))`` (indented and compact) and that
    dumping again gives the same text; a failure lists the differing fields with their paths.

    >>> from conflict_events import Quantity
    >>> assert_round_trip(Quantity.between(10, 12))
    """
    cls = type(obj)
    for how, again in (
        ("from_dict(to_dict(obj))", from_dict(cls, to_dict(obj))),
        ("loads(dumps(obj))", loads(cls, dumps(obj))),
        ("loads(dumps(obj, indent=None))", loads(cls, dumps(obj, indent=None))),
    ):
        if again != obj:
            diff = "\n".join(f"  {line}" for line in model_diff(obj, again))
            raise AssertionError(f"{how} differs from the original:\n{diff}")
    text = dumps(obj)
    if dumps(loads(cls, text)) != text:
        raise AssertionError("dumping a loaded document does not give back the same text")
