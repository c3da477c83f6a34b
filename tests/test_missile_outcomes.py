"""The outcome rule on every row of the missile-attacks CSV agrees with a plain check of it."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "missile_outcomes.py"
CSV = ROOT / ".." / "shared" / "data" / "missile_attacks" / "missile_attacks_daily.csv"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    if not CSV.is_file():
        pytest.skip(f"the missile-attacks CSV is absent ({CSV})")
    spec = importlib.util.spec_from_file_location("missile_outcomes", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["missile_outcomes"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_only_the_shahed_row_of_27_december_2024_breaks_the_outcome_rule(script: ModuleType):
    summary = script.run(CSV, rules=["CE21"])
    assert len(summary.rows) == 3585
    (row,) = summary.outcome_rows()
    assert row.label == "2024-12-27 23:00 Shahed-136/131"
    assert row.values["time_end"].strip() == "2024-12-28 08:30"
    (finding,) = [f for f in summary.findings[row.number] if f.code == "CE211"]
    assert finding.message == (
        "the outcomes destroyed 15 + not reached 11 add up to 26, more than the 16 launched by 10."
    )
    assert summary.disagreements() == []
    assert sum(script.plain_check(r.values) for r in summary.rows) == 1
    assert summary.by_code() == {"CE211": 1}


def test_the_plain_check_and_the_mapping_read_counts_as_the_csv_writes_them(script: ModuleType):
    row = {"launched": "16.0", "destroyed": "15.0", "not_reach_goal": "1.0", "still_attacking": ""}
    assert script.plain_check(row) is False
    assert script.plain_check({**row, "still_attacking": "1.0"}) is True
    assert script.plain_check({**row, "launched": "nan"}) is False
    with pytest.raises(ValueError, match="expected a whole count"):
        script.count("1.5")


def test_the_script_prints_its_counts(
    script: ModuleType, capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    """Two made-up rows in the CSV's own columns: one breaks the rule, one does not."""
    header = CSV.read_text(encoding="utf-8").splitlines()[0].split(",")
    blank = dict.fromkeys(header, "")
    made_up = [
        {**blank, "time_start": "2025-01-02 19:00", "time_end": "2025-01-03 08:00",
         "model": "Shahed-136/131", "launched": "10.0", "destroyed": "9.0",
         "not_reach_goal": "3.0", "launch_place": "Kursk oblast", "target": "Odesa oblast"},
        {**blank, "time_start": "2025-01-04", "time_end": "2025-01-04", "model": "Kalibr",
         "launched": "4.0", "destroyed": "4.0", "num_hit_location": "2.0"},
    ]  # fmt: skip
    path = tmp_path / "rows.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(made_up)
    assert script.main(["missile_outcomes.py", str(path)]) == 0
    out = capsys.readouterr().out
    assert "rows: 2, claims built: 2" in out
    assert "launch places resolved to a place of the conflict: 1 of 1 mentions" in out
    assert "findings by code: CE211 1" in out
    assert "the outcomes destroyed 9 + not reached 3 add up to 12, more than the 10 launched" in out
    assert "plain check: 1 rows break it; disagreements with CE211: 0" in out
    assert script.main(["missile_outcomes.py", str(tmp_path / "absent.csv")]) == 1
