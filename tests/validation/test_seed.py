"""The seed report (``examples/data/seed_report.json``) validated: what a careful reader finds."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from _make import region

from conflict_events import Report, loads
from conflict_events.validation import ValidationResult, validate

SEED = Path(__file__).resolve().parents[2] / "examples" / "data" / "seed_report.json"
CRIMEA = region(
    "UA-43", "Crimea", country="UA", parent="UA", administered_by="RU", claimed_by=("UA", "RU")
)

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"{SEED} is not there")


@pytest.fixture(scope="module")
def seed() -> Report:
    return loads(Report, SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(seed: Report) -> ValidationResult:
    return validate(seed)


def path_of(report: Report, claim_id: str) -> str:
    return next(path for path, claim in report.claims() if claim.id == claim_id)


def test_the_130_breakdown_is_partial_and_leaves_10_to_34_unaccounted(
    seed: Report, result: ValidationResult
):
    [finding] = result.by_code()["CE203"]
    assert finding.path == path_of(seed, "c:night-total")
    assert finding.message == (
        "the partial breakdown of 130 adds up to 96 (or 120 if grouped counts are per region), "
        "so 10–34 are unaccounted for."
    )


def test_the_majority_of_130_is_31_that_is_24_percent(seed: Report, result: ValidationResult):
    [finding] = result.by_code()["CE206"]
    assert finding.path == path_of(seed, "c:night-kursk")
    assert finding.message == "'majority' 31 of 130 is 24 %, not more than half."


def test_the_evening_statement_may_precede_the_evenings_conventional_end(
    seed: Report, result: ValidationResult
):
    """Issued during the evening it reports: its end at midnight is a convention, no CE302."""
    window = seed.statements[0].claims[0].window
    assert window is not None
    assert window.approximate
    assert seed.statements[0].issued is not None
    assert seed.statements[0].issued.end < window.end
    assert "CE302" not in result.by_code()


def test_crimea_is_disputed(seed: Report, result: ValidationResult):
    findings = result.by_code().get("CE402", ())
    if not findings:  # the gazetteer is not installed: give the report Crimea's status itself
        findings = validate(attrs.evolve(seed, regions=(CRIMEA,)), select="CE402").findings
    [finding] = findings
    assert finding.path == path_of(seed, "c:evening-total")
    assert (
        finding.message == "Crimea (UA-43) is disputed: administered by RU, claimed by UA and RU."
    )


def test_no_arithmetic_error_on_the_38_drone_claim(seed: Report, result: ValidationResult):
    evening = path_of(seed, "c:evening-total")
    assert not [f for f in result if f.code.startswith("CE2") and f.path.startswith(evening)]


def test_nothing_in_the_seed_is_an_error(result: ValidationResult):
    assert [str(f) for f in result.errors if f.code != "CE102"] == []
    assert result.ok or {f.code for f in result.errors} == {"CE102"}  # Oreshnik, uncatalogued


def test_the_printed_result(result: ValidationResult):
    lines = str(result).splitlines()
    assert any(
        line.startswith("CE206 warning at statements[2].claims[0].parts[0]") for line in lines
    )
    assert lines.index(next(x for x in lines if x.startswith("CE203"))) > lines.index(
        next(x for x in lines if x.startswith("CE206"))
    )  # warnings before infos
