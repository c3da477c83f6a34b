"""The engine and its result: what it accepts, selection, strictness, custom rules, output."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from _make import codes, drones, report, statement
from hypothesis import given
from hypothesis import strategies as st

from conflict_events import Claim, ConflictEventsError, LookupFailed, Report, Statement
from conflict_events.errors import ValidationFailed
from conflict_events.testing import strategies as ces
from conflict_events.validation import (
    Example,
    Finding,
    Hit,
    Registry,
    Rule,
    RuleConflict,
    Scope,
    Severity,
    ValidationResult,
    registry,
    rule,
    validate,
)


def broken() -> Claim:
    """A complete breakdown of 38 that adds up to 36, with a 'majority' that is not one."""
    return drones(
        "c:total",
        38,
        coverage="complete",
        parts=(drones("a", 34, "RU-BEL"), drones("b", 2, "RU-VOR", share="majority")),
    )


# -- what it accepts ---------------------------------------------------------------------


def test_a_claim_a_statement_a_report_and_reports_give_paths_from_where_they_start():
    claim = broken()
    assert [f.path for f in validate(claim, select="CE201")] == [""]
    assert [f.path for f in validate(statement("st:a", claim), select="CE201")] == ["claims[0]"]
    one = report(statement("st:a", claim))
    assert [(f.path, f.report) for f in validate(one, select="CE201")] == [
        ("statements[0].claims[0]", "rep:test")
    ]
    two = report(statement("st:b", claim), id="rep:two")
    assert [f.report for f in validate(iter([one, two]), select="CE201")] == ["rep:test", "rep:two"]


@pytest.mark.parametrize("bad", ["a string", b"bytes", {"id": "r"}, 42, None])
def test_anything_else_is_a_type_error(bad: object):
    with pytest.raises(TypeError, match="expected a Claim, Statement, Report"):
        validate(bad)  # type: ignore[arg-type]


def test_an_iterable_must_hold_reports():
    with pytest.raises(TypeError, match="item 1: expected a Report, got Statement"):
        validate([report(), statement("st:a")])  # type: ignore[list-item]


@given(ces.reports())
def test_validating_any_valid_report_never_raises(r: Report):
    result = validate(r)
    assert all(isinstance(f, Finding) for f in result)
    json.dumps(result.to_dict())


@given(ces.statements(max_claims=3, max_depth=2))
def test_validating_any_statement_never_raises(s: Statement):
    validate(s)


@given(st.lists(ces.reports(max_statements=2), max_size=3))
def test_validating_any_dataset_never_raises(reports: list[Report]):
    validate(reports)


# -- selection and strictness ------------------------------------------------------------


def test_select_and_ignore_by_code_and_family():
    claim = broken()
    assert codes(validate(claim)) == ["CE201", "CE206"]
    assert codes(validate(claim, select=["CE20"])) == ["CE201", "CE206"]
    assert codes(validate(claim, select="CE2", ignore="CE206")) == ["CE201"]
    assert codes(validate(claim, ignore=["CE2"])) == []
    assert codes(validate(claim, select=("CE206",))) == ["CE206"]


@pytest.mark.parametrize("patterns", [{"select": "CE9"}, {"ignore": ["CE2", "XX"]}])
def test_a_pattern_matching_no_rule_is_an_error(patterns: dict[str, object]):
    with pytest.raises(LookupFailed, match="no rule code starts with") as info:
        validate(broken(), **patterns)  # type: ignore[arg-type]
    assert "CE2" in info.value.suggestions


def test_strict_makes_warnings_count_as_errors():
    claim = drones("c", 130, coverage="partial", parts=(drones("a", 31, share="majority"),))
    lenient = validate(claim)
    assert codes(lenient) == ["CE203", "CE206"]
    assert lenient.ok
    assert lenient.failures == ()
    strict = validate(claim, strict=True)
    assert not strict.ok
    assert [f.code for f in strict.failures] == ["CE206"]
    assert strict.errors == ()
    with pytest.raises(ValidationFailed):
        strict.raise_for_errors()


# -- the result --------------------------------------------------------------------------


def test_the_result_groups_counts_and_reads():
    result = validate(report(statement("st:a", broken()), publisher="src:ksfo"))
    assert len(result) == 3
    assert list(result) == list(result.findings)
    assert [f.code for f in result.errors] == ["CE103", "CE201"]
    assert [f.code for f in result.warnings] == ["CE206"]
    assert result.infos == ()
    assert not result.ok
    assert list(result.by_code()) == ["CE103", "CE201", "CE206"]
    assert result.counts() == {"error": 2, "warning": 1, "info": 0}
    assert str(result).splitlines() == [
        "CE103 error at publisher: the publisher src:ksfo is not among the report's sources.",
        "CE201 error at statements[0].claims[0]: the parts add up to 36 (34 + 2) but the total "
        "is 38, a difference of 2.",
        "CE206 warning at statements[0].claims[0].parts[1]: 'majority' 2 of 38 is 5 %, not more "
        "than half.",
    ]


def test_the_result_names_reports_when_findings_come_from_several():
    one = report(statement("st:a", broken()), id="rep:1")
    two = report(statement("st:b", broken()), id="rep:2")
    lines = str(validate([one, two], select="CE201")).splitlines()
    assert lines[0].startswith("CE201 error in rep:1 at statements[0].claims[0]: ")
    assert lines[1].startswith("CE201 error in rep:2 at statements[0].claims[0]: ")
    bare = ValidationResult([Finding(code="X", severity=Severity.INFO, message="m.", report="r")])
    assert str(bare) == "X info: m."
    mixed = ValidationResult(
        [
            Finding(code="X1", severity=Severity.INFO, message="m.", report="r1"),
            Finding(code="X2", severity=Severity.INFO, message="n.", report="r2"),
            Finding(code="X3", severity=Severity.INFO, message="o."),
        ]
    )
    assert str(mixed).splitlines() == ["X1 info in r1: m.", "X2 info in r2: n.", "X3 info: o."]


def test_to_dict_is_plain_json():
    result = validate(report(statement("st:a", broken())), select="CE201")
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["ok"] is False
    assert data["counts"]["error"] == 1
    assert data["findings"][0] == {
        "code": "CE201",
        "severity": "error",
        "message": "the parts add up to 36 (34 + 2) but the total is 38, a difference of 2.",
        "path": "statements[0].claims[0]",
        "ids": ["c:total"],
        "report": "rep:test",
    }


def test_raise_for_errors_lists_the_failures_and_returns_the_result_when_clean():
    result = validate(broken())
    with pytest.raises(ValidationFailed) as info:
        result.raise_for_errors()
    assert isinstance(info.value, ConflictEventsError)
    assert info.value.result is result
    assert str(info.value).splitlines() == [
        "validation failed with 1 finding:",
        "  CE201 error: the parts add up to 36 (34 + 2) but the total is 38, a difference of 2.",
    ]
    clean = validate(drones("c", 3))
    assert clean.raise_for_errors() is clean
    assert str(clean) == "no findings"
    two = ValidationResult([Finding(code="X", severity=Severity.ERROR, message="m.")] * 2)
    with pytest.raises(ValidationFailed, match="with 2 findings"):
        two.raise_for_errors()


# -- custom rules ------------------------------------------------------------------------


def test_users_register_rules_of_every_scope_and_can_remove_them():
    @rule("ACME101", Severity.WARNING, "A claim has a quote.")
    def quoted(claim: Claim, parent: Claim | None, path: str, ctx: object) -> Iterator[Hit]:
        if claim.quote is None:
            yield Hit(path, "the claim has no quote.", (claim.id,))

    @rule("ACME102", Severity.INFO, "A statement has a summary.", scope=Scope.STATEMENT)
    def summarised(s: Statement, path: str, ctx: object) -> list[Hit]:
        return [] if s.summary else [Hit(path or "summary", "no summary.")]

    @rule("ACME103", Severity.INFO, "A report has a title.", scope=Scope.REPORT)
    def titled(r: Report, ctx: object) -> tuple[Hit, ...]:
        return () if r.title else (Hit("title", "no title."),)

    @rule("ACME104", Severity.INFO, "At most one report.", scope=Scope.DATASET)
    def single(reports: list[Report], ctx: object) -> list[Hit]:
        return [Hit("", f"{len(reports)} reports.", report=None)] if len(reports) > 1 else []

    try:
        r = report(statement("st:a", drones("c", 1)))
        result = validate([r, report(id="rep:2")], select="ACME")
        assert [(f.code, f.path) for f in result] == [
            ("ACME103", "title"),
            ("ACME102", "statements[0]"),
            ("ACME101", "statements[0].claims[0]"),
            ("ACME103", "title"),
            ("ACME104", ""),
        ]
        assert result.findings[-1].report is None
        assert registry["ACME101"].name == "quoted"
    finally:
        for code in ("ACME101", "ACME102", "ACME103", "ACME104"):
            registry.remove(code)
    assert "ACME101" not in registry
    with pytest.raises(LookupFailed, match="no rule has the code"):
        registry["ACME101"]


def test_a_taken_or_malformed_code_is_refused_unless_replacing():
    def nothing(claim: Claim, parent: Claim | None, path: str, ctx: object) -> list[Hit]:
        return []

    with pytest.raises(RuleConflict, match="CE201 is already registered, by complete_breakdown"):
        rule("CE201", Severity.ERROR, "again")(nothing)
    with pytest.raises(RuleConflict, match="capital letters then three digits"):
        rule("ce201", Severity.ERROR, "lower case")(nothing)
    own = Registry()
    own.rule("X001", Severity.ERROR, "first")(nothing)
    own.rule("X001", Severity.INFO, "second", replace=True)(nothing)
    assert own["X001"].doc == "second"
    assert len(own) == 1
    assert isinstance(RuleConflict("x"), ValueError)


def test_one_function_may_decide_several_codes_and_runs_once():
    """Stacked registrations: one call per object, each hit under its own code and severity."""
    calls: list[str] = []
    own = Registry()

    @own.rule("X201", Severity.ERROR, "The claim has an id.")
    @own.rule("X202", Severity.INFO, "The claim has a quote.")
    def both(claim: Claim, parent: Claim | None, path: str, ctx: object) -> Iterator[Hit]:
        calls.append(claim.id)
        yield Hit(path, "no quote.", code="X202")
        yield Hit(path, "an id.", code="X201")

    claim = drones("c", 1)
    result = validate(claim, rules=own)
    assert calls == ["c"]
    assert [(f.code, f.severity, f.message) for f in result] == [
        ("X201", Severity.ERROR, "an id."),
        ("X202", Severity.INFO, "no quote."),
    ]
    assert [f.code for f in validate(claim, rules=own, select="X202")] == ["X202"]
    assert [f.code for f in validate(claim, rules=own, ignore="X202")] == ["X201"]
    assert [f.code for f in validate(claim, rules=[own["X201"]])] == ["X201"]

    @own.rule("X203", Severity.INFO, "Never selected below.")
    @own.rule("X204", Severity.INFO, "Selected below.")
    @own.rule("X205", Severity.INFO, "Selected below too.")
    def more(claim: Claim, parent: Claim | None, path: str, ctx: object) -> Iterator[Hit]:
        yield Hit(path, "three.", code="X205")
        yield Hit(path, "one.", code="X203")
        yield Hit(path, "two.", code="X204")

    assert codes(validate(claim, rules=own, select=["X201", "X202", "X204", "X205"])) == [
        "X201",
        "X202",
        "X204",
        "X205",
    ]
    assert {r.code: r.name for r in own} == {
        "X201": "both",
        "X202": "both",
        "X203": "more",
        "X204": "more",
        "X205": "more",
    }


def test_a_function_of_several_codes_must_name_the_code_of_each_hit():
    own = Registry()

    @own.rule("X301", Severity.ERROR, "One.")
    @own.rule("X302", Severity.ERROR, "Two.")
    def vague(claim: Claim, parent: Claim | None, path: str, ctx: object) -> list[Hit]:
        return [Hit(path, "which?")]

    with pytest.raises(RuleConflict, match="registered under X301, X302 but gave a hit without"):
        validate(drones("c", 1), rules=own)
    assert codes(validate(drones("c", 1), rules=own, select="X301")) == ["X301"]


def test_one_function_cannot_take_two_scopes():
    own = Registry()

    def f(*args: object) -> list[Hit]:
        return []

    own.rule("X401", Severity.ERROR, "Claims.")(f)
    with pytest.raises(RuleConflict, match="registered as X401 with scope 'claim'"):
        own.rule("X402", Severity.ERROR, "Statements.", scope=Scope.STATEMENT)(f)


def test_the_retelling_rules_are_one_comparison():
    """CE601-CE607 share one function: a retelling is compared with its original once."""
    functions = {registry[f"CE60{i}"].func for i in range(1, 8)}
    assert len(functions) == 1
    assert registry["CE608"].func not in functions


def test_rules_replaces_the_catalogue():
    def always(claim: Claim, parent: Claim | None, path: str, ctx: object) -> list[Hit]:
        return [Hit(path, "always.")]

    mine = Rule(code="X100", severity=Severity.ERROR, doc="d", scope=Scope.CLAIM, func=always)
    assert codes(validate(broken(), rules=[mine])) == ["X100", "X100", "X100"]
    assert codes(validate(broken(), rules=Registry([mine]), select="X1")) == ["X100"] * 3
    assert codes(validate(broken(), rules=registry, select="CE201")) == ["CE201"]


def test_the_plan_cache_sees_newly_registered_rules():
    assert codes(validate(drones("c", 1))) == []

    @rule("ACME201", Severity.INFO, "Always.")
    def always(claim: Claim, parent: Claim | None, path: str, ctx: object) -> list[Hit]:
        return [Hit(path, "always.")]

    try:
        assert codes(validate(drones("c", 1))) == ["ACME201"]
    finally:
        registry.remove("ACME201")
    assert codes(validate(drones("c", 1))) == []


def test_many_selections_do_not_grow_the_plan_cache_without_bound():
    from conflict_events.validation import _engine

    all_codes = [r.code for r in registry]
    for first in all_codes:
        for second in all_codes[:3]:
            validate(drones("c", 1), select=[first, second])
    assert len(all_codes) * 3 > _engine._MAX_PLANS
    assert len(_engine._PLANS) <= _engine._MAX_PLANS


def test_examples_build_what_they_describe():
    ex = Example("a claim", lambda: drones("c", 1))
    assert ex.text == "a claim"
    assert isinstance(ex.build(), Claim)


def test_report_and_dataset_rules_may_return_nothing():
    @rule("ACME301", Severity.INFO, "Nothing.", scope=Scope.REPORT)
    def nothing_per_report(r: Report, ctx: object) -> tuple[Hit, ...]:
        return ()

    @rule("ACME302", Severity.INFO, "Nothing.", scope=Scope.DATASET)
    def nothing_at_all(reports: list[Report], ctx: object) -> list[Hit]:
        return []

    try:
        assert codes(validate([report(), report(id="rep:2")], select="ACME3")) == []
    finally:
        registry.remove("ACME301")
        registry.remove("ACME302")


def test_threads_validating_at_once_get_what_one_thread_gets():
    from concurrent.futures import ThreadPoolExecutor

    claims = [
        drones(f"c{i}", 10 + i % 3, coverage="complete", parts=(drones(f"p{i}", 10, "RU-BEL"),))
        for i in range(300)
    ]
    alone = [str(validate(c)) for c in claims]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda c: str(validate(c)), claims))
    assert together == alone
