"""The ``"parquet"`` writer: the flat claim table, with its explicit Arrow schema, as Parquet.

The rows and columns are those of :func:`conflict_events.to_records` (one row per claim,
nested parts included and linked by ``parent_id``, or one per claim and region) and the types
those of :func:`conflict_events.serialize.tables.arrow_schema`: instants as UTC timestamps,
counts as integers, bounds as doubles, lists joined with ``;``. DuckDB, Polars, pandas and
Spark read the result directly. Needs the ``arrow`` extra (``pip install
'conflict-events[arrow]'``).

One file by default; with ``partition_by`` a folder of Hive partitions (``year=2025/...`` or
``source=src%3Aru-mod/...``) that the same tools read as one table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from conflict_events.model import Report
from conflict_events.serialize.tables import Per, arrow_schema, to_arrow

if TYPE_CHECKING:  # pragma: no cover - imported lazily at run time
    import pyarrow as pa

__all__ = ["BATCH_REPORTS", "PARTITIONS", "Partition", "write"]

Partition = Literal["year", "source"]
PARTITIONS: tuple[str, ...] = ("year", "source")
"""What a partitioned folder can be split by: the claim's year or the statement's source."""

BATCH_REPORTS = 2048
"""How many reports are turned into one Arrow batch at a time (memory stays bounded)."""

YEAR = "year"
"""The partition column added with ``partition_by="year"``: the year (UTC) of the claim's
window start, else of its statement's issue; null when neither is known."""


def _pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "the parquet writer needs pyarrow: pip install 'conflict-events[arrow]'"
        ) from exc


def _batches(reports: Iterable[Report], per: Per) -> Iterator[pa.Table]:
    it = iter(reports)
    while True:
        chunk = list(islice(it, BATCH_REPORTS))
        if not chunk:
            return
        for report in chunk:
            if not isinstance(report, Report):
                raise TypeError(f"expected a Report, got {type(report).__name__}")
        yield to_arrow(chunk, per=per)


def _with_year(table: pa.Table) -> pa.Table:
    import pyarrow as pa
    import pyarrow.compute as pc

    when = pc.coalesce(table.column("window_start"), table.column("issued_start"))
    return table.append_column(pa.field(YEAR, pa.int32()), pc.cast(pc.year(when), pa.int32()))


def write(
    reports: Iterable[Report],
    path: Path,
    *,
    partition_by: Partition | None = None,
    per: Per = "claim",
) -> int:
    """Write the claim table of ``reports`` to ``path``; return the number of rows.

    Without ``partition_by``, ``path`` is one Parquet file; with it, ``path`` is a folder
    (made if missing, and refused if it holds files already) of Hive partitions.

    >>> import tempfile
    >>> from conflict_events import Claim, Quantity, Statement
    >>> report = Report(id="r", statements=(Statement(id="s", source="src:x", kind="bulletin",
    ...     claims=(Claim(id="c", kind="interception", quantity=Quantity.exact(38)),)),))
    >>> target = Path(tempfile.mkdtemp()) / "claims.parquet"
    >>> write([report], target)
    1
    >>> import pyarrow.parquet as pq
    >>> pq.read_table(target).column("quantity_value").to_pylist()
    [38.0]
    """
    _pyarrow()
    if partition_by is not None and partition_by not in PARTITIONS:
        raise ValueError(
            f"partition_by must be one of {', '.join(PARTITIONS)}, got {partition_by!r}"
        )
    path = Path(path)
    if partition_by is None:
        return _write_file(reports, path, per)
    return _write_folder(reports, path, partition_by, per)


def _write_file(reports: Iterable[Report], path: Path, per: Per) -> int:
    import pyarrow.parquet as pq

    rows = 0
    partial = path.with_name(f".{path.name}.partial")
    try:
        with pq.ParquetWriter(partial, arrow_schema()) as writer:
            for table in _batches(reports, per):
                writer.write_table(table)
                rows += table.num_rows
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return rows


def _write_folder(reports: Iterable[Report], path: Path, by: Partition, per: Per) -> int:
    import pyarrow.dataset as ds

    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise FileExistsError(f"{path}: a partitioned table needs a new or empty folder")
    path.mkdir(parents=True, exist_ok=True)
    schema = arrow_schema()
    if by == YEAR:
        import pyarrow as pa

        schema = schema.append(pa.field(YEAR, pa.int32()))
    rows = 0
    for n, table in enumerate(_batches(reports, per)):
        if by == YEAR:
            table = _with_year(table)
        rows += table.num_rows
        ds.write_dataset(
            table,
            path,
            format="parquet",
            schema=schema,
            partitioning=[by],
            partitioning_flavor="hive",
            basename_template=f"part-{n:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
    return rows
