"""Findings as a table: ``ValidationResult.to_records()`` and ``to_dataframe()``."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import conflict_events as ce
from conflict_events.validation import Finding, Severity, ValidationResult
from conflict_events.validation._result import RECORD_COLUMNS

SEED = Path(__file__).resolve().parents[2] / "examples" / "data" / "seed_report.json"


@pytest.fixture(scope="module")
def result() -> ValidationResult:
    return ce.validate(ce.loads(ce.Report, SEED.read_text(encoding="utf-8")))


def test_records_hold_every_finding_in_order_with_its_fields(result: ValidationResult):
    records = result.to_records()
    assert [r["code"] for r in records] == [f.code for f in result]
    assert all(tuple(r) == RECORD_COLUMNS for r in records)
    first = next(iter(result))
    assert records[0] == {
        "code": first.code,
        "severity": first.severity.value,
        "message": first.message,
        "path": first.path,
        "ids": first.ids,
        "report": "rep:ksfo-2025-10-31-air-defence",
        "file": None,
        "line": None,
    }


def test_file_and_line_are_carried_where_known():
    finding = Finding(code="CE000", severity=Severity.ERROR, message="bad line.")
    located = attrs.evolve(finding, file="data/reports.jsonl", line=7)
    (record,) = ValidationResult([located]).to_records()
    assert (record["file"], record["line"], record["path"]) == ("data/reports.jsonl", 7, None)
    assert located.to_dict()["line"] == 7


def test_a_dataframe_groups_filters_and_counts(result: ValidationResult):
    pytest.importorskip("pandas")
    frame = result.to_dataframe()
    assert list(frame.columns) == list(RECORD_COLUMNS)
    assert len(frame) == len(result)
    assert frame.groupby("severity", observed=False).size().to_dict() == {
        "error": 0,
        "warning": 1,
        "info": 2,
    }
    assert sorted(frame.loc[frame["code"] == "CE206", "path"]) == sorted(
        f.path for f in result.by_code()["CE206"]
    )
    assert str(frame["line"].dtype) == "Int64"
    assert frame.sort_values("severity")["severity"].iloc[0] == "warning"


def test_an_empty_result_gives_an_empty_table_with_the_columns():
    assert ValidationResult([]).to_records() == []
    pytest.importorskip("pandas")
    frame = ValidationResult([]).to_dataframe()
    assert list(frame.columns) == list(RECORD_COLUMNS)
    assert frame.empty
