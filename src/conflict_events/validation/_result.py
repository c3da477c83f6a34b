"""Findings and the result that collects them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:  # pragma: no cover - imported lazily at run time
    import pandas as pd

from conflict_events.errors import ValidationFailed

__all__ = ["RECORD_COLUMNS", "Finding", "Severity", "ValidationResult"]


class Severity(Enum):
    """How much a finding matters."""

    ERROR = "error"
    """The values contradict each other: at least one of them is wrong."""
    WARNING = "warning"
    """Probably wrong, or worth a person's look; counts as an error in strict mode."""
    INFO = "info"
    """Worth knowing (a partial breakdown's unaccounted amount, a disputed region)."""


_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""Control characters (tab aside), Unicode line and paragraph separators, lone surrogates."""
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes.

    Whatever the input holds (a path holds the input's own keys), the result prints on one
    line and moves no terminal cursor.

    >>> one_line("x\\n::error file=a.py::FORGED\\u2028end")
    'x\\\\n::error file=a.py::FORGED\\\\u2028end'
    """
    return _CONTROL.sub(_escape_char, text)


RECORD_COLUMNS: tuple[str, ...] = (
    "code",
    "severity",
    "message",
    "path",
    "ids",
    "report",
    "file",
    "line",
)
"""The columns of :meth:`ValidationResult.to_records` and :meth:`ValidationResult.to_dataframe`."""


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found, at one place, in one sentence with the numbers.

    >>> f = Finding(code="CE201", severity=Severity.ERROR, path="statements[0].claims[0]",
    ...             message="the parts add up to 36 (34 + 2) but the total is 38.")
    >>> print(f)
    CE201 error at statements[0].claims[0]: the parts add up to 36 (34 + 2) but the total is 38.
    """

    code: str
    """The rule's stable code, e.g. ``CE201``."""
    severity: Severity
    """Error, warning or info."""
    message: str
    """One sentence a person understands, with the numbers in it."""
    path: str = ""
    """Where, relative to the validated report (or object): ``statements[1].claims[0]``."""
    ids: tuple[str, ...] = ()
    """The ids involved (claims, statements, regions, weapons, ...)."""
    report: str | None = None
    """The id of the report the path is relative to, when a report was validated."""
    file: str | None = None
    """The file the finding comes from, when a reader of files knows it."""
    line: int | None = None
    """The 1-based line (or row) in ``file``, when known."""

    def __str__(self) -> str:
        where = f" at {self.path}" if self.path else ""
        return one_line(f"{self.code} {self.severity.value}{where}: {self.message}")

    def to_dict(self) -> dict[str, Any]:
        """A plain JSON-compatible dict; empty optional fields are left out.

        >>> Finding(code="CE402", severity=Severity.INFO, message="m.").to_dict()
        {'code': 'CE402', 'severity': 'info', 'message': 'm.'}
        """
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }
        if self.path:
            out["path"] = self.path
        if self.ids:
            out["ids"] = list(self.ids)
        if self.report is not None:
            out["report"] = self.report
        if self.file is not None:
            out["file"] = self.file
        if self.line is not None:
            out["line"] = self.line
        return out


def _as_findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value)


