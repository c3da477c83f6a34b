"""``conflict-events import FORMAT FILE -o OUT.jsonl``: counts, problems and the exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_events import Report, iter_jsonl
from conflict_events.cli import main
from conflict_events.formats import ucdp
from conflict_events.formats._csv import write_rows


def _ged(path: Path, rows: list[dict[str, str]]) -> Path:
    write_rows(path, ucdp.COLUMNS, [dict.fromkeys(ucdp.COLUMNS, "") | r for r in rows])
    return path


def test_a_whole_import_writes_reports_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _ged(tmp_path / "g.csv", [ucdp.SAMPLE_ROW])
    out = tmp_path / "out.jsonl"
    assert main(["import", "ucdp-ged", str(src), "-o", str(out)]) == 0
    [report] = list(iter_jsonl(Report, out))
    assert report.id == "ucdp:1"
    printed = capsys.readouterr().out
    assert "1 records, 1 reports, 2 claims" not in printed  # parts are not claims of a statement
    assert "1 records, 1 reports, 1 claims, 0 problems, 0 records not represented" in printed
    assert "note: encoding: utf-8 (detected)" in printed


def test_a_row_not_represented_exits_1_and_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [ucdp.SAMPLE_ROW, ucdp.SAMPLE_ROW | {"id": "2", "best": "9"}]
    src = _ged(tmp_path / "g.csv", rows)
    out = tmp_path / "out.jsonl"
    assert main(["import", "ucdp-ged", str(src), "-o", str(out), "--max-problems", "0"]) == 1
    assert len(list(iter_jsonl(Report, out))) == 1
    printed = capsys.readouterr().out
    assert "1 records not represented" in printed
    assert "... and 1 more problems" in printed
    assert main(["import", "ucdp-ged", str(src), "-o", str(out)]) == 1
    assert "record 2 (line 3), best: deaths are not low <= best <= high" in capsys.readouterr().out


def test_an_unreadable_file_exits_3_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "g.csv"
    src.write_text("id\n1\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["import", "ucdp-ged", str(src), "-o", str(out)]) == 3
    assert not out.exists()
    assert "missing columns" in capsys.readouterr().err
