"""The ``conflict-events import`` command: a dataset file to JSON Lines reports."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from conflict_events.formats import READERS, FormatError, read
from conflict_events.serialize import write_jsonl

__all__ = ["add_import_command", "run_import"]

EXIT_OK, EXIT_NOT_REPRESENTED, EXIT_UNREADABLE = 0, 1, 3


def add_import_command(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``import FORMAT FILE -o OUT.jsonl`` with the subparsers' ``add_parser``."""
    p = add_parser("import", help="read a dataset (UCDP GED, ACLED, ...) into JSON Lines")
    p.add_argument("format", choices=sorted(READERS), help="the file's format")
    p.add_argument("file", help="the dataset file")
    p.add_argument("-o", "--output", required=True, help="the JSON Lines file to write")
    p.add_argument("--max-problems", type=int, default=20, help="list at most N problems")


def run_import(args: argparse.Namespace) -> int:
    """Import; print counts and problems; 1 when a row was not represented, 3 when unreadable.

    >>> import argparse, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     ns = argparse.Namespace(format="plover", file=f"{d}/none.json",
    ...                             output=f"{d}/out.jsonl", max_problems=5)
    ...     run_import(ns)
    3
    """
    target = Path(args.output)
    partial = target.with_name(f".{target.name}.partial")
    try:
        imp = read(args.file, format=args.format)
        written = write_jsonl(imp, partial)
    except (FormatError, OSError) as exc:
        partial.unlink(missing_ok=True)
        sys.stderr.write(f"conflict-events: {exc}\n")
        return EXIT_UNREADABLE
    partial.replace(target)
    counts = imp.counts
    say = sys.stdout.write
    say(
        f"{args.file}: {counts['records']} records, {written} reports, {counts['claims']} "
        f"claims, {counts['problems']} problems, {counts['not_represented']} records not "
        f"represented -> {target}\n"
    )
    for note in imp.notes:
        say(f"note: {note}\n")
    for p in imp.problems[: args.max_problems]:
        say(f"{p}\n")
    hidden = len(imp.problems) - args.max_problems
    if hidden > 0:
        say(f"... and {hidden} more problems (--max-problems)\n")
    return EXIT_OK if imp.complete else EXIT_NOT_REPRESENTED
