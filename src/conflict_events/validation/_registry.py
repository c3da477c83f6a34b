"""The rule catalogue: rules with stable codes, registered by a decorator."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import attrs

from conflict_events.errors import LookupFailed, RuleConflict
from conflict_events.model import Claim, Report, Statement
from conflict_events.validation._result import Severity

if TYPE_CHECKING:
    from conflict_events.validation._context import Context

__all__ = [
    "ClaimRule",
    "DatasetRule",
    "Example",
    "Hit",
    "Registry",
    "ReportRule",
    "Rule",
    "RuleConflict",
    "RuleFunction",
    "Scope",
    "StatementRule",
    "registry",
    "rule",
]

_CODE = re.compile(r"[A-Z][A-Z0-9]*[0-9]{3}")


class Hit(NamedTuple):
    """What a rule function yields: where, what, and the ids involved.

    The engine turns each hit into a :class:`~conflict_events.Finding` with the
    rule's code and severity.

    >>> Hit("statements[0].claims[0]", "the parts add up to 36 but the total is 38.").ids
    ()
    >>> Hit("statements[1]", "retelling gives a total of 40 where the original gives 50.",
    ...     code="CE601").code
    'CE601'
    """

    path: str
    """Where, in the path shape ``statements[0].claims[2]``."""
    message: str
    """One sentence with the numbers, starting lower-case and ending with a full stop."""
    ids: tuple[str, ...] = ()
    """The ids involved."""
    report: str | None = None
    """For dataset-wide rules: the id of the report the path is relative to."""
    code: str | None = None
    """Which code the hit is for, when one function is registered under several codes.

    ``None`` means the code of the rule that ran, which is only clear when the function is
    registered once. A hit for a code that is not being run (ignored, or not selected) is
    dropped, so selecting and ignoring by code works for such functions too.
    """


class Scope(Enum):
    """What a rule function is given."""

    CLAIM = "claim"
    """``f(claim, parent, path, ctx)`` for every claim, nested parts included."""
    STATEMENT = "statement"
    """``f(statement, path, ctx)`` for every statement."""
    REPORT = "report"
    """``f(report, ctx)`` for every report; paths are relative to the report."""
    DATASET = "dataset"
    """``f(reports, ctx)`` once for all the reports validated together."""


ClaimRule = Callable[[Claim, Claim | None, str, "Context"], Iterable[Hit]]
StatementRule = Callable[[Statement, str, "Context"], Iterable[Hit]]
ReportRule = Callable[[Report, "Context"], Iterable[Hit]]
DatasetRule = Callable[[Sequence[Report], "Context"], Iterable[Hit]]
RuleFunction = ClaimRule | StatementRule | ReportRule | DatasetRule
Validatable = Claim | Statement | Report | Sequence[Report]


@attrs.frozen(kw_only=True)
class Example:
    """A short description of a case that makes a rule fire, and how to build it.

    >>> ex = Example("a claim with no parts", lambda: Claim(id="c", kind="other"))
    >>> ex.build().id
    'c'
    """

    text: str = attrs.field(kw_only=False)
    """What the case is, in a few words."""
    build: Callable[[], Validatable] = attrs.field(kw_only=False)
    """Builds the object to validate."""


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule: a function with a stable code, a severity and a doc line."""

    code: str
    """Stable code: ``CE201``; families share a prefix (``CE2``)."""
    severity: Severity
    """The severity of every finding the rule makes."""
    doc: str
    """One line: what holds when the data is consistent."""
    scope: Scope
    """What the function is given."""
    func: RuleFunction = attrs.field(eq=False)
    """The function; see :class:`~conflict_events.Scope` for its signature."""
    example: Example | None = attrs.field(default=None, eq=False)
    """A case that makes it fire, for the docs and the tests."""

    @property
    def name(self) -> str:
        """The function's name."""
        return getattr(self.func, "__name__", self.code)


F = TypeVar("F", bound=Callable[..., Iterable[Hit]])


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