@attrs.frozen
class ValidationResult:
    """Every finding of one validation run, in document order.

    ``ok`` is true when nothing counts as an error: errors always do, warnings too when the
    run was strict. Iterating yields the findings; ``len()`` counts them.

    >>> result = ValidationResult([
    ...     Finding(code="CE203", severity=Severity.INFO, message="10–34 are unaccounted for."),
    ... ])
    >>> result.ok, len(result), [f.code for f in result.infos]
    (True, 1, ['CE203'])
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_as_findings)
    """The findings, in the order the rules found them."""
    strict: bool = attrs.field(default=False, kw_only=True)
    """Whether warnings count as errors."""

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity info."""
        return self._of(Severity.INFO)

    @property
    def failures(self) -> tuple[Finding, ...]:
        """The findings that count as errors: errors, and warnings too when strict."""
        failing = (Severity.ERROR, Severity.WARNING) if self.strict else (Severity.ERROR,)
        return tuple(f for f in self.findings if f.severity in failing)

    @property
    def ok(self) -> bool:
        """Whether nothing counts as an error."""
        return not self.failures

    def by_code(self) -> dict[str, tuple[Finding, ...]]:
        """The findings grouped by code, codes in order.

        >>> ValidationResult([]).by_code()
        {}
        """
        groups: dict[str, list[Finding]] = {}
        for f in self.findings:
            groups.setdefault(f.code, []).append(f)
        return {code: tuple(groups[code]) for code in sorted(groups)}

    def counts(self) -> dict[str, int]:
        """How many findings of each severity: ``{"error": 1, "warning": 0, "info": 2}``."""
        out = {s.value: 0 for s in _ORDER}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def raise_for_errors(self) -> ValidationResult:
        """Raise :class:`~conflict_events.errors.ValidationFailed` unless ``ok``; else return self.

        >>> ValidationResult([]).raise_for_errors().ok
        True
        """
        failures = self.failures
        if failures:
            noun = "finding" if len(failures) == 1 else "findings"
            lines = "\n".join(f"  {self._line(f)}" for f in failures)
            raise ValidationFailed(
                f"validation failed with {len(failures)} {noun}:\n{lines}", result=self
            )
        return self

    def _several_reports(self) -> bool:
        first = None
        for f in self.findings:
            if f.report is None:
                continue
            if first is None:
                first = f.report
            elif f.report != first:
                return True
        return False

    def _line(self, f: Finding, *, with_report: bool = False) -> str:
        if with_report and f.report is not None:
            where = f" at {f.path}" if f.path else ""
            return one_line(f"{f.code} {f.severity.value} in {f.report}{where}: {f.message}")
        return str(f)

    def __str__(self) -> str:
        """One line per finding, errors first, then warnings, then infos.

        >>> print(ValidationResult([]))
        no findings
        """
        if not self.findings:
            return "no findings"
        with_report = self._several_reports()
        lines: list[str] = []
        for severity in _ORDER:
            lines.extend(
                self._line(f, with_report=with_report)
                for f in self.findings
                if f.severity is severity
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """A plain JSON-compatible dict: ``ok``, ``strict``, ``counts`` and ``findings``.

        >>> ValidationResult([]).to_dict()["counts"]
        {'error': 0, 'warning': 0, 'info': 0}
        """
        return {
            "ok": self.ok,
            "strict": self.strict,
            "counts": self.counts(),
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per finding, in order, with the keys of ``RECORD_COLUMNS``.

        ``severity`` is its value (``"error"``), ``ids`` a tuple, and ``path``, ``report``,
        ``file`` and ``line`` are ``None`` where not known: ready to group, filter and count.

        >>> result = ValidationResult([
        ...     Finding(code="CE201", severity=Severity.ERROR, message="m.", path="claims[0]",
        ...             ids=("c:1",), report="r:1"),
        ... ])
        >>> result.to_records()  # doctest: +NORMALIZE_WHITESPACE
        [{'code': 'CE201', 'severity': 'error', 'message': 'm.', 'path': 'claims[0]',
          'ids': ('c:1',), 'report': 'r:1', 'file': None, 'line': None}]
        """
        return [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "path": f.path or None,
                "ids": f.ids,
                "report": f.report,
                "file": f.file,
                "line": f.line,
            }
            for f in self.findings
        ]

    def to_dataframe(self) -> pd.DataFrame:
        """A pandas DataFrame of :meth:`to_records`, one row per finding.

        ``severity`` is an ordered categorical (error > warning > info, so sorting puts errors
        first) and ``line`` a nullable integer. Needs the ``pandas`` extra.

        >>> result = ValidationResult([
        ...     Finding(code="CE402", severity=Severity.INFO, message="a."),
        ...     Finding(code="CE201", severity=Severity.ERROR, message="b."),
        ...     Finding(code="CE201", severity=Severity.ERROR, message="c."),
        ... ])
        >>> result.to_dataframe().groupby("code").size().to_dict()
        {'CE201': 2, 'CE402': 1}
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "to_dataframe needs pandas: pip install 'conflict-events[pandas]'"
            ) from exc
        frame = pd.DataFrame.from_records(self.to_records(), columns=list(RECORD_COLUMNS))
        frame["severity"] = pd.Categorical(
            frame["severity"], categories=[s.value for s in _ORDER], ordered=True
        )
        frame["line"] = frame["line"].astype("Int64")
        return frame
