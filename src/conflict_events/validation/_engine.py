"""The engine: walks a claim, statement, report or dataset and runs the selected rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, cast

from conflict_events.model import Claim, Report, Statement
from conflict_events.validation._context import Context, DatasetIndex
from conflict_events.validation._registry import (
    ClaimRule,
    DatasetRule,
    Hit,
    Registry,
    ReportRule,
    Rule,
    RuleConflict,
    Scope,
    StatementRule,
    registry,
)
from conflict_events.validation._result import Finding, ValidationResult

__all__ = ["validate"]

Patterns = str | Iterable[str] | None


Routes = dict[str, Rule] | None
"""For a function registered under several codes: the selected rules by code."""


class _Plan(NamedTuple):
    claim: tuple[tuple[Rule, ClaimRule, Routes], ...]
    statement: tuple[tuple[Rule, StatementRule, Routes], ...]
    report: tuple[tuple[Rule, ReportRule, Routes], ...]
    dataset: tuple[tuple[Rule, DatasetRule, Routes], ...]


_PLANS: dict[tuple[int, int, tuple[str, ...] | None, tuple[str, ...] | None], _Plan] = {}
_MAX_PLANS = 64


def _key(patterns: Patterns) -> tuple[str, ...] | None:
    if patterns is None:
        return None
    if isinstance(patterns, str):
        return (patterns,)
    return tuple(patterns)


def _compile(chosen: Iterable[Rule]) -> _Plan:
    """The chosen rules by scope, each function once (at its first code) with its codes."""
    by_func: dict[int, list[Rule]] = {}
    for r in chosen:
        by_func.setdefault(id(r.func), []).append(r)
    by_scope: dict[Scope, list[tuple[Rule, object, Routes]]] = {s: [] for s in Scope}
    for rules in by_func.values():
        first = rules[0]
        routes = {r.code: r for r in rules} if len(rules) > 1 else None
        by_scope[first.scope].append((first, first.func, routes))
    return _Plan(
        claim=cast("tuple[tuple[Rule, ClaimRule, Routes], ...]", tuple(by_scope[Scope.CLAIM])),
        statement=cast(
            "tuple[tuple[Rule, StatementRule, Routes], ...]", tuple(by_scope[Scope.STATEMENT])
        ),
        report=cast("tuple[tuple[Rule, ReportRule, Routes], ...]", tuple(by_scope[Scope.REPORT])),
        dataset=cast(
            "tuple[tuple[Rule, DatasetRule, Routes], ...]", tuple(by_scope[Scope.DATASET])
        ),
    )


def _plan(rules: Registry | Iterable[Rule] | None, select: Patterns, ignore: Patterns) -> _Plan:
    chosen_key, dropped_key = _key(select), _key(ignore)
    if rules is None or rules is registry:
        key = (id(registry), registry.version, chosen_key, dropped_key)
        plan = _PLANS.get(key)
        if plan is None:
            if len(_PLANS) >= _MAX_PLANS:
                _PLANS.clear()
            plan = _PLANS[key] = _compile(registry.select(chosen_key, dropped_key))
        return plan
    source = rules if isinstance(rules, Registry) else Registry(rules)
    return _compile(source.select(chosen_key, dropped_key))


class _Run:
    """One validation run: the plan, and the findings so far."""

    __slots__ = ("claim_rules", "findings", "plan")

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.claim_rules = plan.claim
        self.findings: list[Finding] = []

    def add(self, rule: Rule, routes: Routes, hits: Iterable[Hit], report: str | None) -> None:
        if routes is not None:
            self.routed(rule, routes, hits, report)
            return
        append = self.findings.append
        for hit in hits:
            if hit.code is not None and hit.code != rule.code:
                continue  # a code of the same function that is not being run
            append(
                Finding(
                    code=rule.code,
                    severity=rule.severity,
                    message=hit.message,
                    path=hit.path,
                    ids=tuple(hit.ids),
                    report=hit.report if hit.report is not None else report,
                )
            )

    def routed(
        self, rule: Rule, routes: dict[str, Rule], hits: Iterable[Hit], report: str | None
    ) -> None:
        """Hits of a function registered under several codes, in code order."""
        by_code: dict[str, list[Hit]] = {code: [] for code in routes}
        for hit in hits:
            if hit.code is None:
                raise RuleConflict(
                    f"{rule.name} is registered under {', '.join(routes)} but gave a hit "
                    "without a code: set Hit.code"
                )
            if hit.code in by_code:
                by_code[hit.code].append(hit)
        for code, chosen in by_code.items():
            if chosen:
                self.add(routes[code], None, chosen, report)

    def claim(
        self, claim: Claim, parent: Claim | None, path: str, ctx: Context, report: str | None
    ) -> None:
        for r, func, routes in self.claim_rules:
            hits = func(claim, parent, path, ctx)
            if hits:
                self.add(r, routes, hits, report)
        parts = claim.parts
        if parts:
            prefix = f"{path}.parts" if path else "parts"
            for i, part in enumerate(parts):
                self.claim(part, claim, f"{prefix}[{i}]", ctx, report)

    def statement(self, statement: Statement, path: str, ctx: Context, report: str | None) -> None:
        for r, func, routes in self.plan.statement:
            hits = func(statement, path, ctx)
            if hits:
                self.add(r, routes, hits, report)
        if self.plan.claim:
            prefix = f"{path}.claims" if path else "claims"
            for i, claim in enumerate(statement.claims):
                self.claim(claim, None, f"{prefix}[{i}]", ctx, report)

    def reports(self, reports: Sequence[Report]) -> None:
        index = DatasetIndex(reports)
        for report in reports:
            ctx = Context(report, index)
            for r, report_func, routes in self.plan.report:
                hits = report_func(report, ctx)
                if hits:
                    self.add(r, routes, hits, report.id)
            for i, statement in enumerate(report.statements):
                self.statement(statement, f"statements[{i}]", ctx, report.id)
        if self.plan.dataset:
            ctx = Context(None, index)
            for r, dataset_func, routes in self.plan.dataset:
                hits = dataset_func(reports, ctx)
                if hits:
                    self.add(r, routes, hits, None)


def validate(
    obj: Claim | Statement | Report | Iterable[Report],
    *,
    select: Patterns = None,
    ignore: Patterns = None,
    strict: bool = False,
    rules: Registry | Iterable[Rule] | None = None,
) -> ValidationResult:
    """Run the consistency rules over a claim, a statement, a report or several reports.

    It never raises on bad data: every problem becomes a finding. ``select`` and ``ignore``
    take codes or prefixes (``"CE2"``, ``["CE201", "CE4"]``); ``strict`` makes warnings count
    as errors; ``rules`` replaces the built-in catalogue. Reports validated together form one
    dataset: ids must be unique across it, and a statement may retell one in another report.

    >>> from conflict_events import Claim, Quantity
    >>> part = Claim(id="c:bel", kind="interception", quantity=Quantity.exact(34))
    >>> total = Claim(id="c:all", kind="interception", quantity=Quantity.exact(38),
    ...               coverage="complete", parts=(part, part.__class__(
    ...                   id="c:vor", kind="interception", quantity=Quantity.exact(2))))
    >>> print(validate(total))
    CE201 error: the parts add up to 36 (34 + 2) but the total is 38, a difference of 2.
    """
    run = _Run(_plan(rules, select, ignore))
    if isinstance(obj, Claim):
        run.claim(obj, None, "", Context(), None)
    elif isinstance(obj, Statement):
        run.statement(obj, "", Context(), None)
    elif isinstance(obj, Report):
        run.reports((obj,))
    elif isinstance(obj, (str, bytes, Mapping)) or not isinstance(obj, Iterable):
        raise TypeError(
            f"expected a Claim, Statement, Report or an iterable of reports, got {type(obj)!r}"
        )
    else:
        reports = tuple(obj)
        for i, item in enumerate(reports):
            if not isinstance(item, Report):
                raise TypeError(f"item {i}: expected a Report, got {type(item).__name__}")
        run.reports(reports)
    return ValidationResult(run.findings, strict=strict)
