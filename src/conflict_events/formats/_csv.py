"""Reading and writing CSV files row by row, with record and line numbers."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, NamedTuple

from conflict_events.formats._core import (
    FormatError,
    Import,
    ImportProblem,
    detect_encoding,
    problem,
)

__all__ = ["Row", "RowError", "csv_rows", "slug", "write_rows"]


class Row(NamedTuple):
    """One data row: its number (1 is the first after the header), its first line, its values."""

    record: int
    line: int
    values: dict[str, str]


def _rows(
    handle: IO[str], path: Path, header: list[str], imp: Import, reader: Iterator[list[str]]
) -> Iterator[Row | ImportProblem]:
    line: int = getattr(reader, "line_num", 1)
    record = 0
    try:
        while True:
            start = line + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise FormatError(f"not CSV: {exc}", path=str(path), line=start) from exc
            line = getattr(reader, "line_num", line)
            if not cells:  # a blank line is no record
                continue
            record += 1
            imp.count_record()
            if len(cells) != len(header):
                yield problem(
                    record,
                    start,
                    "",
                    {str(i): c for i, c in enumerate(cells)},
                    f"{len(cells)} cells where the header has {len(header)}",
                    represented=False,
                )
            else:
                yield Row(record, start, dict(zip(header, cells, strict=True)))
    finally:
        handle.close()


def csv_rows(
    path: Path, imp: Import, required: Sequence[str], *, encoding: str | None = None
) -> tuple[list[str], Iterator[Row | ImportProblem]]:
    """The header and an iterator over the rows of ``path``; checks ``required`` columns now.

    A row whose cell count differs from the header's comes as a problem (not represented),
    with its cells as the raw values. The encoding is detected (UTF-8 or Windows-1252) unless
    given, and noted in ``imp.notes``.
    """
    if encoding is None:
        encoding = detect_encoding(path)
        imp.notes.append(f"encoding: {encoding} (detected)")
    handle = path.open(encoding=encoding, newline="")
    try:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise FormatError("empty file: no header", path=str(path), line=1) from None
        except csv.Error as exc:
            raise FormatError(f"not CSV: {exc}", path=str(path), line=1) from exc
        missing = [c for c in required if c not in header]
        if missing:
            raise FormatError(
                "missing columns: " + ", ".join(missing), path=str(path), line=reader.line_num
            )
        if len(set(header)) != len(header):
            twice = sorted({c for c in header if header.count(c) > 1})
            raise FormatError(
                "columns named twice: " + ", ".join(twice), path=str(path), line=reader.line_num
            )
    except BaseException:
        handle.close()
        raise
    return header, _rows(handle, path, header, imp, reader)


class RowError(Exception):
    """A value a row cannot be represented with: the column and why (the readers' signal)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]]) -> int:
    """Write a CSV of ``columns`` (UTF-8, header first); return the number of data rows."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by ``-``: a piece of an id; ``""`` when none are left.

    >>> slug("Agence France Presse"), slug("Київ")
    ('agence-france-presse', '')
    """
    return _NOT_SLUG.sub("-", text.lower()).strip("-")
