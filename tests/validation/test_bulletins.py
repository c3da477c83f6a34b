"""The 14 real annotated bulletins: each record's arithmetic verdict, and the seed's retellings.

The records live in ``../shared/data`` beside the checkout; without them these tests skip.
How findings map to a verdict is :func:`_bulletins.verdict`.
"""

from __future__ import annotations

from typing import Any

import pytest
from _bulletins import BULLETINS, VERDICTS, encode, records, verdict

from conflict_events import Report
from conflict_events.validation import ValidationResult, validate

pytestmark = pytest.mark.skipif(
    not BULLETINS.is_file(),
    reason=f"the annotated bulletins are not beside the checkout ({BULLETINS}); "
    "they come with ../shared/data",
)

TOTAL = "statements[0].claims[0]"


@pytest.fixture(scope="module")
def annotated() -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records()}


@pytest.fixture(scope="module")
def reports(annotated: dict[str, dict[str, Any]]) -> dict[str, Report]:
    return {rid: encode(record) for rid, record in annotated.items()}


def test_there_are_fourteen_records_with_known_verdicts(annotated: dict[str, dict[str, Any]]):
    assert len(annotated) == 14
    assert {r["arithmetic"]["reconciles"] for r in annotated.values()} <= set(VERDICTS)


def _verdict(report: Report, result: ValidationResult) -> str:
    on_total = {f.code for f in result if f.path == TOTAL}
    return verdict(on_total, report.statements[0].claims[0])


@pytest.mark.parametrize(
    "rid",
    [
        "b001",
        "b003",
        "b009",
        "b015",
        "b020",
        "b032",
        "b033",
        "b045",
        "b049",
        "b054",
        "b058",
        "b063",
        "b065",
        "b071",
    ],
)
def test_each_record_gets_the_verdict_its_annotation_records(
    rid: str, annotated: dict[str, dict[str, Any]], reports: dict[str, Report]
):
    report = reports[rid]
    result = validate(report, select="CE2")
    assert _verdict(report, result) == annotated[rid]["arithmetic"]["reconciles"]
    assert result.errors == ()


def test_the_verdicts_hold_when_the_records_are_validated_together(
    annotated: dict[str, dict[str, Any]], reports: dict[str, Report]
):
    result = validate(list(reports.values()))
    for rid, report in reports.items():
        mine = ValidationResult([f for f in result if f.report == report.id])
        assert _verdict(report, mine) == annotated[rid]["arithmetic"]["reconciles"], rid
    # Every reference resolves, no id repeats, and nothing is contradictory.
    assert not any(f.code.startswith("CE1") for f in result), str(result)
    assert result.errors == ()


def test_the_partial_retelling_of_the_130_bulletin_leaves_10_to_34_unaccounted(
    reports: dict[str, Report],
):
    [finding] = validate(reports["b009"], select="CE203")
    assert finding.path == TOTAL
    assert finding.message == (
        "the partial breakdown of 130 adds up to 96 (or 120 if grouped counts are per region), "
        "so 10–34 are unaccounted for."
    )


def test_the_seed_retelling_of_b001_drops_bryansk_10_and_the_each(reports: dict[str, Report]):
    result = validate([reports["b001"], reports["b009"]], select="CE6")
    by_code = result.by_code()
    [omitted] = by_code["CE606"]
    assert omitted.report == "rep:b009"
    assert "RU-BRY" in omitted.ids
    assert "(10)" in omitted.message
    assert omitted.message.startswith("retelling omits Bryansk")
    lost = by_code["CE605"]
    assert [f.path for f in lost] == [f"{TOTAL}.parts[3]", f"{TOTAL}.parts[4]"]
    assert lost[0].message.startswith(
        "retelling drops 'each': 'nine over Orel, Tambov, and Tula' where the original gives 9 "
        "for each of "
    )
    assert lost[1].message.startswith("retelling drops 'each': 6 over Lipetsk")
    assert set(by_code) == {"CE602", "CE605", "CE606"}  # and the window it does not give
    assert "CE604" not in by_code  # every count it does give matches


def test_the_seed_retelling_of_b015_keeps_the_counts_but_not_the_time(
    reports: dict[str, Report],
):
    """b015 gives 'two each' over Voronezh and Crimea; b020 'two ... and two more': the same
    counts. What b020 changes is when: it dates the bulletin's release to 20:00-23:00."""
    result = validate([reports["b015"], reports["b020"]])
    assert not any(f.code.startswith("CE6") for f in result)
    [early] = result.by_code()["CE302"]
    assert early.report == "rep:b020"
    assert "no later than the moment the window it reports ends" in early.message


def test_the_two_retellings_of_the_seed_article_validated_with_their_originals(
    reports: dict[str, Report],
):
    dataset = [reports[r] for r in ("b001", "b009", "b015", "b020")]
    result = validate(dataset)
    codes = sorted({f.code for f in result})
    assert codes == ["CE203", "CE302", "CE402", "CE602", "CE605", "CE606"]
    text = str(result)
    assert "retelling omits Bryansk" in text
    assert "drops 'each'" in text


def test_a_retelling_alone_points_at_an_original_not_validated(reports: dict[str, Report]):
    [finding] = validate(reports["b009"], select="CE105")
    assert finding.message == (
        "the statement retells st:b001, which is in none of the reports validated."
    )
