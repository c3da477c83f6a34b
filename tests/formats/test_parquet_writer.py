"""The Parquet writer: the claim table as one file or Hive partitions, read by DuckDB and pandas."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events import Claim, Quantity, Report, Statement, TimeWindow, to_arrow
from conflict_events.formats import parquet, write
from conflict_events.testing import strategies as ces

pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow (the arrow extra) is not installed")


def _report(rid: str, year: int, source: str, n: int) -> Report:
    window = TimeWindow.on_day(datetime(year, 5, 1).date(), tz="Europe/Kyiv")
    claims = tuple(
        Claim(id=f"c:{i}", kind="interception", quantity=Quantity.exact(10 + i), window=window)
        for i in range(n)
    )
    statement = Statement(id="st:1", source=source, kind="bulletin", claims=claims)
    return Report(id=rid, statements=(statement,))


REPORTS = [
    _report("rep:a", 2023, "src:ua-af", 2),
    _report("rep:b", 2024, "src:ua-af", 3),
    _report("rep:c", 2024, "src:ru-mod", 1),
]


def test_duckdb_queries_one_file(tmp_path: Path) -> None:
    """DuckDB sums the claim table straight from the file; pandas reads the same rows."""
    duckdb = pytest.importorskip("duckdb", reason="duckdb (in the test extra) is not installed")
    target = tmp_path / "claims.parquet"
    assert write(REPORTS, target, format="parquet") == 6
    rows = duckdb.execute(
        "SELECT source, count(*), sum(quantity_value) FROM read_parquet(?) "
        "GROUP BY source ORDER BY source",
        [str(target)],
    ).fetchall()
    assert rows == [("src:ru-mod", 1, 10.0), ("src:ua-af", 5, 10 + 11 + 10 + 11 + 12.0)]
    frame = __import__("pandas").read_parquet(target)
    assert list(frame["claim_id"]) == ["c:0", "c:1", "c:0", "c:1", "c:2", "c:0"]
    assert str(frame["window_start"].dt.tz) == "UTC"


@pytest.mark.parametrize(
    ("by", "folders"),
    [
        ("year", {"year=2023", "year=2024"}),
        ("source", {"source=src%3Aua-af", "source=src%3Aru-mod"}),
    ],
)
def test_a_partitioned_folder_reads_back_as_one_table(
    tmp_path: Path, by: parquet.Partition, folders: set[str]
) -> None:
    """Hive partitions by year or source: DuckDB reads the folder whole, keys as columns."""
    duckdb = pytest.importorskip("duckdb", reason="duckdb (in the test extra) is not installed")
    target = tmp_path / "claims"
    assert parquet.write(REPORTS, target, partition_by=by) == 6
    assert {p.name for p in target.iterdir()} == folders
    query = {
        "year": "SELECT year, count(*) FROM read_parquet(?, hive_partitioning=true) GROUP BY year",
        "source": "SELECT source, count(*) FROM read_parquet(?, hive_partitioning=true) "
        "GROUP BY source",
    }[by]
    counts = dict(duckdb.execute(query, [f"{target}/**/*.parquet"]).fetchall())
    expected = {2023: 2, 2024: 4} if by == "year" else {"src:ru-mod": 1, "src:ua-af": 5}
    assert {str(k): v for k, v in counts.items()} == {str(k): v for k, v in expected.items()}


def test_a_partitioned_folder_must_be_new_or_empty(tmp_path: Path) -> None:
    """Partitions are never mixed into a folder that holds other files."""
    (tmp_path / "old.parquet").write_bytes(b"")
    with pytest.raises(FileExistsError, match="new or empty folder"):
        parquet.write(REPORTS, tmp_path, partition_by="year")
    with pytest.raises(ValueError, match="partition_by must be one of"):
        parquet.write(REPORTS, tmp_path / "x", partition_by="month")  # type: ignore[arg-type]


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    """Something that is not a report: an error, and no half-written file."""
    with pytest.raises(TypeError, match="expected a Report"):
        parquet.write([*REPORTS, "x"], tmp_path / "c.parquet")  # type: ignore[list-item]
    assert list(tmp_path.iterdir()) == []


def test_rows_per_claim_and_region(tmp_path: Path) -> None:
    """``per="claim_region"`` writes a claim over two regions as two rows."""
    claim = Claim(id="c", kind="strike", regions=("RU-BEL", "RU-KRS"))
    report = Report(
        id="r", statements=(Statement(id="s", source="src:x", kind="report", claims=(claim,)),)
    )
    parquet.write([report], tmp_path / "c.parquet", per="claim_region")
    assert pq.read_table(tmp_path / "c.parquet").column("regions").to_pylist() == [
        "RU-BEL",
        "RU-KRS",
    ]


def _claim_ids_unique_per_statement(reports: list[Report]) -> bool:
    """The claim table keys rows by report, statement and claim id: keys may not repeat."""

    def ids(claims: tuple[Claim, ...]) -> list[str]:
        return [i for c in claims for i in (c.id, *ids(c.parts))]

    keys = [
        (report.id, statement.id, claim_id)
        for report in reports
        for statement in report.statements
        for claim_id in ids(statement.claims)
    ]
    return len(set(keys)) == len(keys)


@settings(max_examples=25)
@given(st.lists(ces.reports(), max_size=3).filter(_claim_ids_unique_per_statement))
def test_any_reports_read_back_equal_to_the_claim_table(reports: list[Report]) -> None:
    """Property: the Parquet file read back equals :func:`to_arrow` of the same reports."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "claims.parquet"
        rows = parquet.write(reports, target)
        table = pq.read_table(target)
    expected = to_arrow(reports)
    assert rows == table.num_rows == expected.num_rows
    assert table.schema.equals(expected.schema)
    assert table.to_pylist() == expected.to_pylist()
