"""``conflict-events export FORMAT IN.jsonl -o OUT``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_events import Claim, Report, Statement, write_jsonl
from conflict_events.cli import main


def _input(tmp_path: Path, bad_line: bool = False) -> Path:
    claim = Claim(id="c", kind="strike", targets=("UA",))
    report = Report(
        id="r", statements=(Statement(id="s", source="src:x", kind="bulletin", claims=(claim,)),)
    )
    path = tmp_path / "in.jsonl"
    write_jsonl([report], path)
    if bad_line:
        with path.open("a", encoding="utf-8") as out:
            out.write('{"id": "broken"}\n')
    return path


@pytest.mark.parametrize(("fmt", "count"), [("geojson", 1), ("stix", 6), ("parquet", 1)])
def test_export_writes_the_format_and_says_how_much(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, count: int
) -> None:
    """Exit 0, the count on standard output, the file written."""
    out = tmp_path / f"out.{fmt}"
    assert main(["export", fmt, str(_input(tmp_path)), "-o", str(out)]) == 0
    assert f"{count} written as {fmt}" in capsys.readouterr().out
    if fmt != "parquet":
        assert json.loads(out.read_text(encoding="utf-8"))["type"] in (
            "FeatureCollection",
            "bundle",
        )
    else:
        assert out.stat().st_size > 0


def test_export_partitions_parquet(tmp_path: Path) -> None:
    """``--partition-by source`` writes a folder of Hive partitions."""
    out = tmp_path / "claims"
    assert (
        main(
            ["export", "parquet", str(_input(tmp_path)), "-o", str(out), "--partition-by", "source"]
        )
        == 0
    )
    assert [p.name for p in out.iterdir()] == ["source=src%3Ax"]


def test_a_bad_line_stops_the_export_with_its_line_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 3, the line number on standard error, no output left behind."""
    out = tmp_path / "out.geojson"
    assert main(["export", "geojson", str(_input(tmp_path, bad_line=True)), "-o", str(out)]) == 3
    assert "line 2" in capsys.readouterr().err
    assert not out.exists()


def test_partitions_are_for_parquet_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--partition-by`` with another format is refused."""
    args = [
        "export",
        "stix",
        str(_input(tmp_path)),
        "-o",
        str(tmp_path / "b"),
        "--partition-by",
        "year",
    ]
    assert main(args) == 3
    assert "parquet format only" in capsys.readouterr().err
