"""``conflict-events read``: posts in a CSV or JSON Lines file to statements in JSON Lines.

Each row is one post: its text and the moment it was posted (UTC unless the value carries an
offset). Bulletins become statements, written one per line; with ``--validate`` the findings
of each statement are printed (on standard output, or on standard error when the statements
go to standard output). Counts by kind and every unread span go to standard error.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from conflict_events.model import Statement
from conflict_events.reading._bulletin import read_bulletin
from conflict_events.serialize import write_jsonl
from conflict_events.validation import validate

__all__ = ["add_read_parser", "posted_at", "run_read"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 3


class _Unreadable(ValueError):
    """The posts file cannot be read, or lacks a column (caught by the command, never raised)."""


def add_read_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """Register the ``read`` subcommand on a parser's subcommands."""
    r = sub.add_parser("read", help="read bulletins in a CSV or JSON Lines file of posts")
    r.add_argument("file", help="posts: .csv or .jsonl (one JSON object per line)")
    r.add_argument("-o", "--output", default="-", help="statements as JSON Lines (default -)")
    r.add_argument("--text", default="text", help="the column holding the post's text")
    r.add_argument("--posted", default="posted", help="the column holding when it was posted")
    r.add_argument("--source", default=None, help="the speaker's id, e.g. src:ru-mod")
    r.add_argument("--validate", action="store_true", help="print each statement's findings")
    r.add_argument("--quiet", action="store_true", help="no counts or unread spans on stderr")


def posted_at(value: str) -> datetime:
    """The instant a post's time column stands for: UTC unless it carries an offset.

    >>> posted_at("2024-05-01 05:00").isoformat(), posted_at("2024-05-01T08:00+03:00").hour
    ('2024-05-01T05:00:00+00:00', 8)
    """
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date and time: {value!r}") from None
    if moment.utcoffset() is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def _rows(path: str) -> Iterator[tuple[int, dict[str, object]]]:
    try:
        handle = sys.stdin if path == "-" else Path(path).open(encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise _Unreadable(f"{path}: cannot read: {exc}") from None
    with handle:
        if path.lower().endswith((".jsonl", ".ndjson")):
            for n, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise _Unreadable(f"{path}:{n}: not JSON: {exc.msg}") from None
                if not isinstance(row, dict):
                    raise _Unreadable(f"{path}:{n}: expected a JSON object per line")
                yield n, row
        else:
            for n, row in enumerate(csv.DictReader(handle), start=2):
                yield n, dict(row)


def run_read(args: argparse.Namespace) -> int:
    """Run ``read``; return the exit code."""
    kinds: Counter[str] = Counter()
    unread = 0
    errors = 0
    err = sys.stderr

    findings_to = sys.stdout if args.output != "-" else err

    def statements() -> Iterator[Statement]:
        nonlocal unread, errors
        for n, row in _rows(args.file):
            missing = [c for c in (args.text, args.posted) if c not in row]
            if missing:
                raise _Unreadable(
                    f"{args.file}:{n}: no column {missing[0]!r} (the row has {sorted(row)})"
                )
            text, posted = row[args.text], row[args.posted]
            if not isinstance(text, str) or not isinstance(posted, str):
                raise _Unreadable(f"{args.file}:{n}: text and posted time must be strings")
            try:
                when = posted_at(posted)
            except ValueError as exc:
                raise _Unreadable(f"{args.file}:{n}: {args.posted}: {exc}") from None
            reading = read_bulletin(text, posted=when, source=args.source)
            kinds[reading.kind.value] += 1
            if not args.quiet:
                for u in reading.unread:
                    unread += 1
                    err.write(f"{args.file}:{n}: unread {u}\n")
            if reading.statement is None:
                continue
            if args.validate:
                errors += _print_findings(reading.statement, f"{args.file}:{n}", findings_to)
            yield reading.statement

    try:
        if args.output == "-":
            write_jsonl(statements(), sys.stdout)
        else:
            with Path(args.output).open("w", encoding="utf-8") as out:
                write_jsonl(statements(), out)
    except (_Unreadable, OSError) as exc:
        err.write(f"conflict-events: {exc}\n")
        return EXIT_UNREADABLE
    if not args.quiet:
        counts = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        err.write(f"read {sum(kinds.values())} posts: {counts}; {unread} unread spans\n")
    return EXIT_FINDINGS if errors else EXIT_OK


def _print_findings(statement: Statement, where: str, out: IO[str]) -> int:
    result = validate(statement)
    for f in result:
        at = f" at {f.path}" if f.path else ""
        out.write(f"{where}: {f.code} {f.severity.value}{at}: {f.message}\n")
    return len(result.errors)
