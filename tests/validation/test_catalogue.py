"""The rule catalogue: every code documented, every example fires, docs/rules.md current."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from conflict_events.model import Region
from conflict_events.validation import (
    Registry,
    Rule,
    Scope,
    Severity,
    catalogue_markdown,
    registry,
    validate,
)
from conflict_events.validation._context import Context

ROOT = Path(__file__).resolve().parents[2]
RULES_MD = ROOT / "docs" / "rules.md"
GENERATOR = ROOT / "docs" / "_gen_rules.py"

BUILT_IN = [r for r in registry if r.code.startswith("CE")]

EXPECTED = {
    "CE101": "error", "CE102": "error", "CE103": "error", "CE104": "error", "CE105": "error",
    "CE106": "error", "CE107": "error", "CE108": "warning",
    "CE201": "error", "CE202": "error", "CE203": "info", "CE204": "warning",
    "CE205": "warning", "CE206": "warning", "CE207": "warning", "CE208": "warning",
    "CE209": "error", "CE210": "error", "CE211": "error", "CE212": "warning",
    "CE301": "error", "CE302": "warning", "CE303": "warning", "CE304": "warning",
    "CE305": "warning",
    "CE401": "warning", "CE402": "info", "CE403": "warning", "CE404": "warning",
    "CE501": "error", "CE502": "warning",
    "CE601": "warning", "CE602": "warning", "CE603": "warning", "CE604": "warning",
    "CE605": "warning", "CE606": "warning", "CE607": "warning", "CE608": "warning",
    "CE609": "info", "CE610": "info", "CE611": "info", "CE612": "warning",
}  # fmt: skip


def test_the_catalogue_holds_the_stable_codes_with_their_severities():
    assert {r.code: r.severity.value for r in BUILT_IN} == EXPECTED


@pytest.mark.parametrize("r", BUILT_IN, ids=lambda r: r.code)
def test_every_rule_has_a_doc_line_a_family_module_and_an_example(r: Rule):
    assert r.doc.endswith(".")
    assert "\n" not in r.doc
    family = {"1": "references", "2": "arithmetic", "3": "time", "4": "geography",
              "5": "weapons", "6": "statements"}[r.code[2]]  # fmt: skip
    assert r.func.__module__ == f"conflict_events.validation.rules.{family}"
    assert r.example is not None
    assert r.example.text


@pytest.mark.parametrize("r", BUILT_IN, ids=lambda r: r.code)
def test_every_example_fires_its_rule(r: Rule):
    assert r.example is not None
    result = validate(r.example.build(), select=[r.code])
    assert len(result) >= 1
    assert {f.code for f in result} == {r.code}
    assert all(f.message.endswith(".") and "\n" not in f.message for f in result)


def test_docs_rules_md_is_up_to_date():
    """Regenerate with ``python docs/_gen_rules.py`` when this fails."""
    assert RULES_MD.read_text(encoding="utf-8") == catalogue_markdown()


def test_the_generator_script_writes_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    spec = importlib.util.spec_from_file_location("gen_rules", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = tmp_path / "rules.md"
    monkeypatch.setattr(module, "TARGET", target)
    assert module.main(["--check"]) == 1
    assert module.main([]) == 0
    assert target.read_text(encoding="utf-8") == catalogue_markdown()
    assert module.main([]) == 0  # unchanged: not rewritten
    assert module.main(["--check"]) == 0
    monkeypatch.setattr(sys, "argv", ["_gen_rules.py", "--check"])
    assert module.main() == 0


def test_the_markdown_of_other_rules_and_of_rules_without_examples():
    def nothing(claim: object, parent: object, path: str, ctx: object) -> list[object]:
        return []

    mine = Rule(code="ACME101", severity=Severity.INFO, doc="Nothing.", scope=Scope.CLAIM,
                func=nothing)  # fmt: skip
    text = catalogue_markdown(Registry([mine]))
    assert "## Other rules" in text
    assert "### ACME101" in text
    assert "Example" not in text
    silent = Rule(code="CE999", severity=Severity.INFO, doc="Never fires.", scope=Scope.CLAIM,
                  func=nothing, example=BUILT_IN[0].example)  # fmt: skip
    assert "(no finding)" in catalogue_markdown([silent])


# -- look-ups in context -------------------------------------------------------------------


def test_context_caches_and_the_report_table_comes_first():
    from _make import region, report, statement

    own = region("RU-BEL", "Belgorod (own)")
    ctx = Context(report(statement("st:a"), regions=(own,)))
    assert ctx.region("RU-BEL") is own
    assert ctx.region("RU-BEL") is own
    assert ctx.region_name("RU-XYZ") == "RU-XYZ"
    assert ctx.weapon("no-such") is None
    assert ctx.weapon("no-such") is None
    assert ctx.is_sea("sea:azov")
    assert not ctx.is_sea("RU-BEL")
    assert ctx.statement("st:a") is None  # no dataset index without validation
    assert isinstance(own, Region)


def test_located_statements_know_their_path_and_report():
    from _make import report, statement

    from conflict_events.validation._context import DatasetIndex

    r = report(statement("st:a"), statement("st:b"))
    located = DatasetIndex([r]).statements["st:b"]
    assert located.path == "statements[1]"
    assert located.report_id == "rep:test"
    assert located.position == 0


def test_a_hierarchy_deeper_than_the_search_stops_without_an_answer_of_yes():
    from _make import region, report, statement

    chain = [region("area:top", "Top", kind="area")]
    chain += [
        region(f"area:r{i}", f"R{i}", kind="area", parent=f"area:r{i - 1}" if i else "area:top")
        for i in range(20)
    ]
    ctx = Context(report(statement("st:a"), regions=tuple(chain)))
    assert ctx.within("area:r19", ("area:top",)) is False
    assert ctx.within("area:r3", ("area:top",)) is True