def _patterns(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(value)


class Registry:
    """The rules by code; the default is :data:`~conflict_events.registry`, filled by :func:`rule`.

    One function may be registered under several codes (stack the decorators) when one
    computation decides them all; it is run once and each of its hits names its code.

    >>> r = Registry()
    >>> @r.rule("X101", Severity.WARNING, "A claim has an id shorter than 40 characters.")
    ... def short_id(claim, parent, path, ctx):
    ...     if len(claim.id) >= 40:
    ...         yield Hit(path, f"the id is {len(claim.id)} characters long.")
    >>> [rule.code for rule in r]
    ['X101']
    """

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        self.version = 0
        """Bumped on every change, so cached selections can tell they are stale."""
        for r in rules:
            self.add(r)

    def add(self, rule: Rule, *, replace: bool = False) -> Rule:
        """Register ``rule``; a code already taken is an error unless ``replace``."""
        if not _CODE.fullmatch(rule.code):
            raise RuleConflict(
                f"a rule code is capital letters then three digits, such as 'CE201' or "
                f"'ACME101', got {rule.code!r}"
            )
        if not replace and rule.code in self._rules:
            taken = self._rules[rule.code]
            raise RuleConflict(f"{rule.code} is already registered, by {taken.name}")
        for other in self._rules.values():
            if other.func is rule.func and other.scope is not rule.scope:
                raise RuleConflict(
                    f"{rule.name} is registered as {other.code} with scope "
                    f"{other.scope.value!r}; it cannot be {rule.code} with scope "
                    f"{rule.scope.value!r}"
                )
        self._rules[rule.code] = rule
        self.version += 1
        return rule

    def remove(self, code: str) -> Rule:
        """Unregister the rule with ``code`` and return it."""
        r = self[code]
        del self._rules[code]
        self.version += 1
        return r

    def rule(
        self,
        code: str,
        severity: Severity,
        doc: str,
        *,
        scope: Scope = Scope.CLAIM,
        example: Example | None = None,
        replace: bool = False,
    ) -> Callable[[F], F]:
        """A decorator that registers a function as the rule ``code``; see :func:`rule`."""

        def register(func: F) -> F:
            self.add(
                Rule(
                    code=code,
                    severity=severity,
                    doc=doc,
                    scope=scope,
                    func=func,
                    example=example,
                ),
                replace=replace,
            )
            return func

        return register

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def __getitem__(self, code: str) -> Rule:
        try:
            return self._rules[code]
        except KeyError:
            raise LookupFailed(f"no rule has the code {code!r}") from None

    def select(
        self,
        select: str | Iterable[str] | None = None,
        ignore: str | Iterable[str] | None = None,
    ) -> list[Rule]:
        """The rules whose code starts with one of ``select`` and none of ``ignore``.

        A pattern that matches no rule at all is an error: it is a typo more often than not.

        >>> [r.code for r in registry.select(["CE20"], ignore="CE203")][:3]
        ['CE201', 'CE202', 'CE204']
        """
        chosen, dropped = _patterns(select), _patterns(ignore)
        codes = list(self._rules)
        for pattern in (*(chosen or ()), *(dropped or ())):
            if not any(code.startswith(pattern) for code in codes):
                raise LookupFailed(
                    f"no rule code starts with {pattern!r}",
                    suggestions=sorted({c[:3] for c in codes}),
                )
        return [
            r
            for r in self
            if (chosen is None or _matches(r.code, chosen))
            and not (dropped and _matches(r.code, dropped))
        ]


registry = Registry()
"""The built-in catalogue (CE1xx-CE6xx) plus any rule users register with :func:`rule`."""


def rule(
    code: str,
    severity: Severity,
    doc: str,
    *,
    scope: Scope = Scope.CLAIM,
    example: Example | None = None,
    replace: bool = False,
) -> Callable[[F], F]:
    """Register a function in the default :data:`registry` as the rule ``code``.

    The function is pure: it reads what it is given (see :class:`Scope`) and returns or
    yields :class:`Hit` values; the engine adds the code and severity. Use your own code
    prefix for your own rules (``ACME101``), never ``CE``. When one computation decides
    several codes, stack one decorator per code on the same function and give each hit its
    ``code``: the function then runs once per object, whichever of its codes are selected.

    >>> @rule("ACME101", Severity.WARNING, "A claim names at most ten regions.")
    ... def at_most_ten_regions(claim, parent, path, ctx):
    ...     if len(claim.regions) > 10:
    ...         yield Hit(path, f"the claim names {len(claim.regions)} regions.")
    >>> "ACME101" in registry
    True
    >>> _ = registry.remove("ACME101")
    """
    return registry.rule(code, severity, doc, scope=scope, example=example, replace=replace)
