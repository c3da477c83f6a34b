"""The ``conflict-events export`` command: JSON Lines reports to a dataset format."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from conflict_events.errors import ConflictEventsError
from conflict_events.formats import WRITERS, parquet, write
from conflict_events.model import Report
from conflict_events.serialize import iter_jsonl

__all__ = ["add_export_command", "run_export"]

EXIT_OK, EXIT_UNREADABLE = 0, 3


def add_export_command(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``export FORMAT IN.jsonl -o OUT`` with the subparsers' ``add_parser``."""
    p = add_parser("export", help="write JSON Lines reports as GeoJSON, STIX, Parquet, ...")
    p.add_argument("format", choices=sorted(WRITERS), help="the format to write")
    p.add_argument("file", help="reports as JSON Lines (one report a line)")
    p.add_argument("-o", "--output", required=True, help="the file (or folder) to write")
    p.add_argument(
        "--partition-by",
        choices=parquet.PARTITIONS,
        default=None,
        help="parquet only: write a folder of Hive partitions by year or source",
    )


def run_export(args: argparse.Namespace) -> int:
    """Export; print how many rows or objects were written; 3 when the input is unreadable.

    A bad line stops the export with its line number, and no output file is left behind.

    >>> import argparse, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     ns = argparse.Namespace(format="geojson", file=f"{d}/none.jsonl",
    ...                             output=f"{d}/out.geojson", partition_by=None)
    ...     run_export(ns)
    3
    """
    if args.partition_by is not None and args.format != "parquet":
        sys.stderr.write("conflict-events: --partition-by applies to the parquet format only\n")
        return EXIT_UNREADABLE
    try:
        reports = iter_jsonl(Report, Path(args.file))
        if args.partition_by is not None:
            count = parquet.write(reports, Path(args.output), partition_by=args.partition_by)
        else:
            count = write(reports, args.output, format=args.format)
    except (ConflictEventsError, OSError, ValueError) as exc:
        sys.stderr.write(f"conflict-events: {args.file}: {exc}\n")
        return EXIT_UNREADABLE
    sys.stdout.write(f"{args.file}: {count} written as {args.format} -> {args.output}\n")
    return EXIT_OK
