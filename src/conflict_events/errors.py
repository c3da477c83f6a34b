"""The exceptions the library raises.

Every exception has one root, :class:`ConflictEventsError`, and also inherits the built-in
exception a caller would expect, so ``except ValueError`` keeps working::

    ConflictEventsError
    ├── ModelError (ValueError)              one object broke its own invariants
    │   └── TimeZoneError                    unknown zone, or offset not the zone's at that instant
    │       ├── AmbiguousTimeError           a local time that happens twice (a DST fold)
    │       └── NonExistentTimeError         a local time that never happens (a DST gap)
    ├── StructureError (ValueError)          a document could not be loaded: each problem, with path
    ├── FormatError (ValueError)             a dataset file cannot be read in its format: where
    ├── TimeParseError (ValueError)          a time phrase could not be understood
    ├── LookupFailed (LookupError)           a name or id is not in a catalogue
    │   └── AmbiguousName                    a name matches more than one entry
    ├── RuleConflict (ValueError)            a rule's code is malformed or already registered
    └── ValidationFailed                     ``ValidationResult.raise_for_errors()`` found errors

Paths have one shape everywhere: ``statements[0].claims[2].quantity.value``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:  # the result type lives above this module; named for the type checker only
    from conflict_events import ValidationResult

__all__ = [
    "AmbiguousName",
    "AmbiguousTimeError",
    "ConflictEventsError",
    "FormatError",
    "LookupFailed",
    "ModelError",
    "NonExistentTimeError",
    "Problem",
    "RuleConflict",
    "StructureError",
    "TimeParseError",
    "TimeZoneError",
    "ValidationFailed",
    "describe",
    "field_of",
    "join_path",
]


def join_path(base: str, part: str | int) -> str:
    """Append a field name or an index to a path.

    >>> join_path("statements[0]", "claims")
    'statements[0].claims'
    >>> join_path("statements[0].claims", 2)
    'statements[0].claims[2]'
    >>> join_path("", "id")
    'id'
    """
    if isinstance(part, int):
        return f"{base}[{part}]"
    if not base:
        return part
    return f"{base}.{part}"


def field_of(path: str) -> str:
    """The field a path starts with: ``range`` of ``range.unit``, ``regions`` of ``regions[1]``.

    >>> field_of("range.unit"), field_of("regions[1]"), field_of("id")
    ('range', 'regions', 'id')
    """
    return path.split(".", 1)[0].split("[", 1)[0]


def describe(value: object) -> str:
    """A short rendering of a bad value for a message, cut to 60 characters.

    >>> describe("x" * 100)[-5:], describe(-3)
    ('xx...', '-3')
    """
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@attrs.frozen
class Problem:
    """One thing wrong at one place: ``path: message``.

    >>> str(Problem("quantity.value", "expected an integer >= 0, got -3"))
    'quantity.value: expected an integer >= 0, got -3'
    """

    path: str
    """Where, e.g. ``statements[0].claims[2].quantity.value``; empty for the whole document."""
    message: str
    """What is wrong, with the offending value."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def under(self, prefix: str) -> Problem:
        """The same problem seen from a containing object at ``prefix``."""
        if not prefix:
            return self
        if not self.path:
            return Problem(prefix, self.message)
        sep = "" if self.path.startswith("[") else "."
        return Problem(f"{prefix}{sep}{self.path}", self.message)


class ConflictEventsError(Exception):
    """The root of every exception this library raises."""


class ModelError(ConflictEventsError, ValueError):
    """A model object was constructed with values that break its own invariants.

    ``problems`` lists every broken invariant with the field it concerns, relative to the
    object; ``cls_name`` names the class.

    >>> err = ModelError("Quantity", [Problem("value", "expected an integer >= 0, got -3")])
    >>> str(err)
    'invalid Quantity: value: expected an integer >= 0, got -3'
    """

    def __init__(self, cls_name: str, problems: Sequence[Problem]) -> None:
        self.cls_name = cls_name
        self.problems: tuple[Problem, ...] = tuple(problems)
        joined = "; ".join(str(p) for p in self.problems)
        super().__init__(f"invalid {cls_name}: {joined}")

    @property
    def field(self) -> str:
        """The field of the first problem."""
        return self.problems[0].path if self.problems else ""


class TimeZoneError(ModelError):
    """A zone name is unknown, or a stored offset is not that zone's offset at that instant."""


class AmbiguousTimeError(TimeZoneError):
    """A local time occurs twice in its zone (clocks went back), so it names two instants."""


class NonExistentTimeError(TimeZoneError):
    """A local time never occurs in its zone (clocks went forward over it)."""


class StructureError(ConflictEventsError, ValueError):
    """A document could not be turned into model objects.

    It lists every problem found, each with its path; ``line`` is the JSON Lines line
    number (1-based) when the document came from a JSON Lines stream.

    >>> err = StructureError([Problem("claims[0].id", "expected a non-empty string, got ''")])
    >>> print(err)
    1 problem loading the document:
      claims[0].id: expected a non-empty string, got ''
    """

    def __init__(self, problems: Iterable[Problem], *, line: int | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.line = line
        where = f" at line {line}" if line is not None else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} {noun} loading the document{where}:\n{lines}")

    @property
    def paths(self) -> tuple[str, ...]:
        """The path of each problem, in order."""
        return tuple(p.path for p in self.problems)


class FormatError(ConflictEventsError, ValueError):
    """A dataset file cannot be read (or reports written) in the asked format: one clear error.

    ``path`` and ``line`` say where, when known.

    >>> str(FormatError("missing columns: best", path="x.csv", line=1))
    'x.csv, line 1: missing columns: best'
    """

    def __init__(self, message: str, *, path: str = "", line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        where = ", ".join(p for p in (path, f"line {line}" if line is not None else "") if p)
        super().__init__(f"{where}: {message}" if where else message)


class TimeParseError(ConflictEventsError, ValueError):
    """A time phrase could not be understood; the message quotes the text."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read the time phrase {text!r}: {reason}")


class LookupFailed(ConflictEventsError, LookupError):
    """A name or id is not in a catalogue; ``suggestions`` holds the nearest known names."""

    def __init__(self, message: str, *, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = tuple(suggestions)
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousName(LookupFailed):
    """A name matches several catalogue entries; ``candidates`` holds their ids."""

    def __init__(self, message: str, *, candidates: Sequence[str]) -> None:
        self.candidates = tuple(candidates)
        super().__init__(message, suggestions=candidates)


class RuleConflict(ConflictEventsError, ValueError):
    """A rule was registered with a malformed code, or a code that is already taken.

    >>> import conflict_events as ce
    >>> @ce.rule("CE201", ce.Severity.ERROR, "Taken.")
    ... def mine(claim, at): ...
    Traceback (most recent call last):
      ...
    conflict_events.errors.RuleConflict: CE201 is already registered, by ...
    """


class ValidationFailed(ConflictEventsError):
    """Raised by ``ValidationResult.raise_for_errors()``; ``result`` holds every finding.

    >>> import conflict_events as ce
    >>> err = ValidationFailed("validation failed", ce.ValidationResult([]))
    >>> err.result.ok
    True
    """

    def __init__(self, message: str, result: ValidationResult) -> None:
        self.result: ValidationResult = result
        """The result whose errors (or warnings, when strict) made validation fail."""
        super().__init__(message)
